"""The lock files install exactly the versions pyproject.toml pins, each with its hashes."""

from __future__ import annotations

import re
import tomllib

import pytest

from scripts.common.paths import ROOT

LOCKS = ROOT / "requirements"
# Each lock and the dependency groups it must contain (canary = the tests plus Zensical).
GROUPS = {"docs": ["docs"], "photos": ["photos"], "test": ["test"], "canary": ["test", "canary"]}
PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==([^\s;\\]+)")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(group: str) -> dict[str, str]:
    """Package → version in requirements/GROUP.txt."""
    pins = {}
    for line in (LOCKS / f"{group}.txt").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins[normal(match[1])] = match[2]
    return pins


def pinned(group: str) -> dict[str, str]:
    """Package → version that pyproject.toml pins in a dependency group (and its includes)."""
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "dependency-groups"
    ]
    pins = {}
    for entry in groups[group]:
        if isinstance(entry, dict):
            pins.update(pinned(entry["include-group"]))
            continue
        match = PIN.match(entry)
        assert match, f"pyproject.toml: {entry!r} in group {group!r} is not pinned with =="
        pins[normal(match[1])] = match[2]
    return pins


@pytest.mark.parametrize("lock", sorted(GROUPS))
def test_lock_holds_every_pin_of_its_groups_at_the_pinned_version(lock: str):
    wanted = {}
    for group in GROUPS[lock]:
        wanted.update(pinned(group))
    have = locked(lock)
    wrong = {name: (version, have.get(name)) for name, version in wanted.items()
             if have.get(name) != version}  # fmt: skip
    assert not wrong, f"requirements/{lock}.txt is out of date (run make lock): {wrong}"


@pytest.mark.parametrize("lock", sorted(GROUPS))
def test_every_locked_package_has_a_hash(lock: str):
    text = (LOCKS / f"{lock}.txt").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[-1])
    unhashed = [entry.split()[0] for entry in entries
                if PIN.match(entry) and "--hash=sha256:" not in entry]  # fmt: skip
    assert not unhashed


def test_a_package_has_one_version_across_the_locks():
    versions: dict[str, set[str]] = {}
    for lock in GROUPS:
        for name, version in locked(lock).items():
            versions.setdefault(name, set()).add(version)
    assert {name: found for name, found in versions.items() if len(found) > 1} == {}


def test_pin_pattern_reads_extras_and_markers():
    match = PIN.match('mkdocstrings[python]==1.0.8 ; python_version >= "3.11" \\')
    assert match and (match[1], match[2]) == ("mkdocstrings", "1.0.8")
