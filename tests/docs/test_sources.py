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
    assert source.date
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


def test_source_seen_on_a_day_is_shown_as_seen(tmp_path: Path):
    body = (
        "a:\n  title: A\n  kind: code\n  url: https://x.test/\n  date: 2026-11-26\n"
        "  dated: seen\n"
    )
    assert load_sources(write_register(tmp_path, body))["a"].when == "seen 2026-11-26"
