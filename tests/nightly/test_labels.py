"""Label fixes proposed by the nightly: which labels, the contract edit, the pull request."""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.common import gitrun
from scripts.contract.mentions import scan_docs
from scripts.contract.model import CONTRACT_PATH, project_contract
from scripts.nightly import labels
from scripts.nightly.labels import Proposal, edit_contract, proposals, reader_text
from tests.support.gh import install_fake_gh

ROOT = Path(__file__).resolve().parents[2]
SUBMIT = "login.submit"


def night(day: int, verdict: str = "label drift", observed: str = "SIGN IN",
          element: str = SUBMIT, login_page: str = "ok") -> dict:
    contract = project_contract()
    elements = dict.fromkeys(contract.elements, "present")
    elements[element] = verdict
    return {
        "started": f"2026-12-{day:02d}T20:30:00+00:00",
        "finished": f"2026-12-{day:02d}T20:32:00+00:00",
        "where": "GitHub Actions",
        "run_url": f"https://github.com/o/r/actions/runs/{day}",
        "outcome": "drift",
        "pages": {**dict.fromkeys(contract.pages, "ok"), "login": login_page},
        "elements": elements,
        "observed": {element: observed} if verdict == "label drift" else {},
    }


def proposed(runs: list[dict]) -> list[tuple[str, str]]:
    return [(p.element, p.label) for p in proposals(runs, project_contract())]


def test_the_same_new_label_on_two_nights_is_proposed():
    assert proposed([night(1), night(2)]) == [(SUBMIT, "SIGN IN")]


def test_one_night_of_a_new_label_is_not_proposed():
    assert proposed([night(1, "present"), night(2)]) == []


def test_two_different_new_labels_are_not_proposed():
    assert proposed([night(1, observed="SIGN-IN"), night(2)]) == []


def test_a_missing_element_is_never_proposed():
    assert proposed([night(1, "missing"), night(2, "missing")]) == []


def test_an_element_of_a_changed_page_is_never_proposed():
    assert proposed([night(1, login_page="changed"), night(2, login_page="changed")]) == []


def test_a_night_the_element_was_not_checked_neither_counts_nor_breaks_the_run():
    assert proposed([night(1), night(2, "not checked"), night(3)]) == [(SUBMIT, "SIGN IN")]


@pytest.mark.parametrize(
    "label",
    [
        "SIGN <b>IN</b>", "ask @octocat", "see #12", "LOG[[ui:x]]", "go https://x.example",
        "WWW.x.in",
    ],
)
def test_a_label_that_is_not_plain_text_is_left_to_a_person(label: str):
    assert proposed([night(1, observed=label), night(2, observed=label)]) == []


def test_nights_needed_is_one_setting_defaulting_to_two():
    assert labels.NIGHTS == 2
    runs = [night(1), night(2)]
    assert [p.element for p in proposals(runs, project_contract(), nights=3)] == []


def proposal(label: str = "SIGN IN", day: str = "2026-12-03") -> Proposal:
    return Proposal(SUBMIT, "LOGIN", label, 2, day, "https://github.com/o/r/actions/runs/3")


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_the_contract_edit_changes_only_the_label_confidence_and_evidence():
    before = CONTRACT_PATH.read_text(encoding="utf-8")
    after = edit_contract(before, proposal())
    assert changed_lines(before, after) == [
        "-    label: LOGIN",
        "+    label: SIGN IN",
        "+      - source: nightly drift check of the live portal (the same label on 2 checked "
        "nights in a row)",
        "+        kind: live-capture",
        "+        date: 2026-12-03",
        "+        url: https://github.com/o/r/actions/runs/3",
    ]
    labels.check_edit(before, after, proposal())


def test_the_label_confidence_is_raised_one_step():
    before = CONTRACT_PATH.read_text(encoding="utf-8")
    assert project_contract().elements["home.login_signup"].label_confidence == "medium"
    raised = Proposal("home.login_signup", "Login / Sign Up", "Sign In", 2, "2026-12-03", None)
    after = edit_contract(before, raised)
    assert "-    label_confidence: medium" in changed_lines(before, after)
    assert labels.check_edit(before, after, raised).elements[
        "home.login_signup"
    ].label_confidence == "high"


def test_a_label_yaml_would_misread_is_quoted_and_reads_back_the_same():
    before = CONTRACT_PATH.read_text(encoding="utf-8")
    for label in ("Yes", "Log in: now", "100", "O'Neil"):
        after = edit_contract(before, proposal(label))
        assert labels.check_edit(before, after, proposal(label)).elements[SUBMIT].label == label


def test_an_edit_that_touches_anything_else_is_refused():
    before = CONTRACT_PATH.read_text(encoding="utf-8")
    after = edit_contract(before, proposal()).replace("label: Log Ticket", "label: Log Tickets")
    with pytest.raises(labels.LabelError, match="changed more than"):
        labels.check_edit(before, after, proposal())


def test_reader_text_shows_labels_without_markup():
    text = reader_text("4.  **Select [[ui:login.submit]].** See [help](x.md).", {SUBMIT: "GO"})
    assert text == "Select GO. See help."


# End to end: a bare remote, a checkout of main, the fake gh --------------------------------


class Repository:
    """A remote holding main (the project's contract and guides) and a checkout of it."""

    def __init__(self, folder: Path) -> None:
        self.remote = folder / "remote.git"
        self.work = folder / "work"
        self.state = folder / "gh.json"
        self.history = folder / "history.json"
        git = ["git", "-C", str(self.work)]
        subprocess.run(["git", "init", "--quiet", "--bare", str(self.remote)], check=True)
        subprocess.run(["git", "init", "--quiet", "-b", "main", str(self.work)], check=True)
        for part in ("portal/contract.yml", "docs", "docs-hi"):
            source = ROOT / part
            target = self.work / part
            if source.is_dir():
                for path in source.rglob("*.md"):
                    (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                    (target / path.relative_to(source)).write_bytes(path.read_bytes())
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
        env = {**os.environ, **gitrun.BOT}
        subprocess.run([*git, "add", "."], check=True)
        subprocess.run([*git, "commit", "--quiet", "-m", "main"], check=True, env=env)
        subprocess.run([*git, "remote", "add", "origin", str(self.remote)], check=True)
        subprocess.run([*git, "push", "--quiet", "origin", "main"], check=True)
        self.state, self.env = install_fake_gh(folder, {
            "labels": ["portal-drift"], "dispatches": [], "calls": [],
            "issues": [{"number": 12, "title": "Portal drift: login.submit (label drift)",
                        "body": "<!-- drift-key: login.submit -->", "labels": ["portal-drift"],
                        "state": "open", "comments": []}],
        })

    def propose(self, runs: list[dict]) -> subprocess.CompletedProcess:
        self.history.write_text(json.dumps(
            {"schema": "icegate-verification-history/1", "runs": runs}
        ))
        return subprocess.run(
            [sys.executable, "-m", "scripts.nightly.labels", "apply", "--history",
             str(self.history), "--repo", str(self.work), "--base", "main"],
            cwd=ROOT, env=self.env, capture_output=True, text=True, check=False, timeout=120,
        )

    def pulls(self) -> list[dict]:
        return json.loads(self.state.read_text()).get("pulls", [])

    def diff(self, branch: str) -> list[str]:
        shown = subprocess.run(
            ["git", "--git-dir", str(self.remote), "diff", "main", branch],
            capture_output=True, text=True, check=True,
        ).stdout
        return [line for line in shown.splitlines()
                if line[:1] in "+-" and not line.startswith(("+++", "---"))]

    def heads(self) -> dict[str, str]:
        shown = subprocess.run(
            ["git", "--git-dir", str(self.remote), "for-each-ref", "--format=%(refname:short) "
             "%(objectname)", "refs/heads"], capture_output=True, text=True, check=True,
        ).stdout
        return dict(line.split() for line in shown.splitlines())


def test_two_nights_open_one_pull_request_changing_only_that_label(tmp_path: Path):
    repo = Repository(tmp_path)
    main_before = repo.heads()["main"]
    done = repo.propose([night(1), night(2)])
    assert done.returncode == 0, done.stdout + done.stderr
    [pull] = repo.pulls()
    assert (pull["base"], pull["head"]) == ("main", "nightly-label/login.submit")
    assert repo.diff("nightly-label/login.submit") == [
        "-    label: LOGIN", "+    label: SIGN IN",
        "+      - source: nightly drift check of the live portal (the same label on 2 checked "
        "nights in a row)",
        "+        kind: live-capture", "+        date: 2026-12-03",
        "+        url: https://github.com/o/r/actions/runs/2",
    ]
    assert repo.heads()["main"] == main_before, "never pushes to main"


def test_the_pull_request_shows_each_changed_sentence_and_links_the_drift_issue(tmp_path):
    repo = Repository(tmp_path)
    repo.propose([night(1), night(2)])
    body = repo.pulls()[0]["body"]
    assert "- Drift issue: #12" in body
    for docs in ("docs", "docs-hi"):
        for mention in scan_docs(ROOT / docs)["login.submit"]:
            assert f"`{docs}/{mention.file}:{mention.line}`" in body
    assert "- Select LOGIN.\n+ Select SIGN IN." in body


def test_a_third_night_updates_the_same_pull_request(tmp_path: Path):
    repo = Repository(tmp_path)
    repo.propose([night(1), night(2)])
    first = repo.heads()["nightly-label/login.submit"]
    done = repo.propose([night(1), night(2), night(3)])
    assert done.returncode == 0, done.stdout + done.stderr
    [pull] = repo.pulls()
    assert pull["edits"] == 1
    assert repo.heads()["nightly-label/login.submit"] != first
    assert "+        date: 2026-12-04" in repo.diff("nightly-label/login.submit")


def test_the_same_night_twice_pushes_nothing_new(tmp_path: Path):
    repo = Repository(tmp_path)
    repo.propose([night(1), night(2)])
    first = repo.heads()["nightly-label/login.submit"]
    repo.propose([night(1), night(2)])
    assert repo.heads()["nightly-label/login.submit"] == first
    assert len(repo.pulls()) == 1


def test_a_pull_request_a_person_closed_is_not_opened_again(tmp_path: Path):
    repo = Repository(tmp_path)
    repo.propose([night(1), night(2)])
    state = json.loads(repo.state.read_text())
    state["pulls"][0]["state"] = "closed"
    repo.state.write_text(json.dumps(state))
    done = repo.propose([night(1), night(2), night(3)])
    assert done.returncode == 0, done.stderr
    assert "a person closed the pull request" in done.stdout
    assert len(repo.pulls()) == 1


def test_an_edit_without_the_evidence_entry_is_refused():
    before = CONTRACT_PATH.read_text(encoding="utf-8")
    after = before.replace("    label: LOGIN\n", "    label: SIGN IN\n", 1)
    with pytest.raises(labels.LabelError, match="changed more than"):
        labels.check_edit(before, after, proposal())
