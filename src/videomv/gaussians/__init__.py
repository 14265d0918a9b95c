"""3D Gaussians: the container, ``.ply``/``.splat`` I/O, rasterizers, fitting, orbit videos, edits and meshes.

Imports nothing else from videomv: cameras are duck-typed (``c2w`` + ``intrinsics``).
"""

from .container import Gaussians, matrix_to_quat, quat_multiply, quat_to_matrix
from .edit import (
    crop_box,
    crop_sphere,
    inverse_transform,
    merge,
    prune,
    recolor,
    replace_color,
    rotation_matrix,
    transform,
    up_axis_rotation,
)
from .fit import fit_gaussians, init_gaussians, psnr, ssim
from .io import load_ply, save_ply, save_splat
from .mesh import TriangleMesh, gaussians_to_mesh
from .mesh_io import save_mesh
from .mesh_options import MeshOptions
from .mesh_raster import render_mesh
from .rasterize import BACKENDS, RasterOutput, rasterize, select_backend
from .sh import eval_sh, rgb_to_sh, sh_to_rgb
from .video import render_frames, render_orbit_video, write_frames

__all__ = [
    "BACKENDS",
    "Gaussians",
    "MeshOptions",
    "RasterOutput",
    "TriangleMesh",
    "crop_box",
    "crop_sphere",
    "eval_sh",
    "fit_gaussians",
    "gaussians_to_mesh",
    "init_gaussians",
    "inverse_transform",
    "load_ply",
    "matrix_to_quat",
    "merge",
    "prune",
    "psnr",
    "quat_multiply",
    "quat_to_matrix",
    "rasterize",
    "recolor",
    "render_frames",
    "render_mesh",
    "render_orbit_video",
    "replace_color",
    "rgb_to_sh",
    "rotation_matrix",
    "save_mesh",
    "save_ply",
    "save_splat",
    "select_backend",
    "sh_to_rgb",
    "ssim",
    "transform",
    "up_axis_rotation",
    "write_frames",
]
