"""A failed site build fails the page checks instead of leaving them unlisted (skipped)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.site import conftest as site_conftest
from tests.sitebuild import BuildResult


class RecordingMetafunc:
    """Just enough of pytest's Metafunc to see what ``site_page`` is parametrised with."""

    fixturenames = ("site_page",)

    def __init__(self) -> None:
        self.config = SimpleNamespace()
        self.values: list[str] = []

    def parametrize(self, name: str, values: list[str], ids: Callable[[str], str]) -> None:
        assert name == "site_page"
        self.values = list(values)


def test_page_checks_run_once_as_a_failure_when_the_build_failed(monkeypatch: pytest.MonkeyPatch):
    failed = BuildResult(Path("/nonexistent"), 1, "strict build: 1 warning")
    monkeypatch.setattr(site_conftest, "site_under_test", lambda config: failed)
    metafunc = RecordingMetafunc()
    site_conftest.pytest_generate_tests(metafunc)
    assert metafunc.values == [site_conftest.BUILD_FAILED]
