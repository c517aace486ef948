"""The portal status page and the per-page verification line, from the verification history.

``[[portal-status]]`` (a paragraph on its own) becomes: the latest live run (when, where,
outcome), the state of each page and element, and a chart of the history drawn as inline SVG
at build time (no script, nothing fetched). ``page_verification()`` gives the line and the
drift warning shown on every guide page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any

from scripts.contract.model import Contract
from scripts.site.dates import reader_date
from scripts.site.markers import MarkerBlock
from scripts.site.words import ENGLISH, heading, page_title, verdict_word
from scripts.verification.history import VerificationStatus, run_day
from scripts.verification.verdicts import ElementVerdict, Outcome

MARKER = "[[portal-status]]"
LAST_RUN_MARKER = "[[portal-last-run]]"
COLOURS = {
    ElementVerdict.PRESENT.value: "#2e7d32",
    ElementVerdict.LOCATOR_DRIFT.value: "#f9a825",
    ElementVerdict.LABEL_DRIFT.value: "#e65100",
    ElementVerdict.MISSING.value: "#c62828",
    ElementVerdict.NOT_CHECKED.value: "#9e9e9e",
}
#: The legend's words for each verdict: keys of ``scripts.site.words``.
LEGEND = {
    ElementVerdict.PRESENT.value: "legend_present",
    ElementVerdict.LOCATOR_DRIFT.value: "legend_locator_drift",
    ElementVerdict.LABEL_DRIFT.value: "legend_label_drift",
    ElementVerdict.MISSING.value: "legend_missing",
    ElementVerdict.NOT_CHECKED.value: "legend_not_checked",
}


@dataclass(frozen=True)
class PageVerification:
    """What a guide page says about the portal elements it mentions."""

    line: str | None
    drift: list[dict[str, str]] = field(default_factory=list)


def page_verification(
    element_ids: list[str],
    contract: Contract,
    status: VerificationStatus,
    words: dict[str, str] = ENGLISH,
) -> PageVerification:
    """The verification line and drift warnings for a page mentioning ``element_ids``.

    Only documentation drift (label changed, element missing) warns readers; an element found
    only by a fallback locator is as documented, so it counts as verified and stays quiet.
    """
    ids = [e for e in dict.fromkeys(element_ids) if e in contract.elements]
    if not ids:
        return PageVerification(None)
    if status.state == "unknown":
        return PageVerification(words["check_unknown"])
    drift = [
        {
            "label": contract.elements[e].label,
            "verdict": verdict_word(status.drifting[e][0], words),
            "date": status.drifting[e][1],
        }
        for e in ids
        if e in status.drifting
    ]
    dates = [status.last_verified[e] for e in ids if e in status.last_verified]
    language = words.get("language", "en")
    if not dates:
        line = words["check_none"]
    elif len(dates) == len(ids):
        line = words["check_all"].format(date=reader_date(min(dates), language))
    else:
        line = words["check_some"].format(
            seen=len(dates), total=len(ids), date=reader_date(max(dates), language)
        )
    return PageVerification(line, drift)


def last_run_sentence(status: VerificationStatus, words: dict[str, str] = ENGLISH) -> str:
    """One sentence on the latest live check, for the home page."""
    if status.state == "unknown":
        return words["last_run_unknown"]
    run = status.last_run
    if run is None:
        return words["last_run_none"]
    day = reader_date(run_day(run), words.get("language", "en"))
    return words["last_run"].format(day=day, outcome=verdict_word(run["outcome"], words))


class StatusBlock(MarkerBlock):
    """The block processor behind ``[[portal-status]]`` and ``[[portal-last-run]]``."""

    markers = (MARKER, LAST_RUN_MARKER)

    def render(self, parent: etree.Element, marker: str) -> None:
        """Write the status (or the one-line summary) in place of the marker."""
        if marker == LAST_RUN_MARKER:
            etree.SubElement(parent, "p").text = last_run_sentence(
                self.state.status, self.state.words
            )
            return
        status, words = self.state.status, self.state.words
        if status.state == "unknown":
            etree.SubElement(parent, "p").text = words["status_unknown"].format(
                problem=status.problem
            )
            return
        if status.state == "none" or status.last_run is None:
            etree.SubElement(parent, "p").text = words["status_none"]
            return
        self._latest(parent, status.last_run)
        self._elements(parent, status)
        self._chart(parent, status.runs)

    def _latest(self, parent: etree.Element, run: dict[str, Any]) -> None:
        words = self.state.words
        heading(parent, words, "status_latest")
        items = etree.SubElement(parent, "ul")
        etree.SubElement(items, "li").text = words["status_finished"].format(when=run["finished"])
        etree.SubElement(items, "li").text = words["status_where"].format(
            where=run.get("where") or words["status_not_recorded"]
        )
        etree.SubElement(items, "li").text = words["status_outcome"].format(
            outcome=verdict_word(run["outcome"], words)
        )
        # The history comes from the nightly job: link only a web address, never a script.
        if str(run.get("run_url") or "").startswith("https://"):
            item = etree.SubElement(items, "li")
            item.text = words["status_report"]
            etree.SubElement(item, "a", {"href": run["run_url"]}).text = words["status_workflow"]
        table = etree.SubElement(parent, "table")
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        etree.SubElement(head, "th").text = words["status_col_page"]
        etree.SubElement(head, "th").text = words["status_col_state"]
        body = etree.SubElement(table, "tbody")
        for page in self.state.contract.pages.values():
            row = etree.SubElement(body, "tr")
            etree.SubElement(row, "td").text = page_title(page, words)
            verdict = run["pages"].get(page.id)
            etree.SubElement(row, "td").text = (
                verdict_word(verdict, words) if verdict else words["status_not_in_run"]
            )

    def _elements(self, parent: etree.Element, status: VerificationStatus) -> None:
        words = self.state.words
        heading(parent, words, "status_elements")
        table = etree.SubElement(parent, "table")
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for key in ("status_col_element", "status_col_latest", "status_col_last_seen"):
            etree.SubElement(head, "th").text = words[key]
        body = etree.SubElement(table, "tbody")
        latest = status.last_run["elements"] if status.last_run else {}
        for element in self.state.contract:
            row = etree.SubElement(body, "tr")
            etree.SubElement(row, "td").text = f"{element.label} ({element.id})"
            verdict = latest.get(element.id)
            verdict = verdict_word(verdict, words) if verdict else words["status_not_in_latest"]
            if element.id in status.drifting:
                verdict, day = status.drifting[element.id]
                verdict = words["status_since"].format(
                    verdict=verdict_word(verdict, words), day=day
                )
            elif element.id in status.locator_drift:
                day = status.locator_drift[element.id]
                verdict = words["status_locator_since"].format(
                    verdict=verdict_word(ElementVerdict.LOCATOR_DRIFT.value, words), day=day
                )
            etree.SubElement(row, "td").text = verdict
            etree.SubElement(row, "td").text = status.last_verified.get(
                element.id, words["status_never"]
            )

    def _chart(self, parent: etree.Element, runs: list[dict[str, Any]]) -> None:
        words = self.state.words
        heading(parent, words, "status_history")
        elements = list(self.state.contract.elements)
        cell, gap, left, top = 8, 2, 150, 4
        width = left + len(runs) * (cell + gap) + 4
        height = top + len(elements) * (cell + gap) + 4
        drifted = sum(1 for run in runs if run["outcome"] == Outcome.DRIFT.value)
        unreachable = sum(1 for run in runs if run["outcome"] == Outcome.UNREACHABLE.value)
        first, last = run_day(runs[0]), run_day(runs[-1])
        summary = words["status_summary"].format(
            runs=len(runs), first=first, last=last, drifted=drifted, unreachable=unreachable
        )
        figure = etree.SubElement(parent, "figure", {"class": "portal-history"})
        svg = etree.SubElement(
            figure,
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": f"0 0 {width} {height}",
                "width": str(width * 2),
                "role": "img",
                "aria-label": summary,
            },
        )
        etree.SubElement(svg, "title").text = summary
        for row, element_id in enumerate(elements):
            label = etree.SubElement(
                svg,
                "text",
                {"x": "2", "y": str(top + row * (cell + gap) + cell - 1), "font-size": "8",
                 "fill": "currentColor"},
            )
            label.text = element_id
        for column, run in enumerate(runs):
            for row, element_id in enumerate(elements):
                verdict = run["elements"].get(element_id, ElementVerdict.NOT_CHECKED.value)
                etree.SubElement(
                    svg,
                    "rect",
                    {
                        "x": str(left + column * (cell + gap)),
                        "y": str(top + row * (cell + gap)),
                        "width": str(cell),
                        "height": str(cell),
                        "fill": COLOURS.get(verdict, COLOURS[ElementVerdict.NOT_CHECKED.value]),
                    },
                )
        caption = etree.SubElement(figure, "figcaption")
        caption.text = f"{summary} {words['status_chart_note']}"
        legend = etree.SubElement(parent, "ul", {"class": "portal-history__legend"})
        for verdict, key in LEGEND.items():
            item = etree.SubElement(legend, "li")
            etree.SubElement(
                item, "span", {"class": "swatch", "style": f"background:{COLOURS[verdict]}"}
            )
            item[-1].tail = f" {words[key]}"
