"""Key pages print cleanly on A4: Chromium's print-to-PDF, with the print stylesheet applied."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from scripts.site.contacts import helpdesk

pytestmark = pytest.mark.browser

#: The pages readers print, with the most A4 pages each may take.
PRINTED = {
    "log-in/checklist/": 2,
    "log-in/steps/": 5,  # 4 until Dec 2026: the cited login scripts and the helpdesk footer
    "troubleshoot/": 8,
}
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


def print_to_pdf(browser: Browser, url: str) -> tuple[bytes, Page]:
    """Open ``url`` with print media and return its A4 PDF and the page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    return pdf, page


def pdf_page_count(pdf: bytes) -> int:
    """The number of pages in a PDF that Chromium wrote (one page object per page)."""
    return len(PDF_PAGE.findall(pdf))


def test_pdf_page_count_reads_chromium_output(browser: Browser, site_url: str):
    pdf, page = print_to_pdf(browser, site_url + "log-in/checklist/")
    page.context.close()
    assert pdf.startswith(b"%PDF")
    assert pdf_page_count(pdf) >= 1


@pytest.mark.parametrize(("path", "most"), PRINTED.items(), ids=list(PRINTED))
def test_key_page_prints_on_few_a4_pages(browser: Browser, site_url: str, path: str, most: int):
    pdf, page = print_to_pdf(browser, site_url + path)
    page.context.close()
    count = pdf_page_count(pdf)
    print(f"{path}: {count} A4 pages")
    assert 1 <= count <= most, f"{path} prints on {count} A4 pages; at most {most} expected"


@pytest.mark.parametrize("path", list(PRINTED))
def test_printed_page_hides_navigation_and_search(browser: Browser, site_url: str, path: str):
    _, page = print_to_pdf(browser, site_url + path)
    try:
        for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    finally:
        page.context.close()


def test_printed_external_link_shows_its_address(browser: Browser, site_url: str):
    _, page = print_to_pdf(browser, site_url + "log-in/steps/")
    try:
        after = page.evaluate(
            """() => getComputedStyle(
                document.querySelector('.md-typeset a[href^="https://foservices"]'), '::after'
            ).content"""
        )
        assert "https://foservices.icegate.gov.in/#/login" in after
    finally:
        page.context.close()


def test_printed_page_keeps_its_admonitions(browser: Browser, site_url: str):
    _, page = print_to_pdf(browser, site_url + "log-in/steps/")
    try:
        assert page.locator(".md-typeset .admonition").first.is_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize("path", ["log-in/steps/", "hi/log-in/steps/"])
def test_printed_login_steps_carry_the_helpdesk_number(browser: Browser, site_url: str, path: str):
    _, page = print_to_pdf(browser, site_url + path)
    try:
        number = page.locator(".page-facts__helpdesk")
        assert number.is_visible()
        assert helpdesk().phone in number.inner_text()
    finally:
        page.context.close()
