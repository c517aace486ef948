"""The offline worker's settings, made by the pre-build step (no browser: see test_offline.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.common.paths import DOCS, ROOT
from scripts.site import offline
from scripts.site.prebuild import write_generated


def settings_in(worker: str) -> dict:
    """The OFFLINE object written at the top of a generated sw.js."""
    line = next(line for line in worker.splitlines() if line.startswith("const OFFLINE = "))
    return json.loads(line.removeprefix("const OFFLINE = ").removesuffix(";"))


def test_english_worker_leaves_the_hindi_folder_to_the_hindi_worker():
    assert offline.edition_of(DOCS) == ("en", ["hi/"])


def test_hindi_worker_keeps_its_own_folder_and_speaks_hindi():
    settings = offline.settings(ROOT / "docs-hi")
    assert (settings["edition"], settings["skip"]) == ("hi", [])
    assert "पिछली विजिट" in settings["notice"]["text"]


def test_prebuild_writes_the_worker_with_its_settings(tmp_path: Path):
    write_generated(tmp_path)
    written = (tmp_path / offline.WORKER_FILE).read_text(encoding="utf-8")
    assert settings_in(written) == offline.settings(tmp_path)


def test_version_changes_when_a_page_changes(tmp_path: Path):
    (tmp_path / "index.md").write_text("# Home\n")
    before = offline.version(tmp_path)
    (tmp_path / "index.md").write_text("# Home, changed\n")
    assert offline.version(tmp_path) != before


def test_version_does_not_depend_on_the_worker_itself(tmp_path: Path):
    (tmp_path / "index.md").write_text("# Home\n")
    before = offline.version(tmp_path)
    (tmp_path / offline.WORKER_FILE).write_text("// an earlier worker\n")
    assert offline.version(tmp_path) == before


def test_edition_without_a_notice_is_a_clear_error(tmp_path: Path):
    (tmp_path / "docs-ta").mkdir()
    (tmp_path / "mkdocs.yml").write_text("docs_dir: docs-ta\nextra:\n  edition: ta\n")
    with pytest.raises(offline.OfflineError, match="no offline notice for language 'ta'"):
        offline.edition_of(tmp_path / "docs-ta", root=tmp_path)
