"""Per-pixel rays, Plücker ray maps, pose normalisation and camera-embedding vectors."""

from __future__ import annotations

import torch

from .conventions import convert_pose


def scale_intrinsics(intrinsics: torch.Tensor, src_size: tuple[int, int], dst_size: tuple[int, int]) -> torch.Tensor:
    """Intrinsics of the same camera for an image resized from ``src_size`` to ``dst_size``.

    Sizes are ``(width, height)``. Pixel centres sit at half-integers, so scaling the principal
    point by the size ratio keeps it at the same place in the image.
    """
    sx = dst_size[0] / src_size[0]
    sy = dst_size[1] / src_size[1]
    scale = torch.tensor([sx, sy, sx, sy], dtype=intrinsics.dtype, device=intrinsics.device)
    return intrinsics * scale


def ray_directions(intrinsics: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """Unit ray directions through pixel centres, in camera (OpenCV) axes.

    Args:
        intrinsics: ``(N, 4)`` ``(fx, fy, cx, cy)`` valid at ``height`` x ``width``.

    Returns:
        ``(N, H, W, 3)`` unit vectors.
    """
    device, dtype = intrinsics.device, intrinsics.dtype
    v, u = torch.meshgrid(
        torch.arange(height, device=device, dtype=dtype) + 0.5,
        torch.arange(width, device=device, dtype=dtype) + 0.5,
        indexing="ij",
    )
    fx, fy, cx, cy = (intrinsics[:, i, None, None] for i in range(4))
    dirs = torch.stack([(u - cx) / fx, (v - cy) / fy, torch.ones_like(u).expand_as((u - cx) / fx)], -1)
    return dirs / dirs.norm(dim=-1, keepdim=True)


def world_rays(
    c2w: torch.Tensor, intrinsics: torch.Tensor, height: int, width: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Ray origins and unit directions in world space, each ``(N, H, W, 3)``."""
    dirs = torch.einsum("nij,nhwj->nhwi", c2w[:, :3, :3], ray_directions(intrinsics, height, width))
    origins = c2w[:, None, None, :3, 3].expand_as(dirs)
    return origins, dirs


def plucker_rays(c2w: torch.Tensor, intrinsics: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """Plücker ray maps ``[o x d, d]`` of every pixel, ``(N, 6, H, W)``.

    ``o`` is the camera centre and ``d`` the unit ray direction, both in world space; the
    moment ``o x d`` makes the map independent of where along the ray ``o`` sits.
    ``intrinsics`` must be valid at ``height`` x ``width`` (see ``scale_intrinsics``).
    """
    origins, dirs = world_rays(c2w, intrinsics, height, width)
    moments = torch.linalg.cross(origins, dirs, dim=-1)
    return torch.cat([moments, dirs], dim=-1).permute(0, 3, 1, 2).contiguous()


def normalize_poses(
    c2w: torch.Tensor,
    index: int = 0,
    radius: float | None = None,
    convention: str = "opencv",
) -> tuple[torch.Tensor, torch.Tensor]:
    """Moves (and scales) the world so that view ``index`` sits at ``[I | (0, 0, radius)]``.

    This is the canonical frame of LGM-style reconstructors. The world is first scaled about the
    origin by ``radius / d`` (``d``: the view's distance from the origin), as LGM does, so a
    camera that looked at the origin still looks at it from ``radius`` away; then moved rigidly.
    Rotations between views are kept; distances between them scale by ``radius / d``. In the
    ``"opengl"`` or ``"blender"`` convention a camera at ``[I | (0, 0, r)]`` looks along -z, at
    the origin; pass the convention the consumer expects.

    Args:
        c2w: ``(N, 4, 4)`` OpenCV camera-to-world matrices.
        index: the view that becomes canonical.
        radius: its distance to the origin afterwards; default: unchanged (no scaling).
        convention: the convention in which the canonical pose is ``[I | (0, 0, r)]``; the
            returned poses are in this convention.

    Returns:
        ``(poses, transform)``: the ``(N, 4, 4)`` normalised poses in ``convention`` and the
        ``(4, 4)`` similarity ``T`` that maps old world points to new ones; ``poses`` equals
        ``T @ convert_pose(c2w, "opencv", convention)`` with its rotation columns renormalised.
    """
    if not -len(c2w) <= index < len(c2w):
        raise IndexError(f"normalize_poses: view index {index} out of range for {len(c2w)} views")
    poses = convert_pose(c2w, "opencv", convention)
    distance = float(poses[index, :3, 3].norm())
    if radius is not None and distance < 1e-8:
        raise ValueError("normalize_poses: the chosen view sits at the origin, so it cannot be rescaled")
    scale = 1.0 if radius is None else float(radius) / distance
    scaling = torch.diag(torch.tensor([scale, scale, scale, 1.0], dtype=poses.dtype, device=poses.device))
    scaled = poses.clone()
    scaled[:, :3, 3] *= scale
    target = torch.eye(4, dtype=poses.dtype, device=poses.device)
    target[2, 3] = distance * scale
    rigid = target @ torch.linalg.inv(scaled[index])
    return rigid @ scaled, rigid @ scaling


def camera_embedding(c2w: torch.Tensor, convention: str = "blender") -> torch.Tensor:
    """The 16-number camera-embedding input of each view: its pose in ``convention``, flattened.

    The reference VideoMV weights were trained on Blender/OpenGL-axis camera-to-world matrices
    flattened row by row; a model's config records the convention its embedding expects.

    Returns:
        ``(N, 16)`` float tensor.
    """
    return convert_pose(c2w, "opencv", convention).reshape(*c2w.shape[:-2], 16)
