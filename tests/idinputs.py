"""Generated inputs for the ID checks' differential tests: valid, mutated, special, malformed.

Deterministic (a fixed seed), so a failure names an input that fails again on the next run.
"""

from __future__ import annotations

import functools
import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "snippets"))

from idcheck import (  # noqa: E402
    ALPHABET,
    GST_STATE_CODES,
    OLD_SPECIAL_IECS,
    PAN_DISPUTED_TYPES,
    PAN_HOLDER_TYPES,
    SPECIAL_IEC_SPELLINGS,
    SPECIAL_IECS,
    gstin_check_character,
)

LETTERS = string.ascii_uppercase
DIGITS = string.digits
#: Characters long assigned in Unicode (so every Python 3.9+ and every browser agree on them):
#: accented and other letters, full-width and circled forms, ligatures, many kinds of space,
#: dashes, zero-width and direction marks (format characters), controls, emoji.
NON_ASCII = (
    "ÄÖÜäöüßéèêçñøåæœ"
    "ıİſǅǆﬁﬂﬀ"
    "ＡＢＣＰＺａｂｃｚ０１２３９－＠．"
    "①②⑩⑴²³Ⅻⅻ℡™"
    "\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\u3000\u1680\u2028\u2029"
    "\u2010\u2011\u2013\u2014\u2212"
    "\u200b\u200c\u200d\u200e\u2060\ufeff\u00ad"
    "\x00\x07\x1b\x7f\x85\t\n\r"
    "अआक०१२३४५६७८९"
    "ΑΒΓαβγ"
    "АБВабв"
    "😀🇮🇳"
    "\u0301\u0308"
)


def random_pan(rng: random.Random, holders: str | None = None) -> str:
    """A PAN-shaped value with a holder type from ``holders`` (any letter by default)."""
    holder = rng.choice(holders or LETTERS)
    serial = f"{rng.randint(0, 9999):04d}" if rng.random() < 0.05 else f"{rng.randint(1, 9999):04d}"
    return (
        "".join(rng.choice(LETTERS) for _ in range(3))
        + holder
        + rng.choice(LETTERS)
        + serial
        + rng.choice(LETTERS)
    )


def with_check(first14: str) -> str:
    """A GSTIN: the first 14 characters and their check character."""
    return first14 + gstin_check_character(first14)


def valid_gstin(rng: random.Random, fourteenth: str = "Z") -> str:
    """A GSTIN the checks accept (valid or unusual), with the given 14th character."""
    holders = "".join(PAN_HOLDER_TYPES) + "".join(PAN_DISPUTED_TYPES)
    state = rng.choice(sorted(GST_STATE_CODES))
    return with_check(state + random_pan(rng, holders) + rng.choice(ALPHABET[1:]) + fourteenth)


def special_gstin(rng: random.Random) -> str:
    """A GSTIN that embeds no PAN: UIN, non-resident, OIDAR or TDS (TAN) shapes."""
    year = f"{rng.randint(17, 26):02d}"
    state = rng.choice(sorted(GST_STATE_CODES))
    three = "".join(rng.choice(LETTERS) for _ in range(3))
    five = f"{rng.randint(0, 99999):05d}"
    shapes = [
        state + year + three + five + rng.choice("UO") + "N",
        state + year + three + five + "NR",
        "99" + year + three + five + "OS",
        state + "".join(rng.choice(LETTERS) for _ in range(4)) + five + rng.choice(LETTERS)
        + rng.choice(ALPHABET[1:]) + "D",
    ]
    first14 = rng.choice(shapes)
    return with_check(first14) if rng.random() < 0.7 else first14 + rng.choice(ALPHABET)


def mutate(rng: random.Random, value: str) -> str:
    """One typical typing mistake or way of writing ``value``."""
    position = rng.randrange(len(value))
    choice = rng.randrange(9)
    if choice == 0:  # a different character
        return value[:position] + rng.choice(ALPHABET) + value[position + 1 :]
    if choice == 1 and position + 1 < len(value):  # two characters swapped
        return value[:position] + value[position + 1] + value[position] + value[position + 2 :]
    if choice == 2:  # a character left out
        return value[:position] + value[position + 1 :]
    if choice == 3:  # a character too many
        return value[:position] + rng.choice(ALPHABET) + value[position:]
    if choice == 4:  # small letters
        return value.lower()
    if choice == 5:  # grouped with spaces or hyphens
        return " ".join(value[i : i + 5] for i in range(0, len(value), 5)).replace(
            " ", rng.choice([" ", "-", "  ", " - "])
        )
    if choice == 6:  # full-width (typed with an East Asian input method)
        return "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in value)
    if choice == 7:  # white space around it
        return rng.choice([" ", "\t", "\u00a0", "\u3000"]) + value + rng.choice([" ", "\t", ""])
    return value[:position] + rng.choice(NON_ASCII) + value[position:]  # a stray character


def malformed(rng: random.Random) -> str:
    """Random printable ASCII of random length (0 to 120)."""
    pool = string.ascii_letters + string.digits + string.punctuation + " "
    return "".join(rng.choice(pool) for _ in range(rng.choice([0, 1, 5, 9, 10, 11, 14, 15, 16,
                                                              30, 99, 100, 101, 120])))


def non_ascii(rng: random.Random) -> str:
    """A short value mixing ASCII ID characters with characters from :data:`NON_ASCII`."""
    pool = ALPHABET + NON_ASCII
    return "".join(rng.choice(pool) for _ in range(rng.randint(1, 20)))


def special_iec(rng: random.Random) -> str:
    """One of the special IECs, their spelling variants or old numeric codes, or a number."""
    pool = [*SPECIAL_IECS, *SPECIAL_IEC_SPELLINGS, *OLD_SPECIAL_IECS]
    if rng.random() < 0.2:
        return "".join(rng.choice(DIGITS) for _ in range(10))
    return rng.choice(pool)


@functools.cache
def generated_inputs(count: int = 5200, seed: int = 12) -> tuple[str, ...]:
    """``count`` distinct inputs: valid, mutated, special, malformed and non-ASCII.

    Made once per process, when a test first asks (not when the tests are collected).
    """
    rng = random.Random(seed)
    makers = [
        (0.14, lambda: valid_gstin(rng)),
        (0.04, lambda: valid_gstin(rng, rng.choice("CD"))),
        (0.03, lambda: valid_gstin(rng, rng.choice(LETTERS + DIGITS))),
        (0.08, lambda: random_pan(rng)),
        (0.08, lambda: special_gstin(rng)),
        (0.05, lambda: special_iec(rng)),
        (0.28, lambda: mutate(rng, rng.choice([valid_gstin(rng), random_pan(rng),
                                                 special_gstin(rng), special_iec(rng)]))),
        (0.15, lambda: malformed(rng)),
        (0.15, lambda: non_ascii(rng)),
    ]
    weights = [weight for weight, _ in makers]
    found: dict[str, None] = {}
    while len(found) < count:
        maker = rng.choices([make for _, make in makers], weights)[0]
        found[maker()] = None
    return tuple(found)
