"""Schedulers, classifier-free guidance, the denoising loop with its x̂0 refiner hook, 3D-aware sampling."""

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
from .three_d_aware import (
    DEFAULT_REFINE_STEPS,
    DiffusionX0Views,
    ThreeDAwareConfig,
    ThreeDAwareRefiner,
    flip_camera_axes,
    posterior_generator,
    resolve_steps,
)

__all__ = [
    "DEFAULT_REFINE_STEPS",
    "NOISE_PRESETS",
    "SOLVERS",
    "DiffusionX0Views",
    "ModelFn",
    "RefinerState",
    "ThreeDAwareConfig",
    "ThreeDAwareRefiner",
    "X0Refiner",
    "classifier_free_guidance",
    "denoise",
    "drop_condition",
    "dropout_mask",
    "flip_camera_axes",
    "make_scheduler",
    "model_output_from_x0",
    "posterior_generator",
    "predict_x0",
    "refine_outputs",
    "resolve_steps",
    "switch_solver",
]
