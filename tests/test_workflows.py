"""The GitHub workflows: actionlint and zizmor clean, pinned, least privilege, Pages gated."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$")
SHA = re.compile(r"^[0-9a-f]{40}$")

# Tags checked against the action repositories (maintaining/nightly-runbook.md, "Publishing").
VERIFIED = {
    ("actions/checkout", "v6.1.0"): "d23441a48e516b6c34aea4fa41551a30e30af803",
    ("actions/checkout", "v7.0.1"): "3d3c42e5aac5ba805825da76410c181273ba90b1",
    ("actions/setup-python", "v6.3.0"): "ece7cb06caefa5fff74198d8649806c4678c61a1",
    ("actions/setup-python", "v7.0.0"): "5fda3b95a4ea91299a34e894583c3862153e4b97",
    ("actions/upload-artifact", "v6.0.0"): "b7c566a772e6b6bfb58ed0dc250532a479d7789f",
    ("actions/upload-artifact", "v7.0.0"): "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f",
    ("actions/configure-pages", "v5.0.0"): "983d7736d9b0ae728b81ab479565c72886d7745b",
    ("actions/upload-pages-artifact", "v4.0.0"): "7b1f4a764d45c48632c6b24a0339c27f5614fb0b",
    ("actions/upload-pages-artifact", "v5.0.0"): "fc324d3547104276b827a68afc52ff2a11cc49c9",
    ("actions/deploy-pages", "v5.0.0"): "cd2ce8fcbc39b97be8ca5fce6e763baed58fa128",
}


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is not installed in this environment (make test installs it)"
    return found


def workflow(name: str) -> dict:
    # PyYAML reads the key "on" as True; give it back its name.
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def external_uses() -> list[tuple[str, int, str, str | None]]:
    found = []
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = USES.match(line)
            if match and not match["ref"].startswith("./"):
                found.append((path.name, number, match["ref"], match["comment"]))
    return found


def test_workflows_pass_actionlint():
    assert WORKFLOWS
    result = subprocess.run(
        [tool("actionlint"), "-no-color", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_and_dependabot_have_no_zizmor_findings():
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--format", "json", str(GITHUB)],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout or "null")
    summary = [(f["ident"], f["locations"][0]["symbolic"]["key"]) for f in findings or []]
    assert result.returncode == 0 and findings == [], summary or result.stderr


def test_every_action_is_pinned_by_full_sha_with_its_version_in_a_comment():
    uses = external_uses()
    assert uses
    for file, line, ref, comment in uses:
        action, _, pin = ref.partition("@")
        assert SHA.match(pin), f"{file}:{line}: {ref} is not pinned by a full commit SHA"
        assert comment and re.match(r"v\d+(\.\d+)*", comment), (
            f"{file}:{line}: say which version the SHA is, e.g. '# v6.1.0'"
        )


def test_pinned_shas_match_the_verified_tags_they_name():
    for file, line, ref, comment in external_uses():
        action, _, pin = ref.partition("@")
        tag = (comment or "").split()[0]
        expected = VERIFIED.get((action, tag))
        if expected:
            assert pin == expected, f"{file}:{line}: {action} {tag} is {expected}, not {pin}"


def test_no_workflow_grants_permissions_to_every_job():
    for path in WORKFLOWS:
        assert workflow(path.name).get("permissions") == {}, f"{path.name}: use per-job scopes"


def test_the_job_that_runs_chromium_on_the_live_portal_can_only_read():
    check = workflow("nightly-drift.yml")["jobs"]["check"]
    assert check["permissions"] == {"contents": "read"}
    checkouts = [s for s in check["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts)


def test_only_the_publish_photos_and_labels_jobs_write():
    jobs = workflow("nightly-drift.yml")["jobs"]
    writers = {name for name, job in jobs.items() if "write" in job["permissions"].values()}
    assert writers == {"publish", "photos", "labels"}


def test_labels_job_may_only_open_pull_requests_after_the_history_is_pushed_on_main():
    labels = workflow("nightly-drift.yml")["jobs"]["labels"]
    assert labels["needs"] == "publish"
    assert labels["if"] == "github.ref == 'refs/heads/main'"
    assert labels["permissions"] == {
        "contents": "write", "pull-requests": "write", "issues": "read"
    }
    token_steps = [s for s in labels["steps"] if "GH_TOKEN" in s.get("env", {})]
    assert [s["name"] for s in token_steps] == [
        "Open or update pull requests for labels that changed"
    ]
    assert "scripts.nightly.labels apply" in token_steps[0]["run"]
    assert "--base main" in token_steps[0]["run"]


def test_photos_job_may_only_open_pull_requests_and_only_for_runs_on_main():
    photos = workflow("nightly-drift.yml")["jobs"]["photos"]
    assert photos["needs"] == "check"
    assert photos["if"] == "github.ref == 'refs/heads/main'"
    assert photos["permissions"] == {"contents": "write", "pull-requests": "write"}
    token_steps = [s for s in photos["steps"] if "GH_TOKEN" in s.get("env", {})]
    assert [s["name"] for s in token_steps] == ["Open a pull request for photographs that changed"]
    assert "scripts.nightly.photos apply" in token_steps[0]["run"]


def test_the_publish_job_writes_only_for_runs_on_main():
    publish = workflow("nightly-drift.yml")["jobs"]["publish"]
    assert publish["needs"] == "check"
    assert publish["if"] == "github.ref == 'refs/heads/main'"
    assert publish["permissions"] == {"contents": "write", "issues": "write", "actions": "write"}
    assert not any("pip" in str(step.get("run", "")) for step in publish["steps"])


def test_nightly_runner_is_a_repository_variable_defaulting_to_github_hosted():
    check = workflow("nightly-drift.yml")["jobs"]["check"]
    assert check["runs-on"] == "${{ vars.DRIFT_RUNNER || 'ubuntu-24.04' }}"


def test_pages_are_published_from_main_only_after_the_checks_pass():
    pages_job = workflow("checks.yml")["jobs"]["pages"]
    assert pages_job["needs"] == "test"
    assert "refs/heads/main" in pages_job["if"]
    assert pages_job["uses"] == "./.github/workflows/pages.yml"
    gate = workflow("pages.yml")["jobs"]["gate"]
    scripts = " ".join(step.get("run", "") for step in gate["steps"])
    assert "refs/heads/main" in str(gate["steps"][0]["if"])
    assert "gh run list --workflow checks.yml" in scripts
    assert workflow("pages.yml")["jobs"]["build"]["needs"] == "gate"


@pytest.mark.parametrize("ecosystem", ["github-actions", "pip"])
def test_dependabot_watches(ecosystem: str):
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert ecosystem in {update["package-ecosystem"] for update in config["updates"]}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_has_its_trust_boundary_in_the_workflow_header(path: Path):
    text = path.read_text(encoding="utf-8")
    header = text.split("\njobs:", 1)[0]
    assert "# Trust boundary" in header, f"{path.name}: no trust-boundary comment before jobs:"
    data = yaml.safe_load(text)
    for job in data["jobs"]:
        assert re.search(rf"^# - (?:[\w-]+, )*{re.escape(job)}\b", header, re.M), (
            f"{path.name}: job {job!r} is not named in the trust-boundary comment"
        )
