"""The reachability probe against local servers that imitate the portal up, down and in between."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.contract.model import project_contract
from scripts.drift.checker import Timing
from scripts.drift.target import Target
from scripts.probe import __main__ as probe_command
from scripts.probe.run import ProbeFailed, probe
from scripts.verification.reachability import State, parse_record
from tests.drift.imitation import Fault, imitation_portal

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
#: Local servers answer at once; a page that does not gets one retry, quickly.
QUICK = Timing(navigation=3, ready=3, element=1, retries=1, retry_pause=0.2, poll=0.05)
FIREWALL = ("<html><body><h1>Request Rejected</h1><p>The requested URL was rejected. Please "
            "consult with your administrator.</p></body></html>")
MAINTENANCE = ("<html><body><h1>ICEGATE</h1><p>The portal is under maintenance. Please visit "
               "later.</p></body></html>")


def probe_at(browser: Browser, url: str) -> dict:
    contract = project_contract()
    return probe(contract, Target.replica_layout(contract, url), browser, "probe-test", QUICK)


def state(record: dict) -> State:
    return parse_record(record, "test").state


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_healthy_portal_is_up_with_ready_times(browser: Browser):
    with imitation_portal() as portal:
        record = probe_at(browser, portal.url)
    assert state(record) == State.UP
    assert set(record["pages"]) == {"home", "login"}
    assert all(page["ready"] > 0 for page in record["pages"].values())


def test_a_refused_connection_is_down(browser: Browser):
    record = probe_at(browser, f"http://127.0.0.1:{closed_port()}/")
    assert state(record) == State.DOWN
    assert record["pages"]["login"]["ready"] is None


def test_a_502_is_down(browser: Browser):
    with imitation_portal(Fault(status=502, body="<html><body>Bad Gateway</body></html>")) as p:
        record = probe_at(browser, p.url)
    assert (record["pages"]["login"]["verdict"], state(record)) == ("http error", State.DOWN)


def test_a_firewall_page_cannot_tell(browser: Browser):
    with imitation_portal(Fault(status=403, body=FIREWALL)) as portal:
        record = probe_at(browser, portal.url)
    assert (record["pages"]["login"]["verdict"], state(record)) == ("blocked", State.UNKNOWN)


def test_a_rate_limit_cannot_tell(browser: Browser):
    with imitation_portal(Fault(status=429, body="<html><body>Too many</body></html>")) as p:
        record = probe_at(browser, p.url)
    assert record["pages"]["login"]["status"] == 429
    assert state(record) == State.UNKNOWN


def test_a_maintenance_page_is_maintenance(browser: Browser):
    with imitation_portal(Fault(status=200, body=MAINTENANCE)) as portal:
        record = probe_at(browser, portal.url)
    assert state(record) == State.MAINTENANCE


def test_a_slow_app_is_timed_until_it_is_ready(browser: Browser):
    with imitation_portal(Fault(load_ms=1500)) as portal:
        record = probe_at(browser, portal.url)
    assert record["pages"]["login"]["ready"] >= 1.5


def test_a_silent_server_gets_one_retry_per_page(browser: Browser):
    with imitation_portal(Fault(hang=True)) as portal:
        record = probe_at(browser, portal.url)
        requests = sum(portal.hits.values())
    assert state(record) == State.DOWN
    assert requests <= 4, f"{requests} requests to a server that answers nothing"


def test_a_probe_that_breaks_is_a_probe_failure_not_down(browser: Browser,
                                                         monkeypatch: pytest.MonkeyPatch):
    def broken(self, context, page_id):
        raise RuntimeError("the checker broke")

    monkeypatch.setattr("scripts.drift.checker.PageChecker.open_ready", broken)
    with imitation_portal() as portal, pytest.raises(ProbeFailed, match="the checker broke"):
        probe_at(browser, portal.url)


def test_the_command_records_one_line_and_appends_it(tmp_path: Path):
    log = tmp_path / "probes" / "2026-12.jsonl"
    with imitation_portal() as portal:
        result = subprocess.run(
            [sys.executable, "-m", "scripts.probe", "--portal-url", portal.url,
             "--append", str(log), "--github-output", str(tmp_path / "out")],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    [line] = log.read_text().splitlines()
    assert json.loads(line) == json.loads(result.stdout)
    assert (tmp_path / "out").read_text() == f"record={line}\n"


def test_the_command_exits_70_and_records_nothing_when_the_probe_breaks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    def broken(args):
        raise ProbeFailed("the browser failed: no Chromium")

    monkeypatch.setattr(probe_command, "run", broken)
    log = tmp_path / "probes.jsonl"
    assert probe_command.main(["--portal-url", "http://127.0.0.1:9/", "--append", str(log)]) == 70
    assert not log.exists()
    assert "not recorded" in capsys.readouterr().err
