"""A hostile portal's text (a lone surrogate, control and bidi characters, markup, @mentions)
in labels and page titles: the run completes, the report is complete, the drift reported."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from scripts.drift.run import DriftRun
from scripts.verification.verdicts import ElementVerdict, Outcome, PageVerdict
from tests.drift.imitation import Fault, imitation_portal
from tests.drift.runs import complete_report, drift_run

pytestmark = pytest.mark.browser

#: Written into the app's JavaScript: ``\\uD800`` is a lone surrogate in a JavaScript string.
HOSTILE = "LOG\\uD800IN \\u0001\\u202E &lt;img src=x onerror=alert(1)&gt; @octocat #1"
HOSTILE_TITLE = "<script>alert(1)</script> @octocat \\u0001\\u202E T\\uD800"
MUTATIONS = [
    ('<button type="submit" class="btn login">LOGIN</button>',
     f'<button type="submit" class="btn login">{HOSTILE}</button>'),
    ("coverOnce();", f'document.title = "{HOSTILE_TITLE}"; coverOnce();'),
    ('"#/registration": registration,',
     f""""#/registration": function () {{ return '<app-layout><main>' +
      '<h1>{HOSTILE}</h1><a href="#/x">{HOSTILE}</a></main></app-layout>'; }},"""),
]
SHOWN = "LOG\ufffdIN <img src=x onerror=alert(1)> @octocat #1"


@pytest.fixture(scope="module")
def hostile_run(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> DriftRun:
    with imitation_portal(Fault(replace=MUTATIONS)) as portal:
        return drift_run(browser, tmp_path_factory.mktemp("hostile"), portal.url)


def strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item)


def unsafe(text: str) -> list[str]:
    """Lone surrogates, format characters and controls other than line breaks and tabs."""
    return [f"U+{ord(c):04X}" for c in text
            if unicodedata.category(c) in ("Cs", "Cf") or
            (unicodedata.category(c) == "Cc" and c not in "\n\t")]


def test_hostile_run_completes_with_a_complete_report_and_drift(hostile_run: DriftRun):
    report = complete_report(hostile_run)
    assert report["outcome"] == Outcome.DRIFT.value
    assert report["exit_status"] == 1


def test_hostile_label_is_label_drift_with_the_text_cleaned(hostile_run: DriftRun):
    result = hostile_run.element("login.submit")
    assert result.verdict is ElementVerdict.LABEL_DRIFT
    assert result.observed_label == SHOWN


def test_hostile_page_is_changed_with_its_title_and_headings_cleaned(hostile_run: DriftRun):
    page = hostile_run.page("registration").page
    assert page.verdict is PageVerdict.CHANGED
    assert page.shown["title"] == "<script>alert(1)</script> @octocat T\ufffd"
    assert page.shown["headings"] == [SHOWN]
    assert page.shown["links"] == [SHOWN]


def test_report_holds_no_surrogate_control_or_format_character(hostile_run: DriftRun):
    report = json.loads((hostile_run.report_dir / "report.json").read_text(encoding="utf-8"))
    found = [(text, unsafe(text)) for text in strings(report) if unsafe(text)]
    assert not found


def test_summary_shows_the_hostile_text_escaped(hostile_run: DriftRun):
    summary = Path(hostile_run.report_dir / "summary.md").read_text(encoding="utf-8")
    assert not unsafe(summary)
    assert "LOG\ufffdIN \\<img src\\=x onerror\\=alert\\(1\\)\\> \\@octocat \\#1" in summary
    assert "<img" not in summary.replace("\\<img", "")
    assert "<script>" not in summary
