"""Drift runs of the checker against local imitations of the portal, for the drift tests."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser

from scripts.contract.model import project_contract
from scripts.drift.checker import Timing
from scripts.drift.run import DriftRun
from scripts.drift.target import Target

#: The address the drift check's user agent names (any address will do in tests).
ABOUT = "https://example.org/icegate-guide/reference/portal-status/"
#: Short timings against local servers, with slack for a loaded 2-core machine. FAST waits 3 s
#: for a page's content: the replica's overlay hides after 0.3 s, so only the negative cases (a
#: missing element, a covered link) ever wait it out.
FAST = Timing(navigation=5, ready=3, element=1.5, retries=1, retry_pause=0.2, poll=0.05)
#: For pages that never become ready (changed, failed, still loading): the verdict comes after
#: the wait, so the wait is short.
SHORT_WAIT = Timing(navigation=5, ready=1, element=1, retries=1, retry_pause=0.2, poll=0.05)


def drift_run(
    browser: Browser,
    report_dir: Path,
    base_url: str,
    timing: Timing = FAST,
    pages: tuple[str, ...] = (),
) -> DriftRun:
    """Check every page of the contract at ``base_url``, or only ``pages``, and close the run.

    The report is written to ``report_dir``, as the drift command writes it.
    """
    contract = project_contract()
    target = Target.replica_layout(contract, base_url)
    run = DriftRun(contract, target, browser, report_dir, timing, about_url=ABOUT)
    try:
        for page in pages or contract.pages:
            run.page(page)
    finally:
        run.close()
    return run


def complete_report(run: DriftRun) -> dict:
    """The report as written on disk, after checking that it covers every page."""
    report = json.loads((run.report_dir / "report.json").read_text())
    assert report["complete"] is True
    assert {p["page"] for p in report["pages"]} == set(project_contract().pages)
    assert len(report["elements"]) == len(project_contract().elements)
    return report
