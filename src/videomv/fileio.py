"""Atomic file writes shared by the data, training and pipeline layers.

A file is written under a temporary name in the same folder, flushed to disk and renamed over
the target, so a reader (or a crash) never sees half a file. ``videomv.gaussians`` keeps its
own copy of this: it imports nothing else from videomv.
"""

from __future__ import annotations

import os
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
