"""The check is polite: it honours Retry-After, stops after a refusal, and gives up on a host
that does not answer, counted at local imitation servers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.drift.checker import Timing
from scripts.drift.run import DriftRun
from scripts.verification.verdicts import Outcome, PageVerdict
from tests.drift.imitation import Fault, Imitation, imitation_portal
from tests.drift.runs import FAST, drift_run

pytestmark = pytest.mark.browser

TOO_MANY = "<html><body><h1>Too Many Requests</h1></body></html>"
FIREWALL_PAGE = (
    "<html><body><h1>Request Rejected</h1>"
    "<p>The requested URL was rejected. Please consult with your administrator.</p></body></html>"
)
#: Like the live timing: two extra attempts at a page that does not answer, short pauses.
RETRYING = Timing(navigation=2, ready=3, element=1, retries=2, retry_pause=0.1, poll=0.05)


def run_against(browser: Browser, folder: Path, fault: Fault,
                timing: Timing = FAST) -> tuple[DriftRun, Imitation]:
    """Check every page of the contract; the imitation portal keeps what it was asked."""
    with imitation_portal(fault) as portal:
        run = drift_run(browser, folder, portal.url, timing)
    return run, portal


def test_rate_limit_with_a_long_retry_after_stops_the_check_after_one_request(browser, tmp_path):
    fault = Fault(status=429, body=TOO_MANY, headers={"Retry-After": "3600"})
    run, portal = run_against(browser, tmp_path, fault)
    assert sum(portal.methods.values()) == 1
    assert run.outcome() is Outcome.UNREACHABLE
    first, *others = [check.page for check in run.checks.values()]
    assert first.verdict is PageVerdict.BLOCKED
    assert "it asked to wait 3600 s, so the check stopped for the night" in first.detail
    assert {page.verdict for page in others} == {PageVerdict.BLOCKED}
    assert all(page.detail.startswith("not opened: ") and page.attempts == 0 for page in others)


def test_rate_limit_with_a_short_retry_after_is_waited_out_and_the_page_checked(
    browser, tmp_path
):
    fault = Fault(status=429, body=TOO_MANY, headers={"Retry-After": "1"}, times=1)
    with imitation_portal(fault) as portal:
        run = drift_run(browser, tmp_path, portal.url, FAST, ("home",))
    (first, _, _), (second, _, path) = portal.requests[:2]
    assert path == "/www/"
    assert second - first >= 1.0
    assert run.page("home").page.verdict is PageVerdict.OK


def test_firewall_page_stops_the_check_after_one_request(browser, tmp_path):
    run, portal = run_against(browser, tmp_path, Fault(status=403, body=FIREWALL_PAGE))
    assert sum(portal.methods.values()) == 1
    assert {check.page.verdict for check in run.checks.values()} == {PageVerdict.BLOCKED}


def test_host_that_answers_nothing_gets_one_page_of_attempts_then_no_more(browser, tmp_path):
    started = time.monotonic()
    run, portal = run_against(browser, tmp_path, Fault(empty=True), RETRYING)
    elapsed = time.monotonic() - started
    # One page: the first attempt and two more; every other page of that host is not opened.
    assert sum(portal.methods.values()) == 1 + RETRYING.retries
    assert elapsed < 15
    pages = [check.page for check in run.checks.values()]
    assert {page.verdict for page in pages} == {PageVerdict.UNREACHABLE}
    assert sum(page.attempts for page in pages) == 1 + RETRYING.retries
    assert run.outcome() is Outcome.UNREACHABLE
