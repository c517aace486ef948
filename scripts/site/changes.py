"""Portal changes worth telling followers about, found in the verification history.

Four kinds of event, each dated by the day (in India) of the run that showed it:

- ``drifted``: an element's label changed or it went missing, after it was seen as documented
  (or on its first check);
- ``recovered``: an element that had drifted is seen as documented again;
- ``page-changed``: a page's verdict changed (e.g. ``ok`` → ``entry missing``) on a night
  when the portal answered;
- ``outage-began`` / ``outage-ended``: the portal was unreachable, blocked or under
  maintenance for the whole run, and the first run after that when it answered again.

Nights when an element or a page was not checked neither start nor end anything. Standard
library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.verification.history import DOC_DRIFT, NOT_CHECKED, SEEN, run_day
from scripts.verification.verdicts import Outcome, PageVerdict

UNREACHABLE = Outcome.UNREACHABLE.value
#: Page verdicts that say nothing about the page itself.
QUIET_PAGES = frozenset(
    {PageVerdict.NOT_CHECKABLE.value, PageVerdict.CHECK_FAILED.value, NOT_CHECKED}
)


@dataclass(frozen=True)
class Change:
    """One event.

    Attributes:
        kind: ``drifted``, ``recovered``, ``page-changed``, ``outage-began``, ``outage-ended``.
        subject: The element id, the page id, or ``portal`` for an outage.
        day: The day in India of the run that showed it (YYYY-MM-DD).
        when: The run's finish time (ISO 8601).
        before: What it was (a verdict), when that matters.
        after: What it became (a verdict or outcome).
        observed: The label the portal showed, for a label change.
        run_url: The workflow run that saw it.
    """

    kind: str
    subject: str
    day: str
    when: str
    before: str | None = None
    after: str | None = None
    observed: str | None = None
    run_url: str | None = None

    @property
    def key(self) -> str:
        """What makes the event unique: kind, subject and day."""
        return f"{self.kind}/{self.subject}/{self.day}"


def _element_changes(run: dict[str, Any], last: dict[str, str]) -> list[Change]:
    changes = []
    for element_id, verdict in run["elements"].items():
        if verdict == NOT_CHECKED:
            continue
        before = last.get(element_id)
        last[element_id] = verdict
        common = {"subject": element_id, "day": run_day(run), "when": run["finished"],
                  "before": before, "after": verdict, "run_url": run.get("run_url")}
        if verdict in DOC_DRIFT and verdict != before:
            observed = (run.get("observed") or {}).get(element_id)
            changes.append(Change("drifted", observed=observed, **common))
        elif verdict in SEEN and before in DOC_DRIFT:
            changes.append(Change("recovered", **common))
    return changes


def _page_changes(run: dict[str, Any], last: dict[str, str]) -> list[Change]:
    changes = []
    for page_id, verdict in run["pages"].items():
        if verdict in QUIET_PAGES:
            continue
        before = last.get(page_id)
        last[page_id] = verdict
        if before is not None and before != verdict:
            changes.append(Change("page-changed", page_id, run_day(run), run["finished"],
                                  before, verdict, run_url=run.get("run_url")))
    return changes


def changes(runs: list[dict[str, Any]]) -> list[Change]:
    """Every event in a history, oldest first.

    Args:
        runs: The history's run records, oldest first.

    Returns:
        The events, in the order the runs showed them.
    """
    found: list[Change] = []
    elements: dict[str, str] = {}
    pages: dict[str, str] = {}
    outage = False
    for run in runs:
        day = run_day(run)
        if run["outcome"] == UNREACHABLE:
            if not outage:
                found.append(Change("outage-began", "portal", day, run["finished"],
                                    after=UNREACHABLE, run_url=run.get("run_url")))
            outage = True
            continue
        if outage:
            found.append(Change("outage-ended", "portal", day, run["finished"],
                                before=UNREACHABLE, after=run["outcome"],
                                run_url=run.get("run_url")))
            outage = False
        found.extend(_element_changes(run, elements))
        found.extend(_page_changes(run, pages))
    return found
