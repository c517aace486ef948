"""The element contract loads; every mistake in it is reported with file, key and expectation."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from scripts.contract.model import (
    CONTRACT_PATH,
    SCHEMA_PATH,
    ContractError,
    load_contract,
    parse_contract,
)
from scripts.contract.schema import main as schema_main
from scripts.contract.schema import schema_text


def project_data() -> dict:
    return yaml.safe_load(CONTRACT_PATH.read_text(encoding="utf-8"))


def problems_of(data: dict) -> str:
    with pytest.raises(ContractError) as raised:
        parse_contract(yaml.safe_dump(data, sort_keys=False), Path("portal/contract.yml"))
    return str(raised.value)


def test_project_contract_is_valid():
    contract = load_contract()
    assert "login.submit" in contract.elements
    assert contract.elements["login.submit"].label == "LOGIN"


def test_dates_stay_as_written():
    evidence = load_contract().pages["home"].evidence[0]
    assert evidence.date == "2025-08-02"


def test_missing_label_names_the_element_and_the_key():
    data = project_data()
    del data["elements"]["login.submit"]["label"]
    message = problems_of(data)
    assert "portal/contract.yml: at elements → login.submit" in message
    assert "login.submit → label: a required key is missing" in message


def test_bad_confidence_says_what_was_expected():
    data = project_data()
    data["elements"]["login.password"]["confidence"] = "certain"
    message = problems_of(data)
    assert "elements → login.password → confidence" in message
    assert "got 'certain'; expected 'high', 'medium' or 'low'" in message


def test_element_on_an_unknown_page_is_reported():
    data = project_data()
    data["elements"]["login.password"]["page"] = "dashboard"
    message = problems_of(data)
    assert "elements → login.password → page: unknown page 'dashboard'" in message


def test_invalid_regular_expression_in_a_locator_is_reported():
    data = project_data()
    data["elements"]["login.submit"]["locators"][1]["name"] = "/log(in/"
    message = problems_of(data)
    where = "elements → login.submit → locators → 1 → name"
    assert f"{where}: not a valid regular expression" in message


def test_page_not_checkable_live_must_say_why():
    data = project_data()
    del data["pages"]["otp"]["why_not_live"]
    assert "pages → otp" in problems_of(data)


def test_unreadable_yaml_is_reported_with_the_file():
    with pytest.raises(ContractError, match="portal/contract.yml: not valid YAML"):
        parse_contract("elements: [unclosed", Path("portal/contract.yml"))


def test_missing_file_is_reported_without_a_traceback(tmp_path: Path):
    with pytest.raises(ContractError, match="cannot read the contract"):
        load_contract(tmp_path / "nope.yml")


def test_unknown_key_is_reported_as_unexpected():
    data = project_data()
    data["elements"]["login.submit"]["lable"] = "LOGIN"
    message = problems_of(data)
    assert "elements → login.submit → lable: unexpected key" in message


def test_locator_with_two_ways_is_reported():
    data = project_data()
    data["elements"]["login.submit"]["locators"][0] = {"id": "btn", "css": "#btn"}
    message = problems_of(data)
    assert "elements → login.submit → locators → 0: expected exactly one of id, css" in message


def test_name_without_role_is_reported():
    data = project_data()
    data["elements"]["login.submit"]["locators"][0] = {"text": "LOGIN", "name": "LOGIN"}
    assert "'name' goes only with 'role'" in problems_of(data)


def test_page_with_both_path_and_reach_is_reported():
    data = project_data()
    data["pages"]["forgot_password"]["path"] = "#/forgot"
    assert "pages → forgot_password: expected exactly one of 'path' or 'reach'" in problems_of(data)


def test_every_problem_is_listed_not_only_the_first():
    data = project_data()
    del data["elements"]["login.submit"]["label"]
    data["elements"]["login.password"]["confidence"] = "certain"
    assert len(problems_of(data).splitlines()) == 2


def test_elements_know_their_own_id():
    contract = load_contract()
    assert all(key == element.id for key, element in contract.elements.items())
    assert all(key == page.id for key, page in contract.pages.items())


def test_committed_schema_is_generated_from_the_models():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "portal/contract.schema.json is out of date: run python -m scripts.contract.schema"
    )


def test_schema_check_exits_1_when_the_schema_is_stale(monkeypatch, tmp_path: Path, capsys):
    stale = tmp_path / "contract.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr("scripts.contract.schema.SCHEMA_PATH", stale)
    assert schema_main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().out


def test_generated_schema_accepts_the_project_contract():
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator(schema).validate(project_data_as_text())


def test_generated_schema_rejects_a_locator_with_two_ways():
    data = project_data_as_text()
    data["elements"]["login.submit"]["locators"][0] = {"id": "btn", "css": "#btn"}
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    assert not validator.is_valid(data)


def project_data_as_text() -> dict:
    """The contract as an editor sees it: dates are text, as the loader keeps them."""
    from scripts.contract.model import _TextDatesLoader

    return yaml.load(CONTRACT_PATH.read_text(encoding="utf-8"), Loader=_TextDatesLoader)
