"""Generated inputs for the ID checks' property and differential tests.

Two kinds, both deterministic (a fixed seed, or Hypothesis derandomised), so a failure names an
input that fails again on the next run:

- shaped inputs: one Hypothesis strategy aimed at each branch of ``check_iec``, ``check_pan``
  and ``check_gstin`` (:data:`SHAPES`), and mutations of them that add punctuation and Unicode
  look-alikes. The property tests draw from these strategies, and the in-page checker is run
  on examples drawn from the very same strategies (:func:`shaped_inputs`);
- random inputs: valid, mutated, special, malformed and non-ASCII values from a seeded random
  generator (:func:`random_inputs`).
"""

from __future__ import annotations

import functools
import random
import string
import sys
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "snippets"))

from idcheck import (
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
#: Unicode look-alikes of ID characters: Cyrillic and Greek capitals, full-width, mathematical
#: and other letters and digits that look like A-Z and 0-9 (and a few that fold to them).
LOOKALIKES = "АВЕКМНОРСТХаеорсхІЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοＯ０𝟎𝐀ⅠℓＫ"
#: What a mistyped or pasted ID may hold besides its own characters.
STRAYS = string.punctuation + LOOKALIKES
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
    choice = rng.randrange(11)
    if choice == 9:  # punctuation or a look-alike in place of a character
        return value[:position] + rng.choice(STRAYS) + value[position + 1 :]
    if choice == 10:  # punctuation or a look-alike added
        return value[:position] + rng.choice(STRAYS) + value[position:]
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
def random_inputs(count: int = 3000, seed: int = 12) -> tuple[str, ...]:
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


# --- Shaped inputs: one strategy per branch ---------------------------------------------------


def one_of_words(words: object) -> str:
    """A regular expression that matches any of ``words`` exactly."""
    return "(" + "|".join(sorted(str(word) for word in words)) + ")"


HOLDERS = "".join(sorted(PAN_HOLDER_TYPES))
DISPUTED = "".join(sorted(PAN_DISPUTED_TYPES))
OTHER_HOLDERS = "".join(sorted(set(LETTERS) - set(HOLDERS) - set(DISPUTED)))
STATE = one_of_words(GST_STATE_CODES)
BAD_STATE = one_of_words(
    [f"{n:02d}" for n in range(100) if f"{n:02d}" not in GST_STATE_CODES] + ["[A-Z][0-9A-Z]"]
)
PAN = f"[A-Z]{{3}}[{HOLDERS}][A-Z][0-9]{{3}}[1-9][A-Z]"
PRINTABLE = "[!-~]"

#: The shape of the inputs that reach each branch of the IEC, PAN and GSTIN checks, as a
#: regular expression; True when the GSTIN check character is to be appended to a match.
SHAPES: dict[str, tuple[str, bool]] = {
    # PANs and 10-character IECs
    "pan": (PAN, False),
    "pan-disputed-holder": (f"[A-Z]{{3}}[{DISPUTED}][A-Z][0-9]{{4}}[A-Z]", False),
    "pan-unknown-holder": (f"[A-Z]{{3}}[{OTHER_HOLDERS}][A-Z][0-9]{{4}}[A-Z]", False),
    "pan-serial-0000": (f"[A-Z]{{3}}[{HOLDERS}][A-Z]0000[A-Z]", False),
    "ten-alphanumeric": ("[0-9A-Z]{10}", False),
    "ten-punctuated": (f"{PRINTABLE}{{10}}", False),
    "special-iec": (one_of_words([*SPECIAL_IECS, *SPECIAL_IEC_SPELLINGS]), False),
    "old-special-iec": (one_of_words(OLD_SPECIAL_IECS), False),
    "numeric-iec": ("[0-9]{10}", False),
    "other-length": ("[0-9A-Z]{1,9}|[0-9A-Z]{11,14}|[0-9A-Z]{16,40}", False),
    "too-long": ("[0-9A-Z -]{101,130}", False),
    "blank": ("[ -]{0,4}", False),
    "non-ascii": (f"[0-9A-Z{LOOKALIKES}]{{1,16}}", False),
    # GSTINs that embed a PAN
    "gstin": (f"{STATE}{PAN}[1-9A-Z]Z", True),
    "gstin-14th-tcs-tds": (f"{STATE}{PAN}[1-9A-Z][CD]", True),
    "gstin-14th-other": (f"{STATE}{PAN}[1-9A-Z][0-9ABE-Y]", True),
    "gstin-13th-zero": (f"{STATE}{PAN}0Z", True),
    "gstin-disputed-holder": (
        f"{STATE}[A-Z]{{3}}[{DISPUTED}][A-Z][0-9]{{3}}[1-9][A-Z][1-9A-Z]Z",
        True,
    ),
    "gstin-bad-state": (f"{BAD_STATE}{PAN}[1-9A-Z]Z", True),
    "gstin-odd-pan": (f"{STATE}[A-Z]{{5}}(0000|[0-9]{{4}})[A-Z][0-9A-Z]{{2}}", True),
    "gstin-wrong-check": (f"{STATE}{PAN}[1-9A-Z]Z[0-9A-Z]", False),
    "gstin-pan-inside-punctuated": (f"{PRINTABLE}{{2}}{PAN}{PRINTABLE}{{3}}", False),
    # special GSTINs (no PAN inside), with and without the right check character
    "oidar": ("99[0-9A-Z]{10}OS", True),
    "oidar-wrong-check": ("99[0-9A-Z]{10}OS[0-9A-Z]", False),
    "oidar-punctuated": (f"99{PRINTABLE}{{10}}OS[0-9A-Z]", False),
    "tds-tan": (f"{STATE}[A-Z]{{4}}[0-9]{{5}}[A-Z][1-9A-Z]D", True),
    "tds-tan-wrong-check": (f"{STATE}[A-Z]{{4}}[0-9]{{5}}[A-Z][1-9A-Z]D[0-9A-Z]", False),
    "uin": ("[0-9]{4}[A-Z]{3}[0-9]{5}[UO]N", True),
    "uin-wrong-check": ("[0-9]{4}[A-Z]{3}[0-9]{5}[UO]N[0-9A-Z]", False),
    "nrtp": ("[0-9]{4}[A-Z]{3}[0-9]{5}NR", True),
    "nrtp-wrong-check": ("[0-9]{4}[A-Z]{3}[0-9]{5}NR[0-9A-Z]", False),
    "fifteen-with-check": ("[0-9A-Z]{14}", True),
    "fifteen-alphanumeric": ("[0-9A-Z]{15}", False),
    "fifteen-punctuated": (f"{PRINTABLE}{{15}}", False),
}


def shape(name: str) -> st.SearchStrategy[str]:
    """The strategy for the shape ``name`` of :data:`SHAPES`."""
    pattern, checked = SHAPES[name]
    strategy = st.from_regex(f"(?:{pattern})", fullmatch=True)
    return strategy.map(with_check) if checked else strategy


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """One mistake or way of writing a value of ``base``: punctuation, look-alikes and more."""
    value = draw(base)
    stray = draw(st.sampled_from(STRAYS + ALPHABET + " -"))
    if not value:
        return stray
    position = draw(st.integers(0, len(value) - 1))
    how = draw(st.sampled_from(["replace", "insert", "delete", "swap", "lower", "spaced"]))
    if how == "replace":
        return value[:position] + stray + value[position + 1 :]
    if how == "insert":
        return value[:position] + stray + value[position:]
    if how == "delete":
        return value[:position] + value[position + 1 :]
    if how == "swap":
        return value[:position] + value[position + 1 : position + 2] + value[position] + value[
            position + 2 :
        ]
    if how == "lower":
        return value.lower()
    return " ".join(value[i : i + 5] for i in range(0, len(value), 5))


#: Every shape, as one strategy, and mutations of every shape.
SHAPED = st.one_of([shape(name) for name in SHAPES])
ID_INPUTS = st.one_of(SHAPED, mutated(SHAPED))


def drawn(strategy: st.SearchStrategy[str], count: int) -> list[str]:
    """``count`` examples of ``strategy`` (fewer if it has fewer), the same on every run."""
    found: list[str] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: str) -> None:
        found.append(value)

    collect()
    return found


@functools.cache
def shaped_inputs(per_shape: int = 40) -> tuple[str, ...]:
    """Examples of every shape and of its mutations, drawn from the property tests' strategies."""
    found: dict[str, None] = {}
    for name in SHAPES:
        for value in drawn(shape(name), per_shape) + drawn(mutated(shape(name)), per_shape):
            found[value] = None
    return tuple(found)


@functools.cache
def generated_inputs() -> tuple[str, ...]:
    """The differential tests' inputs: every shaped input, then the random ones."""
    return tuple(dict.fromkeys(shaped_inputs() + random_inputs()))
