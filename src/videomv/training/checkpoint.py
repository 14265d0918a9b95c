"""Crash-safe training checkpoints that hold no pickles: safetensors and JSON only.

A checkpoint is a folder ``step-00001200/`` holding

- ``model.safetensors``: the trained module's full state dict (gathered from every rank under FSDP);
- ``optimizer.safetensors``, ``scheduler.safetensors``: the optimiser (keyed by parameter names) and
  the LR schedule; one ``NAME.safetensors`` per extra object (the EMA weights, the gradient scaler of
  fp16 runs), each a tree written by :func:`~videomv.training.state_files.save_state`;
- ``rng_state_RANK.safetensors``: each process's Python, numpy and torch RNG states;
- ``config.json`` (the effective config), ``manifest.json`` (size and SHA-256 of every file) and
  ``trainer_state.json`` (format, step and loop state), written last: a folder without it is incomplete.

Reading one back parses safetensors headers and JSON and nothing else, so a checkpoint from
someone else cannot run code: files of any other kind (the pickles of accelerate's
``save_state``, which older videomv versions wrote) are refused before anything is loaded, and a
value that does not fit the run is a ``ValueError`` naming its file. The manifest detects damage,
not tampering (whoever supplies a checkpoint can rewrite it); safety comes from the readers.

It is written under a temporary name and renamed into place once complete, and older
checkpoints are deleted only after that, so a process killed at any moment (SIGKILL included)
leaves the last complete checkpoint untouched and loses at most one interval.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import re
import shutil
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import numpy as np
import torch
from accelerate import Accelerator
from accelerate.utils import DistributedType
from torch import nn

from ..fileio import replace_folder, write_text_atomic
from .config import TrainConfig
from .state_files import READ_ERRORS, check_like, first_line, load_state, read_header, save_state, save_tensors

_STEP_DIR = re.compile(r"^step-(\d{8})$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
FORMAT = "videomv-checkpoint-2"
STATE_FILE = "trainer_state.json"
CONFIG_FILE = "config.json"
MANIFEST_FILE = "manifest.json"
MODEL_FILE = "model.safetensors"
OPTIMIZER_FILE = "optimizer.safetensors"
SCHEDULER_FILE = "scheduler.safetensors"
# trainer_state.json entries that are not non-negative integers (every other one is: step, epoch, ...).
_FREE_STATE_KEYS = ("format", "time")
logger = logging.getLogger(__name__)


def rng_file(rank: int) -> str:
    """The file of process ``rank``'s RNG states."""
    return f"rng_state_{rank}.safetensors"


@dataclass
class TrainingObjects:
    """What a checkpoint saves and restores, as ``accelerator.prepare`` returned them.

    Attributes:
        model: the trained module (DDP/FSDP-wrapped or not).
        optimizer: its optimiser.
        scheduler: its LR schedule.
        extras: further objects by file name (``[a-z][a-z0-9_]*``), each with ``state_dict()`` /
            ``load_state_dict()`` over tensors, numpy arrays and JSON values (the EMA weights, a data
            position). Saved by the main process: identical on every process.
    """

    model: nn.Module
    optimizer: torch.optim.Optimizer
    scheduler: Any
    extras: dict[str, Any] = field(default_factory=dict)


def check_checkpointable(accelerator: Accelerator) -> None:
    """Refuses a distributed setup whose state cannot be written as safetensors and JSON.

    Raises:
        ValueError: under DeepSpeed, whose optimiser state is its own pickled objects.
    """
    if accelerator.distributed_type in (DistributedType.DEEPSPEED, DistributedType.MEGATRON_LM):
        raise ValueError(
            f"{accelerator.distributed_type.value} checkpoints are pickles, which videomv does not write or read; "
            "train with DDP or FSDP (configs/accelerate/multi_gpu.yaml or fsdp.yaml)"
        )


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


def read_json(file: Path) -> Any:
    """The JSON in ``file``; ValueError naming the file when it is not JSON."""
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, RecursionError, json.JSONDecodeError) as error:
        raise ValueError(f"{file}: not valid JSON ({first_line(error)}); resume from another checkpoint") from None


def verify_checkpoint(path: str | os.PathLike) -> str | None:
    """None if the checkpoint is complete and its files match its manifest, else what is wrong."""
    path = Path(path)
    if not (path / STATE_FILE).is_file():
        return f"{path}: incomplete (no {STATE_FILE})"
    manifest = path / MANIFEST_FILE
    if not manifest.is_file():
        return f"{path}: no {MANIFEST_FILE}"
    try:
        expected = read_json(manifest)
    except ValueError as error:
        return str(error).partition(";")[0]
    if not isinstance(expected, dict):
        return f"{manifest}: not a manifest (a JSON object of files)"
    for name, record in expected.items():
        file = path / name
        if Path(name).is_absolute() or ".." in Path(name).parts or not isinstance(record, dict):
            return f"{manifest}: bad entry {name!r}"
        if not file.is_file():
            return f"{file}: missing"
        if file.stat().st_size != record.get("size") or _sha256(file) != record.get("sha256"):
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


def run_folder(checkpoint: str | os.PathLike) -> Path | None:
    """The run folder a checkpoint belongs to (``RUN/checkpoints/step-XXXXXXXX``), or None if it is elsewhere."""
    checkpoint = Path(checkpoint)
    return checkpoint.parent.parent if checkpoint.parent.name == "checkpoints" else None


def check_output_dir(output_dir: str | os.PathLike, resume: Path | None) -> None:
    """Refuses an output folder that would mix two runs' checkpoints (checked before any model loads).

    A run writes its checkpoints to ``output_dir/checkpoints`` and deletes all but the newest there:
    a fresh run, or a run resumed from elsewhere, must not start in a folder holding another run's.

    Args:
        output_dir: the run's output folder.
        resume: the checkpoint resumed from, or None for a fresh run.
    """
    output = Path(output_dir)
    for folder in (output, output / "checkpoints"):
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(f"--output-dir {output}: {folder} is a file, not a folder; pick another one")
    existing = list_checkpoints(output / "checkpoints")
    if not existing:
        return
    if resume is not None and resume.parent.resolve() == (output / "checkpoints").resolve():
        return
    raise FileExistsError(
        f"--output-dir {output} already holds the checkpoints of a run (newest {existing[-1].name}); "
        f"continue that run with --resume {output}, or pick another --output-dir"
    )


def _inner(optimizer: torch.optim.Optimizer) -> torch.optim.Optimizer:
    """The torch optimiser inside accelerate's wrapper (the state-dict functions need the real one)."""
    from accelerate.optimizer import AcceleratedOptimizer

    return optimizer.optimizer if isinstance(optimizer, AcceleratedOptimizer) else optimizer


def _state_dict_options() -> Any:
    from torch.distributed.checkpoint.state_dict import StateDictOptions

    # Full (unsharded) states keyed by parameter name: the same files whatever the sharding or world size.
    return StateDictOptions(full_state_dict=True, cpu_offload=True)


def rng_states() -> dict[str, Any]:
    """This process's RNG states: Python's, numpy's, torch's (and its current CUDA device's)."""
    states: dict[str, Any] = {
        "python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state(),
    }  # fmt: skip
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        states["cuda"] = torch.cuda.get_rng_state()
    return states


def set_rng_states(states: dict[str, Any]) -> None:
    """Restores what :func:`rng_states` returned (after :func:`check_like` against this process's)."""
    random.setstate(states["python"])
    np.random.set_state(states["numpy"])
    torch.set_rng_state(states["torch"])
    if "cuda" in states:
        torch.cuda.set_rng_state(states["cuda"])


def save_checkpoint(
    accelerator: Accelerator,
    root: str | os.PathLike,
    step: int,
    objects: TrainingObjects,
    state: dict[str, Any],
    config_json: str,
    keep: int = 2,
) -> Path:
    """Saves the training state at ``step`` into ``root/step-XXXXXXXX`` atomically.

    Every process must call this (the full state is gathered from all of them, and each writes its
    RNG states); only the main process writes the rest, renames and prunes.

    Args:
        accelerator: the run's accelerator.
        root: the checkpoints folder.
        step: the optimiser step reached.
        objects: the model, optimiser, schedule and extra objects to save.
        state: loop state saved beside, as non-negative integers (e.g. epoch, batches consumed).
        config_json: the effective configuration.
        keep: how many complete checkpoints to keep (at least 1).

    Returns:
        The path of the checkpoint.
    """
    from torch.distributed.checkpoint.state_dict import get_state_dict

    root = Path(root)
    final = root / f"step-{step:08d}"
    tmp = root / f".tmp-step-{step:08d}"
    main = accelerator.is_main_process
    optimizer = _inner(objects.optimizer)
    model_state, optimizer_state = get_state_dict(objects.model, optimizer, options=_state_dict_options())
    if main:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
    accelerator.wait_for_everyone()
    save_state(tmp / rng_file(accelerator.process_index), rng_states())
    if main:
        save_tensors(tmp / MODEL_FILE, model_state)
        save_state(tmp / OPTIMIZER_FILE, optimizer_state)
        save_state(tmp / SCHEDULER_FILE, objects.scheduler.state_dict())
        for name, extra in _extras(accelerator, objects).items():
            save_state(tmp / f"{name}.safetensors", extra.state_dict())
    accelerator.wait_for_everyone()
    if main:
        write_text_atomic(tmp / CONFIG_FILE, config_json)
        write_text_atomic(tmp / MANIFEST_FILE, json.dumps(_manifest(tmp), indent=1))
        record = {"format": FORMAT, "step": step, "time": time.time(), "accelerator_step": accelerator.step, **state}
        write_text_atomic(tmp / STATE_FILE, json.dumps(record, indent=1))
        replace_folder(tmp, final)  # the same step may be saved twice (a signal right after an interval)
        for old in list_checkpoints(root)[: -max(keep, 1)]:
            shutil.rmtree(old)
    accelerator.wait_for_everyone()
    return final


def _extras(accelerator: Accelerator, objects: TrainingObjects) -> dict[str, Any]:
    """The extra objects, plus accelerate's gradient scaler in fp16 runs."""
    extras = dict(objects.extras)
    if accelerator.scaler is not None:
        extras["scaler"] = accelerator.scaler
    for name in extras:
        if not _NAME.match(name) or name in ("model", "optimizer", "scheduler"):
            raise ValueError(f"checkpoint object name {name!r}: use [a-z][a-z0-9_]*, not model/optimizer/scheduler")
    return extras


def check_resumable(path: str | os.PathLike) -> dict[str, Any]:
    """Checks that a checkpoint is ours and readable, cheaply (headers and JSON); returns its trainer state.

    Run before any model is built, so a foreign or old checkpoint is refused at once.

    Raises:
        ValueError: naming the file at fault: one that is neither safetensors nor JSON (the pickles of
            an older videomv, or planted), a header or JSON that does not parse, a bad trainer state.
        FileNotFoundError: a required file is missing.
    """
    path = Path(path)
    state_file = path / STATE_FILE
    state = read_json(state_file)
    old = isinstance(state, dict) and state.get("format") != FORMAT
    for file in sorted(path.iterdir()):
        if file.name.startswith(".") and file.name.endswith(".tmp"):
            continue  # an atomic write's leftover: never read
        if file.is_dir() or file.suffix not in (".json", ".safetensors"):
            if old:
                raise ValueError(
                    f"{path}: written by an older videomv, whose checkpoints hold pickles ({file.name}) that are no "
                    f"longer read; export its weights with `videomv train export --resume {path}` and start anew"
                )
            raise ValueError(f"{file}: not safetensors or JSON, which is all a checkpoint holds; it is not read: "
                             "remove it or resume from another checkpoint")  # fmt: skip
    if not isinstance(state, dict) or old:
        raise ValueError(f"{state_file}: not a {FORMAT} trainer state; resume from a checkpoint this videomv wrote")
    for key, value in state.items():
        if key not in _FREE_STATE_KEYS and (type(value) is not int or value < 0):
            raise ValueError(f"{state_file}: {key} must be a non-negative integer, got {value!r}")
    if "step" not in state:
        raise ValueError(f"{state_file}: no step; resume from another checkpoint")
    for name in (MODEL_FILE, OPTIMIZER_FILE, SCHEDULER_FILE, CONFIG_FILE):
        if not (path / name).is_file():
            raise FileNotFoundError(f"{path / name}: missing; resume from another checkpoint")
    for file in sorted(path.iterdir()):
        if file.suffix == ".safetensors":
            read_header(file)
        elif file.suffix == ".json":
            read_json(file)
    return state


def read_config(path: str | os.PathLike) -> TrainConfig:
    """The training configuration saved in checkpoint ``path``; errors name its ``config.json``."""
    file = Path(path) / CONFIG_FILE
    if not file.is_file():
        raise FileNotFoundError(f"{file}: missing; resume from another checkpoint, or give --preset")
    values = read_json(file)
    try:
        return TrainConfig.from_values(values)
    except ValueError as error:
        raise ValueError(f"{file}: {error}") from None


def read_weights(file: Path) -> dict[str, torch.Tensor]:
    """A safetensors weights file; ValueError naming it when it does not parse."""
    from safetensors.torch import load_file

    read_header(file)
    try:
        return load_file(str(file))
    except READ_ERRORS as error:
        raise ValueError(f"{file}: damaged weights ({first_line(error)}); resume from another checkpoint") from None


def _restore(file: Path, apply: Callable[[Any], None], value: Any = None) -> None:
    """Reads ``file``'s state (unless given) and applies it; ValueError naming the file when it does not fit."""
    value = load_state(file) if value is None else value
    try:
        apply(value)
    except READ_ERRORS as error:
        raise ValueError(
            f"{file}: does not fit this run ({first_line(error)}); resume with the configuration that wrote it"
        ) from None


def _load_model(model: nn.Module, weights: dict[str, torch.Tensor]) -> None:
    """Loads full weights into ``model`` (sharded or not); every entry must match (set_model_state_dict
    itself keeps the model's own value where one is missing)."""
    from torch.distributed.checkpoint.state_dict import get_model_state_dict, set_model_state_dict

    expected = set(get_model_state_dict(model))  # the model's own entries: names only, nothing gathered
    missing, unexpected = sorted(expected - set(weights)), sorted(set(weights) - expected)
    if missing or unexpected:
        raise ValueError(f"missing {len(missing)} entries {missing[:2]}, {len(unexpected)} unexpected {unexpected[:2]}")
    set_model_state_dict(model, weights, options=_state_dict_options())


def _load_optimizer(objects: TrainingObjects, file: Path) -> None:
    from torch.distributed.checkpoint.state_dict import set_optimizer_state_dict

    optimizer = _inner(objects.optimizer)
    saved = load_state(file)

    def apply(saved: Any) -> None:
        if not isinstance(saved, dict) or set(saved) != {"state", "param_groups"}:
            raise ValueError("not an optimiser state")
        template = [{k: v for k, v in group.items() if k != "params"} for group in optimizer.param_groups]
        check_like(template, [{k: v for k, v in group.items() if k != "params"} for group in saved["param_groups"]])
        set_optimizer_state_dict(objects.model, optimizer, saved, options=_state_dict_options())
        for param, entries in optimizer.state.items():
            for key, value in entries.items():
                if isinstance(value, torch.Tensor) and value.dim() and value.shape != param.shape:
                    raise ValueError(f"{key} has shape {tuple(value.shape)}, its parameter {tuple(param.shape)}")

    _restore(file, apply, saved)


def load_checkpoint(accelerator: Accelerator, path: str | os.PathLike, objects: TrainingObjects) -> dict[str, Any]:
    """Restores everything :func:`save_checkpoint` saved into ``objects``; returns the loop state (with ``step``).

    Nothing is unpickled: every file is parsed as safetensors or JSON, and checked against the
    objects it is loaded into (structure, types, shapes) before it is applied.

    Raises:
        ValueError: naming the file that is not a state of ours or does not fit ``objects``.
    """
    path = Path(path)
    if not (path / STATE_FILE).is_file():
        raise FileNotFoundError(f"{path}: not a complete checkpoint (no {STATE_FILE}); resume from another one")
    state = check_resumable(path)
    weights = read_weights(path / MODEL_FILE)
    _restore(path / MODEL_FILE, lambda w: _load_model(objects.model, w), weights)
    _load_optimizer(objects, path / OPTIMIZER_FILE)

    def load_like(target: Any) -> Callable[[Any], None]:
        def apply(saved: Any) -> None:
            check_like(target.state_dict(), saved)
            target.load_state_dict(saved)

        return apply

    _restore(path / SCHEDULER_FILE, load_like(objects.scheduler))
    for name, extra in _extras(accelerator, objects).items():
        file = path / f"{name}.safetensors"
        if not file.is_file():
            raise FileNotFoundError(f"{file}: missing, and this run keeps {name} state; resume with its configuration")
        _restore(file, load_like(extra))
    own = path / rng_file(accelerator.process_index)
    if own.is_file():

        def apply_rng(saved: Any) -> None:
            current = rng_states()
            if isinstance(saved, dict) and ("cuda" in saved) != ("cuda" in current):
                # Saved on a GPU and resumed on the CPU (or the reverse): the device's generator starts anew.
                saved.pop("cuda", None)
                current.pop("cuda", None)
            check_like(current, saved)
            set_rng_states(saved)

        _restore(own, apply_rng)
    else:  # more processes than the run that saved it: this one keeps its seeded RNGs
        logger.warning("%s: missing; process %d keeps its seeded RNG states", own, accelerator.process_index)
    accelerator.step = state.get("accelerator_step", 0)
    return state


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

    The loop then writes a checkpoint and stops; ``signum`` tells which signal asked (the command
    exits with 128 + it, as a shell reports a process the signal ended). A second signal
    interrupts at once. Use as a context manager; the previous handlers are restored on exit.
    """

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self) -> None:
        self.requested = False
        self.signum: int | None = None
        self._previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested, self.signum = True, signum

    def __enter__(self) -> StopRequest:
        for sig in self.SIGNALS:
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
