"""The fixed words the site build writes into pages, per edition language.

Guides are written in their own language; these are the few sentences the build adds around
them (page footer, drift warning, verification line). A new edition adds its language here.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "about_page": "About this page",
    "last_reviewed": "Last reviewed:",
    "marks_legend": (
        "Portal words in bold link to what we know about them: ✓ means seen on the live "
        "portal, ? means our best guess."
    ),
    "sources_summary": "Sources for this page",
    "seen": "seen",
    "report_question": "Something wrong on this page?",
    "report_github": "Tell us on GitHub",
    "report_or": "or",
    "report_mail": "e-mail us",
    "mail_subject": "Problem on: {title}",
    "mail_body": "Page: {url}\n\nWhat is wrong:\n",
    "drift_title": "The portal has changed since this page was checked",
    "drift_item": "{label}: {verdict} (nightly check of {date})",
    "drift_advice": "Some steps below may not match what you see. We are updating this page.",
    "check_unknown": "Portal elements on this page: verification status unknown.",
    "check_none": "Portal elements on this page: not yet verified against the live portal.",
    "check_all": "Portal elements on this page last verified: {date}.",
    "check_some": (
        "Portal elements on this page: {seen} of {total} verified on the live portal, last on "
        "{date}; the others not yet."
    ),
}

WORDS: dict[str, dict[str, str]] = {"en": ENGLISH}


def words_for(language: str) -> dict[str, str]:
    """The words of ``language``; English for any word an edition has not translated."""
    return {**ENGLISH, **WORDS.get(language, {})}
