"""Open each contract page once and give every element on it a verdict.

The live portal is a single-page app that can draw pop-ups over its forms, render seconds
after its loading overlay goes, open links in new tabs, navigate or redirect to another host.
Every Playwright call is bounded (each browser context gets default timeouts from the run's
``Timing``), each of those behaviours ends in a verdict, and an unexpected error on one page
becomes a "check failed" page in a complete report instead of a crash.

The check only looks: every browser context refuses any request other than GET (whatever
the page does: a form submitted, a script posting data), and a pop-up is closed only with a
button inside the layer that covers the link, never one that belongs to a form. It is polite:
it honours a short ``Retry-After``, stops opening pages once the portal refuses it (a block
page, 403, 429), and does not open further pages of a host that did not answer.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ElementHandle,
    FloatRect,
    Request,
    Response,
    Route,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator as PlaywrightLocator
from playwright.sync_api import Page as Tab
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scripts.common.clock import utc_now
from scripts.common.photos import PHONE, PUBLIC_PAGES
from scripts.contract.model import Contract, Element
from scripts.contract.model import Page as PortalPage
from scripts.drift.classify import (
    Observation,
    Signals,
    classify,
    first_signal,
    retry_after_seconds,
)
from scripts.drift.locate import (
    draws_content,
    headline,
    normalise,
    page_address,
    page_text,
    playwright_locator,
    readiness,
    shown_content,
    shown_label,
)
from scripts.drift.model import ElementResult, PageResult
from scripts.drift.target import Target
from scripts.drift.text import clean_text
from scripts.verification.verdicts import ElementVerdict, PageVerdict

NETWORK_ERROR = re.compile(r"net::(ERR_[A-Z_]+)")
TLS_ERROR = re.compile(r"ERR_(CERT|SSL)_")
INTERCEPTED = re.compile(r"(<[^>]*>[^\n]*intercepts pointer events)")
VIEWPORT = {"width": 1280, "height": 900}
#: How many matches of an ambiguous locator are read when looking for the documented label.
AMBIGUOUS_READ = 5

#: The only request method the check sends: it reads pages and never changes anything.
SAFE_METHOD = "GET"
#: How many dismiss buttons are pressed at most to uncover one link.
DISMISS_AT_MOST = 3
#: The buttons of the layer that covers a link, for closing it. The layer is the largest
#: ancestor of the element found at the link's centre that does not hold the link (a dialog,
#: an overlay, a notice). Buttons associated with a form, or of type submit, are left out.
COVERING_BUTTONS = """
(link) => {
  const up = (e) => e.parentElement || (e.parentNode && e.parentNode.host) || null;
  const holds = (outer, inner) => {
    for (let e = inner; e; e = up(e)) if (e === outer) return true;
    return false;
  };
  const box = link.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  let hit = document.elementFromPoint(x, y);
  while (hit && hit.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  if (!hit || holds(link, hit) || holds(hit, link)) return [];
  let layer = hit;
  while (up(layer) && !holds(up(layer), link)) layer = up(layer);
  const found = [];
  const walk = (root) => {
    for (const e of root.querySelectorAll('*')) {
      found.push(e);
      if (e.shadowRoot) walk(e.shadowRoot);
    }
  };
  found.push(layer);
  walk(layer);
  if (layer.shadowRoot) walk(layer.shadowRoot);
  const inForm = (e) => {
    if (e.form) return true;
    for (let a = e; a; a = up(a)) if (a.tagName === 'FORM') return true;
    return false;
  };
  return found.filter((e) =>
    e.matches('button, [role=button], input[type=button]') && !inForm(e) &&
    !['submit', 'image'].includes((e.getAttribute('type') || '').toLowerCase()));
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
        retry_after_max: The longest ``Retry-After`` of a 429 answer the check waits for
            (once) before asking again; a longer one stops the check for the night.
    """

    navigation: float = 30.0
    ready: float = 20.0
    element: float = 3.0
    retries: int = 2
    retry_pause: float = 5.0
    poll: float = 0.25
    retry_after_max: float = 60.0


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


@dataclass
class Politeness:
    """What the portal said about being checked, remembered across the pages of a run.

    Attributes:
        stopped: Why the check stopped opening pages (the portal refused it), or None.
        silent: Host → why no further page of it is opened (it did not answer).
        refused: Requests other than GET that pages tried to send during the current page
            check, and that the check stopped (method and address).
        retry_after: The wait the latest 429 answer asked for (e.g. ``3600 s``), if any.
    """

    stopped: str | None = None
    silent: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    retry_after: str | None = None


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
        self.failed_scripts: dict[int, list[str]] = {}
        self.polite = Politeness()

    def check(self, page_id: str) -> PageCheck:
        """Open one page (one load), classify it, and check every element on it."""
        spec = self.contract.pages[page_id]
        elements = self.contract.elements_on(page_id)
        url = self.target.url_of(self.entry_page(spec))
        if not self.target.can_open(spec):
            result = PageResult(page_id, url, PageVerdict.NOT_CHECKABLE, spec.why_not_live or "")
            why = f"not checkable live: {spec.why_not_live}"
            return PageCheck(result, not_checked(elements, why))
        held = self._held_back(page_id, url)
        if held is not None:
            why = f"page {page_id} {held.verdict.value}: {held.detail}"
            return PageCheck(held, not_checked(elements, why))
        started = time.monotonic()
        self.polite.refused.clear()
        context = self.new_context()
        try:
            try:
                check = self._check_open(context, page_id, elements, started)
            except Exception as error:  # noqa: BLE001 - one page's failure must not lose the run
                detail = f"{type(error).__name__}: {first_line(str(error))}"
                result = PageResult(page_id, url, PageVerdict.CHECK_FAILED, detail)
                result.seconds = round(time.monotonic() - started, 3)
                why = f"page {page_id} {result.verdict.value}: {detail}"
                check = PageCheck(result, not_checked(elements, why))
        finally:
            self._close(context, page_id)
        self._note_refusals(check.page)
        return check

    # Politeness ------------------------------------------------------------------------

    def _held_back(self, page_id: str, url: str) -> PageResult | None:
        """A result for a page not opened at all, when the portal asked us to stay away."""
        if self.polite.stopped:
            detail = f"not opened: {self.polite.stopped}"
            return PageResult(page_id, url, PageVerdict.BLOCKED, detail)
        host = urlsplit(url).netloc
        if host in self.polite.silent:
            detail = f"not opened: {self.polite.silent[host]}"
            return PageResult(page_id, url, PageVerdict.UNREACHABLE, detail)
        return None

    def _note_refusals(self, result: PageResult) -> None:
        """Stop for the night after a refusal; say which requests the check did not send."""
        if result.verdict is PageVerdict.BLOCKED and not self.polite.stopped:
            self.polite.stopped = (
                f"the portal refused the check on page {result.page} ({result.detail}); "
                "the check stopped for the night"
            )
        if self.polite.refused:
            count = len(self.polite.refused)
            note = (
                f"did not send {count} request(s) the page tried to make "
                f"({', '.join(self.polite.refused[:3])}): the check sends only GET"
            )
            result.detail = f"{result.detail}; {note}" if result.detail else note

    def _check_open(
        self, context: BrowserContext, page_id: str, elements: list[Element], started: float
    ) -> PageCheck:
        tab, result = self.open_ready(context, page_id)
        result.seconds = round(time.monotonic() - started, 3)
        if result.final_url:
            # A page that never answered has nothing to show, and may still be loading.
            result.screenshot = self._screenshot(tab, page_id)
        if not result.verdict.shows_content:
            why = f"page {page_id} {result.verdict.value}: {result.detail}"
            return PageCheck(result, not_checked(elements, why))
        if result.verdict is PageVerdict.OK:
            # A changed page has had its whole readiness budget to draw: look once.
            self._await_elements(tab, elements)
        checked = [self._element(tab, element) for element in elements]
        spec = self.contract.pages[page_id]
        if page_id in PUBLIC_PAGES and self.entry_page(spec) is spec:
            self._phone(tab, result)
        result.seconds = round(time.monotonic() - started, 3)
        return PageCheck(result, checked)

    # Browser contexts --------------------------------------------------------------------

    def new_context(self) -> BrowserContext:
        """A fresh context whose every call is bounded by the run's timing, sending only GET.

        Service workers are blocked, so that every request of the page passes the guard.
        """
        options: dict[str, Any] = {"viewport": VIEWPORT, "service_workers": "block"}
        if self.agent:
            options["user_agent"] = self.agent
        context = self.browser.new_context(**options)
        context.set_default_timeout(self.timing.element * 1000)
        context.set_default_navigation_timeout(self.timing.navigation * 1000)
        context.route("**/*", self._only_get)
        context.on("response", self._note_status)
        context.on("requestfailed", self._note_failed)
        if self.traces:
            context.tracing.start(screenshots=True, snapshots=True)
        return context

    def _only_get(self, route: Route) -> None:
        """Let GET requests through; stop every other method (a form post, a beacon)."""
        request = route.request
        if request.method == SAFE_METHOD:
            route.continue_()
            return
        self.polite.refused.append(f"{request.method} {page_address_of(request.url)}")
        route.abort("blockedbyclient")

    def _note_status(self, response: Response) -> None:
        """Remember what the portal answered.

        The HTTP status of each tab's latest document (also after clicks), any 429 (the check
        then stops for the night) and scripts that answered with an error.
        """
        try:
            request = response.request
            frame = response.frame
            if request.is_navigation_request() and frame.parent_frame is None:
                self.statuses[id(frame.page)] = response.status
            if response.status == 429 and not self.polite.stopped:
                self.polite.stopped = (
                    f"the portal answered HTTP 429 (too many requests) for "
                    f"{page_address_of(response.url)}; the check stopped for the night"
                )
            if request.resource_type == "script" and response.status >= 400:
                self._note_script(frame.page, f"{response.url} (HTTP {response.status})")
        except PlaywrightError:
            pass

    def _note_failed(self, request: Request) -> None:
        """Remember scripts that got no answer at all."""
        try:
            if request.resource_type == "script":
                why = request.failure or "no answer"
                self._note_script(request.frame.page, f"{request.url} ({why})")
        except PlaywrightError:
            pass

    def _note_script(self, tab: Tab, what: str) -> None:
        self.failed_scripts.setdefault(id(tab), []).append(what)

    def _own_failed_script(self, tab: Tab) -> str | None:
        """The first script of the page's own host that failed to load, if any."""
        host = urlsplit(tab.url).netloc
        for what in self.failed_scripts.get(id(tab), []):
            if urlsplit(what).netloc == host:
                return page_address_of(what)
        return None

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
        if result.verdict.shows_content and entry is not spec:
            tab = self._follow(context, tab, result, spec)
        if result.status is not None:  # the portal answered: say where we ended up
            result.final_url = page_address(tab)
        self._note_redirect(result)
        return tab, result

    def _open(self, tab: Tab, page_id: str, url: str) -> PageResult:
        attempts = 0
        waited_as_asked = False
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
                wait = self._asked_wait(response) if response and status == 429 else None
                if wait is None or wait > self.timing.retry_after_max or waited_as_asked:
                    return PageResult(
                        page_id, url, PageVerdict.OK, status=status, attempts=attempts
                    )
                # A short Retry-After: wait as asked, once, then ask again.
                waited_as_asked = True
                self.polite.stopped = None
                time.sleep(wait)
                continue
            if attempts > self.timing.retries:
                host = urlsplit(url).netloc
                self.polite.silent[host] = f"{host} did not answer page {page_id} ({detail})"
                return PageResult(page_id, url, PageVerdict.UNREACHABLE, detail, attempts=attempts)
            time.sleep(self.timing.retry_pause)

    def _asked_wait(self, response: Response) -> float | None:
        """The wait (seconds) a 429 answer's ``Retry-After`` asks for; kept for the detail."""
        wait = retry_after_seconds(response.headers.get("retry-after"), datetime.now(UTC))
        self.polite.retry_after = f"{wait:g} s" if wait is not None else None
        return wait

    def _settle(self, tab: Tab, result: PageResult, spec: PortalPage) -> None:
        """Wait (once) for the page's content, then classify what it shows."""
        errored = result.status is not None and result.status >= 400
        deadline = time.monotonic() + (0 if errored else self.timing.ready)
        signals = self.signals.blocked + self.signals.maintenance
        while True:
            ready, loading, heads = self._look(tab, spec)
            if ready or first_signal(heads, signals):
                break
            if time.monotonic() >= deadline:
                break
            tab.wait_for_timeout(self.timing.poll * 1000)
        text = page_text(tab) if not ready or errored else ""
        shown = shown_content(tab) if not ready and not errored and not loading else None
        observation = Observation(
            result.status,
            ready,
            heads,
            text,
            self.timing.ready,
            drawn=shown is not None and draws_content(shown),
            failed_script=None if ready else self._own_failed_script(tab),
            loading=loading,
        )
        result.verdict, result.detail = classify(observation, self.signals)
        result.shown = shown if result.verdict is PageVerdict.CHANGED else None
        if result.status == 429:
            asked = self.polite.retry_after
            wait = f"it asked to wait {asked}" if asked else "it gave no Retry-After"
            result.detail = f"{result.detail}; {wait}, so the check stopped for the night"

    def _look(self, tab: Tab, spec: PortalPage) -> tuple[bool, bool, str]:
        """(ready, still loading, title and headings) of the page now."""
        try:
            ready, loading = readiness(tab, spec.ready_hidden, spec.ready_attached)
            return ready, loading, headline(tab)
        except PlaywrightError:  # the page is navigating; look again on the next poll
            return False, False, ""

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
            closed = self._dismiss(tab, link)
        try:
            link.click(timeout=timeout)
        except PlaywrightTimeout as error:
            covered = INTERCEPTED.search(str(error))
            why = covered.group(1) if covered else f"not clickable within {timeout / 1000:g} s"
            return why, closed
        return None, closed

    def _dismiss(self, tab: Tab, link: PlaywrightLocator) -> list[str]:
        """Close what covers a link: Escape, then Close/OK/Accept-style buttons.

        Only buttons of the layer that covers the link (``COVERING_BUTTONS``) are pressed:
        never a button of a form, never a submit button.
        """
        tab.keyboard.press("Escape")
        if not self.contract.dismiss_buttons:
            return []
        names = "|".join(re.escape(name) for name in self.contract.dismiss_buttons)
        dismiss = re.compile(rf"^\s*({names})\s*$", re.I)
        pressed: list[str] = []
        for button in self._covering_buttons(link):
            if len(pressed) >= DISMISS_AT_MOST:
                break
            try:
                name = " ".join(clean_text(button.inner_text() or "").split())
                if not dismiss.match(name) or not button.is_visible():
                    continue
                button.click(timeout=self.timing.element * 1000)
            except PlaywrightError:
                continue
            pressed.append(name)
        return pressed

    def _covering_buttons(self, link: PlaywrightLocator) -> list[ElementHandle]:
        """The buttons of the layer that covers ``link`` (none when nothing covers it)."""
        try:
            found = link.evaluate_handle(COVERING_BUTTONS)
            handles = [h.as_element() for h in found.get_properties().values()]
        except PlaywrightError:
            return []
        return [handle for handle in handles if handle is not None]

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
            tab.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
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
            clip: FloatRect = {
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


def page_address_of(text: str) -> str:
    """An address (or header) the portal sent, cleaned and cut to a readable length."""
    return clean_text(text)[:200]


def first_line(text: str) -> str:
    """The first non-empty line of a message."""
    return next((line.strip() for line in text.splitlines() if line.strip()), text)


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
