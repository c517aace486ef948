"""A local server that imitates the portal's ways to change and to fail.

It serves the offline replica, with optional faults: text replaced in the served files, a
fixed status, headers and body (for every request, or only the first few), some paths
answered with an error status, a server that never answers or closes the connection without
answering, a slower app (its loading overlay, or a form drawn late, after ``load_ms`` or
``late_ms``), a redirect of every request to another host, and the replica app's own fault
behaviours (``behaviours``: see the list at the top of ``portal/replica/foservices/app.js``).
It counts the requests per path and per method and keeps the user agents it saw.

Every change to the replica's text goes through ``mutated_replica``, which fails, naming the
pattern, when a pattern is not in the replica: a fault test whose mutation silently did
nothing (because the replica's markup changed) would pass without a fault.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from scripts.common.localserver import serve

REPLICA = Path(__file__).resolve().parents[2] / "portal" / "replica"
TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}
#: The replica's timing constants, which ``load_ms`` and ``late_ms`` rewrite.
LOAD_MS = "var LOAD_MS = 300;"
LATE_MS = "var LATE_MS = 2500;"
#: Where the app's script is loaded; ``behaviours`` are set just before it.
APP_SCRIPT = '<script src="app.js">'


class MutationMissed(AssertionError):
    """A fault's text replacement found nothing to replace in the replica."""


def replica_files() -> dict[str, str]:
    """Every text file of the replica, by its path under ``portal/replica`` (``a/b.js``)."""
    return {
        path.relative_to(REPLICA).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(REPLICA.rglob("*"))
        if path.is_file() and path.suffix in TYPES
    }


def mutated_replica(replace: list[tuple[str, str]]) -> dict[str, str]:
    """The replica's text files with every ``(old, new)`` replacement made.

    Raises:
        MutationMissed: naming the first pattern that is in no file of the replica.
    """
    files = replica_files()
    for old, new in replace:
        holders = [name for name, text in files.items() if old in text]
        if not holders:
            raise MutationMissed(
                f"fault pattern not found in portal/replica: {old!r} (the replica changed; "
                "update the fault so that it still applies)"
            )
        for name in holders:
            files[name] = files[name].replace(old, new)
    return files


@dataclass
class Fault:
    """What the imitation portal does differently from the replica.

    Attributes:
        replace: ``(old, new)`` texts replaced in every served replica file; each ``old``
            must occur in the replica (else ``MutationMissed`` when the portal starts).
        status: With ``body``: the status of every answer (or of the first ``times``);
            alone, the status the replica's files are served with.
        body: The body of every answer, instead of the replica.
        headers: Extra headers of those answers (e.g. ``Retry-After``).
        times: How many requests get ``status``/``body``; None: all of them.
        paths: Path → status: these paths answer with that status and no content.
        hang: Never answer.
        empty: Close the connection without answering.
        load_ms: How long the app's loading overlay shows.
        late_ms: How late the form renders after the overlay (``late-render``).
        behaviours: The replica app's own faults to switch on.
        redirect_to: Redirect every request to this base URL.
    """

    replace: list[tuple[str, str]] = field(default_factory=list)
    status: int | None = None
    body: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    times: int | None = None
    paths: dict[str, int] = field(default_factory=dict)
    hang: bool = False
    empty: bool = False
    load_ms: int | None = None
    late_ms: int | None = None
    behaviours: tuple[str, ...] = ()
    redirect_to: str | None = None

    def replacements(self) -> list[tuple[str, str]]:
        """Every text replacement this fault makes, its own settings included."""
        pairs = list(self.replace)
        if self.load_ms is not None:
            pairs.append((LOAD_MS, f"var LOAD_MS = {self.load_ms};"))
        if self.late_ms is not None:
            pairs.append((LATE_MS, f"var LATE_MS = {self.late_ms};"))
        if self.behaviours:
            names = json.dumps(self.behaviours)
            pairs.append((APP_SCRIPT, f"<script>window.REPLICA_FAULTS = {names};</script>"
                          + APP_SCRIPT))
        return pairs


@dataclass
class Imitation:
    """A running imitation portal: its address, and what it was asked."""

    url: str
    hits: Counter
    agents: list[str] = field(default_factory=list)
    methods: Counter = field(default_factory=Counter)
    requests: list[tuple[float, str, str]] = field(default_factory=list)


def make_handler(fault: Fault, seen: Imitation, files: dict[str, str], stop: threading.Event
                 ) -> type:
    started = time.monotonic()
    answered = Counter()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def answer(self) -> None:
            seen.hits[self.path] += 1
            seen.methods[self.command] += 1
            seen.requests.append((time.monotonic() - started, self.command, self.path))
            seen.agents.append(self.headers.get("User-Agent", ""))
            if self.command != "GET":  # a request the checker must never send
                self.send(200, b"<html><body><h1>Received</h1></body></html>", "text/html")
                return
            if fault.redirect_to:
                self.send_response(302)
                self.send_header("Location", fault.redirect_to.rstrip("/") + self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if fault.hang:
                stop.wait(60)
                return
            if fault.empty:
                self.close_connection = True
                return
            answered["all"] += 1
            in_times = fault.times is None or answered["all"] <= fault.times
            if fault.status is not None and fault.body is not None and in_times:
                self.send(fault.status, fault.body.encode(), "text/html", fault.headers)
                return
            path = self.path.split("?", 1)[0]
            if path in fault.paths:
                self.send(fault.paths[path], b"", "text/plain")
                return
            name = path.lstrip("/")
            if name == "" or name.endswith("/"):
                name += "index.html"
            if name not in files:
                self.send(404, b"not found", "text/plain")
                return
            kind = TYPES.get(Path(name).suffix, "text/plain")
            status = fault.status if fault.status is not None and fault.body is None else 200
            self.send(status, files[name].encode(), kind)

        do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = answer

        def send(self, status: int, body: bytes, kind: str,
                 headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for header, value in (headers or {}).items():
                self.send_header(header, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextlib.contextmanager
def imitation_portal(fault: Fault | None = None) -> Iterator[Imitation]:
    """Run an imitation portal on 127.0.0.1 for the duration of the block.

    Raises:
        MutationMissed: when one of the fault's replacements does not apply to the replica.
    """
    fault = fault or Fault()
    files = mutated_replica(fault.replacements())
    stop = threading.Event()
    seen = Imitation("", Counter())
    with serve(make_handler(fault, seen, files, stop)) as server:
        seen.url = server.url
        try:
            yield seen
        finally:
            stop.set()
            time.sleep(0.05)
