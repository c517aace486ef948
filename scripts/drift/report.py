"""Write a drift report: ``report.json`` for machines, ``summary.md`` for people.

Standard library only: the nightly publish job imports this without installing anything.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from scripts.common.files import atomic_write
from scripts.drift.model import DRIFT_TEXTS

#: Every ASCII punctuation character may be backslash-escaped in CommonMark.
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str | None) -> str:
    """Portal text made inert in Markdown: one line, every punctuation mark escaped.

    Text the portal shows goes into reports, job summaries and issue bodies; escaped, it can
    neither break a table (``|``), start a heading or list, add a link or image, nor inject
    HTML.
    """
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join((text or "").split()))


def code_span(text: str | None) -> str:
    """Portal text as a Markdown code span (shown verbatim; GitHub links no @mention in it)."""
    flat = " ".join((text or "").split())
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
    drifted = [e for e in report["elements"] if e["verdict"] in DRIFT_TEXTS]
    lines += ["", "## Drift", ""]
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


def write_report(directory: Path, report: dict[str, Any]) -> None:
    """Write ``report.json`` and ``summary.md`` into ``directory``."""
    atomic_write(directory / "report.json", json.dumps(report, indent=2) + "\n")
    atomic_write(directory / "summary.md", summary_markdown(report))
