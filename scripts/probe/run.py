"""One probe: open the portal's public pages once each and record what each gave.

No element is checked and nothing is typed: a page is opened, classified by the drift check's
own rules (block page, maintenance page, error status, no answer) with the drift check's
honest user agent, and timed until it was ready. A page that does not answer gets one retry.
The record is one JSON object (one line on the history branch)::

    {"at": "2026-12-05T09:00:04+00:00",
     "pages": {"home": {"verdict": "ok", "ready": 2.4, "status": 200}, ...}}

A probe whose checker breaks raises ``ProbeFailed``: a broken probe says nothing about the
portal, so it records nothing (the page then shows the gap, never "down").
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

from scripts.common.clock import utc_now
from scripts.contract.model import Contract
from scripts.drift.checker import PageChecker, Timing, first_line
from scripts.drift.target import Target

#: One attempt plus at most one retry, 5 s apart; a page has 30 s to answer and 20 s more to
#: draw its content, so a probe of two pages ends within about two minutes.
PROBE_TIMING = Timing(navigation=30.0, ready=20.0, element=3.0, retries=1, retry_pause=5.0)
#: The most of a page's detail kept in a record (the reason a page failed).
DETAIL_LIMIT = 160


class ProbeFailed(RuntimeError):
    """The probe itself broke (not the portal); the message says where."""


#: The pages a probe opens, when the contract marks them checkable live: where readers start,
#: and the page they come to reach. Two pages every half hour is as light as a probe can be.
PROBE_PAGES = ("home", "login")


def probe_pages(contract: Contract) -> list[str]:
    """The pages a probe opens (``PROBE_PAGES`` the live portal lets us check)."""
    return [page_id for page_id in PROBE_PAGES
            if page_id in contract.pages and contract.pages[page_id].live_checkable]


def page_record(verdict: str, ready: float | None, status: int | None,
                detail: str) -> dict[str, Any]:
    """One page's entry in a probe record (``ready`` only for a page that became ready)."""
    entry: dict[str, Any] = {"verdict": verdict, "ready": ready, "status": status}
    if detail:
        entry["detail"] = first_line(detail)[:DETAIL_LIMIT]
    return entry


def probe(contract: Contract, target: Target, browser: Browser, agent: str | None,
          timing: Timing = PROBE_TIMING) -> dict[str, Any]:
    """Open each probe page once (in a fresh browser context) and return the record.

    Raises:
        ProbeFailed: the checker itself failed on a page.
    """
    checker = PageChecker(contract, target, browser, Path("/nonexistent"), timing, None, agent)
    at = utc_now()
    pages: dict[str, Any] = {}
    for page_id in probe_pages(contract):
        started = time.monotonic()
        context = checker.new_context()
        try:
            _, result = checker.open_ready(context, page_id)
        except Exception as error:  # any failure here is the probe's own
            raise ProbeFailed(f"page {page_id}: {type(error).__name__}: "
                              f"{first_line(str(error))}") from error
        finally:
            context.close()
        seconds = round(time.monotonic() - started, 1)
        ready = seconds if result.verdict.value == "ok" else None
        pages[page_id] = page_record(result.verdict.value, ready, result.status, result.detail)
    return {"at": at, "pages": pages}
