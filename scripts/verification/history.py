"""What the live portal showed: the verification history in ``portal/verification/``.

The nightly drift run appends one record per live run (the newest 90 are kept; the write side
is ``scripts.nightly.record``, this module is the read model the site reads). Readers are
shown, per element, the last date on which the live portal showed it as documented, and a
warning when the portal changed under the guides (label changed, element missing). Locator
drift (the element and its label as documented, only our selector changed) is for maintainers:
it counts as seen, and is listed on the status page, never on a guide page. A missing history
means "not yet verified"; a malformed one (wrong shape, or a wrong type or unknown value in any
field the site reads) means "status unknown", is named in the build log with its
repository-relative path, and never breaks the build.

Dates are days in India (IST, UTC+05:30, no daylight saving): the run that starts at 02:00 IST
is dated that day, not the UTC day before. This module uses the standard library only (the
nightly publish job runs it without installing anything).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scripts.common.clock import india_day
from scripts.common.paths import ROOT
from scripts.verification.verdicts import ElementVerdict, Outcome, PageVerdict

HISTORY_PATH = ROOT / "portal" / "verification" / "history.json"
SCHEMA = "icegate-verification-history/1"
#: Verdicts that mean the live portal showed the element as the guides describe it.
SEEN = frozenset({ElementVerdict.PRESENT.value, ElementVerdict.LOCATOR_DRIFT.value})
#: Verdicts that mean the guides no longer match the portal (readers are warned).
DOC_DRIFT = frozenset({ElementVerdict.LABEL_DRIFT.value, ElementVerdict.MISSING.value})
NOT_CHECKED = ElementVerdict.NOT_CHECKED.value
#: A page that rendered real content, but not the form the contract expects (page drift).
PAGE_CHANGED = "changed"
#: Every verdict a history may hold, per kind of record.
ELEMENT_VERDICTS = frozenset(verdict.value for verdict in ElementVerdict)
PAGE_VERDICTS = frozenset(verdict.value for verdict in PageVerdict) | {PAGE_CHANGED, NOT_CHECKED}
OUTCOMES = frozenset(outcome.value for outcome in Outcome)


class HistoryError(ValueError):
    """The history file exists but cannot be used; the message says why."""


@dataclass(frozen=True)
class VerificationStatus:
    """What the site can say about live verification.

    Attributes:
        state: ``"ok"`` (history read), ``"none"`` (no live run yet) or ``"unknown"``
            (the history could not be read; ``problem`` says why).
        last_verified: element id → date of the latest live run that found it as documented
            (present, or found by a fallback locator with the documented label).
        drifting: element id → (verdict, since) for elements whose latest check was label
            drift or missing; ``since`` is the first night of the current streak.
        runs: the run records, oldest first.
        problem: why the history could not be read, when ``state`` is ``"unknown"``.
        locator_drift: element id → since, for elements whose latest check found them only by
            a fallback locator (maintainers' business: the guides are still right).
    """

    state: str
    last_verified: dict[str, str] = field(default_factory=dict)
    drifting: dict[str, tuple[str, str]] = field(default_factory=dict)
    runs: list[dict[str, Any]] = field(default_factory=list)
    problem: str | None = None
    locator_drift: dict[str, str] = field(default_factory=dict)

    @property
    def last_run(self) -> dict[str, Any] | None:
        """The newest run record, if any."""
        return self.runs[-1] if self.runs else None


def shown_path(path: Path) -> str:
    """A path for messages that may be published: relative to the repository, never absolute.

    A file outside the repository is named by its file name only.
    """
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


def is_time(value: Any) -> bool:
    """Whether ``value`` is an ISO 8601 time stamp (``Z`` allowed)."""
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _got(value: Any) -> str:
    """A short description of a wrong value, for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _verdict_problem(key: str, value: Any, known: frozenset[str]) -> str | None:
    """What is wrong with a ``pages`` or ``elements`` mapping, or None."""
    if not isinstance(value, dict):
        return f"{key}: expected an object of verdicts, got {_got(value)}"
    for item, verdict in value.items():
        if verdict not in known:
            return f"{key} → {item}: expected one of {sorted(known)}, got {_got(verdict)}"
    return None


def run_problem(run: Any) -> str | None:
    """What is wrong with one run record of a history, or None when it can be used.

    Checks every field the site reads: ``finished`` (and ``started``, when given) are ISO
    times, ``outcome`` and every verdict are known, ``observed`` maps ids to text, ``where``
    is text and ``run_url`` is an https:// address or null.
    """
    if not isinstance(run, dict):
        return f"expected an object, got {_got(run)}"
    if not is_time(run.get("finished")):
        return f"finished: expected an ISO 8601 time, got {_got(run.get('finished'))}"
    if "started" in run and not is_time(run["started"]):
        return f"started: expected an ISO 8601 time, got {_got(run['started'])}"
    if run.get("outcome") not in OUTCOMES:
        return f"outcome: expected one of {sorted(OUTCOMES)}, got {_got(run.get('outcome'))}"
    for key, known in (("pages", PAGE_VERDICTS), ("elements", ELEMENT_VERDICTS)):
        problem = _verdict_problem(key, run.get(key), known)
        if problem:
            return problem
    observed = run.get("observed", {})
    if not isinstance(observed, dict) or not all(isinstance(v, str) for v in observed.values()):
        return f"observed: expected an object of labels (text), got {_got(observed)}"
    if run.get("where") is not None and not isinstance(run["where"], str):
        return f"where: expected text, got {_got(run['where'])}"
    url = run.get("run_url")
    if url is not None and not (isinstance(url, str) and url.startswith("https://")):
        return f"run_url: expected an https:// address or null, got {_got(url)}"
    return None


def parse_history(data: Any, source: Path) -> list[dict[str, Any]]:
    """Check a history document, every run and every value the site reads; return its runs.

    Args:
        data: The decoded JSON document.
        source: The file it came from, for messages (shown relative to the repository).

    Returns:
        The list of run records, oldest first.

    Raises:
        HistoryError: naming the file and the first problem, e.g.
            ``history.json: runs → 3 → finished: expected an ISO 8601 time, got 'yesterday'``.
    """
    name = shown_path(source)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise HistoryError(f"{name}: expected an object with schema {SCHEMA!r}")
    if not isinstance(data.get("runs"), list):
        raise HistoryError(f"{name}: expected a 'runs' list")
    for index, run in enumerate(data["runs"]):
        problem = run_problem(run)
        if problem:
            raise HistoryError(f"{name}: runs → {index} → {problem}")
    return data["runs"]


def load_runs(path: Path = HISTORY_PATH) -> list[dict[str, Any]]:
    """The run records of a history file; an empty list when the file does not exist.

    Raises:
        HistoryError: when the file exists but is unreadable or malformed (the message names
            the file relative to the repository, never by its absolute path).
    """
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        why = error.strerror or type(error).__name__
        raise HistoryError(f"{shown_path(path)}: cannot read the history: {why}") from None
    except ValueError as error:
        raise HistoryError(f"{shown_path(path)}: cannot read the history: {error}") from None
    return parse_history(data, path)


def run_day(run: dict[str, Any]) -> str:
    """The day (in India) on which a run finished, as YYYY-MM-DD."""
    return india_day(run["finished"])


def streaks(runs: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Element id → (latest checked verdict, first day of its unbroken run of that verdict).

    Nights when the element was not checked neither break nor extend a streak.
    """
    latest: dict[str, tuple[str, str]] = {}
    for run in runs:
        day = run_day(run)
        for element_id, verdict in run["elements"].items():
            if verdict == NOT_CHECKED:
                continue
            previous = latest.get(element_id)
            if previous is None or previous[0] != verdict:
                latest[element_id] = (verdict, day)
    return latest


def status_from_runs(runs: list[dict[str, Any]]) -> VerificationStatus:
    """Work out what readers and maintainers are told from the run records."""
    last_verified: dict[str, str] = {}
    for run in runs:
        day = run_day(run)
        for element_id, verdict in run["elements"].items():
            if verdict in SEEN:
                last_verified[element_id] = day
    latest = streaks(runs)
    drifting = {e: v for e, v in latest.items() if v[0] in DOC_DRIFT}
    locator = {
        e: since for e, (v, since) in latest.items() if v == ElementVerdict.LOCATOR_DRIFT.value
    }
    state = "ok" if runs else "none"
    return VerificationStatus(state, last_verified, drifting, list(runs), locator_drift=locator)


def read_status(path: Path = HISTORY_PATH) -> VerificationStatus:
    """Read the verification history into what the site shows; never raises.

    Args:
        path: The history file.

    Returns:
        The status: "none" without a file, "unknown" (with the problem) for a bad file; the
        problem is also printed once to stderr, so that the build log names it.
    """
    try:
        runs = load_runs(path)
    except HistoryError as error:
        _tell_once(f"verification history: status unknown: {error}")
        return VerificationStatus(state="unknown", problem=str(error))
    return status_from_runs(runs)


_TOLD: set[str] = set()


def _tell_once(message: str) -> None:
    """Say a problem in the build log (stderr), once per process: it never stops the build."""
    if message not in _TOLD:
        _TOLD.add(message)
        print(message, file=sys.stderr)
