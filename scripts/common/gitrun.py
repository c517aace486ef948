"""Run ``git`` and ``gh`` for the scheduled jobs: one runner, one bot identity, one error type.

Every job that writes to the repository (the nightly's history, issues, photographs and label
pull requests; the reachability probe's log) goes through these functions, so a failure always
reads the same way (``CommandError``: the command and the tool's own last line of output) and
every commit carries the same bot identity. Commands are argument lists, never a shell line,
so no text from the portal can become a command. Standard library only (the publishing jobs
install nothing).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

#: Who the scheduled jobs' commits are by.
BOT = {
    "GIT_AUTHOR_NAME": "icegate-guide nightly",
    "GIT_AUTHOR_EMAIL": "nightly@users.noreply.github.com",
    "GIT_COMMITTER_NAME": "icegate-guide nightly",
    "GIT_COMMITTER_EMAIL": "nightly@users.noreply.github.com",
}


class CommandError(RuntimeError):
    """A git or gh command failed; the message names the command and what the tool said."""


def run(tool: str, *args: str, cwd: Path | None = None, stdin: str | None = None,
        env: Mapping[str, str] | None = None) -> str:
    """Run ``tool`` with ``args``; return its standard output.

    Raises:
        CommandError: the tool is missing or exited non-zero (with its last line of output).
    """
    try:
        done = subprocess.run(
            [tool, *args], cwd=cwd, input=stdin, capture_output=True, text=True, check=True,
            env={**os.environ, **(env or {})},
        )
    except FileNotFoundError:
        raise CommandError(f"{tool} is not installed") from None
    except subprocess.CalledProcessError as error:
        said = (error.stderr or error.stdout or "").strip().splitlines()
        why = said[-1] if said else f"exit status {error.returncode}"
        raise CommandError(f"{tool} {' '.join(args[:2])} failed: {why}") from None
    return done.stdout


def git(repo: Path, *args: str, stdin: str | None = None,
        env: Mapping[str, str] | None = None) -> str:
    """Run git in ``repo``; return its output without the final newline."""
    return run("git", *args, cwd=repo, stdin=stdin, env=env).strip()


def gh(*args: str, cwd: Path | None = None) -> str:
    """Run the GitHub CLI (``GH_TOKEN`` and ``GH_REPO`` come from the environment).

    ``cwd``: a checkout whose remote names the repository when ``GH_REPO`` is not set.
    """
    return run("gh", *args, cwd=cwd)


def remote_tip(repo: Path, remote: str, branch: str) -> str | None:
    """Fetch ``branch`` from ``remote``; its newest commit, or None when it does not exist."""
    if not git(repo, "ls-remote", "--heads", remote, f"refs/heads/{branch}"):
        return None
    private = f"refs/jobs/{branch}"
    git(repo, "fetch", "--quiet", "--no-tags", remote, f"+refs/heads/{branch}:{private}")
    return git(repo, "rev-parse", private)


def file_at(repo: Path, commit: str | None, path: str) -> str | None:
    """The text of ``path`` in ``commit``; None when the commit or the file does not exist."""
    if commit is None:
        return None
    listed = git(repo, "ls-tree", "--name-only", commit, "--", path)
    if not listed:
        return None
    return run("git", "show", f"{commit}:{path}", cwd=repo)


def commit_files(repo: Path, parent: str | None, files: Mapping[str, str], message: str) -> str:
    """A commit on top of ``parent`` with ``files`` (path → text) written; no checkout needed."""
    with tempfile.TemporaryDirectory() as folder:
        index = {"GIT_INDEX_FILE": str(Path(folder) / "index")}
        git(repo, "read-tree", parent or "--empty", env=index)
        for path, text in files.items():
            blob = git(repo, "hash-object", "-w", "--stdin", stdin=text)
            git(repo, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=index)
        tree = git(repo, "write-tree", env=index)
    parents = ["-p", parent] if parent else []
    return git(repo, "commit-tree", tree, *parents, "-m", message, env=BOT)


def push_pause(attempt: int) -> float:
    """Seconds to wait after refused push number ``attempt``: 2, 4, 8, then at most 10."""
    return float(min(2**attempt, 10))


def push_on_newest_tip(
    repo: Path,
    remote: str,
    branch: str,
    make_commit: Callable[[str | None], str | None],
    attempts: int = 4,
    sleep: Callable[[float], None] = time.sleep,
) -> str | None:
    """Build a commit on the branch's newest tip and push it, again on a newer tip if refused.

    Args:
        repo: A git repository with ``remote``.
        remote: The remote to push to.
        branch: The branch to add to.
        make_commit: Given the tip (None for a new branch), the commit to push, or None when
            there is nothing to add (the push is then skipped).
        attempts: How many pushes to try.
        sleep: How to wait between tries (tests pass one that does not wait).

    Returns:
        The commit pushed, or None when there was nothing to push.

    Raises:
        CommandError: the push was still refused after ``attempts`` tries.
    """
    last = ""
    for attempt in range(1, attempts + 1):
        tip = remote_tip(repo, remote, branch)
        commit = make_commit(tip)
        if commit is None:
            return None
        try:
            git(repo, "push", "--quiet", remote, f"{commit}:refs/heads/{branch}")
        except CommandError as error:
            last = str(error)
            print(f"push {attempt} of {attempts} to {branch} refused ({last}); trying again")
            if attempt < attempts:
                sleep(push_pause(attempt))
            continue
        return commit
    raise CommandError(f"could not push to {remote} {branch}: {last}")
