"""Imports run downhill: no package imports one above it, and nothing outside tests/ imports tests.

The layers of ``scripts/`` (a package may import its own modules and any package of a lower
rank, never one of its own rank or above):

0. ``scripts.common``: paths, files, clock, the one git/gh runner, the one local server,
   browser discovery, the mkdocs.yml reader.
1. ``scripts.contract`` (the element contract) and ``scripts.verification`` (the read models
   of what the live portal showed: history, verdict vocabulary, reachability). Neither needs
   the other; verification stays free of the contract so that the site can read the history
   without loading it.
2. ``scripts.drift`` (the drift check) and ``scripts.site`` (the site build).
3. ``scripts.nightly`` (the history's write side, issues, photographs, label fixes) and
   ``scripts.probe`` (the reachability probe).
4. ``scripts.tools``: maintainer commands, which may use anything.

``snippets/`` are the reader's stand-alone tools: they import nothing from ``scripts`` or
``tests``. Test scaffolding lives under ``tests/`` and only tests (and the root
``conftest.py``) import it. Function-level (lazy) imports count like any other; relative
imports are resolved first.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Every package of scripts/ and its layer (see the module docstring).
RANK = {
    "common": 0,
    "contract": 1,
    "verification": 1,
    "drift": 2,
    "site": 2,
    "nightly": 3,
    "probe": 3,
    "tools": 4,
}
#: The folders of production code that are scanned.
SCANNED = ("scripts", "snippets")


def module_name(path: Path, root: Path) -> str:
    """The dotted module name of a file under ``root`` (``scripts/site/page.py`` → ...)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) for every import in the tree, lazy ones included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                name = ".".join([*base, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            if "." in name:
                yield node.lineno, name
            else:  # ``from scripts import nightly`` imports the package scripts.nightly
                for alias in node.names:
                    yield node.lineno, f"{name}.{alias.name}"


def problem(importer: str, target: str) -> str | None:
    """Why ``importer`` may not import ``target``, or None when it may."""
    top = target.split(".")[0]
    if top == "tests":
        return "only tests may import tests"
    if top != "scripts" or "." not in target:
        return None
    if importer.split(".")[0] == "snippets":
        return "the reader's snippets import nothing from scripts"
    own = importer.split(".")[1] if importer.count(".") >= 1 else None
    other = target.split(".")[1]
    if own is None or other not in RANK or own not in RANK or own == other:
        return None
    if RANK[other] >= RANK[own]:
        return f"scripts.{own} (layer {RANK[own]}) may not import layer {RANK[other]}"
    return None


def violations(root: Path) -> tuple[list[str], int]:
    """Every uphill import under ``root``'s scanned folders, and how many modules were read.

    Returns:
        Messages like ``scripts/site/x.py:12: scripts.nightly.record: <why>``, and the count.
    """
    found: list[str] = []
    count = 0
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*.py")):
            count += 1
            module = module_name(path, root)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, target in imported(tree, module, path.name == "__init__.py"):
                why = problem(module, target)
                if why:
                    found.append(f"{path.relative_to(root).as_posix()}:{line}: {target}: {why}")
    return sorted(set(found)), count


def test_no_module_of_scripts_or_snippets_imports_uphill_or_imports_tests():
    found, count = violations(ROOT)
    assert count > 50, "the scan read too few modules to mean anything"
    assert found == [], "\n".join(found)


PLANTED = {
    "a lazy import of the nightly in the site": (
        "scripts/site/planted.py",
        "def render():\n    from scripts.nightly.record import run_record\n    return run_record\n",
        "scripts/site/planted.py:2: scripts.nightly.record",
    ),
    "the drift check importing a maintainer tool": (
        "scripts/drift/planted.py",
        "import scripts.tools.browser\n",
        "scripts/drift/planted.py:1: scripts.tools.browser",
    ),
    "a sibling of the same layer": (
        "scripts/site/planted.py",
        "from scripts.drift import model\n",
        "scripts/site/planted.py:1: scripts.drift",
    ),
    "the verification read model importing the contract": (
        "scripts/verification/planted.py",
        "from scripts.contract.model import Contract\n",
        "scripts/verification/planted.py:1: scripts.contract.model",
    ),
    "a relative import uphill": (
        "scripts/common/planted.py",
        "from ..verification import history\n",
        "scripts/common/planted.py:1: scripts.verification",
    ),
    "a package imported from scripts by name": (
        "scripts/site/planted.py",
        "from scripts import nightly\n",
        "scripts/site/planted.py:1: scripts.nightly",
    ),
    "production code importing test scaffolding": (
        "scripts/tools/planted.py",
        "from tests.support.servers import connect_proxy\n",
        "scripts/tools/planted.py:1: tests.support.servers: only tests may import tests",
    ),
    "a snippet importing scripts": (
        "snippets/planted.py",
        "from scripts.common.paths import ROOT\n",
        "snippets/planted.py:1: scripts.common.paths",
    ),
}


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_a_planted_uphill_import_is_reported_with_its_file_and_line(tmp_path: Path, case: str):
    relative, source, expected = PLANTED[case]
    for folder in ("scripts/common", "scripts/site", "scripts/drift", "scripts/verification",
                   "scripts/tools", "snippets"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "__init__.py").write_text("")
    (tmp_path / "scripts" / "__init__.py").write_text("")
    (tmp_path / relative).write_text(source)
    found, _ = violations(tmp_path)
    assert any(message.startswith(expected) for message in found), found


def test_a_downhill_import_is_not_reported(tmp_path: Path):
    (tmp_path / "scripts" / "site").mkdir(parents=True)
    (tmp_path / "snippets").mkdir()
    (tmp_path / "scripts" / "site" / "fine.py").write_text(
        "from scripts.verification.history import read_status\n"
        "from scripts.common.paths import ROOT\nfrom . import page\n"
    )
    assert violations(tmp_path)[0] == []
