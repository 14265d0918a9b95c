"""The diffusion training task: the camera-conditioned video UNet, fine-tuned on multi-view items.

Only the UNet is trained (the reference fine-tunes the UNet; the text encoder, the text adapter,
the VAE and the image encoder stay frozen). Each step: encode the views, add the preset's noise
(plus offset noise), drop the condition with ``condition_dropout``, predict epsilon or v.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
import torch.utils.checkpoint
from torch import nn

from ..models.configs import get_preset
from ..pipelines.packaging import point_at_bundled_minilm
from ..pipelines.videomv import VideoMVPipeline
from ..sampling.guidance import drop_condition
from ..sampling.schedulers import make_scheduler
from .config import TrainConfig
from .prompt_cache import PromptEmbeddings
from .seeding import sample_generators, step_generator

logger = logging.getLogger(__name__)


def noise_schedule_overrides(config: TrainConfig) -> dict[str, Any]:
    """The scheduler config values a training run sets (its noise schedule and prediction type)."""
    return {
        "beta_schedule": config.beta_schedule,
        "prediction_type": config.prediction_type,
        "rescale_betas_zero_snr": config.zero_terminal_snr,
    }


def build_pipeline(config: TrainConfig, prompt_cache: PromptEmbeddings | None = None) -> VideoMVPipeline:
    """The pipeline whose UNet is trained: base weights from ``config.pretrained`` or random (seeded).

    With ``prompt_cache`` the text encoder is not loaded; the cache's adapter takes its place.
    """
    spec = get_preset(config.model)
    adapter = prompt_cache.adapter() if prompt_cache is not None else None
    pipe = VideoMVPipeline.from_preset(
        config.model, base_model=config.pretrained, seed=config.seed, text_adapter=adapter
    )
    overrides = noise_schedule_overrides(config)
    if config.zero_terminal_snr:
        # Sample from t = 999, the pure-noise level such a UNet is trained on: "leading" spacing starts
        # lower (t = 901 at 10 steps) and hands pure noise to a model expecting some signal, which
        # comes out as coloured speckle (Lin et al. 2024; measured on the shipped model in MODEL_CARD.md).
        overrides["timestep_spacing"] = "trailing"
    # Sampling (grids, the saved pipeline) must use the schedule the UNet is trained on.
    pipe.scheduler = make_scheduler("ddim", spec.scheduler, **overrides)
    scale = pipe.image_size // pipe.unet.config.sample_size
    if config.image_size % scale:
        raise ValueError(f"image_size {config.image_size} is not a multiple of the autoencoder's factor {scale}")
    # sample_size only tells the pipeline what resolution to generate at: record the trained one.
    pipe.unet.register_to_config(sample_size=config.image_size // scale)
    if config.caption_with_image and config.image_dropout and pipe.conditioning == "concat":
        # Trained with the image dropped and the caption kept: it also generates from a prompt alone.
        pipe.register_to_config(text_to_views=True)
    return pipe


def _checkpointed(forward: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    if not torch.is_grad_enabled():  # sampling: nothing to save memory on
        return forward(*args, **kwargs)
    return torch.utils.checkpoint.checkpoint(forward, *args, use_reentrant=False, **kwargs)


@dataclass
class StepDraws:
    """The random choices of one diffusion training step.

    Attributes:
        timesteps: ``(B,)`` diffusion timesteps.
        text_dropped: ``(B,)`` booleans: samples trained without their caption.
        image_dropped: ``(B,)`` booleans: samples trained without their condition image.
        views: ``(B,)`` the view each sample keeps when the step is a single-image one.
        single_image: whether the step trains on single images (frames = 1).
    """

    timesteps: torch.Tensor
    text_dropped: torch.Tensor
    image_dropped: torch.Tensor
    views: torch.Tensor
    single_image: bool


class DiffusionTask(nn.Module):
    """The UNet and its loss. Frozen parts live in ``self.pipeline`` (not registered as submodules,
    so they stay out of the optimiser, DDP/FSDP wrapping, EMA and checkpoints)."""

    def __init__(self, config: TrainConfig, pipeline: VideoMVPipeline | None = None) -> None:
        super().__init__()
        if config.prompt_embeddings and config.sample_every:
            raise ValueError("sample grids need the text encoder: with --prompt-embeddings set --sample-every 0")
        # Cached embeddings stand in for the encoder (None: encode each step).
        self.prompt_cache = PromptEmbeddings(config.prompt_embeddings) if config.prompt_embeddings else None
        pipeline = pipeline or build_pipeline(config, self.prompt_cache)
        if pipeline.unet.config.camera_convention != config.camera_convention:
            # The dataset's camera-embedding vectors must be in the convention the UNet records.
            raise ValueError(
                f"camera_convention {config.camera_convention!r} differs from the model's "
                f"{pipeline.unet.config.camera_convention!r}; set --camera-convention to match"
            )
        self.model = pipeline.unet
        self.__dict__["pipeline"] = pipeline  # plain attribute: not a submodule
        for frozen in self._frozen_modules():
            frozen.requires_grad_(False).eval()
        self._frozen_device: torch.device | None = None
        spec = get_preset(config.model)
        self.noise_scheduler = make_scheduler("ddpm", spec.scheduler, **noise_schedule_overrides(config))
        self.config = config
        self.text_model = pipeline.conditioning == "text"
        # Dataset items whose captions / condition images the sample grids show (set by the builder).
        self.sample_items: list[dict[str, Any]] = []

    def enable_gradient_checkpointing(self) -> None:
        """Recomputes each down/mid/up block's activations in the backward pass.

        diffusers' 3D UNets declare no gradient-checkpointing support (their 3D blocks ignore the
        flag in 0.42), so each block's ``forward`` is wrapped in ``torch.utils.checkpoint``; the camera
        pre-hooks run in ``__call__`` before it, so the camera term is part of the block input.
        """
        unet = self.model
        for block in [*unet.down_blocks, *([unet.mid_block] if unet.mid_block is not None else []), *unet.up_blocks]:
            block.forward = functools.partial(_checkpointed, block.forward)

    def _draw(
        self, generators: list[torch.Generator | None], step: torch.Generator | None, num_views: int
    ) -> StepDraws:
        """The step's random choices; each sample draws timestep, dropouts and view in this order."""
        config = self.config
        num_timesteps = self.noise_scheduler.config.num_train_timesteps
        timesteps = torch.cat([torch.randint(num_timesteps, (1,), generator=g) for g in generators])
        uniforms = torch.stack([torch.rand(2, generator=g) for g in generators])
        views = torch.cat([torch.randint(num_views, (1,), generator=g) for g in generators])
        text_dropped = uniforms[:, 0] < config.condition_dropout
        # Without image_dropout the caption and the image are dropped together.
        image_dropped = text_dropped if config.image_dropout is None else uniforms[:, 1] < config.image_dropout
        mix = config.single_image_ratio
        single_image = mix > 0 and float(torch.rand((), generator=step)) < mix
        return StepDraws(timesteps, text_dropped, image_dropped, views, single_image)

    def _noise(self, generators: list[torch.Generator | None], shape: torch.Size, device: torch.device) -> torch.Tensor:
        """``(B, *shape)`` float32 noise on ``device``, each sample's from a generator there seeded by
        its own (after its :meth:`_draw` draws).

        Drawn where it is used: on a GPU, CPU noise for a batch of 128 took longer than a fifth of
        the step and its copy stalled the launch queue (docs/training_notes.md, "On one GPU").
        """
        noise = []
        for generator in generators:
            seed = int(torch.randint(2**62, (1,), generator=generator))
            local = torch.Generator(device).manual_seed(seed)
            sample = torch.randn(shape, generator=local, device=device)
            if self.config.offset_noise > 0:
                # Offset noise: a per-channel constant shifts the mean brightness too.
                sample = sample + self.config.offset_noise * torch.randn(
                    shape[0], 1, 1, 1, generator=local, device=device
                )
            noise.append(sample)
        return torch.stack(noise)

    def _encode_prompts(self, prompts: list[str], device: torch.device) -> torch.Tensor:
        if self.prompt_cache is not None:
            return self.prompt_cache.lookup(prompts, device, self.model.dtype)
        return self.pipeline.encode_prompt(prompts, device)

    def _frozen_modules(self) -> list[nn.Module]:
        pipe = self.pipeline
        frozen = (pipe.vae, pipe.text_encoder, pipe.text_adapter, pipe.image_encoder)
        return [module for module in frozen if isinstance(module, nn.Module)]

    def _place_frozen(self, device: torch.device) -> None:
        # Each part on its own: the pipeline's `device` is its first module's, the UNet that
        # accelerate already moved, which would leave the frozen parts behind on the CPU.
        if self._frozen_device != device:
            for module in self._frozen_modules():
                module.to(device)
            self._frozen_device = device

    def forward(self, batch: dict[str, Any]) -> dict[str, torch.Tensor]:
        """The denoising loss of a batch of ``MultiViewDataset`` items.

        Every random choice (timestep, condition dropout, single-image view, noise) comes from the
        sample's own generator (:func:`sample_generators`) and the choice to mix in single images
        from one per step, so N processes step exactly like one process on the same global batch.
        """
        config, pipe = self.config, self.pipeline
        images, cameras = batch["images"], batch["camera_embedding"]
        device = self.model.device
        self._place_frozen(device)
        size = batch["images"].shape[0]
        generators = sample_generators(batch, config.seed)
        draws = self._draw(generators, step_generator(batch, config.seed, "single_image"), images.shape[1])
        if draws.single_image:
            # The reference's image mixing: a batch of single views (frames = 1), each with its camera.
            rows = torch.arange(size)
            images, cameras = images[rows, draws.views].unsqueeze(1), cameras[rows, draws.views].unsqueeze(1)
        frames = images.shape[1]
        # non_blocking throughout: a plain copy to a GPU waits for all queued work first (see train's loader).
        pixels = images.to(device, non_blocking=True)
        with torch.no_grad():
            latents = pipe.encode_images(pixels * 2 - 1).permute(0, 2, 1, 3, 4)  # (B, C, F, h, w)
        latents = latents.to(self.model.dtype)
        noise = self._noise(generators, latents.shape[1:], device).to(latents.dtype)
        timesteps = draws.timesteps.to(device, non_blocking=True)
        noisy = self.noise_scheduler.add_noise(latents, noise, timesteps)

        with torch.no_grad():
            if self.text_model or config.caption_with_image:
                captions = [c + pipe.config.prompt_suffix for c in batch["caption"]]
                dropped = draws.text_dropped.tolist()
                prompts = ["" if drop else text for drop, text in zip(dropped, captions, strict=True)]
            else:  # image-only models train with an empty prompt, as they sample
                prompts = [""] * size
            kwargs: dict[str, torch.Tensor] = {"encoder_hidden_states": self._encode_prompts(prompts, device)}
            if not self.text_model:
                conditions, _ = pipe._image_conditions(
                    batch["condition_image"].to(device, non_blocking=True), frames, device, None
                )
                kwargs.update(conditions)
        model_input = noisy
        if "concat" in kwargs:
            model_input = torch.cat([noisy, drop_condition(kwargs.pop("concat"), 0.0, draws.image_dropped)], dim=1)
        if "image_embeddings" in kwargs:
            kwargs["image_embeddings"] = drop_condition(kwargs["image_embeddings"], 0.0, draws.image_dropped)
        prediction = self.model(
            model_input,
            timesteps,
            camera_embedding=cameras.to(device, self.model.dtype, non_blocking=True),
            **kwargs,
            return_dict=False,
        )[0]
        if config.prediction_type == "epsilon":
            target = noise
        else:
            target = self.noise_scheduler.get_velocity(latents, noise, timesteps)
        loss = F.mse_loss(prediction.float(), target.float())
        return {"loss": loss}

    @torch.no_grad()
    def sample_views(self) -> torch.Tensor | None:
        """``(B, F, 3, H, W)`` views generated for ``sample_items``' prompts or condition images."""
        items = self.sample_items
        if not items:
            return None
        pipe = self.pipeline
        was_training = self.model.training
        self.model.eval()
        pipe.set_progress_bar_config(disable=True)
        kwargs: dict[str, Any] = {}
        if self.text_model:
            kwargs["prompt"] = [item["caption"] for item in items]
        else:
            kwargs["image"] = torch.stack([item["condition_image"] for item in items])
        views = pipe(
            **kwargs, num_views=self.config.num_views, num_inference_steps=self.config.sample_inference_steps,
            generator=torch.Generator().manual_seed(self.config.seed), output_type="pt",
        ).views  # fmt: skip
        self.model.train(was_training)
        return views

    def save_final(self, output_dir: Path) -> Path:
        """The whole pipeline (trained UNet, frozen rest) as ``output_dir/pipeline``."""
        folder = Path(output_dir) / "pipeline"
        self.pipeline.save_pretrained(folder)
        cache = self.prompt_cache
        if cache is not None and cache.bundled_minilm:
            point_at_bundled_minilm(folder, (cache.tokenizer_class, cache.text_encoder_class))
        elif cache is not None:
            logger.warning(
                "%s has no text encoder (trained from %s): pass tokenizer= and text_encoder= to "
                "VideoMVPipeline.from_pretrained", folder, cache.path,
            )  # fmt: skip
        return folder
