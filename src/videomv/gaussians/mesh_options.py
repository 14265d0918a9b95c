"""The settings of Gaussian-to-mesh extraction (no array code: the CLI reads their defaults)."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass
class MeshOptions:
    """Settings of :func:`gaussians_to_mesh`.

    Attributes:
        resolution: grid points along the longest side of the Gaussians' bounding box.
        level: density threshold of the surface (density is a sum of ``opacity * gaussian``, so 1
            is about one opaque Gaussian's centre).
        keep_fraction: pieces of the solid with fewer grid points than this fraction of the
            largest piece are dropped (0 keeps all).
        fill_cavities: fill closed cavities, so a hollow shell of Gaussians gives one surface.
        target_faces: decimate to about this many triangles (0: keep marching cubes' mesh).
        texture_size: side of the baked texture in pixels (0: vertex colours only).
        min_opacity: Gaussians fainter than this are left out.
    """

    resolution: int = 128
    level: float = 0.5
    keep_fraction: float = 0.05
    fill_cavities: bool = True
    target_faces: int = 20_000
    texture_size: int = 1024
    min_opacity: float = 0.02

    def check(self) -> MeshOptions:
        """Raises a one-line ValueError naming the first setting out of range."""
        if not 8 <= self.resolution <= 1024:
            raise ValueError(f"mesh resolution must be in 8..1024 grid points, got {self.resolution}")
        if not (math.isfinite(self.level) and self.level > 0):
            raise ValueError(f"mesh level must be a finite density > 0, got {self.level}")
        if not 0 <= self.keep_fraction <= 1:
            raise ValueError(f"keep_fraction must be in [0, 1], got {self.keep_fraction}")
        if self.target_faces != 0 and not 4 <= self.target_faces <= 10_000_000:
            raise ValueError(f"target faces must be 0 (no decimation) or in 4..10,000,000, got {self.target_faces}")
        if self.texture_size != 0 and not 16 <= self.texture_size <= 8192:
            raise ValueError(f"texture size must be 0 (vertex colours) or in 16..8192 pixels, got {self.texture_size}")
        if not 0 <= self.min_opacity < 1:
            raise ValueError(f"min_opacity must be in [0, 1), got {self.min_opacity}")
        return self
