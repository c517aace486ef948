"""The ICEGATE helpdesk's contact details, from one file, as links a phone can tap.

``portal/contacts.yml`` holds the number, the e-mail address and the ticket page. Guides print
them with inline markers, ``[[contact:phone]]`` (a ``tel:`` link), ``[[contact:email]]`` (a
``mailto:`` link), ``[[contact:hours]]`` and ``[[contact:ticket]]``; a paragraph holding only
``[[helpdesk]]`` becomes a call box. The number or address typed into a page by hand is linked
as well (``link_typed``), so no page shows the helpdesk number without a ``tel:`` link.
"""

from __future__ import annotations

import functools
import logging
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.common.paths import PORTAL
from scripts.site.inline import MarkerInlineProcessor, Replacement
from scripts.site.markers import MarkerBlock
from scripts.site.state import RenderState

CONTACTS_PATH = PORTAL / "contacts.yml"
CONTACT_REF = r"\[\[contact:(?P<what>[a-z]+)\]\]"
HELPDESK_MARKER = "[[helpdesk]]"
#: Elements whose text is never turned into a link.
NO_LINKS = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}

log = logging.getLogger("mkdocs.icegate.contacts")


class ContactsError(Exception):
    """The contacts file is missing a detail."""


@dataclass(frozen=True)
class Helpdesk:
    """The helpdesk's details (see ``portal/contacts.yml``)."""

    phone: str
    tel: str
    email: str
    ticket_url: str


@functools.cache
def _load(path: Path, mtime: float) -> Helpdesk:
    del mtime  # part of the cache key: an edited file is read again while serving
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    desk = data.get("helpdesk") or {}
    try:
        return Helpdesk(
            str(desk["phone"]), str(desk["tel"]), str(desk["email"]), str(desk["ticket_url"])
        )
    except KeyError as missing:
        raise ContactsError(f"{path}: helpdesk: {missing.args[0]} is missing") from None


def helpdesk(path: Path = CONTACTS_PATH) -> Helpdesk:
    """The helpdesk's details, read once while the file is unchanged."""
    return _load(path, path.stat().st_mtime)


def phone_link(desk: Helpdesk, attributes: dict[str, str] | None = None) -> etree.Element:
    """The number as a ``tel:`` link."""
    link = etree.Element(
        "a", {"href": f"tel:{desk.tel}", "class": "contact contact--tel", **(attributes or {})}
    )
    link.text = desk.phone
    return link


def email_link(desk: Helpdesk) -> etree.Element:
    """The address as a ``mailto:`` link."""
    link = etree.Element("a", {"href": f"mailto:{desk.email}", "class": "contact contact--mail"})
    link.text = desk.email
    return link


def contact(what: str, desk: Helpdesk, words: dict[str, str]) -> etree.Element | None:
    """The element for ``[[contact:WHAT]]`` (None for an unknown WHAT)."""
    if what == "phone":
        return phone_link(desk)
    if what == "email":
        return email_link(desk)
    if what == "hours":
        span = etree.Element("span", {"class": "contact contact--hours"})
        span.text = words["contact_hours"]
        return span
    if what == "ticket":
        link = etree.Element("a", {"href": desk.ticket_url, "class": "contact contact--ticket"})
        link.text = words["contact_ticket"]
        return link
    return None


class ContactProcessor(MarkerInlineProcessor):
    """Turn ``[[contact:WHAT]]`` into a link or text from ``portal/contacts.yml``."""

    def __init__(self, state: RenderState) -> None:
        super().__init__(CONTACT_REF)
        self.state = state

    def found(self, m: re.Match[str], data: str) -> Replacement:
        """Build the element for one marker; an unknown one fails the strict build."""
        made = contact(m.group("what"), helpdesk(), self.state.words)
        if made is None:
            log.warning(
                "%s: unknown contact %r; use phone, email, hours or ticket",
                self.state.where(""), m.group(0),
            )
            made = etree.Element("code")
            made.text = m.group(0)
        return made, m.start(0), m.end(0)


def call_box(parent: etree.Element, words: dict[str, str], desk: Helpdesk) -> etree.Element:
    """The helpdesk call box: a large ``tel:`` link, then hours and the other ways to ask."""
    box = etree.SubElement(parent, "div", {"class": "helpdesk-call"})
    first = etree.SubElement(box, "p")
    link = phone_link(desk, {"class": "helpdesk-call__link"})
    label = etree.SubElement(link, "span", {"class": "helpdesk-call__label"})
    label.text = words["contact_call"]
    label.tail = " "
    number = etree.SubElement(link, "span", {"class": "helpdesk-call__number"})
    number.text = desk.phone
    link.text = None
    first.append(link)
    hours = etree.SubElement(box, "p", {"class": "helpdesk-call__hours"})
    hours.text = f"{words['contact_toll_free']}, {words['contact_hours']}."
    return box


class HelpdeskBlock(MarkerBlock):
    """Replace a ``[[helpdesk]]`` paragraph with the call box."""

    markers = (HELPDESK_MARKER,)

    def render(self, parent: etree.Element, marker: str) -> None:
        """Write the call box in place of the marker."""
        call_box(parent, self.state.words, helpdesk())


def _typed(desk: Helpdesk) -> re.Pattern[str]:
    return re.compile(f"({re.escape(desk.phone)}|{re.escape(desk.email)})")


def link_typed(root: etree.Element, desk: Helpdesk) -> None:
    """Link every hand-typed helpdesk number or address (not in links, code or headings)."""
    pattern = _typed(desk)
    _link_within(root, pattern, desk)


def _link_within(element: etree.Element, pattern: re.Pattern[str], desk: Helpdesk) -> None:
    if element.tag in NO_LINKS:
        return
    for child in list(element):
        _link_within(child, pattern, desk)
        _split(element, child, pattern, desk)
    _split(element, None, pattern, desk)


def _make(found: str, desk: Helpdesk) -> etree.Element:
    return phone_link(desk) if found == desk.phone else email_link(desk)


def _split(
    parent: etree.Element, child: etree.Element | None, pattern: re.Pattern[str], desk: Helpdesk
) -> None:
    """Link matches in ``parent.text`` (child None) or in ``child.tail``."""
    text = parent.text if child is None else child.tail
    if not text or not pattern.search(text):
        return
    pieces = pattern.split(text)
    if child is None:
        parent.text = pieces[0]
        at = 0
    else:
        child.tail = pieces[0]
        at = list(parent).index(child) + 1
    for index in range(1, len(pieces), 2):
        link = _make(pieces[index], desk)
        link.tail = pieces[index + 1]
        parent.insert(at, link)
        at += 1
