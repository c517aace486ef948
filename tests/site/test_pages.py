"""Every page of the built site in Chromium: clean load, offline, accessible, phone-sized."""

from __future__ import annotations

import re

import pytest

from scripts.common.localserver import serve_directory
from tests.site.visits import Visits

pytestmark = pytest.mark.browser


def test_page_loads_without_errors_or_failed_requests(visits: Visits, site_page: str):
    for name, visit in visits.all_views(site_page).items():
        assert visit.log.console_errors == [], f"{name} visit"
        assert visit.log.failed_requests == [], f"{name} visit"


def test_page_keeps_to_its_content_security_policy(visits: Visits, site_page: str):
    for name, visit in visits.all_views(site_page).items():
        assert visit.csp_violations == [], f"{name} visit"


def test_page_requests_nothing_beyond_this_machine(visits: Visits, site_page: str):
    for visit in (visits.light(site_page), visits.dark(site_page), visits.phone(site_page)):
        assert visit.log.requested_urls, "no request was recorded at all"
        assert visit.log.foreign_requests() == []


def test_page_has_no_axe_violations_in_the_light_palette(visits: Visits, site_page: str):
    visit = visits.light(site_page)
    assert visit.axe_violations == 0, visit.axe_report


def test_page_has_no_axe_violations_in_the_dark_palette(visits: Visits, site_page: str):
    visit = visits.dark(site_page)
    assert visit.axe_violations == 0, visit.axe_report


def test_dark_palette_check_really_looks_at_the_dark_palette(visits: Visits, site_page: str):
    light, dark = visits.light(site_page), visits.dark(site_page)
    if not light.scheme:
        pytest.skip("page without the site's palettes (the 404 page of a plain server)")
    assert (light.scheme, dark.scheme) == ("default", "slate")


def test_page_does_not_scroll_sideways_on_a_phone(visits: Visits, site_page: str):
    wide, viewport = visits.phone(site_page).widths
    assert wide <= viewport, f"page is {wide}px wide in a {viewport}px viewport"


def test_axe_checks_report_a_page_with_too_little_contrast(browser, tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>Low contrast</title></head><body><main>'
        '<p style="color:#777;background:#888">Hard to read</p></main></body></html>'
    )
    with serve_directory(tmp_path) as url:
        seen = Visits(browser, url)
        assert (seen.light("").axe_violations, seen.dark("").axe_violations) == (1, 1)


#: Pages for contributors and the record of our checks, not for readers with a problem.
NOT_FOR_READERS = ("reference/portal-elements/", "reference/sources/", "about/contributing/",
                   "reference/terminology/", "reference/portal-status/", "404.html")
ISO_DATE = re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b")


def reader_page(site_page: str) -> None:
    if site_page.removeprefix("hi/") in NOT_FOR_READERS:
        pytest.skip("not a reader page")


def test_reader_page_shows_no_doubled_question_mark(visits: Visits, site_page: str):
    reader_page(site_page)
    assert "??" not in visits.phone(site_page).reading.text


def test_reader_page_shows_no_literal_checkbox(visits: Visits, site_page: str):
    reader_page(site_page)
    text = visits.phone(site_page).reading.text
    assert "[x]" not in text and "[ ]" not in text


def test_reader_page_writes_no_iso_date(visits: Visits, site_page: str):
    reader_page(site_page)
    assert ISO_DATE.findall(visits.phone(site_page).reading.text) == []


def test_reader_page_splits_no_word_at_phone_width(visits: Visits, site_page: str):
    reader_page(site_page)
    assert visits.phone(site_page).reading.broken == []


def test_every_helpdesk_number_on_a_page_is_a_tel_link(visits: Visits, site_page: str):
    reader_page(site_page)
    reading = visits.phone(site_page).reading
    assert reading.phone_linked == reading.phone_written
