"""Training: configuration presets, crash-safe checkpoints and the accelerate-based loops."""

from .checkpoint import (
    StopRequest,
    latest_checkpoint,
    list_checkpoints,
    load_checkpoint,
    resolve_resume,
    save_checkpoint,
)
from .config import PRESETS, TrainConfig, apply_overrides, describe, preset
from .loop import TrainResult, build, run, train

__all__ = [
    "PRESETS",
    "StopRequest",
    "TrainConfig",
    "TrainResult",
    "apply_overrides",
    "build",
    "describe",
    "latest_checkpoint",
    "list_checkpoints",
    "load_checkpoint",
    "preset",
    "resolve_resume",
    "run",
    "save_checkpoint",
    "train",
]
