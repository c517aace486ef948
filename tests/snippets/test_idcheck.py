"""The ID checks: one behaviour per rule, the GSTIN check character, the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import idcheck
import pytest
from idcheck import (
    UsageError,
    check_email,
    check_gstin,
    check_iec,
    check_match,
    check_mobile,
    check_pan,
    gstin_check_character,
)

SCRIPT = Path(idcheck.__file__)


def independent_check_character(first14: str) -> str:
    """Luhn mod 36 written the other way round: weights from the right, as python-stdnum does."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    total = 0
    for position, char in enumerate(reversed(first14)):
        value = alphabet.index(char) * (2 if position % 2 == 0 else 1)
        total += sum(divmod(value, 36))
    return alphabet[-total % 36]


# GSTIN check character ------------------------------------------------------------------


def test_worked_example_gives_v():
    # 27AAPFU0939F1Z: the weighted sum is 221; 221 mod 36 = 5; 36 - 5 = 31 -> "V".
    assert gstin_check_character("27AAPFU0939F1Z") == "V"


@pytest.mark.parametrize(
    "gstin", ["27AAPFU0939F1ZV", "29AAACH7409R1ZX", "12AAACI1681G1Z0", "9917IRL29003OSG"]
)
def test_published_gstins_have_the_right_check_character(gstin: str):
    assert gstin_check_character(gstin[:14]) == gstin[14]
    assert independent_check_character(gstin[:14]) == gstin[14]


@pytest.mark.parametrize(
    ("gstin", "expected"), [("22AAAAA0000A1Z5", "C"), ("03AAJCR2207E1Z2", "X")]
)
def test_common_placeholder_gstins_fail_and_name_the_expected_character(gstin, expected):
    result = check_gstin(gstin)
    assert result.status == "invalid"
    assert any(f"call for {expected}" in problem for problem in result.problems)


# GSTIN rules ----------------------------------------------------------------------------


def test_valid_gstin_reports_state_pan_and_check():
    result = check_gstin("27AAPFU0939F1ZV")
    assert result.status == "valid"
    assert "state code 27: Maharashtra" in result.facts


def test_gstin_of_wrong_length_is_invalid():
    assert "a GSTIN has 15 characters; this has 14" in check_gstin("27AAPFU0939F1Z").problems


@pytest.mark.parametrize("code", ["38", "97", "99"])
def test_newer_and_special_state_codes_are_accepted(code: str):
    first14 = code + "AAPFU0939F1Z"
    result = check_gstin(first14 + gstin_check_character(first14))
    assert result.status == "valid", result.problems


@pytest.mark.parametrize("code", ["00", "39", "40", "98"])
def test_unknown_state_code_is_invalid(code: str):
    first14 = code + "AAPFU0939F1Z"
    result = check_gstin(first14 + gstin_check_character(first14))
    assert any("not a GST state code" in problem for problem in result.problems)


def test_thirteenth_character_zero_is_invalid():
    first14 = "27AAPFU0939F0Z"
    result = check_gstin(first14 + gstin_check_character(first14))
    assert any("character 13" in problem for problem in result.problems)


def test_tcs_gstin_of_an_e_commerce_operator_is_unusual_not_invalid():
    # The probe from issue 12: PAN inside, right check character, C in position 14.
    result = check_gstin("29AABCF8078M1C8")
    assert result.status == "unusual", result.problems
    assert any("collecting tax at source (TCS)" in fact for fact in result.facts)


def test_tds_gstin_with_a_pan_inside_is_unusual_not_invalid():
    first14 = "27AAPFU0939F1D"
    result = check_gstin(first14 + gstin_check_character(first14))
    assert result.status == "unusual", result.problems
    assert any("deducting tax at source (TDS)" in fact for fact in result.facts)


def test_other_fourteenth_character_with_a_right_check_character_is_unusual():
    first14 = "27AAPFU0939F1Y"
    result = check_gstin(first14 + gstin_check_character(first14))
    assert result.status == "unusual", result.problems
    assert "character 14 is Y, not the usual Z: an unusual kind of registration" in result.facts


def test_fourteenth_character_other_than_z_with_a_wrong_check_character_is_invalid():
    result = check_gstin("29AABCF8078M1C9")
    assert result.status == "invalid"
    assert result.problems == [
        "the check character (15th) is 9, but the first 14 characters call for 8"
    ]


def test_uin_shaped_gstin_with_a_right_check_character_is_unusual():
    result = check_gstin("0717UNO00157UNO")
    assert result.status == "unusual"
    assert "Unique Identity Number" in result.facts[0]


def test_embedded_pan_with_unknown_holder_type_is_invalid():
    first14 = "27AAPXU0939F1Z"
    result = check_gstin(first14 + gstin_check_character(first14))
    assert any("holder type" in problem for problem in result.problems)


def test_non_resident_service_provider_is_unusual_not_rejected():
    result = check_gstin("9917IRL29003OSG")
    assert result.status == "unusual"
    assert "non-resident online service provider" in result.facts[0]


def test_tds_registration_is_unusual_not_rejected():
    result = check_gstin("27PNEA06819B1DE")
    assert result.status == "unusual"
    assert "TDS" in result.facts[0]


def test_special_shape_with_a_wrong_check_character_is_invalid():
    assert check_gstin("9917IRL29003OSA").status == "invalid"


# PAN and IEC ----------------------------------------------------------------------------


def test_pan_reports_the_holder_type():
    assert "holder type C: company" in check_pan("AAACH7409R").facts


@pytest.mark.parametrize(
    ("pan", "words"),
    [
        ("AAPFU0939", "has 10 characters"),
        ("AAP1U0939F", "characters 1-5"),
        ("AAPFUO939F", "characters 6-9"),
        ("AAPFU09391", "last character"),
        ("AAPFU0000F", "0000 is not used"),
        ("AAPXU0939F", "holder type"),
    ],
)
def test_each_broken_pan_rule_is_explained(pan: str, words: str):
    result = check_pan(pan)
    assert result.status == "invalid"
    assert any(words in problem for problem in result.problems), result.problems


def test_disputed_holder_type_is_unusual():
    assert check_pan("AAAEU0939F").status == "unusual"


def test_pan_based_iec_is_valid():
    assert check_iec("AAPFU0939F").status == "valid"


def test_old_numeric_iec_is_an_old_format_iec_to_check_at_dgft():
    result = check_iec("0512345678")
    assert result.status == "unusual"
    assert "old-format" in result.facts[0]
    assert "check your current IEC at DGFT" in result.facts[0]


def test_old_numeric_special_iec_names_the_code_that_replaced_it():
    result = check_iec("0100000037")
    assert "DGFT replaced this numeric permanent IEC with DCUN00137E" in result.facts[1]


def test_gstin_typed_as_an_iec_fails_and_names_the_pan_inside():
    result = check_iec("27AAPFU0939F1ZV")
    assert result.status == "invalid"
    assert result.problems == [
        "this is a GSTIN; your IEC is probably the PAN inside it, AAPFU0939F"
    ]


def test_gstin_with_a_typo_typed_as_an_iec_still_names_the_pan_inside():
    result = check_iec("27AAPFU0939F1ZX")
    assert result.status == "invalid"
    assert "your IEC is probably that PAN" in result.problems[0]
    assert "AAPFU0939F" in result.problems[0]


def test_fifteen_characters_of_no_known_shape_are_an_invalid_iec():
    result = check_iec("ZZZZZZZZZZZZZZZ")
    assert result.status == "invalid"
    assert "this is 15 characters" in result.problems[0]


def test_uin_with_a_right_check_character_is_an_unusual_iec():
    assert check_iec("0717UNO00157UNO").status == "unusual"


def test_uin_shaped_iec_with_a_wrong_check_character_is_invalid():
    result = check_iec("0717UNO00157UN5")
    assert result.status == "invalid"
    assert "should be O" in result.problems[0]


@pytest.mark.parametrize(
    ("iec", "words"),
    [
        ("AMDCG0111E", "Central Government"),
        ("ADSGA0129E", "State Government"),
        ("IABBR0145E", "Baggage Rules"),
        ("IIHIE0153E", "personal use"),
        ("IIEGN0161E", "Nepal"),
        ("IIEGM0170E", "Myanmar"),
        ("IIEGB0180E", "Bhutan"),
        ("ATAEF1096E", "ATA carnet"),
    ],
)
def test_special_category_iec_is_reported_as_that_special_iec(iec: str, words: str):
    result = check_iec(iec)
    assert result.status == "valid"
    assert result.facts[0].startswith("a permanent IEC that DGFT set for special categories")
    assert words in result.facts[0]
    assert not any("holder type" in fact for fact in result.facts)


@pytest.mark.parametrize("iec", ["DCUN00137E", "DCUNO0137E"])
def test_diplomats_iec_in_either_spelling_is_reported_with_the_doubt(iec: str):
    result = check_iec(iec)
    assert result.status == "unusual"
    assert "diplomatic personnel" in result.facts[0]
    assert "we could not confirm which spelling" in result.facts[1]


def test_special_iec_checked_as_a_pan_says_what_it_is():
    result = check_pan("AMDCG0111E")
    assert result.status == "unusual"
    assert "permanent IEC that DGFT set for all ministries" in result.facts[-1]


def test_special_iec_cannot_be_matched_with_a_gstin():
    result = check_match("AMDCG0111E", "27AAPFU0939F1ZV")
    assert result.status == "unusual"
    assert "not PAN-based" in result.facts[0]


@pytest.mark.parametrize("iec", ["12345", "AAPFU0939FX", "A1B2C3D4E5"])
def test_other_iec_shapes_are_invalid(iec: str):
    assert check_iec(iec).status == "invalid"


def test_iec_and_gstin_with_different_pans_do_not_match():
    result = check_match("AAPFU0939F", "29AAACH7409R1ZX")
    assert result.status == "invalid"
    assert "AAPFU0939F" in result.problems[0] and "AAACH7409R" in result.problems[0]


def test_iec_and_gstin_with_the_same_pan_match():
    assert check_match("AAPFU0939F", "27AAPFU0939F1ZV").status == "valid"


# Contact details ------------------------------------------------------------------------


def test_mobile_with_country_code_is_normalised_and_valid():
    result = check_mobile("+91 98765 43210")
    assert result.status == "valid"
    assert result.value == "9876543210"
    assert "removed the prefix +91" in result.normalised


def test_mobile_starting_with_5_is_invalid():
    assert check_mobile("5876543210").status == "invalid"


def test_email_without_a_domain_is_invalid():
    assert check_email("someone@localhost").status == "invalid"


def test_email_keeps_its_case():
    assert check_email("Someone@Example.com").value == "Someone@Example.com"


def test_email_keeps_its_hyphens():
    # The probe from issue 12: the hyphens were removed, so a different domain was checked.
    result = check_email("first-last@my-company.com")
    assert result.value == "first-last@my-company.com"
    assert result.normalised == []
    assert "mail goes to the domain my-company.com" in result.facts


def test_email_with_a_space_inside_is_invalid():
    result = check_email("a b@example.com")
    assert result.status == "invalid"
    assert result.problems == ["an e-mail address has no spaces in it"]


def test_email_loses_only_the_white_space_around_it():
    result = check_email("  someone@example.com\t")
    assert result.value == "someone@example.com"
    assert result.normalised == ["removed spaces before and after it"]


def test_email_with_full_width_characters_is_not_rewritten():
    result = check_email("ｓｏｍｅｏｎｅ@example.com")
    assert result.status == "invalid"
    assert result.value == "ｓｏｍｅｏｎｅ@example.com"
    assert "U+FF53" in result.problems[0]


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("a@@example.com", "exactly one @"),
        ("@example.com", "nothing before the @"),
        ("a(b)@example.com", "( (U+0028) ) (U+0029)"),
        (".a@example.com", "start or end with a dot"),
        ("a..b@example.com", "two dots in a row"),
        ("a@example", "must be a domain"),
        ("a@-example.com", "must be a domain"),
        ("a@example..com", "must be a domain"),
    ],
)
def test_each_broken_email_rule_is_explained(address: str, words: str):
    result = check_email(address)
    assert result.status == "invalid"
    assert any(words in problem for problem in result.problems), result.problems


# Normalisation and bad input -------------------------------------------------------------


def test_spaces_and_lower_case_are_normalised_and_reported():
    result = check_gstin(" 27aapfu0939f 1zv ")
    assert result.value == "27AAPFU0939F1ZV"
    assert result.status == "valid"
    assert "removed spaces and hyphens" in result.normalised
    assert "changed lower-case letters to capitals" in result.normalised


def test_full_width_characters_are_normalised_and_reported():
    result = check_pan("ＡＡＰＦＵ０９３９Ｆ")
    assert result.value == "AAPFU0939F"
    assert result.normalised[0].startswith("changed full-width")


def test_non_ascii_letters_are_invalid_with_a_reason():
    result = check_pan("AAPFÜ0939F")
    assert result.status == "invalid"
    assert "Ü" in result.problems[0]


@pytest.mark.parametrize("raw", ["", "   ", "A" * 101, "AAPFU\x000939F", "AAPFU\x1b0939F"])
def test_input_that_cannot_be_checked_is_a_usage_error(raw: str):
    with pytest.raises(UsageError):
        check_pan(raw)


# Command line ---------------------------------------------------------------------------


def test_cli_exits_0_for_valid(capsys):
    assert idcheck.main(["gstin", "27AAPFU0939F1ZV"]) == 0
    assert "VALID" in capsys.readouterr().out


def test_cli_exits_1_and_lists_every_failed_rule(capsys):
    assert idcheck.main(["gstin", "22AAAAA0000A1Z5"]) == 1
    output = capsys.readouterr().out
    assert output.count("FAIL:") == 2
    assert "help: https://" in output


def test_cli_json_is_machine_readable(capsys):
    assert idcheck.main(["pan", "AAPFU0939F", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "valid"
    assert data["kind"] == "PAN"


@pytest.mark.parametrize(
    "argv", [[], ["gstin"], ["nonsense", "X"], ["match", "AAPFU0939F"], ["gstin", ""]]
)
def test_cli_usage_errors_exit_2_with_one_line(argv, capsys):
    with pytest.raises(SystemExit) as raised:
        code = idcheck.main(argv)
        raise SystemExit(code)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


# The crash of issue 25: a 15-character IEC shaped like an OIDAR GSTIN, with punctuation --------


@pytest.mark.parametrize("raw", ["99AB.DEF1234OS5", "99AB.DEF1234OSS", "27ABCD!1234AZD5"])
def test_punctuated_special_gstin_shape_as_iec_is_invalid_for_its_shape(raw: str):
    result = check_iec(raw)
    assert result.status == "invalid"
    assert result.problems == [idcheck.say("iec_shape", length=15, value=raw)]


def test_punctuated_special_gstin_shape_as_iec_gives_no_traceback_from_the_program():
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "iec", "99AB.DEF1234OS5"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert (run.returncode, run.stderr) == (1, "")
    assert run.stdout.startswith("IEC 99AB.DEF1234OS5: INVALID\n  FAIL: an IEC is 10 characters")


# Advice: what to do, and the reader's question about logging in ------------------------------


def test_iec_answer_says_login_uses_the_icegate_id_and_where_dgft_shows_its_status():
    result = check_iec("AAPFU0939F")
    assert result.status == "valid"
    assert result.advice == [
        "to see whether DGFT shows an IEC as active, open DGFT's page View IEC Related Details: "
        "https://www.dgft.gov.in/CP/?opt=view-any-ice",
        "to log in to ICEGATE, use your ICEGATE ID and password, not the IEC",
    ]


def test_unusual_iec_comes_first_with_one_sentence_of_what_to_do():
    result = check_iec("0388012345")
    assert result.status == "unusual"
    assert result.advice[0] == idcheck.say("todo_unusual_iec")
    assert len(result.advice) == 3


@pytest.mark.parametrize(
    ("function", "raw"), [(check_gstin, "9917IRL29003OSG"), (check_pan, "AAAEA1234A")]
)
def test_unusual_pan_or_gstin_says_what_to_do(function, raw):
    result = function(raw)
    assert result.status == "unusual"
    assert len(result.advice) == 1 and "character by character" in result.advice[0]


def test_valid_gstin_has_no_advice():
    assert check_gstin("27AAPFU0939F1ZV").advice == []


def test_cli_prints_advice_as_what_to_do_lines(capsys):
    assert idcheck.main(["iec", "0388012345"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[1:]] == ["  ok", *["  what to do"] * 3]


# Hindi ----------------------------------------------------------------------------------


def test_hindi_tables_have_the_same_keys_as_english():
    assert set(idcheck.MESSAGES_HI) == set(idcheck.MESSAGES)
    for name, table in idcheck.TABLES.items():
        assert set(idcheck.TABLES_HI[name]) == set(table), name


@pytest.mark.parametrize("key", sorted(idcheck.MESSAGES))
def test_hindi_message_fills_the_same_fields_as_english(key: str):
    fields = idcheck.FIELD.findall
    assert sorted(fields(idcheck.MESSAGES_HI[key])) == sorted(fields(idcheck.MESSAGES[key]))


def test_languages_offered_are_those_with_texts():
    assert tuple(idcheck.TEXTS) == idcheck.LANGUAGES


def test_gstin_answers_in_hindi_with_state_and_holder_in_hindi():
    result = check_gstin("27AAPFU0939F1ZV", language="hi")
    assert result.status == "valid"
    assert "राज्य कोड 27: महाराष्ट्र" in result.facts
    assert "PAN AAPFU0939F (धारक का प्रकार F: फर्म (पार्टनरशिप))" in result.facts


def test_usage_error_is_in_hindi_too():
    with pytest.raises(UsageError, match="कोई PAN नहीं दिया गया"):
        check_pan(" ", language="hi")


def test_cli_answers_in_hindi_with_the_hindi_editions_help_link(capsys):
    assert idcheck.main(["gstin", "27AAPFU0939F1ZX", "--lang", "hi"]) == 1
    output = capsys.readouterr().out
    assert output.startswith("GSTIN 27AAPFU0939F1ZX: गलत\n")
    assert "  मदद:  https://icegate-guide.github.io/icegate-guide/hi/before-you-start/" in output


def test_language_setting_ends_with_the_call():
    check_pan("AAAPE1234K", language="hi")
    assert check_pan("AAAPE1234K").facts[0] == "holder type P: individual"
