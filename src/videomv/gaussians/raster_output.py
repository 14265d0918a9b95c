"""What every rasterizer backend returns: :class:`RasterOutput`.

A module of its own, below :mod:`.rasterize` and the backends, so that the backends (such as
:mod:`._gsplat`) build it without importing the dispatcher that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass
class RasterOutput:
    """What :func:`~videomv.gaussians.rasterize` returns, batched over C cameras.

    Attributes:
        rgb: ``(C, 3, H, W)`` colour, composited over ``background``.
        alpha: ``(C, 1, H, W)`` accumulated opacity.
        depth: ``(C, 1, H, W)`` expected depth, ``sum(w_i z_i) / alpha`` (0 where alpha = 0).
        radii: ``(C, N)`` int32 screen radii in pixels, 0 for culled Gaussians.
        num_visible: ``(C,)`` number of Gaussians not culled per camera.
        means2d: ``(C, N, 2)`` projected centres, part of the graph: call ``retain_grad()``
            on it before ``backward()`` to get the screen-space gradients densification uses
            (``None`` for the gsplat backend, which exposes its own in ``meta``).
        meta: backend-specific extras.
    """

    rgb: torch.Tensor
    alpha: torch.Tensor
    depth: torch.Tensor
    radii: torch.Tensor
    num_visible: torch.Tensor
    means2d: torch.Tensor | None = None
    meta: dict | None = None
