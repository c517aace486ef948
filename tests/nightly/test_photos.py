"""Photographs from the nightly: the write gate, the perceptual threshold, the pull request.

Images are drawn with Pillow (a login form, a notice bar with a clock); the end-to-end tests
run the real drift command against the replica and against a local server standing in for the
live portal, then the photo step with tests/support/fake_gh.py as ``gh`` on PATH and a bare
git repository as the remote.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from scripts.common.localserver import serve_directory
from scripts.common.paths import PORTAL, ROOT
from scripts.contract.model import project_contract
from scripts.nightly import photos
from tests.support.gh import install_fake_gh

LIVE_LOGIN = "https://foservices.icegate.gov.in/#/login"


def screen(clock: str = "10:41", form: bool = True, noise: int = 0) -> Image.Image:
    """A phone-width login page: a notice bar with a clock, a form (or a maintenance box)."""
    image = Image.new("RGB", (360, 740), "#f3f4f8")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 360, 36], fill="#ffe9a8")
    draw.text((12, 10), f"Notice, updated {clock}", fill="black")
    draw.rectangle([0, 76, 360, 404], fill="white")
    draw.text((24, 120), "Login", fill="black")
    if form:
        draw.rectangle([24, 200, 336, 232], outline="#888888")
        draw.rectangle([24, 264, 336, 296], outline="#888888")
        draw.rectangle([24, 344, 336, 378], fill="#0d2e6b")
    else:
        draw.rectangle([24, 200, 336, 300], fill="#c62828")
    if noise:
        rnd, pixels = random.Random(7), image.load()
        for _ in range(4000):
            x, y = rnd.randrange(360), rnd.randrange(740)
            value = max(0, min(255, pixels[x, y][0] + rnd.randint(-noise, noise)))
            pixels[x, y] = (value, value, value)
    return image


def report_with(folder: Path, image: Image.Image, mode: str = "live", url: str = LIVE_LOGIN,
                page: str = "login") -> Path:
    """A drift report folder holding one phone capture."""
    (folder / "screens").mkdir(parents=True, exist_ok=True)
    image.save(folder / "screens" / f"phone-{page}.png")
    report = {
        "schema": "icegate-drift-report/1",
        "started": "2026-11-27T20:30:00+00:00",
        "target": {"mode": mode, "base_urls": {}},
        "pages": [{"page": page, "url": url, "final_url": url, "verdict": "ok",
                   "phone_screenshot": f"phone-{page}.png",
                   "phone_captured": "2026-11-27T20:31:05+00:00"}],
    }
    (folder / "report.json").write_text(json.dumps(report))
    return folder


def published(docs: Path, image: Image.Image) -> None:
    """Publish ``image`` as the login page's reviewed photograph."""
    folder = docs / "assets" / "photos"
    folder.mkdir(parents=True)
    image.save(folder / "login.webp", "WEBP")
    meta = {"page": "login", "captured": "2026-11-01T20:31:00+00:00", "source_url": LIVE_LOGIN,
            "width": 360, "height": 740, "file": "login.webp"}
    (folder / "login.json").write_text(json.dumps(meta))


def plan_for(tmp_path: Path, capture: Image.Image, reviewed: Image.Image | None = None):
    docs = tmp_path / "docs"
    if reviewed is not None:
        published(docs, reviewed)
    report = report_with(tmp_path / "report", capture)
    return photos.plan(report, docs, project_contract())


# The write gate ----------------------------------------------------------------------------


def test_report_of_the_replica_is_refused_with_exit_3(tmp_path: Path, capsys):
    report = report_with(tmp_path / "report", screen(), mode="replica")
    assert photos.main(["plan", "--report", str(report), "--repo", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert "offline replica" in err and err.count("\n") == 1


def test_capture_from_a_host_that_is_not_the_live_portal_is_refused(tmp_path: Path):
    report = report_with(tmp_path / "report", screen(), url="http://127.0.0.1:8080/#/login")
    with pytest.raises(photos.Refused, match="not from the live portal"):
        photos.plan(report, tmp_path / "docs", project_contract())


def test_capture_of_a_page_outside_the_public_allow_list_is_refused(tmp_path: Path):
    report = report_with(tmp_path / "report", screen(), page="otp")
    with pytest.raises(photos.Refused, match="not one of the public pages"):
        photos.plan(report, tmp_path / "docs", project_contract())


def test_missing_report_is_a_one_line_error_with_exit_2(tmp_path: Path, capsys):
    assert photos.main(["plan", "--report", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


# The perceptual threshold ------------------------------------------------------------------


def test_clock_and_rendering_noise_leave_the_photograph_unchanged(tmp_path: Path):
    [step] = plan_for(tmp_path, screen(clock="23:59", noise=12), reviewed=screen())
    assert step.action == "unchanged"
    assert step.distance <= photos.THRESHOLD


def test_a_changed_form_is_beyond_the_threshold(tmp_path: Path):
    [step] = plan_for(tmp_path, screen(form=False), reviewed=screen())
    assert step.action == "update"
    assert step.distance > photos.THRESHOLD


def test_a_page_without_a_published_photograph_is_new(tmp_path: Path):
    [step] = plan_for(tmp_path, screen())
    assert step.action == "new"


def test_even_a_very_busy_capture_is_compressed_to_at_most_60_kb(tmp_path: Path):
    noisy = Image.effect_noise((360, 740), 60).convert("RGB")
    noisy.save(tmp_path / "capture.png")
    data, width, height = photos.compress(tmp_path / "capture.png")
    assert len(data) <= 60 * 1024
    assert width / height == pytest.approx(360 / 740, rel=0.01)


# Pull requests through git and the fake gh -------------------------------------------------


@pytest.fixture
def checkout(tmp_path: Path):
    """A clone of a bare remote with one commit on main, and the fake gh on PATH."""
    remote, work = tmp_path / "remote.git", tmp_path / "work"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "main", str(remote)], check=True)
    subprocess.run(["git", "init", "--quiet", "-b", "main", str(work)], check=True)
    (work / "docs").mkdir()
    (work / "docs" / "index.md").write_text("# Home\n")
    subprocess.run([*git, "-C", str(work), "add", "."], check=True)
    subprocess.run([*git, "-C", str(work), "commit", "--quiet", "-m", "start"], check=True)
    subprocess.run(["git", "-C", str(work), "remote", "add", "origin", str(remote)], check=True)
    subprocess.run(["git", "-C", str(work), "push", "--quiet", "origin", "main"], check=True)
    state, env = install_fake_gh(tmp_path)
    return {"work": work, "remote": remote, "state": state, "env": env}


def photo_step(checkout: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.nightly.photos", *args, "--repo", str(checkout["work"])],
        cwd=ROOT, env=checkout["env"], capture_output=True, text=True, check=False, timeout=120,
    )


def remote_branches(remote: Path) -> list[str]:
    shown = subprocess.run(["git", "--git-dir", str(remote), "branch", "--format=%(refname:short)"],
                           capture_output=True, text=True, check=True)
    return shown.stdout.split()


def test_tiny_noise_opens_no_pull_request(tmp_path: Path, checkout: dict):
    published(checkout["work"] / "docs", screen())
    report = report_with(tmp_path / "report", screen(clock="23:59", noise=12))
    done = photo_step(checkout, "apply", "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "no pull request" in done.stdout
    assert json.loads(checkout["state"].read_text()).get("pulls", []) == []


def test_real_change_opens_a_pull_request_and_never_pushes_main(tmp_path: Path, checkout: dict):
    published(checkout["work"] / "docs", screen())
    main_before = subprocess.run(["git", "--git-dir", str(checkout["remote"]), "rev-parse",
                                  "main"], capture_output=True, text=True).stdout
    report = report_with(tmp_path / "report", screen(form=False))
    done = photo_step(checkout, "apply", "--report", str(report))
    assert done.returncode == 0, done.stderr
    [pull] = json.loads(checkout["state"].read_text())["pulls"]
    assert pull["base"] == "main" and pull["head"] == "nightly-photos/2026-11-28"
    assert "nightly-photos/2026-11-28" in remote_branches(checkout["remote"])
    main_after = subprocess.run(["git", "--git-dir", str(checkout["remote"]), "rev-parse",
                                 "main"], capture_output=True, text=True).stdout
    assert main_after == main_before


# End to end: the drift command, then the photo step ----------------------------------------


def drift(report: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scripts.drift", f"--drift-report={report}", "-q", *args],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.mark.browser
def test_replica_run_saves_phone_captures_and_publishing_them_is_refused(
    tmp_path: Path, checkout: dict
):
    report = tmp_path / "drift"
    drift(report)
    assert (report / "screens" / "phone-login.png").is_file()
    assert not (report / "screens" / "phone-otp.png").exists()
    done = photo_step(checkout, "apply", "--report", str(report))
    assert done.returncode == 3
    assert "offline replica" in done.stderr
    assert json.loads(checkout["state"].read_text()).get("pulls", []) == []
    assert remote_branches(checkout["remote"]) == ["main"]


@pytest.mark.browser
def test_run_against_a_stand_in_for_the_live_portal_plans_a_pull_request(
    tmp_path: Path, checkout: dict
):
    portal = tmp_path / "portal"
    shutil.copytree(PORTAL / "replica", portal)
    with serve_directory(portal) as url:
        report = tmp_path / "drift"
        drift(report, f"--portal-url={url}")
    # The contract the photo step trusts names the stand-in's host as the live portal's.
    host = url.removeprefix("http://")
    contract = tmp_path / "contract.yml"
    text = (PORTAL / "contract.yml").read_text(encoding="utf-8")
    for live in ("https://www.icegate.gov.in/", "https://foservices.icegate.gov.in/"):
        text = text.replace(f"live_url: {live}", f"live_url: https://{host}")
    contract.write_text(text)
    done = photo_step(checkout, "apply", "--report", str(report), "--contract", str(contract))
    assert done.returncode == 0, done.stderr
    [pull] = json.loads(checkout["state"].read_text())["pulls"]
    assert pull["base"] == "main" and pull["head"].startswith("nightly-photos/")
    shown = subprocess.run(
        ["git", "--git-dir", str(checkout["remote"]), "show",
         f"{pull['head']}:docs/assets/photos/login.json"],
        capture_output=True, text=True, check=True,
    )
    meta = json.loads(shown.stdout)
    assert meta["page"] == "login" and meta["source_url"].startswith(url)
    image = subprocess.run(
        ["git", "--git-dir", str(checkout["remote"]), "cat-file", "-s",
         f"{pull['head']}:docs/assets/photos/login.webp"],
        capture_output=True, text=True, check=True,
    )
    assert int(image.stdout) <= 60 * 1024
