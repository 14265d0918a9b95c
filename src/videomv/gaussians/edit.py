"""Edits of a Gaussian model: crop, transform, prune, recolour and merge.

Every edit returns new :class:`Gaussians` and leaves its input alone. Crops and prunes may
return an empty model (callers that write files refuse that; see ``videomv edit``).

Colour edits are linear maps ``rgb -> M @ rgb`` of the displayed colour, so they apply exactly to
view-dependent (SH) colour too: with ``rgb(d) = 0.5 + sum_k sh_k Y_k(d)``, the edited model
shows ``M @ rgb(d)`` from every direction ``d`` when the degree-0 term becomes
``(M @ (0.5 + C0 sh_0) - 0.5) / C0`` and every higher term ``M @ sh_k`` (before the renderer's
clamp at 0).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from .container import Gaussians, matrix_to_quat, quat_multiply
from .sh import C0

# The grey axis and the luma weights (Rec. 601) the saturation edit keeps.
_LUMA = (0.299, 0.587, 0.114)
# (x, y, z) -> (x, z, -y): a -90 degree turn about x that takes a z-up model to y-up.
_Z_UP_TO_Y_UP = ((1.0, 0.0, 0.0), (0.0, 0.0, 1.0), (0.0, -1.0, 0.0))


def _vector(name: str, value: Sequence[float] | torch.Tensor, size: int = 3) -> torch.Tensor:
    """``value`` as a float64 tensor of ``size`` finite numbers, or a ValueError naming ``name``."""
    tensor = torch.as_tensor(value, dtype=torch.float64).reshape(-1)
    if tensor.numel() != size or not torch.isfinite(tensor).all():
        raise ValueError(f"{name} must be {size} finite numbers, got {[float(v) for v in tensor]}")
    return tensor


def box_mask(gaussians: Gaussians, lower: Sequence[float], upper: Sequence[float]) -> torch.Tensor:
    """``(N,)`` bool: the centres inside the axis-aligned box ``lower <= x <= upper``.

    Raises:
        ValueError: a corner is not 3 finite numbers, or ``lower`` is not below ``upper`` on every axis.
    """
    lo, hi = _vector("box lower corner", lower), _vector("box upper corner", upper)
    if not (lo < hi).all():
        axis = "xyz"[int((lo >= hi).nonzero()[0])]
        raise ValueError(
            f"box lower corner {lo.tolist()} must be below the upper corner {hi.tolist()} on every axis ({axis} is not)"
        )
    means = gaussians.means.to(torch.float64)
    return ((means >= lo.to(means.device)) & (means <= hi.to(means.device))).all(dim=1)


def sphere_mask(gaussians: Gaussians, center: Sequence[float], radius: float) -> torch.Tensor:
    """``(N,)`` bool: the centres within ``radius`` of ``center``."""
    c = _vector("sphere centre", center)
    if not (math.isfinite(radius) and radius > 0):
        raise ValueError(f"sphere radius must be a finite number > 0, got {radius}")
    means = gaussians.means.to(torch.float64)
    return (means - c.to(means.device)).norm(dim=1) <= radius


def crop_box(gaussians: Gaussians, lower: Sequence[float], upper: Sequence[float], invert: bool = False) -> Gaussians:
    """The Gaussians whose centres lie in the box (outside it with ``invert``), in their order."""
    mask = box_mask(gaussians, lower, upper)
    return gaussians[~mask if invert else mask]


def crop_sphere(gaussians: Gaussians, center: Sequence[float], radius: float, invert: bool = False) -> Gaussians:
    """The Gaussians whose centres lie in the ball (outside it with ``invert``), in their order."""
    mask = sphere_mask(gaussians, center, radius)
    return gaussians[~mask if invert else mask]


def prune(
    gaussians: Gaussians,
    min_opacity: float | None = None,
    max_size: float | None = None,
    min_size: float | None = None,
) -> Gaussians:
    """Drops faint, huge or tiny Gaussians.

    Args:
        gaussians: the model.
        min_opacity: keep opacities >= this (in [0, 1]).
        max_size: keep Gaussians whose largest standard deviation is <= this (world units).
        min_size: keep Gaussians whose largest standard deviation is >= this.
    """
    keep = torch.ones(len(gaussians), dtype=torch.bool, device=gaussians.device)
    if min_opacity is not None:
        if not 0.0 <= min_opacity <= 1.0:
            raise ValueError(f"min_opacity must be in [0, 1], got {min_opacity}")
        keep &= gaussians.opacities >= min_opacity
    size = gaussians.scales.amax(dim=1)
    for name, bound, sign in (("max_size", max_size, 1), ("min_size", min_size, -1)):
        if bound is None:
            continue
        if not (math.isfinite(bound) and bound > 0):
            raise ValueError(f"{name} must be a finite number > 0, got {bound}")
        keep &= size * sign <= bound * sign
    return gaussians[keep]


def rotation_matrix(degrees: Sequence[float], order: str = "xyz") -> torch.Tensor:
    """``(3, 3)`` float32 rotation by Euler angles in degrees, applied about the world axes in ``order``.

    ``rotation_matrix((90, 0, 30))`` turns 90 degrees about x, then 30 degrees about z.
    """
    angles = _vector("rotation angles", degrees)
    if sorted(order) != ["x", "y", "z"]:
        raise ValueError(f"rotation order must be a permutation of 'xyz', got {order!r}")
    result = torch.eye(3, dtype=torch.float64)
    for axis in order:
        theta = math.radians(float(angles["xyz".index(axis)]))
        c, s = math.cos(theta), math.sin(theta)
        i, j = [k for k in range(3) if k != "xyz".index(axis)]
        turn = torch.eye(3, dtype=torch.float64)
        turn[i, i], turn[i, j], turn[j, i], turn[j, j] = c, -s, s, c
        result = turn @ result
    return result.float()


def up_axis_rotation(source: str, target: str) -> torch.Tensor:
    """``(3, 3)`` rotation taking a model whose up axis is ``source`` to one whose up axis is ``target``.

    videomv's world is z-up; glTF, OBJ in most tools, three.js and many splat viewers are y-up
    (``up_axis_rotation("z", "y")``).
    """
    for name in (source, target):
        if name not in ("y", "z"):
            raise ValueError(f"up axis must be 'y' or 'z', got {name!r}")
    z_to_y = torch.tensor(_Z_UP_TO_Y_UP)
    if source == target:
        return torch.eye(3)
    return z_to_y if (source, target) == ("z", "y") else z_to_y.T.contiguous()


def transform(
    gaussians: Gaussians,
    rotation: torch.Tensor | None = None,
    translation: Sequence[float] | torch.Tensor | None = None,
    scale: float = 1.0,
) -> Gaussians:
    """``x -> scale * rotation @ x + translation`` (see :meth:`Gaussians.transform`)."""
    if not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"scale must be a finite number > 0, got {scale}")
    shift = None if translation is None else _vector("translation", translation).to(gaussians.means)
    return gaussians.transform(rotation, shift, scale)


def inverse_transform(
    gaussians: Gaussians,
    rotation: torch.Tensor | None = None,
    translation: Sequence[float] | torch.Tensor | None = None,
    scale: float = 1.0,
) -> Gaussians:
    """Undoes :func:`transform` with the same arguments: ``x -> rotation.T @ (x - translation) / scale``.

    Rotations are undone with the conjugate of the quaternion :func:`transform` multiplied by, not
    with a quaternion of ``rotation.T`` (which may come out with the opposite sign), so the
    Gaussians' quaternions come back as they were, sign included.
    """
    if translation is not None:
        gaussians = transform(gaussians, translation=-_vector("translation", translation))
    gaussians = transform(gaussians, scale=1.0 / scale)
    if rotation is None:
        return gaussians
    rotation = torch.as_tensor(rotation).to(gaussians.means)
    turned = gaussians.transform(rotation.T.contiguous())
    conjugate = matrix_to_quat(rotation) * torch.tensor([1.0, -1.0, -1.0, -1.0]).to(rotation)
    quats = quat_multiply(conjugate.expand_as(gaussians.quats), gaussians.quats)
    return Gaussians(turned.means, quats, turned.log_scales, turned.opacity_logits, turned.sh)


def color_matrix(hue: float = 0.0, saturation: float = 1.0, brightness: float = 1.0) -> torch.Tensor:
    """``(3, 3)`` linear RGB map: hue turned by ``hue`` degrees about the grey axis, then saturation and
    brightness scaled (1 = unchanged; saturation 0 = grey)."""
    for name, value, low in (("saturation", saturation, 0.0), ("brightness", brightness, 0.0)):
        if not (math.isfinite(value) and value >= low):
            raise ValueError(f"{name} must be a finite number >= {low:g}, got {value}")
    if not math.isfinite(hue):
        raise ValueError(f"hue must be a finite number of degrees, got {hue}")
    axis = torch.full((3,), 1.0 / math.sqrt(3.0), dtype=torch.float64)
    theta = math.radians(hue)
    cross = torch.tensor([[0.0, -axis[2], axis[1]], [axis[2], 0.0, -axis[0]], [-axis[1], axis[0], 0.0]])
    outer = torch.outer(axis, axis)
    turn = math.cos(theta) * torch.eye(3, dtype=torch.float64) + math.sin(theta) * cross.double()
    turn += (1 - math.cos(theta)) * outer  # Rodrigues' formula about the grey axis
    luma = torch.tensor(_LUMA, dtype=torch.float64)
    grey = torch.ones(3, 1, dtype=torch.float64) @ luma[None]
    saturate = saturation * torch.eye(3, dtype=torch.float64) + (1 - saturation) * grey
    return (brightness * saturate @ turn).float()


def apply_color_matrix(gaussians: Gaussians, matrix: torch.Tensor) -> Gaussians:
    """Applies ``rgb -> matrix @ rgb`` to the displayed colour of every Gaussian, from every direction."""
    m = torch.as_tensor(matrix, dtype=gaussians.dtype, device=gaussians.device)
    if m.shape != (3, 3) or not torch.isfinite(m).all():
        raise ValueError(f"colour matrix must be a finite 3x3 matrix, got shape {tuple(m.shape)}")
    sh = gaussians.sh @ m.T
    rgb0 = 0.5 + C0 * gaussians.sh[:, 0]
    sh[:, 0] = (rgb0 @ m.T - 0.5) / C0
    return Gaussians(gaussians.means, gaussians.quats, gaussians.log_scales, gaussians.opacity_logits, sh)


def recolor(gaussians: Gaussians, hue: float = 0.0, saturation: float = 1.0, brightness: float = 1.0) -> Gaussians:
    """Turns the hue (degrees) and scales saturation and brightness of every colour (see :func:`color_matrix`)."""
    return apply_color_matrix(gaussians, color_matrix(hue, saturation, brightness))


def replace_color(
    gaussians: Gaussians, source: Sequence[float], target: Sequence[float], tolerance: float = 0.1
) -> Gaussians:
    """Moves the colours within ``tolerance`` (RGB distance, colours in [0, 1]) of ``source`` by
    ``target - source``, so shading differences inside the replaced region are kept.

    Only the view-independent (degree-0) colour decides and changes.
    """
    src, dst = _vector("source colour", source), _vector("target colour", target)
    for name, colour in (("source colour", src), ("target colour", dst)):
        if ((colour < 0) | (colour > 1)).any():
            raise ValueError(f"{name} must be 3 numbers in [0, 1], got {colour.tolist()}")
    if not (math.isfinite(tolerance) and tolerance > 0):
        raise ValueError(f"tolerance must be a finite number > 0, got {tolerance}")
    rgb = 0.5 + C0 * gaussians.sh[:, 0]
    hit = (rgb.double() - src.to(rgb.device)).norm(dim=1) <= tolerance
    shift = ((dst - src) / C0).to(gaussians.sh)
    sh = gaussians.sh.clone()
    sh[hit, 0] += shift
    return Gaussians(gaussians.means, gaussians.quats, gaussians.log_scales, gaussians.opacity_logits, sh)


def merge(*models: Gaussians) -> Gaussians:
    """One model holding all of ``models``' Gaussians, in order (SH padded to the highest degree)."""
    return Gaussians.cat(models)
