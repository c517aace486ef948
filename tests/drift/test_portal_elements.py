"""Every element of the contract on the offline replica: the drift command's own test.

The test lives in ``scripts/drift/suite.py`` (production code never imports ``tests/``);
importing it here makes ``make test`` run it against the replica, with the same plugin.
"""

from __future__ import annotations

from scripts.drift.suite import test_documented_element_is_on_the_portal

# Under xdist these tests stay on one worker, which opens each page once (tests/parallel.py).

__all__ = ["test_documented_element_is_on_the_portal"]
