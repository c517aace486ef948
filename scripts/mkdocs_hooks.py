"""MkDocs hooks: the thin glue between MkDocs and the generator-independent code.

Everything of substance lives in plain Python modules under ``scripts/`` (the contract, the
``[[ui:...]]`` Markdown extension, the verification history) so that a move to another
MkDocs-compatible generator keeps it; this file only wires them in.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from scripts.contract.mentions import scan_docs, scan_text  # noqa: E402
from scripts.contract.model import ContractError, load_contract  # noqa: E402
from scripts.nightly.history import read_status  # noqa: E402
from scripts.site.portal_status import StatusPageExtension, page_verification  # noqa: E402
from scripts.site.sources import (  # noqa: E402
    SourceError,
    SourceListExtension,
    load_sources,
    pages_citing,
    resolve,
)
from scripts.site.ui_refs import UiRefExtension  # noqa: E402

log = logging.getLogger("mkdocs.icegate.hooks")
_extension: UiRefExtension | None = None
_sources: dict = {}


def on_config(config: Any) -> Any:
    """Load the contract and add the ``[[ui:...]]`` extension to the Markdown pipeline."""
    global _extension, _sources
    docs_dir = Path(config["docs_dir"])
    try:
        contract = load_contract()
        _sources = load_sources()
    except (ContractError, SourceError) as error:
        raise PluginError(str(error)) from None
    status = read_status()
    if status.state == "unknown":
        log.info("Verification history unreadable, pages say 'status unknown': %s", status.problem)
    _extension = UiRefExtension(contract=contract, status=status, mentions=scan_docs(docs_dir))
    config["markdown_extensions"].append(_extension)
    config["markdown_extensions"].append(StatusPageExtension(contract, status))
    config["markdown_extensions"].append(SourceListExtension(_sources, pages_citing(docs_dir)))
    return config


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Tell the extension which page it renders, and how many front-matter lines were cut."""
    if _extension is not None:
        source = page.file.content_string
        offset = len(source.splitlines()) - len(markdown.splitlines())
        _extension.set_page(page.file.src_uri, max(offset, 0))
        mentioned = [m.element_id for m in scan_text(source, page.file.src_uri)]
        check = page_verification(mentioned, _extension.contract, _extension.status)
        page.meta["portal_check"] = {"line": check.line, "drift": check.drift}
    if "sources" in page.meta:
        try:
            cited = resolve(page.meta["sources"], _sources, page.file.src_uri)
        except SourceError as error:
            log.warning("%s", error)
            cited = []
        page.meta["sources"] = [vars(source) for source in cited]
    return markdown


def on_files(files: Any, config: Any) -> Any:
    """Publish the downloadable tools from ``snippets/`` under ``tools/`` in the site."""
    from mkdocs.structure.files import File

    for tool in sorted((ROOT / "snippets").glob("*.py")):
        files.append(File.generated(config, f"tools/{tool.name}", abs_src_path=str(tool)))
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild the preview when the contract, history or snippets change."""
    for folder in ("portal", "snippets", "overrides"):
        server.watch(str(ROOT / folder))
    return server
