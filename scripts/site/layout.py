"""Small changes to a page's HTML so that it reads well on a phone and on paper.

- Checklists: a list item written ``[x] …`` or ``[ ] …`` shows an empty box to tick, not the
  literal brackets (and not a box ticked in advance: the reader ticks it).
- Tables: every cell carries its column's heading (``data-label``), so that the stylesheet can
  show a wide table as one card per row on a narrow screen; the rows keep their table roles
  for screen readers when the stylesheet stops displaying them as a table.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

TASK = re.compile(r"^\[[ xX]\]\s+")


def _strip_task(holder: etree.Element) -> bool:
    """Remove a leading ``[x] `` from ``holder``'s text; True when there was one."""
    if holder.text and TASK.match(holder.text):
        holder.text = TASK.sub("", holder.text, count=1)
        return True
    return False


def checklists(root: etree.Element) -> int:
    """Turn task-list items into checklist items (an empty box drawn by the stylesheet).

    Returns:
        How many items were turned.
    """
    turned = 0
    for listing in root.iter("ul"):
        items = [item for item in listing if item.tag == "li"]
        for item in items:
            first = item[0] if len(item) and not (item.text or "").strip() else None
            holder = first if first is not None and first.tag == "p" else item
            if _strip_task(holder):
                item.set("class", (item.get("class", "") + " checklist__item").strip())
                turned += 1
        if any("checklist__item" in item.get("class", "") for item in items):
            listing.set("class", (listing.get("class", "") + " checklist").strip())
    return turned


def _text(cell: etree.Element) -> str:
    return " ".join("".join(cell.itertext()).split())


def label_table_cells(root: etree.Element) -> int:
    """Give every body cell of every table its column heading as ``data-label``.

    Returns:
        How many tables were labelled.
    """
    labelled = 0
    for table in root.iter("table"):
        head = table.find("thead/tr")
        if head is None or table.get("class"):  # a table with its own layout keeps it
            continue
        headings = [_text(cell) for cell in head]
        # An attribute, not a class: the theme styles (and wraps) only tables without a class.
        table.set("data-stackable", "true")
        table.set("role", "table")
        for row in table.iter("tr"):
            row.set("role", "row")
            for index, cell in enumerate(row):
                cell.set("role", "columnheader" if cell.tag == "th" else "cell")
                if cell.tag == "td" and index < len(headings) and headings[index]:
                    cell.set("data-label", headings[index])
        for group in ("thead", "tbody"):
            for part in table.iter(group):
                part.set("role", "rowgroup")
        labelled += 1
    return labelled


#: A run of characters without spaces, long enough to overflow a phone's line, with a slash.
LONG_PATH = re.compile(r"\S{20,}")
#: Where no ``<wbr>`` may go: code, and SVG drawings (HTML's ``<wbr>`` means nothing in SVG).
NO_SOFT_BREAKS = {"code", "pre", "script", "style", "kbd", "svg"}


def _path_pieces(text: str) -> list[str]:
    """``text`` cut after each slash inside a long run without spaces ("a/b" stays whole)."""
    pieces, start = [], 0
    for run in LONG_PATH.finditer(text):
        for slash in re.finditer("/", run.group()):
            at = run.start() + slash.end()
            if at < run.end():
                pieces.append(text[start:at])
                start = at
    pieces.append(text[start:])
    return pieces


def _soften(parent: etree.Element, child: etree.Element | None) -> None:
    text = parent.text if child is None else child.tail
    if not text or "/" not in text:
        return
    pieces = _path_pieces(text)
    if len(pieces) == 1:
        return
    # Text that came in as plain text (AtomicString) stays plain text piece by piece, should
    # anything ever run Python-Markdown's inline step after this.
    kind = type(text)
    if child is None:
        parent.text = kind(pieces[0])
        at = 0
    else:
        child.tail = kind(pieces[0])
        at = list(parent).index(child) + 1
    for piece in pieces[1:]:
        mark = etree.Element("wbr")
        mark.tail = kind(piece)
        parent.insert(at, mark)
        at += 1


def soft_breaks(element: etree.Element) -> None:
    """Let long paths and addresses in running text break after a slash, not mid-word.

    Adds ``<wbr>`` (a place where a line may end, invisible and not copied) after each ``/``
    of a run of 20 or more characters without spaces, outside code.
    """
    if element.tag in NO_SOFT_BREAKS:
        return
    for child in list(element):
        soft_breaks(child)
        _soften(element, child)
    _soften(element, None)
