"""Where things live in the repository."""

from __future__ import annotations

from pathlib import Path

#: The repository root (the folder holding ``mkdocs.yml``).
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PORTAL = ROOT / "portal"
SNIPPETS = ROOT / "snippets"


def doc_url(doc: str) -> str:
    """The address of a docs page relative to the site root, as MkDocs publishes it.

    Directory URLs: ``log-in/steps.md`` → ``log-in/steps/``, ``tools/index.md`` → ``tools/``,
    ``index.md`` → ``""`` (the site root).

    Args:
        doc: The page's path relative to the docs folder, with ``/`` separators.
    """
    stem = doc.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
