"""``feed.xml``: an Atom feed of portal changes, written by the pre-build step.

One entry per event of ``scripts.site.changes`` (newest first), each with its date, the guide
pages it affects and a link to the Portal status page. Entry ids are ``tag:`` URIs made of the
site's host, the event's day, kind and subject, so a rebuild gives every event the same id
and a feed reader never shows it twice. A history without events gives a valid feed with no
entries. The feed's own ``updated`` is the newest run's time, so rebuilding from the same
history writes the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from scripts.contract.mentions import Mention
from scripts.contract.model import Contract
from scripts.site.changes import Change, changes

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
STATUS_PAGE = "reference/portal-status/"
#: The feed's ``updated`` when no run was ever recorded (a fixed time keeps rebuilds identical).
NO_RUN_TIME = "2026-11-01T00:00:00+00:00"
TITLES = {
    "drifted": "{name}: {after} on the live portal",
    "recovered": "{name}: as documented again",
    "page-changed": "{name}: {before} → {after}",
    "outage-began": "The portal could not be checked ({after})",
    "outage-ended": "The portal answers again",
}


def page_url(site_url: str, doc: str) -> str:
    """The published address of a docs page (``log-in/steps.md`` → ``…/log-in/steps/``)."""
    stem = doc.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return site_url + stem


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
    entry = etree.SubElement(feed, "entry")
    etree.SubElement(entry, "id").text = entry_id(authority, change)
    name = _name(change, contract)
    etree.SubElement(entry, "title").text = TITLES[change.kind].format(
        name=name, before=change.before, after=change.after
    )
    etree.SubElement(entry, "updated").text = change.when
    etree.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": status_url})
    pages = affected_pages(change, contract, mentions)
    etree.SubElement(entry, "category", {"term": change.kind})
    html = [f"<p>Seen by the nightly check of {change.day}.</p>"]
    if change.observed:
        html.append(f"<p>The portal showed: {_escape(change.observed)}</p>")
    if pages:
        links = "".join(
            f'<li><a href="{page_url(site_url, doc)}">{doc}</a></li>' for doc in pages
        )
        html.append(f"<p>Guide pages it affects:</p><ul>{links}</ul>")
    elif change.kind.startswith("outage"):
        html.append("<p>No guide is wrong because of an outage; nothing could be checked.</p>")
    html.append(f'<p>Details: <a href="{status_url}">Portal status</a>.</p>')
    etree.SubElement(entry, "content", {"type": "html"}).text = "".join(html)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(
    runs: list[dict[str, Any]],
    contract: Contract,
    mentions: Mapping[str, list[Mention]],
    site_url: str,
    id_url: str | None = None,
) -> str:
    """The Atom document for a history.

    Args:
        runs: The history's run records, oldest first.
        contract: The element contract (names and pages of elements).
        mentions: Element id → its mentions in the guides.
        site_url: Where the site is published, ending in ``/`` (links).
        id_url: The canonical public address whose host makes the ids (default ``site_url``),
            so that a preview build and the published site give events the same ids.

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
    etree.SubElement(feed, "id").text = f"tag:{authority},2026-11-01:portal-changes"
    etree.SubElement(feed, "title").text = "ICEGATE portal changes (icegate-guide)"
    etree.SubElement(feed, "subtitle").text = (
        "What the nightly check of the live ICEGATE portal found changed, and the guides it "
        "affects."
    )
    etree.SubElement(feed, "updated").text = runs[-1]["finished"] if runs else NO_RUN_TIME
    etree.SubElement(etree.SubElement(feed, "author"), "name").text = "icegate-guide"
    etree.SubElement(feed, "link", {"rel": "self", "href": site_url + FEED_FILE})
    etree.SubElement(feed, "link", {"rel": "alternate", "href": site_url + STATUS_PAGE})
    for change in ordered:
        _entry(feed, change, contract, mentions, site_url, authority)
    etree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, "unicode") + "\n"

