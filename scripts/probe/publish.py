"""Record a probe on the history branch, and redeploy the site when readers should know.

``python -m scripts.probe publish --record-env RECORD`` (the probe workflow's write job):

1. validates the record the probe job handed over (that job runs a browser on someone
   else's site, so its output is untrusted): only the probe's pages, known verdicts, an ISO
   time, numbers where numbers belong and short plain text;
2. appends it as one line to ``probes/YYYY-MM.jsonl`` on the ``portal-history`` branch (on
   the newest tip, retried if someone pushed first; a record already there is not added
   twice);
3. decides whether the site is rebuilt (``should_publish``): at once when the state changed,
   otherwise when the last rebuild is older than ``QUIET``; the state and time of the last
   rebuild are kept in ``probes/published.json`` on the same branch;
4. asks for the rebuild (``gh workflow run pages.yml``).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from scripts.common import gitrun
from scripts.probe.run import DETAIL_LIMIT, PROBE_PAGES
from scripts.verification.reachability import (
    RecordError,
    parse_record,
    should_publish,
)
from scripts.verification.verdicts import PageVerdict

BRANCH = "portal-history"
FOLDER = "probes"
PUBLISHED = f"{FOLDER}/published.json"
#: The longest the site goes without a rebuild that shows a newer check time. With a probe
#: every 30 minutes this is at most 8 rebuilds a day plus one per change of state, well inside
#: GitHub Pages' limits (10 builds an hour).
QUIET = timedelta(hours=3)
KNOWN_VERDICTS = frozenset(verdict.value for verdict in PageVerdict) | {"changed"}


@dataclass(frozen=True)
class Published:
    """What one publish did."""

    added: bool
    rebuild: bool
    state: str


def validated(record: object) -> dict[str, Any]:
    """The hand-over, checked field by field; anything unexpected is refused.

    Raises:
        RecordError: the record is not one the probe makes.
    """
    probe = parse_record(record, "hand-over")
    assert isinstance(record, dict)
    if set(record) != {"at", "pages"}:
        raise RecordError(f"hand-over: unexpected fields {sorted(set(record) - {'at', 'pages'})}")
    if not set(probe.pages) <= set(PROBE_PAGES) or not probe.pages:
        raise RecordError(f"hand-over: pages must be among {list(PROBE_PAGES)}")
    for name, page in probe.pages.items():
        _check_page(name, page)
    return record


def _check_page(name: str, page: Mapping[str, Any]) -> None:
    where = f"hand-over: page {name}"
    if not set(page) <= {"verdict", "ready", "status", "detail"}:
        raise RecordError(f"{where}: unexpected fields")
    if page["verdict"] not in KNOWN_VERDICTS:
        raise RecordError(f"{where}: unknown verdict {page['verdict']!r}")
    ready, status = page.get("ready"), page.get("status")
    if ready is not None and (not isinstance(ready, (int, float)) or not 0 <= ready < 3600):
        raise RecordError(f"{where}: 'ready' must be seconds or null")
    if status is not None and (not isinstance(status, int) or not 100 <= status <= 599):
        raise RecordError(f"{where}: 'status' must be an HTTP status or null")
    detail = page.get("detail", "")
    if not isinstance(detail, str) or len(detail) > DETAIL_LIMIT or any(
        unicodedata.category(char) in {"Cc", "Cf", "Cs"} for char in detail
    ):
        raise RecordError(f"{where}: 'detail' must be short plain text")


def month_path(record: dict[str, Any]) -> str:
    """The branch file of the month (UTC) the record belongs to."""
    return f"{FOLDER}/{parse_record(record, 'record').at:%Y-%m}.jsonl"


def line_of(record: dict[str, Any]) -> str:
    """The record as written: one line of ASCII JSON."""
    return json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n"


def publish(repo: Path, record: dict[str, Any], remote: str = "origin",
            sleep: Any = None) -> Published:
    """Append ``record`` to the branch and note a rebuild when one is due (see the module)."""
    probe = parse_record(record, "record")
    state = probe.state.value
    outcome: dict[str, Published] = {}

    def make_commit(tip: str | None) -> str | None:
        month = month_path(record)
        log = gitrun.file_at(repo, tip, month) or ""
        if any(json.loads(line).get("at") == record["at"] for line in log.splitlines()
               if line.strip().startswith("{")):
            outcome["done"] = Published(False, False, state)
            return None
        previous_text = gitrun.file_at(repo, tip, PUBLISHED)
        previous = json.loads(previous_text) if previous_text else None
        rebuild = should_publish(previous, probe.state, probe.at, QUIET)
        files = {month: log + line_of(record)}
        if rebuild:
            files[PUBLISHED] = json.dumps({"state": state, "at": record["at"]}) + "\n"
        outcome["done"] = Published(True, rebuild, state)
        message = f"Probe of {record['at']}: {state}" + (" (rebuild)" if rebuild else "")
        return gitrun.commit_files(repo, tip, files, message)

    extra = {"sleep": sleep} if sleep else {}
    gitrun.push_on_newest_tip(repo, remote, BRANCH, make_commit, **extra)
    return outcome["done"]


def request_rebuild() -> None:
    """Ask GitHub Actions to rebuild and deploy the site from main."""
    gitrun.gh("workflow", "run", "pages.yml", "--ref", "main")
