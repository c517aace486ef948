"""The Content-Security-Policy: on every page of the MkDocs build, strict, and it does block."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.common.localserver import serve_directory
from tests.site.visits import CSP_WATCH
from tests.sitebuild import BuildResult

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
DATA_BLOCK = re.compile(r'type="application/json"')


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.parts)


def policy(html: str) -> dict[str, list[str]]:
    [content] = CSP_META.findall(html)
    return {part.split()[0]: part.split()[1:] for part in content.split(";") if part.strip()}


def test_every_page_has_one_policy_before_its_first_script(built_by_mkdocs: BuildResult):
    pages = html_pages(built_by_mkdocs.site_dir)
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert len(CSP_META.findall(html)) == 1, page
        assert html.index("Content-Security-Policy") < html.index("<script"), page


def test_the_policy_allows_only_this_sites_own_scripts(built_by_mkdocs: BuildResult):
    rules = policy((built_by_mkdocs.site_dir / "index.html").read_text(encoding="utf-8"))
    assert rules["default-src"] == ["'self'"]
    assert rules["script-src"] == ["'self'"]
    assert rules["object-src"] == ["'none'"]
    assert rules["base-uri"] == ["'self'"]
    assert rules["form-action"] == ["'none'"]
    assert not any("unsafe-eval" in value for values in rules.values() for value in values)


def test_no_page_has_an_inline_script_to_run(built_by_mkdocs: BuildResult):
    for page in html_pages(built_by_mkdocs.site_dir):
        for attributes, body in SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "src=" in attributes or DATA_BLOCK.search(attributes):
                continue
            assert not body.strip(), f"{page}: inline script {body.strip()[:60]!r}"


@pytest.mark.browser
def test_an_injected_inline_script_and_event_handler_are_blocked(
        built_by_mkdocs: BuildResult, browser: Browser, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(built_by_mkdocs.site_dir, site)
    page = site / "log-in" / "steps" / "index.html"
    html = page.read_text(encoding="utf-8")
    planted = ('<script>window.__injected = true</script>'
               '<img src="x" onerror="window.__handler = true" alt="">')
    page.write_text(html.replace("<article", planted + "<article", 1), encoding="utf-8")
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    try:
        with serve_directory(site) as url:
            tab = context.new_page()
            tab.goto(url + "log-in/steps/", wait_until="load")
            tab.wait_for_function("() => window.__cspViolations.length >= 2")
            ran = tab.evaluate("() => [window.__injected === true, window.__handler === true]")
            violations = tab.evaluate("() => window.__cspViolations")
    finally:
        context.close()
    assert ran == [False, False]
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
    assert any(v.startswith("script-src-attr inline") for v in violations), violations
