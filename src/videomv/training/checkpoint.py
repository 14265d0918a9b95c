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

import json
import os
import re
import shutil
import signal
import time
from pathlib import Path
from types import FrameType
from typing import Any

from accelerate import Accelerator

from ..fileio import write_text_atomic

_STEP_DIR = re.compile(r"^step-(\d{8})$")
STATE_FILE = "trainer_state.json"
CONFIG_FILE = "config.json"


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
        write_text_atomic(tmp / STATE_FILE, json.dumps({"step": step, "time": time.time(), **state}, indent=1))
        if final.exists():  # the same step saved again (e.g. on a signal right after an interval)
            trash = root / f".old-step-{step:08d}"
            shutil.rmtree(trash, ignore_errors=True)
            final.rename(trash)
            tmp.rename(final)
            shutil.rmtree(trash)
        else:
            tmp.rename(final)
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
    """A checkpoint folder from ``--resume``: a checkpoint, or a run/checkpoints folder holding some."""
    path = Path(path)
    if (path / STATE_FILE).is_file():
        return path
    for root in (path, path / "checkpoints"):
        latest = latest_checkpoint(root)
        if latest is not None:
            return latest
    raise FileNotFoundError(f"{path}: no complete checkpoint found; give a run folder or a step-XXXXXXXX folder")


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
