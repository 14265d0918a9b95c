"""Camera axis conventions and conversions between them.

videomv keeps every pose internally in one convention, ``"opencv"``: camera axes x right,
y down, z forward (the camera looks along +z); world z up. The two other conventions that
published weights and datasets use are:

* ``"blender"``: camera axes x right, y up, z backward (looks along -z); world z up.
  This is the convention of Blender renders (G-Objaverse, Objaverse renders) and of the
  reference VideoMV camera embedding.
* ``"opengl"``: the same camera axes as Blender; world **y** up (z towards the viewer),
  as in LGM and most OpenGL viewers.

All poses are camera-to-world 4x4 matrices. Converting changes the matrix, never the camera:
the same physical camera is described in another coordinate system.
"""

from __future__ import annotations

from typing import Literal, get_args

import torch

Convention = Literal["opencv", "blender", "opengl"]
CONVENTIONS: tuple[str, ...] = get_args(Convention)

# Right-multiplied on a camera-to-world matrix: flips the camera's y and z axes, which turns
# OpenCV camera axes into OpenGL/Blender camera axes and back (it is its own inverse).
_FLIP_YZ = torch.diag(torch.tensor([1.0, -1.0, -1.0, 1.0]))

# Left-multiplied: maps a z-up world point to the y-up world of the "opengl" convention,
# (x, y, z) -> (x, z, -y), a rotation of -90 degrees about x.
_ZUP_TO_YUP = torch.tensor(
    [
        [1.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 1.0, 0.0],
        [0.0, -1.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 1.0],
    ]
)


def check_convention(name: str) -> Convention:
    """Returns ``name`` if it is a known convention, else raises a ValueError listing them."""
    if name not in CONVENTIONS:
        raise ValueError(f"unknown camera convention {name!r}; use one of {', '.join(CONVENTIONS)}")
    return name  # type: ignore[return-value]


def _from_opencv(c2w: torch.Tensor, dst: Convention) -> torch.Tensor:
    flip = _FLIP_YZ.to(c2w)
    if dst == "opencv":
        return c2w
    if dst == "blender":
        return c2w @ flip
    return _ZUP_TO_YUP.to(c2w) @ c2w @ flip


def _to_opencv(c2w: torch.Tensor, src: Convention) -> torch.Tensor:
    flip = _FLIP_YZ.to(c2w)
    if src == "opencv":
        return c2w
    if src == "blender":
        return c2w @ flip
    return _ZUP_TO_YUP.to(c2w).T @ c2w @ flip


def convert_pose(c2w: torch.Tensor, src: str, dst: str) -> torch.Tensor:
    """Re-expresses camera-to-world matrices from convention ``src`` in convention ``dst``.

    Args:
        c2w: ``(..., 4, 4)`` camera-to-world matrices in convention ``src``.
        src: convention of the input, one of ``CONVENTIONS``.
        dst: convention of the output.

    Returns:
        ``(..., 4, 4)`` matrices describing the same cameras in ``dst``.
    """
    src_c, dst_c = check_convention(src), check_convention(dst)
    c2w = torch.as_tensor(c2w, dtype=torch.float32) if not torch.is_tensor(c2w) else c2w
    if c2w.shape[-2:] != (4, 4):
        raise ValueError(f"camera poses must be (..., 4, 4) matrices, got shape {tuple(c2w.shape)}")
    return _from_opencv(_to_opencv(c2w, src_c), dst_c)


def world_up(convention: str) -> torch.Tensor:
    """The world's up vector in ``convention`` (z up, or y up for ``"opengl"``)."""
    return torch.tensor([0.0, 1.0, 0.0] if check_convention(convention) == "opengl" else [0.0, 0.0, 1.0])
