"""How ``make test`` shares the tests between pytest-xdist workers.

Two rules on top of xdist's scope distribution:

* **Tests that share an expensive object run on one worker.** Each page's checks in
  ``tests/site/test_pages.py`` read the same three visits of that page; the element tests of
  ``tests/drift/test_portal_elements.py`` share one drift run that opens each page once, and
  the tests of ``tests/drift/test_unchanged_run.py`` one run of the unchanged replica. Spread
  over workers they would repeat that work on every worker.
* **Waiting mixed into computing, long before short.** The replica run of every element goes
  first, then the page checks (which keep the processors busy) with one unit that mostly
  waits (a drift run against pages slow or broken on purpose, a subprocess run of the drift
  command) after every three pages, then the waiting units left, then the quick tests, so
  that no worker is left with a long test at the end. With all waiting units after the page
  checks, five workers waited at once and the processors were idle for 7 s of a run; with one
  after every page the run was slower still (measured figures at ``PAGES_PER_WAITING``).
  xdist's scope scheduling would instead send the units with the most tests first.

Why a scheduler of our own rather than ``--dist loadgroup`` and ``xdist_group`` marks: with
pytest 9.2 a node's id is no longer the attribute xdist 3.8 rewrites to carry the group, so the
marks are silently ignored and each page was visited on every worker (measured: 187 instead
of 119 CPU-seconds for the page checks on two workers). Grouping by test id needs no marks.
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
    "tests/drift/test_hostile_text.py": None,
    "tests/drift/test_redesigned_login.py": None,
}

#: Files whose tests keep a processor busy, in the order they go out first: the replica run
#: of every element (one long unit), then each page's checks (a unit per page).
FIRST = (
    "tests/drift/test_portal_elements.py",
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
    "tests/site/test_links.py",
    "tests/drift/test_record_replica.py",
)
#: One waiting unit goes out after every this many pages' checks (measured on 2 cores, five
#: workers: after every page 121-128 s (with one unit queued per worker), every 2nd 115 s,
#: every 3rd 112-116 s, every 4th 115 s; all waiting units after the page checks, 118-121 s).
PAGES_PER_WAITING = 3


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
    """The order units of work go out in.

    The replica run first, then the page checks with a waiting unit after every
    ``PAGES_PER_WAITING`` pages, then the waiting units left, then the rest as given.
    """
    ordered = _of_kind(units, FIRST[:1])
    waiting = _of_kind(units, WAITING)
    for index, page in enumerate(_of_kind(units, FIRST[1:]), start=1):
        ordered.append(page)
        if index % PAGES_PER_WAITING == 0 and waiting:
            ordered.append(waiting.pop(0))
    ordered += waiting
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

    def __init__(self, config: pytest.Config, log=None) -> None:  # noqa: ANN001 - xdist's
        super().__init__(config, log)
        # xdist would send the units with the most tests first; the workers' order is ours.
        config.option.loadscopereorder = False

    def _split_scope(self, nodeid: str) -> str:
        return share_group(nodeid)
