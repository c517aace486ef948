"""Nights walked end to end: record → push → Pages dispatch → issues, with a fake gh on PATH.

The history goes to a real git remote (a bare repository in a temporary folder); the GitHub
CLI is tests/support/fake_gh.py, which rejects flags and labels the real gh would reject.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.common import gitrun
from scripts.nightly import publish as nightly
from tests.support.gh import install_fake_gh

ROOT = Path(__file__).resolve().parents[2]
ELEMENT = "login.submit"
OLD_LINK = "login.old_link"


def small_contract(path: Path, elements: list[str]) -> Path:
    """A contract file (the keys the publish step reads) with one page and these elements."""
    lines = ["version: 1", "pages:", "  login:", "    title: Login", "elements:"]
    for element in elements:
        lines += [f"  {element}:", "    page: login"]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def night(tmp_path: Path):
    """Run one night's publish step against a bare remote and the fake gh; return the state."""
    remote = tmp_path / "remote.git"
    work = tmp_path / "work"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    subprocess.run(["git", "init", "--quiet", str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "remote", "add", "origin", str(remote)], check=True)
    state, env = install_fake_gh(tmp_path)
    env["GITHUB_REPOSITORY"] = "o/r"

    def run_night(
        day: int, elements: dict[str, str], outcome: str | None = None, sleep=None
    ) -> dict:
        """One night's publish; in this process when ``sleep`` (how to wait between refused
        pushes) is given, else as the workflow runs it."""
        contract = small_contract(tmp_path / f"contract-{day}.yml", sorted(elements))
        drift = any(v in ("label drift", "missing", "locator drift") for v in elements.values())
        record = {
            "started": f"2026-12-{day:02d}T20:30:00+00:00",
            "finished": f"2026-12-{day:02d}T20:32:00+00:00",
            "where": "GitHub Actions",
            "run_url": f"https://github.com/o/r/actions/runs/{day}",
            "outcome": outcome or ("drift" if drift else "no drift"),
            "pages": {"login": "ok"},
            "elements": elements,
            "observed": {e: "SIGN | IN @team" for e, v in elements.items() if v == "label drift"},
        }
        condensed = tmp_path / f"night-{day}.json"
        condensed.write_text(json.dumps({"mode": "live", "record": record}))
        before = json.loads(state.read_text())
        argv = [
            "publish", "--record", str(condensed), "--repo", str(work),
            "--history-out", str(tmp_path / "history.json"), "--contract", str(contract),
        ]
        if sleep is None:
            done = subprocess.run(
                [sys.executable, "-m", "scripts.nightly", *argv],
                cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120,
            )
            returncode, output = done.returncode, done.stdout + done.stderr
        else:
            returncode, output = publish_here(argv, env, sleep)
        after = json.loads(state.read_text())
        after["new_calls"] = after["calls"][len(before["calls"]):]
        after["returncode"] = returncode
        after["output"] = output
        after["pushed"] = pushed_runs(remote)
        return after

    return run_night


def publish_here(argv: list[str], env: dict[str, str], sleep) -> tuple[int, str]:
    """Run the publish command in this process with ``env``; its status and its output."""
    output = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(output), \
            contextlib.redirect_stderr(output):
        for name, value in env.items():
            patch.setenv(name, value)
        status = nightly.main(argv, sleep=sleep)
    return status, output.getvalue()


def pushed_runs(remote: Path) -> list[dict]:
    shown = subprocess.run(
        ["git", "--git-dir", str(remote), "show", "portal-history:history.json"],
        capture_output=True, text=True, check=False,
    )
    return json.loads(shown.stdout)["runs"] if shown.returncode == 0 else []


def issue_calls(calls: list[list[str]]) -> list[list[str]]:
    return [c[:2] for c in calls if c[0] in ("issue", "label") and c[1] != "list"]


def test_a_month_of_nights_records_publishes_and_files_issues_in_order(night):
    first = night(1, {ELEMENT: "label drift", "login.old_link": "present"})
    assert first["returncode"] == 0, first["output"]
    assert len(first["pushed"]) == 1
    assert first["dispatches"] == [{"workflow": "pages.yml", "ref": "main"}]
    assert first["new_calls"][0] == ["workflow", "run", "pages.yml", "--ref", "main"]
    assert issue_calls(first["new_calls"]) == [], "no issue on the first drifting night"

    second = night(2, {ELEMENT: "label drift", "login.old_link": "present"})
    assert second["returncode"] == 0, second["output"]
    assert len(second["pushed"]) == 2
    # Fresh repository: the label is created before the first issue that needs it.
    assert issue_calls(second["new_calls"]) == [["label", "create"], ["issue", "create"]]
    issue = second["issues"][0]
    assert issue["state"] == "open" and issue["labels"] == ["portal-drift"]
    # Portal text is quoted as code: no Markdown, no table break, no @mention.
    assert "The portal now shows: ` SIGN | IN @team `" in issue["body"]

    third = night(3, {ELEMENT: "present", "login.old_link": "present"})
    assert issue_calls(third["new_calls"]) == [], "one clean night does not close it"
    fourth = night(4, {ELEMENT: "present", "login.old_link": "present"})
    assert issue_calls(fourth["new_calls"]) == [["issue", "close"]]
    assert fourth["issues"][0]["state"] == "closed"

    night(5, {ELEMENT: "present", "login.old_link": "missing"})
    sixth = night(6, {ELEMENT: "present", "login.old_link": "missing"})
    old = [i for i in sixth["issues"] if "login.old_link" in i["title"]]
    assert [i["state"] for i in old] == ["open"]
    # The element leaves the contract (removed or renamed): its issue is closed.
    seventh = night(7, {ELEMENT: "present"})
    assert [i["state"] for i in seventh["issues"]] == ["closed", "closed"]
    assert "no longer in the contract" in seventh["issues"][1]["comments"][-1]
    assert len(seventh["pushed"]) == 7
    assert len(seventh["dispatches"]) == 7


def test_publishing_the_same_night_twice_records_it_once(night):
    night(1, {ELEMENT: "present"})
    again = night(1, {ELEMENT: "present"})
    assert again["returncode"] == 0, again["output"]
    assert len(again["pushed"]) == 1


def test_no_dispatch_and_no_issue_when_the_history_cannot_be_pushed(night, tmp_path: Path):
    night(1, {ELEMENT: "label drift"})
    (tmp_path / "remote.git" / "hooks" / "pre-receive").write_text("#!/bin/sh\nexit 1\n")
    (tmp_path / "remote.git" / "hooks" / "pre-receive").chmod(0o755)
    waits: list[float] = []
    refused = night(2, {ELEMENT: "label drift"}, sleep=waits.append)
    assert refused["returncode"] == 1
    assert waits == [2, 4, 8], "three waits between four refused pushes"
    assert "could not push the history" in refused["output"]
    assert refused["new_calls"] == []
    assert len(refused["pushed"]) == 1


def test_a_push_refused_because_another_run_pushed_first_is_rebuilt_on_the_newest_tip(
    tmp_path: Path, monkeypatch
):
    remote, mine, theirs = tmp_path / "remote.git", tmp_path / "mine", tmp_path / "theirs"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    for clone in (mine, theirs):
        subprocess.run(["git", "init", "--quiet", str(clone)], check=True)
        subprocess.run(
            ["git", "-C", str(clone), "remote", "add", "origin", str(remote)], check=True
        )

    def record(day: int) -> dict:
        stamp = f"2026-12-{day:02d}T20:30:00+00:00"
        return {"started": stamp, "finished": stamp, "outcome": "no drift",
                "pages": {}, "elements": {ELEMENT: "present"}}

    original = nightly.commit_history
    raced = []

    def commit_after_a_rival(repo, parent, text, message):
        if not raced:  # another run pushes between our fetch and our push
            raced.append(True)
            nightly.push_history(theirs, record(1))
        return original(repo, parent, text, message)

    monkeypatch.setattr(nightly, "commit_history", commit_after_a_rival)
    runs = nightly.push_history(mine, record(2), sleep=lambda seconds: None)
    assert [r["finished"][:10] for r in runs] == ["2026-12-01", "2026-12-02"]
    assert [r["finished"][:10] for r in pushed_runs(remote)] == ["2026-12-01", "2026-12-02"]


def test_dry_run_plans_against_the_real_open_issues_and_changes_nothing(night, tmp_path: Path):
    night(1, {ELEMENT: "label drift"})
    second = night(2, {ELEMENT: "label drift"})
    number = second["issues"][0]["number"]
    state_file = tmp_path / "gh.json"
    before = json.loads(state_file.read_text())
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "FAKE_GH_STATE": str(state_file), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "scripts.nightly.issues", "--dry-run",
         "--history", str(tmp_path / "history.json")],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert f"comment #{number}" in done.stdout
    after = json.loads(state_file.read_text())
    assert after["calls"][len(before["calls"]):] == [
        ["issue", "list", "--label", "portal-drift", "--state", "open",
         "--json", "number,body", "--limit", "1000"]
    ]
    assert after["issues"] == before["issues"]


def test_fake_gh_rejects_a_flag_the_real_gh_does_not_have(night, tmp_path: Path):
    night(1, {ELEMENT: "present"})
    env = {**os.environ, "FAKE_GH_STATE": str(tmp_path / "gh.json")}
    done = subprocess.run(
        [str(tmp_path / "bin" / "gh"), "issue", "create", "--labels", "x", "--title", "t",
         "--body", "b"],
        env=env, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2


def test_refused_pushes_wait_longer_each_time_up_to_ten_seconds():
    assert [gitrun.push_pause(n) for n in (1, 2, 3, 4)] == [2, 4, 8, 10]


def test_a_history_deleted_on_the_branch_fails_loudly_instead_of_starting_again(
    night, tmp_path: Path
):
    night(1, {ELEMENT: "present"})
    night(2, {ELEMENT: "present"})
    remote = tmp_path / "remote.git"
    git = ["git", "--git-dir", str(remote)]
    tree = subprocess.run([*git, "mktree"], input="", capture_output=True, text=True,
                          check=True).stdout.strip()
    commit = subprocess.run(
        [*git, "commit-tree", tree, "-p", "portal-history", "-m", "oops"],
        capture_output=True, text=True, check=True,
        env={**os.environ, **gitrun.BOT},
    ).stdout.strip()
    subprocess.run([*git, "update-ref", "refs/heads/portal-history", commit], check=True)
    third = night(3, {ELEMENT: "present"})
    assert third["returncode"] == 1
    assert "has no readable history.json" in third["output"]
    assert third["new_calls"] == []
    tip = subprocess.run([*git, "rev-parse", "portal-history"], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert tip == commit, "nothing pushed over the damaged branch"
