"""The in-page ID check reads every table from a module generated from idcheck.py."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.site import idcheck_rules as idcheck_js

ROOT = Path(__file__).resolve().parents[2]
LOGIC = ROOT / "docs" / "assets" / "javascripts" / "idcheck.js"


def test_rules_module_says_it_is_generated_and_how():
    first_line = idcheck_js.render().splitlines()[0]
    assert "python -m scripts.site.prebuild" in first_line and "do not edit" in first_line


def test_page_logic_uses_only_messages_that_idcheck_py_defines():
    used = set(re.findall(r'say\("([a-z_0-9]+)"', LOGIC.read_text(encoding="utf-8")))
    assert used, "no message keys found in idcheck.js"
    assert used <= set(idcheck_js.idcheck.MESSAGES), used - set(idcheck_js.idcheck.MESSAGES)


def test_page_logic_holds_no_table_of_its_own():
    logic = LOGIC.read_text(encoding="utf-8")
    for table in ("Maharashtra", "AMDCG0111E", "individual", "Krish"):
        assert table not in logic, f"{table!r} belongs in idcheck.py, not idcheck.js"


def test_rules_module_carries_every_language_with_every_message_and_table():
    texts = idcheck_js.rules()["texts"]
    assert set(texts) == set(idcheck_js.idcheck.LANGUAGES)
    for language in texts.values():
        assert set(language["messages"]) == set(idcheck_js.idcheck.MESSAGES)
        assert set(language["tables"]) == set(idcheck_js.idcheck.TABLES)
