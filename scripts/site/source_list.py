"""The ``[[source-list]]`` block: every source of the register, official ones first.

Each source is listed with the pages that cite it (``scripts.site.sources`` reads both).
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree

from scripts.site.markers import MarkerBlock
from scripts.site.sources import KIND_ORDER, Source
from scripts.site.words import heading

LIST_MARKER = "[[source-list]]"


class SourceList(MarkerBlock):
    """The block processor behind ``[[source-list]]``."""

    markers = (LIST_MARKER,)

    def render(self, parent: etree.Element, marker: str) -> None:
        """Write one heading and list per kind of source."""
        for kind in KIND_ORDER:
            members = [s for s in self.state.sources.values() if s.kind == kind]
            if not members:
                continue
            heading(parent, self.state.words, f"sources_{kind}")
            listing = etree.SubElement(parent, "ul")
            for source in sorted(members, key=lambda s: s.sort_key, reverse=True):
                self._item(listing, source)

    def _item(self, listing: etree.Element, source: Source) -> None:
        item = etree.SubElement(listing, "li", {"id": f"source-{source.id}"})
        title = etree.SubElement(item, "a", {"href": source.url})
        title.text = source.title
        words = self.state.words
        title.tail = f" ({source.when_in(words)}){words['full_stop']}"
        pages = self.state.cited_on.get(source.id, [])
        if pages:
            cited = etree.SubElement(item, "span")
            cited.text = f" {words['cited_on']} "
            here = posixpath.dirname(self.state.sources_page)
            for index, (page, page_title) in enumerate(pages):
                link = etree.SubElement(cited, "a", {"href": posixpath.relpath(page, here)})
                link.text = page_title
                link.tail = ", " if index < len(pages) - 1 else words["full_stop"]
