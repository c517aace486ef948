"""The pre-build step: files the site needs that are made from other files.

Every build runs it first (``make serve``, ``make build``, ``make test``, ``make canary``, the
Pages workflow), whatever generator builds the site afterwards:

    python -m scripts.site.prebuild [--docs-dir docs]

It writes, into the docs folder (all of them git-ignored, never edited by hand):

- ``tools/<name>.py``: the downloadable tools, copied byte for byte from ``snippets/``;
- ``assets/javascripts/idcheck-rules.js``: the in-page ID check's tables, generated from
  ``snippets/idcheck.py`` (see ``scripts.site.idcheck_rules``);
- ``feed.xml``: the Atom feed of portal changes, and ``status.json``: each page's and
  element's current state, both from the verification history (``scripts.site.feed``,
  ``scripts.site.status_json``). Links in the feed use ``SITE_URL`` when it is set (the Pages
  workflow sets it), else ``extra.public_url`` from ``mkdocs.yml`` (English folder only: the
  site has one feed, at its root);
- for a translated edition's folder (``--docs-dir docs-hi``): a copy of every file under
  ``docs/assets/`` (style sheet, diagrams, the in-page checker), so each edition is a complete
  site of its own, whatever generator builds it;
- ``sw.js``: the edition's service worker for offline reading, with a version made from
  everything the build is made from (``scripts.site.offline``); written last, after the files
  above, which its version covers.

A file is rewritten only when its content changes, so a preview server does not rebuild for
nothing.

Before writing anything it checks the files the site prints text from (contract, sources, term
lists, every page's front matter: ``input_problems``) and exits 2 with one line per problem,
naming the file and the key; and it checks the fork settings (``scripts.common.site_config``):
a publishing build (``SITE_URL`` set) stops with exit 2 while any reader-facing setting is a
placeholder or disagrees with another; a preview says once what it would refuse.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from scripts.common import site_config
from scripts.common.paths import DOCS, ROOT, SNIPPETS
from scripts.contract.model import ContractError
from scripts.site import offline

#: What the step writes: path inside the docs folder → how to make its content.
Maker = Callable[[], bytes]


def _tool(path: Path) -> Maker:
    return path.read_bytes


def _idcheck_rules() -> bytes:
    from scripts.site import idcheck_rules

    return idcheck_rules.render().encode("utf-8")


def public_url() -> str:
    """``extra.public_url`` of ``mkdocs.yml``."""
    return site_config.public_url(ROOT / "mkdocs.yml")


def check_settings(root: Path = ROOT) -> int:
    """Refuse a publishing build with placeholder settings; in a preview, say so once.

    Args:
        root: The repository root whose settings to check.

    Returns:
        0 to go on, 2 when a publishing build must stop.
    """
    found = site_config.publishing_problems(root)
    publishing = bool(os.environ.get("SITE_URL"))
    if found and publishing:
        print("prebuild: not publishing: the site settings are not ready:", file=sys.stderr)
        for problem in found:
            print(f"  - {problem}", file=sys.stderr)
        print("  Set them with `make configure` (see the README's launch checklist).",
              file=sys.stderr)
        return 2
    for problem in found:
        print(f"prebuild: preview only (a publishing build would stop): {problem}")
    if not site_config.settings(root / "mkdocs.yml").feedback_email:
        print("prebuild: no feedback mailbox is set (mkdocs.yml extra.feedback_email): "
              "the e-mail link under each page is left out")
    return 0


def _followers(docs_dir: Path) -> dict[str, Maker]:
    """``feed.xml`` and ``status.json``, made from the history, the contract and the guides."""
    from scripts.contract.mentions import scan_docs
    from scripts.contract.model import load_contract
    from scripts.site import feed, status_json
    from scripts.site.data import read_probes
    from scripts.verification.history import read_status
    from scripts.verification.reachability import PROBE_WORKFLOW, probe_interval

    contract = load_contract()
    status = read_status()
    probes = read_probes()
    interval = probe_interval(ROOT / PROBE_WORKFLOW)
    canonical = public_url()
    site_url = os.environ.get("SITE_URL") or canonical

    def make_feed() -> bytes:
        mentions = scan_docs(docs_dir)
        return feed.render(status.runs, contract, mentions, site_url, canonical,
                           probes).encode()

    def make_status() -> bytes:
        return status_json.render(contract, status, probes, interval).encode("utf-8")

    return {feed.FEED_FILE: make_feed, status_json.STATUS_FILE: make_status}


def generated_files(docs_dir: Path = DOCS) -> dict[str, Maker]:
    """Every generated file of ``docs_dir``, by its path relative to it.

    Raises:
        ContractError: the contract is invalid (the message says where and why).
        OfflineError: the edition's language has no offline notice.
    """
    files: dict[str, Maker] = {
        f"tools/{tool.name}": _tool(tool) for tool in sorted(SNIPPETS.glob("*.py"))
    }
    if docs_dir.resolve() != DOCS.resolve():
        for asset in sorted((DOCS / "assets").rglob("*")):
            if asset.is_file():
                files[asset.relative_to(DOCS).as_posix()] = _tool(asset)
    files["assets/javascripts/idcheck-rules.js"] = _idcheck_rules
    if docs_dir.resolve() == DOCS.resolve():  # one feed, at the site root
        files.update(_followers(docs_dir))
    files[offline.WORKER_FILE] = lambda: offline.render(docs_dir).encode("utf-8")  # last
    return files


def input_problems(docs_dir: Path) -> list[str]:
    """What is wrong with the files the build prints text from, one message each.

    The contract, the source register, the term lists (``i18n/terminology-*.yml``) and the
    front matter of every page of ``docs_dir``: each message names the file and the key, so a
    mistake stops the build here, in one line, rather than as a traceback or a warning deep in
    a generator's log.
    """
    from scripts.contract.model import load_contract
    from scripts.site.page import FrontMatterError, read_front_matter
    from scripts.site.sources import SourceError, load_sources
    from scripts.site.terminology import TerminologyError, load_terms

    checks: list[Callable[[], object]] = [load_contract, load_sources]
    for terms in sorted((ROOT / "i18n").glob("terminology-*.yml")):
        language = terms.stem.removeprefix("terminology-")
        checks.append(partial(load_terms, terms, language))
    checks += [partial(read_front_matter, page) for page in sorted(docs_dir.rglob("*.md"))]
    problems = []
    for check in checks:
        try:
            check()
        except (ContractError, SourceError, TerminologyError, FrontMatterError) as error:
            problems.append(str(error))
    return problems


def write_generated(docs_dir: Path) -> list[Path]:
    """Write every generated file under ``docs_dir``; return the files whose content changed."""
    changed = []
    for relative, make in generated_files(docs_dir).items():
        target = docs_dir / relative
        content = make()
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        changed.append(target)
    return changed


def main(argv: list[str] | None = None) -> int:
    """Run the step for each docs folder named (default ``docs``)."""
    parser = argparse.ArgumentParser(prog="python -m scripts.site.prebuild", description=__doc__)
    parser.add_argument(
        "--docs-dir", action="append", type=Path, help="a docs folder (repeatable)"
    )
    args = parser.parse_args(argv)
    if check_settings():
        return 2
    for docs_dir in args.docs_dir or [ROOT / "docs"]:
        folder = docs_dir if docs_dir.is_absolute() else ROOT / docs_dir
        if not folder.is_dir():
            print(f"prebuild: {docs_dir}: no such docs folder", file=sys.stderr)
            return 2
        problems = input_problems(folder)
        if problems:
            for problem in problems:
                for line in problem.splitlines():
                    print(f"prebuild: {line}", file=sys.stderr)
            return 2
        try:
            changed = write_generated(folder)
        except (ContractError, offline.OfflineError) as error:
            print(f"prebuild: {error}", file=sys.stderr)
            return 2
        print(f"prebuild: {folder.relative_to(ROOT)}: {len(changed)} file(s) written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
