"""Photographs of the portal's public pages, proposed for review as a pull request.

The live drift run saves a phone-width capture of each allow-listed public page
(``scripts.common.photos.PUBLIC_PAGES``: the home page and the login form before anything is
typed) as ``screens/phone-<page>.png`` in its report folder. This step decides which captures
are worth a maintainer's review and proposes them::

    python -m scripts.nightly.photos plan  --report reports/drift
    python -m scripts.nightly.photos apply --report reports/drift --repo .

``plan`` compares each capture with the published photograph (``docs/assets/photos/<page>``)
by perceptual hash (imagehash's pHash, 64 bits): a clock, a rotating banner or a font
rendering difference moves a few bits; a changed form moves many. Beyond ``--threshold`` bits
(default 10) the page's photograph is to be updated. ``apply`` then compresses each such
capture to WebP (at most 60 KB), writes it with its metadata JSON (capture date, source URL,
page id, size, hash) on a new branch ``nightly-photos/<day>``, pushes that branch and opens a
pull request with ``gh pr create``. It never pushes to the base branch: a maintainer looks at
the photographs and merges them, or not.

The write gate: a capture of the offline replica can never be published. A report whose
target mode is ``replica``, a capture whose address is not on one of the contract's live
hosts, or a capture of a page outside the allow-list makes both commands refuse, with a
one-line message and exit status 3, before anything is written.

Exit status: 0 done (also when nothing changed), 2 bad input (missing report, unreadable
image, missing ``photos`` dependency group), 3 refused by the write gate, 4 git or gh failed.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scripts.common import gitrun
from scripts.common.clock import india_day
from scripts.common.files import atomic_write
from scripts.common.paths import ROOT
from scripts.common.photos import PHOTO_FOLDER, PUBLIC_PAGES, read_meta
from scripts.contract.model import CONTRACT_PATH, Contract, ContractError, load_contract
from scripts.drift.report import code_span

THRESHOLD = 10
MAX_BYTES = 60 * 1024
QUALITIES = (80, 70, 60, 50, 40, 30, 20)
SCALES = (1, 0.8, 0.64, 0.5)


class PhotoError(Exception):
    """Bad input: a one-line message, exit status 2."""

    status = 2


class Refused(PhotoError):
    """The write gate refused the captures: exit status 3."""

    status = 3


class PublishError(PhotoError):
    """Publishing was refused (git and gh failures are ``gitrun.CommandError``): exit status 4."""

    status = 4


@dataclass(frozen=True)
class Capture:
    """A phone-width capture in a drift report."""

    page: str
    path: Path
    source_url: str
    captured: str


@dataclass(frozen=True)
class Step:
    """What to do with one capture: ``new``, ``update`` or ``unchanged``."""

    page: str
    action: str
    distance: int | None
    capture: str
    source_url: str
    captured: str
    hash: str


# Reading the report and the write gate ---------------------------------------------------


def read_report(report_dir: Path) -> dict[str, Any]:
    """The drift report of a report folder.

    Raises:
        PhotoError: the report is missing or not a drift report.
    """
    path = report_dir / "report.json"
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PhotoError(f"{path}: cannot read the drift report: {error.strerror}") from None
    except ValueError as error:
        raise PhotoError(f"{path}: not JSON: {error}") from None
    if not isinstance(report, dict) or report.get("schema") != "icegate-drift-report/1":
        raise PhotoError(f"{path}: not a drift report (schema icegate-drift-report/1)")
    return report


def _host(url: str) -> str:
    """The host (and port, if any) of an address, lower case."""
    return urlsplit(url).netloc.lower()


def captures(report: dict[str, Any], report_dir: Path, contract: Contract) -> list[Capture]:
    """The report's phone captures, each checked by the write gate.

    Raises:
        Refused: the report is of the replica, a capture is not on a live host of the
            contract, or a capture is of a page outside the public allow-list.
    """
    mode = (report.get("target") or {}).get("mode")
    if mode == "replica":
        raise Refused(
            "refusing to publish: this report is a run against the offline replica "
            "(target mode 'replica'); only captures of the live portal are published"
        )
    live = {_host(site.live_url) for site in contract.sites.values()}
    found = []
    for page in report.get("pages", []):
        if not page.get("phone_screenshot"):
            continue
        page_id = page["page"]
        if page_id not in PUBLIC_PAGES:
            raise Refused(
                f"refusing to publish: page {page_id!r} is not one of the public pages that "
                f"may be photographed ({', '.join(PUBLIC_PAGES)})"
            )
        url = page.get("final_url") or page.get("url") or ""
        if _host(url) not in live:
            hosts = ", ".join(sorted(live))
            raise Refused(
                f"refusing to publish: the capture of {page_id!r} came from {url or 'nowhere'}, "
                f"not from the live portal ({hosts})"
            )
        if page.get("verdict") != "ok":
            continue
        path = report_dir / "screens" / page["phone_screenshot"]
        found.append(Capture(page_id, path, url, page.get("phone_captured") or report["started"]))
    return found


# Comparing and compressing ---------------------------------------------------------------


def _imaging() -> tuple[Any, Any]:
    try:
        import imagehash
        from PIL import Image
    except ImportError:
        raise PhotoError(
            "the photo step needs Pillow and imagehash: pip install --group photos"
        ) from None
    return Image, imagehash


def perceptual_hash(path: Path) -> str:
    """The 64-bit pHash of an image, as 16 hex digits.

    Raises:
        PhotoError: the file is missing or not an image.
    """
    image_module, imagehash = _imaging()
    try:
        with image_module.open(path) as image:
            return str(imagehash.phash(image.convert("L")))
    except (OSError, ValueError) as error:
        raise PhotoError(f"{path}: cannot read the image: {error}") from None


def distance(first: str, second: str) -> int:
    """How many of the 64 hash bits differ."""
    return bin(int(first, 16) ^ int(second, 16)).count("1")


def published_hash(docs_dir: Path, page_id: str) -> str | None:
    """The hash of the published photograph of a page (from its metadata or the image)."""
    meta = read_meta(docs_dir, page_id)
    if meta is None:
        return None
    if isinstance(meta.get("hash"), str):
        return meta["hash"]
    return perceptual_hash(docs_dir / PHOTO_FOLDER / str(meta["file"]))


def plan(
    report_dir: Path, docs_dir: Path, contract: Contract, threshold: int = THRESHOLD
) -> list[Step]:
    """What to do with each capture of a report.

    Raises:
        Refused: the write gate refused the report (see ``captures``).
        PhotoError: the report or an image cannot be read.
    """
    steps = []
    for capture in captures(read_report(report_dir), report_dir, contract):
        new = perceptual_hash(capture.path)
        old = published_hash(docs_dir, capture.page)
        gap = None if old is None else distance(new, old)
        action = "new" if gap is None else "update" if gap > threshold else "unchanged"
        steps.append(Step(capture.page, action, gap, str(capture.path), capture.source_url,
                          capture.captured, new))
    return steps


def compress(path: Path, limit: int = MAX_BYTES) -> tuple[bytes, int, int]:
    """A capture as WebP of at most ``limit`` bytes; returns the bytes, width and height.

    Lowers the quality first; an image that still does not fit (a very busy page) is scaled
    down in steps of a fifth, to no less than half its width.

    Raises:
        PhotoError: the image cannot be read, or cannot be made small enough.
    """
    image_module, _ = _imaging()
    try:
        with image_module.open(path) as opened:
            image = opened.convert("RGB")
    except OSError as error:
        raise PhotoError(f"{path}: cannot read the image: {error}") from None
    for scale in SCALES:
        size = (round(image.width * scale), round(image.height * scale))
        scaled = image if scale == 1 else image.resize(size, image_module.Resampling.LANCZOS)
        for quality in QUALITIES:
            buffer = io.BytesIO()
            scaled.save(buffer, "WEBP", quality=quality, method=6)
            if buffer.tell() <= limit:
                return buffer.getvalue(), scaled.width, scaled.height
    raise PhotoError(f"{path}: cannot make it {limit} bytes or less as WebP")


# Proposing the pull request --------------------------------------------------------------


def write_photo(docs_dir: Path, step: Step) -> list[Path]:
    """Write a step's compressed photograph and its metadata; return both paths."""
    data, width, height = compress(Path(step.capture))
    folder = docs_dir / PHOTO_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    image = folder / f"{step.page}.webp"
    image.write_bytes(data)
    meta = {
        "page": step.page,
        "captured": step.captured,
        "source_url": step.source_url,
        "width": width,
        "height": height,
        "file": image.name,
        "hash": step.hash,
    }
    info = folder / f"{step.page}.json"
    atomic_write(info, json.dumps(meta, indent=1) + "\n")
    return [image, info]


def pr_body(steps: list[Step], run_url: str | None) -> str:
    """The pull request's description: what changed and what to check."""
    lines = [
        "The nightly check photographed these public ICEGATE pages at phone width, and they "
        "differ from the published photographs beyond the perceptual threshold.",
        "",
    ]
    for step in steps:
        how = "new" if step.distance is None else f"{step.distance} of 64 hash bits differ"
        # The address is the portal's (its fragment too): code, so it can mention no one.
        source = code_span(step.source_url)
        lines.append(f"- `{step.page}`: {how}; captured {step.captured} from {source}")
    lines += [
        "",
        "Before merging, look at each image: it must show a public page only (no account page, "
        "nothing typed), and nothing personal or misleading. Close this pull request to keep "
        "the published photographs.",
    ]
    if run_url:
        lines += ["", f"Run: {run_url}"]
    return "\n".join(lines) + "\n"


def apply(
    steps: list[Step], repo: Path, docs: str, base: str, run_url: str | None = None
) -> str | None:
    """Commit the changed photographs on a new branch, push it, open a pull request.

    Returns:
        The branch name, or None when nothing needed review.

    Raises:
        PublishError: the branch would be the base branch.
        gitrun.CommandError: git or gh failed.
    """
    changed = [step for step in steps if step.action != "unchanged"]
    if not changed:
        return None
    day = india_day(max(step.captured for step in changed))
    branch = f"nightly-photos/{day}"
    if branch == base:
        raise PublishError(f"refusing to push to the base branch {base!r}")
    gitrun.git(repo, "switch", "--create", branch)
    written = []
    for step in changed:
        written += write_photo(repo / docs, step)
    gitrun.git(repo, "add", "--", *[str(path.relative_to(repo)) for path in written])
    pages = ", ".join(step.page for step in changed)
    gitrun.git(repo, "commit", "--quiet", "-m", f"Photographs of the portal from {day}: {pages}",
               env=gitrun.BOT)
    gitrun.git(repo, "push", "origin", f"HEAD:refs/heads/{branch}")
    gitrun.gh(
        "pr", "create", "--base", base, "--head", branch,
        "--title", f"Portal photographs from the nightly check of {day} ({pages})",
        "--body", pr_body(changed, run_url), cwd=repo,
    )
    return branch


# Command line ----------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    """The command line."""
    top = argparse.ArgumentParser(
        prog="python -m scripts.nightly.photos", description=__doc__.split("\n\n")[0]
    )
    top.add_argument("command", choices=("plan", "apply"))
    top.add_argument("--report", type=Path, default=Path("reports/drift"),
                     help="the drift report folder (report.json and screens/)")
    top.add_argument("--repo", type=Path, default=ROOT, help="the git checkout to commit in")
    top.add_argument("--docs-dir", default="docs", help="the docs folder inside --repo")
    top.add_argument("--contract", type=Path, default=CONTRACT_PATH,
                     help="the element contract (its sites name the live hosts)")
    top.add_argument("--threshold", type=int, default=THRESHOLD,
                     help=f"hash bits (of 64) that may differ without a new photo ({THRESHOLD})")
    top.add_argument("--base", default="main", help="the branch the pull request goes to")
    top.add_argument("--run-url", default=None, help="the workflow run, for the description")
    return top


def main(argv: list[str] | None = None) -> int:
    """Run ``plan`` or ``apply``; print one line per page; exit 0, 2, 3 or 4."""
    args = parser().parse_args(argv)
    try:
        contract = load_contract(args.contract)
        steps = plan(args.report, args.repo / args.docs_dir, contract, args.threshold)
        for step in steps:
            gap = "no published photograph" if step.distance is None else (
                f"{step.distance}/64 bits differ")
            print(f"photos: {step.page}: {step.action} ({gap})")
        if not steps:
            print("photos: no phone captures of public pages in this report")
        if args.command == "plan":
            print(json.dumps([asdict(step) for step in steps]))
            return 0
        branch = apply(steps, args.repo, args.docs_dir, args.base, args.run_url)
    except (PhotoError, ContractError) as error:
        print(f"photos: {error}", file=sys.stderr)
        return getattr(error, "status", 2)
    except gitrun.CommandError as error:
        print(f"photos: {error}", file=sys.stderr)
        return PublishError.status
    if branch is None:
        print("photos: nothing changed beyond the threshold: no pull request")
    else:
        print(f"photos: pull request opened from {branch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
