"""``feed.xml``: an Atom feed of portal changes, written by the pre-build step.

One entry per event of ``scripts.site.changes`` (newest first), each with its date, the guide
pages it affects and a link to the Portal status page. Entry ids are ``tag:`` URIs made of the
site's host, the event's day, kind and subject, so a rebuild gives every event the same id
and a feed reader never shows it twice. A history without events gives a valid feed with no
entries. The feed's own ``updated`` is the newest run's time, so rebuilding from the same
history writes the same bytes.

Everything written is made safe for XML first: characters XML 1.0 does not allow (control
characters, lone surrogates, U+FFFE/U+FFFF) are dropped from every text and attribute, so
portal text can never make the feed ill-formed; text inside an entry's HTML is HTML-escaped
and page addresses are percent-encoded, so a label or a docs file name cannot add markup.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from scripts.common.files import encodable
from scripts.common.paths import doc_url
from scripts.contract.mentions import Mention
from scripts.contract.model import Contract
from scripts.site.changes import Change, changes
from scripts.site.reachability_page import WORDS, duration, india_time
from scripts.verification.reachability import Probe, State, outages

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
STATUS_PAGE = "reference/portal-status/"
REACHABILITY_PAGE = "troubleshoot/is-icegate-down/"
OUTAGE_WORDS = {State.DOWN: "unreachable", State.MAINTENANCE: "under maintenance"}
#: The feed's ``updated`` when no run was ever recorded (a fixed time keeps rebuilds identical).
NO_RUN_TIME = "2026-11-01T00:00:00+00:00"
TITLES = {
    "drifted": "{name}: {after} on the live portal",
    "recovered": "{name}: as documented again",
    "page-changed": "{name}: {before} → {after}",
    "outage-began": "The portal could not be checked ({after})",
    "outage-ended": "The portal answers again",
}
#: Characters XML 1.0 does not allow anywhere in a document.
XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (C0 controls, surrogates, U+FFFE/F).

    A surrogate pair held as two code points is first joined into its character.
    """
    return XML_ILLEGAL.sub("", encodable(text))


def _escape(text: str) -> str:
    """Text for the HTML inside an entry: XML-safe and HTML-escaped (quotes too)."""
    return html.escape(xml_text(text), quote=True)


def _sub(
    parent: etree.Element, tag: str, text: str | None = None, **attributes: str
) -> etree.Element:
    """A child element whose text and attributes are XML-safe."""
    child = etree.SubElement(parent, tag, {k: xml_text(v) for k, v in attributes.items()})
    if text is not None:
        child.text = xml_text(text)
    return child


def page_url(site_url: str, doc: str) -> str:
    """The published address of a docs page (``log-in/steps.md`` → ``…/log-in/steps/``)."""
    return site_url + quote(doc_url(doc), safe="/")


def entry_id(authority: str, change: Change) -> str:
    """The stable id of an event: ``tag:HOST,DAY:KIND/SUBJECT``."""
    return f"tag:{authority},{change.day}:{change.kind}/{change.subject}"


def affected_pages(
    change: Change, contract: Contract, mentions: Mapping[str, list[Mention]]
) -> list[str]:
    """The guide pages (docs paths) that mention the element, or any element of the page."""
    if change.kind in ("drifted", "recovered"):
        ids = [change.subject]
    elif change.kind == "page-changed":
        ids = [element.id for element in contract.elements_on(change.subject)]
    else:
        return []
    return sorted({mention.file for e in ids for mention in mentions.get(e, [])})


def _name(change: Change, contract: Contract) -> str:
    if change.subject in contract.elements:
        element = contract.elements[change.subject]
        return f"{element.label} ({element.id})"
    if change.subject in contract.pages:
        return contract.pages[change.subject].title
    return change.subject


def _entry(
    feed: etree.Element, change: Change, contract: Contract,
    mentions: Mapping[str, list[Mention]], site_url: str, authority: str,
) -> None:
    status_url = site_url + STATUS_PAGE
    entry = _sub(feed, "entry")
    _sub(entry, "id", entry_id(authority, change))
    name = _name(change, contract)
    _sub(entry, "title", TITLES[change.kind].format(
        name=name, before=change.before, after=change.after
    ))
    _sub(entry, "updated", change.when)
    _sub(entry, "link", rel="alternate", type="text/html", href=status_url)
    pages = affected_pages(change, contract, mentions)
    _sub(entry, "category", term=change.kind)
    parts = [f"<p>Seen by the nightly check of {_escape(change.day)}.</p>"]
    if change.observed:
        parts.append(f"<p>The portal showed: {_escape(change.observed)}</p>")
    if pages:
        links = "".join(
            f'<li><a href="{_escape(page_url(site_url, doc))}">{_escape(doc)}</a></li>'
            for doc in pages
        )
        parts.append(f"<p>Guide pages it affects:</p><ul>{links}</ul>")
    elif change.kind.startswith("outage"):
        parts.append("<p>No guide is wrong because of an outage; nothing could be checked.</p>")
    parts.append(f'<p>Details: <a href="{_escape(status_url)}">Portal status</a>.</p>')
    _sub(entry, "content", "".join(parts), type="html")


def _outage_entries(feed: etree.Element, probes: Sequence[Probe], site_url: str,
                    authority: str) -> None:
    """An entry when an outage began and one when it ended (from the reachability probe)."""
    page = site_url + REACHABILITY_PAGE
    for outage in reversed(outages(list(probes))):
        what = OUTAGE_WORDS[outage.state]
        events = [("reach-down", outage.began, f"ICEGATE login page {what} since "
                   f"{india_time(outage.began)}")]
        if outage.ended:
            length = duration(outage.length(outage.ended), WORDS["en"])
            events.insert(0, ("reach-up", outage.ended, f"ICEGATE login page opens again "
                              f"({india_time(outage.ended)}), after {length}"))
        for kind, when, title in events:
            entry = _sub(feed, "entry")
            _sub(entry, "id", f"tag:{authority},{when.date().isoformat()}:{kind}/"
                              f"{when.isoformat()}")
            _sub(entry, "title", title)
            _sub(entry, "updated", when.isoformat())
            _sub(entry, "link", rel="alternate", type="text/html", href=page)
            _sub(entry, "category", term=kind)
            _sub(entry, "content", (
                f"<p>{_escape(title)}, as our reachability check saw it. It opens ICEGATE's "
                "public pages every half hour and never logs in.</p>"
                f'<p>Details: <a href="{_escape(page)}">Is ICEGATE down?</a></p>'), type="html")


def render(
    runs: list[dict[str, Any]],
    contract: Contract,
    mentions: Mapping[str, list[Mention]],
    site_url: str,
    id_url: str | None = None,
    probes: Sequence[Probe] = (),
) -> str:
    """The Atom document for a history.

    Args:
        runs: The history's run records, oldest first.
        contract: The element contract (names and pages of elements).
        mentions: Element id → its mentions in the guides.
        site_url: Where the site is published, ending in ``/`` (links).
        id_url: The canonical public address whose host makes the ids (default ``site_url``),
            so that a preview build and the published site give events the same ids.
        probes: The reachability probes, oldest first: each outage they show gives an entry
            when it began and one when it ended.

    Returns:
        The feed as XML text.
    """
    site_url = site_url.rstrip("/") + "/"
    authority = urlsplit(id_url or site_url).hostname or "localhost"
    events: dict[str, Change] = {}
    for change in changes(runs):
        events.setdefault(change.key, change)
    ordered = sorted(events.values(), key=lambda c: (c.when, c.key), reverse=True)
    feed = etree.Element("feed", {"xmlns": ATOM})
    _sub(feed, "id", f"tag:{authority},2026-11-01:portal-changes")
    _sub(feed, "title", "ICEGATE portal changes (icegate-guide)")
    _sub(feed, "subtitle", (
        "What the nightly check of the live ICEGATE portal found changed, and the guides it "
        "affects."
    ))
    times = [run["finished"] for run in runs[-1:]] + [p.at.isoformat() for p in probes[-1:]]
    _sub(feed, "updated", max(times, key=_moment) if times else NO_RUN_TIME)
    _sub(_sub(feed, "author"), "name", "icegate-guide")
    _sub(feed, "link", rel="self", href=site_url + FEED_FILE)
    _sub(feed, "link", rel="alternate", href=site_url + STATUS_PAGE)
    _outage_entries(feed, probes, site_url, authority)
    for change in ordered:
        _entry(feed, change, contract, mentions, site_url, authority)
    etree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, "unicode") + "\n"

