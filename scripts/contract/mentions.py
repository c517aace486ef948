"""Find where the guides mention portal elements (``[[ui:ELEMENT_ID]]``), with file and line."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

#: A reference in a guide: ``[[ui:ID]]``, or ``[[ui:ID|label]]`` for the bare label (headings,
#: titles). Anything between ``[[ui:`` and ``]]`` is taken as the id, so that a mistyped id is
#: reported rather than silently left as text.
UI_REF = re.compile(r"\[\[ui:(?P<id>[^\]\s|]*)(?:\|(?P<form>label))?\]\]")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass(frozen=True)
class Mention:
    """One mention of an element in a guide."""

    element_id: str
    file: str
    line: int

    def __str__(self) -> str:
        return f"docs/{self.file}:{self.line}"


def scan_text(text: str, file: str) -> list[Mention]:
    """Find the element references in one Markdown text, outside fenced code blocks.

    Args:
        text: The Markdown source, front matter included (so lines match the file).
        file: The file's path relative to ``docs/``, for the result.

    Returns:
        The mentions in reading order.
    """
    mentions = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        marker = FENCE.match(line)
        if marker:
            token = marker.group(1)
            if fence is None:
                fence = token
                continue
            if token[0] == fence[0] and len(token) >= len(fence):
                fence = None
                continue
        if fence is not None:
            continue
        for match in UI_REF.finditer(line):
            mentions.append(Mention(match["id"], file, number))
    return mentions


def scan_docs(docs_dir: Path) -> dict[str, list[Mention]]:
    """Find every element reference in every Markdown file under ``docs_dir``.

    Args:
        docs_dir: The MkDocs docs folder.

    Returns:
        Mentions grouped by element id; ids appear in sorted file order.
    """
    found: dict[str, list[Mention]] = defaultdict(list)
    for path in sorted(docs_dir.rglob("*.md")):
        file = path.relative_to(docs_dir).as_posix()
        for mention in scan_text(path.read_text(encoding="utf-8"), file):
            found[mention.element_id].append(mention)
    return dict(found)
