"""The helpdesk's details come from portal/contacts.yml and reach pages as links a phone taps."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

from scripts.site.contacts import ContactsError, Helpdesk, helpdesk, link_typed
from scripts.site.dates import reader_date
from tests.rendering import render_markdown

DESK = helpdesk()


def test_the_phone_marker_prints_a_tel_link():
    html = render_markdown("Call [[contact:phone]].")
    assert f'href="tel:{DESK.tel}"' in html
    assert f">{DESK.phone}</a>" in html


def test_the_email_marker_prints_a_mailto_link():
    assert f'href="mailto:{DESK.email}"' in render_markdown("Write to [[contact:email]].")


def test_the_hours_marker_prints_the_hours_in_the_editions_language():
    assert "24 घंटे, सातों दिन" in render_markdown("[[contact:hours]]", language="hi")


def test_the_helpdesk_box_is_a_call_link_with_the_hours():
    html = render_markdown("[[helpdesk]]")
    assert 'class="helpdesk-call"' in html
    assert f'href="tel:{DESK.tel}"' in html
    assert "24 hours a day, 7 days a week" in html


def test_a_typed_number_becomes_a_tel_link():
    html = render_markdown(f"Or call **{DESK.phone}** today.")
    assert f'<strong><a class="contact contact--tel" href="tel:{DESK.tel}">' in html


def test_a_number_in_code_stays_text():
    root = etree.fromstring(f"<div><code>{DESK.phone}</code></div>")
    link_typed(root, DESK)
    assert root.find(".//a") is None


def test_every_page_footer_carries_the_helpdesk_as_a_tel_link():
    html = render_markdown("Some text.", page_facts=True)
    assert 'class="page-facts__helpdesk"' in html
    assert f'href="tel:{DESK.tel}"' in html


def test_a_contacts_file_without_the_number_is_refused(tmp_path: Path):
    broken = tmp_path / "contacts.yml"
    broken.write_text("helpdesk:\n  email: a@b.c\n", encoding="utf-8")
    with pytest.raises(ContactsError, match="phone is missing"):
        helpdesk(broken)


def test_the_helpdesk_record_is_complete():
    assert isinstance(DESK, Helpdesk)
    assert DESK.tel.isdigit()
    assert DESK.ticket_url.startswith("https://www.icegate.gov.in/")


@pytest.mark.parametrize(
    ("iso", "language", "shown"),
    [
        ("2026-11-26", "en", "26 Nov 2026"),
        ("2026-11-26", "hi", "26 नवंबर 2026"),
        ("2019-06", "en", "Jun 2019"),
        ("2019", "en", "2019"),
        ("not a date", "en", "not a date"),
    ],
)
def test_dates_are_written_day_month_year(iso: str, language: str, shown: str):
    assert reader_date(iso, language) == shown
