"""Build the site with Zensical, the generator meant to follow MkDocs and Material.

``python -m scripts.tools.canary build DIR`` builds the same tree (``mkdocs.yml``, ``docs/``,
the Markdown extension) with Zensical into ``DIR``, then the Hindi edition (``mkdocs.hi.yml``,
which inherits it) into ``DIR/hi``, so the English pages' links to Hindi ones resolve; ``make
canary`` then runs the site checks that apply to any generator on it. Zensical has no option
for the output folder, so this writes a copy of each config that differs only in ``site_dir``
and builds from that.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.common.paths import ROOT

#: Each edition's config and its folder under the output folder; English first (--clean).
EDITIONS = (("mkdocs.yml", ""), ("mkdocs.hi.yml", "hi"))


def canary_config(site_dir: Path, config: str = "mkdocs.yml") -> str:
    """``config`` with the output folder set to ``site_dir``."""
    text = (ROOT / config).read_text(encoding="utf-8")
    return f"{text.rstrip()}\n\n# Written by scripts/tools/canary.py\nsite_dir: {site_dir}\n"


def build(site_dir: Path) -> int:
    """Build both editions with Zensical into ``site_dir``; return the first failing status."""
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent))
    if zensical is None:
        print("canary: zensical is not installed (make canary installs it)", file=sys.stderr)
        return 2
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SITE_URL", None)
    env.pop("SITE_URL_HI", None)
    for config, folder in EDITIONS:
        # Beside the real config, so that INHERIT: mkdocs.yml resolves.
        written = ROOT / f".canary.{Path(config).stem}.yml"
        target = (site_dir / folder).resolve()
        written.write_text(canary_config(target, config), encoding="utf-8")
        command = [zensical, "build", "-f", str(written)] + (["--clean"] if not folder else [])
        try:
            done = subprocess.run(command, cwd=ROOT, env=env)
        finally:
            written.unlink(missing_ok=True)
        if done.returncode != 0:
            return done.returncode
        if not (target / "index.html").is_file():
            print(f"canary: zensical finished but wrote no {target}/index.html", file=sys.stderr)
            return 1
    return 0


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
