"""Label fixes proposed by the nightly: a pull request when the portal keeps showing a new label.

When the latest ``NIGHTS`` nights on which an element was checked all found label drift with
the same new label, the nightly proposes that label: one pull request per element, from the
branch ``nightly-label/<element id>``, that changes the element's ``label`` in
``portal/contract.yml``, adds the nightly's observation as evidence (kind ``live-capture``,
the day, the run's address) and raises its ``label_confidence`` one step. Its description
shows each guide sentence that changes, before and after, as a reader will see it, and links
the element's drift issue. Later nights find the branch and its open pull request and update
them; nothing is duplicated.

Never proposed (a person decides): a missing element, an element of a page that ``changed``,
a label the guides describe rather than quote (``label_from: none``), a label with characters
outside ``SAFE_LABEL`` (markup, @mentions, #references, control characters). It never pushes
to the base branch. The contract is edited as text (one line changed, one raised, an evidence
entry added; comments and order kept), and the edit is validated with the contract model,
which must find exactly those three changes::

    python -m scripts.nightly.labels plan  --history history.json
    python -m scripts.nightly.labels apply --history history.json --repo . --base main

Exit status: 0 done (also when there is nothing to propose), 2 bad input (history or contract),
4 git or gh failed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.common import gitrun
from scripts.common.clock import india_day
from scripts.common.paths import ROOT
from scripts.contract.mentions import UI_REF
from scripts.contract.model import CONTRACT_PATH, Contract, ContractError, parse_contract
from scripts.nightly.record import portal_text
from scripts.verification.history import NOT_CHECKED, PAGE_CHANGED, HistoryError, load_runs
from scripts.verification.verdicts import ElementVerdict

#: K: how many checked nights in a row must show the same new label (the one place it is set).
NIGHTS = 2
BRANCH_PREFIX = "nightly-label/"
CONTRACT_FILE = "portal/contract.yml"
DOCS_DIRS = ("docs", "docs-hi")
LABEL_DRIFT = ElementVerdict.LABEL_DRIFT.value
#: Labels the nightly may propose: words, digits, spaces and plain punctuation; 1-80 characters;
#: no web address.
SAFE_LABEL = re.compile(r"^(?!.*(://|www\.))\w[\w .,:;!?'()/&+-]{0,79}$", re.IGNORECASE)
RAISED = {"low": "medium", "medium": "high", "high": "high"}
LIST_ITEM = re.compile(r"^\s*(\d+\.|[-*+])\s")


class LabelError(Exception):
    """The proposal cannot be made; the message says why. ``status`` is the exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Proposal:
    """A new label for one element, seen on ``nights`` checked nights in a row."""

    element: str
    old_label: str
    label: str
    nights: int
    day: str
    run_url: str | None

    @property
    def branch(self) -> str:
        """The branch the pull request comes from (one per element)."""
        return BRANCH_PREFIX + self.element


# Which labels to propose -----------------------------------------------------------------


def _checked(runs: list[dict[str, Any]], element_id: str) -> list[dict[str, Any]]:
    return [r for r in runs if r["elements"].get(element_id, NOT_CHECKED) != NOT_CHECKED]


def proposal_for(
    runs: list[dict[str, Any]], contract: Contract, element_id: str, nights: int = NIGHTS
) -> tuple[Proposal | None, str]:
    """The proposal for one element, or None with the reason (for the log)."""
    element = contract.elements[element_id]
    latest = runs[-1]
    if latest["elements"].get(element_id) != LABEL_DRIFT:
        return None, "no label drift tonight"
    if latest["pages"].get(element.page) == PAGE_CHANGED:
        return None, f"its page {element.page} changed: a person decides"
    if element.label_from == "none":
        return None, "its label is our description (label_from: none): a person decides"
    recent = _checked(runs, element_id)[-nights:]
    if len(recent) < nights or any(r["elements"][element_id] != LABEL_DRIFT for r in recent):
        return None, f"label drift on fewer than {nights} checked nights in a row"
    labels = {portal_text((run.get("observed") or {}).get(element_id) or "") for run in recent}
    if len(labels) != 1:
        return None, f"different labels on the last {nights} nights"
    label = labels.pop()
    if not SAFE_LABEL.match(label):
        return None, f"the new label {label!a} is not plain text: a person decides"
    if label == element.label:
        return None, "the contract already has this label"
    proposal = Proposal(
        element_id, element.label, label, nights, india_day(latest["finished"]),
        latest.get("run_url"),
    )
    return proposal, "proposed"


def proposals(
    runs: list[dict[str, Any]], contract: Contract, nights: int = NIGHTS
) -> list[Proposal]:
    """Every label the nightly proposes after the latest run, in contract order."""
    if not runs:
        return []
    found = []
    for element_id in contract.elements:
        proposal, why = proposal_for(runs, contract, element_id, nights)
        if proposal:
            found.append(proposal)
        elif why != "no label drift tonight":
            print(f"labels: {element_id}: not proposed: {why}")
    return found


# Editing the contract as text ------------------------------------------------------------


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    plain = re.fullmatch(r"[A-Za-z][\w .,()/&+'-]*", text)
    if plain and not text.endswith(" ") and text.lower() not in {"yes", "no", "true", "false",
                                                                  "on", "off", "null"}:
        return text
    return json.dumps(text, ensure_ascii=False)


def _element_block(lines: list[str], element_id: str) -> tuple[int, int]:
    """The line range ``[start, end)`` of an element's block under ``elements:``."""
    try:
        top = lines.index("elements:")
    except ValueError:
        raise LabelError(f"{CONTRACT_FILE}: no 'elements:' section") from None
    head = re.compile(rf"^  {re.escape(element_id)}:\s*(#.*)?$")
    start = next((i for i in range(top + 1, len(lines)) if head.match(lines[i])), None)
    if start is None:
        raise LabelError(f"{CONTRACT_FILE}: element {element_id} not found")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def _key_line(lines: list[str], start: int, end: int, key: str) -> int:
    pattern = re.compile(rf"^    {key}:(\s|$)")
    found = next((i for i in range(start, end) if pattern.match(lines[i])), None)
    if found is None:
        raise LabelError(f"{CONTRACT_FILE}: element at line {start + 1} has no '{key}:' line")
    return found


def edit_contract(text: str, proposal: Proposal) -> str:
    """The contract text with the proposal applied by minimal line edits.

    The element's ``label`` line is replaced (a folded multi-line label becomes one line),
    its ``label_confidence`` raised one step, and an evidence entry appended to its list.
    """
    lines = text.split("\n")
    start, end = _element_block(lines, proposal.element)
    label = _key_line(lines, start, end, "label")
    following = label + 1
    while following < end and lines[following].startswith("      "):
        following += 1  # the continuation lines of a folded label
    lines[label:following] = [f"    label: {yaml_scalar(proposal.label)}"]
    start, end = _element_block(lines, proposal.element)
    confidence = _key_line(lines, start, end, "label_confidence")
    level = lines[confidence].split(":", 1)[1].split("#", 1)[0].strip()
    lines[confidence] = f"    label_confidence: {RAISED.get(level, level)}"
    evidence = _key_line(lines, start, end, "evidence")
    last = evidence
    for index in range(evidence + 1, end):
        if lines[index].startswith("      "):
            last = index
        elif lines[index].strip():
            break
    entry = [
        f"      - source: nightly drift check of the live portal (the same label on "
        f"{proposal.nights} checked nights in a row)",
        "        kind: live-capture",
        f"        date: {proposal.day}",
    ]
    if proposal.run_url:
        entry.append(f"        url: {proposal.run_url}")
    lines[last + 1 : last + 1] = entry
    return "\n".join(lines)


def check_edit(before: str, after: str, proposal: Proposal) -> Contract:
    """Validate the edited contract with the model; only the three intended changes may differ.

    Raises:
        LabelError: when the edited contract is invalid or differs anywhere else.
    """
    source = Path(CONTRACT_FILE)
    try:
        old = parse_contract(before, source)
        new = parse_contract(after, source)
    except ContractError as error:
        raise LabelError(f"the edited contract does not validate: {error}") from None
    was, element = old.elements[proposal.element], new.elements[proposal.element]
    if element.label != proposal.label:
        raise LabelError(f"the edited contract reads the label as {element.label!a}")
    expected = was.model_copy(
        update={
            "label": proposal.label,
            "label_confidence": RAISED[was.label_confidence],
            "evidence": (*was.evidence, element.evidence[-1]),
        }
    )
    rest = {"elements", "source"}
    if (
        element != expected
        or element.evidence[-1].kind != "live-capture"
        or new.model_dump(exclude=rest) != old.model_dump(exclude=rest)
        or list(new.elements) != list(old.elements)
        or any(new.elements[k] != old.elements[k] for k in old.elements if k != proposal.element)
    ):
        raise LabelError("the edit changed more than the label, its evidence and confidence")
    return new


# What readers will see -------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceChange:
    """One guide sentence as a reader sees it, before and after the label changes."""

    place: str
    before: str
    after: str


def _paragraph(lines: list[str], index: int) -> str:
    """The paragraph (or list item) around line ``index``, as one line."""
    start = index
    while (
        start > 0
        and not LIST_ITEM.match(lines[start])
        and lines[start - 1].strip()
        and not lines[start - 1].lstrip().startswith(("#", "---", "```", "~~~"))
    ):
        start -= 1
    end = index + 1
    while end < len(lines) and lines[end].strip() and not LIST_ITEM.match(lines[end]):
        end += 1
    return " ".join(line.strip() for line in lines[start:end])


def reader_text(markdown: str, labels: dict[str, str]) -> str:
    """Markdown as a reader reads it: ``[[ui:ID]]`` as its label, no list marks or emphasis."""
    text = UI_REF.sub(lambda m: labels.get(m["id"], m["id"]), markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*(\d+\.|[-*+])\s+", "", text)
    text = re.sub(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`", "", text)
    return " ".join(text.split())


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?।])\s+", text)


def guide_changes(repo: Path, contract: Contract, proposal: Proposal) -> list[SentenceChange]:
    """Each sentence of the guides (both editions) that mentions the element, before and after."""
    before_labels = {e.id: e.label for e in contract.elements.values()}
    after_labels = {**before_labels, proposal.element: proposal.label}
    found = []
    for folder in DOCS_DIRS:
        for path in sorted((repo / folder).rglob("*.md")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for index, line in enumerate(lines):
                if f"[[ui:{proposal.element}" not in line:
                    continue
                for sentence in _sentences(_paragraph(lines, index)):
                    if f"[[ui:{proposal.element}" in sentence:
                        found.append(SentenceChange(
                            f"{path.relative_to(repo).as_posix()}:{index + 1}",
                            reader_text(sentence, before_labels),
                            reader_text(sentence, after_labels),
                        ))
    unique: dict[tuple[str, str], SentenceChange] = {}
    for change in found:
        unique.setdefault((change.place.split(":")[0], change.before), change)
    return list(unique.values())


def _fence(*texts: str) -> str:
    longest = max((len(run) for text in texts for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def pr_title(proposal: Proposal) -> str:
    """The pull request's title (ids and labels only; the label is SAFE_LABEL text)."""
    return f"Contract: {proposal.element} label is now {proposal.label!r} on the live portal"


def pr_body(proposal: Proposal, changes: list[SentenceChange], issue: int | None) -> str:
    """The pull request's description: the evidence, and what readers will see change."""
    lines = [
        f"The nightly check found `{proposal.element}` showing a new label on "
        f"{proposal.nights} checked nights in a row (latest {proposal.day}). This pull request "
        "changes its `label` in `portal/contract.yml`, adds that observation as evidence "
        "(`live-capture`) and raises its `label_confidence` one step.",
        "",
        f"- Before: `{proposal.old_label}`",
        f"- After: `{proposal.label}`",
        f"- Drift issue: #{issue}" if issue else "- Drift issue: none open",
    ]
    if proposal.run_url:
        lines.append(f"- Latest run: {proposal.run_url}")
    lines += ["", "## What readers will see", ""]
    if not changes:
        lines.append("No guide sentence mentions this element.")
    for change in changes:
        fence = _fence(change.before, change.after)
        lines += [
            f"`{change.place}`", "", f"{fence}diff", f"- {change.before}", f"+ {change.after}",
            fence, "",
        ]
    lines += [
        "",
        "Before merging: open the page on the live portal and read the label yourself, check "
        "that each sentence above still reads well (the Hindi pages may explain the label in "
        "words that need changing too), and update the offline replica "
        "(`portal/replica/`) so the drift tests pass. Close this pull request if the change "
        "was temporary.",
    ]
    return "\n".join(lines) + "\n"


# Git and GitHub --------------------------------------------------------------------------


def commit_contract(repo: Path, base: str, text: str, message: str) -> str:
    """A commit on ``base`` whose only change is the contract file (no checkout needed)."""
    return gitrun.commit_files(repo, base, {CONTRACT_FILE: text}, message)


def drift_issue(element_id: str) -> int | None:
    """The open drift issue of the element, if any."""
    from scripts.nightly.issues import open_issues_on_github

    try:
        issues = open_issues_on_github()
    except ValueError as error:
        raise LabelError(str(error), 4) from None
    return next((issue.number for issue in issues if issue.key == element_id), None)


def pull_requests(repo: Path, branch: str) -> tuple[int | None, bool]:
    """The open pull request from ``branch``, and whether one was closed without merging.

    Returns:
        The open one's number (or None), and True when a person closed one unmerged (the
        nightly then does not ask again).
    """
    listing = json.loads(gitrun.gh(
        "pr", "list", "--head", branch, "--state", "all", "--json", "number,state", cwd=repo
    ).strip() or "[]")
    open_one = next((p["number"] for p in listing if p["state"] == "OPEN"), None)
    return open_one, any(p["state"] == "CLOSED" for p in listing)


def apply(proposal: Proposal, repo: Path, base: str) -> str:
    """Push the proposal's branch (rebuilt on the base) and open or update its pull request.

    Returns:
        What was done: ``opened``, ``updated``, ``unchanged``, or why nothing was proposed.

    Raises:
        LabelError: on a bad contract edit (2).
        gitrun.CommandError: git or gh failed (the command exits 4).
    """
    if proposal.branch == base:
        raise LabelError(f"refusing to push to the base branch {base!r}")
    number, declined = pull_requests(repo, proposal.branch)
    if number is None and declined:
        return (
            f"not proposed again: a person closed the pull request from {proposal.branch} "
            "(delete that branch to let the nightly propose a label again)"
        )
    base_commit = gitrun.git(repo, "rev-parse", "HEAD")
    before = gitrun.git(repo, "show", f"HEAD:{CONTRACT_FILE}") + "\n"
    after = edit_contract(before, proposal)
    check_edit(before, after, proposal)
    tip = gitrun.remote_tip(repo, "origin", proposal.branch)
    blob = gitrun.git(repo, "hash-object", "--stdin", stdin=after)
    same = (
        tip is not None
        and gitrun.git(repo, "rev-parse", f"{tip}:{CONTRACT_FILE}") == blob
        and gitrun.git(repo, "rev-parse", f"{tip}^") == base_commit
    )
    if not same:
        message = (
            f"Contract: {proposal.element} label {proposal.old_label!r} -> {proposal.label!r}\n\n"
            f"Seen by the nightly drift check on {proposal.nights} checked nights in a row "
            f"(latest {proposal.day})."
        )
        commit = commit_contract(repo, base_commit, after, message)
        gitrun.git(repo, "push", "--quiet", "--force", "origin",
                   f"{commit}:refs/heads/{proposal.branch}")
    old_contract = parse_contract(before, Path(CONTRACT_FILE))
    body = pr_body(proposal, guide_changes(repo, old_contract, proposal),
                   drift_issue(proposal.element))
    if number is None:
        gitrun.gh("pr", "create", "--base", base, "--head", proposal.branch,
                  "--title", pr_title(proposal), "--body", body, cwd=repo)
        return "pull request opened"
    gitrun.gh("pr", "edit", str(number), "--title", pr_title(proposal), "--body", body,
              cwd=repo)
    return f"pull request #{number} " + ("updated" if not same else "unchanged")


# Command line ----------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    """The command line."""
    top = argparse.ArgumentParser(
        prog="python -m scripts.nightly.labels", description=__doc__.split("\n\n")[0]
    )
    top.add_argument("command", choices=("plan", "apply"))
    top.add_argument("--history", type=Path, required=True, help="the verification history")
    top.add_argument("--repo", type=Path, default=ROOT, help="the git checkout of the base")
    top.add_argument("--base", default="main", help="the branch the pull requests go to")
    top.add_argument("--nights", type=int, default=NIGHTS,
                     help=f"checked nights in a row with the same new label ({NIGHTS})")
    return top


def main(argv: list[str] | None = None) -> int:
    """Plan or propose the label fixes the latest run calls for."""
    args = parser().parse_args(argv)
    try:
        runs = load_runs(args.history)
        contract = parse_contract(
            gitrun.git(args.repo, "show", f"HEAD:{CONTRACT_FILE}") + "\n",
            Path(CONTRACT_FILE),
        ) if args.command == "apply" else parse_contract(
            CONTRACT_PATH.read_text(encoding="utf-8"), Path(CONTRACT_FILE)
        )
        found = proposals(runs, contract, args.nights)
        for proposal in found:
            line = f"labels: {proposal.element}: {proposal.old_label!r} -> {proposal.label!r}"
            if args.command == "plan":
                print(f"{line} (would propose on {proposal.branch})")
                continue
            print(f"{line}: {apply(proposal, args.repo, args.base)}")
    except (HistoryError, ContractError) as error:
        print(f"labels: {error}", file=sys.stderr)
        return 2
    except gitrun.CommandError as error:
        print(f"labels: {error}", file=sys.stderr)
        return 4
    except LabelError as error:
        print(f"labels: {error}", file=sys.stderr)
        return error.status
    if not found:
        print("labels: nothing to propose")
    return 0


if __name__ == "__main__":
    sys.exit(main())
