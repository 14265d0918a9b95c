"""The diffusion training task: the camera-conditioned video UNet, fine-tuned on multi-view items.

Only the UNet is trained (the reference fine-tunes the UNet; the text encoder, the text adapter,
the VAE and the image encoder stay frozen). Each step: encode the views, add the preset's noise
(plus offset noise), drop the condition with ``condition_dropout``, predict epsilon or v.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
import torch.utils.checkpoint
from torch import nn

from ..models.configs import get_preset
from ..pipelines.videomv import VideoMVPipeline
from ..sampling.guidance import drop_condition, dropout_mask
from ..sampling.schedulers import make_scheduler
from .config import TrainConfig


def noise_schedule_overrides(config: TrainConfig) -> dict[str, Any]:
    """The scheduler config values a training run sets (its noise schedule and prediction type)."""
    return {
        "beta_schedule": config.beta_schedule,
        "prediction_type": config.prediction_type,
        "rescale_betas_zero_snr": config.zero_terminal_snr,
    }


def build_pipeline(config: TrainConfig) -> VideoMVPipeline:
    """The pipeline whose UNet is trained: base weights from ``config.pretrained`` or random (seeded)."""
    spec = get_preset(config.model)
    pipe = VideoMVPipeline.from_preset(config.model, base_model=config.pretrained, seed=config.seed)
    overrides = noise_schedule_overrides(config)
    # Sampling (grids, the saved pipeline) must use the schedule the UNet is trained on.
    pipe.scheduler = make_scheduler("ddim", spec.scheduler, **overrides)
    scale = pipe.image_size // pipe.unet.config.sample_size
    if config.image_size % scale:
        raise ValueError(f"image_size {config.image_size} is not a multiple of the autoencoder's factor {scale}")
    # sample_size only tells the pipeline what resolution to generate at: record the trained one.
    pipe.unet.register_to_config(sample_size=config.image_size // scale)
    return pipe


def _checkpointed(forward: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    if not torch.is_grad_enabled():  # sampling: nothing to save memory on
        return forward(*args, **kwargs)
    return torch.utils.checkpoint.checkpoint(forward, *args, use_reentrant=False, **kwargs)


class DiffusionTask(nn.Module):
    """The UNet and its loss. Frozen parts live in ``self.pipeline`` (not registered as submodules,
    so they stay out of the optimiser, DDP/FSDP wrapping, EMA and checkpoints)."""

    def __init__(self, config: TrainConfig, pipeline: VideoMVPipeline | None = None) -> None:
        super().__init__()
        pipeline = pipeline or build_pipeline(config)
        if pipeline.unet.config.camera_convention != config.camera_convention:
            # The dataset's camera-embedding vectors must be in the convention the UNet records.
            raise ValueError(
                f"camera_convention {config.camera_convention!r} differs from the model's "
                f"{pipeline.unet.config.camera_convention!r}; set --camera-convention to match"
            )
        self.model = pipeline.unet
        self.__dict__["pipeline"] = pipeline  # plain attribute: not a submodule
        for frozen in (pipeline.vae, pipeline.text_encoder, pipeline.text_adapter, pipeline.image_encoder):
            if isinstance(frozen, nn.Module):
                frozen.requires_grad_(False).eval()
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

    def _place_frozen(self, device: torch.device) -> None:
        if self.pipeline.device != device:
            self.pipeline.to(device)

    def forward(self, batch: dict[str, Any]) -> dict[str, torch.Tensor]:
        """The denoising loss of a batch of ``MultiViewDataset`` items."""
        config, pipe = self.config, self.pipeline
        images, cameras = batch["images"], batch["camera_embedding"]
        device = self.model.device
        self._place_frozen(device)
        size = batch["images"].shape[0]
        if config.single_image_ratio > 0 and float(torch.rand(())) < config.single_image_ratio:
            # The reference's image mixing: a batch of single views (frames = 1), each with its camera.
            view = int(torch.randint(images.shape[1], ()))
            images, cameras = images[:, view : view + 1], cameras[:, view : view + 1]
        frames = images.shape[1]
        with torch.no_grad():
            latents = pipe.encode_images(images.to(device) * 2 - 1).permute(0, 2, 1, 3, 4)  # (B, C, F, h, w)
        latents = latents.to(self.model.dtype)
        noise = torch.randn_like(latents)
        if config.offset_noise > 0:
            # Offset noise: a per-sample, per-channel constant shifts the mean brightness too.
            noise = noise + config.offset_noise * torch.randn(*latents.shape[:2], 1, 1, 1, device=device)
        timesteps = torch.randint(0, self.noise_scheduler.config.num_train_timesteps, (size,), device=device)
        noisy = self.noise_scheduler.add_noise(latents, noise, timesteps)
        dropped = dropout_mask(size, config.condition_dropout, device=device)

        with torch.no_grad():
            if self.text_model:
                captions = [c + pipe.config.prompt_suffix for c in batch["caption"]]
                prompts = ["" if drop else text for drop, text in zip(dropped.tolist(), captions, strict=True)]
            else:  # the image models train with an empty prompt, as they sample
                prompts = [""] * size
            kwargs: dict[str, torch.Tensor] = {"encoder_hidden_states": pipe.encode_prompt(prompts, device)}
            if not self.text_model:
                conditions, _ = pipe._image_conditions(batch["condition_image"].to(device), frames, device, None)
                kwargs.update(conditions)
        model_input = noisy
        if "concat" in kwargs:
            model_input = torch.cat([noisy, drop_condition(kwargs.pop("concat"), 0.0, dropped)], dim=1)
        if "image_embeddings" in kwargs:
            kwargs["image_embeddings"] = drop_condition(kwargs["image_embeddings"], 0.0, dropped)
        prediction = self.model(
            model_input, timesteps, camera_embedding=cameras.to(device, self.model.dtype), **kwargs, return_dict=False
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
        return folder
