"""Build the site with Zensical, the generator meant to follow MkDocs and Material.

``python -m scripts.tools.canary build DIR`` builds the same tree (``mkdocs.yml``, ``docs/``,
the Markdown extension) with Zensical into ``DIR``, then the Hindi edition (``mkdocs.hi.yml``,
which inherits it) into ``DIR/hi``, so the English pages' links to Hindi ones resolve; ``make
canary`` then runs the site checks that apply to any generator on it. Zensical has no option
for the output folder, so this writes a copy of each config that differs only in ``site_dir``
and builds from that. Zensical's ``INHERIT`` concatenates lists where MkDocs replaces them (the
Hindi nav would follow the English one), so the copy is the config as MkDocs reads it: the
inherited file merged in, mappings key by key, anything else replaced.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.common.paths import ROOT

#: Each edition's config and its folder under the output folder; English first (--clean).
EDITIONS = (("mkdocs.yml", ""), ("mkdocs.hi.yml", "hi"))


class Env:
    """An ``!ENV`` value, kept as written so the copy still reads the environment."""

    def __init__(self, value: object) -> None:
        self.value = value


class _Loader(yaml.SafeLoader):
    """Reads a MkDocs config, keeping ``!ENV`` tags."""


class _Dumper(yaml.SafeDumper):
    """Writes a MkDocs config, with ``!ENV`` tags."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Env:
    if isinstance(node, yaml.SequenceNode):
        return Env(loader.construct_sequence(node))
    if isinstance(node, yaml.ScalarNode):
        return Env(loader.construct_scalar(node))
    raise yaml.constructor.ConstructorError(
        None, None, "!ENV takes a name or a list", node.start_mark
    )


def _represent_env(dumper: yaml.SafeDumper, env: Env) -> yaml.Node:
    if isinstance(env.value, list):
        return dumper.represent_sequence("!ENV", env.value, flow_style=True)
    return dumper.represent_scalar("!ENV", str(env.value))


_Loader.add_constructor("!ENV", _env)
_Dumper.add_representer(Env, _represent_env)


def merge(base: dict, override: dict) -> dict:
    """``override`` over ``base`` as MkDocs' ``INHERIT`` does: merge mappings, replace the rest."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def resolved_config(config: str) -> dict:
    """``config`` (relative to the repository) with its ``INHERIT`` chain merged in."""
    data = yaml.load((ROOT / config).read_text(encoding="utf-8"), Loader=_Loader)
    parent = data.pop("INHERIT", None)
    return merge(resolved_config(parent), data) if parent else data


def canary_config(site_dir: Path, config: str = "mkdocs.yml") -> str:
    """``config``, resolved, with the output folder set to ``site_dir``."""
    data = {**resolved_config(config), "site_dir": str(site_dir)}
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return f"# Written by scripts/tools/canary.py from {config}\n{text}"


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
