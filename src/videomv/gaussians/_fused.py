"""Fused CPU compositing: binning, forward and backward as compiled loops (numba), in threads.

Why numba: the pure-torch tiled path (``_tiled``) makes ~15 full memory passes per block forward
and ~30 backward; a per-pixel loop makes one. numba compiles it at the first call (cached on
disk afterwards) from a pure wheel: users need no compiler, unlike a C++ extension or
``torch.compile`` on CPU (which calls a C++ compiler at run time). Its wheels add ~60 MB
(llvmlite); if it is missing or broken, :func:`fused_available` is False and ``rasterize`` uses
the tiled torch path, which stays the oracle for this one together with the dense reference.

Threads: the kernels release the GIL, and the tiles (sorted by splat count, dealt out in
interleaved slices so every slice gets a share of the busy ones) run on a pool of
``torch.get_num_threads()`` Python threads. There is no second OpenMP runtime.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import ModuleType

import numpy as np
import torch

_STATE: dict = {"kernels": None, "error": None, "pool": None, "pool_size": 0}
# Below this many (splat, tile) pairs a render runs on the calling thread: handing work to the
# pool costs ~50 us per slice, more than such a small render takes.
_MIN_PARALLEL_PAIRS = 2048
_SLICES_PER_THREAD = 4


def fused_available() -> bool:
    """True when the numba kernels import (numba installed and compatible with this numpy)."""
    return _kernels() is not None


def _kernels() -> ModuleType | None:
    if _STATE["kernels"] is None and _STATE["error"] is None:
        try:
            from . import _fused_kernels
        except ImportError as err:  # numba missing, or built for another numpy
            _STATE["error"] = err
        else:
            _STATE["kernels"] = _fused_kernels
    return _STATE["kernels"]


def choose_tile(width: int, height: int, num_cams: int, threads: int) -> int:
    """Tile side for a render: 32 px, or 16 px when 32 px tiles are too few to share among threads.

    The compositor only visits the pixels inside each splat's ellipse, so large tiles cost
    little extra work and mean fewer (splat, tile) pairs to bin and set up (measured at 16k
    Gaussians / 256²: 32 px tiles take 0.9x the CPU time of 16 px, 8 px ones 1.3x); small tiles
    balance better over threads.
    """
    tiles32 = math.ceil(width / 32) * math.ceil(height / 32) * num_cams
    return 32 if tiles32 >= 8 * threads else 16


@dataclass
class _Plan:
    """One render's binned splats, as numpy views shared by the forward and backward kernels."""

    means2d: np.ndarray
    conics: np.ndarray
    opacities: np.ndarray
    k: np.ndarray
    offsets: np.ndarray
    splat_ids: np.ndarray
    busy: np.ndarray  # tiles with at least one splat, most splats first
    width: int
    height: int
    tile: int

    def geometry(self) -> tuple:
        return self.offsets, self.splat_ids, self.means2d, self.conics, self.opacities, self.k

    def run(self, kernel, features: np.ndarray, *arrays: np.ndarray) -> None:
        """Runs ``kernel(tiles, <geometry>, features, width, height, tile, *arrays)`` over the busy
        tiles, on the thread pool when worth it (tiles write disjoint parts of ``arrays``)."""
        threads = torch.get_num_threads()
        common = (*self.geometry(), features, self.width, self.height, self.tile, *arrays)
        if threads <= 1 or self.splat_ids.size < _MIN_PARALLEL_PAIRS:
            kernel(self.busy, *common)
            return
        parts = min(self.busy.size, threads * _SLICES_PER_THREAD)
        pool = _pool(threads)
        futures = [pool.submit(kernel, np.ascontiguousarray(self.busy[i::parts]), *common) for i in range(parts)]
        for future in futures:
            future.result()


def _pool(threads: int) -> ThreadPoolExecutor:
    """The worker pool for ``threads``; a replaced pool is not shut down (another thread may still
    be rendering with it): its workers end once it is garbage-collected."""
    if _STATE["pool_size"] != threads:
        _STATE["pool"] = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="videomv-raster")
        _STATE["pool_size"] = threads
    return _STATE["pool"]


def _numpy(t: torch.Tensor) -> np.ndarray:
    return t.detach().contiguous().numpy()


def plan_render(means2d, conics, opacities, extents, depths, width: int, height: int, tile: int | None) -> _Plan:
    """Bins ``(C, N, ...)`` projected splats into tiles, front to back."""
    kern = _kernels()
    num_cams = extents.shape[0]
    tile = tile or choose_tile(width, height, num_cams, torch.get_num_threads())
    m2, co, op = _numpy(means2d.reshape(-1, 2)), _numpy(conics.reshape(-1, 3)), _numpy(opacities.reshape(-1))
    k = kern.cut_levels(co, op, _numpy(extents.reshape(-1) > 0))
    order = _numpy(torch.argsort(depths.detach(), dim=1, stable=True))
    offsets, splat_ids = kern.bin_splats(m2, co, k, order, width, height, tile)
    counts = np.diff(offsets)
    busy = np.nonzero(counts)[0]
    busy = busy[np.argsort(-counts[busy], kind="stable")]
    return _Plan(m2, co, op, k, offsets, splat_ids, busy, width, height, tile)


class _FusedComposite(torch.autograd.Function):
    @staticmethod
    def forward(ctx, means2d, conics, opacities, features, plan: _Plan, num_cams: int):
        feats = _numpy(features)
        nf = feats.shape[1]
        out = np.zeros((num_cams, nf + 1, plan.height, plan.width), dtype=feats.dtype)
        t_final = np.ones((num_cams, plan.height, plan.width))
        stop = np.zeros((num_cams, plan.height, plan.width), dtype=np.int64)
        plan.run(_kernels().forward_tiles, feats, out, t_final, stop)
        ctx.save_for_backward(features)
        ctx.plan, ctx.t_final, ctx.stop = plan, t_final, stop
        image = torch.from_numpy(out)
        return image[:, :nf], image[:, nf:]

    @staticmethod
    def backward(ctx, grad_feats, grad_alpha):
        (features,) = ctx.saved_tensors
        plan = ctx.plan
        feats = _numpy(features)
        nf = feats.shape[1]
        grad = _numpy(torch.cat([grad_feats, grad_alpha], dim=1).to(features.dtype))
        kern = _kernels()
        pair_grads = np.zeros((plan.splat_ids.size, 6 + nf), dtype=feats.dtype)
        plan.run(kern.backward_tiles, feats, grad, ctx.t_final, ctx.stop, pair_grads)
        total = np.zeros((feats.shape[0], 6 + nf))
        kern.reduce_pairs(plan.splat_ids, pair_grads, total)
        total = torch.from_numpy(total).to(features.dtype)
        return total[:, 0:2], total[:, 2:5], total[:, 5], total[:, 6:], None, None


def composite_fused(
    means2d: torch.Tensor,
    conics: torch.Tensor,
    opacities: torch.Tensor,
    features: torch.Tensor,
    extents: torch.Tensor,
    depths: torch.Tensor,
    background: torch.Tensor,
    width: int,
    height: int,
    tile: int | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Composites projected splats front to back with the numba kernels (CPU tensors only).

    Same contract as :func:`videomv.gaussians._tiled.composite_tiled`.

    Args:
        means2d, conics, opacities, features, extents, depths: ``(C, N, ...)`` projected
            splats (``features`` is ``(C, N, F)``: colour channels plus any extra ones).
        background: ``(C, F)`` added with the final transmittance.
        width, height: image size.
        tile: tile side in pixels (default: :func:`choose_tile`).

    Returns:
        ``features (C, F, H, W)`` and ``alpha (C, 1, H, W)``.
    """
    plan = plan_render(means2d, conics, opacities, extents, depths, width, height, tile)
    num_cams = extents.shape[0]
    feats, alpha = _FusedComposite.apply(
        means2d.reshape(-1, 2),
        conics.reshape(-1, 3),
        opacities.reshape(-1),
        features.reshape(-1, features.shape[-1]),
        plan,
        num_cams,
    )
    return feats + (1.0 - alpha) * background[:, :, None, None], alpha
