"""The two editions in the built site: languages, links between them, and search without extras.

English is at the site root, Hindi under ``hi/``. Every check reads the built HTML.
"""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.common.paths import DOCS, ROOT, doc_url
from scripts.site.page import front_matter
from scripts.site.stale_notice import translation_state
from tests.sitebuild import BuildResult

HINDI_DOCS = ROOT / "docs-hi"


TRANSLATED = sorted(
    doc_url(p.relative_to(HINDI_DOCS).as_posix())
    for p in HINDI_DOCS.rglob("*.md")
    if (DOCS / p.relative_to(HINDI_DOCS)).is_file()
)
HINDI_ONLY = sorted(
    doc_url(p.relative_to(HINDI_DOCS).as_posix())
    for p in HINDI_DOCS.rglob("*.md")
    if not (DOCS / p.relative_to(HINDI_DOCS)).is_file()
)


class Links(HTMLParser):
    """The page's language, hreflang alternates, edition switch and heading ids."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.alternates: dict[str, str] = {}
        self.switch: list[tuple[str, str]] = []
        self.heading_ids: set[str] = set()
        self._in_switch = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = found.get("lang", "")
        elif tag == "link" and "alternate" in found.get("rel", "").split() and "hreflang" in found:
            self.alternates[found["hreflang"]] = found["href"]
        elif tag == "p" and "edition-switch" in found.get("class", "").split():
            self._in_switch = True
        elif tag == "a" and self._in_switch:
            self.switch.append((found.get("hreflang", ""), found["href"]))
        elif tag in ("h2", "h3") and "id" in found:
            self.heading_ids.add(found["id"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_switch = False


def read(site: BuildResult, url: str) -> Links:
    parser = Links()
    parser.feed((site.site_dir / url / "index.html").read_text(encoding="utf-8"))
    return parser


def resolve(url: str, href: str) -> str:
    """The site path a relative ``href`` on page ``url`` leads to (``hi/log-in/otp/``)."""
    joined = posixpath.normpath(posixpath.join(url or ".", href))
    return "" if joined == "." else joined.strip("/") + "/"


def pages(site: BuildResult) -> list[str]:
    return [p for p in site.pages() if p.endswith("/") or p == ""]


@pytest.fixture(scope="module")
def site(built_site: BuildResult) -> BuildResult:
    if not (built_site.site_dir / "hi" / "index.html").is_file():
        pytest.fail(f"{built_site.site_dir}: no Hindi edition under hi/")
    return built_site


def test_every_hindi_page_is_in_the_built_site(site: BuildResult):
    assert [u for u in TRANSLATED + HINDI_ONLY if not (site.site_dir / "hi" / u).is_dir()] == []


def test_hindi_pages_declare_lang_hi(site: BuildResult):
    hindi = [p for p in pages(site) if p.startswith("hi/")]
    assert hindi
    assert {p: read(site, p).lang for p in hindi if read(site, p).lang != "hi"} == {}


def test_english_pages_declare_lang_en(site: BuildResult):
    english = [p for p in pages(site) if not p.startswith("hi/")]
    assert {p: read(site, p).lang for p in english if read(site, p).lang != "en"} == {}


def test_every_hreflang_alternate_leads_to_a_built_page(site: BuildResult):
    broken = [
        (page, lang, href)
        for page in pages(site)
        for lang, href in read(site, page).alternates.items()
        if not (site.site_dir / resolve(page, href) / "index.html").is_file()
    ]
    assert broken == []


@pytest.mark.parametrize("url", TRANSLATED, ids=lambda u: u or "home")
def test_translated_page_names_its_english_and_hindi_pages_both_ways(site: BuildResult, url):
    english, hindi = read(site, url), read(site, f"hi/{url}")
    for page, links in ((url, english), (f"hi/{url}", hindi)):
        named = {lang: resolve(page, href) for lang, href in links.alternates.items()}
        assert named == {"en": url, "x-default": url, "hi": f"hi/{url}"}, page


@pytest.mark.parametrize("url", TRANSLATED, ids=lambda u: u or "home")
def test_language_switch_leads_to_the_same_page_in_the_other_edition(site: BuildResult, url):
    english, hindi = read(site, url), read(site, f"hi/{url}")
    assert [(lang, resolve(url, href)) for lang, href in english.switch] == [("hi", f"hi/{url}")]
    assert [(lang, resolve(f"hi/{url}", h)) for lang, h in hindi.switch] == [("en", url)]


def test_untranslated_page_switch_leads_to_the_hindi_home_page(site: BuildResult):
    page = "about/contributing/"
    assert [resolve(page, href) for _, href in read(site, page).switch] == ["hi/"]
    assert "hi" not in read(site, page).alternates


#: Sections the Hindi tool pages leave to the English page (API reference for programmers),
#: linking to it instead.
LEFT_TO_ENGLISH = {
    "tools/doctor/": {"reference", "doctor"},
    "tools/id-check/": {"reference", "idcheck", "use-it-from-python"},
}


def source_of(url: str) -> str:
    """The docs-relative Markdown path of a page address."""
    for candidate in (f"{url}index.md", f"{url.rstrip('/')}.md"):
        if (HINDI_DOCS / candidate).is_file():
            return candidate
    raise AssertionError(f"no Hindi page for {url!r}")


@pytest.mark.parametrize("url", TRANSLATED, ids=lambda u: u or "home")
def test_hindi_page_keeps_the_english_heading_anchors(site: BuildResult, url):
    page = source_of(url)
    meta = front_matter((HINDI_DOCS / page).read_text(encoding="utf-8"))
    if translation_state(DOCS, page, meta).stale:
        pytest.skip(f"docs-hi/{page} is stale (the English page changed; its notice says so)")
    english = read(site, url).heading_ids - LEFT_TO_ENGLISH.get(url, set())
    missing = english - read(site, f"hi/{url}").heading_ids
    assert missing == set()


def test_no_page_loads_a_word_segmenter(site: BuildResult):
    segmenters = re.compile(r"wordcut|lunr\.(hi|th|multi)")
    loading = [
        html.relative_to(site.site_dir).as_posix()
        for html in site.site_dir.rglob("*.html")
        if segmenters.search(html.read_text(encoding="utf-8"))
    ]
    assert loading == []


def search_config(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))["config"]


def test_both_editions_search_with_the_english_pipeline(built_by_mkdocs: BuildResult):
    for edition in (built_by_mkdocs.site_dir, built_by_mkdocs.site_dir / "hi"):
        assert search_config(edition)["lang"] == ["en"], edition


def test_hindi_search_index_holds_hindi_words_as_separate_tokens(built_by_mkdocs: BuildResult):
    site = built_by_mkdocs.site_dir / "hi"
    separator = re.compile(search_config(site)["separator"])
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    text = " ".join(e["text"] for e in index if e["location"].startswith("log-in/steps/"))
    tokens = set(separator.split(re.sub(r"<[^>]+>", " ", text)))
    assert "पासवर्ड" in tokens
    assert not [token for token in tokens if token.endswith("।")]


def test_hindi_edition_publishes_the_tools_and_the_in_page_checker(site: BuildResult):
    hindi = site.site_dir / "hi"
    wanted = ["tools/idcheck.py", "tools/doctor.py", "assets/javascripts/idcheck.js",
              "assets/javascripts/idcheck-rules.js"]
    assert [path for path in wanted if not (hindi / path).is_file()] == []
