"""Everything a build reads besides the pages: contract, sources, history, mentions.

Read once and kept while none of the files it came from has changed, so a generator that
creates the extension for every page (MkDocs does) pays for it once, and a preview server
sees edits.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from scripts.common.paths import ROOT
from scripts.contract.mentions import Mention, scan_docs
from scripts.contract.model import CONTRACT_PATH, Contract, load_contract
from scripts.site.sources import SOURCES_PATH, Source, load_sources, pages_citing
from scripts.verification.history import HISTORY_PATH, VerificationStatus, read_status
from scripts.verification.reachability import (
    DEFAULT_INTERVAL,
    PROBE_WORKFLOW,
    Probe,
    probe_interval,
    read_folder,
)

#: Outside the "mkdocs" loggers on purpose: a strict build fails on their warnings, and a
#: damaged probe line must be named, not stop every deployment.
LOG = logging.getLogger("icegate.reachability")
#: Where the build finds the probe log (the Pages workflow copies it from the history branch).
PROBES_PATH = ROOT / "portal" / "verification" / "probes"


@dataclass(frozen=True)
class GuideData:
    """What the guides are rendered from.

    Attributes:
        contract: The portal element contract.
        sources: The source register, by id.
        status: What the live verification history says.
        mentions: Element id → every mention in the docs folder.
        cited_on: Source id → (page, title) of every page citing it.
        probes: The reachability probes, oldest first (``portal/verification/probes/``).
        probe_interval: How often the probe runs (from its workflow's schedule).
    """

    contract: Contract
    sources: dict[str, Source]
    status: VerificationStatus
    mentions: dict[str, list[Mention]]
    cited_on: dict[str, list[tuple[str, str]]]
    probes: list[Probe] = field(default_factory=list)
    probe_interval: timedelta = DEFAULT_INTERVAL


def _fingerprint(docs_dir: Path) -> tuple[tuple[str, int], ...]:
    files = [CONTRACT_PATH, SOURCES_PATH, HISTORY_PATH, *sorted(PROBES_PATH.glob("*.jsonl")),
             *sorted(docs_dir.rglob("*.md"))]
    stamps = []
    for path in files:
        try:
            stamps.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            stamps.append((str(path), -1))
    return tuple(stamps)


@functools.lru_cache(maxsize=4)
def _load(docs_dir: Path, fingerprint: tuple[tuple[str, int], ...]) -> GuideData:
    return GuideData(
        contract=load_contract(),
        sources=load_sources(),
        status=read_status(),
        mentions=scan_docs(docs_dir),
        cited_on=pages_citing(docs_dir),
        probes=read_probes(),
        probe_interval=probe_interval(ROOT / PROBE_WORKFLOW),
    )


def read_probes() -> list[Probe]:
    """The probe log; a damaged line is named in the build log and left out, never fatal."""
    probes, skipped = read_folder(PROBES_PATH)
    for problem in skipped:
        LOG.warning("reachability: %s (line left out)", problem)
    return probes


def guide_data(docs_dir: Path) -> GuideData:
    """The data for ``docs_dir``, read again only when one of its files changed.

    Raises:
        ContractError, SourceError: the contract or the register is invalid (the message names
            the file, the key and what was expected).
    """
    return _load(docs_dir, _fingerprint(docs_dir))

