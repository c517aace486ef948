"""Searching the site for a troubleshooting message finds its entry, at its stable anchor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.contract.mentions import UI_REF
from scripts.contract.model import project_contract

pytestmark = pytest.mark.browser
PAGE = Path(__file__).resolve().parents[2] / "docs" / "troubleshoot" / "index.md"
ENTRY = re.compile(r"^### (?P<title>.+?) \{ #(?P<anchor>[a-z0-9-]+) \}$", re.MULTILINE)


def entries() -> list[tuple[str, str]]:
    labels = {element.id: element.label for element in project_contract()}
    text = PAGE.read_text(encoding="utf-8")
    found = []
    for match in ENTRY.finditer(text):
        title = UI_REF.sub(lambda m: labels[m["id"]], match["title"])
        found.append((title, match["anchor"]))
    return found


def test_troubleshooting_page_has_the_entries_readers_need():
    anchors = {anchor for _, anchor in entries()}
    needed = {
        "invalid-credentials", "otp-not-received", "otp-invalid-or-expired", "session-expired",
        "user-not-authorised", "iec-not-valid", "registration-contact-details", "dsc-problem",
        "page-does-not-load", "blocked-abroad", "pop-up-blocked",
    }
    assert needed <= anchors, needed - anchors


@pytest.fixture(scope="module")
def search(browser: Browser, site_url: str) -> Iterator[Page]:
    """The home page with its search open, shared by the searches below.

    One tab builds the search index once; each test then types its own message into the box.
    """
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site_url, wait_until="networkidle")
    tab.keyboard.press("/")
    yield tab
    context.close()


@pytest.mark.parametrize(("title", "anchor"), entries(), ids=[a for _, a in entries()])
def test_search_for_the_message_finds_its_entry(search: Page, title: str, anchor: str):
    box = search.get_by_role("textbox", name="Search")
    box.fill("")
    # No result of the previous search may stay on screen to be mistaken for this one's.
    expect(search.locator("a.md-search-result__link")).to_have_count(0)
    # Material searches on each key released: put in all but the last character at once (as a
    # paste does), then type the last, for one search of the whole message.
    box.fill(title[:-1])
    box.press_sequentially(title[-1])
    link = search.locator(f'a.md-search-result__link[href*="troubleshoot/"][href$="#{anchor}"]')
    link.first.wait_for(state="attached", timeout=5000)
    assert link.count() >= 1
