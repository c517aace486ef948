"""Strict builds of a copy of the project: a published photograph, and a feed from a history."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from PIL import Image

from scripts.verification.history import SCHEMA
from tests.sitebuild import ENGLISH_ONLY, build_copy


def test_published_photograph_is_shown_instead_of_the_sketch(tmp_path: Path):
    def publish(copy: Path) -> None:
        folder = copy / "docs" / "assets" / "photos"
        folder.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (360, 740), "white").save(folder / "login.webp", "WEBP")
        meta = {"page": "login", "captured": "2026-11-27T20:31:05+00:00",
                "source_url": "https://foservices.icegate.gov.in/#/login",
                "width": 360, "height": 740, "file": "login.webp"}
        (folder / "login.json").write_text(json.dumps(meta))

    result, _ = build_copy(tmp_path, publish, ENGLISH_ONLY)
    assert result.returncode == 0, result.output
    page = result.site_dir / "log-in" / "steps"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert 'data-screen="login"' in html and "screen-photo" in html
    assert '<figure class="screen-sketch" data-screen="login">' not in html
    assert (page / "../../assets/photos/login.webp").resolve().is_file()
    assert 'src="../../assets/photos/login.webp"' in html


def test_built_feed_has_an_entry_for_a_drift_in_the_history(tmp_path: Path):
    runs = [
        {"finished": f"2026-11-{day}T20:32:00+00:00", "outcome": outcome, "pages": {"login": "ok"},
         "elements": {"login.submit": verdict}}
        for day, outcome, verdict in (("20", "no drift", "present"), ("21", "drift", "missing"))
    ]

    def write_history(copy: Path) -> None:
        target = copy / "portal" / "verification" / "history.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"schema": SCHEMA, "runs": runs}))

    result, _ = build_copy(tmp_path, write_history, ENGLISH_ONLY)
    assert result.returncode == 0, result.output
    document = feedparser.parse((result.site_dir / "feed.xml").read_bytes())
    [entry] = document.entries
    assert entry.id == "tag:icegate-guide.github.io,2026-11-22:drifted/login.submit"
    status = json.loads((result.site_dir / "status.json").read_text(encoding="utf-8"))
    assert status["elements"]["login.submit"]["state"] == "missing"
