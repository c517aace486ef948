"""The "Is ICEGATE down?" page's generated parts, from the reachability probe's records.

``[[reachability-now]]`` becomes the state at the last probe, with when it was checked (India
time) and how often the probe runs; ``[[reachability-timeline]]`` the last 24 hours and the
last 7 days as inline SVG bars (no script, no chart library) with a text alternative;
``[[reachability-outages]]`` the recent outages with start, end and length. Every sentence
says only what the probe saw: it opens public pages and never logs in.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from markdown.util import AtomicString

from scripts.common.clock import INDIA
from scripts.site.markers import MarkerBlock
from scripts.verification.reachability import (
    Outage,
    Probe,
    Slot,
    State,
    Summary,
    summarise,
    timeline,
)

NOW_MARKER = "[[reachability-now]]"
TIMELINE_MARKER = "[[reachability-timeline]]"
OUTAGES_MARKER = "[[reachability-outages]]"
MARKERS = (NOW_MARKER, TIMELINE_MARKER, OUTAGES_MARKER)

#: Bar colour and height (share of the bar's box) per state; no probe: a grey stub.
BARS = {
    State.UP: ("#2e7d32", 1.0),
    State.DEGRADED: ("#b26a00", 0.66),
    State.MAINTENANCE: ("#6a1b9a", 0.4),
    State.DOWN: ("#c62828", 0.4),
    State.UNKNOWN: ("#757575", 0.2),
}
NO_DATA = ("#9e9e9e", 0.08)
#: The two timelines: heading key, span, number of bars.
TIMELINES = (("reach_day", timedelta(hours=24), 48), ("reach_week", timedelta(days=7), 84))
MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "hi": ("जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
           "अक्टूबर", "नवंबर", "दिसंबर"),
}

WORDS = {
    "en": {
        "state_up": "The ICEGATE login page opened normally",
        "state_degraded": "ICEGATE answered, but not normally",
        "state_down": "The ICEGATE login page did not open",
        "state_maintenance": "ICEGATE showed a maintenance notice",
        "state_unknown": "We cannot say whether ICEGATE is up",
        "now": "{state} at our last check, {time}{since}.",
        "since": " (like this since {time})",
        "stale": "Our check has not run since {time}, so this page cannot say whether ICEGATE "
                 "is up now.",
        "never": "Our check has not run yet, so this page cannot say whether ICEGATE is up.",
        "cadence": "We check every {minutes} minutes. A login page that opens is not a login "
                   "that works: the check never logs in.",
        "reach_day": "Last 24 hours",
        "reach_week": "Last 7 days",
        "timeline_alt": "{span}: {up} of {checked} checks found the login page opening "
                        "normally; {down} found it down or under maintenance; {other} "
                        "found it slow, different or could not tell.{gap}",
        "timeline_gap": " {empty} of {bars} periods had no check.",
        "reach_day_ago": "24 hours ago",
        "reach_week_ago": "7 days ago",
        "now_edge": "now",
        "legend_up": "opened normally",
        "legend_degraded": "slow, partly working or different",
        "legend_down": "did not open",
        "legend_maintenance": "maintenance notice",
        "legend_unknown": "our check could not tell",
        "legend_none": "no check",
        "outages_none": "No outage in the last 7 days of checks.",
        "outage_began": "Began",
        "outage_ended": "Ended",
        "outage_length": "Length",
        "outage_ongoing": "not yet over",
        "outage_caption": "Times when the login page did not open (India time), newest first.",
        "hours_minutes": "{hours} h {minutes} min",
        "hours": "{hours} h",
        "minutes": "{minutes} min",
    },
    "hi": {
        "state_up": "ICEGATE का लॉगिन पेज ठीक से खुला",
        "state_degraded": "ICEGATE ने जवाब दिया, पर ठीक से नहीं",
        "state_down": "ICEGATE का लॉगिन पेज नहीं खुला",
        "state_maintenance": "ICEGATE पर मेंटेनेंस की सूचना दिखी",
        "state_unknown": "यह पता नहीं चल सका कि ICEGATE चल रहा है या नहीं",
        "now": "हमारी पिछली जाँच ({time}) में {state}{since}।",
        "since": " ({time} से ऐसा ही है)",
        "stale": "हमारी जाँच {time} के बाद से नहीं चली, इसलिए यह पेज नहीं बता सकता कि ICEGATE "
                 "अभी चल रहा है या नहीं।",
        "never": "हमारी जाँच अभी तक नहीं चली, इसलिए यह पेज नहीं बता सकता कि ICEGATE चल रहा है "
                 "या नहीं।",
        "cadence": "हम हर {minutes} मिनट में जाँच करते हैं। लॉगिन पेज खुल जाने का मतलब यह नहीं कि "
                   "लॉग इन भी हो जाएगा: हमारी जाँच कभी लॉग इन नहीं करती।",
        "reach_day": "पिछले 24 घंटे",
        "reach_week": "पिछले 7 दिन",
        "timeline_alt": "{span}: {checked} जाँचों में से {up} में लॉगिन पेज ठीक से खुला; {down} में "
                        "वह नहीं खुला या मेंटेनेंस की सूचना दिखी; {other} में वह धीमा था या "
                        "अलग दिखा, या जाँच से पता नहीं चला।{gap}",
        "timeline_gap": " {bars} हिस्सों में से {empty} में कोई जाँच नहीं हुई।",
        "reach_day_ago": "24 घंटे पहले",
        "reach_week_ago": "7 दिन पहले",
        "now_edge": "अभी",
        "legend_up": "ठीक से खुला",
        "legend_degraded": "धीमा, अधूरा चला या अलग दिखा",
        "legend_down": "नहीं खुला",
        "legend_maintenance": "मेंटेनेंस की सूचना",
        "legend_unknown": "जाँच से पता नहीं चला",
        "legend_none": "जाँच नहीं हुई",
        "outages_none": "पिछले 7 दिनों की जाँचों में कोई रुकावट नहीं मिली।",
        "outage_began": "शुरू हुई",
        "outage_ended": "खत्म हुई",
        "outage_length": "कितनी देर",
        "outage_ongoing": "अभी खत्म नहीं हुई",
        "outage_caption": "लॉगिन पेज कब-कब नहीं खुला (भारतीय समय)। सबसे नई रुकावट सबसे ऊपर है।",
        "hours_minutes": "{hours} घंटे {minutes} मिनट",
        "hours": "{hours} घंटे",
        "minutes": "{minutes} मिनट",
    },
}


@dataclass(frozen=True)
class ReachabilityView:
    """What the generated parts are drawn from."""

    probes: list[Probe]
    summary: Summary
    now: datetime
    interval: timedelta
    language: str = "en"

    @property
    def words(self) -> dict[str, str]:
        """The fixed sentences in the page's language."""
        return WORDS.get(self.language, WORDS["en"])


def text(element: etree.Element, value: str) -> etree.Element:
    """Set ``value`` as the element's text, never read again as Markdown or HTML."""
    element.text = AtomicString(value)
    return element


def india_time(moment: datetime, language: str = "en") -> str:
    """A reader's time: ``14:30 IST, 5 Dec 2026`` (Hindi month names in Hindi)."""
    local = moment.astimezone(INDIA)
    month = MONTHS.get(language, MONTHS["en"])[local.month - 1]
    return f"{local:%H:%M} IST, {local.day} {month} {local.year}"


def duration(length: timedelta, words: dict[str, str]) -> str:
    """``1 h 30 min`` or ``45 min``, rounded to the minute."""
    minutes = round(length.total_seconds() / 60)
    if minutes < 60:
        return words["minutes"].format(minutes=minutes)
    if minutes % 60 == 0:
        return words["hours"].format(hours=minutes // 60)
    return words["hours_minutes"].format(hours=minutes // 60, minutes=minutes % 60)


def render_now(parent: etree.Element, view: ReachabilityView) -> None:
    """The state at the last probe, when, and how often the probe runs."""
    words, summary, language = view.words, view.summary, view.language
    state = summary.state.value
    box = etree.SubElement(parent, "div", {"class": f"reachability reachability--{state}",
                                           "data-state": state})
    if summary.checked is None:
        sentence = words["never"]
    elif summary.stale:
        sentence = words["stale"].format(time=india_time(summary.checked, language))
    else:
        since = ""
        if summary.since and summary.since != summary.checked:
            since = words["since"].format(time=india_time(summary.since, language))
        sentence = words["now"].format(
            state=words[f"state_{summary.state.value}"],
            time=india_time(summary.checked, language), since=since)
    text(etree.SubElement(box, "p", {"class": "reachability__now"}), sentence)
    minutes = round(view.interval.total_seconds() / 60)
    text(etree.SubElement(box, "p", {"class": "reachability__cadence"}),
         words["cadence"].format(minutes=minutes))


def timeline_summary(bars: list[Slot], span_words: str, words: dict[str, str],
                     probes: list[Probe]) -> str:
    """The text alternative of one timeline: counts of checks by what they found."""
    start, end = bars[0].start, bars[-1].end
    states = [probe.state for probe in probes if start <= probe.at < end]
    up = states.count(State.UP)
    down = sum(1 for state in states if state in (State.DOWN, State.MAINTENANCE))
    empty = sum(1 for bar in bars if bar.state is None)
    gap = words["timeline_gap"].format(empty=empty, bars=len(bars)) if empty else ""
    return words["timeline_alt"].format(span=span_words, checked=len(states), up=up, down=down,
                                        other=len(states) - up - down, gap=gap)


def render_timeline(parent: etree.Element, view: ReachabilityView) -> None:
    """Both timelines, each an SVG of bars with its text alternative, and one legend."""
    words = view.words
    for key, span, count in TIMELINES:
        bars = timeline(view.probes, view.now, span, count)
        summary = timeline_summary(bars, words[key], words, view.probes)
        figure = etree.SubElement(parent, "figure", {"class": "reachability-timeline"})
        text(etree.SubElement(figure, "figcaption"), words[key])
        figure.append(bars_svg(bars, summary))
        edges = etree.SubElement(figure, "p", {"class": "reachability-timeline__edges",
                                               "aria-hidden": "true"})
        text(etree.SubElement(edges, "span"), words[f"{key}_ago"])
        text(etree.SubElement(edges, "span"), words["now_edge"])
        text(etree.SubElement(figure, "p", {"class": "reachability-timeline__summary"}),
             summary)
    legend = etree.SubElement(parent, "ul", {"class": "reachability-legend"})
    for state in (State.UP, State.DEGRADED, State.DOWN, State.MAINTENANCE, State.UNKNOWN, None):
        item = etree.SubElement(legend, "li")
        name = state.value if state else "none"
        etree.SubElement(item, "span", {"class": f"swatch swatch--{name}"})
        item[-1].tail = AtomicString(" " + words[f"legend_{state.value if state else 'none'}"])


def bars_svg(bars: list[Slot], summary: str) -> etree.Element:
    """An SVG row of bars, one per slot: colour and height by state (text via ``summary``)."""
    bar, gap, height = 8, 2, 40
    width = len(bars) * (bar + gap) - gap
    svg = etree.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {width} {height}",
        "preserveAspectRatio": "none", "role": "img", "aria-label": summary,
        "class": "reachability-timeline__bars", "focusable": "false",
    })
    text(etree.SubElement(svg, "title"), summary)
    for index, slot in enumerate(bars):
        colour, share = BARS[slot.state] if slot.state else NO_DATA
        tall = max(2, round(height * share))
        etree.SubElement(svg, "rect", {
            "x": str(index * (bar + gap)), "y": str(height - tall), "width": str(bar),
            "height": str(tall), "fill": colour, "data-state": slot.state.value
            if slot.state else "none",
        })
    return svg


def render_outages(parent: etree.Element, view: ReachabilityView) -> None:
    """The outages of the last 7 days as a table, newest first."""
    words, language = view.words, view.language
    recent = sorted(view.summary.recent_outages, key=lambda outage: outage.began, reverse=True)
    if not recent:
        text(etree.SubElement(parent, "p"), words["outages_none"])
        return
    table = etree.SubElement(parent, "table", {"class": "reachability-outages"})
    text(etree.SubElement(table, "caption"), words["outage_caption"])
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for key in ("outage_began", "outage_ended", "outage_length"):
        text(etree.SubElement(head, "th", {"scope": "col"}), words[key])
    body = etree.SubElement(table, "tbody")
    for outage in recent:
        row = etree.SubElement(body, "tr")
        for value in _outage_cells(outage, view.now, words, language):
            text(etree.SubElement(row, "td"), value)


def _outage_cells(outage: Outage, now: datetime, words: dict[str, str],
                  language: str) -> tuple[str, str, str]:
    ended = india_time(outage.ended, language) if outage.ended else words["outage_ongoing"]
    return india_time(outage.began, language), ended, duration(outage.length(now), words)


class ReachabilityBlock(MarkerBlock):
    """The block processor behind the three ``[[reachability-…]]`` markers."""

    markers = MARKERS

    def render(self, parent: etree.Element, marker: str) -> None:
        """Write the part the marker names, as of the build's time."""
        data = self.state.data
        now = build_time()
        view = ReachabilityView(
            probes=data.probes,
            summary=summarise(data.probes, now, data.probe_interval),
            now=now,
            interval=data.probe_interval,
            language=self.state.settings["language"],
        )
        RENDERERS[marker](parent, view)


RENDERERS = {NOW_MARKER: render_now, TIMELINE_MARKER: render_timeline,
             OUTAGES_MARKER: render_outages}


def build_time() -> datetime:
    """Now, or the time in ``SOURCE_DATE_EPOCH`` (reproducible builds, and the tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)
