"""The README stays a newcomer's page, and every link in it and in maintaining/ leads somewhere.

The README keeps what a newcomer needs and links the maintainers' pages in ``maintaining/``;
a link there that names a file or a heading that no longer exists is a dead end on GitHub, so
each relative link is resolved, and each ``#fragment`` against the target's headings with
GitHub's slug rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.common.paths import ROOT

README = ROOT / "README.md"
MAINTAINING = ROOT / "maintaining"
PAGES = [README, *sorted(MAINTAINING.glob("*.md"))]
MAX_LINES = 250
#: A Markdown inline link or image: [text](target "title"), the target without spaces.
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
EXTERNAL = ("http://", "https://", "mailto:")


def prose_lines(text: str) -> list[str]:
    """The lines of a Markdown text outside fenced code blocks."""
    lines, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append(line)
    return lines


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link keeps its text
    text = re.sub(r"[^\w\- ]", "", text.lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every heading anchor of a Markdown page; repeated headings get -1, -2, ... as on GitHub."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for line in prose_lines(page.read_text(encoding="utf-8")):
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match[1])
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(page: Path) -> list[str]:
    """The targets of every relative link of a page, outside code blocks and code spans."""
    targets = []
    for line in prose_lines(page.read_text(encoding="utf-8")):
        for target in LINK.findall(CODE_SPAN.sub("", line)):
            if not target.startswith(EXTERNAL):
                targets.append(target)
    return targets


def broken(page: Path, target: str) -> str | None:
    """Why a relative link of ``page`` leads nowhere, or None when it resolves."""
    path, _, fragment = target.partition("#")
    destination = (page.parent / path).resolve() if path else page
    if not destination.exists():
        return f"{target}: no such file"
    if fragment and destination.suffix == ".md" and fragment not in anchors(destination):
        return f"{target}: no heading with the anchor #{fragment}"
    return None


def test_the_readme_has_at_most_250_lines():
    count = len(README.read_text(encoding="utf-8").splitlines())
    assert count <= MAX_LINES, f"README.md has {count} lines; move detail to maintaining/"


def test_the_readme_starts_with_the_two_commands():
    lines = README.read_text(encoding="utf-8").splitlines()
    opening = next(i for i, line in enumerate(lines) if line.startswith("```"))
    block = lines[opening + 1:lines.index("```", opening + 1)]
    assert opening < 6, "the first code block should come right after the title"
    assert [line.split()[:2] for line in block] == [["make", "serve"], ["make", "test"]]


def test_the_readme_links_every_maintaining_page():
    linked = {(README.parent / target.partition("#")[0]).resolve() for target in links(README)}
    unlinked = [page.name for page in MAINTAINING.glob("*.md") if page.resolve() not in linked]
    assert not unlinked, f"maintaining pages the README does not link: {unlinked}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path):
    problems = [problem for target in links(page) if (problem := broken(page, target))]
    assert not problems, f"{page.relative_to(ROOT)}: " + "; ".join(problems)


def test_a_link_to_a_missing_heading_is_reported(tmp_path: Path):
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n## The `status.json` file\n\n```\n## not a heading\n```\n",
                    encoding="utf-8")
    assert broken(page, "#the-statusjson-file") is None
    assert broken(page, "#not-a-heading") == (
        "#not-a-heading: no heading with the anchor #not-a-heading")
    assert broken(page, "other.md") == "other.md: no such file"


def test_slugs_follow_githubs_rules():
    assert slug("How `make test` runs in parallel") == "how-make-test-runs-in-parallel"
    assert slug("Follow the portal's changes: feed.xml and status.json") == (
        "follow-the-portals-changes-feedxml-and-statusjson")
    assert slug("The Hindi edition") == "the-hindi-edition"
