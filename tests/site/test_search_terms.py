"""The words readers search with reach the index, hidden, from one file (i18n/search-terms.yml)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
import yaml

from scripts.site.search_terms import (
    TERMS_FILE,
    EditionTerms,
    SearchTermsError,
    add_terms,
    parse,
)
from scripts.site.words import words_for
from tests.sitebuild import BuildResult

ROOT = Path(__file__).resolve().parents[2]
#: Pages for contributors, not readers: left out of each edition's index.
LEFT_OUT = {
    "": ["reference/sources/", "reference/portal-elements/", "about/contributing/"],
    "hi/": ["reference/sources/", "reference/portal-elements/", "reference/terminology/"],
}


def rendered(text: str) -> etree.Element:
    """The HTML of ``text`` (headings with their ids) as an element tree."""
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    return etree.fromstring(f"<div>{md.convert(text)}</div>")


def test_the_terms_file_parses_for_both_editions():
    editions = parse(yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8")))
    assert set(editions) == {"en", "hi"}


def test_every_page_in_the_terms_file_exists():
    editions = parse(yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8")))
    folders = {"en": ROOT / "docs", "hi": ROOT / "docs-hi"}
    missing = [
        f"{edition}: {page}"
        for edition, terms in editions.items()
        for page in terms.pages
        if not (folders[edition] / page).is_file()
    ]
    assert missing == []


def test_a_heading_gets_its_page_terms_hidden():
    root = rendered("## OTP not received { #otp-not-received }\n")
    terms = EditionTerms(pages={"t.md": {"otp-not-received": ("otp not coming",)}})
    add_terms(root, "t.md", terms)
    hidden = root.find("h2/sub")
    assert hidden is not None and hidden.get("hidden") is not None
    assert "otp not coming" in hidden.text


def test_a_word_in_a_heading_brings_its_spellings():
    root = rendered("# The OTP\n")
    add_terms(root, "t.md", EditionTerms(words={"OTP": ("ओटीपी",)}))
    assert "ओटीपी" in root.find("h1/sub").text


def test_a_word_inside_another_word_brings_nothing():
    root = rendered("# Helpdesks and OTPs\n")
    assert add_terms(root, "t.md", EditionTerms(words={"OTP": ("ओटीपी",)})) == 0


def test_a_phrase_list_that_is_not_a_list_is_refused_with_its_place():
    with pytest.raises(SearchTermsError, match="en: pages: a.md#x|en: a.md#x"):
        parse({"en": {"pages": {"a.md": {"x": {"nested": 1}}}}})


def test_the_table_of_contents_keeps_the_visible_words(built_site: BuildResult):
    html = (built_site.site_dir / "troubleshoot" / "index.html").read_text(encoding="utf-8")
    toc_entry = html.split('href="#otp-not-received" class="md-nav__link">', 1)[1][:300]
    assert "OTP not received" in toc_entry
    assert "otp not coming" not in toc_entry


@pytest.mark.parametrize("edition", sorted(LEFT_OUT), ids=["en", "hi"])
def test_contributor_pages_are_left_out_of_the_search_index(
    built_site: BuildResult, edition: str
):
    index = json.loads(
        (built_site.site_dir / edition / "search" / "search_index.json").read_text("utf-8")
    )
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations.isdisjoint(LEFT_OUT[edition])


@pytest.mark.parametrize("edition", ["", "hi/"], ids=["en", "hi"])
def test_search_previews_hold_no_marker_or_sketch_words(built_site: BuildResult, edition: str):
    index = json.loads(
        (built_site.site_dir / edition / "search" / "search_index.json").read_text("utf-8")
    )
    texts = " ".join(doc["text"] for doc in index["docs"])
    words = words_for("hi" if edition else "en")
    spoken = [f"({words[k]})" for k in ("state_unverified_spoken", "state_unconfirmed_spoken")]
    for hidden in [*spoken, words["screen_list"]]:
        assert hidden not in texts
