"""Run one reachability probe: ``python -m scripts.probe [--portal-url URL] [--append FILE]``.

Without ``--portal-url`` it probes the live portal (only the scheduled probe workflow does
that); with it, any server laid out like the replica (tests, a local stand-in). The record is
printed as one JSON line, appended to ``--append FILE`` (under a lock, safe when several
probes run at once) and handed to the workflow's next job with ``--github-output FILE``.

Exit status: 0 a record was made (whatever state the portal was in); 70 the probe itself
broke (nothing recorded: a broken probe says nothing about ICEGATE); 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from scripts.common.paths import ROOT
from scripts.contract.model import project_contract
from scripts.drift.browser_setup import OFFLINE_RESOLVER
from scripts.drift.checker import user_agent
from scripts.drift.target import Target, about_url
from scripts.probe.log import append_record
from scripts.probe.run import ProbeFailed, probe
from scripts.tools.browser import system_chromium

PROBE_FAILED = 70


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m scripts.probe", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portal-url", help="probe a server laid out like the replica")
    parser.add_argument("--append", type=Path, help="append the record to this JSON-lines file")
    parser.add_argument("--github-output", type=Path,
                        help="write record=<line> to this file (GitHub's step output)")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> dict:
    """Launch Chromium and probe the chosen portal.

    Raises:
        ProbeFailed: the browser or the checker broke.
    """
    contract = project_contract()
    target = (Target.replica_layout(contract, args.portal_url) if args.portal_url
              else Target.live(contract))
    launch_args = [] if target.mode == "live" else [OFFLINE_RESOLVER]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=system_chromium(),
                                                 args=launch_args)
            try:
                agent = user_agent(browser.version, about_url(ROOT / "mkdocs.yml"))
                return probe(contract, target, browser, agent)
            finally:
                browser.close()
    except PlaywrightError as error:
        raise ProbeFailed(f"the browser failed: {str(error).splitlines()[0]}") from error


def main(argv: list[str] | None = None) -> int:
    """Probe once and hand the record on; see the module docstring for the exit status."""
    args = parse_args(argv)
    try:
        record = run(args)
    except ProbeFailed as error:
        print(f"probe: not recorded: the probe itself failed: {error}", file=sys.stderr)
        return PROBE_FAILED
    line = json.dumps(record, ensure_ascii=True, separators=(",", ":"))
    print(line)
    if args.append:
        append_record(args.append, record)
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as output:
            output.write(f"record={line}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
