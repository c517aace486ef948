"""The nightly drift check's bookkeeping: check the run's status, record it, publish, file issues.

Three commands, run by ``.github/workflows/nightly-drift.yml``:

``condense --report R --status S --output FILE``
    In the read-only check job. Accepts the drift command's status only if it is 0 (no
    drift), 1 (drift) or 75 (portal unreachable) and ``report.json`` exists, is complete and
    says the same; 70 (the checker failed) or any other status, or a missing or disagreeing
    report, is an error (exit 1) that fails the job. Writes ``record=<JSON>`` (the run
    condensed for the history) to FILE, the job's output.
``publish --record-env NAME``
    In the publish job (write scopes, standard library only, runs on main only). First checks
    the hand-over against the contract (``scripts.nightly.handover``) and refuses anything
    else, before any push or gh call. Appends the record to ``history.json`` on the
    ``portal-history`` branch, rebuilding the commit on the newest tip and retrying when
    someone pushed first (a branch whose tip has no readable history is an error, never a
    fresh start); then dispatches ``pages.yml`` so the site shows the new history; then, only
    once the history is pushed, opens, comments on and closes issues
    (``scripts.nightly.issues``).
``record --report R``
    Appends a live report to a local history file (for a maintainer's own runs).

Why a data branch and not main: the history changes every night; on main that is 365 bot
commits a year in every contributor's log, pushes that branch protection on main would refuse,
and a race with every human merge. On its own branch it needs no rebase against anyone's work,
and main holds only reviewed changes whose checks ran. The Pages build fetches the branch.

Bad input gets a one-line message and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scripts.common import gitrun
from scripts.common.files import append_line, atomic_write, encodable
from scripts.nightly.handover import CONTRACT, HandoverError, contract_ids, validate
from scripts.nightly.record import KEEP_RUNS, append_run, run_record
from scripts.verification.history import HISTORY_PATH, SCHEMA, HistoryError, parse_history
from scripts.verification.verdicts import EXIT_STATUS, Outcome

BRANCH = "portal-history"
BRANCH_FILE = "history.json"
BRANCH_README = (
    "# Verification history\n\nWritten by the nightly drift check "
    "(`.github/workflows/nightly-drift.yml`, `python -m scripts.nightly publish`). "
    "Do not edit by hand: the site reads `history.json` from here when it is built.\n"
)
RECORDED = {EXIT_STATUS[o] for o in (Outcome.NO_DRIFT, Outcome.DRIFT, Outcome.UNREACHABLE)}


class NightlyError(RuntimeError):
    """A step of the nightly bookkeeping failed; the message says which and why."""


# condense ------------------------------------------------------------------------------


def _plain(text: str) -> str:
    """Runner names as plain text (what the publish job accepts): other marks become ``-``."""
    return re.sub(r"[^\w .()/:+-]", "-", text)[:60]


def where_from_env(env: dict[str, str]) -> str:
    """Where the run happened, from the GitHub runner's environment, as plain text."""
    if "RUNNER_OS" not in env:
        return "not recorded"
    kind = env.get("RUNNER_ENVIRONMENT", "github-hosted")
    name = _plain(env.get("RUNNER_NAME", ""))
    system = _plain(env["RUNNER_OS"])
    if kind == "self-hosted":
        return f"GitHub Actions, self-hosted {system} runner {name}".strip()
    return f"GitHub Actions, GitHub-hosted {system} runner"


def status_problem(status: int) -> str | None:
    """Why a drift command status cannot be recorded, or None when it can."""
    if status in RECORDED:
        return None
    if status == Outcome.CHECKER_FAILED.exit_status:
        return (
            "the drift checker itself failed (exit 70): see the report's 'failure' and its "
            "'check failed' pages; nothing is recorded"
        )
    return f"the drift command exited {status}, which means it did not run properly"


def condense(report_path: Path, status: int, where: str, run_url: str | None) -> dict[str, Any]:
    """Check a drift run's status against its report and condense it for the history.

    Raises:
        NightlyError: when the status or the report cannot be trusted.
    """
    problem = status_problem(status)
    if problem:
        raise NightlyError(problem)
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NightlyError(f"no report at {report_path}: the drift command did not run") from None
    except (OSError, ValueError) as error:
        raise NightlyError(f"{report_path} cannot be read: {error}") from None
    if report.get("exit_status") != status:
        raise NightlyError(
            f"{report_path} says exit status {report.get('exit_status')!r} "
            f"({report.get('outcome')}), the command exited {status}"
        )
    if report.get("complete") is not True:
        raise NightlyError(f"{report_path} is incomplete: the run did not check every page")
    try:
        record = run_record(report, where, run_url)
    except (KeyError, TypeError) as error:
        raise NightlyError(f"{report_path} lacks {error}") from None
    return {"mode": report.get("target", {}).get("mode"), "record": record}


# publish: the history branch -------------------------------------------------------------


def runs_at(repo: Path, commit: str | None) -> list[dict[str, Any]]:
    """The history stored in a commit of the history branch (empty only for a new branch).

    Raises:
        NightlyError: when the branch exists but its tip has no readable history (deleted
            or corrupted by hand): starting again from one run would silently lose the rest.
    """
    if commit is None:
        return []
    try:
        text = gitrun.file_at(repo, commit, BRANCH_FILE)
    except gitrun.CommandError as error:
        text, why = None, str(error)
    else:
        why = "no such file"
    if text is None:
        raise NightlyError(
            f"the {BRANCH} branch exists but its tip {commit[:12]} has no readable "
            f"{BRANCH_FILE} ({why}); restore it from the branch's git history rather than "
            "start the history again"
        )
    try:
        return parse_history(json.loads(text), Path(f"{BRANCH}:{BRANCH_FILE}"))
    except ValueError as error:
        raise NightlyError(f"the history on {BRANCH} is malformed: {error}") from None


def history_text(runs: list[dict[str, Any]], keep: int) -> str:
    """The history document, as written on the branch and in the checkout."""
    document = {"schema": SCHEMA, "keep": keep, "runs": runs[-keep:]}
    return encodable(json.dumps(document, indent=1, ensure_ascii=False) + "\n")


def commit_history(repo: Path, parent: str | None, text: str, message: str) -> str:
    """A commit of the history branch with ``text`` as its history file (no checkout needed).

    A new branch also gets a README saying what the branch is.
    """
    files = {BRANCH_FILE: text} if parent else {"README.md": BRANCH_README, BRANCH_FILE: text}
    return gitrun.commit_files(repo, parent, files, message)


def same_run(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two records are the same run (a retried publish must not record it twice)."""
    return (a.get("started"), a.get("finished")) == (b.get("started"), b.get("finished"))


def push_history(
    repo: Path,
    record: dict[str, Any],
    remote: str = "origin",
    branch: str = BRANCH,
    attempts: int = 4,
    keep: int = KEEP_RUNS,
    sleep: Callable[[float], None] = time.sleep,
) -> list[dict[str, Any]]:
    """Append the record to the branch's history and push, retrying on the newest tip.

    Args:
        repo: The git checkout.
        record: The run to add.
        remote: The remote to push to.
        branch: The history branch.
        attempts: How many pushes to try.
        keep: How many runs the history keeps.
        sleep: How to wait between refused pushes (tests pass one that does not wait).

    Returns:
        The history now on the branch.

    Raises:
        NightlyError: when the branch's tip has no readable history, or git failed (the
            push still refused after ``attempts`` tries).
    """
    pushed: list[dict[str, Any]] = []

    def make_commit(tip: str | None) -> str | None:
        runs = runs_at(repo, tip)
        if any(same_run(run, record) for run in runs):
            pushed[:] = runs
            return None  # a retried publish: the run is already there
        pushed[:] = [*runs, record][-keep:]
        message = f"Nightly drift check of {record['finished']}: {record['outcome']}"
        return commit_history(repo, tip, history_text(pushed, keep), message)

    try:
        gitrun.push_on_newest_tip(repo, remote, branch, make_commit, attempts, sleep)
    except gitrun.CommandError as error:
        raise NightlyError(f"could not push the history: {error}") from None
    return pushed


def load_condensed(args: argparse.Namespace) -> dict[str, Any]:
    """The condensed run handed over by the check job, validated against the contract.

    Raises:
        NightlyError: when there is no hand-over, or it is not what the check job may send
            (see ``scripts.nightly.handover``): nothing is then pushed or filed.
    """
    if args.record_env:
        text = os.environ.get(args.record_env, "")
        source = f"${args.record_env}"
    else:
        try:
            text = args.record.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise NightlyError(f"{args.record}: cannot read the condensed run: {error}") from None
        source = str(args.record)
    try:
        condensed = json.loads(text)
    except ValueError:
        raise NightlyError(f"{source} holds no condensed run (did the check job fail?)") from None
    repository = args.run_repository or os.environ.get("GITHUB_REPOSITORY") or None
    try:
        return validate(condensed, contract_ids(args.contract), repository)
    except HandoverError as error:
        raise NightlyError(f"refusing the hand-over in {source}: {error}") from None


def publish(args: argparse.Namespace, sleep: Callable[[float], None] = time.sleep) -> int:
    """Record, push, ask for the site to be rebuilt, then update issues.

    ``sleep`` is how to wait between refused pushes (tests pass one that does not wait).
    """
    from scripts.nightly import issues as drift_issues

    record = load_condensed(args)
    runs = push_history(args.repo, record, args.remote, args.branch, keep=args.keep,
                        sleep=sleep)
    print(f"nightly: history pushed to {args.remote} {args.branch} ({len(runs)} runs)")
    atomic_write(args.history_out, history_text(runs, args.keep))
    gitrun.gh("workflow", "run", args.pages_workflow, "--ref", args.ref)
    print(f"nightly: asked for {args.pages_workflow} on {args.ref} (the site shows the new run)")
    return drift_issues.main(["--history", str(args.history_out), "--contract", str(args.contract)])


def record_locally(args: argparse.Namespace) -> int:
    """Append a live report to a local history file."""
    if args.run_url is not None and not args.run_url.startswith("https://"):
        print(f"nightly: --run-url must be an https:// address, not {args.run_url!r}",
              file=sys.stderr)
        return 2
    try:
        report = json.loads(args.report.read_text(encoding="utf-8"))
        if report.get("target", {}).get("mode") != "live":
            print("nightly: only live runs go into the history", file=sys.stderr)
            return 2
        runs = append_run(run_record(report, args.where, args.run_url), args.history, args.keep)
    except (OSError, ValueError, KeyError, HistoryError) as error:
        print(f"nightly: cannot record the run: {error}", file=sys.stderr)
        return 2
    print(f"recorded {report['outcome']} run of {report['finished']}; {len(runs)} runs kept")
    return 0


def write_output(path: Path | None, condensed: dict[str, Any]) -> None:
    """Append ``record=<JSON>`` to a GitHub output file (or print it)."""
    # ASCII JSON: no raw U+2028/U+0085 line breaks or lone surrogates reach the output file.
    line = "record=" + json.dumps(condensed, separators=(",", ":")) + "\n"
    if path is None:
        sys.stdout.write(line)
        return
    append_line(path, line)


def parser() -> argparse.ArgumentParser:
    """The command line."""
    top = argparse.ArgumentParser(prog="nightly", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)
    record = sub.add_parser("record", help="append a live drift report to a local history")
    record.add_argument("--report", type=Path, required=True)
    record.add_argument("--where", default="not recorded", help="where the run happened")
    record.add_argument("--run-url", default=None, help="link to the run and its artifacts")
    record.add_argument("--history", type=Path, default=HISTORY_PATH)
    record.add_argument("--keep", type=int, default=KEEP_RUNS)
    cond = sub.add_parser("condense", help="check the status against the report; condense it")
    cond.add_argument("--report", type=Path, required=True)
    cond.add_argument("--status", required=True, help="the drift command's exit status")
    cond.add_argument("--where", default=None, help="default: from the runner's environment")
    cond.add_argument("--run-url", default=None)
    cond.add_argument("--output", type=Path, default=None, help="GitHub output file")
    pub = sub.add_parser("publish", help="push the record, rebuild the site, update issues")
    given = pub.add_mutually_exclusive_group(required=True)
    given.add_argument("--record-env", help="environment variable holding the condensed run")
    given.add_argument("--record", type=Path, help="file holding the condensed run")
    pub.add_argument("--repo", type=Path, default=Path("."), help="the git checkout")
    pub.add_argument("--remote", default="origin")
    pub.add_argument("--branch", default=BRANCH)
    pub.add_argument("--keep", type=int, default=KEEP_RUNS)
    pub.add_argument("--history-out", type=Path, default=HISTORY_PATH)
    pub.add_argument("--pages-workflow", default="pages.yml")
    pub.add_argument("--ref", default="main")
    pub.add_argument("--contract", type=Path, default=CONTRACT,
                     help="the contract whose page and element ids the record must name")
    pub.add_argument("--run-repository", default=None,
                     help="OWNER/REPO that run_url must belong to (default $GITHUB_REPOSITORY)")
    return top


def main(argv: list[str] | None = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Run one command; return the exit status.

    ``sleep`` is how ``publish`` waits between refused pushes (tests pass one that does not).
    """
    args = parser().parse_args(argv)
    try:
        if args.command == "record":
            return record_locally(args)
        if args.command == "condense":
            try:
                status = int(args.status)
            except ValueError:
                raise NightlyError(f"the drift status {args.status!r} is not a number") from None
            where = args.where or where_from_env(dict(os.environ))
            write_output(args.output, condense(args.report, status, where, args.run_url))
            print(f"nightly: exit status {status} agrees with {args.report}")
            return 0
        return publish(args, sleep)
    except (NightlyError, gitrun.CommandError) as error:
        print(f"nightly: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
