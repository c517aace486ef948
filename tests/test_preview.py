"""make serve: both editions on one address, each with its own live reload."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from scripts.tools.preview import upstream_for

ROOT = Path(__file__).resolve().parents[1]
ENGLISH, HINDI = 8001, 8002


def test_hindi_pages_go_to_the_hindi_server():
    assert upstream_for("/hi/log-in/steps/", None, ENGLISH, HINDI) == HINDI


def test_the_hindi_home_without_its_slash_goes_to_the_hindi_server():
    assert upstream_for("/hi", None, ENGLISH, HINDI) == HINDI


def test_english_pages_and_assets_go_to_the_english_server():
    assert upstream_for("/hindi-words/", None, ENGLISH, HINDI) == ENGLISH
    assert upstream_for("/assets/stylesheets/extra.css", None, ENGLISH, HINDI) == ENGLISH


def test_a_live_reload_poll_goes_to_the_server_of_the_page_that_asked():
    hindi_page = "http://127.0.0.1:8000/hi/log-in/otp/"
    assert upstream_for("/livereload/1/2", hindi_page, ENGLISH, HINDI) == HINDI
    assert upstream_for("/livereload/1/2", "http://127.0.0.1:8000/", ENGLISH, HINDI) == ENGLISH


def free_port_run(count: int) -> int:
    """A port such that it and the next ``count - 1`` ports are free on 127.0.0.1."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + count > 65535:
            continue
        try:
            held = []
            for port in range(first, first + count):
                sock = socket.socket()
                held.append(sock)
                sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in held:
                sock.close()
    raise RuntimeError("no run of free ports")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read().decode("utf-8")


@pytest.fixture(scope="module")
def preview() -> Iterator[str]:
    port = free_port_run(3)
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts.tools.preview", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(base + "hi/")
                fetch(base)
                break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the preview did not answer within 60 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_preview_serves_the_english_home_page(preview: str):
    assert '<html lang="en"' in fetch(preview)


def test_preview_serves_the_hindi_edition_under_hi(preview: str):
    assert '<html lang="hi"' in fetch(preview + "hi/log-in/steps/")


def test_the_language_switch_of_the_preview_leads_to_a_page(preview: str):
    page = preview + "log-in/steps/"
    found = re.search(r'<a href="([^"]+)" hreflang="hi"', fetch(page))
    assert found, "no link to the Hindi edition on the English page"
    assert '<html lang="hi"' in fetch(urljoin(page, found.group(1)))
