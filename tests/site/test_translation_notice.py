"""A Hindi page says by itself when its English page changed; the report lists such pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts.common.paths import DOCS, ROOT
from scripts.site.page import front_matter_lines
from scripts.site.stale_notice import english_href, english_sha
from scripts.site.terminology import load_terms, terminology_path
from scripts.site.translation_report import compare, main
from tests.rendering import render_markdown
from tests.sitebuild import build_copy

PAGE = "log-in/otp.md"


def up_to_date(english: Path, hindi: Path) -> None:
    """Record every English page's current hash in its Hindi copy, as after a translation."""
    for page in hindi.rglob("*.md"):
        source = english / page.relative_to(hindi)
        if source.is_file():
            text = re.sub(
                r"^english_sha: .*$", f"english_sha: {english_sha(source)}",
                page.read_text(encoding="utf-8"), count=1, flags=re.M,
            )
            page.write_text(text, encoding="utf-8")


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the English and Hindi docs folders, every translation up to date."""
    english, hindi = tmp_path / "docs", tmp_path / "docs-hi"
    shutil.copytree(DOCS, english)
    shutil.copytree(ROOT / "docs-hi", hindi)
    up_to_date(english, hindi)
    return english, hindi


def render_hindi(english: Path, hindi: Path, page: str = PAGE) -> str:
    """The Hindi page's HTML, rendered through the site's extension as the Hindi build does."""
    text = (hindi / page).read_text(encoding="utf-8")
    body = "\n".join(text.splitlines()[front_matter_lines(text):])
    return render_markdown(
        body, page=page, page_facts=True, docs_dir=str(hindi), translates=str(english),
        language="hi", edition_path="hi/",
    )


def change(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")


def test_hindi_page_shows_the_notice_when_its_english_page_changed(folders):
    english, hindi = folders
    change(english / PAGE)
    html = render_hindi(english, hindi)
    assert 'class="admonition warning translation-stale"' in html
    assert "अंग्रेजी पेज बदल गया है" in html


def test_notice_links_to_the_same_page_in_the_english_edition(folders):
    english, hindi = folders
    change(english / PAGE)
    notice = re.search(r'translation-stale.*?</div>', render_hindi(english, hindi), re.S)
    assert notice and 'href="../../../log-in/otp/"' in notice.group(0)


def test_hindi_page_has_no_notice_while_its_english_page_is_unchanged(folders):
    english, hindi = folders
    html = render_hindi(english, hindi)
    assert "translation-stale" not in html
    assert 'class="page-facts"' in html  # the page facts were rendered: the check ran


def test_english_href_climbs_out_of_the_edition_folder():
    assert english_href("log-in/otp/", "hi/") == "../../../log-in/otp/"
    assert english_href("", "hi/") == "../"


def test_report_finds_nothing_stale_in_up_to_date_copies(folders):
    english, hindi = folders
    assert compare(english, hindi).stale == []


def test_report_lists_a_stale_page(folders):
    english, hindi = folders
    change(english / PAGE)
    assert [state.page for state in compare(english, hindi).stale] == [PAGE]


def test_report_lists_an_english_page_without_a_hindi_page(folders):
    english, hindi = folders
    (hindi / "log-in" / "sessions.md").unlink()
    assert compare(english, hindi).untranslated == ["log-in/sessions.md"]


def test_report_leaves_contributor_pages_out_of_the_untranslated_list(folders):
    english, hindi = folders
    assert (english / "about" / "contributing.md").is_file()
    assert compare(english, hindi).untranslated == []


def test_report_exits_0_when_it_finds_stale_pages(folders, capsys):
    english, hindi = folders
    change(english / PAGE)
    assert main(["--english", str(english), "--translated", str(hindi)]) == 0
    assert f"/{PAGE}: english_sha" in capsys.readouterr().out


def test_report_exits_2_for_a_folder_that_does_not_exist(tmp_path: Path, capsys):
    assert main(["--english", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_terminology_marker_renders_every_term_with_its_avoided_variants():
    html = render_markdown(
        "[[terminology]]", page="reference/terminology.md", language="hi", docs_dir="docs-hi"
    )
    terms = load_terms(terminology_path("hi"), "hi")
    assert html.count("<tr>") == len(terms) + 1  # one heading row
    assert "कूटशब्द" in html and "<th scope=\"col\">ये न लिखें</th>" in html


def test_strict_build_passes_with_a_stale_hindi_page_and_shows_its_notice(tmp_path: Path):
    result, copy = build_copy(tmp_path, lambda project: change(project / "docs" / PAGE))
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    html = (copy / "site" / "hi" / "log-in" / "otp" / "index.html").read_text(encoding="utf-8")
    assert "translation-stale" in html
