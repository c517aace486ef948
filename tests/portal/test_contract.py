"""The element contract loads; every mistake in it is reported with file, key and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.contract.model import CONTRACT_PATH, ContractError, load_contract, parse_contract


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
    assert "'label' is a required property" in message


def test_bad_confidence_says_what_was_expected():
    data = project_data()
    data["elements"]["login.password"]["confidence"] = "certain"
    message = problems_of(data)
    assert "elements → login.password → confidence" in message
    assert "'high', 'medium', 'low'" in message


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
