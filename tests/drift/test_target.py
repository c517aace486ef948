"""Where a drift run looks: live hosts, the replica layout, replica-only routes, recordings."""

from __future__ import annotations

from scripts.common.paths import ROOT
from scripts.contract.model import project_contract
from scripts.drift.target import Target, about_url
from scripts.verification.verdicts import Outcome

CONTRACT = project_contract()


def test_live_target_opens_the_real_login_page():
    target = Target.live(CONTRACT)
    assert target.url_of(CONTRACT.pages["login"]) == "https://foservices.icegate.gov.in/#/login"
    assert target.url_of(CONTRACT.pages["home"]) == "https://www.icegate.gov.in/"


def test_live_target_never_opens_pages_that_need_an_account():
    target = Target.live(CONTRACT)
    assert not target.can_open(CONTRACT.pages["otp"])
    assert target.can_open(CONTRACT.pages["login"])


def test_replica_layout_puts_each_site_in_its_folder_and_uses_replica_routes():
    target = Target.replica_layout(CONTRACT, "http://127.0.0.1:9/", "replica")
    otp = CONTRACT.pages["otp"]
    assert target.can_open(otp)
    assert target.url_of(otp) == "http://127.0.0.1:9/foservices/#/replica/otp-step"


def test_recorded_page_is_opened_directly():
    target = Target.replica_layout(CONTRACT, "http://127.0.0.1:9", "replica", frozenset({"login"}))
    assert target.url_of(CONTRACT.pages["login"]) == (
        "http://127.0.0.1:9/foservices/recorded/login.html"
    )


def test_live_target_ignores_recordings():
    target = Target("live", Target.live(CONTRACT).base_urls, frozenset({"login"}))
    assert not target.is_recorded(CONTRACT.pages["login"])


def test_exit_statuses_are_distinct_and_checker_failure_is_70():
    statuses = {o: o.exit_status for o in Outcome}
    assert len(set(statuses.values())) == len(Outcome)
    assert statuses[Outcome.CHECKER_FAILED] == 70


def test_about_url_is_read_from_the_project_config():
    url = about_url(ROOT / "mkdocs.yml")
    assert url.startswith("https://")
    assert url.endswith("/reference/portal-status/")


def test_about_url_skips_a_yaml_anchor(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  public_url: &public_url https://example.org/guide/\n")
    assert about_url(config) == "https://example.org/guide/reference/portal-status/"
