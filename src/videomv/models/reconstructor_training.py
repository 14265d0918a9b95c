"""Training the :class:`GaussianReconstructor` on posed renders, LGM's way and VideoMV's way.

Each step takes a multi-view sample, picks K evenly spaced input views (starting at a random
view) and M other views, reconstructs Gaussians from the inputs and renders them at all K + M
cameras over a random background colour per view; the loss is MSE on RGB + MSE on alpha
(+ LPIPS, weighted, when its weights are on this machine). Two modes:

* ``"renders"``: the inputs are the ground-truth renders (LGM).
* ``"x0"``: the inputs are the diffusion model's own clean-image estimates x̂0 of the sample at
  a random timestep, while the targets stay the ground truth, so the reconstructor learns to
  repair the estimates it will see inside 3D-aware sampling (VideoMV). Give an
  ``x0_views`` callable (``videomv.sampling.three_d_aware.DiffusionX0Views`` builds one from a
  scheduler, a denoiser and the VAE).
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import torch
import torch.nn.functional as F
from tqdm.auto import tqdm

from ..cameras import Cameras
from ..data.format import MultiViewSample
from ..gaussians import rasterize
from .reconstructor import GaussianReconstructor

logger = logging.getLogger(__name__)

# x0_views(images (B, V, 3, H, W) in [0, 1], timesteps (B,), generator) -> x̂0 views, same shape.
X0ViewsFn = Callable[[torch.Tensor, torch.Tensor, torch.Generator], torch.Tensor]
# lpips(prediction, target), both (N, 3, H, W) in [-1, 1] -> (N, ...) distances.
LpipsFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]

# torchvision's VGG16 file that lpips.LPIPS(net="vgg") loads from the torch hub cache.
_LPIPS_VGG_FILE = "vgg16-397923af.pth"


@dataclass
class ReconstructorTrainingConfig:
    """Settings of :func:`train_reconstructor` (defaults: LGM's, at VideoMV's view counts)."""

    # Optimisation steps.
    steps: int = 1000
    # AdamW learning rate (LGM: 4e-4) and weight decay (LGM: 0.05).
    learning_rate: float = 4e-4
    weight_decay: float = 0.05
    # Linear learning-rate warm-up, in steps (0: none).
    warmup_steps: int = 0
    # Samples per step.
    batch_size: int = 1
    # K input views per sample; None: the model's num_input_views.
    num_input_views: int | None = None
    # M supervised views besides the K inputs (fewer when a sample has fewer views).
    num_supervision_views: int = 4
    # Side of the supervision renders; None: the samples' own size.
    render_size: int | None = None
    # Background the inputs' RGBA is composited on (1.0: white, like the diffusion model's views).
    input_background: float = 1.0
    # Weight of the LPIPS term; used only when LPIPS and its VGG weights are installed locally.
    lambda_lpips: float = 1.0
    # Gradient-norm clip (0: off).
    gradient_clip: float = 1.0
    # "renders": ground-truth inputs; "x0": the diffusion model's x̂0 of them at random t.
    mode: Literal["renders", "x0"] = "renders"
    # Range of the random timesteps of the "x0" mode, inclusive.
    min_timestep: int = 0
    max_timestep: int = 999
    # Rasterizer backend (see videomv.gaussians.rasterize).
    backend: str = "auto"
    # Seed of every random draw (views, backgrounds, timesteps, noise).
    seed: int = 0
    # Show a tqdm progress bar.
    progress: bool = True


@dataclass
class ReconstructorTrainingResult:
    """What :func:`train_reconstructor` returns.

    Attributes:
        losses: the total loss of every step.
        used_lpips: whether the LPIPS term was part of the loss.
    """

    losses: list[float] = field(default_factory=list)
    used_lpips: bool = False


def load_lpips(net: str = "vgg") -> LpipsFn | None:
    """The LPIPS loss if the ``lpips`` package and its backbone weights are on this machine.

    Never downloads: returns None (and logs why) when the package or the torchvision VGG16
    file in the torch hub cache is missing.
    """
    try:
        import lpips
    except ImportError:
        logger.info("LPIPS term skipped: the lpips package is not installed")
        return None
    weights = os.path.join(torch.hub.get_dir(), "checkpoints", _LPIPS_VGG_FILE)
    if net == "vgg" and not os.path.exists(weights):
        logger.info("LPIPS term skipped: %s is not in the torch hub cache", _LPIPS_VGG_FILE)
        return None
    module = lpips.LPIPS(net=net, verbose=False).eval().requires_grad_(False)
    return module


def _composite(rgba: torch.Tensor, background: torch.Tensor) -> torch.Tensor:
    """``(V, 4, H, W)`` RGBA over ``(V, 3)`` (or ``(3,)``) colours → ``(V, 3, H, W)``."""
    bg = background.reshape(-1, 3, 1, 1)
    return rgba[:, :3] * rgba[:, 3:] + bg * (1.0 - rgba[:, 3:])


def select_training_views(
    num_views: int, num_inputs: int, num_others: int, generator: torch.Generator
) -> tuple[list[int], list[int]]:
    """K evenly spaced input views from a random start, and up to M other views at random."""
    if not 1 <= num_inputs <= num_views:
        raise ValueError(f"cannot take {num_inputs} input views from a sample of {num_views}")
    start = int(torch.randint(num_views, (1,), generator=generator))
    inputs = [(start + math.floor(i * num_views / num_inputs)) % num_views for i in range(num_inputs)]
    rest = [v for v in range(num_views) if v not in inputs]
    order = torch.randperm(len(rest), generator=generator).tolist()
    return inputs, [rest[i] for i in order[:num_others]]


def reconstruction_loss(
    model: GaussianReconstructor,
    input_images: torch.Tensor,
    input_cameras: Cameras,
    target_rgba: torch.Tensor,
    target_cameras: Cameras,
    backgrounds: torch.Tensor,
    lpips: LpipsFn | None = None,
    lambda_lpips: float = 1.0,
    backend: str = "auto",
) -> dict[str, torch.Tensor]:
    """LGM's loss of one sample: reconstruct from the inputs, render the targets, compare.

    Args:
        model: the reconstructor.
        input_images: ``(K, 3, H, W)`` input views in [0, 1].
        input_cameras: their K cameras.
        target_rgba: ``(T, 4, h, w)`` ground-truth RGBA of the supervised views.
        target_cameras: their T cameras (any image size; renders are made at ``h`` x ``w``).
        backgrounds: ``(T, 3)`` colours both renders and ground truth are composited on.
        lpips: the LPIPS network or None.
        lambda_lpips: its weight.
        backend: rasterizer backend.

    Returns:
        ``{"loss", "mse_rgb", "mse_alpha", "psnr"}`` (+ ``"lpips"``), scalars; ``loss`` has a graph.
    """
    height, width = target_rgba.shape[-2:]
    gaussians = model(input_images.unsqueeze(0), input_cameras).gaussians[0]
    render = rasterize(
        gaussians, target_cameras.resized(width, height), width, height, background=backgrounds, backend=backend
    )
    target = _composite(target_rgba, backgrounds)
    mse_rgb = F.mse_loss(render.rgb, target)
    mse_alpha = F.mse_loss(render.alpha, target_rgba[:, 3:])
    out = {"mse_rgb": mse_rgb, "mse_alpha": mse_alpha, "psnr": -10 * torch.log10(mse_rgb.detach())}
    loss = mse_rgb + mse_alpha
    if lpips is not None and lambda_lpips > 0:
        # LGM scores LPIPS at 256 px at most, to bound its memory.
        size = min(256, height)
        pred = F.interpolate(render.rgb * 2 - 1, size=(size, size), mode="bilinear", align_corners=False)
        ref = F.interpolate(target * 2 - 1, size=(size, size), mode="bilinear", align_corners=False)
        out["lpips"] = lpips(pred, ref).mean()
        loss = loss + lambda_lpips * out["lpips"]
    out["loss"] = loss
    return out


def train_reconstructor(
    model: GaussianReconstructor,
    samples: Sequence[MultiViewSample],
    config: ReconstructorTrainingConfig | None = None,
    x0_views: X0ViewsFn | None = None,
    lpips: LpipsFn | Literal["auto"] | None = "auto",
) -> ReconstructorTrainingResult:
    """Trains ``model`` in place on multi-view samples.

    Args:
        model: the reconstructor (its device is used).
        samples: RGBA multi-view samples with their cameras (e.g. ``read_sample`` of each folder,
            or renders of procedural objects). Drawn at random, ``batch_size`` per step.
        config: training settings.
        x0_views: for ``mode="x0"``: the callable that turns clean views into the diffusion
            model's x̂0 at given timesteps (``videomv.sampling.three_d_aware.DiffusionX0Views``).
        lpips: the LPIPS network, None to leave it out, or "auto" (:func:`load_lpips`).

    Returns:
        A :class:`ReconstructorTrainingResult`.
    """
    config = config or ReconstructorTrainingConfig()
    if not samples:
        raise ValueError("train_reconstructor needs at least one sample")
    if config.mode not in ("renders", "x0"):
        raise ValueError(f"unknown training mode {config.mode!r}; use 'renders' or 'x0'")
    if config.mode == "x0" and x0_views is None:
        raise ValueError("mode='x0' needs an x0_views callable (see videomv.sampling.three_d_aware)")
    if lpips == "auto":
        lpips = load_lpips() if config.lambda_lpips > 0 else None
    if lpips is None and config.lambda_lpips > 0:
        logger.info("training without the LPIPS term (MSE on RGB and alpha only)")
    device = next(model.parameters()).device
    if isinstance(lpips, torch.nn.Module):
        lpips = lpips.to(device)
    generator = torch.Generator().manual_seed(config.seed)
    optimizer = torch.optim.AdamW(
        model.parameters(), lr=config.learning_rate, weight_decay=config.weight_decay, betas=(0.9, 0.95)
    )
    warmup = max(1, config.warmup_steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / warmup))
    num_inputs = config.num_input_views or model.config.num_input_views
    result = ReconstructorTrainingResult(used_lpips=lpips is not None)
    model.train()
    bar = tqdm(range(config.steps), desc="reconstructor", disable=not config.progress)
    for _ in bar:
        picks = torch.randint(len(samples), (config.batch_size,), generator=generator).tolist()
        batch = [samples[i] for i in picks]
        views = [select_training_views(len(s), num_inputs, config.num_supervision_views, generator) for s in batch]
        inputs = _input_images(batch, views, config, x0_views, generator, device)
        total = torch.zeros((), device=device)
        for sample, (inp, others), images in zip(batch, views, inputs, strict=True):
            targets = inp + others
            rgba = sample.rgba[targets].to(device)
            if config.render_size is not None and config.render_size != rgba.shape[-1]:
                rgba = F.interpolate(rgba, size=(config.render_size,) * 2, mode="area")
            backgrounds = torch.rand(len(targets), 3, generator=generator).to(device)
            losses = reconstruction_loss(
                model, images, sample.cameras[inp].to(device), rgba, sample.cameras[targets].to(device),
                backgrounds, lpips, config.lambda_lpips, config.backend,
            )  # fmt: skip
            total = total + losses["loss"] / len(batch)
        optimizer.zero_grad(set_to_none=True)
        total.backward()
        if config.gradient_clip > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), config.gradient_clip)
        optimizer.step()
        scheduler.step()
        result.losses.append(float(total.detach()))
        bar.set_postfix(loss=f"{result.losses[-1]:.4f}")
    model.eval()
    return result


def _input_images(
    batch: list[MultiViewSample],
    views: list[tuple[list[int], list[int]]],
    config: ReconstructorTrainingConfig,
    x0_views: X0ViewsFn | None,
    generator: torch.Generator,
    device: torch.device,
) -> list[torch.Tensor]:
    """The K input images of each sample: ground truth, or the diffusion model's x̂0 of it."""
    background = torch.full((3,), config.input_background)
    clean = [_composite(s.rgba, background) for s in batch]
    if config.mode == "renders":
        return [c[inp].to(device) for c, (inp, _) in zip(clean, views, strict=True)]
    # The video model denoises all views of a sample jointly, so it gets every view.
    timesteps = torch.randint(config.min_timestep, config.max_timestep + 1, (len(batch),), generator=generator)
    with torch.no_grad():
        estimates = x0_views(torch.stack(clean).to(device), timesteps.to(device), generator)
    return [e[inp].clamp(0.0, 1.0) for e, (inp, _) in zip(estimates, views, strict=True)]
