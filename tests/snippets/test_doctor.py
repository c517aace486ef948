"""The connection doctor against local servers on 127.0.0.1 that imitate the portal's failures."""

from __future__ import annotations

import json
import re
import time
from datetime import timedelta
from pathlib import Path

import doctor
import pytest
from doctor import CHECKS, Endpoint, diagnose, exit_status

from tests.snippets.servers import closed_port, connect_proxy, https_server, silent_port

ROOT = Path(__file__).resolve().parents[2]
NO_PROXY: dict[str, str] = {}


def by_check(findings) -> dict[str, doctor.Finding]:
    return {f.check: f for f in findings if f.target != "this computer"}


def test_healthy_server_passes_every_check(tmp_path):
    with https_server(tmp_path) as server:
        findings = diagnose([Endpoint(server.host, server.port)], 10, server.cafile, NO_PROXY)
    checks = by_check(findings)
    assert [f.status for f in checks.values()] == ["ok"] * 5, findings
    assert "TLSv1" in checks["tls-handshake"].summary
    assert "HTTP 200" in checks["https-get"].summary
    assert exit_status(findings) == 0


def test_refused_port_fails_the_connection_check(tmp_path):
    findings = diagnose([Endpoint("localhost", closed_port())], 5, None, NO_PROXY)
    tcp = by_check(findings)["tcp-connect"]
    assert tcp.status == "fail"
    assert "tls-handshake" not in by_check(findings)
    assert exit_status(findings) == 2


def test_server_that_never_answers_is_bounded_by_the_timeout():
    with silent_port() as port:
        started = time.monotonic()
        findings = diagnose([Endpoint("localhost", port)] * 3, 2, None, NO_PROXY)
        elapsed = time.monotonic() - started
    assert elapsed < 2 + 1
    hung = by_check(findings)["tls-handshake"]
    assert hung.status == "fail"


def test_certificate_for_another_host_fails_the_tls_check(tmp_path):
    with https_server(tmp_path, cert_names=("portal.example",)) as server:
        findings = diagnose([Endpoint(server.host, server.port)], 10, server.cafile, NO_PROXY)
    tls = by_check(findings)["tls-handshake"]
    assert tls.status == "fail"
    assert "mismatch" in tls.summary.lower() or "not valid for" in tls.summary


def test_expired_certificate_fails_the_tls_check(tmp_path):
    with https_server(tmp_path, expired=True) as server:
        findings = diagnose([Endpoint(server.host, server.port)], 10, server.cafile, NO_PROXY)
    tls = by_check(findings)["tls-handshake"]
    assert tls.status == "fail"
    assert "expired" in tls.summary


def test_untrusted_certificate_fails_against_the_system_store(tmp_path):
    with https_server(tmp_path) as server:
        findings = diagnose([Endpoint(server.host, server.port)], 10, None, NO_PROXY)
    assert by_check(findings)["tls-handshake"].status == "fail"


@pytest.mark.parametrize(
    ("skew", "status"), [(timedelta(seconds=90), "warn"), (timedelta(minutes=10), "fail")]
)
def test_skewed_server_clock_is_reported(tmp_path, skew, status):
    with https_server(tmp_path, skew=-skew) as server:
        findings = diagnose([Endpoint(server.host, server.port)], 10, server.cafile, NO_PROXY)
    clock = by_check(findings)["clock-skew"]
    assert clock.status == status
    assert "ahead of the server" in clock.summary


def test_server_error_fails_the_page_check(tmp_path):
    with https_server(tmp_path, status=503) as server:
        findings = diagnose([Endpoint(server.host, server.port)], 10, server.cafile, NO_PROXY)
    page = by_check(findings)["https-get"]
    assert page.status == "fail"
    assert "HTTP 503" in page.summary


def test_proxy_from_the_environment_is_reported_and_used(tmp_path, monkeypatch):
    with https_server(tmp_path) as server, connect_proxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        findings = diagnose([Endpoint(server.host, server.port)], 10, server.cafile)
    settings = next(f for f in findings if f.check == "proxy-settings")
    assert settings.status == "warn"
    assert proxy.url in settings.summary
    assert proxy.tunnels == [f"localhost:{server.port}"]
    assert by_check(findings)["https-get"].status == "ok"
    assert exit_status(findings) == 1


def test_proxy_credentials_are_never_printed():
    assert doctor.mask("http://user:secret@proxy.local:3128") == "http://***@proxy.local:3128"


def test_cli_prints_a_help_link_for_each_failing_check(capsys):
    code = doctor.main(["--host", f"localhost:{closed_port()}", "--timeout", "5"])
    output = capsys.readouterr().out
    assert code == 2
    assert f"Help for tcp-connect: {doctor.GUIDE_URL}troubleshoot/#tcp-connect" in output


def test_cli_json_lists_findings_and_the_exit_status(capsys):
    code = doctor.main(["--host", f"localhost:{closed_port()}", "--timeout", "5", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["exit_status"] == code == 2
    failing = [f for f in data["findings"] if f["status"] == "fail"]
    assert failing and all(f["help"].endswith("#" + f["check"]) for f in failing)


@pytest.mark.parametrize(
    "argv",
    [["--timeout", "0"], ["--timeout", "x"], ["--host", "bad host"], ["--host", "a:99999"],
     ["--cafile", "/no/such/file.pem"], ["--nonsense"]],
)
def test_cli_usage_errors_exit_2_with_one_line(argv, capsys):
    with pytest.raises(SystemExit) as raised:
        doctor.main(argv)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err


def test_every_check_id_is_the_anchor_of_a_troubleshooting_entry():
    page = (ROOT / "docs" / "troubleshoot" / "index.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r"\{\s*#([a-z0-9-]+)\s*\}", page))
    assert set(CHECKS) <= anchors, set(CHECKS) - anchors


