"""The extension's processors share one typed render state, and the site modules import cleanly."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import markdown

from scripts.common.paths import ROOT
from scripts.contract.model import project_contract
from scripts.site.data import GuideData
from scripts.site.extension import GuideExtension
from scripts.site.sources import load_sources
from scripts.site.state import RenderState
from scripts.verification.history import VerificationStatus

SITE = ROOT / "scripts" / "site"

#: Import every site module on its own, after forgetting every module of ``scripts``: a cycle
#: between two modules shows as an ImportError whichever of the two is imported first.
ONE_BY_ONE = """
import importlib, sys
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "scripts" or m.startswith("scripts.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except ImportError as error:
        print(f"{name}: {error}")
"""


def site_modules() -> list[str]:
    """The dotted names of every module of ``scripts/site``."""
    return sorted(f"scripts.site.{path.stem}" for path in SITE.glob("*.py"))


def registered_markdown() -> markdown.Markdown:
    """A Markdown instance with the site's extension registered (no page rendered)."""
    data = GuideData(
        contract=project_contract(),
        sources=load_sources(),
        status=VerificationStatus(state="none"),
        mentions={},
        cited_on={},
    )
    return markdown.Markdown(extensions=[GuideExtension(data=data, page="log-in/steps.md")])


def test_every_processor_of_one_markdown_holds_the_same_render_state() -> None:
    md = registered_markdown()
    markers = md.parser.blockprocessors["icegate_markers"]
    holders = [
        md.preprocessors["icegate_page"],
        md.inlinePatterns["icegate_ui_ref"],
        md.inlinePatterns["icegate_contact"],
        markers,
        *markers.renderers.values(),
        markers.screens,
        md.treeprocessors["icegate_page_facts"],
        md.treeprocessors["icegate_search_terms"],
    ]
    states = {id(holder.state) for holder in holders}
    assert len(states) == 1
    assert isinstance(markers.state, RenderState)
    assert not any(hasattr(holder, "extension") for holder in holders)


def test_two_markdown_instances_do_not_share_a_render_state() -> None:
    first, second = registered_markdown(), registered_markdown()
    assert (
        first.inlinePatterns["icegate_ui_ref"].state
        is not second.inlinePatterns["icegate_ui_ref"].state
    )


def test_every_site_module_imports_on_its_own() -> None:
    found = subprocess.run(
        [sys.executable, "-c", ONE_BY_ONE, *site_modules()],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )
    assert found.stdout == ""


def type_checking_imports(path: Path) -> list[str]:
    """Modules of ``scripts.site`` that ``path`` imports only under ``if TYPE_CHECKING:``."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith(
                    "scripts.site"
                ):
                    names.append(inner.module or "")
    return names


def test_no_site_module_hides_a_site_import_under_type_checking() -> None:
    hidden = {
        path.name: type_checking_imports(path)
        for path in SITE.glob("*.py")
        if type_checking_imports(path)
    }
    assert hidden == {}
