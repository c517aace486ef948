"""The sample outputs on the Tools pages are what the real tools print today."""

from __future__ import annotations

import re

import pytest

from tests.snippets.samples import SAMPLES, all_samples

SAMPLE_TEXTS = all_samples()


# Only what changes from run to run or machine to machine is masked: the Python/OS line, the
# test servers' ports, timings and certificate lifetimes. Verdicts, counts and the exit status
# are compared as printed.
VOLATILE = [
    (r"(python-version\s+this computer\s+OK\s+).*", r"\1<python and OS>"),
    (r"\b(127\.0\.0\.1|localhost):\d+", r"\1:<port>"),
    (r"\bport \d+ open", "port <port> open"),
    (r"\b\d+\.\d+ s\b", "<seconds> s"),
    (r"expires in \d+ days", "expires in <days> days"),
    (r"\b\d{4}-\d{2}-\d{2}\b", "<date>"),
]


def comparable(text: str) -> str:
    """The text with what varies between runs masked (see VOLATILE)."""
    for pattern, mask in VOLATILE:
        text = re.sub(pattern, mask, text)
    return text


@pytest.mark.parametrize("name", sorted(SAMPLE_TEXTS))
def test_sample_on_the_tools_page_matches_the_real_output(name: str):
    shown = (SAMPLES / name).read_text(encoding="utf-8")
    assert comparable(shown) == comparable(SAMPLE_TEXTS[name]), (
        f"docs/tools/samples/{name} is out of date: run python -m tests.snippets.samples"
    )


def test_masking_keeps_the_exit_status_and_counts():
    shown = "1 failed, 0 warnings, 4 checks\n(exit status 2)\n"
    printed = "0 failed, 0 warnings, 4 checks\n(exit status 0)\n"
    assert comparable(shown) != comparable(printed)


def test_masking_hides_ports_and_timings():
    one = "tcp-connect     localhost:33859  OK      port 33859 open (0.00 s)"
    two = "tcp-connect     localhost:41002  OK      port 41002 open (0.12 s)"
    assert comparable(one) == comparable(two)
