"""The ID checks against python-stdnum (a test-only dependency) and an official state-code list.

python-stdnum is a well-kept, independent implementation of the GSTIN and PAN rules. On
generated GSTINs and PANs the two must agree, except where we differ on purpose. Every
deliberate difference is named here, and each is one-sided: we accept (as *unusual*, or as
valid for the newer state codes) what stdnum refuses, never the other way round.

1. State codes 38 (Ladakh, since 2019), 97 (Other Territory) and 99 (Centre Jurisdiction):
   stdnum 2.2 knows 01-37 only; the GST systems use all three (see STATE_CODES below).
2. A 14th GSTIN character other than Z: stdnum requires Z. C marks an e-commerce operator's
   TCS registration and D a TDS registration, and GSTN's own API patterns accept other
   characters too; we call them unusual, never invalid for their shape alone.
3. PAN holder type E: stdnum does not know it; some sources report it for limited liability
   partnerships, so we call it unusual rather than invalid. (Holder type K, which stdnum
   calls "Krish (Trust Krish)", is accepted by both; we call it unusual too.)
4. GSTINs that embed no PAN (UINs of UN bodies and embassies, non-resident and foreign
   online service providers, TDS registrations with a TAN): stdnum requires a PAN shape;
   we accept them as unusual when their check character is right.
"""

from __future__ import annotations

import random

import pytest
from idcheck import GST_STATE_CODES, PAN_SHAPE, check_gstin, check_pan, gstin_check_ok
from stdnum import luhn
from stdnum.in_ import gstin as stdnum_gstin
from stdnum.in_ import pan as stdnum_pan

from tests.idinputs import ALPHABET, LETTERS, random_pan, special_gstin, with_check

#: GST state codes as the GST e-invoice system (IRP, run by GSTN and NIC) accepts them, typed
#: here by hand from Vertex's IRP documentation of the supplier's state code ("State Code of
#: the Supplier per the GST System"):
#: https://developer.vertexinc.com/einvoicing/docs/india-b2b-suppliers-state-code
#: plus 25 (Daman and Diu), which that list no longer shows since the merger into 26 on
#: 26 January 2020, but which older GSTINs carry and GST state masters list, for example
#: ClearTax's GST API state master:
#: https://docs.cleartax.in/cleartax-docs/gst-api-1/gst-api-reference/resources-and-masters/place-is-supply-master
STATE_CODES = {
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
    "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "26", "27", "28", "29",
    "30", "31", "32", "33", "34", "35", "36", "37", "38", "97", "99",
}  # fmt: skip
DAMAN_AND_DIU_BEFORE_2020 = "25"
OURS_ONLY_STATES = {"38", "97", "99"}
OURS_ONLY_HOLDERS = {"E"}
KNOWN_HOLDERS = "PCHFATBLJGEK"


def accepted(result) -> bool:
    return result.status != "invalid"


def generated_gstins(count: int = 4000, seed: int = 2017) -> list[str]:
    """GSTIN-like values: any state code, PAN-shaped or special middles, right or wrong checks."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.1:
            found.append(special_gstin(rng))
            continue
        state = f"{rng.randint(0, 99):02d}" if roll < 0.3 else rng.choice(sorted(STATE_CODES))
        holders = KNOWN_HOLDERS if rng.random() < 0.85 else LETTERS
        middle = random_pan(rng, holders) if rng.random() < 0.9 else "".join(
            rng.choice(ALPHABET) for _ in range(10)
        )
        thirteenth = rng.choice(ALPHABET)
        fourteenth = "Z" if rng.random() < 0.7 else rng.choice(ALPHABET)
        first14 = state + middle + thirteenth + fourteenth
        right = rng.random() < 0.85
        found.append(with_check(first14) if right else first14 + rng.choice(ALPHABET))
    return found


def deliberate_difference(gstin: str) -> str | None:
    """The documented reason our check may accept a GSTIN that stdnum refuses, if any."""
    if gstin[:2] in OURS_ONLY_STATES:
        return "state code 38, 97 or 99"
    if gstin[13] != "Z":
        return "14th character other than Z"
    if not PAN_SHAPE.match(gstin[2:12]):
        return "no PAN inside (special registration)"
    if gstin[5] in OURS_ONLY_HOLDERS:
        return "PAN holder type E"
    return None


GSTINS = generated_gstins()


def test_generated_gstins_cover_agreement_and_every_deliberate_difference():
    reasons = {deliberate_difference(g) for g in GSTINS if gstin_check_ok(g)}
    assert reasons >= {
        None, "state code 38, 97 or 99", "14th character other than Z",
        "no PAN inside (special registration)", "PAN holder type E",
    }  # fmt: skip
    assert sum(stdnum_gstin.is_valid(g) for g in GSTINS) > 1000


def test_check_character_agrees_with_stdnum_luhn_mod_36():
    for gstin in GSTINS:
        assert gstin_check_ok(gstin) == luhn.is_valid(gstin, ALPHABET), gstin


def test_gstin_verdict_agrees_with_stdnum_where_no_deliberate_difference_applies():
    differences = [
        (gstin, accepted(check_gstin(gstin)), stdnum_gstin.is_valid(gstin))
        for gstin in GSTINS
        if deliberate_difference(gstin) is None
        and accepted(check_gstin(gstin)) != stdnum_gstin.is_valid(gstin)
    ]
    assert differences == []


def test_gstin_differences_are_one_sided_and_only_where_documented():
    for gstin in GSTINS:
        ours, theirs = accepted(check_gstin(gstin)), stdnum_gstin.is_valid(gstin)
        if ours != theirs:
            assert ours and not theirs, f"stdnum accepts {gstin}, we refuse it"
            assert deliberate_difference(gstin), f"{gstin}: undocumented difference"


def test_gstin_accepted_only_by_us_is_never_plain_valid_unless_a_newer_state_code():
    for gstin in GSTINS:
        result = check_gstin(gstin)
        if accepted(result) and not stdnum_gstin.is_valid(gstin):
            assert result.status == "unusual" or gstin[:2] in OURS_ONLY_STATES, gstin


def generated_pans(count: int = 3000, seed: int = 1961) -> list[str]:
    rng = random.Random(seed)
    return [random_pan(rng) for _ in range(count)]


PANS = generated_pans()


def test_pan_verdict_agrees_with_stdnum_except_holder_type_e():
    for pan in PANS:
        ours, theirs = accepted(check_pan(pan)), stdnum_pan.is_valid(pan)
        if pan[3] in OURS_ONLY_HOLDERS:
            assert not theirs, pan
        else:
            assert ours == theirs, pan


def test_pan_holder_types_cover_stdnum_plus_e():
    letters = {pan[3] for pan in PANS if accepted(check_pan(pan))}
    stdnum_letters = {pan[3] for pan in PANS if stdnum_pan.is_valid(pan)}
    assert letters == stdnum_letters | OURS_ONLY_HOLDERS


@pytest.mark.parametrize("holder", sorted(LETTERS))
def test_each_holder_letter_is_judged_as_stdnum_judges_it_or_as_documented(holder: str):
    pan = f"AAA{holder}A1234A"
    if holder in OURS_ONLY_HOLDERS:
        assert check_pan(pan).status == "unusual" and not stdnum_pan.is_valid(pan)
    else:
        assert accepted(check_pan(pan)) == stdnum_pan.is_valid(pan)


def test_state_codes_are_the_official_list_plus_daman_and_diu_before_2020():
    assert set(GST_STATE_CODES) == STATE_CODES | {DAMAN_AND_DIU_BEFORE_2020}


@pytest.mark.parametrize("code", sorted(STATE_CODES))
def test_gstin_with_each_official_state_code_is_accepted(code: str):
    assert check_gstin(with_check(code + "AAPFU0939F1Z")).status == "valid"
