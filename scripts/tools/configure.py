"""Set up a fork in one step: write the fork settings everywhere they appear, then check them.

    make configure REPOSITORY=owner/name [PUBLIC_URL=https://...] [FEEDBACK_EMAIL=you@host]

or ``python -m scripts.tools.configure --repository owner/name ...``. A setting left out keeps
its current value; ``--public-url`` defaults to the GitHub Pages address of the repository
(``https://owner.github.io/name/``) when only the repository is given. ``--feedback-email ""``
removes the address (the e-mail link under each page is then left out).

It edits lines in place, so comments and order stay: ``extra.repository``,
``extra.public_url`` and ``extra.feedback_email`` in ``mkdocs.yml``, ``edit_uri`` in both
editions' configs, and ``GUIDE_URL`` in the downloadable tools. Then it runs the same check a
publishing build runs (``scripts.common.site_config.problems``) and prints what is left.
Exit status: 0 ready to publish, 1 written but problems remain, 2 a value was refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from scripts.common import site_config
from scripts.common.paths import ROOT


class SettingError(ValueError):
    """A value that cannot be written (the message says which and why)."""


def pages_address(repository: str) -> str:
    """The GitHub Pages address of a project repository ``owner/name``."""
    owner, name = repository.split("/", 1)
    return f"https://{owner.lower()}.github.io/{name}/"


def validate(repository: str | None, public_url: str | None, email: str | None) -> None:
    """Refuse values that could never be right.

    Raises:
        SettingError: a value is malformed or a placeholder.
    """
    if repository is not None and not site_config.REPOSITORY.fullmatch(repository):
        raise SettingError(f"--repository {repository!r}: expected owner/name")
    if public_url is not None:
        problems = site_config.url_problems(public_url, None)
        if problems:
            raise SettingError(f"--public-url: {problems[0]}")
    if email and not site_config.usable_email(email):
        raise SettingError(f"--feedback-email {email!r}: not an address that can receive mail")


def _replace_line(text: str, pattern: str, replacement: str, where: str) -> str:
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    if count != 1:
        raise SettingError(f"{where}: the line to change was not found ({pattern})")
    return new


def _yaml_string(value: str) -> str:
    return f'"{value}"' if value == "" or ":" in value or "#" in value else value


def write_settings(root: Path, chosen: site_config.SiteSettings) -> list[str]:
    """Write ``chosen`` into every file that holds a fork setting; return the files changed."""
    edits: dict[str, list[tuple[str, str]]] = {
        "mkdocs.yml": [
            (r"^(\s+repository: &repository ).*$", rf"\g<1>{chosen.repository}"),
            (r"^(\s+public_url: &public_url ).*$", rf"\g<1>{chosen.public_url}"),
            (r"^(\s+feedback_email: &feedback_email ).*$",
             rf"\g<1>{_yaml_string(chosen.feedback_email)}"),
            (r"^edit_uri: .*$", f"edit_uri: {site_config.edit_uri(chosen.repository, 'docs')}"),
        ],
        "mkdocs.hi.yml": [
            (r"^edit_uri: .*$",
             f"edit_uri: {site_config.edit_uri(chosen.repository, 'docs-hi')}"),
        ],
    }
    for tool in site_config.TOOL_FILES:
        edits[tool] = [(r'^GUIDE_URL = ".*"$', f'GUIDE_URL = "{chosen.public_url}"')]
    changed = []
    for name, replacements in edits.items():
        path = root / name
        text = original = path.read_text(encoding="utf-8")
        for pattern, replacement in replacements:
            text = _replace_line(text, pattern, replacement, name)
        if text != original:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    site_config.load_config.cache_clear()
    return changed


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    """Write the settings given on the command line, then report what is still not ready."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.tools.configure",
        description="Set the fork settings (repository, public address, feedback mailbox).",
    )
    parser.add_argument("--repository", help="owner/name of the GitHub repository")
    parser.add_argument("--public-url", help="where the site is published (https://...)")
    parser.add_argument("--feedback-email", help="mailbox for readers' reports ('' for none)")
    args = parser.parse_args(argv)
    current = site_config.settings(root / "mkdocs.yml")
    public_url = args.public_url
    try:
        validate(args.repository, public_url, args.feedback_email)
        if public_url is None and args.repository:
            public_url = pages_address(args.repository)
        if public_url:
            public_url = public_url.rstrip("/") + "/"
        chosen = site_config.SiteSettings(
            repository=args.repository or current.repository,
            public_url=public_url or current.public_url,
            feedback_email=current.feedback_email
            if args.feedback_email is None else args.feedback_email,
        )
        changed = write_settings(root, chosen)
    except SettingError as error:
        print(f"configure: {error}", file=sys.stderr)
        return 2
    print(f"configure: {len(changed)} file(s) changed: {', '.join(changed) or 'none'}")
    print(f"  repository      {chosen.repository}")
    print(f"  public_url      {chosen.public_url}")
    print(f"  feedback_email  {chosen.feedback_email or '(none: the e-mail link is left out)'}")
    left = site_config.problems(root)
    for problem in left:
        print(f"configure: not ready to publish: {problem}", file=sys.stderr)
    if not left:
        print("configure: ready to publish")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
