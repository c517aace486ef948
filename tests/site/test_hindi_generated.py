"""The blocks the build writes into Hindi pages are in Hindi and keep the English anchors."""

from __future__ import annotations

import re

import markdown
import pytest

from scripts.common.paths import DOCS, ROOT
from scripts.contract.model import project_contract
from scripts.nightly.history import status_from_runs
from scripts.site.data import GuideData
from scripts.site.extension import GuideExtension
from scripts.site.sources import load_sources, pages_citing
from scripts.site.words import ENGLISH, HINDI

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


def render(page: str, language: str) -> str:
    folder, docs_dir = (HINDI_DOCS, "docs-hi") if language == "hi" else (DOCS, "docs")
    text = (folder / page).read_text(encoding="utf-8")
    settings = {"language": "hi", "translates": "docs"} if language == "hi" else {}
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
