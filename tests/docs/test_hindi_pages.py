"""Every Hindi page: follows an English page, keeps its sources and anchors, plain Hindi."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
import yaml

from scripts.common.paths import DOCS, ROOT
from scripts.contract.model import project_contract
from scripts.site.page import front_matter
from scripts.site.prose import HINDI_SENTENCE_BUDGET, average_sentence_words, sentences_of
from scripts.site.sketch import kind_of
from scripts.site.stale_notice import SHA_PATTERN
from scripts.site.terminology import load_terms, terminology_path
from scripts.site.translation_report import UNTRANSLATED, reader_pages

HINDI = ROOT / "docs-hi"
PAGES = sorted(HINDI.rglob("*.md"))
IDS = [page.relative_to(HINDI).as_posix() for page in PAGES]
TRANSLATED = [page for page, name in zip(PAGES, IDS, strict=True) if (DOCS / name).is_file()]
TRANSLATED_IDS = [page.relative_to(HINDI).as_posix() for page in TRANSLATED]
FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
ANCHOR = re.compile(r"\{\s*#([\w-]+)\s*\}")


def meta(path: Path) -> dict:
    return front_matter(path.read_text(encoding="utf-8"))


def config(name: str) -> dict:
    """A MkDocs config file, with its !ENV tags read as plain values."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=Loader)


def nav_pages(items: list) -> list[str]:
    pages = []
    for item in items:
        for value in item.values():
            pages.extend(nav_pages(value) if isinstance(value, list) else [value])
    return pages


def test_every_english_reader_page_has_a_hindi_page():
    assert [page for page in reader_pages(DOCS) if not (HINDI / page).is_file()] == []


def test_untranslated_folders_are_the_same_for_the_report_and_the_site():
    assert config("mkdocs.yml")["extra"]["untranslated"] == list(UNTRANSLATED)


def test_hindi_nav_lists_every_hindi_page():
    assert sorted(nav_pages(config("mkdocs.hi.yml")["nav"])) == sorted(IDS)


@pytest.mark.parametrize("page", TRANSLATED, ids=TRANSLATED_IDS)
def test_hindi_page_records_the_english_sha_as_12_hex_digits(page: Path):
    recorded = str(meta(page).get("english_sha", ""))
    assert SHA_PATTERN.match(recorded), f"english_sha: {recorded!r}; expected 12 hex digits"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_hindi_page_was_reviewed_no_later_than_it_was_translated(page: Path):
    facts = meta(page)
    english = DOCS / page.relative_to(HINDI)
    dated = not english.is_file() or "last_reviewed" in meta(english)
    assert isinstance(facts.get("translated"), datetime.date), "needs translated: YYYY-MM-DD"
    if dated:
        assert isinstance(facts.get("last_reviewed"), datetime.date), "needs last_reviewed"
    if "last_reviewed" in facts:
        assert facts["last_reviewed"] <= facts["translated"] <= datetime.date.today()


@pytest.mark.parametrize("page", TRANSLATED, ids=TRANSLATED_IDS)
def test_hindi_page_cites_the_same_sources_as_its_english_page(page: Path):
    english = DOCS / page.relative_to(HINDI)
    assert meta(page).get("sources") == meta(english).get("sources")


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_hindi_sentences_average_at_most_20_words(page: Path):
    """Average words per sentence, as ``scripts.site.prose.sentences_of`` splits them.

    Prose only (no front matter, code, tables, HTML, link targets or markup); a sentence ends
    at ``।``, ``?``, ``!``, a full stop followed by a space, or the end of a heading, list item
    or paragraph. Words are space-separated pieces with a letter or digit in them.
    """
    average = average_sentence_words(page.read_text(encoding="utf-8"))
    assert 0 < average <= HINDI_SENTENCE_BUDGET, f"{average:.1f} words per sentence"


def test_sentence_splitter_ends_sentences_at_the_danda_and_at_list_items():
    text = "---\ntitle: x\n---\n\nएक दो तीन। चार पाँच\nछह?\n\n- सात आठ\n- ICEGATE 2.0 नौ।\n"
    assert sentences_of(text) == ["एक दो तीन", "चार पाँच छह", "सात आठ", "ICEGATE 2.0 नौ"]


def avoided_terms(text: str) -> list[str]:
    """Variants from the term list's ``avoid`` lists found in a page's text (code left out)."""
    text = CODE_SPAN.sub("", FENCE.sub("", text))
    return [
        f"{word!r} (write {term.translation!r} for {term.en!r})"
        for term in load_terms(terminology_path("hi"), "hi")
        for word in term.avoid
        if word in text
    ]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_hindi_page_uses_no_term_the_term_list_avoids(page: Path):
    assert avoided_terms(page.read_text(encoding="utf-8")) == []


def test_avoided_term_check_catches_a_variant():
    assert avoided_terms("अपना कूटशब्द डालें।") == ["'कूटशब्द' (write 'पासवर्ड' for 'password')"]


def test_every_avoided_variant_differs_from_every_chosen_word():
    terms = load_terms(terminology_path("hi"), "hi")
    chosen = " ".join(term.translation for term in terms)
    assert [word for term in terms for word in term.avoid if word in chosen] == []


@pytest.mark.parametrize("page", TRANSLATED, ids=TRANSLATED_IDS)
def test_hindi_headings_carry_explicit_anchors(page: Path):
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    headings = [line for line in text.splitlines() if re.match(r"#{1,6}\s", line)]
    assert [h for h in headings if not ANCHOR.search(h)] == []


# --- Style rules of the term list's notes (i18n/terminology-hi.yml) ---------------------------

UI_VERB = re.compile(
    r"\[\[ui:(?P<id>[\w.]+)(?:\|\w+)?\]\]"  # the portal word
    r"(?:\s*\([^)\n]*\))?"  # its Hindi gloss
    r"(?:\s*(?:बटन|लिंक))?(?:\s*पर)?(?:\s*दोबारा)?\s*"
    r"(?P<verb>चुन[\u0900-\u0963]*)"
)
IMAGE = re.compile(r"!\[[^\]]*\]\((?P<src>[^)\s]+)")
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
#: The text column of a 360 px wide phone (Material's side margins), where a diagram is drawn.
PHONE_TEXT_WIDTH = 328
SMALLEST_TEXT_PX = 12


def chosen_buttons_and_links(text: str) -> list[str]:
    """[[ui:…]] buttons and links followed by "चुनें" (a button is pressed, a link clicked)."""
    contract = project_contract()
    found = []
    for match in UI_VERB.finditer(text):
        element = contract.elements.get(match["id"])
        if element is not None and kind_of(element) in ("button", "link"):
            found.append(f"{match['id']} ({kind_of(element)}): {match['verb']}")
    return found


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_hindi_page_presses_buttons_and_clicks_links(page: Path):
    assert chosen_buttons_and_links(page.read_text(encoding="utf-8")) == []


def test_button_check_catches_a_chosen_button_and_a_chosen_link():
    text = "[[ui:login.submit]] (लॉगिन) बटन चुनें। [[ui:login.sign_up]] (साइन अप) चुनें।"
    assert chosen_buttons_and_links(text) == [
        "login.submit (button): चुनें",
        "login.sign_up (link): चुनें",
    ]


def test_button_check_lets_an_option_be_chosen():
    assert chosen_buttons_and_links("[[ui:login.submit]] (लॉगिन) बटन दबाएँ। एक GSTIN चुनें।") == []


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_hindi_sentence_starts_with_or_if(page: Path):
    """"या अगर …" after a full sentence is an English clause order left as a fragment."""
    starts = [s for s in sentences_of(page.read_text(encoding="utf-8")) if s.startswith("या अगर")]
    assert starts == []


def svg_problems(path: Path) -> list[str]:
    """Why a diagram does not suit a Hindi page on a phone (an empty list when it does)."""
    svg = etree.fromstring(path.read_bytes())
    width = float(svg.get("viewBox", "0 0 0 0").split()[2])
    scale = min(1.0, PHONE_TEXT_WIDTH / width) if width else 1.0
    texts = [node for node in svg.iter() if node.tag.endswith("}text") and node.text]
    problems = []
    if not any(DEVANAGARI.search(node.text) for node in texts):
        problems.append("no Hindi text")
    sizes = {float(node.get("font-size")) for node in svg.iter() if node.get("font-size")}
    for size in sorted(sizes):
        if size * scale < SMALLEST_TEXT_PX:
            problems.append(f"text {size * scale:.1f} px at {PHONE_TEXT_WIDTH} px")
    return problems


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_hindi_page_shows_only_hindi_diagrams_readable_on_a_phone(page: Path):
    """Diagrams under assets/ are the English ones (the pre-build step copies them here)."""
    problems = {}
    for match in IMAGE.finditer(page.read_text(encoding="utf-8")):
        source = (page.parent / match["src"]).resolve()
        if source.suffix != ".svg":
            continue
        if (HINDI / "assets") in source.parents:
            problems[match["src"]] = ["the English diagram"]
        elif found := svg_problems(source):
            problems[match["src"]] = found
    assert problems == {}


def test_diagram_check_finds_english_text_and_small_print(tmp_path: Path):
    diagram = tmp_path / "d.svg"
    diagram.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 150">'
        '<g font-size="13"><text x="0" y="20">Register</text></g></svg>',
        encoding="utf-8",
    )
    assert svg_problems(diagram) == ["no Hindi text", "text 5.9 px at 328 px"]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_hindi_page_links_the_english_edition_by_a_relative_address(page: Path):
    public = str(config("mkdocs.yml")["extra"]["public_url"]).rstrip("/")
    text = CODE_SPAN.sub("", FENCE.sub("", page.read_text(encoding="utf-8")))
    assert public not in text
