"""Results of a drift run (standard library only); verdicts: ``scripts.verification.verdicts``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from scripts.verification.verdicts import ElementVerdict, PageVerdict


class VerdictJson:
    """JSON for a result dataclass whose ``verdict`` is an Enum."""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (verdict as its text)."""
        result: Any = self  # a dataclass with a ``verdict`` Enum (every subclass is one)
        data = asdict(result)
        data["verdict"] = result.verdict.value
        return data


@dataclass
class PageResult(VerdictJson):
    """The outcome of opening one page.

    ``shown`` is set for a ``changed`` page only: what the portal shows there now (its
    ``title``, and the accessible names of its visible ``headings``, ``buttons``, ``links``
    and form ``fields``).
    """

    page: str
    url: str
    verdict: PageVerdict
    detail: str = ""
    status: int | None = None
    attempts: int = 0
    seconds: float = 0.0
    screenshot: str | None = None
    final_url: str | None = None
    phone_screenshot: str | None = None
    phone_captured: str | None = None
    shown: dict[str, Any] | None = None


@dataclass
class ElementResult(VerdictJson):
    """The outcome for one element."""

    element: str
    page: str
    verdict: ElementVerdict
    detail: str = ""
    expected_label: str | None = None
    observed_label: str | None = None
    locator_index: int | None = None
    locator: str | None = None
    screenshot: str | None = None
    mentions: list[str] = field(default_factory=list)
    match_counts: dict[str, int] = field(default_factory=dict)
    ambiguous: bool = False

    def explain(self) -> str:
        """One paragraph for a failing test or a report line."""
        lines = [f"{self.element}: {self.verdict.value}. {self.detail}".strip()]
        if self.mentions:
            lines.append("Mentioned at: " + ", ".join(self.mentions))
        return "\n".join(lines)
