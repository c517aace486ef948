"""Recording the replica from a portal: stripped DOM, manifest, and the drift check uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.common.localserver import serve_directory
from scripts.contract.model import project_contract
from scripts.drift.checker import Timing
from scripts.drift.run import DriftRun
from scripts.drift.target import Target, recorded_pages
from scripts.tools.record_replica import record_all
from scripts.verification.verdicts import ElementVerdict, PageVerdict
from tests.drift.imitation import Fault, imitation_portal

pytestmark = pytest.mark.browser
FAST = Timing(navigation=5, ready=5, element=0.5, retries=0, retry_pause=0, poll=0.05)


@pytest.fixture(scope="module")
def recording(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("replica")
    contract = project_contract()
    with imitation_portal() as portal:
        record_all(contract, Target.replica_layout(contract, portal.url), browser, out)
    return out


def test_every_live_checkable_page_is_recorded_with_url_time_and_browser(recording: Path):
    manifest = json.loads((recording / "recorded.json").read_text())
    pages = {entry["page"] for entry in manifest["pages"]}
    live = {p.id for p in project_contract().pages.values() if p.live_checkable}
    assert pages == live
    entry = manifest["pages"][0]
    assert entry["url"].startswith("http://127.0.0.1:")
    assert entry["recorded_at"] and entry["browser"].startswith("Chromium ")


def test_recording_keeps_the_elements_and_strips_scripts_and_the_overlay(recording: Path):
    html = (recording / "foservices" / "recorded" / "login.html").read_text()
    assert 'id="icegateId"' in html
    assert "<script" not in html
    assert 'class="overlay' not in html
    assert html.startswith("<!-- Recorded from http://127.0.0.1:")


def test_drift_check_uses_the_recordings(browser: Browser, recording: Path, tmp_path: Path):
    contract = project_contract()
    recorded = recorded_pages(recording)
    with serve_directory(recording) as url:
        target = Target.replica_layout(contract, url, "replica", recorded)
        run = DriftRun(contract, target, browser, tmp_path, FAST)
        try:
            check = run.page("forgot_password")
        finally:
            run.close()
    assert check.page.verdict is PageVerdict.OK
    assert check.page.url.endswith("foservices/recorded/forgot_password.html")
    assert {r.verdict for r in check.elements} == {ElementVerdict.PRESENT}


def test_re_recording_keeps_pages_it_could_not_record_this_time(browser: Browser, tmp_path: Path):
    contract = project_contract()
    earlier = {
        "page": "registration",
        "url": "https://foservices.icegate.gov.in/#/registration",
        "recorded_at": "2026-11-01T20:30:00+00:00",
        "browser": "Chromium 155",
        "file": "foservices/recorded/registration.html",
    }
    (tmp_path / "recorded.json").write_text(json.dumps({"pages": [earlier]}))
    removed_link = ('<a " + link("registration") + ">Sign Up</a>', "")
    with imitation_portal(Fault(replace=[removed_link])) as portal:
        recorded = record_all(
            contract, Target.replica_layout(contract, portal.url), browser, tmp_path
        )
    manifest = json.loads((tmp_path / "recorded.json").read_text())["pages"]
    assert "registration" not in {entry["page"] for entry in recorded}
    assert earlier in manifest
    assert {"home", "login", "forgot_password"} <= {entry["page"] for entry in manifest}
