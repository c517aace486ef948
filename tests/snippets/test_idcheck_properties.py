"""Property tests: generated valid GSTINs pass, any single change fails, no input raises."""

from __future__ import annotations

import contextlib
import io
import string

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

ALPHABET = string.digits + string.ascii_uppercase


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


@settings(max_examples=300)
@given(st.text(max_size=120))
@pytest.mark.parametrize("check", ["iec", "pan", "gstin", "mobile", "email"])
def test_fuzzed_input_never_raises_anything_but_a_usage_error(check, text):
    function = idcheck.CHECKS[check][0]
    try:
        result = function(text)
    except UsageError:
        return
    assert result.status in {"valid", "unusual", "invalid"}


@settings(max_examples=100)
@given(text=st.text(max_size=120))
def test_fuzzed_command_line_never_prints_a_traceback(text):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = idcheck.main(["gstin", text])
        except SystemExit as exit_:
            code = exit_.code
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
