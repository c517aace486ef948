"""Root pytest configuration: doc-block collection (Sybil), browser launch, drift options."""

from __future__ import annotations

import pytest
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

from scripts.browser import system_chromium

# Every ```python block under docs/ runs as a test; <!-- skip: next ... --> skips one.
pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser()],
    patterns=["*.md"],
    path="docs",
).pytest()

OFFLINE_RESOLVER = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("icegate drift", "portal drift checks")
    group.addoption(
        "--portal",
        choices=("replica", "live"),
        default="replica",
        help="which portal the drift tests check: the offline replica (default) or the live portal",
    )
    group.addoption(
        "--portal-url",
        default=None,
        metavar="URL",
        help="check the portal served under URL instead (each site under URL/<site>/)",
    )
    group.addoption(
        "--drift-trace",
        action="store_true",
        help="keep a Playwright trace of every page in the report folder (traces/PAGE.zip)",
    )
    group.addoption(
        "--drift-report",
        default="reports/drift",
        metavar="DIR",
        help="where the drift report (JSON, Markdown, screenshots) is written",
    )


def is_live_run(config: pytest.Config) -> bool:
    """Whether this run may reach beyond 127.0.0.1 (only the nightly live drift run)."""
    return config.getoption("portal") == "live" and not config.getoption("portal_url")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, pytestconfig: pytest.Config) -> dict:
    """Use the system Chromium when there is one, and block DNS outside live runs."""
    launch = dict(browser_type_launch_args)
    executable = system_chromium()
    if executable:
        launch["executable_path"] = executable
    args = list(launch.get("args") or [])
    if not is_live_run(pytestconfig):
        args.append(OFFLINE_RESOLVER)
    launch["args"] = args
    return launch
