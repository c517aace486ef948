"""How ``make test`` shares the tests between pytest-xdist workers (``--dist loadgroup``).

``make test`` asks xdist for ``--dist loadgroup``: tests that share an expensive object run on
one worker. Each page's checks in ``tests/site/test_pages.py`` read the same three visits of
that page; the element tests of ``tests/drift/test_portal_elements.py`` share one drift run
that opens each page once, the tests of ``tests/drift/test_unchanged_run.py`` one run of the
unchanged replica, and those of ``tests/site/test_injection_browser.py`` one build with planted
payloads. Spread over workers they would repeat that work on every worker.

Why this module exists at all: under pytest 9.2, xdist 3.8's ``loadgroup`` no longer groups
anything. It carries a test's ``xdist_group`` by rewriting ``item._nodeid``, which pytest 9.2
no longer reads, so the marks are silently ignored (pytest-dev/pytest-xdist#1386, open, with
the fix proposed in pytest-dev/pytest-xdist#1388). This scheduler groups by test id instead,
and only for ``--dist loadgroup``: every other mode (``each``, ``load``, ``loadscope``,
``loadfile``, ``worksteal``) is xdist's own. **Delete this module, the two hooks in the root
``conftest.py`` and the ``SHARED`` table once an xdist release fixes #1386**, and mark the
shared tests with ``xdist_group`` instead.

One ordering rule rides along, because the scheduler is ours anyway: the units that keep a
processor busy longest go out first and the quick tests last, so that no worker is left
holding a long test at the end of the run.
"""

from __future__ import annotations

import re

import pytest
from xdist.scheduler import LoadScopeScheduling

#: File → pattern whose ``group`` names what its tests share (no pattern: the whole file).
SHARED = {
    "tests/site/test_pages.py": re.compile(r"\[(?P<group>.*)-chromium\]$"),
    "tests/drift/test_portal_elements.py": None,
    "tests/drift/test_unchanged_run.py": None,
    "tests/site/test_injection_browser.py": None,
    "tests/drift/test_hostile_text.py": None,
    "tests/drift/test_redesigned_login.py": None,
    "tests/site/test_offline.py": None,
}

#: Files whose tests keep a processor busy, in the order they go out first: the replica run
#: of every element (one long unit), then each page's checks (a unit per page).
FIRST = (
    "tests/drift/test_portal_elements.py",
    "tests/snippets/test_idcheck_coverage.py",
    "tests/site/test_pages.py",
)
#: Files whose tests mostly wait (drift runs against pages slow or broken on purpose,
#: subprocess runs of the drift command, a link crawl), in the order they go out.
WAITING = (
    "tests/drift/test_unchanged_run.py",
    "tests/drift/test_faults.py",
    "tests/drift/test_exit_status.py",
    "tests/drift/test_changed_pages.py",
    "tests/drift/test_redesigned_login.py",
    "tests/drift/test_politeness.py",
    "tests/drift/test_only_get.py",
    "tests/drift/test_hostile_text.py",
    "tests/nightly/test_photos.py",
    "tests/nightly/test_label_nights.py",
    "tests/probe/test_probe.py",
    "tests/probe/test_publish.py",
    "tests/test_preview.py",
    "tests/site/test_links.py",
    "tests/drift/test_record_replica.py",
)


def share_group(nodeid: str) -> str:
    """The unit of work a test belongs to: its shared group, else the test alone."""
    path = nodeid.split("::", 1)[0]
    if path not in SHARED:
        return nodeid
    pattern = SHARED[path]
    if pattern is None:
        return path
    found = pattern.search(nodeid)
    return f"{path}::{found['group']}" if found else nodeid


def _of_kind(units: list[str], files: tuple[str, ...]) -> list[str]:
    """The units from ``files``, in the order of ``files`` (stable within a file)."""
    ranked = [(files.index(unit.split("::", 1)[0]), unit) for unit in units
              if unit.split("::", 1)[0] in files]
    return [unit for _, unit in sorted(ranked, key=lambda pair: pair[0])]


def work_order(units: list[str]) -> list[str]:
    """The order units of work go out in: long ones first, then the rest as given."""
    ordered = _of_kind(units, FIRST) + _of_kind(units, WAITING)
    placed = set(ordered)
    return ordered + [unit for unit in units if unit not in placed]


def order_for_workers(items: list[pytest.Item]) -> None:
    """Sort the items, in place, into the ``work_order`` of their units.

    Every worker sorts alike, and the scheduler hands units out in that order.
    """
    units = list(dict.fromkeys(share_group(item.nodeid) for item in items))
    rank = {unit: index for index, unit in enumerate(work_order(units))}
    items.sort(key=lambda item: rank[share_group(item.nodeid)])


class SharedWorkScheduling(LoadScopeScheduling):
    """xdist's scope scheduling with our units (``share_group``), in the workers' order."""

    def __init__(self, config: pytest.Config, log=None) -> None:
        super().__init__(config, log)
        # xdist would send the units with the most tests first; the workers' order is ours.
        config.option.loadscopereorder = False

    def _split_scope(self, nodeid: str) -> str:
        return share_group(nodeid)


#: The xdist mode this scheduler stands in for; every other mode is left to xdist.
MODE = "loadgroup"


def applies(config: pytest.Config) -> bool:
    """Whether this run asked for the mode the scheduler stands in for."""
    return getattr(config.option, "dist", None) == MODE
