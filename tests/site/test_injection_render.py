"""Text from data files stays text in every generated block, even when no check stopped it.

The data here bypasses the checks (pydantic's ``model_copy`` does not validate), so each field
holds ``<script>``, an ``<img onerror>``, a Markdown ``javascript:`` link and a nested
``[[ui:…]]``; every block that prints the field must show them as characters.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qs, unquote, urlsplit

import markdown
import pytest
from mkdocs.theme import Theme

from scripts.common.paths import ROOT
from scripts.contract.model import project_contract
from scripts.site import terminology
from scripts.site.data import GuideData
from scripts.site.extension import GuideExtension
from scripts.site.sources import load_sources
from scripts.site.terminology import Term
from scripts.verification.history import status_from_runs
from tests.site.injection import MARKUP_AS_TEXT, PAYLOAD, markup_found

CITED = "cbic-self-help-2023"  # cited by log-in/steps.md


def planted_contract():
    contract = project_contract()
    element = contract.elements["login.submit"]
    evidence = element.evidence[0].model_copy(update={"source": PAYLOAD})
    element = element.model_copy(
        update={"label": PAYLOAD, "what": PAYLOAD, "notes": PAYLOAD, "evidence": (evidence,)}
    )
    page = contract.pages["login"].model_copy(update={"title": PAYLOAD})
    return contract.model_copy(
        update={"elements": {**contract.elements, "login.submit": element},
                "pages": {**contract.pages, "login": page}}
    )


def planted_data() -> GuideData:
    sources = load_sources()
    sources[CITED] = dataclasses.replace(sources[CITED], title=PAYLOAD)
    runs = [
        {"finished": f"2026-11-{day}T20:32:00+00:00", "outcome": outcome, "where": PAYLOAD,
         "run_url": "javascript:alert(9)", "pages": {"login": "ok"},
         "elements": {"login.submit": verdict}, "observed": {}}
        for day, outcome, verdict in (("20", "no drift", "present"), ("21", "drift", "missing"))
    ]
    return GuideData(
        contract=planted_contract(), sources=sources, status=status_from_runs(runs),
        mentions={}, cited_on={CITED: [("log-in/steps.md", PAYLOAD)]},
    )


def render(text: str, page: str, **settings) -> str:
    """The HTML, without the soft line breaks (``<wbr>``) long runs of text get after '/'."""
    extension = GuideExtension(data=planted_data(), page=page, **settings)
    return markdown.markdown(text, extensions=[extension, "toc"]).replace("<wbr />", "")


CASES = {
    "ui-reference-inline": ("Select [[ui:login.submit]].", "log-in/example.md"),
    "ui-label-in-heading": ("## [[ui:login.submit|label]]", "log-in/example.md"),
    "screen-sketch-svg": ("[[screen:login]]", "log-in/example.md"),
    "element-reference": ("[[ui-reference]]", "reference/portal-elements.md"),
    "source-list": ("[[source-list]]", "reference/sources.md"),
    "portal-status": ("[[portal-status]]", "reference/portal-status.md"),
}


@pytest.mark.parametrize("case", CASES)
def test_planted_markup_in_the_data_is_printed_as_text(case):
    text, page = CASES[case]
    html = render(text, page)
    assert markup_found(html) == []
    assert MARKUP_AS_TEXT in html, "the payload did not reach the block: the test proves nothing"


@pytest.mark.parametrize("case", CASES)
def test_markdown_in_the_data_is_not_read_as_markdown(case):
    text, page = CASES[case]
    html = render(text, page)
    assert "[x](javascript:alert(3))" in html
    assert "[[ui:login.password]]" in html
    assert 'data-ui-element="login.password"' not in html


def test_sketch_svg_text_and_title_hold_the_label_as_text():
    html = render("[[screen:login]]", "log-in/example.md")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert re.search(rf"<title>[^<]*{re.escape(MARKUP_AS_TEXT)}", svg)
    assert re.search(rf"<text [^>]*>{re.escape(MARKUP_AS_TEXT)}", svg)


def test_page_facts_print_labels_and_source_titles_as_text():
    steps = (ROOT / "docs" / "log-in" / "steps.md").read_text(encoding="utf-8")
    html = render(steps.split("\n---\n", 1)[1], "log-in/steps.md", page_facts=True)
    warning = html[html.index("portal-drift"):]
    footer = html[html.index('class="page-facts"'):]
    assert markup_found(html) == []
    assert MARKUP_AS_TEXT in warning[:warning.index("</div>")]
    assert MARKUP_AS_TEXT in footer[footer.index("page-facts__sources"):]


def test_status_page_does_not_link_a_run_address_that_is_not_https():
    html = render("[[portal-status]]", "reference/portal-status.md")
    assert "javascript:alert(9)" not in html


def test_terminology_table_prints_terms_as_text(monkeypatch):
    term = Term(PAYLOAD, PAYLOAD, PAYLOAD, [PAYLOAD])
    monkeypatch.setattr(terminology, "load_terms", lambda path, language: [term])
    html = render("[[terminology]]", "reference/terminology.md", language="hi")
    assert markup_found(html) == []
    assert html.count(MARKUP_AS_TEXT) == 3  # English, Hindi, the word to avoid


def test_mail_body_carries_the_page_address_percent_encoded():
    html = render(
        "Text.", "about/odd &page #1?%é.md", page_facts=True,
        feedback_email="help@guide-tests.in", public_url="https://example.org/guide/",
    )
    start = html.index('class="page-facts__mail" href="') + len('class="page-facts__mail" href="')
    link = html[start:html.index('"', start)].replace("&amp;", "&")
    body = parse_qs(urlsplit(link).query)["body"][0]
    address = "https://example.org/guide/about/odd%20%26page%20%231%3F%25%C3%A9/"
    assert address in body
    assert unquote(address) == "https://example.org/guide/about/odd &page #1?%é/"


def page_head(meta: dict[str, str]) -> str:
    """``overrides/partials/page-head.html`` rendered as MkDocs renders it."""
    environment = Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env()
    template = environment.from_string(
        '{% set part = "title" %}{% include "partials/page-head.html" %}'
        '{% set part = "meta" %}{% include "partials/page-head.html" %}'
    )
    page = type("Page", (), {"meta": meta, "title": "t", "is_homepage": False, "url": "a/",
                             "canonical_url": None, "previous_page": None, "next_page": None})
    config = {"site_name": "Guide", "theme": {"language": "en", "favicon": "f.png"},
              "extra": {}, "plugins": {}, "site_description": None, "site_author": None}
    return template.render(page=page(), config=config, base_url=".", mkdocs_version="1")


def test_template_prints_a_front_matter_title_escaped():
    head = page_head({"title": "</title><script>alert(5)</script>"})
    assert markup_found(head) == []
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt; - Guide</title>" in head


def test_template_prints_a_front_matter_description_escaped():
    head = page_head({"description": '"><img src=x onerror=alert(2)>'})
    assert markup_found(head) == []
    assert 'content="&#34;&gt;&lt;img src=x onerror=alert(2)&gt;"' in head


def test_soft_line_breaks_keep_plain_text_plain_and_leave_svg_alone():
    import xml.etree.ElementTree as etree

    from markdown.util import AtomicString

    from scripts.site.layout import soft_breaks

    root = etree.Element("div")
    paragraph = etree.SubElement(root, "p")
    paragraph.text = AtomicString("see https://example.org/a/very/long/path/[x](javascript:1)")
    svg = etree.SubElement(root, "svg")
    etree.SubElement(svg, "title").text = "https://example.org/a/very/long/path/of/text"
    soft_breaks(root)
    pieces = [paragraph.text, *(mark.tail for mark in paragraph)]
    assert len(pieces) > 1 and all(isinstance(piece, AtomicString) for piece in pieces)
    assert not list(svg.iter("wbr"))
