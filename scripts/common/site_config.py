"""Values the build and the nightly both read from ``mkdocs.yml``, without loading it as YAML.

The file holds MkDocs-only tags (``!ENV``), so these are line reads, standard library only.
"""

from __future__ import annotations

import re
from pathlib import Path


def public_url(mkdocs_yml: Path) -> str:
    """``extra.public_url`` of ``mkdocs.yml``, ending in ``/`` (a YAML anchor is skipped)."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    match = re.search(r"^\s+public_url:\s*(?:&\S+\s+)?(\S+)", text, re.M)
    base = match.group(1).strip("\"'") if match else "https://github.com/"
    return base.rstrip("/") + "/"
