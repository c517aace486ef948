"""Where things live in the repository."""

from __future__ import annotations

from pathlib import Path

#: The repository root (the folder holding ``mkdocs.yml``).
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PORTAL = ROOT / "portal"
SNIPPETS = ROOT / "snippets"
