"""Browser set-up for every browser test: the system Chromium, and no DNS outside live runs.

A pytest plugin registered by ``scripts.drift.pytest_plugin`` at configure time, after
pytest-playwright, so that this ``browser_type_launch_args`` overrides Playwright's own.
"""

from __future__ import annotations

import pytest

from scripts.common.browser import system_chromium

OFFLINE_RESOLVER = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"


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
