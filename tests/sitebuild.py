"""Build the site once per test run, into a temporary folder, with ``mkdocs build --strict``."""

from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildResult:
    """The outcome of one strict build."""

    site_dir: Path
    returncode: int
    output: str
    given: bool = False

    def pages(self) -> list[str]:
        """Every HTML page of the built site, as URL paths relative to the site root."""
        paths = []
        for html in sorted(self.site_dir.rglob("*.html")):
            relative = html.relative_to(self.site_dir).as_posix()
            paths.append(relative.removesuffix("index.html"))
        return paths


#: The editions (config, folder, docs folder). English goes into the site folder, Hindi into
#: its hi/ folder, as ``make build`` does.
EDITIONS = (("mkdocs.yml", "", "docs"), ("mkdocs.hi.yml", "hi", "docs-hi"))
#: For a copy whose test reads English pages only: the Hindi build would add a second of work.
ENGLISH_ONLY = EDITIONS[:1]


def strict_build(
    project: Path, site_dir: Path, editions: tuple[tuple[str, str, str], ...] = EDITIONS
) -> BuildResult:
    """Run the pre-build step, then ``mkdocs build --strict`` of each edition into ``site_dir``.

    The editions build at the same time, each into a folder of its own (an English build
    empties its site folder, so Hindi is built beside it and moved into ``site_dir/hi``
    afterwards); the result is the tree ``make build`` writes.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    env.pop("SITE_URL", None)
    env.pop("SITE_URL_HI", None)
    prebuild = subprocess.run(
        [sys.executable, "-m", "scripts.site.prebuild",
         *(arg for *_, docs in editions for arg in ("--docs-dir", docs))],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    if prebuild.returncode != 0:
        return BuildResult(site_dir, prebuild.returncode, prebuild.stdout + prebuild.stderr)
    aside = {folder: site_dir.with_name(f"{site_dir.name}-{folder}") for _, folder, _ in editions
             if folder}
    builds = [
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config,
             "--site-dir", str(aside.get(folder, site_dir))],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        for config, folder, _ in editions
    ]
    output = "".join(build.communicate()[0] for build in builds)
    failed = next((build.returncode for build in builds if build.returncode != 0), 0)
    if failed:
        return BuildResult(site_dir, failed, output)
    for folder, built in aside.items():
        shutil.rmtree(site_dir / folder, ignore_errors=True)
        built.replace(site_dir / folder)
    return BuildResult(site_dir, 0, output)


#: Where the xdist controller writes the outcome of its build, when this process is a worker.
_shared_outcome: list[Path] = []
#: How long a worker waits for the controller's build before giving up.
SHARED_BUILD_WAIT = 600


def start_shared_build() -> Path:
    """Start the one build of this run in the background (in the xdist controller).

    The workers start meanwhile (importing and setting up take them a few seconds each) and
    wait for the build when they first need the site.

    Returns:
        The file the outcome will be written to (JSON: site_dir, returncode, output).
    """
    folder = Path(tempfile.mkdtemp(prefix="icegate-site-"))
    folder.chmod(0o755)  # linkchecker drops root privileges to "nobody"
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    outcome = folder / "outcome.json"
    threading.Thread(target=_build_into, args=(folder / "site", outcome), daemon=True).start()
    return outcome


def _build_into(site_dir: Path, outcome: Path) -> None:
    try:
        result = strict_build(ROOT, site_dir)
    except Exception as error:  # noqa: BLE001 - every worker must hear how the build ended
        result = BuildResult(site_dir, 1, f"the build raised {type(error).__name__}: {error}")
    if site_dir.is_dir():
        site_dir.chmod(0o755)
    message = {"site_dir": str(site_dir), "returncode": result.returncode,
               "output": result.output}
    written = outcome.with_suffix(".tmp")
    written.write_text(json.dumps(message), encoding="utf-8")
    written.replace(outcome)


def adopt(outcome: Path) -> None:
    """Use the controller's build (see :func:`start_shared_build`) instead of building again."""
    _shared_outcome[:] = [outcome]


def _wait_for(outcome: Path) -> BuildResult:
    deadline = time.monotonic() + SHARED_BUILD_WAIT
    while not outcome.is_file():
        if time.monotonic() > deadline:
            return BuildResult(outcome.parent / "site", 1,
                               f"no build outcome in {outcome} after {SHARED_BUILD_WAIT} s")
        time.sleep(0.05)
    message = json.loads(outcome.read_text(encoding="utf-8"))
    return BuildResult(Path(message["site_dir"]), message["returncode"], message["output"])


@functools.cache
def build_site() -> BuildResult:
    """Build the project once and keep the result for the whole session.

    Under pytest-xdist the controller builds while the workers start, and each worker waits
    for that build, so a run with five workers still builds once.
    """
    if _shared_outcome:
        return _wait_for(_shared_outcome[0])
    site_dir = Path(tempfile.mkdtemp(prefix="icegate-site-"))
    atexit.register(shutil.rmtree, site_dir, ignore_errors=True)
    result = strict_build(ROOT, site_dir)
    # linkchecker drops root privileges to "nobody": the site must be world-readable.
    site_dir.chmod(0o755)
    return result


def given_site(site_dir: Path) -> BuildResult:
    """A site built elsewhere (by any generator), checked as it is."""
    if not (site_dir / "index.html").is_file():
        return BuildResult(site_dir, 1, f"{site_dir}: no built site here (no index.html)", True)
    return BuildResult(site_dir.resolve(), 0, "", True)


COPIED = ["docs", "docs-hi", "i18n", "overrides", "portal", "scripts", "snippets", "tests"]


def build_copy(
    workdir: Path,
    change: Callable[[Path], None],
    editions: tuple[tuple[str, str, str], ...] = EDITIONS,
) -> tuple[BuildResult, Path]:
    """Copy the project into ``workdir``, let ``change`` edit the copy, and build it strictly.

    ``editions``: which editions to build (every one unless a test reads one only).

    Returns:
        The build result and the copy's root.
    """
    copy = workdir / "project"
    for name in COPIED:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["mkdocs.yml", "mkdocs.hi.yml", "CONTRIBUTING.md"]:
        shutil.copy(ROOT / name, copy / name)
    change(copy)
    return strict_build(copy, copy / "site", editions), copy
