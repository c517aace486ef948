"""Write a drift report: ``report.json`` for machines, ``summary.md`` for people."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from scripts.drift.model import DRIFT_TEXTS


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def summary_markdown(report: dict[str, Any]) -> str:
    """A short Markdown summary of a report, drifted elements first."""
    urls = ", ".join(report["target"]["base_urls"].values())
    lines = [
        f"# Drift report: {report['outcome']}",
        "",
        f"- Target: {report['target']['mode']} ({urls})",
        f"- Started {report['started']}, finished {report['finished'] or 'not finished'}",
        f"- Browser: {report['runner']['browser']}",
        "",
        "## Pages",
        "",
        "| page | verdict | detail |",
        "|---|---|---|",
    ]
    for page in report["pages"]:
        lines.append(f"| {page['page']} | {page['verdict']} | {page['detail']} |")
    drifted = [e for e in report["elements"] if e["verdict"] in DRIFT_TEXTS]
    lines += ["", "## Drift", ""]
    if not drifted:
        lines.append("No element drifted.")
    for element in drifted:
        lines.append(f"- **{element['element']}**: {element['verdict']}. {element['detail']}")
        for mention in element["mentions"]:
            lines.append(f"    - mentioned at {mention}")
    lines += ["", "## All elements", "", "| element | verdict | detail |", "|---|---|---|"]
    for element in report["elements"]:
        lines.append(f"| {element['element']} | {element['verdict']} | {element['detail']} |")
    return "\n".join(lines) + "\n"


def write_report(directory: Path, report: dict[str, Any]) -> None:
    """Write ``report.json`` and ``summary.md`` into ``directory``."""
    atomic_write(directory / "report.json", json.dumps(report, indent=2) + "\n")
    atomic_write(directory / "summary.md", summary_markdown(report))
