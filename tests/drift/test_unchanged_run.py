"""One drift run of the unchanged replica, and what it must show: no drift, each page loaded
once, the honest user agent on every request.

The three tests read the same run (one run instead of three); under xdist they stay on one
worker (``tests/parallel.py``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest

from scripts.contract.model import project_contract
from scripts.drift.run import DriftRun
from scripts.verification.verdicts import ElementVerdict, Outcome
from tests.drift.imitation import imitation_portal
from tests.drift.runs import ABOUT, drift_run

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class UnchangedRun:
    """The run, and what the imitation portal saw during it."""

    run: DriftRun
    hits: Counter
    agents: tuple[str, ...]


@pytest.fixture(scope="module")
def unchanged(browser, tmp_path_factory: pytest.TempPathFactory) -> UnchangedRun:
    with imitation_portal() as portal:
        run = drift_run(browser, tmp_path_factory.mktemp("unchanged"), portal.url)
        return UnchangedRun(run, Counter(portal.hits), tuple(portal.agents))


def test_unchanged_replica_has_no_drift(unchanged: UnchangedRun):
    assert unchanged.run.outcome() is Outcome.NO_DRIFT
    verdicts = {r.verdict for r in unchanged.run.element_results()}
    assert verdicts == {ElementVerdict.PRESENT}


def test_each_page_is_loaded_once_however_many_elements_it_has(unchanged: UnchangedRun):
    contract = project_contract()
    foservices_pages = [p for p in contract.pages.values() if p.site == "foservices"]
    assert unchanged.hits["/foservices/"] == len(foservices_pages)
    assert unchanged.hits["/www/"] == 1


def test_every_request_carries_the_honest_user_agent(unchanged: UnchangedRun):
    agents = set(unchanged.agents)
    assert len(agents) == 1
    agent = agents.pop()
    assert "Headless" not in agent
    assert agent.startswith("Mozilla/5.0 ")
    assert "Chrome/" in agent
    assert f"icegate-guide-drift-check (+{ABOUT})" in agent
