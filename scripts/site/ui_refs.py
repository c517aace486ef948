"""Python-Markdown extension: print portal labels from the element contract.

A guide writes ``[[ui:login.submit]]``; the page shows the label the portal uses (``LOGIN``),
marked up as a UI element and linked to the element's row on the generated reference page, with
a small mark for its verification state (✓ seen live, ? a guessed label). An id that is not in
the contract is logged as a warning naming the page and line, so ``mkdocs build --strict``
fails.

A paragraph holding only ``[[ui-reference]]`` becomes the generated reference of every element.

``scripts.site.extension`` registers these processors; each keeps the page's render state
(``scripts.site.state``: contract, status, mentions, the page being rendered) as ``state``.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from scripts.contract.model import Element
from scripts.site.dates import reader_date
from scripts.site.inline import MarkerInlineProcessor, Replacement
from scripts.site.markers import MarkerBlock
from scripts.site.plain import keep_as_text
from scripts.site.state import RenderState
from scripts.site.words import ENGLISH
from scripts.verification.history import VerificationStatus

#: The table's column headings: keys of ``scripts.site.words``.
COLUMNS = (
    "ref_col_label", "ref_col_what", "ref_col_confidence", "ref_col_evidence", "ref_col_live",
    "ref_col_used",
)

log = logging.getLogger("mkdocs.icegate.ui_refs")

REFERENCE_MARKER = "[[ui-reference]]"


@dataclass(frozen=True)
class ReaderState:
    """How sure a reader can be of an element, in words and as a small mark.

    Attributes:
        kind: ``verified``, ``unverified`` or ``unconfirmed``; also the CSS modifier.
        mark: The small visible mark after the label ("" for none).
        spoken: Words for screen readers, read after the label inside its link.
        long: The full sentence, for the link's title and the reference table.
    """

    kind: str
    mark: str
    spoken: str
    long: str


def reader_state(
    element: Element, status: VerificationStatus, words: dict[str, str] = ENGLISH
) -> ReaderState:
    """Describe what is known about an element for readers.

    Args:
        element: The contract element.
        status: The live verification status.
        words: The edition's fixed words (``scripts.site.words``).

    Returns:
        The state: verified on the live portal, unconfirmed label, or not yet checked live.
    """
    seen = status.last_verified.get(element.id)
    if seen:
        seen = reader_date(seen, words.get("language", "en"))
        return ReaderState(
            "verified", "✓", words["state_verified_spoken"].format(date=seen),
            words["state_verified_long"].format(date=seen),
        )
    if element.label_confidence == "low":
        # No visible mark: a "?" glued to a label ("Forgot Password??") read as a typo. The
        # guides say in words, at the step, where a label is only a guess.
        return ReaderState(
            "unconfirmed", "", words["state_unconfirmed_spoken"],
            words["state_unconfirmed_long"],
        )
    return ReaderState(
        "unverified", "", words["state_unverified_spoken"], words["state_unverified_long"]
    )


class UiRefProcessor(MarkerInlineProcessor):
    """Turn ``[[ui:ID]]`` into the element's label and verification state."""

    def __init__(self, pattern: str, state: RenderState) -> None:
        super().__init__(pattern)
        self.state = state

    def found(self, m: re.Match[str], data: str) -> Replacement:
        """Build the HTML for one reference."""
        element_id = m.group("id")
        element = self.state.contract.elements.get(element_id)
        if element is None:
            log.warning(
                "%s: unknown portal element %r in [[ui:%s]]; add it to portal/contract.yml "
                "or fix the id",
                self.state.where(element_id),
                element_id,
                element_id,
            )
            wrong = etree.Element("code", {"class": "ui-ref ui-ref--unknown"})
            wrong.text = m.group(0)
            keep_as_text(wrong)
            return wrong, m.start(0), m.end(0)
        if m.group("form") == "label":
            return render_label(element), m.start(0), m.end(0)
        return render_reference(element, self.state), m.start(0), m.end(0)


def render_label(element: Element) -> etree.Element:
    """The bare label of ``element`` (for headings and titles), marked up as a UI element."""
    label = etree.Element("span", {"class": "ui-ref__label", "data-ui-element": element.id})
    label.text = element.label
    keep_as_text(label)
    return label


def render_reference(element: Element, state: RenderState) -> etree.Element:
    """The inline HTML for one mention of ``element``.

    The label links to the element's row on the reference page, where its evidence and live
    checks are. A small mark after the label tells a confirmed label (✓) from a guessed one
    (?); words for screen readers say the same inside the link, and the link's title gives
    the full sentence. The label is text: Markdown or a ``[[ui:…]]`` in it is not expanded.
    """
    shown = reader_state(element, state.status, state.words)
    span = etree.Element(
        "span",
        {"class": f"ui-ref ui-ref--{shown.kind}", "data-ui-element": element.id},
    )
    # Not a link: a tapped portal word led readers to the contributors' element table. The
    # state stays in words for screen readers; a label seen live keeps its quiet tick.
    link = span
    label = etree.SubElement(link, "strong", {"class": "ui-ref__label"})
    label.text = element.label
    if shown.mark:
        mark = etree.SubElement(
            link,
            "span",
            {"class": "ui-ref__mark", "aria-hidden": "true", "data-search-exclude": "true"},
        )
        mark.text = shown.mark
    # Search previews show the page's prose, not words meant for screen readers.
    spoken = etree.SubElement(
        link, "span", {"class": "ui-ref__state", "data-search-exclude": "true"}
    )
    spoken.text = f" ({shown.spoken})"
    keep_as_text(span)
    return span


class ReferenceTable(MarkerBlock):
    """Replace a ``[[ui-reference]]`` paragraph with one table per portal page."""

    markers = (REFERENCE_MARKER,)

    def render(self, parent: etree.Element, marker: str) -> None:
        """Write the reference in place of the marker."""
        contract, words = self.state.contract, self.state.words
        for page in contract.pages.values():
            elements = contract.elements_on(page.id)
            if not elements:
                continue
            title = words.get(f"page_title_{page.id}")
            # A translated title keeps the English heading's anchor, so links carry over.
            heading = etree.SubElement(
                parent, "h2", {"id": slugify(page.title, "-")} if title else {}
            )
            heading.text = title or page.title
            intro = etree.SubElement(parent, "p")
            if page.path is not None:
                intro.text = words["ref_address"].format(
                    url=f"{contract.sites[page.site].live_url}{page.path}"
                )
            else:
                # The contract's validator gives a page without a path a page to reach it from.
                assert page.reach_from is not None
                source = contract.pages[page.reach_from]
                name = words.get(f"page_title_{source.id}") or source.title.lower()
                intro.text = words["ref_reached"].format(page=name)
            intro.text += (
                words["ref_checked"]
                if page.live_checkable
                else words["ref_not_checked"].format(why=(page.why_not_live or "").strip())
            )
            self._table(parent, elements)

    def _table(self, parent: etree.Element, elements: list[Element]) -> None:
        table = etree.SubElement(parent, "table")
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for key in COLUMNS:
            etree.SubElement(head, "th").text = self.state.words[key]
        body = etree.SubElement(table, "tbody")
        for element in elements:
            self._row(body, element)

    def _row(self, body: etree.Element, element: Element) -> None:
        state = self.state
        words = state.words
        row = etree.SubElement(body, "tr", {"id": element.anchor})
        label_cell = etree.SubElement(row, "td")
        etree.SubElement(label_cell, "strong").text = element.label
        etree.SubElement(label_cell, "br")
        etree.SubElement(label_cell, "code").text = element.id
        etree.SubElement(row, "td").text = element.what + (
            f" ({element.notes})" if element.notes else ""
        )
        etree.SubElement(row, "td").text = words["ref_confidence"].format(
            element=words[f"confidence_{element.confidence}"],
            label=words[f"confidence_{element.label_confidence}"],
        )
        evidence_cell = etree.SubElement(row, "td")
        for index, evidence in enumerate(element.evidence):
            if index:
                etree.SubElement(evidence_cell, "br")
            attributes = {"href": evidence.url} if evidence.url else {}
            target = etree.SubElement(evidence_cell, "a" if evidence.url else "span", attributes)
            target.text = evidence.source
            target.tail = f" [{evidence.kind}{', ' + evidence.date if evidence.date else ''}]"
        shown = reader_state(element, state.status, state.words)
        etree.SubElement(row, "td").text = shown.long
        used = etree.SubElement(row, "td")
        for index, mention in enumerate(state.mentions.get(element.id, [])):
            if index:
                etree.SubElement(used, "br")
            href = posixpath.relpath(mention.file, posixpath.dirname(state.reference_page))
            link = etree.SubElement(used, "a", {"href": href})
            link.text = words["ref_used_line"].format(file=mention.file, line=mention.line)
