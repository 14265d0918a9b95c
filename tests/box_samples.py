"""Geometrically true multi-view samples without a renderer: a box ray-cast in closed form.

The box is long and thin (so a view rolled by 90 degrees sees a clearly different silhouette)
and coloured by the face a ray hits. Used wherever a test needs views that fit their cameras:
the geometry check of ``videomv data validate`` and the readers of external layouts.
"""

from __future__ import annotations

import torch

from videomv.cameras import Cameras, orbit, world_rays
from videomv.data import MultiViewSample

HALF = (0.12, 0.2, 0.42)  # half-extents of the box along x, y, z (world z up)


def box_views(cameras: Cameras, half: tuple[float, float, float] = HALF) -> torch.Tensor:
    """``(F, 4, H, W)`` RGBA renders of an axis-aligned box centred at the origin."""
    origins, dirs = world_rays(cameras.c2w, cameras.intrinsics, cameras.height, cameras.width)
    extent = torch.tensor(half)
    safe = torch.where(dirs.abs() < 1e-9, torch.full_like(dirs, 1e-9), dirs)
    t1, t2 = (-extent - origins) / safe, (extent - origins) / safe
    near = torch.minimum(t1, t2).amax(-1)
    far = torch.maximum(t1, t2).amin(-1)
    hit = (far >= near) & (far > 0)
    face = torch.minimum(t1, t2).argmax(-1)  # the axis whose slab the ray enters last: the face hit
    colours = torch.tensor([[0.9, 0.3, 0.2], [0.2, 0.8, 0.3], [0.2, 0.4, 0.9]])
    rgb = colours[face] * hit[..., None]
    return torch.cat([rgb, hit[..., None].float()], -1).permute(0, 3, 1, 2).contiguous()


def box_sample(views: int = 8, size: int = 32, elevation: float = 20.0, radius: float = 1.7) -> MultiViewSample:
    """A box seen from ``views`` cameras on an orbit, as a sample."""
    cameras = orbit(views, elevation, radius, 39.6, size)
    return MultiViewSample(box_views(cameras), cameras, "a long box", {"source": "test"})
