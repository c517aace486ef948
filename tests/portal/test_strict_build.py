"""A guide that mentions an unknown element fails the strict build, naming page and line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEEDED = ["docs", "overrides", "portal", "scripts", "snippets"]


def test_unknown_element_fails_the_strict_build_with_page_and_line(tmp_path: Path):
    for name in NEEDED:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["mkdocs.yml", "CONTRIBUTING.md"]:
        shutil.copy(ROOT / name, tmp_path / name)
    page = tmp_path / "docs" / "log-in" / "sessions.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("Select [[ui:login.no_such_button]].")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    where = f"docs/log-in/sessions.md:{len(lines)}"
    assert f"{where}: unknown portal element 'login.no_such_button'" in result.stderr
