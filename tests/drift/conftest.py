from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.contract import project_contract
from scripts.drift.checker import Timing
from scripts.drift.model import Outcome
from scripts.drift.run import DriftRun
from scripts.drift.target import Target, recorded_pages
from scripts.localserver import serve_directory
from scripts.mentions import scan_docs

ROOT = Path(__file__).resolve().parents[2]
REPLICA = ROOT / "portal" / "replica"
RUN_KEY = pytest.StashKey[DriftRun]()


def timing_for(config: pytest.Config) -> Timing:
    if config.getoption("portal") == "live" and not config.getoption("portal_url"):
        return Timing()
    # Local servers answer at once; keep failures fast.
    return Timing(navigation=10, ready=10, element=2, retries=1, retry_pause=0.5)


@pytest.fixture(scope="session")
def drift_run(pytestconfig: pytest.Config, browser: Browser) -> Iterator[DriftRun]:
    contract = project_contract()
    report_dir = Path(pytestconfig.getoption("drift_report"))
    mentions = scan_docs(ROOT / "docs")
    url = pytestconfig.getoption("portal_url")
    with serve_directory(REPLICA) as replica_url:
        if url:
            target = Target.under(contract, url)
        elif pytestconfig.getoption("portal") == "live":
            target = Target.live(contract)
        else:
            target = Target.under(contract, replica_url, "replica", recorded_pages(REPLICA))
        timing = timing_for(pytestconfig)
        trace = pytestconfig.getoption("drift_trace")
        run = DriftRun(contract, target, browser, report_dir, timing, mentions, trace)
        pytestconfig.stash[RUN_KEY] = run
        try:
            yield run
        finally:
            run.close()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that could check nothing because the portal was unreachable exits with 75."""
    run = session.config.stash.get(RUN_KEY, None)
    if run is not None and run.outcome() is Outcome.UNREACHABLE:
        session.exitstatus = Outcome.UNREACHABLE.exit_status
