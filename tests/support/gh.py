"""The fake GitHub CLI (``fake_gh.py``) installed first on ``PATH`` for a test's subprocesses."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

FAKE_GH = Path(__file__).with_name("fake_gh.py")
ROOT = Path(__file__).resolve().parents[2]
#: A repository with no labels, no issues and nothing asked of it yet.
EMPTY = {"labels": [], "issues": [], "dispatches": [], "calls": []}


def install_fake_gh(folder: Path, state: dict[str, Any] | None = None) -> tuple[Path, dict]:
    """Put the fake ``gh`` in ``folder/bin`` and its state in ``folder/gh.json``.

    Args:
        folder: A temporary folder of the test.
        state: What the fake repository holds at the start (default: ``EMPTY``).

    Returns:
        The state file, and the environment for subprocesses: this environment with the fake
        first on ``PATH``, its state file named, and the repository importable.
    """
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(f"#!{sys.executable}\n" + FAKE_GH.read_text())
    gh.chmod(0o755)
    state_file = folder / "gh.json"
    state_file.write_text(json.dumps(EMPTY if state is None else state))
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "FAKE_GH_STATE": str(state_file), "PYTHONPATH": str(ROOT)}
    return state_file, env
