"""The drift check as a pytest plugin: its options, the run fixture and the exit rule.

``python -m scripts.drift`` runs ``scripts/drift/suite.py`` with this plugin (and no test
code from ``tests/``); the project's ``conftest.py`` loads the same plugin, so ``make test``
runs the same element tests against the replica. The plugin also points Playwright at the
system Chromium and, outside the live run, makes every host but 127.0.0.1 unresolvable.

Exit rule of the drift command (``--drift-command``): the status is the run's outcome, as
written in ``report.json``: 0 no drift, 1 drift, 75 portal unreachable, 70 the checker itself
failed (a page check raised, a test errored, or the run never started).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.common.localserver import serve_directory
from scripts.common.paths import ROOT
from scripts.contract.mentions import scan_docs
from scripts.contract.model import project_contract
from scripts.drift import browser_setup
from scripts.drift.browser_setup import is_live_run
from scripts.drift.checker import LIVE_TIMING, Timing, first_line
from scripts.drift.run import DriftRun
from scripts.drift.target import Target, about_url, recorded_pages
from scripts.verification.verdicts import Outcome

REPLICA = ROOT / "portal" / "replica"
RUN_KEY = pytest.StashKey[DriftRun]()
#: Local servers answer at once: keep failures fast (with slack for a loaded 2-core machine) and
#: look again often (every 50 ms; the live run looks every 250 ms).
LOCAL_TIMING = Timing(navigation=10, ready=10, element=2, retries=1, retry_pause=0.5, poll=0.05)


def pytest_addoption(parser: pytest.Parser) -> None:
    """The drift options."""
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
    group.addoption(
        "--drift-command",
        action="store_true",
        help="exit with the drift statuses (0, 1, 75, 70) as python -m scripts.drift does",
    )


def timing_for(config: pytest.Config) -> Timing:
    """The live portal's timing, or a shorter one for local servers."""
    return LIVE_TIMING if is_live_run(config) else LOCAL_TIMING


def pytest_configure(config: pytest.Config) -> None:
    """Register the browser set-up and the marker the drift tests use."""
    config.addinivalue_line("markers", "browser: needs Chromium (site and drift tests)")
    # Registered now, after pytest-playwright, so that its browser_type_launch_args wins.
    if not config.pluginmanager.is_registered(browser_setup):
        config.pluginmanager.register(browser_setup, "icegate-browser-setup")


def target_for(config: pytest.Config, replica_url: str) -> Target:
    """The portal this run checks."""
    contract = project_contract()
    url = config.getoption("portal_url")
    if url:
        return Target.replica_layout(contract, url)
    if config.getoption("portal") == "live":
        return Target.live(contract)
    return Target.replica_layout(contract, replica_url, "replica", recorded_pages(REPLICA))


@pytest.fixture(scope="session")
def drift_run(pytestconfig: pytest.Config, browser: Browser) -> Iterator[DriftRun]:
    """The drift run of this session: each page is opened once, on first use."""
    report_dir = Path(pytestconfig.getoption("drift_report"))
    with serve_directory(REPLICA) as replica_url:
        run = DriftRun(
            project_contract(),
            target_for(pytestconfig, replica_url),
            browser,
            report_dir,
            timing_for(pytestconfig),
            scan_docs(ROOT / "docs"),
            pytestconfig.getoption("drift_trace"),
            about_url(ROOT / "mkdocs.yml"),
        )
        pytestconfig.stash[RUN_KEY] = run
        try:
            yield run
        finally:
            run.close()


def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> None:
    """An error that is not a drift verdict (a crash, a fixture error) fails the checker."""
    run = item.config.stash.get(RUN_KEY, None)
    if run is None or call.excinfo is None or "drift_run" not in getattr(item, "fixturenames", ()):
        return
    if call.excinfo.errisinstance((AssertionError, pytest.skip.Exception)):
        return
    run.fail(f"{item.nodeid} ({call.when}): {call.excinfo.typename}: "
             f"{first_line(str(call.excinfo.value))}")


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The drift command exits with the run's outcome; 70 when there is no run at all."""
    if not session.config.getoption("drift_command"):
        return
    run = session.config.stash.get(RUN_KEY, None)
    if run is None:
        session.exitstatus = Outcome.CHECKER_FAILED.exit_status
        return
    session.exitstatus = run.outcome().exit_status
