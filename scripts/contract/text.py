"""What a text or an address read from the project's data files may hold.

Every word the site prints from a data file (a contract label, a source title, a page's front
matter, a term of a translated edition) is checked here before the build uses it. The site
prints such text as text whatever it holds (``scripts.site.plain``); these checks stop what
cannot be a real portal label, title or address from reaching a page at all:

- ``<`` and ``>``: no label, title or term needs them, and markup copied from a web page is the
  likeliest way for HTML to reach the site;
- control and format characters (Unicode categories Cc, Cf, Cs, Co, and noncharacters such
  as U+FFFF): invisible, they break the Atom feed (XML forbids most of them) and the
  bidirectional overrides among them make text read differently from what it is. Two format
  characters are allowed: the zero-width joiner and non-joiner, which Indian scripts use to
  choose a letter's form. A line break is allowed in the longer texts (``MULTILINE``) only;
- more than a field's limit of characters (``LIMITS``).

Addresses must be ``https://`` URLs made only of the characters a URL may hold, so none can run
script (``javascript:``) or break out of an attribute.
"""

from __future__ import annotations

import re
import unicodedata

#: The most characters each kind of text may have. The longest value in the project today is
#: in brackets; each limit leaves room for several times as much.
LIMITS = {
    "label": 200,  # a portal label (27), a term or a word to avoid (82)
    "title": 300,  # a contract page title (49), a page's front-matter title (38)
    "description": 500,  # a page's front-matter description (158)
    "sentence": 1000,  # what an element is (71), an evidence source (165), a source title (205)
    "note": 2000,  # an element's or a page's notes (144), why a page is not checked (167)
    "url": 2000,  # an evidence or source address (161)
    "selector": 500,  # a locator or a selector the drift check uses, never printed (41)
}
#: The kinds of text the site never prints: they may hold '<' and '>' (a CSS child
#: combinator, a regular expression's look-behind), but no control characters either.
MACHINE = frozenset({"selector"})
#: The kinds of text that may run over several lines (YAML block scalars).
MULTILINE = frozenset({"description", "sentence", "note"})
#: Format characters that Indian scripts need (zero-width non-joiner and joiner).
ALLOWED_FORMAT = frozenset("\u200c\u200d")
#: Characters no printed text may hold, besides the control and format ones.
MARKUP = frozenset("<>")
#: The characters a URL may hold (RFC 3986: unreserved, reserved and ``%``).
URL_CHARS = r"A-Za-z0-9\-._~!$&'()*+,;=:@/%?#"
#: An https address of URL characters only, with a host name.
HTTPS_URL = re.compile(rf"https://[A-Za-z0-9.-]+(:[0-9]{{1,5}})?([/?#][{URL_CHARS}]*)?")
NOT_URL_CHAR = re.compile(rf"[^{URL_CHARS}]")


def _is_noncharacter(char: str) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane."""
    point = ord(char)
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def _forbidden(char: str, kind: str) -> bool:
    """Whether ``char`` may not appear in a text of ``kind``."""
    if char in MARKUP:
        return kind not in MACHINE
    if char == "\n" and kind in MULTILINE:
        return False
    category = unicodedata.category(char)
    if category == "Cf":
        return char not in ALLOWED_FORMAT
    return category in ("Cc", "Cs", "Co") or _is_noncharacter(char)


def _describe(char: str) -> str:
    """``'<' U+003C LESS-THAN SIGN``: the character, shown only when it is visible."""
    name = unicodedata.name(char, "")
    shown = f"{char!r} " if char in MARKUP else ""
    return f"{shown}U+{ord(char):04X}{' ' + name if name else ''}"


def text_problem(value: str, kind: str) -> str | None:
    """Why ``value`` cannot be printed as a text of ``kind``, or None when it can.

    Args:
        value: The text.
        kind: A key of ``LIMITS`` (``label``, ``title``...).

    Returns:
        One sentence naming the first bad character and where it is, or the length and the
        limit; None for a good text.
    """
    limit = LIMITS[kind]
    if len(value) > limit:
        return f"is {len(value):,} characters long; a {kind} may have at most {limit:,}"
    for index, char in enumerate(value):
        if _forbidden(char, kind):
            banned = "" if kind in MACHINE else "'<', '>', "
            return (
                f"holds {_describe(char)} at character {index + 1}; a {kind} may not hold "
                f"{banned}control or bidirectional-format characters"
            )
    return None


def url_problem(value: str) -> str | None:
    """Why ``value`` cannot be a link readers open, or None when it can.

    A link must be an ``https://`` address with a host name, of URL characters only (spaces,
    quotes, angle brackets and non-ASCII letters written percent-encoded), and at most
    ``LIMITS["url"]`` characters long.
    """
    if len(value) > LIMITS["url"]:
        return f"is {len(value):,} characters long; an address may have at most {LIMITS['url']:,}"
    if not value.startswith("https://"):
        return "every address must start with https:// (a page a reader can open safely)"
    if HTTPS_URL.fullmatch(value) is None:
        bad = NOT_URL_CHAR.search(value)
        where = f": {_describe(bad[0])} is not a URL character (percent-encode it)" if bad else ""
        return f"is not a plain https:// address with a host name{where}"
    return None


def check_text(value: str, kind: str) -> str:
    """``value`` when it is a good text of ``kind``; for pydantic validators.

    Raises:
        ValueError: saying what is wrong (``text_problem``).
    """
    problem = text_problem(value, kind)
    if problem:
        raise ValueError(problem)
    return value


def check_url(value: str) -> str:
    """``value`` when it is a good https address; for pydantic validators.

    Raises:
        ValueError: saying what is wrong (``url_problem``).
    """
    problem = url_problem(value)
    if problem:
        raise ValueError(problem)
    return value
