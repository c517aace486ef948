"""The pre-build step writes the files the site needs, made from their one source."""

from __future__ import annotations

from pathlib import Path

from scripts.common.paths import SNIPPETS
from scripts.site import idcheck_rules
from scripts.site.prebuild import main, write_generated


def test_downloadable_tools_are_copied_byte_for_byte(tmp_path: Path):
    write_generated(tmp_path)
    for tool in SNIPPETS.glob("*.py"):
        assert (tmp_path / "tools" / tool.name).read_bytes() == tool.read_bytes()


def test_in_page_id_check_tables_are_generated_from_idcheck_py(tmp_path: Path):
    write_generated(tmp_path)
    written = (tmp_path / "assets" / "javascripts" / "idcheck-rules.js").read_text("utf-8")
    assert written == idcheck_rules.render()


def test_unchanged_files_are_not_rewritten(tmp_path: Path):
    first = write_generated(tmp_path)
    assert first, "the first run writes every file"
    assert write_generated(tmp_path) == []


def test_changed_file_is_written_again(tmp_path: Path):
    write_generated(tmp_path)
    tool = tmp_path / "tools" / "idcheck.py"
    tool.write_text("stale")
    assert write_generated(tmp_path) == [tool]


def test_missing_docs_folder_is_a_one_line_error(tmp_path: Path, capsys):
    assert main(["--docs-dir", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
