"""Where reviewed photographs of the portal live, and what their metadata says.

Standard library only: the site build reads it, and so does the nightly photo step.

A published photograph is ``docs/assets/photos/<page>.webp`` with ``<page>.json`` beside it::

    {"page": "login", "captured": "2026-11-27T20:31:05+00:00",
     "source_url": "https://foservices.icegate.gov.in/#/login",
     "width": 360, "height": 740, "file": "login.webp", "hash": "c3c3..."}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

#: The folder, inside the docs folder, that holds the reviewed photographs.
PHOTO_FOLDER = "assets/photos"
#: The only pages ever photographed: public, before anything is typed. Never past the login
#: form, never an account page.
PUBLIC_PAGES = ("home", "login")
#: The phone-width viewport of a capture (CSS pixels).
PHONE = {"width": 360, "height": 740}
META_KEYS = ("page", "captured", "source_url", "width", "height", "file")


def read_meta(docs_dir: Path, page_id: str) -> dict[str, Any] | None:
    """The metadata of the published photograph of a page, or None when there is none.

    A photograph whose metadata is unreadable, incomplete or whose image file is missing
    counts as none (the page then shows its sketch).
    """
    folder = docs_dir / PHOTO_FOLDER
    try:
        meta = json.loads((folder / f"{page_id}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or any(key not in meta for key in META_KEYS):
        return None
    if meta["page"] != page_id or not (folder / str(meta["file"])).is_file():
        return None
    return meta
