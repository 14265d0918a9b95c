"""A small z-buffered triangle rasterizer in NumPy, for texture baking (UV space) and mesh renders.

Pixel ``(i, j)`` (row, column) has its centre at ``(j + 0.5, i + 0.5)``, as in the Gaussian
rasterizers, so a mesh and its Gaussians rendered with the same camera line up pixel for pixel.
Work is vectorised over (triangle, pixel of its bounding box) pairs, in chunks that bound memory.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# (triangle, pixel) pairs evaluated at once; about 100 MB of temporaries.
_PAIRS_PER_CHUNK = 2_000_000
# Barycentric slack: pixels on a shared edge belong to both triangles, so no crack opens between them.
_EDGE_EPS = 1e-7


@dataclass
class Fragments:
    """The front-most triangle under every pixel.

    Attributes:
        face: ``(H, W)`` int64 triangle index, -1 where no triangle covers the pixel.
        bary: ``(H, W, 3)`` float32 barycentric weights of the triangle's corners (perspective-correct
            when depths were given), zero where ``face`` is -1.
    """

    face: np.ndarray
    bary: np.ndarray

    @property
    def mask(self) -> np.ndarray:
        return self.face >= 0


def _pairs(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (triangle, x, y) with ``lo <= (x, y) <= hi`` per triangle, as three flat arrays."""
    extent = hi - lo + 1
    counts = extent[:, 0] * extent[:, 1]
    tri = np.repeat(np.arange(len(lo)), counts)
    local = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    x = lo[tri, 0] + local % extent[tri, 0]
    y = lo[tri, 1] + local // extent[tri, 0]
    return tri, x, y


def _chunks(counts: np.ndarray) -> list[slice]:
    """Consecutive triangle ranges of at most ``_PAIRS_PER_CHUNK`` pairs (at least one triangle each)."""
    bounds, total, start = [], 0, 0
    for i, count in enumerate(counts):
        if total and total + count > _PAIRS_PER_CHUNK:
            bounds.append(slice(start, i))
            start, total = i, 0
        total += count
    bounds.append(slice(start, len(counts)))
    return bounds


def rasterize_triangles(corners: np.ndarray, width: int, height: int, depth: np.ndarray | None = None) -> Fragments:
    """Rasterizes triangles given in pixel coordinates.

    Args:
        corners: ``(F, 3, 2)`` corner positions ``(x, y)`` in pixels.
        width, height: image size.
        depth: ``(F, 3)`` positive corner depths for z-buffering and perspective-correct weights;
            None for flat (UV-space) triangles, where a later triangle wins a shared pixel.

    Returns:
        The :class:`Fragments`.
    """
    corners = np.asarray(corners, dtype=np.float64)
    zbuf = np.full(height * width, np.inf)
    face = np.full(height * width, -1, dtype=np.int64)
    bary = np.zeros((height * width, 3), dtype=np.float32)
    lo = np.floor(corners.min(axis=1) - 0.5).astype(np.int64) + 1
    hi = np.floor(corners.max(axis=1) - 0.5).astype(np.int64)
    lo = np.maximum(lo, 0)
    hi = np.minimum(hi, [width - 1, height - 1])
    keep = np.nonzero((hi >= lo).all(axis=1))[0]
    counts = (hi[keep] - lo[keep] + 1).prod(axis=1)
    for part in _chunks(counts):
        ids = keep[part]
        if len(ids):
            _fill(corners[ids], None if depth is None else depth[ids], ids, lo[ids], hi[ids], width, zbuf, face, bary)
    return Fragments(face.reshape(height, width), bary.reshape(height, width, 3))


def _fill(corners, depth, ids, lo, hi, width, zbuf, face, bary) -> None:
    """Rasterizes one chunk of triangles into the flat buffers, keeping the nearest fragment per pixel."""
    tri, x, y = _pairs(lo, hi)
    px, py = x + 0.5, y + 0.5
    a, b, c = corners[tri, 0], corners[tri, 1], corners[tri, 2]
    area = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (b[:, 1] - a[:, 1]) * (c[:, 0] - a[:, 0])
    with np.errstate(divide="ignore", invalid="ignore"):
        w0 = ((b[:, 0] - px) * (c[:, 1] - py) - (b[:, 1] - py) * (c[:, 0] - px)) / area
        w1 = ((c[:, 0] - px) * (a[:, 1] - py) - (c[:, 1] - py) * (a[:, 0] - px)) / area
        w2 = 1.0 - w0 - w1
    weights = np.stack([w0, w1, w2], axis=1)
    inside = (area != 0) & (weights >= -_EDGE_EPS).all(axis=1)
    tri, weights, pixel = tri[inside], weights[inside], (y * width + x)[inside]
    if depth is None:
        z = np.zeros(len(tri))
    else:
        inv = weights / depth[tri]  # 1/z is linear in screen space
        z = 1.0 / inv.sum(axis=1)
        weights = inv * z[:, None]
    order = np.lexsort((z, pixel))
    pixel, z, tri, weights = pixel[order], z[order], tri[order], weights[order]
    first = np.ones(len(pixel), dtype=bool)
    first[1:] = pixel[1:] != pixel[:-1]
    pixel, z, tri, weights = pixel[first], z[first], tri[first], weights[first]
    nearer = z < zbuf[pixel] if depth is not None else np.ones(len(pixel), dtype=bool)
    pixel = pixel[nearer]
    zbuf[pixel] = z[nearer]
    face[pixel] = ids[tri[nearer]]
    bary[pixel] = np.clip(weights[nearer], 0.0, 1.0)


def _bilinear(texture: np.ndarray, uv: np.ndarray) -> np.ndarray:
    """``(P, 3)`` float colours of ``texture`` (uint8, row 0 at v = 1) at ``uv`` (P, 2), bilinear, clamped."""
    size_y, size_x = texture.shape[:2]
    x = np.clip(uv[:, 0] * size_x - 0.5, 0, size_x - 1)
    y = np.clip((1.0 - uv[:, 1]) * size_y - 0.5, 0, size_y - 1)
    x0, y0 = np.floor(x).astype(np.int64), np.floor(y).astype(np.int64)
    x1, y1 = np.minimum(x0 + 1, size_x - 1), np.minimum(y0 + 1, size_y - 1)
    fx, fy = (x - x0)[:, None], (y - y0)[:, None]
    tex = texture.astype(np.float32) / 255.0
    top = tex[y0, x0] * (1 - fx) + tex[y0, x1] * fx
    bottom = tex[y1, x0] * (1 - fx) + tex[y1, x1] * fx
    return top * (1 - fy) + bottom * fy


def render_mesh(
    mesh, c2w: np.ndarray, intrinsics: np.ndarray, width: int, height: int, background: float = 1.0, near: float = 1e-3
) -> tuple[np.ndarray, np.ndarray]:
    """Unlit renders of a coloured mesh: what its texture (or vertex colours) shows, no shading.

    Args:
        mesh: a :class:`~videomv.gaussians.mesh.TriangleMesh` (vertices, faces, vertex_colors, uvs, texture).
        c2w: ``(C, 4, 4)`` camera-to-world matrices, OpenCV axes.
        intrinsics: ``(C, 4)`` ``(fx, fy, cx, cy)`` in pixels.
        width, height: image size.
        background: grey level behind the mesh.
        near: triangles with a corner closer than this (camera z) are skipped.

    Returns:
        ``(C, H, W, 3)`` float32 colours in [0, 1] and ``(C, H, W)`` bool coverage.
    """
    c2w, intrinsics = np.asarray(c2w, np.float64), np.asarray(intrinsics, np.float64)
    images, masks = [], []
    verts = np.concatenate([mesh.vertices, np.ones((len(mesh.vertices), 1))], axis=1).astype(np.float64)
    for pose, (fx, fy, cx, cy) in zip(c2w, intrinsics, strict=True):
        cam = verts @ np.linalg.inv(pose).T
        z = cam[:, 2]
        pix = np.stack([fx * cam[:, 0] / z + cx, fy * cam[:, 1] / z + cy], axis=1)
        front = (z[mesh.faces] > near).all(axis=1)
        faces = mesh.faces[front]
        frags = rasterize_triangles(pix[faces], width, height, z[faces])
        image = np.full((height, width, 3), background, dtype=np.float32)
        hit = frags.mask
        tri, bary = faces[frags.face[hit]], frags.bary[hit][..., None]
        if mesh.texture is not None and mesh.uvs is not None:
            image[hit] = _bilinear(mesh.texture, (bary * mesh.uvs[tri]).sum(axis=1))
        else:
            image[hit] = (bary * mesh.vertex_colors[tri]).sum(axis=1)
        images.append(image)
        masks.append(hit)
    return np.stack(images), np.stack(masks)
