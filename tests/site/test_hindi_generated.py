"""The blocks the build writes into Hindi pages are in Hindi and keep the English anchors."""

from __future__ import annotations

import re

import markdown
import pytest

from scripts.common.paths import DOCS, ROOT
from scripts.contract.model import project_contract
from scripts.site.data import GuideData
from scripts.site.extension import GuideExtension
from scripts.site.portal_status import LEGEND
from scripts.site.sources import load_sources, pages_citing
from scripts.site.terminology import load_terms, terminology_path
from scripts.site.words import ENGLISH, HINDI, verdict_word
from scripts.verification.history import status_from_runs
from scripts.verification.verdicts import ElementVerdict, Outcome, PageVerdict

HINDI_DOCS = ROOT / "docs-hi"
RUNS = [
    {
        "finished": "2026-11-20T02:00:00+05:30",
        "where": "GitHub Actions (ubuntu-24.04)",
        "outcome": "drift",
        "pages": {"login": "ok"},
        "elements": {"login.submit": "missing", "login.password": "present"},
        "run_url": "https://example.org/run",
    }
]


def render(page: str, language: str, **extra: str) -> str:
    folder, docs_dir = (HINDI_DOCS, "docs-hi") if language == "hi" else (DOCS, "docs")
    text = (folder / page).read_text(encoding="utf-8")
    settings = {"language": "hi", "translates": "docs"} if language == "hi" else {}
    settings.update(extra)
    data = GuideData(
        contract=project_contract(),
        sources=load_sources(),
        status=status_from_runs(RUNS),
        mentions={},
        cited_on=pages_citing(folder),
    )
    extension = GuideExtension(data=data, page=page, docs_dir=docs_dir, **settings)
    # toc gives the headings their ids, as in the site build.
    return markdown.markdown(text, extensions=["meta", extension, "toc"])


def heading_ids(html: str) -> set[str]:
    return set(re.findall(r'<h2 id="([^"]+)"', html))


@pytest.mark.parametrize(
    ("page", "hindi", "english"),
    [
        ("reference/sources.md", ["sources_official", "sources_third-party", "cited_on"], []),
        (
            "reference/portal-elements.md",
            ["ref_col_label", "ref_col_what", "ref_col_used", "ref_checked", "page_title_login"],
            ["ref_col_what", "ref_col_evidence", "Checked automatically"],
        ),
        (
            "reference/portal-status.md",
            ["status_latest", "status_col_element", "status_history", "legend_missing"],
            ["status_latest", "status_col_last_seen", "legend_label_drift"],
        ),
        ("log-in/steps.md", ["sketch_caption", "screen_list", "page_title_otp"],
         ["sketch_caption", "screen_list"]),
    ],
)
def test_generated_blocks_on_a_hindi_page_are_in_hindi(page, hindi, english):
    html = render(page, "hi")
    for key in hindi:
        assert HINDI[key].split("{")[0].strip() in html, key
    for text in english:
        assert ENGLISH.get(text, text) not in html, text


@pytest.mark.parametrize(
    "page", ["reference/sources.md", "reference/portal-elements.md", "reference/portal-status.md"]
)
def test_generated_hindi_headings_keep_the_english_anchors(page):
    english = heading_ids(render(page, "en"))
    assert english
    assert english <= heading_ids(render(page, "hi"))


# --- The Hindi words the build writes (the term list's style notes) ---------------------------

#: A page verdict the drift check is gaining (a page that shows real content, but not the form
#: the guides describe); the Hindi map names it before the check first reports it.
CHANGED = "changed"
DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def drift_values() -> list[str]:
    return [v.value for enum in (Outcome, PageVerdict, ElementVerdict) for v in enum] + [CHANGED]


def visible_text(html: str) -> str:
    """The page's text as a reader sees it (tags dropped, the history chart's labels too)."""
    html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("value", drift_values())
def test_every_drift_verdict_and_outcome_has_a_hindi_word(value):
    word = verdict_word(value, HINDI)
    assert word != value and DEVANAGARI.search(word)


@pytest.mark.parametrize("verdict", list(LEGEND))
def test_hindi_element_verdicts_use_the_legend_words(verdict):
    assert HINDI[LEGEND[verdict]].startswith(verdict_word(verdict, HINDI))


def test_english_edition_keeps_the_drift_checks_own_words():
    assert [verdict_word(value, ENGLISH) for value in drift_values()] == drift_values()


def test_hindi_status_page_writes_outcome_and_verdicts_in_hindi():
    text = visible_text(render("reference/portal-status.md", "hi"))
    assert "नतीजा: बदलाव मिला" in text
    assert "2026-11-20 से गायब" in text
    assert re.findall(r"\b(?:ok|drift|missing|present)\b", text) == []


def test_hindi_drift_warning_names_the_verdict_in_hindi():
    text = visible_text(render("log-in/steps.md", "hi"))
    assert "LOGIN: गायब (रात की जाँच, 20 नवंबर 2026)" in text


@pytest.mark.parametrize("key", [k for k, v in HINDI.items() if "{page}" in v])
def test_no_postposition_follows_a_portal_page_name(key):
    """Page names end in "का … पेज", so "{page} से" reads "का लॉगिन पेज से" (case error)."""
    assert re.search(r"\{page\}\s*(?:से|की|का|के|में|पर|को)(?![\u0900-\u0963])", HINDI[key]) is None


@pytest.mark.parametrize("page", ["reference/sources.md", "log-in/steps.md"])
def test_generated_hindi_text_ends_sentences_with_a_danda(page):
    html = render(page, "hi", repository="icegate-guide/icegate-guide", feedback_email="a@b.in")
    text = visible_text(html)
    assert "इन पेजों पर इसका जिक्र है:" in text or "हमें ई-मेल करें" in text
    assert re.findall(r"[\u0900-\u097F)]\s*\.(?!\w)", text) == []


def test_footer_of_a_hindi_page_ends_with_a_danda_and_dates_seen_sources_in_hindi():
    html = render("log-in/steps.md", "hi", repository="icegate-guide/icegate-guide",
                  feedback_email="a@b.in")
    assert re.search(r"हमें ई-मेल करें</a>।", html)
    assert re.search(r"\(\d{1,2} \S+ \d{4} को देखा गया\)", html)


def test_hindi_words_use_no_term_the_term_list_avoids():
    terms = load_terms(terminology_path("hi"), "hi")
    found = [
        f"{key}: {word!r}"
        for key, value in HINDI.items()
        for term in terms
        for word in term.avoid
        if word in value
    ]
    assert found == []


def test_element_page_legend_explains_the_confidence_words_the_table_shows():
    legend = (HINDI_DOCS / "reference/portal-elements.md").read_text(encoding="utf-8")
    levels = ("confidence_high", "confidence_medium", "confidence_low")
    assert [key for key in levels if f"*{HINDI[key]}*" not in legend] == []
