"""``status.json``: each portal page's and element's current state, for followers' tools.

Written by the pre-build step from the verification history; the schema is
``portal/status.schema.json`` and the README explains every key. It holds no build time, so a
rebuild from the same history writes the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from scripts.contract.model import Contract
from scripts.drift.model import ElementVerdict, PageVerdict
from scripts.nightly.history import NOT_CHECKED, VerificationStatus, run_day

SCHEMA = "icegate-portal-status/1"
STATUS_FILE = "status.json"


def _last_day(runs: list[dict[str, Any]], key: str, item: str, good: set[str]) -> str | None:
    for run in reversed(runs):
        if run[key].get(item) in good:
            return run_day(run)
    return None


def _latest(runs: list[dict[str, Any]], key: str, item: str) -> str | None:
    """The latest verdict of an item on a night it was checked (None if never)."""
    for run in reversed(runs):
        verdict = run[key].get(item)
        if verdict is not None and verdict != NOT_CHECKED:
            return verdict
    return None


def document(contract: Contract, status: VerificationStatus) -> dict[str, Any]:
    """The status document (see ``portal/status.schema.json``)."""
    runs = status.runs
    last = status.last_run
    pages = {
        page.id: {
            "title": page.title,
            "live_checkable": page.live_checkable,
            "state": (last["pages"].get(page.id) if last else None),
            "last_ok": _last_day(runs, "pages", page.id, {PageVerdict.OK.value}),
        }
        for page in contract.pages.values()
    }
    elements = {}
    for element in contract:
        state = _latest(runs, "elements", element.id)
        since = None
        if element.id in status.drifting:
            state, since = status.drifting[element.id]
        elif element.id in status.locator_drift:
            state, since = ElementVerdict.LOCATOR_DRIFT.value, status.locator_drift[element.id]
        elements[element.id] = {
            "page": element.page,
            "label": element.label,
            "label_confidence": element.label_confidence,
            "state": state,
            "since": since,
            "last_verified": status.last_verified.get(element.id),
        }
    return {
        "schema": SCHEMA,
        "history": status.state,
        "problem": status.problem,
        "last_run": (
            {"finished": last["finished"], "day": run_day(last), "outcome": last["outcome"],
             "run_url": last.get("run_url")}
            if last else None
        ),
        "pages": pages,
        "elements": elements,
    }


def render(contract: Contract, status: VerificationStatus) -> str:
    """``status.json`` as text."""
    return json.dumps(document(contract, status), indent=1, ensure_ascii=False) + "\n"
