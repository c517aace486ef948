"""Writing files safely: readers never see a half-written file. Standard library only."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

if sys.platform != "win32":  # POSIX: the nightly runs on Linux; on Windows appends are unlocked
    import fcntl


def encodable(text: str) -> str:
    """``text`` that UTF-8 can always encode: a lone UTF-16 surrogate becomes U+FFFD.

    Portal text can hold a lone surrogate (U+D800 alone, say), which a strict UTF-8 write
    refuses; a surrogate pair written as two code points is joined into the character it
    stands for.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _file_mode(path: Path) -> int:
    """The mode a new file gets here: the existing file's, else 0666 less the umask."""
    with contextlib.suppress(FileNotFoundError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers never see a half-written file.

    The data is flushed to disk (fsync) before the rename, and the file keeps the mode an
    ordinary write would give it (mkstemp's private 0600 would hide it from a web server).
    A lone surrogate in ``text`` is written as U+FFFD rather than failing the write.
    """
    data = encodable(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX only)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def append_line(path: Path, line: str) -> None:
    """Append one line of text to ``path`` (a lone surrogate is written as U+FFFD)."""
    with path.open("a", encoding="utf-8") as stream:
        stream.write(encodable(line))


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``.<name>.lock`` beside ``path`` (for a read-modify-write).

    Every process that changes ``path`` through this waits for the one before it, so no
    change is lost. The lock file stays (removing it would race with a waiting process).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(f".{path.name}.lock")
    with lock.open("a") as stream:
        if sys.platform != "win32":
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if sys.platform != "win32":
                fcntl.flock(stream.fileno(), fcntl.LOCK_UN)
