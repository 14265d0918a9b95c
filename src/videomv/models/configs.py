"""Named model configurations: the full-size reference architectures and the tiny CPU ones.

The full-size UNet configs are the published diffusers configs of ``ali-vilab/text-to-video-ms-1.7b``
(``unet/config.json``, ``UNet3DConditionModel``) and ``ali-vilab/i2vgen-xl`` (``unet/config.json``,
``I2VGenXLUNet``), so a model built from them loads those checkpoints' weights unchanged.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

from .unet import CameraI2VGenXLUNet, CameraUNet3DConditionModel

NEGATIVE_PROMPT = "distorted, discontinuous, ugly, blurry, low resolution, motionless, static"

_DOWN = ("CrossAttnDownBlock3D", "CrossAttnDownBlock3D", "CrossAttnDownBlock3D", "DownBlock3D")
_UP = ("UpBlock3D", "CrossAttnUpBlock3D", "CrossAttnUpBlock3D", "CrossAttnUpBlock3D")

# ali-vilab/text-to-video-ms-1.7b, unet/config.json.
MODELSCOPE_T2V_UNET: dict[str, Any] = {
    "sample_size": 32,
    "in_channels": 4,
    "out_channels": 4,
    "down_block_types": _DOWN,
    "up_block_types": _UP,
    "block_out_channels": (320, 640, 1280, 1280),
    "layers_per_block": 2,
    "act_fn": "silu",
    "norm_num_groups": 32,
    "norm_eps": 1e-5,
    "cross_attention_dim": 1024,
    "attention_head_dim": 64,
}

# ali-vilab/i2vgen-xl, unet/config.json.
I2VGENXL_UNET: dict[str, Any] = {
    "sample_size": 32,
    "in_channels": 4,
    "out_channels": 4,
    "down_block_types": _DOWN,
    "up_block_types": _UP,
    "block_out_channels": (320, 640, 1280, 1280),
    "layers_per_block": 2,
    "norm_num_groups": 32,
    "cross_attention_dim": 1024,
    "attention_head_dim": 64,
    "num_attention_heads": 64,
}

# Attention only at the two coarsest levels (and the mid block): spatial self-attention at the top
# resolutions dominates the cost on a CPU (measured: 25 s vs 1.8 s per training step at 8 views x 64²).
_TINY_DOWN = ("DownBlock3D", "DownBlock3D", "CrossAttnDownBlock3D", "CrossAttnDownBlock3D")
_TINY_UP = ("CrossAttnUpBlock3D", "CrossAttnUpBlock3D", "UpBlock3D", "UpBlock3D")

# Pixel space (identity autoencoder, 3 channels) at 64x64.
TINY_T2V_UNET: dict[str, Any] = {
    "sample_size": 64,
    "in_channels": 3,
    "out_channels": 3,
    "down_block_types": _TINY_DOWN,
    "up_block_types": _TINY_UP,
    "block_out_channels": (32, 64, 128, 128),
    "layers_per_block": 1,
    "norm_num_groups": 16,
    "cross_attention_dim": 128,
    "attention_head_dim": 8,
}
# The tiny image model sees the condition image concatenated to every view: 3 + 3 input channels.
TINY_I2V_UNET: dict[str, Any] = {**TINY_T2V_UNET, "in_channels": 6}

# The shipped default model: pixel space folded 2 x 2 into channels (12 per latent) so the UNet runs at
# 32² for 64² views, about 4x cheaper than TINY_I2V_UNET; image condition concatenated (12 + 12 inputs).
TINY_JOINT_UNET: dict[str, Any] = {**TINY_T2V_UNET, "sample_size": 32, "in_channels": 24, "out_channels": 12}
PIXEL_PATCH2: dict[str, Any] = {"patch_size": 2}

# A small AutoencoderKL (4x downsampling, 4 latent channels) for tiny models in latent space.
TINY_VAE: dict[str, Any] = {
    "in_channels": 3,
    "out_channels": 3,
    "down_block_types": ("DownEncoderBlock2D",) * 3,
    "up_block_types": ("UpDecoderBlock2D",) * 3,
    "block_out_channels": (32, 64, 64),
    "layers_per_block": 1,
    "latent_channels": 4,
    "norm_num_groups": 16,
    "sample_size": 64,
    "scaling_factor": 1.0,
}

# The Stable Diffusion VAE both reference models use (latents 4 x H/8 x W/8, scale 0.18215).
SD_VAE: dict[str, Any] = {
    "in_channels": 3,
    "out_channels": 3,
    "down_block_types": ("DownEncoderBlock2D",) * 4,
    "up_block_types": ("UpDecoderBlock2D",) * 4,
    "block_out_channels": (128, 256, 512, 512),
    "layers_per_block": 2,
    "latent_channels": 4,
    "norm_num_groups": 32,
    "sample_size": 256,
    "scaling_factor": 0.18215,
}

# Published UNet sizes (parameters, without the camera MLP).
PUBLISHED_UNET_PARAMETERS = {"t2v-modelscope": 1_411_000_000, "i2v-i2vgenxl": 1_420_000_000}


@dataclass(frozen=True)
class ModelPreset:
    """Everything that defines one model family besides its weights.

    Attributes:
        name: preset name.
        task: ``"text"`` or ``"image"`` conditioning.
        unet_class: ``CameraUNet3DConditionModel`` or ``CameraI2VGenXLUNet``.
        unet: the UNet config (camera keys included).
        vae: an ``AutoencoderKL`` config, ``{"patch_size": p}`` for patched pixel space, or None for pixel space.
        scheduler: a scheduler preset name of :mod:`videomv.sampling.schedulers`.
        text_encoder: ``"clip"`` (a CLIP/OpenCLIP folder) or ``"minilm"`` (the bundled MiniLM).
        text_adapter: ``TextEmbeddingAdapter`` settings besides its widths (which come from the text
            encoder's hidden size and the UNet's cross-attention width).
        pipeline: ``VideoMVPipeline`` config values (prompt suffix, guidance, default cameras).
    """

    name: str
    task: Literal["text", "image"]
    unet_class: type
    unet: dict[str, Any]
    vae: dict[str, Any] | None
    scheduler: str
    text_encoder: Literal["clip", "minilm"]
    text_adapter: dict[str, Any]
    pipeline: dict[str, Any] = field(default_factory=dict)

    def unet_config(self, **overrides: Any) -> dict[str, Any]:
        """A copy of the UNet config with ``overrides`` applied."""
        return {**copy.deepcopy(self.unet), **overrides}

    def build_unet(self, **overrides: Any) -> CameraUNet3DConditionModel | CameraI2VGenXLUNet:
        """A randomly initialised UNet of this preset (camera MLP at its zero start)."""
        return self.unet_class(**self.unet_config(**overrides))


_TEXT_PIPELINE = {
    "prompt_suffix": ", 3d asset",
    "negative_prompt": NEGATIVE_PROMPT,
    "guidance_scale": 9.0,
    "elevation": 15.0,
    "radius": 2.0,
    "fov": 39.6,
    "num_views": 24,
}
_IMAGE_PIPELINE = {**_TEXT_PIPELINE, "guidance_scale": 6.0, "elevation": 5.0, "radius": 1.7}
# The tiny models are trained by us with an empty prompt as the dropped condition.
_TINY_PIPELINE = {"num_views": 8, "negative_prompt": ""}
# Widths come from the encoder and the UNet; these say how the encoder is read.
_CLIP_ADAPTER = {"max_length": 77, "use_attention_mask": False}
_MINILM_ADAPTER = {"max_length": 32, "use_attention_mask": True}

PRESETS: dict[str, ModelPreset] = {
    preset.name: preset
    for preset in (
        ModelPreset(
            "t2v-modelscope",
            "text",
            CameraUNet3DConditionModel,
            {**MODELSCOPE_T2V_UNET, "camera_convention": "blender"},
            SD_VAE,
            "t2v-modelscope",
            "clip",
            _CLIP_ADAPTER,
            _TEXT_PIPELINE,
        ),
        ModelPreset(
            "i2v-i2vgenxl",
            "image",
            CameraI2VGenXLUNet,
            {**I2VGENXL_UNET, "camera_convention": "blender"},
            SD_VAE,
            "i2v-i2vgenxl",
            "clip",
            _CLIP_ADAPTER,
            _IMAGE_PIPELINE,
        ),
        ModelPreset(
            "tiny-cpu",
            "text",
            CameraUNet3DConditionModel,
            TINY_T2V_UNET,
            None,
            "t2v-modelscope",
            "minilm",
            _MINILM_ADAPTER,
            {**_TEXT_PIPELINE, **_TINY_PIPELINE},
        ),
        ModelPreset(
            "tiny-cpu-i2v",
            "image",
            CameraUNet3DConditionModel,
            TINY_I2V_UNET,
            None,
            "i2v-i2vgenxl",
            "minilm",
            _MINILM_ADAPTER,
            {**_IMAGE_PIPELINE, **_TINY_PIPELINE},
        ),
        ModelPreset(
            "tiny-cpu-joint",
            "image",
            CameraUNet3DConditionModel,
            TINY_JOINT_UNET,
            PIXEL_PATCH2,
            "i2v-i2vgenxl",
            "minilm",
            _MINILM_ADAPTER,
            {**_IMAGE_PIPELINE, **_TINY_PIPELINE},
        ),
    )
}


def get_preset(name: str) -> ModelPreset:
    """The preset called ``name``; a ValueError lists the known ones otherwise."""
    if name not in PRESETS:
        raise ValueError(f"unknown model preset {name!r}; use one of {', '.join(PRESETS)}")
    return PRESETS[name]
