"""A redesigned login page: the login route first shows another screen (a choice of how to
log in), so the page is "changed": drift, with what it shows now in the report.

The three tests read one run (under xdist they stay on one worker, ``tests/parallel.py``).
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser

from scripts.drift.run import DriftRun
from scripts.verification.verdicts import ElementVerdict, Outcome, PageVerdict
from tests.drift.imitation import Fault, imitation_portal
from tests.drift.runs import SHORT_WAIT, drift_run

pytestmark = pytest.mark.browser

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


@pytest.fixture(scope="module")
def redesigned(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> DriftRun:
    with imitation_portal(Fault(replace=[CHOICE_SCREEN])) as portal:
        folder = tmp_path_factory.mktemp("redesigned")
        return drift_run(browser, folder, portal.url, SHORT_WAIT, ("login",))


def test_login_route_that_first_shows_another_screen_is_changed_and_drift(redesigned: DriftRun):
    run = redesigned
    login = run.page("login").page
    assert login.verdict is PageVerdict.CHANGED
    assert run.outcome() is Outcome.DRIFT
    assert run.outcome().exit_status == 1


def test_changed_page_reports_what_it_shows_now(redesigned: DriftRun):
    folder = redesigned.report_dir
    page = json.loads((folder / "report.json").read_text())["pages"][0]
    assert page["verdict"] == "changed"
    assert page["final_url"].endswith("/foservices/#/login")
    assert page["shown"]["headings"] == ["Choose how to log in"]
    assert page["shown"]["buttons"] == [
        "ICEGATE ID and password", "Digital signature certificate",
    ]
    assert page["shown"]["links"] == ["Help with logging in"]
    assert page["phone_screenshot"] == "phone-login.png"
    assert (folder / "screens" / "phone-login.png").exists()
    summary = (folder / "summary.md").read_text()
    assert "**page login** changed" in summary
    assert "headings: Choose how to log in" in summary


def test_elements_of_a_changed_page_are_looked_for_and_missing(redesigned: DriftRun):
    assert redesigned.element("login.icegate_id").verdict is ElementVerdict.MISSING
