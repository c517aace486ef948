"""Source titles, terms and front matter that cannot be printed are rejected, naming file and key.

(The contract's fields are checked the same way: ``tests/portal/test_text_checks.py``.)
"""

from __future__ import annotations

import copy
import functools
import logging
import re
from pathlib import Path

import pytest
import yaml

from scripts.site.page import FrontMatterError, front_matter, read_context, read_front_matter
from scripts.site.prebuild import main as prebuild
from scripts.site.sources import SOURCES_PATH, SourceError, load_sources
from scripts.site.terminology import TerminologyError, load_terms, terminology_path

REJECTED = {
    "script": "<script>alert(1)</script>",
    "img": '"><img src=x onerror=alert(2)>',
    "rtl-override": "Sources \u202eevil",
    "nul": "Sour\x00ces",
    "over-long": "S" * 5_000,
}
PRINTED_AS_IS = {
    "markdown-link": "[x](javascript:alert(3))",
    "nested-marker": "LOG]] IN [[ui:login.password]]",
}


def dumped(data: object) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True).strip()


def at(path: Path, key: str) -> str:
    """The start of a message about ``key`` of ``path``, as a regular expression."""
    return rf"^{re.escape(str(path))}: {key}: (holds|is)"


@functools.cache
def project_sources() -> dict:
    return yaml.safe_load(SOURCES_PATH.read_text(encoding="utf-8"))


def sources_file(tmp_path: Path, key: str, value: str) -> tuple[Path, str]:
    data = copy.deepcopy(project_sources())
    source_id = next(iter(data))
    data[source_id][key] = value
    path = tmp_path / "sources.yml"
    path.write_text(dumped(data), "utf-8")
    return path, source_id


@pytest.mark.parametrize("payload", REJECTED.values(), ids=REJECTED.keys())
def test_source_title_that_cannot_be_printed_is_rejected_naming_file_and_key(tmp_path, payload):
    path, source_id = sources_file(tmp_path, "title", payload)
    with pytest.raises(SourceError, match=at(path, f"at {source_id} → title")):
        load_sources(path)


@pytest.mark.parametrize("payload", PRINTED_AS_IS.values(), ids=PRINTED_AS_IS.keys())
def test_source_title_with_odd_but_harmless_text_is_accepted(tmp_path, payload):
    path, source_id = sources_file(tmp_path, "title", payload)
    assert load_sources(path)[source_id].title == payload


@pytest.mark.parametrize(
    "url", ['https://x" onmouseover="alert(1)', "https://example.org/a b", "javascript:alert(1)"],
    ids=["quote", "space", "javascript"],
)
def test_source_address_that_cannot_be_a_safe_link_is_rejected(tmp_path, url):
    path, source_id = sources_file(tmp_path, "url", url)
    with pytest.raises(SourceError, match=rf"^{re.escape(str(path))}: at {source_id} → url: "):
        load_sources(path)


def terms_file(tmp_path: Path, entry: dict) -> Path:
    terms = yaml.safe_load(terminology_path("hi").read_text(encoding="utf-8"))[:3]
    path = tmp_path / "terminology-hi.yml"
    path.write_text(dumped([*terms, entry]), "utf-8")
    return path


@pytest.mark.parametrize("key", ["en", "hi", "note", "avoid"])
@pytest.mark.parametrize("payload", REJECTED.values(), ids=REJECTED.keys())
def test_term_that_cannot_be_printed_is_rejected_naming_file_entry_and_key(
    tmp_path, key, payload
):
    entry = {"en": "login", "hi": "लॉगिन", "note": "a note", "avoid": ["लोगिन"]}
    entry[key] = [payload] if key == "avoid" else payload
    path = terms_file(tmp_path, entry)
    named = "avoid → 0" if key == "avoid" else key
    with pytest.raises(TerminologyError, match=at(path, f"entry 4 → {named}")):
        load_terms(path, "hi")


def test_project_term_list_passes_the_checks():
    assert load_terms(terminology_path("hi"), "hi")


def page_with(tmp_path: Path, front: str) -> Path:
    page = tmp_path / "docs" / "log-in" / "steps.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\n{front}\n---\n\n# Steps\n", encoding="utf-8")
    return page


@pytest.mark.parametrize("key", ["title", "description"])
@pytest.mark.parametrize("payload", REJECTED.values(), ids=REJECTED.keys())
def test_front_matter_title_or_description_that_cannot_be_printed_is_rejected(
    tmp_path, key, payload
):
    page = page_with(tmp_path, dumped({key: payload}))
    with pytest.raises(FrontMatterError, match=at(page, f"front matter → {key}")):
        read_front_matter(page)


@pytest.mark.parametrize("payload", PRINTED_AS_IS.values(), ids=PRINTED_AS_IS.keys())
def test_front_matter_title_with_odd_but_harmless_text_is_accepted(tmp_path, payload):
    page = page_with(tmp_path, dumped({"title": payload}))
    assert read_front_matter(page)["title"] == payload


def test_broken_front_matter_yaml_is_one_line_naming_the_file_and_line():
    with pytest.raises(FrontMatterError) as raised:
        front_matter('---\ntitle: "unclosed\nsources: []\n---\n# x\n', "docs/log-in/steps.md")
    message = str(raised.value)
    assert message.startswith("docs/log-in/steps.md:")
    assert "the front matter is not valid YAML" in message
    assert "\n" not in message


def test_page_with_broken_front_matter_is_a_warning_naming_it_when_rendered(tmp_path, caplog):
    page_with(tmp_path, 'title: "unclosed')
    with caplog.at_level(logging.WARNING, logger="mkdocs.icegate"):
        context = read_context(tmp_path / "docs", "log-in/steps.md", ["# Steps"])
    assert context.meta == {}
    assert f"{tmp_path}/docs/log-in/steps.md:" in caplog.text
    assert "not valid YAML" in caplog.text


def test_page_with_an_unprintable_title_is_a_warning_naming_it_when_rendered(tmp_path, caplog):
    page_with(tmp_path, "title: </title><script>alert(5)</script>")
    with caplog.at_level(logging.WARNING, logger="mkdocs.icegate"):
        read_context(tmp_path / "docs", "log-in/steps.md", ["# Steps"])
    assert f"{tmp_path}/docs/log-in/steps.md: front matter → title: holds '<'" in caplog.text


def test_prebuild_stops_with_one_line_naming_a_page_with_broken_front_matter(tmp_path, capsys):
    page_with(tmp_path, 'title: "unclosed')
    assert prebuild(["--docs-dir", str(tmp_path / "docs")]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"prebuild: {tmp_path}/docs/log-in/steps.md:")
    assert error.count("\n") == 1


def test_prebuild_stops_naming_a_page_whose_description_holds_markup(tmp_path, capsys):
    page_with(tmp_path, 'description: "\\"><img src=x onerror=alert(2)>"')
    assert prebuild(["--docs-dir", str(tmp_path / "docs")]) == 2
    assert "steps.md: front matter → description: holds '>'" in capsys.readouterr().err
