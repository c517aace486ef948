"""What the extension's processors share while one Markdown instance renders one page.

``scripts.site.extension`` makes one ``RenderState`` per Markdown instance and hands it to
every processor it registers; each processor keeps it as ``self.state``. The state holds the
build's data (``scripts.site.data``), the edition's settings and words, and which page is
being rendered. This module imports no processor, so every processor can import it.
"""

from __future__ import annotations

import posixpath
from typing import Any

from markdown import Markdown

from scripts.contract.mentions import Mention
from scripts.contract.model import Contract, Element
from scripts.site.data import GuideData
from scripts.site.page import PageContext
from scripts.site.sources import Source
from scripts.site.words import words_for
from scripts.verification.history import VerificationStatus

REFERENCE_PAGE = "reference/portal-elements.md"
SOURCES_PAGE = "reference/sources.md"
STATUS_PAGE = "reference/portal-status.md"


class RenderState:
    """What the processors of one Markdown instance share while it renders one page.

    Attributes:
        settings: The extension's settings (``docs_dir``, ``language``, ``page``, …).
        data: The contract, sources, history, mentions and probes the pages are made from.
        md: The Markdown instance rendering the page.
        words: The fixed words of the edition's language (``scripts.site.words``).
        context: The page being rendered, once the page recorder has run (else None).
        owns_page: Whether this conversion is the page's own (not API docs nested in it).
        lines: Element id → the line of its first ``[[ui:ID]]`` on the page.
        mentioned: The ids of every element the page mentions, in order.
    """

    reference_page = REFERENCE_PAGE
    sources_page = SOURCES_PAGE
    status_page = STATUS_PAGE

    def __init__(self, settings: dict[str, Any], data: GuideData, md: Markdown) -> None:
        self.settings = settings
        self.data = data
        self.md = md
        self.words: dict[str, str] = words_for(settings["language"])
        self.context: PageContext | None = None
        self.owns_page = False
        self.lines: dict[str, int] = {}
        self.mentioned: list[str] = []

    @property
    def contract(self) -> Contract:
        """The element contract."""
        return self.data.contract

    @property
    def status(self) -> VerificationStatus:
        """The live verification status."""
        return self.data.status

    @property
    def mentions(self) -> dict[str, list[Mention]]:
        """Element id → its mentions in the docs folder."""
        return self.data.mentions

    @property
    def sources(self) -> dict[str, Source]:
        """The source register, by id."""
        return self.data.sources

    @property
    def cited_on(self) -> dict[str, list[tuple[str, str]]]:
        """Source id → (page, title) of every page citing it."""
        return self.data.cited_on

    @property
    def page(self) -> str | None:
        """The page being rendered, relative to the docs folder (None when not known)."""
        return self.context.path if self.context else None

    def link(self, target: str) -> str:
        """A link from the current page to ``target`` (a docs-relative ``.md`` path)."""
        here = posixpath.dirname(self.page or "")
        return posixpath.relpath(target, here or ".")

    def href(self, element: Element) -> str:
        """The link from the current page to an element's row on the reference page."""
        return f"{self.link(self.reference_page)}#{element.anchor}"

    def where(self, element_id: str) -> str:
        """``docs/PAGE:LINE`` of the first mention of ``element_id`` on the current page."""
        line = self.lines.get(element_id)
        docs = self.settings["docs_dir"].rstrip("/")
        page = f"{docs}/{self.page}" if self.page else "<page>"
        offset = self.context.line_offset if self.context else 0
        return f"{page}:{line + offset}" if line else page
