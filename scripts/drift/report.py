"""Write a drift report: ``report.json`` for machines, ``summary.md`` for people.

Standard library only: the nightly publish job imports this without installing anything.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from scripts.drift.model import DRIFT_TEXTS

#: Every ASCII punctuation character may be backslash-escaped in CommonMark.
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _file_mode(path: Path) -> int:
    """The mode a new file gets here: the existing file's, else 0666 less the umask."""
    with contextlib.suppress(FileNotFoundError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers never see a half-written file.

    The data is flushed to disk (fsync) before the rename, and the file keeps the mode an
    ordinary write would give it (mkstemp's private 0600 would hide it from a web server).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX only)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


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
