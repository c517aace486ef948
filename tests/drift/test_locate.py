"""Reading the accessible name out of a Playwright accessibility snapshot."""

from __future__ import annotations

import pytest

from scripts.drift.locate import accessible_name


@pytest.mark.parametrize(
    ("snapshot", "name"),
    [
        ('- textbox "ICEGATE ID"', "ICEGATE ID"),
        ("- 'textbox \"ICEGATE ID: *\"'", "ICEGATE ID: *"),
        (r"""- 'textbox "Say \"hi\": now"'""", 'Say "hi": now'),
        ('- button "LOGIN" [disabled]', "LOGIN"),
        ('- link "Sign Up":\n  - /url: "#/registration"', "Sign Up"),
        ("- textbox", ""),
    ],
)
def test_accessible_name_is_read_from_quoted_and_plain_snapshots(snapshot: str, name: str):
    assert accessible_name(snapshot) == name


def test_snapshot_that_is_not_yaml_gives_no_name():
    assert accessible_name("- 'unclosed") == ""
