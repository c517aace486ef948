"""The build itself: strict and clean, every guide page present, nothing left unrendered.

All but the first check read only the built HTML, so they hold whatever generator built it
(``--built-site DIR``, as ``make canary`` does with Zensical).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest

from scripts.common.paths import DOCS, doc_url
from scripts.contract.model import project_contract
from tests.sitebuild import BuildResult

CODE = re.compile(r"<code\b[^>]*>.*?</code>", re.S)
PRE = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)
MARKER = re.compile(r"\[\[[^\]\n]{0,80}\]\]|\[\[ui:")


def outside_code(html: str) -> str:
    """The HTML without code blocks and code spans, where markers may be shown on purpose."""
    return CODE.sub("", PRE.sub("", html))


def search_index(site: Path) -> list[dict]:
    """The search index entries, from MkDocs Material or Zensical."""
    for name in ("search/search_index.json", "search.json"):
        path = site / name
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            return data.get("docs") or data.get("items") or []
    raise AssertionError(f"{site}: no search index found")


def guide_urls() -> list[str]:
    urls = []
    for path in sorted(DOCS.rglob("*.md")):
        urls.append(doc_url(path.relative_to(DOCS).as_posix()))
    return urls


def test_strict_build_succeeds_without_warnings(built_by_mkdocs: BuildResult):
    assert built_by_mkdocs.returncode == 0, built_by_mkdocs.output
    assert "WARNING" not in built_by_mkdocs.output, built_by_mkdocs.output


@pytest.mark.parametrize("url", guide_urls())
def test_every_guide_page_is_in_the_built_site(built_site: BuildResult, url: str):
    assert (built_site.site_dir / url / "index.html").is_file()


def test_no_page_shows_a_raw_marker(built_site: BuildResult):
    leftovers = {}
    for html in built_site.site_dir.rglob("*.html"):
        found = MARKER.findall(outside_code(html.read_text(encoding="utf-8")))
        if found:
            leftovers[str(html.relative_to(built_site.site_dir))] = found[:3]
    assert leftovers == {}


def test_search_index_holds_no_raw_marker(built_site: BuildResult):
    leftovers = [
        (entry.get("location"), MARKER.findall(outside_code(entry.get("text", ""))))
        for entry in search_index(built_site.site_dir)
    ]
    assert [item for item in leftovers if item[1]] == []


def test_login_steps_page_shows_the_contract_labels(built_site: BuildResult):
    html = (built_site.site_dir / "log-in" / "steps" / "index.html").read_text(encoding="utf-8")
    shown = set(re.findall(r'class="ui-ref__label"[^>]*>([^<]+)<', html))
    elements = project_contract().elements
    for element_id in ("login.icegate_id", "login.password", "login.submit"):
        assert elements[element_id].label in shown


def test_every_guide_page_ends_with_its_facts(built_site: BuildResult):
    missing = [
        url for url in guide_urls()
        if 'class="page-facts"' not in (built_site.site_dir / url / "index.html").read_text("utf-8")
    ]
    assert missing == []


def test_downloadable_tools_are_published(built_site: BuildResult):
    for tool in ("idcheck.py", "doctor.py"):
        assert (built_site.site_dir / "tools" / tool).is_file()


def test_feed_and_status_json_are_in_the_built_site(built_by_mkdocs: BuildResult):
    site = built_by_mkdocs.site_dir
    document = feedparser.parse((site / "feed.xml").read_bytes())
    assert not document.bozo
    status = json.loads((site / "status.json").read_text(encoding="utf-8"))
    assert status["schema"] == "icegate-portal-status/2"


FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"')


def test_every_page_advertises_the_feed_in_its_head(built_by_mkdocs: BuildResult):
    site = built_by_mkdocs.site_dir
    unresolved = {}
    for html in site.rglob("*.html"):
        head = html.read_text(encoding="utf-8").split("</head>", 1)[0]
        link = FEED_LINK.search(head)
        href = link[1] if link else ""
        target = site / href.lstrip("/") if href.startswith("/") else html.parent / href
        if not href or href.startswith("//") or target.resolve() != site / "feed.xml":
            unresolved[str(html.relative_to(site))] = href
    assert unresolved == {}


def test_status_page_links_the_feed_and_status_json(built_site: BuildResult):
    html = (built_site.site_dir / "reference/portal-status/index.html").read_text("utf-8")
    assert 'href="../../feed.xml"' in html
    assert 'href="../../status.json"' in html


def test_login_steps_page_shows_the_login_sketch(built_site: BuildResult):
    html = (built_site.site_dir / "log-in/steps/index.html").read_text("utf-8")
    assert 'data-screen="login"' in html
