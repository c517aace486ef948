"""The classification rules: status, readiness, title and headings, text → page verdict."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scripts.drift.classify import (
    Observation,
    Signals,
    classify,
    normalise,
    retry_after_seconds,
)
from scripts.verification.verdicts import PageVerdict

SIGNALS = Signals(
    blocked=("Request Rejected", "Access Denied"),
    maintenance=("under maintenance", "scheduled maintenance"),
)


def verdict(**seen) -> PageVerdict:
    return classify(Observation(**{"ready_budget": 20, **seen}), SIGNALS)[0]


def test_ready_page_with_a_clean_headline_is_ok():
    assert verdict(status=200, ready=True, headline="ICEGATE\nLogin") is PageVerdict.OK


def test_maintenance_banner_in_the_text_of_a_ready_page_is_ignored():
    text = "ICEGATE will be unavailable during scheduled maintenance on Sunday."
    assert verdict(status=200, ready=True, headline="Login", text=text) is PageVerdict.OK


def test_maintenance_in_a_heading_is_maintenance_even_when_the_page_loaded():
    seen = verdict(status=200, ready=False, headline="ICEGATE is under maintenance")
    assert seen is PageVerdict.MAINTENANCE


def test_maintenance_text_of_a_page_that_never_became_ready_is_maintenance():
    text = "Sorry, the portal is under maintenance."
    assert verdict(status=200, ready=False, text=text) is PageVerdict.MAINTENANCE


def test_page_that_never_became_ready_without_signals_is_unreachable_and_says_how_long():
    result, detail = classify(Observation(200, False, "", "", 20), SIGNALS)
    assert result is PageVerdict.UNREACHABLE
    assert "did not become ready within 20 s" in detail


@pytest.mark.parametrize("status", [403, 429])
def test_refusing_statuses_are_blocked(status: int):
    assert verdict(status=status, ready=False) is PageVerdict.BLOCKED


def test_firewall_page_served_with_200_is_blocked_by_its_title():
    assert verdict(status=200, ready=False, headline="Request Rejected") is PageVerdict.BLOCKED


def test_error_status_reads_the_whole_text_for_signals():
    seen = verdict(status=503, ready=False, text="The site is under maintenance")
    assert seen is PageVerdict.MAINTENANCE


def test_error_status_without_signals_is_an_http_error():
    assert verdict(status=500, ready=False, text="Internal error") is PageVerdict.HTTP_ERROR


def test_error_status_wins_over_a_ready_looking_page():
    assert verdict(status=502, ready=True, headline="Login") is PageVerdict.HTTP_ERROR


@pytest.mark.parametrize("shown", ["ICEGATE ID:", "icegate  id *", "ICEGATE ID : *"])
def test_trailing_colon_and_required_star_are_not_part_of_the_label(shown: str):
    assert normalise(shown) == normalise("ICEGATE ID")


def test_other_words_are_a_different_label():
    assert normalise("User ID") != normalise("ICEGATE ID")


# A page that answered but never became ready: changed, or unreachable ------------------------


def test_page_that_drew_other_content_but_never_became_ready_is_changed():
    result, detail = classify(Observation(200, False, "Choose", "", 20, drawn=True), SIGNALS)
    assert result is PageVerdict.CHANGED
    assert "HTTP 200" in detail


def test_page_that_drew_nothing_is_unreachable_not_changed():
    assert verdict(status=200, ready=False, drawn=False) is PageVerdict.UNREACHABLE


def test_page_whose_app_script_failed_is_unreachable_and_names_the_script():
    seen = Observation(200, False, "", "", 20, drawn=True, failed_script="app.js (HTTP 404)")
    result, detail = classify(seen, SIGNALS)
    assert result is PageVerdict.UNREACHABLE
    assert "app.js (HTTP 404) failed to load" in detail


def test_page_still_loading_when_the_wait_ended_is_unreachable_not_changed():
    assert verdict(status=200, ready=False, drawn=True, loading=True) is PageVerdict.UNREACHABLE


def test_page_without_an_http_status_is_never_changed():
    assert verdict(status=None, ready=False, drawn=True) is PageVerdict.UNREACHABLE


def test_maintenance_text_wins_over_drawn_content():
    seen = verdict(status=200, ready=False, drawn=True, text="Portal under maintenance")
    assert seen is PageVerdict.MAINTENANCE


def test_firewall_title_wins_over_drawn_content():
    assert verdict(status=200, ready=False, drawn=True, headline="Access Denied") is (
        PageVerdict.BLOCKED
    )


def test_ready_page_is_ok_even_when_a_third_party_script_failed():
    seen = Observation(200, True, "Login", "", 20, drawn=True, failed_script="x.js (HTTP 404)")
    assert classify(seen, SIGNALS)[0] is PageVerdict.OK


# Retry-After ------------------------------------------------------------------------------

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        ("Sat, 05 Dec 2026 09:00:00 GMT", 3600.0),
        ("Sat, 05 Dec 2026 07:00:00 GMT", 0.0),
    ],
)
def test_retry_after_is_read_as_seconds_or_as_a_date(header: str, seconds: float):
    assert retry_after_seconds(header, NOW) == seconds


@pytest.mark.parametrize("header", [None, "", "soon", "-5", "1.5"])
def test_retry_after_without_a_usable_value_is_none(header: str | None):
    assert retry_after_seconds(header, NOW) is None
