"""The tools run from a downloaded copy with a bare Python: no packages, no project on the path."""

from __future__ import annotations

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


def test_tools_import_only_the_standard_library():
    for tool in TOOLS:
        source = (ROOT / "snippets" / tool).read_text(encoding="utf-8")
        for line in source.splitlines():
            if line.startswith(("import ", "from ")) and "__future__" not in line:
                module = line.split()[1].split(".")[0]
                assert module in sys.stdlib_module_names, f"{tool}: {line}"


@pytest.mark.parametrize("module", [idcheck, doctor])
def test_help_links_point_at_the_published_site(module):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["extra"]["public_url"] == module.GUIDE_URL
