"""Training: configuration presets, crash-safe checkpoints, the accelerate loop and its tasks.

Names are imported on first use (see :mod:`videomv._lazy`), so reading a preset does not load
accelerate and the models.
"""

from .._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "checkpoint": [
            "StopRequest", "latest_checkpoint", "list_checkpoints", "load_checkpoint", "resolve_resume",
            "save_checkpoint",
        ],
        "config": ["PRESETS", "TrainConfig", "apply_overrides", "describe", "preset"],
        "loop": ["TrainResult", "train"],
        "reconstructor": [
            "ReconstructorTask", "ReconstructorTrainingConfig", "ReconstructorTrainingResult", "train_reconstructor",
        ],
        "runs": ["build", "build_task", "export_checkpoint", "run"],
    },
)  # fmt: skip
