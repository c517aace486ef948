"""The site's settings: one reader of ``mkdocs.yml``, and the checks a publishing build makes.

``mkdocs.yml``'s ``extra:`` block is the one place a fork sets what differs between
copies of this site: the GitHub repository, the public address and the feedback mailbox.
Everything else derives from those three or is checked against them here (``edit_uri`` of
both editions, the tools' help links). ``python -m scripts.tools.configure`` writes them.

The file is read with MkDocs' own YAML loader, which understands ``!ENV``, anchors and
``INHERIT``, so every reader sees what MkDocs sees.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

#: Top-level domains reserved by RFC 2606 / RFC 6761: nothing there can ever receive mail
#: or serve a page, so an address there is a placeholder.
RESERVED_TLDS = frozenset({"example", "invalid", "test", "localhost"})
#: Second-level domains reserved for documentation (RFC 2606, section 3).
RESERVED_DOMAINS = frozenset({"example.com", "example.net", "example.org"})
#: ``owner/name`` as GitHub allows it.
REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")
#: Where the two downloadable tools keep the address they print in their help.
TOOL_FILES = ("snippets/idcheck.py", "snippets/doctor.py")
TOOL_URL_LINE = re.compile(r'^GUIDE_URL = "(?P<url>[^"]*)"$', re.M)


@dataclass(frozen=True)
class SiteSettings:
    """What a fork sets: the repository, the public address and the feedback mailbox."""

    repository: str
    public_url: str
    feedback_email: str


@cache
def load_config(config_file: Path) -> dict:
    """``config_file`` as MkDocs reads it (``!ENV`` resolved, ``INHERIT`` merged)."""
    with config_file.open("rb") as stream:
        return yaml_load(stream)


def settings(config_file: Path) -> SiteSettings:
    """The fork settings from the ``extra:`` block of ``config_file``."""
    extra = load_config(config_file).get("extra") or {}
    return SiteSettings(
        repository=str(extra.get("repository") or ""),
        public_url=str(extra.get("public_url") or ""),
        feedback_email=str(extra.get("feedback_email") or ""),
    )


def public_url(mkdocs_yml: Path) -> str:
    """``extra.public_url`` of ``mkdocs.yml``, ending in ``/``.

    Raises:
        ValueError: the setting is missing (there is no safe address to fall back on).
    """
    url = settings(mkdocs_yml).public_url
    if not url:
        raise ValueError(f"{mkdocs_yml.name}: extra.public_url is not set")
    return url.rstrip("/") + "/"


def is_reserved_host(host: str) -> bool:
    """Whether ``host`` is in a domain reserved for examples and tests (never real)."""
    host = host.lower().rstrip(".")
    labels = host.split(".")
    return labels[-1] in RESERVED_TLDS or ".".join(labels[-2:]) in RESERVED_DOMAINS


def usable_email(address: str) -> bool:
    """Whether ``address`` looks like a mailbox that can receive mail (not a placeholder)."""
    local, at, domain = address.strip().rpartition("@")
    return bool(at and local and "." in domain) and not is_reserved_host(domain)


def problems(
    root: Path, *, site_url: str | None = None, github_repository: str | None = None
) -> list[str]:
    """Every reason the site at ``root`` is not ready to publish, each naming its setting.

    Args:
        root: The repository root (holding ``mkdocs.yml`` and ``mkdocs.hi.yml``).
        site_url: The address the build publishes to (``SITE_URL``), when publishing.
        github_repository: ``owner/name`` of the repository the workflow runs in
            (``GITHUB_REPOSITORY``), when known.

    Returns:
        One line per problem; empty when the settings are fit to publish.
    """
    found: list[str] = []
    config = root / "mkdocs.yml"
    chosen = settings(config)
    found += _repository_problems(chosen.repository, github_repository)
    found += url_problems(chosen.public_url, site_url)
    if chosen.feedback_email and not usable_email(chosen.feedback_email):
        found.append(
            f"mkdocs.yml extra.feedback_email is {chosen.feedback_email!r}, which cannot receive "
            "mail: set a real mailbox, or leave it empty to hide the e-mail link"
        )
    found += _derived_problems(root, chosen)
    return found


def _repository_problems(repository: str, github_repository: str | None) -> list[str]:
    if not REPOSITORY.fullmatch(repository):
        return [f"mkdocs.yml extra.repository is {repository!r}: it must be owner/name"]
    if github_repository and repository.lower() != github_repository.lower():
        return [
            f"mkdocs.yml extra.repository is {repository!r} but this is {github_repository!r}: "
            "run make configure in the fork"
        ]
    return []


def url_problems(url: str, site_url: str | None) -> list[str]:
    """What is wrong with ``url`` as the public address (and with ``SITE_URL`` beside it)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return [f"mkdocs.yml extra.public_url is {url!r}: it must be an https:// address"]
    if is_reserved_host(parts.hostname):
        return [f"mkdocs.yml extra.public_url is {url!r}, a reserved placeholder domain"]
    if site_url and site_url.rstrip("/") != url.rstrip("/"):
        return [f"SITE_URL is {site_url!r} but mkdocs.yml extra.public_url is {url!r}"]
    return []


def _derived_problems(root: Path, chosen: SiteSettings) -> list[str]:
    """Places that must repeat a setting (YAML cannot join strings), checked against it."""
    found = []
    for config_name, folder in (("mkdocs.yml", "docs"), ("mkdocs.hi.yml", "docs-hi")):
        expected = edit_uri(chosen.repository, folder)
        actual = load_config(root / config_name).get("edit_uri")
        if actual != expected:
            found.append(f"{config_name} edit_uri is {actual!r}, expected {expected!r}")
    for tool in TOOL_FILES:
        match = TOOL_URL_LINE.search((root / tool).read_text(encoding="utf-8"))
        if not match or match["url"] != chosen.public_url:
            found.append(f"{tool} GUIDE_URL does not match mkdocs.yml extra.public_url")
    return found


def edit_uri(repository: str, docs_folder: str) -> str:
    """The edit link base of an edition whose pages live in ``docs_folder``."""
    return f"https://github.com/{repository}/edit/main/{docs_folder}/"


def publishing_problems(root: Path) -> list[str]:
    """``problems`` for the build this process is part of, read from the environment.

    A build is publishing when ``SITE_URL`` is set (the Pages workflow and ``make build``
    for publishing set it); ``GITHUB_REPOSITORY`` is set inside GitHub Actions.
    """
    return problems(
        root,
        site_url=os.environ.get("SITE_URL") or None,
        github_repository=os.environ.get("GITHUB_REPOSITORY") or None,
    )
