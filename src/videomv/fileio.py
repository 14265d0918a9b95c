"""Atomic file writes shared by the data, training and pipeline layers.

A file is written under a temporary name in the same folder, flushed to disk and renamed over
the target, so a reader (or a crash) never sees half a file. ``videomv.gaussians`` keeps its
own copy of this: it imports nothing else from videomv.

Folders are staged the same way (:func:`staged_folder`) under names that say who made them:
``.NAME.videomv-PID-HOST-XXXX.tmp`` beside the target (``.old`` for a replaced folder on its way
out). A staged folder is removed when its block raises (``videomv`` turns SIGTERM and SIGHUP into
an exception for this); a later run removes the leftovers of a process that died without cleaning
up (SIGKILL, a power cut) and touches nothing else: not another live process's folder, not another
machine's (on a shared disk), not any name it did not make.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Writes ``data`` to ``path`` atomically and returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Named per process and machine: processes writing one file at once (shards on a shared disk)
    # must not write into each other's temporary file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{_host_tag()}.tmp")
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


def _host_tag() -> str:
    """Six hex digits naming this machine, so that a shared disk's leftovers are judged only where they were made."""
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]


def _staging_prefix(target: Path) -> str:
    """``.NAME.videomv-PID-HOST-``: the start of every staging or trash name this process makes for ``target``."""
    return f".{target.name}.videomv-{os.getpid()}-{_host_tag()}-"


def _staging_pattern(target: Path) -> re.Pattern[str]:
    # mkdtemp's random part is drawn from [a-z0-9_]; token_hex's from [0-9a-f].
    return re.compile(rf"\.{re.escape(target.name)}\.videomv-(\d+)-([0-9a-f]{{6}})-[a-z0-9_]+\.(?:tmp|old)")


def _process_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists here (one of another user counts: it may still be writing)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # exists but is not ours, or cannot be told: leave its folder alone
    return True


def remove_stale_staging(target: str | os.PathLike) -> list[Path]:
    """Deletes the staging and trash folders of ``target`` left by processes of this machine that are gone.

    Only folders named by :func:`staged_folder` / :func:`replace_folder` (``.NAME.videomv-PID-HOST-XXXX.tmp``
    or ``.old``) whose process no longer runs on this machine are removed; nothing else beside
    ``target`` is looked at.

    Returns:
        The folders removed.
    """
    target = Path(target)
    if not target.parent.is_dir():
        return []
    pattern, host = _staging_pattern(target), _host_tag()
    removed = []
    for entry in target.parent.iterdir():
        match = pattern.fullmatch(entry.name)
        if match is None or match[2] != host or entry.is_symlink() or not entry.is_dir():
            continue
        if not _process_alive(int(match[1])):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def replace_folder(finished: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Renames the complete folder ``finished`` to ``target``, replacing any earlier ``target``.

    The old folder is first renamed aside (under a name of this process, see
    :func:`remove_stale_staging`) and deleted only once the new one is in place, so at every moment
    one complete version exists under ``target`` or beside it; if the swap itself is interrupted,
    the old folder is put back.
    """
    finished, target = Path(finished), Path(target)
    trash = target.with_name(f"{_staging_prefix(target)}{secrets.token_hex(4)}.old")
    moved_aside = False
    try:
        if target.exists() or target.is_symlink():
            target.rename(trash)
            moved_aside = True
        finished.rename(target)
    except BaseException:
        if moved_aside and not (target.exists() or target.is_symlink()):
            trash.rename(target)
        raise
    if moved_aside:
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

    Stale staging folders of ``target`` left by dead processes are removed first (see
    :func:`remove_stale_staging`). The folder gets the usual permissions of a new folder
    (``mkdtemp``'s private 0700 would carry over to ``target``).
    """
    target = Path(target)
    made = _make_parents(target.parent)
    remove_stale_staging(target)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(target), suffix=".tmp", dir=target.parent))
    try:
        staging.chmod(0o777 & ~_current_umask())
        yield staging
        replace_folder(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in reversed(made):  # a failed run leaves no trace, not even the empty folders it made
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _make_parents(folder: Path) -> list[Path]:
    """Makes ``folder`` and its missing parents; returns those made, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(exist_ok=True)
    return missing[::-1]


def check_writable(path: str | os.PathLike, option: str = "--out", inside: bool = False) -> None:
    """Raises, with one line naming ``option``, unless ``path`` can be created where it goes.

    The nearest existing folder above ``path`` (``path`` itself with ``inside``, for outputs
    written into an existing folder) must be a folder in which a file can really be created:
    a real attempt, removed at once, because permission bits say nothing about root, read-only
    mounts, /sys or /proc.

    Raises:
        NotADirectoryError: a file stands where a folder would be needed.
        PermissionError: nothing can be created there.
    """
    path = Path(path)
    folder = path if inside and path.is_dir() else path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise NotADirectoryError(f"{option} {path}: {folder} is not a folder; choose another location")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise PermissionError(
            f"{option} {path}: cannot write in {folder} ({reason}); choose another location"
        ) from None


# Written last into every output folder that ``--overwrite`` may later replace: the files we wrote
# and their SHA-256. A folder is replaced only when it holds this marker and nothing but those
# files, unchanged, so an overwrite never takes a user's file with it.
OWNER_MARKER = ".videomv-owner"


def _digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def write_owner_marker(folder: str | os.PathLike, written_by: str) -> None:
    """Lists every file in ``folder`` with its digest, as written by ``written_by`` (e.g. "videomv generate")."""
    from . import __version__

    folder = Path(folder)
    files = {path.relative_to(folder).as_posix(): _digest(path) for path in sorted(folder.rglob("*")) if path.is_file()}
    marker = {"written_by": f"{written_by} ({__version__})", "files": files}
    (folder / OWNER_MARKER).write_text(json.dumps(marker, indent=1) + "\n")


def foreign_files(folder: str | os.PathLike) -> str | None:
    """Why the non-empty ``folder`` is not wholly an unchanged output of ours; None when it is."""
    folder = Path(folder)
    try:
        listed = json.loads((folder / OWNER_MARKER).read_text())["files"]
        if not isinstance(listed, dict):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError):
        return f"was not written by videomv (no valid {OWNER_MARKER} marker)"
    folders = {parent for name in listed for parent in PurePosixPath(name).parents}

    def ours(path: Path, key: PurePosixPath) -> bool:
        if path.is_symlink():
            return False
        if path.is_dir():
            return key in folders
        return path.is_file() and listed.get(str(key)) == _digest(path)

    foreign = []
    # os.walk does not follow links: a linked folder is reported, never looked into.
    for root, dirs, names in os.walk(folder):
        for name in sorted(dirs) + sorted(names):
            path = Path(root, name)
            key = PurePosixPath(path.relative_to(folder).as_posix())
            if str(key) != OWNER_MARKER and not ours(path, key):
                foreign.append(key)
    if not foreign:
        return None
    shown = ", ".join(map(str, foreign[:3])) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
    return f"holds files videomv did not write or that changed since ({shown})"


def check_output_folder(out: str | os.PathLike, overwrite: bool = False, option: str = "--out") -> Path:
    """Refuses, before any work, an output folder that cannot be written or whose writing would lose files.

    ``out`` may be a new path (in a folder we can write to), an empty folder, or, with ``overwrite``,
    an earlier output of ours: a folder with our owner marker (:data:`OWNER_MARKER`) and nothing
    but the files it lists, unchanged. Never a symbolic link, the current folder or one holding it
    (the output replaces the folder whole).

    Raises:
        FileExistsError, NotADirectoryError, PermissionError, ValueError: a one-line reason naming ``out``.
    """
    out = Path(out)
    if out.is_symlink():
        raise FileExistsError(f"{option} {out} is a symbolic link; give a folder path that is not a link")
    target, cwd = out.resolve(), Path.cwd().resolve()
    if target == cwd or target in cwd.parents:
        raise ValueError(f"{option} {out} is the current folder or holds it; give a new folder, e.g. {option} result")
    if out.exists():
        if not out.is_dir():
            raise FileExistsError(f"{option} {out} is an existing file; give a folder path")
        if any(out.iterdir()):
            foreign = foreign_files(out)
            if not overwrite:
                hint = "pass --overwrite to replace it" if foreign is None else f"choose another {option}"
                raise FileExistsError(f"output folder {out} is not empty; {hint}")
            if foreign is not None:
                raise FileExistsError(f"--overwrite refused: {out} {foreign}; move them or choose another {option}")
    check_writable(out, option)
    return out
