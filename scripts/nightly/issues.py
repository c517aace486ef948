"""Turn the verification history into GitHub issue actions, without false alarms.

Rules:

- An element whose last ``open_after`` *checked* runs all drifted gets one open issue
  (opened once, then updated with a comment on each further drifting run).
- ``close_after`` checked runs in a row without drift close it with a comment.
- Runs where the element was not checked (portal unreachable, blocked, under maintenance)
  neither count towards drift nor towards recovery.
- ``outage_after`` unreachable runs in a row open a single outage issue; the first run
  that reaches the portal again closes it.
- ``unchecked_after`` runs in a row in which one page could not be checked (while the portal
  as a whole answered) open an issue for that page; the first night it is checked closes it.
- A page that ``changed`` (it shows real content, but not the form the contract describes) is
  page drift: ``open_after`` such nights open one issue for the page (a person decides what
  changed); the first night it is checked as expected closes it. Its elements get no issues
  of their own while it is changed (the page's issue speaks for them).
- Portal text (an observed label) is quoted in a code span, and guide places are code too,
  so nothing the portal shows can @mention anyone or link an issue.
- An open issue whose element or page is no longer in the latest run (removed or renamed in
  the contract) is closed.

``plan()`` is pure: it takes the runs and the open issues and returns actions. ``python -m
scripts.nightly.issues`` prints the plan, reading the real open issues, and unless ``--dry-run``
carries it out with the GitHub CLI (creating the ``portal-drift`` label on a fresh
repository). Standard library only: the nightly publish job runs it without installing
anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.common.gitrun import CommandError, gh
from scripts.common.paths import ROOT
from scripts.drift.report import code_span
from scripts.nightly.handover import CONTRACT, HandoverError, contract_ids
from scripts.nightly.record import portal_text
from scripts.verification.history import HISTORY_PATH, PAGE_CHANGED, HistoryError, load_runs
from scripts.verification.verdicts import DRIFT_TEXTS, ElementVerdict, Outcome, PageVerdict

LABEL = "portal-drift"
LABEL_COLOUR = "c62828"
LABEL_DESCRIPTION = "The nightly check found the portal different from the guides"
OUTAGE_KEY = "portal-outage"
PAGE_PREFIX = "page:"
UNREACHABLE = Outcome.UNREACHABLE.value
NOT_CHECKED = ElementVerdict.NOT_CHECKED.value
#: Page verdicts that mean the page was checked, or never can be live.
PAGE_FINE = frozenset({PageVerdict.OK.value, PageVerdict.NOT_CHECKABLE.value})
#: More open drift issues than this and the listing may be cut short: refuse to guess.
LIST_LIMIT = 1000


@dataclass(frozen=True)
class Rules:
    """How many runs it takes to open and to close issues."""

    open_after: int = 2
    close_after: int = 2
    outage_after: int = 3
    unchecked_after: int = 3


@dataclass(frozen=True)
class OpenIssue:
    """An open drift issue, found by the marker in its body."""

    number: int
    key: str


@dataclass(frozen=True)
class Action:
    """One thing to do on GitHub."""

    kind: str  # "open", "comment" or "close"
    key: str  # element id, or OUTAGE_KEY
    title: str
    body: str
    number: int | None = None

    def describe(self) -> str:
        """One line for the dry-run output."""
        target = f"#{self.number}" if self.number else "new issue"
        return f"{self.kind:<7} {target:<10} {self.key}: {self.title}"


def marker(key: str) -> str:
    """The hidden marker that ties an issue to an element or to the outage."""
    return f"<!-- drift-key: {key} -->"


def checked(runs: list[dict[str, Any]], element_id: str) -> list[tuple[dict[str, Any], str]]:
    """(run, verdict) for the runs in which the element was actually checked."""
    pairs = []
    for run in runs:
        verdict = run["elements"].get(element_id)
        if verdict is not None and verdict != NOT_CHECKED:
            pairs.append((run, verdict))
    return pairs


def streak(pairs: list[tuple[dict[str, Any], str]], drifting: bool) -> int:
    """How many of the latest checked runs in a row drifted (or did not)."""
    count = 0
    for _, verdict in reversed(pairs):
        if (verdict in DRIFT_TEXTS) != drifting:
            break
        count += 1
    return count


def drift_body(
    element_id: str, run: dict[str, Any], verdict: str, mentions: dict[str, list[str]]
) -> str:
    """The text of a drift issue or comment."""
    observed = run.get("observed", {}).get(element_id)
    lines = [
        marker(element_id),
        f"The nightly check of {run['finished']} found **{element_id}**: {verdict}.",
    ]
    if observed is not None:
        lines.append(f"The portal now shows: {code_span(portal_text(observed))}")
    places = mentions.get(element_id, [])
    if places:
        lines.append("Guide lines that mention it:")
        lines.extend(f"- {code_span(place)}" for place in places)
    if run.get("run_url"):
        lines.append(f"Report, screenshots and traces: {run['run_url']}")
    return "\n".join(lines)


def plan_element(
    element_id: str,
    runs: list[dict[str, Any]],
    issue: OpenIssue | None,
    rules: Rules,
    mentions: dict[str, list[str]],
) -> list[Action]:
    """Actions for one element."""
    pairs = checked(runs, element_id)
    if not pairs or runs[-1]["elements"].get(element_id, NOT_CHECKED) == NOT_CHECKED:
        return []
    run, verdict = pairs[-1]
    title = f"Portal drift: {element_id} ({verdict})"
    if verdict in DRIFT_TEXTS:
        body = drift_body(element_id, run, verdict, mentions)
        if issue:
            return [Action("comment", element_id, title, body, issue.number)]
        if streak(pairs, drifting=True) >= rules.open_after:
            return [Action("open", element_id, title, body)]
        return []
    if issue and streak(pairs, drifting=False) >= rules.close_after:
        body = (
            f"{marker(element_id)}\nPresent as documented on {rules.close_after} "
            "nights in a row; closing."
        )
        return [Action("close", element_id, f"{element_id} is back", body, issue.number)]
    return []


def plan_outage(runs: list[dict[str, Any]], issue: OpenIssue | None, rules: Rules) -> list[Action]:
    """Actions for a long outage of the portal."""
    count = 0
    for run in reversed(runs):
        if run["outcome"] != UNREACHABLE:
            break
        count += 1
    if count == 0:
        if issue:
            again = runs[-1]["finished"]
            body = f"{marker(OUTAGE_KEY)}\nThe portal was reachable again on {again}."
            return [Action("close", OUTAGE_KEY, "Portal reachable again", body, issue.number)]
        return []
    title = f"Portal unreachable for {count} nightly checks"
    body = (
        f"{marker(OUTAGE_KEY)}\nThe nightly check could not reach the portal on {count} runs in "
        f"a row (latest {runs[-1]['finished']}). This is not documentation drift."
    )
    if runs[-1].get("run_url"):
        body += f"\nLatest report: {runs[-1]['run_url']}"
    if issue:
        return [Action("comment", OUTAGE_KEY, title, body, issue.number)]
    if count >= rules.outage_after:
        return [Action("open", OUTAGE_KEY, title, body)]
    return []


def _latest_streak(runs: list[dict[str, Any]], page_id: str, changed: bool) -> int:
    """How many of the latest runs in a row the page ``changed`` (or could not be checked).

    For ``changed``, nights when the whole portal was unreachable neither count nor break it.
    """
    count = 0
    for run in reversed(runs):
        verdict = run["pages"].get(page_id, PageVerdict.OK.value)
        if changed and run["outcome"] == UNREACHABLE:
            continue
        if verdict in PAGE_FINE or (verdict == PAGE_CHANGED) != changed:
            break
        count += 1
    return count


def _page_drift(page_id: str, runs: list[dict[str, Any]]) -> tuple[str, str, int]:
    """Title, body and streak of a page that keeps showing something else than its form."""
    latest = runs[-1]
    count = _latest_streak(runs, page_id, changed=True)
    title = f"Portal drift: page {page_id} (changed)"
    body = (
        f"{marker(PAGE_PREFIX + page_id)}\nThe nightly check of {latest['finished']} found page "
        f"{page_id} changed ({count} runs in a row): it shows real content, but not the form "
        "the contract describes. A person decides what changed: the page's contract entry, "
        "its elements and the guides that mention them."
    )
    return title, body, count


def _page_unchecked(page_id: str, runs: list[dict[str, Any]]) -> tuple[str, str, int]:
    """Title, body and streak of a page the portal keeps us from checking."""
    latest = runs[-1]
    verdict = latest["pages"].get(page_id)
    count = _latest_streak(runs, page_id, changed=False)
    title = f"Page {page_id} not checked for {count} nightly checks"
    body = (
        f"{marker(PAGE_PREFIX + page_id)}\nThe nightly check could not check page {page_id} on "
        f"{count} runs in a row (latest: {verdict}, {latest['finished']}). Its elements count "
        "as neither drifted nor verified until it is checked again."
    )
    return title, body, count


def plan_page(
    page_id: str, runs: list[dict[str, Any]], issue: OpenIssue | None, rules: Rules
) -> list[Action]:
    """Actions for one page: changed (page drift), or kept from being checked by the portal."""
    key = f"{PAGE_PREFIX}{page_id}"
    latest = runs[-1]
    verdict = latest["pages"].get(page_id)
    if verdict in PAGE_FINE:
        if issue:
            body = f"{marker(key)}\nPage {page_id} was checked again on {latest['finished']}."
            return [Action("close", key, f"Page {page_id} checked again", body, issue.number)]
        return []
    if latest["outcome"] == UNREACHABLE:
        return []  # the outage issue speaks for every page
    if verdict == PAGE_CHANGED:
        title, body, count = _page_drift(page_id, runs)
        threshold = rules.open_after
    else:
        title, body, count = _page_unchecked(page_id, runs)
        threshold = rules.unchecked_after
    if latest.get("run_url"):
        body += f"\nLatest report: {latest['run_url']}"
    if issue:
        return [Action("comment", key, title, body, issue.number)]
    if count >= threshold:
        return [Action("open", key, title, body)]
    return []


def plan_gone(key: str, runs: list[dict[str, Any]], issue: OpenIssue) -> Action:
    """Close the issue of an element or page that left the contract."""
    what = "page" if key.startswith(PAGE_PREFIX) else "element"
    name = key.removeprefix(PAGE_PREFIX)
    body = (
        f"{marker(key)}\nThe {what} {name} is no longer in the contract (removed or renamed) "
        f"as of the nightly check of {runs[-1]['finished']}; closing."
    )
    return Action("close", key, f"{name} left the contract", body, issue.number)


def plan(
    runs: list[dict[str, Any]],
    open_issues: list[OpenIssue],
    rules: Rules = Rules(),  # frozen and read only, so one shared default is safe
    mentions: dict[str, list[str]] | None = None,
    element_pages: Mapping[str, str] | None = None,
) -> list[Action]:
    """Every action the newest run calls for.

    Args:
        runs: The history, oldest first (the last one is the run just finished).
        open_issues: The open drift and outage issues, by marker key.
        rules: The thresholds.
        mentions: element id → ``docs/PAGE.md:LINE`` places, for issue bodies.
        element_pages: element id → its page id; an element of a page that ``changed`` in
            the newest run gets no action (the page's issue speaks for it).

    Returns:
        The actions, elements first (in id order), then the outage.
    """
    if not runs:
        return []
    issues = {issue.key: issue for issue in open_issues}
    current_elements = set(runs[-1]["elements"])
    current_pages = set(runs[-1]["pages"])
    actions = []
    changed = {p for p, verdict in runs[-1]["pages"].items() if verdict == PAGE_CHANGED}
    for element_id in sorted(current_elements):
        if (element_pages or {}).get(element_id) in changed:
            continue
        actions += plan_element(element_id, runs, issues.get(element_id), rules, mentions or {})
    for page_id in sorted(current_pages):
        actions += plan_page(page_id, runs, issues.get(f"{PAGE_PREFIX}{page_id}"), rules)
    current = current_elements | {f"{PAGE_PREFIX}{p}" for p in current_pages} | {OUTAGE_KEY}
    for key in sorted(set(issues) - current):
        actions.append(plan_gone(key, runs, issues[key]))
    actions += plan_outage(runs, issues.get(OUTAGE_KEY), rules)
    return actions


# Carrying out a plan with the GitHub CLI ------------------------------------------------


def key_of(body: str) -> str | None:
    """The drift key in an issue body's marker, if any."""
    start = body.find("<!-- drift-key: ")
    if start == -1:
        return None
    return body[start + len("<!-- drift-key: ") :].split(" -->", 1)[0]


def open_issues_on_github() -> list[OpenIssue]:
    """Every open issue labelled ``portal-drift``, keyed by its marker.

    Raises:
        CommandError: when the listing fails, or may have been cut short by its limit.
    """
    listing = json.loads(
        gh(
            "issue", "list", "--label", LABEL, "--state", "open",
            "--json", "number,body", "--limit", str(LIST_LIMIT),
        )
    )
    if len(listing) >= LIST_LIMIT:
        raise CommandError(f"{LIST_LIMIT} or more open {LABEL} issues: the list may be incomplete")
    found = []
    for issue in listing:
        key = key_of(issue.get("body") or "")
        if key:
            found.append(OpenIssue(issue["number"], key))
    return found


def ensure_label() -> None:
    """Create the ``portal-drift`` label when the repository does not have it yet."""
    names = json.loads(gh("label", "list", "--json", "name", "--limit", str(LIST_LIMIT)))
    if LABEL not in {label["name"] for label in names}:
        gh("label", "create", LABEL, "--color", LABEL_COLOUR, "--description", LABEL_DESCRIPTION)


def carry_out(action: Action) -> None:
    """Do one action on GitHub."""
    if action.kind == "open":
        ensure_label()
        gh("issue", "create", "--label", LABEL, "--title", action.title, "--body", action.body)
    elif action.kind == "comment":
        gh("issue", "comment", str(action.number), "--body", action.body)
    elif action.kind == "close":
        gh("issue", "close", str(action.number), "--comment", action.body)


def main(argv: list[str] | None = None) -> int:
    """Plan (and unless --dry-run, carry out) the issue actions for the latest run."""
    parser = argparse.ArgumentParser(prog="drift_issues", description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    parser.add_argument("--history", type=Path, default=HISTORY_PATH)
    parser.add_argument("--open-after", type=int, default=Rules.open_after)
    parser.add_argument("--close-after", type=int, default=Rules.close_after)
    parser.add_argument("--outage-after", type=int, default=Rules.outage_after)
    parser.add_argument("--unchecked-after", type=int, default=Rules.unchecked_after)
    parser.add_argument("--issues", help="JSON file of open issues [{number, key}] (testing)")
    parser.add_argument("--contract", type=Path, default=CONTRACT,
                        help="the contract (which page each element is on)")
    args = parser.parse_args(argv)
    from scripts.contract.mentions import scan_docs

    mentions = {
        element: [str(m) for m in places]
        for element, places in scan_docs(ROOT / "docs").items()
    }
    rules = Rules(args.open_after, args.close_after, args.outage_after, args.unchecked_after)
    try:
        runs = load_runs(args.history)
        if args.issues:
            issues = [OpenIssue(**item) for item in json.loads(Path(args.issues).read_text())]
        else:
            issues = open_issues_on_github()  # read-only: a dry run plans against real issues
        actions = plan(runs, issues, rules, mentions, contract_ids(args.contract).element_pages)
        for action in actions:
            print(action.describe())
            if not args.dry_run:
                carry_out(action)
    except (HistoryError, HandoverError, CommandError, OSError, ValueError) as error:
        print(f"drift_issues: {error}", file=sys.stderr)
        return 1
    if not actions:
        print("nothing to do")
    return 0


if __name__ == "__main__":
    sys.exit(main())
