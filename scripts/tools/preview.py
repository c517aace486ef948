"""Preview both editions together, with live reload: ``make serve``.

MkDocs serves one config at a time, and the Hindi edition is published under ``hi/`` of the
English one, so its language switch links (``hi/...`` and back) only work when one address
serves both. This runs ``mkdocs serve`` twice on private ports (English and Hindi, each with
its own live reload) and one small proxy on the preview address that sends ``/hi/...`` to the
Hindi server and everything else to the English one. MkDocs' live-reload poll always asks for
``/livereload/...`` at the root; the proxy sends it to the server whose page asked (its
``Referer``).

    python -m scripts.tools.preview [--port 8000]
"""

from __future__ import annotations

import argparse
import http.client
import signal
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from types import FrameType
from urllib.parse import urlsplit

from scripts.common.localserver import STOP_POLL, serve
from scripts.common.paths import ROOT

HOST = "127.0.0.1"
HINDI_PREFIX = "/hi/"
#: How long a proxied request may wait: MkDocs holds a live-reload poll open for up to a minute.
UPSTREAM_TIMEOUT = 90.0
#: Headers that describe one hop, not the message (RFC 9110, section 7.6.1).
HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "upgrade",
                        "proxy-connection", "te", "trailer"})


def upstream_for(path: str, referer: str | None, english: int, hindi: int) -> int:
    """The port of the server that answers ``path`` (asked from a page at ``referer``)."""
    if path.startswith("/livereload/"):
        asking = urlsplit(referer or "").path
        return hindi if asking.startswith(HINDI_PREFIX) else english
    return hindi if path == HINDI_PREFIX.rstrip("/") or path.startswith(HINDI_PREFIX) else english


def make_handler(english: int, hindi: int) -> type[BaseHTTPRequestHandler]:
    """A request handler that forwards GET and HEAD to the edition's own MkDocs server."""

    class EditionProxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            """Forward the request and copy the answer back."""
            self._forward()

        def do_HEAD(self) -> None:
            """Forward the request and copy the answer's head back."""
            self._forward()

        def log_message(self, format: str, *args: object) -> None:
            """MkDocs logs what matters; the proxy stays quiet."""

        def _forward(self) -> None:
            port = upstream_for(self.path, self.headers.get("Referer"), english, hindi)
            connection = http.client.HTTPConnection(HOST, port, timeout=UPSTREAM_TIMEOUT)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                connection.request(self.command, self.path, headers=headers)
                answer = connection.getresponse()
                body = answer.read()
            except OSError as error:
                self.send_error(502, f"the preview server on port {port} did not answer: {error}")
                return
            finally:
                connection.close()
            self.send_response(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in HOP_BY_HOP | {"content-length"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    return EditionProxy


def start_mkdocs(config: str, port: int) -> subprocess.Popen:
    """Start ``mkdocs serve`` for one edition on a private port."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", config,
         "--dev-addr", f"{HOST}:{port}"],
        cwd=ROOT,
    )


def main(argv: list[str] | None = None) -> int:
    """Serve both editions on one address until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.preview", description=__doc__)
    parser.add_argument("--port", type=int, default=8000, help="the preview address's port")
    args = parser.parse_args(argv)
    english, hindi = args.port + 1, args.port + 2
    servers = [start_mkdocs("mkdocs.yml", english), start_mkdocs("mkdocs.hi.yml", hindi)]

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        with serve(make_handler(english, hindi), host=HOST, port=args.port):
            print(f"preview: both editions at http://{HOST}:{args.port}/ (Hindi under /hi/); "
                  "Ctrl+C stops", flush=True)
            while all(server.poll() is None for server in servers):
                time.sleep(STOP_POLL)
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers:
            server.terminate()
        deadline = time.monotonic() + 10
        for server in servers:
            server.wait(timeout=max(0.1, deadline - time.monotonic()))
    failed = [server.returncode for server in servers if server.returncode not in (0, None, -15)]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
