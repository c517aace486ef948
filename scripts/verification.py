"""What the live portal showed: the verification history in ``portal/verification/``.

The nightly drift run appends one record per live run (the newest 90 are kept). Readers are
shown, per element, the last date on which the live portal showed it as documented, and a
warning when it drifted. A missing history means "not yet verified"; a malformed one means
"status unknown" and never breaks the build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.drift.model import DRIFT_TEXTS
from scripts.drift.report import atomic_write

ROOT = Path(__file__).resolve().parent.parent
HISTORY_PATH = ROOT / "portal" / "verification" / "history.json"
SCHEMA = "icegate-verification-history/1"
KEEP_RUNS = 90


class HistoryError(ValueError):
    """The history file exists but cannot be used; the message says why."""


@dataclass(frozen=True)
class VerificationStatus:
    """What the site can say about live verification.

    Attributes:
        state: ``"ok"`` (history read), ``"none"`` (no live run yet) or ``"unknown"``
            (the history could not be read; ``problem`` says why).
        last_verified: element id → date of the latest live run that found it as documented.
        drifting: element id → (verdict, date) for elements whose latest check was drift.
        runs: the run records, oldest first.
        problem: why the history could not be read, when ``state`` is ``"unknown"``.
    """

    state: str
    last_verified: dict[str, str] = field(default_factory=dict)
    drifting: dict[str, tuple[str, str]] = field(default_factory=dict)
    runs: list[dict[str, Any]] = field(default_factory=list)
    problem: str | None = None

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


def status_from_runs(runs: list[dict[str, Any]]) -> VerificationStatus:
    """Work out what readers are told from the run records."""
    last_verified: dict[str, str] = {}
    latest: dict[str, tuple[str, str]] = {}
    for run in runs:
        day = run["finished"][:10]
        for element_id, verdict in run["elements"].items():
            if verdict == "present":
                last_verified[element_id] = day
            if verdict != "not checked":
                latest[element_id] = (verdict, day)
    drifting = {e: v for e, v in latest.items() if v[0] in DRIFT_TEXTS}
    state = "ok" if runs else "none"
    return VerificationStatus(state, last_verified, drifting, list(runs))


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
            if element["verdict"] == "label drift"
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
