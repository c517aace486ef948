"""Benchmarks: what readers pay on slow connections, and how long our own checks take.

``make bench`` (or ``.venv/bin/python -m scripts.tools.bench``) prints a table of figures with the
machine they were measured on, marks each budget PASS or FAIL, and writes the same table to
``benchmarks/latest.md``. Nothing here is asserted by the tests: budgets are checked here.

Options: ``--skip-lighthouse`` and ``--skip-tests`` leave out the two slowest measurements;
``--only-findability`` measures just the search benchmark (``scripts/tools/findability.py``).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from scripts.common import localserver
from scripts.common.paths import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

OUT = ROOT / "benchmarks" / "latest.md"
LIGHTHOUSE = "lighthouse@12.2.3"
BENCH_NODE = ROOT / ".bench"
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".py")
FIRST_VISIT_BUDGET = 100 * 1024
SECOND_VISIT_BUDGET = 15 * 1024
BUILD_BUDGET = 5.0
IDCHECK_PAGE = "tools/id-check/"
CHECKER_PATH = "assets/javascripts/idcheck"
CHECKER_BUDGET = 60 * 1024
KEYSTROKE_BUDGET_MS = 50.0
KEYSTROKES = "27AAPFU0939F1ZV29AABCF8078M1C8AMDCG0111E0512345678"


@dataclasses.dataclass
class Row:
    """One figure of the table."""

    what: str
    value: str
    budget: str = ""
    verdict: str = ""


def machine() -> str:
    """A one-line description of this machine."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    return (
        f"{os.cpu_count()} cores ({model}){memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def build(site: Path, config: str = "mkdocs.yml") -> float:
    """One strict build of ``config`` into ``site``; returns its wall time in seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    env.pop("SITE_URL_HI", None)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            config,
            "--site-dir",
            str(site),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the site as a typical static host does: gzip for text, a 10-minute cache."""

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def send_head(self) -> BinaryIO | None:
        """Compress text files when the browser accepts gzip."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in TEXT_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)

    def end_headers(self) -> None:
        """Add the cache header to uncompressed answers too."""
        sent: list[bytes] = getattr(self, "_headers_buffer", [])
        if not any(h.lower().startswith(b"cache-control") for h in sent):
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` with gzip on 127.0.0.1."""
    with localserver.serve(partial(GzipHandler, directory=str(site))) as server:
        yield server.url


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path."""
    return [
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html"
    ]


def transfer(browser: Browser, url: str, warm_from: str | None) -> tuple[int, int]:
    """Bytes transferred to load ``url`` (all, and without images), optionally after a visit.

    Service workers are blocked: what a worker answers shows here as 0 bytes, and what it
    downloads is not seen at all (``bench_offline`` measures visits with the worker).
    """
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    if warm_from:
        page.goto(warm_from, wait_until="networkidle")
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    kinds: dict[str, str] = {}
    sizes: dict[str, int] = {}
    client.on("Network.responseReceived", lambda e: kinds.__setitem__(e["requestId"], e["type"]))
    client.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    total = sum(sizes.values())
    images = sum(size for rid, size in sizes.items() if kinds.get(rid) == "Image")
    return total, total - images


def lighthouse(urls: list[str]) -> dict[str, dict[str, int]]:
    """Lighthouse mobile scores per URL (installs the pinned Lighthouse into .bench/)."""
    binary = BENCH_NODE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        BENCH_NODE.mkdir(exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(BENCH_NODE), "-E", LIGHTHOUSE],
            check=True,
        )
    from scripts.common.browser import desktop_chromium
    from scripts.tools.browser import ensure_chromium

    # Lighthouse's figures are for the desktop browser; the headless shell is for the tests.
    env = {**os.environ, "CHROME_PATH": desktop_chromium() or ensure_chromium()}
    scores = {}
    for url in urls:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                [
                    str(binary),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={out.name}",
                    "--chrome-flags=--headless=new --no-sandbox",
                    "--only-categories=performance,accessibility,best-practices,seo",
                ],
                env=env,
                check=False,
                capture_output=True,
                timeout=180,
            )
            try:
                data = json.loads(Path(out.name).read_text() or "{}")
            except ValueError:
                data = {}
        categories = data.get("categories", {})
        scores[url] = {
            key: round((categories.get(key, {}).get("score") or 0) * 100)
            for key in ("performance", "accessibility", "best-practices", "seo")
        }
    return scores


def probe_times(browser: Browser, runs: int = 3) -> list[float]:
    """Wall time of a reachability probe (the home and login pages) on the replica, per run."""
    from scripts.common.localserver import serve_directory
    from scripts.contract.model import project_contract
    from scripts.drift.target import Target
    from scripts.probe.run import probe

    contract = project_contract()
    times = []
    with serve_directory(ROOT / "portal" / "replica") as url:
        target = Target.replica_layout(contract, url)
        for _ in range(runs):
            started = time.perf_counter()
            probe(contract, target, browser, "icegate-guide-bench")
            times.append(time.perf_counter() - started)
    return times


def drift_times(browser) -> tuple[float, float, int]:
    """Replica drift run wall time: the real contract, and one grown to 200 elements."""
    from scripts.common.localserver import serve_directory
    from scripts.contract.model import project_contract
    from scripts.drift.checker import Timing
    from scripts.drift.run import DriftRun
    from scripts.drift.target import Target

    contract = project_contract()
    elements = dict(contract.elements)
    originals = list(contract.elements.values())
    index = 0
    while len(elements) < 200:
        source = originals[index % len(originals)]
        copy = source.model_copy(update={"id": f"{source.id}_copy{index}"})
        elements[copy.id] = copy
        index += 1
    grown = contract.model_copy(update={"elements": elements})
    timing = Timing(navigation=10, ready=10, element=2, retries=0, retry_pause=0)
    results = []
    with serve_directory(ROOT / "portal" / "replica") as url, tempfile.TemporaryDirectory() as d:
        for variant in (contract, grown):
            run = DriftRun(
                variant, Target.replica_layout(variant, url, "replica"), browser, Path(d), timing
            )
            started = time.perf_counter()
            run.check_all()
            results.append(time.perf_counter() - started)
            run.close()
    return results[0], results[1], len(contract.elements)


def checker_requests(browser: Browser, url: str) -> list[str]:
    """The checker's files requested while ``url`` loads and settles, untouched."""
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    return [address for address in requested if CHECKER_PATH in address]


def checker_bytes(browser: Browser, url: str) -> tuple[int, list[str]]:
    """Bytes the checker's code costs (gzip) once the reader starts to use it."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    client.on(
        "Network.requestWillBeSent",
        lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]),
    )
    client.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])),
    )
    page.get_by_label("Type or paste the ID").focus()
    page.wait_for_selector("#id-checker[data-mounted]")
    page.wait_for_load_state("networkidle")
    context.close()
    files = [urls[rid] for rid in sizes if CHECKER_PATH in urls.get(rid, "")]
    return sum(size for rid, size in sizes.items() if CHECKER_PATH in urls.get(rid, "")), files


#: Times each keystroke in the page: from the key event to the first frame after the answer.
KEYSTROKE_PROBE = """
() => {
  window.__latencies = [];
  const status = document.querySelector("[data-idcheck-status]");
  let pressed = null;
  document.addEventListener("keydown", (event) => { pressed = event.timeStamp; }, true);
  document.addEventListener("input", () => {
    if (pressed === null) return;
    const start = pressed;
    pressed = null;
    const answer = status.textContent;
    const inDom = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => {
      window.__latencies.push([inDom, performance.now() - start, answer]);
    }, 0));
  });
}
"""


def keystroke_latencies(browser: Browser, url: str) -> tuple[list[float], list[float]]:
    """Milliseconds from each keystroke to its answer in the page, and to the next frame."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    box = page.get_by_label("Type or paste the ID")
    box.focus()
    page.wait_for_selector("#id-checker[data-mounted]")
    page.evaluate(KEYSTROKE_PROBE)
    for kind in ("GSTIN", "IEC", "PAN"):
        page.get_by_label(kind, exact=True).check()
        box.focus()
        box.evaluate('(element) => { element.value = ""; }')
        for key in KEYSTROKES:
            box.press(key)
        for _ in KEYSTROKES[:10]:
            box.press("Backspace")
    page.wait_for_timeout(200)
    measured = page.evaluate("() => window.__latencies")
    context.close()
    empty = [i for i, (_, _, answer) in enumerate(measured) if not answer]
    assert not empty, f"keystrokes {empty} of {len(measured)} left no answer"
    return [dom for dom, _, _ in measured], [frame for _, frame, _ in measured]


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(int(len(ordered) * share + 0.5) - 1, 0)]


def idcheck_rows(browser: Browser, url: str, pages: list[str]) -> list[Row]:
    """The in-page ID check: page weight before use, checker size and where it loads, latency."""
    rows = []
    _, first = transfer(browser, url + IDCHECK_PAGE, None)
    early = checker_requests(browser, url + IDCHECK_PAGE)
    rows.append(
        Row(
            f"/{IDCHECK_PAGE}: first visit before the checker is used (gzip, no images)",
            f"{kb(first)}, checker requested: {'yes' if early else 'no'}",
            f"{kb(FIRST_VISIT_BUDGET)}, checker not loaded",
            verdict(first <= FIRST_VISIT_BUDGET and not early),
        )
    )
    size, files = checker_bytes(browser, url + IDCHECK_PAGE)
    rows.append(
        Row(
            f"in-page ID check code once used ({len(files)} files, gzip)",
            kb(size),
            f"<= {kb(CHECKER_BUDGET)}",
            verdict(0 < size <= CHECKER_BUDGET),
        )
    )
    elsewhere = [
        page
        for page in pages
        if not page.endswith(IDCHECK_PAGE) and checker_requests(browser, url + page)
    ]
    rows.append(
        Row(
            "pages other than the ID check that load its code",
            str(len(elsewhere)) + (f" ({', '.join(elsewhere)})" if elsewhere else ""),
            "0",
            verdict(not elsewhere),
        )
    )
    in_dom, framed = keystroke_latencies(browser, url + IDCHECK_PAGE)
    rows.append(
        Row(
            f"ID check, keystroke to answer in the page, Chromium ({len(in_dom)} keys): "
            "median / max",
            f"{statistics.median(in_dom):.1f} / {max(in_dom):.1f} ms",
            f"max <= {KEYSTROKE_BUDGET_MS:g} ms",
            verdict(max(in_dom) <= KEYSTROKE_BUDGET_MS),
        )
    )
    p95 = percentile(framed, 0.95)
    rows.append(
        Row(
            f"ID check, keystroke to the next frame showing it ({len(framed)} keys): "
            "median / p95 / max",
            f"{statistics.median(framed):.1f} / {p95:.1f} / {max(framed):.1f} ms",
            f"p95 <= {KEYSTROKE_BUDGET_MS:g} ms",
            verdict(p95 <= KEYSTROKE_BUDGET_MS),
        )
    )
    return rows


def doctor_bound(timeout: float = 5.0) -> float:
    """The doctor's wall time when every probe hangs (a port that never answers)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "snippets" / "doctor.py"),
            "--timeout",
            str(timeout),
            "--host",
            f"localhost:{port}",
            "--host",
            f"127.0.0.1:{port}",
        ],
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    listener.close()
    return elapsed


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def kb(size: float) -> str:
    """Bytes as KB with one decimal."""
    return f"{size / 1024:.1f} KB"


def main(argv: list[str] | None = None) -> int:
    """Measure everything, print the table, write benchmarks/latest.md."""
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-tests", action="store_true")
    parser.add_argument(
        "--only-idcheck", action="store_true", help="measure only the in-page ID check rows"
    )
    parser.add_argument(
        "--only-findability", action="store_true",
        help="measure only the search benchmark (benchmarks/findability.yml)",
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from scripts.tools.browser import ensure_chromium

    if args.only_idcheck:
        return only_idcheck()
    if args.only_findability:
        return only_findability()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        times = [build(site) for _ in range(5)]
        median = statistics.median(times)
        # The Hindi edition, under hi/ as published (after English, whose build cleans site/).
        hindi_time = build(site / "hi", "mkdocs.hi.yml")
        pages = pages_of(site)
        rows.append(
            Row(
                "mkdocs build --strict, median of 5",
                f"{median:.2f} s",
                f"< {BUILD_BUDGET:g} s",
                verdict(median < BUILD_BUDGET),
            )
        )
        rows.append(Row("Hindi edition: mkdocs build --strict, once", f"{hindi_time:.2f} s"))
        rows.append(Row("pages in the site (both editions)", str(len(pages))))
        for edition in ("", "hi/"):
            raw = (site / edition / "search" / "search_index.json").read_bytes()
            rows.append(
                Row(
                    f"/{edition}search/search_index.json",
                    f"{kb(len(raw))} ({kb(len(gzip.compress(raw)))} gzip)",
                )
            )
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=ensure_chromium(),
                args=[
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"
                ],
            )
            worst_first = worst_second = 0
            for page in pages:
                first_all, first = transfer(browser, url + page, None)
                # A second visit comes after a page of the same edition (each has its assets).
                edition = "hi/" if page.startswith("hi/") else ""
                warm = url + edition + ("reference/glossary/" if page == edition else "")
                _, second = transfer(browser, url + page, warm)
                worst_first, worst_second = max(worst_first, first), max(worst_second, second)
                rows.append(
                    Row(
                        f"/{page}: first visit / second visit (gzip, no images)",
                        f"{kb(first)} / {kb(second)}",
                        f"{kb(FIRST_VISIT_BUDGET)} / {kb(SECOND_VISIT_BUDGET)}",
                        verdict(first <= FIRST_VISIT_BUDGET and second <= SECOND_VISIT_BUDGET),
                    )
                )
            rows.append(
                Row("worst page, first / second visit", f"{kb(worst_first)} / {kb(worst_second)}")
            )
            rows.extend(idcheck_rows(browser, url, pages))
            rows.extend(findability_rows(browser, url))
            from scripts.tools import bench_offline  # offline reading: the worker's rows

            rows.extend(bench_offline.rows(browser, site))
            probes = probe_times(browser)
            rows.append(Row("reachability probe on the replica (home, login), median of 3",
                            f"{statistics.median(probes):.1f} s"))
            full, grown, count = drift_times(browser)
            rows.append(
                Row(f"drift run on the replica, contract ({count} elements)", f"{full:.1f} s")
            )
            rows.append(
                Row(
                    "drift run on the replica, 200 elements on the same pages",
                    f"{grown:.1f} s",
                    "grows with pages, not elements",
                    verdict(grown < full * 2),
                )
            )
            browser.close()
            if not args.skip_lighthouse:
                for page_url, score in lighthouse([url + p for p in pages]).items():
                    path = page_url.removeprefix(url)
                    ok = (
                        score["accessibility"] == 100
                        and score["best-practices"] == 100
                        and score["seo"] == 100
                        and score["performance"] >= 98
                    )
                    rows.append(
                        Row(
                            f"/{path}: Lighthouse mobile perf/a11y/best/SEO",
                            "/".join(
                                str(score[k])
                                for k in ("performance", "accessibility", "best-practices", "seo")
                            ),
                            ">=98/100/100/100",
                            verdict(ok),
                        )
                    )
    bound = doctor_bound()
    rows.append(
        Row(
            "doctor, every probe hangs, --timeout 5",
            f"{bound:.2f} s",
            "<= 6 s",
            verdict(bound <= 6),
        )
    )
    if not args.skip_tests:
        rows.extend(test_rows())
    report(rows)
    return 0 if all(row.verdict != "FAIL" for row in rows) else 1


def test_rows() -> list[Row]:
    """Time ``make test`` from a warm virtual environment, and count what it ran."""
    started = time.perf_counter()
    tests = subprocess.run(["make", "test"], cwd=ROOT, check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    summary = next(
        (line.strip("= ") for line in reversed(tests.stdout.splitlines()) if " passed" in line),
        "no pytest summary",
    )
    return [
        Row(
            "make test (warm .venv), wall time",
            f"{seconds:.0f} s",
            "<= 120 s",
            verdict(seconds <= 120),
        ),
        Row("make test, what ran", summary, "all pass", verdict(tests.returncode == 0)),
    ]


def launch(playwright: Playwright) -> Browser:
    """Chromium as the tests use it: no name resolves beyond this machine."""
    from scripts.tools.browser import ensure_chromium

    return playwright.chromium.launch(
        executable_path=ensure_chromium(),
        args=["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
    )


def findability_rows(browser: Browser, url: str) -> list[Row]:
    """Search: the share of reader queries that land right on Enter, and in the top 3."""
    from scripts.tools import findability

    rows = []
    for figures in findability.measure(browser, url, findability.load_queries()):
        count = len(figures.outcomes)
        landed = sum(o.lands for o in figures.outcomes)
        found = sum(o.found for o in figures.outcomes)
        rows.append(
            Row(
                f"search, {figures.edition} ({count} queries, 360x740, Enter): lands on the "
                "right page",
                f"{landed}/{count} ({figures.land_share:.0%})",
                f">= {findability.LAND_BAR:.0%}",
                verdict(figures.land_share >= findability.LAND_BAR),
            )
        )
        rows.append(
            Row(
                f"search, {figures.edition}: right page in the top 3",
                f"{found}/{count} ({figures.top3_share:.0%})",
                f"{findability.TOP3_BAR:.0%}",
                verdict(figures.top3_share >= findability.TOP3_BAR),
            )
        )
    return rows


def only_findability() -> int:
    """Build both editions, measure and print only the findability rows."""
    from playwright.sync_api import sync_playwright

    from scripts.tools import findability

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        findability.build_both(site)
        with serve(site) as url, sync_playwright() as playwright:
            browser = launch(playwright)
            rows = findability_rows(browser, url)
            browser.close()
    for row in rows:
        print(f"| {row.what} | {row.value} | {row.budget} | {row.verdict} |")
    return 0 if all(row.verdict != "FAIL" for row in rows) else 1


def only_idcheck() -> int:
    """Measure and print only the in-page ID check rows (benchmarks/latest.md is left alone)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        with serve(site) as url, sync_playwright() as playwright:
            browser = launch(playwright)
            rows = idcheck_rows(browser, url, pages_of(site))
            browser.close()
    for row in rows:
        print(f"| {row.what} | {row.value} | {row.budget} | {row.verdict} |")
    return 0 if all(row.verdict != "FAIL" for row in rows) else 1


def report(rows: list[Row]) -> None:
    """Print the table and write it to benchmarks/latest.md."""
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        "# Benchmark results",
        "",
        f"Measured {when} on {machine()}, by `make bench`.",
        "",
        "| measurement | value | budget | verdict |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r.what} | {r.value} | {r.budget} | {r.verdict} |" for r in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
