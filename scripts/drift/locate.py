"""Turn contract locators into Playwright locators, and read an element's shown label."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Locator as PlaywrightLocator
from playwright.sync_api import Page

from scripts.contract import Locator

ACCESSIBLE_NAME = re.compile(r'^- [\w-]+ "(?P<name>(?:[^"\\]|\\.)*)"')


def text_matcher(value: str) -> str | re.Pattern[str]:
    """A contract text: ``/pattern/`` becomes a case-insensitive regex, else the exact text."""
    if len(value) > 1 and value.startswith("/") and value.endswith("/"):
        return re.compile(value[1:-1], re.IGNORECASE)
    return value


def playwright_locator(page: Page, locator: Locator) -> PlaywrightLocator:
    """Build the Playwright locator for one contract locator (visible matches only)."""
    if locator.id:
        found = page.locator(f"[id={json.dumps(locator.id)}]")
    elif locator.css:
        found = page.locator(locator.css)
    elif locator.role:
        if locator.name:
            name = text_matcher(locator.name)
            found = page.get_by_role(locator.role, name=name, exact=isinstance(name, str))
        else:
            found = page.get_by_role(locator.role)
    else:
        assert locator.text is not None
        text = text_matcher(locator.text)
        found = page.get_by_text(text, exact=isinstance(text, str))
    return found.filter(visible=True)


def normalise(text: str) -> str:
    """Fold whitespace and case so that cosmetic differences are not label drift."""
    return " ".join(text.split()).casefold()


def shown_label(found: PlaywrightLocator, label_from: str) -> str | None:
    """Read the label the portal shows for a found element.

    Args:
        found: The located element (the first match is read).
        label_from: ``text`` (visible text), ``accessible-name`` (what a screen reader
            announces: label, aria-label or placeholder) or ``none``.

    Returns:
        The label, or None when the contract does not check labels for this element.
    """
    if label_from == "none":
        return None
    first = found.first
    if label_from == "text":
        return " ".join(first.inner_text().split())
    snapshot = first.aria_snapshot().splitlines()
    match = ACCESSIBLE_NAME.match(snapshot[0]) if snapshot else None
    return json.loads(f'"{match["name"]}"') if match else ""
