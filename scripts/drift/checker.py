"""Open each contract page once and give every element on it a verdict."""

from __future__ import annotations

import contextlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, Response
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator as PlaywrightLocator
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts.contract import Contract, Element
from scripts.contract import Page as ContractPage
from scripts.drift.locate import normalise, playwright_locator, shown_label
from scripts.drift.model import ElementResult, ElementVerdict, PageResult, PageVerdict
from scripts.drift.target import Target

NETWORK_ERROR = re.compile(r"net::(ERR_[A-Z_]+)")
TLS_ERROR = re.compile(r"ERR_(CERT|SSL)_")


@dataclass(frozen=True)
class Timing:
    """Time limits of a run, in seconds. The defaults suit the live portal."""

    navigation: float = 30.0
    ready: float = 20.0
    element: float = 3.0
    retries: int = 2
    retry_pause: float = 5.0


LIVE_TIMING = Timing()

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


VIEWPORT = {"width": 1280, "height": 900}


class PageChecker:
    """Checks contract pages, each in a fresh browser context, writing screenshots to ``shots``.

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
    ) -> None:
        self.contract = contract
        self.target = target
        self.browser = browser
        self.shots = shots
        self.timing = timing
        self.traces = traces

    def check(self, page_id: str) -> PageCheck:
        """Open one page (one load), classify it, and check every element on it."""
        spec = self.contract.pages[page_id]
        elements = self.contract.elements_on(page_id)
        if not self.target.can_open(spec):
            url = self.target.url_of(self.opener(spec))
            result = PageResult(page_id, url, PageVerdict.NOT_CHECKABLE, spec.why_not_live or "")
            why = f"not checkable live: {spec.why_not_live}"
            return PageCheck(result, not_checked(elements, why))
        started = time.monotonic()
        context = self.browser.new_context(viewport=VIEWPORT)
        if self.traces:
            context.tracing.start(screenshots=True, snapshots=True)
        tab = context.new_page()
        try:
            result = self.open_ready(tab, page_id)
            result.seconds = round(time.monotonic() - started, 3)
            if result.verdict is not PageVerdict.UNREACHABLE:
                # An unreachable page has nothing to show, and may still be loading.
                result.screenshot = self._screenshot(tab, page_id)
            if result.verdict is not PageVerdict.OK:
                why = f"page {page_id} {result.verdict.value}: {result.detail}"
                return PageCheck(result, not_checked(elements, why))
            return PageCheck(result, [self._element(tab, element) for element in elements])
        finally:
            if self.traces:
                self.traces.mkdir(parents=True, exist_ok=True)
                context.tracing.stop(path=str(self.traces / f"{page_id}.zip"))
            context.close()

    # Opening and classifying -------------------------------------------------------------

    def opener(self, spec: ContractPage) -> ContractPage:
        """The page to load first: the page itself, or the page whose link leads to it."""
        if spec.reach_from and not self.target.is_recorded(spec):
            return self.contract.pages[spec.reach_from]
        return spec

    def open_ready(self, tab: Page, page_id: str) -> PageResult:
        """Load a page, classify the answer, wait until it is ready, follow its entry link."""
        spec = self.contract.pages[page_id]
        opener = self.opener(spec)
        result = self._open(tab, page_id, self.target.url_of(opener))
        if result.verdict is PageVerdict.OK:
            result = self._ready(tab, result, opener)
        if result.verdict is PageVerdict.OK and opener is not spec:
            result = self._follow(tab, result, spec)
        return result

    def _open(self, tab: Page, page_id: str, url: str) -> PageResult:
        attempts = 0
        while True:
            attempts += 1
            try:
                response = tab.goto(
                    url, wait_until="domcontentloaded", timeout=self.timing.navigation * 1000
                )
            except PlaywrightTimeout:
                detail = f"no answer within {self.timing.navigation:g} s"
            except PlaywrightError as error:
                detail = describe_network_error(str(error))
            else:
                return self._classify(tab, page_id, url, response, attempts)
            if attempts > self.timing.retries:
                return PageResult(page_id, url, PageVerdict.UNREACHABLE, detail, attempts=attempts)
            time.sleep(self.timing.retry_pause)

    def _classify(
        self, tab: Page, page_id: str, url: str, response: Response | None, attempts: int
    ) -> PageResult:
        status = response.status if response else None
        text = page_text(tab)
        result = PageResult(page_id, url, PageVerdict.OK, status=status, attempts=attempts)
        blocked = first_signal(text, self.contract.blocked_signals)
        maintenance = first_signal(text, self.contract.maintenance_signals)
        if status in (403, 429) or blocked:
            result.verdict = PageVerdict.BLOCKED
            result.detail = f"HTTP {status}" + (f', page says "{blocked}"' if blocked else "")
        elif maintenance:
            result.verdict = PageVerdict.MAINTENANCE
            result.detail = f'HTTP {status}, page says "{maintenance}"'
        elif status is not None and status >= 400:
            result.verdict = PageVerdict.HTTP_ERROR
            result.detail = f"HTTP {status}"
        return result

    def _ready(self, tab: Page, result: PageResult, spec: ContractPage) -> PageResult:
        deadline = time.monotonic() + self.timing.ready
        try:
            for selector in spec.ready_attached:
                tab.wait_for_selector(selector, state="attached", timeout=remaining(deadline))
            for selector in spec.ready_hidden:
                tab.wait_for_selector(selector, state="hidden", timeout=remaining(deadline))
        except PlaywrightTimeout:
            result.verdict = PageVerdict.UNREACHABLE
            result.detail = f"page did not become ready within {self.timing.ready:g} s"
        return result

    def _follow(self, tab: Page, result: PageResult, spec: ContractPage) -> PageResult:
        """Reach a page with no known route by clicking its entry on the opener page."""
        entry = self.contract.elements[spec.reach_click or ""]
        found = None
        for locator in entry.locators:
            candidate = playwright_locator(tab, locator)
            if candidate.count():
                found = candidate.first
                break
        if found is None:
            result.verdict = PageVerdict.ENTRY_MISSING
            result.detail = f"the entry {entry.id} ({entry.label}) was not found"
            return result
        before = tab.url
        found.click(timeout=self.timing.element * 1000)
        try:
            tab.wait_for_url(lambda url: url != before, timeout=self.timing.ready * 1000)
        except PlaywrightTimeout:
            result.verdict = PageVerdict.ENTRY_MISSING
            result.detail = f"clicking {entry.id} ({entry.label}) did not open another page"
            return result
        result.url = tab.url
        # Let the app react to the new route (show its loading overlay) before checking readiness.
        tab.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)))")
        return self._ready(tab, result, spec)

    # Elements --------------------------------------------------------------------------

    def _element(self, tab: Page, element: Element) -> ElementResult:
        result = ElementResult(
            element.id, element.page, ElementVerdict.MISSING, expected_label=element.label
        )
        self._grace(tab, element)
        needed = element.count or 1
        observed_counts = []
        for index, locator in enumerate(element.locators):
            found = playwright_locator(tab, locator)
            count = found.count()
            observed_counts.append(f"{locator.describe()} → {count}")
            if count == 0 or (element.count is not None and count != needed):
                continue
            result.locator_index = index
            result.locator = locator.describe()
            return self._judge(tab, element, result, found)
        result.detail = "no locator found it (" + "; ".join(observed_counts) + ")"
        return result

    def _grace(self, tab: Page, element: Element) -> None:
        """Give a late-rendering element a short, bounded chance to appear."""
        combined = None
        for locator in element.locators:
            found = playwright_locator(tab, locator)
            combined = found if combined is None else combined.or_(found)
        with contextlib.suppress(PlaywrightTimeout):
            combined.first.wait_for(state="visible", timeout=self.timing.element * 1000)

    def _judge(
        self, tab: Page, element: Element, result: ElementResult, found: PlaywrightLocator
    ) -> ElementResult:
        observed = shown_label(found, element.label_from)
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
            return result
        result.screenshot = self._surroundings(tab, element, found)
        return result

    # Screenshots -----------------------------------------------------------------------

    def _screenshot(self, tab: Page, name: str) -> str | None:
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"page-{name}.png"
        try:
            tab.screenshot(path=str(path), full_page=True, timeout=10_000)
        except PlaywrightError:
            return None
        return path.name

    def _surroundings(
        self, tab: Page, element: Element, found: PlaywrightLocator
    ) -> str | None:
        path = self.shots / f"element-{element.id}.png"
        try:
            box = found.first.bounding_box()
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


def remaining(deadline: float) -> float:
    """Milliseconds left until ``deadline`` (at least 1)."""
    return max((deadline - time.monotonic()) * 1000, 1)


def page_text(tab: Page) -> str:
    """The visible text of the page, or an empty string when there is no body yet."""
    try:
        return tab.inner_text("body", timeout=2_000)
    except PlaywrightError:
        return ""


def first_signal(text: str, signals: tuple[str, ...]) -> str | None:
    """The first signal phrase that occurs in ``text`` (case-insensitive), if any."""
    folded = normalise(text)
    for signal in signals:
        if normalise(signal) in folded:
            return signal
    return None


def describe_network_error(message: str) -> str:
    """A short description of a navigation failure: DNS, refused, TLS, timeout or other."""
    code_match = NETWORK_ERROR.search(message)
    code = code_match.group(1) if code_match else message.splitlines()[0]
    if "NAME_NOT_RESOLVED" in code:
        return f"the host name does not resolve ({code})"
    if "CONNECTION_REFUSED" in code:
        return f"the connection was refused ({code})"
    if TLS_ERROR.search(code):
        return f"the secure connection failed ({code})"
    if "TIMED_OUT" in code:
        return f"the connection timed out ({code})"
    return code
