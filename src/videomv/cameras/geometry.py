"""Building camera poses and intrinsics: look-at, spherical coordinates, field of view.

Every function here returns poses in the internal OpenCV convention (see ``conventions``):
camera-to-world 4x4 float32 matrices, x right, y down, z forward, world z up.

Spherical coordinates: a camera at azimuth ``a`` and elevation ``e`` (degrees) at distance
``r`` from the target sits at ``target + r * (cos e cos a, cos e sin a, sin e)``. Azimuth turns
counter-clockwise seen from above (right-handed about +z); elevation is positive above the
horizon.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

ArrayLike = torch.Tensor | Sequence[float] | float


def _as_tensor(x: ArrayLike) -> torch.Tensor:
    return x.to(torch.float32) if torch.is_tensor(x) else torch.tensor(x, dtype=torch.float32)


def look_at(
    eye: ArrayLike,
    target: ArrayLike = (0.0, 0.0, 0.0),
    up: ArrayLike = (0.0, 0.0, 1.0),
) -> torch.Tensor:
    """Camera-to-world matrices of cameras at ``eye`` looking at ``target``.

    Args:
        eye: ``(..., 3)`` camera centres.
        target: ``(..., 3)`` points looked at (broadcast against ``eye``).
        up: world up direction; the image's "up" (-y in OpenCV) is as close to it as possible.
            When the viewing direction is parallel to ``up`` a fixed fallback (+y, or +x)
            keeps the pose well defined, as for a camera straight above the object.

    Returns:
        ``(..., 4, 4)`` OpenCV camera-to-world matrices.
    """
    eye, target, up = _as_tensor(eye), _as_tensor(target), _as_tensor(up)
    eye, target = torch.broadcast_tensors(eye, target)
    forward = target - eye
    norm = forward.norm(dim=-1, keepdim=True)
    if (norm < 1e-8).any():
        raise ValueError("look_at: a camera sits on its target; move the eye away from the target")
    forward = forward / norm
    up = up.expand_as(forward)
    right = torch.linalg.cross(forward, up, dim=-1)
    degenerate = right.norm(dim=-1, keepdim=True) < 1e-6
    if degenerate.any():
        # Looking straight along the up axis: any horizontal "up" works, pick one that isn't
        # parallel to the view direction.
        alt = torch.where(
            forward[..., 1:2].abs() < 0.9,
            torch.tensor([0.0, 1.0, 0.0]).expand_as(forward),
            torch.tensor([1.0, 0.0, 0.0]).expand_as(forward),
        )
        right = torch.where(degenerate, torch.linalg.cross(forward, alt, dim=-1), right)
    right = right / right.norm(dim=-1, keepdim=True)
    down = torch.linalg.cross(forward, right, dim=-1)
    c2w = torch.zeros((*forward.shape[:-1], 4, 4), dtype=torch.float32)
    c2w[..., :3, 0] = right
    c2w[..., :3, 1] = down
    c2w[..., :3, 2] = forward
    c2w[..., :3, 3] = eye
    c2w[..., 3, 3] = 1.0
    return c2w


def spherical_to_cartesian(azimuth: ArrayLike, elevation: ArrayLike, radius: ArrayLike) -> torch.Tensor:
    """Points at the given azimuths/elevations (degrees) and radii, ``(..., 3)``."""
    az, el, r = torch.broadcast_tensors(
        torch.deg2rad(_as_tensor(azimuth)), torch.deg2rad(_as_tensor(elevation)), _as_tensor(radius)
    )
    return torch.stack(
        [r * torch.cos(el) * torch.cos(az), r * torch.cos(el) * torch.sin(az), r * torch.sin(el)],
        dim=-1,
    )


def cartesian_to_spherical(points: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Azimuth in [0, 360), elevation in [-90, 90] (degrees) and radius of ``(..., 3)`` points."""
    radius = points.norm(dim=-1)
    azimuth = torch.rad2deg(torch.atan2(points[..., 1], points[..., 0])) % 360.0
    ratio = points[..., 2] / radius.clamp_min(1e-12)
    elevation = torch.rad2deg(torch.asin(ratio.clamp(-1.0, 1.0)))
    return azimuth, elevation, radius


def intrinsics_from_fov(fov_deg: float, width: int, height: int, axis: str = "vertical") -> torch.Tensor:
    """Pinhole intrinsics ``(fx, fy, cx, cy)`` in pixels for a field of view in degrees.

    Args:
        fov_deg: the field of view, in (0, 180).
        width: image width in pixels.
        height: image height in pixels.
        axis: ``"vertical"`` (default, as the reference's 39.6°) or ``"horizontal"``.
            Pixels are square, so the other axis follows from the aspect ratio.
    """
    if not 0.0 < fov_deg < 180.0:
        raise ValueError(f"field of view must be in (0, 180) degrees, got {fov_deg}")
    if width <= 0 or height <= 0:
        raise ValueError(f"image size must be positive, got {width}x{height}")
    if axis not in ("vertical", "horizontal"):
        raise ValueError(f"axis must be 'vertical' or 'horizontal', got {axis!r}")
    span = height if axis == "vertical" else width
    focal = 0.5 * span / math.tan(math.radians(fov_deg) / 2.0)
    return torch.tensor([focal, focal, width / 2.0, height / 2.0], dtype=torch.float32)


def fov_from_intrinsics(intrinsics: torch.Tensor, height: int) -> torch.Tensor:
    """Vertical field of view in degrees of ``(..., 4)`` intrinsics for images ``height`` tall."""
    return torch.rad2deg(2.0 * torch.atan(0.5 * height / intrinsics[..., 1]))


def intrinsics_matrix(intrinsics: torch.Tensor) -> torch.Tensor:
    """``(..., 3, 3)`` K matrices from ``(..., 4)`` ``(fx, fy, cx, cy)``."""
    fx, fy, cx, cy = intrinsics.unbind(-1)
    zero, one = torch.zeros_like(fx), torch.ones_like(fx)
    rows = [torch.stack([fx, zero, cx], -1), torch.stack([zero, fy, cy], -1), torch.stack([zero, zero, one], -1)]
    return torch.stack(rows, dim=-2)
