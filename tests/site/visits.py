"""Visit each built page once per way of looking at it, and keep what was seen.

The page checks (clean load, nothing requested off this machine, axe in both palettes, no
sideways scrolling on a phone) assert on these records, one behaviour per test, without
loading the same page five times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from scripts.site.contacts import helpdesk
from tests.site.pagelog import PageLog
from tests.site.reading import Reading, read

# axe reports violations only: the details of every passing and inapplicable check are never
# read, and collecting them is a large share of axe's time.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# The dark palette changes colours only: the document is the same one the light visit checked
# with every WCAG 2.1 A/AA rule. So the dark visit runs only the rules that depend on colour:
# the others could find nothing new.
DARK_AXE_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
AXE = Axe()
DESKTOP = {"width": 1280, "height": 720}
PHONE = {"width": 360, "height": 640}


@dataclass
class PageVisit:
    """One page seen in one browser context."""

    log: PageLog
    axe_violations: int = 0
    axe_report: str = ""
    widths: tuple[int, int] = (0, 0)
    scheme: str = ""
    reading: Reading | None = None
    csp_violations: list[str] = field(default_factory=list)


#: Runs before each page's own scripts: notes every Content-Security-Policy violation.
CSP_WATCH = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push("
    "e.effectiveDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + "
    "e.lineNumber));"
)


@dataclass
class Visits:
    """Visits made so far, by page.

    Each page is loaded three times, in one browser context: in the light palette on a desktop
    screen (checked with every WCAG 2.1 A/AA rule of axe), again on a 360×640 screen, and again
    on the desktop screen by a browser that prefers dark colours (checked with axe's colour
    rules). Each load is a full page load that runs every script again; the views share one
    context, as a context per view costs processor time and checks nothing more.
    """

    browser: Browser
    site_url: str
    seen: dict[tuple[str, str], PageVisit] = field(default_factory=dict)

    def light(self, page: str) -> PageVisit:
        """The page in the light palette on a desktop screen, checked with axe.

        This visit waits until the network is idle, so every request the page makes is seen.
        """
        return self._views(page)["light"]

    def dark(self, page: str) -> PageVisit:
        """The page in the dark palette on a desktop screen, checked with axe's colour rules."""
        return self._views(page)["dark"]

    def phone(self, page: str) -> PageVisit:
        """The page on a 360×640 screen."""
        return self._views(page)["phone"]

    def all_views(self, page: str) -> dict[str, PageVisit]:
        """Every visit of the page, by view name (light, phone, dark)."""
        return self._views(page)

    def _views(self, page: str) -> dict[str, PageVisit]:
        if (page, "light") not in self.seen:
            # No service worker: its background downloads would be cut off by the next visit and
            # read as failed requests; offline reading has its own tests (test_offline.py).
            context = self.browser.new_context(
                color_scheme="light", viewport=DESKTOP, service_workers="block"
            )
            context.add_init_script(CSP_WATCH)
            try:
                self._visit_all(context.new_page(), page)
            finally:
                context.close()
        return {view: self.seen[(page, view)] for view in ("light", "phone", "dark")}

    def _visit_all(self, tab: Page, page: str) -> None:
        url = self.site_url + page
        self.seen[(page, "light")] = _with_axe(
            _load(tab, lambda: tab.goto(url, wait_until="networkidle")), tab, AXE_OPTIONS
        )
        tab.set_viewport_size(PHONE)
        phone = _load(tab, lambda: tab.goto(url, wait_until="load"))
        phone.reading = read(tab, helpdesk().phone)
        self.seen[(page, "phone")] = phone
        tab.set_viewport_size(DESKTOP)
        tab.emulate_media(color_scheme="dark")
        # Material remembers the palette it chose in local storage (and writes it again when
        # the preference changes); a reader who prefers dark colours and comes for the first
        # time has none. The script runs before the page's own on the next load.
        tab.add_init_script("localStorage.clear()")
        self.seen[(page, "dark")] = _with_axe(
            _load(tab, lambda: tab.goto(url, wait_until="load")), tab, DARK_AXE_OPTIONS
        )


def _load(tab: Page, load: Callable[[], object]) -> PageVisit:
    """Record one load of the tab: what it logged and requested, its widths and palette."""
    log = PageLog()
    log.attach(tab)
    try:
        load()
        return PageVisit(log, widths=_widths(tab), scheme=_scheme(tab),
                         csp_violations=tab.evaluate("() => window.__cspViolations || []"))
    finally:
        log.detach(tab)


def _scheme(tab: Page) -> str:
    return tab.evaluate("() => document.body.dataset.mdColorScheme || ''")


def _widths(tab: Page) -> tuple[int, int]:
    width = tab.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return width[0], width[1]


def _with_axe(visit: PageVisit, tab: Page, options: dict) -> PageVisit:
    results = AXE.run(tab, options=options)
    visit.axe_violations = results.violations_count
    visit.axe_report = results.generate_report() if results.violations_count else ""
    return visit
