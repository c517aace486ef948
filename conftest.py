"""Root pytest configuration: doc-block collection (Sybil), the drift plugin, site options.

The drift options, the ``drift_run`` fixture, the browser set-up (system Chromium, no DNS
outside the live run) and the drift command's exit rule live in one importable plugin,
``scripts/drift/pytest_plugin.py``, which ``python -m scripts.drift`` uses too.
"""

from __future__ import annotations

import pytest
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

pytest_plugins = ("scripts.drift.pytest_plugin",)

# Every ```python block under docs/ runs as a test; <!-- skip: next ... --> skips one.
pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser()],
    patterns=["*.md"],
    path="docs",
).pytest()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("icegate site", "site checks")
    group.addoption(
        "--built-site",
        default=None,
        metavar="DIR",
        help="run the site checks on a site already built into DIR (by any generator) "
        "instead of building it with mkdocs",
    )
