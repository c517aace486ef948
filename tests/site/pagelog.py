"""Record what a page does while it loads: console errors, failed requests, every URL asked for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Error, Page, Request, Response

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})


@dataclass
class PageLog:
    """Everything worth asserting on about one page visit."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    requested_urls: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        """Start recording events of ``page``."""
        for event, handler in self._handlers().items():
            page.on(event, handler)

    def detach(self, page: Page) -> None:
        """Stop recording events of ``page`` (another log may record its next load)."""
        for event, handler in self._handlers().items():
            page.remove_listener(event, handler)

    def _handlers(self) -> dict[str, Callable]:
        return {
            "console": self._on_console,
            "pageerror": self._on_page_error,
            "request": self._on_request,
            "requestfailed": self._on_failed,
            "response": self._on_response,
        }

    def foreign_requests(self) -> list[str]:
        """Requests to any host other than this machine (data: and blob: URLs excepted)."""
        foreign = []
        for url in self.requested_urls:
            parts = urlsplit(url)
            if parts.scheme in {"data", "blob", "about"}:
                continue
            if parts.hostname not in LOCAL_HOSTS:
                foreign.append(url)
        return foreign

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_page_error(self, error: Error) -> None:
        self.console_errors.append(f"page error: {error}")

    def _on_request(self, request: Request) -> None:
        self.requested_urls.append(request.url)

    def _on_failed(self, request: Request) -> None:
        self.failed_requests.append(f"{request.url} ({request.failure})")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failed_requests.append(f"{response.url} (HTTP {response.status})")
