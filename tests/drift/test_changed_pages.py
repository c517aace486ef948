"""Pages that answer but are not what the contract describes: changed, or really unreachable.

Content inside an open shadow root is content; an app whose script failed, that is still
loading or that drew nothing is not a redesign (``test_redesigned_login.py`` has the one that
is).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.drift.checker import Timing
from scripts.drift.run import DriftRun
from scripts.verification.verdicts import ElementVerdict, Outcome, PageVerdict
from tests.drift.imitation import Fault, imitation_portal
from tests.drift.runs import FAST, SHORT_WAIT, complete_report, drift_run

pytestmark = pytest.mark.browser

LOGIN = ("login",)
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
