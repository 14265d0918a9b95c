"""Training the :class:`GaussianReconstructor` on posed renders, LGM's way and VideoMV's way.

Everything about the reconstructor's training is here: its settings (:class:`ReconstructorTrainingConfig`
for :func:`train_reconstructor`; :class:`~videomv.training.config.TrainConfig` for ``videomv train
reconstructor``), the loss (:func:`reconstruction_loss`), the choice of views
(:func:`select_training_views`), the task the loop trains (:class:`ReconstructorTask`) and the x̂0
inputs of the VideoMV mode (:class:`PipelineX0Views`). The loop is the one accelerate loop of
:mod:`.loop`, which ``videomv train reconstructor`` and :func:`train_reconstructor` both run.

Each step takes a multi-view sample, picks K evenly spaced input views (starting at a random view)
and M other views, reconstructs Gaussians from the inputs and renders them at all K + M cameras
over a random background colour per view; the loss is MSE on RGB + MSE on alpha (+ LPIPS,
weighted, when its weights are on this machine). Two modes:

* ``"renders"`` (``"gt"`` in :class:`ReconstructorTask`): the inputs are the ground-truth renders (LGM).
* ``"x0"``: the inputs are the diffusion model's own clean-image estimates x̂0 of the sample at
  a random timestep, while the targets stay the ground truth, so the reconstructor learns to
  repair the estimates it will see inside 3D-aware sampling (VideoMV). Give an ``x0_views``
  callable (:meth:`PipelineX0Views.from_folder` builds one from a diffusion pipeline folder).
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import Dataset

from ..cameras import Cameras
from ..data.dataset import resize_sample
from ..data.format import MultiViewSample
from ..gaussians import rasterize
from ..models.lgm_convert import load_lgm_checkpoint
from ..models.reconstructor import GaussianReconstructor
from ..pipelines.videomv import VideoMVPipeline
from ..sampling.three_d_aware import DiffusionX0Views
from .config import TrainConfig
from .loop import train
from .prompt_cache import PromptEmbeddings
from .seeding import sample_generators

logger = logging.getLogger(__name__)

# x0_views(images (B, V, 3, H, W) in [0, 1], timesteps (B,), one generator (or None) per sample, the B
# samples' Cameras) -> x̂0 views, same shape. The cameras are what the diffusion model is conditioned on.
X0ViewsFn = Callable[[torch.Tensor, torch.Tensor, list[torch.Generator | None], list[Cameras]], torch.Tensor]
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
    # Side the views are resized to (inputs and supervision renders); None: the samples' own size.
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
    # "x0" mode: the first input is view 0 itself, the diffusion model's condition image (anchored sampling).
    anchor_input_view: bool = False
    # Rasterizer backend (see videomv.gaussians.rasterize).
    backend: str = "auto"
    # Seed of every random draw (views, backgrounds, timesteps, noise).
    seed: int = 0
    # Show a tqdm progress bar.
    progress: bool = True
    # Run folder of the accelerate loop (checkpoints, logs); None: a temporary folder.
    output_dir: str | None = None


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
    num_views: int, num_inputs: int, num_others: int, generator: torch.Generator, from_first: bool = False
) -> tuple[list[int], list[int]]:
    """K evenly spaced input views from a random start (view 0 with ``from_first``), and up to M
    other views at random."""
    if not 1 <= num_inputs <= num_views:
        raise ValueError(f"cannot take {num_inputs} input views from a sample of {num_views}")
    start = 0 if from_first else int(torch.randint(num_views, (1,), generator=generator))
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


def uncomposite(images: torch.Tensor, alpha: torch.Tensor, background: torch.Tensor) -> torch.Tensor:
    """RGBA ``(V, 4, H, W)`` from views composited on ``background`` ``(3,)`` and their alpha."""
    premultiplied = images - background.reshape(-1, 3, 1, 1) * (1.0 - alpha)
    rgb = torch.where(alpha > 1e-6, premultiplied / alpha.clamp_min(1e-6), torch.zeros_like(premultiplied))
    return torch.cat([rgb.clamp(0.0, 1.0), alpha], dim=1)


class SampleListDataset(Dataset):
    """In-memory :class:`MultiViewSample` s as items of ``MultiViewDataset``'s layout (on black).

    Args:
        samples: the samples.
        size: square size to resize the views to (cameras follow); None keeps theirs.
    """

    def __init__(self, samples: Sequence[MultiViewSample], size: int | None = None) -> None:
        self.samples = list(samples)
        self.size = size

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, index: int) -> dict[str, Any]:
        sample = self.samples[index]
        if self.size is not None:
            sample = resize_sample(sample, self.size)
        rgba = sample.rgba
        return {
            "images": rgba[:, :3] * rgba[:, 3:],
            "alpha": rgba[:, 3:],
            "background": torch.zeros(3),
            "c2w": sample.cameras.c2w,
            "intrinsics": sample.cameras.intrinsics,
            "caption": sample.caption or "",
            "index": index,
        }


class ReconstructorTask(nn.Module):
    """The reconstructor and LGM's loss on a batch of ``MultiViewDataset`` items (a training task).

    Per sample: K evenly spaced input views from a random start, M other views, random
    background colours per supervised view and (``"x0"`` mode) a timestep, all drawn from the
    sample's own generator (:func:`sample_generators`), so a sharded run draws what one process
    would; the x̂0 noise of the ``"x0"`` mode too (``x0_views`` gets the per-sample generators).

    Args:
        model: the reconstructor.
        num_input_views: K (None: the model's).
        num_supervision_views: M.
        mode: ``"gt"`` (ground-truth inputs) or ``"x0"`` (the diffusion model's x̂0 of them).
        x0_views: the x̂0 callable of the ``"x0"`` mode.
        lpips: the LPIPS network or None; ``lpips_weight`` its weight.
        input_background: colour the inputs are composited on.
        timestep_range: inclusive range of the ``"x0"`` mode's timesteps.
        anchor_input_view: ``"x0"`` mode: the inputs start at view 0, the diffusion model's
            condition image, which is given as itself rather than as its x̂0 (what anchored
            3D-aware sampling feeds the reconstructor).
        backend: rasterizer backend.
        seed: seed of the per-sample draws.
    """

    def __init__(
        self,
        model: GaussianReconstructor,
        num_input_views: int | None = None,
        num_supervision_views: int = 4,
        mode: Literal["gt", "x0"] = "gt",
        x0_views: X0ViewsFn | None = None,
        lpips: LpipsFn | None = None,
        lpips_weight: float = 1.0,
        input_background: float = 1.0,
        timestep_range: tuple[int, int] = (0, 999),
        backend: str = "auto",
        seed: int = 0,
        anchor_input_view: bool = False,
    ) -> None:
        super().__init__()
        if mode not in ("gt", "x0"):
            raise ValueError(f"unknown reconstructor training mode {mode!r}; use 'gt' or 'x0'")
        if mode == "x0" and x0_views is None:
            raise ValueError("mode 'x0' needs an x0_views callable (see PipelineX0Views)")
        if anchor_input_view and mode != "x0":
            raise ValueError("anchor_input_view applies to the x0 mode only (ground-truth inputs are all exact)")
        self.model = model
        self.num_inputs = num_input_views or model.config.num_input_views
        self.num_supervision_views = num_supervision_views
        self.mode = mode
        # Plain attributes: frozen helpers stay out of the optimiser, DDP wrapping and checkpoints.
        self.__dict__["x0_views"] = x0_views
        self.__dict__["lpips"] = lpips
        self.lpips_weight = lpips_weight
        self.input_background = input_background
        self.timestep_range = timestep_range
        self.anchor_input_view = anchor_input_view
        self.backend = backend
        self.seed = seed
        # An item the sample grids reconstruct (set by the builder).
        self.sample_item: dict[str, Any] | None = None

    def enable_gradient_checkpointing(self) -> None:
        """The model's gradient checkpointing (diffusers' switch); a ValueError when it has none."""
        self.model.enable_gradient_checkpointing()

    def forward(self, batch: dict[str, Any]) -> dict[str, torch.Tensor]:
        """The mean reconstruction loss (and its terms) of the batch."""
        device = next(self.model.parameters()).device
        if isinstance(self.lpips, nn.Module):
            self.lpips.to(device)
        images, alpha, background = batch["images"], batch["alpha"], batch["background"]
        size, num_views, _, height, width = images.shape
        cameras = [Cameras(batch["c2w"][b], batch["intrinsics"][b], width, height) for b in range(size)]
        rgba = [uncomposite(images[b], alpha[b], background[b]) for b in range(size)]
        generators = sample_generators(batch, self.seed)
        picks = [
            select_training_views(num_views, self.num_inputs, self.num_supervision_views, g, self.anchor_input_view)
            for g in generators
        ]
        # One background colour per supervised view, drawn after the sample's views.
        backgrounds = [torch.rand(len(i) + len(o), 3, generator=g) for g, (i, o) in zip(generators, picks, strict=True)]
        inputs = self._inputs(rgba, cameras, picks, device, generators, batch)
        totals: dict[str, torch.Tensor] = {}
        for b, (inp, others) in enumerate(picks):
            targets = inp + others
            losses = reconstruction_loss(
                self.model, inputs[b], cameras[b][inp].to(device), rgba[b][targets].to(device),
                cameras[b][targets].to(device), backgrounds[b].to(device), self.lpips, self.lpips_weight, self.backend,
            )  # fmt: skip
            for key, value in losses.items():
                totals[key] = totals.get(key, 0.0) + value / size
        return totals

    def _inputs(
        self,
        rgba: list[torch.Tensor],
        cameras: list[Cameras],
        picks: list[tuple[list[int], list[int]]],
        device: torch.device,
        generators: list[torch.Generator | None],
        batch: dict[str, Any],
    ) -> list[torch.Tensor]:
        """The K input images of each sample: ground truth, or the diffusion model's x̂0 of it."""
        background = torch.full((3,), self.input_background)
        clean = [_composite(r, background) for r in rgba]
        if self.mode == "gt":
            return [c[inp].to(device) for c, (inp, _) in zip(clean, picks, strict=True)]
        # The video model denoises all views of a sample jointly, so it gets every view.
        low, high = self.timestep_range
        timesteps = torch.cat([torch.randint(low, high + 1, (1,), generator=g) for g in generators])
        with torch.no_grad():
            estimates = self.x0_views(torch.stack(clean).to(device), timesteps.to(device), generators, cameras)
        inputs = [e[inp].clamp(0.0, 1.0) for e, (inp, _) in zip(estimates, picks, strict=True)]
        if self.anchor_input_view:  # the inputs start at view 0 (select_training_views' from_first)
            for sample_inputs, sample_clean in zip(inputs, clean, strict=True):
                sample_inputs[0] = sample_clean[0].to(sample_inputs)
        return inputs

    @torch.no_grad()
    def sample_views(self) -> torch.Tensor | None:
        """``(2, V, 3, H, W)``: the sample item's views (on white) and renders of its reconstruction."""
        item = self.sample_item
        if item is None:
            return None
        device = next(self.model.parameters()).device
        images = item["images"]
        cameras = Cameras(item["c2w"], item["intrinsics"], images.shape[-1], images.shape[-2])
        rgba = uncomposite(images, item["alpha"], item["background"])
        clean = _composite(rgba, torch.ones(3))
        inputs = select_training_views(len(images), self.num_inputs, 0, torch.Generator().manual_seed(0))[0]
        was_training = self.model.training
        self.model.eval()
        gaussians = self.model(clean[inputs][None].to(device), cameras[inputs].to(device)).gaussians[0]
        self.model.train(was_training)
        render = rasterize(
            gaussians, cameras.to(device), images.shape[-1], images.shape[-2], background=1.0, backend=self.backend
        )
        return torch.stack([clean, render.rgb.cpu()])

    def save_final(self, output_dir: Path) -> Path:
        """The reconstructor as ``output_dir/reconstructor`` (``save_pretrained``)."""
        folder = Path(output_dir) / "reconstructor"
        self.model.save_pretrained(folder)
        return folder


def train_reconstructor(
    model: GaussianReconstructor,
    samples: Sequence[MultiViewSample],
    config: ReconstructorTrainingConfig | None = None,
    x0_views: X0ViewsFn | None = None,
    lpips: LpipsFn | Literal["auto"] | None = "auto",
) -> ReconstructorTrainingResult:
    """Trains ``model`` in place on in-memory samples with the accelerate loop (single process).

    A convenience for scripts and tests; ``videomv train reconstructor`` is the scalable entry.

    Args:
        model: the reconstructor (its device is used).
        samples: RGBA multi-view samples with their cameras, drawn ``batch_size`` per step.
        config: training settings.
        x0_views: for ``mode="x0"``: the x̂0 callable (see :data:`X0ViewsFn`).
        lpips: the LPIPS network, None to leave it out, or "auto" (:func:`load_lpips`).

    Returns:
        A :class:`ReconstructorTrainingResult`.
    """
    config = config or ReconstructorTrainingConfig()
    if not samples:
        raise ValueError("train_reconstructor needs at least one sample")
    if config.mode not in ("renders", "x0"):
        raise ValueError(f"unknown training mode {config.mode!r}; use 'renders' or 'x0'")
    if lpips == "auto":
        lpips = load_lpips() if config.lambda_lpips > 0 else None
    task = ReconstructorTask(
        model, config.num_input_views, config.num_supervision_views, "gt" if config.mode == "renders" else "x0",
        x0_views, lpips, config.lambda_lpips, config.input_background, (config.min_timestep, config.max_timestep),
        config.backend, config.seed, config.anchor_input_view,
    )  # fmt: skip
    # Enough copies that every epoch holds a full batch (the old loop drew samples with replacement).
    dataset = SampleListDataset(list(samples) * math.ceil(config.batch_size / len(samples)), config.render_size)
    with tempfile.TemporaryDirectory() as scratch:
        run = TrainConfig(
            task="reconstructor", batch_size=config.batch_size, max_steps=config.steps, lr=config.learning_rate,
            weight_decay=config.weight_decay, adam_beta2=0.95, warmup_steps=config.warmup_steps,
            lr_schedule="constant", max_grad_norm=config.gradient_clip, seed=config.seed,
            output_dir=config.output_dir or scratch, checkpoint_every=config.steps, keep_checkpoints=1,
            sample_every=0, log_every=max(config.steps, 1),
        )  # fmt: skip
        outcome = train(run, task, dataset, progress=config.progress)
    model.eval()
    return ReconstructorTrainingResult(losses=outcome.losses, used_lpips=lpips is not None)


class PipelineX0Views:
    """The x̂0 callable of the ``"x0"`` mode from a trained diffusion pipeline.

    Each sample is noised and denoised with its own cameras and an empty prompt (the
    unconditional-text branch the image model samples with; for text models the reconstructor
    must repair estimates of any prompt, and the caption-free estimate is the harder one).

    Args:
        pipeline: the trained diffusion pipeline.
        empty_prompt: its embedding of ``""`` when the pipeline has no text encoder (see
            :meth:`from_folder`); None encodes it with the pipeline's, once.
    """

    def __init__(self, pipeline: VideoMVPipeline, empty_prompt: torch.Tensor | None = None) -> None:
        self.pipeline = pipeline
        self.empty_prompt = empty_prompt

    @classmethod
    def from_folder(cls, folder: str | Path, prompt_embeddings: str | Path | None = None) -> PipelineX0Views:
        """Loads a pipeline folder; with a ``videomv train embed-prompts`` file its text encoder is
        neither loaded nor needed (the file's ``""`` row is the empty prompt)."""
        if prompt_embeddings is None:
            pipeline = VideoMVPipeline.from_pretrained(folder)
            empty = None
        else:
            cache = PromptEmbeddings(prompt_embeddings)
            pipeline = VideoMVPipeline.from_pretrained(folder, tokenizer=None, text_encoder=None)
            adapter = pipeline.text_adapter.state_dict()
            # Equal up to float16 rounding: shipped folders store the adapter in half precision.
            if adapter.keys() != cache.adapter_state.keys() or any(
                not torch.allclose(cache.adapter_state[k].float(), v.float(), rtol=1e-3, atol=1e-6)
                for k, v in adapter.items()
            ):
                raise ValueError(
                    f"{prompt_embeddings} was made with another text adapter than {folder}'s; rebuild it with "
                    f"`videomv train embed-prompts --pretrained {folder}`"
                )
            empty = cache.lookup([""], torch.device("cpu"), torch.float32)
        pipeline.set_progress_bar_config(disable=True)
        return cls(pipeline, empty)

    @torch.no_grad()
    def __call__(
        self,
        images: torch.Tensor,
        timesteps: torch.Tensor,
        generators: list[torch.Generator | None],
        cameras: list[Cameras],
    ) -> torch.Tensor:
        pipe = self.pipeline
        if pipe.device != images.device:
            pipe.to(images.device)
        device = pipe.unet.device
        if self.empty_prompt is None:  # encoded once: the text encoder is frozen
            self.empty_prompt = pipe.encode_prompt([""], device)
        text = self.empty_prompt.to(device, pipe.unet.dtype)
        kwargs = {"encoder_hidden_states": text.expand(len(images), *text.shape[1:])}
        if pipe.conditioning != "text":
            kwargs.update(pipe._image_conditions(images[:, 0], images.shape[1], device, None)[0])
        concat = kwargs.pop("concat", None)
        poses = torch.cat([pipe.unet.camera_inputs(cams) for cams in cameras]).to(device, pipe.unet.dtype)

        def denoise(noisy: torch.Tensor, timesteps: torch.Tensor) -> torch.Tensor:
            sample = noisy.permute(0, 2, 1, 3, 4)  # (B, C, F, h, w) for the UNet
            if concat is not None:
                sample = torch.cat([sample, concat], dim=1)
            out = pipe.unet(sample, timesteps, camera_embedding=poses, **kwargs, return_dict=False)[0]
            return out.permute(0, 2, 1, 3, 4)

        views = DiffusionX0Views(pipe.scheduler, denoise, pipe.encode_images, pipe.decode_latents)
        return views(images, timesteps, generators)


def build_reconstructor(config: TrainConfig) -> GaussianReconstructor:
    """The model: random of the preset, a ``save_pretrained`` folder, or an LGM checkpoint file."""
    if config.pretrained is None:
        torch.manual_seed(config.seed)
        return GaussianReconstructor.from_preset(config.model)
    if Path(config.pretrained).is_dir():
        return GaussianReconstructor.from_pretrained(config.pretrained)
    return load_lgm_checkpoint(config.pretrained)


def build_reconstructor_task(config: TrainConfig) -> ReconstructorTask:
    """The :class:`ReconstructorTask` the config describes (both modes)."""
    x0_views = None
    if config.reconstructor_inputs == "x0":
        if config.diffusion_model is None:
            raise ValueError("reconstructor_inputs x0 needs --diffusion-model (a trained pipeline folder)")
        x0_views = PipelineX0Views.from_folder(config.diffusion_model, config.prompt_embeddings)
    return ReconstructorTask(
        build_reconstructor(config), config.num_input_views, config.num_supervision_views,
        config.reconstructor_inputs, x0_views, load_lpips() if config.lpips_weight > 0 else None,
        config.lpips_weight, config.input_background, (config.min_timestep, config.max_timestep), config.rasterizer,
        config.seed, config.anchor_input_view,
    )  # fmt: skip
