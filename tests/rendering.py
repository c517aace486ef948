"""Render Markdown through the site's extension, outside any generator (unit tests)."""

from __future__ import annotations

import markdown

from scripts.contract.model import project_contract
from scripts.site.data import GuideData
from scripts.site.extension import GuideExtension
from scripts.site.sources import load_sources
from scripts.verification.history import VerificationStatus


def render_markdown(
    text: str,
    status: VerificationStatus | None = None,
    page: str = "log-in/example.md",
    page_facts: bool = False,
    **settings: str,
) -> str:
    """HTML for ``text`` as if it were ``page`` (a page that need not exist).

    ``settings`` are more options of the extension (``docs_dir``, ``language``, ``translates``…).
    """
    data = GuideData(
        contract=project_contract(),
        sources=load_sources(),
        status=status or VerificationStatus(state="none"),
        mentions={},
        cited_on={},
    )
    extension = GuideExtension(data=data, page=page, page_facts=page_facts, **settings)
    return markdown.markdown(text, extensions=[extension])
