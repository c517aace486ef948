"""Which portal a drift run checks: the live one, the offline replica, or any base URL."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from scripts.common.site_config import public_url
from scripts.contract.model import Contract, Page

#: The site page that says what the nightly robot is and does.
ABOUT_PAGE = "reference/portal-status/"


@dataclass(frozen=True)
class Target:
    """Where each of the contract's sites lives for this run.

    Attributes:
        mode: ``live`` (the real portal), ``replica`` (our offline copy) or ``url`` (any server
            laid out like the replica: one folder per site under a base URL).
        base_urls: site id → base URL ending in ``/``.
        recorded: pages the replica holds as recordings of the live portal; they are opened
            directly at ``<site>/recorded/<page>.html``.
    """

    mode: str
    base_urls: dict[str, str]
    recorded: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def live(cls, contract: Contract) -> Target:
        """The real ICEGATE hosts."""
        return cls("live", {site.id: site.live_url for site in contract.sites.values()})

    @classmethod
    def replica_layout(
        cls,
        contract: Contract,
        base_url: str,
        mode: str = "url",
        recorded: frozenset[str] = frozenset(),
    ) -> Target:
        """Sites laid out like the replica: ``BASE/<replica_dir>/`` per site."""
        base = base_url.rstrip("/") + "/"
        sites = contract.sites.values()
        return cls(mode, {site.id: f"{base}{site.replica_dir}/" for site in sites}, recorded)

    def is_recorded(self, page: Page) -> bool:
        """Whether this target serves a recording of the page (opened directly, no clicks)."""
        return self.mode != "live" and page.id in self.recorded

    def can_open(self, page: Page) -> bool:
        """Whether this target can show the page (the live portal cannot show account pages)."""
        return self.mode != "live" or page.live_checkable

    def url_of(self, page: Page) -> str:
        """The address to open for a page that has its own route."""
        if self.is_recorded(page):
            return f"{self.base_urls[page.site]}recorded/{page.id}.html"
        route = page.path or ""
        if self.mode != "live" and page.replica_path is not None:
            route = page.replica_path
        return self.base_urls[page.site] + route


def recorded_pages(replica: Path) -> frozenset[str]:
    """The page ids recorded into a replica folder (from its ``recorded.json``)."""
    manifest = replica / "recorded.json"
    if not manifest.exists():
        return frozenset()
    return frozenset(entry["page"] for entry in json.loads(manifest.read_text())["pages"])


def about_url(mkdocs_yml: Path) -> str:
    """The published page that explains the drift check, named in the check's user agent."""
    return public_url(mkdocs_yml) + ABOUT_PAGE
