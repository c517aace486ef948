"""The doctor never prints a proxy password, and no proxy setting makes it end in a traceback.

Every proxy form that printed a password or crashed in the December 2026 security review
(missing scheme, ``@`` and ``:`` in the sign-in, unencoded ``/ ? #``, ports 0/99999/abc,
IPv6 literals, odd schemes, empty values) is run through the command line against a local
proxy on 127.0.0.1 that answers 407. All of them run in this process (cheap); the
representative ones also run as a real ``python doctor.py`` process, in text and ``--json``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote

import doctor
import pytest

from tests.support.servers import closed_port, connect_proxy

DOCTOR = Path(__file__).resolve().parents[2] / "snippets" / "doctor.py"
USER = "alice"

# (id, HTTPS_PROXY value with {port} for the local proxy, the password it holds, the words
# the doctor must say about it). An empty password means the form holds none.
FORMS = [
    ("no-scheme", "alice:S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "refused the user name"),
    ("no-scheme-slash", "alice:p/ss@127.0.0.1:{port}", "p/ss", "refused the user name"),
    ("no-scheme-question", "alice:pa?ss@127.0.0.1:{port}", "pa?ss", "refused the user name"),
    ("no-scheme-hash", "alice:pa#ss@127.0.0.1:{port}", "pa#ss", "refused the user name"),
    ("no-scheme-at-colon", "alice:p@ss:word@127.0.0.1:{port}", "p@ss:word", "refused"),
    ("slash", "http://alice:pa/S3cr3tPW@127.0.0.1:{port}", "pa/S3cr3tPW", "refused"),
    ("question", "http://alice:pa?ss@127.0.0.1:{port}", "pa?ss", "refused"),
    ("hash", "http://alice:pa#ss@127.0.0.1:{port}", "pa#ss", "refused"),
    ("at-and-colon", "http://alice:p@ss:word@127.0.0.1:{port}", "p@ss:word", "refused"),
    ("every-mark", "http://alice:p/a?s#s@w:rd@127.0.0.1:{port}", "p/a?s#s@w:rd", "refused"),
    ("percent-encoded", "http://alice:pa%2FS3cr3tPW@127.0.0.1:{port}", "pa%2FS3cr3tPW", "refused"),
    ("scheme-inside", "http://alice:S3cr3tPW://x@127.0.0.1:{port}", "S3cr3tPW://x", "refused"),
    ("space", "http://alice:S3cr 3tPW@127.0.0.1:{port}", "S3cr 3tPW", "refused"),
    ("newline", "http://alice:S3cr3tPW\n@127.0.0.1:{port}", "S3cr3tPW", "refused"),
    ("non-ascii", "http://alice:S3cr3tPWé@127.0.0.1:{port}", "S3cr3tPWé", "refused"),
    ("https-scheme", "https://alice:S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "refused"),
    ("upper-case-scheme", "HTTP://alice:S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "refused"),
    ("trailing-slash", "http://alice:S3cr3tPW@127.0.0.1:{port}/", "S3cr3tPW", "refused"),
    ("empty-user", "http://:S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "refused"),
    ("port-99999", "http://alice:S3cr3tPW@127.0.0.1:99999", "S3cr3tPW", "not a number from 1"),
    ("port-0", "http://alice:S3cr3tPW@127.0.0.1:0", "S3cr3tPW", "names port 0"),
    ("port-abc", "http://alice:S3cr3tPW@127.0.0.1:abc", "S3cr3tPW", "not a number from 1"),
    ("port-99999-no-scheme", "alice:S3cr3tPW@127.0.0.1:99999", "S3cr3tPW", "not a number"),
    ("password-as-port", "alice:S3cr3tPW", "S3cr3tPW", "not a number from 1"),
    ("ipv6-unclosed", "http://alice:S3cr3tPW@[::1", "S3cr3tPW", "lacks its closing ]"),
    ("ipv6-unclosed-port", "http://alice:S3cr3tPW@[::1:{port}", "S3cr3tPW", "closing ]"),
    ("ipv6-without-brackets", "http://alice:S3cr3tPW@::1:{port}", "S3cr3tPW", "without brackets"),
    ("ipv6", "http://alice:S3cr3tPW@[::1]:{closed}", "S3cr3tPW", "cannot reach the proxy"),
    ("ipv6-no-scheme", "alice:S3cr3tPW@[::1]:{closed}", "S3cr3tPW", "cannot reach the proxy"),
    ("socks5", "socks5://alice:S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "names a SOCKS proxy"),
    ("socks5h", "socks5h://alice:S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "only HTTP proxies"),
    ("ftp", "ftp://alice:S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "which is not a proxy"),
    ("file", "file://alice:S3cr3tPW@/etc/passwd", "S3cr3tPW", "which is not a proxy"),
    ("javascript", "javascript://alice:S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "not a proxy"),
    ("javascript-no-slashes", "javascript:alert('S3cr3tPW')", "S3cr3tPW", "not a number"),
    ("unknown-scheme", "alice://S3cr3tPW@127.0.0.1:{port}", "S3cr3tPW", "does not know"),
    ("no-host", "http://alice:S3cr3tPW@", "S3cr3tPW", "names no host"),
    ("no-host-path", "http://alice:S3cr3tPW@/proxy", "S3cr3tPW", "names no host"),
    ("no-scheme-query", "127.0.0.1:{port}?S3cr3tPW", "S3cr3tPW", "more after host:port"),
    ("blank", "   ", "", "the proxy setting is empty"),
    ("only-at", "@", "", "names no host"),
]
# The forms also run as a real process (text and --json): the reviewed failures.
PROCESS_FORMS = {
    "no-scheme",
    "no-scheme-slash",
    "question",
    "hash",
    "at-and-colon",
    "port-99999",
    "ipv6-unclosed",
    "socks5",
    "password-as-port",
}


def secret_forms(password: str) -> set[str]:
    """Every way the password could show up: as written, decoded, encoded, and in Basic."""
    forms = {password, unquote(password), quote(password, safe="")}
    for user_pass in (f"{USER}:{password}", f"{USER}:{unquote(password)}"):
        forms.add(base64.b64encode(user_pass.encode()).decode())
    return {form for form in forms if form}


def leaked(output: str, password: str) -> list[str]:
    """The forms of ``password`` found in ``output`` (and in its JSON strings, decoded)."""
    texts = [output]
    with contextlib.suppress(ValueError):
        texts.append(json.dumps(json.loads(output), ensure_ascii=False))
    return sorted(f for f in secret_forms(password) if any(f in text for text in texts))


@pytest.fixture(scope="module")
def proxy():
    """A local proxy that wants a sign-in none of the forms carries (it answers 407)."""
    with connect_proxy(credentials=(USER, "the-right-one")) as running:
        yield running


def setting(template: str, proxy_port: int) -> str:
    return template.format(port=proxy_port, closed=closed_port())


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize(
    ("template", "password", "words"), [f[1:] for f in FORMS], ids=[f[0] for f in FORMS]
)
def test_proxy_setting_password_is_never_printed(proxy, template, password, words, as_json, capsys):
    value = setting(template, proxy.port)
    argv = ["--host", "localhost:1", "--timeout", "10"] + (["--json"] if as_json else [])
    code = doctor.main(argv, run=lambda e, t, c: doctor.diagnose(e, t, c, proxies={"https": value}))
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert leaked(captured.out, password) == [] and leaked(captured.err, password) == []
    assert words in output
    assert "the doctor itself failed" not in output
    assert code == 2


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize(
    ("template", "password", "words"),
    [f[1:] for f in FORMS if f[0] in PROCESS_FORMS],
    ids=[f[0] for f in FORMS if f[0] in PROCESS_FORMS],
)
def test_doctor_process_prints_no_password_and_no_traceback(
    proxy, template, password, words, as_json
):
    env = {"PATH": os.environ.get("PATH", ""), "HTTPS_PROXY": setting(template, proxy.port)}
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", "")
    argv = ["--host", "localhost:1", "--timeout", "10"] + (["--json"] if as_json else [])
    result = subprocess.run(
        [sys.executable, "-I", "-S", str(DOCTOR), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert leaked(result.stdout, password) == [] and leaked(result.stderr, password) == []
    assert "Traceback" not in result.stdout + result.stderr
    assert words in result.stdout
    assert result.returncode == 2


def test_secret_check_finds_a_password_that_is_printed():
    # The check above is only worth something if it would see a leak in each form.
    password = "pa/S3cr3tPW"
    printed = json.dumps({"summary": f"proxy {USER}:{quote(password, safe='')}@host"})
    assert leaked(printed, password) == [quote(password, safe="")]
