#!/usr/bin/env python3
"""Check the format of Indian trade IDs: IEC, PAN, GSTIN, and OTP contact details.

Runs with any Python 3.9 or newer, on Windows, macOS and Linux, with no extra packages.
It checks only the *format* of an ID on your own computer; it does not ask any government
service whether the ID exists, and it sends nothing anywhere.

Examples:
    python idcheck.py gstin 27AAPFU0939F1ZV
    python idcheck.py iec AAPFU0939F
    python idcheck.py pan aapfu0939f
    python idcheck.py match AAPFU0939F 27AAPFU0939F1ZV
    python idcheck.py mobile "+91 98765 43210"
    python idcheck.py email someone@example.com
    python idcheck.py gstin 27AAPFU0939F1ZV --json

Exit status: 0 valid (or unusual but possible), 1 invalid, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Optional, Tuple

GUIDE_URL = "https://icegate-guide.github.io/icegate-guide/"
MAX_INPUT = 100
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

#: Meaning of the 4th character of a PAN (the holder type).
PAN_HOLDER_TYPES: Dict[str, str] = {
    "P": "individual",
    "C": "company",
    "H": "Hindu undivided family (HUF)",
    "F": "firm (partnership)",
    "A": "association of persons",
    "T": "trust",
    "B": "body of individuals",
    "L": "local authority",
    "J": "artificial juridical person",
    "G": "government",
}
#: Holder-type letters that some sources report and others do not.
PAN_DISPUTED_TYPES: Dict[str, str] = {
    "E": "limited liability partnership, according to some sources",
    "K": "reported by some sources only",
}

#: GST state codes (Census codes), with the codes GST adds for special cases.
GST_STATE_CODES: Dict[str, str] = {
    "01": "Jammu and Kashmir",
    "02": "Himachal Pradesh",
    "03": "Punjab",
    "04": "Chandigarh",
    "05": "Uttarakhand",
    "06": "Haryana",
    "07": "Delhi",
    "08": "Rajasthan",
    "09": "Uttar Pradesh",
    "10": "Bihar",
    "11": "Sikkim",
    "12": "Arunachal Pradesh",
    "13": "Nagaland",
    "14": "Manipur",
    "15": "Mizoram",
    "16": "Tripura",
    "17": "Meghalaya",
    "18": "Assam",
    "19": "West Bengal",
    "20": "Jharkhand",
    "21": "Odisha",
    "22": "Chhattisgarh",
    "23": "Madhya Pradesh",
    "24": "Gujarat",
    "25": "Daman and Diu (merged into 26 from 26 January 2020)",
    "26": "Dadra and Nagar Haveli and Daman and Diu",
    "27": "Maharashtra",
    "28": "Andhra Pradesh (before its division in 2014)",
    "29": "Karnataka",
    "30": "Goa",
    "31": "Lakshadweep",
    "32": "Kerala",
    "33": "Tamil Nadu",
    "34": "Puducherry",
    "35": "Andaman and Nicobar Islands",
    "36": "Telangana",
    "37": "Andhra Pradesh",
    "38": "Ladakh",
    "97": "Other Territory",
    "99": "Centre Jurisdiction",
}

PAN_SHAPE = re.compile(r"^[A-Z]{5}[0-9]{4}[A-Z]$")
TAN_SHAPE = re.compile(r"^[A-Z]{4}[0-9]{5}[A-Z]$")
EMAIL_SHAPE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


class UsageError(ValueError):
    """The input cannot be checked at all (empty, too long, control characters)."""


@dataclass
class CheckResult:
    """The outcome of one check, explained.

    Attributes:
        kind: What was checked, e.g. ``GSTIN``.
        given: The input exactly as given.
        value: The input after normalisation.
        status: ``valid``, ``unusual`` (possible, but not the common shape) or ``invalid``.
        normalised: What normalisation changed, in plain words.
        problems: Every rule the value breaks, in plain words.
        facts: What the value tells, in plain words (state, holder type, ...).
    """

    kind: str
    given: str
    value: str
    status: str = "valid"
    normalised: List[str] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    facts: List[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True unless the value is invalid."""
        return self.status != "invalid"

    def fail(self, problem: str) -> None:
        """Record a broken rule; the value becomes invalid."""
        self.problems.append(problem)
        self.status = "invalid"

    def to_dict(self) -> dict:
        """A JSON-ready dictionary."""
        return asdict(self)


def normalise(raw: str, kind: str, keep_case: bool = False) -> Tuple[str, List[str]]:
    """Clean up an ID as typed, and say what was changed.

    Full-width and other compatibility characters become plain ones, spaces and hyphens are
    removed, and letters become capitals (unless ``keep_case``).

    Args:
        raw: The input as given.
        kind: What it is meant to be, for messages.
        keep_case: Leave the letter case alone (for e-mail addresses).

    Returns:
        The cleaned value and the list of changes made.

    Raises:
        UsageError: when the input is empty, too long or holds control characters.
    """
    if len(raw) > MAX_INPUT:
        raise UsageError(f"the {kind} given is {len(raw)} characters long; at most {MAX_INPUT}")
    for position, char in enumerate(raw, start=1):
        if unicodedata.category(char) in ("Cc", "Cf") and char not in "\t":
            raise UsageError(f"the {kind} given has a control character at position {position}")
    changes = []
    value = unicodedata.normalize("NFKC", raw)
    if value != raw:
        changes.append("changed full-width or special characters to plain ones")
    stripped = re.sub(r"[\s-]", "", value)
    if stripped != value:
        changes.append("removed spaces and hyphens")
    value = stripped
    if not keep_case and value != value.upper():
        changes.append("changed lower-case letters to capitals")
        value = value.upper()
    if not value:
        raise UsageError(f"no {kind} given")
    return value, changes


def start(kind: str, raw: str, keep_case: bool = False) -> CheckResult:
    """Normalise ``raw`` and open a result for it."""
    value, changes = normalise(raw, kind, keep_case)
    result = CheckResult(kind=kind, given=raw, value=value, normalised=changes)
    strange = sorted({char for char in value if not char.isascii()})
    if strange:
        result.fail(
            f"contains characters that are not plain letters or digits: {' '.join(strange)}"
        )
    return result


def gstin_check_character(first14: str) -> str:
    """Compute the 15th (check) character of a GSTIN from its first 14 characters.

    The method is a Luhn "mod 36" sum: each character counts as 0-35 (0-9, then A-Z);
    alternate characters are doubled, starting with the second; each product adds its
    quotient and remainder by 36; the check value brings the total to a multiple of 36.

    Args:
        first14: The first 14 characters, capitals and digits only.

    Returns:
        The check character.

    Raises:
        ValueError: when ``first14`` is not 14 characters from 0-9 and A-Z.
    """
    if len(first14) != 14 or any(char not in ALPHABET for char in first14):
        raise ValueError("expected 14 characters from 0-9 and A-Z")
    total = 0
    for index, char in enumerate(first14):
        product = ALPHABET.index(char) * (2 if index % 2 else 1)
        total += product // 36 + product % 36
    return ALPHABET[(36 - total % 36) % 36]


def pan_rules(value: str, result: CheckResult, label: str = "PAN") -> None:
    """Add the PAN structure rules for ``value`` to ``result`` (problems and facts)."""
    if len(value) != 10:
        result.fail(f"a {label} has 10 characters; this has {len(value)}")
        return
    if not value[:5].isalpha() or not value[:5].isascii():
        result.fail(f"characters 1-5 of a {label} are letters; here they are {value[:5]}")
    if not value[5:9].isdigit() or not value[5:9].isascii():
        result.fail(f"characters 6-9 of a {label} are digits; here they are {value[5:9]}")
    elif value[5:9] == "0000":
        result.fail(
            f"the serial number in characters 6-9 of a {label} runs from 0001; 0000 is not used"
        )
    if not value[9].isalpha() or not value[9].isascii():
        result.fail(f"the last character of a {label} is a letter; here it is {value[9]}")
    holder = value[3]
    if holder in PAN_HOLDER_TYPES:
        result.facts.append(f"holder type {holder}: {PAN_HOLDER_TYPES[holder]}")
    elif holder in PAN_DISPUTED_TYPES:
        result.facts.append(f"holder type {holder}: {PAN_DISPUTED_TYPES[holder]}")
        if result.status == "valid":
            result.status = "unusual"
    elif holder.isalpha():
        result.fail(f"the 4th character of a {label} is the holder type; {holder} is not one")
    if result.ok:
        result.facts.append(
            "the last letter is a check character whose method is not published, "
            "so it cannot be verified here"
        )


def check_pan(raw: str) -> CheckResult:
    """Check a PAN (Permanent Account Number).

    Args:
        raw: The PAN as typed.

    Returns:
        The explained result.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    result = start("PAN", raw)
    if result.ok:
        pan_rules(result.value, result)
    return result


def check_iec(raw: str) -> CheckResult:
    """Check an IEC (Importer Exporter Code).

    Today's IECs are the holder's PAN. Older IECs are 10 digits. Some residuary categories
    hold other codes (for example a GSTN-issued UIN), which are reported as unusual.

    Args:
        raw: The IEC as typed.

    Returns:
        The explained result.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    result = start("IEC", raw)
    if not result.ok:
        return result
    value = result.value
    if len(value) == 10 and value.isdigit():
        result.facts.append("an older, all-numeric IEC (issued before the PAN became the IEC)")
    elif len(value) == 10 and PAN_SHAPE.match(value):
        result.facts.append("a PAN-based IEC (the usual form since 2017)")
        pan_rules(value, result, label="PAN-based IEC")
    elif len(value) == 15 and value.isalnum():
        result.status = "unusual"
        result.facts.append(
            "15 characters: not a PAN-based or numeric IEC, but some residuary categories use "
            "a number issued by GSTN (such as a UIN) as their IEC"
        )
    else:
        result.fail(
            "an IEC is either 10 characters shaped like a PAN (5 letters, 4 digits, 1 letter) "
            f"or 10 digits; this is {len(value)} characters: {value}"
        )
    return result


def special_gstin_kind(value: str) -> Optional[str]:
    """Describe a GSTIN that does not embed a PAN, if its shape is one we know."""
    if value[:2] == "99" and value[12:14] == "OS":
        return "a non-resident online service provider (state code 99, 'OS' in characters 13-14)"
    if TAN_SHAPE.match(value[2:12]) and value[13] == "D":
        return (
            "a TDS deductor registration, probably (a TAN in characters 3-12, 'D' in character 14)"
        )
    return None


def check_gstin(raw: str) -> CheckResult:
    """Check a GSTIN (GST Identification Number), including its check character.

    Args:
        raw: The GSTIN as typed.

    Returns:
        The explained result. Special registrations that do not embed a PAN are "unusual"
        when their check character is right, never rejected for their shape alone.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    result = start("GSTIN", raw)
    if not result.ok:
        return result
    value = result.value
    if len(value) != 15:
        result.fail(f"a GSTIN has 15 characters; this has {len(value)}")
        return result
    bad = sorted({char for char in value if char not in ALPHABET})
    if bad:
        result.fail(f"a GSTIN holds only capital letters and digits; this also has {' '.join(bad)}")
        return result
    expected = gstin_check_character(value[:14])
    check_ok = value[14] == expected
    state = value[:2]
    if state in GST_STATE_CODES:
        result.facts.append(f"state code {state}: {GST_STATE_CODES[state]}")
    else:
        result.fail(f"characters 1-2 are the state code; {state} is not a GST state code")
    if PAN_SHAPE.match(value[2:12]):
        ordinary_gstin_rules(value, result)
    elif check_ok:
        special = special_gstin_kind(value) or "a special registration that does not embed a PAN"
        result.facts.insert(0, f"looks like {special}")
        if result.ok:
            result.status = "unusual"
    else:
        result.fail(
            f"characters 3-12 of an ordinary GSTIN are a PAN; {value[2:12]} is not shaped like "
            "one (and the check character is wrong, so it is not a special registration either)"
        )
    if check_ok:
        result.facts.append(f"check character {value[14]} is right")
    else:
        result.fail(
            f"the check character (15th) is {value[14]}, but the first 14 characters "
            f"call for {expected}"
        )
    return result


def ordinary_gstin_rules(value: str, result: CheckResult) -> None:
    """Rules for a GSTIN that embeds a PAN: the PAN, the 13th and the 14th character."""
    pan = CheckResult("PAN", value[2:12], value[2:12])
    pan_rules(value[2:12], pan, label="PAN in characters 3-12")
    if pan.ok:
        result.facts.append(f"PAN {value[2:12]} ({pan.facts[0]})")
    for problem in pan.problems:
        result.fail(problem)
    if value[12] == "0":
        result.fail(
            "character 13 counts registrations under this PAN in the state "
            "(1-9, then A-Z); 0 is not used"
        )
    else:
        result.facts.append(f"registration number {value[12]} for this PAN in this state")
    if value[13] != "Z":
        result.fail(f"character 14 is Z in ordinary GSTINs; here it is {value[13]}")


def check_match(iec_raw: str, gstin_raw: str) -> CheckResult:
    """Check that an IEC and a GSTIN carry the same PAN.

    Args:
        iec_raw: The IEC as typed.
        gstin_raw: The GSTIN as typed.

    Returns:
        The explained result, including the problems of either ID.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    iec = check_iec(iec_raw)
    gstin = check_gstin(gstin_raw)
    result = CheckResult(
        kind="IEC and GSTIN",
        given=f"{iec_raw} {gstin_raw}",
        value=f"{iec.value} {gstin.value}",
        normalised=iec.normalised + gstin.normalised,
    )
    for part in (iec, gstin):
        for problem in part.problems:
            result.fail(f"{part.kind}: {problem}")
    if not result.ok:
        return result
    if not PAN_SHAPE.match(iec.value):
        result.status = "unusual"
        result.facts.append("the IEC is not PAN-based, so it cannot be compared with the GSTIN")
    elif iec.value != gstin.value[2:12]:
        result.fail(
            f"the IEC carries PAN {iec.value} but the GSTIN carries PAN {gstin.value[2:12]}; "
            "ICEGATE expects both to belong to the same business"
        )
    else:
        result.facts.append(f"both carry PAN {iec.value}")
    return result


def check_mobile(raw: str) -> CheckResult:
    """Check an Indian mobile number as registered for OTPs (10 digits, starting 6-9).

    Args:
        raw: The number as typed, with or without +91, 91 or 0 in front.

    Returns:
        The explained result.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    result = start("mobile number", raw)
    value = result.value
    for prefix in ("+91", "0091", "91", "0"):
        if value.startswith(prefix) and len(value) - len(prefix) == 10:
            value = value[len(prefix) :]
            result.normalised.append(f"removed the prefix {prefix}")
            break
    result.value = value
    if not result.ok:
        return result
    if not value.isdigit() or not value.isascii():
        result.fail("a mobile number holds digits only")
    elif len(value) != 10:
        result.fail(f"an Indian mobile number has 10 digits; this has {len(value)}")
    elif value[0] not in "6789":
        result.fail(f"Indian mobile numbers start with 6, 7, 8 or 9; this starts with {value[0]}")
    else:
        result.facts.append("the shape of an Indian mobile number")
    return result


def check_email(raw: str) -> CheckResult:
    """Check the shape of an e-mail address as registered for OTPs.

    Args:
        raw: The address as typed.

    Returns:
        The explained result (shape only; nothing is sent).

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    result = start("e-mail address", raw, keep_case=True)
    if not result.ok:
        return result
    value = result.value
    if value.count("@") != 1:
        result.fail(f"an e-mail address has exactly one @; this has {value.count('@')}")
    elif not EMAIL_SHAPE.match(value):
        result.fail("the part after @ must be a domain such as example.com, with no odd characters")
    else:
        result.facts.append(f"mail goes to the domain {value.split('@')[1].lower()}")
    return result


CHECKS = {
    "iec": (check_iec, 1, "IEC"),
    "pan": (check_pan, 1, "PAN"),
    "gstin": (check_gstin, 1, "GSTIN"),
    "match": (check_match, 2, "IEC GSTIN"),
    "mobile": (check_mobile, 1, "NUMBER"),
    "email": (check_email, 1, "ADDRESS"),
}
HELP_LINKS = {
    "iec": "troubleshoot/#iec-not-valid",
    "match": "troubleshoot/#iec-not-valid",
    "gstin": "before-you-start/iec/#how-iec-pan-and-gstin-fit-together",
    "mobile": "troubleshoot/#registration-contact-details",
    "email": "troubleshoot/#registration-contact-details",
}


def render(result: CheckResult, check: str) -> str:
    """The human-readable report of one result."""
    lines = [f"{result.kind} {result.value}: {result.status.upper()}"]
    for change in result.normalised:
        lines.append(f"  note: {change} (you typed {result.given!r})")
    for problem in result.problems:
        lines.append(f"  FAIL: {problem}")
    for fact in result.facts:
        lines.append(f"  ok:   {fact}")
    if not result.ok and check in HELP_LINKS:
        lines.append(f"  help: {GUIDE_URL}{HELP_LINKS[check]}")
    return "\n".join(lines)


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print ``idcheck: error: ...`` and exit 2."""
        self.exit(2, f"{self.prog}: error: {message} (try --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = OneLineParser(
        prog="idcheck",
        description="Check the format of an IEC, PAN, GSTIN, mobile number or e-mail address.",
    )
    parser.add_argument("check", choices=sorted(CHECKS), help="what to check")
    parser.add_argument("values", nargs="+", metavar="VALUE", help="the ID (two for 'match')")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; return the exit status (0 valid, 1 invalid, 2 usage error)."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    function, count, names = CHECKS[args.check]
    if len(args.values) != count:
        parser.error(f"'{args.check}' takes {count} value(s): {names}")
    try:
        result = function(*args.values)
    except UsageError as error:
        print(f"idcheck: error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(result, args.check))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
