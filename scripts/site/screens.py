"""``[[screen:PAGE_ID]]``: a reviewed photograph of a portal page, or its sketch.

A paragraph holding only ``[[screen:login]]`` becomes a figure. Where a maintainer has merged a
photograph of that page from the nightly run (``docs/assets/photos/login.webp`` and its
``.json``), the figure shows it: lazy-loaded, with its width and height, its alt text from the
contract and the capture date in the caption. Otherwise it shows the sketch drawn from the
contract (``scripts.site.sketch``), captioned as a sketch. Either way a list of the page's
elements in words follows, one tap away.

An unknown page id is logged as a warning naming the page, so the strict build fails.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from typing import Any

from scripts.common.clock import india_day
from scripts.common.paths import ROOT
from scripts.common.photos import PHOTO_FOLDER, read_meta
from scripts.contract.model import Page
from scripts.site.markers import MarkerBlock
from scripts.site.sketch import SketchItem, draw, sketch_items
from scripts.site.words import page_title

log = logging.getLogger("mkdocs.icegate.screens")

SCREEN = re.compile(r"\[\[screen:(?P<page>[^\]\s]*)\]\]")


class ScreenBlock(MarkerBlock):
    """The block processor behind ``[[screen:PAGE_ID]]``."""

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match a paragraph holding one screen marker only.

        An indented marker is left to the list (or other container) it belongs to, which
        hands it back without the indent, so a sketch inside a step stays inside that step.
        """
        return not block[:1].isspace() and SCREEN.fullmatch(block.strip()) is not None

    def render(self, parent: etree.Element, marker: str) -> None:
        """Write the photograph or the sketch in place of the marker."""
        state = self.state
        found = SCREEN.fullmatch(marker)
        if found is None:
            return
        page_id = found["page"]
        page = state.contract.pages.get(page_id)
        if page is None:
            log.warning(
                "%s: unknown portal page %r in [[screen:%s]]; expected one of %s",
                state.where(page_id), page_id, page_id, ", ".join(state.contract.pages),
            )
            etree.SubElement(parent, "code", {"class": "ui-ref--unknown"}).text = marker
            return
        items = sketch_items(state.contract.elements_on(page_id), state.status, state.words)
        docs = ROOT / state.settings["docs_dir"]
        meta = read_meta(docs, page_id)
        if meta is not None:
            self._photo(parent, page, items, meta)
        else:
            self._sketch(parent, page, items)
        self._list(parent, items)

    def _sketch(self, parent: etree.Element, page: Page, items: list[SketchItem]) -> None:
        figure = etree.SubElement(
            parent,
            "figure",
            {"class": "screen-sketch", "data-screen": page.id, "data-search-exclude": "true"},
        )
        words = self.state.words
        figure.append(draw(page, items, words))
        etree.SubElement(figure, "figcaption").text = words["sketch_figcaption"].format(
            page=page_title(page, words), caption=words["sketch_caption"]
        )

    def _photo(
        self, parent: etree.Element, page: Page, items: list[SketchItem], meta: dict[str, Any]
    ) -> None:
        words = self.state.words
        title = page_title(page, words)
        day = india_day(meta["captured"])
        figure = etree.SubElement(
            parent,
            "figure",
            {"class": "screen-photo", "data-screen": page.id, "data-search-exclude": "true"},
        )
        shown = ", ".join(item.element.label for item in items if item.shows_label)
        alt = words["photo_alt"].format(page=title, day=day)
        alt += words["photo_alt_names"].format(shown=shown) if shown else words["photo_alt_end"]
        etree.SubElement(
            figure,
            "img",
            {
                "src": self.state.link(f"{PHOTO_FOLDER}/{meta['file']}"),
                "alt": alt,
                "width": str(meta["width"]),
                "height": str(meta["height"]),
                "loading": "lazy",
                "decoding": "async",
            },
        )
        etree.SubElement(figure, "figcaption").text = words["photo_caption"].format(
            page=title, day=day
        )

    def _list(self, parent: etree.Element, items: list[SketchItem]) -> None:
        # A search preview shows prose, not the sketch's list of portal words.
        details = etree.SubElement(
            parent, "details", {"class": "screen-elements", "data-search-exclude": "true"}
        )
        etree.SubElement(details, "summary").text = self.state.words["screen_list"]
        listing = etree.SubElement(details, "ol")
        for item in items:
            etree.SubElement(listing, "li").text = item.describe()
