"""The :class:`Gaussians` container: raw (pre-activation) parameters of N 3D Gaussians."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields

import torch

from .sh import eval_sh, rgb_to_sh, rotate_sh, sh_degree_from_bases


@dataclass
class Gaussians:
    """N 3D Gaussians, stored as the raw parameters that 3DGS optimises and saves.

    Activations (the same as 3DGS and the standard ``.ply``):

    * position: ``means`` as is;
    * rotation: ``quats`` ``(w, x, y, z)``, normalised on use (:attr:`rotations`);
    * scale: ``exp(log_scales)`` (:attr:`scales`), standard deviations along the local axes;
    * opacity: ``sigmoid(opacity_logits)`` (:attr:`opacities`);
    * colour: SH coefficients ``sh`` ``(N, K, 3)``, ``K = (degree + 1)**2``; the colour seen
      along direction ``d`` is ``max(0, 0.5 + sum_k sh[:, k] * Y_k(d))``. Plain RGB colour is
      degree 0 (:meth:`from_activated` converts it).

    Attributes:
        means: ``(N, 3)`` centres in world space.
        quats: ``(N, 4)`` rotations as quaternions, w first, any norm > 0.
        log_scales: ``(N, 3)`` log standard deviations.
        opacity_logits: ``(N,)`` opacity logits.
        sh: ``(N, K, 3)`` SH coefficients, ``K`` in {1, 4, 9, 16}.
    """

    means: torch.Tensor
    quats: torch.Tensor
    log_scales: torch.Tensor
    opacity_logits: torch.Tensor
    sh: torch.Tensor

    def __post_init__(self) -> None:
        n = self.means.shape[0] if self.means.dim() == 2 else -1
        expected = {
            "means": (n, 3),
            "quats": (n, 4),
            "log_scales": (n, 3),
            "opacity_logits": (n,),
        }
        for name, shape in expected.items():
            value = getattr(self, name)
            if not isinstance(value, torch.Tensor) or tuple(value.shape) != shape:
                got = tuple(value.shape) if isinstance(value, torch.Tensor) else type(value)
                raise ValueError(f"Gaussians.{name} must have shape {shape}, got {got}")
        if self.sh.dim() != 3 or self.sh.shape[0] != n or self.sh.shape[2] != 3:
            raise ValueError(f"Gaussians.sh must have shape ({n}, K, 3), got {tuple(self.sh.shape)}")
        sh_degree_from_bases(self.sh.shape[1])

    # --- construction ---------------------------------------------------------------------

    @classmethod
    def from_activated(
        cls,
        means: torch.Tensor,
        quats: torch.Tensor,
        scales: torch.Tensor,
        opacities: torch.Tensor,
        colors: torch.Tensor,
    ) -> Gaussians:
        """Builds Gaussians from activated values (what LGM-style networks output).

        Args:
            means: ``(N, 3)`` centres.
            quats: ``(N, 4)`` quaternions, w first.
            scales: ``(N, 3)`` positive standard deviations.
            opacities: ``(N,)`` or ``(N, 1)`` opacities in (0, 1).
            colors: ``(N, 3)`` RGB in [0, 1], or ``(N, K, 3)`` SH coefficients.
        """
        eps = torch.finfo(opacities.dtype).eps
        opacities = opacities.reshape(-1).clamp(eps, 1 - eps)
        sh = rgb_to_sh(colors).unsqueeze(1) if colors.dim() == 2 else colors
        return cls(means, quats, scales.log(), torch.logit(opacities), sh)

    @classmethod
    def cat(cls, items: Sequence[Gaussians]) -> Gaussians:
        """Concatenates Gaussians; SH of lower degree are zero-padded to the highest one."""
        if not items:
            raise ValueError("Gaussians.cat needs at least one Gaussians")
        k = max(g.sh.shape[1] for g in items)
        sh = [torch.nn.functional.pad(g.sh, (0, 0, 0, k - g.sh.shape[1])) for g in items]
        return cls(
            torch.cat([g.means for g in items]),
            torch.cat([g.quats for g in items]),
            torch.cat([g.log_scales for g in items]),
            torch.cat([g.opacity_logits for g in items]),
            torch.cat(sh),
        )

    # --- activated views ------------------------------------------------------------------

    @property
    def rotations(self) -> torch.Tensor:
        """``(N, 4)`` unit quaternions, w first."""
        return torch.nn.functional.normalize(self.quats, dim=-1)

    @property
    def scales(self) -> torch.Tensor:
        """``(N, 3)`` standard deviations."""
        return self.log_scales.exp()

    @property
    def opacities(self) -> torch.Tensor:
        """``(N,)`` opacities in (0, 1)."""
        return torch.sigmoid(self.opacity_logits)

    @property
    def sh_degree(self) -> int:
        return sh_degree_from_bases(self.sh.shape[1])

    @property
    def rgb(self) -> torch.Tensor:
        """``(N, 3)`` view-independent colour (degree-0 term only)."""
        return eval_sh(self.sh[:, :1], self.means)

    def __len__(self) -> int:
        return self.means.shape[0]

    @property
    def device(self) -> torch.device:
        return self.means.device

    @property
    def dtype(self) -> torch.dtype:
        return self.means.dtype

    # --- tensor-like helpers ----------------------------------------------------------------

    def _map(self, fn) -> Gaussians:
        return Gaussians(*(fn(getattr(self, f.name)) for f in fields(self)))

    def __getitem__(self, index) -> Gaussians:
        """Selects Gaussians by int, slice, index tensor or boolean mask."""
        if isinstance(index, int):
            index = slice(index, index + 1 if index != -1 else None)
        return self._map(lambda t: t[index])

    def to(self, *args, **kwargs) -> Gaussians:
        return self._map(lambda t: t.to(*args, **kwargs))

    def detach(self) -> Gaussians:
        return self._map(torch.Tensor.detach)

    def clone(self) -> Gaussians:
        return self._map(torch.Tensor.clone)

    def validate(self) -> Gaussians:
        """Raises a ValueError naming the first parameter with NaN or infinite entries."""
        for f in fields(self):
            value = getattr(self, f.name)
            if not torch.isfinite(value).all():
                bad = int((~torch.isfinite(value)).reshape(value.shape[0], -1).any(1).sum())
                raise ValueError(f"Gaussians.{f.name} has non-finite values in {bad} Gaussian(s)")
        if (self.quats.norm(dim=-1) == 0).any():
            raise ValueError("Gaussians.quats has zero-length quaternions")
        return self

    def prune(self, min_opacity: float = 1 / 255) -> Gaussians:
        """Keeps the Gaussians whose opacity is at least ``min_opacity``."""
        return self[self.opacities >= min_opacity]

    def transform(
        self,
        rotation: torch.Tensor | None = None,
        translation: torch.Tensor | None = None,
        scale: float = 1.0,
    ) -> Gaussians:
        """Applies ``x -> scale * rotation @ x + translation`` to the whole model.

        Rotations, scales and view-dependent colour (SH) follow, so renders from cameras moved
        by the same transform are unchanged.

        Args:
            rotation: ``(3, 3)`` rotation matrix (identity if None).
            translation: ``(3,)`` translation (zero if None).
            scale: uniform scale factor > 0.
        """
        if scale <= 0:
            raise ValueError(f"scale must be > 0, got {scale}")
        means, quats, sh = self.means * scale, self.quats, self.sh
        if rotation is not None:
            rotation = rotation.to(self.means)
            if not torch.allclose(rotation @ rotation.T, torch.eye(3).to(rotation), atol=1e-4):
                raise ValueError("rotation must be an orthonormal 3x3 matrix")
            means = means @ rotation.T
            quats = quat_multiply(matrix_to_quat(rotation).expand_as(quats), quats)
            sh = rotate_sh(sh, rotation)
        if translation is not None:
            means = means + translation.to(means)
        return Gaussians(means, quats, self.log_scales + math.log(scale), self.opacity_logits, sh)


def quat_to_matrix(quats: torch.Tensor) -> torch.Tensor:
    """``(..., 4)`` quaternions (w first, normalised here) to ``(..., 3, 3)`` rotations."""
    w, x, y, z = torch.nn.functional.normalize(quats, dim=-1).unbind(-1)
    return torch.stack(
        [
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
        ],
        dim=-1,
    ).reshape(*quats.shape[:-1], 3, 3)  # fmt: skip


def matrix_to_quat(matrix: torch.Tensor) -> torch.Tensor:
    """``(3, 3)`` rotation to a unit quaternion ``(4,)``, w first (Shepperd's method)."""
    m = matrix.to(torch.float64)
    trace = m.trace()
    # Pick the largest of (w, x, y, z) to divide by, for numerical stability.
    candidates = torch.stack([trace, m[0, 0], m[1, 1], m[2, 2]])
    i = int(candidates.argmax())
    if i == 0:
        s = 2 * torch.sqrt(1 + trace)
        q = [s / 4, (m[2, 1] - m[1, 2]) / s, (m[0, 2] - m[2, 0]) / s, (m[1, 0] - m[0, 1]) / s]
    elif i == 1:
        s = 2 * torch.sqrt(1 + m[0, 0] - m[1, 1] - m[2, 2])
        q = [(m[2, 1] - m[1, 2]) / s, s / 4, (m[0, 1] + m[1, 0]) / s, (m[0, 2] + m[2, 0]) / s]
    elif i == 2:
        s = 2 * torch.sqrt(1 + m[1, 1] - m[0, 0] - m[2, 2])
        q = [(m[0, 2] - m[2, 0]) / s, (m[0, 1] + m[1, 0]) / s, s / 4, (m[1, 2] + m[2, 1]) / s]
    else:
        s = 2 * torch.sqrt(1 + m[2, 2] - m[0, 0] - m[1, 1])
        q = [(m[1, 0] - m[0, 1]) / s, (m[0, 2] + m[2, 0]) / s, (m[1, 2] + m[2, 1]) / s, s / 4]
    return torch.stack(q).to(matrix.dtype)


def quat_multiply(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Hamilton product ``a * b`` of ``(..., 4)`` quaternions, w first."""
    aw, ax, ay, az = a.unbind(-1)
    bw, bx, by, bz = b.unbind(-1)
    return torch.stack(
        [
            aw * bw - ax * bx - ay * by - az * bz,
            aw * bx + ax * bw + ay * bz - az * by,
            aw * by - ax * bz + ay * bw + az * bx,
            aw * bz + ax * by - ay * bx + az * bw,
        ],
        dim=-1,
    )
