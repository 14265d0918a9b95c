"""Runs the reference VideoMV code and ours on identical inputs, stage by stage, and writes test fixtures.

Usage::

    pip install einops rotary-embedding-torch roma   # the reference's pure-Python imports (or --deps DIR)
    python scripts/reference_parity.py REF_DIR [--fixtures tests/fixtures/reference_parity.safetensors]

``REF_DIR`` is a checkout of github.com/alibaba/VideoMV at commit c434922 that the user fetched (nothing of
it is vendored or copied here). The reference's modules are imported from it and built small; every
weight and input is a deterministic hash of its name (:func:`hashed_uniform`, bit-exact on any machine),
so the fixture holds only the reference's outputs and the weight shapes, and the tests rebuild the same
weights without the reference code. The same weights are converted with our converters, both sides run
on the same inputs in float32 on the CPU, and a table of the largest relative differences
(max |ours - reference| / max |reference|) is printed.

Stages: ``ddim`` (one guided DDIM step, text and image schedules, first / 3D-aware / last step), ``lgm``
(LGM's Gaussians), ``unet`` (the text and image UNets' outputs), ``refine`` (one 3D-aware refinement of
x̂0, conditional and unconditional branch, as the reference UNet's forward does it with its autoencoder)
and ``loop`` (three steps of the 50-step loop, t = 601, 581, 561, refining at 581, from the same x_t).

Stand-ins, each for a piece that is CUDA-only or not installable here and that leaves the maths alone:

* ``xformers.ops.memory_efficient_attention`` -> plain ``softmax(q kᵀ / sqrt(d)) v`` (xformers' maths);
* ``fairscale``'s ``checkpoint_wrapper`` -> identity (activation checkpointing changes no value);
* ``open_clip`` -> an empty module (imported by the UNet utilities, never called by the UNets; it needs
  torchvision); ``tyro`` (option parser, import time only); ``kiui`` (LPIPS, unused with ``lambda_lpips``
  0; ``kiui.op.safe_normalize`` restated: ``x / sqrt(max(|x|², 1e-20))``);
* ``diff_gaussian_rasterization`` -> :class:`DenseRasterizer`, a dense plain-PyTorch restatement of the
  CUDA kernel (ashawkey/diff-gaussian-rasterization, cuda_rasterizer/forward.cu): covariance from the
  quaternion **without** normalising it (``computeCov3D``: ``q = rot; // / glm::length(rot)``), EWA
  projection with the 1.3 tan(fov) clamp and +0.3 px² dilation, centres closer than 0.2 culled
  (``in_frustum``), pixel centres at integers (``ndc2Pix``), alpha = min(0.99, o exp(power)) with fragments
  under 1/255 skipped, front-to-back until the transmittance would fall under 1e-4. Unlike the kernel it
  has no 16x16 tiles, so it keeps the tails beyond a Gaussian's 3-sigma tile rectangle (as ours does);
* ``.cuda()`` -> the tensor itself and ``device="cuda"`` -> the CPU, while the reference runs.

The reference runs its UNet under DistributedDataParallel, whose input scattering hands each call a copy of
the ``gs_data`` dict; the UNet's forward overwrites ``gs_data["input"]`` with its 4-view input, so the
script copies the dict per call too (without it the second branch would index the first's 4 views).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib
import json
import math
import sys
import types
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch

DEFAULT_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "reference_parity.safetensors"
REFERENCE_COMMIT = "c434922"
# Largest relative difference (max |ours - reference| / max |reference|) a stage may show in float32, and the
# largest rms one (rms(ours - reference) / rms(reference)) of every stage.
TOLERANCE = 1e-4
# The same for the stages that render Gaussians (refinement, loop): float32 rounding upstream (the decoded views,
# LGM's output) moves a few of the 4.7 M render pixels across the rasterizer's cut-offs (alpha 1/255, transmittance
# 1e-4), each by up to 1/255 of its colour, and the autoencoder spreads that over the pixel's latent neighbourhood.
# Measured (CPU): max 0.7-1.6e-3, rms 1.1-1.7e-4 for one refinement; max 1.5e-4, rms 1e-5 after the 3 steps.
RENDER_TOLERANCE = 5e-3
RENDER_RMS_TOLERANCE = 1e-3
# DDIM loop indices checked: the first step, a 3D-aware one (t = 581) and the last (t = 1, final alpha).
DDIM_STEPS = (0, 20, 49)
# The refinement stage's loop index (t = 581, the reference's first 3D-aware step) and the loop stage's
# three steps around it (t = 601, 581, 561).
REFINE_STEP = 20
LOOP_STEPS = (19, 20, 21)
SEED = 1234  # the VAE posterior's noise, both sides
# Reference diffusion settings (configs/t2v_train.yaml:61-74, configs/i2vgen_xl_train.yaml:63-76).
REFERENCE_DIFFUSION = {
    "text": {
        "schedule": "linear_sd",
        "schedule_param": {
            "num_timesteps": 1000,
            "init_beta": 0.00085,
            "last_beta": 0.0120,
            "zero_terminal_snr": False,
        },
        "mean_type": "eps",
        "var_type": "fixed_small",
    },
    "image": {
        "schedule": "cosine",
        "schedule_param": {"num_timesteps": 1000, "cosine_s": 0.008, "zero_terminal_snr": True},
        "mean_type": "v",
        "var_type": "fixed_small",
    },
}
GUIDANCE = {"text": 9.0, "image": 6.0}
PRESETS = {"text": "t2v-modelscope", "image": "i2v-i2vgenxl"}
# Reference inference cameras (inference_text2video_entrance.py:183-184, inference_i2vgen_entrance.py:163-164).
ELEVATION = {"text": 15.0, "image": 5.0}
RADIUS = {"text": 2.0, "image": 1.7}
FOV = 39.6
NUM_VIEWS = 24
FPS = 8
# A tiny LGM the reference's hard-coded 32 groups and 16 heads accept: 32² inputs, 16² splat maps.
TINY_LGM = {
    "input_size": 32,
    "down_channels": (32, 64),
    "down_attention": (False, True),
    "mid_attention": True,
    "up_channels": (64,),
    "up_attention": (True,),
    "splat_size": 16,
}
# The LGM inside the tiny UNets: 256² inputs (the refinement's size is hard-coded), 8² splat maps
# (4 x 64 Gaussians), rendered at 512 like the reference's (core/options.py:98).
TINY_REFINE_LGM = {
    "input_size": 256,
    "down_channels": (32, 32, 32, 32, 32, 64),
    "down_attention": (False, False, False, False, False, True),
    "mid_attention": True,
    "up_channels": (64,),
    "up_attention": (True,),
    "splat_size": 8,
    "output_size": 512,
}
# Tiny VGen UNets (the reference configs' structure: attention on all levels but the last, 8 heads in the
# first temporal transformer, context width 1024, which the decoder hard-codes).
_TINY_VGEN = {
    "in_dim": 4,
    "dim": 32,
    "y_dim": 1024,
    "context_dim": 1024,
    "out_dim": 4,
    "dim_mult": [1, 1, 2],
    "num_heads": 8,
    "head_dim": 32,
    "num_res_blocks": 1,
    "attn_scales": [1.0, 0.5],
    "temporal_attention": True,
    "temporal_attn_times": 1,
    "use_checkpoint": True,
    "use_fps_condition": False,
    "use_camera_condition": True,
    "use_lgm_refine": True,
}
TINY_UNET = {"text": _TINY_VGEN, "image": {**_TINY_VGEN, "concat_dim": 4}}
# A tiny reference autoencoder (the config of tools/modules/config.py:110-126, narrower and with five
# levels: 16x down-sampling, so the hard-coded 256² renders encode to 16² latents) and its diffusers config.
TINY_VAE_DDCONFIG = {
    "double_z": True,
    "z_channels": 4,
    "resolution": 256,
    "in_channels": 3,
    "out_ch": 3,
    "ch": 32,
    "ch_mult": [1, 1, 1, 1, 1],
    "num_res_blocks": 1,
    "attn_resolutions": [],
    "dropout": 0.0,
}
TINY_VAE_DIFFUSERS = {
    "in_channels": 3,
    "out_channels": 3,
    "down_block_types": ("DownEncoderBlock2D",) * 5,
    "up_block_types": ("UpDecoderBlock2D",) * 5,
    "block_out_channels": (32,) * 5,
    "layers_per_block": 1,
    "latent_channels": 4,
    "norm_num_groups": 32,
    "sample_size": 256,
    "scaling_factor": 0.18215,
}
LATENT_SIZE = 16
TEXT_TOKENS = 4


# ------------------------------------------------------------------------------- deterministic numbers


def hashed_uniform(shape: tuple[int, ...] | torch.Size, key: str) -> torch.Tensor:
    """Numbers in [-1, 1) of ``shape``: an integer hash of ``key`` and each index, bit-exact on any machine."""
    count = math.prod(shape)
    x = (torch.arange(count, dtype=torch.int64) + zlib.crc32(key.encode())) & 0xFFFFFFFF
    for _ in range(2):  # a 32-bit integer mixer; products stay below 2^58
        x = (((x >> 16) ^ x) * 0x45D9F3B) & 0xFFFFFFFF
    x = (x >> 16) ^ x
    return (x.double() / 2**31 - 1).float().reshape(tuple(shape))


def small_weights(shapes: dict[str, tuple[int, ...]], prefix: str) -> dict[str, torch.Tensor]:
    """Weights of a trained scale for a state dict's ``shapes``: norm scales near 1, small biases,
    matrices and kernels of about ``1 / sqrt(fan_in)``."""
    weights = {}
    for key, shape in shapes.items():
        u = hashed_uniform(shape, f"{prefix}.{key}")
        if len(shape) == 1:
            weights[key] = 1 + 0.1 * u if key.endswith("weight") else 0.05 * u
        else:
            weights[key] = u / math.sqrt(math.prod(shape[1:]))
    return weights


def shapes_of(module: torch.nn.Module) -> dict[str, tuple[int, ...]]:
    """The floating-point entries of ``module``'s state dict and their shapes."""
    return {key: tuple(value.shape) for key, value in module.state_dict().items() if value.is_floating_point()}


def make_inputs() -> dict[str, torch.Tensor]:
    """The shared inputs of every stage (float32, deterministic)."""
    frames, size = NUM_VIEWS, LATENT_SIZE
    return {
        "ddim.xt": hashed_uniform((1, 4, 3, 4, 4), "ddim.xt") * 1.7,
        "ddim.weights": hashed_uniform((4, 4), "ddim.weights") * 0.8,
        "ddim.y_cond": hashed_uniform((1, 4, 1, 1, 1), "ddim.y_cond"),
        "ddim.y_uncond": hashed_uniform((1, 4, 1, 1, 1), "ddim.y_uncond"),
        "lgm.inputs": hashed_uniform((1, 4, 9, TINY_LGM["input_size"], TINY_LGM["input_size"]), "lgm.inputs") * 1.7,
        # Latents of unit scale, like x_t; the text and prompt states of CLIP's scale.
        "xt": hashed_uniform((1, 4, frames, size, size), "xt") * 1.7,
        "y_cond": hashed_uniform((1, TEXT_TOKENS, 1024), "y_cond"),
        "y_uncond": hashed_uniform((1, TEXT_TOKENS, 1024), "y_uncond"),
        "image_embedding": hashed_uniform((1, 1, 1024), "image_embedding"),
        "image_latent": hashed_uniform((1, 4, 1, size, size), "image_latent") * 1.7,
    }


# ------------------------------------------------------------------------------- the rasterizer stand-in


def covariance_from_quaternion(rotations: torch.Tensor, scales: torch.Tensor) -> torch.Tensor:
    """``(N, 3, 3)`` covariances ``R diag(s)² Rᵀ`` with ``R`` the unit-quaternion formula of the quaternion
    as given (w first), not normalised: forward.cu ``computeCov3D``."""
    r, x, y, z = rotations.unbind(-1)
    rot = torch.stack(
        [
            1 - 2 * (y * y + z * z), 2 * (x * y - r * z), 2 * (x * z + r * y),
            2 * (x * y + r * z), 1 - 2 * (x * x + z * z), 2 * (y * z - r * x),
            2 * (x * z - r * y), 2 * (y * z + r * x), 1 - 2 * (x * x + y * y),
        ],
        dim=-1,
    ).reshape(-1, 3, 3)  # fmt: skip
    m = rot * scales[:, None, :]
    return m @ m.transpose(1, 2)


class DenseRasterizer:
    """Dense stand-in of ``diff_gaussian_rasterization.GaussianRasterizer`` (see the module docstring).

    Matrices are the kernel's: ``viewmatrix`` and ``projmatrix`` act on row vectors (``[p, 1] @ M``).
    Returns ``(image (3, H, W), radii (N,), depth (1, H, W), alpha (1, H, W))`` like LGM's fork.
    """

    near = 0.2  # in_frustum
    dilation = 0.3  # computeCov2D
    block = 32  # pixels per side of the blocks composited at once

    def __init__(self, raster_settings: types.SimpleNamespace) -> None:
        self.settings = raster_settings

    def __call__(
        self,
        means3D: torch.Tensor,
        means2D: torch.Tensor,
        shs: torch.Tensor | None,
        colors_precomp: torch.Tensor,
        opacities: torch.Tensor,
        scales: torch.Tensor,
        rotations: torch.Tensor,
        cov3D_precomp: torch.Tensor | None,
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        centre, conic, depth, reach = self._project(means3D, scales, rotations, opacities[:, 0])
        order = torch.nonzero(reach > 0).squeeze(1)
        order = order[torch.argsort(depth[order], stable=True)]
        features = torch.cat([colors_precomp, depth[:, None], torch.ones_like(depth[:, None])], 1)
        out = self._blend(centre[order], conic[order], opacities[order, 0], features[order], reach[order])
        alpha = out[..., 4:]
        image = out[..., :3] + (1 - alpha) * self.settings.bg
        radii = torch.zeros(len(means3D), dtype=torch.int32)
        return image.permute(2, 0, 1), radii, out[..., 3:4].permute(2, 0, 1), alpha.permute(2, 0, 1)

    def _project(
        self, means: torch.Tensor, scales: torch.Tensor, rotations: torch.Tensor, opacities: torch.Tensor
    ) -> tuple[torch.Tensor, ...]:
        """Pixel centres, conics, depths and reach (0: culled) of the Gaussians (preprocessCUDA)."""
        s = self.settings
        hom = torch.cat([means, torch.ones_like(means[:, :1])], dim=1)
        p_view, p_hom = (hom @ s.viewmatrix)[:, :3], hom @ s.projmatrix
        p_proj = p_hom[:, :2] / (p_hom[:, 3:] + 1e-7)
        focal_x, focal_y = s.image_width / (2 * s.tanfovx), s.image_height / (2 * s.tanfovy)
        z = p_view[:, 2]
        tx = (p_view[:, 0] / z).clamp(-1.3 * s.tanfovx, 1.3 * s.tanfovx) * z
        ty = (p_view[:, 1] / z).clamp(-1.3 * s.tanfovy, 1.3 * s.tanfovy) * z
        zero = torch.zeros_like(z)
        jac = torch.stack(
            [focal_x / z, zero, -focal_x * tx / z**2, zero, focal_y / z, -focal_y * ty / z**2], -1
        ).reshape(-1, 2, 3)
        t = jac @ s.viewmatrix[:3, :3].T  # the row-vector view matrix holds the world-to-camera rotation transposed
        cov = t @ covariance_from_quaternion(rotations, scales * s.scale_modifier) @ t.transpose(1, 2)
        a, b, c = cov[:, 0, 0] + self.dilation, cov[:, 0, 1], cov[:, 1, 1] + self.dilation
        det = a * c - b * b
        conic = torch.stack([c / det, -b / det, a / det], -1)
        centre = torch.stack(
            [((p_proj[:, 0] + 1) * s.image_width - 1) / 2, ((p_proj[:, 1] + 1) * s.image_height - 1) / 2], -1
        )
        # Beyond this distance a Gaussian's alpha is under 1/255 and skipped: pixels farther away need not
        # see it, which changes nothing of a dense render (with a margin for rounding).
        mid = (a + c) / 2
        lam = mid + torch.sqrt(torch.clamp_min(mid * mid - det, 0.0))
        reach = torch.sqrt(2 * torch.log(torch.clamp_min(255 * opacities, 1.0)) * lam) * 1.01 + 1
        return centre, conic, z, torch.where((z > self.near) & (det != 0), reach, 0.0)

    def _blend(
        self,
        centre: torch.Tensor,
        conic: torch.Tensor,
        opacity: torch.Tensor,
        features: torch.Tensor,
        reach: torch.Tensor,
    ) -> torch.Tensor:
        """``(H, W, F)`` sums of ``features`` weighted by ``alpha T`` over depth-sorted Gaussians, block by block."""
        height, width, step = self.settings.image_height, self.settings.image_width, self.block
        out = features.new_zeros(height, width, features.shape[1])
        for top in range(0, height, step):
            for left in range(0, width, step):
                bottom, right = min(top + step, height), min(left + step, width)
                gap_x = torch.clamp_min(torch.maximum(left - centre[:, 0], centre[:, 0] - (right - 1)), 0)
                gap_y = torch.clamp_min(torch.maximum(top - centre[:, 1], centre[:, 1] - (bottom - 1)), 0)
                near = (gap_x <= reach) & (gap_y <= reach)
                ys, xs = torch.meshgrid(torch.arange(top, bottom), torch.arange(left, right), indexing="ij")
                pixels = torch.stack([xs.reshape(-1), ys.reshape(-1)], -1).to(centre)
                weights = self._weights(pixels, centre[near], conic[near], opacity[near])
                out[top:bottom, left:right] = (weights @ features[near]).reshape(bottom - top, right - left, -1)
        return out

    @staticmethod
    def _weights(
        pixels: torch.Tensor, centre: torch.Tensor, conic: torch.Tensor, opacity: torch.Tensor
    ) -> torch.Tensor:
        """``(P, N)`` blending weights ``alpha T`` of depth-sorted Gaussians at ``pixels`` (renderCUDA)."""
        d = centre[None] - pixels[:, None]
        power = (
            -0.5 * (conic[:, 0] * d[..., 0] ** 2 + conic[:, 2] * d[..., 1] ** 2) - conic[:, 1] * d[..., 0] * d[..., 1]
        )
        alpha = torch.minimum(torch.full_like(power, 0.99), opacity * torch.exp(power))
        alpha = torch.where((power > 0) | (alpha < 1.0 / 255.0), 0.0, alpha)
        after = torch.cumprod(1 - alpha, dim=1)
        before = torch.cat([torch.ones_like(after[:, :1]), after[:, :-1]], dim=1)
        # The first fragment that would take T under 1e-4 ends the pixel, itself not blended.
        return alpha * before * (after >= 1e-4)


# ----------------------------------------------------------------------------------------- importing


def _stand_in(name: str, **attributes: object) -> None:
    """Registers an empty module ``name`` with ``attributes`` unless the real one imports."""
    try:
        importlib.import_module(name)
    except ImportError:
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        sys.modules[name] = module


class _Unavailable:
    """A class the reference imports but the stages never instantiate."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError(f"{type(self).__name__} is a stand-in of reference_parity.py and cannot run")


def _package(name: str, path: Path) -> None:
    """Registers ``name`` as a package at ``path`` without running its ``__init__``."""
    module = types.ModuleType(name)
    module.__path__ = [str(path)]
    sys.modules[name] = module


def _memory_efficient_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, attn_bias: object = None, op: object = None
) -> torch.Tensor:
    """xformers' attention maths on ``(B, M, K)`` tensors: ``softmax(q kᵀ / sqrt(K)) v``."""
    if attn_bias is not None:
        raise NotImplementedError("the stand-in of memory_efficient_attention takes no attn_bias")
    return torch.softmax(q @ k.transpose(-2, -1) * q.shape[-1] ** -0.5, dim=-1) @ v


def _safe_normalize(x: torch.Tensor, eps: float = 1e-20) -> torch.Tensor:
    return x / torch.sqrt(torch.clamp((x * x).sum(-1, keepdim=True), min=eps))


def _install_stand_ins() -> None:
    extras = types.SimpleNamespace(subcommand_type_from_defaults=lambda *args, **kwargs: None)
    _stand_in("tyro", extras=extras)
    _stand_in("kiui")
    _stand_in("kiui.lpips", LPIPS=type("LPIPS", (_Unavailable,), {}))
    _stand_in("kiui.cam", orbit_camera=None)
    _stand_in("kiui.op", safe_normalize=_safe_normalize)
    _stand_in("open_clip")
    ops = types.SimpleNamespace(
        memory_efficient_attention=_memory_efficient_attention, LowerTriangularMask=type("LowerTriangularMask", (), {})
    )
    _stand_in("xformers", ops=ops)
    _stand_in("xformers.ops", **vars(ops))
    _stand_in("fairscale")
    _stand_in("fairscale.nn")
    _stand_in("fairscale.nn.checkpoint", checkpoint_wrapper=lambda module, *args, **kwargs: module)
    _stand_in(
        "diff_gaussian_rasterization",
        GaussianRasterizationSettings=types.SimpleNamespace,
        GaussianRasterizer=DenseRasterizer,
    )


def import_reference(ref_dir: Path) -> types.SimpleNamespace:
    """The reference modules the stages use, imported from ``ref_dir``."""
    required = ("core/models.py", "tools/modules/diffusions/diffusion_ddim.py", "tools/modules/unet/unet_t2v.py")
    for name in required:
        if not (ref_dir / name).is_file():
            raise FileNotFoundError(
                f"{ref_dir / name} not found: give a checkout of alibaba/VideoMV ({REFERENCE_COMMIT})"
            )
    # Ours first: diffusers probes for xformers at import and must not find the stand-in.
    for name in (
        "videomv.models",
        "videomv.sampling",
        "videomv.pipelines.videomv",
        "diffusers.loaders.single_file_utils",
    ):
        importlib.import_module(name)
    _install_stand_ins()
    sys.path.insert(0, str(ref_dir))
    _package("tools", ref_dir / "tools")
    _package("tools.modules", ref_dir / "tools" / "modules")
    _package("tools.modules.unet", ref_dir / "tools" / "modules" / "unet")
    module = importlib.import_module
    return types.SimpleNamespace(
        DiffusionDDIM=module("tools.modules.diffusions.diffusion_ddim").DiffusionDDIM,
        options=module("core.options"),
        LGM=module("core.models").LGM,
        gs=module("core.gs"),
        get_rays=module("core.utils").get_rays,
        get_camera=module("utils.camera_utils").get_camera,
        AutoencoderKL=module("tools.modules.autoencoder").AutoencoderKL,
        UNet={
            "text": module("tools.modules.unet.unet_t2v").UNetSD_T2VBase,
            "image": module("tools.modules.unet.unet_i2vgen").UNetSD_I2VGen,
        },
    )


@contextlib.contextmanager
def on_cpu() -> Iterator[None]:
    """``.cuda()`` returns the tensor itself and ``torch.tensor(..., device="cuda")`` stays on the CPU."""
    cuda, tensor = torch.Tensor.cuda, torch.tensor

    def cpu_tensor(*args: Any, device: Any = None, **kwargs: Any) -> torch.Tensor:
        return tensor(*args, **kwargs)

    torch.Tensor.cuda = lambda self, *args, **kwargs: self  # type: ignore[method-assign]
    torch.tensor = cpu_tensor  # type: ignore[assignment]
    try:
        yield
    finally:
        torch.Tensor.cuda, torch.tensor = cuda, tensor  # type: ignore[method-assign]


# ------------------------------------------------------------------------------------ building models


def _fill(module: torch.nn.Module, prefix: str) -> dict[str, torch.Tensor]:
    """Loads :func:`small_weights` into ``module``; returns them."""
    weights = small_weights(shapes_of(module), prefix)
    module.load_state_dict(weights, strict=False)
    return weights


def reference_unet(ref: types.SimpleNamespace, task: str) -> tuple[torch.nn.Module, dict[str, torch.Tensor]]:
    """The tiny reference UNet of ``task`` (its LGM included) with :func:`small_weights`."""
    defaults = ref.options.config_defaults
    big = defaults["big"]
    fields = {f.name for f in dataclasses.fields(ref.options.Options)}
    defaults["big"] = ref.options.Options(**{k: v for k, v in TINY_REFINE_LGM.items() if k in fields}, lambda_lpips=0.0)
    try:
        with on_cpu():
            unet = ref.UNet[task](**TINY_UNET[task]).eval()
    finally:
        defaults["big"] = big
    return unet, _fill(unet, f"unet.{task}")


def reference_autoencoder(ref: types.SimpleNamespace) -> tuple[torch.nn.Module, dict[str, torch.Tensor]]:
    vae = ref.AutoencoderKL(TINY_VAE_DDCONFIG, embed_dim=4).eval()
    return vae, _fill(vae, "vae")


# -------------------------------------------------------------------------------------- our side


def our_models(task: str, unet_weights: dict[str, torch.Tensor], vae_weights: dict[str, torch.Tensor]) -> Any:
    """Our converted UNet, reconstructor and autoencoder of the reference weights.

    The UNet and its LGM go through ``convert_vgen_checkpoint`` (what ``videomv convert vgen`` runs); the
    reference autoencoder through diffusers' LDM-to-diffusers mapping (our converter takes the base model's
    diffusers VAE, which is that mapping of the same LDM weights).
    """
    from diffusers import AutoencoderKL
    from diffusers.loaders.single_file_utils import convert_ldm_vae_checkpoint

    from videomv.models.vgen_convert import convert_vgen_checkpoint

    conversion = convert_vgen_checkpoint(
        dict(unet_weights), task, torch.float32, reconstructor_overrides={"input_size": TINY_REFINE_LGM["input_size"]}
    )
    vae = AutoencoderKL(**TINY_VAE_DIFFUSERS).eval()
    vae.load_state_dict(convert_ldm_vae_checkpoint(dict(vae_weights), TINY_VAE_DIFFUSERS))
    return types.SimpleNamespace(unet=conversion.unet, reconstructor=conversion.reconstructor, vae=vae)


def our_cameras(task: str) -> Any:
    from videomv.cameras import orbit

    return orbit(NUM_VIEWS, elevation=ELEVATION[task], radius=RADIUS[task], fov=FOV, size=LATENT_SIZE * 16)


def our_branch_kwargs(task: str, data: dict[str, torch.Tensor], unet: Any, cameras: Any) -> list[dict[str, Any]]:
    """Our UNet's keyword arguments for the conditional and the unconditional branch."""
    from videomv.pipelines.videomv import i2vgen_image_latents

    shared: dict[str, Any] = {"camera_embedding": unet.camera_inputs(cameras, 1)}
    if task == "image":
        latents = i2vgen_image_latents(data["image_latent"].permute(0, 2, 1, 3, 4), NUM_VIEWS)
        shared.update(image_latents=latents, fps=torch.full((1,), FPS))
        embeds = data["image_embedding"][:, 0]
        return [
            {**shared, "encoder_hidden_states": data["y_cond"], "image_embeddings": embeds},
            {**shared, "encoder_hidden_states": data["y_uncond"], "image_embeddings": torch.zeros_like(embeds)},
        ]
    return [{**shared, "encoder_hidden_states": data[name]} for name in ("y_cond", "y_uncond")]


def our_scheduler(task: str, steps: int = 50) -> Any:
    from videomv.models.configs import REFERENCE_SCHEDULER_SETTINGS
    from videomv.sampling import make_scheduler

    scheduler = make_scheduler("ddim", PRESETS[task], **REFERENCE_SCHEDULER_SETTINGS[task])
    scheduler.set_timesteps(steps)
    return scheduler


def our_refiner(task: str, models: Any) -> Any:
    """Our 3D-aware refiner with the settings ``videomv convert vgen`` gives a pipeline, refining at every
    step it is called at (its steps are set by the caller)."""
    from videomv.models.autoencoder import decode_views, encode_views
    from videomv.models.configs import REFERENCE_PIPELINE_SETTINGS
    from videomv.sampling import ThreeDAwareConfig, ThreeDAwareRefiner

    settings = REFERENCE_PIPELINE_SETTINGS[task]
    config = ThreeDAwareConfig(
        steps=[1],
        background=settings["three_d_aware_background"],
        render_scale=settings["three_d_aware_render_scale"],
        near=settings["three_d_aware_near"],
        flip_cameras=settings["three_d_aware_flip_cameras"],
        sample_posterior=settings["vae_sample_posterior"],
    )
    generator = torch.Generator().manual_seed(SEED)

    def encode(images: torch.Tensor) -> torch.Tensor:  # the pipeline's encode_images with the run's generator
        return encode_views(models.vae, images, None, generator if config.sample_posterior else None)

    return ThreeDAwareRefiner(models.reconstructor, config, lambda x: decode_views(models.vae, x), encode)


def ours_unet_output(task: str, data: dict[str, torch.Tensor], models: Any) -> torch.Tensor:
    """Our converted UNet's conditional output at t = 581 on ``data["xt"]``."""
    kwargs = our_branch_kwargs(task, data, models.unet, our_cameras(task))[0]
    t = our_scheduler(task).timesteps[REFINE_STEP]
    with torch.no_grad():
        return models.unet(data["xt"], t, **kwargs, return_dict=False)[0]


def _model_fn(
    task: str, data: dict[str, torch.Tensor], models: Any
) -> Callable[..., tuple[torch.Tensor, torch.Tensor]]:
    cond, uncond = our_branch_kwargs(task, data, models.unet, our_cameras(task))

    def model_fn(sample: torch.Tensor, t: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return tuple(models.unet(sample, t, **kwargs, return_dict=False)[0] for kwargs in (cond, uncond))

    return model_fn


def ours_refinement(task: str, data: dict[str, torch.Tensor], models: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """Our refined x̂0 of both branches ``(B, C, F, h, w)`` at t = 581 on ``data["xt"]``."""
    from videomv.sampling import RefinerState, predict_x0

    scheduler, refiner = our_scheduler(task), our_refiner(task, models)
    t, xt = scheduler.timesteps[REFINE_STEP], data["xt"]
    with torch.no_grad():
        cond, uncond = _model_fn(task, data, models)(xt, t)
        x0 = [predict_x0(scheduler, out, xt, t).permute(0, 2, 1, 3, 4) for out in (cond, uncond)]
        state = RefinerState(1, t, 3, our_cameras(task), None)
        refined = refiner(*x0, state)
    return tuple(x.permute(0, 2, 1, 3, 4) for x in refined)


def ours_loop(task: str, data: dict[str, torch.Tensor], models: Any) -> torch.Tensor:
    """Our denoising loop over :data:`LOOP_STEPS` of 50 from ``data["xt"]``, refining at the middle one."""
    from videomv.sampling import denoise

    scheduler = our_scheduler(task)
    scheduler.timesteps = scheduler.timesteps[list(LOOP_STEPS)]
    with torch.no_grad():
        return denoise(
            scheduler, data["xt"], _model_fn(task, data, models), GUIDANCE[task],
            x0_refiner=our_refiner(task, models), cameras=our_cameras(task),
        )  # fmt: skip


# ------------------------------------------------------------------------------------ reference side


def reference_gs_data(ref: types.SimpleNamespace, task: str) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """The camera inputs and LGM data the reference inference builds (restated from
    inference_text2video_entrance.py:183-225 / inference_i2vgen_entrance.py:163-200): the UNet's
    ``camera_data`` ``(1, 24, 16)`` and ``gs_data`` (rays of all views, rasterizer matrices)."""
    camera = ref.get_camera(NUM_VIEWS, elevation=ELEVATION[task], azimuth_start=0, azimuth_span=360,
                            camera_distance=RADIUS[task]).reshape(1, NUM_VIEWS, 4, 4)  # fmt: skip
    camera[:, :, 1, :] *= -1
    camera[:, :, [0, 1], :] = camera[:, :, [1, 0], :]
    gs_camera = camera[0].clone()
    gs_camera[:, 1] *= -1
    gs_camera[:, [1, 2]] = gs_camera[:, [2, 1]]
    gs_camera[:, :3, 1:3] *= -1  # quirk 2, the extra flip
    shift = torch.eye(4)
    shift[2, 3] = float(np.sqrt((gs_camera[0, :3, 3] ** 2).sum()))
    poses = (shift @ torch.inverse(gs_camera[0]))[None] @ gs_camera
    size, opt = LATENT_SIZE * 16, ref.options.config_defaults["big"]
    rays = []
    for pose in poses:
        origins, directions = ref.get_rays(pose, size, size, opt.fovy)
        rays.append(torch.cat([torch.cross(origins, directions, dim=-1), directions], dim=-1))
    poses[:, :3, 1:3] *= -1  # OpenGL to COLMAP axes for the rasterizer
    tan = np.tan(0.5 * np.deg2rad(opt.fovy))
    proj = torch.zeros(4, 4)
    proj[0, 0] = proj[1, 1] = 1 / tan
    proj[2, 2] = (opt.zfar + opt.znear) / (opt.zfar - opt.znear)
    proj[3, 2] = -(opt.zfar * opt.znear) / (opt.zfar - opt.znear)
    proj[2, 3] = 1
    view = torch.inverse(poses).transpose(1, 2)
    gs_data = {
        "input": torch.stack(rays).permute(0, 3, 1, 2)[None],
        "cam_view": view[None],
        "cam_view_proj": (view @ proj)[None],
        "cam_pos": -poses[None, :, :3, 3],
    }
    return camera.reshape(1, NUM_VIEWS, 16), gs_data


def reference_kwargs(ref: types.SimpleNamespace, task: str, data: dict[str, torch.Tensor]) -> list[dict[str, Any]]:
    """The reference UNet's keyword arguments for both branches (inference_*_entrance.py model_kwargs)."""
    camera_data, gs_data = reference_gs_data(ref, task)
    shared: dict[str, Any] = {"camera_data": camera_data, "gs_data": gs_data, "fps": torch.tensor([FPS])}
    if task == "image":
        shared["local_image"] = data["image_latent"].repeat_interleave(NUM_VIEWS, dim=2)
        return [
            {**shared, "y": data["y_cond"], "image": data["image_embedding"]},
            {**shared, "y": data["y_uncond"], "image": torch.zeros_like(data["image_embedding"])},
        ]
    return [{**shared, "y": data["y_cond"]}, {**shared, "y": data["y_uncond"]}]


def _per_call_copy(unet: torch.nn.Module) -> Callable[..., torch.Tensor]:
    """``unet`` with a fresh ``gs_data`` dict per call, as DistributedDataParallel's scattering gives it."""

    def model(x: torch.Tensor, t: torch.Tensor, **kwargs: Any) -> torch.Tensor:
        if "gs_data" in kwargs:
            kwargs["gs_data"] = dict(kwargs["gs_data"])
        with on_cpu():
            return unet(x, t, **kwargs)

    return model


def reference_stages(ref: types.SimpleNamespace, task: str, data: dict[str, torch.Tensor]) -> None:
    """Runs the reference's UNet, refinement and loop stages of ``task``; stores their outputs in ``data``."""
    unet, _ = reference_unet(ref, task)
    vae, _ = reference_autoencoder(ref)
    diffusion = ref.DiffusionDDIM(**REFERENCE_DIFFUSION[task])
    model, kwargs = _per_call_copy(unet), reference_kwargs(ref, task, data)
    steps = (1 + torch.arange(0, 1000, 20)).flip(0)  # ddim_sample_loop's 50 steps
    xt = data["xt"]
    tables = {
        "sqrt_alphas_cumprod": diffusion.sqrt_alphas_cumprod,
        "sqrt_one_minus_alphas_cumprod": diffusion.sqrt_one_minus_alphas_cumprod,
        "sqrt_recip_alphas_cumprod": diffusion.sqrt_recip_alphas_cumprod,
        "sqrt_recipm1_alphas_cumprod": diffusion.sqrt_recipm1_alphas_cumprod,
    }
    t = steps[REFINE_STEP].view(1)
    with torch.no_grad():
        data[f"unet.{task}"] = model(xt, t, **kwargs[0])
        torch.manual_seed(SEED)
        for branch, name in enumerate(("cond", "uncond")):
            data[f"refine.{task}.{name}"] = model(xt, t, autoencoder=vae, **tables, **kwargs[branch])
        for index in LOOP_STEPS:  # ddim_sample_loop's body, autoencoder at the refinement step only
            step = steps[index].view(1)
            autoencoder = vae if index == REFINE_STEP else None
            if autoencoder is not None:  # the posterior's noise: the stream ours draws from its generator
                torch.manual_seed(SEED)
            xt, _ = diffusion.ddim_sample(xt, step, model, autoencoder, kwargs, guide_scale=GUIDANCE[task],
                                          ddim_timesteps=50, eta=0.0)  # fmt: skip
        data[f"loop.{task}"] = xt


def ddim_stage(ref: types.SimpleNamespace, task: str, data: dict[str, torch.Tensor]) -> None:
    """One guided DDIM step at each of :data:`DDIM_STEPS` of the reference's ``DiffusionDDIM``."""
    diffusion = ref.DiffusionDDIM(**REFERENCE_DIFFUSION[task])
    model = toy_model(data["ddim.weights"])
    timesteps = our_scheduler(task).timesteps
    for index in DDIM_STEPS:
        kwargs = [{"y": data["ddim.y_cond"]}, {"y": data["ddim.y_uncond"]}]
        reference, _ = diffusion.ddim_sample(
            data["ddim.xt"].double(), torch.full((1,), int(timesteps[index])), model, model_kwargs=kwargs,
            guide_scale=GUIDANCE[task], ddim_timesteps=50, eta=0.0,
        )  # fmt: skip
        data[f"ddim.{task}.step{index}"] = reference.float()


def toy_model(weights: torch.Tensor) -> Callable[..., torch.Tensor]:
    """A fixed, t-dependent map standing for the UNet: ``tanh(W x + y) * (1 + t / 1000)`` per channel."""

    def model(x: torch.Tensor, t: torch.Tensor, y: torch.Tensor, **_: object) -> torch.Tensor:
        mixed = torch.einsum("oc,bcfhw->bofhw", weights.to(x), x) + y.to(x)
        return torch.tanh(mixed) * (1 + t.to(x).view(-1, 1, 1, 1, 1) / 1000)

    return model


def lgm_stage(ref: types.SimpleNamespace, data: dict[str, torch.Tensor]) -> dict[str, tuple[int, ...]]:
    """The reference LGM's activated Gaussians on ``data["lgm.inputs"]``; returns its weight shapes."""
    fields = {f.name for f in dataclasses.fields(ref.options.Options)}
    options = ref.options.Options(**{k: v for k, v in TINY_LGM.items() if k in fields}, lambda_lpips=0.0)
    with on_cpu():
        lgm = ref.LGM(options).eval()
    _fill(lgm, "lgm")
    with torch.no_grad():
        data["lgm.gaussians"] = lgm.forward_gaussians(data["lgm.inputs"])
    return shapes_of(lgm)


# ---------------------------------------------------------------------------------------- comparing


def log(message: str, _start: list[float] = []) -> None:  # noqa: B006 (the run's start time)
    """``message`` on stderr with the seconds since the first message."""
    import time

    _start.append(_start[0] if _start else time.monotonic())
    print(f"[{time.monotonic() - _start[0]:7.1f} s] {message}", file=sys.stderr, flush=True)


def relative(ours: torch.Tensor, reference: torch.Tensor) -> float:
    """``max |ours - reference| / max |reference|``, in float64."""
    ours, reference = ours.double(), reference.double()
    return float((ours - reference).abs().max() / reference.abs().max().clamp_min(1e-12))


def relative_rms(ours: torch.Tensor, reference: torch.Tensor) -> float:
    """``rms(ours - reference) / rms(reference)``, in float64."""
    ours, reference = ours.double(), reference.double()
    return float((ours - reference).square().mean().sqrt() / reference.square().mean().sqrt().clamp_min(1e-12))


def ours_ddim_step(
    task: str, data: dict[str, torch.Tensor], index: int, settings: dict[str, Any] | None = None
) -> torch.Tensor:
    """Our guided DDIM step at loop index ``index`` with the toy model (reference scheduler settings by default)."""
    from videomv.models.configs import REFERENCE_SCHEDULER_SETTINGS
    from videomv.sampling import classifier_free_guidance, make_scheduler

    scheduler = make_scheduler(
        "ddim", PRESETS[task], **(REFERENCE_SCHEDULER_SETTINGS[task] if settings is None else settings)
    )
    scheduler.set_timesteps(50)
    model, t, xt = toy_model(data["ddim.weights"]), scheduler.timesteps[index], data["ddim.xt"]
    out = classifier_free_guidance(
        model(xt, t.view(1), data["ddim.y_cond"]), model(xt, t.view(1), data["ddim.y_uncond"]), GUIDANCE[task]
    )
    return scheduler.step(out, t, xt, eta=0.0).prev_sample


def ours_lgm(
    data: dict[str, torch.Tensor], shapes: dict[str, tuple[int, ...]], settings: dict[str, Any] | None = None
) -> torch.Tensor:
    """Our converted reconstructor's activated Gaussians (reference settings by default)."""
    from videomv.models.configs import REFERENCE_RECONSTRUCTOR_SETTINGS
    from videomv.models.vgen_convert import convert_reconstructor

    settings = REFERENCE_RECONSTRUCTOR_SETTINGS if settings is None else settings
    model = convert_reconstructor(
        small_weights(shapes, "lgm"), torch.float32, input_size=TINY_LGM["input_size"], **settings
    )
    dim = 1 if model.config.rotation_normalization == "over_gaussians" else -1
    with torch.no_grad():
        return model.activate(model.forward_maps(data["lgm.inputs"]), rotation_dim=dim)


def compare(
    data: dict[str, torch.Tensor], shapes: dict[str, dict[str, tuple[int, ...]]]
) -> dict[str, tuple[float, ...]]:
    """Every stage's ``(max relative, rms relative, limit of the max)`` difference of ours from the reference."""
    pairs: dict[str, tuple[torch.Tensor, torch.Tensor, float]] = {}
    timesteps = {task: our_scheduler(task).timesteps for task in PRESETS}
    for task in PRESETS:
        for index in DDIM_STEPS:
            name = f"guided DDIM step, {task} (t = {int(timesteps[task][index])})"
            pairs[name] = (ours_ddim_step(task, data, index), data[f"ddim.{task}.step{index}"], TOLERANCE)
    pairs["LGM Gaussians (rotation over Gaussians)"] = (ours_lgm(data, shapes["lgm"]), data["lgm.gaussians"], TOLERANCE)
    for task in PRESETS:
        models = our_models(
            task, small_weights(shapes[f"unet.{task}"], f"unet.{task}"), small_weights(shapes["vae"], "vae")
        )
        pairs[f"UNet output, {task} (t = 581)"] = (
            ours_unet_output(task, data, models),
            data[f"unet.{task}"],
            TOLERANCE,
        )
        cond, uncond = ours_refinement(task, data, models)
        pairs[f"3D-aware refinement of x̂0, {task}, conditional"] = (cond, data[f"refine.{task}.cond"], RENDER_TOLERANCE)
        pairs[f"3D-aware refinement of x̂0, {task}, unconditional"] = (
            uncond,
            data[f"refine.{task}.uncond"],
            RENDER_TOLERANCE,
        )
        pairs[f"3 steps (t = 601, 581*, 561), {task}"] = (
            ours_loop(task, data, models),
            data[f"loop.{task}"],
            RENDER_TOLERANCE,
        )
        log(f"our {task} stages done")
    return {name: (relative(a, b), relative_rms(a, b), limit) for name, (a, b, limit) in pairs.items()}


def within(max_relative: float, rms_relative: float, limit: float) -> bool:
    """A stage's verdict: its max relative difference within ``limit`` and its rms one within the matching
    rms limit (:data:`TOLERANCE`, or :data:`RENDER_RMS_TOLERANCE` for the rendering stages)."""
    rms_limit = TOLERANCE if limit <= TOLERANCE else RENDER_RMS_TOLERANCE
    return max_relative <= limit and rms_relative <= rms_limit


def load_fixture(
    path: Path = DEFAULT_FIXTURES,
) -> tuple[dict[str, torch.Tensor], dict[str, dict[str, tuple[int, ...]]]]:
    """The fixture's reference outputs merged into :func:`make_inputs`, and the reference weight shapes."""
    from safetensors import safe_open
    from safetensors.torch import load_file

    with safe_open(path, "pt") as handle:
        metadata = handle.metadata()
    shapes = {name: {k: tuple(v) for k, v in table.items()} for name, table in json.loads(metadata["shapes"]).items()}
    return {**make_inputs(), **load_file(path)}, shapes


# --------------------------------------------------------------------------------------------- main


def run_reference(ref: types.SimpleNamespace) -> tuple[dict[str, torch.Tensor], dict[str, dict[str, tuple[int, ...]]]]:
    """Every stage's reference outputs (added to :func:`make_inputs`) and the reference weight shapes."""
    data = make_inputs()
    for task in PRESETS:
        ddim_stage(ref, task, data)
    shapes = {"lgm": lgm_stage(ref, data), "vae": shapes_of(reference_autoencoder(ref)[0])}
    for task in PRESETS:
        shapes[f"unet.{task}"] = shapes_of(reference_unet(ref, task)[0])
        reference_stages(ref, task, data)
        log(f"reference {task} stages done")
    return data, shapes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref_dir", type=Path, help=f"a checkout of alibaba/VideoMV at {REFERENCE_COMMIT}")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, help="the safetensors file to write")
    parser.add_argument("--deps", type=Path, help="a folder of the reference's pure-Python imports (pip --target)")
    args = parser.parse_args(argv)
    from safetensors.torch import save

    from videomv.fileio import write_bytes_atomic

    if args.deps is not None:
        sys.path.insert(0, str(args.deps.resolve()))
    torch.set_grad_enabled(False)
    torch.set_num_threads(1)  # small tensors: one thread is faster, and far faster on a busy machine
    ref = import_reference(args.ref_dir.resolve())
    data, shapes = run_reference(ref)
    results = compare(data, shapes)
    width = max(map(len, results))
    print(f"{'stage':<{width}}  max relative  limit    rms relative  within")
    for stage, (largest, rms, limit) in results.items():
        verdict = "yes" if within(largest, rms, limit) else "NO"
        print(f"{stage:<{width}}  {largest:12.2e}  {limit:7.0e}  {rms:12.2e}  {verdict}")
    metadata = {
        "reference_commit": REFERENCE_COMMIT,
        "tolerance": json.dumps(TOLERANCE),
        "render_tolerance": json.dumps([RENDER_TOLERANCE, RENDER_RMS_TOLERANCE]),
        "ddim_steps": json.dumps(DDIM_STEPS),
        "shapes": json.dumps(shapes),
    }
    inputs = make_inputs()
    outputs = {key: value.detach().float().contiguous() for key, value in data.items() if key not in inputs}
    args.fixtures.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(args.fixtures, save(outputs, metadata=metadata))
    print(f"wrote {args.fixtures} ({args.fixtures.stat().st_size / 1e6:.2f} MB)")
    return 0 if all(within(*values) for values in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
