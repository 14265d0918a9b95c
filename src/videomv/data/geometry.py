"""Do a sample's cameras fit its images? The geometry check of ``videomv data validate``.

A pose read in the wrong axes (a Blender pose taken for an OpenCV one) or one wrong camera gives
a sample that passes every format check and silently teaches or scores nonsense. Two tests catch
such errors from the images alone, in well under a second (a coarse voxel grid, small silhouettes):

1. **Centre**: samples are object-centred (their angles are about the world origin, renders and
   converted datasets put the object there), so the origin must be in front of every camera and
   inside its image.
2. **Silhouettes**: the alpha masks must agree with one visual hull. A voxel grid around the
   origin is carved by every view's silhouette (a voxel stays while it falls inside the
   silhouettes of all but an eighth of the views that see it, so one wrong view cannot carve the
   object away); the hull is then reprojected into each view by marching the pixels' rays
   through it and compared with that view's silhouette (intersection over union).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import torch
import torch.nn.functional as F

from ..cameras import Cameras, world_rays
from .format import MultiViewFormatError, MultiViewSample

GRID = 48  # voxels per side of the carved cube
CHECK_SIZE = 64  # silhouettes are compared at most this many pixels a side
MIN_IOU = 0.5  # good samples score above 0.8; a camera that does not fit scores near 0
FOREGROUND = 0.5  # alpha above which a pixel is the object
# A voxel survives carving while at most this share of the views that see it put it outside.
MISS_SHARE = 1 / 8
_NAMES_SHOWN = 6


def centre_outside(cameras: Cameras) -> list[int]:
    """Indices of the views whose image does not show the world origin (behind or out of frame)."""
    uv, depth = cameras.project(torch.zeros(1, 3, dtype=cameras.c2w.dtype))
    u, v, z = uv[:, 0, 0], uv[:, 0, 1], depth[:, 0]
    inside = (z > 0) & (u >= 0) & (u <= cameras.width) & (v >= 0) & (v <= cameras.height)
    return (~inside).nonzero().flatten().tolist()


def _small_silhouettes(cameras: Cameras, alpha: torch.Tensor, size: int) -> tuple[Cameras, torch.Tensor]:
    """Cameras and ``(F, 1, h, w)`` alpha shrunk so the longer side is at most ``size``."""
    height, width = alpha.shape[-2:]
    scale = min(1.0, size / max(height, width))
    small = (max(1, round(height * scale)), max(1, round(width * scale)))
    if small != (height, width):
        alpha = F.interpolate(alpha, size=small, mode="area")
        cameras = cameras.resized(small[1], small[0])
    return cameras, alpha


def _carve(cameras: Cameras, alpha: torch.Tensor, half: float, grid: int) -> torch.Tensor:
    """``(G, G, G)`` occupancy (indexed z, y, x) of the cube ``[-half, half]^3`` after carving."""
    axis = (torch.arange(grid, dtype=torch.float32) + 0.5) / grid * 2 * half - half
    z, y, x = torch.meshgrid(axis, axis, axis, indexing="ij")
    points = torch.stack([x, y, z], -1).reshape(-1, 3)
    uv, depth = cameras.project(points)
    height, width = alpha.shape[-2:]
    seen = (depth > 1e-6) & (uv[..., 0] >= 0) & (uv[..., 0] <= width) & (uv[..., 1] >= 0) & (uv[..., 1] <= height)
    scale = torch.tensor([2.0 / width, 2.0 / height])
    sampled = F.grid_sample(alpha, (uv * scale - 1.0)[:, None], mode="bilinear", align_corners=False)
    inside = sampled[:, 0, 0] > FOREGROUND
    misses = (seen & ~inside).sum(0)
    seen_by = seen.sum(0)
    keep = (seen_by > 0) & (misses <= torch.floor(seen_by * MISS_SHARE))
    return keep.float().reshape(grid, grid, grid)


def _reproject(cameras: Cameras, occupancy: torch.Tensor, half: float) -> torch.Tensor:
    """``(F, h, w)`` masks of the pixels whose rays pass through an occupied voxel."""
    grid = occupancy.shape[0]
    reach = half * math.sqrt(3.0)  # the cube lies within this distance of the origin
    steps = math.ceil(2 * reach / (2 * half / grid) * 1.2)  # a little more than one sample per voxel
    origins, dirs = world_rays(cameras.c2w, cameras.intrinsics, cameras.height, cameras.width)
    volume = occupancy[None, None]
    masks = []
    for origin, direction in zip(origins, dirs, strict=True):
        distance = float(origin[0, 0].norm())
        t = torch.linspace(max(distance - reach, 0.0), distance + reach, steps)
        points = origin[..., None, :] + direction[..., None, :] * t[:, None]  # (h, w, T, 3)
        sampled = F.grid_sample(volume, (points / half)[None], mode="nearest", align_corners=False)
        masks.append(sampled[0, 0].amax(-1) > 0.5)
    return torch.stack(masks)


def hull_iou(cameras: Cameras, alpha: torch.Tensor, grid: int = GRID, size: int = CHECK_SIZE) -> torch.Tensor:
    """Per view, the intersection over union of its silhouette and the reprojected visual hull.

    Args:
        cameras: the views' cameras (OpenCV axes).
        alpha: ``(F, 1, H, W)`` alpha in [0, 1].
        grid: voxels per side of the carved cube (centred on the origin, as wide as the views
            see at the origin's distance).
        size: silhouettes are shrunk to at most this many pixels a side.

    Returns:
        ``(F,)`` IoU in [0, 1]; NaN for views without background (all object: nothing to compare).
    """
    cameras, alpha = _small_silhouettes(cameras, alpha.float(), size)
    # The cube spans what the widest view sees at the origin's distance.
    fx, fy = cameras.intrinsics[:, 0], cameras.intrinsics[:, 1]
    half_image = torch.maximum(0.5 * cameras.width / fx, 0.5 * cameras.height / fy)
    half = float((cameras.centers.norm(dim=-1) * half_image).max())
    occupancy = _carve(cameras, alpha, half, grid)
    hull = _reproject(cameras, occupancy, half)
    silhouette = alpha[:, 0] > FOREGROUND
    union = (hull | silhouette).sum((1, 2)).float()
    iou = torch.where(union > 0, (hull & silhouette).sum((1, 2)) / union.clamp_min(1), torch.ones_like(union))
    return torch.where(silhouette.flatten(1).all(1), torch.full_like(iou, float("nan")), iou)


def _list_views(names: Sequence[str], indices: Sequence[int], values: Sequence[float] | None = None) -> str:
    shown = [
        names[i] if values is None else f"{names[i]} ({values[k]:.2f})" for k, i in enumerate(indices[:_NAMES_SHOWN])
    ]
    more = f" and {len(indices) - _NAMES_SHOWN} more" if len(indices) > _NAMES_SHOWN else ""
    return ", ".join(shown) + more


def check_geometry(
    sample: MultiViewSample, source: str | Path, names: Sequence[str] | None = None, min_iou: float = MIN_IOU
) -> None:
    """Raises a :class:`MultiViewFormatError` naming the views whose cameras do not fit the images.

    Args:
        sample: the sample (cameras in OpenCV axes).
        source: what to name in the message (the sample's ``cameras.json``).
        names: the views' names (file names); default ``view 0``, ``view 1`` ...
        min_iou: the least silhouette-hull IoU a view must reach.
    """
    names = list(names) if names is not None else [f"view {i}" for i in range(len(sample))]
    outside = centre_outside(sample.cameras)
    if outside:
        raise MultiViewFormatError(
            f"{source}: the object's centre (the world origin) is behind or outside views {_list_views(names, outside)}"
            f" ({len(outside)} of {len(sample)}); are the poses in another camera convention?"
        )
    iou = hull_iou(sample.cameras, sample.rgba[:, 3:])
    bad = ((iou < min_iou) & ~iou.isnan()).nonzero().flatten().tolist()
    if bad:
        raise MultiViewFormatError(
            f"{source}: the silhouettes of views {_list_views(names, bad, [float(iou[i]) for i in bad])} disagree "
            f"with the visual hull of all views (IoU < {min_iou}); check those views' cameras"
        )
