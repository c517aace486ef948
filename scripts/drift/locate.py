"""Turn contract locators into Playwright locators, and read what a page shows.

Everything here reads the page through Playwright locators, which pierce open shadow roots,
so content an app draws inside a web component is found like any other. Every text read
from the portal (labels, titles, headings, addresses) is cleaned on the way in
(``scripts.drift.text.clean_text``): the portal decides what its pages say, and a lone
surrogate or a control character must not reach a report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import yaml
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator as PlaywrightLocator
from playwright.sync_api import Page

from scripts.contract.model import Locator
from scripts.drift.classify import normalise
from scripts.drift.text import clean_text

#: One node of an accessibility snapshot, once YAML has unquoted it: ``role "name" [attrs]``.
SNAPSHOT_NODE = re.compile(r'^(?P<role>[\w-]+)(?: (?P<name>"(?:[^"\\]|\\.)*"))?')
#: Headings whose text makes a page's headline (with its title).
HEADINGS = "h1, h2, h3, [role=heading]"
#: Roles of the accessibility tree that count as what a page shows, by report key.
CONTENT_ROLES = {
    "headings": ("heading",),
    "buttons": ("button",),
    "links": ("link",),
    "fields": (
        "textbox", "searchbox", "combobox", "listbox", "checkbox", "radio", "spinbutton",
        "slider", "switch",
    ),
}
#: At most this many names per kind, each at most ``NAME_CHARS`` long, go into a report.
CONTENT_NAMES = 20
NAME_CHARS = 200
#: The visible text of open shadow roots, which ``innerText`` of the body leaves out.
SHADOW_TEXT = """
() => {
  const texts = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) {
        for (const child of element.shadowRoot.children) texts.push(child.innerText || '');
        walk(element.shadowRoot);
      }
    }
  };
  walk(document);
  return texts.join('\\n');
}
"""

__all__ = [
    "accessible_name", "headline", "normalise", "page_address", "page_text",
    "playwright_locator", "readiness", "shown_content", "shown_label", "text_matcher",
]


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
    return next(_node(key), ("", ""))[1]


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
        return " ".join(clean_text(first.inner_text()).split())
    return clean_text(accessible_name(first.aria_snapshot()))


def readiness(page: Page, hidden: tuple[str, ...], attached: tuple[str, ...]) -> tuple[bool, bool]:
    """Whether a page's ready condition holds, and whether it is still loading.

    Args:
        page: The tab.
        hidden: Selectors that must not be visible (a loading overlay).
        attached: Selectors that must be present (the app's form).

    Returns:
        (ready, loading): ``loading`` is true while one of ``hidden`` is still visible.
    """
    loading = any(page.locator(selector).filter(visible=True).count() for selector in hidden)
    ready = not loading and all(page.locator(selector).count() for selector in attached)
    return ready, loading


def headline(page: Page) -> str:
    """The page's title and the text of its visible headings, one per line."""
    heads = page.locator(HEADINGS).filter(visible=True).all_inner_texts()
    return clean_text("\n".join([page.title(), *heads]), keep_lines=True)


def page_text(page: Page) -> str:
    """The visible text of the page (also inside open shadow roots), or "" when there is none."""
    try:
        text = page.inner_text("body", timeout=2_000)
        text += "\n" + page.evaluate(SHADOW_TEXT)
    except PlaywrightError:
        return ""
    return clean_text(text, keep_lines=True)


def page_address(page: Page) -> str:
    """The address the tab shows now."""
    return clean_text(page.url)


def snapshot_nodes(tree: Any) -> Iterator[tuple[str, str]]:
    """(role, accessible name) of every node of a parsed accessibility snapshot."""
    items = tree if isinstance(tree, list) else [tree]
    for item in items:
        if isinstance(item, dict):
            for key, children in item.items():
                yield from _node(key)
                if isinstance(children, list | dict):
                    yield from snapshot_nodes(children)
        else:
            yield from _node(item)


def _node(key: Any) -> Iterator[tuple[str, str]]:
    match = SNAPSHOT_NODE.match(key) if isinstance(key, str) else None
    if match:
        try:
            name = json.loads(match["name"]) if match["name"] else ""
        except ValueError:
            name = ""
        yield match["role"], name


def shown_content(page: Page) -> dict[str, Any]:
    """What a page shows: its title and its visible headings, buttons, links and fields.

    Names come from the accessibility tree, which includes open shadow roots.

    Returns:
        ``title`` and, per kind (``CONTENT_ROLES``), at most ``CONTENT_NAMES`` names.
    """
    try:
        title = page.title()
    except PlaywrightError:  # the page is navigating
        title = ""
    try:
        tree = yaml.safe_load(page.locator("body").aria_snapshot())
    except (PlaywrightError, yaml.YAMLError):  # navigating, or a snapshot YAML cannot read
        tree = []
    shown: dict[str, Any] = {"title": " ".join(clean_text(title).split())[:NAME_CHARS]}
    nodes = list(snapshot_nodes(tree))
    for kind, roles in CONTENT_ROLES.items():
        names = [" ".join(clean_text(name).split())[:NAME_CHARS]
                 for role, name in nodes if role in roles]
        shown[kind] = names[:CONTENT_NAMES]
    return shown


def draws_content(shown: dict[str, Any]) -> bool:
    """Whether a page shows real content: a named heading, button or link, or any field."""
    named = any(name for kind in ("headings", "buttons", "links") for name in shown[kind])
    return named or bool(shown["fields"])
