"""Pages that answer but are not what the contract describes: changed, or really unreachable.

A redesign (the login route first shows another screen) is drift; content inside an open
shadow root is content; an app whose script failed, or that is still loading, is not a
redesign.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.drift.checker import Timing
from scripts.drift.model import ElementVerdict, Outcome, PageVerdict
from scripts.drift.run import DriftRun
from tests.drift.imitation import Fault, imitation_portal
from tests.drift.runs import FAST, complete_report, drift_run

pytestmark = pytest.mark.browser

LOGIN = ("login",)
#: A page that never becomes ready gets its verdict after the wait: keep the wait short.
SHORT_WAIT = Timing(navigation=5, ready=1, element=1, retries=1, retry_pause=0.2, poll=0.05)
#: The login route shows a choice of how to log in; the form would come later.
CHOICE_SCREEN = (
    '"#/login": function () { return loginForm(); },',
    """"#/login": function () { return '<app-layout><main><app-login-choice>' +
      '<h1>Choose how to log in</h1>' +
      '<button type="button" class="btn">ICEGATE ID and password</button>' +
      '<button type="button" class="btn">Digital signature certificate</button>' +
      '<a href="#/help">Help with logging in</a>' +
      '</app-login-choice></main></app-layout>'; },""",
)
#: The app draws every route inside an open shadow root of <app-root>.
SHADOW_ROOT = [
    (
        "root.innerHTML = banner + view();",
        'var shadow = root.shadowRoot || root.attachShadow({ mode: "open" });\n'
        '    shadow.innerHTML = \'<link rel="stylesheet" href="styles.css">\' + banner + view();',
    ),
    ('root.querySelectorAll("form")', 'shadow.querySelectorAll("form")'),
]
#: A static header in the page shell, drawn without the app's script.
STATIC_HEADER = (
    "<app-root></app-root>",
    '<header><h1>ICEGATE 2.0</h1><a href="https://www.icegate.gov.in/">Home</a></header>'
    "<app-root></app-root>",
)
#: A page that keeps the network busy for as long as it is open.
NEVER_IDLE = (
    '<script src="app.js">',
    '<script>setInterval(function () { fetch("styles.css?poll=" + Date.now()); }, 100);'
    '</script><script src="app.js">',
)


def check(browser: Browser, folder: Path, fault: Fault, timing: Timing = FAST,
          pages: tuple[str, ...] = LOGIN) -> DriftRun:
    with imitation_portal(fault) as portal:
        return drift_run(browser, folder, portal.url, timing, pages)


def test_login_route_that_first_shows_another_screen_is_changed_and_drift(browser, tmp_path):
    run = check(browser, tmp_path, Fault(replace=[CHOICE_SCREEN]), SHORT_WAIT)
    login = run.page("login").page
    assert login.verdict is PageVerdict.CHANGED
    assert run.outcome() is Outcome.DRIFT
    assert run.outcome().exit_status == 1


def test_changed_page_reports_what_it_shows_now(browser, tmp_path):
    check(browser, tmp_path, Fault(replace=[CHOICE_SCREEN]), SHORT_WAIT)
    page = json.loads((tmp_path / "report.json").read_text())["pages"][0]
    assert page["verdict"] == "changed"
    assert page["final_url"].endswith("/foservices/#/login")
    assert page["shown"]["headings"] == ["Choose how to log in"]
    assert page["shown"]["buttons"] == [
        "ICEGATE ID and password", "Digital signature certificate",
    ]
    assert page["shown"]["links"] == ["Help with logging in"]
    assert page["phone_screenshot"] == "phone-login.png"
    assert (tmp_path / "screens" / "phone-login.png").exists()
    summary = (tmp_path / "summary.md").read_text()
    assert "**page login** changed" in summary
    assert "headings: Choose how to log in" in summary


def test_elements_of_a_changed_page_are_looked_for_and_missing(browser, tmp_path):
    run = check(browser, tmp_path, Fault(replace=[CHOICE_SCREEN]), SHORT_WAIT)
    assert run.element("login.icegate_id").verdict is ElementVerdict.MISSING


def test_form_inside_an_open_shadow_root_is_present_and_its_links_followed(browser, tmp_path):
    run = check(browser, tmp_path, Fault(replace=SHADOW_ROOT), pages=())
    report = complete_report(run)
    assert report["outcome"] == "no drift", report["pages"]
    assert {e["verdict"] for e in report["elements"]} == {"present"}
    assert run.page("registration").page.final_url.endswith("#/registration")
    assert run.element("login.icegate_id").observed_label == "ICEGATE ID"


def test_app_whose_script_fails_to_load_is_unreachable_not_changed(browser, tmp_path):
    fault = Fault(replace=[STATIC_HEADER], paths={"/foservices/app.js": 404})
    run = check(browser, tmp_path, fault, SHORT_WAIT)
    login = run.page("login").page
    assert login.verdict is PageVerdict.UNREACHABLE
    assert "/foservices/app.js (HTTP 404) failed to load" in login.detail
    assert run.outcome() is Outcome.UNREACHABLE


def test_app_still_loading_when_the_wait_ends_is_unreachable_not_changed(browser, tmp_path):
    fault = Fault(replace=[STATIC_HEADER], load_ms=60_000)
    run = check(browser, tmp_path, fault, SHORT_WAIT)
    login = run.page("login").page
    assert login.verdict is PageVerdict.UNREACHABLE
    assert "still loading" in login.detail


def test_app_that_drew_nothing_is_unreachable(browser, tmp_path):
    # The route draws an empty screen: the shell shows only the replica's banner paragraph.
    nothing = ('"#/login": function () { return loginForm(); },',
               '"#/login": function () { return "<app-layout></app-layout>"; },')
    run = check(browser, tmp_path, Fault(replace=[nothing]), SHORT_WAIT)
    assert run.page("login").page.verdict is PageVerdict.UNREACHABLE


def test_page_whose_network_never_goes_idle_is_checked(browser, tmp_path):
    run = check(browser, tmp_path, Fault(replace=[NEVER_IDLE]))
    assert run.page("login").page.verdict is PageVerdict.OK
    assert run.element("login.submit").verdict is ElementVerdict.PRESENT
