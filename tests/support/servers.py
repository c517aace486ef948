"""Local servers for the doctor's tests: HTTPS with a test CA, a silent port, a CONNECT proxy."""

from __future__ import annotations

import base64
import contextlib
import select
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import trustme

from scripts.common.localserver import serve


@dataclass
class Https:
    """A running HTTPS server and the CA file that trusts it."""

    host: str
    port: int
    cafile: str


def lax_certificate(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A CA and a server certificate that pass OpenSSL's usual checks but not its strict ones.

    The server certificate has no Authority Key Identifier and the CA's Basic Constraints are
    not marked critical, as with some companies' TLS-inspection proxies. Python 3.13 and
    newer check strictly by default and refuse it; browsers and older Pythons accept it.

    Returns:
        The CA file and the server's certificate-and-key file.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.now(UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Office inspection CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(issuer)
        .issuer_name(issuer)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    cafile, chain = tmp_path / "lax-ca.pem", tmp_path / "lax-server.pem"
    cafile.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    chain.write_bytes(leaf.public_bytes(serialization.Encoding.PEM) + private)
    return cafile, chain


@contextlib.contextmanager
def https_server(
    tmp_path: Path,
    *,
    cert_names: tuple[str, ...] = ("localhost",),
    status: int = 200,
    skew: timedelta = timedelta(0),
    expired: bool = False,
    lax: bool = False,
    address: str = "127.0.0.1",
) -> Iterator[Https]:
    """An HTTPS server on ``address`` whose certificate comes from a throw-away CA.

    ``lax`` uses a certificate that only passes without strict X.509 checks; ``address``
    ``::1`` serves on IPv6 (give ``cert_names=("::1",)``).
    """
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    if lax:
        cafile, chain = lax_certificate(tmp_path, cert_names[0])
        context.load_cert_chain(str(chain))
    else:
        ca = trustme.CA()
        if expired:
            now = datetime.now(UTC)
            cert = ca.issue_cert(
                *cert_names, not_before=now - timedelta(days=30), not_after=now - timedelta(days=1)
            )
        else:
            cert = ca.issue_cert(*cert_names)
        cafile = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(cafile))
        cert.configure_cert(context)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def date_time_string(self, timestamp: float | None = None) -> str:
            return format_datetime(datetime.now(UTC) + skew, usegmt=True)

        def do_GET(self) -> None:
            body = b"<html><body>imitation portal</body></html>"
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serve(Handler, host=address, tls=context) as server:
        host = address if ":" in address else "localhost"
        yield Https(host, server.port, str(cafile))


@contextlib.contextmanager
def silent_port() -> Iterator[int]:
    """A port that accepts connections and then never says anything."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                accepted.append(listener.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        time.sleep(0.3)
        for connection in accepted:
            connection.close()
        listener.close()


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening (connections are refused)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


@dataclass
class Proxy:
    """A running CONNECT proxy, the tunnels it opened and the sign-ins it was sent."""

    url: str
    tunnels: list[str]
    authorizations: list[str | None]
    port: int = 0


@contextlib.contextmanager
def connect_proxy(
    credentials: tuple[str, str] | None = None, refusal: str | None = None
) -> Iterator[Proxy]:
    """A minimal HTTP CONNECT proxy on 127.0.0.1 that tunnels to local ports only.

    Args:
        credentials: When given, the proxy demands Basic sign-in with this user name and
            password, and answers 407 Proxy Authentication Required without them.
        refusal: When given, the proxy answers every CONNECT with this raw status line.
    """
    tunnels: list[str] = []
    authorizations: list[str | None] = []
    expected = None
    if credentials:
        expected = "Basic " + base64.b64encode(":".join(credentials).encode()).decode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_CONNECT(self) -> None:
            host, _, port = self.path.rpartition(":")
            tunnels.append(self.path)
            authorizations.append(self.headers.get("Proxy-Authorization"))
            if refusal:
                self.wfile.write(f"{refusal}\r\nContent-Length: 0\r\n\r\n".encode("latin-1"))
                return
            if expected and self.headers.get("Proxy-Authorization") != expected:
                self.send_response(407, "Proxy Authentication Required")
                self.send_header("Proxy-Authenticate", 'Basic realm="office"')
                self.send_header("Proxy-Authenticate", "Negotiate")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if host not in ("localhost", "127.0.0.1", "[::1]"):
                self.send_error(403, "only local tunnels")
                return
            host = host.strip("[]")
            upstream = socket.create_connection(
                ("::1" if host == "::1" else "127.0.0.1", int(port)), timeout=5
            )
            self.send_response(200, "Connection established")
            self.end_headers()
            sockets = [self.connection, upstream]
            while True:
                readable, _, _ = select.select(sockets, [], [], 5)
                if not readable:
                    break
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        upstream.close()
                        return
                    (upstream if sock is self.connection else self.connection).sendall(data)

    with serve(Handler) as server:
        yield Proxy(f"http://127.0.0.1:{server.port}", tunnels, authorizations, server.port)
