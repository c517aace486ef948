"""Recording a live run into the history from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.nightly.publish import main


def write_report(path: Path, mode: str = "live") -> Path:
    report = {
        "started": "2026-11-25T02:00:00+05:30",
        "finished": "2026-11-25T20:31:00+00:00",
        "target": {"mode": mode},
        "outcome": "no drift",
        "pages": [{"page": "login", "verdict": "ok"}],
        "elements": [{"element": "login.submit", "verdict": "present", "observed_label": "LOGIN"}],
    }
    path.write_text(json.dumps(report))
    return path


def test_live_report_is_appended_to_the_history(tmp_path: Path, capsys):
    history = tmp_path / "history.json"
    report = write_report(tmp_path / "report.json")
    code = main(["record", "--report", str(report), "--history", str(history), "--where", "CI"])
    assert code == 0
    runs = json.loads(history.read_text())["runs"]
    assert runs[0]["elements"] == {"login.submit": "present"}
    assert runs[0]["where"] == "CI"


def test_replica_report_is_refused(tmp_path: Path, capsys):
    report = write_report(tmp_path / "report.json", mode="replica")
    code = main(["record", "--report", str(report), "--history", str(tmp_path / "h.json")])
    assert code == 2
    assert "only live runs" in capsys.readouterr().err


def test_missing_report_is_a_one_line_error(tmp_path: Path, capsys):
    code = main(["record", "--report", str(tmp_path / "nope.json")])
    assert code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_run_url_that_is_not_https_is_refused(tmp_path: Path, capsys):
    report = write_report(tmp_path / "report.json")
    code = main(["record", "--report", str(report), "--history", str(tmp_path / "h.json"),
                 "--run-url", "javascript:alert(1)"])
    assert code == 2
    assert "https://" in capsys.readouterr().err
    assert not (tmp_path / "h.json").exists()
