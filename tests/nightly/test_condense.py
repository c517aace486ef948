"""The check job's gate: the drift status must agree with a complete report, or the job fails."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.nightly.publish import main, where_from_env

ROOT = Path(__file__).resolve().parents[2]


def write_report(path: Path, exit_status: int = 1, complete: bool = True) -> Path:
    outcome = {0: "no drift", 1: "drift", 75: "portal unreachable", 70: "checker failed"}
    report = {
        "started": "2026-12-01T20:30:00+00:00",
        "finished": "2026-12-01T20:32:00+00:00",
        "complete": complete,
        "target": {"mode": "live"},
        "outcome": outcome[exit_status],
        "exit_status": exit_status,
        "pages": [{"page": "login", "verdict": "ok"}],
        "elements": [{"element": "login.submit", "verdict": "label drift",
                      "observed_label": "SIGN IN"}],
    }
    path.write_text(json.dumps(report))
    return path


def condense(tmp_path: Path, status: str, report: Path | None = None) -> tuple[int, Path]:
    output = tmp_path / "github_output"
    report = report or tmp_path / "report.json"
    code = main(["condense", "--report", str(report), "--status", status,
                 "--output", str(output), "--where", "CI"])
    return code, output


@pytest.mark.parametrize("status", [0, 1, 75])
def test_recordable_status_that_agrees_with_the_report_is_handed_on(tmp_path: Path, status):
    write_report(tmp_path / "report.json", status)
    code, output = condense(tmp_path, str(status))
    assert code == 0
    line = output.read_text()
    assert line.startswith("record=") and line.endswith("\n") and line.count("\n") == 1
    handed = json.loads(line.removeprefix("record="))
    assert handed["mode"] == "live"
    assert handed["record"]["where"] == "CI"


def test_checker_failure_fails_the_job_even_with_a_report(tmp_path: Path, capsys):
    write_report(tmp_path / "report.json", 70)
    code, output = condense(tmp_path, "70")
    assert code == 1
    assert "checker itself failed" in capsys.readouterr().err
    assert not output.exists()


def test_missing_report_fails_the_job(tmp_path: Path, capsys):
    code, _ = condense(tmp_path, "0")
    assert code == 1
    assert "no report" in capsys.readouterr().err


def test_report_that_disagrees_with_the_status_fails_the_job(tmp_path: Path, capsys):
    write_report(tmp_path / "report.json", 0)
    code, _ = condense(tmp_path, "1")
    assert code == 1
    assert "says exit status 0" in capsys.readouterr().err


def test_incomplete_report_fails_the_job(tmp_path: Path, capsys):
    write_report(tmp_path / "report.json", 1, complete=False)
    assert condense(tmp_path, "1")[0] == 1
    assert "incomplete" in capsys.readouterr().err


@pytest.mark.parametrize("status", ["2", "4", "137", "x"])
def test_any_other_status_fails_the_job_with_one_line(tmp_path: Path, capsys, status: str):
    write_report(tmp_path / "report.json", 1)
    assert condense(tmp_path, status)[0] == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_self_hosted_runner_is_named_in_where():
    env = {"RUNNER_OS": "Linux", "RUNNER_ENVIRONMENT": "self-hosted", "RUNNER_NAME": "mumbai-1"}
    assert where_from_env(env) == "GitHub Actions, self-hosted Linux runner mumbai-1"


def test_publish_job_modules_need_nothing_beyond_the_standard_library():
    # -S: no site-packages, as in the publish job, which installs nothing.
    code = (
        "import scripts.nightly.publish, scripts.nightly.issues, scripts.nightly.record, "
        "scripts.verification.history, scripts.verification.verdicts, "
        "scripts.contract.mentions"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
