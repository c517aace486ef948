"""Run the drift check: ``python -m scripts.drift [--portal=live | --portal-url=URL]``.

This runs the pytest drift suite (one test per contract element) with a JUnit XML report
beside the JSON and Markdown reports, and exits with the run's status: 0 no drift, 1 drift,
75 when the portal could not be reached at all (or another pytest status on a usage error).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "tests" / "drift" / "test_portal_elements.py"


def main(argv: list[str]) -> int:
    """Run the drift suite with ``argv`` passed on to pytest; return its exit status."""
    report = "reports/drift"
    for index, arg in enumerate(argv):
        if arg.startswith("--drift-report="):
            report = arg.split("=", 1)[1]
        elif arg == "--drift-report" and index + 1 < len(argv):
            report = argv[index + 1]
    args = [str(SUITE), "-p", "no:cacheprovider", f"--junitxml={report}/junit.xml", *argv]
    return int(pytest.main(args))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
