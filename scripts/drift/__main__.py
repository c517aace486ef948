"""Run the drift check: ``python -m scripts.drift [--portal=live | --portal-url=URL]``.

Runs the element tests of ``scripts/drift/suite.py`` with the drift pytest plugin (nothing from
``tests/``), writes a JUnit XML report beside the JSON and Markdown reports, and exits with
the run's status: 0 no drift, 1 drift, 75 portal unreachable, 70 the checker itself failed.
Any other status (4, a usage error) means the command did not run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scripts.common.paths import ROOT

SUITE = Path(__file__).resolve().with_name("suite.py")
PLUGIN = "scripts.drift.pytest_plugin"


def report_dir(argv: list[str]) -> str:
    """The ``--drift-report`` folder named in ``argv`` (the default otherwise)."""
    report = "reports/drift"
    for index, arg in enumerate(argv):
        if arg.startswith("--drift-report="):
            report = arg.split("=", 1)[1]
        elif arg == "--drift-report" and index + 1 < len(argv):
            report = argv[index + 1]
    return report


def main(argv: list[str]) -> int:
    """Run the drift suite with ``argv`` passed on to pytest; return its exit status."""
    args = [
        str(SUITE),
        f"--rootdir={ROOT}",
        "--noconftest",
        "-p",
        PLUGIN,
        "-p",
        "no:cacheprovider",
        "--drift-command",
        f"--junitxml={report_dir(argv)}/junit.xml",
        *argv,
    ]
    return int(pytest.main(args))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
