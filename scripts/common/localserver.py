"""Run an HTTP server on this machine in a background thread: tests, replica runs, previews.

One helper starts and stops every local server of the project (``serve``): the static-folder
server (``serve_directory``), the test portals and test servers under ``tests/``, and the
preview's proxy. It binds 127.0.0.1 (or ``::1``) on an ephemeral port unless told otherwise,
optionally speaks TLS, and stops within ``STOP_POLL`` seconds.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import ssl
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

#: How often a server's loop looks for a stop request. shutdown() waits for that look, and the
#: tests stop many servers, so the loop looks far more often than the standard library's default.
STOP_POLL = 0.05

#: A request handler class, or a partial of one (``functools.partial(Handler, directory=...)``).
HandlerFactory = Callable[..., BaseHTTPRequestHandler]


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that does not log every request to stderr."""

    extra_headers: dict[str, str] = {}

    def log_message(self, format: str, *args: object) -> None:  # the stdlib's signature
        """Drop the per-request log line."""

    def end_headers(self) -> None:
        """Add the configured extra headers to every answer."""
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


class LocalHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that does not print a traceback when a client hangs up.

    Browsers cancel requests (a page left before its last file came, a held request); the
    standard server prints each broken pipe to stderr, which reads like a failure and is not.
    """

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore a client that went away; report anything else as the standard server does."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class ThreadingHTTPServerV6(LocalHTTPServer):
    """A threading HTTP server on IPv6 (for ``[::1]``)."""

    address_family = socket.AF_INET6


@dataclass(frozen=True)
class LocalServer:
    """A running local server.

    Attributes:
        host: The address it listens on (``127.0.0.1`` or ``::1``).
        port: Its port.
        url: Its base URL, ending in a slash, e.g. ``http://127.0.0.1:41234/``.
        server: The server object itself.
    """

    host: str
    port: int
    url: str
    server: Any


@contextlib.contextmanager
def serve(
    handler: HandlerFactory,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    tls: ssl.SSLContext | None = None,
) -> Iterator[LocalServer]:
    """Serve HTTP (or HTTPS) with ``handler`` in a background thread for the block.

    Args:
        handler: The request handler class (or a partial of one).
        host: The address to listen on; one with a colon is IPv6.
        port: The port; 0 picks a free one.
        tls: A server-side TLS context: the server then speaks HTTPS.

    Yields:
        The running server; it is stopped and closed when the block ends.
    """
    server_class = ThreadingHTTPServerV6 if ":" in host else LocalHTTPServer
    server = server_class((host, port), handler)
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": STOP_POLL}, daemon=True
    )
    thread.start()
    bound = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    scheme = "https" if tls is not None else "http"
    try:
        yield LocalServer(host, bound, f"{scheme}://{shown}:{bound}/", server)
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_directory(directory: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve ``directory`` over HTTP on an ephemeral port of 127.0.0.1.

    Args:
        directory: The folder to serve.
        headers: Extra response headers for every answer.

    Yields:
        The base URL, ending in a slash, e.g. ``http://127.0.0.1:41234/``.
    """
    handler_class = type("Handler", (QuietHandler,), {"extra_headers": dict(headers or {})})
    with serve(functools.partial(handler_class, directory=str(directory))) as server:
        yield server.url
