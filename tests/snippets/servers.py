"""Local servers for the doctor's tests: HTTPS with a test CA, a silent port, a CONNECT proxy."""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import trustme


@dataclass
class Https:
    """A running HTTPS server and the CA file that trusts it."""

    host: str
    port: int
    cafile: str


def _serve(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@contextlib.contextmanager
def https_server(
    tmp_path: Path,
    *,
    cert_names: tuple[str, ...] = ("localhost",),
    status: int = 200,
    skew: timedelta = timedelta(0),
    expired: bool = False,
) -> Iterator[Https]:
    """An HTTPS server on 127.0.0.1 whose certificate comes from a throw-away CA."""
    ca = trustme.CA()
    if expired:
        now = datetime.now(timezone.utc)
        cert = ca.issue_cert(
            *cert_names, not_before=now - timedelta(days=30), not_after=now - timedelta(days=1)
        )
    else:
        cert = ca.issue_cert(*cert_names)
    cafile = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(cafile))

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def date_time_string(self, timestamp: float | None = None) -> str:
            return format_datetime(datetime.now(timezone.utc) + skew, usegmt=True)

        def do_GET(self) -> None:  # noqa: N802
            body = b"<html><body>imitation portal</body></html>"
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    _serve(server)
    try:
        yield Https("localhost", server.server_address[1], str(cafile))
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def silent_port() -> Iterator[int]:
    """A port that accepts connections and then never says anything."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                accepted.append(listener.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        time.sleep(0.3)
        for connection in accepted:
            connection.close()
        listener.close()


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening (connections are refused)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


@dataclass
class Proxy:
    """A running CONNECT proxy and the tunnels it opened."""

    url: str
    tunnels: list[str]


@contextlib.contextmanager
def connect_proxy() -> Iterator[Proxy]:
    """A minimal HTTP CONNECT proxy on 127.0.0.1 that tunnels to local ports only."""
    tunnels: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_CONNECT(self) -> None:  # noqa: N802
            host, _, port = self.path.rpartition(":")
            tunnels.append(self.path)
            if host not in ("localhost", "127.0.0.1"):
                self.send_error(403, "only local tunnels")
                return
            upstream = socket.create_connection(("127.0.0.1", int(port)), timeout=5)
            self.send_response(200, "Connection established")
            self.end_headers()
            sockets = [self.connection, upstream]
            while True:
                readable, _, _ = select.select(sockets, [], [], 5)
                if not readable:
                    break
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        upstream.close()
                        return
                    (upstream if sock is self.connection else self.connection).sendall(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    _serve(server)
    try:
        yield Proxy(f"http://127.0.0.1:{server.server_address[1]}", tunnels)
    finally:
        server.shutdown()
        server.server_close()
