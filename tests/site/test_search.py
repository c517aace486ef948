"""The site's search opens from the keyboard and finds text that is on a page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_search_opens_from_the_keyboard_and_finds_a_phrase(page: Page, site_url: str):
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")
    search_box = page.get_by_role("textbox", name="Search")
    expect(search_box).to_be_focused()
    search_box.press_sequentially("forgotten password")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    hit = page.locator('a.md-search-result__link[href*="log-in/forgotten-password/"]')
    expect(hit.first).to_be_attached()


def test_hindi_search_finds_a_hindi_page_by_a_hindi_word(page: Page, site_url: str):
    page.goto(site_url + "hi/", wait_until="networkidle")
    page.keyboard.press("/")
    search_box = page.locator("input.md-search__input")
    expect(search_box).to_be_focused()
    search_box.press_sequentially("भूल")
    # Devanagari is typed as inserted text, without key events; Material searches on keyup.
    search_box.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    hit = page.locator('a.md-search-result__link[href*="hi/log-in/forgotten-password/"]')
    expect(hit.first).to_be_attached()
