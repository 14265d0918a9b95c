"""A training run from its configuration: the task and data it names, trained by :mod:`.loop`.

:func:`run` is what ``videomv train`` runs; :func:`build` and :func:`build_task` make the task and
dataset a :class:`~videomv.training.config.TrainConfig` describes (identical on every process), and
:func:`export_checkpoint` rebuilds a checkpoint's task to write its model as the folder a finished run
writes. Kept apart from the loop so that the loop knows no task and the tasks may use the loop
(:func:`~videomv.training.reconstructor.train_reconstructor` does) without a circle.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import torch
from accelerate import Accelerator
from torch import nn
from torch.utils.data import Dataset

from ..data.dataset import MultiViewDataset, find_samples
from ..fileio import replace_folder
from .checkpoint import MODEL_FILE, read_config, read_weights, resolve_resume
from .config import TrainConfig
from .diffusion import DiffusionTask
from .loop import TrainingTask, TrainResult, train
from .reconstructor import build_reconstructor_task
from .state_files import READ_ERRORS, check_like, first_line, load_state


def build(config: TrainConfig) -> tuple[TrainingTask, Dataset]:
    """The task and the dataset a configuration describes (identical on every process)."""
    paths = [p for p in config.data.split(",") if p]
    if not paths:
        raise ValueError("no dataset given: --data FOLDER[,FOLDER…]")
    if config.task == "reconstructor" and config.view_spacing != "even":
        raise ValueError("the reconstructor trains on evenly spaced views: leave --view-spacing at even")
    samples = [s for root in paths for s in find_samples(root, config.split)]
    dataset = MultiViewDataset(
        samples, num_views=config.num_views, image_size=config.image_size, background=config.background,
        condition_view="random" if config.random_start_view else "first", view_spacing=config.view_spacing,
        camera_convention=config.camera_convention, seed=config.seed, preload=config.preload_data,
    )  # fmt: skip
    count = min(config.sample_count, len(dataset))
    task = build_task(config)
    if config.task == "diffusion":
        task.sample_items = [dataset[i] for i in range(count)]
    else:
        task.sample_item = dataset[0] if count else None
    return task, dataset


def build_task(config: TrainConfig) -> TrainingTask:
    """The untrained task of ``config``, without its dataset."""
    from ..logs import library_progress_bars

    # No loading bars for the frozen parts (text encoder, an x0 pipeline): the run's own bar is the progress.
    with library_progress_bars(False):
        return DiffusionTask(config) if config.task == "diffusion" else build_reconstructor_task(config)


def export_checkpoint(checkpoint: str | Path, output_dir: str | Path, use_ema: bool = True) -> Path:
    """Writes a training checkpoint's model as the ``save_pretrained`` folder a finished run writes.

    The model is rebuilt from the checkpoint's ``config.json`` first, so what the run started from
    (its ``pretrained`` folder, its ``prompt_embeddings`` file) must be where the config says.

    Args:
        checkpoint: a ``step-XXXXXXXX`` folder, or a run (or its ``checkpoints``) folder for its
            newest intact checkpoint; checked against its manifest.
        output_dir: where the folder goes: ``output_dir/pipeline`` (diffusion) or
            ``output_dir/reconstructor``, replaced atomically if it exists.
        use_ema: export the EMA weights where the run kept them (as the end of a run does).

    Returns:
        The written folder.
    """
    path = resolve_resume(checkpoint)
    config = read_config(path)
    output_dir = Path(output_dir)
    if output_dir.exists() and not output_dir.is_dir():
        raise NotADirectoryError(f"--out {output_dir}: a file, not a folder; give a folder for the exported model")
    # Everything read from the checkpoint is parsed and checked before the model is built.
    weights_file = path / MODEL_FILE
    if not weights_file.is_file():
        raise FileNotFoundError(f"{weights_file}: missing; this checkpoint holds no single-file model weights")
    # The checkpoint holds the whole task's state: the trained network is its `model.` part.
    weights = {k.removeprefix("model."): v for k, v in read_weights(weights_file).items() if k.startswith("model.")}
    ema_state = read_ema_state(path) if use_ema and config.ema_decay > 0 else None
    task = build_task(config)
    missing, unexpected = task.model.load_state_dict(weights, strict=False)
    if missing or unexpected:
        raise ValueError(
            f"{weights_file} does not fit the model its config.json builds "
            f"(missing {missing[:3]}, unexpected {unexpected[:3]}); export with the videomv version that trained it"
        )
    if ema_state is not None:
        _copy_ema_weights(*ema_state, config, [p for p in task.parameters() if p.requires_grad])
    output_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".export-{path.name}.", dir=output_dir))
    try:
        written = task.save_final(staging)
        return replace_folder(written, output_dir / written.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# Where checkpoints of videomv before format 2 kept the EMA state (accelerate's first custom slot, a torch pickle).
LEGACY_EMA_FILE = "custom_checkpoint_0.pkl"


def read_ema_state(checkpoint: Path) -> tuple[Path, Any]:
    """``(file, state)`` of a checkpoint's EMA weights, read without running anything in the file.

    ``ema.safetensors`` is parsed as such; the pickle of an older checkpoint only through
    ``torch.load(weights_only=True)``, which builds tensors and plain containers and refuses the rest.
    """
    file = checkpoint / "ema.safetensors"
    if file.is_file():
        return file, load_state(file)
    legacy = checkpoint / LEGACY_EMA_FILE
    if not legacy.is_file():
        raise FileNotFoundError(f"{file}: missing although the run kept EMA weights; export with --no-ema")
    try:
        return legacy, torch.load(legacy, map_location="cpu", weights_only=True)
    except (*READ_ERRORS, pickle.UnpicklingError, EOFError, zipfile.BadZipFile) as error:
        raise ValueError(
            f"{legacy}: not readable as EMA weights ({first_line(error)}); nothing in it was run; export with --no-ema"
        ) from None


def _copy_ema_weights(file: Path, state: Any, config: TrainConfig, params: list[nn.Parameter]) -> None:
    from diffusers.training_utils import EMAModel

    ema = EMAModel(params, decay=config.ema_decay)
    try:
        check_like(ema.state_dict(), state)
        ema.load_state_dict(state)
    except ValueError as error:
        raise ValueError(f"{file}: does not fit the model of its config.json ({error}); export with --no-ema") from None
    ema.copy_to(params)


def run(
    config: TrainConfig,
    resume: str | Path | None = None,
    progress: bool = True,
    accelerator: Accelerator | None = None,
) -> TrainResult:
    """Builds the task and data of ``config`` and trains (what ``videomv train`` runs)."""
    task, dataset = build(config)
    return train(config, task, dataset, resume=resume, accelerator=accelerator, progress=progress)
