"""What the live portal showed: the verification history kept in ``portal/verification/``.

The nightly drift run appends one record per live run. Readers are shown, per element, the
last date on which the live portal showed it as documented. A missing history means "not yet
verified"; a malformed one means "status unknown" and never breaks the build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HISTORY_PATH = ROOT / "portal" / "verification" / "history.json"


class HistoryError(ValueError):
    """The history file exists but cannot be used; the message says why."""


@dataclass(frozen=True)
class VerificationStatus:
    """What the site can say about live verification.

    Attributes:
        state: ``"ok"`` (history read), ``"none"`` (no live run yet) or ``"unknown"``
            (the history could not be read; ``problem`` says why).
        last_verified: element id → ISO date of the latest live run that found it as documented.
        last_run: ISO timestamp of the latest live run, if any.
        problem: why the history could not be read, when ``state`` is ``"unknown"``.
    """

    state: str
    last_verified: dict[str, str] = field(default_factory=dict)
    last_run: str | None = None
    problem: str | None = None


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
    if not isinstance(data, dict) or not isinstance(data.get("runs"), list):
        raise HistoryError(f"{source}: expected an object with a 'runs' list")
    for index, run in enumerate(data["runs"]):
        if not isinstance(run, dict) or not isinstance(run.get("finished"), str):
            raise HistoryError(f"{source}: runs → {index}: expected a 'finished' timestamp")
        if not isinstance(run.get("elements"), dict):
            raise HistoryError(f"{source}: runs → {index}: expected an 'elements' object")
    return data["runs"]


def read_status(path: Path = HISTORY_PATH) -> VerificationStatus:
    """Read the verification history into what the site shows.

    Args:
        path: The history file.

    Returns:
        The status; never raises for a missing or malformed file.
    """
    if not path.exists():
        return VerificationStatus(state="none")
    try:
        runs = parse_history(json.loads(path.read_text(encoding="utf-8")), path)
    except (OSError, ValueError) as error:
        return VerificationStatus(state="unknown", problem=str(error))
    last_verified: dict[str, str] = {}
    for run in runs:
        for element_id, verdict in run["elements"].items():
            if verdict == "present":
                last_verified[element_id] = run["finished"][:10]
    last_run = runs[-1]["finished"] if runs else None
    return VerificationStatus(state="ok", last_verified=last_verified, last_run=last_run)
