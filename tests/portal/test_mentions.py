"""Guides and contract agree: every element is mentioned, every mention is in the contract."""

from __future__ import annotations

from pathlib import Path

from scripts.contract.mentions import scan_docs, scan_text
from scripts.contract.model import project_contract

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_contract_element_is_mentioned_by_a_guide():
    mentioned = scan_docs(DOCS)
    unmentioned = [e for e in project_contract().elements if e not in mentioned]
    assert unmentioned == [], "contract elements no guide mentions: remove them or use them"


def test_every_guide_mention_is_a_contract_element():
    contract = project_contract()
    unknown = [
        str(mention)
        for element_id, mentions in scan_docs(DOCS).items()
        if element_id not in contract.elements
        for mention in mentions
    ]
    assert unknown == []


def test_scan_reports_the_line_of_each_mention():
    text = "---\ntitle: x\n---\n\nSelect [[ui:login.submit]].\n"
    [mention] = scan_text(text, "log-in/steps.md")
    assert (mention.element_id, mention.line) == ("login.submit", 5)
    assert str(mention) == "docs/log-in/steps.md:5"


def test_scan_ignores_references_inside_code_fences():
    text = "```md\n[[ui:login.submit]]\n```\n[[ui:login.password|label]]\n"
    assert [m.element_id for m in scan_text(text, "a.md")] == ["login.password"]
