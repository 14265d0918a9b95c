"""``GaussianReconstructor``: a feed-forward, LGM-style multi-view to 3D Gaussians network.

K posed views go in, one 3D Gaussian per pixel of a half-resolution map per view comes out.
Each view is fed as 9 channels: RGB normalised with the ImageNet statistics and the 6-channel
Plücker ray map ``[o x d, d]`` of its camera. The cameras are first moved to the canonical
frame of LGM: the world is scaled and moved so the first input view sits at ``[I | (0, 0, r)]``
in OpenGL camera axes (``r = cam_radius``, 1.5 for LGM). An asymmetric U-Net whose deep blocks
run self-attention over the tokens of all views together predicts 14 numbers per pixel
(position 3, opacity 1, scale 3, rotation 4, RGB 3); positions are absolute in the canonical
frame (LGM) or, with ``pixel_aligned``, offsets from a point on the pixel's own ray, with the
pixel's colour as the starting colour; the Gaussians are moved back to the world of the input
cameras before they are returned.

Module and parameter names follow LGM's public code (``unet.down_blocks.{i}.nets.{j}.conv1``,
``unet.mid_block.attns.0.attn.qkv``, ``conv`` ...), so the ``big`` preset loads LGM's public
``model.safetensors`` as it is (see :mod:`videomv.models.lgm_convert`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from diffusers import ConfigMixin, ModelMixin
from diffusers.configuration_utils import register_to_config
from diffusers.utils import BaseOutput
from torch import nn

from ..cameras import Cameras, convert_pose, normalize_poses, plucker_rays, scale_intrinsics, world_rays
from ..gaussians import Gaussians
from .loading import CheckedLoadingMixin

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

# Channel layout of the 14-channel output, LGM's order.
GAUSSIAN_CHANNELS: dict[str, slice] = {
    "position": slice(0, 3),
    "opacity": slice(3, 4),
    "scale": slice(4, 7),
    "rotation": slice(7, 11),
    "rgb": slice(11, 14),
}
NUM_GAUSSIAN_CHANNELS = 14
# Lower bound on activated scales: 0.1 * softplus underflows to 0 for very negative inputs,
# and the Gaussians container stores log-scales.
_MIN_SCALE = 1e-8
# Pixel-aligned Gaussians sit within this fraction of the camera radius (per axis) of the point of
# their ray at the centre's depth: less than the radius in all, so always in front of their camera.
_PIXEL_OFFSET_RANGE = 0.5
# Pixel colours are kept off 0 and 1 before their inverse activation, which is infinite there.
_COLOR_MARGIN = 1e-3
# How the rotation channels become quaternions: each normalised on its own ("per_gaussian", ours and
# LGM's), or each component normalised over all Gaussians of a sample and used unnormalised
# ("over_gaussians": VideoMV's copy of LGM, see videomv.models.configs.REFERENCE_RECONSTRUCTOR_SETTINGS).
ROTATION_NORMALIZATIONS = ("per_gaussian", "over_gaussians")

RECONSTRUCTOR_PRESETS: dict[str, dict[str, Any]] = {
    # A few-hundred-thousand-parameter model for CPU tests and demos: 32x32 views, 16x16 splat maps.
    "tiny": {
        "input_size": 32,
        "down_channels": (16, 32, 64),
        "down_attention": (False, True, True),
        "mid_attention": True,
        "up_channels": (64, 32),
        "up_attention": (True, False),
        "layers_per_block": 1,
        "attention_heads": 2,
        "norm_num_groups": 8,
        # A net this small learns absolute positions too slowly (its Gaussians stayed a blurred
        # cloud after 3900 samples); tied to their pixels they start on the input views.
        "pixel_aligned": True,
    },
    # LGM "big" (public model.safetensors): 256x256 views, 128x128 splat maps, ~415 M parameters.
    "big": {
        "input_size": 256,
        "down_channels": (64, 128, 256, 512, 1024, 1024),
        "down_attention": (False, False, False, True, True, True),
        "mid_attention": True,
        "up_channels": (1024, 1024, 512, 256, 128),
        "up_attention": (True, True, True, False, False),
        "layers_per_block": 2,
        "attention_heads": 16,
        "norm_num_groups": 32,
    },
}


# --- building blocks (LGM's layout) ---------------------------------------------------------


class ResnetBlock(nn.Module):
    """GroupNorm-SiLU-conv twice plus a (1x1 conv when widths differ) shortcut, output scaled."""

    def __init__(self, in_channels: int, out_channels: int, groups: int, skip_scale: float) -> None:
        super().__init__()
        self.skip_scale = skip_scale
        self.norm1 = nn.GroupNorm(groups, in_channels, eps=1e-5)
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1)
        self.norm2 = nn.GroupNorm(groups, out_channels, eps=1e-5)
        self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1)
        self.shortcut = nn.Identity() if in_channels == out_channels else nn.Conv2d(in_channels, out_channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(F.silu(self.norm1(x)))
        h = self.conv2(F.silu(self.norm2(h)))
        return (h + self.shortcut(x)) * self.skip_scale


class SelfAttention(nn.Module):
    """Multi-head self-attention over tokens ``(B, L, C)``: fused qkv (no bias), output projection."""

    def __init__(self, dim: int, num_heads: int) -> None:
        super().__init__()
        if dim % num_heads:
            raise ValueError(f"attention width {dim} is not divisible by {num_heads} heads")
        self.num_heads = num_heads
        self.qkv = nn.Linear(dim, dim * 3, bias=False)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, length, c = x.shape
        # qkv features are laid out (3, heads, head_dim), as in LGM's (DINOv2) attention.
        q, k, v = self.qkv(x).reshape(b, length, 3, self.num_heads, c // self.num_heads).permute(2, 0, 3, 1, 4)
        out = F.scaled_dot_product_attention(q, k, v)
        return self.proj(out.transpose(1, 2).reshape(b, length, c))


class MultiViewAttention(nn.Module):
    """Residual self-attention over the pixels of all views of a sample at once.

    This is what lets views exchange information: a token of one view attends to every token
    of every other view, so the predicted Gaussians agree across views.
    """

    def __init__(self, dim: int, num_heads: int, groups: int, skip_scale: float) -> None:
        super().__init__()
        self.skip_scale = skip_scale
        self.norm = nn.GroupNorm(groups, dim, eps=1e-5)
        self.attn = SelfAttention(dim, num_heads)

    def forward(self, x: torch.Tensor, num_views: int) -> torch.Tensor:
        bv, c, h, w = x.shape
        b = bv // num_views
        tokens = self.norm(x).reshape(b, num_views, c, h, w).permute(0, 1, 3, 4, 2).reshape(b, -1, c)
        out = self.attn(tokens).reshape(b, num_views, h, w, c).permute(0, 1, 4, 2, 3).reshape(bv, c, h, w)
        return (out + x) * self.skip_scale


class DownBlock(nn.Module):
    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        num_layers: int,
        downsample: bool,
        attention: bool,
        heads: int,
        groups: int,
        skip_scale: float,
    ) -> None:
        super().__init__()
        self.nets = nn.ModuleList(
            ResnetBlock(in_channels if i == 0 else out_channels, out_channels, groups, skip_scale)
            for i in range(num_layers)
        )
        # None entries keep LGM's indices (attns.{i} pairs with nets.{i}) in the state dict.
        self.attns = nn.ModuleList(
            MultiViewAttention(out_channels, heads, groups, skip_scale) if attention else None
            for _ in range(num_layers)
        )
        self.downsample = nn.Conv2d(out_channels, out_channels, 3, stride=2, padding=1) if downsample else None

    def forward(self, x: torch.Tensor, num_views: int) -> tuple[torch.Tensor, list[torch.Tensor]]:
        skips = []
        for net, attn in zip(self.nets, self.attns, strict=True):
            x = net(x)
            if attn is not None:
                x = attn(x, num_views)
            skips.append(x)
        if self.downsample is not None:
            x = self.downsample(x)
            skips.append(x)
        return x, skips


class MidBlock(nn.Module):
    def __init__(self, channels: int, attention: bool, heads: int, groups: int, skip_scale: float) -> None:
        super().__init__()
        self.nets = nn.ModuleList(ResnetBlock(channels, channels, groups, skip_scale) for _ in range(2))
        self.attns = nn.ModuleList([MultiViewAttention(channels, heads, groups, skip_scale) if attention else None])

    def forward(self, x: torch.Tensor, num_views: int) -> torch.Tensor:
        x = self.nets[0](x)
        if self.attns[0] is not None:
            x = self.attns[0](x, num_views)
        return self.nets[1](x)


class UpBlock(nn.Module):
    def __init__(
        self,
        in_channels: int,
        skip_channels: int,
        out_channels: int,
        num_layers: int,
        upsample: bool,
        attention: bool,
        heads: int,
        groups: int,
        skip_scale: float,
    ) -> None:
        super().__init__()
        nets = []
        for i in range(num_layers):
            cin = in_channels if i == 0 else out_channels
            # The last layer takes the skip from one level up (the asymmetric part).
            cskip = skip_channels if i == num_layers - 1 else out_channels
            nets.append(ResnetBlock(cin + cskip, out_channels, groups, skip_scale))
        self.nets = nn.ModuleList(nets)
        self.attns = nn.ModuleList(
            MultiViewAttention(out_channels, heads, groups, skip_scale) if attention else None
            for _ in range(num_layers)
        )
        self.upsample = nn.Conv2d(out_channels, out_channels, 3, padding=1) if upsample else None

    def forward(self, x: torch.Tensor, skips: list[torch.Tensor], num_views: int) -> torch.Tensor:
        for net, attn in zip(self.nets, self.attns, strict=True):
            x = net(torch.cat([x, skips.pop()], dim=1))
            if attn is not None:
                x = attn(x, num_views)
        if self.upsample is not None:
            x = self.upsample(F.interpolate(x, scale_factor=2.0, mode="nearest"))
        return x


class MultiViewUNet(nn.Module):
    """LGM's asymmetric U-Net: fewer up than down levels, so the output is coarser than the input."""

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        down_channels: Sequence[int],
        down_attention: Sequence[bool],
        mid_attention: bool,
        up_channels: Sequence[int],
        up_attention: Sequence[bool],
        layers_per_block: int,
        heads: int,
        groups: int,
        skip_scale: float,
    ) -> None:
        super().__init__()
        self.conv_in = nn.Conv2d(in_channels, down_channels[0], 3, padding=1)
        blocks = []
        cout = down_channels[0]
        for i, channels in enumerate(down_channels):
            cin, cout = cout, channels
            last = i == len(down_channels) - 1
            blocks.append(
                DownBlock(cin, cout, layers_per_block, not last, down_attention[i], heads, groups, skip_scale)
            )
        self.down_blocks = nn.ModuleList(blocks)
        self.mid_block = MidBlock(down_channels[-1], mid_attention, heads, groups, skip_scale)
        blocks = []
        cout = up_channels[0]
        for i, channels in enumerate(up_channels):
            cin, cout = cout, channels
            cskip = down_channels[max(-2 - i, -len(down_channels))]
            last = i == len(up_channels) - 1
            blocks.append(
                UpBlock(cin, cskip, cout, layers_per_block + 1, not last, up_attention[i], heads, groups, skip_scale)
            )
        self.up_blocks = nn.ModuleList(blocks)
        self.norm_out = nn.GroupNorm(groups, up_channels[-1], eps=1e-5)
        self.conv_out = nn.Conv2d(up_channels[-1], out_channels, 3, padding=1)

    def forward(self, x: torch.Tensor, num_views: int) -> torch.Tensor:
        x = self.conv_in(x)
        skips = [x]
        for block in self.down_blocks:
            x, block_skips = block(x, num_views)
            skips.extend(block_skips)
        x = self.mid_block(x, num_views)
        for block in self.up_blocks:
            n = len(block.nets)
            x = block(x, skips[-n:], num_views)
            skips = skips[:-n]
        return self.conv_out(F.silu(self.norm_out(x)))


# --- the model ---------------------------------------------------------------------------


def _quaternion_formula(quats: torch.Tensor) -> torch.Tensor:
    """``(N, 3, 3)`` matrices of the unit-quaternion rotation formula applied to ``(N, 4)`` quaternions
    (w first) as they are: a rotation only for unit quaternions."""
    w, x, y, z = quats.unbind(-1)
    return torch.stack(
        [
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
        ],
        dim=-1,
    ).reshape(-1, 3, 3)  # fmt: skip


def covariance_factors(quats: torch.Tensor, scales: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Unit quaternions and scales of the covariance ``M diag(s)² Mᵀ`` that unnormalised quaternions
    give a rasterizer which does not normalise them (``M`` = :func:`_quaternion_formula`).

    The SVD ``M diag(s) = U Σ Vᵀ`` gives the covariance as ``U Σ² Uᵀ``: rotation ``U`` (a column's
    sign flipped where needed to make it proper, which leaves ``U Σ² Uᵀ`` unchanged), scales ``Σ``.
    Computed in float64.
    """
    factor = _quaternion_formula(quats.double()) * scales.double().unsqueeze(-2)
    u, sigma, _ = torch.linalg.svd(factor)
    u = torch.cat([u[..., :2], u[..., 2:] * torch.linalg.det(u).sign()[:, None, None]], dim=-1)
    return _rotations_to_quaternions(u).to(quats.dtype), sigma.clamp_min(_MIN_SCALE).to(scales.dtype)


def _rotations_to_quaternions(matrices: torch.Tensor) -> torch.Tensor:
    """``(N, 4)`` unit quaternions (w first) of ``(N, 3, 3)`` rotations: for each, the candidate of the
    largest of ``4w², 4x², 4y², 4z²`` (well conditioned, unlike dividing by a small component)."""
    m = matrices
    m00, m11, m22 = m[:, 0, 0], m[:, 1, 1], m[:, 2, 2]
    squares = torch.stack([1 + m00 + m11 + m22, 1 + m00 - m11 - m22, 1 - m00 + m11 - m22, 1 - m00 - m11 + m22], -1)
    roots = squares.clamp_min(0).sqrt()  # 2|w|, 2|x|, 2|y|, 2|z|
    a, b, c = m[:, 2, 1] - m[:, 1, 2], m[:, 0, 2] - m[:, 2, 0], m[:, 1, 0] - m[:, 0, 1]
    d, e, f = m[:, 1, 0] + m[:, 0, 1], m[:, 0, 2] + m[:, 2, 0], m[:, 2, 1] + m[:, 1, 2]
    # Row k: 2 q_k times the quaternion, from the matrix entries (each row's own component is roots[:, k]²).
    candidates = torch.stack(
        [
            torch.stack([squares[:, 0], a, b, c], -1),
            torch.stack([a, squares[:, 1], d, e], -1),
            torch.stack([b, d, squares[:, 2], f], -1),
            torch.stack([c, e, f, squares[:, 3]], -1),
        ],
        dim=1,
    ) / (2 * roots.clamp_min(1e-12)).unsqueeze(-1)
    best = roots.argmax(-1)
    return F.normalize(candidates[torch.arange(len(m)), best], dim=-1)


@dataclass
class ReconstructorOutput(BaseOutput):
    """What :class:`GaussianReconstructor` returns for a batch of B samples.

    Attributes:
        gaussians: B :class:`Gaussians`, each ``K * S * S`` Gaussians in the world frame of that
            sample's input cameras (``S``: the splat-map size).
        params: ``(B, K * S * S, 14)`` activated parameters in LGM's layout (position, opacity,
            scale, rotation, RGB) in the canonical frame, as LGM's ``forward_gaussians`` returns.
        transforms: ``(B, 4, 4)`` similarities mapping world points to the canonical frame.
    """

    gaussians: list[Gaussians]
    params: torch.Tensor
    transforms: torch.Tensor


class GaussianReconstructor(CheckedLoadingMixin, ModelMixin, ConfigMixin):
    """Feed-forward reconstructor from K posed views to 3D Gaussians (LGM architecture).

    Build a named preset with :meth:`from_preset` (``"tiny"``, ``"big"``), a trained one with
    ``from_pretrained(folder)``, or LGM's public weights with
    :func:`videomv.models.lgm_convert.load_lgm_checkpoint`.

    Args:
        input_size: side of the square input views in pixels; inputs are resized to it.
        down_channels: widths of the encoder levels; every level but the last halves the size.
        down_attention: per encoder level, whether its layers end with multi-view attention.
        mid_attention: whether the bottleneck has multi-view attention.
        up_channels: widths of the decoder levels; every level but the last doubles the size.
            One level fewer than ``down_channels`` gives splat maps at half the input size.
        up_attention: per decoder level, whether its layers end with multi-view attention.
        layers_per_block: ResNet layers per encoder level (decoder levels have one more).
        attention_heads: heads of every multi-view attention layer.
        norm_num_groups: groups of every GroupNorm (LGM: 32; must divide every width).
        skip_scale: factor on every residual sum (LGM: sqrt(0.5), keeps activations' variance).
        cam_radius: distance of the first input camera from the origin in the canonical frame
            (LGM: 1.5, which makes objects of the training renders fill about [-1, 1]^3).
        num_input_views: default number of input views K (any K >= 1 works at run time; the
            3D-aware sampler uses it to pick evenly spaced views).
        pixel_aligned: tie each Gaussian to its splat-map pixel: its position is the point of the
            pixel's ray at the depth of the scene centre plus a bounded offset (±1/2 of
            ``cam_radius`` per axis), and its colour is the pixel's colour moved by the network's
            output, so an untrained model already re-renders its input views. False (LGM):
            absolute positions in [-1, 1]^3 and colours from the network alone.
        rotation_normalization: ``"per_gaussian"`` (each quaternion normalised) or
            ``"over_gaussians"`` (the reference's ``F.normalize`` over dim 1: every quaternion
            component normalised over the sample's Gaussians, and the covariance built from the
            unnormalised quaternion, as its CUDA rasterizer does; the Gaussians returned carry
            that exact covariance as a rotation and scales). ``params`` keep the raw quaternions.
    """

    config_name = "config.json"

    @register_to_config
    def __init__(
        self,
        input_size: int = 256,
        down_channels: Sequence[int] = (64, 128, 256, 512, 1024, 1024),
        down_attention: Sequence[bool] = (False, False, False, True, True, True),
        mid_attention: bool = True,
        up_channels: Sequence[int] = (1024, 1024, 512, 256, 128),
        up_attention: Sequence[bool] = (True, True, True, False, False),
        layers_per_block: int = 2,
        attention_heads: int = 16,
        norm_num_groups: int = 32,
        skip_scale: float = math.sqrt(0.5),
        cam_radius: float = 1.5,
        num_input_views: int = 4,
        pixel_aligned: bool = False,
        rotation_normalization: str = "per_gaussian",
    ) -> None:
        super().__init__()
        if rotation_normalization not in ROTATION_NORMALIZATIONS:
            raise ValueError(
                f"rotation_normalization must be one of {', '.join(ROTATION_NORMALIZATIONS)}, "
                f"got {rotation_normalization!r}"
            )
        if len(down_attention) != len(down_channels) or len(up_attention) != len(up_channels):
            raise ValueError("down_attention / up_attention need one entry per level of down_channels / up_channels")
        if not 1 <= len(up_channels) <= len(down_channels):
            raise ValueError("up_channels needs between 1 and len(down_channels) levels")
        factor = 2 ** (len(down_channels) - len(up_channels))
        if input_size % (2 ** (len(down_channels) - 1)) or input_size % factor:
            raise ValueError(f"input_size {input_size} must be divisible by {2 ** (len(down_channels) - 1)}")
        if num_input_views < 1:
            raise ValueError(f"num_input_views must be >= 1, got {num_input_views}")
        self.unet = MultiViewUNet(
            9,
            NUM_GAUSSIAN_CHANNELS,
            tuple(down_channels),
            tuple(down_attention),
            mid_attention,
            tuple(up_channels),
            tuple(up_attention),
            layers_per_block,
            attention_heads,
            norm_num_groups,
            skip_scale,
        )
        # LGM's extra 1x1 conv after the U-Net; kept so its weights load.
        self.conv = nn.Conv2d(NUM_GAUSSIAN_CHANNELS, NUM_GAUSSIAN_CHANNELS, kernel_size=1)
        self.register_buffer("_mean", torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1), persistent=False)
        self.register_buffer("_std", torch.tensor(IMAGENET_STD).view(1, 3, 1, 1), persistent=False)

    @classmethod
    def from_preset(cls, name: str, **overrides: Any) -> GaussianReconstructor:
        """A randomly initialised model of the named preset (``tiny``, ``big``), fields overridable."""
        if name not in RECONSTRUCTOR_PRESETS:
            raise ValueError(f"unknown reconstructor preset {name!r}; use one of {sorted(RECONSTRUCTOR_PRESETS)}")
        return cls(**{**RECONSTRUCTOR_PRESETS[name], **overrides})

    @property
    def _unnormalized_rotation(self) -> bool:
        return self.config.rotation_normalization == "over_gaussians"

    @property
    def splat_size(self) -> int:
        """Side of each view's splat map (Gaussians per view = ``splat_size ** 2``)."""
        cfg = self.config
        return cfg.input_size * 2 ** (len(cfg.up_channels) - 1) // 2 ** (len(cfg.down_channels) - 1)

    # --- inputs -----------------------------------------------------------------------------

    @staticmethod
    def _per_sample_cameras(cameras: Cameras | Sequence[Cameras], b: int, k: int) -> list[Cameras]:
        per_sample = [cameras] * b if isinstance(cameras, Cameras) else list(cameras)
        if len(per_sample) != b or any(len(c) != k for c in per_sample):
            raise ValueError(f"need {k} input cameras for each of the {b} samples")
        return per_sample

    def _canonical_cameras(self, cameras: Cameras) -> tuple[torch.Tensor, torch.Tensor]:
        """``(K, 4, 4)`` OpenCV poses of ``cameras`` in the canonical frame, and the world-to-canonical similarity."""
        # Canonical pose in OpenGL camera axes ("blender" shares them with a z-up world; the
        # world's up axis is irrelevant once view 0 defines the frame).
        poses, transform = normalize_poses(cameras.c2w, 0, self.config.cam_radius, convention="blender")
        return convert_pose(poses, "blender", "opencv"), transform

    def prepare_inputs(
        self, images: torch.Tensor, cameras: Cameras | Sequence[Cameras]
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Builds the 9-channel network input and the canonical-frame transforms.

        Args:
            images: ``(B, K, 3, H, W)`` (or ``(K, 3, H, W)``) RGB in [0, 1].
            cameras: the K input cameras, shared by the batch, or one ``Cameras`` per sample.

        Returns:
            ``(inputs, transforms)``: ``(B, K, 9, S, S)`` network input (``S = input_size``)
            and ``(B, 4, 4)`` world-to-canonical similarities.
        """
        images = self._check_images(images)
        b, k = images.shape[:2]
        size = self.config.input_size
        rays, transforms = [], []
        for cams in self._per_sample_cameras(cameras, b, k):
            c2w, transform = self._canonical_cameras(cams)
            intrinsics = scale_intrinsics(cams.intrinsics, (cams.width, cams.height), (size, size))
            rays.append(plucker_rays(c2w, intrinsics, size, size))
            transforms.append(transform)
        plucker = torch.stack(rays).to(device=images.device, dtype=images.dtype)
        flat = (self._resize(images, size) - self._mean.to(images)) / self._std.to(images)
        inputs = torch.cat([flat, plucker], dim=2)
        return inputs, torch.stack(transforms).to(images.device)

    @staticmethod
    def _check_images(images: torch.Tensor) -> torch.Tensor:
        if images.dim() == 4:
            images = images.unsqueeze(0)
        if images.dim() != 5 or images.shape[2] != 3:
            raise ValueError(f"images must be (B, K, 3, H, W), got {tuple(images.shape)}")
        return images

    @staticmethod
    def _resize(images: torch.Tensor, size: int) -> torch.Tensor:
        """``(B, K, 3, H, W)`` views resized to ``size`` x ``size``."""
        b, k = images.shape[:2]
        flat = images.reshape(b * k, 3, *images.shape[-2:])
        if flat.shape[-2:] != (size, size):
            shrink = flat.shape[-1] > size
            # Antialias when shrinking so decoded 512px views do not alias at 256px.
            flat = F.interpolate(flat, size=(size, size), mode="bilinear", align_corners=False, antialias=shrink)
        return flat.reshape(b, k, 3, size, size)

    def pixel_anchors(
        self, images: torch.Tensor, cameras: Cameras | Sequence[Cameras]
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Where pixel-aligned Gaussians start: ``(B, K, 3, s, s)`` points and colours of the splat-map pixels.

        The point of each pixel is on its ray, as far from the camera as the canonical frame's
        centre (``cam_radius``); its colour is the input view's, averaged to the splat-map size.
        """
        images = self._check_images(images)
        b, k = images.shape[:2]
        s = self.splat_size
        points = []
        for cams in self._per_sample_cameras(cameras, b, k):
            c2w, _ = self._canonical_cameras(cams)
            intrinsics = scale_intrinsics(cams.intrinsics, (cams.width, cams.height), (s, s))
            origins, directions = world_rays(c2w, intrinsics, s, s)
            points.append((origins + self.config.cam_radius * directions).permute(0, 3, 1, 2))
        points = torch.stack(points).to(device=images.device, dtype=images.dtype)
        return points, self._resize(images, s)

    # --- network ----------------------------------------------------------------------------

    def forward_maps(self, inputs: torch.Tensor) -> torch.Tensor:
        """Raw (pre-activation) 14-channel splat maps ``(B, K, 14, s, s)`` from ``(B, K, 9, S, S)`` inputs."""
        b, k = inputs.shape[:2]
        x = self.unet(inputs.reshape(b * k, *inputs.shape[2:]).to(self.dtype), num_views=k)
        x = self.conv(x)
        return x.reshape(b, k, NUM_GAUSSIAN_CHANNELS, *x.shape[-2:])

    @staticmethod
    def activate(
        maps: torch.Tensor,
        pixel_points: torch.Tensor | None = None,
        pixel_colors: torch.Tensor | None = None,
        offset_range: float = 1.0,
        rotation_dim: int = -1,
    ) -> torch.Tensor:
        """LGM's activations on raw maps ``(B, K, 14, s, s)`` → ``(B, K * s * s, 14)`` parameters.

        Args:
            maps: the network's raw splat maps.
            pixel_points: ``(B, K, 3, s, s)`` anchor points of pixel-aligned Gaussians (see
                :meth:`pixel_anchors`); None: positions are absolute, clamped to [-1, 1]^3 (LGM).
            pixel_colors: ``(B, K, 3, s, s)`` starting colours in [0, 1] (pixel-aligned only).
            offset_range: pixel-aligned positions lie within this distance of their anchor, per axis.
            rotation_dim: the dimension of the ``(B, N, 4)`` rotations normalised: -1 each
                quaternion; 1 each component over the Gaussians (``rotation_normalization="over_gaussians"``).
        """

        def tokens(x: torch.Tensor) -> torch.Tensor:
            return x.permute(0, 1, 3, 4, 2).reshape(x.shape[0], -1, x.shape[2])

        x = tokens(maps)
        c = GAUSSIAN_CHANNELS
        raw_rgb = x[..., c["rgb"]]
        if pixel_points is None:
            position = x[..., c["position"]].clamp(-1.0, 1.0)
        else:
            position = tokens(pixel_points) + offset_range * torch.tanh(x[..., c["position"]])
            # 0.5 tanh(y) + 0.5 = c at y = atanh(2c - 1): a zero output keeps the pixel's colour.
            raw_rgb = raw_rgb + torch.atanh(2 * tokens(pixel_colors).clamp(_COLOR_MARGIN, 1 - _COLOR_MARGIN) - 1)
        return torch.cat(
            [
                position,
                torch.sigmoid(x[..., c["opacity"]]),
                (0.1 * F.softplus(x[..., c["scale"]])).clamp_min(_MIN_SCALE),
                F.normalize(x[..., c["rotation"]], dim=rotation_dim),
                0.5 * torch.tanh(raw_rgb) + 0.5,
            ],
            dim=-1,
        )

    @staticmethod
    def params_to_gaussians(
        params: torch.Tensor, transform: torch.Tensor | None = None, unnormalized_rotation: bool = False
    ) -> Gaussians:
        """``(N, 14)`` activated parameters (canonical frame) → :class:`Gaussians` in the world.

        Args:
            params: one sample's parameters, LGM layout.
            transform: the ``(4, 4)`` world-to-canonical similarity; None keeps the canonical frame.
            unnormalized_rotation: the quaternions are not unit ones and the covariance is
                ``M diag(s)² Mᵀ`` of the quaternion formula's matrix ``M`` (the reference's CUDA
                rasterizer); that covariance is kept, as a rotation and scales.
        """
        # At least float32 (the network may run in half precision); float64 stays, for parity checks.
        params = params.to(torch.promote_types(params.dtype, torch.float32))
        c = GAUSSIAN_CHANNELS
        rotation, scale = params[:, c["rotation"]], params[:, c["scale"]]
        if unnormalized_rotation:
            rotation, scale = covariance_factors(rotation, scale)
        gaussians = Gaussians.from_activated(
            params[:, c["position"]], rotation, scale, params[:, c["opacity"]], params[:, c["rgb"]]
        )
        if transform is None:
            return gaussians
        transform = transform.to(params)
        scale = float(transform[:3, :3].norm(dim=0).mean())
        rotation = transform[:3, :3] / scale
        # x_world = R^T (x_canonical - t) / s
        return gaussians.transform(rotation.T, -(rotation.T @ transform[:3, 3]) / scale, 1.0 / scale)

    def forward(
        self, images: torch.Tensor, cameras: Cameras | Sequence[Cameras], return_dict: bool = True
    ) -> ReconstructorOutput | tuple:
        """Reconstructs Gaussians from posed views.

        Args:
            images: ``(B, K, 3, H, W)`` (or ``(K, 3, H, W)``) RGB in [0, 1], any K >= 1. The
                first view defines the canonical frame.
            cameras: the K cameras (OpenCV convention) of the views, shared by the batch, or
                one ``Cameras`` per sample. Like LGM, the world is scaled about its origin to put
                the first camera ``cam_radius`` away, so the origin should be the object's centre
                (what orbit rigs look at).
            return_dict: return a :class:`ReconstructorOutput` (else a tuple of its fields).

        Returns:
            :class:`ReconstructorOutput` with B world-frame :class:`Gaussians`.
        """
        # Under a sampling autocast only the network runs in low precision: camera geometry,
        # activations and Gaussians stay float32 (the world transform checks its rotation to 1e-4).
        autocast = torch.is_autocast_enabled(images.device.type)
        full_precision = torch.autocast(images.device.type, enabled=False)
        with full_precision:
            inputs, transforms = self.prepare_inputs(images, cameras)
        maps = self.forward_maps(inputs)
        with full_precision:
            if autocast:
                maps = maps.float()
            if self.config.pixel_aligned:
                points, colors = self.pixel_anchors(images, cameras)
                offset_range = _PIXEL_OFFSET_RANGE * self.config.cam_radius
                params = self.activate(maps, points.to(maps), colors.to(maps), offset_range)
            else:
                params = self.activate(maps, rotation_dim=1 if self._unnormalized_rotation else -1)
            gaussians = [
                self.params_to_gaussians(p, t, self._unnormalized_rotation)
                for p, t in zip(params, transforms, strict=True)
            ]
        if not return_dict:
            return gaussians, params, transforms
        return ReconstructorOutput(gaussians=gaussians, params=params, transforms=transforms)

    @torch.no_grad()
    def reconstruct(self, images: torch.Tensor, cameras: Cameras) -> Gaussians:
        """Gaussians of one sample: ``images`` ``(K, 3, H, W)`` in [0, 1] seen by ``cameras`` (K)."""
        return self(images.unsqueeze(0), cameras).gaussians[0]
