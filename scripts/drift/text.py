"""Make text the portal shows safe to keep, compare and write (standard library only).

The portal controls the words on its pages, so a label, a title or an address may hold
characters no report should carry: a lone UTF-16 surrogate (which no UTF-8 file can hold),
control characters (which break XML and terminals) and format characters such as U+202E,
which reverses the text shown after it. ``clean_text`` is applied where the drift check
reads the page; ``clean_tree`` is applied once more to a whole report before it is written,
so that no text, whoever produced it, can stop the report from being written.
"""

from __future__ import annotations

import unicodedata
from typing import Any

#: Unicode categories dropped from portal text: control and format characters.
DROPPED = frozenset({"Cc", "Cf"})
#: Control characters that separate words: replaced by a space, not dropped, so that
#: "LOG\nIN" stays two words.
SEPARATORS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85")
REPLACEMENT = "\ufffd"


def paired(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (valid pairs are joined)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_text(text: str, keep_lines: bool = False) -> str:
    """Portal text without lone surrogates, control or format characters, or noncharacters.

    Args:
        text: What the page showed.
        keep_lines: Keep line breaks and tabs, e.g. in a block of page text;
            otherwise they become spaces like the other separating controls.

    Returns:
        The text with lone surrogates replaced by U+FFFD, separating controls replaced by a
        space, and every other control character, format character (U+200B-U+200F,
        U+202A-U+202E, U+2066-U+2069, U+FEFF, ...) and noncharacter (U+FFFE, U+FFFF, ...)
        dropped.
    """
    kept = []
    for char in paired(text):
        if keep_lines and char in "\n\t":
            kept.append(char)
        elif char in SEPARATORS:
            kept.append(" ")
        elif unicodedata.category(char) not in DROPPED and not is_noncharacter(char):
            kept.append(char)
    return "".join(kept)


def is_noncharacter(char: str) -> bool:
    """Whether ``char`` is one of Unicode's 66 noncharacters (U+FDD0-U+FDEF, U+xxFFFE/F)."""
    point = ord(char)
    return 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE


def clean_tree(data: Any) -> Any:
    """A copy of JSON-like ``data`` (dicts, lists, strings, numbers) with every string cleaned.

    Keys are cleaned too; line breaks are kept (a report's texts may span lines).
    """
    if isinstance(data, str):
        return clean_text(data, keep_lines=True)
    if isinstance(data, dict):
        return {clean_tree(key): clean_tree(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [clean_tree(item) for item in data]
    return data
