"""The one generator internal the extension relies on still exists (fails loudly on upgrade).

The extension learns which page it renders from MkDocs' ``relpath`` tree processor (its
``file``). These tests build a one-page site with the installed MkDocs and a recording
extension; if an upgrade renames or drops that processor, they fail naming what to update,
instead of every page silently losing its facts.
"""

from __future__ import annotations

from pathlib import Path

from markdown import Markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config

from scripts.site.page import MKDOCS_PROCESSOR, is_own_conversion
from tests.site import page_probe

UPDATE = ("MkDocs no longer tells Markdown extensions which file they render through its "
          f"{MKDOCS_PROCESSOR!r} tree processor: update scripts/site/page.py "
          "generator_page_path (and MKDOCS_PROCESSOR)")


def build_one_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "page.md").write_text("# A page\n\nText.\n")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: probe\nmarkdown_extensions:\n  - tests.site.page_probe\n"
    )
    page_probe.SEEN.clear()
    build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))


def test_mkdocs_still_says_which_page_an_extension_renders(tmp_path: Path):
    build_one_page(tmp_path)
    assert page_probe.SEEN == ["guide/page.md"], UPDATE


def test_the_first_conversion_of_a_page_owns_it_and_nested_ones_do_not():
    page, own, nested = object.__new__(type("Page", (), {})), Markdown(), Markdown()
    assert is_own_conversion(page, own)
    assert not is_own_conversion(page, nested)
    assert is_own_conversion(page, own)


def test_a_page_object_that_cannot_be_weakly_referenced_is_handled():
    page, own = ("not", "weakly", "referable"), Markdown()
    assert is_own_conversion(page, own) and not is_own_conversion(page, Markdown())
