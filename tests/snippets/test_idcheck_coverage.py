"""The property tests take every line and every branch of idcheck.py.

The property tests are run again, in a separate process, under coverage with branch
measurement (``coverage run --branch``) and a fixed Hypothesis seed, so the result is the same
on every run; the JSON report must list no missing line and no missing branch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IDCHECK = ROOT / "snippets" / "idcheck.py"
PROPERTIES = ROOT / "tests" / "snippets" / "test_idcheck_properties.py"


def coverage(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m coverage ARGS`` in the repository."""
    return subprocess.run(
        [sys.executable, "-m", "coverage", *args],
        cwd=ROOT,
        env={**os.environ, "PYTEST_ADDOPTS": ""},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_property_tests_take_every_line_and_branch_of_idcheck(tmp_path: Path):
    data = tmp_path / ".coverage"
    report = tmp_path / "coverage.json"
    run = coverage(
        "run", "--branch", f"--data-file={data}", f"--include={IDCHECK}",
        "-m", "pytest", str(PROPERTIES), "-q", "-p", "no:xdist", "--hypothesis-seed=0", "-x",
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    written = coverage("json", f"--data-file={data}", "-o", str(report))
    assert written.returncode == 0, written.stderr
    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    measured = files["snippets/idcheck.py"]
    missing = {
        "lines": measured["missing_lines"],
        "branches": measured["missing_branches"],
    }
    assert missing == {"lines": [], "branches": []}, (
        f"{measured['summary']['percent_covered_display']} % covered"
    )
