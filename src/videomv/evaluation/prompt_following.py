"""Does a view show what a procedural prompt names? Colour and shape checks that need no weights.

Procedural captions (:mod:`videomv.data.procedural`) name colours from a fixed palette and
shapes from a fixed set ("a red torus", "a blue and white striped box on a green cone"), so
following them can be checked directly:

* **colour**: every foreground pixel (far enough from the white background) votes for its
  nearest palette colour; the prompt's colours should be the most voted ones;
* **shape** (one-shape prompts): the foreground silhouette is compared, view by view, with the
  silhouette of every procedural shape at typical proportions seen by the same camera (projected
  triangles, no renderer needed), after centring and scaling both to a common square; the named
  shape should match best.

Shading darkens colours and silhouettes of boxes and cylinders look alike from some angles, so
these are coarse checks of prompt following, not of quality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageDraw

from ..cameras import Cameras
from ..data.procedural import COLORS, SHAPES

# A pixel is foreground when some channel differs from the white background by more than this.
FOREGROUND_THRESHOLD = 0.1
# Silhouettes are compared on a square grid of this side after centring and scaling.
SILHOUETTE_GRID = 32
_PALETTE = torch.tensor(list(COLORS.values()), dtype=torch.float32) / 255.0
_PALETTE_NAMES = list(COLORS)
_SILHOUETTES: dict[tuple, torch.Tensor] = {}
_SILHOUETTE_CACHE_SIZE = 64


@dataclass
class PromptSpec:
    """What a procedural caption names: its colours (in order of mention) and shapes."""

    colors: list[str]
    shapes: list[str]


def parse_prompt(prompt: str) -> PromptSpec | None:
    """The palette colours and procedural shapes a prompt names; None if it names neither."""
    words = re.findall(r"[a-z]+", prompt.lower())
    colors = list(dict.fromkeys(w for w in words if w in COLORS))
    shapes = [w for w in words if w in SHAPES]
    return PromptSpec(colors, shapes) if colors or shapes else None


def foreground(views: torch.Tensor, background: float = 1.0) -> torch.Tensor:
    """``(F, H, W)`` boolean foreground of ``(F, 3, H, W)`` views on a uniform background."""
    return (views - background).abs().amax(dim=1) > FOREGROUND_THRESHOLD


def dominant_colors(views: torch.Tensor, mask: torch.Tensor) -> list[tuple[str, float]]:
    """Palette colours by their share of the foreground pixels, most frequent first.

    Args:
        views: ``(F, 3, H, W)`` in [0, 1].
        mask: ``(F, H, W)`` foreground.
    """
    pixels = views.permute(0, 2, 3, 1)[mask]
    if len(pixels) == 0:
        return []
    nearest = torch.cdist(pixels, _PALETTE).argmin(dim=1)
    counts = torch.bincount(nearest, minlength=len(_PALETTE)).float() / len(pixels)
    order = counts.argsort(descending=True)
    return [(_PALETTE_NAMES[i], round(float(counts[i]), 4)) for i in order if counts[i] > 0]


def color_match(named: list[str], dominant: list[tuple[str, float]]) -> float:
    """Share of the named colours found among the ``len(named)`` most frequent colours."""
    top = {name for name, _ in dominant[: len(named)]}
    return sum(name in top for name in named) / len(named)


class _TypicalProportions:
    """Stands in for numpy's random generator in the procedural shape builders: every draw is the
    middle of its range, so the shape gets its typical proportions."""

    def uniform(self, low: float, high: float, size: int | None = None) -> float | np.ndarray:
        middle = (low + high) / 2.0
        return middle if size is None else np.full(size, middle)


@cache
def _typical_mesh(shape: str) -> tuple[np.ndarray, np.ndarray]:
    """Vertices (normalised like the dataset renders: bbox centred, longest side 1) and faces."""
    from ..data.render import normalize_meshes

    mesh = normalize_meshes([SHAPES[shape](_TypicalProportions())])[0]
    return np.asarray(mesh.vertices, dtype=np.float32), np.asarray(mesh.faces)


def shape_silhouettes(shape: str, cameras: Cameras) -> torch.Tensor:
    """``(F, H, W)`` boolean silhouettes of a procedural ``shape`` seen by ``cameras``."""
    # Every method of an evaluation sees the same cameras of an object: draw its silhouettes once.
    key = (shape, cameras.c2w.numpy().tobytes(), cameras.intrinsics.numpy().tobytes(), cameras.width, cameras.height)
    if key not in _SILHOUETTES:
        if len(_SILHOUETTES) >= _SILHOUETTE_CACHE_SIZE:
            _SILHOUETTES.clear()
        _SILHOUETTES[key] = _draw_silhouettes(shape, cameras)
    return _SILHOUETTES[key]


def _draw_silhouettes(shape: str, cameras: Cameras) -> torch.Tensor:
    vertices, faces = _typical_mesh(shape)
    uv, depth = cameras.project(torch.from_numpy(vertices))
    masks = []
    for view_uv, view_depth in zip(uv.numpy(), depth.numpy(), strict=True):
        canvas = Image.new("1", (cameras.width, cameras.height), 0)
        draw = ImageDraw.Draw(canvas)
        for face in faces:
            if (view_depth[face] > 0).all():  # triangles behind the camera do not project
                draw.polygon([tuple(p) for p in view_uv[face]], fill=1)
        masks.append(torch.from_numpy(np.array(canvas, dtype=bool)))
    return torch.stack(masks)


def normalize_silhouette(mask: torch.Tensor, grid: int = SILHOUETTE_GRID) -> torch.Tensor | None:
    """``mask`` cropped to a square around its bounding box and resized to ``grid``; None if empty.

    Removes position and size, keeps the outline's proportions.
    """
    rows, cols = torch.nonzero(mask, as_tuple=True)
    if len(rows) == 0:
        return None
    top, bottom, left, right = int(rows.min()), int(rows.max()) + 1, int(cols.min()), int(cols.max()) + 1
    side = max(bottom - top, right - left)
    square = torch.zeros(side, side)
    row0, col0 = (side - (bottom - top)) // 2, (side - (right - left)) // 2
    square[row0 : row0 + bottom - top, col0 : col0 + right - left] = mask[top:bottom, left:right].float()
    return F.interpolate(square[None, None], size=(grid, grid), mode="area")[0, 0] > 0.5


def silhouette_iou(generated: torch.Tensor, reference: torch.Tensor) -> float | None:
    """IoU of two ``(H, W)`` masks after :func:`normalize_silhouette`; None when ``reference`` is empty."""
    ref = normalize_silhouette(reference)
    if ref is None:
        return None
    gen = normalize_silhouette(generated)
    if gen is None:
        return 0.0
    return float((gen & ref).sum() / (gen | ref).sum())


def check_prompt(views: torch.Tensor, cameras: Cameras, prompt: str, background: float = 1.0) -> dict | None:
    """Colour and (one-shape prompts) shape following of ``views`` for a procedural ``prompt``.

    Args:
        views: ``(F, 3, H, W)`` in [0, 1] on a uniform ``background``.
        cameras: their cameras (for the shape silhouettes).
        prompt: the caption.

    Returns:
        None when the prompt names no palette colour or shape, else ``{"named_colors",
        "dominant_colors", "color_match" (share of named colours found), "named_shape",
        "best_shape", "shape_match" (1.0 / 0.0), "silhouette_iou" (per view, with the named
        shape), "shape_iou" (mean IoU per candidate shape)}``; shape entries are None unless the
        prompt names exactly one shape.
    """
    spec = parse_prompt(prompt)
    if spec is None:
        return None
    mask = foreground(views, background)
    dominant = dominant_colors(views, mask)
    result: dict = {
        "named_colors": spec.colors,
        "dominant_colors": dominant[:4],
        "color_match": color_match(spec.colors, dominant) if spec.colors else None,
        "named_shape": None, "best_shape": None, "shape_match": None, "silhouette_iou": None, "shape_iou": None,
    }  # fmt: skip
    if len(spec.shapes) != 1:
        return result
    per_shape = {
        shape: [silhouette_iou(m, ref) for m, ref in zip(mask, shape_silhouettes(shape, cameras), strict=True)]
        for shape in SHAPES
    }
    means = {shape: _mean_defined(values) for shape, values in per_shape.items()}
    named = spec.shapes[0]
    best = max(means, key=means.get)
    result.update(
        named_shape=named, best_shape=best, shape_match=float(best == named), silhouette_iou=per_shape[named],
        shape_iou={shape: round(value, 4) for shape, value in means.items()},
    )  # fmt: skip
    return result


def _mean_defined(values: list[float | None]) -> float:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else 0.0
