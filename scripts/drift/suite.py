"""Every element of the contract, looked for on the portal: one pytest test per element.

``python -m scripts.drift`` runs this module with the drift plugin; ``tests/drift`` imports the
same test so that ``make test`` runs it against the replica. Each page is opened once, the first
time one of its elements is asked for. On the live portal or a URL, elements of pages that
could not be opened are skipped as "not checked"; on the replica, which can show every page,
"not checked" fails.
"""

from __future__ import annotations

import pytest

from scripts.contract.model import project_contract
from scripts.drift.run import DriftRun
from scripts.verification.verdicts import ElementVerdict


@pytest.mark.browser
@pytest.mark.parametrize("element_id", list(project_contract().elements))
def test_documented_element_is_on_the_portal(drift_run: DriftRun, element_id: str):
    """The element is on its page as the guides describe it."""
    result = drift_run.element(element_id)
    if result.verdict is ElementVerdict.NOT_CHECKED and drift_run.target.mode != "replica":
        pytest.skip(result.explain())
    assert result.verdict is ElementVerdict.PRESENT, result.explain()
