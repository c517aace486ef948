"""The tools run from a downloaded copy with a bare Python: no packages, no project on the path."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import doctor
import idcheck
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ["idcheck.py", "doctor.py"]


def run_isolated(copy: Path, *args: str) -> subprocess.CompletedProcess:
    # -I: ignore PYTHON* variables and the user's site; -S: no site-packages at all.
    return subprocess.run(
        [sys.executable, "-I", "-S", str(copy), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("tool", TOOLS)
def test_tool_shows_help_from_a_lone_copy(tool: str, tmp_path: Path):
    copy = tmp_path / tool
    shutil.copy(ROOT / "snippets" / tool, copy)
    result = run_isolated(copy, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_idcheck_checks_a_gstin_from_a_lone_copy(tmp_path: Path):
    copy = tmp_path / "idcheck.py"
    shutil.copy(ROOT / "snippets" / "idcheck.py", copy)
    result = run_isolated(copy, "gstin", "27AAPFU0939F1ZV")
    assert result.returncode == 0, result.stderr
    assert "VALID" in result.stdout


def imported_modules(source: str) -> set[str]:
    """Every top-level module a source imports, wherever the import stands (lazy ones too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found - {"__future__"}


@pytest.mark.parametrize("tool", TOOLS)
def test_tool_imports_only_the_standard_library(tool: str):
    source = (ROOT / "snippets" / tool).read_text(encoding="utf-8")
    outside = sorted(imported_modules(source) - set(sys.stdlib_module_names))
    assert not outside, f"{tool} imports {outside}, which a stock Python does not have"


def test_an_import_inside_a_function_is_seen():
    source = "import os\n\ndef later():\n    import requests\n    from yaml import safe_load\n"
    assert imported_modules(source) == {"os", "requests", "yaml"}


@pytest.mark.parametrize("module", [idcheck, doctor])
def test_help_links_point_at_the_published_site(module):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["extra"]["public_url"] == module.GUIDE_URL
