"""Real spherical harmonics up to degree 3, in the sign convention of the 3DGS reference code.

Colour of a Gaussian seen along unit direction ``d`` (from the camera centre to the Gaussian):
``rgb = max(0, 0.5 + sum_k sh[k] * Y_k(d))``. The ``+0.5`` offset and the clamp are those of
3DGS and gsplat, so an RGB colour ``c`` is stored as the degree-0 coefficient ``(c - 0.5) / C0``.
"""

from __future__ import annotations

import torch

C0 = 0.28209479177387814
_C1 = 0.4886025119029199
_C2 = (
    1.0925484305920792,
    -1.0925484305920792,
    0.31539156525252005,
    -1.0925484305920792,
    0.5462742152960396,
)
_C3 = (
    -0.5900435899266435,
    2.890611442640554,
    -0.4570457994644658,
    0.3731763325901154,
    -0.4570457994644658,
    1.445305721320277,
    -0.5900435899266435,
)


def num_sh_bases(degree: int) -> int:
    """Number of SH coefficients per colour channel for ``degree`` (1, 4, 9 or 16)."""
    if degree not in (0, 1, 2, 3):
        raise ValueError(f"SH degree must be 0, 1, 2 or 3, got {degree}")
    return (degree + 1) ** 2


def sh_degree_from_bases(num_bases: int) -> int:
    """Inverse of :func:`num_sh_bases`; raises a ValueError for counts that are not a square."""
    for degree in range(4):
        if (degree + 1) ** 2 == num_bases:
            return degree
    raise ValueError(f"{num_bases} SH coefficients per channel is not 1, 4, 9 or 16")


def rgb_to_sh(rgb: torch.Tensor) -> torch.Tensor:
    """Degree-0 SH coefficient ``(..., 3)`` that renders as colour ``rgb`` from every side."""
    return (rgb - 0.5) / C0


def sh_to_rgb(sh_dc: torch.Tensor) -> torch.Tensor:
    """View-independent colour of the degree-0 coefficient ``sh_dc`` (no clamp)."""
    return sh_dc * C0 + 0.5


def sh_basis(degree: int, dirs: torch.Tensor) -> torch.Tensor:
    """Real SH basis functions ``(..., (degree + 1)**2)`` at directions ``dirs`` ``(..., 3)``.

    Directions are normalised here; signs follow the 3DGS reference code.
    """
    num_sh_bases(degree)
    d = torch.nn.functional.normalize(dirs, dim=-1)
    x, y, z = d.unbind(-1)
    out = [torch.full_like(x, C0)]
    if degree > 0:
        out += [-_C1 * y, _C1 * z, -_C1 * x]
    if degree > 1:
        xx, yy, zz, xy, yz, xz = x * x, y * y, z * z, x * y, y * z, x * z
        out += [
            _C2[0] * xy,
            _C2[1] * yz,
            _C2[2] * (2.0 * zz - xx - yy),
            _C2[3] * xz,
            _C2[4] * (xx - yy),
        ]
    if degree > 2:
        out += [
            _C3[0] * y * (3 * xx - yy),
            _C3[1] * xy * z,
            _C3[2] * y * (4 * zz - xx - yy),
            _C3[3] * z * (2 * zz - 3 * xx - 3 * yy),
            _C3[4] * x * (4 * zz - xx - yy),
            _C3[5] * z * (xx - yy),
            _C3[6] * x * (xx - 3 * yy),
        ]
    return torch.stack(out, dim=-1)


def eval_sh(sh: torch.Tensor, dirs: torch.Tensor) -> torch.Tensor:
    """Evaluates SH colours, including 3DGS's ``+0.5`` offset and clamp at zero.

    Args:
        sh: ``(..., K, 3)`` coefficients, ``K`` in {1, 4, 9, 16}.
        dirs: ``(..., 3)`` viewing directions (need not be normalised), broadcastable with ``sh``.

    Returns:
        ``(..., 3)`` non-negative colours.
    """
    degree = sh_degree_from_bases(sh.shape[-2])
    # Degree 0 skips the direction entirely: the common LGM/RGB case, and no NaN for d = 0.
    out = C0 * sh[..., 0, :] if degree == 0 else (sh_basis(degree, dirs).unsqueeze(-1) * sh).sum(-2)
    return torch.clamp_min(out + 0.5, 0.0)


def rotate_sh(sh: torch.Tensor, rotation: torch.Tensor) -> torch.Tensor:
    """Coefficients of the SH colours after rotating the world by ``rotation`` ``(3, 3)``.

    The rotated function is ``f'(d) = f(R^T d)``. Rotations map each SH band onto itself, so
    the coefficient map is found exactly (to rounding) by least squares on random directions.
    """
    degree = sh_degree_from_bases(sh.shape[-2])
    if degree == 0:
        return sh
    gen = torch.Generator().manual_seed(0)
    dirs = torch.randn(64, 3, generator=gen, dtype=torch.float64)
    rot = rotation.detach().to(torch.float64).cpu()
    basis = sh_basis(degree, dirs)  # (M, K)
    basis_rot = sh_basis(degree, dirs @ rot)  # rows are R^T d
    mapping = torch.linalg.lstsq(basis, basis_rot).solution  # (K, K): c' = mapping @ c
    return torch.einsum("ij,...jc->...ic", mapping.to(sh), sh)
