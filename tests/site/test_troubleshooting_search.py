"""Searching the site for a troubleshooting message finds its entry, at its stable anchor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

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


@pytest.mark.parametrize(("title", "anchor"), entries(), ids=[a for _, a in entries()])
def test_search_for_the_message_finds_its_entry(page: Page, site_url: str, title: str, anchor: str):
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.get_by_role("textbox", name="Search").press_sequentially(title)
    link = page.locator(f'a.md-search-result__link[href*="troubleshoot/"][href$="#{anchor}"]')
    link.first.wait_for(state="attached", timeout=5000)
    assert link.count() >= 1
