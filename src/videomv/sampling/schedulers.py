"""Noise schedules and samplers from diffusers, and the clean-image (x̂0) parameterisation helpers.

A scheduler is a *noise preset* (the training-time schedule the weights were trained with) plus a
*solver* (how to integrate it at inference):

* ``"t2v-modelscope"``: ModelScope's ``linear_sd`` betas, i.e. linear in sqrt(beta) from 0.00085 to
  0.012 over 1000 steps (diffusers ``"scaled_linear"``), epsilon prediction;
* ``"i2v-i2vgenxl"``: cosine betas (``"squaredcos_cap_v2"``) rescaled to zero terminal SNR,
  v-prediction.

Both use ``timestep_spacing="leading"`` with ``steps_offset=1`` as the reference code does (50 DDIM
steps visit t = 981, 961, ..., 1); with zero terminal SNR, ``timestep_spacing="trailing"`` starts at
t = 999, where the model sees pure noise, and is the better choice for new training runs.

All solvers here keep the sample in variance-preserving form, ``x_t = sqrt(ᾱ_t) x0 + sqrt(1 - ᾱ_t) ε``,
which is what :func:`predict_x0` and :func:`model_output_from_x0` assume.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import Any

import torch
from diffusers import (
    DDIMScheduler,
    DDPMScheduler,
    DPMSolverMultistepScheduler,
    UniPCMultistepScheduler,
)
from diffusers.schedulers.scheduling_utils import SchedulerMixin

from ..safe_load import BadFileError, check_config_values, check_folder, first_line, read_json

NOISE_PRESETS: dict[str, dict[str, Any]] = {
    "t2v-modelscope": {
        "num_train_timesteps": 1000,
        "beta_schedule": "scaled_linear",
        "beta_start": 0.00085,
        "beta_end": 0.012,
        "prediction_type": "epsilon",
        "rescale_betas_zero_snr": False,
        "set_alpha_to_one": False,
        "timestep_spacing": "leading",
        "steps_offset": 1,
        "clip_sample": False,
    },
    "i2v-i2vgenxl": {
        "num_train_timesteps": 1000,
        "beta_schedule": "squaredcos_cap_v2",
        "prediction_type": "v_prediction",
        "rescale_betas_zero_snr": True,
        "set_alpha_to_one": True,
        "timestep_spacing": "leading",
        "steps_offset": 1,
        "clip_sample": False,
    },
}

SOLVERS: dict[str, tuple[type[SchedulerMixin], dict[str, Any]]] = {
    "ddim": (DDIMScheduler, {}),
    "ddpm": (DDPMScheduler, {}),
    "dpmsolver++": (DPMSolverMultistepScheduler, {"algorithm_type": "dpmsolver++", "solver_order": 2}),
    "unipc": (UniPCMultistepScheduler, {"solver_order": 2}),
}


def _accepted(cls: type, values: dict[str, Any]) -> dict[str, Any]:
    """The entries of ``values`` that ``cls.__init__`` takes (DDIM-only keys are dropped for others)."""
    parameters = inspect.signature(cls.__init__).parameters
    return {key: value for key, value in values.items() if key in parameters}


def make_scheduler(solver: str = "ddim", preset: str = "t2v-modelscope", **overrides: Any) -> SchedulerMixin:
    """A diffusers scheduler for ``solver`` on the ``preset`` noise schedule.

    Args:
        solver: one of :data:`SOLVERS` (``"ddim"``, ``"ddpm"``, ``"dpmsolver++"``, ``"unipc"``).
        preset: one of :data:`NOISE_PRESETS`.
        **overrides: any scheduler config value (``prediction_type``, ``timestep_spacing``,
            ``rescale_betas_zero_snr``, ...).
    """
    if solver not in SOLVERS:
        raise ValueError(f"unknown solver {solver!r}; use one of {', '.join(SOLVERS)}")
    if preset not in NOISE_PRESETS:
        raise ValueError(f"unknown noise preset {preset!r}; use one of {', '.join(NOISE_PRESETS)}")
    cls, solver_defaults = SOLVERS[solver]
    config = {**NOISE_PRESETS[preset], **solver_defaults, **overrides}
    unknown = set(overrides) - set(inspect.signature(cls.__init__).parameters)
    if unknown:
        raise ValueError(f"{cls.__name__} has no config value(s) {sorted(unknown)}")
    return cls(**_accepted(cls, config))


def switch_solver(scheduler: SchedulerMixin, solver: str, **overrides: Any) -> SchedulerMixin:
    """The same noise schedule integrated by another solver (e.g. a pipeline's DDIM → DPM-Solver++).

    x̂0 clipping (``clip_sample`` of DDIM / DDPM) carries over; from a solver without it (DPM-Solver++,
    UniPC) it is off, as in :data:`NOISE_PRESETS`, rather than diffusers' default (on).
    """
    if solver not in SOLVERS:
        raise ValueError(f"unknown solver {solver!r}; use one of {', '.join(SOLVERS)}")
    cls, solver_defaults = SOLVERS[solver]
    config = {"clip_sample": False, **scheduler.config, **solver_defaults, **overrides}
    return cls.from_config(_accepted(cls, config))


# Far above any schedule in use (the reference models train on 1000 steps); more only allocates.
MAX_TRAIN_TIMESTEPS = 100_000
_SCHEDULER_ERRORS = (ValueError, TypeError, RuntimeError, NotImplementedError, KeyError, IndexError, ArithmeticError)


def check_scheduler_config(cls: type[SchedulerMixin], config: dict[str, Any], source: str | os.PathLike) -> None:
    """Refuses, in one line naming ``source``, a scheduler config ``cls`` cannot run with.

    Raises:
        videomv.safe_load.BadFileError: a mistyped value, a ``num_train_timesteps`` outside 1 to
            :data:`MAX_TRAIN_TIMESTEPS`, or anything the scheduler itself refuses (an unknown
            ``beta_schedule`` ...).
    """
    check_config_values(cls.__init__, config, source)
    steps = config.get("num_train_timesteps", 1)
    if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_TRAIN_TIMESTEPS:
        raise BadFileError(
            f"{source}: num_train_timesteps must be a whole number from 1 to {MAX_TRAIN_TIMESTEPS}, not {steps!r}; "
            "fix it or re-save the pipeline"
        )
    try:
        cls.from_config(config)
    except _SCHEDULER_ERRORS as error:
        raise BadFileError(
            f"{source}: not a valid {cls.__name__} config ({first_line(error)}); fix it or re-save the pipeline"
        ) from error


def check_scheduler_folder(cls: type[SchedulerMixin], folder: str | os.PathLike) -> Path:
    """Checks the ``scheduler_config.json`` in a pipeline's ``scheduler/`` folder (:func:`check_scheduler_config`)."""
    config_path = check_folder(folder, "a scheduler folder") / "scheduler_config.json"
    # diffusers writes -Infinity for DPM-Solver's lambda_min_clipped.
    config = read_json(config_path, "a scheduler config", allow_infinity=True)
    check_scheduler_config(cls, config, config_path)
    return Path(folder)


def at_least_float32(x: torch.Tensor) -> torch.Tensor:
    """``x`` in float32 if it is of a lower precision (float16, bfloat16), else as it is (float64 stays)."""
    return x.to(torch.promote_types(x.dtype, torch.float32))


def _alphas(
    scheduler: SchedulerMixin, timestep: int | torch.Tensor, like: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    table = scheduler.alphas_cumprod
    dtype = torch.promote_types(like.dtype, torch.float32)
    alpha_prod = table[torch.as_tensor(timestep).to(table.device, torch.long)].to(like.device, dtype)
    if alpha_prod.ndim:  # one timestep per sample: broadcast over each sample's other dimensions
        alpha_prod = alpha_prod.view(-1, *[1] * (like.ndim - 1))
    return alpha_prod.sqrt(), (1 - alpha_prod).sqrt()


def noise_to(
    scheduler: SchedulerMixin, x0: torch.Tensor, noise: torch.Tensor, timestep: int | torch.Tensor
) -> torch.Tensor:
    """The forward process ``x_t = sqrt(ᾱ) x0 + sqrt(1 − ᾱ) ε`` of the scheduler's ᾱ (whatever its
    solver: an Euler scheduler's own ``add_noise`` works in σ units instead). ``timestep`` as for
    :func:`predict_x0`; computed in float32 (float64 for float64 inputs), returned in ``x0``'s dtype."""
    a, s = _alphas(scheduler, timestep, x0)
    return (a * at_least_float32(x0) + s * noise.to(a.dtype)).to(x0.dtype)


def predict_x0(
    scheduler: SchedulerMixin, model_output: torch.Tensor, sample: torch.Tensor, timestep: int | torch.Tensor
) -> torch.Tensor:
    """The clean-sample estimate x̂0 from a model output at ``timestep``.

    ``epsilon``: x̂0 = (x_t − sqrt(1−ᾱ) ε) / sqrt(ᾱ); ``v_prediction``: x̂0 = sqrt(ᾱ) x_t − sqrt(1−ᾱ) v;
    ``sample``: the output itself. Computed in float32 (float64 for a float64 ``sample``), returned in
    ``sample``'s dtype. ``timestep`` is one step, or a ``(B,)`` tensor of one step per sample (the first
    dimension of ``sample``).
    """
    prediction_type = scheduler.config.prediction_type
    a, s = _alphas(scheduler, timestep, sample)
    out, x = model_output.to(a.dtype), sample.to(a.dtype)
    if prediction_type == "epsilon":
        x0 = (x - s * out) / a
    elif prediction_type == "v_prediction":
        x0 = a * x - s * out
    elif prediction_type == "sample":
        x0 = out
    else:
        raise ValueError(f"unsupported prediction_type {prediction_type!r}")
    return x0.to(sample.dtype)


def model_output_from_x0(
    scheduler: SchedulerMixin, x0: torch.Tensor, sample: torch.Tensor, timestep: int | torch.Tensor
) -> torch.Tensor:
    """The model output that :func:`predict_x0` maps to ``x0`` (its inverse at fixed ``sample``).

    ``epsilon``: ε = (x_t − sqrt(ᾱ) x0) / sqrt(1−ᾱ); ``v_prediction``: v = (sqrt(ᾱ) x_t − x0) / sqrt(1−ᾱ).
    """
    prediction_type = scheduler.config.prediction_type
    a, s = _alphas(scheduler, timestep, sample)
    x0_f, x = x0.to(a.dtype), sample.to(a.dtype)
    if prediction_type == "epsilon":
        out = (x - a * x0_f) / s
    elif prediction_type == "v_prediction":
        out = (a * x - x0_f) / s
    elif prediction_type == "sample":
        out = x0_f
    else:
        raise ValueError(f"unsupported prediction_type {prediction_type!r}")
    return out.to(sample.dtype)
