"""3D-aware denoising sampling: replace the clean-image estimate by renders of its Gaussians.

At a few chosen steps of the denoising loop (reference: loop indices 20, 30 and 40 of 50), for
the conditional and the unconditional branch each, :class:`ThreeDAwareRefiner`

1. takes the branch's clean-sample estimate x̂0 (latents, ``(B, F, C, h, w)``);
2. decodes the reconstructor's input views of it (default: K evenly spaced views);
3. reconstructs 3D Gaussians from them and renders **all** F views at their cameras;
4. encodes the renders and blends them into x̂0: ``lerp(x̂0, renders, blend)`` (1.0 = the
   reference's full replacement; 0.0 = plain sampling, bit for bit);

then the loop applies guidance to the new estimates and continues the scheduler step from them
(:func:`videomv.sampling.denoise.denoise` does that part). A refinement scheduled at the loop's
last step reconstructs the conditional branch only and hands its renders to both branches, so the
sampled views are the renders of those Gaussians. Pulling every view onto the renders
of one 3D model is what makes the views consistent.

The refiner is the ``x0_refiner`` of :func:`~videomv.sampling.denoise.denoise` and of
``VideoMVPipeline``; it keeps the Gaussians of its last reconstruction so the pipeline can
return them, and :meth:`ThreeDAwareRefiner.reconstruct` makes Gaussians of final views.

:class:`DiffusionX0Views` is the other use of the same x̂0: it feeds the diffusion model's own
estimates at random timesteps to the reconstructor's training (VideoMV's fine-tuning).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import torch
import torch.nn.functional as F
from diffusers.schedulers.scheduling_utils import SchedulerMixin

from ..cameras import Cameras
from ..gaussians import Gaussians, rasterize
from ..models.reconstructor import GaussianReconstructor
from .denoise import RefinerState
from .schedulers import at_least_float32, noise_to, predict_x0

# (B, F, C, h, w) latents -> (B, F, 3, H, W) images in [-1, 1], and back.
DecodeFn = Callable[[torch.Tensor], torch.Tensor]
EncodeFn = Callable[[torch.Tensor], torch.Tensor]

# Opacity below which a Gaussian contributes to no pixel (the rasterizers' 1/255 alpha cut-off).
_MIN_VISIBLE_OPACITY = 1.0 / 255.0
# The reference schedule: loop indices 20, 30, 40 of 50, as fractions so any step count works.
DEFAULT_REFINE_STEPS: tuple[float, ...] = (0.4, 0.6, 0.8)


@dataclass
class ThreeDAwareConfig:
    """Settings of :class:`ThreeDAwareRefiner`."""

    # Steps at which x̂0 is refined: loop indices (ints, 0 = the noisiest step) or fractions of the
    # loop in [0, 1) (floats, rounded to the nearest index). Default: 20, 30, 40 of 50 steps.
    steps: Sequence[int] | Sequence[float] = DEFAULT_REFINE_STEPS
    # Views fed to the reconstructor, in order (the first defines its canonical frame); None:
    # the reconstructor's num_input_views, evenly spaced from view 0 (0, 6, 12, 18 of 24).
    input_views: Sequence[int] | None = None
    # Weight of the renders in the new x̂0: 1.0 replaces it (reference), 0.0 leaves sampling unchanged.
    blend: float = 1.0
    # Which branches to refine: the reference refines both the conditional and the unconditional.
    # At the loop's last step both branches get the conditional renders either way.
    refine_unconditional: bool = True
    # Background colour of the renders, in [0, 1] (1.0: white, like the generated views).
    background: float = 1.0
    # Rasterizer backend (videomv.gaussians.rasterize: "auto", "torch", "gsplat", "reference").
    backend: str = "auto"
    # Image-conditioned sampling: the reconstructor sees the condition image itself in place of the
    # conditional branch's estimate of view 0 (whose camera is the input's), so the Gaussians carry
    # the input's true colours. The reference feeds x̂0 of every view (False).
    anchor_condition_view: bool = False
    # Render at this multiple of the views' size, then take every render_scale-th pixel (nearest
    # neighbour), as the reference does (LGM renders 512, the loop keeps 256; see
    # videomv.models.configs.REFERENCE_PIPELINE_SETTINGS). 1: render at the views' size.
    render_scale: int = 1
    # Gaussians whose centre is closer to the camera than this are not rendered (reference: 0.2).
    near: float = 0.01
    # Hand the reconstructor, and render at, the cameras with their y and z axes negated (the
    # reference inference scripts' extra flip, a bug kept for its weights). False: the true cameras.
    flip_cameras: bool = False
    # Re-encode the renders with a sample of the VAE posterior (reference) instead of its mode.
    sample_posterior: bool = False

    def __post_init__(self) -> None:
        if not 0.0 <= self.blend <= 1.0:
            raise ValueError(f"the 3D-aware blend weight must be in [0, 1], got {self.blend}")
        if not (isinstance(self.render_scale, int) and self.render_scale >= 1):
            raise ValueError(f"the 3D-aware render_scale must be a whole number >= 1, got {self.render_scale}")
        if not self.near > 0:
            raise ValueError(f"the 3D-aware near plane must be > 0, got {self.near}")


def resolve_steps(steps: Sequence[int] | Sequence[float], num_inference_steps: int) -> list[int]:
    """The loop indices of ``steps`` (indices or fractions) in a loop of ``num_inference_steps``.

    Raises:
        ValueError: for an index outside the loop, a fraction outside [0, 1), or mixed kinds.
    """
    values = list(steps)
    if all(isinstance(s, int) for s in values):
        indices = values
    elif all(isinstance(s, float) for s in values):
        bad = [s for s in values if not 0.0 <= s < 1.0]
        if bad:
            raise ValueError(f"3D-aware step fractions must be in [0, 1), got {bad}")
        indices = [min(num_inference_steps - 1, round(s * num_inference_steps)) for s in values]
    else:
        raise ValueError("give 3D-aware steps either as loop indices (ints) or as fractions (floats), not mixed")
    out_of_range = [i for i in indices if not 0 <= i < num_inference_steps]
    if out_of_range:
        raise ValueError(f"3D-aware steps {out_of_range} are outside a loop of {num_inference_steps} steps")
    return sorted(set(indices))


def flip_camera_axes(cameras: Cameras) -> Cameras:
    """``cameras`` with their y and z axes negated (``c2w[:, :3, 1:3] *= -1``), centres kept.

    An OpenCV pose read as an OpenGL one: what the reference inference scripts hand LGM (see
    ``three_d_aware_flip_cameras`` in :data:`videomv.models.configs.REFERENCE_PIPELINE_SETTINGS`).
    """
    c2w = cameras.c2w.clone()
    c2w[:, :3, 1:3] *= -1
    return replace(cameras, c2w=c2w)


def posterior_generator(generator: torch.Generator | None) -> torch.Generator:
    """``generator``, or a CPU generator seeded from torch's global one (a VAE posterior is then
    still sampled, reproducibly under ``torch.manual_seed``)."""
    if generator is not None:
        return generator
    return torch.Generator().manual_seed(int(torch.randint(0, 2**62, (1,))))


def evenly_spaced_views(num_views: int, count: int) -> list[int]:
    """``count`` view indices evenly spaced over ``num_views`` from view 0 (4 of 24: 0, 6, 12, 18)."""
    if not 1 <= count <= num_views:
        raise ValueError(f"cannot take {count} input views from {num_views} views")
    return [math.floor(i * num_views / count) for i in range(count)]


class ThreeDAwareRefiner:
    """The x̂0 hook of 3D-aware denoising sampling (see the module docstring).

    Args:
        reconstructor: the Gaussian reconstructor.
        config: schedule, input views, blend weight, rendering settings.
        decode: ``(B, F, C, h, w)`` latents → ``(B, F, 3, H, W)`` images in [-1, 1]; None: the
            running pipeline's ``decode_latents`` (from the refiner state).
        encode: the inverse map; None: the pipeline's ``encode_images``.

    Attributes:
        gaussians: the Gaussians (one per sample, conditional branch) of the last refinement,
            in the world frame of the views' cameras; None before the first.
        gaussians_step: the loop index they come from.
    """

    def __init__(
        self,
        reconstructor: GaussianReconstructor,
        config: ThreeDAwareConfig | None = None,
        decode: DecodeFn | None = None,
        encode: EncodeFn | None = None,
    ) -> None:
        self.reconstructor = reconstructor
        self.config = config or ThreeDAwareConfig()
        self.decode = decode
        self.encode = encode
        self.gaussians: list[Gaussians] | None = None
        self.gaussians_step: int | None = None
        # ``(B, 3, H, W)`` condition images in [0, 1] for ``anchor_condition_view``; set by the pipeline.
        self.condition_images: torch.Tensor | None = None

    def reset(self) -> None:
        """Forgets the Gaussians of a previous sampling run."""
        self.gaussians, self.gaussians_step = None, None

    def is_active(self, step_index: int, num_inference_steps: int) -> bool:
        """Whether the refiner changes x̂0 at this step (never with ``blend == 0``)."""
        if self.config.blend == 0.0:
            return False
        return step_index in resolve_steps(self.config.steps, num_inference_steps)

    def input_views(self, num_views: int) -> list[int]:
        """The views the reconstructor sees, for ``num_views`` views in all."""
        if self.config.input_views is None:
            return evenly_spaced_views(num_views, self.reconstructor.config.num_input_views)
        views = list(self.config.input_views)
        if not views or any(not 0 <= v < num_views for v in views):
            raise ValueError(f"input views {views} must be non-empty indices below {num_views}")
        return views

    def __call__(
        self, x0_cond: torch.Tensor, x0_uncond: torch.Tensor | None, state: RefinerState
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """The x̂0 of both branches, refined at the scheduled steps and returned as given otherwise."""
        if state.step_index == 0:
            # Validates the schedule before any work and forgets a previous run's Gaussians.
            resolve_steps(self.config.steps, state.num_inference_steps)
            self.reset()
        if not self.is_active(state.step_index, state.num_inference_steps):
            return x0_cond, x0_uncond
        last = state.step_index == state.num_inference_steps - 1
        refine_uncond = x0_uncond is not None and self.config.refine_unconditional and not last
        # Both branches share cameras: one decode / reconstruct / encode for all of them.
        batch = torch.cat([x0_cond, x0_uncond]) if refine_uncond else x0_cond
        renders, gaussians = self.render_estimates(batch, state)
        refined = torch.lerp(batch, renders.to(batch.dtype), self.config.blend)
        self.gaussians, self.gaussians_step = gaussians[: len(x0_cond)], state.step_index
        if refine_uncond:
            return refined[: len(x0_cond)], refined[len(x0_cond) :]
        if last and x0_uncond is not None:
            # The last step's x̂0 becomes the sample (exactly so for DDPM, whose last step returns it). Guidance
            # would extrapolate it away from the unconditional branch's renders (at scale 2:
            # 2·cond − uncond), so the views would not be what the Gaussians show, and measurably
            # worse (docs/MODEL_CARD.md); with both branches equal, guidance leaves them as they are.
            return refined, refined
        return refined, x0_uncond

    def render_estimates(self, x0: torch.Tensor, state: RefinerState) -> tuple[torch.Tensor, list[Gaussians]]:
        """Latents of the Gaussians' renders of every view of ``x0`` ``(B, F, C, h, w)``, and the Gaussians."""
        if state.cameras is None or (state.pipeline is None and (self.decode is None or self.encode is None)):
            raise ValueError("3D-aware sampling needs the views' cameras, and a pipeline or decode/encode functions")
        decode = self.decode or state.pipeline.decode_latents
        views = self.input_views(x0.shape[1])
        cameras = flip_camera_axes(state.cameras) if self.config.flip_cameras else state.cameras
        with torch.no_grad():
            images = self._anchored(decode(x0[:, views]), views)
            gaussians = self.reconstruct((at_least_float32(images) + 1) / 2, cameras, views)
            height, width = images.shape[-2:]
            renders = self.render(gaussians, cameras, width, height)
            latents = self._encode(renders * 2 - 1, state)
        return latents, gaussians

    def _encode(self, images: torch.Tensor, state: RefinerState) -> torch.Tensor:
        """Latents of the renders: the given ``encode``, else the pipeline's (posterior mode, or a
        sample of it with ``sample_posterior``)."""
        if self.encode is not None:
            return self.encode(images)
        if not self.config.sample_posterior:
            return state.pipeline.encode_images(images)
        return state.pipeline.encode_images(images, posterior_generator(state.generator))

    def _anchored(self, images: torch.Tensor, views: Sequence[int]) -> torch.Tensor:
        """``images`` (decoded, in [-1, 1]) with the condition images as view 0 of the conditional
        branch (the first ``len(condition_images)`` samples) when anchoring applies."""
        condition = self.condition_images
        if not self.config.anchor_condition_view or condition is None or 0 not in views:
            return images
        anchored = images.clone()
        slot = list(views).index(0)
        condition = F.interpolate(condition.float(), size=images.shape[-2:], mode="area") * 2 - 1
        anchored[: len(condition), slot] = condition.to(images)
        return anchored

    def reconstruct(
        self, images: torch.Tensor, cameras: Cameras, views: Sequence[int] | None = None
    ) -> list[Gaussians]:
        """Gaussians of ``images`` ``(B, K, 3, H, W)`` in [0, 1] seen by ``cameras[views]``.

        With ``views`` None, ``images`` holds all F views and the configured input views are
        taken from them (what a pipeline calls on its final views).
        """
        if views is None:
            views = self.input_views(images.shape[1])
            images = images[:, views]
        recon = self.reconstructor
        with torch.no_grad():
            images = images.to(device=recon.device, dtype=recon.dtype).clamp(0.0, 1.0)
            return recon(images, cameras[list(views)]).gaussians

    def render(self, gaussians: list[Gaussians], cameras: Cameras, width: int, height: int) -> torch.Tensor:
        """``(B, F, 3, H, W)`` renders in [0, 1] of each sample's Gaussians at all ``cameras``
        (rendered ``render_scale`` times larger and subsampled by nearest neighbour)."""
        scale = self.config.render_scale
        cams = cameras.resized(width * scale, height * scale)
        device_type = gaussians[0].means.device.type if gaussians else "cpu"
        # Rasterized in float32 even under a sampling autocast (the reference's CUDA rasterizer is too).
        with torch.autocast(device_type, enabled=False):
            # Rasterizers skip fragments with alpha < 1/255 and alpha <= opacity, so Gaussians below
            # that opacity never show: dropping them first changes no pixel and saves time.
            renders = torch.stack(
                [
                    rasterize(
                        g.prune(_MIN_VISIBLE_OPACITY), cams, width * scale, height * scale,
                        background=self.config.background, backend=self.config.backend, near=self.config.near,
                    ).rgb.clamp(0.0, 1.0)
                    for g in gaussians
                ]
            )  # fmt: skip
        if scale == 1:
            return renders
        kept = F.interpolate(renders.flatten(0, 1), size=(height, width), mode="nearest")
        return kept.unflatten(0, renders.shape[:2])


class DiffusionX0Views:
    """The diffusion model's clean-image estimates x̂0 of given views at given timesteps.

    Encodes the views, noises the latents to ``t`` (``x_t = sqrt(ᾱ) x0 + sqrt(1 - ᾱ) ε``), runs
    the denoiser, turns its output into x̂0 (epsilon, v or sample prediction, from the
    scheduler's config) and decodes. This is the ``x0_views`` of
    :func:`videomv.training.reconstructor.train_reconstructor` in ``mode="x0"``.

    Args:
        scheduler: the diffusers scheduler the model was trained with.
        denoise: ``denoise(noisy (B, F, C, h, w), timesteps (B,)) -> model output`` (same layout),
            with the conditioning bound in; called once for the whole batch.
        encode: ``(B, F, 3, H, W)`` images in [-1, 1] → latents ``(B, F, C, h, w)``.
        decode: latents → images in [-1, 1].
    """

    def __init__(
        self,
        scheduler: SchedulerMixin,
        denoise: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
        encode: EncodeFn,
        decode: DecodeFn,
    ) -> None:
        self.scheduler = scheduler
        self.denoise = denoise
        self.encode = encode
        self.decode = decode

    @torch.no_grad()
    def __call__(
        self,
        images: torch.Tensor,
        timesteps: torch.Tensor,
        generator: torch.Generator | Sequence[torch.Generator | None] | None = None,
    ) -> torch.Tensor:
        """``(B, F, 3, H, W)`` views in [0, 1] → their x̂0 at ``timesteps`` ``(B,)``, in [0, 1].

        ``generator`` draws the noise: one for the batch, or one per sample (a sample's noise then
        does not depend on the batch it is in).
        """
        latents = self.encode(images * 2 - 1)
        if isinstance(generator, Sequence):
            noise = torch.stack([torch.randn(latents.shape[1:], generator=g, dtype=torch.float32) for g in generator])
        else:
            noise = torch.randn(latents.shape, generator=generator, dtype=torch.float32)
        noisy = noise_to(self.scheduler, latents, noise.to(latents.device), timesteps)
        estimates = predict_x0(self.scheduler, self.denoise(noisy, timesteps), noisy, timesteps)
        return ((self.decode(estimates).float() + 1) / 2).clamp(0.0, 1.0)
