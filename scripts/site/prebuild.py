"""The pre-build step: files the site needs that are made from other files.

Every build runs it first (``make serve``, ``make build``, ``make test``, ``make canary``, the
Pages workflow), whatever generator builds the site afterwards:

    python -m scripts.site.prebuild [--docs-dir docs]

It writes, into the docs folder (all of them git-ignored, never edited by hand):

- ``tools/<name>.py``: the downloadable tools, copied byte for byte from ``snippets/``;
- ``assets/javascripts/idcheck-rules.js``: the in-page ID check's tables, generated from
  ``snippets/idcheck.py`` (see ``scripts.site.idcheck_rules``).

A file is rewritten only when its content changes, so a preview server does not rebuild for
nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from scripts.common.paths import ROOT, SNIPPETS

#: What the step writes: path inside the docs folder → how to make its content.
Maker = Callable[[], bytes]


def _tool(path: Path) -> Maker:
    return path.read_bytes


def _idcheck_rules() -> bytes:
    from scripts.site import idcheck_rules

    return idcheck_rules.render().encode("utf-8")


def generated_files() -> dict[str, Maker]:
    """Every generated file, by its path relative to a docs folder."""
    files: dict[str, Maker] = {
        f"tools/{tool.name}": _tool(tool) for tool in sorted(SNIPPETS.glob("*.py"))
    }
    files["assets/javascripts/idcheck-rules.js"] = _idcheck_rules
    return files


def write_generated(docs_dir: Path) -> list[Path]:
    """Write every generated file under ``docs_dir``; return the files whose content changed."""
    changed = []
    for relative, make in generated_files().items():
        target = docs_dir / relative
        content = make()
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        changed.append(target)
    return changed


def main(argv: list[str] | None = None) -> int:
    """Run the step for each docs folder named (default ``docs``)."""
    parser = argparse.ArgumentParser(prog="python -m scripts.site.prebuild", description=__doc__)
    parser.add_argument(
        "--docs-dir", action="append", type=Path, help="a docs folder (repeatable)"
    )
    args = parser.parse_args(argv)
    for docs_dir in args.docs_dir or [ROOT / "docs"]:
        folder = docs_dir if docs_dir.is_absolute() else ROOT / docs_dir
        if not folder.is_dir():
            print(f"prebuild: {docs_dir}: no such docs folder", file=sys.stderr)
            return 2
        changed = write_generated(folder)
        print(f"prebuild: {folder.relative_to(ROOT)}: {len(changed)} file(s) written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
