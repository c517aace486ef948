"""The verdict vocabulary of a drift run: page and element verdicts, run outcomes, exit statuses.

Shared by the drift check (which gives verdicts), the nightly (which records them), the site
(which shows them) and the probe. Standard library only.
"""

from __future__ import annotations

from enum import Enum


class PageVerdict(str, Enum):
    """What happened when a page was opened.

    ``OK`` and ``CHANGED`` pages have their elements checked; ``CHANGED`` is drift by itself.
    """

    OK = "ok"
    CHANGED = "changed"
    UNREACHABLE = "unreachable"
    HTTP_ERROR = "http error"
    BLOCKED = "blocked"
    MAINTENANCE = "maintenance"
    ENTRY_MISSING = "entry missing"
    NOT_CHECKABLE = "not checkable live"
    CHECK_FAILED = "check failed"

    @property
    def portal_unavailable(self) -> bool:
        """Whether the portal (not the docs, not the checker) kept this page from being checked."""
        return self in UNAVAILABLE

    @property
    def is_drift(self) -> bool:
        """Whether the page itself differs from the guides (it answered, but as another page)."""
        return self is PageVerdict.CHANGED

    @property
    def shows_content(self) -> bool:
        """Whether the portal showed the page's content, so its elements can be looked for."""
        return self in (PageVerdict.OK, PageVerdict.CHANGED)


class ElementVerdict(str, Enum):
    """What the portal showed of one documented element."""

    PRESENT = "present"
    LOCATOR_DRIFT = "locator drift"
    LABEL_DRIFT = "label drift"
    MISSING = "missing"
    NOT_CHECKED = "not checked"

    @property
    def is_drift(self) -> bool:
        """Whether this verdict means the docs or the contract need attention."""
        return self in DRIFT


UNAVAILABLE = frozenset(
    {PageVerdict.UNREACHABLE, PageVerdict.HTTP_ERROR, PageVerdict.BLOCKED, PageVerdict.MAINTENANCE}
)

DRIFT = frozenset(
    {ElementVerdict.LOCATOR_DRIFT, ElementVerdict.LABEL_DRIFT, ElementVerdict.MISSING}
)

#: The same verdicts as they appear in reports and the history.
DRIFT_TEXTS = frozenset(verdict.value for verdict in DRIFT)


class Outcome(str, Enum):
    """The verdict of a whole run, and the exit status that goes with it."""

    NO_DRIFT = "no drift"
    DRIFT = "drift"
    UNREACHABLE = "portal unreachable"
    CHECKER_FAILED = "checker failed"

    @property
    def exit_status(self) -> int:
        """0 no drift, 1 drift, 75 (EX_TEMPFAIL) nothing could be checked, 70 (EX_SOFTWARE)."""
        return EXIT_STATUS[self]


#: The drift command's exit statuses; any other status means the command itself broke.
EXIT_STATUS = {
    Outcome.NO_DRIFT: 0,
    Outcome.DRIFT: 1,
    Outcome.UNREACHABLE: 75,
    Outcome.CHECKER_FAILED: 70,
}
