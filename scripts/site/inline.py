"""The base of the extension's inline processors, typed once.

Python-Markdown's ``InlineProcessor.handleMatch(m, data)`` returns ``(element, start, end)``;
its base class ``Pattern.handleMatch(m)`` returns the element alone. The type stubs mark the
narrower override with an ignore of their own, so every subclass inherits a mismatch with
``Pattern`` that is not a bug. This class takes it once, here; subclasses implement ``found``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

Replacement = tuple[etree.Element | str | None, int | None, int | None]


class MarkerInlineProcessor(InlineProcessor):
    """An inline processor whose matches are handled by ``found``."""

    # Same signature as the stubs give InlineProcessor, which narrow Pattern's (their ignore).
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> Replacement:
        """Hand the match to ``found``."""
        return self.found(m, data)

    def found(self, m: re.Match[str], data: str) -> Replacement:
        """The element for one match, and the span of ``data`` it replaces."""
        raise NotImplementedError
