"""The sample outputs on the Tools pages are what the real tools print today."""

from __future__ import annotations

import re

import pytest

from scripts.tools.tool_samples import SAMPLES, all_samples

SAMPLE_TEXTS = all_samples()


def comparable(text: str) -> str:
    """Mask what changes from run to run or machine to machine: numbers and the OS line."""
    text = re.sub(r"(python-version\s+this computer\s+OK\s+).*", r"\1<python and OS>", text)
    return re.sub(r"\d+", "N", text)


@pytest.mark.parametrize("name", sorted(SAMPLE_TEXTS))
def test_sample_on_the_tools_page_matches_the_real_output(name: str):
    shown = (SAMPLES / name).read_text(encoding="utf-8")
    assert comparable(shown) == comparable(SAMPLE_TEXTS[name]), (
        f"docs/tools/samples/{name} is out of date: run python -m scripts.tools.tool_samples"
    )
