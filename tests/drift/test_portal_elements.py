"""Every element of the contract, looked for on the portal (the offline replica by default).

One test per element; each page is opened once, the first time one of its elements is asked
for. Elements of pages that could not be opened are skipped as "not checked", never failed.
"""

from __future__ import annotations

import pytest

from scripts.contract import project_contract
from scripts.drift.model import ElementVerdict
from scripts.drift.run import DriftRun

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("element_id", list(project_contract().elements))
def test_documented_element_is_on_the_portal(drift_run: DriftRun, element_id: str):
    result = drift_run.element(element_id)
    if result.verdict is ElementVerdict.NOT_CHECKED:
        pytest.skip(result.explain())
    assert result.verdict is ElementVerdict.PRESENT, result.explain()
