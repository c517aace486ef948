"""Dates as readers say them: "26 Nov 2026" in English, "26 नवंबर 2026" in Hindi.

The build keeps ISO dates (``2026-11-26``) in data and in ``<time datetime>`` attributes; the
words a reader sees use the month's name, which nobody misreads as another day.
"""

from __future__ import annotations

import re

MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "hi": (
        "जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर",
        "नवंबर", "दिसंबर",
    ),
}
ISO = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def reader_date(value: object, language: str = "en") -> str:
    """``value`` (YYYY, YYYY-MM or YYYY-MM-DD) in the edition's words; anything else unchanged.

    Args:
        value: A date, or a string holding one.
        language: ``en`` or ``hi`` (another language gets English month names).

    Returns:
        For example ``26 Nov 2026``, ``Nov 2026`` or ``2026``; Hindi ``26 नवंबर 2026``.
    """
    text = str(value)
    found = ISO.match(text)
    if not found or not found["month"] or not 1 <= int(found["month"]) <= 12:
        return text
    month = MONTHS.get(language, MONTHS["en"])[int(found["month"]) - 1]
    if not found["day"]:
        return f"{month} {found['year']}"
    return f"{int(found['day'])} {month} {found['year']}"
