"""``status.json``: each portal page's and element's current state, for followers' tools.

Written by the pre-build step from the verification history; the schema is
``portal/status.schema.json`` and the README explains every key. It holds no build time, so a
rebuild from the same history writes the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from scripts.contract.model import Contract
from scripts.verification.history import NOT_CHECKED, VerificationStatus, run_day
from scripts.verification.reachability import DEFAULT_INTERVAL, Probe, State, summarise
from scripts.verification.verdicts import ElementVerdict, PageVerdict

SCHEMA = "icegate-portal-status/2"
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


def reachability(probes: Sequence[Probe], interval: timedelta) -> dict[str, Any]:
    """The reachability probe's part: the state at the last probe and the week's outages.

    Everything is counted from the last probe's time, not the build's, so the same probe log
    always gives the same bytes; a reader judges staleness from ``checked`` and
    ``every_minutes``.
    """
    found = list(probes)
    last = found[-1].at if found else None
    summary = summarise(found, last, interval) if last else None
    return {
        "state": summary.state.value if summary else State.UNKNOWN.value,
        "checked": last.isoformat() if last else None,
        "since": summary.since.isoformat() if summary and summary.since else None,
        "every_minutes": round(interval.total_seconds() / 60),
        "outages": [
            {"began": outage.began.isoformat(),
             "ended": outage.ended.isoformat() if outage.ended else None,
             "minutes": round(outage.length(outage.ended).total_seconds() / 60)
             if outage.ended else None,
             "state": outage.state.value}
            for outage in (summary.recent_outages if summary else [])
        ],
    }


def document(contract: Contract, status: VerificationStatus, probes: Sequence[Probe] = (),
             interval: timedelta = DEFAULT_INTERVAL) -> dict[str, Any]:
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
        "reachability": reachability(probes, interval),
    }


def render(contract: Contract, status: VerificationStatus, probes: Sequence[Probe] = (),
           interval: timedelta = DEFAULT_INTERVAL) -> str:
    """``status.json`` as text."""
    text = json.dumps(document(contract, status, probes, interval), indent=1, ensure_ascii=False)
    return text + "\n"
