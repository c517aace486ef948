"""The probe log: one JSON line per probe, in one file per month (``probes/YYYY-MM.jsonl``).

Appends hold an exclusive lock on the file, so probes that run at the same moment (a slow
run overlapping the next, a maintainer's manual run) each add their line whole and none is
lost. Lines are ASCII JSON (``ensure_ascii``), so no text from the portal can make a line that
another reader cannot decode.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path
from typing import Any

from scripts.verification.reachability import parse_time


def month_file(folder: Path, at: str) -> Path:
    """The file of the month (UTC) a probe at ``at`` belongs in."""
    moment = parse_time(at, "record")
    return folder / f"{moment:%Y-%m}.jsonl"


def append_record(path: Path, record: dict[str, Any]) -> None:
    """Append ``record`` as one line to ``path``, under an exclusive lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n"
    with path.open("a", encoding="ascii") as stream:
        fcntl.flock(stream, fcntl.LOCK_EX)
        try:
            stream.write(line)
            stream.flush()
        finally:
            fcntl.flock(stream, fcntl.LOCK_UN)
