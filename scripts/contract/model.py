"""The portal element contract (``portal/contract.yml``): its one definition, and its loader.

The contract is the one source of truth shared by the guides (which print labels from it) and
the drift checks (which look for every element on the portal). Its shape is defined once, by the
pydantic models below; ``portal/contract.schema.json`` is generated from them for editors
(``python -m scripts.contract.schema``) and a test keeps it up to date. Loading validates the
file against the models and a few cross-references, and every mistake is reported with the
file, the key and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PositiveInt,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from scripts.common.paths import ROOT
from scripts.contract.text import LIMITS, NOT_URL_CHAR, check_text, check_url

CONTRACT_PATH = ROOT / "portal" / "contract.yml"
SCHEMA_PATH = ROOT / "portal" / "contract.schema.json"

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")]


def _text_check(kind: str) -> AfterValidator:
    """The check of a printed text of ``kind`` (a key of ``scripts.contract.text.LIMITS``).

    No printed text may hold '<', '>', control or bidirectional-format characters.
    """
    return AfterValidator(partial(check_text, kind=kind))


def _length(kind: str, min_length: int = 1) -> StringConstraints:
    """At least ``min_length`` characters and at most the limit of ``kind``."""
    return StringConstraints(min_length=min_length, max_length=LIMITS[kind])


def _check_route(value: str) -> str:
    """Reject a path that holds anything but URL characters."""
    bad = NOT_URL_CHAR.search(value)
    if bad:
        raise ValueError(f"U+{ord(bad[0]):04X} is not a URL character (percent-encode it)")
    return value


# Texts the site prints, by kind and shortest length. Written out as type aliases (not made
# by a function) so that the type checker reads them as the str they are.
#: A short text the site prints (a label).
Text = Annotated[str, _length("label"), _text_check("label")]
#: A sentence the site prints (what an element is, where evidence comes from).
Sentence = Annotated[str, _length("sentence", 3), _text_check("sentence")]
#: A page's title as the site prints it.
Title = Annotated[str, _length("title", 3), _text_check("title")]
#: A note the site prints (a paragraph at most).
Note = Annotated[str, _length("note"), _text_check("note")]
#: Why a page cannot be checked on the live portal.
Reason = Annotated[str, _length("note", 10), _text_check("note")]
Texts = Annotated[list[Text], Field(min_length=1)]
#: A selector or a text the drift check looks for; never printed, so '<' and '>' may appear.
Selector = Annotated[str, _length("selector"), _text_check("selector")]
#: An address readers open: https only, URL characters only.
Url = Annotated[str, StringConstraints(max_length=LIMITS["url"]), AfterValidator(check_url)]
#: A path after a site's address.
Route = Annotated[str, StringConstraints(max_length=LIMITS["url"]), AfterValidator(_check_route)]
Confidence = Literal["high", "medium", "low"]
Role = Literal[
    "button", "link", "textbox", "checkbox", "combobox", "radio", "heading", "tab", "alert",
    "dialog",
]  # fmt: skip


class ContractError(ValueError):
    """The contract file is unreadable or breaks a rule; the message says where and why."""


class _Part(BaseModel):
    """A piece of the contract: immutable, and no key the definition does not name."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_pattern(value: str | None) -> str | None:
    """Reject a ``/pattern/`` that is not a valid regular expression."""
    if value and len(value) > 1 and value.startswith("/") and value.endswith("/"):
        try:
            re.compile(value[1:-1])
        except re.error as error:
            raise ValueError(f"not a valid regular expression ({error})") from None
    return value


class Locator(_Part):
    """One way to find an element, in the contract's own words.

    Exactly one of ``id``, ``css``, ``role`` (optionally with ``name``) or ``text`` is set.
    ``name`` and ``text`` written as ``/pattern/`` are case-insensitive regular expressions.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "minProperties": 1,
            "oneOf": [
                {"required": ["id"], "maxProperties": 1},
                {"required": ["css"], "maxProperties": 1},
                {"required": ["role"], "maxProperties": 2, "not": {"required": ["text"]}},
                {"required": ["text"], "maxProperties": 1},
            ],
        }
    )

    id: Selector | None = None
    css: Selector | None = None
    role: Role | None = None
    name: Selector | None = Field(
        None, description="Accessible name; /pattern/ for a case-insensitive regular expression."
    )
    text: Selector | None = Field(
        None, description="Visible text; /pattern/ for a case-insensitive regular expression."
    )

    _patterns = field_validator("name", "text")(_check_pattern)

    @model_validator(mode="after")
    def _one_way(self) -> Locator:
        ways = [key for key in ("id", "css", "role", "text") if getattr(self, key) is not None]
        if len(ways) != 1:
            raise ValueError(
                "expected exactly one of id, css, role (with an optional name) or text, "
                f"got {', '.join(ways) or 'none'}"
            )
        if self.name is not None and self.role is None:
            raise ValueError("'name' goes only with 'role'")
        return self

    def describe(self) -> str:
        """A short human description, e.g. ``role=button name=/login/``."""
        if self.id:
            return f"#{self.id}"
        if self.css:
            return f"css={self.css}"
        if self.role:
            return f"role={self.role}" + (f" name={self.name}" if self.name else "")
        return f"text={self.text}"


class Evidence(_Part):
    """Where a piece of knowledge about the portal comes from."""

    source: Sentence
    kind: Literal["official", "official-copy", "third-party", "code", "live-capture"]
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}){0,2}$")] | None = None
    url: Url | None = None


EvidenceList = Annotated[tuple[Evidence, ...], Field(min_length=1)]


class Ready(_Part):
    """When a page is ready to be checked.

    Every ``hidden`` selector matches nothing visible and every ``attached`` selector matches
    something. ``attached`` names the page's own content (e.g. its form), so an app shell or an
    error page is never taken for the page.
    """

    hidden: tuple[Selector, ...] = Field((), min_length=1)
    attached: Annotated[tuple[Selector, ...], Field(min_length=1)]


class Reach(_Part):
    """For a page whose route is unknown: open page ``from``, click element ``click``."""

    model_config = ConfigDict(populate_by_name=True)

    from_: Identifier = Field(alias="from")
    click: Identifier


class Page(_Part):
    """A portal page (or a state of one) that guides describe."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["path"], "not": {"required": ["reach"]}},
                {"required": ["reach"], "not": {"required": ["path"]}},
            ],
            "if": {"properties": {"live_checkable": {"const": False}}},
            "then": {"required": ["why_not_live"]},
        }
    )

    id: SkipJsonSchema[str] = ""
    title: Title
    site: str
    path: Route | None = Field(None, description="Path and hash route after the site's URL.")
    reach: Reach | None = None
    replica_path: Route | None = Field(
        None,
        description="Route used on the replica when the live page cannot be opened without "
        "an account.",
    )
    ready: Ready
    live_checkable: bool
    why_not_live: Reason | None = None
    confidence: Confidence
    evidence: EvidenceList
    notes: Note | None = None

    @model_validator(mode="after")
    def _one_route_and_a_reason(self) -> Page:
        if (self.path is None) == (self.reach is None):
            raise ValueError("expected exactly one of 'path' or 'reach'")
        if not self.live_checkable and not self.why_not_live:
            raise ValueError("a page with live_checkable: false must say why_not_live")
        return self

    @property
    def reach_from(self) -> str | None:
        """The page to open first when this page has no route of its own."""
        return self.reach.from_ if self.reach else None

    @property
    def reach_click(self) -> str | None:
        """The element to click on ``reach_from`` to get here."""
        return self.reach.click if self.reach else None

    @property
    def ready_hidden(self) -> tuple[str, ...]:
        """Selectors that must match nothing visible when the page is ready."""
        return self.ready.hidden

    @property
    def ready_attached(self) -> tuple[str, ...]:
        """Selectors that must match something when the page is ready."""
        return self.ready.attached


class Element(_Part):
    """A button, field, link or message on a portal page that a guide mentions."""

    id: SkipJsonSchema[str] = ""
    page: Identifier
    label: Text = Field(description="What the portal shows, as the guides print it.")
    label_from: Literal["text", "accessible-name", "none"] = Field(
        description="Where the drift check reads the shown label; 'none' when the label is our "
        "description, not portal text."
    )
    what: Sentence = Field(
        description="What the element is, for the reference page."
    )
    count: PositiveInt | None = Field(
        None, description="How many matches make the element (default 1 or more)."
    )
    locators: Annotated[tuple[Locator, ...], Field(min_length=1)]
    confidence: Confidence
    label_confidence: Confidence
    evidence: EvidenceList
    notes: Note | None = None

    @property
    def anchor(self) -> str:
        """The HTML id of this element's row on the reference page."""
        return "el-" + self.id.replace(".", "-").replace("_", "-")


class Site(_Part):
    """One of the portal's hosts."""

    id: SkipJsonSchema[str] = ""
    live_url: Annotated[str, StringConstraints(pattern=r"^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/$")]
    replica_dir: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]


class Signals(_Part):
    """Page texts that mean the portal is blocking us or under maintenance."""

    blocked: Texts
    maintenance: Texts
    dismiss: tuple[Text, ...] = Field(
        (),
        min_length=1,
        description="Button names (exact, any case) that close a pop-up or cookie bar covering "
        "an entry link.",
    )


def _with_ids(value: Any) -> Any:
    """Copy each mapping's key into its ``id`` (the file names things by their key)."""
    if not isinstance(value, dict):
        return value
    return {
        key: {**item, "id": key} if isinstance(item, dict) else item for key, item in value.items()
    }


class Contract(_Part):
    """The whole contract: sites, page signals, pages and elements, in file order."""

    model_config = ConfigDict(title="ICEGATE portal element contract")

    version: Literal[1]
    sites: Annotated[dict[str, Site], Field(min_length=1)] = Field(
        description="The portal's hosts. Each page lives on one site."
    )
    signals: Signals
    pages: Annotated[dict[Identifier, Page], Field(min_length=1)]
    elements: Annotated[dict[Identifier, Element], Field(min_length=1)]
    source: SkipJsonSchema[Path] = Field(CONTRACT_PATH, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _name_by_key(cls, data: Any) -> Any:
        if isinstance(data, dict):
            named = {
                key: _with_ids(data[key]) for key in ("sites", "pages", "elements") if key in data
            }
            data = {**data, **named}
        return data

    @property
    def blocked_signals(self) -> tuple[str, ...]:
        """Texts of firewall or challenge pages."""
        return tuple(self.signals.blocked)

    @property
    def maintenance_signals(self) -> tuple[str, ...]:
        """Texts of maintenance pages."""
        return tuple(self.signals.maintenance)

    @property
    def dismiss_buttons(self) -> tuple[str, ...]:
        """Names of buttons that close a pop-up covering the page."""
        return tuple(self.signals.dismiss)

    def elements_on(self, page_id: str) -> list[Element]:
        """The elements of one page, in contract order."""
        return [element for element in self.elements.values() if element.page == page_id]

    # pydantic's BaseModel iterates over (field, value) pairs; a contract iterates over its
    # elements, which every reader of it wants. The one justified override of a base type.
    def __iter__(self) -> Iterator[Element]:  # type: ignore[override]
        return iter(self.elements.values())


if TYPE_CHECKING:
    _FastSafeLoader = yaml.SafeLoader
else:  # libyaml's loader when PyYAML was built with it
    _FastSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_FastSafeLoader):
    """A safe YAML loader that keeps dates as the text the author wrote (2025-08-02).

    libyaml's parser when PyYAML has it (the contract is read by every build and many tests, and
    the C parser is far faster than the pure-Python one), else PyYAML's own.
    """


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_MESSAGES = {
    "missing": "a required key is missing",
    "extra_forbidden": "unexpected key (the contract does not define it)",
}


def _where(location: tuple[int | str, ...]) -> str:
    """``('elements', 'login.submit', 'label')`` → ``elements → login.submit → label``."""
    keys = [str(key) for key in location]
    return " → ".join(keys) if keys else "(top level)"


def _validation_messages(error: ValidationError, source: Path) -> list[str]:
    """One line per problem: the file, where in it, and what was expected."""
    lines = []
    problems = error.errors(include_url=False)
    failed_items = {problem["loc"][:-1] for problem in problems if len(problem["loc"]) > 1}
    for problem in problems:
        # A list whose only item is wrong is also "too short" once the item is dropped: say
        # what is wrong with the item only.
        if problem["type"] == "too_short" and any(
            loc[: len(problem["loc"])] == problem["loc"] for loc in failed_items
        ):
            continue
        message = _MESSAGES.get(problem["type"], problem["msg"])
        message = message.removeprefix("Value error, ")
        if problem["type"].startswith("literal_error") or problem["type"] == "enum":
            message = f"got {problem['input']!r}; {message.replace('Input should be', 'expected')}"
        lines.append(f"{source}: at {_where(problem['loc'])}: {message}")
    return lines


def _reference_errors(contract: Contract, source: Path) -> list[str]:
    """Names that must point at something: a page's site and reach, an element's page."""
    sites, pages, elements = contract.sites, contract.pages, contract.elements
    problems = []
    for page in pages.values():
        if page.site not in sites:
            problems.append(
                f"{source}: at pages → {page.id} → site: unknown site {page.site!r}; "
                f"expected one of {sorted(sites)}"
            )
        if page.reach:
            click = elements.get(page.reach.click)
            if page.reach.from_ not in pages:
                problems.append(
                    f"{source}: at pages → {page.id} → reach → from: unknown page "
                    f"{page.reach.from_!r}"
                )
            if click is None or click.page != page.reach.from_:
                problems.append(
                    f"{source}: at pages → {page.id} → reach → click: expected an element of "
                    f"page {page.reach.from_!r}, got {page.reach.click!r}"
                )
    for element in elements.values():
        if element.page not in pages:
            problems.append(
                f"{source}: at elements → {element.id} → page: unknown page {element.page!r}; "
                f"expected one of {sorted(pages)}"
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
        data = yaml.load(text, Loader=_TextDatesLoader)
    except yaml.YAMLError as error:
        raise ContractError(f"{source}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ContractError(f"{source}: expected a mapping of version, sites, signals, ...")
    try:
        contract = Contract.model_validate({**data, "source": source})
    except ValidationError as error:
        raise ContractError("\n".join(_validation_messages(error, source))) from None
    problems = _reference_errors(contract, source)
    if problems:
        raise ContractError("\n".join(problems))
    return contract


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
