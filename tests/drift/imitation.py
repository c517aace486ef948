"""A local server that imitates the portal's ways to change and to fail.

It serves the offline replica, with optional faults: text replaced in every served file, a
fixed status and body for every request, a server that never answers, a slower app (its
loading overlay, or a form drawn late, after ``load_ms`` or ``late_ms``), a
redirect of every request to another host, and the replica app's own fault behaviours
(``behaviours``: see the list at the top of ``portal/replica/foservices/app.js``). It counts
the requests per path and keeps the user agents it saw.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scripts.common.localserver import STOP_POLL

REPLICA = Path(__file__).resolve().parents[2] / "portal" / "replica"
TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}


@dataclass
class Fault:
    """What the imitation portal does differently from the replica."""

    replace: list[tuple[str, str]] = field(default_factory=list)
    status: int | None = None
    body: str | None = None
    hang: bool = False
    load_ms: int | None = None
    late_ms: int | None = None
    behaviours: tuple[str, ...] = ()
    redirect_to: str | None = None


@dataclass
class Imitation:
    """A running imitation portal."""

    url: str
    hits: Counter
    agents: list[str] = field(default_factory=list)


def make_handler(
    fault: Fault, hits: Counter, agents: list[str], stop: threading.Event
) -> type:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            hits[self.path] += 1
            agents.append(self.headers.get("User-Agent", ""))
            if fault.redirect_to:
                self.send_response(302)
                self.send_header("Location", fault.redirect_to.rstrip("/") + self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if fault.hang:
                stop.wait(60)
                return
            if fault.status is not None and fault.body is not None:
                self.send(fault.status, fault.body.encode(), "text/html")
                return
            path = self.path.split("?", 1)[0]
            file = REPLICA / path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file() or REPLICA not in file.resolve().parents:
                self.send(404, b"not found", "text/plain")
                return
            text = file.read_text(encoding="utf-8")
            for old, new in fault.replace:
                text = text.replace(old, new)
            if fault.load_ms is not None:
                text = text.replace("var LOAD_MS = 300;", f"var LOAD_MS = {fault.load_ms};")
            if fault.late_ms is not None:
                text = text.replace("var LATE_MS = 2500;", f"var LATE_MS = {fault.late_ms};")
            if fault.behaviours:
                names = json.dumps(fault.behaviours)
                setting = f"<script>window.REPLICA_FAULTS = {names};</script>"
                text = text.replace('<script src="app.js">', setting + '<script src="app.js">')
            self.send(fault.status or 200, text.encode(), TYPES.get(file.suffix, "text/plain"))

        def send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextlib.contextmanager
def imitation_portal(fault: Fault | None = None) -> Iterator[Imitation]:
    """Run an imitation portal on 127.0.0.1 for the duration of the block."""
    hits: Counter = Counter()
    agents: list[str] = []
    stop = threading.Event()
    handler = make_handler(fault or Fault(), hits, agents, stop)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": STOP_POLL}, daemon=True
    )
    thread.start()
    try:
        yield Imitation(f"http://127.0.0.1:{server.server_address[1]}/", hits, agents)
    finally:
        stop.set()
        time.sleep(0.05)
        server.shutdown()
        server.server_close()
