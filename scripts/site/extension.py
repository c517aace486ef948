"""The site's one Python-Markdown extension: everything the guides need from the build.

Listed under ``markdown_extensions:`` in ``mkdocs.yml`` by import path, so any generator that
runs Python-Markdown extensions (MkDocs, Zensical) renders the same pages:

- ``[[ui:ID]]`` prints a portal label from the element contract (``ui_refs``);
- marker paragraphs become generated content: ``[[ui-reference]]`` (every element),
  ``[[source-list]]`` (every source), ``[[portal-status]]`` and ``[[portal-last-run]]``
  (the live verification history), ``[[screen:PAGE_ID]]`` (a reviewed photograph of a portal
  page, or its sketch drawn from the contract), ``[[terminology]]`` (a translated edition's
  term list);
- every page gets its facts: a warning at the top when the portal changed under it, and a
  footer with the review date, the verification line, its sources and two ways to report a
  problem (``facts``);
- a translated page whose English page changed since translation gets a notice at the top
  (``stale_notice``).
- ``[[contact:phone]]``, ``[[contact:email]]``, ``[[contact:hours]]``, ``[[contact:ticket]]``
  and a ``[[helpdesk]]`` paragraph print the helpdesk's details from ``portal/contacts.yml``
  as links a phone can tap; a number typed by hand is linked too (``contacts``);
- headings get the words readers search with, hidden (``search_terms``,
  ``i18n/search-terms.yml``); checklists, tables and long paths are prepared for a phone
  (``layout``).

It takes what it needs from the Markdown and the page's front matter; which page is being
rendered comes from ``page`` (both generators say it in their own way). What the processors
share while one page renders is a ``RenderState`` (``scripts.site.state``).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from scripts.common.paths import ROOT
from scripts.contract.mentions import UI_REF, scan_text
from scripts.site import facts
from scripts.site.contacts import ContactProcessor, HelpdeskBlock, helpdesk, link_typed
from scripts.site.data import GuideData, guide_data
from scripts.site.layout import checklists, label_table_cells, soft_breaks
from scripts.site.markers import MarkerBlock
from scripts.site.page import generator_page_path, is_own_conversion, read_context
from scripts.site.portal_status import StatusBlock
from scripts.site.reachability_page import ReachabilityBlock
from scripts.site.screens import ScreenBlock
from scripts.site.search_terms import add_terms, terms_for
from scripts.site.source_list import SourceList
from scripts.site.stale_notice import add_stale_banner
from scripts.site.state import RenderState
from scripts.site.terminology import TerminologyTable
from scripts.site.ui_refs import ReferenceTable, UiRefProcessor

log = logging.getLogger("mkdocs.icegate.extension")

class PageRecorder(Preprocessor):
    """Find out which page this is, and where each element reference sits in it."""

    def __init__(self, md: Markdown, state: RenderState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        """Record the page context and ``id → first line``; the text is left untouched."""
        state = self.state
        explicit = state.settings["page"]
        path, owner = (explicit, None) if explicit else generator_page_path(self.md)
        state.context = None
        state.owns_page = False
        if path:
            state.context = read_context(ROOT / state.settings["docs_dir"], path, lines)
            # Only the page's own conversion gets the page facts, not API docs rendered
            # inside it by a nested Markdown instance that shares the generator's page.
            state.owns_page = owner is None or is_own_conversion(owner, self.md)
        state.mentioned = [m.element_id for m in scan_text("\n".join(lines), path or "")]
        state.lines = {}
        for number, line in enumerate(lines, start=1):
            for match in UI_REF.finditer(line):
                state.lines.setdefault(match["id"], number)
        return lines


class PageFacts(Treeprocessor):
    """Add the drift warning after the page title and the page's footer at its end."""

    def __init__(self, md: Markdown, state: RenderState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        """Add the facts, for the page's own conversion only."""
        state = self.state
        if state.context is None or not state.owns_page or state.settings["page_facts"] is False:
            return
        facts.add_drift_warning(root, state)
        add_stale_banner(root, state)
        facts.add_footer(root, state)


class SearchTerms(Treeprocessor):
    """Add the words readers search with to the page's headings (``search_terms``), hidden.

    Runs after the table of contents is made, so the contents keep the visible words.
    """

    def __init__(self, md: Markdown, state: RenderState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        """Add the terms, for the page's own conversion only."""
        state = self.state
        if state.context is None or not state.owns_page:
            return
        add_terms(root, state.context.path, terms_for(state.settings["language"]))


class ContactLinks(Treeprocessor):
    """Link the helpdesk's number and address wherever a page typed them by hand."""

    def run(self, root: etree.Element) -> None:
        """Turn each typed number into a ``tel:`` link and each address into ``mailto:``."""
        link_typed(root, helpdesk())


class PhoneLayout(Treeprocessor):
    """Checklists with boxes to tick; tables that can become one card per row on a phone."""

    def run(self, root: etree.Element) -> None:
        """Mark the checklists and label the table cells (``layout``)."""
        checklists(root)
        label_table_cells(root)
        soft_breaks(root)


class MarkerBlocks(MarkerBlock):
    """Every marker paragraph the build fills in, each with its own renderer."""

    def __init__(self, parser: BlockParser, state: RenderState) -> None:
        super().__init__(parser, state)
        self.renderers = {
            marker: cls(parser, state)
            for cls in (ReferenceTable, SourceList, StatusBlock, TerminologyTable,
                        ReachabilityBlock, HelpdeskBlock)
            for marker in cls.markers
        }
        self.markers = tuple(self.renderers)
        self.screens = ScreenBlock(parser, state)

    def test(self, parent: etree.Element, block: str) -> bool:
        """Match the fixed markers and the ``[[screen:PAGE_ID]]`` markers."""
        return super().test(parent, block) or self.screens.test(parent, block)

    def render(self, parent: etree.Element, marker: str) -> None:
        """Hand the marker to its renderer."""
        renderer = self.renderers.get(marker, self.screens)
        renderer.render(parent, marker)


class GuideExtension(Extension):
    """Register the page recorder, the ``[[ui:…]]`` pattern, the markers and the page facts."""

    def __init__(self, data: GuideData | None = None, **kwargs: Any) -> None:
        self.config = {
            "docs_dir": ["docs", "The docs folder, relative to the repository root"],
            "language": ["en", "The edition's language (words the build adds)"],
            "translates": ["", "A translated edition: the English docs folder it follows"],
            "edition_path": ["", "Where the edition sits under the site root, e.g. hi/"],
            "repository": ["", "owner/name on GitHub, for the report link"],
            "public_url": ["", "Where the site is published, for the page address in e-mails"],
            "feedback_email": ["", "Where readers without GitHub report a problem"],
            "page": ["", "The page's path, when the generator does not say (unit tests)"],
            "page_facts": [True, "Add the drift warning and the page footer"],
        }
        super().__init__(**kwargs)
        self._data = data

    @property
    def data(self) -> GuideData:
        """The contract, sources, history and mentions (read once while unchanged)."""
        if self._data is None:
            return guide_data(ROOT / self.getConfig("docs_dir"))
        return self._data

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        """Register the processors, with a state of their own for this Markdown instance."""
        md.registerExtension(self)
        state = RenderState(self.getConfigs(), self.data, md)
        md.preprocessors.register(PageRecorder(md, state), "icegate_page", 40)
        md.inlinePatterns.register(UiRefProcessor(UI_REF.pattern, state), "icegate_ui_ref", 175)
        md.inlinePatterns.register(ContactProcessor(state), "icegate_contact", 174)
        md.parser.blockprocessors.register(MarkerBlocks(md.parser, state), "icegate_markers", 95)
        md.treeprocessors.register(PageFacts(md, state), "icegate_page_facts", 5)
        # After "toc" (5): the table of contents and the anchors are made from visible words.
        md.treeprocessors.register(SearchTerms(md, state), "icegate_search_terms", 4)
        md.treeprocessors.register(ContactLinks(md), "icegate_contact_links", 3)
        md.treeprocessors.register(PhoneLayout(md), "icegate_phone_layout", 2)


def makeExtension(**kwargs: Any) -> GuideExtension:  # Python-Markdown's name
    """Create the extension (Python-Markdown calls this for ``scripts.site.extension``)."""
    return GuideExtension(**kwargs)

