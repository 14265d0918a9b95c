"""``rasterize``: render Gaussians into a batch of cameras with one of three backends."""

from __future__ import annotations

from typing import Any, Literal

import torch

from . import _gsplat
from ._tiled import composite_tiled
from .container import Gaussians
from .projection import (
    ALPHA_MAX,
    ALPHA_MIN,
    POWER_MIN,
    T_MIN,
    TRANS_FLOOR,
    Projected,
    project,
    unpack_cameras,
)
from .raster_output import RasterOutput

Backend = Literal["auto", "torch", "tiled", "gsplat", "reference"]
BACKENDS: tuple[str, ...] = ("auto", "torch", "tiled", "gsplat", "reference")


def select_backend(backend: str, device: torch.device) -> str:
    """Resolves ``backend`` ("auto" picks gsplat on CUDA when importable, else torch).

    Raises:
        ValueError: an unknown backend, or gsplat asked for on a device other than CUDA.
        ImportError: gsplat asked for but not installed (with the extra to install).
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown rasterizer backend {backend!r}; use one of {BACKENDS}")
    if backend == "gsplat":
        # Checked here, before any work, rather than at the first frame or fit step.
        _gsplat.require_gsplat(device)
    if backend != "auto":
        return backend
    if device.type == "cuda" and _gsplat.gsplat_available():
        return "gsplat"
    return "torch"


def rasterize(
    gaussians: Gaussians,
    cameras: Any,
    width: int,
    height: int,
    background: torch.Tensor | float | None = None,
    backend: Backend = "auto",
    near: float = 0.01,
    far: float = 1e10,
) -> RasterOutput:
    """Renders Gaussians into C cameras, differentiably (3DGS image formation).

    Every backend follows the 3DGS rules: EWA projection with a 0.3 px^2 dilation of the 2D
    covariance, near/far culling, fragments with alpha < 1/255 skipped, alpha capped at
    0.99, front-to-back compositing that stops where transmittance would fall below 1e-4.

    Args:
        gaussians: the Gaussians to render.
        cameras: an object with ``c2w`` ``(C, 4, 4)`` (camera-to-world, OpenCV axes: x right,
            y down, z forward) and ``intrinsics`` ``(C, 4)`` (fx, fy, cx, cy in pixels), such
            as ``videomv.cameras.Cameras``, or a tuple ``(c2w, intrinsics)``.
        width: image width in pixels.
        height: image height in pixels.
        background: colour behind the Gaussians: a float, ``(3,)`` or ``(C, 3)``; black if
            None.
        backend: "torch" (fused numba kernels on CPU tensors when numba imports, else
            "tiled"), "tiled" (pure-PyTorch tiles, any device), "gsplat" (CUDA, optional
            dependency), "reference" (dense, slow; for tests) or "auto" (gsplat on CUDA if
            installed, else torch).
        near: Gaussians whose centre is closer than this (camera z) are culled.
        far: Gaussians whose centre is farther than this are culled.

    Returns:
        A :class:`RasterOutput`.
    """
    if width <= 0 or height <= 0:
        raise ValueError(f"image size must be positive, got {width}x{height}")
    if near <= 0 or far <= near:
        raise ValueError(f"need 0 < near < far, got near={near}, far={far}")
    gaussians.validate()
    c2w, intrinsics = unpack_cameras(cameras, device=gaussians.device, dtype=gaussians.dtype)
    num_cams = c2w.shape[0]
    bg = _background(background, num_cams, gaussians)
    backend = select_backend(backend, gaussians.device)
    if backend == "gsplat":
        return _gsplat.rasterize_gsplat(gaussians, c2w, intrinsics, width, height, bg, near, far)

    proj = project(gaussians, c2w, intrinsics, width, height, near, far)
    if backend in ("torch", "tiled"):
        features = torch.cat([proj.colors, proj.depths[..., None]], dim=-1)
        bg_ext = torch.cat([bg, bg.new_zeros(num_cams, 1)], dim=1)
        composite = _fused_compositor() if backend == "torch" and gaussians.device.type == "cpu" else None
        feats, alpha = (composite or composite_tiled)(
            proj.means2d, proj.conics, proj.opacities, features, proj.extents,
            proj.depths, bg_ext, width, height,
        )  # fmt: skip
        rgb, depth_sum = feats[:, :3], feats[:, 3:]
    else:
        rgb, alpha, depth_sum = _composite_reference(proj, bg, width, height)
    # Normalised like gsplat's "ED" mode; the clamp keeps empty pixels at 0, not NaN.
    depth = depth_sum / alpha.clamp_min(1e-10)
    radii = proj.radii
    return RasterOutput(rgb, alpha, depth, radii, (radii > 0).sum(1), proj.means2d)


def _fused_compositor():
    """The numba compositor, or None where numba is missing (then the tiled torch path runs)."""
    from ._fused import composite_fused, fused_available

    return composite_fused if fused_available() else None


def _background(background, num_cams: int, gaussians: Gaussians) -> torch.Tensor:
    if background is None:
        background = 0.0
    bg = torch.as_tensor(background, device=gaussians.device, dtype=gaussians.dtype)
    if bg.dim() == 0:
        bg = bg.expand(3)
    if bg.dim() == 1:
        bg = bg.expand(num_cams, -1)
    if bg.shape != (num_cams, 3):
        raise ValueError(f"background must be a float, (3,) or ({num_cams}, 3); got {bg.shape}")
    return bg


def _composite_reference(proj: Projected, bg: torch.Tensor, width: int, height: int):
    """Dense compositing: every visible Gaussian against every pixel, plain autograd.

    Pixels go in chunks whose autograd graphs are rebuilt in the backward pass (see
    :class:`_DenseChunks`), so memory stays at one ``(N, chunk)`` block while the maths and
    its gradients stay the obvious autograd ones.
    """
    device, dtype = proj.means2d.device, proj.means2d.dtype
    ys, xs = torch.meshgrid(
        torch.arange(height, device=device, dtype=dtype) + 0.5,
        torch.arange(width, device=device, dtype=dtype) + 0.5,
        indexing="ij",
    )
    pix = torch.stack([xs.reshape(-1), ys.reshape(-1)], -1)
    rgbs, alphas, depths = [], [], []
    for cam in range(proj.means2d.shape[0]):
        vis = torch.nonzero(proj.visible[cam]).squeeze(1)
        vis = vis[torch.argsort(proj.depths[cam, vis], stable=True)]  # ties: index order
        args = (
            proj.means2d[cam, vis], proj.conics[cam, vis], proj.opacities[cam, vis],
            proj.colors[cam, vis], proj.depths[cam, vis],
        )  # fmt: skip
        step = max(1, (1 << 20) // max(1, vis.numel()))
        out = _DenseChunks.apply(pix, step, *args)  # (P, 5): rgb, alpha, depth
        rgb = out[:, :3] + (1.0 - out[:, 3:4]) * bg[cam]
        rgbs.append(rgb.T.reshape(3, height, width))
        alphas.append(out[:, 3].reshape(1, height, width))
        depths.append(out[:, 4].reshape(1, height, width))
    return torch.stack(rgbs), torch.stack(alphas), torch.stack(depths)


class _DenseChunks(torch.autograd.Function):
    """Manual activation checkpointing of :func:`_dense_pixels` over pixel chunks.

    ``torch.utils.checkpoint`` kept ~20 bytes per (Gaussian, pixel) pair alive here (24 GB at
    4k Gaussians x 512^2), so the chunks are recomputed and differentiated one at a time by
    hand.
    """

    @staticmethod
    def forward(ctx, pix, step, *args):
        ctx.save_for_backward(pix, *args)
        ctx.step = step
        return torch.cat([_dense_pixels(pix[i : i + step], *args) for i in range(0, pix.shape[0], step)])

    @staticmethod
    def backward(ctx, grad_out):
        pix, *args = ctx.saved_tensors
        grads = [torch.zeros_like(a) for a in args]
        for i in range(0, pix.shape[0], ctx.step):
            with torch.enable_grad():
                inputs = [a.detach().requires_grad_(True) for a in args]
                out = _dense_pixels(pix[i : i + ctx.step], *inputs)
                chunk_grads = torch.autograd.grad(out, inputs, grad_out[i : i + ctx.step])
            for total, g in zip(grads, chunk_grads, strict=True):
                total += g
        return None, None, *grads


def _dense_pixels(pix, means2d, conics, opacities, colors, depths):
    d = pix[None, :, :] - means2d[:, None, :]  # (N, P, 2)
    dx, dy = d[..., 0], d[..., 1]
    a, b, c = (conics[:, i : i + 1] for i in range(3))
    power = -0.5 * (a * dx * dx + c * dy * dy) - b * dx * dy
    raw = opacities[:, None] * torch.exp(power.clamp_min(POWER_MIN))
    alpha = torch.where(raw >= ALPHA_MIN, raw.clamp_max(ALPHA_MAX), 0.0)
    t_incl = torch.cumprod(1.0 - alpha, dim=0).clamp_min(TRANS_FLOOR)
    t_excl = torch.cat([torch.ones_like(t_incl[:1]), t_incl[:-1]], dim=0)
    weights = alpha * t_excl * (t_incl >= T_MIN)  # (N, P)
    feats = torch.cat([colors, torch.ones_like(depths)[:, None], depths[:, None]], dim=1)
    return weights.T @ feats
