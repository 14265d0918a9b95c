"""3D Gaussians: the container, ``.ply``/``.splat`` I/O, rasterizers, fitting and orbit videos.

Imports nothing else from videomv: cameras are duck-typed (``c2w`` + ``intrinsics``).
"""

from .container import Gaussians, matrix_to_quat, quat_multiply, quat_to_matrix
from .fit import fit_gaussians, init_gaussians, psnr, ssim
from .io import load_ply, save_ply, save_splat
from .rasterize import BACKENDS, RasterOutput, rasterize, select_backend
from .sh import eval_sh, rgb_to_sh, sh_to_rgb
from .video import render_frames, render_orbit_video, write_frames

__all__ = [
    "BACKENDS",
    "Gaussians",
    "RasterOutput",
    "eval_sh",
    "fit_gaussians",
    "init_gaussians",
    "load_ply",
    "matrix_to_quat",
    "psnr",
    "quat_multiply",
    "quat_to_matrix",
    "rasterize",
    "render_frames",
    "render_orbit_video",
    "rgb_to_sh",
    "save_ply",
    "save_splat",
    "select_backend",
    "sh_to_rgb",
    "ssim",
    "write_frames",
]
