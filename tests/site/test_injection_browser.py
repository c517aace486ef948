"""Planted payloads in every data field, built into both editions and loaded in Chromium.

One strict build of a copy of the project whose text checks are turned off (so that the
planted ``<script>``, ``<img onerror>`` and markup reach the build, as they would if a check
missed something), with a payload in each field the site prints from a data file: a contract
label, ``what``, evidence ``source`` and page title, a source title, a page's front-matter title
and description (both editions), a Hindi term and a history ``where``. Each affected page of
both editions is loaded once in Chromium, listening for dialogs.

The checks themselves (what is rejected before a build) are tested in
``tests/portal/test_text_checks.py`` and ``tests/site/test_input_checks.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from scripts.common.localserver import serve_directory
from scripts.site.words import words_for
from scripts.verification.history import SCHEMA
from tests.site.injection import markup_found
from tests.sitebuild import build_copy

pytestmark = pytest.mark.browser

#: Pages that print a planted field, in both editions.
PAGES = (
    "log-in/steps/", "log-in/otp/", "reference/portal-elements/", "reference/sources/",
    "reference/portal-status/",
    "hi/log-in/steps/", "hi/log-in/otp/", "hi/reference/portal-elements/",
    "hi/reference/sources/", "hi/reference/portal-status/", "hi/reference/terminology/",
)
#: Field → the pages that show it (the Hindi edition prints its own titles for portal pages).
SHOWN_ON = {
    "label": ("log-in/steps/", "log-in/otp/", "reference/portal-elements/",
              "hi/log-in/steps/", "hi/log-in/otp/", "hi/reference/portal-elements/"),
    "what": ("reference/portal-elements/", "hi/reference/portal-elements/"),
    "evidence": ("reference/portal-elements/", "hi/reference/portal-elements/"),
    "page-title": ("log-in/steps/", "reference/portal-elements/"),
    "source-title": ("reference/sources/", "log-in/steps/", "hi/reference/sources/"),
    "front-title": ("log-in/steps/", "reference/sources/"),
    "hindi-front-title": ("hi/log-in/steps/", "hi/reference/sources/"),
    "front-description": ("log-in/steps/",),
    "hindi-front-description": ("hi/log-in/steps/",),
    "term": ("hi/reference/terminology/",),
}
CITED = "cbic-self-help-2023"  # cited by log-in/steps.md in both editions
STEPS = "log-in/steps.md"


def payload(field: str) -> str:
    """Markup, Markdown and a nested marker, told apart by the field's name."""
    return (f'<script>alert("{field}")</script>"><img src=x onerror=alert("{field}")>'
            f'<b class="planted">{field}</b> [x](javascript:alert("{field}")) '
            "LOG]] IN [[ui:login.password]]")


def shown_as_text(field: str) -> str:
    """What a reader sees of the payload when it stays text."""
    return f'<b class="planted">{field}</b> [x](javascript:alert("{field}"))'


def turn_checks_off(copy: Path) -> None:
    with (copy / "scripts" / "contract" / "text.py").open("a", encoding="utf-8") as module:
        module.write(
            "\n\ndef text_problem(value: str, kind: str) -> str | None:  # noqa: D103\n"
            "    return None  # test_injection_browser: the checks are off in this copy\n"
        )


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def plant_contract(data: dict) -> None:
    element = data["elements"]["login.submit"]
    element["label"] = payload("label")
    element["what"] = payload("what")
    element["evidence"][0]["source"] = payload("evidence")
    data["pages"]["login"]["title"] = payload("page-title")


def plant_front_matter(page: Path, prefix: str) -> None:
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    for index, line in enumerate(lines):
        for key in ("title", "description"):
            if line.startswith(f"{key}: "):
                lines[index] = f"{key}: {json.dumps(payload(f'{prefix}front-{key}'))}"
    page.write_text("\n".join(lines), encoding="utf-8")


def plant_history(copy: Path) -> None:
    runs = [
        {"finished": f"2026-11-{day}T20:32:00+00:00", "outcome": outcome, "where": payload("where"),
         "run_url": "https://github.com/icegate-guide/icegate-guide/actions/runs/1",
         "pages": {"login": "ok"}, "elements": {"login.submit": verdict}}
        for day, outcome, verdict in (("20", "no drift", "present"), ("21", "drift", "missing"))
    ]
    target = copy / "portal" / "verification" / "history.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"schema": SCHEMA, "runs": runs}), encoding="utf-8")


def plant(copy: Path) -> None:
    turn_checks_off(copy)
    edit_yaml(copy / "portal" / "contract.yml", plant_contract)
    edit_yaml(copy / "portal" / "sources.yml",
              lambda data: data[CITED].update(title=payload("source-title")))
    edit_yaml(copy / "i18n" / "terminology-hi.yml",
              lambda data: data[0].update(en=payload("term")))
    plant_front_matter(copy / "docs" / STEPS, "")
    plant_front_matter(copy / "docs-hi" / STEPS, "hindi-")
    plant_history(copy)


@dataclass(frozen=True)
class Seen:
    """What one page did and held in Chromium."""

    dialogs: list[str]
    javascript_links: int
    planted_elements: int
    nested_references: int
    text: str
    description: str
    source: str


SEE = """() => ({
  links: [...document.querySelectorAll('a[href]')]
           .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:'))
           .length,
  planted: document.querySelectorAll('.planted, img[src="x"], [onerror]').length
           + [...document.scripts].filter(s => s.textContent.includes('alert(')).length,
  nested: document.querySelectorAll('[data-ui-element] [data-ui-element], a a').length,
  text: document.documentElement.textContent,
  description: document.querySelector('meta[name=description]')?.content || '',
})"""


@pytest.fixture(scope="module")
def seen(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Seen]]:
    result, _ = build_copy(tmp_path_factory.mktemp("planted"), plant)
    assert result.returncode == 0, result.output
    pages: dict[str, Seen] = {}
    with serve_directory(result.site_dir) as url:
        context = browser.new_context()
        try:
            for page in PAGES:
                tab = context.new_page()
                dialogs: list[str] = []
                tab.on("dialog", lambda dialog, into=dialogs: (into.append(dialog.message),
                                                               dialog.dismiss()))
                tab.goto(url + page, wait_until="load")
                found = tab.evaluate(SEE)
                source = (result.site_dir / page / "index.html").read_text(encoding="utf-8")
                pages[page] = Seen(dialogs, found["links"], found["planted"], found["nested"],
                                   found["text"], found["description"], source)
                tab.close()
        finally:
            context.close()
    yield pages


@pytest.mark.parametrize("page", PAGES)
def test_no_dialog_opens_on_a_page_printing_planted_fields(seen, page):
    assert seen[page].dialogs == []


@pytest.mark.parametrize("page", PAGES)
def test_no_javascript_link_on_a_page_printing_planted_fields(seen, page):
    assert seen[page].javascript_links == 0


@pytest.mark.parametrize("page", PAGES)
def test_no_planted_tag_becomes_an_element(seen, page):
    assert seen[page].planted_elements == 0
    assert markup_found(seen[page].source) == []


@pytest.mark.parametrize(
    ("field", "page"), [(field, page) for field, pages in SHOWN_ON.items() for page in pages]
)
def test_planted_field_is_shown_as_text(seen, field, page):
    shown = seen[page].text + seen[page].description
    assert shown_as_text(field) in shown


@pytest.mark.parametrize("page", ["log-in/steps/", "hi/log-in/steps/"])
def test_a_marker_inside_a_label_is_not_expanded(seen, page):
    assert seen[page].nested_references == 0
    assert "LOG]] IN [[ui:login.password]]" in seen[page].text


@pytest.mark.parametrize("page", ["reference/portal-status/", "hi/reference/portal-status/"])
def test_planted_history_where_is_shown_as_text_unless_the_history_is_refused(seen, page):
    # The nightly history reader may come to refuse a "where" holding markup; the page then
    # says the history could not be read. Never markup either way (the tests above).
    refused = words_for("hi" if page.startswith("hi/") else "en")["status_unknown"]
    text = seen[page].text
    assert shown_as_text("where") in text or refused.split("{problem}")[0] in text
