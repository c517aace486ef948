"""A Python-Markdown block processor for a paragraph that holds only a marker, like ``[[x]]``."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor

from scripts.site.plain import keep_as_text
from scripts.site.state import RenderState


class MarkerBlock(BlockProcessor):
    """Replace a paragraph holding exactly one of ``markers`` with generated content.

    Subclasses set ``markers`` and implement ``render``. Whatever ``render`` writes is kept
    as text (``scripts.site.plain``): Python-Markdown does not read it again. What the page
    is made from is in ``self.state`` (``scripts.site.state``).
    """

    markers: tuple[str, ...] = ()

    def __init__(self, parser: BlockParser, state: RenderState) -> None:
        super().__init__(parser)
        self.state = state

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match the marker paragraphs only."""
        return block.strip() in self.markers

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        """Render the content for the marker found, in its place, as text."""
        start = len(parent)
        self.render(parent, blocks.pop(0).strip())
        keep_as_text(*parent[start:])

    def render(self, parent: etree.Element, marker: str) -> None:
        """Write the generated content under ``parent``."""
        raise NotImplementedError
