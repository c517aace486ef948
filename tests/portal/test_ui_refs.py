"""The [[ui:...]] Markdown extension renders labels from the contract, with their state."""

from __future__ import annotations

import logging

import pytest

from scripts.contract.model import project_contract
from scripts.verification.history import VerificationStatus
from tests.rendering import render_markdown


def render(text: str, status: VerificationStatus | None = None, page: str = "log-in/example.md"):
    return render_markdown(text, status, page)


def test_reference_prints_the_contract_label():
    html = render("Select [[ui:login.submit]].")
    assert '<strong class="ui-ref__label">LOGIN</strong>' in html
    assert "[[ui:" not in html


def test_reference_label_is_not_a_link_to_the_contributor_table():
    html = render("Select [[ui:login.submit]].")
    assert "<a " not in html
    assert '<strong class="ui-ref__label">LOGIN</strong>' in html


def test_unverified_element_has_no_mark_and_says_so_to_screen_readers():
    html = render("[[ui:login.submit]]")
    assert "ui-ref__mark" not in html
    assert "(from public sources, not yet checked live)" in html


def test_low_confidence_label_gets_no_question_mark_but_says_so_to_screen_readers():
    html = render("[[ui:login.forgot_password]]")
    assert "ui-ref--unconfirmed" in html
    assert "ui-ref__mark" not in html
    assert "(our best guess at the portal's words)" in html


def test_element_seen_live_gets_the_tick_mark_and_the_date():
    status = VerificationStatus(state="ok", last_verified={"login.submit": "2026-11-20"})
    html = render("[[ui:login.submit]]", status)
    assert "ui-ref--verified" in html
    mark = '<span aria-hidden="true" class="ui-ref__mark" data-search-exclude="true">✓</span>'
    assert mark in html
    assert "(seen on the live portal on 20 Nov 2026)" in html


def test_reference_uses_no_superscript():
    assert "<sup" not in render("[[ui:login.forgot_password]] and [[ui:login.submit]]")


def test_label_form_prints_the_bare_label():
    html = render("## [[ui:login.invalid_credentials|label]]")
    assert "Invalid Credentials" in html
    assert "<sup" not in html


def test_unknown_id_warns_with_page_and_line(caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.WARNING, logger="mkdocs.icegate"):
        html = render("One.\n\nTwo [[ui:login.nope]].")
    assert "docs/log-in/example.md:3: unknown portal element 'login.nope'" in caplog.text
    assert "ui-ref--unknown" in html


def test_reference_marker_lists_every_element_with_its_anchor():
    html = render("[[ui-reference]]", page="reference/portal-elements.md")
    for element in project_contract():
        assert f'id="{element.anchor}"' in html
