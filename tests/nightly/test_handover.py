"""The publish job's check of the check job's hand-over, and the contract ids it relies on."""

from __future__ import annotations

import pytest

from scripts.contract.model import CONTRACT_PATH, project_contract
from scripts.nightly.handover import HandoverError, contract_ids, validate
from scripts.nightly.record import MAX_LABEL, portal_text

IDS = contract_ids()


def condensed(**changes: object) -> dict:
    contract = project_contract()
    record = {
        "started": "2026-12-01T20:30:00+00:00",
        "finished": "2026-12-01T20:32:00+00:00",
        "where": "GitHub Actions, self-hosted Linux runner mumbai-1 (ap-south)",
        "run_url": "https://github.com/o/r/actions/runs/123",
        "outcome": "no drift",
        "pages": dict.fromkeys(contract.pages, "ok"),
        "elements": dict.fromkeys(contract.elements, "present"),
        "observed": {},
    }
    return {"mode": "live", "record": {**record, **changes}}


def test_line_scan_of_the_contract_finds_the_ids_the_model_reads():
    contract = project_contract()
    ids = contract_ids(CONTRACT_PATH)
    assert ids.pages == set(contract.pages)
    assert ids.elements == set(contract.elements)
    assert ids.element_pages == {e.id: e.page for e in contract.elements.values()}


def test_a_sound_hand_over_is_accepted_unchanged():
    given = condensed()
    assert validate(given, IDS, "o/r") == given["record"]


def test_the_page_verdict_changed_is_accepted():
    pages = {**condensed()["record"]["pages"], "login": "changed"}
    assert validate(condensed(pages=pages), IDS)["pages"]["login"] == "changed"


def test_a_replica_run_is_refused():
    with pytest.raises(HandoverError, match="only live runs"):
        validate({**condensed(), "mode": "replica"}, IDS)


def test_an_extra_field_is_refused():
    with pytest.raises(HandoverError, match="not a field"):
        validate(condensed(note="@octocat"), IDS)


def test_a_time_without_a_zone_is_refused():
    with pytest.raises(HandoverError, match="started"):
        validate(condensed(started="2026-12-01T20:30:00"), IDS)


@pytest.mark.parametrize("where", ["ping @octocat", "see #12", "a `code`", "x\ny", ""])
def test_where_that_is_not_plain_text_is_refused(where: str):
    with pytest.raises(HandoverError, match="where"):
        validate(condensed(where=where), IDS)


@pytest.mark.parametrize(
    "url",
    [
        "http://github.com/o/r/actions/runs/1",
        "https://github.com/o/r/actions/runs/1/../../../issues",
        "https://github.com.evil.example/o/r/actions/runs/1",
        "https://github.com/o/r/actions/runs/1#x",
    ],
)
def test_a_run_url_that_is_not_a_workflow_run_is_refused(url: str):
    with pytest.raises(HandoverError, match="run_url"):
        validate(condensed(run_url=url), IDS, "o/r")


def test_an_element_verdict_the_drift_check_never_gives_is_refused():
    elements = {**condensed()["record"]["elements"], "login.submit": "fine"}
    with pytest.raises(HandoverError, match="unknown verdict"):
        validate(condensed(elements=elements), IDS)


def test_an_observed_label_of_an_unknown_element_is_refused():
    with pytest.raises(HandoverError, match="observed"):
        validate(condensed(observed={"@octocat": "x"}), IDS)


def test_observed_labels_are_made_inert_not_refused():
    record = validate(condensed(observed={"login.submit": "SIGN\x00 IN\u202e\ud800"}), IDS)
    assert record["observed"] == {"login.submit": "SIGN IN\ufffd"}


def test_portal_text_flattens_white_space():
    assert portal_text("  LOG\tIN\n\u2028now ") == "LOG IN now"


def test_portal_text_joins_a_surrogate_pair_held_as_two_code_points():
    assert portal_text("ok \ud83d\ude00") == "ok \U0001f600"


def test_portal_text_cuts_a_page_of_text_to_a_label():
    cut = portal_text("x" * 10_000)
    assert len(cut) == MAX_LABEL and cut.endswith("…")


def test_a_runner_name_with_markup_still_gives_a_where_the_publish_job_accepts():
    from scripts.nightly.publish import where_from_env

    where = where_from_env({"RUNNER_OS": "Linux", "RUNNER_ENVIRONMENT": "self-hosted",
                            "RUNNER_NAME": "<b>@octocat</b> #1"})
    assert validate(condensed(where=where), IDS)["where"] == where


def test_what_condense_hands_over_for_a_whole_contract_run_is_accepted(tmp_path):
    import json

    from scripts.nightly.publish import condense

    contract = project_contract()
    report = {
        "started": "2026-12-01T20:30:00+00:00",
        "finished": "2026-12-01T20:32:00+00:00",
        "complete": True,
        "target": {"mode": "live"},
        "outcome": "drift",
        "exit_status": 1,
        "pages": [{"page": page, "verdict": "ok"} for page in contract.pages],
        "elements": [
            {"element": e, "verdict": "label drift" if e == "login.submit" else "present",
             "observed_label": "LOG\x00IN @x"}
            for e in contract.elements
        ],
    }
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report))
    handed = condense(path, 1, "not recorded", "https://github.com/o/r/actions/runs/9")
    handed = json.loads(json.dumps(handed))  # through the job output, as JSON
    assert validate(handed, IDS, "o/r")["observed"] == {"login.submit": "LOGIN @x"}
