"""Root pytest configuration: doc-block collection (Sybil), the drift plugin, site options.

The drift options, the ``drift_run`` fixture, the browser set-up (system Chromium, no DNS
outside the live run) and the drift command's exit rule live in one importable plugin,
``scripts/drift/pytest_plugin.py``, which ``python -m scripts.drift`` uses too.

Under pytest-xdist (``make test`` runs five workers) the controller builds the site once, while
the workers start, and each worker waits for that build; ``tests/parallel.py`` decides which
worker runs what.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

from tests import parallel, sitebuild

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


# One build for the whole run, also under pytest-xdist: the controller builds, workers adopt.
BUILD_KEY = "icegate_site_build"


def _is_xdist_controller(config: pytest.Config) -> bool:
    return bool(getattr(config.option, "numprocesses", None)) and not hasattr(
        config, "workerinput"
    )


SHARED_BUILD = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    """Start the build in the xdist controller, or adopt the controller's build in a worker."""
    if hasattr(config, "workerinput") and BUILD_KEY in config.workerinput:
        sitebuild.adopt(Path(config.workerinput[BUILD_KEY]))
    elif _is_xdist_controller(config) and not _given_site(config):
        config.stash[SHARED_BUILD] = sitebuild.start_shared_build()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """Tell each worker where the controller's build will be."""
    if SHARED_BUILD in node.config.stash:
        node.workerinput[BUILD_KEY] = str(node.config.stash[SHARED_BUILD])


def _given_site(config: pytest.Config) -> bool:
    return bool(config.getoption("built_site") or os.environ.get("ICEGATE_BUILT_SITE"))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Under ``--dist loadgroup``, group tests by what they share (``tests/parallel.py``).

    Any other ``--dist`` mode gets xdist's own scheduler.
    """
    if parallel.applies(config):
        return parallel.SharedWorkScheduling(config, log)
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``--dist loadgroup``, every worker orders the tests alike (``parallel.work_order``)."""
    if hasattr(config, "workerinput") and parallel.applies(config):
        parallel.order_for_workers(items)
