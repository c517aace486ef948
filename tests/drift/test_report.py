"""The report files: atomic, durable, readable by others, portal text escaped."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.common.files import atomic_write
from scripts.drift.report import code_span, escape_markdown, summary_markdown, write_report


def test_atomic_write_gives_a_new_file_the_usual_mode(tmp_path: Path):
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "report.json", "{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "report.json").stat().st_mode) == 0o644


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path):
    path = tmp_path / "history.json"
    path.write_text("old")
    path.chmod(0o664)
    atomic_write(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


def test_atomic_write_flushes_to_disk_before_renaming(tmp_path: Path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(source, target) -> None:
        events.append("replace")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write(tmp_path / "x.json", "{}")
    assert events[:2] == ["fsync", "replace"]


def test_escaped_portal_text_cannot_break_a_table_or_add_markup():
    escaped = escape_markdown("A | B *bold* [link](x) <img src=x>\n# heading")
    assert "|" not in escaped.replace("\\|", "")
    assert escaped == (
        "A \\| B \\*bold\\* \\[link\\]\\(x\\) \\<img src\\=x\\> \\# heading"
    )


def test_code_span_fences_portal_text_that_holds_backticks():
    assert code_span("a `b` c") == "`` a `b` c ``"


def test_summary_escapes_what_the_portal_showed():
    report = {
        "outcome": "drift", "exit_status": 1, "started": "s", "finished": "f",
        "target": {"mode": "live", "base_urls": {"www": "https://www.icegate.gov.in/"}},
        "runner": {"browser": "Chromium 1"},
        "pages": [{"page": "login", "verdict": "ok", "url": "u", "final_url": "u", "detail": ""}],
        "elements": [{
            "element": "login.submit", "verdict": "label drift", "mentions": [],
            "detail": 'the portal shows "SIGN | IN", the guides say "LOGIN"',
        }],
    }
    summary = summary_markdown(report)
    assert "SIGN \\| IN" in summary
    assert "exit status 1" in summary


ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


def report_with(text: str) -> dict:
    return {
        "outcome": "drift", "exit_status": 1, "started": text, "finished": text,
        "target": {"mode": "live", "base_urls": {"www": text}},
        "runner": {"browser": text},
        "pages": [
            {"page": "login", "verdict": "changed", "url": text, "final_url": text,
             "detail": text, "phone_screenshot": text,
             "shown": {"title": text, "headings": [text], "buttons": [text], "links": [text],
                       "fields": [text]}},
        ],
        "elements": [{"element": "login.submit", "verdict": "label drift", "mentions": [text],
                      "detail": text, "observed_label": text}],
    }


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
def test_report_writer_writes_any_text_without_failing(tmp_path_factory, text: str):
    folder = tmp_path_factory.mktemp("report")
    write_report(folder, report_with(text))
    assert json.loads((folder / "report.json").read_text(encoding="utf-8"))["outcome"] == "drift"
    assert (folder / "summary.md").read_text(encoding="utf-8").startswith("# Drift report")


def test_report_writer_replaces_a_lone_surrogate_and_drops_controls(tmp_path: Path):
    write_report(tmp_path, report_with("LOG\ud800IN\x01\u202e"))
    written = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert json.loads(written)["elements"][0]["observed_label"] == "LOG\ufffdIN"
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "LOG\ufffdIN" in summary
    assert "\x01" not in summary and "\u202e" not in summary


def test_summary_lists_what_a_changed_page_shows_escaped():
    report = report_with("x")
    report["pages"][0]["shown"] = {
        "title": "ICEGATE", "headings": ["Choose how to log in"], "buttons": ["<b>OK</b>"],
        "links": ["Help"], "fields": [],
    }
    summary = summary_markdown(report)
    assert "**page login** changed" in summary
    assert "headings: Choose how to log in" in summary
    assert "buttons: \\<b\\>OK\\<\\/b\\>" in summary
    assert "form fields: none" in summary
