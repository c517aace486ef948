"""Time stamps and days, in UTC for records and in India's time zone for what readers see."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

#: India Standard Time (UTC+05:30, no daylight saving): review dates and run days are days here.
INDIA = timezone(timedelta(hours=5, minutes=30), "IST")


def utc_now() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def india_today() -> date:
    """Today's date in India."""
    return datetime.now(INDIA).date()


def india_day(timestamp: str) -> str:
    """The day in India (YYYY-MM-DD) of an ISO 8601 time stamp; a naive one is taken as UTC."""
    moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(INDIA).date().isoformat()
