"""How ``make test`` shares the tests between pytest-xdist workers.

Two rules on top of xdist's "load" distribution (a worker gets the next test when it is nearly
idle):

* **Tests that share an expensive session object run on one worker.** Each page's checks in
  ``tests/site/test_pages.py`` read the same three visits of that page, and the element tests
  of ``tests/drift/test_portal_elements.py`` share one drift run that opens each page once.
  Spread over workers they would repeat that work on every worker.
* **Long tests start first**, so that no worker is left running a long test at the end while
  the others wait. The drift fault runs spend most of their time waiting for pages on purpose;
  started early, they wait while other workers use the processors.

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
}

#: Files whose tests are long (whole drift runs, a link crawl, subprocess runs), started first.
LONG_FIRST = (
    "tests/drift/test_faults.py",
    "tests/drift/test_exit_status.py",
    "tests/nightly/test_photos.py",
    "tests/site/test_links.py",
    "tests/drift/test_record_replica.py",
    "tests/drift/test_portal_elements.py",
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


def start_rank(scope: str) -> int:
    """Where a unit of work starts: long files in ``LONG_FIRST`` order, then the rest."""
    path = scope.split("::", 1)[0]
    return LONG_FIRST.index(path) if path in LONG_FIRST else len(LONG_FIRST)


class SharedWorkScheduling(LoadScopeScheduling):
    """xdist's scope scheduling, with a unit of work per shared group (see ``SHARED``)."""

    def _split_scope(self, nodeid: str) -> str:
        return share_group(nodeid)


def long_first(items: list[pytest.Item]) -> None:
    """Put the long tests first, in place; a stable sort, so the rest keep their order.

    Units of work go out in collection order, and every worker sorts the same way.
    """
    items.sort(key=lambda item: start_rank(share_group(item.nodeid)))
