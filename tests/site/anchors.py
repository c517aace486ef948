"""Find links whose #fragment names no element of the page they lead to, in a built site.

linkchecker checks every link of the site; its anchor plugin would also check fragments, but
it downloads and parses a page once per distinct fragment link, which repeats the same work
for every fragment. This reads each built page once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageAnchors(HTMLParser):
    """The ids a page defines and the links it makes (``href`` of ``a`` and ``area``)."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("name"):
            self.ids.add(found["name"] or "")
        if tag in ("a", "area") and found.get("href"):
            self.links.append(found["href"] or "")


def read_page(html: Path) -> PageAnchors:
    """Parse one built page."""
    page = PageAnchors()
    page.feed(html.read_text(encoding="utf-8"))
    return page


def target_file(site_dir: Path, page: Path, href: str) -> Path | None:
    """The built file a local link leads to, or None for links that leave the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page
    base = site_dir if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() else target


def broken_anchors(site_dir: Path) -> list[str]:
    """Every ``page: href`` whose fragment is not an id of the page it leads to."""
    site_dir = site_dir.resolve()
    parsed: dict[Path, PageAnchors] = {}

    def anchors_of(html: Path) -> PageAnchors:
        if html not in parsed:
            parsed[html] = read_page(html)
        return parsed[html]

    broken = []
    for html in sorted(site_dir.rglob("*.html")):
        for href in anchors_of(html).links:
            fragment = unquote(urlsplit(href).fragment)
            target = target_file(site_dir, html, href) if fragment else None
            if target is None or target.suffix != ".html" or not target.is_file():
                continue  # no fragment, another site, or a missing page (linkchecker's part)
            if fragment not in anchors_of(target).ids:
                broken.append(f"{html.relative_to(site_dir)}: {href}")
    return broken
