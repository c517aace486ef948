"""Is ICEGATE up? The reachability probe's records, read: state, outages, timeline.

The probe (``python -m scripts.probe``) opens the public pages of the portal every half hour
and appends one JSON line per probe to ``probes/YYYY-MM.jsonl`` on the history branch::

    {"at": "2026-12-05T09:00:04+00:00", "pages": {"home": {"verdict": "ok", "ready": 2.4},
     "login": {"verdict": "unreachable", "ready": null, "detail": "..."}}}

This module turns those lines into what readers are shown: the state at the last probe, the
outages (start, end, length) and the slots of a timeline. It says only what the probe saw: a
login form that appeared is not a login that works. Standard library only; pure functions
(the time "now" is always passed in).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

#: The page whose answer decides the state: readers come to log in.
KEY_PAGE = "login"
#: A login page slower than this to become ready makes the portal "slow" (seconds).
SLOW_SECONDS = 20.0
#: Page verdicts (the drift check's vocabulary) and what each says about reachability.
OK, CHANGED = "ok", "changed"
DOWN_VERDICTS = frozenset({"unreachable", "http error"})
MAINTENANCE = "maintenance"
REFUSED = "blocked"
#: Statuses with which a server refuses a visitor (here: our probe), not its own failure.
REFUSED_STATUSES = frozenset({401, 403, 429})


class State(str, Enum):
    """What one probe says about the portal, from the reader's side."""

    UP = "up"
    DEGRADED = "degraded"
    MAINTENANCE = "maintenance"
    DOWN = "down"
    UNKNOWN = "unknown"


#: States in which a reader cannot reach the login form at all (they make an outage).
OUTAGE_STATES = frozenset({State.DOWN, State.MAINTENANCE})
#: Worst first: a timeline slot holding several probes shows the worst of them.
SEVERITY = (State.DOWN, State.MAINTENANCE, State.DEGRADED, State.UNKNOWN, State.UP)


class RecordError(ValueError):
    """A probe record that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Probe:
    """One probe: when it ran and what each page gave."""

    at: datetime
    pages: Mapping[str, Mapping[str, Any]]

    @property
    def state(self) -> State:
        """The portal's state as this probe saw it (see ``state_of``)."""
        return state_of(self.pages)


@dataclass(frozen=True)
class Outage:
    """A stretch of probes in which the login page could not be reached."""

    began: datetime
    ended: datetime | None
    state: State

    def length(self, now: datetime) -> timedelta:
        """How long it lasted (or has lasted so far, while ongoing)."""
        return (self.ended or now) - self.began


def state_of(pages: Mapping[str, Mapping[str, Any]]) -> State:
    """The state one probe's page results show.

    The login page decides: reachable and ready → up; degraded when it took longer than
    ``SLOW_SECONDS``, when another public page failed, or when the login page drew something
    other than the form the guides describe;
    announced maintenance → maintenance; no answer or an error status → down. When the portal
    refused the probe itself (a block page, 401, 403 or 429), the probe cannot tell: unknown.
    """
    login = pages.get(KEY_PAGE)
    if not login:
        return State.UNKNOWN
    verdict = login.get("verdict")
    if verdict == REFUSED or login.get("status") in REFUSED_STATUSES:
        return State.UNKNOWN
    if verdict in DOWN_VERDICTS:
        return State.DOWN
    if verdict == MAINTENANCE:
        return State.MAINTENANCE
    if verdict == CHANGED:
        return State.DEGRADED
    if verdict != OK:
        return State.UNKNOWN
    others = [page.get("verdict") for name, page in pages.items() if name != KEY_PAGE]
    if any(other in DOWN_VERDICTS | {MAINTENANCE} for other in others):
        return State.DEGRADED
    ready = login.get("ready")
    if isinstance(ready, (int, float)) and ready > SLOW_SECONDS:
        return State.DEGRADED
    return State.UP


def parse_time(text: object, where: str) -> datetime:
    """An ISO 8601 time with a zone, as an aware datetime.

    Raises:
        RecordError: ``text`` is not such a time.
    """
    if not isinstance(text, str):
        raise RecordError(f"{where}: 'at' must be an ISO 8601 time")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise RecordError(f"{where}: 'at' is not an ISO 8601 time: {text!r}") from error
    if moment.tzinfo is None:
        raise RecordError(f"{where}: 'at' has no time zone: {text!r}")
    return moment.astimezone(UTC)


def parse_record(data: object, where: str) -> Probe:
    """One decoded JSON line as a ``Probe``.

    Raises:
        RecordError: the line is not a probe record.
    """
    if not isinstance(data, dict) or not isinstance(data.get("pages"), dict):
        raise RecordError(f"{where}: a probe record needs 'at' and a 'pages' mapping")
    pages = {}
    for name, page in data["pages"].items():
        if not isinstance(page, dict) or not isinstance(page.get("verdict"), str):
            raise RecordError(f"{where}: page {name!r} needs a 'verdict' string")
        pages[str(name)] = page
    return Probe(at=parse_time(data.get("at"), where), pages=pages)


def read_lines(lines: Iterable[str], source: str) -> tuple[list[Probe], list[str]]:
    """The probes in JSON lines, oldest first, and one message per line that was skipped.

    A damaged line (a probe killed while writing, a hand edit) is skipped and named, never
    fatal: one bad line must not hide a month of probes.
    """
    probes, skipped = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source} line {number}"
        try:
            probes.append(parse_record(json.loads(line), where))
        except (json.JSONDecodeError, RecordError) as error:
            skipped.append(f"{where}: {error}" if isinstance(error, json.JSONDecodeError)
                           else str(error))
    probes.sort(key=lambda probe: probe.at)
    return probes, skipped


def outages(probes: list[Probe]) -> list[Outage]:
    """Every stretch of probes in an outage state, oldest first.

    An outage begins at the first probe that found the portal down (or in maintenance) and
    ends at the first probe after it that did not; with no such probe yet it is ongoing.
    """
    found: list[Outage] = []
    began: Probe | None = None
    for probe in probes:
        state = probe.state
        if state in OUTAGE_STATES and began is None:
            began = probe
        elif state not in OUTAGE_STATES and began is not None:
            found.append(Outage(began.at, probe.at, began.state))
            began = None
    if began is not None:
        found.append(Outage(began.at, None, began.state))
    return found


@dataclass(frozen=True)
class Slot:
    """One bar of a timeline: a stretch of time and the worst state seen in it."""

    start: datetime
    end: datetime
    state: State | None
    probes: int


def timeline(probes: list[Probe], now: datetime, span: timedelta, slots: int) -> list[Slot]:
    """``slots`` equal bars covering ``span`` up to ``now``; a bar with no probe has no state."""
    width = span / slots
    first = now - span
    bars = []
    for index in range(slots):
        start, end = first + index * width, first + (index + 1) * width
        inside = [probe.state for probe in probes if start <= probe.at < end]
        worst = min(inside, key=SEVERITY.index) if inside else None
        bars.append(Slot(start, end, worst, len(inside)))
    return bars


@dataclass(frozen=True)
class Summary:
    """What a reader is told: the state now, when it was checked, and the outages."""

    state: State
    checked: datetime | None
    since: datetime | None
    stale: bool
    recent_outages: list[Outage]


def summarise(probes: list[Probe], now: datetime, interval: timedelta,
              window: timedelta = timedelta(days=7)) -> Summary:
    """The summary at ``now`` of probes run every ``interval``.

    The state is that of the last probe; it is *stale* (shown as unknown) when no probe has
    run for three intervals, because the probe itself may be broken: silence is never "up".
    """
    if not probes:
        return Summary(State.UNKNOWN, None, None, True, [])
    last = probes[-1]
    stale = now - last.at > 3 * interval
    state = State.UNKNOWN if stale else last.state
    since = last.at
    for probe in reversed(probes):
        if probe.state != last.state:
            break
        since = probe.at
    recent = [outage for outage in outages(probes) if (outage.ended or now) >= now - window]
    return Summary(state, last.at, since, stale, recent)


def should_publish(previous: Mapping[str, Any] | None, current: State, now: datetime,
                   quiet: timedelta) -> bool:
    """Whether this probe redeploys the site.

    Args:
        previous: What the last deployment showed: ``{"state": ..., "at": ISO time}``, or
            ``None`` when nothing was deployed from a probe yet.
        current: The state this probe found.
        now: This probe's time.
        quiet: The longest the site may go without showing a newer check time.

    Returns:
        True when the state changed, or the last deployment is older than ``quiet``.
    """
    if not previous:
        return True
    if previous.get("state") != current.value:
        return True
    try:
        last = parse_time(previous.get("at"), "published")
    except RecordError:
        return True
    return now - last >= quiet


def read_folder(folder: Path) -> tuple[list[Probe], list[str]]:
    """Every probe in the ``*.jsonl`` files of ``folder`` (none when it does not exist)."""
    probes: list[Probe] = []
    skipped: list[str] = []
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as error:
            skipped.append(f"{folder.name}/{path.name}: cannot be read ({error.strerror})")
            continue
        found, bad = read_lines(lines, f"{folder.name}/{path.name}")
        probes += found
        skipped += bad
    probes.sort(key=lambda probe: probe.at)
    return probes, skipped


#: The probe workflow; its cron line is the one setting for how often the probe runs.
PROBE_WORKFLOW = ".github/workflows/probe.yml"
DEFAULT_INTERVAL = timedelta(minutes=30)


def probe_interval(workflow: Path) -> timedelta:
    """How often the probe runs, read from the workflow's ``*/N * * * *`` cron line."""
    try:
        text = workflow.read_text(encoding="utf-8")
    except OSError:
        return DEFAULT_INTERVAL
    found = re.search(r'cron:\s*"\*/(\d+) \* \* \* \*"', text)
    return timedelta(minutes=int(found.group(1))) if found else DEFAULT_INTERVAL
