"""Internal links and anchors in the built HTML all resolve.

Links: linkchecker over the served site. Anchors: each built page read once (tests/site/anchors.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.site.anchors import broken_anchors
from tests.sitebuild import BuildResult

LINKCHECKER_CONFIG = """\
[checking]
threads=4
maxrequestspersecond=100
[filtering]
checkextern=0
"""


def test_every_internal_link_resolves(site_url: str, tmp_path: Path):
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG)
    config.chmod(0o644)
    tmp_path.chmod(0o755)
    linkchecker = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    assert linkchecker, "linkchecker is not installed in this environment"
    result = subprocess.run(
        [linkchecker, "--config", str(config), "--no-status", site_url],
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "0 warnings found" in result.stdout, report
    assert "0 errors found" in result.stdout, report


def test_every_link_fragment_names_an_element_of_its_page(built_site: BuildResult):
    assert broken_anchors(built_site.site_dir) == []


def write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")


def test_fragment_missing_on_the_same_page_is_reported(tmp_path: Path):
    write(tmp_path / "index.html", '<h2 id="steps">Steps</h2><a href="#step">Steps</a>')
    assert broken_anchors(tmp_path) == ["index.html: #step"]


def test_fragment_missing_on_another_page_is_reported(tmp_path: Path):
    write(tmp_path / "index.html", '<a href="otp/#codes">OTP</a><a href="otp/#resend">again</a>')
    write(tmp_path / "otp" / "index.html", '<h2 id="resend">Resend</h2>')
    assert broken_anchors(tmp_path) == ["index.html: otp/#codes"]


def test_ids_and_named_anchors_both_count(tmp_path: Path):
    write(tmp_path / "index.html", '<a name="old"></a><p id="new"></p><a href="#old">a</a>'
          '<a href="index.html#new">b</a><a href="/#new">c</a>')
    assert broken_anchors(tmp_path) == []


def test_links_to_other_sites_and_missing_pages_are_left_to_linkchecker(tmp_path: Path):
    write(tmp_path / "index.html", '<a href="https://example.org/#x">a</a>'
          '<a href="gone/#x">b</a>')
    assert broken_anchors(tmp_path) == []
