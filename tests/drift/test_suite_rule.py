"""The element test's rule: "not checked" is a skip on the live portal, a failure on the replica."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from scripts.drift.model import ElementResult
from scripts.drift.suite import test_documented_element_is_on_the_portal as element_test
from scripts.verification.verdicts import ElementVerdict


def run_with(verdict: ElementVerdict, mode: str) -> SimpleNamespace:
    result = ElementResult("login.submit", "login", verdict, "page login unreachable")
    return SimpleNamespace(element=lambda element_id: result, target=SimpleNamespace(mode=mode))


def test_not_checked_fails_on_the_replica_which_can_show_every_page():
    with pytest.raises(AssertionError, match="not checked"):
        element_test(run_with(ElementVerdict.NOT_CHECKED, "replica"), "login.submit")


@pytest.mark.parametrize("mode", ["live", "url"])
def test_not_checked_is_skipped_on_a_portal_that_may_be_down(mode: str):
    with pytest.raises(pytest.skip.Exception):
        element_test(run_with(ElementVerdict.NOT_CHECKED, mode), "login.submit")


def test_locator_drift_fails_the_element_test():
    with pytest.raises(AssertionError):
        element_test(run_with(ElementVerdict.LOCATOR_DRIFT, "live"), "login.submit")
