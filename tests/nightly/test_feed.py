"""The Atom feed of portal changes and status.json, generated from the verification history."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import feedparser
import jsonschema

from scripts.common.paths import PORTAL, ROOT
from scripts.contract.mentions import Mention
from scripts.contract.model import project_contract
from scripts.site import feed, status_json
from scripts.site.changes import changes
from scripts.verification.history import status_from_runs
from tests.nightly.feed_sample import (
    GOLDEN_FEED,
    MENTIONS,
    SITE,
    night,
    sample_feed,
    sample_history,
)

REGENERATE = (
    f"the feed differs from {GOLDEN_FEED.relative_to(ROOT)}; if the change is meant, write it "
    "again with `.venv/bin/python -m tests.nightly.feed_sample` and review the diff"
)
#: Renders the sample feed in a fresh interpreter and writes its bytes.
RENDER_IN_A_PROCESS = (
    "import sys; from tests.nightly.feed_sample import sample_feed; "
    "sys.stdout.buffer.write(sample_feed().encode('utf-8'))"
)


def parsed(runs: list[dict]) -> feedparser.FeedParserDict:
    return feedparser.parse(feed.render(runs, project_contract(), MENTIONS, SITE))


def test_history_with_drift_recovery_and_outage_gives_one_entry_per_event():
    entries = parsed(sample_history()).entries
    kinds = sorted(entry.tags[0].term for entry in entries)
    assert kinds == ["drifted", "outage-began", "outage-ended", "page-changed", "recovered"]


def test_feed_parses_without_errors():
    document = parsed(sample_history())
    assert not document.bozo, document.get("bozo_exception")
    assert document.version == "atom10"


def test_drift_entry_is_dated_and_names_the_guide_pages_it_affects():
    entry = next(e for e in parsed(sample_history()).entries if e.tags[0].term == "drifted")
    assert entry.updated == "2026-11-11T20:32:00+00:00"
    assert "LOGIN (login.submit)" in entry.title
    body = entry.content[0].value
    assert f"{SITE}log-in/steps/" in body and f"{SITE}log-in/otp/" in body
    assert "SIGN IN" in body


def test_every_entry_links_to_the_status_page():
    for entry in parsed(sample_history()).entries:
        assert entry.link == f"{SITE}reference/portal-status/"


def test_entry_ids_are_stable_across_rebuilds_and_new_runs():
    first = {e.id for e in parsed(sample_history()).entries}
    again = {e.id for e in parsed(sample_history()).entries}
    later = sample_history() + [night(14, "no drift", {"login.submit": "present"})]
    assert first == again
    assert first <= {e.id for e in parsed(later).entries}


def test_entry_ids_do_not_depend_on_where_the_site_is_previewed():
    contract = project_contract()
    runs = sample_history()
    preview = feed.render(runs, contract, MENTIONS, "http://127.0.0.1:8000/", SITE)
    published = feed.render(runs, contract, MENTIONS, SITE, SITE)
    assert {e.id for e in feedparser.parse(preview).entries} == {
        e.id for e in feedparser.parse(published).entries
    }


def test_entry_id_is_a_tag_uri_of_kind_subject_and_day():
    ids = {e.id for e in parsed(sample_history()).entries}
    assert "tag:example.org,2026-11-12:drifted/login.submit" in ids


def test_empty_history_gives_a_valid_feed_without_entries():
    document = parsed([])
    assert not document.bozo
    assert document.entries == []
    assert document.feed.title


def test_history_where_nothing_changed_gives_no_entries():
    quiet = [night(day, "no drift", {"login.submit": "present"}) for day in (10, 11, 12)]
    assert parsed(quiet).entries == []


def test_nights_not_checked_neither_end_nor_start_a_drift():
    runs = [
        night(10, "drift", {"login.submit": "missing"}),
        night(11, "no drift", {"login.submit": "not checked"}),
        night(12, "drift", {"login.submit": "missing"}),
    ]
    assert [c.kind for c in changes(runs)] == ["drifted"]


def test_a_long_outage_is_one_began_and_one_ended_event():
    runs = [night(10, "no drift", {})] + [
        night(day, "portal unreachable", {}, pages={"login": "blocked"}) for day in (11, 12, 13)
    ] + [night(14, "no drift", {})]
    assert [c.kind for c in changes(runs)] == ["outage-began", "outage-ended"]


def test_rebuilding_from_the_same_history_writes_the_same_bytes():
    contract = project_contract()
    runs = sample_history()
    assert feed.render(runs, contract, MENTIONS, SITE) == feed.render(runs, contract, MENTIONS,
                                                                      SITE)


def test_the_sample_feed_is_the_committed_golden_file_byte_for_byte():
    assert sample_feed().encode("utf-8") == GOLDEN_FEED.read_bytes(), REGENERATE


def test_processes_with_different_hash_seeds_write_the_golden_file():
    for seed in ("1", "4242"):
        written = subprocess.run(
            [sys.executable, "-c", RENDER_IN_A_PROCESS],
            env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT,
            capture_output=True, check=True, timeout=120,
        ).stdout
        assert written == GOLDEN_FEED.read_bytes(), f"PYTHONHASHSEED={seed}: {REGENERATE}"


def status_schema() -> dict:
    return json.loads((PORTAL / "status.schema.json").read_text(encoding="utf-8"))


def test_status_json_matches_the_documented_schema():
    text = status_json.render(project_contract(), status_from_runs(sample_history()))
    jsonschema.validate(json.loads(text), status_schema())


def test_status_json_without_history_matches_the_schema_and_says_none():
    from scripts.verification.history import VerificationStatus

    document = json.loads(status_json.render(project_contract(), VerificationStatus("none")))
    jsonschema.validate(document, status_schema())
    assert document["history"] == "none" and document["last_run"] is None


def test_status_json_gives_each_element_its_state_and_last_verification():
    document = status_json.document(project_contract(), status_from_runs(sample_history()))
    submit = document["elements"]["login.submit"]
    assert submit["state"] == "present"
    assert submit["last_verified"] == "2026-11-14"
    assert document["pages"]["home"]["state"] == "http error"
    # The run of 11 November finished at 20:32 UTC: 12 November in India.
    assert document["pages"]["home"]["last_ok"] == "2026-11-12"


def test_status_json_lists_every_page_and_element_of_the_contract():
    contract = project_contract()
    document = status_json.document(contract, status_from_runs(sample_history()))
    assert list(document["pages"]) == list(contract.pages)
    assert list(document["elements"]) == list(contract.elements)


def test_the_runbook_documents_every_key_of_status_json():
    runbook = (PORTAL.parent / "maintaining" / "nightly-runbook.md").read_text(encoding="utf-8")
    section = runbook.split("\n## status.json", 1)[1].split("\n## ", 1)[0]
    schema = status_schema()
    keys = set(schema["properties"])
    keys |= set(schema["properties"]["pages"]["additionalProperties"]["properties"])
    keys |= set(schema["properties"]["elements"]["additionalProperties"]["properties"])
    for key in keys:
        assert f"`{key}`" in section, key


def test_control_characters_in_an_observed_label_leave_the_feed_well_formed():
    import xml.etree.ElementTree as etree

    history = sample_history()
    history[1]["observed"] = {"login.submit": "SIGN\x00\x01\x0b\x1b IN\ufffe\uffff\ud800"}
    text = feed.render(history, project_contract(), MENTIONS, SITE)
    etree.fromstring(text.encode("utf-8"))
    document = feedparser.parse(text)
    assert not document.bozo, document.get("bozo_exception")
    drifted = next(e for e in document.entries if e.tags[0].term == "drifted")
    assert "SIGN IN" in drifted.content[0].value


def test_a_docs_file_name_with_markup_stays_text_in_the_entry_html():
    name = 'about/q"><img src=x onerror=alert(1)>.md'
    mentions = {"login.submit": [Mention("login.submit", name, 1)]}
    text = feed.render(sample_history(), project_contract(), mentions, SITE)
    entry = next(e for e in feedparser.parse(text).entries if e.tags[0].term == "drifted")
    html = entry.content[0].value
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert f'href="{SITE}about/q%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E/"' in html
