"""Recording probes on the history branch and deciding when the site is rebuilt."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scripts.common import gitrun
from scripts.probe.publish import BRANCH, PUBLISHED, publish, validated
from scripts.verification.reachability import RecordError, read_lines
from tests.support.gh import install_fake_gh

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2026, 12, 1, tzinfo=UTC)


def record(minutes: int, login: str = "ok") -> dict:
    at = (START + timedelta(minutes=minutes)).isoformat()
    ready = 2.5 if login == "ok" else None
    status = 200 if login == "ok" else None
    return {"at": at, "pages": {"home": {"verdict": "ok", "ready": 1.2, "status": 200},
                                "login": {"verdict": login, "ready": ready, "status": status}}}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    remote, work = tmp_path / "remote.git", tmp_path / "work"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    subprocess.run(["git", "init", "--quiet", str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "remote", "add", "origin", str(remote)], check=True)
    return work


def branch_file(repo: Path, path: str) -> str | None:
    tip = gitrun.remote_tip(repo, "origin", BRANCH)
    return gitrun.file_at(repo, tip, path)


def no_wait(seconds: float) -> None:
    """Refused pushes are retried at once in tests."""


def test_a_probe_is_one_line_in_its_months_file(repo: Path):
    publish(repo, record(0), sleep=no_wait)
    [line] = branch_file(repo, "probes/2026-12.jsonl").splitlines()
    assert json.loads(line) == record(0)


def test_the_same_probe_published_twice_is_recorded_once(repo: Path):
    publish(repo, record(0), sleep=no_wait)
    again = publish(repo, record(0), sleep=no_wait)
    assert not again.added
    assert len(branch_file(repo, "probes/2026-12.jsonl").splitlines()) == 1


def test_a_month_of_half_hour_probes_rebuilds_on_changes_and_every_three_hours(repo: Path):
    outage = range(20 * 48 + 28, 20 * 48 + 34)  # day 21, 14:00 to 17:00 UTC
    rebuilds, states = [], []
    for index in range(31 * 48):
        if index % 24 and index not in outage and index - 1 not in outage:
            continue  # publish a sample: every 12 h, and the whole outage with its edges
        done = publish(repo, record(index * 30, "unreachable" if index in outage else "ok"),
                       sleep=no_wait)
        states.append(done.state)
        if done.rebuild:
            rebuilds.append((index, done.state))
    assert ("down" in states) and rebuilds[0] == (0, "up")
    assert (outage[0], "down") in rebuilds and (outage[-1] + 1, "up") in rebuilds
    probes, skipped = read_lines(branch_file(repo, "probes/2026-12.jsonl").splitlines(), "x")
    assert skipped == [] and len(probes) == len(states)
    assert json.loads(branch_file(repo, PUBLISHED))["state"] == "up"


def test_the_same_state_within_three_hours_does_not_rebuild(repo: Path):
    publish(repo, record(0), sleep=no_wait)
    assert not publish(repo, record(30), sleep=no_wait).rebuild
    assert not publish(repo, record(150), sleep=no_wait).rebuild
    assert publish(repo, record(180), sleep=no_wait).rebuild


def test_a_push_refused_for_a_rival_probe_is_redone_on_the_newest_tip(repo: Path,
                                                                       monkeypatch):
    publish(repo, record(0), sleep=no_wait)
    real = gitrun.commit_files
    rival_done = []

    def commit_after_a_rival(repo_: Path, parent, files, message):
        if not rival_done:
            rival_done.append(True)
            publish(repo_, record(15), sleep=no_wait)  # another probe pushes first
        return real(repo_, parent, files, message)

    monkeypatch.setattr(gitrun, "commit_files", commit_after_a_rival)
    publish(repo, record(30), sleep=no_wait)
    lines = branch_file(repo, "probes/2026-12.jsonl").splitlines()
    assert [json.loads(line)["at"][11:16] for line in lines] == ["00:00", "00:15", "00:30"]


@pytest.mark.parametrize("poison", [
    {"at": "2026-12-01T00:00:00Z", "pages": {"login": {"verdict": "down <img src=x>"}}},
    {"at": "2026-12-01T00:00:00Z", "pages": {"evil": {"verdict": "ok"}}},
    {"at": "2026-12-01T00:00:00Z", "pages": {"login": {"verdict": "ok", "ready": "fast"}}},
    {"at": "2026-12-01T00:00:00Z", "pages": {"login": {"verdict": "ok", "status": 99999}}},
    {"at": "2026-12-01T00:00:00Z", "pages": {"login": {"verdict": "ok", "detail": "a\u202eb"}}},
    {"at": "2026-12-01T00:00:00Z", "pages": {"login": {"verdict": "ok", "detail": "x" * 500}}},
    {"at": "2026-12-01T00:00:00Z", "pages": {"login": {"verdict": "ok"}}, "run": "@team"},
    {"at": "soon", "pages": {"login": {"verdict": "ok"}}},
])
def test_a_poisoned_hand_over_is_refused(poison: dict):
    with pytest.raises(RecordError):
        validated(poison)


def test_the_publish_command_refuses_a_poisoned_hand_over_and_touches_nothing(repo: Path,
                                                                              tmp_path: Path):
    state, env = install_fake_gh(tmp_path)

    def publish_command(value: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "scripts.probe", "publish", "--record-env", "RECORD",
             "--repo", str(repo)], cwd=ROOT, env={**env, "RECORD": value},
            capture_output=True, text=True, timeout=60, check=False)

    refused = publish_command('{"at": "2026-12-01T00:00:00Z", "pages": {"x": {}}}')
    assert refused.returncode == 2 and "refused" in refused.stderr
    assert gitrun.remote_tip(repo, "origin", BRANCH) is None
    done = publish_command(json.dumps(record(0)))
    assert done.returncode == 0, done.stderr
    assert json.loads(state.read_text())["dispatches"] == [{"workflow": "pages.yml",
                                                            "ref": "main"}]
