"""Translated editions: which English page a translation follows, and whether it is stale.

A translated page (``docs-hi/log-in/otp.md``) says in its front matter which state of the English
page (``docs/log-in/otp.md``) it translates:

    english_sha: 6c587b284287   # the first 12 hex digits of sha256 of the English file's bytes

When the English file changes, its hash no longer matches and the translation is *stale*: the
extension puts a banner on the page (``add_stale_banner``) and ``make translations`` lists it.
Nobody has to remember to do either.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.site.state import RenderState

SHA_LENGTH = 12
SHA_PATTERN = re.compile(rf"^[0-9a-f]{{{SHA_LENGTH}}}$")


def english_sha(path: Path) -> str:
    """The first 12 hex digits of the sha256 of ``path``'s bytes (what ``english_sha`` holds)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:SHA_LENGTH]


@dataclass(frozen=True)
class TranslationState:
    """How a translated page stands against its English page.

    Attributes:
        page: The page, relative to both docs folders (``log-in/otp.md``).
        english: The English file, or None when there is no English page of that name.
        recorded: The ``english_sha`` the translation records ("" when it records none).
        current: The English file's hash now ("" when there is no English page).
    """

    page: str
    english: Path | None
    recorded: str
    current: str

    @property
    def stale(self) -> bool:
        """True when an English page exists and the translation does not follow its bytes."""
        return self.english is not None and self.recorded != self.current


def translation_state(english_docs: Path, page: str, meta: dict[str, Any]) -> TranslationState:
    """Compare a translated page's ``english_sha`` with its English page.

    Args:
        english_docs: The English docs folder.
        page: The page's path relative to the docs folders.
        meta: The translated page's front matter.
    """
    english = english_docs / page
    recorded = str(meta.get("english_sha") or "")
    if not english.is_file():
        return TranslationState(page, None, recorded, "")
    return TranslationState(page, english, recorded, english_sha(english))


def english_href(page_url: str, edition_path: str) -> str:
    """The relative link from a translated page to the same page in the English edition.

    Args:
        page_url: The page's address inside its edition (``log-in/otp/``, ``""`` for home).
        edition_path: Where the edition sits under the site root (``hi/``).

    Example: ``english_href("log-in/otp/", "hi/")`` is ``../../../log-in/otp/``.
    """
    depth = page_url.count("/") + edition_path.strip("/").count("/") + 1
    return posixpath.join(*([".."] * depth), page_url) if page_url else "../" * depth


def add_stale_banner(root: etree.Element, state: RenderState) -> None:
    """Put a notice under the title of a translated page whose English page has changed."""
    settings, context = state.settings, state.context
    if not settings["translates"] or context is None:
        return
    english_docs = Path(settings["translates"])
    if not english_docs.is_absolute():
        from scripts.common.paths import ROOT

        english_docs = ROOT / english_docs
    check = translation_state(english_docs, context.path, context.meta)
    if not check.stale:
        return
    words = state.words
    notice = etree.Element(
        "div", {"class": "admonition warning translation-stale", "role": "note"}
    )
    etree.SubElement(notice, "p", {"class": "admonition-title"}).text = words["stale_title"]
    body = etree.SubElement(notice, "p")
    body.text = f"{words['stale_body']} "
    link = etree.SubElement(
        body,
        "a",
        {"href": english_href(context.url, settings["edition_path"]), "hreflang": "en"},
    )
    link.text = words["stale_link"]
    link.tail = "।" if settings["language"] == "hi" else "."
    # The link leaves this edition's docs folder, which a generator's link check would call
    # unrecognized (MkDocs fails a strict build for it): the notice goes in as raw HTML, past
    # the link check, and the built site's own link check covers it.
    placeholder = etree.Element("p")
    placeholder.text = state.md.htmlStash.store(etree.tostring(notice, encoding="unicode"))
    title_at = next((i for i, child in enumerate(root) if child.tag == "h1"), -1)
    root.insert(title_at + 1, placeholder)
