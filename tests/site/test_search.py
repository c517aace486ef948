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


def index_requests(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if "search_index.json" in r.url else None)
    return seen


def test_a_page_loads_without_the_search_index(page: Page, site_url: str):
    requested = index_requests(page)
    page.goto(site_url + "log-in/steps/", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert requested == []


def test_turning_to_search_fetches_the_index_once(page: Page, site_url: str):
    requested = index_requests(page)
    page.goto(site_url + "log-in/steps/", wait_until="networkidle")
    search_box = page.locator("input.md-search__input")
    search_box.click()
    search_box.press_sequentially("OTP")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert len(requested) == 1


def test_a_shared_search_link_fetches_the_index_at_once(page: Page, site_url: str):
    requested = index_requests(page)
    page.goto(site_url + "log-in/steps/?q=OTP", wait_until="networkidle")
    assert len(requested) == 1


def test_search_from_the_icon_on_a_phone_finds_a_page(browser, site_url: str):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        page.goto(site_url + "log-in/steps/", wait_until="networkidle")
        page.locator("label[for=__search]").first.click()
        search_box = page.locator("input.md-search__input")
        search_box.press_sequentially("forgotten password")
        hit = page.locator('a.md-search-result__link[href*="log-in/forgotten-password/"]')
        expect(hit.first).to_be_attached()
    finally:
        context.close()
