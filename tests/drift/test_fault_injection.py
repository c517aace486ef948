"""Fault injection cannot silently miss: every replica mutation asserts that it applied."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.drift.imitation import (
    Fault,
    MutationMissed,
    imitation_portal,
    mutated_replica,
    replica_files,
)

TESTS = Path(__file__).resolve().parents[1]
#: The one module allowed to replace text in the replica's files.
HELPER = TESTS / "drift" / "imitation.py"


def test_mutation_of_a_pattern_the_replica_lacks_fails_naming_the_pattern():
    with pytest.raises(MutationMissed, match="'>NO SUCH BUTTON</button>'"):
        mutated_replica([(">LOGIN</button>", ">SIGN IN</button>"),
                         (">NO SUCH BUTTON</button>", ">x</button>")])


def test_imitation_portal_refuses_to_start_with_a_mutation_that_does_not_apply():
    with pytest.raises(MutationMissed, match="var LOAD_MS = 300"), imitation_portal(
        Fault(replace=[("var LOAD_MS = 300;", "var LOAD_MS = 1;")] * 2)
    ):
        pass  # the first replacement removed the pattern the second one needs


def test_mutation_that_applies_changes_only_the_files_holding_the_pattern():
    files = mutated_replica([(">LOGIN</button>", ">SIGN IN</button>")])
    original = replica_files()
    changed = {name for name in files if files[name] != original[name]}
    assert changed == {"foservices/app.js"}
    assert ">SIGN IN</button>" in files["foservices/app.js"]


def replace_patterns(tree: ast.AST, constants: dict[str, str]) -> list[tuple[int, str]]:
    """(line, pattern) of every ``x.replace(pattern, ...)`` whose pattern is a known string."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "replace" and len(node.args) >= 2):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((node.lineno, first.value))
        elif isinstance(first, ast.Name) and first.id in constants:
            found.append((node.lineno, constants[first.id]))
    return found


def module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` constants."""
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    constants[target.id] = node.value.value
    return constants


def test_no_test_replaces_replica_markup_except_through_the_asserting_helper():
    replica = "\n".join(replica_files().values())
    stray = []
    for path in sorted(TESTS.rglob("*.py")):
        if path == HELPER:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, pattern in replace_patterns(tree, module_strings(tree)):
            if len(pattern) >= 3 and pattern in replica:
                stray.append(f"{path.relative_to(TESTS.parent)}:{line}: {pattern!r}")
    assert not stray, "replica text replaced without the asserting helper: " + "; ".join(stray)


def test_the_scan_finds_a_plain_replace_of_replica_markup():
    tree = ast.parse('text = page.replace(">LOGIN</button>", ">SIGN IN</button>")\n')
    assert replace_patterns(tree, {}) == [(1, ">LOGIN</button>")]
    assert ">LOGIN</button>" in "\n".join(replica_files().values())


def test_every_test_named_in_the_fault_matrix_exists():
    page = (TESTS.parent / "maintaining" / "drift-check.md").read_text(encoding="utf-8")
    matrix = page.split("## Fault matrix", 1)[1].split("\n## ", 1)[0]
    named = re.findall(r"`(tests/drift/[\w.]+)::(\w+)`", matrix)
    assert len(named) >= 30
    missing = []
    for file, test in named:
        tree = ast.parse((TESTS.parent / file).read_text(encoding="utf-8"))
        functions = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        if test not in functions:
            missing.append(f"{file}::{test}")
    assert not missing
