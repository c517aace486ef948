"""Texts and addresses read from data files: what can be printed, what is rejected, and why."""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import pytest
import yaml

from scripts.contract.model import CONTRACT_PATH, ContractError, parse_contract
from scripts.contract.text import LIMITS, text_problem

#: Markup that must never reach a page from a data file.
MARKUP = {
    "script": "<script>alert(1)</script>",
    "img": '"><img src=x onerror=alert(2)>',
}
#: Invisible characters: NUL, escape, a bidirectional override, a noncharacter.
CONTROLS = {
    "nul": "LOG\x00IN",
    "escape": "LOG\x1bIN",
    "rtl-override": "LOG\u202eIN",
    "noncharacter": "LOG\uffffIN",
    "lrm": "LOG\u200eIN",
}
#: Texts that are odd but harmless as text: the site prints them as they are.
PRINTABLE = {
    "markdown-link": "[x](javascript:alert(3))",
    "nested-marker": "LOG]] IN [[ui:login.password]]",
    "entity": "&lt;b&gt;LOGIN&lt;/b&gt;",
}
#: Contract fields the site prints: (path in the YAML data, the key as messages name it).
FIELDS = {
    "label": (("elements", "login.submit", "label"), "elements → login.submit → label"),
    "what": (("elements", "login.submit", "what"), "elements → login.submit → what"),
    "evidence-source": (
        ("elements", "login.submit", "evidence", 0, "source"),
        "elements → login.submit → evidence → 0 → source",
    ),
    "page-title": (("pages", "login", "title"), "pages → login → title"),
    "notes": (("elements", "login.submit", "notes"), "elements → login.submit → notes"),
}


@functools.cache
def project_data() -> dict:
    return yaml.load(CONTRACT_PATH.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def dumped(data: dict) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True)


def planted(path: tuple, value: object) -> dict:
    data = copy.deepcopy(project_data())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def contract_problems(data: dict) -> str:
    with pytest.raises(ContractError) as raised:
        parse_contract(dumped(data), Path("portal/contract.yml"))
    return str(raised.value)


def parses(data: dict) -> None:
    parse_contract(dumped(data), Path("portal/contract.yml"))


@pytest.mark.parametrize("payload", MARKUP.values(), ids=MARKUP.keys())
@pytest.mark.parametrize("field", FIELDS)
def test_contract_rejects_markup_in_a_printed_field_naming_file_and_key(field, payload):
    path, key = FIELDS[field]
    message = contract_problems(planted(path, payload))
    assert f"portal/contract.yml: at {key}: holds '" in message
    assert "may not hold '<', '>'" in message


@pytest.mark.parametrize("payload", CONTROLS.values(), ids=CONTROLS.keys())
@pytest.mark.parametrize("field", FIELDS)
def test_contract_rejects_control_and_bidi_characters_naming_the_character(field, payload):
    path, key = FIELDS[field]
    message = contract_problems(planted(path, payload))
    odd = payload[3]
    assert f"portal/contract.yml: at {key}: holds U+{ord(odd):04X}" in message


@pytest.mark.parametrize("payload", PRINTABLE.values(), ids=PRINTABLE.keys())
@pytest.mark.parametrize("field", FIELDS)
def test_contract_accepts_odd_text_that_prints_as_it_is(field, payload):
    path, _ = FIELDS[field]
    parses(planted(path, payload))


def test_contract_rejects_a_one_megabyte_label_with_its_limit():
    path, key = FIELDS["label"]
    message = contract_problems(planted(path, "L" * 1_000_000))
    assert f"portal/contract.yml: at {key}: String should have at most {LIMITS['label']}" in message


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "http://www.icegate.gov.in/", 'https://x" onmouseover="alert(1)',
     "https://www.icegate.gov.in/a b", "https://www.icegate.gov.in/\u202e", "https:///nohost"],
    ids=["javascript", "http", "quote", "space", "bidi", "no-host"],
)
def test_contract_rejects_an_evidence_address_readers_cannot_safely_open(url):
    message = contract_problems(planted(("elements", "login.submit", "evidence", 0, "url"), url))
    assert "portal/contract.yml: at elements → login.submit → evidence → 0 → url:" in message


def test_contract_rejects_an_over_long_evidence_address():
    url = "https://www.icegate.gov.in/" + "a" * LIMITS["url"]
    message = contract_problems(planted(("elements", "login.submit", "evidence", 0, "url"), url))
    assert "evidence → 0 → url: String should have at most" in message


def test_a_wrong_item_is_not_also_reported_as_an_empty_list():
    message = contract_problems(
        planted(("elements", "login.submit", "evidence", 0, "url"), "javascript:alert(1)")
    )
    assert "Tuple should have at least 1 item" not in message


def test_contract_rejects_a_site_address_with_a_quote():
    data = copy.deepcopy(project_data())
    site = next(iter(data["sites"]))
    data["sites"][site]["live_url"] = 'https://x" onmouseover="a/'
    assert f"portal/contract.yml: at sites → {site} → live_url:" in contract_problems(data)


def test_contract_rejects_a_page_route_with_a_space():
    message = contract_problems(planted(("pages", "login", "path"), "#/lo gin"))
    assert "at pages → login → path: U+0020 is not a URL character" in message


def test_a_selector_may_hold_a_child_combinator():
    parses(planted(("elements", "login.submit", "locators"), [{"css": "form > button"}]))


def test_a_selector_may_not_hold_a_control_character():
    message = contract_problems(
        planted(("elements", "login.submit", "locators"), [{"css": "form\x00button"}])
    )
    assert "locators → 0 → css: holds U+0000" in message


def test_hindi_text_keeps_its_zero_width_joiners():
    assert text_problem("क्\u200dष and क्\u200cष", "label") is None


def test_a_line_break_is_allowed_in_a_note_only():
    assert text_problem("one\ntwo", "note") is None
    assert "U+000A" in text_problem("one\ntwo", "label")

