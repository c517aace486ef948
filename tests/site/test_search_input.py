"""Search answers what reaches the box however it got there, and short words match whole words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture()
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


def open_search(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.locator("label[for=__search]").first.tap()
    expect(page.locator("input.md-search__input")).to_be_focused()


def test_pasted_text_starts_a_search(phone: Page, site_url: str):
    open_search(phone, site_url)
    # fill() changes the box as a paste does: one input event, no key pressed.
    phone.locator("input.md-search__input").fill("customer care")
    hit = phone.locator('a.md-search-result__link[href*="troubleshoot/helpdesk/"]')
    expect(hit.first).to_be_attached()


def test_hindi_text_from_a_phone_keyboard_starts_a_search(phone: Page, site_url: str):
    open_search(phone, site_url + "hi/")
    # Devanagari arrives as inserted text, without key events, as from many phone keyboards.
    phone.locator("input.md-search__input").press_sequentially("ओटीपी नहीं मिला")
    hit = phone.locator('a.md-search-result__link[href*="hi/log-in/otp/"]')
    expect(hit.first).to_be_attached()


def test_a_short_word_does_not_match_longer_words(phone: Page, site_url: str):
    open_search(phone, site_url)
    # "not" once matched the start of "notice" and "note"; with a word no page has after it,
    # nothing may be found.
    phone.locator("input.md-search__input").fill("not qqxyzzy")
    expect(phone.locator(".md-search-result__meta")).to_contain_text("No matching")
    expect(phone.locator("a.md-search-result__link")).to_have_count(0)


def test_enter_on_a_readers_query_opens_the_answer(phone: Page, site_url: str):
    open_search(phone, site_url)
    box = phone.locator("input.md-search__input")
    box.press_sequentially("otp not coming")
    expect(phone.locator("a.md-search-result__link").first).to_be_attached()
    box.press("Enter")
    phone.wait_for_url(lambda url: "/log-in/otp/" in url or "#otp-not-received" in url)
