"""Crash-safe training checkpoints on top of accelerate's ``save_state``/``load_state``.

A checkpoint is a folder ``step-00001200/`` holding what ``accelerate`` saves (model weights in
safetensors, optimiser, LR schedule, gradient scaler, every process's RNG states, and objects
registered with ``register_for_checkpointing`` such as the EMA weights and the data position)
plus ``trainer_state.json`` (step and loop state) and ``config.json`` (the effective config).

It is written under a temporary name and renamed into place once complete, and older
checkpoints are deleted only after that, so a process killed at any moment (SIGKILL included)
leaves the last complete checkpoint untouched and loses at most one interval.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import signal
import time
from pathlib import Path
from types import FrameType
from typing import Any

from accelerate import Accelerator

from ..fileio import replace_folder, write_text_atomic

_STEP_DIR = re.compile(r"^step-(\d{8})$")
STATE_FILE = "trainer_state.json"
CONFIG_FILE = "config.json"
MANIFEST_FILE = "manifest.json"
logger = logging.getLogger(__name__)


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with open(file, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """Size and SHA-256 of every file of a checkpoint, so later damage can be detected."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in (MANIFEST_FILE, STATE_FILE))
    return {str(p.relative_to(folder)): {"size": p.stat().st_size, "sha256": _sha256(p)} for p in files}


def verify_checkpoint(path: str | os.PathLike) -> str | None:
    """None if the checkpoint is complete and its files match its manifest, else what is wrong."""
    path = Path(path)
    if not (path / STATE_FILE).is_file():
        return f"{path}: incomplete (no {STATE_FILE})"
    if not (path / MANIFEST_FILE).is_file():
        return f"{path}: no {MANIFEST_FILE}"
    expected = json.loads((path / MANIFEST_FILE).read_text())
    for name, record in expected.items():
        file = path / name
        if not file.is_file():
            return f"{file}: missing"
        if file.stat().st_size != record["size"] or _sha256(file) != record["sha256"]:
            return f"{file}: damaged (size or checksum differs from {MANIFEST_FILE})"
    return None


def list_checkpoints(root: str | os.PathLike) -> list[Path]:
    """Complete checkpoints under ``root``, oldest first (temporary folders are ignored)."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if _STEP_DIR.match(p.name) and (p / STATE_FILE).is_file()]
    return sorted(found, key=lambda p: p.name)


def latest_checkpoint(root: str | os.PathLike) -> Path | None:
    """The newest complete checkpoint under ``root``, or None."""
    checkpoints = list_checkpoints(root)
    return checkpoints[-1] if checkpoints else None


def save_checkpoint(
    accelerator: Accelerator,
    root: str | os.PathLike,
    step: int,
    state: dict[str, Any],
    config_json: str,
    keep: int = 2,
) -> Path:
    """Saves the training state at ``step`` into ``root/step-XXXXXXXX`` atomically.

    Every process must call this (accelerate writes per-process RNG states); only the main
    process renames and prunes.

    Args:
        accelerator: the run's accelerator, with model/optimiser/scheduler prepared and any
            extra stateful objects registered for checkpointing.
        root: the checkpoints folder.
        step: the optimiser step reached.
        state: JSON-serialisable loop state saved beside (e.g. epoch, samples seen).
        config_json: the effective configuration.
        keep: how many complete checkpoints to keep (at least 1).

    Returns:
        The path of the checkpoint.
    """
    root = Path(root)
    final = root / f"step-{step:08d}"
    tmp = root / f".tmp-step-{step:08d}"
    if accelerator.is_main_process:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
    accelerator.wait_for_everyone()
    accelerator.save_state(str(tmp))
    accelerator.wait_for_everyone()
    if accelerator.is_main_process:
        write_text_atomic(tmp / CONFIG_FILE, config_json)
        write_text_atomic(tmp / MANIFEST_FILE, json.dumps(_manifest(tmp), indent=1))
        write_text_atomic(tmp / STATE_FILE, json.dumps({"step": step, "time": time.time(), **state}, indent=1))
        replace_folder(tmp, final)  # the same step may be saved twice (a signal right after an interval)
        for old in list_checkpoints(root)[: -max(keep, 1)]:
            shutil.rmtree(old)
    accelerator.wait_for_everyone()
    return final


def load_checkpoint(accelerator: Accelerator, path: str | os.PathLike) -> dict[str, Any]:
    """Restores everything ``save_checkpoint`` saved and returns its loop state (with ``step``)."""
    path = Path(path)
    if not (path / STATE_FILE).is_file():
        raise FileNotFoundError(f"{path}: not a complete checkpoint (no {STATE_FILE}); resume from another one")
    accelerator.load_state(str(path))
    return json.loads((path / STATE_FILE).read_text())


def resolve_resume(path: str | os.PathLike) -> Path:
    """The checkpoint to resume from for ``--resume PATH``, checked against its manifest.

    ``PATH`` is a checkpoint folder, or a run (or its ``checkpoints``) folder: then the newest
    checkpoint whose files are intact is used, and damaged newer ones are skipped with a warning.
    """
    path = Path(path)
    if (path / STATE_FILE).is_file():
        problem = verify_checkpoint(path)
        if problem:
            raise ValueError(f"cannot resume: {problem}; resume from an earlier checkpoint")
        return path
    for root in (path, path / "checkpoints"):
        for candidate in reversed(list_checkpoints(root)):
            problem = verify_checkpoint(candidate)
            if problem is None:
                return candidate
            logger.warning("skipping checkpoint %s", problem)
    raise FileNotFoundError(f"{path}: no intact checkpoint found; give a run folder or a step-XXXXXXXX folder")


class StopRequest:
    """Turns SIGTERM and SIGINT into a flag the training loop checks between steps.

    The loop then writes a checkpoint and exits cleanly. A second signal interrupts at once.
    Use as a context manager; the previous handlers are restored on exit.
    """

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __enter__(self) -> StopRequest:
        for sig in self.SIGNALS:
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
