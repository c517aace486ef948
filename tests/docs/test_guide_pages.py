"""Every guide page: dated, sourced, plain English, and no portal label typed by hand."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from scripts.common.clock import india_today
from scripts.contract.mentions import UI_REF
from scripts.contract.model import project_contract
from scripts.site.prose import DOCS, MINIMUM_SCORE, guide_pages, score
from scripts.site.sources import front_matter, load_sources

PAGES = guide_pages()
IDS = [page.relative_to(DOCS).as_posix() for page in PAGES]
FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("guide", PAGES, ids=IDS)
def test_guide_page_says_when_it_was_last_reviewed(guide: Path):
    reviewed = front_matter(guide.read_text(encoding="utf-8")).get("last_reviewed")
    assert isinstance(reviewed, datetime.date), "front matter needs last_reviewed: YYYY-MM-DD"
    # Reviewers date pages in India; a page reviewed this morning there is not "in the future"
    # on a machine whose clock is still on yesterday (UTC or a developer abroad).
    assert reviewed <= india_today(), f"last_reviewed {reviewed} is after today in India"


@pytest.mark.parametrize("guide", PAGES, ids=IDS)
def test_guide_page_names_its_sources_from_the_register(guide: Path):
    sources = front_matter(guide.read_text(encoding="utf-8")).get("sources")
    assert sources, "front matter needs sources: [ids from portal/sources.yml]"
    assert set(sources) <= set(load_sources()), set(sources) - set(load_sources())


@pytest.mark.parametrize("guide", PAGES, ids=IDS)
def test_guide_prose_is_plain_english(guide: Path):
    value = score(guide)
    assert value >= MINIMUM_SCORE, f"Flesch reading ease {value:.1f} < {MINIMUM_SCORE}"


def hand_typed_labels(text: str) -> list[str]:
    """Contract labels written out in quotes or bold instead of as [[ui:...]] references."""
    text = UI_REF.sub("", FENCE.sub("", text))
    found = []
    for element in project_contract():
        if element.label_from == "none":
            continue
        label = re.escape(element.label)
        quoted = rf"(\*\*{label}\*\*|\"{label}\"|“{label}”)"
        one_word = element.label.isupper() and " " not in element.label
        shouting = rf"\b{label}\b" if one_word and len(element.label) > 3 else None
        if re.search(quoted, text) or (shouting and re.search(shouting, text)):
            found.append(f"{element.label!r} (use [[ui:{element.id}]])")
    return found


@pytest.mark.parametrize("guide", PAGES, ids=IDS)
def test_guide_uses_contract_references_for_portal_labels(guide: Path):
    assert hand_typed_labels(guide.read_text(encoding="utf-8")) == []


def test_hand_typed_label_check_catches_a_bold_label():
    assert hand_typed_labels("Select **LOGIN** now.") == ["'LOGIN' (use [[ui:login.submit]])"]


#: Pages written for IT staff, where commands belong.
TOOLS = "tools/"
COMMAND = re.compile(r"(^|[`\s])(python3?|py|pip)\s+[\w./-]+\.py\b|\bpython3?\s+-m\b", re.MULTILINE)


def python_commands(text: str) -> list[str]:
    """Python command lines written on a page (in code spans, code blocks or prose)."""
    return [match.group(0).strip(" `") for match in COMMAND.finditer(text)]


@pytest.mark.parametrize(
    "guide",
    [page for page in PAGES if not page.relative_to(DOCS).as_posix().startswith(TOOLS)],
    ids=[i for i in IDS if not i.startswith(TOOLS)],
)
def test_reader_page_has_no_python_commands(guide: Path):
    assert python_commands(guide.read_text(encoding="utf-8")) == [], "link the Tools pages"


def test_python_command_check_catches_an_inline_command():
    assert python_commands("Run `python idcheck.py mobile 98`.") == ["python idcheck.py"]
