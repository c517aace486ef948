"""The reachability probe's records, read: state, outages, timeline, when to publish."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from scripts.verification.reachability import (
    Probe,
    State,
    outages,
    read_lines,
    should_publish,
    state_of,
    summarise,
    timeline,
)

START = datetime(2026, 12, 5, 0, 0, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)


def page(verdict: str, ready: float | None = 2.0) -> dict:
    return {"verdict": verdict, "ready": ready}


def probe(minutes: int, login: str = "ok", home: str = "ok", ready: float = 2.0) -> Probe:
    return Probe(START + timedelta(minutes=minutes),
                 {"home": page(home), "login": page(login, ready)})


def line(at: str, login: str = "ok") -> str:
    return json.dumps({"at": at, "pages": {"login": page(login)}})


@pytest.mark.parametrize(("login", "home", "ready", "state"), [
    ("ok", "ok", 2.0, State.UP),
    ("ok", "ok", 25.0, State.DEGRADED),
    ("ok", "unreachable", 2.0, State.DEGRADED),
    ("changed", "ok", None, State.DEGRADED),
    ("unreachable", "ok", None, State.DOWN),
    ("http error", "ok", None, State.DOWN),
    ("maintenance", "maintenance", None, State.MAINTENANCE),
    ("blocked", "ok", None, State.UNKNOWN),
    ("check failed", "ok", None, State.UNKNOWN),
])
def test_state_follows_the_login_page(login: str, home: str, ready: float | None, state: State):
    assert state_of({"home": page(home), "login": page(login, ready)}) == state


@pytest.mark.parametrize("status", [401, 403, 429])
def test_a_login_page_that_refused_the_probe_says_nothing(status: int):
    login = {"verdict": "http error", "ready": None, "status": status}
    assert state_of({"login": login}) == State.UNKNOWN


def test_a_probe_without_the_login_page_says_nothing():
    assert state_of({"home": page("ok")}) == State.UNKNOWN


def test_records_are_read_oldest_first():
    probes, skipped = read_lines([line("2026-12-05T01:00:00+00:00"),
                                  line("2026-12-05T00:30:00Z")], "probes/2026-12.jsonl")
    assert [p.at.hour * 60 + p.at.minute for p in probes] == [30, 60]
    assert skipped == []


def test_a_damaged_line_is_skipped_and_named_not_fatal():
    probes, skipped = read_lines(['{"at": "2026-12-05T00:30', line("2026-12-05T01:00:00Z")],
                                 "probes/2026-12.jsonl")
    assert len(probes) == 1
    assert skipped and skipped[0].startswith("probes/2026-12.jsonl line 1")


@pytest.mark.parametrize("record", [
    {"at": "yesterday", "pages": {"login": {"verdict": "ok"}}},
    {"at": "2026-12-05T00:30:00", "pages": {"login": {"verdict": "ok"}}},
    {"at": "2026-12-05T00:30:00Z", "pages": {"login": {"verdict": 3}}},
    {"at": "2026-12-05T00:30:00Z", "pages": []},
    ["not", "a", "record"],
])
def test_records_of_the_wrong_shape_are_skipped(record: object):
    probes, skipped = read_lines([json.dumps(record)], "probes/x.jsonl")
    assert probes == [] and len(skipped) == 1


def test_an_outage_runs_from_the_first_down_probe_to_the_first_up_one():
    probes = [probe(0), probe(30, "unreachable"), probe(60, "http error"), probe(90)]
    [outage] = outages(probes)
    assert (outage.began, outage.ended) == (START + HALF_HOUR, START + 3 * HALF_HOUR)
    assert outage.length(START) == timedelta(hours=1)


def test_an_outage_with_no_up_probe_since_is_ongoing():
    [outage] = outages([probe(0), probe(30, "unreachable")])
    assert outage.ended is None
    assert outage.length(START + timedelta(hours=2)) == timedelta(minutes=90)


def test_a_slow_portal_is_not_an_outage():
    assert outages([probe(0, ready=30.0), probe(30, ready=40.0)]) == []


def test_a_timeline_slot_shows_the_worst_probe_in_it():
    probes = [probe(0), probe(10, "unreachable"), probe(20)]
    [bar] = timeline(probes, START + HALF_HOUR, HALF_HOUR, 1)
    assert (bar.state, bar.probes) == (State.DOWN, 3)


def test_a_timeline_slot_without_probes_has_no_state():
    bars = timeline([probe(0)], START + timedelta(hours=1), timedelta(hours=1), 2)
    assert [bar.state for bar in bars] == [State.UP, None]


def test_the_summary_gives_the_state_since_the_first_probe_of_the_current_run():
    probes = [probe(0, "unreachable"), probe(30), probe(60)]
    summary = summarise(probes, START + timedelta(minutes=70), HALF_HOUR)
    assert (summary.state, summary.since, summary.checked) == (
        State.UP, START + HALF_HOUR, START + 2 * HALF_HOUR)
    assert len(summary.recent_outages) == 1


def test_silence_of_three_intervals_is_unknown_never_up():
    summary = summarise([probe(0)], START + timedelta(hours=2), HALF_HOUR)
    assert summary.stale and summary.state == State.UNKNOWN


def test_no_probe_at_all_is_unknown():
    assert summarise([], START, HALF_HOUR).state == State.UNKNOWN


def test_a_change_of_state_is_published_at_once():
    previous = {"state": "up", "at": "2026-12-05T00:00:00+00:00"}
    assert should_publish(previous, State.DOWN, START + HALF_HOUR, timedelta(hours=3))


def test_the_same_state_is_published_again_only_after_the_quiet_period():
    previous = {"state": "up", "at": "2026-12-05T00:00:00+00:00"}
    assert not should_publish(previous, State.UP, START + timedelta(hours=2), timedelta(hours=3))
    assert should_publish(previous, State.UP, START + timedelta(hours=3), timedelta(hours=3))


def test_the_first_probe_is_published():
    assert should_publish(None, State.UP, START, timedelta(hours=3))


def test_the_probe_interval_is_read_from_the_workflow_schedule():
    from pathlib import Path

    from scripts.verification.reachability import PROBE_WORKFLOW, probe_interval

    root = Path(__file__).resolve().parents[2]
    assert probe_interval(root / PROBE_WORKFLOW) == timedelta(minutes=30)


def test_a_changed_schedule_changes_the_interval(tmp_path):
    from scripts.verification.reachability import probe_interval

    workflow = tmp_path / "probe.yml"
    workflow.write_text('on:\n  schedule:\n    - cron: "*/15 * * * *"\n')
    assert probe_interval(workflow) == timedelta(minutes=15)
