"""The probe's state and outages in feed.xml and status.json (for people who want to be told)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import feedparser
import jsonschema

from scripts.contract.model import project_contract
from scripts.site import feed, status_json
from scripts.verification.history import VerificationStatus
from scripts.verification.reachability import read_lines
from tests.site.test_reachability_page import day_of_probes

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://guide.example-tests.in/"
HALF_HOUR = timedelta(minutes=30)


def probes(count: int = 48) -> list:
    found, _ = read_lines(day_of_probes()[:count], "sample")
    return found


def feed_entries(count: int = 48) -> list:
    xml = feed.render([], project_contract(), {}, SITE, probes=probes(count))
    document = feedparser.parse(xml)
    assert not document.bozo, document.bozo_exception
    return document.entries


def test_an_outage_gives_an_entry_when_it_began_and_when_it_ended():
    titles = [entry.title for entry in feed_entries()]
    assert titles == [
        "ICEGATE login page opens again (01:00 IST, 5 Dec 2026), after 1 h 30 min",
        "ICEGATE login page unreachable since 23:30 IST, 4 Dec 2026",
    ]


def test_an_ongoing_outage_has_only_its_beginning():
    assert [entry.title for entry in feed_entries(20)] == [
        "ICEGATE login page unreachable since 23:30 IST, 4 Dec 2026"]


def test_outage_entries_keep_their_ids_when_the_log_grows():
    early = {entry.id for entry in feed_entries(20)}
    assert early <= {entry.id for entry in feed_entries()}


def test_outage_entries_link_the_reachability_page():
    assert all(entry.link == SITE + "troubleshoot/is-icegate-down/" for entry in feed_entries())


def document() -> dict:
    return status_json.document(project_contract(), VerificationStatus("none"), probes(),
                                HALF_HOUR)


def test_status_json_gives_the_state_at_the_last_probe_and_the_outages():
    reach = document()["reachability"]
    assert (reach["state"], reach["checked"], reach["every_minutes"]) == (
        "up", "2026-12-05T08:30:04+00:00", 30)
    assert reach["outages"] == [{"began": "2026-12-04T18:00:04+00:00",
                                 "ended": "2026-12-04T19:30:04+00:00", "minutes": 90,
                                 "state": "down"}]


def test_status_json_with_probes_follows_its_schema():
    schema = json.loads((ROOT / "portal" / "status.schema.json").read_text())
    jsonschema.validate(document(), schema)


def test_status_json_without_probes_says_unknown():
    reach = status_json.document(project_contract(), VerificationStatus("none"))["reachability"]
    assert (reach["state"], reach["checked"], reach["outages"]) == ("unknown", None, [])


def test_status_json_is_the_same_bytes_for_the_same_log():
    render = status_json.render
    contract, status = project_contract(), VerificationStatus("none")
    assert render(contract, status, probes(), HALF_HOUR) == render(contract, status, probes(),
                                                                   HALF_HOUR)
