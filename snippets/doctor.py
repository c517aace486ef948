#!/usr/bin/env python3
"""Diagnose the connection from this computer to the ICEGATE portal.

Runs with any Python 3.9 or newer, on Windows, macOS and Linux, with no extra packages.
It looks up the portal's names, opens a connection, checks the secure (TLS) handshake and
certificate, fetches the public home pages with a plain GET, compares your clock with the
server's, and reports proxy settings. It sends no password, no ID and no personal data.

Examples:
    python doctor.py
    python doctor.py --json
    python doctor.py --timeout 30
    python doctor.py --host foservices.icegate.gov.in

Exit status: 0 all good, 1 warnings only, 2 failures (or a usage error).
"""

from __future__ import annotations

import argparse
import base64
import email.utils
import http.client
import ipaddress
import json
import platform
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Callable, NoReturn
from urllib.parse import unquote

GUIDE_URL = "https://icegate-guide.github.io/icegate-guide/"
DEFAULT_HOSTS = ("www.icegate.gov.in", "foservices.icegate.gov.in")
USER_AGENT = f"icegate-guide-doctor/1.0 (+{GUIDE_URL})"

#: Every check, in the order they run. Each id is also the anchor of its help entry.
CHECKS = (
    "python-version",
    "proxy-settings",
    "dns-lookup",
    "tcp-connect",
    "tls-handshake",
    "https-get",
    "clock-skew",
)
#: The checks run against each host, in order; each runs only when the one before passed.
PROBE_CHECKS = CHECKS[2:]
SEVERITY = {"ok": 0, "skip": 0, "warn": 1, "fail": 2}
CLOCK_WARN_SECONDS = 60
CLOCK_FAIL_SECONDS = 300
SLOW_SECONDS = 5.0
CERT_WARN_DAYS = 14


@dataclass
class Finding:
    """The result of one check against one target."""

    check: str
    target: str
    status: str
    summary: str

    @property
    def help(self) -> str:
        """The troubleshooting entry for this check."""
        return f"{GUIDE_URL}troubleshoot/#{self.check}"

    def to_dict(self) -> dict:
        """A JSON-ready dictionary (with the help link for problems)."""
        data = asdict(self)
        if self.status in ("warn", "fail"):
            data["help"] = self.help
        return data


@dataclass(frozen=True)
class Endpoint:
    """A host to probe over HTTPS."""

    host: str
    port: int = 443
    path: str = "/"

    @property
    def authority(self) -> str:
        """``host:port``, with an IPv6 address in brackets (``[::1]:443``)."""
        return f"{bracketed(self.host)}:{self.port}"

    @property
    def wire_authority(self) -> str | None:
        """``authority`` in ASCII, as a proxy is asked for it (None if it cannot be)."""
        host = self.host if ":" in self.host else ascii_host(self.host)
        return None if host is None else f"{bracketed(host)}:{self.port}"

    @property
    def name(self) -> str:
        """``host`` or ``host:port`` when the port is not 443 (IPv6 addresses in brackets)."""
        return bracketed(self.host) if self.port == 443 else self.authority


def bracketed(host: str) -> str:
    """An IPv6 address in brackets, as URLs write it; any other host as it is."""
    return f"[{host}]" if ":" in host else host


class UsageError(ValueError):
    """A command-line value that cannot be used."""


def parse_endpoint(text: str) -> Endpoint:
    """Read ``host``, ``host:port``, ``[IPv6]`` or ``[IPv6]:port`` from the command line.

    Raises:
        UsageError: when the value is not a host name with an optional port.
    """
    value = text.strip()
    if value.startswith("["):
        host, closed, rest = value[1:].partition("]")
        if not closed or (rest and not rest.startswith(":")) or not is_ipv6(host):
            raise UsageError(f"not an IPv6 address in brackets: {text!r}")
        port_text = rest[1:] if rest else ""
    elif value.count(":") > 1 and is_ipv6(value):
        host, port_text = value, ""
    else:
        host, _, port_text = value.partition(":")
    if not host or any(char.isspace() or ord(char) < 32 for char in host) or "/" in host:
        raise UsageError(f"not a host name: {text!r}")
    if not port_text:
        return Endpoint(host)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UsageError(f"not a port number: {port_text!r}")
    return Endpoint(host, int(port_text))


def is_ipv6(text: str) -> bool:
    """True when ``text`` is an IPv6 address."""
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


# Checks that need no network -----------------------------------------------------------


def check_python() -> Finding:
    """Report the Python version and operating system."""
    version = platform.python_version()
    system = f"{platform.system()} {platform.release()}".strip()
    if sys.version_info < (3, 9):  # noqa: UP036 - readers run this with whatever Python they have
        return Finding(
            "python-version",
            "this computer",
            "fail",
            f"Python {version} is too old; 3.9 or newer is needed",
        )
    return Finding("python-version", "this computer", "ok", f"Python {version} on {system}")


# Reading a proxy setting ---------------------------------------------------------------
#
# A proxy setting may carry a user name and password, written by hand and often not
# percent-encoded. Everything before the last "@" could be part of them, however the rest is
# written, so it is never printed: the text shown for a setting is built only from pieces
# that are checked to be harmless (a scheme from a fixed list, a valid host name or IPv6
# address, a port number), and every other piece is shown as "?" or "***".

#: Schemes the doctor names when a proxy setting uses them; any other scheme is shown as "?".
KNOWN_SCHEMES = frozenset(
    {
        "http",
        "https",
        "socks",
        "socks4",
        "socks4a",
        "socks5",
        "socks5h",
        "ftp",
        "ftps",
        "file",
        "javascript",
        "data",
        "ws",
        "wss",
    }
)
#: Schemes of HTTP proxies, which open a tunnel with CONNECT (the only kind the doctor uses).
HTTP_SCHEMES = frozenset({"http", "https"})
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
HOST_NAME = re.compile(r"[\w.-]{1,253}")
PORT = re.compile(r"[0-9]{1,5}")
IPV6_TEXT = re.compile(r"[0-9A-Fa-f:.]{2,45}(%[\w.-]{1,64})?")
ONLY_HTTP = "only HTTP proxies that tunnel with CONNECT (http://host:port) are supported"


@dataclass(frozen=True)
class ProxyText:
    """A proxy setting cut into its pieces as written, none of them judged yet.

    Attributes:
        scheme: The scheme in lower case, or None when the setting has no ``://``.
        userinfo: Everything between the scheme and the last ``@`` (a user name and
            password, however written), or None without an ``@``. Never printed.
        host: The host as written, with the brackets of an IPv6 address.
        port: The text after the host's ``:``, or None without one.
        tail: What follows ``host:port`` (a path, ``?`` or ``#``). Never printed.
    """

    scheme: str | None
    userinfo: str | None
    host: str
    port: str | None
    tail: str


def split_proxy(url: str) -> ProxyText:
    """Cut a proxy setting into scheme, sign-in, host, port and tail; never fails.

    The sign-in is everything before the last ``@``, so a password holding ``@ : / ? #``
    stays in it; the host ends at the first ``/``, ``?`` or ``#`` after that ``@``.
    """
    value = url.strip()
    match = SCHEME.match(value)
    scheme = match[1].lower() if match else None
    rest = value[match.end() :] if match else value
    before, at, after = rest.rpartition("@")
    userinfo = before if at else None
    end = min((i for i in (after.find(c) for c in "/?#") if i >= 0), default=len(after))
    hostport, tail = after[:end], after[end:]
    if hostport.startswith("["):
        inside, closed, following = hostport[1:].partition("]")
        if closed and (not following or following.startswith(":")):
            host, port = f"[{inside}]", (following[1:] if following else None)
        else:
            host, port = hostport, None
    elif hostport.count(":") > 1:
        host, port = hostport, None
    else:
        host, colon, port_text = hostport.partition(":")
        port = port_text if colon else None
    return ProxyText(scheme, userinfo, host, port, tail)


def host_problem(host: str) -> str | None:
    """Why ``host`` (as ``split_proxy()`` gives it) cannot be a proxy's host, or None."""
    if not host:
        return "names no host"
    if host.startswith("["):
        inside = host[1:-1]
        if not (host.endswith("]") and IPV6_TEXT.fullmatch(inside) and is_ipv6(inside)):
            return "has an IPv6 address that is not valid or lacks its closing ]"
        return None
    if ":" in host:
        return "has an IPv6 address without brackets (write it as http://[::1]:3128)"
    if not HOST_NAME.fullmatch(host) or ascii_host(host) is None:
        return "names a host that is not a valid host name"
    return None


def port_problem(port: str | None) -> str | None:
    """Why ``port`` (the text after the host's ``:``) cannot be a proxy's port, or None."""
    if not port:
        return None
    if not PORT.fullmatch(port) or int(port) > 65535:
        return "has a port that is not a number from 1 to 65535"
    if int(port) == 0:
        return "names port 0, where no proxy can listen: give the proxy's real port"
    return None


def scheme_problem(scheme: str | None) -> str | None:
    """Why a proxy setting with ``scheme`` cannot be used by the doctor, or None."""
    if scheme is None or scheme in HTTP_SCHEMES:
        return None
    if scheme.startswith("socks"):
        return f"names a SOCKS proxy; {ONLY_HTTP}"
    if scheme in KNOWN_SCHEMES:
        return f"uses {scheme}://, which is not a proxy; {ONLY_HTTP}"
    return f"uses a scheme the doctor does not know; {ONLY_HTTP}"


def tail_problem(parts: ProxyText) -> str | None:
    """Why the text after ``host:port`` makes the setting unusable, or None.

    After ``http://host:port`` the doctor ignores the rest, as urllib ignores a path. A
    setting without a scheme must end at the port (or a ``/``): urllib would read the rest
    as part of the port.
    """
    if parts.scheme is not None or parts.tail in ("", "/"):
        return None
    return "has more after host:port than a proxy setting holds (write it as http://host:port)"


def ascii_host(host: str) -> str | None:
    """``host`` as it is sent over the network (IDNA for international names), or None."""
    try:
        return host.encode("idna").decode("ascii")
    except (UnicodeError, ValueError):
        return None


def mask(url: str) -> str:
    """The proxy setting as it may be printed: no user name, no password, never fails.

    Only a known scheme, a valid host and a port number are shown as written; a sign-in
    becomes ``***@`` and anything else ``?``. A path, query or fragment is left out.
    """
    if not url.strip():
        return "(empty)"
    parts = split_proxy(url)
    shown = ""
    if parts.scheme is not None:
        shown += (parts.scheme if parts.scheme in KNOWN_SCHEMES else "?") + "://"
    if parts.userinfo is not None:
        shown += "***@"
    shown += "?" if host_problem(parts.host) else parts.host
    if parts.port:
        readable = PORT.fullmatch(parts.port) and int(parts.port) <= 65535
        shown += ":" + (parts.port if readable else "?")
    return shown


def proxy_for(endpoint: Endpoint, proxies: dict[str, str]) -> str | None:
    """The HTTPS proxy the environment sets for ``endpoint``, unless NO_PROXY excludes it."""
    url = proxies.get("https")
    if not url:
        return None
    # Undocumented but present in every Python 3 (typeshed leaves it out): NO_PROXY handling
    # that takes our own proxies mapping, which proxy_bypass() does not.
    if urllib.request.proxy_bypass_environment(endpoint.host, proxies):  # type: ignore[attr-defined]
        return None
    return url


@dataclass(frozen=True)
class ProxySetting:
    """Where an HTTP proxy listens, and the sign-in its URL carries (if any)."""

    host: str
    port: int
    port_given: bool
    credentials: str | None

    @property
    def authorization(self) -> str | None:
        """The ``Proxy-Authorization`` header value (Basic), when the URL carries a user."""
        if self.credentials is None:
            return None
        try:
            raw = self.credentials.encode("utf-8", "surrogateescape")
        except UnicodeError:
            raw = self.credentials.encode("utf-8", "replace")
        return "Basic " + base64.b64encode(raw).decode("ascii")


def parse_proxy(url: str) -> ProxySetting:
    """Read a proxy URL such as ``http://user:pass@proxy.example:8080`` as urllib does.

    Without a port, the proxy is reached on port 443: Python's urllib opens HTTPS through a
    proxy with an HTTPS connection class, whose default port is 443. User name and password
    are percent-decoded and sent as Basic credentials, as urllib sends them. A setting
    without a scheme (``proxy:8080``) is an HTTP proxy, as for urllib.

    Raises:
        UsageError: when the setting is empty, is not an HTTP proxy, or has no usable host
            or port. The message shows the setting only as ``mask()`` does.
    """
    if not url.strip():
        raise UsageError("the proxy setting is empty")
    parts = split_proxy(url)
    problem = (
        scheme_problem(parts.scheme)
        or host_problem(parts.host)
        or port_problem(parts.port)
        or tail_problem(parts)
    )
    if problem:
        raise UsageError(f"the proxy setting {mask(url)} {problem}")
    credentials = None
    if parts.userinfo is not None:
        user, _, password = parts.userinfo.partition(":")
        credentials = f"{unquote(user)}:{unquote(password)}"
    host = parts.host[1:-1] if parts.host.startswith("[") else parts.host
    default = http.client.HTTPSConnection.default_port
    port = int(parts.port) if parts.port else default
    return ProxySetting(host, port, bool(parts.port), credentials)


def check_proxy(
    proxies: dict[str, str], endpoints: list[Endpoint], automatic: str | None = None
) -> Finding:
    """Report the proxy settings that apply to the portal, and any automatic set-up seen."""
    used = sorted({mask(p) for p in (proxy_for(e, proxies) for e in endpoints) if p})
    notes = []
    if used:
        notes.append(
            f"HTTPS goes through the proxy {', '.join(used)}; "
            "the checks below use it, as a browser would"
        )
    if automatic:
        notes.append(
            f"this computer picks its proxy automatically ({automatic}); this tool cannot "
            "follow that set-up"
            + ("" if used else ", so it connects directly where a browser may use a proxy")
        )
    if not notes:
        return Finding("proxy-settings", "this computer", "ok", "no proxy is set for these hosts")
    return Finding("proxy-settings", "this computer", "warn", "; ".join(notes))


# Automatic proxy set-ups (PAC files and WPAD) the doctor can see but cannot follow ----------


def windows_automatic_proxy(auto_config_url: str | None, connection: bytes) -> str | None:
    """Describe Internet Options' automatic set-up from its registry values.

    Args:
        auto_config_url: The ``AutoConfigURL`` value (a PAC file), if set.
        connection: The ``DefaultConnectionSettings`` value; byte 8 holds the flags, where
            0x08 means "Automatically detect settings" (WPAD).
    """
    if auto_config_url:
        return f"a proxy script (PAC) at {auto_config_url}"
    if len(connection) > 8 and connection[8] & 0x08:
        return "automatic detection (WPAD) in Internet Options"
    return None


def scutil_automatic_proxy(output: str) -> str | None:
    """Describe macOS's automatic proxy set-up from the output of ``scutil --proxy``."""
    values = dict(re.findall(r"^\s*(\w+)\s*:\s*(.*?)\s*$", output, re.MULTILINE))
    if values.get("ProxyAutoConfigEnable") == "1":
        return f"a proxy script (PAC) at {values.get('ProxyAutoConfigURLString', '?')}"
    if values.get("ProxyAutoDiscoveryEnable") == "1":
        return "automatic proxy discovery (WPAD) in the network settings"
    return None


def gnome_automatic_proxy(mode: str, url: str) -> str | None:
    """Describe GNOME's automatic proxy set-up from ``gsettings`` (``mode``, ``autoconfig-url``)."""
    if mode.strip().strip("'") != "auto":
        return None
    script = url.strip().strip("'")
    return f"a proxy script (PAC) at {script}" if script else "automatic detection (WPAD)"


def run_quietly(command: list[str]) -> str:
    """The output of ``command``, or an empty string when it cannot be run."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def detect_automatic_proxy() -> str | None:
    """Look for a PAC file or WPAD where this system keeps its proxy settings, if one can."""
    if sys.platform == "win32":
        return read_windows_automatic_proxy()
    if sys.platform == "darwin" and shutil.which("scutil"):
        return scutil_automatic_proxy(run_quietly(["scutil", "--proxy"]))
    if shutil.which("gsettings"):
        schema = "org.gnome.system.proxy"
        mode = run_quietly(["gsettings", "get", schema, "mode"])
        url = run_quietly(["gsettings", "get", schema, "autoconfig-url"])
        return gnome_automatic_proxy(mode, url)
    return None


def read_windows_automatic_proxy() -> str | None:
    """Read Internet Options from the Windows registry (current user)."""
    if sys.platform != "win32":
        return None
    import winreg  # only on Windows

    key_path = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"
    values: dict[str, object] = {}
    for sub, name in (("", "AutoConfigURL"), ("\\Connections", "DefaultConnectionSettings")):
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path + sub) as key:
                values[name] = winreg.QueryValueEx(key, name)[0]
        except OSError:
            continue
    url = values.get("AutoConfigURL")
    blob = values.get("DefaultConnectionSettings")
    return windows_automatic_proxy(
        url if isinstance(url, str) else None, blob if isinstance(blob, bytes) else b""
    )


# Probes of one endpoint ------------------------------------------------------------------


class Probe:
    """Runs the network checks of one endpoint, one after the other, within a deadline."""

    def __init__(
        self,
        endpoint: Endpoint,
        trust: Trust,
        deadline: float,
        proxy: str | None,
    ) -> None:
        self.endpoint = endpoint
        self.trust = trust
        self.deadline = deadline
        self.proxy = proxy
        self.findings: list[Finding] = []
        self.stage = "dns-lookup"
        self.done = False
        self.quiet = False
        self.broken: str | None = None

    def remaining(self) -> float:
        """Seconds left before the deadline (never below a small positive number)."""
        return max(self.deadline - time.monotonic(), 0.01)

    def add(self, check: str, status: str, summary: str) -> None:
        """Record a finding for this endpoint (unless reconnecting quietly for a retry)."""
        if not self.quiet:
            self.findings.append(Finding(check, self.endpoint.name, status, summary))

    def run(self) -> None:
        """Run every check in order; stop at the first one that fails."""
        try:
            sock = self.connect()
            if sock is None:
                return
            tls = self.handshake(sock)
            if tls is None:
                return
            date = self.fetch(tls)
            if date is not None:
                self.clock(date)
        except Exception as error:  # noqa: BLE001 - the report must say which check broke
            self.broken = type(error).__name__
        finally:
            self.done = True

    def connect(self) -> socket.socket | None:
        """DNS and TCP, directly or through the proxy."""
        if self.proxy:
            self.add("dns-lookup", "skip", "the proxy looks up the name")
            return self.connect_via_proxy(self.proxy)
        self.stage = "dns-lookup"
        started = time.monotonic()
        try:
            infos = socket.getaddrinfo(
                self.endpoint.host, self.endpoint.port, type=socket.SOCK_STREAM
            )
        except (socket.gaierror, UnicodeError) as error:
            self.add("dns-lookup", "fail", f"the name does not resolve ({error})")
            return None
        addresses = sorted({str(info[4][0]) for info in infos})
        self.add(
            "dns-lookup", "ok", f"{', '.join(addresses[:3])} ({time.monotonic() - started:.2f} s)"
        )
        self.stage = "tcp-connect"
        started = time.monotonic()
        try:
            sock = socket.create_connection(
                (self.endpoint.host, self.endpoint.port), timeout=self.remaining()
            )
        except OSError as error:
            self.add(
                "tcp-connect",
                "fail",
                f"cannot connect to port {self.endpoint.port}: {describe(error)}",
            )
            return None
        self.add(
            "tcp-connect",
            "ok",
            f"port {self.endpoint.port} open ({time.monotonic() - started:.2f} s)",
        )
        return sock

    def connect_via_proxy(self, proxy: str) -> socket.socket | None:
        """Open a tunnel to the endpoint through an HTTP proxy (CONNECT), signing in if told."""
        self.stage = "tcp-connect"
        try:
            setting = parse_proxy(proxy)
        except UsageError as error:
            self.add("tcp-connect", "fail", str(error))
            return None
        target = self.endpoint.wire_authority
        if target is None:
            self.add(
                "tcp-connect",
                "fail",
                "this host name cannot be sent to a proxy: it is not a valid international "
                "domain name",
            )
            return None
        head = [f"CONNECT {target} HTTP/1.1", f"Host: {target}", f"User-Agent: {USER_AGENT}"]
        if setting.authorization:
            head.append(f"Proxy-Authorization: {setting.authorization}")
        try:
            sock = socket.create_connection((setting.host, setting.port), timeout=self.remaining())
            sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode("ascii"))
            answer = read_head(sock)
        except (OSError, UnicodeError) as error:
            self.add(
                "tcp-connect", "fail", f"cannot reach the proxy {mask(proxy)}: {describe(error)}"
            )
            return None
        refusal = tunnel_refusal(answer, setting)
        if refusal:
            self.add("tcp-connect", "fail", f"the proxy {mask(proxy)} {refusal}")
            sock.close()
            return None
        via = mask(proxy)
        if not setting.port_given:
            via += f" (no port given: port {setting.port}, as Python's urllib uses)"
        self.add("tcp-connect", "ok", f"tunnel to port {self.endpoint.port} through {via}")
        return sock

    def handshake(self, sock: socket.socket) -> ssl.SSLSocket | None:
        """The TLS handshake against the trust store, with certificate details."""
        self.stage = "tls-handshake"
        sock.settimeout(self.remaining())
        try:
            tls = self.trust.context().wrap_socket(sock, server_hostname=self.endpoint.host)
        except ssl.SSLCertVerificationError as error:
            sock.close()
            return self.untrusted(error)
        except (ssl.SSLError, OSError) as error:
            self.add("tls-handshake", "fail", f"the secure connection failed: {describe(error)}")
            sock.close()
            return None
        self.add("tls-handshake", *certificate_summary(tls))
        return tls

    def untrusted(self, error: ssl.SSLCertVerificationError) -> ssl.SSLSocket | None:
        """Explain a certificate Python could not verify; retry without strict X.509 checks."""
        if self.trust.strict():
            tls = self.retry_without_strict_checks()
            if tls is not None:
                status, summary = certificate_summary(tls)
                self.add(
                    "tls-handshake",
                    "warn",
                    f"Python could not verify the certificate with the strict X.509 checks of "
                    f"Python 3.13 and newer ({error.verify_message}); without them it is "
                    f"trusted, so this run went on that way. A certificate in the chain does "
                    f"not follow current rules (often a company's inspection proxy); browsers "
                    f"accept it. {summary}",
                )
                return tls
        self.add(
            "tls-handshake",
            "fail",
            f"Python could not verify the certificate: {error.verify_message}. Your browser "
            f"may still open the portal, because it may trust other certificates than Python. "
            f"Python looks for trusted certificates in {self.trust.where()}",
        )
        return None

    def retry_without_strict_checks(self) -> ssl.SSLSocket | None:
        """Connect again, quietly, and shake hands without VERIFY_X509_STRICT."""
        self.quiet = True
        try:
            sock = self.connect()
            if sock is None:
                return None
            sock.settimeout(self.remaining())
            context = self.trust.context(strict=False)
            try:
                return context.wrap_socket(sock, server_hostname=self.endpoint.host)
            except (ssl.SSLError, OSError):
                sock.close()
                return None
        finally:
            self.quiet = False
            self.stage = "tls-handshake"

    def fetch(self, tls: ssl.SSLSocket) -> str | None:
        """A plain GET of the public page; returns the server's Date header."""
        self.stage = "https-get"
        connection = http.client.HTTPSConnection(
            self.endpoint.host, self.endpoint.port, timeout=self.remaining()
        )
        connection.sock = tls
        started = time.monotonic()
        try:
            connection.request(
                "GET",
                self.endpoint.path,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html"},
            )
            response = connection.getresponse()
            response.read(65536)
        except (OSError, http.client.HTTPException) as error:
            self.add(
                "https-get", "fail", f"no answer to GET {self.endpoint.path}: {describe(error)}"
            )
            return None
        finally:
            connection.close()
        seconds = time.monotonic() - started
        summary = f"HTTP {response.status} {response.reason} in {seconds:.2f} s"
        if response.status >= 500:
            self.add("https-get", "fail", f"{summary}: the portal reports an error")
        elif response.status in (403, 429):
            self.add("https-get", "warn", f"{summary}: the portal refused this computer")
        elif response.status >= 400:
            self.add("https-get", "warn", summary)
        elif seconds > SLOW_SECONDS:
            self.add("https-get", "warn", f"{summary}: slow")
        else:
            self.add("https-get", "ok", summary)
        date = response.getheader("Date")
        if date is None:
            self.add("clock-skew", "skip", "not run: the server sent no Date header")
        return date

    def clock(self, date_header: str) -> None:
        """Compare this computer's clock with the server's Date header."""
        self.stage = "clock-skew"
        try:
            server = email.utils.parsedate_to_datetime(date_header)
        except (TypeError, ValueError):
            self.add(
                "clock-skew", "skip", f"the server sent an unreadable Date header: {date_header!r}"
            )
            return
        if server.tzinfo is None:
            server = server.replace(tzinfo=timezone.utc)
        skew = (datetime.now(timezone.utc) - server).total_seconds()
        words = (
            f"this computer is {abs(skew):.0f} s {'ahead of' if skew > 0 else 'behind'} the server"
        )
        if abs(skew) >= CLOCK_FAIL_SECONDS:
            self.add("clock-skew", "fail", words)
        elif abs(skew) >= CLOCK_WARN_SECONDS:
            self.add("clock-skew", "warn", words)
        else:
            self.add("clock-skew", "ok", f"within {CLOCK_WARN_SECONDS} s of the server")


STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)? (\d{3})(?: (.*))?$")


def tunnel_refusal(answer: str, setting: ProxySetting) -> str | None:
    """Why a proxy's answer to CONNECT refuses the tunnel, or None when it opened it.

    The status code is read from the status line, never searched for in the text.
    """
    status_line, _, headers = answer.partition("\r\n")
    match = STATUS_LINE.match(status_line)
    if not match:
        return f"answered something that is not HTTP: {status_line[:80]!r}"
    code = int(match[1])
    if 200 <= code < 300:
        return None
    words = f"HTTP {code} {match[2] or ''}".strip()
    if code != 407:
        return f"refused the tunnel: {words}"
    schemes = sorted(set(re.findall(r"(?im)^proxy-authenticate:\s*([A-Za-z-]+)", headers)))
    asks = f" (it asks for: {', '.join(schemes)})" if schemes else ""
    if setting.credentials is None:
        return (
            f"needs you to sign in ({words}){asks}. Browsers do this for you with your "
            "Windows login; this tool cannot. Put a proxy user name and password in the "
            "proxy setting (http://user:password@proxy:port), or ask IT"
        )
    return (
        f"refused the user name and password in the proxy setting ({words}){asks}; "
        "this tool can only send them as Basic sign-in"
    )


def certificate_summary(tls: ssl.SSLSocket) -> tuple[str, str]:
    """Status and summary of a verified certificate: version, issuer, expiry."""
    cert = tls.getpeercert() or {}
    issuer: dict[str, str] = {}
    for relative_name in cert.get("issuer", ()):
        for pair in relative_name:
            if isinstance(pair, tuple) and len(pair) == 2:
                issuer[str(pair[0])] = str(pair[1])
    not_after = cert.get("notAfter")
    expires = ssl.cert_time_to_seconds(not_after) if isinstance(not_after, str) else None
    days = None if expires is None else int((expires - time.time()) // 86400)
    issued_by = issuer.get("organizationName") or issuer.get("commonName", "?")
    summary = f"{tls.version()}, certificate issued by {issued_by}"
    if days is not None:
        summary += f", expires in {days} days"
    summary += ", name matches"
    return ("warn" if days is not None and days < CERT_WARN_DAYS else "ok"), summary


class Trust:
    """Where Python's trusted certificates come from, and contexts that use them."""

    def __init__(self, cafile: str | None = None, strict_x509: bool | None = None):
        """``strict_x509`` None keeps this Python's default (strict from Python 3.13 on)."""
        self.cafile = cafile
        self.strict_x509 = strict_x509

    def context(self, strict: bool | None = None) -> ssl.SSLContext:
        """A verifying context; ``strict`` False turns VERIFY_X509_STRICT off."""
        context = ssl.create_default_context(cafile=self.cafile)
        wanted = self.strict_x509 if strict is None else strict
        if wanted is True:
            context.verify_flags |= ssl.VERIFY_X509_STRICT
        elif wanted is False:
            context.verify_flags &= ~ssl.VERIFY_X509_STRICT
        return context

    def strict(self) -> bool:
        """True when the contexts check X.509 strictly (the default from Python 3.13 on)."""
        return bool(self.context().verify_flags & ssl.VERIFY_X509_STRICT)

    def where(self) -> str:
        """Where this Python looks for trusted certificates, in words."""
        if self.cafile:
            return f"the file {self.cafile} (given with --cafile)"
        paths = ssl.get_default_verify_paths()
        places = []
        if paths.cafile:
            places.append(f"the file {paths.cafile}")
        if paths.capath:
            places.append(f"the folder {paths.capath}")
        if sys.platform == "win32":
            places.append("the Windows certificate store")
        if not places:
            places.append(f"nowhere that exists (the default file would be {paths.openssl_cafile})")
        hint = f"; set {paths.openssl_cafile_env} to use another file"
        if sys.platform == "darwin" and not paths.cafile:
            hint += ", or run 'Install Certificates.command' from your Python folder"
        return " and ".join(places) + hint


def read_head(sock: socket.socket, limit: int = 16384) -> str:
    """Read an HTTP response head (up to the blank line) from a raw socket."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < limit:
        chunk = sock.recv(1024)
        if not chunk:
            break
        data += chunk
    return data.decode("latin-1")


def describe(error: BaseException) -> str:
    """A short description of a network error."""
    if isinstance(error, socket.timeout):
        return "timed out"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return text


# Running everything -------------------------------------------------------------------


def diagnose(
    endpoints: list[Endpoint],
    timeout: float,
    cafile: str | None = None,
    proxies: dict[str, str] | None = None,
    automatic_proxy: str | None = None,
    strict_x509: bool | None = None,
) -> list[Finding]:
    """Run every check, probing the endpoints concurrently, within ``timeout`` seconds.

    Args:
        endpoints: The hosts to probe.
        timeout: The bound on the whole run, in seconds, even when every probe hangs.
        cafile: A trust file to use instead of the system's trust store.
        proxies: Proxy settings; by default read from the environment, and then any automatic
            set-up (PAC file, WPAD) this system shows is looked for too.
        automatic_proxy: With ``proxies`` given: a description of an automatic set-up.
        strict_x509: Force strict X.509 checking on or off; by default Python's own choice
            (on from Python 3.13).

    Returns:
        The findings, grouped by target in check order.
    """
    deadline = time.monotonic() + timeout
    if proxies is None:
        proxies = urllib.request.getproxies()
        automatic_proxy = detect_automatic_proxy()
    trust = Trust(cafile, strict_x509)
    findings = [check_python(), check_proxy(proxies, endpoints, automatic_proxy)]
    probes = [Probe(e, trust, deadline, proxy_for(e, proxies)) for e in endpoints]
    threads = [threading.Thread(target=probe.run, daemon=True) for probe in probes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(deadline - time.monotonic(), 0))
    for probe in probes:
        findings.extend(probe_results(probe, timeout))
    return findings


def probe_results(probe: Probe, timeout: float) -> list[Finding]:
    """One probe's findings in check order, with a line for every check that did not run.

    A probe that ran out of time, or that stopped on an error in the doctor itself, fails
    the check it was in; each later check is reported as not run, with the reason.
    """
    results = list(probe.findings)
    target = probe.endpoint.name
    ran = {f.check for f in results}
    missing = [check for check in PROBE_CHECKS if check not in ran]
    stopped = ""
    if probe.broken is not None or not probe.done:
        stopped = probe.stage if probe.stage in missing else (missing or [probe.stage])[0]
    if probe.broken is not None:
        summary = (
            f"the doctor itself failed in this check ({probe.broken}); please report it "
            f"with this output"
        )
        results.append(Finding(stopped, target, "fail", summary))
        reason = f"the doctor failed in {stopped}"
    elif not probe.done:
        summary = f"no answer within the {timeout:g} s time limit"
        results.append(Finding(stopped, target, "fail", summary))
        reason = "the time limit ran out"
    else:
        failed = [f.check for f in results if f.status == "fail"]
        reason = f"{failed[0]} failed" if failed else "an earlier check did not finish"
    results.extend(
        Finding(check, target, "skip", f"not run: {reason}")
        for check in missing
        if check != stopped
    )
    return sorted(results, key=lambda f: CHECKS.index(f.check))


def exit_status(findings: list[Finding]) -> int:
    """0 when all is well, 1 with warnings only, 2 with any failure."""
    return max((SEVERITY[f.status] for f in findings), default=0)


def render(findings: list[Finding]) -> str:
    """A readable table, then a line per problem with its help link."""
    width_check = max(len(f.check) for f in findings)
    width_target = max(len(f.target) for f in findings)
    lines = [f"{'CHECK':<{width_check}}  {'TARGET':<{width_target}}  RESULT  DETAILS"]
    for finding in findings:
        lines.append(
            f"{finding.check:<{width_check}}  {finding.target:<{width_target}}  "
            f"{finding.status.upper():<6}  {finding.summary}"
        )
    problems = [f for f in findings if f.status in ("warn", "fail")]
    counts = {s: sum(1 for f in findings if f.status == s) for s in ("fail", "warn", "skip")}
    skipped = f", {counts['skip']} not run" if counts["skip"] else ""
    lines.append("")
    lines.append(
        f"{counts['fail']} failed, {counts['warn']} warnings{skipped}, {len(findings)} checks"
    )
    seen = set()
    for finding in problems:
        if finding.check not in seen:
            seen.add(finding.check)
            lines.append(f"Help for {finding.check}: {finding.help}")
    return "\n".join(lines)


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with status 2."""

    def error(self, message: str) -> NoReturn:
        """Print ``doctor: error: ...`` and exit 2."""
        self.exit(2, f"{self.prog}: error: {message} (try --help)\n")


def positive_seconds(text: str) -> float:
    """An argparse type: a number of seconds between 1 and 600."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 1 <= value <= 600:
        raise argparse.ArgumentTypeError("the timeout must be between 1 and 600 seconds")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = OneLineParser(prog="doctor", description="Diagnose the connection to ICEGATE.")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=20.0,
        help="bound on the whole run (default 20 s)",
    )
    parser.add_argument(
        "--host",
        action="append",
        metavar="HOST[:PORT]",
        help="probe this host instead of the ICEGATE hosts (repeatable)",
    )
    parser.add_argument("--cafile", help="trust this certificate file instead of the system store")
    return parser


def main(argv: list[str] | None = None, run: Callable[..., list[Finding]] = diagnose) -> int:
    """Run the command line; return the exit status."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        endpoints = [parse_endpoint(text) for text in (args.host or DEFAULT_HOSTS)]
        if args.cafile:
            ssl.create_default_context(cafile=args.cafile)
    except UsageError as error:
        parser.error(str(error))
    except (OSError, ssl.SSLError) as error:
        parser.error(f"cannot use the trust file {args.cafile!r}: {describe(error)}")
    try:
        findings = run(endpoints, args.timeout, args.cafile)
    except Exception as error:  # noqa: BLE001 - one line for the reader, never a traceback
        print(
            f"{parser.prog}: the doctor itself failed ({type(error).__name__}); please report it",
            file=sys.stderr,
        )
        return 2
    status = exit_status(findings)
    if args.json:
        report = {"findings": [f.to_dict() for f in findings], "exit_status": status}
        print(json.dumps(report, indent=2))
    else:
        print(render(findings))
    sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
