"""Report on the Hindi edition: stale translations and English pages with no Hindi page.

    python -m scripts.site.translation_report [--english docs] [--translated docs-hi]

A Hindi page is *stale* when its ``english_sha`` no longer matches the English page's bytes
(see ``scripts.site.stale_notice``); the site shows those pages with a notice until someone
updates the translation and its ``english_sha``. English reader pages (everything but
``about/``) with no Hindi page are listed too. This is a report: it exits 0 whatever it finds,
and 2 only when it is used wrongly (a folder that does not exist).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts.common.paths import ROOT
from scripts.site.page import front_matter
from scripts.site.stale_notice import TranslationState, translation_state

#: English folders that are not translated: pages for contributors, not readers.
UNTRANSLATED = ("about/",)


@dataclass
class Report:
    """What the comparison of the two folders found."""

    stale: list[TranslationState] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    current: int = 0
    only_translated: list[str] = field(default_factory=list)


def reader_pages(english: Path) -> list[str]:
    """The English pages readers get, relative to ``english`` (``about/`` left out)."""
    pages = sorted(p.relative_to(english).as_posix() for p in english.rglob("*.md"))
    return [p for p in pages if not p.startswith(UNTRANSLATED) and "/samples/" not in p]


def compare(english: Path, translated: Path) -> Report:
    """Compare every translated page with its English page, and find untranslated ones."""
    report = Report()
    for path in sorted(translated.rglob("*.md")):
        page = path.relative_to(translated).as_posix()
        state = translation_state(english, page, front_matter(path.read_text(encoding="utf-8")))
        if state.english is None:
            report.only_translated.append(page)
        elif state.stale:
            report.stale.append(state)
        else:
            report.current += 1
    report.untranslated = [p for p in reader_pages(english) if not (translated / p).is_file()]
    return report


def render(report: Report, english: str, translated: str) -> str:
    """The report as text."""
    lines = []
    if report.stale:
        lines.append(f"Stale: the English page changed since translation ({len(report.stale)}):")
        for state in report.stale:
            recorded = state.recorded or "(none)"
            lines.append(
                f"  {translated}/{state.page}: english_sha {recorded}, "
                f"{english}/{state.page} is now {state.current}"
            )
    if report.untranslated:
        lines.append(f"Not translated yet ({len(report.untranslated)}):")
        lines.extend(f"  {english}/{page}" for page in report.untranslated)
    if report.only_translated:
        lines.append(f"Pages of the {translated} edition only ({len(report.only_translated)}):")
        lines.extend(f"  {translated}/{page}" for page in report.only_translated)
    lines.append(
        f"{report.current} up to date, {len(report.stale)} stale, "
        f"{len(report.untranslated)} not translated."
    )
    if report.stale:
        lines.append(
            "To update one: bring the translation in line with the English page, then set "
            "english_sha to the first 12 hex digits of `sha256sum` of the English file."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """The command line; returns 0 (a report), or 2 on a usage error."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.site.translation_report", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--english", default="docs", help="the English docs folder")
    parser.add_argument("--translated", default="docs-hi", help="the translated docs folder")
    args = parser.parse_args(argv)
    folders = {}
    for name in ("english", "translated"):
        given = Path(getattr(args, name))
        folder = given if given.is_absolute() else ROOT / given
        if not folder.is_dir():
            print(f"translations: {given}: no such folder", file=sys.stderr)
            return 2
        folders[name] = folder
    report = compare(folders["english"], folders["translated"])
    print(render(report, args.english.rstrip("/"), args.translated.rstrip("/")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
