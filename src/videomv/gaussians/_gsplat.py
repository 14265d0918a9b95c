"""CUDA backend through gsplat's public ``rasterization()`` (optional dependency).

gsplat itself is imported only when a render runs, so importing this module costs nothing.
"""

from __future__ import annotations

import importlib.util

import torch

from .container import Gaussians
from .raster_output import RasterOutput

_INSTALL_HINT = "pip install 'videomv[gsplat]'"


def gsplat_available() -> bool:
    """True when the ``gsplat`` package can be imported (checked without importing it)."""
    return importlib.util.find_spec("gsplat") is not None


def require_gsplat(device: torch.device) -> None:
    """Raises the one-line error that explains why gsplat cannot render on ``device``, if any."""
    if not gsplat_available():
        raise ImportError(f"backend='gsplat' needs the gsplat package: {_INSTALL_HINT}")
    if device.type != "cuda":
        raise ValueError(f"backend='gsplat' needs a CUDA device, got {device}; use backend 'torch'")


def rasterize_gsplat(
    gaussians: Gaussians,
    c2w: torch.Tensor,
    intrinsics: torch.Tensor,
    width: int,
    height: int,
    background: torch.Tensor,
    near: float,
    far: float,
) -> RasterOutput:
    """Renders with ``gsplat.rasterization`` in classic 3DGS mode."""
    try:
        from gsplat import rasterization
    except ImportError as err:
        raise ImportError(f"backend='gsplat' needs the gsplat package: {_INSTALL_HINT}") from err
    if gaussians.device.type != "cuda":
        raise ValueError("backend='gsplat' needs the Gaussians on a CUDA device")
    num_cams = c2w.shape[0]
    ks = torch.zeros(num_cams, 3, 3, device=c2w.device, dtype=c2w.dtype)
    ks[:, 0, 0], ks[:, 1, 1] = intrinsics[:, 0], intrinsics[:, 1]
    ks[:, 0, 2], ks[:, 1, 2] = intrinsics[:, 2], intrinsics[:, 3]
    ks[:, 2, 2] = 1.0
    colors, alphas, meta = rasterization(
        means=gaussians.means,
        quats=gaussians.quats,  # gsplat normalises them
        scales=gaussians.scales,
        opacities=gaussians.opacities,
        colors=gaussians.sh,
        viewmats=torch.linalg.inv(c2w),
        Ks=ks,
        width=width,
        height=height,
        near_plane=near,
        far_plane=far,
        eps2d=0.3,
        sh_degree=gaussians.sh_degree,
        packed=False,  # dense (C, N) meta, like the other backends
        render_mode="RGB+ED",
        rasterize_mode="classic",
    )
    alpha = alphas.permute(0, 3, 1, 2)
    # Background composited here rather than through gsplat's `backgrounds`, whose handling
    # of the extra depth channel has changed between releases.
    rgb = colors[..., :3].permute(0, 3, 1, 2) + (1.0 - alpha) * background[:, :, None, None]
    radii = meta["radii"]
    if radii.dim() == 3:  # gsplat >= 1.5 returns per-axis (C, N, 2) radii
        radii = radii.amax(-1)
    radii = radii.to(torch.int32)
    return RasterOutput(
        rgb=rgb,
        alpha=alpha,
        depth=colors[..., 3:4].permute(0, 3, 1, 2),
        radii=radii,
        num_visible=(radii > 0).sum(1),
        means2d=None,
        meta=meta,
    )
