"""Every page of the built site, in a real Chromium: clean load, offline, accessible, phone-sized."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.site.pagelog import PageLog

pytestmark = pytest.mark.browser

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def visit(page: Page, url: str) -> PageLog:
    log = PageLog()
    log.attach(page)
    page.goto(url, wait_until="networkidle")
    return log


def test_page_loads_without_errors_or_failed_requests(page: Page, site_url: str, site_page: str):
    log = visit(page, site_url + site_page)
    assert log.console_errors == []
    assert log.failed_requests == []


def test_page_requests_nothing_beyond_this_machine(page: Page, site_url: str, site_page: str):
    log = visit(page, site_url + site_page)
    assert log.requested_urls, "no request was recorded at all"
    assert log.foreign_requests() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_has_no_axe_violations(browser: Browser, site_url: str, site_page: str, scheme: str):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        visit(page, site_url + site_page)
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_page_does_not_scroll_sideways_on_a_phone(browser: Browser, site_url: str, site_page: str):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        visit(page, site_url + site_page)
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"page is {widths[0]}px wide in a {widths[1]}px viewport"
    finally:
        context.close()
