"""Which portal a drift run checks: the live one, the offline replica, or any base URL."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.contract import Contract, Page


@dataclass(frozen=True)
class Target:
    """Where each of the contract's sites lives for this run.

    Attributes:
        mode: ``live`` (the real portal), ``replica`` (our offline copy) or ``url`` (any server
            laid out like the replica: one folder per site under a base URL).
        base_urls: site id → base URL ending in ``/``.
    """

    mode: str
    base_urls: dict[str, str]

    @classmethod
    def live(cls, contract: Contract) -> Target:
        """The real ICEGATE hosts."""
        return cls("live", {site.id: site.live_url for site in contract.sites.values()})

    @classmethod
    def under(cls, contract: Contract, base_url: str, mode: str = "url") -> Target:
        """Sites laid out like the replica: ``BASE/<replica_dir>/`` per site."""
        base = base_url.rstrip("/") + "/"
        sites = contract.sites.values()
        return cls(mode, {site.id: f"{base}{site.replica_dir}/" for site in sites})

    def can_open(self, page: Page) -> bool:
        """Whether this target can show the page (the live portal cannot show account pages)."""
        return self.mode != "live" or page.live_checkable

    def url_of(self, page: Page) -> str:
        """The address to open for a page that has its own route."""
        route = page.path or ""
        if self.mode != "live" and page.replica_path is not None:
            route = page.replica_path
        return self.base_urls[page.site] + route
