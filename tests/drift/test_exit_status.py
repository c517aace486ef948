"""The drift command's exit status: 0 no drift, 1 drift, 75 portal unreachable, 70 checker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.drift.imitation import Fault, imitation_portal

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def run_drift(url: str, report: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [
            sys.executable, "-m", "scripts.drift", f"--portal-url={url}",
            f"--drift-report={report}", *extra,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_no_drift_exits_0_and_writes_every_report(tmp_path: Path):
    with imitation_portal() as portal:
        result = run_drift(portal.url, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["outcome"] == "no drift"
    assert report["complete"] is True
    assert (tmp_path / "summary.md").exists()
    junit = (tmp_path / "junit.xml").read_text()
    assert 'classname="scripts.drift.suite"' in junit, "the command runs production code only"
    assert "tests." not in junit
    assert (tmp_path / "screens" / "page-login.png").exists()


def test_drift_exits_1(tmp_path: Path):
    with imitation_portal(Fault(replace=[(">LOGIN</button>", ">SIGN IN</button>")])) as portal:
        result = run_drift(portal.url, tmp_path, "--drift-trace")
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    drifted = [e for e in report["elements"] if e["verdict"] == "label drift"]
    assert [e["element"] for e in drifted] == ["login.submit"]
    assert drifted[0]["mentions"], "a drifted element lists the guide lines that mention it"
    assert (tmp_path / "screens" / "element-login.submit.png").exists()
    assert (tmp_path / "traces" / "login.zip").exists()


def test_unreachable_portal_exits_75(tmp_path: Path):
    fault = Fault(status=503, body="<html><body>Service Unavailable</body></html>")
    with imitation_portal(fault) as portal:
        result = run_drift(portal.url, tmp_path)
    assert result.returncode == 75, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["outcome"] == "portal unreachable"
    assert {e["verdict"] for e in report["elements"]} == {"not checked"}


CRASHING_CHECKER = """
import sys
from scripts.drift import checker

def broken(self, tab, element):
    raise RuntimeError("checker bug")

checker.PageChecker._element = broken
from scripts.drift.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_checker_failure_exits_70_and_the_report_says_so(tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with imitation_portal() as portal:
        result = subprocess.run(
            [sys.executable, "-c", CRASHING_CHECKER, f"--portal-url={portal.url}",
             f"--drift-report={tmp_path}"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
        )
    assert result.returncode == 70, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["exit_status"] == 70
    assert report["outcome"] == "checker failed"
    assert report["complete"] is True
    assert "check failed" in {p["verdict"] for p in report["pages"]}



def test_changed_page_exits_1_and_the_report_shows_what_is_there(tmp_path: Path):
    choice = ('"#/registration": registration,',
              """"#/registration": function () { return '<main><h1>Choose a registration</h1>' +
      '<button type="button">New user</button></main>'; },""")
    with imitation_portal(Fault(replace=[choice])) as portal:
        result = run_drift(portal.url, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    registration = next(p for p in report["pages"] if p["page"] == "registration")
    assert registration["verdict"] == "changed"
    assert registration["shown"]["headings"] == ["Choose a registration"]
    assert registration["shown"]["buttons"] == ["New user"]
    assert report["complete"] is True
