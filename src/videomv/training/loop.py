"""The one training loop, on accelerate, for every task (diffusion UNet, Gaussian reconstructor).

A task is an ``nn.Module`` whose ``forward(batch)`` returns a dict of scalar losses with a
``"loss"`` entry (so DDP/FSDP/DeepSpeed see the whole step inside the wrapped forward), plus
``sample_views()`` and ``save_final(output_dir)``. :func:`train` does the rest: mixed precision,
gradient accumulation, AdamW with warm-up + cosine, EMA, gradient clipping, per-rank data
sharding, logging, sample grids, crash-safe checkpoints and exact resume. The loop knows no task:
:mod:`.runs` builds the one a configuration names.

Exact resume: model, EMA, optimiser, LR schedule and every process's RNG states are restored from
safetensors and JSON (:mod:`.checkpoint`; nothing is unpickled); the data position (epoch and
batches consumed in it) is saved in ``trainer_state.json`` and the resumed epoch skips the consumed
batches of the same seeded order. The metrics log is cut back to the resumed step, so that every
step appears in it once.

Per-sample randomness: every batch is stamped with the optimiser step (``batch["step"]``) and its
items carry their dataset index (``"index"``); the tasks draw a sample's noise, timestep, dropout
and views from a generator seeded with ``(seed, step, index)`` (:mod:`.seeding`). So a step depends only on which
samples make the global batch, not on how they are split over processes or accumulated
micro-batches (N processes at batch b compute the gradients of one process at batch N·b), and a
resumed run redraws exactly what the straight run drew.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import torch
from accelerate import Accelerator
from accelerate.utils import set_seed
from torch import nn
from torch.utils.data import DataLoader, Dataset, Sampler
from tqdm.auto import tqdm

from ..fileio import write_text_atomic
from .checkpoint import (
    StopRequest,
    TrainingObjects,
    check_checkpointable,
    check_output_dir,
    load_checkpoint,
    resolve_resume,
    save_checkpoint,
)
from .config import TrainConfig

logger = logging.getLogger(__name__)


class TrainingTask(Protocol):
    """What :func:`train` trains: a module computing its own losses from a collated batch.

    The batch arrives on the host (pinned when training on a GPU); the task copies what it uses to
    its device, with ``non_blocking=True`` so that the host can run ahead of the device.
    """

    model: nn.Module  # the trained network: the `model.` entries of a checkpoint's weights

    def __call__(self, batch: dict[str, Any]) -> dict[str, torch.Tensor]: ...

    def parameters(self) -> Iterator[nn.Parameter]: ...

    def enable_gradient_checkpointing(self) -> None:
        """Recompute activations in the backward pass (ValueError when the model cannot)."""

    def sample_views(self) -> torch.Tensor | None:
        """``(rows, views, 3, H, W)`` images in [0, 1] of what the model makes now (None: nothing to show)."""

    def save_final(self, path: Path) -> Path:
        """Writes the trained model as a ``save_pretrained`` folder; returns it."""


@dataclass
class TrainResult:
    """What :func:`train` returns.

    Attributes:
        losses: the loss of every optimiser step run by this call (mean over processes and
            accumulated micro-batches).
        step: the optimiser step reached.
        stopped: True when a SIGTERM/SIGINT ended the run early (a checkpoint was written).
        stop_signal: the number of the signal that stopped it (None when not stopped).
        final: the ``save_pretrained`` folder written at the end (None when stopped early).
        steps_per_second: optimiser steps per second of this call, after the first step.
    """

    losses: list[float] = field(default_factory=list)
    step: int = 0
    stopped: bool = False
    stop_signal: int | None = None
    final: Path | None = None
    steps_per_second: float | None = None


class EpochSampler(Sampler[int]):
    """A seeded permutation per epoch: the same order on every process and after a resume."""

    def __init__(self, length: int, seed: int) -> None:
        self.length = length
        self.seed = seed
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[int]:
        generator = torch.Generator().manual_seed(self.seed + 7919 * self.epoch)
        return iter(torch.randperm(self.length, generator=generator).tolist())


class MetricsLogger:
    """Scalars to ``logs/metrics.jsonl`` always, and to TensorBoard when it is installed.

    A run starting at step ``start`` (0, or the step resumed from) first drops the entries after it,
    which a stopped run logged past its last checkpoint and the resumed run logs again.
    """

    def __init__(self, folder: Path, enabled: bool, start: int = 0) -> None:
        self.enabled = enabled
        self.writer = None
        if not enabled:
            return
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "metrics.jsonl"
        truncate_metrics(self.path, start)
        try:
            from torch.utils.tensorboard import SummaryWriter
        except ImportError:  # tensorboard is optional: the JSONL file carries the same numbers
            logger.info("tensorboard not installed: scalars go to %s only", self.path)
        else:
            # purge_step: TensorBoard hides the events a stopped run wrote past the resumed step.
            self.writer = SummaryWriter(str(folder), purge_step=start + 1)

    def log(self, step: int, values: dict[str, float]) -> None:
        if not self.enabled:
            return
        with open(self.path, "a") as handle:
            handle.write(json.dumps({"step": step, **values}) + "\n")
        if self.writer is not None:
            for key, value in values.items():
                self.writer.add_scalar(key, value, step)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def truncate_metrics(path: Path, step: int) -> None:
    """Rewrites the metrics log ``path`` (atomically) without its entries after ``step``.

    Lines that do not parse (one cut short by a kill) are dropped too.
    """
    if not path.is_file():
        return
    kept = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("step"), int) and entry["step"] <= step:
            kept.append(line + "\n")
    write_text_atomic(path, "".join(kept))


def apply_configured_lr(schedule: Any, lr: float) -> None:
    """Makes a restored LR schedule follow ``lr``: its saved state carries the checkpoint's peak rate,
    which would silently override an ``--lr`` given with ``--resume``."""
    scheduler = getattr(schedule, "scheduler", schedule)  # accelerate wraps the torch scheduler
    scheduler.base_lrs = [lr] * len(scheduler.base_lrs)
    for group, factor in zip(scheduler.optimizer.param_groups, scheduler.lr_lambdas, strict=True):
        group["initial_lr"] = lr
        group["lr"] = lr * factor(scheduler.last_epoch)


def make_lr_lambda(config: TrainConfig, num_processes: int = 1):
    """Multiplier of the peak LR per scheduler step: linear warm-up, then cosine to 0 or constant.

    accelerate steps a prepared scheduler once per process each optimiser step (so the schedule
    is in units of optimiser steps × processes), hence the scaling.
    """
    warmup = config.warmup_steps * num_processes

    def multiplier(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        if config.lr_schedule == "constant":
            return 1.0
        total = max(config.max_steps * num_processes, warmup + 1)  # read live: --max-minutes may lower it
        progress = min(1.0, (step - warmup) / (total - warmup))
        return 0.5 * (1.0 + math.cos(math.pi * progress))

    return multiplier


# Steps timed (after the first, which includes warm-up costs) before --max-minutes sets max_steps.
TIME_FIT_STEPS = 20


def fit_steps_to_time(
    config: TrainConfig, accelerator: Accelerator, step: int, steps_per_second: float, seconds_left: float
) -> None:
    """Lowers ``config.max_steps`` to the step reached ``seconds_left`` from now at the measured speed.

    The processes average their estimates, so all of them stop at the same step. The time limit is
    then spent: the config (and so every later checkpoint) keeps the fitted step count instead.
    """
    estimate = torch.tensor(step + steps_per_second * max(seconds_left, 0.0), device=accelerator.device)
    reachable = int(accelerator.reduce(estimate, reduction="mean").item())
    fitted = max(step + 1, min(config.max_steps, reachable))
    logger.info(
        "%.2f steps/s with %.0f s of the %.1f-minute budget left: max_steps %d -> %d",
        steps_per_second, seconds_left, config.max_minutes, config.max_steps, fitted,
    )  # fmt: skip
    config.max_steps, config.max_minutes = fitted, None


class StepProfiler:
    """torch.profiler over the ``steps`` optimiser steps after step ``after`` (CPU and, on a GPU, CUDA);
    their operator tables go to ``path`` (by own CPU time, and by device time)."""

    def __init__(self, after: int, device: torch.device, path: Path, steps: int = 5) -> None:
        self.after, self.end, self.path = after, after + steps, path
        activities = [torch.profiler.ProfilerActivity.CPU]
        if device.type == "cuda":
            activities.append(torch.profiler.ProfilerActivity.CUDA)
        self.profiler = torch.profiler.profile(activities=activities)
        self.running = False
        self.started = 0.0

    def step_done(self, step: int, last: bool) -> None:
        """Called after each optimiser step; ``last``: the run stops after this one."""
        if step == self.after and not last:
            self.profiler.start()
            self.running, self.started = True, time.perf_counter()
        elif self.running and (step == self.end or last):
            self._write(step - self.after, time.perf_counter() - self.started)

    def _write(self, steps: int, seconds: float) -> None:
        cuda = torch.cuda.is_available()
        if cuda:
            torch.cuda.synchronize()
        self.profiler.stop()
        self.running = False
        averages = self.profiler.key_averages()
        tables = [
            f"{steps} step{'s' * (steps != 1)} in {seconds:.2f} s with the profiler on",
            averages.table(sort_by="self_cpu_time_total", row_limit=25, max_name_column_width=60),
        ]
        if cuda:
            tables.append(averages.table(sort_by="self_cuda_time_total", row_limit=15, max_name_column_width=60))
        write_text_atomic(self.path, "\n".join(tables) + "\n")
        logger.info("profiled %d steps: %s", steps, self.path)


def attention_kernel(backend: str) -> contextlib.AbstractContextManager:
    """A context in which every ``scaled_dot_product_attention`` uses ``backend`` ("auto": PyTorch's choice).

    A forced kernel that cannot take a call's shapes, dtype or device makes that call fail.
    """
    if backend == "auto":
        return contextlib.nullcontext()
    from torch.nn.attention import SDPBackend, sdpa_kernel

    kernels = {"math": SDPBackend.MATH, "efficient": SDPBackend.EFFICIENT_ATTENTION,
               "flash": SDPBackend.FLASH_ATTENTION, "cudnn": SDPBackend.CUDNN_ATTENTION}  # fmt: skip
    return sdpa_kernel([kernels[backend]])


def ignore_stop_signals(worker_id: int) -> None:
    """DataLoader ``worker_init_fn``: workers leave SIGTERM/SIGINT to the training process.

    Schedulers, ``timeout`` and Ctrl-C signal the whole process group; a worker that died of it would
    make the loader raise before the training process reaches its step boundary and checkpoints.
    """
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def workers_stopped_on_error(loaders: list[DataLoader]) -> Iterator[None]:
    """Ends the persistent loader workers of ``loaders`` when the block raises.

    The exception's traceback keeps their iterators, so the workers, alive; at interpreter exit
    multiprocessing ends its children with SIGTERM, which the workers ignore
    (:func:`ignore_stop_signals`), and would wait for them forever.
    """
    try:
        yield
    except BaseException:
        for loader in loaders:
            iterator = getattr(loader, "_iterator", None)  # set by DataLoader for persistent workers
            if iterator is not None and hasattr(iterator, "_shutdown_workers"):
                iterator._shutdown_workers()
        raise


def make_accelerator(config: TrainConfig) -> Accelerator:
    """The run's accelerator (mixed precision, gradient accumulation) for whatever ``accelerate launch`` set up.

    Raises:
        ValueError: when a launcher started several processes that did not form one group (on a
            machine without GPUs accelerate needs ``ACCELERATE_USE_CPU=true`` for that); they would
            train apart and overwrite each other's checkpoints.
    """
    accelerator = Accelerator(
        mixed_precision=config.mixed_precision, gradient_accumulation_steps=config.gradient_accumulation
    )
    launched = int(os.environ.get("WORLD_SIZE", "1"))
    if launched > 1 and accelerator.num_processes == 1:
        raise ValueError(
            f"{launched} processes were launched but accelerate sees one ({accelerator.distributed_type}); "
            "on CPU set ACCELERATE_USE_CPU=true (see the README's training section)"
        )
    return accelerator


def train(
    config: TrainConfig,
    task: TrainingTask,
    dataset: Dataset,
    resume: str | Path | None = None,
    accelerator: Accelerator | None = None,
    progress: bool = True,
) -> TrainResult:
    """Trains ``task`` on ``dataset`` as ``config`` says; resumable and signal-safe.

    Args:
        config: the effective configuration (saved with every checkpoint).
        task: the module to train (see :class:`TrainingTask`), built identically on every process.
        dataset: map-style dataset of items collated into the task's batches.
        resume: a checkpoint folder, or a run/checkpoints folder (its newest complete checkpoint).
        accelerator: an existing accelerator; by default :func:`make_accelerator`.
        progress: show the tqdm bar on the main process.

    Returns:
        A :class:`TrainResult`.
    """
    config.check()
    accelerator = accelerator or make_accelerator(config)
    check_checkpointable(accelerator)
    path = resolve_resume(resume) if resume is not None else None
    check_output_dir(config.output_dir, path)
    if config.attention_backend not in ("auto", "math") and accelerator.device.type != "cuda":
        raise ValueError(
            f"attention_backend {config.attention_backend!r} is a CUDA kernel and this run is on "
            f"{accelerator.device.type}; use auto or math"
        )
    output = Path(config.output_dir)
    main = accelerator.is_main_process
    # Only draws outside the per-sample generators use the global RNGs (model dropout, items without an
    # index): independent per rank. Model init happened before, identically on every rank.
    set_seed(config.seed, device_specific=True)

    if config.gradient_checkpointing:
        task.enable_gradient_checkpointing()
    params = [p for p in task.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(
        params, lr=config.lr, betas=(config.adam_beta1, config.adam_beta2), weight_decay=config.weight_decay
    )
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, make_lr_lambda(config, accelerator.num_processes))
    sampler = EpochSampler(len(dataset), config.seed)
    # The loader's own generator: without one, every new iterator (each epoch, each resume) draws its
    # worker seed from the global RNG, which would shift all later noise draws after a resume.
    # Persistent workers: small datasets end an epoch every few steps, and starting the workers anew
    # each time (a fork of a process holding the model and the preloaded data) stalled the device.
    loader = DataLoader(
        dataset, batch_size=config.batch_size, sampler=sampler, num_workers=config.num_workers, drop_last=True,
        generator=torch.Generator().manual_seed(config.seed), worker_init_fn=ignore_stop_signals,
        persistent_workers=config.num_workers > 0, pin_memory=accelerator.device.type == "cuda",
    )  # fmt: skip
    if len(loader) < accelerator.num_processes:
        raise ValueError(
            f"{len(dataset)} samples make {len(loader)} batches of {config.batch_size}: fewer than the "
            f"{accelerator.num_processes} processes; lower batch_size or add data"
        )
    model, optimizer, schedule = accelerator.prepare(task, optimizer, schedule)
    # Batches stay on the host (pinned on a GPU): the tasks copy what they need without blocking, and
    # the per-sample generators read the items' indices without waiting for the device.
    loader = accelerator.prepare_data_loader(loader, device_placement=False)
    ema = None
    if config.ema_decay > 0:
        from diffusers.training_utils import EMAModel

        # foreach: one batched update over all tensors instead of a few small ops per tensor (800 in the
        # tiny UNet); no step-time change was measurable on the H100 (docs/training_notes.md).
        ema = EMAModel(params, decay=config.ema_decay, foreach=True)
        ema.to(accelerator.device)
    objects = TrainingObjects(model, optimizer, schedule, {"ema": ema} if ema is not None else {})

    step, epoch, consumed = 0, 0, 0
    if path is not None:
        state = load_checkpoint(accelerator, path, objects)
        missing = {"epoch", "batches_in_epoch"} - set(state)
        if missing:
            raise ValueError(f"{path}: its trainer state has no {', '.join(sorted(missing))}; not a run's checkpoint")
        step, epoch, consumed = state["step"], state["epoch"], state["batches_in_epoch"]
        logger.info("resumed from %s at step %d (epoch %d, batch %d)", path, step, epoch, consumed)
        apply_configured_lr(schedule, config.lr)
        if ema is not None:
            ema.to(accelerator.device)  # read back on the host

    metrics = MetricsLogger(output / "logs", enabled=main, start=step)
    result = TrainResult(step=step)
    bar = tqdm(total=config.max_steps, initial=step, desc=config.task, disable=not (main and progress))
    pending: list[torch.Tensor] = []  # this step's micro-batch losses
    unread: list[torch.Tensor] = []  # step losses still on the device, read at the next log step
    started = None
    run_start = time.perf_counter()
    profiler = None
    if main and config.profile_after is not None:
        profiler = StepProfiler(config.profile_after, accelerator.device, output / "profile.txt")
        profiler.step_done(step, last=step >= config.max_steps)  # --profile-after 0 (or the resumed step): from now

    def read_losses() -> None:
        # Reading a loss waits for the device; only log steps (and the end) do, so the host can
        # queue the next step while the device runs this one.
        result.losses.extend(torch.stack(unread).tolist())
        unread.clear()

    def checkpoint() -> None:
        save_checkpoint(
            accelerator, output / "checkpoints", step, objects, {"epoch": epoch, "batches_in_epoch": consumed},
            config.to_json(), config.keep_checkpoints,
        )  # fmt: skip

    def with_ema_weights(action) -> None:
        if ema is not None:
            ema.store(params)
            ema.copy_to(params)
        try:
            action()
        finally:
            if ema is not None:
                ema.restore(params)

    model.train()
    loaders = [loader]
    with StopRequest() as stop, attention_kernel(config.attention_backend), workers_stopped_on_error(loaders):
        while step < config.max_steps and not stop.requested:
            batches = accelerator.skip_first_batches(loader, consumed) if consumed else loader
            if batches is not loader:
                loaders.append(batches)
            # accelerate's loaders set their sampler's epoch from their own pass counter when iterated;
            # a resumed run (or the fresh skipping loader) must count from the saved epoch instead.
            batches.set_epoch(epoch)
            if hasattr(dataset, "set_epoch"):
                dataset.set_epoch(epoch)
            for batch in batches:
                with accelerator.accumulate(model):
                    losses = model({**batch, "step": step})  # step: the key of the per-sample generators
                    accelerator.backward(losses["loss"])
                    if accelerator.sync_gradients and config.max_grad_norm > 0:
                        accelerator.clip_grad_norm_(params, config.max_grad_norm)
                    optimizer.step()
                    schedule.step()
                    optimizer.zero_grad(set_to_none=True)
                consumed += 1
                pending.append(losses["loss"].detach().float())
                if not accelerator.sync_gradients:
                    continue
                step += 1
                if ema is not None:
                    ema.step(params)
                unread.append(accelerator.reduce(torch.stack(pending).mean(), reduction="mean"))
                pending.clear()
                bar.update(1)
                if step % config.log_every == 0 or step == config.max_steps:
                    read_losses()
                    loss, lr = result.losses[-1], schedule.get_last_lr()[0]
                    bar.set_postfix(loss=f"{loss:.4f}", lr=f"{lr:.2e}")
                    extra = {k: float(v.detach()) for k, v in losses.items() if k != "loss"}
                    metrics.log(step, {"loss": loss, "lr": lr, **extra})
                if started is None:
                    started = time.perf_counter()  # the first step includes warm-up costs: not timed
                elif step > result.step + 1:
                    result.steps_per_second = (step - result.step - 1) / (time.perf_counter() - started)
                    if config.max_minutes is not None and step == result.step + 1 + TIME_FIT_STEPS:
                        seconds_left = 60 * config.max_minutes - (time.perf_counter() - run_start)
                        fit_steps_to_time(config, accelerator, step, result.steps_per_second, seconds_left)
                        bar.total = config.max_steps
                if profiler is not None:
                    profiler.step_done(step, last=step >= config.max_steps or stop.requested)
                if step % config.checkpoint_every == 0 or step == config.max_steps or stop.requested:
                    checkpoint()
                if main and config.sample_every and step % config.sample_every == 0:
                    grid = output / "samples" / f"step-{step:08d}.png"
                    with_ema_weights(lambda grid=grid: save_grid(accelerator.unwrap_model(model).sample_views(), grid))
                if step >= config.max_steps or stop.requested:
                    break
            else:
                epoch, consumed = epoch + 1, 0
        result.stopped = stop.requested and step < config.max_steps
        result.stop_signal = stop.signum if result.stopped else None
    if unread:
        read_losses()
    bar.close()
    metrics.close()
    result.step = step
    if not result.stopped and main:

        def save() -> None:
            result.final = accelerator.unwrap_model(model).save_final(output)

        with_ema_weights(save)
    accelerator.wait_for_everyone()
    return result


def save_grid(views: torch.Tensor | None, path: Path) -> None:
    """``(B, F, 3, H, W)`` images in [0, 1] as one PNG: a row per sample, a column per view."""
    if views is None:
        return
    from PIL import Image

    batch, frames, _, height, width = views.shape
    grid = views.float().permute(0, 3, 1, 4, 2).reshape(batch * height, frames * width, 3)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray((grid.clamp(0, 1) * 255).round().to(torch.uint8).cpu().numpy()).save(path)
