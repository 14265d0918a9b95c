"""The denoising loop, with a hook where the clean-image estimates may be replaced (3D-aware sampling).

At each step the loop

1. runs the model for the conditional and (with guidance) the unconditional branch;
2. if an ``x0_refiner`` is set: computes each branch's clean-sample estimate x̂0 (:func:`predict_x0`),
   calls ``x0_refiner(x0_cond, x0_uncond, state)`` and, for each branch whose estimate it replaced,
   turns the new x̂0 back into a model output (:func:`model_output_from_x0`);
3. applies classifier-free guidance to the (possibly replaced) outputs;
4. takes the scheduler step.

Without a refiner, or for a branch the refiner returns unchanged, step 2 leaves the model output
untouched, so sampling is bit-identical to plain sampling.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import torch
from diffusers.schedulers.scheduling_utils import SchedulerMixin

from ..cameras import Cameras
from .guidance import classifier_free_guidance
from .schedulers import model_output_from_x0, predict_x0

# (model input (B, C, F, h, w), timestep) -> (conditional output, unconditional output or None).
ModelFn = Callable[[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor | None]]


@dataclass
class RefinerState:
    """What an x̂0 refiner is told at one denoising step.

    Attributes:
        step_index: index of this step in the loop (0 = the noisiest).
        timestep: the scheduler timestep of this step.
        num_inference_steps: number of steps in the loop.
        cameras: the cameras of the views (their order is the views' order).
        pipeline: the running pipeline; its ``decode_latents`` / ``encode_images`` convert between
            ``(B, F, C, h, w)`` latents and ``(B, F, 3, H, W)`` images in [-1, 1], chunked over views.
        generator: the sampling run's generator (a refiner that draws noise, e.g. a sampled VAE
            posterior, draws it from this one); None when the run has none.
    """

    step_index: int
    timestep: torch.Tensor
    num_inference_steps: int
    cameras: Cameras
    pipeline: Any
    generator: torch.Generator | None = None


class X0Refiner(Protocol):
    """Replaces clean-sample estimates during sampling (the 3D-aware denoising hook).

    Called at every step with the conditional and unconditional x̂0 as ``(B, F, C, h, w)`` latents
    (``x0_uncond`` is None without guidance). Returns the two estimates to continue from; return an
    input itself (or an equal tensor) to leave that branch untouched.
    """

    def __call__(
        self, x0_cond: torch.Tensor, x0_uncond: torch.Tensor | None, state: RefinerState
    ) -> tuple[torch.Tensor, torch.Tensor | None]: ...


def _step_kwargs(scheduler: SchedulerMixin, generator: torch.Generator | None, eta: float) -> dict[str, Any]:
    """The optional ``step`` arguments this scheduler accepts (DDIM takes ``eta``; most a generator)."""
    parameters = inspect.signature(scheduler.step).parameters
    kwargs: dict[str, Any] = {}
    if "eta" in parameters:
        kwargs["eta"] = eta
    if "generator" in parameters:
        kwargs["generator"] = generator
    return kwargs


def _to_views(x: torch.Tensor) -> torch.Tensor:
    return x.permute(0, 2, 1, 3, 4)  # (B, C, F, h, w) <-> (B, F, C, h, w); its own inverse


def _replace(
    scheduler: SchedulerMixin,
    output: torch.Tensor,
    x0: torch.Tensor,
    refined: torch.Tensor,
    sample: torch.Tensor,
    timestep: torch.Tensor,
) -> torch.Tensor:
    """``output`` itself unless the refiner changed ``x0``; then the output that yields ``refined``."""
    if refined is x0 or torch.equal(refined, x0):
        return output
    return model_output_from_x0(scheduler, _to_views(refined).to(sample), sample, timestep)


def refine_outputs(
    scheduler: SchedulerMixin,
    refiner: X0Refiner,
    cond: torch.Tensor,
    uncond: torch.Tensor | None,
    sample: torch.Tensor,
    state: RefinerState,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Model outputs of both branches after ``refiner`` has seen (and maybe replaced) their x̂0."""
    t = state.timestep
    x0_cond = _to_views(predict_x0(scheduler, cond, sample, t))
    x0_uncond = None if uncond is None else _to_views(predict_x0(scheduler, uncond, sample, t))
    new_cond, new_uncond = refiner(x0_cond, x0_uncond, state)
    cond = _replace(scheduler, cond, x0_cond, new_cond, sample, t)
    if uncond is not None:
        uncond = _replace(scheduler, uncond, x0_uncond, new_uncond, sample, t)
    return cond, uncond


def denoise(
    scheduler: SchedulerMixin,
    latents: torch.Tensor,
    model_fn: ModelFn,
    guidance_scale: float = 1.0,
    *,
    x0_refiner: X0Refiner | None = None,
    cameras: Cameras | None = None,
    pipeline: Any = None,
    generator: torch.Generator | None = None,
    eta: float = 0.0,
    progress_bar: Callable[..., Any] | None = None,
) -> torch.Tensor:
    """Runs ``scheduler`` (timesteps already set) from ``latents`` ``(B, C, F, h, w)`` to the clean sample.

    Args:
        scheduler: a diffusers scheduler after ``set_timesteps``.
        latents: the starting noise, already scaled by ``scheduler.init_noise_sigma``.
        model_fn: runs the model; returns the unconditional output as None when not guiding.
        guidance_scale: classifier-free guidance weight (used when ``model_fn`` gives both branches).
        x0_refiner: optional x̂0 hook (see the module docstring); None samples plainly.
        cameras: the views' cameras, handed to the refiner.
        pipeline: the running pipeline, handed to the refiner.
        generator: for stochastic schedulers (DDIM with ``eta`` > 0, DDPM, SDE solvers).
        eta: DDIM's noise weight (0 = deterministic DDIM).
        progress_bar: a context-manager factory taking ``total=`` (a pipeline's ``progress_bar``).
    """
    timesteps = scheduler.timesteps
    step_kwargs = _step_kwargs(scheduler, generator, eta)
    with progress_bar(total=len(timesteps)) if progress_bar is not None else contextlib.nullcontext() as bar:
        for i, t in enumerate(timesteps):
            cond, uncond = model_fn(scheduler.scale_model_input(latents, t), t)
            if x0_refiner is not None:
                state = RefinerState(i, t, len(timesteps), cameras, pipeline, generator)
                cond, uncond = refine_outputs(scheduler, x0_refiner, cond, uncond, latents, state)
            output = cond if uncond is None else classifier_free_guidance(cond, uncond, guidance_scale)
            latents = scheduler.step(output, t, latents, **step_kwargs, return_dict=False)[0]
            if bar is not None:
                bar.update()
    return latents
