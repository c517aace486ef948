"""A hostile portal's nights and a poisoned hand-over, walked end to end.

Each night runs ``python -m scripts.nightly publish`` as the workflow does, against a bare git
remote in a temporary folder and the fake GitHub CLI (tests/support/fake_gh.py), with the
project's own contract. The hostile night's labels carry what a portal could show: markup,
@mentions, issue references, control characters, a lone surrogate, a bidi override.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

import feedparser
import pytest

from scripts.contract.mentions import scan_docs
from scripts.contract.model import project_contract
from scripts.site import feed
from scripts.verification.history import load_runs
from tests.support.gh import install_fake_gh

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/guide/"
DRIFTED = "login.submit"
HOSTILE = (
    "LOG IN <img src=x onerror=alert(1)> @octocat #1 GH-2 [x](javascript:alert(3)) "
    "`id` | \x00\x01\x0b\x1b\ufffe\uffff \ud800 \u202eNI GOL <!-- drift-key: login.password -->"
)
POISONED_ID = "login.submit -->\n\n@octocat please look #1\n\n<!--"


class Night:
    """One repository's nights: a bare remote, a work clone, the fake gh and its state."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.remote = folder / "remote.git"
        self.work = folder / "work"
        self.state = folder / "gh.json"
        self.history = folder / "history.json"
        subprocess.run(["git", "init", "--quiet", "--bare", str(self.remote)], check=True)
        subprocess.run(["git", "init", "--quiet", str(self.work)], check=True)
        subprocess.run(
            ["git", "-C", str(self.work), "remote", "add", "origin", str(self.remote)], check=True
        )
        self.state, self.env = install_fake_gh(folder)
        self.env["GITHUB_REPOSITORY"] = "o/r"

    def publish(self, condensed: dict, name: str) -> subprocess.CompletedProcess:
        """Hand the condensed run over through the environment, as the workflow does."""
        env = {**self.env, "RECORD": json.dumps(condensed)}
        return subprocess.run(
            [sys.executable, "-m", "scripts.nightly", "publish", "--record-env", "RECORD",
             "--repo", str(self.work), "--history-out", str(self.history)],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120,
        )

    def gh_state(self) -> dict:
        return json.loads(self.state.read_text())

    def pushed(self) -> list[dict]:
        shown = subprocess.run(
            ["git", "--git-dir", str(self.remote), "show", "portal-history:history.json"],
            capture_output=True, text=True, check=False,
        )
        return json.loads(shown.stdout)["runs"] if shown.returncode == 0 else []


def condensed_night(day: int, observed: str = HOSTILE) -> dict:
    """A live run of the whole contract in which DRIFTED shows ``observed``."""
    contract = project_contract()
    elements = {element_id: "present" for element_id in contract.elements}
    elements[DRIFTED] = "label drift"
    return {
        "mode": "live",
        "record": {
            "started": f"2026-12-{day:02d}T20:30:00+00:00",
            "finished": f"2026-12-{day:02d}T20:32:00+00:00",
            "where": "GitHub Actions, GitHub-hosted Linux runner",
            "run_url": f"https://github.com/o/r/actions/runs/{day}",
            "outcome": "drift",
            "pages": {page_id: "ok" for page_id in contract.pages},
            "elements": elements,
            "observed": {DRIFTED: observed},
        },
    }


def live_text(markdown: str) -> str:
    """What of an issue body GitHub would read as prose: code spans and comments removed."""
    without_comments = re.sub(r"<!--.*?-->", "", markdown, flags=re.DOTALL)
    return re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", without_comments, flags=re.DOTALL)


def test_live_text_helper_keeps_prose_and_drops_code_spans():
    assert live_text("a `@x` b ``c ` @y`` @z <!-- #1 -->") == "a  b  @z "


@pytest.fixture
def hostile(tmp_path: Path) -> Night:
    """Two hostile nights published: the second opens the drift issue."""
    night = Night(tmp_path)
    for day in (1, 2):
        done = night.publish(condensed_night(day), f"night-{day}")
        assert done.returncode == 0, done.stdout + done.stderr
    return night


def test_hostile_nights_are_recorded_and_pushed(hostile: Night):
    assert [run["finished"][:10] for run in hostile.pushed()] == ["2026-12-01", "2026-12-02"]
    assert len(hostile.gh_state()["dispatches"]) == 2


def test_hostile_label_is_stored_without_control_characters_or_surrogates(hostile: Night):
    label = hostile.pushed()[-1]["observed"][DRIFTED]
    assert label.startswith("LOG IN <img src=x")
    assert not re.search("[\x00-\x1f\ud800-\udfff\ufffe\uffff\u202e]", label)


def test_hostile_nights_give_a_well_formed_feed(hostile: Night):
    runs = load_runs(hostile.history)
    text = feed.render(runs, project_contract(), scan_docs(ROOT / "docs"), SITE)
    etree.fromstring(text.encode("utf-8"))
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    drifted = next(e for e in parsed.entries if e.tags[0].term == "drifted")
    assert "<img" not in drifted.content[0].value
    assert "&lt;img src=x onerror=alert(1)&gt;" in drifted.content[0].value


def test_hostile_label_reaches_the_issue_only_inside_a_code_span(hostile: Night):
    issue = hostile.gh_state()["issues"][0]
    assert issue["title"] == f"Portal drift: {DRIFTED} (label drift)"
    prose = live_text(issue["body"])
    assert "LOG IN" in issue["body"] and "LOG IN" not in prose
    assert not re.search(r"@\w|#\d|GH-\d|<img|javascript:", prose), prose


def test_hostile_label_does_not_take_over_the_issue_key(hostile: Night):
    third = hostile.publish(condensed_night(3), "night-3")
    assert third.returncode == 0, third.stderr
    state = hostile.gh_state()
    assert len(state["issues"]) == 1
    assert state["issues"][0]["state"] == "open"
    assert len(state["issues"][0]["comments"]) == 1


def poisoned(field: str, value: object) -> dict:
    condensed = condensed_night(1, "SIGN IN")
    condensed["record"][field] = value
    return condensed


def with_poisoned_id() -> dict:
    condensed = condensed_night(1, "SIGN IN")
    elements = condensed["record"]["elements"]
    elements[POISONED_ID] = elements.pop(DRIFTED)
    condensed["record"]["observed"] = {}
    return condensed


def without_an_element() -> dict:
    condensed = condensed_night(1, "SIGN IN")
    del condensed["record"]["elements"]["login.password"]
    return condensed


POISONED = {
    "element id with a comment end and mentions": (with_poisoned_id(), "not in the contract"),
    "where with HTML": (poisoned("where", "<img src=x onerror=alert(1)>"), "where"),
    "run_url javascript:": (poisoned("run_url", "javascript:alert(document.domain)"), "run_url"),
    "run_url of another repository": (
        poisoned("run_url", "https://github.com/evil/r/actions/runs/1"), "not of this repository"
    ),
    "element left out (would close its issue)": (without_an_element(), "are missing"),
    "unknown verdict": (poisoned("outcome", "all fine @octocat"), "outcome"),
    "finished not a time": (poisoned("finished", "yesterday"), "finished"),
}


@pytest.mark.parametrize("case", POISONED, ids=list(POISONED))
def test_poisoned_hand_over_is_refused_and_touches_nothing(tmp_path: Path, case: str):
    condensed, why = POISONED[case]
    night = Night(tmp_path)
    night.state.write_text(json.dumps({
        "labels": ["portal-drift"], "dispatches": [], "calls": [],
        "issues": [{"number": 7, "title": "Portal drift: login.password (missing)",
                    "body": "<!-- drift-key: login.password -->", "labels": ["portal-drift"],
                    "state": "open", "comments": []}],
    }))
    done = night.publish(condensed, "poisoned")
    assert done.returncode == 1
    message = done.stderr.strip().splitlines()
    assert len(message) == 1 and message[0].startswith("nightly: refusing the hand-over")
    assert why in message[0]
    assert "Traceback" not in done.stderr
    state = night.gh_state()
    assert state["calls"] == [], "no gh call at all: no issue read, opened or closed"
    assert state["issues"][0]["state"] == "open"
    assert night.pushed() == []
