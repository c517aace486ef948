"""The register of public sources (``portal/sources.yml``).

Guide pages name their sources by id in front matter; the page footer shows them, and the
Sources page lists every source, official ones first, with the pages that cite it
(``scripts.site.source_list``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.common.paths import ROOT
from scripts.contract.text import text_problem, url_problem
from scripts.site.dates import reader_date
from scripts.site.page import FrontMatterError, front_matter, shown_path
from scripts.site.words import ENGLISH

log = logging.getLogger("mkdocs.icegate.sources")

SOURCES_PATH = ROOT / "portal" / "sources.yml"
KIND_ORDER = ("official", "official-copy", "news", "third-party", "code")
#: Each kind's heading on the Sources page is ``words["sources_<kind>"]`` (scripts.site.words).
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class SourceError(ValueError):
    """The register is invalid, or a page names a source that is not in it."""


@dataclass(frozen=True)
class Source:
    """One public source.

    Attributes:
        id: The id pages cite it by.
        title: What it is, with an official document's number.
        kind: One of ``KIND_ORDER``.
        url: Where a reader can open it.
        date: The document's own date (YYYY, YYYY-MM or YYYY-MM-DD), or ``None`` when it
            has none.
        seen: The day we last opened it (same format), or ``None``.
    """

    id: str
    title: str
    kind: str
    url: str
    date: str | None = None
    seen: str | None = None

    @property
    def when(self) -> str:
        """The dates as readers see them: ``2019-06-03``, ``seen 2026-11-26`` or both."""
        return self.when_in(ENGLISH)

    @property
    def sort_key(self) -> str:
        """Its own date, for listing newest first; undated documents sort last."""
        return self.date or ""

    def when_in(self, words: dict[str, str]) -> str:
        """The dates in an edition's words (``scripts.site.words``)."""
        language = words.get("language", "en")
        seen = words["seen_date"].format(date=reader_date(self.seen, language)) if self.seen else ""
        own = reader_date(self.date, language) if self.date else ""
        return ", ".join(part for part in (own, seen) if part)


def load_sources(path: Path = SOURCES_PATH) -> dict[str, Source]:
    """Read and check the source register.

    Args:
        path: The register file.

    Returns:
        Sources by id, in file order.

    Raises:
        SourceError: naming the file, the source and the problem.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SourceError(f"{path}: cannot read the source register: {error}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected a mapping of source ids")
    sources = {}
    for source_id, raw in data.items():
        if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
            raise SourceError(f"{path}: at {source_id}: expected a mapping with a 'title'")
        problem = text_problem(raw["title"], "sentence")
        if problem:
            raise SourceError(f"{path}: at {source_id} → title: {problem}")
        if raw.get("kind") not in KIND_ORDER:
            raise SourceError(f"{path}: at {source_id} → kind: expected one of {KIND_ORDER}")
        url = raw.get("url")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise SourceError(
                f"{path}: at {source_id} → url: every source needs an https:// address a "
                "reader can open"
            )
        problem = url_problem(url)
        if problem:
            raise SourceError(f"{path}: at {source_id} → url: {problem}")
        unknown = set(raw) - {"title", "kind", "url", "date", "seen"}
        if unknown:
            raise SourceError(f"{path}: at {source_id}: unexpected keys {sorted(unknown)}")
        date, seen = (_date(path, source_id, raw, key) for key in ("date", "seen"))
        if date is None and seen is None:
            raise SourceError(
                f"{path}: at {source_id} → date: every source needs its own date or, when it "
                "has none, the day it was seen ('seen:')"
            )
        sources[source_id] = Source(source_id, raw["title"], raw["kind"], url, date, seen)
    return sources


def _date(path: Path, source_id: str, raw: dict, key: str) -> str | None:
    """One optional date field of a register entry, checked.

    Raises:
        SourceError: when the value is there but is not YYYY, YYYY-MM or YYYY-MM-DD.
    """
    if raw.get(key) is None:
        return None
    value = str(raw[key])
    if not DATE_PATTERN.match(value):
        raise SourceError(
            f"{path}: at {source_id} → {key}: expected a date (YYYY, YYYY-MM or YYYY-MM-DD), "
            f"got {value!r}"
        )
    return value


def resolve(ids: Any, sources: dict[str, Source], page: str) -> list[Source]:
    """Turn a page's ``sources:`` front matter into Source objects.

    Args:
        ids: The front-matter value (a list of source ids).
        sources: The register.
        page: The page's path, for messages.

    Returns:
        The sources, in the order the page lists them.

    Raises:
        SourceError: when the value is not a list of known ids.
    """
    if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
        raise SourceError(f"docs/{page}: front matter 'sources' must be a list of source ids")
    unknown = [item for item in ids if item not in sources]
    if unknown:
        raise SourceError(
            f"docs/{page}: unknown source id(s) {unknown}; add them to portal/sources.yml"
        )
    return [sources[item] for item in ids]


def pages_citing(docs_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """Which pages name each source in their front matter.

    Args:
        docs_dir: The docs folder.

    Returns:
        Source id → (page path relative to ``docs_dir``, page title), in path order. A page
        whose front matter is not valid YAML cites nothing; a warning names it.
    """
    cited: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            meta = front_matter(path.read_text(encoding="utf-8"), shown_path(path))
        except FrontMatterError as error:
            log.warning("%s", error)  # the page cites nothing until its front matter is fixed
            continue
        page = path.relative_to(docs_dir).as_posix()
        title = str(meta.get("title") or page)
        for source_id in meta.get("sources") or []:
            cited.setdefault(str(source_id), []).append((page, title))
    return cited
