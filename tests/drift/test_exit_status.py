"""The drift command's exit status: 0 no drift, 1 drift, 75 portal unreachable."""

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
    assert (tmp_path / "junit.xml").exists()
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
