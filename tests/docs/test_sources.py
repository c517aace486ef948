"""The source register: every source can be opened, is dated and typed, and is cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.site.prose import DOCS
from scripts.site.sources import KIND_ORDER, SourceError, load_sources, pages_citing

SOURCES = load_sources()


@pytest.mark.parametrize("source_id", list(SOURCES))
def test_source_has_an_https_url_a_date_and_a_kind(source_id: str):
    source = SOURCES[source_id]
    assert source.url.startswith("https://")
    assert source.date or source.seen
    assert source.kind in KIND_ORDER


@pytest.mark.parametrize("source_id", list(SOURCES))
def test_source_is_cited_by_a_page(source_id: str):
    assert source_id in pages_citing(DOCS), f"no page cites {source_id}: cite it or remove it"


def write_register(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(body, encoding="utf-8")
    return path


def test_register_refuses_a_source_without_a_url(tmp_path: Path):
    path = write_register(tmp_path, "a:\n  title: A\n  kind: official\n  date: 2020\n")
    with pytest.raises(SourceError, match="at a → url"):
        load_sources(path)


def test_register_refuses_a_source_without_a_date(tmp_path: Path):
    path = write_register(tmp_path, "a:\n  title: A\n  kind: code\n  url: https://x.test/\n")
    with pytest.raises(SourceError, match="at a → date"):
        load_sources(path)


def test_register_refuses_a_date_that_is_not_a_date(tmp_path: Path):
    body = "a:\n  title: A\n  kind: code\n  url: https://x.test/\n  date: recently\n"
    with pytest.raises(SourceError, match="at a → date"):
        load_sources(write_register(tmp_path, body))


def test_register_refuses_a_seen_day_that_is_not_a_date(tmp_path: Path):
    body = "a:\n  title: A\n  kind: code\n  url: https://x.test/\n  seen: last week\n"
    with pytest.raises(SourceError, match="at a → seen"):
        load_sources(write_register(tmp_path, body))


def test_register_refuses_the_old_dated_key(tmp_path: Path):
    body = (
        "a:\n  title: A\n  kind: code\n  url: https://x.test/\n  date: 2026-11-26\n"
        "  dated: seen\n"
    )
    with pytest.raises(SourceError, match="unexpected keys \\['dated'\\]"):
        load_sources(write_register(tmp_path, body))


def test_source_seen_on_a_day_is_shown_as_seen(tmp_path: Path):
    body = "a:\n  title: A\n  kind: code\n  url: https://x.test/\n  seen: 2026-11-26\n"
    assert load_sources(write_register(tmp_path, body))["a"].when == "seen 26 Nov 2026"


def test_source_with_its_own_date_and_a_seen_day_shows_both(tmp_path: Path):
    body = (
        "a:\n  title: A\n  kind: news\n  url: https://x.test/\n  date: 2022-08\n"
        "  seen: 2026-11-26\n"
    )
    assert load_sources(write_register(tmp_path, body))["a"].when == "Aug 2022, seen 26 Nov 2026"


def test_undated_source_is_listed_after_dated_ones(tmp_path: Path):
    body = (
        "old:\n  title: A\n  kind: code\n  url: https://x.test/\n  date: 2017\n"
        "undated:\n  title: B\n  kind: code\n  url: https://x.test/\n  seen: 2026-12-05\n"
    )
    sources = load_sources(write_register(tmp_path, body)).values()
    newest_first = sorted(sources, key=lambda s: s.sort_key, reverse=True)
    assert [s.id for s in newest_first] == ["old", "undated"]


@pytest.mark.parametrize(
    ("source_id", "date"),
    [("taxscan-aem-2022", "2022-08"), ("cca-ivg-2021", "2020-11-26")],
)
def test_register_gives_the_documents_own_date(source_id: str, date: str):
    assert SOURCES[source_id].date == date


def test_undated_advisory_has_no_date_of_its_own():
    assert SOURCES["icegate-adcode-advisory"].date is None
