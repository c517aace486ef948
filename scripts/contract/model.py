"""Load and validate the portal element contract (``portal/contract.yml``).

The contract is the one source of truth shared by the guides (which print labels from it) and
the drift checks (which look for every element on the portal). Loading validates it against
``portal/contract.schema.json`` and a few cross-references, and every mistake is reported with
the file, the key and what was expected.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from scripts.common.paths import ROOT

CONTRACT_PATH = ROOT / "portal" / "contract.yml"
SCHEMA_PATH = ROOT / "portal" / "contract.schema.json"


class _TextDatesLoader(yaml.SafeLoader):
    """A safe YAML loader that keeps dates as the text the author wrote (2025-08-02)."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class ContractError(ValueError):
    """The contract file is unreadable or breaks a rule; the message says where and why."""


@dataclass(frozen=True)
class Locator:
    """One way to find an element, in the contract's own words.

    Exactly one of ``id``, ``css``, ``role`` (optionally with ``name``) or ``text`` is set.
    ``name`` and ``text`` written as ``/pattern/`` are case-insensitive regular expressions.
    """

    id: str | None = None
    css: str | None = None
    role: str | None = None
    name: str | None = None
    text: str | None = None

    def describe(self) -> str:
        """A short human description, e.g. ``role=button name=/login/``."""
        if self.id:
            return f"#{self.id}"
        if self.css:
            return f"css={self.css}"
        if self.role:
            return f"role={self.role}" + (f" name={self.name}" if self.name else "")
        return f"text={self.text}"


@dataclass(frozen=True)
class Evidence:
    """Where a piece of knowledge about the portal comes from."""

    source: str
    kind: str
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Page:
    """A portal page (or a state of one) that guides describe."""

    id: str
    title: str
    site: str
    ready_hidden: tuple[str, ...]
    ready_attached: tuple[str, ...]
    live_checkable: bool
    confidence: str
    evidence: tuple[Evidence, ...]
    path: str | None = None
    reach_from: str | None = None
    reach_click: str | None = None
    replica_path: str | None = None
    why_not_live: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Element:
    """A button, field, link or message on a portal page that a guide mentions."""

    id: str
    page: str
    label: str
    label_from: str
    what: str
    locators: tuple[Locator, ...]
    confidence: str
    label_confidence: str
    evidence: tuple[Evidence, ...]
    count: int | None = None
    notes: str | None = None

    @property
    def anchor(self) -> str:
        """The HTML id of this element's row on the reference page."""
        return "el-" + self.id.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Site:
    """One of the portal's hosts."""

    id: str
    live_url: str
    replica_dir: str


@dataclass(frozen=True)
class Contract:
    """The whole contract: sites, page signals, pages and elements, in file order."""

    sites: Mapping[str, Site]
    blocked_signals: tuple[str, ...]
    maintenance_signals: tuple[str, ...]
    pages: Mapping[str, Page]
    elements: Mapping[str, Element]
    source: Path
    dismiss_buttons: tuple[str, ...] = ()

    def elements_on(self, page_id: str) -> list[Element]:
        """The elements of one page, in contract order."""
        return [element for element in self.elements.values() if element.page == page_id]

    def __iter__(self) -> Iterator[Element]:
        return iter(self.elements.values())


def _evidence(items: list[dict[str, Any]]) -> tuple[Evidence, ...]:
    return tuple(Evidence(**{key: str(value) for key, value in item.items()}) for item in items)


def _page(page_id: str, raw: dict[str, Any]) -> Page:
    reach = raw.get("reach") or {}
    return Page(
        id=page_id,
        title=raw["title"],
        site=raw["site"],
        path=raw.get("path"),
        reach_from=reach.get("from"),
        reach_click=reach.get("click"),
        replica_path=raw.get("replica_path"),
        ready_hidden=tuple(raw["ready"].get("hidden", ())),
        ready_attached=tuple(raw["ready"].get("attached", ())),
        live_checkable=raw["live_checkable"],
        why_not_live=raw.get("why_not_live"),
        confidence=raw["confidence"],
        evidence=_evidence(raw["evidence"]),
        notes=raw.get("notes"),
    )


def _element(element_id: str, raw: dict[str, Any]) -> Element:
    return Element(
        id=element_id,
        page=raw["page"],
        label=raw["label"],
        label_from=raw["label_from"],
        what=raw["what"],
        locators=tuple(Locator(**locator) for locator in raw["locators"]),
        confidence=raw["confidence"],
        label_confidence=raw["label_confidence"],
        evidence=_evidence(raw["evidence"]),
        count=raw.get("count"),
        notes=raw.get("notes"),
    )


def _where(path: Iterator[Any]) -> str:
    keys = [str(key) for key in path]
    return " → ".join(keys) if keys else "(top level)"


def _schema_errors(data: Any, source: Path) -> list[str]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    messages = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        best = jsonschema.exceptions.best_match([error])
        messages.append(f"{source}: at {_where(best.absolute_path)}: {best.message}")
    return messages


def _reference_errors(data: dict[str, Any], source: Path) -> list[str]:
    sites, pages, elements = data["sites"], data["pages"], data["elements"]
    problems = []
    for page_id, page in pages.items():
        if page["site"] not in sites:
            problems.append(
                f"{source}: at pages → {page_id} → site: unknown site {page['site']!r}; "
                f"expected one of {sorted(sites)}"
            )
        reach = page.get("reach")
        if reach:
            click = elements.get(reach["click"])
            if reach["from"] not in pages:
                problems.append(
                    f"{source}: at pages → {page_id} → reach → from: unknown page {reach['from']!r}"
                )
            if click is None or click["page"] != reach["from"]:
                problems.append(
                    f"{source}: at pages → {page_id} → reach → click: expected an element of "
                    f"page {reach['from']!r}, got {reach['click']!r}"
                )
    for element_id, element in elements.items():
        if element["page"] not in pages:
            problems.append(
                f"{source}: at elements → {element_id} → page: unknown page {element['page']!r}; "
                f"expected one of {sorted(pages)}"
            )
        for index, locator in enumerate(element["locators"]):
            for key in ("name", "text"):
                value = locator.get(key, "")
                if len(value) > 1 and value.startswith("/") and value.endswith("/"):
                    try:
                        re.compile(value[1:-1])
                    except re.error as error:
                        problems.append(
                            f"{source}: at elements → {element_id} → locators → {index} → {key}: "
                            f"not a valid regular expression ({error})"
                        )
    return problems


def parse_contract(text: str, source: Path) -> Contract:
    """Parse and validate contract YAML.

    Args:
        text: The YAML text.
        source: The file it came from, for messages.

    Returns:
        The validated contract.

    Raises:
        ContractError: listing every problem found, each with file and key.
    """
    try:
        data = yaml.load(text, Loader=_TextDatesLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        raise ContractError(f"{source}: not valid YAML: {error}") from None
    problems = _schema_errors(data, source)
    if not problems:
        problems = _reference_errors(data, source)
    if problems:
        raise ContractError("\n".join(problems))
    return Contract(
        sites={key: Site(key, **value) for key, value in data["sites"].items()},
        blocked_signals=tuple(data["signals"]["blocked"]),
        maintenance_signals=tuple(data["signals"]["maintenance"]),
        pages={key: _page(key, value) for key, value in data["pages"].items()},
        elements={key: _element(key, value) for key, value in data["elements"].items()},
        source=source,
        dismiss_buttons=tuple(data["signals"].get("dismiss", ())),
    )


def load_contract(path: Path = CONTRACT_PATH) -> Contract:
    """Read and validate a contract file.

    Args:
        path: The contract file; the project's own by default.

    Returns:
        The validated contract.

    Raises:
        ContractError: when the file is missing, unreadable or invalid.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContractError(f"{path}: cannot read the contract: {error.strerror}") from None
    return parse_contract(text, path)


@cache
def project_contract() -> Contract:
    """The project's contract, loaded once per process."""
    return load_contract()
