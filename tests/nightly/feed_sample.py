"""A fixed history and probe log, and the feed they give: the golden file's source.

``tests/nightly/golden/feed.xml`` is this module's output. After a deliberate change to the
feed, write it again and review the difference before committing it:

    .venv/bin/python -m tests.nightly.feed_sample
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from scripts.contract.mentions import Mention
from scripts.contract.model import load_contract
from scripts.site import feed
from scripts.verification.reachability import Probe

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_FEED = GOLDEN / "feed.xml"
#: A frozen two-page copy of the contract, so that editing portal/contract.yml leaves it alone.
CONTRACT = GOLDEN / "contract.yml"
SITE = "https://example.org/guide/"
MENTIONS = {
    "login.submit": [Mention("login.submit", "log-in/steps.md", 40),
                     Mention("login.submit", "log-in/otp.md", 13)],
    "login.password": [Mention("login.password", "log-in/steps.md", 30)],
}


def night(day: int, outcome: str, elements: dict[str, str],
          pages: dict[str, str] | None = None,
          observed: dict[str, str] | None = None) -> dict[str, Any]:
    """One nightly run record of November 2026."""
    return {
        "finished": f"2026-11-{day:02d}T20:32:00+00:00",
        "where": "GitHub Actions",
        "run_url": f"https://github.com/o/r/actions/runs/{day}",
        "outcome": outcome,
        "pages": pages if pages is not None else {"login": "ok", "home": "ok"},
        "elements": elements,
        "observed": observed or {},
    }


def sample_history() -> list[dict[str, Any]]:
    """Seen → label drift → outage → back as documented; the home page loses its entry."""
    return [
        night(10, "no drift", {"login.submit": "present", "login.password": "present"}),
        night(11, "drift", {"login.submit": "label drift", "login.password": "present"},
              observed={"login.submit": "SIGN IN"}),
        night(12, "portal unreachable", {"login.submit": "not checked"},
              pages={"login": "unreachable", "home": "unreachable"}),
        night(13, "no drift", {"login.submit": "present", "login.password": "present"},
              pages={"login": "ok", "home": "http error"}),
    ]


def probe(stamp: str, login: str, ready: float = 2.0) -> Probe:
    """One reachability probe of 13 November 2026 (UTC) whose login page gave ``login``."""
    return Probe(
        at=datetime.fromisoformat(f"2026-11-13T{stamp}:00+00:00"),
        pages={"login": {"verdict": login, "ready": ready}, "home": {"verdict": "ok"}},
    )


def sample_probes() -> list[Probe]:
    """Up, an outage of an hour, up again, then announced maintenance still going on."""
    return [
        probe("04:00", "ok"),
        probe("04:30", "unreachable"),
        probe("05:00", "http error"),
        probe("05:30", "ok"),
        probe("06:00", "maintenance"),
        probe("06:30", "maintenance"),
    ]


def sample_feed() -> str:
    """The feed of the sample history and probes, as the pre-build step would write it."""
    return feed.render(sample_history(), load_contract(CONTRACT), MENTIONS, SITE,
                       probes=sample_probes())


if __name__ == "__main__":
    GOLDEN_FEED.write_bytes(sample_feed().encode("utf-8"))
    print(f"wrote {GOLDEN_FEED}")
