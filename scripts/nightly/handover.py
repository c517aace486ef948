"""The check job's hand-over, checked before the publish job believes any of it.

The check job runs a browser on someone else's site and installs packages, so the workflow
treats it as untrusted; the publish job holds the write scopes. What the check job hands over
(``record=<JSON>``) is therefore validated against the contract before anything is pushed or
filed: the pages and elements are exactly the contract's, every verdict and the outcome are
known values, the times are ISO 8601 with a zone, ``where`` is plain text, and ``run_url`` is
a run of this repository's workflows (``https://github.com/OWNER/REPO/actions/runs/N``).
Anything else is refused with a message naming the field. Labels the portal showed are the
portal's text: they are not refused but made inert (control and format characters dropped,
lone surrogates replaced, cut to ``MAX_LABEL`` characters).

Standard library only: the publish job installs nothing, so the contract's ids are read from
``portal/contract.yml`` by a line scan (the file's own layout: two-space keys under
``pages:`` and ``elements:``), which a test keeps equal to what the contract model reads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scripts.common.paths import ROOT
from scripts.nightly.record import portal_text
from scripts.verification.history import ELEMENT_VERDICTS, PAGE_VERDICTS, shown_path
from scripts.verification.verdicts import EXIT_STATUS, Outcome

CONTRACT = ROOT / "portal" / "contract.yml"
#: The outcomes a recorded run can have (a failed checker is never handed over).
RECORDED_OUTCOMES = frozenset(o.value for o in EXIT_STATUS if o is not Outcome.CHECKER_FAILED)
RECORD_KEYS = frozenset(
    {"started", "finished", "where", "run_url", "outcome", "pages", "elements", "observed"}
)
#: ``where``: words, digits, spaces and a few marks; no markup, no @mention, no #reference.
PLAIN = re.compile(r"^[\w ,.()/:+-]{1,200}$")
RUN_URL = re.compile(
    r"^https://github\.com/(?P<repo>[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100})/actions/runs/\d{1,20}$"
)
_SECTION = re.compile(r"^(?P<name>[A-Za-z_]+):\s*(#.*)?$")
_KEY = re.compile(r"^  (?P<q>[\"']?)(?P<key>[^\s:\"'#][^:\"']*)(?P=q):\s*(#.*)?$")
_PAGE = re.compile(r"^    page:\s*(?P<q>[\"']?)(?P<page>[a-z][a-z0-9_.]*)(?P=q)\s*(#.*)?$")


class HandoverError(ValueError):
    """The hand-over is not what the check job may send; the message names the field."""


@dataclass(frozen=True)
class ContractIds:
    """The contract's page and element ids, and each element's page."""

    pages: frozenset[str]
    elements: frozenset[str]
    element_pages: Mapping[str, str] = field(default_factory=dict)


def contract_ids(path: Path = CONTRACT) -> ContractIds:
    """The page and element ids of a contract file, by a line scan (standard library only).

    Raises:
        HandoverError: when the file cannot be read or lists no pages or no elements.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        why = getattr(error, "strerror", None) or type(error).__name__
        raise HandoverError(f"{shown_path(path)}: cannot read the contract: {why}") from None
    found: dict[str, set[str]] = {"pages": set(), "elements": set()}
    element_pages: dict[str, str] = {}
    section: str | None = None
    current: str | None = None
    for line in lines:
        top = _SECTION.match(line)
        if top:
            section, current = top["name"], None
            continue
        key = _KEY.match(line)
        if key and section in found:
            found[section].add(key["key"])
            current = key["key"]
            continue
        page = _PAGE.match(line)
        if page and section == "elements" and current:
            element_pages[current] = page["page"]
    if not found["pages"] or not found["elements"]:
        raise HandoverError(f"{shown_path(path)}: no pages or no elements found")
    return ContractIds(frozenset(found["pages"]), frozenset(found["elements"]), element_pages)


def _shown(value: Any) -> str:
    """A wrong value for a message: short, one line."""
    text = ascii(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_zoned_time(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def _check_verdicts(
    key: str, value: Any, expected: frozenset[str], known: frozenset[str]
) -> dict[str, str]:
    if not isinstance(value, dict):
        raise HandoverError(f"record → {key}: expected an object, got {_shown(value)}")
    unknown = sorted(set(value) - expected)
    if unknown:
        raise HandoverError(f"record → {key} → {_shown(unknown[0])}: not in the contract")
    absent = sorted(expected - set(value))
    if absent:
        raise HandoverError(f"record → {key}: {', '.join(absent)} of the contract are missing")
    for item, verdict in value.items():
        if verdict not in known:
            raise HandoverError(f"record → {key} → {item}: unknown verdict {_shown(verdict)}")
    return dict(value)


def _check_run_url(value: Any, repository: str | None) -> str | None:
    if value is None:
        return None
    match = RUN_URL.match(value) if isinstance(value, str) else None
    if not match:
        raise HandoverError(
            f"record → run_url: expected https://github.com/OWNER/REPO/actions/runs/N, "
            f"got {_shown(value)}"
        )
    if repository and match["repo"].lower() != repository.lower():
        raise HandoverError(
            f"record → run_url: a run of {match['repo']}, not of this repository ({repository})"
        )
    return value


def validate(condensed: Any, ids: ContractIds, repository: str | None = None) -> dict[str, Any]:
    """Check a condensed run from the check job; return the record to publish.

    Args:
        condensed: The decoded hand-over (``{"mode": "live", "record": {...}}``).
        ids: The contract's page and element ids.
        repository: ``OWNER/REPO`` that ``run_url`` must belong to (None: any repository).

    Returns:
        A clean copy of the record (observed labels made inert).

    Raises:
        HandoverError: naming the first field that is not as the contract says.
    """
    if not isinstance(condensed, dict) or not isinstance(condensed.get("record"), dict):
        raise HandoverError("expected an object with a 'record' object")
    if condensed.get("mode") != "live":
        mode = _shown(condensed.get("mode"))
        raise HandoverError(f"only live runs go into the history, not {mode}")
    record = condensed["record"]
    extra = sorted(set(record) - RECORD_KEYS)
    if extra:
        raise HandoverError(f"record → {_shown(extra[0])}: not a field of a run record")
    for key in ("started", "finished"):
        if not _is_zoned_time(record.get(key)):
            raise HandoverError(
                f"record → {key}: expected an ISO 8601 time with a zone, got "
                f"{_shown(record.get(key))}"
            )
    if record.get("outcome") not in RECORDED_OUTCOMES:
        raise HandoverError(f"record → outcome: unknown outcome {_shown(record.get('outcome'))}")
    where = record.get("where")
    if not isinstance(where, str) or not PLAIN.match(where):
        raise HandoverError(
            f"record → where: expected plain text (letters, digits, spaces, , . ( ) / : + -), "
            f"got {_shown(where)}"
        )
    pages = _check_verdicts("pages", record.get("pages"), ids.pages, PAGE_VERDICTS)
    elements = _check_verdicts("elements", record.get("elements"), ids.elements, ELEMENT_VERDICTS)
    observed = record.get("observed", {})
    if not isinstance(observed, dict):
        raise HandoverError(f"record → observed: expected an object, got {_shown(observed)}")
    for element_id, label in observed.items():
        if element_id not in ids.elements or not isinstance(label, str):
            raise HandoverError(f"record → observed → {_shown(element_id)}: expected a label")
    return {
        "started": record["started"],
        "finished": record["finished"],
        "where": where,
        "run_url": _check_run_url(record.get("run_url"), repository),
        "outcome": record["outcome"],
        "pages": pages,
        "elements": elements,
        "observed": {key: portal_text(label) for key, label in observed.items()},
    }
