"""The "Is ICEGATE down?" page drawn from the probe log: state, timeline, outages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scripts.site.reachability_page import (
    ReachabilityView,
    render_now,
    render_outages,
    render_timeline,
)
from scripts.verification.reachability import Probe, read_lines, summarise
from tests.sitebuild import ENGLISH_ONLY, build_copy

START = datetime(2026, 12, 4, 9, 0, 4, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)
#: The build's clock: ten minutes after the last of the day's 48 probes.
NOW = START + 47 * HALF_HOUR + timedelta(minutes=10)


def day_of_probes() -> list[str]:
    """48 half-hourly probes; the login page did not open for three of them (one outage)."""
    lines = []
    for index in range(48):
        down = 18 <= index < 21
        login = ({"verdict": "unreachable", "ready": None, "status": None} if down
                 else {"verdict": "ok", "ready": 3.1, "status": 200})
        lines.append(json.dumps({"at": (START + index * HALF_HOUR).isoformat(),
                                 "pages": {"home": {"verdict": "ok", "ready": 1.4,
                                                    "status": 200}, "login": login}}))
    return lines


def view(probes: list[Probe], now: datetime = NOW, language: str = "en") -> ReachabilityView:
    return ReachabilityView(probes, summarise(probes, now, HALF_HOUR), now, HALF_HOUR, language)


def rendered(render, probes: list[Probe], **options) -> str:
    root = etree.Element("div")
    render(root, view(probes, **options))
    return etree.tostring(root, encoding="unicode")


@pytest.fixture
def probes() -> list[Probe]:
    found, skipped = read_lines(day_of_probes(), "sample")
    assert not skipped
    return found


def test_the_state_says_what_the_last_probe_saw_and_when_in_india_time(probes):
    html = rendered(render_now, probes)
    assert "The ICEGATE login page opened normally at our last check, " \
           "14:00 IST, 5 Dec 2026" in html
    assert "like this since 01:00 IST, 5 Dec 2026" in html
    assert "We check every 30 minutes" in html


def test_the_state_never_claims_a_login_works(probes):
    assert "A login page that opens is not a login that works" in rendered(render_now, probes)


def test_a_probe_log_silent_for_three_intervals_says_it_cannot_tell(probes):
    html = rendered(render_now, probes, now=NOW + timedelta(hours=2))
    assert "has not run since 14:00 IST, 5 Dec 2026" in html
    assert "opened normally" not in html


def test_no_probe_yet_says_so():
    assert "Our check has not run yet" in rendered(render_now, [])


def test_the_day_timeline_has_a_bar_per_half_hour_and_marks_the_outage(probes):
    html = rendered(render_timeline, probes)
    day_svg = html.split("</svg>")[0]
    assert day_svg.count("<rect") == 48
    assert day_svg.count('data-state="down"') == 3


def test_the_timeline_has_a_text_alternative(probes):
    html = rendered(render_timeline, probes)
    assert 'role="img"' in html
    assert "Last 24 hours: 45 of 48 checks found the login page opening normally; 3 found " \
           "it down or under maintenance" in html


def test_the_outage_is_listed_with_start_end_and_length(probes):
    html = rendered(render_outages, probes)
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert cells == ["23:30 IST, 4 Dec 2026", "01:00 IST, 5 Dec 2026", "1 h 30 min"]


def test_an_ongoing_outage_says_it_is_not_over(probes):
    html = rendered(render_outages, probes[:20], now=START + 20 * HALF_HOUR)
    assert "not yet over" in html


def test_the_hindi_page_answers_in_hindi(probes):
    html = rendered(render_now, probes, language="hi")
    assert "ICEGATE का लॉगिन पेज ठीक से खुला" in html and "5 दिसंबर 2026" in html
    assert "opened" not in html


def test_a_build_with_a_probe_log_shows_the_state_and_the_timeline(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def add_log(copy: Path) -> None:
        folder = copy / "portal" / "verification" / "probes"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "2026-12.jsonl").write_text("\n".join(day_of_probes()) + "\n{broken\n")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    result, _ = build_copy(tmp_path, add_log, ENGLISH_ONLY)
    assert result.returncode == 0, result.output
    html = (result.site_dir / "troubleshoot" / "is-icegate-down" / "index.html").read_text()
    assert "opened normally at our last check, 14:00 IST, 5 Dec 2026" in html
    assert html.count('class="reachability-timeline__bars"') == 2
    assert "sample" not in html and "line 49" in result.output


@pytest.mark.parametrize(("minutes", "text"), [(45, "45 min"), (60, "1 h"), (90, "1 h 30 min")])
def test_lengths_read_as_people_say_them(minutes: int, text: str):
    from scripts.site.reachability_page import WORDS, duration

    assert duration(timedelta(minutes=minutes), WORDS["en"]) == text
