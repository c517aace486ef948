"""Open each contract page once and give every element on it a verdict.

The live portal is a single-page app that can draw pop-ups over its forms, render seconds
after its loading overlay goes, open links in new tabs, navigate or redirect to another host.
Every Playwright call is bounded (each browser context gets default timeouts from the run's
``Timing``), each of those behaviours ends in a verdict, and an unexpected error on one page
becomes a "check failed" page in a complete report instead of a crash.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, BrowserContext, Response
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator as PlaywrightLocator
from playwright.sync_api import Page as Tab
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts.common.clock import utc_now
from scripts.common.photos import PHONE, PUBLIC_PAGES
from scripts.contract.model import Contract, Element
from scripts.contract.model import Page as PortalPage
from scripts.drift.classify import Observation, Signals, classify, first_signal
from scripts.drift.locate import normalise, playwright_locator, shown_label
from scripts.drift.model import ElementResult, ElementVerdict, PageResult, PageVerdict
from scripts.drift.target import Target

NETWORK_ERROR = re.compile(r"net::(ERR_[A-Z_]+)")
TLS_ERROR = re.compile(r"ERR_(CERT|SSL)_")
INTERCEPTED = re.compile(r"(<[^>]*>[^\n]*intercepts pointer events)")
VIEWPORT = {"width": 1280, "height": 900}
#: How many matches of an ambiguous locator are read when looking for the documented label.
AMBIGUOUS_READ = 5

#: Title, visible headings and readiness of the page, in one round trip.
LOOK = """
([hidden, attached]) => {
  const shown = (e) => {
    const style = getComputedStyle(e);
    return style.visibility !== 'hidden' && style.display !== 'none' &&
      e.getClientRects().length > 0;
  };
  const ready = hidden.every((s) => ![...document.querySelectorAll(s)].some(shown)) &&
    attached.every((s) => document.querySelector(s) !== null);
  const heads = [...document.querySelectorAll('h1, h2, h3, [role=heading]')]
    .filter(shown).map((e) => e.innerText);
  return {ready, headline: [document.title, ...heads].join('\\n')};
}
"""


@dataclass(frozen=True)
class Timing:
    """Time limits of a run, in seconds. The defaults suit the live portal.

    Attributes:
        navigation: One page load (also every context's default navigation timeout).
        ready: Waiting for a page's content, and then once more for its elements.
        element: One action on the page: a click, reading a label (every context's
            default timeout).
        retries: Extra attempts at loading a page that did not answer.
        retry_pause: Pause between those attempts.
        poll: How often a wait looks again.
    """

    navigation: float = 30.0
    ready: float = 20.0
    element: float = 3.0
    retries: int = 2
    retry_pause: float = 5.0
    poll: float = 0.25


LIVE_TIMING = Timing()


def user_agent(browser_version: str, about_url: str) -> str:
    """The check's user agent: Chrome's usual string (never "Headless"), then who we are.

    Args:
        browser_version: Chromium's version, e.g. ``156.0.8078.108``.
        about_url: The page that explains the check.

    Returns:
        The user agent string.
    """
    major = browser_version.split(".", 1)[0]
    return (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        f"Chrome/{major}.0.0.0 Safari/537.36 icegate-guide-drift-check (+{about_url})"
    )


@dataclass
class PageCheck:
    """One page's result and the results of its elements."""

    page: PageResult
    elements: list[ElementResult]


def not_checked(elements: list[Element], why: str) -> list[ElementResult]:
    """Element results for a page that could not be checked: never drift."""
    return [
        ElementResult(e.id, e.page, ElementVerdict.NOT_CHECKED, why, expected_label=e.label)
        for e in elements
    ]


class PageChecker:
    """Checks contract pages, each in a fresh browser context, writing screenshots to ``shots``.

    Three kinds of "page" meet here, each with its own name: a ``PortalPage`` is the contract's
    description of a portal page (``spec``), a ``Tab`` is Playwright's browser tab showing it,
    and a ``PageResult`` is what the check found.

    A fresh context per page keeps pages independent (no shared cookies) and sidesteps a
    Chromium hang when closing a tab that showed a network error page twice.
    """

    def __init__(
        self,
        contract: Contract,
        target: Target,
        browser: Browser,
        shots: Path,
        timing: Timing = LIVE_TIMING,
        traces: Path | None = None,
        agent: str | None = None,
    ) -> None:
        self.contract = contract
        self.target = target
        self.browser = browser
        self.shots = shots
        self.timing = timing
        self.traces = traces
        self.agent = agent
        self.signals = Signals(contract.blocked_signals, contract.maintenance_signals)
        self.statuses: dict[int, int] = {}

    def check(self, page_id: str) -> PageCheck:
        """Open one page (one load), classify it, and check every element on it."""
        spec = self.contract.pages[page_id]
        elements = self.contract.elements_on(page_id)
        url = self.target.url_of(self.entry_page(spec))
        if not self.target.can_open(spec):
            result = PageResult(page_id, url, PageVerdict.NOT_CHECKABLE, spec.why_not_live or "")
            why = f"not checkable live: {spec.why_not_live}"
            return PageCheck(result, not_checked(elements, why))
        started = time.monotonic()
        context = self.new_context()
        try:
            try:
                return self._check_open(context, page_id, elements, started)
            except Exception as error:  # noqa: BLE001 - one page's failure must not lose the run
                detail = f"{type(error).__name__}: {first_line(str(error))}"
                result = PageResult(page_id, url, PageVerdict.CHECK_FAILED, detail)
                result.seconds = round(time.monotonic() - started, 3)
                why = f"page {page_id} {result.verdict.value}: {detail}"
                return PageCheck(result, not_checked(elements, why))
        finally:
            self._close(context, page_id)

    def _check_open(
        self, context: BrowserContext, page_id: str, elements: list[Element], started: float
    ) -> PageCheck:
        tab, result = self.open_ready(context, page_id)
        result.seconds = round(time.monotonic() - started, 3)
        if result.final_url:
            # A page that never answered has nothing to show, and may still be loading.
            result.screenshot = self._screenshot(tab, page_id)
        if result.verdict is not PageVerdict.OK:
            why = f"page {page_id} {result.verdict.value}: {result.detail}"
            return PageCheck(result, not_checked(elements, why))
        self._await_elements(tab, elements)
        checked = [self._element(tab, element) for element in elements]
        spec = self.contract.pages[page_id]
        if page_id in PUBLIC_PAGES and self.entry_page(spec) is spec:
            self._phone(tab, result)
        result.seconds = round(time.monotonic() - started, 3)
        return PageCheck(result, checked)

    # Browser contexts --------------------------------------------------------------------

    def new_context(self) -> BrowserContext:
        """A fresh context whose every call is bounded by the run's timing."""
        options: dict[str, Any] = {"viewport": VIEWPORT}
        if self.agent:
            options["user_agent"] = self.agent
        context = self.browser.new_context(**options)
        context.set_default_timeout(self.timing.element * 1000)
        context.set_default_navigation_timeout(self.timing.navigation * 1000)
        context.on("response", self._note_status)
        if self.traces:
            context.tracing.start(screenshots=True, snapshots=True)
        return context

    def _note_status(self, response: Response) -> None:
        """Remember the HTTP status of each tab's latest document (also after clicks)."""
        try:
            frame = response.frame
            if response.request.is_navigation_request() and frame.parent_frame is None:
                self.statuses[id(frame.page)] = response.status
        except PlaywrightError:
            pass

    def _close(self, context: BrowserContext, page_id: str) -> None:
        try:
            if self.traces:
                self.traces.mkdir(parents=True, exist_ok=True)
                context.tracing.stop(path=str(self.traces / f"{page_id}.zip"))
        finally:
            context.close()

    # Opening and classifying -------------------------------------------------------------

    def entry_page(self, spec: PortalPage) -> PortalPage:
        """The page to load first: the page itself, or the page whose link leads to it."""
        if spec.reach_from and not self.target.is_recorded(spec):
            return self.contract.pages[spec.reach_from]
        return spec

    def open_ready(self, context: BrowserContext, page_id: str) -> tuple[Tab, PageResult]:
        """Load a page, wait until it is ready, classify it, follow its entry link.

        Returns:
            The tab that shows the page (a new one when its link opens a tab) and the result.
        """
        spec = self.contract.pages[page_id]
        entry = self.entry_page(spec)
        tab = context.new_page()
        result = self._open(tab, page_id, self.target.url_of(entry))
        if result.verdict is PageVerdict.OK:
            self._settle(tab, result, entry)
        if result.verdict is PageVerdict.OK and entry is not spec:
            tab = self._follow(context, tab, result, spec)
        if result.status is not None:  # the portal answered: say where we ended up
            result.final_url = tab.url
        self._note_redirect(result)
        return tab, result

    def _open(self, tab: Tab, page_id: str, url: str) -> PageResult:
        attempts = 0
        while True:
            attempts += 1
            try:
                response = tab.goto(url, wait_until="domcontentloaded")
            except PlaywrightTimeout:
                detail = f"no answer within {self.timing.navigation:g} s"
            except PlaywrightError as error:
                detail = describe_network_error(str(error))
            else:
                status = response.status if response else None
                return PageResult(page_id, url, PageVerdict.OK, status=status, attempts=attempts)
            if attempts > self.timing.retries:
                return PageResult(page_id, url, PageVerdict.UNREACHABLE, detail, attempts=attempts)
            time.sleep(self.timing.retry_pause)

    def _settle(self, tab: Tab, result: PageResult, spec: PortalPage) -> None:
        """Wait (once) for the page's content, then classify what it shows."""
        errored = result.status is not None and result.status >= 400
        deadline = time.monotonic() + (0 if errored else self.timing.ready)
        signals = self.signals.blocked + self.signals.maintenance
        while True:
            seen = self._look(tab, spec)
            if seen["ready"] or first_signal(seen["headline"], signals):
                break
            if time.monotonic() >= deadline:
                break
            tab.wait_for_timeout(self.timing.poll * 1000)
        text = "" if seen["ready"] and not errored else page_text(tab)
        observation = Observation(
            result.status, seen["ready"], seen["headline"], text, self.timing.ready
        )
        result.verdict, result.detail = classify(observation, self.signals)

    def _look(self, tab: Tab, spec: PortalPage) -> dict[str, Any]:
        try:
            return tab.evaluate(LOOK, [list(spec.ready_hidden), list(spec.ready_attached)])
        except PlaywrightError:  # the page is navigating; look again on the next poll
            return {"ready": False, "headline": ""}

    def _note_redirect(self, result: PageResult) -> None:
        if not result.final_url or result.verdict is not PageVerdict.OK:
            return
        asked, landed = urlsplit(result.url).hostname, urlsplit(result.final_url).hostname
        if asked != landed:
            note = f"redirected from {asked} to {landed}"
            result.detail = f"{result.detail}; {note}" if result.detail else note

    # Following an entry link -------------------------------------------------------------

    def _follow(
        self, context: BrowserContext, tab: Tab, result: PageResult, spec: PortalPage
    ) -> Tab:
        """Reach a page with no known route through its entry on the opener page."""
        entry = self.contract.elements[spec.reach_click or ""]
        found = self._first_match(tab, entry)
        if found is None:
            result.verdict = PageVerdict.ENTRY_MISSING
            result.detail = f"the entry {entry.id} ({entry.label}) was not found"
            return tab
        before = tab.url
        opened: list[Tab] = []

        def note_tab(new_tab: Tab) -> None:
            opened.append(new_tab)

        context.on("page", note_tab)
        problem, closed = self._click(tab, found)
        notes = [f"closed a covering pop-up ({', '.join(closed)})"] if closed else []
        if problem is not None:
            href = found.get_attribute("href")
            if not href:
                result.verdict = PageVerdict.UNREACHABLE
                result.detail = f"could not click the entry {entry.id}: {problem}"
                return tab
            # Covered by something we may not close: go where the link goes, as a reader would.
            notes.append(f"followed the address of {entry.id}: {problem}")
            tab.goto(urljoin(tab.url, href), wait_until="domcontentloaded")
        landed = self._landing(tab, before, opened)
        if landed is None:
            result.verdict = PageVerdict.ENTRY_MISSING
            result.detail = f"following {entry.id} ({entry.label}) did not open another page"
            return tab
        if landed is not tab:
            landed.wait_for_load_state("domcontentloaded")
        result.status = self.statuses.get(id(landed), result.status)
        if landed is not tab:
            notes.append("the entry opened a new tab")
        # Let the app react to the new route (show its loading overlay) before checking it.
        landed.wait_for_timeout(100)
        self._settle(landed, result, spec)
        if result.verdict is PageVerdict.OK:
            result.detail = "; ".join(notes)
        return landed

    def _first_match(self, tab: Tab, element: Element) -> PlaywrightLocator | None:
        for locator in element.locators:
            candidate = playwright_locator(tab, locator)
            if candidate.count():
                return candidate.first
        return None

    def _click(self, tab: Tab, link: PlaywrightLocator) -> tuple[str | None, list[str]]:
        """Click a link, closing a covering pop-up first if need be.

        Returns:
            (None, or why the click failed; the names of the buttons pressed to close pop-ups).
        """
        timeout = self.timing.element * 1000
        closed: list[str] = []
        try:
            link.click(trial=True, timeout=timeout)
        except PlaywrightTimeout:
            closed = self._dismiss(tab)
        try:
            link.click(timeout=timeout)
        except PlaywrightTimeout as error:
            covered = INTERCEPTED.search(str(error))
            why = covered.group(1) if covered else f"not clickable within {timeout / 1000:g} s"
            return why, closed
        return None, closed

    def _dismiss(self, tab: Tab) -> list[str]:
        """Close what covers the page: Escape, then visible Close/OK/Accept-style buttons."""
        tab.keyboard.press("Escape")
        if not self.contract.dismiss_buttons:
            return []
        names = "|".join(re.escape(name) for name in self.contract.dismiss_buttons)
        buttons = tab.get_by_role("button", name=re.compile(rf"^\s*({names})\s*$", re.I))
        pressed = []
        for button in buttons.filter(visible=True).all()[:3]:
            try:
                name = " ".join(button.inner_text().split())
                button.click(timeout=self.timing.element * 1000)
            except PlaywrightError:
                continue
            pressed.append(name)
        return pressed

    def _landing(self, tab: Tab, before: str, opened: list[Tab]) -> Tab | None:
        """The tab that shows where the entry led: a new tab, or this one at a new address."""
        deadline = time.monotonic() + self.timing.ready
        while time.monotonic() < deadline:
            if opened:
                return opened[0]
            if tab.url != before:
                return tab
            tab.wait_for_timeout(self.timing.poll * 1000)
        return opened[0] if opened else (tab if tab.url != before else None)

    # Elements --------------------------------------------------------------------------

    def _await_elements(self, tab: Tab, elements: list[Element]) -> None:
        """Wait once for the page's elements (late renders), up to the readiness budget."""
        pending = {element.id: combined(tab, element) for element in elements}
        deadline = time.monotonic() + self.timing.ready
        while pending:
            for element_id, found in list(pending.items()):
                if found.count():
                    del pending[element_id]
            if not pending or time.monotonic() >= deadline:
                return
            tab.wait_for_timeout(self.timing.poll * 1000)

    def _element(self, tab: Tab, element: Element) -> ElementResult:
        result = ElementResult(
            element.id, element.page, ElementVerdict.MISSING, expected_label=element.label
        )
        needed = element.count or 1
        chosen: PlaywrightLocator | None = None
        for index, locator in enumerate(element.locators):
            found = playwright_locator(tab, locator)
            count = found.count()
            result.match_counts[locator.describe()] = count
            if chosen is not None or count == 0:
                continue
            if element.count is not None and count != needed:
                continue
            chosen = found
            result.locator_index = index
            result.locator = locator.describe()
            result.ambiguous = element.count is None and count > 1
        if chosen is None:
            counts = "; ".join(f"{name} → {count}" for name, count in result.match_counts.items())
            result.detail = f"no locator found it ({counts})"
            return result
        return self._judge(tab, element, result, chosen)

    def _judge(
        self, tab: Tab, element: Element, result: ElementResult, found: PlaywrightLocator
    ) -> ElementResult:
        match = self._documented_match(found, element) if result.ambiguous else found.first
        observed = shown_label(match, element.label_from)
        result.observed_label = observed
        if observed is not None and normalise(observed) != normalise(element.label):
            result.verdict = ElementVerdict.LABEL_DRIFT
            result.detail = f'the portal shows "{observed}", the guides say "{element.label}"'
        elif result.locator_index:
            result.verdict = ElementVerdict.LOCATOR_DRIFT
            result.detail = (
                f"found only by fallback locator {result.locator_index + 1} ({result.locator}); "
                f"update the locators in portal/contract.yml"
            )
        else:
            result.verdict = ElementVerdict.PRESENT
            result.detail = f"found by {result.locator}"
        if result.ambiguous:
            count = result.match_counts[result.locator or ""]
            result.detail += f"; ambiguous: {count} matches, make the locator more precise"
        if result.verdict is not ElementVerdict.PRESENT:
            result.screenshot = self._surroundings(tab, element, match)
        return result

    def _documented_match(self, found: PlaywrightLocator, element: Element) -> PlaywrightLocator:
        """Of several matches, the first that shows the documented label (else the first)."""
        for index in range(min(found.count(), AMBIGUOUS_READ)):
            label = shown_label(found.nth(index), element.label_from)
            if label is None or normalise(label) == normalise(element.label):
                return found.nth(index)
        return found.first

    # Screenshots -----------------------------------------------------------------------

    def _screenshot(self, tab: Tab, name: str) -> str | None:
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"page-{name}.png"
        try:
            tab.screenshot(path=str(path), full_page=True, timeout=10_000)
        except PlaywrightError:
            return None
        return path.name

    def _phone(self, tab: Tab, result: PageResult) -> None:
        """A phone-width capture of a public page's first screen, for the photo step.

        Only for the allow-listed public pages (``PUBLIC_PAGES``), opened directly, after the
        elements were looked for: nothing has been typed, nothing submitted.
        """
        path = self.shots / f"phone-{result.page}.png"
        try:
            tab.set_viewport_size(PHONE)
            tab.wait_for_timeout(500)  # let the layout settle at phone width
            tab.screenshot(path=str(path), timeout=10_000)
        except PlaywrightError:
            return
        result.phone_screenshot = path.name
        result.phone_captured = utc_now()

    def _surroundings(self, tab: Tab, element: Element, found: PlaywrightLocator) -> str | None:
        path = self.shots / f"element-{element.id}.png"
        try:
            box = found.bounding_box()
            if not box:
                return None
            margin = 60
            clip = {
                "x": max(box["x"] - margin, 0),
                "y": max(box["y"] - margin, 0),
                "width": box["width"] + 2 * margin,
                "height": box["height"] + 2 * margin,
            }
            tab.screenshot(path=str(path), clip=clip, timeout=10_000)
        except PlaywrightError:
            return None
        return path.name


def combined(tab: Tab, element: Element) -> PlaywrightLocator:
    """One locator matching the element by any of its locators."""
    found = None
    for locator in element.locators:
        candidate = playwright_locator(tab, locator)
        found = candidate if found is None else found.or_(candidate)
    assert found is not None  # the schema requires at least one locator
    return found


def first_line(text: str) -> str:
    """The first non-empty line of a message."""
    return next((line.strip() for line in text.splitlines() if line.strip()), text)


def page_text(tab: Tab) -> str:
    """The visible text of the page, or an empty string when there is no body yet."""
    try:
        return tab.inner_text("body", timeout=2_000)
    except PlaywrightError:
        return ""


def describe_network_error(message: str) -> str:
    """A short description of a navigation failure: DNS, refused, TLS, timeout or other."""
    code_match = NETWORK_ERROR.search(message)
    code = code_match.group(1) if code_match else first_line(message)
    if "NAME_NOT_RESOLVED" in code:
        return f"the host name does not resolve ({code})"
    if "CONNECTION_REFUSED" in code:
        return f"the connection was refused ({code})"
    if TLS_ERROR.search(code):
        return f"the secure connection failed ({code})"
    if "TIMED_OUT" in code:
        return f"the connection timed out ({code})"
    return code
