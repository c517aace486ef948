"""A drift run: check pages on demand (once each), keep results, decide the outcome."""

from __future__ import annotations

import platform
from pathlib import Path

from playwright.sync_api import Browser

from scripts.common.clock import utc_now
from scripts.contract.mentions import Mention
from scripts.contract.model import Contract
from scripts.drift.checker import LIVE_TIMING, PageCheck, PageChecker, Timing, user_agent
from scripts.drift.model import ElementResult
from scripts.drift.report import write_report
from scripts.drift.target import Target
from scripts.verification.verdicts import Outcome, PageVerdict


class DriftRun:
    """Checks the contract's pages against one target and writes the report as it goes.

    Pages are opened lazily, the first time one of their elements is asked for, so a pytest
    run that selects a few elements opens only their pages. The report on disk is rewritten
    after every page, so a run that breaks halfway still leaves a readable report.
    """

    def __init__(
        self,
        contract: Contract,
        target: Target,
        browser: Browser,
        report_dir: Path,
        timing: Timing = LIVE_TIMING,
        mentions: dict[str, list[Mention]] | None = None,
        trace: bool = False,
        about_url: str | None = None,
    ) -> None:
        self.contract = contract
        self.target = target
        self.report_dir = report_dir
        self.mentions = mentions or {}
        self.browser_version = browser.version
        self.started = utc_now()
        self.finished: str | None = None
        self.failure: str | None = None
        traces = report_dir / "traces" if trace else None
        shots = report_dir / "screens"
        self.agent = user_agent(browser.version, about_url) if about_url else None
        self.checker = PageChecker(contract, target, browser, shots, timing, traces, self.agent)
        self.checks: dict[str, PageCheck] = {}

    def page(self, page_id: str) -> PageCheck:
        """The check of one page, opening it on first use."""
        if page_id not in self.checks:
            check = self.checker.check(page_id)
            for result in check.elements:
                result.mentions = [str(m) for m in self.mentions.get(result.element, [])]
            self.checks[page_id] = check
            self.write()
        return self.checks[page_id]

    def element(self, element_id: str) -> ElementResult:
        """The result for one element (its page is opened if it was not yet)."""
        page_id = self.contract.elements[element_id].page
        return next(r for r in self.page(page_id).elements if r.element == element_id)

    def check_all(self) -> Outcome:
        """Check every page of the contract and return the outcome."""
        for page_id in self.contract.pages:
            self.page(page_id)
        return self.outcome()

    def element_results(self) -> list[ElementResult]:
        """Results of every element checked so far, in contract order."""
        return [result for check in self.checks.values() for result in check.elements]

    def fail(self, why: str) -> None:
        """Record that the checker itself failed outside any page check (e.g. a test error)."""
        self.failure = self.failure or why
        self.write()

    def outcome(self) -> Outcome:
        """The run's outcome, most serious first.

        The checker failed (a page's check raised, or the run was marked failed): its results
        cannot be trusted as "no drift". Else drift if any element drifted or any page changed;
        else unreachable if the portal (not the checker) kept every page that could be opened
        from being checked.
        """
        verdicts = [check.page.verdict for check in self.checks.values()]
        if self.failure or PageVerdict.CHECK_FAILED in verdicts:
            return Outcome.CHECKER_FAILED
        if any(verdict.is_drift for verdict in verdicts):
            return Outcome.DRIFT
        if any(result.verdict.is_drift for result in self.element_results()):
            return Outcome.DRIFT
        opened = [v for v in verdicts if v is not PageVerdict.NOT_CHECKABLE]
        if opened and all(v.portal_unavailable for v in opened):
            return Outcome.UNREACHABLE
        return Outcome.NO_DRIFT

    def close(self) -> None:
        """Finish: write the final report."""
        self.finished = utc_now()
        self.write()

    def to_json(self) -> dict:
        """The report document (schema documented in maintaining/drift-check.md)."""
        elements = self.element_results()
        counts: dict[str, int] = {}
        for result in elements:
            counts[result.verdict.value] = counts.get(result.verdict.value, 0) + 1
        return {
            "schema": "icegate-drift-report/1",
            "started": self.started,
            "finished": self.finished,
            "complete": self.finished is not None and len(self.checks) == len(self.contract.pages),
            "target": {"mode": self.target.mode, "base_urls": self.target.base_urls},
            "runner": {
                "browser": f"Chromium {self.browser_version}",
                "host": platform.node(),
                "user_agent": self.agent,
            },
            "outcome": self.outcome().value,
            "exit_status": self.outcome().exit_status,
            "failure": self.failure,
            "counts": counts,
            "pages": [check.page.to_json() for check in self.checks.values()],
            "elements": [result.to_json() for result in elements],
        }

    def write(self) -> None:
        """Write report.json and summary.md (atomically) into the report folder."""
        write_report(self.report_dir, self.to_json())
