"""The status page and the per-page verification line follow the committed history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.contract.model import project_contract
from scripts.site.portal_status import page_verification
from scripts.site.words import ENGLISH
from scripts.verification.history import SCHEMA, VerificationStatus, status_from_runs
from tests.rendering import render_markdown
from tests.sitebuild import ENGLISH_ONLY, BuildResult, build_copy


def history(*verdicts: str) -> list[dict]:
    return [
        {
            "finished": f"2026-11-{day:02d}T02:00:00+05:30",
            "where": "GitHub Actions (ubuntu-24.04)",
            "outcome": "drift" if verdict != "present" else "no drift",
            "pages": {"login": "ok"},
            "elements": {"login.submit": verdict, "login.password": "present"},
        }
        for day, verdict in enumerate(verdicts, start=20)
    ]


def test_page_without_live_runs_says_not_yet_verified():
    check = page_verification(["login.submit"], project_contract(), VerificationStatus("none"))
    assert check.line == ENGLISH["check_none"]
    assert check.drift == []


def test_page_with_every_element_verified_gives_the_oldest_date():
    status = status_from_runs(history("present", "present"))
    check = page_verification(["login.submit", "login.password"], project_contract(), status)
    assert check.line == (
        "Our nightly check has seen every portal word in bold on this page on the live portal, "
        "last on 21 Nov 2026 (marked ✓)."
    )


def test_page_with_a_drifted_element_gets_a_warning_naming_it():
    status = status_from_runs(history("present", "label drift"))
    check = page_verification(["login.submit"], project_contract(), status)
    assert check.drift == [{"label": "LOGIN", "verdict": "label drift", "date": "2026-11-21"}]


def test_unreadable_history_says_status_unknown():
    status = VerificationStatus("unknown", problem="bad file")
    check = page_verification(["login.submit"], project_contract(), status)
    assert check.line == ENGLISH["check_unknown"]


def render(status: VerificationStatus) -> str:
    return render_markdown("[[portal-status]]", status, page="reference/portal-status.md")


def test_status_page_without_history_says_nothing_was_verified():
    assert "No live run has been recorded yet" in render(VerificationStatus("none"))


def test_status_page_shows_the_latest_run_and_a_chart():
    html = render(status_from_runs(history("present", "missing")))
    assert "GitHub Actions (ubuntu-24.04)" in html
    assert "missing since 2026-11-21" in html
    assert "<svg" in html and 'role="img"' in html
    assert "2 live runs from 2026-11-20 to 2026-11-21: 1 with drift" in html


def build_with_history(tmp_path: Path, text: str | None) -> tuple[BuildResult, Path]:
    def write_history(copy: Path) -> None:
        target = copy / "portal" / "verification" / "history.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        if text is not None:
            target.write_text(text)

    result, _ = build_copy(tmp_path, write_history, ENGLISH_ONLY)
    return result, result.site_dir


def test_drift_in_the_history_puts_a_banner_on_the_pages_that_mention_it(tmp_path: Path):
    document = json.dumps({"schema": SCHEMA, "runs": history("present", "label drift")})
    result, site = build_with_history(tmp_path, document)
    assert result.returncode == 0, result.output
    steps = (site / "log-in" / "steps" / "index.html").read_text()
    assert "The portal has changed since this page was checked" in steps
    assert "LOGIN: label drift (nightly check of 21 Nov 2026)" in steps
    helpdesk = (site / "troubleshoot" / "helpdesk" / "index.html").read_text()
    assert "The portal has changed" not in helpdesk


@pytest.mark.parametrize("text", ["{broken", json.dumps({"runs": "no"})])
def test_malformed_history_still_builds_and_says_status_unknown(tmp_path: Path, text: str):
    result, site = build_with_history(tmp_path, text)
    assert result.returncode == 0, result.output
    steps = (site / "log-in" / "steps" / "index.html").read_text()
    assert ENGLISH["check_unknown"] in steps
    status_page = (site / "reference" / "portal-status" / "index.html").read_text()
    assert "Status unknown" in status_page


def test_home_page_sentence_names_the_latest_run():
    html = render_markdown("[[portal-last-run]]", status_from_runs(history("present")))
    assert "The latest live check finished on 20 Nov 2026 with: no drift." in html


def test_home_page_sentence_without_history_says_nothing_is_verified():
    html = render_markdown("[[portal-last-run]]", VerificationStatus("none"))
    assert "No live check has run yet" in html


def test_locator_drift_counts_as_verified_and_puts_no_warning_on_the_guide():
    status = status_from_runs(history("present", "locator drift"))
    check = page_verification(["login.submit"], project_contract(), status)
    assert check.drift == []
    assert check.line == (
        "Our nightly check has seen every portal word in bold on this page on the live portal, "
        "last on 21 Nov 2026 (marked ✓)."
    )


def test_locator_drift_is_listed_for_maintainers_on_the_status_page():
    html = render(status_from_runs(history("present", "locator drift", "locator drift")))
    assert "locator drift since 2026-11-21 (update the locators)" in html


def test_missing_since_is_the_first_night_of_the_streak():
    html = render(status_from_runs(history("present", "missing", "missing", "missing")))
    assert "missing since 2026-11-21" in html


def test_unchecked_nights_do_not_restart_the_streak():
    runs = history("present", "missing", "missing")
    runs[2]["elements"]["login.submit"] = "not checked"
    runs.append({**runs[1], "finished": "2026-11-23T02:00:00+05:30"})
    status = status_from_runs(runs)
    assert status.drifting["login.submit"] == ("missing", "2026-11-21")
