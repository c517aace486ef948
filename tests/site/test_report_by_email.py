"""Every page offers an e-mail link to report a problem, with its published address filled in."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from scripts.site.words import words_for
from tests.sitebuild import BuildResult

ROOT = Path(__file__).resolve().parents[2]
MAIL_LINK = re.compile(r'<a class="page-facts__mail" href="([^"]+)"')


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its !ENV and Python tags."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:", lambda loader, suffix, node: None)


def site_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def is_guide_page(site_page: str) -> bool:
    """Pages built from docs/ (the 404 page and other files have no footer)."""
    return site_page == "" or site_page.endswith("/")


def mail_link(built_site: BuildResult, site_page: str) -> str | None:
    text = (built_site.site_dir / site_page / "index.html").read_text(encoding="utf-8")
    found = MAIL_LINK.search(text)
    return html.unescape(found.group(1)) if found else None


def test_page_has_an_email_link_to_the_address_set_in_mkdocs_yml(
    built_site: BuildResult, site_page: str
):
    if not is_guide_page(site_page):
        pytest.skip("not a page with a footer")
    link = mail_link(built_site, site_page)
    assert link is not None, "no 'e-mail us' link under the page"
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == site_config()["extra"]["feedback_email"]


def test_email_link_carries_the_page_address(built_site: BuildResult, site_page: str):
    if not is_guide_page(site_page):
        pytest.skip("not a page with a footer")
    link = mail_link(built_site, site_page)
    assert link is not None
    body = parse_qs(urlsplit(link).query)["body"][0]
    address = f"{site_config()['extra']['public_url']}{site_page}"
    language = "hi" if site_page.startswith("hi/") else "en"
    assert body == words_for(language)["mail_body"].format(url=address), body
