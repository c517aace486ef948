"""The home page on a phone (360x740): the top problems and the helpdesk without scrolling."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.site.contacts import helpdesk

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
#: The problems readers come with most (ux study, December 2026): where each link must lead.
TOP_PROBLEMS = [
    "log-in/forgotten-password/",
    "log-in/otp/",
    "log-in/locked-out/",
    "troubleshoot/is-icegate-down/",  # "the login page will not open: is ICEGATE down?"
    "troubleshoot/#invalid-credentials",
]
MIN_TARGET = 24  # CSS px, WCAG 2.2 success criterion 2.5.8


@pytest.fixture()
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def above_the_fold(page: Page, selector: str) -> list[dict]:
    """Every element matching ``selector`` with its box, for the ones fully on the first screen."""
    return page.eval_on_selector_all(
        selector,
        """(els) => els.map((el) => { const r = el.getBoundingClientRect();
             return {href: el.getAttribute("href"), top: r.top, bottom: r.bottom,
                     width: r.width, height: r.height}; })
           .filter((box) => box.top >= 0 && box.bottom <= window.innerHeight)""",
    )


@pytest.mark.parametrize("edition", ["", "hi/"], ids=["en", "hi"])
def test_home_page_shows_every_top_problem_without_scrolling(
    phone: Page, site_url: str, edition: str
):
    phone.goto(site_url + edition, wait_until="load")
    shown = {box["href"] for box in above_the_fold(phone, "article a[href]")}
    assert all(any(href.endswith(p) for href in shown) for p in TOP_PROBLEMS), shown


@pytest.mark.parametrize("edition", ["", "hi/"], ids=["en", "hi"])
def test_home_page_shows_a_tel_helpdesk_link_without_scrolling(
    phone: Page, site_url: str, edition: str
):
    phone.goto(site_url + edition, wait_until="load")
    calls = above_the_fold(phone, 'article a[href^="tel:"]')
    assert f"tel:{helpdesk().tel}" in {box["href"] for box in calls}


@pytest.mark.parametrize("edition", ["", "hi/"], ids=["en", "hi"])
def test_home_page_problem_links_are_large_tap_targets(
    phone: Page, site_url: str, edition: str
):
    phone.goto(site_url + edition, wait_until="load")
    boxes = above_the_fold(phone, ".problem-links a, a.helpdesk-call__link")
    assert len(boxes) >= 6
    assert all(b["height"] >= 40 and b["width"] >= 200 for b in boxes), boxes


def test_home_page_says_when_the_helpdesk_is_open_in_hindi(phone: Page, site_url: str):
    phone.goto(site_url + "hi/", wait_until="load")
    expect(phone.locator(".helpdesk-call")).to_contain_text("24 घंटे, सातों दिन")


@pytest.mark.parametrize("page_path", ["log-in/otp/", "hi/log-in/otp/"])
def test_language_switch_is_a_comfortable_tap_target(phone: Page, site_url: str, page_path: str):
    phone.goto(site_url + page_path, wait_until="load")
    box = phone.locator(".edition-switch a").bounding_box()
    assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, box


def test_language_switch_keeps_the_section(phone: Page, site_url: str):
    phone.goto(site_url + "troubleshoot/#otp-not-received", wait_until="load")
    phone.locator(".edition-switch a").click()
    phone.wait_for_url("**/hi/troubleshoot/#otp-not-received")


def test_hindi_pages_name_the_site_and_the_search_in_hindi(phone: Page, site_url: str):
    phone.goto(site_url + "hi/log-in/otp/", wait_until="load")
    expect(phone.locator(".md-header__topic").first).to_contain_text("गाइड")
    expect(phone.locator(".md-footer-meta")).not_to_contain_text("Independent guide")
    search = phone.locator("input.md-search__input")
    assert search.get_attribute("aria-label") == search.get_attribute("placeholder") != "Search"
    dialog = phone.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == search.get_attribute("aria-label")
