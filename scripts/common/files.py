"""Writing files safely: readers never see a half-written file. Standard library only."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


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
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
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
