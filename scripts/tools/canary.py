"""Build the site with Zensical, the generator meant to follow MkDocs and Material.

``python -m scripts.tools.canary build DIR`` builds the same tree (``mkdocs.yml``, ``docs/``,
the Markdown extension) with Zensical into ``DIR``; ``make canary`` then runs the site checks
that apply to any generator on it. Zensical has no option for the output folder, so this
writes a copy of ``mkdocs.yml`` that differs only in ``site_dir`` and builds from that.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.common.paths import ROOT

CONFIG = ROOT / ".canary.yml"


def canary_config(site_dir: Path) -> str:
    """``mkdocs.yml`` with the output folder set to ``site_dir``."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return f"{text.rstrip()}\n\n# Written by scripts/tools/canary.py\nsite_dir: {site_dir}\n"


def build(site_dir: Path) -> int:
    """Build with Zensical into ``site_dir``; return its exit status."""
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent))
    if zensical is None:
        print("canary: zensical is not installed (make canary installs it)", file=sys.stderr)
        return 2
    CONFIG.write_text(canary_config(site_dir.resolve()), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([zensical, "build", "--clean", "-f", str(CONFIG)], cwd=ROOT, env=env)
    finally:
        CONFIG.unlink(missing_ok=True)
    if done.returncode == 0 and not (site_dir / "index.html").is_file():
        print(f"canary: zensical finished but wrote no {site_dir}/index.html", file=sys.stderr)
        return 1
    return done.returncode


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.canary")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="build the site with Zensical").add_argument(
        "site_dir", type=Path
    )
    args = parser.parse_args(argv)
    return build(args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
