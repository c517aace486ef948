"""Generated text stays text: nothing the build writes into a page is read as Markdown or HTML.

Python-Markdown runs its inline patterns (raw HTML, links, emphasis, and our own
``[[ui:…]]``) over the text of every element in the tree, the elements that block and inline
processors add included, unless that text is an ``AtomicString``. The site's generated content
carries text from data files (contract labels and titles, source titles, terms, the history),
so each processor hands its elements through ``keep_as_text`` before Python-Markdown sees them:
a label ``<b>LOGIN</b>`` is then printed as those ten characters, a ``[x](javascript:…)`` in a
title stays those characters, and a ``[[ui:…]]`` inside a label is not expanded. The
serializer escapes ``<``, ``>`` and ``&`` in such text as in any other.

The data files are checked too (``scripts.contract.text``); this is what holds if a check
misses something.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString


def keep_as_text(*elements: etree.Element) -> None:
    """Make the text and the tail of every element under ``elements`` plain text.

    Args:
        elements: The roots of generated content (their own tails included).
    """
    for root in elements:
        for node in root.iter():
            if node.text is not None and not isinstance(node.text, AtomicString):
                node.text = AtomicString(node.text)
            if node.tail is not None and not isinstance(node.tail, AtomicString):
                node.tail = AtomicString(node.tail)
