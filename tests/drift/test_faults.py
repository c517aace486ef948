"""Each way the portal can change or fail gives the verdict it should (fault injection)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.contract.model import project_contract
from scripts.drift.checker import Timing
from scripts.drift.run import DriftRun
from scripts.drift.target import Target
from scripts.verification.verdicts import ElementVerdict, Outcome, PageVerdict
from tests.drift.imitation import Fault, imitation_portal
from tests.drift.runs import FAST, complete_report, drift_run

pytestmark = pytest.mark.browser

# Timings besides FAST (tests/drift/runs.py). The pages that are slow on purpose are slow by 1 s:
# longer than a click may take (SLOW_CLICKS), shorter than the wait for content. A page that
# never becomes ready gets the same verdict after any wait (NEVER_READY). A covered link is
# given up after 1 s (COVERED).
SLOW_CLICKS = Timing(navigation=5, ready=3, element=0.5, retries=1, retry_pause=0.2, poll=0.05)
NEVER_READY = Timing(navigation=5, ready=0.5, element=1.5, retries=1, retry_pause=0.2, poll=0.05)
#: The page that a fault on the login form is asserted on; whole-run tests check every page.
LOGIN = ("login",)
COVERED = Timing(navigation=5, ready=3, element=1, retries=1, retry_pause=0.2, poll=0.05)
SLOW_MS = 1000
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
    def check(base_url: str, timing: Timing = FAST, pages: tuple[str, ...] = ()) -> DriftRun:
        """Check every page of the contract, or only ``pages`` (the ones a test asserts on)."""
        return drift_run(browser, tmp_path, base_url, timing, pages)

    return check


def verdict(run: DriftRun, element_id: str) -> ElementVerdict:
    return run.element(element_id).verdict


def test_changed_label_is_label_drift(check_with):
    fault = Fault(replace=[(">LOGIN</button>", ">SIGN IN</button>")])
    with imitation_portal(fault) as portal:
        run = check_with(portal.url, pages=LOGIN)
    result = run.element("login.submit")
    assert result.verdict is ElementVerdict.LABEL_DRIFT
    assert result.observed_label == "SIGN IN"
    assert run.outcome() is Outcome.DRIFT


def test_label_drift_names_the_guide_lines_that_mention_the_element(browser, tmp_path):
    contract = project_contract()
    mentions = {"login.submit": []}
    from scripts.contract.mentions import Mention

    mentions["login.submit"].append(Mention("login.submit", "log-in/steps.md", 12))
    fault = Fault(replace=[(">LOGIN</button>", ">SIGN IN</button>")])
    with imitation_portal(fault) as portal:
        target = Target.replica_layout(contract, portal.url)
        run = DriftRun(contract, target, browser, tmp_path, FAST, mentions)
        try:
            result = run.element("login.submit")
        finally:
            run.close()
    assert result.mentions == ["docs/log-in/steps.md:12"]
    assert "docs/log-in/steps.md:12" in (tmp_path / "summary.md").read_text()


def test_removed_element_is_missing_and_the_page_behind_it_is_not_checked(check_with):
    forgot_link = """<a ' + link("forgot-password") + ">Forgot Password?</a>" +"""
    fault = Fault(replace=[(forgot_link, """' +""")])
    with imitation_portal(fault) as portal:
        run = check_with(portal.url, pages=("login", "forgot_password"))
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
        run = check_with(portal.url, pages=LOGIN)
    result = run.element("login.icegate_id")
    assert result.verdict is ElementVerdict.LOCATOR_DRIFT
    assert result.locator_index == 1


def test_extra_wrapper_elements_do_not_count_as_drift(check_with):
    wrapped = f'<div class="motion-div"><div class="wrapper">{LOGIN_BUTTON}</div></div>'
    with imitation_portal(Fault(replace=[(LOGIN_BUTTON, wrapped)])) as portal:
        run = check_with(portal.url, pages=LOGIN)
    assert verdict(run, "login.submit") is ElementVerdict.PRESENT
    assert run.outcome() is Outcome.NO_DRIFT


def test_service_unavailable_is_an_http_error_not_drift(check_with):
    fault = Fault(status=503, body="<html><body><h1>Service Unavailable</h1></body></html>")
    with imitation_portal(fault) as portal:
        run = check_with(portal.url, pages=LOGIN)
    assert run.page("login").page.verdict is PageVerdict.HTTP_ERROR
    assert verdict(run, "login.submit") is ElementVerdict.NOT_CHECKED
    assert run.outcome() is Outcome.UNREACHABLE


def test_firewall_page_is_blocked_not_drift(check_with):
    with imitation_portal(Fault(status=403, body=FIREWALL_PAGE)) as portal:
        run = check_with(portal.url, pages=LOGIN)
    assert run.page("login").page.verdict is PageVerdict.BLOCKED
    assert verdict(run, "login.icegate_id") is ElementVerdict.NOT_CHECKED
    assert run.outcome() is Outcome.UNREACHABLE


def test_maintenance_page_is_maintenance_not_drift(check_with):
    with imitation_portal(Fault(status=200, body=MAINTENANCE_PAGE)) as portal:
        run = check_with(portal.url, NEVER_READY, pages=("home",))
    assert run.page("home").page.verdict is PageVerdict.MAINTENANCE
    assert run.outcome() is Outcome.UNREACHABLE


def test_server_that_never_answers_is_unreachable_within_the_time_bound(check_with):
    timing = Timing(navigation=1, ready=1, element=0.2, retries=1, retry_pause=0.1)
    started = time.monotonic()
    with imitation_portal(Fault(hang=True)) as portal:
        run = check_with(portal.url, timing)
    elapsed = time.monotonic() - started
    first = run.page("home").page
    assert first.verdict is PageVerdict.UNREACHABLE
    assert first.attempts == 2
    # The other pages share the host that did not answer: they are not opened at all.
    login = run.page("login").page
    assert login.verdict is PageVerdict.UNREACHABLE
    assert login.attempts == 0
    assert login.detail.startswith("not opened: ")
    # one page's navigation time x attempts + pause, plus generous slack for the browser
    assert elapsed < 2 * 1 + 0.1 + 10
    assert run.outcome() is Outcome.UNREACHABLE


def test_slow_page_that_becomes_ready_is_still_checked(check_with):
    with imitation_portal(Fault(load_ms=SLOW_MS)) as portal:
        run = check_with(portal.url, SLOW_CLICKS, pages=LOGIN)
    assert run.page("login").page.verdict is PageVerdict.OK
    assert verdict(run, "login.submit") is ElementVerdict.PRESENT
    assert run.outcome() is Outcome.NO_DRIFT


def test_host_that_does_not_resolve_is_unreachable(check_with):
    run = check_with("http://icegate-drift-test.invalid/", pages=LOGIN)
    page = run.page("login").page
    assert page.verdict is PageVerdict.UNREACHABLE
    assert "does not resolve" in page.detail
    assert run.outcome() is Outcome.UNREACHABLE


# A portal that behaves like a real single-page app ------------------------------------------


def fault_run(
    check_with,
    *behaviours: str,
    timing: Timing = FAST,
    late_ms: int | None = None,
    pages: tuple[str, ...] = (),
) -> tuple[DriftRun, dict]:
    with imitation_portal(Fault(behaviours=behaviours, late_ms=late_ms)) as portal:
        run = check_with(portal.url, timing, pages)
        hits = dict(portal.hits)
    return run, hits


def assert_all_present(run: DriftRun) -> None:
    report = complete_report(run)
    assert report["outcome"] == "no drift", report["pages"]
    assert {e["verdict"] for e in report["elements"]} == {"present"}, [
        (e["element"], e["verdict"], e["detail"]) for e in report["elements"]
    ]


@pytest.mark.parametrize(
    ("cover", "button"), [("advisory-modal", "Close"), ("cookie-bar", "Accept")]
)
def test_pop_up_covering_the_entry_link_is_closed_and_the_pages_behind_it_checked(
    check_with, cover: str, button: str
):
    run, _ = fault_run(check_with, cover, timing=COVERED)
    assert_all_present(run)
    registration = run.page("registration").page
    assert registration.final_url.endswith("#/registration")
    assert registration.detail == f"closed a covering pop-up ({button})"


def test_notice_without_a_known_button_is_passed_by_following_the_link_address(check_with):
    run, _ = fault_run(check_with, "undismissable-notice", timing=COVERED)
    assert_all_present(run)
    forgot = run.page("forgot_password").page
    assert forgot.final_url.endswith("#/forgot-password")
    assert "followed the address of login.forgot_password" in forgot.detail
    assert "intercepts pointer events" in forgot.detail


def test_entry_link_that_opens_a_new_tab_is_checked_in_that_tab(check_with):
    run, hits = fault_run(check_with, "new-tab")
    assert_all_present(run)
    registration = run.page("registration").page
    assert registration.final_url.endswith("#/registration")
    assert registration.detail == "the entry opened a new tab"
    # Each page's document loads once: five foservices pages, and the two tabs the links open.
    assert hits["/foservices/"] == 5 + 2


def test_entry_link_that_loads_a_new_document_is_followed(check_with):
    run, hits = fault_run(check_with, "full-navigation")
    assert_all_present(run)
    assert "?view=registration" in run.page("registration").page.final_url
    assert hits["/foservices/?view=registration"] == 1


def test_form_that_renders_seconds_after_the_overlay_hides_is_present_not_missing(check_with):
    run, _ = fault_run(check_with, "late-render", timing=SLOW_CLICKS, late_ms=SLOW_MS)
    assert_all_present(run)


def test_maintenance_banner_on_a_healthy_page_is_not_maintenance(check_with):
    run, _ = fault_run(check_with, "maintenance-banner")
    assert run.page("login").page.verdict is PageVerdict.OK
    assert_all_present(run)


def test_maintenance_page_drawn_by_the_app_after_load_is_maintenance(check_with):
    run, _ = fault_run(check_with, "maintenance-after-load")
    report = complete_report(run)
    login = run.page("login").page
    assert login.verdict is PageVerdict.MAINTENANCE
    assert login.status == 200
    assert verdict(run, "login.submit") is ElementVerdict.NOT_CHECKED
    assert not any(e["verdict"] in ("missing", "label drift") for e in report["elements"])


def test_duplicate_text_is_present_and_reported_as_ambiguous_with_its_match_count(check_with):
    run, _ = fault_run(check_with, "duplicate-text", pages=LOGIN)
    result = run.element("login.forgot_password")
    assert result.verdict is ElementVerdict.PRESENT
    assert result.ambiguous is True
    assert result.match_counts["role=link name=/forgot\\s*password/"] == 2
    assert "ambiguous: 2 matches" in result.detail


def test_label_that_needs_quoting_in_the_accessibility_snapshot_is_read_exactly(check_with):
    run, _ = fault_run(check_with, "quoted-name", pages=LOGIN)
    result = run.element("login.icegate_id")
    assert result.observed_label == "ICEGATE ID: *"
    assert result.verdict is ElementVerdict.PRESENT


def test_redirect_to_another_host_is_followed_and_the_final_address_recorded(check_with):
    with imitation_portal() as real, imitation_portal(
        Fault(redirect_to=real.url.replace("127.0.0.1", "localhost"))
    ) as moved:
        run = check_with(moved.url)
    home = run.page("home").page
    assert home.verdict is PageVerdict.OK
    assert home.final_url.startswith("http://localhost:")
    assert "redirected from 127.0.0.1 to localhost" in home.detail
    assert_all_present(run)


def test_a_page_whose_check_raises_is_check_failed_and_the_report_stays_complete(
    check_with, monkeypatch
):
    from scripts.drift.checker import PageChecker

    def broken(self, tab, element):
        raise RuntimeError("checker bug")

    monkeypatch.setattr(PageChecker, "_element", broken)
    with imitation_portal() as portal:
        run = check_with(portal.url)
    report = complete_report(run)
    assert run.page("login").page.verdict is PageVerdict.CHECK_FAILED
    assert "RuntimeError: checker bug" in run.page("login").page.detail
    assert report["outcome"] == "checker failed"
    assert report["exit_status"] == 70
