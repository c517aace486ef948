"""Record a live drift run in the verification history (used by the nightly workflow).

``python -m scripts.nightly record --report reports/drift/report.json --where "..." --run-url URL``
appends the run to ``portal/verification/history.json`` (newest 90 kept, written atomically).
A missing or unreadable report is an error with a one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scripts.verification import HISTORY_PATH, KEEP_RUNS, HistoryError, append_run, run_record


def main(argv: list[str] | None = None) -> int:
    """Append the report to the history; return the exit status."""
    parser = argparse.ArgumentParser(prog="nightly", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    record = sub.add_parser("record", help="append a drift report to the history")
    record.add_argument("--report", type=Path, required=True)
    record.add_argument("--where", default="not recorded", help="where the run happened")
    record.add_argument("--run-url", default=None, help="link to the run and its artifacts")
    record.add_argument("--history", type=Path, default=HISTORY_PATH)
    record.add_argument("--keep", type=int, default=KEEP_RUNS)
    args = parser.parse_args(argv)
    try:
        report = json.loads(args.report.read_text(encoding="utf-8"))
        if report.get("target", {}).get("mode") != "live":
            print("nightly: only live runs go into the history", file=sys.stderr)
            return 2
        runs = append_run(run_record(report, args.where, args.run_url), args.history, args.keep)
    except (OSError, ValueError, KeyError, HistoryError) as error:
        print(f"nightly: cannot record the run: {error}", file=sys.stderr)
        return 2
    print(f"recorded {report['outcome']} run of {report['finished']}; {len(runs)} runs kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
