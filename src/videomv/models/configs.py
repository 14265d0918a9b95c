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

# --- The reference implementation's behaviours (alibaba/VideoMV at c434922) ---------------------------
# The published weights were trained and evaluated with the reference code, so `videomv convert vgen` gives a
# converted model these settings (quirks and bugs included); models we train keep our defaults. Each entry
# says what the reference does, where (path:line in its repository), and whether it looks like a bug.

# Quirk 1: the reference's negative prompt (tools/modules/config.py:195); both inference scripts encode it
# for the unconditional branch. Ours adds "motionless, static" and drops the body-part terms.
REFERENCE_NEGATIVE_PROMPT = (
    "Distorted, discontinuous, Ugly, blurry, low resolution, disfigured, disconnected limbs, Ugly faces, "
    "incomplete arms"
)

# VideoMVPipeline config values of a converted model, per task (keys are the pipeline's config names).
_REFERENCE_COMMON: dict[str, Any] = {
    "negative_prompt": REFERENCE_NEGATIVE_PROMPT,
    # Quirk 9a: ", 3d asset" is appended only to prompts without "3d asset"
    # (tools/inferences/inference_text2video_entrance.py:179-180). Not a bug.
    "prompt_suffix_if_absent": True,
    # Quirk 2: before building LGM's inputs the inference scripts flip the camera y and z axes once more
    # (gs_camera[:, :3, 1:3] *= -1: tools/inferences/inference_text2video_entrance.py:204,
    # inference_i2vgen_entrance.py:180), which the training dataset does not
    # (tools/datasets/video_i2v_dataset.py:115-121). LGM then sees a canonical frame turned 180 degrees
    # about view 0's x axis, and renders are made at the flipped cameras. Looks like a bug, but the
    # published 3D-aware samples were made with it.
    "three_d_aware_flip_cameras": True,
    # Quirk 5: LGM renders at its output_size 512 (core/options.py:98) and the loop downsamples to 256 by
    # nearest neighbour (tools/modules/unet/unet_t2v.py:427, unet_i2vgen.py:463): every other pixel, a
    # quarter pixel off a 256 render's pixel centres. Not a bug (a cheap resize).
    "three_d_aware_render_scale": 2,
    # Quirk 9d: the CUDA rasterizer culls Gaussians closer than 0.2 to the camera
    # (diff-gaussian-rasterization, auxiliary.h in_frustum); ours culls at 0.01. Not a bug.
    "three_d_aware_near": 0.2,
    # Quirk 6: the autoencoder samples its posterior (tools/modules/autoencoder.py:22) when it re-encodes
    # the renders (tools/modules/unet/unet_t2v.py:430, unet_i2vgen.py:466) and encodes the condition image
    # (tools/inferences/inference_i2vgen_entrance.py:251); we take the mode. Not a bug, but adds noise.
    "vae_sample_posterior": True,
}
REFERENCE_PIPELINE_SETTINGS: dict[str, dict[str, Any]] = {
    "text": {
        **_REFERENCE_COMMON,
        # Quirk 4: the refinement renders on grey 0.5 (LGM.infer's default bg_color_factor,
        # core/models.py:118,126) while the views are generated on white. Looks unintended.
        "three_d_aware_background": 0.5,
    },
    "image": {
        **_REFERENCE_COMMON,
        # Quirk 4: the image model's refinement renders on grey 0.7 (tools/modules/unet/unet_i2vgen.py:458).
        "three_d_aware_background": 0.7,
        # Quirk 9b: the image model samples under fp16 autocast (configs/i2vgen_xl_infer.yaml use_fp16,
        # tools/inferences/inference_i2vgen_entrance.py:260): UNet, and the refinement's autoencoder and
        # LGM; the text model runs in float32 (configs/t2v_infer.yaml use_fp16: False). Not a bug.
        "autocast_dtype": "float16",
        # Quirk 8a: condition images are recentred with the object's longer side at 200 of 256 pixels,
        # resized bicubic (utils/recenter_i2v.py:30-37, crop_size 200 at :53); ours: 0.85, Lanczos.
        "condition_fill_fraction": 200 / 256,
        "condition_resample": "bicubic",
    },
}
# Quirk 8b: the CLIP image input is resized bilinear (utils/transforms.py:42, the vit_trans of
# tools/inferences/inference_i2vgen_entrance.py:115-117), not bicubic as the HF processor does: set on the
# converted feature extractor (PIL's resample code 2 = bilinear). Not a bug.
REFERENCE_CLIP_RESAMPLE = 2
# Scheduler config overrides of a converted model, per task. Quirk 7: the reference DDIM takes
# alphas_cumprod[(t - stride).clamp(0)] as the previous alpha (tools/modules/diffusions/diffusion_ddim.py:236),
# so the last step (t = 1) ends at alphas_cumprod[0], not 1: diffusers' set_alpha_to_one=False for both models
# (our image preset sets True). Not a bug (DDIM's original choice).
REFERENCE_SCHEDULER_SETTINGS: dict[str, dict[str, Any]] = {
    "text": {"set_alpha_to_one": False},
    "image": {"set_alpha_to_one": False},
}
# GaussianReconstructor config of the reference's LGM. Quirk 3: VideoMV's copy of LGM sets
# `rot_act = F.normalize` (core/models.py:42), whose default dim=1 normalises each quaternion component over
# all Gaussians of a sample instead of each quaternion (LGM's own code: dim=-1), and the CUDA rasterizer does
# not renormalise (forward.cu, computeCov3D): the covariance comes from the unnormalised quaternion. Looks
# like a bug, but VideoMV's fine-tuned LGM was trained that way.
REFERENCE_RECONSTRUCTOR_SETTINGS: dict[str, Any] = {"rotation_normalization": "over_gaussians"}

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
