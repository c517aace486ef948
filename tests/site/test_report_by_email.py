"""The "e-mail us" link under each page: only to a mailbox that can receive mail, page filled in."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from scripts.common.site_config import is_reserved_host
from scripts.site.words import words_for
from tests.rendering import render_markdown
from tests.sitebuild import BuildResult

MAILTO = re.compile(r'href="mailto:([^"?]*)')
MAIL_LINK = re.compile(r'<a class="page-facts__mail" href="([^"]+)"')
SETTINGS = {"public_url": "https://guide.example-tests.in/", "repository": "owner/name"}


def footer(address: str, language: str = "en") -> str:
    settings = {**SETTINGS, "feedback_email": address, "language": language}
    if language == "hi":
        settings.update(docs_dir="docs-hi", translates="docs", edition_path="hi/")
    return render_markdown("---\ntitle: Log in\n---\n\nText.", page="log-in/steps.md",
                           page_facts=True, **settings)


def test_no_page_links_a_mailbox_in_a_reserved_domain(built_site: BuildResult, site_page: str):
    html_file = built_site.site_dir / site_page
    if not site_page.endswith(".html"):
        html_file = html_file / "index.html"
    for address in MAILTO.findall(html_file.read_text(encoding="utf-8")):
        domain = unquote(address).rpartition("@")[2]
        assert not is_reserved_host(domain), f"mailto:{address} can never receive mail"


def test_an_unset_feedback_address_leaves_the_email_link_out():
    assert "page-facts__mail" not in footer("")


def test_a_placeholder_feedback_address_leaves_the_email_link_out():
    assert "page-facts__mail" not in footer("feedback@icegate-guide.example")


def test_a_real_feedback_address_gets_an_email_link():
    [link] = MAIL_LINK.findall(footer("reports@guide-tests.in"))
    assert unquote(urlsplit(link.replace("&amp;", "&")).path) == "reports@guide-tests.in"


@pytest.mark.parametrize("language", ["en", "hi"])
def test_email_link_carries_the_page_address(language: str):
    [link] = MAIL_LINK.findall(footer("reports@guide-tests.in", language))
    body = parse_qs(urlsplit(link.replace("&amp;", "&")).query)["body"][0]
    assert SETTINGS["public_url"] in body
    assert body.startswith(words_for(language)["mail_body"].split("{url}")[0])
