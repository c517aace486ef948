"""Property tests of idcheck.py: every branch reached by a strategy aimed at it, none crashes.

The strategies come from ``tests/idinputs.py`` (one per branch shape, and mutations with
punctuation and Unicode look-alikes); the in-page checker is run on examples of the same
strategies (``tests/site/test_idcheck_page.py``). ``test_idcheck_coverage.py`` runs this file
under coverage and fails unless every line and branch of idcheck.py is taken.
"""

from __future__ import annotations

import contextlib
import io
import json
import runpy
import string
import sys

import idcheck
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from idcheck import (
    GST_STATE_CODES,
    PAN_HOLDER_TYPES,
    UsageError,
    check_gstin,
    gstin_check_character,
)

from tests.idinputs import ID_INPUTS, SHAPES, mutated, shape

ALPHABET = string.digits + string.ascii_uppercase
ID_CHECKS = ("iec", "pan", "gstin")

#: The forms of the other checks' input, one strategy each, aimed at their branches.
MOBILE_FORMS = {
    "mobile-with-prefix": r"(\+91|0091|91|0)?[6-9][0-9]{9}",
    "mobile-grouped": r"\+?91 [0-9]{5} [0-9]{5}",
    "mobile-wrong-start": r"[0-5][0-9]{9}",
    "mobile-wrong-length": r"[0-9]{1,9}|[0-9]{11,14}",
    "mobile-not-digits": r"[0-9 +]{0,6}[A-Za-z!-/:-@][0-9]{0,9}",
    "mobile-devanagari-digits": r"[०-९]{10}",
}
EMAIL_FORMS = {
    "email": r" ?[a-z0-9.+_-]{1,10}@[a-z0-9]{1,8}\.[a-z]{2,4} ?",
    "email-odd-domain": r"[a-z]{1,5}@(-?[a-z0-9-]{0,5}-?)(\.[a-z0-9-]{0,4}){0,2}",
    "email-several-at": r"[a-z]{0,5}@[a-z]{0,5}@[a-z]{1,5}\.in",
    "email-nothing-before-at": r"@[a-z]{1,5}\.com",
    "email-odd-local": r"[a-z()\[\],;:<>\\]{1,6}@example\.com",
    "email-dots": r"\.?[a-z]{1,3}(\.\.)?[a-z]{0,3}\.?@example\.com",
    "email-spaces": r"[a-z]{1,4} [a-z]{1,4}@example\.com",
    "email-blank": r"[ \t]{0,3}",
    "email-non-ascii": r"[a-zé]{1,4}@example\.com",
}
IECS = st.one_of(shape("pan"), shape("special-iec"), shape("numeric-iec"), ID_INPUTS)
GSTINS = st.one_of(shape("gstin"), shape("gstin-14th-tcs-tds"), ID_INPUTS)
MATCH_FORMS = {
    "match-same-pan": shape("gstin").map(lambda gstin: [gstin[2:12], gstin]),
    "match-different-pans": st.tuples(shape("pan"), shape("gstin")).map(list),
    "match-iec-not-a-pan": st.tuples(
        st.one_of(shape("special-iec"), shape("numeric-iec")), shape("gstin")
    ).map(list),
    "match-anything": st.tuples(IECS, GSTINS).map(list),
}
#: Every form of input of every check, by name: (check, strategy for its list of values).
FORMS: dict[str, tuple[str, st.SearchStrategy[list[str]]]] = {
    **{name: ("mobile", st.from_regex(rf"(?:{form})", fullmatch=True).map(lambda v: [v]))
       for name, form in MOBILE_FORMS.items()},
    **{name: ("email", st.from_regex(rf"(?:{form})", fullmatch=True).map(lambda v: [v]))
       for name, form in EMAIL_FORMS.items()},
    **{name: ("match", strategy) for name, strategy in MATCH_FORMS.items()},
}
#: A check and the values it takes (two for "match"), aimed at every branch of every check.
ANY_CHECK_AND_VALUES = st.one_of(
    st.tuples(st.sampled_from(ID_CHECKS), ID_INPUTS.map(lambda value: [value])),
    *[st.tuples(st.just(check), strategy) for check, strategy in FORMS.values()],
    st.sampled_from(sorted(idcheck.CHECKS)).flatmap(
        lambda check: st.tuples(
            st.just(check),
            st.lists(st.text(max_size=130), min_size=idcheck.CHECKS[check][1],
                     max_size=idcheck.CHECKS[check][1]),
        )
    ),
)


def run_main(argv: list[str]) -> tuple[int, str, str]:
    """Run the command line in this process; its exit status, output and error output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = idcheck.main(argv)
        except SystemExit as exit_:
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


@st.composite
def valid_gstins(draw) -> str:
    state = draw(st.sampled_from(sorted(GST_STATE_CODES)))
    letters = st.text(string.ascii_uppercase, min_size=1, max_size=1)
    pan = (
        draw(letters) + draw(letters) + draw(letters)
        + draw(st.sampled_from(sorted(PAN_HOLDER_TYPES)))
        + draw(letters)
        + f"{draw(st.integers(1, 9999)):04d}"
        + draw(letters)
    )
    entity = draw(st.sampled_from(ALPHABET[1:]))
    first14 = state + pan + entity + "Z"
    return first14 + gstin_check_character(first14)


@given(valid_gstins())
def test_every_generated_valid_gstin_passes(gstin: str):
    result = check_gstin(gstin)
    assert result.status == "valid", (gstin, result.problems)


@given(valid_gstins(), st.integers(0, 14), st.sampled_from(ALPHABET))
def test_any_single_character_change_of_a_valid_gstin_fails(gstin, position, replacement):
    if gstin[position] == replacement:
        replacement = ALPHABET[(ALPHABET.index(replacement) + 1) % 36]
    changed = gstin[:position] + replacement + gstin[position + 1 :]
    assert check_gstin(changed).status == "invalid", changed


@settings(max_examples=20, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_shape_and_its_mutations_get_an_answer_from_every_id_check(name, data):
    value = data.draw(st.one_of(shape(name), mutated(shape(name))), label="value")
    for check in ID_CHECKS:
        try:
            result = idcheck.CHECKS[check][0](value)
        except UsageError:
            continue
        assert result.status in {"valid", "unusual", "invalid"}


@settings(max_examples=20, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("name", sorted(FORMS))
def test_every_form_of_the_other_checks_gets_the_same_verdict_in_both_languages(name, data):
    check, strategy = FORMS[name]
    values = data.draw(strategy, label="values")
    function = idcheck.CHECKS[check][0]
    try:
        english = function(*values)
    except UsageError:
        with pytest.raises(UsageError):
            function(*values, language="hi")
        return
    assert function(*values, language="hi").status == english.status


@settings(max_examples=60)
@given(
    # The OIDAR shape with printable ASCII but hyphens (removed as spacing) in characters 3-12.
    st.from_regex(r"99[!-,.-~]{10}OS[0-9A-Z]", fullmatch=True)
    .map(str.upper)
    .filter(lambda value: not value[2:12].isalnum())
)
def test_a_15_character_iec_with_punctuation_is_refused_for_its_shape(value):
    result = idcheck.check_iec(value)
    assert result.status == "invalid"
    assert result.problems == [idcheck.say("iec_shape", length=15, value=value)]


@settings(max_examples=60)
@given(st.one_of(shape("oidar-wrong-check"), shape("uin-wrong-check"), shape("nrtp-wrong-check")))
def test_a_special_gstin_typed_as_an_iec_with_a_wrong_check_character_names_the_right_one(value):
    result = idcheck.check_iec(value)
    expected = gstin_check_character(value[:14])
    if expected != value[14]:
        assert result.status == "invalid"
        assert f"should be {expected}" in result.problems[0]


@settings(max_examples=60)
@given(
    st.one_of(shape("oidar"), shape("uin"), shape("nrtp"), shape("tds-tan")).filter(
        lambda value: value[:2] in GST_STATE_CODES
    )
)
def test_a_special_gstin_with_its_right_check_character_is_unusual_never_invalid(value):
    assert check_gstin(value).status == "unusual", check_gstin(value).problems


@settings(max_examples=100)
@given(st.sampled_from(ID_CHECKS), ID_INPUTS)
def test_an_unusual_answer_says_in_one_sentence_what_to_do(check, value):
    try:
        result = idcheck.CHECKS[check][0](value)
    except UsageError:
        return
    todo = [line for line in result.advice if line == idcheck.say(f"todo_unusual_{check}")]
    assert len(todo) == (1 if result.status == "unusual" else 0)


@settings(max_examples=100)
@given(ID_INPUTS)
def test_every_iec_answer_says_login_uses_the_icegate_id_and_links_dgfts_status_page(value):
    try:
        result = idcheck.check_iec(value)
    except UsageError:
        return
    assert idcheck.say("iec_login") in result.advice
    assert any(idcheck.DGFT_IEC_STATUS_URL in line for line in result.advice)


@settings(max_examples=150)
@given(ANY_CHECK_AND_VALUES)
def test_hindi_answers_give_the_same_verdict_and_as_many_lines_as_english(check_and_values):
    check, args = check_and_values
    function = idcheck.CHECKS[check][0]
    try:
        english = function(*args)
    except UsageError:
        with pytest.raises(UsageError):
            function(*args, language="hi")
        return
    hindi = function(*args, language="hi")
    assert hindi.status == english.status
    assert hindi.value == english.value
    for part in ("normalised", "problems", "facts", "advice"):
        assert len(getattr(hindi, part)) == len(getattr(english, part)), part


@settings(max_examples=300)
@given(ANY_CHECK_AND_VALUES)
def test_fuzzed_input_never_raises_anything_but_a_usage_error(check_and_values):
    check, values = check_and_values
    try:
        result = idcheck.CHECKS[check][0](*values)
    except UsageError:
        return
    assert result.status in {"valid", "unusual", "invalid"}


@settings(max_examples=150, deadline=None)
@given(
    # A value starting with "-" would be taken for an option (a usage error, exit 2).
    ANY_CHECK_AND_VALUES.filter(lambda pair: not any(v.startswith("-") for v in pair[1])),
    st.sampled_from([[], ["--json"], ["--lang", "hi"], ["--json", "--lang", "hi"]]),
)
def test_fuzzed_command_line_exits_0_1_or_2_with_at_most_one_error_line(check_and_values, flags):
    check, values = check_and_values
    code, out, err = run_main([check, *values, *flags])
    assert code in (0, 1, 2), err
    assert err.count("\n") <= 1, err
    if code == 2:
        assert err.startswith("idcheck: error: ") and out == ""
    else:
        assert err == ""
        if "--json" in flags:
            assert json.loads(out)["status"] in {"valid", "unusual", "invalid"}


@settings(max_examples=50)
@given(st.from_regex(r"[a-z]{2,5}", fullmatch=True).filter(lambda code: code not in ("en", "hi")))
def test_a_language_the_checks_do_not_speak_is_a_usage_error(language):
    with pytest.raises(UsageError, match="not one of: en, hi"):
        idcheck.check_pan("AAAPE1234K", language=language)


@settings(max_examples=50)
@given(st.text(min_size=0, max_size=20).filter(
    lambda text: len(text) != 14 or any(char not in ALPHABET for char in text)
))
def test_check_character_is_computed_only_from_14_id_characters(text):
    with pytest.raises(ValueError, match="14 characters"):
        gstin_check_character(text)


@pytest.mark.parametrize("argv", [["match", "AAPFU0939F"], ["iec", "A", "B"]])
def test_a_wrong_number_of_values_is_a_one_line_usage_error(argv):
    code, out, err = run_main(argv)
    assert (code, out) == (2, "")
    assert err.startswith("idcheck: error: '") and err.count("\n") == 1


def test_a_fault_inside_a_check_is_one_line_and_exit_3_never_a_traceback(monkeypatch):
    def broken(raw: str, language: str = "en") -> idcheck.CheckResult:
        raise KeyError("a fault planted by this test")

    monkeypatch.setitem(idcheck.CHECKS, "pan", (broken, 1, "PAN"))
    code, out, err = run_main(["pan", "AAAPE1234K"])
    assert (code, out) == (3, "")
    assert err.startswith("idcheck: internal error (KeyError)") and err.count("\n") == 1
    assert "Traceback" not in err


def test_the_file_run_as_a_program_exits_with_the_status_of_its_answer(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["idcheck.py", "gstin", "27AAPFU0939F1ZX"])
    with pytest.raises(SystemExit) as exit_:
        runpy.run_path(idcheck.__file__, run_name="__main__")
    assert exit_.value.code == 1
    assert capsys.readouterr().out.startswith("GSTIN 27AAPFU0939F1ZX: INVALID")
