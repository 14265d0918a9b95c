"""Meshes from Gaussians on a CPU: a density grid, marching cubes, clean-up, decimation and colour.

The steps of :func:`gaussians_to_mesh`:

1. **Density and colour grids.** Every Gaussian adds ``opacity * exp(-d^T Sigma^-1 d / 2)`` to
   the grid points within 3 standard deviations of its centre (a splat into the grid, cost
   proportional to each Gaussian's footprint, no rendering), and the same weight times its
   colour to a colour grid; ``colour / density`` is the locally blended colour.
2. **Solid.** Grid points above ``level`` are inside. Connected pieces smaller than
   ``keep_fraction`` of the largest are floaters and are dropped; closed cavities are filled, so
   a shell of Gaussians (their usual shape: on the surface, hollow inside) gives one surface.
3. **Marching cubes** (PyMCubes) on the padded field: a closed, consistently oriented surface.
4. **Decimation** to ``target_faces`` (fast-simplification's quadric decimation).
5. **Colour**: vertex colours, and with ``texture_size`` a UV atlas (xatlas) whose texels are
   coloured from the colour grid at their surface points, with seams padded outwards.

PyMCubes, xatlas, fast-simplification and scipy are imported when used; without them the error
names the extra to install (``pip install 'videomv[mesh]'``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from .container import Gaussians, quat_to_matrix
from .mesh_options import MeshOptions
from .mesh_raster import rasterize_triangles

MESH_EXTRA = "pip install 'videomv[mesh]'"
# Gaussians fainter than this add nothing visible (the rasterizers skip alpha < 1/255 too).
_MIN_OPACITY = 1.0 / 255.0
_CUTOFF_SIGMAS = 3.0
# A Gaussian reaches at most this many grid steps from its centre; wider ones (background or
# floaters, seldom the object) are cut there, which bounds the cost of one Gaussian.
_MAX_REACH = 24
_EVALS_PER_CHUNK = 4_000_000
# Texels padded outwards from each chart, so bilinear lookups and mip-maps at seams stay on colour.
_SEAM_PAD = 4


def _require(module: str, purpose: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(f"{purpose} needs the {module} package: {MESH_EXTRA}") from err


def require_mesh_libraries(options: MeshOptions, write: bool = False) -> None:
    """Imports what meshing with ``options`` needs (and, with ``write``, saving the file), before any work.

    Raises:
        ImportError: one line naming the missing package and the extra to install.
    """
    needed = [("mcubes", "meshing"), ("scipy.ndimage", "mesh clean-up")]
    if write:
        needed.append(("trimesh", "writing meshes"))
    if options.target_faces:
        needed.append(("fast_simplification", "decimation"))
    if options.texture_size:
        needed.append(("xatlas", "texture baking (UV unwrap)"))
    for module, purpose in needed:
        _require(module, purpose)


@dataclass
class TriangleMesh:
    """A triangle mesh with colour, in the Gaussians' world (z up).

    Attributes:
        vertices: ``(V, 3)`` float32 positions.
        faces: ``(F, 3)`` int64 vertex indices, counter-clockwise seen from outside.
        vertex_colors: ``(V, 3)`` float32 RGB in [0, 1].
        uvs: ``(V, 2)`` float32 texture coordinates (origin bottom-left), or None.
        texture: ``(T, T, 3)`` uint8 texture image (row 0 at the top, v = 1), or None.
        info: what the extraction did (counts, timings), for reports.
    """

    vertices: np.ndarray
    faces: np.ndarray
    vertex_colors: np.ndarray
    uvs: np.ndarray | None = None
    texture: np.ndarray | None = None
    info: dict[str, Any] = field(default_factory=dict)

    def face_normals(self) -> np.ndarray:
        """``(F, 3)`` unit normals (outwards for a mesh from :func:`gaussians_to_mesh`)."""
        tri = self.vertices[self.faces].astype(np.float64)
        normal = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
        return (normal / np.maximum(np.linalg.norm(normal, axis=1, keepdims=True), 1e-20)).astype(np.float32)

    def vertex_normals(self) -> np.ndarray:
        """``(V, 3)`` unit normals, the area-weighted mean of the faces around each vertex."""
        tri = self.vertices[self.faces].astype(np.float64)
        weighted = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
        normals = np.zeros((len(self.vertices), 3))
        for corner in range(3):
            np.add.at(normals, self.faces[:, corner], weighted)
        return (normals / np.maximum(np.linalg.norm(normals, axis=1, keepdims=True), 1e-20)).astype(np.float32)


@dataclass
class _Grid:
    """Grid points ``lower + index * step``, ``shape`` of them along x, y, z."""

    lower: torch.Tensor
    step: float
    shape: tuple[int, int, int]

    def world(self, index: np.ndarray) -> np.ndarray:
        return (self.lower.numpy().astype(np.float64) + index * self.step).astype(np.float32)


def _grid_for(gaussians: Gaussians, resolution: int) -> _Grid:
    """A grid around the Gaussians' 3-sigma boxes with ``resolution`` points on the longest side."""
    reach = _CUTOFF_SIGMAS * gaussians.scales.amax(dim=1, keepdim=True)
    # Quantiles, not min/max: one far floater must not shrink the object to a few grid steps.
    lo = torch.quantile(gaussians.means - reach, 0.001, dim=0) if len(gaussians) > 1000 else None
    hi = torch.quantile(gaussians.means + reach, 0.999, dim=0) if len(gaussians) > 1000 else None
    lo = (gaussians.means - reach).amin(0) if lo is None else lo
    hi = (gaussians.means + reach).amax(0) if hi is None else hi
    step = float((hi - lo).max()) / (resolution - 3)
    if not step > 0:
        raise ValueError("the Gaussians occupy no volume (all at one point); nothing to mesh")
    lower = lo - step  # a free layer on every side, so the surface closes inside the grid
    shape = tuple(math.ceil(float(hi[i] - lo[i]) / step) + 3 for i in range(3))
    return _Grid(lower.double(), step, shape)


def density_grids(
    gaussians: Gaussians, grid: _Grid, progress: Callable[[int], None] | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Splats the Gaussians into ``grid``: ``(density (X, Y, Z), colour-weighted density (X, Y, Z, 3))``.

    Each Gaussian adds ``opacity * exp(-m / 2)`` (``m`` its squared Mahalanobis distance, cut at
    3 sigmas) at the grid points around its centre; the colour grid gets that times its
    view-independent colour. Gaussians are handled in groups of equal reach (in grid steps), so
    one group shares one block of offsets.
    """
    g = gaussians.detach().to("cpu", torch.float32)
    # One buffer (colour-weighted r, g, b, then density), so each chunk is one scatter.
    grids = torch.zeros(math.prod(grid.shape), 4)
    reach = torch.ceil(_CUTOFF_SIGMAS * g.scales.amax(1) / grid.step).clamp(1, _MAX_REACH).long()
    centre = torch.round((g.means.double() - grid.lower) / grid.step).long()
    features = _quadratic_features(g, centre, grid)
    opacity, rgb1 = g.opacities, torch.cat([g.rgb.clamp(0, 1), torch.ones(len(g), 1)], 1)
    shape = torch.tensor(grid.shape)
    strides = torch.tensor([grid.shape[1] * grid.shape[2], grid.shape[2], 1])
    # Gaussians whose whole block of offsets lies in the grid (nearly all) skip the bounds check.
    whole = ((centre - reach[:, None] >= 0) & (centre + reach[:, None] < shape)).all(1)
    for r in torch.unique(reach).tolist():
        offsets = _ball_offsets(r)
        basis = _offset_basis(offsets)
        for edge in (False, True):
            ids = torch.nonzero((reach == r) & (whole != edge)).squeeze(1)
            for part in ids.split(max(1, _EVALS_PER_CHUNK // len(offsets))):
                maha = features[part] @ basis  # (n, K) squared Mahalanobis distances, one matmul
                use = maha < _CUTOFF_SIGMAS**2
                if edge:
                    use &= ((centre[part, None, :] + offsets[None] >= 0) & (centre[part, None] + offsets < shape)).all(
                        -1
                    )
                rows, cols = use.nonzero(as_tuple=True)
                weight = opacity[part][rows] * torch.exp(-0.5 * maha[rows, cols])
                flat = (centre[part] * strides).sum(1)[rows] + (offsets * strides).sum(1)[cols]
                grids.index_add_(0, flat, weight[:, None] * rgb1[part][rows])
                if progress is not None:
                    progress(len(part))
    return grids[:, 3].reshape(grid.shape), grids[:, :3].reshape(*grid.shape, 3)


def _ball_offsets(reach: int) -> torch.Tensor:
    """``(K, 3)`` integer offsets within ``reach + 1`` grid steps of the origin (the cut-off ball of
    the widest axis, with a step to spare for the rounding of the centre)."""
    axis = torch.arange(-reach, reach + 1)
    offsets = torch.stack(torch.meshgrid(axis, axis, axis, indexing="ij"), -1).reshape(-1, 3)
    return offsets[(offsets**2).sum(1) <= (reach + 1) ** 2]


def _quadratic_features(g: Gaussians, centre: torch.Tensor, grid: _Grid) -> torch.Tensor:
    """``(N, 10)`` coefficients with ``features @ _offset_basis(o)`` = the Mahalanobis distance of the
    grid point ``centre + o`` from each Gaussian: with ``b`` the centre point's offset from the mean,
    ``P`` the precision and ``s`` the grid step, ``(b + s o)^T P (b + s o)`` expanded in ``o``."""
    rot = quat_to_matrix(g.quats.double())
    precision = rot @ torch.diag_embed(g.scales.double().clamp_min(1e-8) ** -2) @ rot.transpose(1, 2)
    b = grid.lower + centre * grid.step - g.means.double()
    pb = (precision @ b[:, :, None]).squeeze(-1)
    s = grid.step
    p = precision
    return torch.stack(
        [
            (b * pb).sum(1), 2 * s * pb[:, 0], 2 * s * pb[:, 1], 2 * s * pb[:, 2],
            s * s * p[:, 0, 0], s * s * p[:, 1, 1], s * s * p[:, 2, 2],
            2 * s * s * p[:, 0, 1], 2 * s * s * p[:, 0, 2], 2 * s * s * p[:, 1, 2],
        ],
        dim=1,
    ).float()  # fmt: skip


def _offset_basis(offsets: torch.Tensor) -> torch.Tensor:
    """``(10, K)``: the monomials of :func:`_quadratic_features` at each integer offset."""
    o = offsets.float()
    x, y, z = o.unbind(1)
    return torch.stack([torch.ones_like(x), x, y, z, x * x, y * y, z * z, x * y, x * z, y * z])


def solid_field(density: np.ndarray, options: MeshOptions) -> tuple[np.ndarray, dict[str, int]]:
    """The density with floaters removed (below ``level``) and closed cavities filled (above it)."""
    ndimage = _require("scipy.ndimage", "mesh clean-up")
    inside = density > options.level
    labels, count = ndimage.label(inside)
    info = {"pieces": int(count), "pieces_kept": 0}
    if count == 0:
        return density, info
    sizes = np.bincount(labels.ravel())[1:]
    keep = sizes >= options.keep_fraction * sizes.max()
    info["pieces_kept"] = int(keep.sum())
    kept = np.concatenate([[False], keep])[labels]
    field = np.where(inside & ~kept, 0.0, density)
    if options.fill_cavities:
        solid = ndimage.binary_fill_holes(kept)
        field = np.where(solid & ~kept, max(2.0 * options.level, field.max()), field)
    return field.astype(np.float32), info


def marching_cubes(field: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Vertices (grid-index coordinates) and outward-facing triangles of the ``level`` surface."""
    mcubes = _require("mcubes", "meshing")
    padded = np.pad(field, 1)  # nothing on the border: every surface closes
    verts, faces = mcubes.marching_cubes(padded.astype(np.float64), float(level))
    verts = verts - 1.0
    faces = faces.astype(np.int64)
    if len(faces) and _signed_volume(verts, faces) < 0:
        faces = faces[:, ::-1].copy()
    return verts, faces


def _signed_volume(verts: np.ndarray, faces: np.ndarray) -> float:
    tri = verts[faces]
    return float(np.einsum("ij,ij->i", tri[:, 0], np.cross(tri[:, 1], tri[:, 2])).sum() / 6.0)


def decimate(verts: np.ndarray, faces: np.ndarray, target_faces: int) -> tuple[np.ndarray, np.ndarray]:
    """Quadric decimation to about ``target_faces`` triangles (unchanged if already fewer)."""
    if target_faces == 0 or len(faces) <= target_faces:
        return verts, faces
    simplify = _require("fast_simplification", "decimation")
    out_verts, out_faces = simplify.simplify(
        verts.astype(np.float32), faces.astype(np.int32), target_reduction=1.0 - target_faces / len(faces)
    )
    return np.asarray(out_verts, dtype=np.float64), np.asarray(out_faces, dtype=np.int64)


def is_closed(faces: np.ndarray) -> bool:
    """Whether every edge is shared by exactly two triangles that run along it in opposite directions
    (a closed, consistently oriented surface; by vertex index, so seam copies of a vertex count apart)."""
    directed = np.concatenate([faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]])
    forward = np.unique(directed, axis=0)
    if len(forward) != len(directed):
        return False  # an edge run twice in the same direction: flipped or non-manifold
    backward = np.unique(directed[:, ::-1], axis=0)
    return bool(np.array_equal(forward, backward))


def sample_colours(points: np.ndarray, density: torch.Tensor, colour: torch.Tensor, grid: _Grid) -> np.ndarray:
    """``(P, 3)`` blended Gaussian colour (colour grid / density grid, trilinear) at world ``points``."""
    shape = torch.tensor(grid.shape, dtype=torch.float64)
    index = (torch.from_numpy(points.astype(np.float64)) - grid.lower) / grid.step
    # grid_sample wants (x, y, z) = (last, middle, first) axis, scaled to [-1, 1].
    coords = (2 * index / (shape - 1) - 1).flip(-1).float().reshape(1, -1, 1, 1, 3)
    stacked = torch.cat([colour.permute(3, 0, 1, 2), density[None]])[None]
    values = torch.nn.functional.grid_sample(stacked, coords, align_corners=True, padding_mode="border")
    values = values.reshape(4, -1).T
    rgb = values[:, :3] / values[:, 3:].clamp_min(1e-6)
    return rgb.clamp(0, 1).numpy()


def gaussians_to_mesh(
    gaussians: Gaussians,
    options: MeshOptions | None = None,
    progress: bool = False,
) -> TriangleMesh:
    """A closed, coloured triangle mesh of the Gaussians (see the module doc for the steps).

    Args:
        gaussians: the model (world z up, as videomv writes it).
        options: :class:`MeshOptions` (defaults if None).
        progress: show a progress bar (tqdm) for the density grid and the steps after it.

    Raises:
        ValueError: a setting out of range, no Gaussians to mesh, or no surface at ``level``.
        ImportError: a library of the ``mesh`` extra is missing (the message says how to install it).
    """
    import time

    from tqdm.auto import tqdm

    options = (options or MeshOptions()).check()
    require_mesh_libraries(options)  # before the slow grid, not after it
    g = gaussians.detach().to("cpu", torch.float32).validate()
    g = g[g.opacities >= max(options.min_opacity, _MIN_OPACITY)]
    if len(g) == 0:
        raise ValueError(f"no Gaussian has opacity >= {options.min_opacity}; nothing to mesh")
    times, start = {}, time.perf_counter()
    grid = _grid_for(g, options.resolution)
    with tqdm(total=len(g), desc="density grid", unit="gaussian", disable=not progress, leave=False) as bar:
        density, colour = density_grids(g, grid, bar.update)
    times["grid_s"] = time.perf_counter() - start
    field, info = solid_field(density.numpy(), options)
    verts, faces = marching_cubes(field, options.level)
    if len(faces) == 0:
        raise ValueError(
            f"no surface at density level {options.level} (highest density {float(density.max()):.3g}); "
            "lower the level or check the Gaussians' opacities"
        )
    info["marching_cubes_faces"] = len(faces)
    verts, faces = decimate(verts, faces, options.target_faces)
    times["surface_s"] = time.perf_counter() - start - times["grid_s"]
    info["closed"] = is_closed(faces)
    mesh = TriangleMesh(grid.world(verts), faces, np.zeros((len(verts), 3), np.float32))
    mesh.vertex_colors = sample_colours(mesh.vertices, density, colour, grid)
    if options.texture_size:
        mesh = bake_texture(mesh, options.texture_size, lambda p: sample_colours(p, density, colour, grid))
    times["colour_s"] = time.perf_counter() - start - times["grid_s"] - times["surface_s"]
    mesh.info = {
        **info, "gaussians": len(g), "grid": list(grid.shape), "grid_step": grid.step,
        "vertices": len(mesh.vertices), "faces": len(mesh.faces), **{k: round(v, 3) for k, v in times.items()},
    }  # fmt: skip
    return mesh


def bake_texture(mesh: TriangleMesh, size: int, colour_at: Callable[[np.ndarray], np.ndarray]) -> TriangleMesh:
    """Unwraps ``mesh`` (xatlas) and bakes a ``size``² texture with ``colour_at(points (P, 3)) -> (P, 3)``.

    Returns a new mesh whose vertices are split along the atlas' seams (``uvs`` per vertex).
    """
    xatlas = _require("xatlas", "texture baking (UV unwrap)")
    mapping, faces, uvs = xatlas.parametrize(mesh.vertices, mesh.faces.astype(np.uint32))
    mapping, faces = mapping.astype(np.int64), faces.astype(np.int64)
    vertices = mesh.vertices[mapping]
    # Texel (row i, column j) is at uv ((j + 0.5) / size, 1 - (i + 0.5) / size).
    corners = np.stack([uvs[faces][..., 0] * size, (1.0 - uvs[faces][..., 1]) * size], axis=-1)
    frags = rasterize_triangles(corners, size, size)
    hit = frags.mask
    points = np.einsum("pk,pkd->pd", frags.bary[hit], vertices[faces[frags.face[hit]]])
    image = np.zeros((size, size, 3), dtype=np.float32)
    image[hit] = colour_at(points)
    image = _pad_seams(image, hit)
    texture = (image * 255).round().clip(0, 255).astype(np.uint8)
    return TriangleMesh(vertices, faces, mesh.vertex_colors[mapping], uvs.astype(np.float32), texture, mesh.info)


def _pad_seams(image: np.ndarray, filled: np.ndarray) -> np.ndarray:
    """Copies each empty texel within ``_SEAM_PAD`` of a chart from its nearest filled texel."""
    ndimage = _require("scipy.ndimage", "texture baking")
    if filled.all() or not filled.any():
        return image
    distance, (rows, cols) = ndimage.distance_transform_edt(~filled, return_indices=True)
    near = (distance > 0) & (distance <= _SEAM_PAD)
    out = image.copy()
    out[near] = image[rows[near], cols[near]]
    return out
