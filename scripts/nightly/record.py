"""The nightly's write side of the verification history: condense a run, append it.

The read model (checking and reading ``portal/verification/history.json``) is
``scripts.verification.history``; only the nightly writes. Standard library only.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from scripts.common.files import atomic_write, encodable, locked
from scripts.verification.history import HISTORY_PATH, SCHEMA, load_runs
from scripts.verification.verdicts import ElementVerdict

#: How many runs the history keeps (the newest).
KEEP_RUNS = 90
#: The longest portal label kept; longer text is cut (a page of text is not a label).
MAX_LABEL = 300


def _hidden(character: str) -> bool:
    """A control, format or surrogate code point, or a non-character (U+FFFE, U+FFFF)."""
    return unicodedata.category(character) in ("Cc", "Cf", "Cs") or character in "\ufffe\uffff"


def portal_text(text: str) -> str:
    """Portal text made inert for issues, the history and the feed.

    Control and format characters (NUL, escape, bidi overrides, zero-width marks) are dropped,
    lone surrogates become U+FFFD, runs of white space become one space, and text longer than
    ``MAX_LABEL`` characters is cut with an ellipsis.
    """
    kept = "".join(
        " " if character.isspace() else character
        for character in encodable(text)
        if character.isspace() or not _hidden(character)
    )
    flat = " ".join(kept.split())
    return flat if len(flat) <= MAX_LABEL else flat[: MAX_LABEL - 1] + "…"


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
            element["element"]: portal_text(element["observed_label"] or "")
            for element in report["elements"]
            if element["verdict"] == ElementVerdict.LABEL_DRIFT.value
        },
    }


def append_run(
    record: dict[str, Any], path: Path = HISTORY_PATH, keep: int = KEEP_RUNS
) -> list[dict[str, Any]]:
    """Append a run record to the history, keep the newest ``keep``, and write atomically.

    The read, append and write happen under a lock on ``.<name>.lock`` beside the file, so
    concurrent appends (two maintainers' ``record`` commands) each keep their run.

    Returns:
        The runs now in the history.

    Raises:
        HistoryError: when the existing history is malformed (it is left untouched).
    """
    with locked(path):  # concurrent appends wait: none is lost
        runs = [*load_runs(path), record][-keep:]
        document = {"schema": SCHEMA, "keep": keep, "runs": runs}
        atomic_write(path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    return runs
