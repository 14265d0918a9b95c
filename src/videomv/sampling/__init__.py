"""Schedulers, classifier-free guidance, and the denoising loop with its x̂0 refiner hook."""

from .denoise import ModelFn, RefinerState, X0Refiner, denoise, refine_outputs
from .guidance import classifier_free_guidance, drop_condition, dropout_mask
from .schedulers import (
    NOISE_PRESETS,
    SOLVERS,
    make_scheduler,
    model_output_from_x0,
    predict_x0,
    switch_solver,
)

__all__ = [
    "NOISE_PRESETS",
    "SOLVERS",
    "ModelFn",
    "RefinerState",
    "X0Refiner",
    "classifier_free_guidance",
    "denoise",
    "drop_condition",
    "dropout_mask",
    "make_scheduler",
    "model_output_from_x0",
    "predict_x0",
    "refine_outputs",
    "switch_solver",
]
