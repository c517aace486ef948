"""Extract the running prose of a guide and score its readability.

Used by the tests (a guide below the bar fails) and by ``python -m scripts.site.prose`` which prints
every guide's score.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import textstat

from scripts.common.paths import ROOT
from scripts.contract.mentions import UI_REF
from scripts.contract.model import project_contract

DOCS = ROOT / "docs"
MINIMUM_SCORE = 60.0

FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.MULTILINE | re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def prose_of(markdown: str) -> str:
    """The sentences of a Markdown page, without code, tables, markup or link targets."""
    labels = {element.id: element.label for element in project_contract()}
    text = FRONT_MATTER.sub("", markdown)
    text = FENCE.sub("", text)
    text = UI_REF.sub(lambda m: labels.get(m["id"], m["id"]), text)
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("|", "!!!", "???", "===", "::: ", "<!--", "--8<--", "![")):
            continue
        stripped = re.sub(r"^(#+|[-*]|\d+\.|:)\s+", "", stripped)
        lines.append(stripped)
    text = "\n".join(lines)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: keep the words
    text = re.sub(r"\{[^}]*\}", "", text)  # attribute lists
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = re.sub(r"[*_`]", "", text)
    return text


#: Where a sentence ends: the danda, ? and !, and a full stop followed by a space or the end
#: (so "ICEGATE 2.0" and "www.icegate.gov.in" stay whole).
SENTENCE_END = re.compile(r"[।?!]+|\.(?=\s|$)")
#: Lines that start a block of their own: headings, list items, definition lines.
BLOCK_START = re.compile(r"^\s*(#+\s|[-*]\s|\d+\.\s|:\s)")
HINDI_SENTENCE_BUDGET = 20.0


def sentences_of(markdown: str) -> list[str]:
    """The sentences of a page, for translated pages where Flesch scores mean nothing.

    The text is reduced to prose as for the Flesch score (``prose_of``: no front matter, code,
    tables, admonition titles, HTML, link targets or markup; portal labels as the portal shows
    them). A sentence then ends at ``।``, ``?``, ``!`` or a full stop followed by a space, and
    also where a block ends: a blank line, a heading or a list item, which are sentences of
    their own even without a full stop. Empty pieces are dropped.
    """
    blocks: list[list[str]] = [[]]
    for line in FRONT_MATTER.sub("", FENCE.sub("", markdown)).splitlines():
        if not line.strip() or BLOCK_START.match(line):
            blocks.append([])
        blocks[-1].append(line)
    sentences: list[str] = []
    for block in blocks:
        prose = prose_of("\n".join(block)).replace("\n", " ")
        sentences.extend(piece.strip() for piece in SENTENCE_END.split(prose) if piece.strip())
    return [s for s in sentences if words_in(s)]


def words_in(sentence: str) -> list[str]:
    """The words of a sentence: space-separated pieces holding a letter or a digit."""
    return [word for word in sentence.split() if any(ch.isalnum() for ch in word)]


def average_sentence_words(markdown: str) -> float:
    """Average words per sentence of a page (0 when it has no sentence)."""
    sentences = sentences_of(markdown)
    if not sentences:
        return 0.0
    return sum(len(words_in(s)) for s in sentences) / len(sentences)


def score(path: Path) -> float:
    """Flesch reading ease of one page's prose (higher is easier; 60+ is plain English)."""
    return float(textstat.flesch_reading_ease(prose_of(path.read_text(encoding="utf-8"))))


def guide_pages() -> list[Path]:
    """Every page written for readers (the generated reference lists are left out)."""
    skip = {"reference/portal-elements.md", "reference/sources.md", "about/contributing.md"}
    return [
        path
        for path in sorted(DOCS.rglob("*.md"))
        if path.relative_to(DOCS).as_posix() not in skip
    ]


if __name__ == "__main__":
    worst = 100.0
    for page in guide_pages():
        value = score(page)
        worst = min(worst, value)
        flag = "" if value >= MINIMUM_SCORE else "  <- below the bar"
        print(f"{value:6.1f}  docs/{page.relative_to(DOCS).as_posix()}{flag}")
    print(f"Flesch reading ease, minimum {MINIMUM_SCORE:g}; worst page {worst:.1f}")
    sys.exit(0 if worst >= MINIMUM_SCORE else 1)
