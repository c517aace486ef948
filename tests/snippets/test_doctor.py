"""The connection doctor against local servers on 127.0.0.1 that imitate the portal's failures."""

from __future__ import annotations

import base64
import contextlib
import json
import re
import socket
import ssl
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

import doctor
import pytest
from doctor import CHECKS, Endpoint, diagnose, exit_status, parse_endpoint, parse_proxy

from tests.support.servers import closed_port, connect_proxy, https_server, silent_port

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
    assert exit_status(findings) == 2


def test_checks_after_a_failed_one_are_reported_as_not_run():
    findings = diagnose([Endpoint("localhost", closed_port())], 5, None, NO_PROXY)
    later = [by_check(findings)[check] for check in ("tls-handshake", "https-get", "clock-skew")]
    assert [(f.status, f.summary) for f in later] == [("skip", "not run: tcp-connect failed")] * 3


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


def proxied(tmp_path, proxy_url: str, **server_options) -> list[doctor.Finding]:
    with https_server(tmp_path, **server_options) as server:
        return diagnose(
            [Endpoint(server.host, server.port)], 10, server.cafile, {"https": proxy_url}
        )


def test_proxy_credentials_from_the_proxy_url_are_sent_as_basic_sign_in(tmp_path):
    with connect_proxy(credentials=("clerk", "p@ss word")) as proxy:
        url = f"http://clerk:p%40ss%20word@127.0.0.1:{proxy.port}"
        findings = proxied(tmp_path, url)
    expected = "Basic " + base64.b64encode(b"clerk:p@ss word").decode()
    assert proxy.authorizations == [expected]
    assert by_check(findings)["https-get"].status == "ok"


def test_proxy_that_needs_sign_in_without_credentials_is_explained(tmp_path):
    with connect_proxy(credentials=("clerk", "secret")) as proxy:
        findings = proxied(tmp_path, proxy.url)
    tcp = by_check(findings)["tcp-connect"]
    assert tcp.status == "fail"
    assert "needs you to sign in (HTTP 407 Proxy Authentication Required)" in tcp.summary
    assert "Browsers do this for you with your Windows login; this tool cannot" in tcp.summary
    assert "it asks for: Basic, Negotiate" in tcp.summary
    assert proxy.authorizations == [None]


def test_proxy_that_refuses_the_given_credentials_says_so(tmp_path):
    with connect_proxy(credentials=("clerk", "secret")) as proxy:
        findings = proxied(tmp_path, f"http://clerk:wrong@127.0.0.1:{proxy.port}")
    tcp = by_check(findings)["tcp-connect"]
    assert "refused the user name and password in the proxy setting" in tcp.summary
    assert "wrong" not in tcp.summary


def test_proxy_status_is_parsed_not_searched_for(tmp_path):
    with connect_proxy(refusal="HTTP/1.1 403 Blocked by policy 200") as proxy:
        findings = proxied(tmp_path, proxy.url)
    tcp = by_check(findings)["tcp-connect"]
    assert tcp.status == "fail"
    assert "refused the tunnel: HTTP 403 Blocked by policy 200" in tcp.summary


def test_proxy_answer_that_is_not_http_is_reported(tmp_path):
    with connect_proxy(refusal="SSH-2.0-OpenSSH_9.6 200") as proxy:
        findings = proxied(tmp_path, proxy.url)
    assert "answered something that is not HTTP" in by_check(findings)["tcp-connect"].summary


def test_proxy_status_2xx_other_than_200_opens_the_tunnel():
    setting = parse_proxy("http://127.0.0.1:3128")
    assert doctor.tunnel_refusal("HTTP/1.0 200 Connection established\r\n\r\n", setting) is None
    assert doctor.tunnel_refusal("HTTP/1.1 204 No Content\r\n\r\n", setting) is None


def urllib_proxy_address(proxy_url: str, monkeypatch) -> tuple[str, int]:
    """Where Python's own urllib connects for an HTTPS request through ``proxy_url``."""
    addresses = []

    def record(address, *args, **kwargs):
        addresses.append(address)
        raise OSError("recorded, not connected")

    monkeypatch.setattr(socket, "create_connection", record)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"https": proxy_url}))
    with pytest.raises(OSError):
        opener.open("https://portal.example/", timeout=1)
    monkeypatch.undo()
    return addresses[0]


@pytest.mark.parametrize(
    "proxy_url",
    ["http://proxy.example", "http://proxy.example:3128", "http://u:p@proxy.example",
     "https://proxy.example", "proxy.example:8080", "http://u:p/ss@proxy.example:3128",
     "u:p@ss@proxy.example:8080", "http://[::1]:3128"],
)
def test_proxy_address_and_default_port_are_those_urllib_uses(proxy_url, monkeypatch):
    setting = parse_proxy(proxy_url)
    assert (setting.host, setting.port) == urllib_proxy_address(proxy_url, monkeypatch)


def test_proxy_without_a_port_says_which_port_it_used(tmp_path, monkeypatch):
    contacted = []

    def record(address, *args, **kwargs):
        contacted.append(address)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(socket, "create_connection", record)
    findings = diagnose([Endpoint("localhost", 443)], 5, None, {"https": "http://127.0.0.1"})
    monkeypatch.undo()
    assert contacted == [("127.0.0.1", 443)]
    assert "cannot reach the proxy http://127.0.0.1" in by_check(findings)["tcp-connect"].summary


def test_proxy_setting_with_an_unreadable_port_fails_with_one_line(tmp_path):
    findings = diagnose([Endpoint("localhost", 443)], 5, None, {"https": "http://proxy:99999"})
    tcp = by_check(findings)["tcp-connect"]
    assert tcp.status == "fail"
    assert tcp.summary == (
        "the proxy setting http://proxy:? has a port that is not a number from 1 to 65535"
    )


def test_proxy_password_with_unencoded_marks_is_sent_whole(tmp_path):
    with connect_proxy(credentials=("clerk", "p/ss?w#rd")) as proxy:
        findings = proxied(tmp_path, f"clerk:p/ss?w#rd@127.0.0.1:{proxy.port}")
    expected = "Basic " + base64.b64encode(b"clerk:p/ss?w#rd").decode()
    assert proxy.authorizations == [expected]
    assert by_check(findings)["https-get"].status == "ok"


def test_proxy_port_0_is_refused_not_replaced():
    with pytest.raises(doctor.UsageError, match="names port 0, where no proxy can listen"):
        parse_proxy("http://proxy.example:0")


@pytest.mark.parametrize("scheme", ["socks5", "socks4", "socks5h"])
def test_socks_proxy_is_refused_as_unsupported(scheme):
    with pytest.raises(doctor.UsageError) as raised:
        parse_proxy(f"{scheme}://proxy.example:1080")
    assert str(raised.value) == (
        f"the proxy setting {scheme}://proxy.example:1080 names a SOCKS proxy; only HTTP "
        "proxies that tunnel with CONNECT (http://host:port) are supported"
    )


def test_socks_proxy_is_not_contacted(monkeypatch):
    contacted = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: contacted.append(a))
    findings = diagnose([Endpoint("localhost", 443)], 5, None, {"https": "socks5://127.0.0.1:1"})
    monkeypatch.undo()
    assert contacted == []
    assert "names a SOCKS proxy" in by_check(findings)["tcp-connect"].summary


def thread_deaths(monkeypatch) -> list[str]:
    """Record every exception that ends a thread (instead of printing it)."""
    deaths: list[str] = []
    monkeypatch.setattr(
        doctor.threading, "excepthook", lambda args: deaths.append(repr(args.exc_value))
    )
    return deaths


def test_non_latin1_host_is_asked_of_the_proxy_in_idna_form(monkeypatch):
    deaths = thread_deaths(monkeypatch)
    with connect_proxy() as proxy:
        findings = diagnose([parse_endpoint("ĳ.invalid:1")], 10, None, {"https": proxy.url})
    assert deaths == []
    assert proxy.tunnels == ["ij.invalid:1"]
    assert "refused the tunnel: HTTP 403" in by_check(findings)["tcp-connect"].summary


def test_host_that_is_no_valid_domain_name_fails_cleanly_through_a_proxy(monkeypatch):
    deaths = thread_deaths(monkeypatch)
    host = "x" * 64 + ".example"  # a label longer than 63 characters has no IDNA form
    with connect_proxy() as proxy:
        findings = diagnose([parse_endpoint(host)], 10, None, {"https": proxy.url})
    assert deaths == []
    assert proxy.tunnels == []
    assert by_check(findings)["tcp-connect"].summary == (
        "this host name cannot be sent to a proxy: it is not a valid international domain name"
    )


def test_check_that_breaks_inside_the_doctor_fails_and_names_the_error(monkeypatch):
    def broken(self, sock):
        sock.close()
        raise UnicodeEncodeError("latin-1", "ĳ", 0, 1, "ordinal not in range(256)")

    deaths = thread_deaths(monkeypatch)
    monkeypatch.setattr(doctor.Probe, "handshake", broken)
    with silent_port() as port:
        findings = diagnose([Endpoint("localhost", port)], 5, None, NO_PROXY)
    assert deaths == []
    tls = by_check(findings)["tls-handshake"]
    assert (tls.status, tls.summary) == (
        "fail",
        "the doctor itself failed in this check (UnicodeEncodeError); please report it with "
        "this output",
    )
    assert exit_status(findings) == 2


def test_checks_after_a_broken_one_are_reported_as_not_run(monkeypatch):
    def broken(self, sock):
        sock.close()
        raise RuntimeError("boom")

    monkeypatch.setattr(doctor.Probe, "handshake", broken)
    with silent_port() as port:
        findings = diagnose([Endpoint("localhost", port)], 5, None, NO_PROXY)
    later = [by_check(findings)[check].summary for check in ("https-get", "clock-skew")]
    assert later == ["not run: the doctor failed in tls-handshake"] * 2


def test_checks_after_the_time_limit_are_reported_as_not_run():
    probe = doctor.Probe(Endpoint("localhost"), doctor.Trust(), 0, None)
    probe.add("dns-lookup", "ok", "127.0.0.1 (0.00 s)")
    probe.add("tcp-connect", "ok", "port 443 open (0.00 s)")
    probe.stage = "tls-handshake"
    results = doctor.probe_results(probe, 2)
    assert [(f.check, f.status, f.summary) for f in results[2:]] == [
        ("tls-handshake", "fail", "no answer within the 2 s time limit"),
        ("https-get", "skip", "not run: the time limit ran out"),
        ("clock-skew", "skip", "not run: the time limit ran out"),
    ]


def test_summary_line_counts_the_checks_that_did_not_run():
    findings = diagnose([Endpoint("localhost", closed_port())], 5, None, NO_PROXY)
    assert "1 failed, 0 warnings, 3 not run, 7 checks" in doctor.render(findings)


def test_cli_says_so_in_one_line_when_the_doctor_itself_fails(capsys):
    def broken(*args):
        raise KeyError("boom")

    code = doctor.main(["--host", "localhost"], run=broken)
    err = capsys.readouterr().err
    assert code == 2
    assert err == "doctor: the doctor itself failed (KeyError); please report it\n"


def test_untrusted_certificate_says_python_could_not_verify_it_and_where_it_looks(tmp_path):
    with https_server(tmp_path) as server:
        findings = diagnose([Endpoint(server.host, server.port)], 10, None, NO_PROXY)
    tls = by_check(findings)["tls-handshake"]
    assert tls.summary.startswith("Python could not verify the certificate: ")
    assert "Your browser may still open the portal" in tls.summary
    paths = ssl.get_default_verify_paths()
    place = f"the file {paths.cafile}" if paths.cafile else f"the folder {paths.capath}"
    if paths.cafile or paths.capath:
        assert f"Python looks for trusted certificates in {place}" in tls.summary
    assert f"set {paths.openssl_cafile_env} to use another file" in tls.summary


def test_certificate_refused_only_by_strict_checks_is_retried_without_them(tmp_path):
    # Python 3.13 and newer check strictly by default; strict_x509=True does the same here.
    with https_server(tmp_path, lax=True) as server:
        findings = diagnose(
            [Endpoint(server.host, server.port)], 10, server.cafile, NO_PROXY, strict_x509=True
        )
    checks = by_check(findings)
    assert checks["tls-handshake"].status == "warn"
    assert "strict X.509 checks of Python 3.13 and newer" in checks["tls-handshake"].summary
    assert "Missing Authority Key Identifier" in checks["tls-handshake"].summary
    assert checks["https-get"].status == "ok"
    assert [f.check for f in findings].count("tcp-connect") == 1


def test_certificate_refused_by_strict_checks_fails_when_not_retried(tmp_path):
    with https_server(tmp_path, lax=True) as server:
        strict = doctor.Trust(server.cafile, strict_x509=True)
        context = strict.context()
        with socket.create_connection((server.host, server.port)) as sock, pytest.raises(
            ssl.SSLCertVerificationError
        ):
            context.wrap_socket(sock, server_hostname=server.host)


def test_untrusted_certificate_is_not_retried_when_checks_are_not_strict(tmp_path):
    with https_server(tmp_path) as server:
        findings = diagnose(
            [Endpoint(server.host, server.port)], 10, None, NO_PROXY, strict_x509=False
        )
    assert by_check(findings)["tls-handshake"].status == "fail"


def test_automatic_proxy_set_up_is_reported_as_one_the_tool_cannot_follow():
    pac = "a proxy script (PAC) at http://wpad/p.pac"
    finding = doctor.check_proxy({}, [Endpoint("localhost")], pac)
    assert finding.status == "warn"
    assert f"picks its proxy automatically ({pac})" in finding.summary
    assert "this tool cannot follow that set-up, so it connects directly" in finding.summary


# DefaultConnectionSettings: a version word and a counter, then the flags in byte 8.
CONNECTION_FLAGS = bytes([0x46, 0, 0, 0, 5, 0, 0, 0])


@pytest.mark.parametrize(
    ("url", "blob", "expected"),
    [
        ("http://proxy/office.pac", b"", "a proxy script (PAC) at http://proxy/office.pac"),
        (None, CONNECTION_FLAGS + bytes([0x09]), "automatic detection (WPAD) in Internet Options"),
        (None, CONNECTION_FLAGS + bytes([0x01]), None),
        (None, b"", None),
    ],
)
def test_windows_internet_options_automatic_set_up_is_recognised(url, blob, expected):
    assert doctor.windows_automatic_proxy(url, blob) == expected


SCUTIL_PAC = """<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
  }
  ProxyAutoConfigEnable : 1
  ProxyAutoConfigURLString : http://proxy.office/proxy.pac
}
"""
SCUTIL_WPAD = "<dictionary> {\n  ProxyAutoDiscoveryEnable : 1\n}\n"
SCUTIL_NONE = "<dictionary> {\n  HTTPEnable : 0\n}\n"


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (SCUTIL_PAC, "a proxy script (PAC) at http://proxy.office/proxy.pac"),
        (SCUTIL_WPAD, "automatic proxy discovery (WPAD) in the network settings"),
        (SCUTIL_NONE, None),
        ("", None),
    ],
)
def test_macos_automatic_set_up_is_recognised(output, expected):
    assert doctor.scutil_automatic_proxy(output) == expected


@pytest.mark.parametrize(
    ("mode", "url", "expected"),
    [
        ("'auto'\n", "'http://proxy/p.pac'\n", "a proxy script (PAC) at http://proxy/p.pac"),
        ("'auto'\n", "''\n", "automatic detection (WPAD)"),
        ("'manual'\n", "''\n", None),
        ("", "", None),
    ],
)
def test_gnome_automatic_set_up_is_recognised(mode, url, expected):
    assert doctor.gnome_automatic_proxy(mode, url) == expected


def test_gnome_automatic_set_up_is_found_and_reported_by_a_run(monkeypatch):
    answers = {"mode": "'auto'\n", "autoconfig-url": "'http://proxy.office/p.pac'\n"}
    monkeypatch.setattr(doctor.sys, "platform", "linux")
    monkeypatch.setattr(doctor.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(doctor, "run_quietly", lambda command: answers[command[-1]])
    monkeypatch.setattr(doctor.urllib.request, "getproxies", dict)
    findings = diagnose([Endpoint("localhost", closed_port())], 5)
    settings = next(f for f in findings if f.check == "proxy-settings")
    assert settings.status == "warn"
    assert "a proxy script (PAC) at http://proxy.office/p.pac" in settings.summary


class FakeWinreg:
    """Just enough of Windows' winreg module: two Internet Settings values of the user."""

    HKEY_CURRENT_USER = "HKCU"

    def __init__(self, values: dict[str, dict[str, object]]):
        self.values = values

    @contextlib.contextmanager
    def OpenKey(self, root, path):
        if path not in self.values:
            raise FileNotFoundError(path)
        yield self.values[path]

    def QueryValueEx(self, key, name):
        if name not in key:
            raise FileNotFoundError(name)
        return key[name], 3


INTERNET_SETTINGS = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"


def test_windows_registry_wpad_setting_is_read(monkeypatch):
    blob = CONNECTION_FLAGS + bytes([0x09, 0, 0, 0])
    registry = {INTERNET_SETTINGS + r"\Connections": {"DefaultConnectionSettings": blob}}
    monkeypatch.setitem(sys.modules, "winreg", FakeWinreg(registry))
    monkeypatch.setattr(doctor.sys, "platform", "win32")
    assert doctor.detect_automatic_proxy() == "automatic detection (WPAD) in Internet Options"


def test_windows_registry_pac_setting_is_read(monkeypatch):
    registry = {INTERNET_SETTINGS: {"AutoConfigURL": "http://proxy.office/p.pac"}}
    monkeypatch.setitem(sys.modules, "winreg", FakeWinreg(registry))
    monkeypatch.setattr(doctor.sys, "platform", "win32")
    assert doctor.detect_automatic_proxy() == "a proxy script (PAC) at http://proxy.office/p.pac"


def test_no_automatic_set_up_is_reported_where_none_can_be_seen(monkeypatch):
    monkeypatch.setattr(doctor.sys, "platform", "linux")
    monkeypatch.setattr(doctor.shutil, "which", lambda name: None)
    assert doctor.detect_automatic_proxy() is None


@pytest.mark.parametrize(
    ("text", "host", "port", "name"),
    [
        ("[::1]:443", "::1", 443, "[::1]"),
        ("[::1]:8443", "::1", 8443, "[::1]:8443"),
        ("[2001:db8::7]", "2001:db8::7", 443, "[2001:db8::7]"),
        ("2001:db8::7", "2001:db8::7", 443, "[2001:db8::7]"),
        ("portal.example:8443", "portal.example", 8443, "portal.example:8443"),
    ],
)
def test_host_option_reads_names_and_ipv6_addresses(text, host, port, name):
    endpoint = parse_endpoint(text)
    assert (endpoint.host, endpoint.port, endpoint.name) == (host, port, name)


@pytest.mark.parametrize("text", ["[::1", "[::1]x", "[not-ipv6]:443", "[::1]:0", "[::1]:http"])
def test_host_option_refuses_broken_ipv6_forms(text):
    with pytest.raises(doctor.UsageError):
        parse_endpoint(text)


def test_ipv6_server_is_probed_through_its_bracketed_address(tmp_path):
    with https_server(tmp_path, address="::1", cert_names=("::1",)) as server:
        findings = diagnose([parse_endpoint(f"[::1]:{server.port}")], 10, server.cafile, NO_PROXY)
    checks = by_check(findings)
    assert [f.status for f in checks.values()] == ["ok"] * 5, findings
    assert checks["tcp-connect"].target == f"[::1]:{server.port}"


def test_ipv6_server_is_reached_through_a_proxy_with_a_bracketed_target(tmp_path):
    ipv6 = https_server(tmp_path, address="::1", cert_names=("::1",))
    with ipv6 as server, connect_proxy() as proxy:
        findings = diagnose(
            [parse_endpoint(f"[::1]:{server.port}")], 10, server.cafile, {"https": proxy.url}
        )
    assert proxy.tunnels == [f"[::1]:{server.port}"]
    assert by_check(findings)["https-get"].status == "ok"


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
     ["--host", "[::1"], ["--cafile", "/no/such/file.pem"], ["--nonsense"]],
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


