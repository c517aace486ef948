"""Each way the portal can change or fail gives the verdict it should (fault injection)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.contract import project_contract
from scripts.drift.checker import Timing
from scripts.drift.model import ElementVerdict, Outcome, PageVerdict
from scripts.drift.run import DriftRun
from scripts.drift.target import Target
from tests.drift.imitation import Fault, imitation_portal

pytestmark = pytest.mark.browser

FAST = Timing(navigation=3, ready=6, element=0.5, retries=1, retry_pause=0.2)
LOGIN_BUTTON = '<div><button type="submit" class="btn login">LOGIN</button></div>'
FIREWALL_PAGE = (
    "<html><body><h1>Request Rejected</h1>"
    "<p>The requested URL was rejected. Please consult with your administrator.</p></body></html>"
)
MAINTENANCE_PAGE = (
    "<html><body><h1>ICEGATE</h1><p>The portal is under maintenance. Please visit later.</p>"
    "</body></html>"
)


@pytest.fixture
def check_with(browser: Browser, tmp_path: Path) -> Callable[..., DriftRun]:
    runs: list[DriftRun] = []

    def check(base_url: str, timing: Timing = FAST) -> DriftRun:
        contract = project_contract()
        run = DriftRun(contract, Target.under(contract, base_url), browser, tmp_path, timing)
        runs.append(run)
        run.check_all()
        return run

    yield check
    for run in runs:
        run.close()


def verdict(run: DriftRun, element_id: str) -> ElementVerdict:
    return run.element(element_id).verdict


def test_unchanged_replica_has_no_drift(check_with):
    with imitation_portal() as portal:
        run = check_with(portal.url)
    assert run.outcome() is Outcome.NO_DRIFT
    assert {r.verdict for r in run.element_results()} == {ElementVerdict.PRESENT}


def test_changed_label_is_label_drift(check_with):
    fault = Fault(replace=[(">LOGIN</button>", ">SIGN IN</button>")])
    with imitation_portal(fault) as portal:
        run = check_with(portal.url)
    result = run.element("login.submit")
    assert result.verdict is ElementVerdict.LABEL_DRIFT
    assert result.observed_label == "SIGN IN"
    assert run.outcome() is Outcome.DRIFT


def test_label_drift_names_the_guide_lines_that_mention_the_element(browser, tmp_path):
    contract = project_contract()
    mentions = {"login.submit": []}
    from scripts.mentions import Mention

    mentions["login.submit"].append(Mention("login.submit", "log-in/steps.md", 12))
    fault = Fault(replace=[(">LOGIN</button>", ">SIGN IN</button>")])
    with imitation_portal(fault) as portal:
        target = Target.under(contract, portal.url)
        run = DriftRun(contract, target, browser, tmp_path, FAST, mentions)
        try:
            result = run.element("login.submit")
        finally:
            run.close()
    assert result.mentions == ["docs/log-in/steps.md:12"]
    assert "docs/log-in/steps.md:12" in (tmp_path / "summary.md").read_text()


def test_removed_element_is_missing_and_the_page_behind_it_is_not_checked(check_with):
    fault = Fault(replace=[('<a href="#/forgot-password">Forgot Password?</a>', "")])
    with imitation_portal(fault) as portal:
        run = check_with(portal.url)
    assert verdict(run, "login.forgot_password") is ElementVerdict.MISSING
    assert run.page("forgot_password").page.verdict is PageVerdict.ENTRY_MISSING
    assert verdict(run, "forgot.icegate_id") is ElementVerdict.NOT_CHECKED


def test_renamed_id_with_the_same_label_is_locator_drift(check_with):
    fault = Fault(
        replace=[
            ('for="icegateId"', 'for="userIcegateId"'),
            ('id="icegateId"', 'id="userIcegateId"'),
        ]
    )
    with imitation_portal(fault) as portal:
        run = check_with(portal.url)
    result = run.element("login.icegate_id")
    assert result.verdict is ElementVerdict.LOCATOR_DRIFT
    assert result.locator_index == 1


def test_extra_wrapper_elements_do_not_count_as_drift(check_with):
    wrapped = f'<div class="motion-div"><div class="wrapper">{LOGIN_BUTTON}</div></div>'
    with imitation_portal(Fault(replace=[(LOGIN_BUTTON, wrapped)])) as portal:
        run = check_with(portal.url)
    assert verdict(run, "login.submit") is ElementVerdict.PRESENT
    assert run.outcome() is Outcome.NO_DRIFT


def test_service_unavailable_is_an_http_error_not_drift(check_with):
    fault = Fault(status=503, body="<html><body><h1>Service Unavailable</h1></body></html>")
    with imitation_portal(fault) as portal:
        run = check_with(portal.url)
    assert run.page("login").page.verdict is PageVerdict.HTTP_ERROR
    assert verdict(run, "login.submit") is ElementVerdict.NOT_CHECKED
    assert run.outcome() is Outcome.UNREACHABLE


def test_firewall_page_is_blocked_not_drift(check_with):
    with imitation_portal(Fault(status=403, body=FIREWALL_PAGE)) as portal:
        run = check_with(portal.url)
    assert run.page("login").page.verdict is PageVerdict.BLOCKED
    assert verdict(run, "login.icegate_id") is ElementVerdict.NOT_CHECKED
    assert run.outcome() is Outcome.UNREACHABLE


def test_maintenance_page_is_maintenance_not_drift(check_with):
    with imitation_portal(Fault(status=200, body=MAINTENANCE_PAGE)) as portal:
        run = check_with(portal.url)
    assert run.page("home").page.verdict is PageVerdict.MAINTENANCE
    assert run.outcome() is Outcome.UNREACHABLE


def test_server_that_never_answers_is_unreachable_within_the_time_bound(check_with):
    timing = Timing(navigation=1, ready=1, element=0.2, retries=1, retry_pause=0.1)
    started = time.monotonic()
    with imitation_portal(Fault(hang=True)) as portal:
        run = check_with(portal.url, timing)
    elapsed = time.monotonic() - started
    page = run.page("login").page
    assert page.verdict is PageVerdict.UNREACHABLE
    assert page.attempts == 2
    pages = len(project_contract().pages)
    # navigation time x attempts + pauses, per page, plus generous slack for the browser
    assert elapsed < pages * (2 * 1 + 0.1) + 10
    assert run.outcome() is Outcome.UNREACHABLE


def test_slow_page_that_becomes_ready_is_still_checked(check_with):
    with imitation_portal(Fault(load_ms=2000)) as portal:
        run = check_with(portal.url)
    assert run.page("login").page.verdict is PageVerdict.OK
    assert verdict(run, "login.submit") is ElementVerdict.PRESENT
    assert run.outcome() is Outcome.NO_DRIFT


def test_host_that_does_not_resolve_is_unreachable(check_with):
    run = check_with("http://icegate-drift-test.invalid/")
    page = run.page("login").page
    assert page.verdict is PageVerdict.UNREACHABLE
    assert "does not resolve" in page.detail
    assert run.outcome() is Outcome.UNREACHABLE


def test_each_page_is_loaded_once_however_many_elements_it_has(check_with):
    with imitation_portal() as portal:
        check_with(portal.url)
        hits = dict(portal.hits)
    contract = project_contract()
    foservices_pages = [p for p in contract.pages.values() if p.site == "foservices"]
    assert hits["/foservices/"] == len(foservices_pages)
    assert hits["/www/"] == 1
