"""How make test shares tests between xdist workers, and hands them the one site build."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

import conftest as root_conftest
from tests import sitebuild
from tests.parallel import applies, share_group, work_order

PAGES = "tests/site/test_pages.py"


def test_checks_of_one_page_are_one_unit_of_work():
    light = f"{PAGES}::test_page_has_no_axe_violations_in_the_light_palette[log-in/otp/-chromium]"
    phone = f"{PAGES}::test_page_does_not_scroll_sideways_on_a_phone[log-in/otp/-chromium]"
    assert share_group(light) == share_group(phone) == f"{PAGES}::log-in/otp/"


def test_checks_of_different_pages_are_different_units():
    home = f"{PAGES}::test_page_does_not_scroll_sideways_on_a_phone[home-chromium]"
    hindi = f"{PAGES}::test_page_does_not_scroll_sideways_on_a_phone[hi/-chromium]"
    assert share_group(home) != share_group(hindi)


def test_element_tests_of_the_replica_run_are_one_unit():
    first = "tests/drift/test_portal_elements.py::test_documented_element_is_on_the_portal[a]"
    second = "tests/drift/test_portal_elements.py::test_documented_element_is_on_the_portal[b]"
    assert share_group(first) == share_group(second)


def test_any_other_test_is_a_unit_of_its_own():
    nodeid = "tests/snippets/test_idcheck.py::test_pan_with_a_wrong_holder_is_invalid"
    assert share_group(nodeid) == nodeid


def test_long_units_go_out_first_and_quick_tests_last():
    elements = "tests/drift/test_portal_elements.py"
    faults = [f"tests/drift/test_faults.py::test_{n}[chromium]" for n in ("a", "b")]
    pages = [f"{PAGES}::{page}" for page in ("home", "a/", "b/")]
    quick = "tests/docs/test_sources.py::test_every_source_has_a_date"
    given = [quick, faults[0], *pages, faults[1], elements]
    assert work_order(given) == [elements, *pages, *faults, quick]


def _config_with_dist(mode: str) -> SimpleNamespace:
    return SimpleNamespace(option=SimpleNamespace(dist=mode, loadscopereorder=True))


def test_the_scheduler_stands_in_for_loadgroup_only():
    assert applies(_config_with_dist("loadgroup"))


@pytest.mark.parametrize("mode", ["each", "load", "loadscope", "loadfile", "worksteal", "no"])
def test_other_dist_modes_get_xdists_own_scheduler(mode: str):
    assert root_conftest.pytest_xdist_make_scheduler(_config_with_dist(mode), None) is None


def test_units_of_one_file_keep_their_collected_order():
    first = "tests/drift/test_faults.py::test_changed_label_is_label_drift[chromium]"
    second = "tests/drift/test_faults.py::test_firewall_page_is_blocked_not_drift[chromium]"
    assert work_order([second, first]) == [second, first]


def test_the_three_tests_of_the_unchanged_replica_run_are_one_unit():
    path = "tests/drift/test_unchanged_run.py"
    assert share_group(f"{path}::test_unchanged_replica_has_no_drift[chromium]") == share_group(
        f"{path}::test_every_request_carries_the_honest_user_agent[chromium]"
    )


def test_worker_waits_for_the_controllers_build_and_adopts_it(tmp_path: Path):
    outcome = tmp_path / "outcome.json"
    saved = list(sitebuild._shared_outcome)
    try:
        sitebuild.adopt(outcome)
        outcome.write_text(json.dumps(
            {"site_dir": str(tmp_path / "site"), "returncode": 0, "output": "built once"}
        ))
        assert sitebuild.build_site.__wrapped__() == sitebuild.BuildResult(
            tmp_path / "site", 0, "built once"
        )
    finally:
        sitebuild._shared_outcome[:] = saved


def test_a_failed_controller_build_fails_the_workers_with_its_output(tmp_path: Path):
    outcome = tmp_path / "outcome.json"
    saved = list(sitebuild._shared_outcome)
    try:
        sitebuild.adopt(outcome)
        outcome.write_text(json.dumps(
            {"site_dir": str(tmp_path), "returncode": 1, "output": "Aborted with 1 warning"}
        ))
        result = sitebuild.build_site.__wrapped__()
        assert (result.returncode, result.output) == (1, "Aborted with 1 warning")
    finally:
        sitebuild._shared_outcome[:] = saved
