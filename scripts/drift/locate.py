"""Turn contract locators into Playwright locators, and read an element's shown label."""

from __future__ import annotations

import json
import re

import yaml
from playwright.sync_api import Locator as PlaywrightLocator
from playwright.sync_api import Page

from scripts.contract.model import Locator
from scripts.drift.classify import normalise

#: One node of an accessibility snapshot, once YAML has unquoted it: ``role "name" [attrs]``.
SNAPSHOT_NODE = re.compile(r'^[\w-]+(?: (?P<name>"(?:[^"\\]|\\.)*"))?')

__all__ = ["accessible_name", "normalise", "playwright_locator", "shown_label", "text_matcher"]


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


def accessible_name(snapshot: str) -> str:
    """The accessible name of the first node of a Playwright accessibility snapshot.

    The snapshot is YAML: a node whose name holds ``: ``, quotes or other YAML syntax comes
    quoted (``- 'textbox "ICEGATE ID: *"'``), so it is read as YAML, not matched as text.

    Args:
        snapshot: What ``Locator.aria_snapshot()`` returned.

    Returns:
        The name, or an empty string for a node without one.
    """
    try:
        nodes = yaml.safe_load(snapshot)
    except yaml.YAMLError:
        return ""
    if not isinstance(nodes, list) or not nodes:
        return ""
    first = nodes[0]
    key = next(iter(first)) if isinstance(first, dict) and first else first
    match = SNAPSHOT_NODE.match(key) if isinstance(key, str) else None
    return json.loads(match["name"]) if match and match["name"] else ""


def shown_label(found: PlaywrightLocator, label_from: str) -> str | None:
    """Read the label the portal shows for a found element.

    Args:
        found: The located element (its first match is read; pass ``.nth(i)`` for another).
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
    return accessible_name(first.aria_snapshot())
