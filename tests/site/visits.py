"""Visit each built page once per way of looking at it, and keep what was seen.

The page checks (clean load, nothing requested off this machine, axe in both palettes, no
sideways scrolling on a phone) assert on these records, one behaviour per test, without
loading the same page five times.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.site.pagelog import PageLog

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# The dark palette changes colours only: the document is the same one the light visit checked
# with every WCAG 2.1 A/AA rule. So the dark visit runs the rules that depend on colour, at
# about half the cost of the full set.
DARK_AXE_OPTIONS = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
AXE = Axe()


@dataclass
class PageVisit:
    """One page seen in one browser context."""

    log: PageLog
    axe_violations: int = 0
    axe_report: str = ""
    widths: tuple[int, int] = (0, 0)
    scheme: str = ""


@dataclass
class Visits:
    """Visits made so far, by page.

    Each page is loaded three times: light and dark palettes on a desktop screen (each
    checked with axe), and a 360×640 screen.
    """

    browser: Browser
    site_url: str
    seen: dict[tuple[str, str], PageVisit] = field(default_factory=dict)

    def light(self, page: str) -> PageVisit:
        """The page in the light palette on a desktop screen, checked with axe.

        This visit waits until the network is idle, so every request the page makes is seen.
        """
        return self._visit(
            page, "light", {"color_scheme": "light"}, "networkidle", axe=AXE_OPTIONS
        )

    def dark(self, page: str) -> PageVisit:
        """The page in the dark palette on a desktop screen, checked with axe's colour rules."""
        return self._visit(page, "dark", {"color_scheme": "dark"}, "load", axe=DARK_AXE_OPTIONS)

    def phone(self, page: str) -> PageVisit:
        """The page on a 360×640 screen."""
        return self._visit(page, "phone", {"viewport": {"width": 360, "height": 640}}, "load")

    def _visit(
        self, page: str, view: str, options: dict, wait: str, axe: dict | None = None
    ) -> PageVisit:
        key = (page, view)
        if key not in self.seen:
            context = self.browser.new_context(**options)
            try:
                tab = context.new_page()
                log = PageLog()
                log.attach(tab)
                tab.goto(self.site_url + page, wait_until=wait)
                visit = PageVisit(log, widths=_widths(tab), scheme=_scheme(tab))
                self.seen[key] = _with_axe(visit, tab, axe) if axe else visit
            finally:
                context.close()
        return self.seen[key]


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
