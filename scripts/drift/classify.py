"""What an opened page means: the pure classification rules of the drift check.

The checker observes a page (HTTP status, whether its readiness condition was met, its title
and headings, and its text when that matters) and these rules turn the observation into a
page verdict. Blocked and maintenance signals are read where they mean something: in the title
and headings of any page, and in the whole text only of a page that answered with an error or
never became ready. A healthy page that mentions "scheduled maintenance" in a banner is a
healthy page. A page that answered, loaded its scripts and drew real content (headings,
buttons, links, form fields), but never the content the contract expects, is a changed page:
drift, not an outage. Standard library only; no browser needed to test these rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

from scripts.verification.verdicts import PageVerdict

#: Statuses that mean the portal refuses us (a firewall, a rate limit), not that it is down.
REFUSED = (403, 429)
#: Trailing marks that decorate a label without changing it ("ICEGATE ID:", "Password *").
DECORATION = ":*"


@dataclass(frozen=True)
class Signals:
    """Phrases of firewall and maintenance pages (from the contract's ``signals``)."""

    blocked: tuple[str, ...]
    maintenance: tuple[str, ...]


@dataclass(frozen=True)
class Observation:
    """What the checker saw of one page.

    Attributes:
        status: HTTP status of the page's document, or None when there was no response.
        ready: Whether the page's readiness condition (its content) was met in time.
        headline: The document title and the text of its headings.
        text: The visible text of the body (read when the page errored or never got ready).
        ready_budget: Seconds the checker waited for readiness (for the message).
        drawn: Whether the page shows real content: a visible heading, button, link or form
            field (read when the page never got ready).
        failed_script: The address of a script of the page's own host that failed to load
            (an error status or no answer), if any.
        loading: Whether the page's loading indicator (its ``ready.hidden`` selectors) still
            showed when the wait ended.
    """

    status: int | None
    ready: bool
    headline: str = ""
    text: str = ""
    ready_budget: float = 0.0
    drawn: bool = False
    failed_script: str | None = None
    loading: bool = False


def normalise(text: str) -> str:
    """Fold whitespace and case, and drop trailing ``:`` and ``*`` marks.

    So that cosmetic differences ("ICEGATE ID:", "Password *") are not label drift.
    """
    folded = " ".join(text.split()).casefold()
    while folded and folded[-1] in DECORATION:
        folded = folded[:-1].rstrip()
    return folded


def first_signal(text: str, signals: tuple[str, ...]) -> str | None:
    """The first signal phrase that occurs in ``text`` (case-insensitive), if any."""
    folded = " ".join(text.split()).casefold()
    for signal in signals:
        if " ".join(signal.split()).casefold() in folded:
            return signal
    return None


def classify(seen: Observation, signals: Signals) -> tuple[PageVerdict, str]:
    """The page verdict and its one-line detail for an observation.

    Args:
        seen: What the checker observed.
        signals: The contract's blocked and maintenance phrases.

    Returns:
        (verdict, detail). Only ``ok`` and ``changed`` pages have their elements checked.
    """
    status = seen.status
    errored = status is not None and status >= 400
    where = seen.headline if seen.ready and not errored else f"{seen.headline}\n{seen.text}"
    http = f"HTTP {status}" if status is not None else "no HTTP status"
    blocked = first_signal(where, signals.blocked)
    if status in REFUSED or blocked:
        return PageVerdict.BLOCKED, http + (f', page says "{blocked}"' if blocked else "")
    maintenance = first_signal(where, signals.maintenance)
    if maintenance:
        return PageVerdict.MAINTENANCE, f'{http}, page says "{maintenance}"'
    if errored:
        return PageVerdict.HTTP_ERROR, http
    if seen.ready:
        return PageVerdict.OK, ""
    waited = f"page did not become ready within {seen.ready_budget:g} s"
    if seen.failed_script:
        return PageVerdict.UNREACHABLE, f"{waited}: the script {seen.failed_script} failed to load"
    if seen.loading:
        return PageVerdict.UNREACHABLE, f"{waited}: it was still loading ({http})"
    if status is not None and 200 <= status < 300 and seen.drawn:
        return PageVerdict.CHANGED, (
            f"the page answered ({http}) and shows other content than the guides describe: "
            f"its ready condition never came within {seen.ready_budget:g} s"
        )
    return PageVerdict.UNREACHABLE, f"{waited} ({http})"


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """How long a ``Retry-After`` header asks us to wait, in seconds.

    Args:
        value: The header: seconds (``"120"``) or an HTTP date; None when it was not sent.
        now: The current time (aware), to turn a date into a wait.

    Returns:
        The wait (0 for a date in the past), or None when there is no usable value.
    """
    text = (value or "").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max((when - now).total_seconds(), 0.0)
