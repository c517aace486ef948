"""What the live portal showed: the verification history in ``portal/verification/``.

The nightly drift run appends one record per live run (the newest 90 are kept). Readers are
shown, per element, the last date on which the live portal showed it as documented, and a
warning when the portal changed under the guides (label changed, element missing). Locator
drift (the element and its label as documented, only our selector changed) is for maintainers:
it counts as seen, and is listed on the status page, never on a guide page. A missing history
means "not yet verified"; a malformed one means "status unknown" and never breaks the build.

Dates are days in India (IST, UTC+05:30, no daylight saving): the run that starts at 02:00 IST
is dated that day, not the UTC day before. This module uses the standard library only (the
nightly publish job runs it without installing anything).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.common.clock import india_day
from scripts.common.files import atomic_write
from scripts.common.paths import ROOT
from scripts.drift.model import ElementVerdict

HISTORY_PATH = ROOT / "portal" / "verification" / "history.json"
SCHEMA = "icegate-verification-history/1"
KEEP_RUNS = 90
#: Verdicts that mean the live portal showed the element as the guides describe it.
SEEN = frozenset({ElementVerdict.PRESENT.value, ElementVerdict.LOCATOR_DRIFT.value})
#: Verdicts that mean the guides no longer match the portal (readers are warned).
DOC_DRIFT = frozenset({ElementVerdict.LABEL_DRIFT.value, ElementVerdict.MISSING.value})
NOT_CHECKED = ElementVerdict.NOT_CHECKED.value


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


def parse_history(data: Any, source: Path) -> list[dict[str, Any]]:
    """Check the shape of a history document and return its runs, oldest first.

    Args:
        data: The decoded JSON document.
        source: The file it came from, for messages.

    Returns:
        The list of run records.

    Raises:
        HistoryError: when the document does not have the expected shape.
    """
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise HistoryError(f"{source}: expected an object with schema {SCHEMA!r}")
    if not isinstance(data.get("runs"), list):
        raise HistoryError(f"{source}: expected a 'runs' list")
    for index, run in enumerate(data["runs"]):
        if not isinstance(run, dict) or not isinstance(run.get("finished"), str):
            raise HistoryError(f"{source}: runs → {index}: expected a 'finished' timestamp")
        for key in ("pages", "elements"):
            if not isinstance(run.get(key), dict):
                raise HistoryError(f"{source}: runs → {index}: expected a {key!r} object")
        if not isinstance(run.get("outcome"), str):
            raise HistoryError(f"{source}: runs → {index}: expected an 'outcome'")
    return data["runs"]


def load_runs(path: Path = HISTORY_PATH) -> list[dict[str, Any]]:
    """The run records of a history file; an empty list when the file does not exist.

    Raises:
        HistoryError: when the file exists but is unreadable or malformed.
    """
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise HistoryError(f"{path}: cannot read the history: {error}") from None
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
        The status: "none" without a file, "unknown" (with the problem) for a bad file.
    """
    try:
        runs = load_runs(path)
    except HistoryError as error:
        return VerificationStatus(state="unknown", problem=str(error))
    return status_from_runs(runs)


def run_record(report: dict[str, Any], where: str, run_url: str | None) -> dict[str, Any]:
    """Condense a drift report into one history record."""
    return {
        "started": report["started"],
        "finished": report["finished"] or report["started"],
        "where": where,
        "run_url": run_url,
        "outcome": report["outcome"],
        "pages": {page["page"]: page["verdict"] for page in report["pages"]},
        "elements": {element["element"]: element["verdict"] for element in report["elements"]},
        "observed": {
            element["element"]: element["observed_label"]
            for element in report["elements"]
            if element["verdict"] == ElementVerdict.LABEL_DRIFT.value
        },
    }


def append_run(
    record: dict[str, Any], path: Path = HISTORY_PATH, keep: int = KEEP_RUNS
) -> list[dict[str, Any]]:
    """Append a run record to the history, keep the newest ``keep``, and write atomically.

    Returns:
        The runs now in the history.

    Raises:
        HistoryError: when the existing history is malformed (it is left untouched).
    """
    runs = [*load_runs(path), record][-keep:]
    document = {"schema": SCHEMA, "keep": keep, "runs": runs}
    atomic_write(path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    return runs
