"""Run one reachability probe, or record one: ``python -m scripts.probe [publish] ...``.

``python -m scripts.probe [--portal-url URL] [--append FILE] [--github-output FILE]`` probes.
``python -m scripts.probe publish --record-env NAME [--repo DIR]`` records the probe handed
over in the environment variable ``NAME`` on the history branch and, when one is due, asks
for a rebuild of the site (``scripts/probe/publish.py``); exit 0 done, 1 it failed, 2 the
hand-over was refused.

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
import os
import sys
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from scripts.common import gitrun
from scripts.common.browser import system_chromium
from scripts.common.paths import ROOT
from scripts.contract.model import project_contract
from scripts.drift.browser_setup import OFFLINE_RESOLVER
from scripts.drift.checker import user_agent
from scripts.drift.target import Target, about_url
from scripts.probe.log import append_record
from scripts.probe.publish import publish, request_rebuild, validated
from scripts.probe.run import ProbeFailed, probe
from scripts.verification.reachability import RecordError

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


def publish_main(argv: list[str]) -> int:
    """The ``publish`` command: validate the hand-over, record it, rebuild when due."""
    parser = argparse.ArgumentParser(prog="python -m scripts.probe publish")
    parser.add_argument("--record-env", required=True, help="variable holding the record")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the git checkout to push from")
    parser.add_argument("--remote", default="origin")
    parser.add_argument("--no-rebuild", action="store_true", help="never ask for a rebuild")
    args = parser.parse_args(argv)
    try:
        record = validated(json.loads(os.environ.get(args.record_env, "")))
    except (json.JSONDecodeError, RecordError) as error:
        print(f"probe publish: refused: {error}", file=sys.stderr)
        return 2
    try:
        done = publish(args.repo, record, args.remote)
        if done.rebuild and not args.no_rebuild:
            request_rebuild()
    except gitrun.CommandError as error:
        print(f"probe publish: {error}", file=sys.stderr)
        return 1
    what = "recorded" if done.added else "already recorded"
    print(f"probe publish: {what}; state {done.state}; "
          f"site rebuild {'asked for' if done.rebuild and not args.no_rebuild else 'not due'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Probe once and hand the record on; see the module docstring for the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["publish"]:
        return publish_main(argv[1:])
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
