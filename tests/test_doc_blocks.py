"""Doc-block rules that Sybil itself does not enforce."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
SKIP = re.compile(r"<!--\s*skip:\s*(?P<rest>[^>]*?)-->")


def skips_without_reason() -> list[str]:
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in SKIP.finditer(line):
                if "reason=" not in match["rest"]:
                    found.append(f"{page.relative_to(DOCS)}:{number}: {match.group(0)}")
    return found


def test_every_skipped_code_block_gives_a_reason():
    assert skips_without_reason() == [], (
        'write skips as <!-- skip: next if(True, reason="why this block cannot run") -->'
    )
