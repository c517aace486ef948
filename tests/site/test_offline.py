"""Offline reading in Chromium: after one visit the core pages open and search works offline.

One phone-sized browser context makes a first visit to each edition (a page that is not a
core page), waits until each edition's worker has kept what it keeps, and goes offline; the
offline tests read that context. A second context reads a copy of the site served without
caching, visits it, and then sees a new deployment of the copy (a page's HTML and the
worker's version changed), as a reader coming back would.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from scripts.common.localserver import serve_directory
from scripts.site import offline
from tests.site.visits import AXE, AXE_OPTIONS
from tests.sitebuild import BuildResult

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
#: The pages the issue's bar names: they must be core pages of the build, in both editions.
BAR_PAGES = ("log-in/steps/", "log-in/otp/", "troubleshoot/helpdesk/")
#: A page a reader opens first, which is not a core page.
FIRST_VISIT = "reference/glossary/"
#: A page neither opened nor kept (the worker answers it offline with the list of kept pages).
NEVER_OPENED = "reference/sources/"
EDITIONS = {"en": "", "hi": "hi/"}
WORKER_READY = "(script) => navigator.serviceWorker.controller?.scriptURL.endsWith(script)"


def core_pages(site_dir: Path, edition: str) -> list[str]:
    """The core pages the build has for ``edition`` (a page not written yet is left out)."""
    folder = site_dir / EDITIONS[edition]
    return [page for page in offline.CORE_PAGES if (folder / page / "index.html").is_file()]


def first_visit(page: Page, url: str, edition: str) -> None:
    """Open a page of ``edition`` and wait until its worker controls it (it has kept its pages)."""
    page.goto(url + EDITIONS[edition] + FIRST_VISIT, wait_until="load")
    page.wait_for_function(WORKER_READY, arg=f"/{EDITIONS[edition]}sw.js", timeout=20_000)


@pytest.fixture(scope="module")
def site_url(built_site: BuildResult) -> Iterator[str]:
    """The built site, served as a host that wants every page revalidated.

    Without a caching header Chromium keeps a page fresh for a tenth of its age since it was
    modified, and takes it from its HTTP cache even offline: on a site built an hour ago, the
    worker would never see the network fail, and no notice would show.
    """
    with serve_directory(built_site.site_dir, headers={"Cache-Control": "no-cache"}) as url:
        yield url


@pytest.fixture(scope="module")
def offline_tab(browser: Browser, site_url: str) -> Iterator[Page]:
    """A phone's tab that visited one page of each edition, then lost the network."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        for edition in EDITIONS:
            first_visit(page, site_url, edition)
        context.set_offline(True)
        yield page
    finally:
        context.close()


def open_offline(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    expect(page.locator("article h1")).to_be_visible()


def test_the_pages_the_issue_names_are_core_pages_of_both_editions(built_site: BuildResult):
    for edition in EDITIONS:
        assert set(BAR_PAGES) <= set(core_pages(built_site.site_dir, edition)), edition


@pytest.mark.parametrize("edition", EDITIONS)
def test_core_pages_open_offline_after_a_first_visit(
    offline_tab: Page, site_url: str, built_site: BuildResult, edition: str
):
    for core in core_pages(built_site.site_dir, edition):
        open_offline(offline_tab, site_url + EDITIONS[edition] + core)
        expect(offline_tab.locator(".offline-notice")).to_have_count(1)


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_page_of_the_first_visit_opens_offline(offline_tab: Page, site_url: str, edition: str):
    open_offline(offline_tab, site_url + EDITIONS[edition] + FIRST_VISIT)


def test_a_page_never_opened_offline_gives_the_list_of_saved_pages(
    offline_tab: Page, site_url: str
):
    tab = offline_tab.context.new_page()
    try:
        response = tab.goto(site_url + NEVER_OPENED)
        assert response is not None and response.status == 503
        expect(tab.get_by_role("heading", level=1)).to_have_text(
            offline.NOT_SAVED["en"]["title"]
        )
        expect(tab.get_by_role("link", name="The OTP (one-time password)")).to_have_attribute(
            "href", site_url + "log-in/otp/"
        )
    finally:
        tab.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_search_finds_otp_offline(offline_tab: Page, site_url: str, edition: str):
    root = site_url + EDITIONS[edition]
    open_offline(offline_tab, root + "log-in/steps/")
    offline_tab.locator("label[for=__search]").first.click()
    offline_tab.locator("input.md-search__input").press_sequentially("OTP")
    hit = offline_tab.locator(f'a.md-search-result__link[href^="{root}log-in/otp/"]')
    expect(hit.first).to_be_attached()


NOTICE_WORDS = {"en": "from your last visit", "hi": "आपकी पिछली विजिट से"}


@pytest.mark.parametrize("edition", EDITIONS)
def test_offline_notice_says_when_the_page_was_saved_in_india_time(
    offline_tab: Page, site_url: str, edition: str
):
    open_offline(offline_tab, site_url + EDITIONS[edition] + "log-in/otp/")
    notice = offline_tab.get_by_role("status").filter(has_text=NOTICE_WORDS[edition])
    expect(notice).to_be_visible()
    saved = datetime.fromisoformat(notice.get_attribute("data-saved").replace("Z", "+00:00"))
    india = saved + timedelta(hours=5, minutes=30)
    month = offline.NOTICES[edition]["months"][india.month - 1]
    text = notice.inner_text()
    assert f"{india.day} {month} {india.year}" in text
    assert f"{(india.hour % 12) or 12}:{india.minute:02d}" in text


def test_offline_notice_is_body_text_that_fits_a_phone(offline_tab: Page, site_url: str):
    open_offline(offline_tab, site_url + "log-in/otp/")
    sizes = offline_tab.evaluate(
        """() => [".offline-notice p", "article > p:not(.edition-switch)"].map(
             (s) => getComputedStyle(document.querySelector(s)).fontSize)"""
    )
    widths = offline_tab.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] == sizes[1]
    assert widths[0] <= widths[1]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_offline_page_with_its_notice_has_no_axe_violations(
    offline_tab: Page, site_url: str, scheme: str
):
    tab = offline_tab.context.new_page()
    # Material keeps the palette it chose in local storage; without it, it follows the media.
    tab.add_init_script("localStorage.clear()")
    tab.emulate_media(color_scheme=scheme)
    try:
        open_offline(tab, site_url + "hi/log-in/otp/")
        expect(tab.locator(".offline-notice")).to_be_visible()
        expect(tab.locator("body")).to_have_attribute(
            "data-md-color-scheme", "default" if scheme == "light" else "slate"
        )
        results = AXE.run(tab, options=AXE_OPTIONS)
    finally:
        tab.close()
    assert results.violations_count == 0, results.generate_report()


def test_each_edition_has_a_worker_of_its_own(offline_tab: Page, site_url: str):
    scopes = offline_tab.evaluate(
        "async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope)"
    )
    assert sorted(scopes) == [site_url, site_url + "hi/"]


# A new deployment, on a copy of the site.


@dataclass
class Deployment:
    """What a reader's tab saw around a new deployment of the copy served at ``url``."""

    url: str = ""
    order: list[str] = field(default_factory=list)
    after_deployment: str = ""
    notices_after_deployment: int = -1
    caches_after_deployment: list[str] = field(default_factory=list)
    kept_after_deployment: list[str] = field(default_factory=list)


NEW_VERSION = "a-new-deployment"
DEPLOYED = '<p id="deployed">Changed by the new deployment.</p>'


def deploy(site: Path) -> None:
    """Change a page and the worker's version, as a new deployment would."""
    page = site / "log-in" / "otp" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(<article\b[^>]*>)", r"\1" + DEPLOYED, html, count=1), "utf-8")
    worker = site / offline.WORKER_FILE
    text = worker.read_text(encoding="utf-8")
    worker.write_text(re.sub(r'"version": "[^"]+"', f'"version": "{NEW_VERSION}"', text), "utf-8")


def record_order(context: BrowserContext, page: Page, order: list[str]) -> None:
    page.on("load", lambda _: order.append("load"))
    context.on("request", lambda r: order.append("worker") if r.url.endswith("/sw.js") else None)


def caches_once_settled(page: Page, timeout: float = 20.0) -> list[str]:
    """The tab's cache names, once the new worker has replaced the old one's (or on timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        names = page.evaluate("async () => await caches.keys()")
        if names == [f"icegate-en-{NEW_VERSION}"] or time.monotonic() > deadline:
            return names
        page.wait_for_timeout(100)


@pytest.fixture(scope="module")
def deployment(
    browser: Browser, built_site: BuildResult, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    site = tmp_path_factory.mktemp("deployed") / "site"
    shutil.copytree(built_site.site_dir, site, ignore=shutil.ignore_patterns("hi"))
    with serve_directory(site, headers={"Cache-Control": "no-cache"}) as url:
        seen = Deployment(url)
        context = browser.new_context(viewport=PHONE)
        try:
            page = context.new_page()
            record_order(context, page, seen.order)
            page.goto(url + "log-in/otp/", wait_until="load")
            page.wait_for_function(WORKER_READY, arg="/sw.js", timeout=20_000)
            page.goto(url + FIRST_VISIT, wait_until="load")  # a page opened, not a core page
            deploy(site)
            page.goto(url + "log-in/otp/", wait_until="load")
            seen.after_deployment = page.locator("article").inner_text()
            seen.notices_after_deployment = page.locator(".offline-notice").count()
            seen.caches_after_deployment = caches_once_settled(page)
            seen.kept_after_deployment = page.evaluate(
                "async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)",
                f"icegate-en-{NEW_VERSION}",
            )
        finally:
            context.close()
    yield seen


def test_worker_is_requested_only_after_the_page_has_loaded(deployment: Deployment):
    assert deployment.order.index("load") < deployment.order.index("worker")


def test_new_deployment_shows_the_new_page_online(deployment: Deployment):
    assert "Changed by the new deployment." in deployment.after_deployment


def test_page_from_the_network_has_no_offline_notice(deployment: Deployment):
    assert deployment.notices_after_deployment == 0


def test_new_deployment_deletes_the_old_versions_caches(deployment: Deployment):
    assert deployment.caches_after_deployment == [f"icegate-en-{NEW_VERSION}"]


def test_new_deployment_keeps_again_the_pages_the_reader_opened(deployment: Deployment):
    assert deployment.url + FIRST_VISIT in deployment.kept_after_deployment
