"""Shared pieces of the mesh and edit tests: a Gaussian sphere fixture."""

from __future__ import annotations

import torch

from videomv.gaussians import Gaussians


def sphere_gaussians(n: int = 3000, radius: float = 0.4, scale: float = 0.03, seed: int = 0) -> Gaussians:
    """Opaque Gaussians on a sphere's surface, coloured by position (a smooth colour field)."""
    gen = torch.Generator().manual_seed(seed)
    d = torch.nn.functional.normalize(torch.randn(n, 3, generator=gen), dim=1)
    return Gaussians.from_activated(
        d * radius, torch.randn(n, 4, generator=gen), torch.full((n, 3), scale), torch.full((n,), 0.9), 0.5 + 0.4 * d
    )
