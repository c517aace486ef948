"""Write a drift report: ``report.json`` for machines, ``summary.md`` for people.

Standard library only: the nightly publish job imports this without installing anything.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from scripts.common.files import atomic_write
from scripts.drift.text import clean_text, clean_tree
from scripts.verification.verdicts import DRIFT_TEXTS, PageVerdict

#: How what a changed page shows is listed in the summary, in this order.
SHOWN_KINDS = (("headings", "headings"), ("buttons", "buttons"), ("links", "links"),
               ("fields", "form fields"))

#: Every ASCII punctuation character may be backslash-escaped in CommonMark.
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str | None) -> str:
    """Portal text made inert in Markdown: one line, every punctuation mark escaped.

    Text the portal shows goes into reports, job summaries and issue bodies; escaped, it can
    neither break a table (``|``), start a heading or list, add a link or image, nor inject
    HTML. Control and format characters are dropped and lone surrogates replaced first.
    """
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(clean_text(text or "").split()))


def code_span(text: str | None) -> str:
    """Portal text as a Markdown code span (shown verbatim; GitHub links no @mention in it)."""
    flat = " ".join(clean_text(text or "").split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {flat} {fence}" if flat else "(empty)"


def summary_markdown(report: dict[str, Any]) -> str:
    """A short Markdown summary of a report, drifted elements first."""
    urls = ", ".join(report["target"]["base_urls"].values())
    esc = escape_markdown
    lines = [
        f"# Drift report: {report['outcome']} (exit status {report['exit_status']})",
        "",
        f"- Target: {report['target']['mode']} ({urls})",
        f"- Started {report['started']}, finished {report['finished'] or 'not finished'}",
        f"- Browser: {report['runner']['browser']}",
        "",
        "## Pages",
        "",
        "| page | verdict | final address | detail |",
        "|---|---|---|---|",
    ]
    for page in report["pages"]:
        final = page.get("final_url") or page["url"]
        lines.append(
            f"| {page['page']} | {page['verdict']} | {esc(final)} | {esc(page['detail'])} |"
        )
    changed = [p for p in report["pages"] if p["verdict"] == PageVerdict.CHANGED.value]
    drifted = [e for e in report["elements"] if e["verdict"] in DRIFT_TEXTS]
    lines += ["", "## Drift", ""]
    for page in changed:
        lines += changed_lines(page)
    if not drifted:
        lines.append("No element drifted.")
    for element in drifted:
        lines.append(f"- **{element['element']}**: {element['verdict']}. {esc(element['detail'])}")
        for mention in element["mentions"]:
            lines.append(f"    - mentioned at {mention}")
    lines += ["", "## All elements", "", "| element | verdict | detail |", "|---|---|---|"]
    for element in report["elements"]:
        lines.append(
            f"| {element['element']} | {element['verdict']} | {esc(element['detail'])} |"
        )
    return "\n".join(lines) + "\n"


def changed_lines(page: dict[str, Any]) -> list[str]:
    """Summary lines for a changed page: what the portal shows there now, escaped."""
    shown = page.get("shown") or {}
    final = page.get("final_url") or page["url"]
    lines = [
        f"- **page {page['page']}** changed: {escape_markdown(page['detail'])}",
        f"    - address: {escape_markdown(final)}",
        f"    - title: {escape_markdown(shown.get('title'))}",
    ]
    for key, name in SHOWN_KINDS:
        names = "; ".join(escape_markdown(item) for item in shown.get(key) or []) or "none"
        lines.append(f"    - {name}: {names}")
    if page.get("phone_screenshot"):
        lines.append(f"    - phone capture: screens/{page['phone_screenshot']}")
    return lines


def write_report(directory: Path, report: dict[str, Any]) -> None:
    """Write ``report.json`` and ``summary.md`` into ``directory``.

    Every text is cleaned first (``clean_tree``), so that no text, whatever the portal or a
    message put in it, can keep the report from being written.
    """
    safe = clean_tree(report)
    atomic_write(directory / "report.json", json.dumps(safe, indent=2) + "\n")
    atomic_write(directory / "summary.md", summary_markdown(safe))
