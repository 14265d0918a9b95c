"""Camera poses, intrinsics, rigs, conventions, Plücker rays and camera-embedding vectors.

Poses are camera-to-world 4x4 float32 matrices in the OpenCV convention (x right, y down,
z forward; world z up). ``conventions`` converts to and from the Blender and OpenGL axes.
"""

from .cameras import Cameras, from_spherical, orbit, spiral, validate_poses
from .conventions import CONVENTIONS, Convention, check_convention, convert_pose, world_up
from .geometry import (
    cartesian_to_spherical,
    fov_from_intrinsics,
    intrinsics_from_fov,
    intrinsics_matrix,
    look_at,
    spherical_to_cartesian,
)
from .rays import (
    camera_embedding,
    normalize_poses,
    plucker_rays,
    ray_directions,
    scale_intrinsics,
    world_rays,
)

__all__ = [
    "CONVENTIONS",
    "Cameras",
    "Convention",
    "camera_embedding",
    "cartesian_to_spherical",
    "check_convention",
    "convert_pose",
    "fov_from_intrinsics",
    "from_spherical",
    "intrinsics_from_fov",
    "intrinsics_matrix",
    "look_at",
    "normalize_poses",
    "orbit",
    "plucker_rays",
    "ray_directions",
    "scale_intrinsics",
    "spherical_to_cartesian",
    "spiral",
    "validate_poses",
    "world_rays",
    "world_up",
]
