"""Words readers search with that the page does not use: synonyms, misspellings, other scripts.

``i18n/search-terms.yml`` holds, per edition, what readers type for a page or one of its
entries ("customer care" for the helpdesk, "pasword", "ओटीपी" where the page writes "OTP").
The build adds those words to the heading they belong to, in an element that is ``hidden``:
no reader and no screen reader meets it, but every search index that reads the page (Material's,
Zensical's) counts it as part of the heading. The table of contents is made before this runs,
so it keeps the visible words.

Two kinds of entries, per edition:

- ``words``: a word of the headings and what readers type instead (its misspellings, its
  other spellings). Every heading that shows the word gets them.
- ``pages``: a page file, then a heading's anchor (``""`` for the page title), then phrases.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.common.paths import ROOT

TERMS_FILE = ROOT / "i18n" / "search-terms.yml"
HEADINGS = ("h1", "h2", "h3", "h4")
#: The hidden element's tag: one of the few inline tags a search index keeps in a title, so that
#: the site's stylesheet can keep it out of the search results (``.md-search-result sub``).
TAG = "sub"
CLASS = "search-terms"


class SearchTermsError(Exception):
    """The search-terms file is malformed."""


@dataclass(frozen=True)
class EditionTerms:
    """One edition's search terms."""

    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pages: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def for_heading(self, page: str, anchor: str, text: str) -> list[str]:
        """The phrases to add to one heading: its own, then those of the words it shows."""
        phrases = list(self.pages.get(page, {}).get(anchor, ()))
        lowered = text.lower()
        for word, variants in self.words.items():
            if re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", lowered):
                phrases.extend(variants)
        # A phrase the heading already shows adds nothing but bytes.
        return [p for p in dict.fromkeys(phrases) if p.lower() not in lowered]


def _phrases(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str | int):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, str | int) and str(v).strip() for v in value
    ):
        raise SearchTermsError(f"{where}: expected a list of phrases")
    return tuple(str(v).strip() for v in value)


def parse(data: object, source: str = str(TERMS_FILE)) -> dict[str, EditionTerms]:
    """Read the file's content: edition → its terms.

    Raises:
        SearchTermsError: An entry is not shaped as documented at the top of the file.
    """
    if not isinstance(data, dict):
        raise SearchTermsError(f"{source}: expected editions (en, hi) at the top level")
    editions = {}
    for edition, entries in data.items():
        entries = entries or {}
        if not isinstance(entries, dict) or set(entries) - {"words", "pages"}:
            raise SearchTermsError(f"{source}: {edition}: expected `words` and `pages`")
        words = {
            str(word): _phrases(variants, f"{source}: {edition}: words: {word}")
            for word, variants in (entries.get("words") or {}).items()
        }
        pages = {}
        for page, anchors in (entries.get("pages") or {}).items():
            if not isinstance(anchors, dict):
                raise SearchTermsError(f"{source}: {edition}: {page}: expected anchor: phrases")
            pages[str(page)] = {
                str(anchor or ""): _phrases(phrases, f"{source}: {edition}: {page}#{anchor}")
                for anchor, phrases in anchors.items()
            }
        editions[str(edition)] = EditionTerms(words, pages)
    return editions


@functools.cache
def _load(path: Path, mtime: float) -> dict[str, EditionTerms]:
    del mtime  # part of the cache key only: an edited file is read again while serving
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


def terms_for(language: str, path: Path = TERMS_FILE) -> EditionTerms:
    """The edition's terms (none when the file is absent)."""
    if not path.is_file():
        return EditionTerms()
    return _load(path, path.stat().st_mtime).get(language, EditionTerms())


def visible_text(heading: etree.Element) -> str:
    """A heading's words, without its permalink and any terms added before."""
    parts = [heading.text or ""]
    for child in heading:
        if child.get("class") not in ("headerlink", CLASS):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def add_terms(root: etree.Element, page: str, terms: EditionTerms) -> int:
    """Add the hidden search terms to every heading of ``root`` that has some.

    Args:
        root: The page's element tree (after the table of contents is made).
        page: The page, relative to its docs folder (``log-in/otp.md``).
        terms: The edition's terms.

    Returns:
        How many headings got terms.
    """
    count = 0
    for heading in root.iter():
        if heading.tag not in HEADINGS:
            continue
        anchor = "" if heading.tag == "h1" else heading.get("id", "")
        phrases = terms.for_heading(page, anchor, visible_text(heading))
        if not phrases:
            continue
        hidden = etree.SubElement(heading, TAG, {"class": CLASS, "hidden": "hidden"})
        hidden.text = " " + ", ".join(phrases)
        count += 1
    return count
