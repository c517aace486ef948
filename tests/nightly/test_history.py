"""The verification history: bounded, atomic, and harmless when missing or malformed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.nightly.record import append_run, run_record
from scripts.verification.history import HistoryError, read_status


def report(finished: str, verdict: str = "present", outcome: str = "no drift") -> dict:
    return {
        "started": finished,
        "finished": finished,
        "outcome": outcome,
        "pages": [{"page": "login", "verdict": "ok"}],
        "elements": [
            {"element": "login.submit", "verdict": verdict, "observed_label": "SIGN IN"}
        ],
    }


def test_missing_history_means_not_yet_verified(tmp_path: Path):
    status = read_status(tmp_path / "history.json")
    assert status.state == "none"
    assert status.last_verified == {}


def test_malformed_history_means_status_unknown(tmp_path: Path):
    path = tmp_path / "history.json"
    path.write_text("{not json")
    status = read_status(path)
    assert status.state == "unknown"
    assert "cannot read the history" in status.problem


def test_wrong_shape_is_named_in_the_problem(tmp_path: Path):
    path = tmp_path / "history.json"
    path.write_text(json.dumps({"schema": "icegate-verification-history/1", "runs": [{}]}))
    assert "runs → 0" in read_status(path).problem


def test_appended_run_sets_the_last_verified_date(tmp_path: Path):
    path = tmp_path / "history.json"
    append_run(run_record(report("2026-11-25T02:00:00+05:30"), "GitHub Actions", None), path)
    status = read_status(path)
    assert status.state == "ok"
    assert status.last_verified == {"login.submit": "2026-11-25"}


def test_drift_in_the_latest_check_is_reported_with_its_date(tmp_path: Path):
    path = tmp_path / "history.json"
    append_run(run_record(report("2026-11-24T02:00:00+05:30"), "x", None), path)
    drifted = report("2026-11-25T02:00:00+05:30", "label drift", "drift")
    append_run(run_record(drifted, "x", None), path)
    status = read_status(path)
    assert status.drifting == {"login.submit": ("label drift", "2026-11-25")}
    assert status.last_verified == {"login.submit": "2026-11-24"}


def test_history_keeps_only_the_newest_runs(tmp_path: Path):
    path = tmp_path / "history.json"
    for day in range(1, 8):
        append_run(run_record(report(f"2026-11-{day:02d}T02:00:00+05:30"), "x", None), path, keep=5)
    runs = json.loads(path.read_text())["runs"]
    assert [r["finished"][:10] for r in runs] == [f"2026-11-{d:02d}" for d in range(3, 8)]


def test_appending_to_a_malformed_history_fails_and_leaves_it_alone(tmp_path: Path):
    path = tmp_path / "history.json"
    path.write_text("[]")
    with pytest.raises(HistoryError):
        append_run(run_record(report("2026-11-25T02:00:00+05:30"), "x", None), path)
    assert path.read_text() == "[]"


def test_run_at_two_in_the_morning_in_india_is_dated_that_day_in_india(tmp_path: Path):
    path = tmp_path / "history.json"
    # 20:45 UTC on the 25th is 02:15 IST on the 26th, when the nightly runs.
    append_run(run_record(report("2026-11-25T20:45:00+00:00"), "x", None), path)
    assert read_status(path).last_verified == {"login.submit": "2026-11-26"}


def history_with(tmp_path: Path, **changes: object) -> Path:
    """A one-run history whose run has ``changes`` applied (values may be of the wrong type)."""
    run = {
        "started": "2026-11-25T02:00:00+05:30",
        "finished": "2026-11-25T02:02:00+05:30",
        "where": "x",
        "run_url": None,
        "outcome": "no drift",
        "pages": {"login": "ok"},
        "elements": {"login.submit": "present"},
        "observed": {},
        **changes,
    }
    path = tmp_path / "history.json"
    path.write_text(json.dumps({"schema": "icegate-verification-history/1", "runs": [run]}))
    return path


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"finished": "yesterday"}, "finished"),
        ({"started": 5}, "started"),
        ({"outcome": "fine"}, "outcome"),
        ({"elements": {"login.submit": 3}}, "elements → login.submit"),
        ({"elements": ["login.submit"]}, "elements"),
        ({"pages": {"login": None}}, "pages → login"),
        ({"observed": "SIGN IN"}, "observed"),
        ({"observed": {"login.submit": ["SIGN IN"]}}, "observed"),
        ({"where": {"html": 1}}, "where"),
        ({"run_url": "javascript:alert(1)"}, "run_url"),
    ],
)
def test_wrong_types_in_a_history_mean_status_unknown_naming_the_field(
    tmp_path: Path, changes: dict, named: str
):
    status = read_status(history_with(tmp_path, **changes))
    assert status.state == "unknown"
    assert f"runs → 0 → {named}" in status.problem


def test_the_page_verdict_changed_is_a_known_verdict(tmp_path: Path):
    assert read_status(history_with(tmp_path, pages={"login": "changed"})).state == "ok"


def test_a_history_inside_the_repository_is_named_by_its_repository_path():
    from scripts.common.paths import ROOT
    from scripts.verification.history import shown_path

    assert shown_path(ROOT / "portal" / "verification" / "history.json") == (
        "portal/verification/history.json"
    )


def test_an_unreadable_history_never_shows_an_absolute_path(tmp_path: Path):
    path = tmp_path / "history.json"
    path.mkdir()  # a folder where the file should be: reading it fails
    status = read_status(path)
    assert status.state == "unknown"
    assert str(tmp_path) not in status.problem
    assert status.problem.startswith("history.json: cannot read the history")


def _append_one(path: str, day: int) -> None:
    stamp = f"2026-11-01T02:{day:02d}:00+05:30"
    append_run(run_record(report(stamp), "x", None), Path(path))


def test_concurrent_appends_keep_every_run(tmp_path: Path):
    import multiprocessing

    path = tmp_path / "history.json"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_one, args=(str(path), n)) for n in range(24)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert all(worker.exitcode == 0 for worker in workers)
    assert len(json.loads(path.read_text())["runs"]) == 24


def test_a_label_with_a_lone_surrogate_is_recorded_not_refused(tmp_path: Path):
    path = tmp_path / "history.json"
    drifted = report("2026-11-25T02:00:00+05:30", "label drift", "drift")
    drifted["elements"][0]["observed_label"] = "LOG\ud800IN\x01"
    append_run(run_record(drifted, "x", None), path)
    assert json.loads(path.read_text())["runs"][0]["observed"] == {"login.submit": "LOG\ufffdIN"}


def test_a_malformed_history_is_named_in_the_build_log(tmp_path: Path, capsys):
    read_status(history_with(tmp_path, finished="the day before yesterday"))
    log = capsys.readouterr().err
    assert "status unknown: history.json: runs → 0 → finished" in log
