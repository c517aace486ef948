"""How make test shares tests between xdist workers, and hands them the one site build."""

from __future__ import annotations

import json
from pathlib import Path

from tests import sitebuild
from tests.parallel import LONG_FIRST, share_group, start_rank

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


def test_long_files_start_before_the_rest_in_their_listed_order():
    faults = start_rank("tests/drift/test_faults.py::test_changed_label_is_label_drift[chromium]")
    links = start_rank("tests/site/test_links.py::test_every_internal_link_resolves")
    other = start_rank("tests/docs/test_sources.py::test_every_source_has_a_date")
    assert faults < links < other == len(LONG_FIRST)


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
