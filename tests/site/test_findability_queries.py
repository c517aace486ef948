"""The findability benchmark's query file: enough reader queries, each naming pages that exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.tools.findability import (
    EDITIONS,
    Outcome,
    Query,
    QueryFileError,
    load_queries,
    matches,
)

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {"": ROOT / "docs", "hi/": ROOT / "docs-hi"}


def page_file(path: str) -> Path:
    """The Markdown file of a site path such as ``hi/log-in/otp/``."""
    edition = "hi/" if path.startswith("hi/") else ""
    inside = path.removeprefix(edition).rstrip("/")
    docs = FOLDERS[edition]
    return docs / "index.md" if not inside else (docs / inside / "index.md"
                                                 if (docs / inside).is_dir() else
                                                 docs / f"{inside}.md")


def test_each_edition_has_at_least_forty_queries():
    queries = load_queries()
    assert set(queries) == set(EDITIONS)
    assert all(len(listed) >= 40 for listed in queries.values())


def test_every_right_page_is_a_page_of_its_edition():
    missing = [
        right.partition("#")[0]
        for listed in load_queries().values()
        for query in listed
        for right in query.right
        if not page_file(right.partition("#")[0]).is_file()
    ]
    assert missing == []


def test_a_right_page_with_an_anchor_accepts_that_entry_only():
    assert matches("troubleshoot/#otp-not-received", "troubleshoot/#otp-not-received")
    assert not matches("troubleshoot/", "troubleshoot/#otp-not-received")
    assert not matches("troubleshoot/#session-expired", "troubleshoot/#otp-not-received")


def test_a_right_page_without_an_anchor_accepts_any_place_on_it():
    assert matches("log-in/otp/#enter-the-otp", "log-in/otp/")
    assert not matches("log-in/otp-old/", "log-in/otp/")


def test_an_outcome_counts_the_top_three_and_the_landing_apart():
    query = Query("otp not coming", ("log-in/otp/",))
    outcome = Outcome(query, "reference/sources/", ("reference/sources/", "log-in/otp/"))
    assert outcome.found and not outcome.lands


def test_a_malformed_query_file_is_refused_with_its_entry(tmp_path: Path):
    bad = tmp_path / "q.yml"
    bad.write_text("en:\n  - {query: otp}\n", encoding="utf-8")
    with pytest.raises(QueryFileError, match="en entry 1"):
        load_queries(bad)
