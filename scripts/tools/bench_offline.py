"""Benchmark rows for offline reading: the worker's size, and visits with and without it.

``make bench`` (``scripts/tools/bench.py``) adds these rows;
``python -m scripts.tools.bench_offline`` prints only them. Bytes here are counted by the
server (headers and gzip bodies, as they cross the network), so what the service worker
downloads in the background is counted as well as what the page itself loads; a file the
browser takes from its own cache costs nothing, as for a reader. Each figure is measured once
with service workers blocked (the site as it was before offline reading) and once with them
allowed:

- first visit: the page, until the network is quiet; with the worker, also what the worker
  downloads after the page has loaded (the core pages, the search index, their files);
- second visit: the page, and a page that is not a core page, after another page of the same
  edition (once its worker is active).

The first-visit budget applies to the page; the worker's download comes after the load event.
"""

from __future__ import annotations

import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from scripts.common.localserver import STOP_POLL
from scripts.site.offline import WORKER_FILE
from scripts.tools.bench import (
    FIRST_VISIT_BUDGET,
    SECOND_VISIT_BUDGET,
    GzipHandler,
    Row,
    kb,
    verdict,
)

#: The page measured in each edition, and the page a second visit comes after.
PAGE = "log-in/steps/"
WARM = "reference/glossary/"
#: A page that is not a core page, for a second visit the worker has not prepared.
OTHER = "tools/doctor/"
EDITIONS = ("", "hi/")
REGISTRATION = "assets/javascripts/offline.js"


class Tally:
    """Bytes a server has sent since it was last reset."""

    def __init__(self) -> None:
        self.sent = 0
        self.lock = threading.Lock()

    def add(self, count: int) -> None:
        """Count ``count`` more bytes sent."""
        with self.lock:
            self.sent += count

    def take(self) -> int:
        """The bytes sent since the last call (or the start), and start counting again."""
        with self.lock:
            sent, self.sent = self.sent, 0
        return sent


class _CountingWriter(io.BufferedIOBase):
    """The connection's writer, counting every byte written through it."""

    def __init__(self, raw: Any, tally: Tally) -> None:
        super().__init__()
        self._raw, self._tally = raw, tally

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:  # bytes-like, as BufferedIOBase.write takes
        self._tally.add(len(data))
        return self._raw.write(data)

    def flush(self) -> None:
        self._raw.flush()

    def close(self) -> None:
        self._raw.close()
        super().close()


class CountingHandler(GzipHandler):
    """The benchmark's gzip server, counting every byte it sends."""

    tally = Tally()

    def setup(self) -> None:
        """Count what goes out on this connection."""
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self.tally)


@contextmanager
def serve_counted(site: Path) -> Iterator[tuple[str, Tally]]:
    """Serve ``site`` with gzip on 127.0.0.1; yield its URL and its byte tally."""
    tally = Tally()
    handler = type("Handler", (CountingHandler,), {"tally": tally})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": STOP_POLL}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", tally
    finally:
        server.shutdown()
        server.server_close()


def _settle(page: Any, worker: str | None) -> None:
    """Wait until the page is quiet and, when ``worker`` is given, that worker controls it."""
    page.wait_for_load_state("networkidle")
    if worker:
        page.wait_for_function(
            "(w) => navigator.serviceWorker.controller?.scriptURL.endsWith(w)",
            arg=worker, timeout=60_000,
        )
    page.wait_for_timeout(300)


def visits(
    browser: Any, url: str, tally: Tally, edition: str, worker: bool
) -> tuple[int, int, int]:
    """Bytes of a first visit to the edition's core page, then of second visits.

    Returns:
        The first visit to :data:`PAGE`; after :data:`WARM`, a visit to :data:`PAGE` and then
        one to :data:`OTHER` (not a core page). With ``worker``, the worker is allowed and each
        first visit waits until it is ready; otherwise service workers are blocked.
    """
    wanted = f"/{edition}{WORKER_FILE}" if worker else None
    allowed = "allow" if worker else "block"
    context = browser.new_context(service_workers=allowed)
    page = context.new_page()
    tally.take()
    page.goto(url + edition + PAGE, wait_until="load")
    _settle(page, wanted)
    first = tally.take()
    context.close()
    context = browser.new_context(service_workers=allowed)
    page = context.new_page()
    page.goto(url + edition + WARM, wait_until="load")
    _settle(page, wanted)
    seconds = []
    for path in (PAGE, OTHER):
        tally.take()
        page.goto(url + edition + path, wait_until="load")
        _settle(page, None)
        seconds.append(tally.take())
    context.close()
    return first, seconds[0], seconds[1]


def gzip_size(path: Path) -> int:
    """The size of ``path`` compressed as the benchmark's server sends it."""
    return len(gzip.compress(path.read_bytes(), 6))


def rows(browser: Any, site: Path) -> list[Row]:
    """The offline-reading rows of the benchmark table."""
    sizes = [gzip_size(site / edition / WORKER_FILE) for edition in EDITIONS]
    found = [
        Row(
            "offline reading: worker /sw.js, /hi/sw.js; registration offline.js (gzip)",
            f"{sizes[0]} B, {sizes[1]} B; {gzip_size(site / REGISTRATION)} B",
        )
    ]
    with serve_counted(site) as (url, tally):
        for edition in EDITIONS:
            first_without, *second_without = visits(browser, url, tally, edition, False)
            first_with, *second_with = visits(browser, url, tally, edition, True)
            found.append(
                Row(
                    f"/{edition}{PAGE}: first visit without the worker / with it, until it is "
                    "ready (on the wire)",
                    f"{kb(first_without)} / {kb(first_with)} (the worker's download after "
                    f"load: {kb(first_with - first_without)})",
                    f"{kb(FIRST_VISIT_BUDGET)} before load",
                    verdict(first_without <= FIRST_VISIT_BUDGET),
                )
            )
            for path, without, with_worker in zip(
                (PAGE, OTHER), second_without, second_with, strict=True
            ):
                found.append(
                    Row(
                        f"/{edition}{path}: second visit without the worker / with it (on the "
                        "wire)",
                        f"{kb(without)} / {kb(with_worker)}",
                        kb(SECOND_VISIT_BUDGET),
                        verdict(max(without, with_worker) <= SECOND_VISIT_BUDGET),
                    )
                )
    return found


def main() -> int:
    """Build both editions, print only these rows (benchmarks/latest.md is left alone)."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from scripts.tools.bench import build, launch

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        build(site / "hi", "mkdocs.hi.yml")
        with sync_playwright() as playwright:
            browser = launch(playwright)
            found = rows(browser, site)
            browser.close()
    for row in found:
        print(f"| {row.what} | {row.value} | {row.budget} | {row.verdict} |")
    return 0 if all(row.verdict != "FAIL" for row in found) else 1


if __name__ == "__main__":
    raise SystemExit(main())
