"""Serve a folder on 127.0.0.1 in a background thread (tests, replica runs, previews)."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

#: How often a server's loop looks for a stop request. shutdown() waits for that look, and the
#: tests stop many servers, so the loop looks far more often than the standard library's default.
STOP_POLL = 0.05


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that does not log every request to stderr."""

    extra_headers: dict[str, str] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        """Drop the per-request log line."""

    def end_headers(self) -> None:
        """Add the configured extra headers to every answer."""
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


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
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": STOP_POLL}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
