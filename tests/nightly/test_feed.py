"""The Atom feed of portal changes and status.json, generated from the verification history."""

from __future__ import annotations

import json

import feedparser
import jsonschema

from scripts.common.paths import PORTAL
from scripts.contract.mentions import Mention
from scripts.contract.model import project_contract
from scripts.site import feed, status_json
from scripts.site.changes import changes
from scripts.verification.history import status_from_runs

SITE = "https://example.org/guide/"
MENTIONS = {
    "login.submit": [Mention("login.submit", "log-in/steps.md", 40),
                     Mention("login.submit", "log-in/otp.md", 13)],
    "login.password": [Mention("login.password", "log-in/steps.md", 30)],
}


def run(day: int, outcome: str, elements: dict[str, str], pages: dict[str, str] | None = None,
        observed: dict[str, str] | None = None) -> dict:
    return {
        "finished": f"2026-11-{day:02d}T20:32:00+00:00",
        "where": "GitHub Actions",
        "run_url": f"https://github.com/o/r/actions/runs/{day}",
        "outcome": outcome,
        "pages": pages if pages is not None else {"login": "ok", "home": "ok"},
        "elements": elements,
        "observed": observed or {},
    }


def eventful_history() -> list[dict]:
    """Seen → label drift → outage → back as documented; the home page loses its entry."""
    return [
        run(10, "no drift", {"login.submit": "present", "login.password": "present"}),
        run(11, "drift", {"login.submit": "label drift", "login.password": "present"},
            observed={"login.submit": "SIGN IN"}),
        run(12, "portal unreachable", {"login.submit": "not checked"},
            pages={"login": "unreachable", "home": "unreachable"}),
        run(13, "no drift", {"login.submit": "present", "login.password": "present"},
            pages={"login": "ok", "home": "http error"}),
    ]


def parsed(runs: list[dict]) -> feedparser.FeedParserDict:
    return feedparser.parse(feed.render(runs, project_contract(), MENTIONS, SITE))


def test_history_with_drift_recovery_and_outage_gives_one_entry_per_event():
    entries = parsed(eventful_history()).entries
    kinds = sorted(entry.tags[0].term for entry in entries)
    assert kinds == ["drifted", "outage-began", "outage-ended", "page-changed", "recovered"]


def test_feed_parses_without_errors():
    document = parsed(eventful_history())
    assert not document.bozo, document.get("bozo_exception")
    assert document.version == "atom10"


def test_drift_entry_is_dated_and_names_the_guide_pages_it_affects():
    entry = next(e for e in parsed(eventful_history()).entries if e.tags[0].term == "drifted")
    assert entry.updated == "2026-11-11T20:32:00+00:00"
    assert "LOGIN (login.submit)" in entry.title
    body = entry.content[0].value
    assert f"{SITE}log-in/steps/" in body and f"{SITE}log-in/otp/" in body
    assert "SIGN IN" in body


def test_every_entry_links_to_the_status_page():
    for entry in parsed(eventful_history()).entries:
        assert entry.link == f"{SITE}reference/portal-status/"


def test_entry_ids_are_stable_across_rebuilds_and_new_runs():
    first = {e.id for e in parsed(eventful_history()).entries}
    again = {e.id for e in parsed(eventful_history()).entries}
    later = eventful_history() + [run(14, "no drift", {"login.submit": "present"})]
    assert first == again
    assert first <= {e.id for e in parsed(later).entries}


def test_entry_ids_do_not_depend_on_where_the_site_is_previewed():
    contract = project_contract()
    runs = eventful_history()
    preview = feed.render(runs, contract, MENTIONS, "http://127.0.0.1:8000/", SITE)
    published = feed.render(runs, contract, MENTIONS, SITE, SITE)
    assert {e.id for e in feedparser.parse(preview).entries} == {
        e.id for e in feedparser.parse(published).entries
    }


def test_entry_id_is_a_tag_uri_of_kind_subject_and_day():
    ids = {e.id for e in parsed(eventful_history()).entries}
    assert "tag:example.org,2026-11-12:drifted/login.submit" in ids


def test_empty_history_gives_a_valid_feed_without_entries():
    document = parsed([])
    assert not document.bozo
    assert document.entries == []
    assert document.feed.title


def test_history_where_nothing_changed_gives_no_entries():
    quiet = [run(day, "no drift", {"login.submit": "present"}) for day in (10, 11, 12)]
    assert parsed(quiet).entries == []


def test_nights_not_checked_neither_end_nor_start_a_drift():
    runs = [
        run(10, "drift", {"login.submit": "missing"}),
        run(11, "no drift", {"login.submit": "not checked"}),
        run(12, "drift", {"login.submit": "missing"}),
    ]
    assert [c.kind for c in changes(runs)] == ["drifted"]


def test_a_long_outage_is_one_began_and_one_ended_event():
    runs = [run(10, "no drift", {})] + [
        run(day, "portal unreachable", {}, pages={"login": "blocked"}) for day in (11, 12, 13)
    ] + [run(14, "no drift", {})]
    assert [c.kind for c in changes(runs)] == ["outage-began", "outage-ended"]


def test_rebuilding_from_the_same_history_writes_the_same_bytes():
    contract = project_contract()
    runs = eventful_history()
    assert feed.render(runs, contract, MENTIONS, SITE) == feed.render(runs, contract, MENTIONS,
                                                                      SITE)


def status_schema() -> dict:
    return json.loads((PORTAL / "status.schema.json").read_text(encoding="utf-8"))


def test_status_json_matches_the_documented_schema():
    text = status_json.render(project_contract(), status_from_runs(eventful_history()))
    jsonschema.validate(json.loads(text), status_schema())


def test_status_json_without_history_matches_the_schema_and_says_none():
    from scripts.verification.history import VerificationStatus

    document = json.loads(status_json.render(project_contract(), VerificationStatus("none")))
    jsonschema.validate(document, status_schema())
    assert document["history"] == "none" and document["last_run"] is None


def test_status_json_gives_each_element_its_state_and_last_verification():
    document = status_json.document(project_contract(), status_from_runs(eventful_history()))
    submit = document["elements"]["login.submit"]
    assert submit["state"] == "present"
    assert submit["last_verified"] == "2026-11-14"
    assert document["pages"]["home"]["state"] == "http error"
    # The run of 11 November finished at 20:32 UTC: 12 November in India.
    assert document["pages"]["home"]["last_ok"] == "2026-11-12"


def test_status_json_lists_every_page_and_element_of_the_contract():
    contract = project_contract()
    document = status_json.document(contract, status_from_runs(eventful_history()))
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

    history = eventful_history()
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
    text = feed.render(eventful_history(), project_contract(), mentions, SITE)
    entry = next(e for e in feedparser.parse(text).entries if e.tags[0].term == "drifted")
    html = entry.content[0].value
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert f'href="{SITE}about/q%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E/"' in html
