"""Portal text made safe where it is read: surrogates, controls and format characters."""

from __future__ import annotations

import pytest

from scripts.drift.text import clean_text, clean_tree


def test_lone_surrogate_becomes_the_replacement_character():
    assert clean_text("LOG\ud800IN") == "LOG\ufffdIN"


def test_a_valid_surrogate_pair_is_joined_into_its_character():
    assert clean_text("\ud83d\ude00") == "\U0001f600"


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\u202e", "\u200b", "\ufeff",
                                  "\u2066", "\ufffe", "\uffff"])
def test_control_format_and_noncharacters_are_dropped(char: str):
    assert clean_text(f"LOG{char}IN") == "LOGIN"


def test_separating_controls_become_spaces_so_words_stay_apart():
    assert clean_text("LOG\nIN\tNOW\x0bX") == "LOG IN NOW X"


def test_line_breaks_are_kept_when_asked():
    assert clean_text("a\nb\tc\x01", keep_lines=True) == "a\nb\tc"


def test_markup_and_mentions_are_kept_as_text():
    text = "<img src=x onerror=alert(1)> @octocat #1 हिंदी"
    assert clean_text(text) == text


def test_clean_tree_cleans_every_string_and_key_and_keeps_other_values():
    data = {"a\u202e": ["x\ud800", 1, None, {"b": "c\x01"}], "n": 2.5, "t": True}
    assert clean_tree(data) == {"a": ["x\ufffd", 1, None, {"b": "c"}], "n": 2.5, "t": True}
