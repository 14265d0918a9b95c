"""Atomic file writes shared by the data, training and pipeline layers.

A file is written under a temporary name in the same folder, flushed to disk and renamed over
the target, so a reader (or a crash) never sees half a file. ``videomv.gaussians`` keeps its
own copy of this: it imports nothing else from videomv.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Writes ``data`` to ``path`` atomically and returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    """Writes ``text`` (UTF-8) to ``path`` atomically and returns the path."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def replace_folder(finished: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Renames the complete folder ``finished`` to ``target``, replacing any earlier ``target``.

    The old folder is first renamed aside and deleted only once the new one is in place, so at
    every moment one complete version exists under ``target`` or beside it.
    """
    finished, target = Path(finished), Path(target)
    trash = target.with_name(f".{target.name}.old")
    if target.exists():
        shutil.rmtree(trash, ignore_errors=True)
        target.rename(trash)
    finished.rename(target)
    shutil.rmtree(trash, ignore_errors=True)
    return target


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def staged_folder(target: str | os.PathLike) -> Iterator[Path]:
    """An empty folder beside ``target`` to write into; it replaces ``target`` (see
    :func:`replace_folder`) when the block ends and is removed if the block raises.

    The folder gets the usual permissions of a new folder (``mkdtemp``'s private 0700 would carry
    over to ``target``).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        staging.chmod(0o777 & ~_current_umask())
        yield staging
        replace_folder(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
