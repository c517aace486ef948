"""Findability benchmark: does a reader's query, sent with Enter, land on the page that answers?

The queries and their right pages are in ``benchmarks/findability.yml`` (one list per edition).
Each query is typed, on the edition's home page, into the search box of Chromium at 360x740
(touch, the search icon tapped, as on a phone); after a reader's pause the query is sent with
Enter. A query *lands* when Enter opens a right page; it is *found* when a right page is among
the first three results.

Run alone::

    .venv/bin/python -m scripts.tools.findability               # build both editions, measure
    .venv/bin/python -m scripts.tools.findability --site DIR    # a site built elsewhere
    .venv/bin/python -m scripts.tools.findability --edition hi --show-misses

``make bench`` runs the same measurement (``scripts/tools/bench.py``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

from scripts.common.paths import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

QUERIES = ROOT / "benchmarks" / "findability.yml"
#: Where each edition lives under the site root.
EDITIONS = {"en": "", "hi": "hi/"}
PHONE = {"width": 360, "height": 740}
#: A reader looks at the results before pressing Enter.
PAUSE_MS = 500
LAND_BAR = 0.90
TOP3_BAR = 1.00


class QueryFileError(Exception):
    """The query file is missing or malformed."""


@dataclass(frozen=True)
class Query:
    """One query a reader types, and the pages that answer it."""

    text: str
    right: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """Where one query led."""

    query: Query
    landed: str | None
    top3: tuple[str, ...]

    @property
    def lands(self) -> bool:
        """Enter opened a right page."""
        return self.landed is not None and any(matches(self.landed, r) for r in self.query.right)

    @property
    def found(self) -> bool:
        """A right page is among the first three results."""
        return any(matches(link, r) for link in self.top3 for r in self.query.right)


@dataclass(frozen=True)
class Figures:
    """One edition's findability."""

    edition: str
    outcomes: tuple[Outcome, ...]

    @property
    def land_share(self) -> float:
        """Share of queries whose Enter lands on a right page."""
        return sum(o.lands for o in self.outcomes) / len(self.outcomes)

    @property
    def top3_share(self) -> float:
        """Share of queries with a right page in the top 3."""
        return sum(o.found for o in self.outcomes) / len(self.outcomes)

    @property
    def passes(self) -> bool:
        """Both bars met."""
        return self.land_share >= LAND_BAR and self.top3_share >= TOP3_BAR


def matches(location: str, right: str) -> bool:
    """Whether ``location`` (a path with an optional ``#anchor``) is the page ``right`` names.

    A right page without an anchor accepts every place on that page; one with an anchor
    accepts that entry only.
    """
    path, _, anchor = location.partition("#")
    want_path, has_anchor, want_anchor = right.partition("#")
    if path != want_path:
        return False
    return not has_anchor or anchor == want_anchor


def load_queries(path: Path = QUERIES) -> dict[str, list[Query]]:
    """Read the query file: edition → its queries.

    Raises:
        QueryFileError: The file is missing, not YAML, or an entry lacks ``query`` or ``right``.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise QueryFileError(f"{path}: cannot read the query file ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise QueryFileError(f"{path}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise QueryFileError(f"{path}: expected editions (en, hi) at the top level")
    editions: dict[str, list[Query]] = {}
    for edition, entries in data.items():
        if edition not in EDITIONS:
            raise QueryFileError(f"{path}: unknown edition {edition!r} (known: en, hi)")
        editions[edition] = [_query(path, edition, n, e) for n, e in enumerate(entries or [], 1)]
    return editions


def _query(path: Path, edition: str, number: int, entry: object) -> Query:
    where = f"{path}: {edition} entry {number}"
    if not isinstance(entry, dict) or not entry.get("query") or not entry.get("right"):
        raise QueryFileError(f"{where}: needs `query` and `right` (a list of page paths)")
    right = entry["right"]
    right = [right] if isinstance(right, str) else right
    if not all(isinstance(r, str) and r for r in right):
        raise QueryFileError(f"{where}: `right` must list page paths such as log-in/otp/")
    return Query(str(entry["query"]), tuple(EDITIONS[edition] + r for r in right))


def site_location(href: str, base_url: str) -> str:
    """A page address as ``path#anchor`` relative to the site root (search highlights dropped)."""
    parts = urlsplit(href)
    path = parts.path.removeprefix(urlsplit(base_url).path)
    return path + (f"#{parts.fragment}" if parts.fragment else "")


#: True once Material's search worker has built the index (its status line has changed).
SEARCH_READY = """
(initial) => {
  const meta = document.querySelector(".md-search-result__meta");
  return !!meta && meta.textContent.trim() !== "" && meta.textContent !== initial;
}
"""


def run_query(page: Page, base_url: str, home: str, query: Query) -> Outcome:
    """Open the home page, tap the search icon, type the query, pause, press Enter."""
    page.goto(home, wait_until="load")
    initial = page.locator(".md-search-result__meta").text_content()
    page.locator("label[for=__search]").first.tap()
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    page.wait_for_function(SEARCH_READY, arg=initial, timeout=15000)
    box.press_sequentially(query.text, delay=20)
    page.wait_for_timeout(PAUSE_MS)
    top3 = tuple(
        site_location(href, base_url)
        for href in page.eval_on_selector_all(
            ".md-search-result__item:nth-child(-n+3) a.md-search-result__link",
            "links => links.map(link => link.href)",
        )
    )
    before = page.url
    box.press("Enter")
    try:
        page.wait_for_url(lambda url: url != before, timeout=3000)
        landed: str | None = site_location(page.url, base_url)
    except Exception:  # noqa: BLE001 - Playwright's timeout: Enter opened nothing
        landed = None
    return Outcome(query, landed, top3)


def measure(
    browser: Browser, base_url: str, queries: dict[str, list[Query]]
) -> list[Figures]:
    """Run every query of every edition on the site served at ``base_url``."""
    figures = []
    for edition, listed in queries.items():
        context = browser.new_context(
            viewport={"width": PHONE["width"], "height": PHONE["height"]}, is_mobile=True,
            has_touch=True, device_scale_factor=2,
        )
        page = context.new_page()
        home = base_url + EDITIONS[edition]
        outcomes = tuple(run_query(page, base_url, home, q) for q in listed)
        context.close()
        figures.append(Figures(edition, outcomes))
    return figures


def launch(playwright: Playwright) -> Browser:
    """Chromium as the tests use it: no name resolves beyond this machine."""
    from scripts.tools.browser import ensure_chromium

    return playwright.chromium.launch(
        executable_path=ensure_chromium(),
        args=["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
    )


def measure_site(site: Path, queries: dict[str, list[Query]]) -> list[Figures]:
    """Serve the built ``site`` on 127.0.0.1 and measure it."""
    from playwright.sync_api import sync_playwright

    from scripts.common.localserver import serve_directory

    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            return measure(browser, url, queries)
        finally:
            browser.close()


def summary(figures: Figures) -> str:
    """One line: the edition's two shares against the bars."""
    count = len(figures.outcomes)
    landed = sum(o.lands for o in figures.outcomes)
    found = sum(o.found for o in figures.outcomes)
    return (
        f"{figures.edition}: {count} queries; Enter lands right {landed}/{count} "
        f"({figures.land_share:.0%}); right page in the top 3 {found}/{count} "
        f"({figures.top3_share:.0%}) [bars {LAND_BAR:.0%} / {TOP3_BAR:.0%}: "
        f"{'PASS' if figures.passes else 'FAIL'}]"
    )


def misses(figures: Figures) -> list[str]:
    """A line per query that did not land right or was not in the top 3."""
    return [
        f"  {'x' if not o.lands else ' '}{'x' if not o.found else ' '} {o.query.text!r}: "
        f"Enter → {o.landed or 'nothing'}; top 3: {', '.join(o.top3[:4]) or 'none'}"
        for o in figures.outcomes
        if not (o.lands and o.found)
    ]


def build_both(site: Path) -> None:
    """Pre-build, then build English into ``site`` and Hindi into ``site/hi`` (strict)."""
    from scripts.tools.bench import build

    subprocess.run(
        [sys.executable, "-m", "scripts.site.prebuild", "--docs-dir", "docs",
         "--docs-dir", "docs-hi"],
        cwd=ROOT, check=True, capture_output=True,
    )
    build(site)
    build(site / "hi", "mkdocs.hi.yml")


def main(argv: list[str] | None = None) -> int:
    """Measure and print the findability figures; exit 1 when a bar is missed."""
    parser = argparse.ArgumentParser(prog="findability", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build both editions)")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the query file")
    parser.add_argument("--edition", choices=sorted(EDITIONS), help="measure one edition")
    parser.add_argument("--show-misses", action="store_true", help="list every query that missed")
    args = parser.parse_args(argv)
    try:
        queries = load_queries(args.queries)
    except QueryFileError as error:
        print(f"findability: {error}", file=sys.stderr)
        return 2
    if args.edition:
        queries = {args.edition: queries.get(args.edition, [])}
    if args.site and not (args.site / "index.html").is_file():
        print(f"findability: {args.site}: no built site here (no index.html)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        site = args.site
        if site is None:
            site = Path(folder) / "site"
            build_both(site)
        results = measure_site(site, queries)
    for figures in results:
        print(summary(figures))
        if args.show_misses and misses(figures):
            print("\n".join(misses(figures)))
    return 0 if all(f.passes for f in results) else 1


if __name__ == "__main__":
    sys.exit(main())
