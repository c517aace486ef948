"""Everything a build reads besides the pages: contract, sources, history, mentions.

Read once and kept while none of the files it came from has changed, so a generator that
creates the extension for every page (MkDocs does) pays for it once, and a preview server
sees edits.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from scripts.contract.mentions import Mention, scan_docs
from scripts.contract.model import CONTRACT_PATH, Contract, load_contract
from scripts.nightly.history import HISTORY_PATH, VerificationStatus, read_status
from scripts.site.sources import SOURCES_PATH, Source, load_sources, pages_citing


@dataclass(frozen=True)
class GuideData:
    """What the guides are rendered from.

    Attributes:
        contract: The portal element contract.
        sources: The source register, by id.
        status: What the live verification history says.
        mentions: Element id → every mention in the docs folder.
        cited_on: Source id → (page, title) of every page citing it.
    """

    contract: Contract
    sources: dict[str, Source]
    status: VerificationStatus
    mentions: dict[str, list[Mention]]
    cited_on: dict[str, list[tuple[str, str]]]


def _fingerprint(docs_dir: Path) -> tuple[tuple[str, int], ...]:
    files = [CONTRACT_PATH, SOURCES_PATH, HISTORY_PATH, *sorted(docs_dir.rglob("*.md"))]
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
    )


def guide_data(docs_dir: Path) -> GuideData:
    """The data for ``docs_dir``, read again only when one of its files changed.

    Raises:
        ContractError, SourceError: the contract or the register is invalid (the message names
            the file, the key and what was expected).
    """
    return _load(docs_dir, _fingerprint(docs_dir))

