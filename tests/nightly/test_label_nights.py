"""Label fixes end to end: a local stand-in for the portal whose button says something new.

The stand-in is checked in Chromium as the live portal (live mode: only live-checkable pages).
It shows the same pages every night, so one check serves every night: each night's copy of its
report gets that night's times, is condensed as the check job does, published (bare git
remote, fake gh), and the label step runs on the published history, as the workflow's jobs
do in turn. (A check per night would test nothing more, at the cost of a browser run each.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.contract.model import project_contract
from scripts.drift.run import DriftRun
from scripts.drift.target import Target
from tests.drift.imitation import Fault, imitation_portal
from tests.drift.runs import ABOUT, FAST
from tests.nightly.test_labels import ROOT, Repository

pytestmark = pytest.mark.browser

NEW_LABEL = Fault(replace=[(">LOGIN</button>", ">SIGN IN</button>")])
BRANCH = "nightly-label/login.submit"


def check_stand_in(browser: Browser, folder: Path, url: str) -> Path:
    """A drift run of the stand-in as the live portal; returns its report.json."""
    contract = project_contract()
    target = Target.replica_layout(contract, url, mode="live")
    run = DriftRun(contract, target, browser, folder, FAST, about_url=ABOUT)
    try:
        run.check_all()
    finally:
        run.close()
    return folder / "report.json"


def dated(report: Path, day: int) -> None:
    """Give the report the night's times (the runs happen seconds apart, not a day)."""
    data = json.loads(report.read_text())
    data["started"] = f"2026-12-{day:02d}T20:30:00+00:00"
    data["finished"] = f"2026-12-{day:02d}T20:32:00+00:00"
    report.write_text(json.dumps(data))


def one_night(repo: Repository, checked: Path, folder: Path, day: int) -> None:
    """Condense, publish and propose labels from the stand-in's report, dated ``day``."""
    report = folder / f"night-{day}" / "report.json"
    report.parent.mkdir()
    report.write_text(checked.read_text())
    dated(report, day)
    status = json.loads(report.read_text())["exit_status"]
    output = folder / f"output-{day}"
    env = {**repo.env, "GITHUB_REPOSITORY": "o/r"}
    steps = [
        ["condense", "--report", str(report), "--status", str(status), "--output", str(output),
         "--run-url", f"https://github.com/o/r/actions/runs/{day}", "--where", "stand-in"],
        ["publish", "--record-env", "RECORD", "--repo", str(repo.work),
         "--history-out", str(repo.history)],
    ]
    for step in steps:
        if step[0] == "publish":
            env["RECORD"] = output.read_text().removeprefix("record=").strip()
        done = subprocess.run([sys.executable, "-m", "scripts.nightly", *step], cwd=ROOT,
                              env=env, capture_output=True, text=True, check=False, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "scripts.nightly.labels", "apply", "--history", str(repo.history),
         "--repo", str(repo.work), "--base", "main"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_label_changed_for_two_nights_gives_one_pull_request_a_third_updates_it(
    browser: Browser, tmp_path: Path
):
    repo = Repository(tmp_path / "repo")
    with imitation_portal(NEW_LABEL) as portal:
        checked = check_stand_in(browser, tmp_path / "check", portal.url)
    one_night(repo, checked, tmp_path, 1)
    assert repo.pulls() == [], "one night is not enough"
    one_night(repo, checked, tmp_path, 2)
    [pull] = repo.pulls()
    assert pull["head"] == BRANCH and pull["base"] == "main"
    assert repo.diff(BRANCH) == [
        "-    label: LOGIN",
        "+    label: SIGN IN",
        "+      - source: nightly drift check of the live portal (the same label on 2 "
        "checked nights in a row)",
        "+        kind: live-capture",
        "+        date: 2026-12-03",
        "+        url: https://github.com/o/r/actions/runs/2",
    ]
    first = repo.heads()[BRANCH]
    one_night(repo, checked, tmp_path, 3)
    [pull] = repo.pulls()
    assert pull["edits"] == 1 and pull["state"] == "open"
    assert repo.heads()[BRANCH] != first
    assert "+        url: https://github.com/o/r/actions/runs/3" in repo.diff(BRANCH)
    assert "- Select LOGIN.\n+ Select SIGN IN." in pull["body"]
    assert set(repo.heads()) == {"main", BRANCH, "portal-history"}
