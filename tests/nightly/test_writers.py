"""Every text writer of the nightly survives portal text: lone surrogates, line separators."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.common.files import append_line, atomic_write, encodable
from scripts.nightly.publish import history_text, write_output


def test_atomic_write_writes_a_lone_surrogate_as_a_replacement_character(tmp_path: Path):
    path = tmp_path / "out.txt"
    atomic_write(path, "LOG\ud800IN")
    assert path.read_text(encoding="utf-8") == "LOG\ufffdIN"


def test_atomic_write_leaves_no_temporary_file_behind(tmp_path: Path):
    atomic_write(tmp_path / "out.txt", "x\udfff")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_append_line_writes_a_lone_surrogate_as_a_replacement_character(tmp_path: Path):
    path = tmp_path / "out.txt"
    append_line(path, "a\udc80\n")
    append_line(path, "b\n")
    assert path.read_text(encoding="utf-8") == "a\ufffd\nb\n"


def test_encodable_leaves_ordinary_text_alone():
    assert encodable("लॉग इन 😀") == "लॉग इन 😀"


def test_job_output_is_one_ascii_line_whatever_the_portal_showed(tmp_path: Path):
    output = tmp_path / "github_output"
    condensed = {"mode": "live", "record": {"observed": {"x": "a\u2028b\u0085c\ud800"}}}
    write_output(output, condensed)
    text = output.read_text(encoding="utf-8")
    assert text.isascii() and text.count("\n") == 1 and text.endswith("\n")
    assert json.loads(text.removeprefix("record=")) == condensed


def test_history_text_for_the_branch_is_always_encodable():
    text = history_text([{"observed": {"x": "LOG\ud800IN"}}], keep=5)
    assert "LOG\ufffdIN" in text
    text.encode("utf-8")
