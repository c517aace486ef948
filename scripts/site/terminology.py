"""The term list of a translated edition (``i18n/terminology-<lang>.yml``) and its page.

Each entry gives the English term, the word the edition writes for it, a note on its use and
the variants a page must avoid (a test enforces them). A paragraph holding only
``[[terminology]]`` becomes the table of every entry, on the edition's terminology page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.common.paths import ROOT
from scripts.contract.text import text_problem
from scripts.site.markers import MarkerBlock

MARKER = "[[terminology]]"
#: Column headings: the English term, the edition's word, the variants pages avoid. (The
#: entries' notes are for translators and stay in the YAML file.)
HEADINGS = {
    "hi": ("अंग्रेजी", "हिंदी", "ये न लिखें"),
    "en": ("English", "Translation", "Avoid"),
}


class TerminologyError(ValueError):
    """The term list cannot be read or an entry is malformed."""


@dataclass(frozen=True)
class Term:
    """One entry of the term list."""

    en: str
    translation: str
    note: str = ""
    avoid: list[str] = field(default_factory=list)


def terminology_path(language: str) -> Path:
    """Where the term list of ``language`` lives."""
    return ROOT / "i18n" / f"terminology-{language}.yml"


def load_terms(path: Path, language: str) -> list[Term]:
    """Read a term list.

    Args:
        path: The YAML file: a list of mappings with ``en``, ``<language>``, ``note``, ``avoid``.
        language: The edition's language code, the key of the translated term.

    Raises:
        TerminologyError: naming the file and the entry.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise TerminologyError(f"{path}: cannot read the term list: {error}") from None
    if not isinstance(data, list):
        raise TerminologyError(f"{path}: expected a list of terms")
    terms = []
    for number, raw in enumerate(data, start=1):
        if not isinstance(raw, dict) or not raw.get("en") or not raw.get(language):
            raise TerminologyError(f"{path}: entry {number}: needs 'en' and '{language}'")
        avoid = raw.get("avoid") or []
        if not isinstance(avoid, list) or not all(isinstance(word, str) for word in avoid):
            raise TerminologyError(f"{path}: entry {number} ({raw['en']}): 'avoid' is a list")
        term = Term(str(raw["en"]), str(raw[language]), str(raw.get("note") or ""), avoid)
        _check_texts(term, language, f"{path}: entry {number}")
        terms.append(term)
    return terms


def _check_texts(term: Term, language: str, where: str) -> None:
    """Reject a term whose words cannot be printed (``scripts.contract.text``).

    Raises:
        TerminologyError: naming the file, the entry and the key.
    """
    texts = [("en", term.en, "label"), (language, term.translation, "label"),
             ("note", term.note, "note")]
    texts += [(f"avoid → {index}", word, "label") for index, word in enumerate(term.avoid)]
    for key, value, kind in texts:
        problem = text_problem(value, kind)
        if problem:
            raise TerminologyError(f"{where} → {key}: {problem}")


class TerminologyTable(MarkerBlock):
    """The block processor behind ``[[terminology]]``."""

    markers = (MARKER,)

    def render(self, parent: etree.Element, marker: str) -> None:
        """Write the table of every term of the edition's language."""
        language = self.state.settings["language"]
        terms = load_terms(terminology_path(language), language)
        table = etree.SubElement(parent, "table", {"class": "terminology"})
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for title in HEADINGS.get(language, HEADINGS["en"]):
            etree.SubElement(head, "th", {"scope": "col"}).text = title
        body = etree.SubElement(table, "tbody")
        for term in terms:
            row = etree.SubElement(body, "tr")
            etree.SubElement(row, "td", {"lang": "en"}).text = term.en
            etree.SubElement(row, "td").text = term.translation
            etree.SubElement(row, "td").text = ", ".join(term.avoid)
