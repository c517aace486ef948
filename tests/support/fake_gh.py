"""A stand-in for the GitHub CLI: records every call, keeps issues and labels in a JSON file.

Installed as ``gh`` on PATH by the tests. It accepts only the subcommands and flags the
nightly uses, each as the real gh spells it, and rejects anything else (exit 2); like the
real gh, it refuses to create an issue with a label the repository does not have (exit 1).
State file: ``$FAKE_GH_STATE`` with ``labels``, ``issues``, ``dispatches`` and ``calls`` (and
``pulls`` once a pull request was created).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


class Refused(Exception):
    """gh would fail: the message goes to stderr, exit status 1."""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="gh", exit_on_error=True)
    groups = top.add_subparsers(dest="group", required=True)
    label = groups.add_parser("label").add_subparsers(dest="command", required=True)
    listing = label.add_parser("list")
    listing.add_argument("--json", required=True)
    listing.add_argument("--limit", "-L", type=int, default=30)
    create = label.add_parser("create")
    create.add_argument("name")
    create.add_argument("--color", "-c")
    create.add_argument("--description", "-d")
    create.add_argument("--force", "-f", action="store_true")
    issue = groups.add_parser("issue").add_subparsers(dest="command", required=True)
    listing = issue.add_parser("list")
    listing.add_argument("--label", "-l", action="append", default=[])
    listing.add_argument("--state", "-s", choices=["open", "closed", "all"], default="open")
    listing.add_argument("--json", required=True)
    listing.add_argument("--limit", "-L", type=int, default=30)
    create = issue.add_parser("create")
    create.add_argument("--label", "-l", action="append", default=[])
    create.add_argument("--title", "-t", required=True)
    create.add_argument("--body", "-b", required=True)
    comment = issue.add_parser("comment")
    comment.add_argument("number", type=int)
    comment.add_argument("--body", "-b", required=True)
    close = issue.add_parser("close")
    close.add_argument("number", type=int)
    close.add_argument("--comment", "-c")
    pr = groups.add_parser("pr").add_subparsers(dest="command", required=True)
    create = pr.add_parser("create")
    create.add_argument("--base", "-B", required=True)
    create.add_argument("--head", "-H", required=True)
    create.add_argument("--title", "-t", required=True)
    create.add_argument("--body", "-b", required=True)
    listing = pr.add_parser("list")
    listing.add_argument("--head", "-H")
    listing.add_argument("--state", "-s", choices=["open", "closed", "merged", "all"],
                         default="open")
    listing.add_argument("--json", required=True)
    edit = pr.add_parser("edit")
    edit.add_argument("number", type=int)
    edit.add_argument("--title", "-t")
    edit.add_argument("--body", "-b")
    workflow = groups.add_parser("workflow").add_subparsers(dest="command", required=True)
    run = workflow.add_parser("run")
    run.add_argument("workflow")
    run.add_argument("--ref", "-r")
    return top


def issue_of(state: dict, number: int) -> dict:
    for issue in state["issues"]:
        if issue["number"] == number:
            return issue
    raise Refused(f"GraphQL: Could not resolve to an issue with the number of {number}.")


def handle(args: argparse.Namespace, state: dict) -> str:
    where = (args.group, args.command)
    if where == ("label", "list"):
        return json.dumps([{"name": name} for name in state["labels"][: args.limit]])
    if where == ("label", "create"):
        if args.name in state["labels"] and not args.force:
            raise Refused(f"label with name \"{args.name}\" already exists; use `--force`")
        state["labels"].append(args.name)
        return ""
    if where == ("issue", "list"):
        found = [
            {"number": i["number"], "body": i["body"]}
            for i in state["issues"]
            if (args.state == "all" or i["state"] == args.state)
            and set(args.label) <= set(i["labels"])
        ]
        return json.dumps(found[: args.limit])
    if where == ("issue", "create"):
        for name in args.label:
            if name not in state["labels"]:
                raise Refused(f"could not add label: '{name}' not found")
        number = max([i["number"] for i in state["issues"]], default=0) + 1
        state["issues"].append(
            {"number": number, "title": args.title, "body": args.body, "labels": args.label,
             "state": "open", "comments": []}
        )
        return f"https://github.com/o/r/issues/{number}\n"
    if where == ("issue", "comment"):
        issue_of(state, args.number)["comments"].append(args.body)
        return ""
    if where == ("issue", "close"):
        issue = issue_of(state, args.number)
        issue["state"] = "closed"
        if args.comment:
            issue["comments"].append(args.comment)
        return ""
    if where == ("pr", "create"):
        pulls = state.setdefault("pulls", [])
        if any(p["head"] == args.head and p["state"] == "open" for p in pulls):
            raise Refused(f"a pull request for branch \"{args.head}\" already exists")
        pulls.append({"number": len(pulls) + 1, "base": args.base, "head": args.head,
                      "title": args.title, "body": args.body, "state": "open", "edits": 0})
        return f"https://github.com/o/r/pull/{len(pulls)}\n"
    if where == ("pr", "list"):
        found = [
            {"number": p["number"], "state": p.get("state", "open").upper()}
            for p in state.get("pulls", [])
            if (args.head is None or p["head"] == args.head)
            and args.state in ("all", p.get("state", "open"))
        ]
        return json.dumps(found)
    if where == ("pr", "edit"):
        pull = next((p for p in state.get("pulls", []) if p["number"] == args.number), None)
        if pull is None:
            raise Refused(f"GraphQL: Could not resolve to a PullRequest with the number of "
                          f"{args.number}.")
        pull["title"] = args.title or pull["title"]
        pull["body"] = args.body or pull["body"]
        pull["edits"] += 1
        return ""
    if where == ("workflow", "run"):
        state["dispatches"].append({"workflow": args.workflow, "ref": args.ref})
        return ""
    raise Refused(f"unknown command {where}")


def main(argv: list[str]) -> int:
    path = Path(os.environ["FAKE_GH_STATE"])
    state = json.loads(path.read_text())
    state["calls"].append(argv)
    path.write_text(json.dumps(state))
    args = parser().parse_args(argv)  # unknown flags: argparse exits 2
    try:
        out = handle(args, state)
    except Refused as error:
        print(error, file=sys.stderr)
        return 1
    path.write_text(json.dumps(state))
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
