"""The ``Cameras`` batch and the rigs that build one (orbits, spirals, given angle lists)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from .conventions import check_convention, convert_pose
from .geometry import (
    ArrayLike,
    cartesian_to_spherical,
    intrinsics_from_fov,
    intrinsics_matrix,
    look_at,
    spherical_to_cartesian,
)
from .rays import camera_embedding, normalize_poses, plucker_rays, scale_intrinsics

_ORTHONORMAL_TOL = 1e-3


@dataclass
class Cameras:
    """A batch of pinhole cameras sharing one image size.

    Attributes:
        c2w: ``(N, 4, 4)`` float32 camera-to-world matrices, OpenCV axes, world z up.
        intrinsics: ``(N, 4)`` float32 ``(fx, fy, cx, cy)`` in pixels at ``width`` x ``height``.
        width: image width in pixels.
        height: image height in pixels.
    """

    c2w: torch.Tensor
    intrinsics: torch.Tensor
    width: int
    height: int

    def __post_init__(self) -> None:
        self.c2w = torch.as_tensor(self.c2w, dtype=torch.float32)
        self.intrinsics = torch.as_tensor(self.intrinsics, dtype=torch.float32)
        if self.intrinsics.ndim == 1:
            self.intrinsics = self.intrinsics.expand(len(self.c2w), 4).clone()
        validate_poses(self.c2w)
        if self.intrinsics.shape != (len(self.c2w), 4):
            raise ValueError(
                f"intrinsics must be (N, 4) (fx, fy, cx, cy) for N={len(self.c2w)} cameras, "
                f"got shape {tuple(self.intrinsics.shape)}"
            )
        if not torch.isfinite(self.intrinsics).all() or (self.intrinsics[:, :2] <= 0).any():
            raise ValueError("intrinsics must be finite with positive focal lengths")
        if self.width <= 0 or self.height <= 0:
            raise ValueError(f"image size must be positive, got {self.width}x{self.height}")

    def __len__(self) -> int:
        return len(self.c2w)

    def __getitem__(self, index: int | slice | Sequence[int] | torch.Tensor) -> Cameras:
        if isinstance(index, int):
            index = [index]
        return Cameras(self.c2w[index], self.intrinsics[index], self.width, self.height)

    def to(self, device: torch.device | str) -> Cameras:
        """The same cameras with tensors on ``device``."""
        return Cameras(self.c2w.to(device), self.intrinsics.to(device), self.width, self.height)

    @staticmethod
    def cat(cameras: Sequence[Cameras]) -> Cameras:
        """Concatenates batches that share one image size."""
        sizes = {(c.width, c.height) for c in cameras}
        if len(sizes) != 1:
            raise ValueError(f"cannot concatenate cameras of different image sizes: {sorted(sizes)}")
        width, height = sizes.pop()
        return Cameras(torch.cat([c.c2w for c in cameras]), torch.cat([c.intrinsics for c in cameras]), width, height)

    @property
    def w2c(self) -> torch.Tensor:
        """``(N, 4, 4)`` world-to-camera matrices (the rigid inverse of ``c2w``)."""
        rot_t = self.c2w[:, :3, :3].transpose(1, 2)
        w2c = torch.zeros_like(self.c2w)
        w2c[:, :3, :3] = rot_t
        w2c[:, :3, 3] = -(rot_t @ self.c2w[:, :3, 3:]).squeeze(-1)
        w2c[:, 3, 3] = 1.0
        return w2c

    @property
    def K(self) -> torch.Tensor:  # noqa: N802 - the standard name of the intrinsic matrix
        """``(N, 3, 3)`` intrinsic matrices."""
        return intrinsics_matrix(self.intrinsics)

    @property
    def centers(self) -> torch.Tensor:
        """``(N, 3)`` camera centres in world space."""
        return self.c2w[:, :3, 3]

    def spherical(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Azimuth, elevation (degrees) and radius of each camera centre about the origin."""
        return cartesian_to_spherical(self.centers)

    def resized(self, width: int, height: int) -> Cameras:
        """The same cameras for images resized to ``width`` x ``height``."""
        scaled = scale_intrinsics(self.intrinsics, (self.width, self.height), (width, height))
        return Cameras(self.c2w, scaled, width, height)

    def project(self, points: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Projects world points ``(P, 3)`` into every camera.

        Returns:
            ``(uv, depth)``: pixel coordinates ``(N, P, 2)`` (pixel centres at half-integers)
            and camera-space depth ``(N, P)``.
        """
        homo = torch.cat([points, torch.ones_like(points[:, :1])], dim=-1)
        cam = torch.einsum("nij,pj->npi", self.w2c, homo)[..., :3]
        depth = cam[..., 2]
        fx, fy, cx, cy = (self.intrinsics[:, None, i] for i in range(4))
        uv = torch.stack([fx * cam[..., 0] / depth + cx, fy * cam[..., 1] / depth + cy], dim=-1)
        return uv, depth

    def plucker(self, height: int | None = None, width: int | None = None) -> torch.Tensor:
        """Plücker ray maps ``(N, 6, H, W)``, at the cameras' size unless another is given."""
        height, width = height or self.height, width or self.width
        cams = self.resized(width, height)
        return plucker_rays(cams.c2w, cams.intrinsics, height, width)

    def embedding(self, convention: str = "blender") -> torch.Tensor:
        """``(N, 16)`` camera-embedding vectors: the poses in ``convention``, flattened."""
        return camera_embedding(self.c2w, convention)

    def normalized(self, index: int = 0, radius: float | None = None) -> Cameras:
        """These cameras in a world moved so view ``index`` sits at ``(0, 0, radius)`` looking
        at the origin along -z with image "up" along +y: ``[I | (0, 0, r)]`` in OpenGL camera
        axes, the canonical frame of LGM-style reconstructors. Relative poses are unchanged.
        """
        poses, _ = normalize_poses(self.c2w, index, radius, convention="blender")
        return Cameras(convert_pose(poses, "blender", "opencv"), self.intrinsics, self.width, self.height)

    def in_convention(self, convention: str) -> torch.Tensor:
        """``(N, 4, 4)`` camera-to-world matrices expressed in ``convention``."""
        return convert_pose(self.c2w, "opencv", check_convention(convention))


def validate_poses(c2w: torch.Tensor) -> None:
    """Raises a ValueError unless ``c2w`` is ``(N, 4, 4)``, finite and rigid."""
    if c2w.ndim != 3 or c2w.shape[1:] != (4, 4):
        raise ValueError(f"camera poses must be (N, 4, 4) matrices, got shape {tuple(c2w.shape)}")
    if not torch.isfinite(c2w).all():
        raise ValueError("camera poses contain NaN or inf")
    rot = c2w[:, :3, :3].double()
    eye = torch.eye(3, dtype=rot.dtype, device=rot.device)
    error = (rot.transpose(1, 2) @ rot - eye).abs().amax(dim=(1, 2))
    bad = (error > _ORTHONORMAL_TOL) | (torch.linalg.det(rot) < 0)
    if bad.any():
        views = bad.nonzero().flatten().tolist()
        raise ValueError(
            f"camera poses {views} have rotations that are not orthonormal right-handed "
            f"(error {error.max():.2g}); give rigid camera-to-world matrices"
        )
    bottom = torch.tensor([0.0, 0.0, 0.0, 1.0], dtype=c2w.dtype, device=c2w.device)
    if not torch.allclose(c2w[:, 3], bottom.expand(len(c2w), 4)):
        raise ValueError("camera poses must have a last row of (0, 0, 0, 1)")


def _image_size(size: int | tuple[int, int]) -> tuple[int, int]:
    return (size, size) if isinstance(size, int) else (int(size[0]), int(size[1]))


def from_spherical(
    azimuths: ArrayLike,
    elevations: ArrayLike,
    radius: ArrayLike = 2.0,
    fov: float = 39.6,
    size: int | tuple[int, int] = 256,
    target: ArrayLike = (0.0, 0.0, 0.0),
) -> Cameras:
    """Cameras looking at ``target`` from the given azimuths and elevations (degrees).

    ``azimuths``, ``elevations`` and ``radius`` broadcast against each other, so one elevation
    serves a whole list of azimuths. ``size`` is an int or ``(width, height)``; ``fov`` is vertical.
    """
    width, height = _image_size(size)
    az, el, r = torch.broadcast_tensors(
        torch.as_tensor(azimuths, dtype=torch.float32).reshape(-1),
        torch.as_tensor(elevations, dtype=torch.float32).reshape(-1),
        torch.as_tensor(radius, dtype=torch.float32).reshape(-1),
    )
    if (r <= 0).any():
        raise ValueError("camera radius must be positive")
    target_t = torch.as_tensor(target, dtype=torch.float32)
    c2w = look_at(spherical_to_cartesian(az, el, r) + target_t, target_t)
    return Cameras(c2w, intrinsics_from_fov(fov, width, height), width, height)


def orbit(
    num_views: int = 24,
    elevation: float | Sequence[float] = 15.0,
    radius: float = 2.0,
    fov: float = 39.6,
    size: int | tuple[int, int] = 256,
    start_azimuth: float = 0.0,
) -> Cameras:
    """Views evenly spaced on a full circle of azimuths around the origin.

    With several elevations the rig has ``num_views`` views at each, ordered elevation by
    elevation (``num_views * len(elevation)`` cameras in all).
    """
    if num_views < 1:
        raise ValueError(f"an orbit needs at least one view, got {num_views}")
    elevations = [float(elevation)] if isinstance(elevation, int | float) else [float(e) for e in elevation]
    azimuths = start_azimuth + torch.arange(num_views, dtype=torch.float32) * (360.0 / num_views)
    rigs = [from_spherical(azimuths, e, radius, fov, size) for e in elevations]
    return Cameras.cat(rigs)


def spiral(
    num_views: int = 60,
    elevation_range: tuple[float, float] = (-10.0, 40.0),
    turns: float = 2.0,
    radius: float = 2.0,
    fov: float = 39.6,
    size: int | tuple[int, int] = 256,
    start_azimuth: float = 0.0,
) -> Cameras:
    """A path that circles ``turns`` times while its elevation rises through ``elevation_range``."""
    if num_views < 1:
        raise ValueError(f"a spiral needs at least one view, got {num_views}")
    t = torch.linspace(0.0, 1.0, num_views)
    azimuths = start_azimuth + t * 360.0 * turns
    elevations = elevation_range[0] + t * (elevation_range[1] - elevation_range[0])
    return from_spherical(azimuths, elevations, radius, fov, size)
