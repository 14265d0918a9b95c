"""Camera parsing and EWA projection of 3D Gaussians to screen space (shared by all backends).

Conventions: camera-to-world matrices with OpenCV camera axes (x right, y down, z forward);
intrinsics ``(fx, fy, cx, cy)`` in pixels; pixel ``(i, j)`` (row, column) has its centre at
``(j + 0.5, i + 0.5)``, so ``cx = width / 2`` is the image centre (as in gsplat).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from .container import Gaussians, quat_to_matrix
from .sh import eval_sh

ALPHA_MIN = 1.0 / 255.0  # 3DGS: fragments with lower alpha are skipped
ALPHA_MAX = 0.99  # 3DGS: alpha cap, keeps 1 / (1 - alpha) bounded in the backward pass
T_MIN = 1e-4  # 3DGS: a pixel stops once its transmittance would drop below this
EPS2D = 0.3  # 3DGS: pixels^2 added to the 2D covariance (low-pass / minimum footprint)
# Floors for exp(power) and transmittance products. Below them float32 turns denormal, which
# x86 CPUs process ~20x slower; fragments there are far under the alpha cut / T_MIN anyway,
# so the floors never change an output or a gradient.
POWER_MIN = -80.0
TRANS_FLOOR = 1e-30


def unpack_cameras(cameras: Any, device=None, dtype=None) -> tuple[torch.Tensor, torch.Tensor]:
    """Returns ``(c2w (C, 4, 4), intrinsics (C, 4))`` from a cameras object or a pair.

    Args:
        cameras: an object with ``c2w`` and ``intrinsics`` attributes (e.g.
            ``videomv.cameras.Cameras``) or a tuple ``(c2w, intrinsics)``. ``c2w`` is
            ``(C, 4, 4)`` or ``(4, 4)``; ``intrinsics`` is ``(C, 4)`` / ``(4,)`` as
            ``(fx, fy, cx, cy)``, or ``(C, 3, 3)`` / ``(3, 3)`` pinhole matrices.
        device: device to move them to (default: unchanged).
        dtype: dtype to cast them to (default: unchanged).
    """
    if isinstance(cameras, (tuple, list)):
        if len(cameras) != 2:
            raise ValueError("cameras given as a tuple must be (c2w, intrinsics)")
        c2w, intrinsics = cameras
    else:
        c2w = getattr(cameras, "c2w", None)
        intrinsics = getattr(cameras, "intrinsics", None)
    if c2w is None:
        raise ValueError("cameras have no camera-to-world matrices (attribute 'c2w')")
    if intrinsics is None:
        raise ValueError("cameras have no intrinsics (attribute 'intrinsics': fx, fy, cx, cy)")
    c2w = torch.as_tensor(c2w, device=device, dtype=dtype)
    intrinsics = torch.as_tensor(intrinsics, device=device, dtype=dtype)
    if c2w.dim() == 2:
        c2w = c2w.unsqueeze(0)
    if intrinsics.shape[-2:] == (3, 3):
        k = intrinsics
        intrinsics = torch.stack([k[..., 0, 0], k[..., 1, 1], k[..., 0, 2], k[..., 1, 2]], -1)
    if intrinsics.dim() == 1:
        intrinsics = intrinsics.unsqueeze(0)
    if c2w.shape[1:] != (4, 4) or intrinsics.shape != (c2w.shape[0], 4):
        raise ValueError(
            f"cameras need c2w (C, 4, 4) and intrinsics (C, 4); got {tuple(c2w.shape)} and {tuple(intrinsics.shape)}"
        )
    if not (torch.isfinite(c2w).all() and torch.isfinite(intrinsics).all()):
        raise ValueError("cameras have non-finite poses or intrinsics")
    if (intrinsics[:, :2] <= 0).any():
        raise ValueError("camera focal lengths (fx, fy) must be > 0")
    return c2w, intrinsics


@dataclass
class Projected:
    """Per-camera screen-space Gaussians. All tensors are ``(C, N, ...)``.

    Attributes:
        means2d: ``(C, N, 2)`` pixel coordinates of the centres.
        conics: ``(C, N, 3)`` inverse 2D covariance ``(a, b, c)`` of ``[[a, b], [b, c]]``.
        depths: ``(C, N)`` camera-space z of the centres.
        opacities: ``(C, N)`` activated opacities.
        colors: ``(C, N, 3)`` view-dependent colours.
        extents: ``(C, N)`` float radius in pixels beyond which alpha < 1/255; 0 if culled.
    """

    means2d: torch.Tensor
    conics: torch.Tensor
    depths: torch.Tensor
    opacities: torch.Tensor
    colors: torch.Tensor
    extents: torch.Tensor

    @property
    def visible(self) -> torch.Tensor:
        return self.extents > 0

    @property
    def radii(self) -> torch.Tensor:
        """``(C, N)`` int32 radii in pixels (0 for culled Gaussians)."""
        return torch.ceil(self.extents).to(torch.int32)


def project(
    gaussians: Gaussians,
    c2w: torch.Tensor,
    intrinsics: torch.Tensor,
    width: int,
    height: int,
    near: float = 0.01,
    far: float = 1e10,
) -> Projected:
    """Projects Gaussians into C cameras (EWA splatting, as 3DGS), differentiably.

    A Gaussian is culled (``extents == 0``) when its centre is outside ``[near, far]`` in
    depth, when its opacity is below 1/255, or when its footprint misses the image.

    The footprint radius is opacity-aware: ``sqrt(2 ln(255 o) * lambda_max)``, the distance
    beyond which ``o * exp(-d^2 / (2 lambda_max)) < 1/255``. Every pixel where the Gaussian
    passes the 3DGS alpha cut lies inside it, so tile culling never changes the image and
    the tiled renderer equals the dense one; for opaque Gaussians it is ~3.3 sigma.
    """
    c2w = c2w.to(gaussians.means)
    rot_cw = c2w[:, :3, :3].transpose(1, 2)  # world-to-camera rotation (rigid inverse)
    t_cw = -(rot_cw @ c2w[:, :3, 3:4]).squeeze(-1)
    fx, fy, cx, cy = intrinsics.to(gaussians.means).unbind(-1)

    p_cam = torch.einsum("cij,nj->cni", rot_cw, gaussians.means) + t_cw[:, None]
    x, y, z = p_cam.unbind(-1)
    in_depth = (z >= near) & (z <= far)
    # Culled Gaussians still flow through the maths; a safe depth keeps their (unused)
    # gradients finite instead of inf * 0 = NaN.
    z_safe = torch.where(in_depth, z, torch.full_like(z, max(near, 1e-6)))

    # 3DGS clamps the Jacobian's x/z, y/z to 1.3x the half field of view, so Gaussians far
    # outside the image do not get huge, skewed footprints.
    lim_x = 1.3 * (0.5 * width / fx)[:, None]
    lim_y = 1.3 * (0.5 * height / fy)[:, None]
    tx = torch.clamp(x / z_safe, -lim_x, lim_x) * z_safe
    ty = torch.clamp(y / z_safe, -lim_y, lim_y) * z_safe
    zero = torch.zeros_like(z)
    fxc, fyc = fx[:, None].expand_as(z), fy[:, None].expand_as(z)
    jac = torch.stack(
        [
            fxc / z_safe, zero, -fxc * tx / z_safe**2,
            zero, fyc / z_safe, -fyc * ty / z_safe**2,
        ],
        dim=-1,
    ).reshape(*z.shape, 2, 3)  # fmt: skip

    rot = quat_to_matrix(gaussians.quats)
    m = rot * gaussians.scales[:, None, :]  # R S
    cov3d = m @ m.transpose(1, 2)
    t = jac @ rot_cw[:, None]  # (C, N, 2, 3)
    cov2d = t @ cov3d[None] @ t.transpose(-1, -2)
    a = cov2d[..., 0, 0] + EPS2D
    b = cov2d[..., 0, 1]
    c = cov2d[..., 1, 1] + EPS2D
    det = a * c - b * b
    det_ok = det > 0
    det_safe = torch.where(det_ok, det, torch.ones_like(det))
    conics = torch.stack([c / det_safe, -b / det_safe, a / det_safe], dim=-1)

    means2d = torch.stack([fx[:, None] * x / z_safe + cx[:, None], fy[:, None] * y / z_safe + cy[:, None]], -1)
    opacities = gaussians.opacities.expand_as(z)

    with torch.no_grad():
        mid = 0.5 * (a + c)
        lam_max = mid + torch.sqrt(torch.clamp_min(mid * mid - det, 0.0))
        log_ratio = torch.log(torch.clamp_min(opacities * 255.0, 1.0))
        extents = torch.sqrt(2.0 * log_ratio * lam_max)
        mx, my = means2d.unbind(-1)
        on_screen = (mx + extents > 0) & (mx - extents < width) & (my + extents > 0)
        on_screen &= my - extents < height
        keep = in_depth & det_ok & (log_ratio > 0) & on_screen & torch.isfinite(extents)
        extents = torch.where(keep, extents, torch.zeros_like(extents))

    if gaussians.sh.shape[1] == 1:
        colors = eval_sh(gaussians.sh, gaussians.means).expand(*z.shape, 3)
    else:
        cam_centres = c2w[:, None, :3, 3]
        colors = eval_sh(gaussians.sh[None], gaussians.means[None] - cam_centres)
    return Projected(means2d, conics, z, opacities, colors, extents)
