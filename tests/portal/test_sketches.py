"""Sketches of portal screens, drawn from the contract by ``[[screen:PAGE_ID]]``."""

from __future__ import annotations

import json
import logging
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest

from scripts.common.paths import DOCS
from scripts.contract.model import load_contract, project_contract
from scripts.site.data import GuideData
from scripts.site.extension import GuideExtension
from scripts.site.sketch import CAPTION, svg_text
from scripts.site.sources import load_sources
from scripts.verification.history import VerificationStatus
from tests.rendering import render_markdown

NONE = VerificationStatus("none")


def sketch_of(page_id: str, contract=None, status=NONE) -> str:
    contract = contract or project_contract()
    return svg_text(contract.pages[page_id], contract.elements_on(page_id), status)


def render_with(text: str, contract, page: str = "log-in/example.md") -> str:
    data = GuideData(contract, load_sources(), NONE, {}, {})
    return markdown.markdown(text, extensions=[GuideExtension(data=data, page=page)])


def test_login_steps_page_shows_the_login_page_sketch():
    steps = (DOCS / "log-in" / "steps.md").read_text(encoding="utf-8")
    assert "[[screen:login]]" in steps
    html = render_markdown(steps, page="log-in/steps.md")
    assert '<figure class="screen-sketch" data-screen="login"' in html


def test_sketch_inside_a_list_item_stays_in_that_item():
    html = render_markdown("1.  Open the page.\n\n    [[screen:login]]\n\n2.  Type your ID.\n")
    assert html.count("<ol>") == 2  # the steps, and the list in words inside step 1
    assert html.index("screen-sketch") < html.index("Type your ID") < html.rindex("</ol>")


def test_sketch_is_captioned_as_a_sketch_not_a_screenshot():
    html = render_markdown("[[screen:login]]")
    assert f"<figcaption>ICEGATE 2.0 login page. {CAPTION}</figcaption>" in html


def test_editing_a_label_in_a_copy_of_the_contract_changes_the_drawing(tmp_path: Path):
    copy = tmp_path / "contract.yml"
    original = project_contract().source.read_text(encoding="utf-8")
    copy.write_text(original.replace("label: LOGIN\n", "label: SIGN IN NOW\n", 1))
    edited = load_contract(copy)
    drawing = sketch_of("login", edited)
    assert ">SIGN IN NOW<" in drawing
    assert ">LOGIN<" not in drawing
    assert drawing != sketch_of("login")


@pytest.mark.parametrize("page_id", list(project_contract().pages))
def test_every_sketch_is_at_most_10_kb(page_id: str):
    assert len(sketch_of(page_id).encode("utf-8")) <= 10 * 1024


@pytest.mark.parametrize("page_id", list(project_contract().pages))
def test_sketch_is_well_formed_xml_with_a_fixed_size(page_id: str):
    svg = etree.fromstring(sketch_of(page_id))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    width, height = int(svg.get("width")), int(svg.get("height"))
    assert svg.get("viewBox") == f"0 0 {width} {height}"


@pytest.mark.parametrize("page_id", list(project_contract().pages))
def test_text_alternative_lists_every_element_of_the_page(page_id: str):
    contract = project_contract()
    svg = etree.fromstring(sketch_of(page_id))
    name = svg.get("aria-label")
    assert svg.get("role") == "img"
    for element in contract.elements_on(page_id):
        words = element.label if element.label_from != "none" else element.what
        assert words in name, (element.id, name)


def test_visible_list_in_words_names_every_element_in_contract_order():
    html = render_markdown("[[screen:login]]")
    items = re.findall(r"<li>([^<(]+) \(", html)
    assert items == [e.label for e in project_contract().elements_on("login")]


def test_drawing_shows_only_contract_words_and_marks():
    contract = project_contract()
    texts = re.findall(r">([^<>]+)<", sketch_of("login").split("</title>", 1)[1])
    labels = {e.label for e in contract.elements_on("login")}
    assert set(texts) <= labels | {"?", "✓"}


def test_description_instead_of_a_label_is_never_drawn_as_portal_words():
    drawing = sketch_of("otp").split("</title>", 1)[1]
    assert "six OTP boxes" not in drawing
    assert drawing.count('width="30"') == 6


def test_element_seen_live_gets_the_tick_in_the_drawing():
    status = VerificationStatus("ok", last_verified={"login.submit": "2026-11-20"})
    drawing = sketch_of("login", status=status)
    assert re.search(r">LOGIN<tspan[^>]*>✓</tspan>", drawing)


def test_guessed_label_gets_no_question_mark_glued_to_it_in_the_drawing():
    drawing = sketch_of("login")
    assert ">Forgot Password?<" in drawing
    assert not re.search(r"<tspan[^>]*>\?</tspan>", drawing)


def test_sketch_uses_the_text_colour_only():
    colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', sketch_of("login")))
    assert colours <= {"currentColor", "none"}


def test_unknown_page_in_a_screen_marker_is_a_warning_naming_the_page(caplog):
    with caplog.at_level(logging.WARNING):
        render_markdown("[[screen:nowhere]]", page="log-in/steps.md")
    assert "docs/log-in/steps.md" in caplog.text
    assert "unknown portal page 'nowhere'" in caplog.text


def test_published_photograph_replaces_the_sketch(tmp_path: Path, monkeypatch):
    photos = tmp_path / "docs" / "assets" / "photos"
    photos.mkdir(parents=True)
    (photos / "login.webp").write_bytes(b"RIFF")
    meta = {"page": "login", "captured": "2026-11-27T20:31:05+00:00",
            "source_url": "https://foservices.icegate.gov.in/#/login",
            "width": 360, "height": 740, "file": "login.webp"}
    (photos / "login.json").write_text(json.dumps(meta))
    monkeypatch.setattr("scripts.site.screens.ROOT", tmp_path)
    html = render_with("[[screen:login]]", project_contract(), page="log-in/steps.md")
    assert "screen-sketch" not in html
    img = re.search(r"<img [^>]*>", html)[0]
    for attribute in ('loading="lazy"', 'width="360"', 'height="740"',
                      'src="../assets/photos/login.webp"'):
        assert attribute in img
    assert "ICEGATE ID, Password, LOGIN" in img
    assert "photographed by our nightly check on 2026-11-28" in html


def test_photograph_whose_image_is_missing_falls_back_to_the_sketch(tmp_path: Path, monkeypatch):
    photos = tmp_path / "docs" / "assets" / "photos"
    photos.mkdir(parents=True)
    meta = {"page": "login", "captured": "2026-11-27T20:31:05+00:00", "source_url": "x",
            "width": 360, "height": 740, "file": "login.webp"}
    (photos / "login.json").write_text(json.dumps(meta))
    monkeypatch.setattr("scripts.site.screens.ROOT", tmp_path)
    assert "screen-sketch" in render_with("[[screen:login]]", project_contract())


def test_contract_copy_with_a_renamed_page_title_changes_the_caption():
    contract = project_contract()
    pages = dict(contract.pages)
    pages["login"] = pages["login"].model_copy(update={"title": "Sign-in screen"})
    html = render_with("[[screen:login]]", contract.model_copy(update={"pages": pages}))
    assert "<figcaption>Sign-in screen." in html
