"""Render Gaussians along a camera path and write an mp4, a gif or a folder of PNGs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import torch

from .container import Gaussians
from .projection import unpack_cameras
from .rasterize import Backend, rasterize

VIDEO_SUFFIXES = (".mp4", ".gif")


@torch.no_grad()
def render_frames(
    gaussians: Gaussians,
    cameras: Any,
    width: int,
    height: int,
    background: float | tuple[float, float, float] = 1.0,
    backend: Backend = "auto",
    batch_size: int = 8,
) -> np.ndarray:
    """Renders every camera; returns ``(F, H, W, 3)`` uint8 frames.

    Args:
        gaussians: the model.
        cameras: cameras as :func:`videomv.gaussians.rasterize` takes them.
        width, height: frame size.
        background: background colour in [0, 1].
        backend: rasterizer backend.
        batch_size: cameras rendered per rasterizer call (bounds memory).
    """
    c2w, intrinsics = unpack_cameras(cameras)
    frames = []
    for i in range(0, c2w.shape[0], batch_size):
        out = rasterize(
            gaussians, (c2w[i : i + batch_size], intrinsics[i : i + batch_size]), width, height,
            background=torch.tensor(background, dtype=gaussians.dtype).expand(3), backend=backend,
        )  # fmt: skip
        rgb = (out.rgb.clamp(0, 1) * 255).round().to(torch.uint8)
        frames.append(rgb.permute(0, 2, 3, 1).cpu().numpy())
    return np.concatenate(frames)


def write_frames(frames: np.ndarray, out: str | os.PathLike, fps: int = 30) -> Path:
    """Writes ``(F, H, W, 3)`` uint8 frames as ``.mp4`` / ``.gif``, or as PNGs into a folder.

    Any path without a video suffix is a folder; frames are named ``000.png``, ``001.png``...
    Video files are written to a temporary name first and moved into place when complete.

    Raises:
        ValueError: an ``.mp4`` of odd frame sides (H.264 in yuv420p needs even ones), or a
            video the encoder left empty.
    """
    import imageio.v2 as imageio

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".mp4" and (frames.shape[1] % 2 or frames.shape[2] % 2):
        # Checked here because ffmpeg only logs the problem and leaves an empty file behind.
        raise ValueError(
            f"{out}: an .mp4 needs even frame sides, got {frames.shape[2]}x{frames.shape[1]}; write a .gif"
        )
    if suffix not in VIDEO_SUFFIXES:
        out.mkdir(parents=True, exist_ok=True)
        for i, frame in enumerate(frames):
            imageio.imwrite(out / f"{i:03d}.png", frame)
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.tmp{suffix}")
    try:
        if suffix == ".gif":
            # loop=0: loop forever, as an orbit should.
            imageio.mimsave(tmp, list(frames), duration=1000.0 / fps, loop=0)
        else:
            # yuv420p needs even sizes; macro_block_size=1 keeps the frames' own size.
            imageio.mimsave(tmp, list(frames), fps=fps, macro_block_size=1, quality=8)
        if not tmp.is_file() or tmp.stat().st_size == 0:
            raise ValueError(f"{out}: the video encoder wrote nothing (see its messages above)")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def render_orbit_video(
    gaussians: Gaussians,
    cameras: Any,
    out: str | os.PathLike,
    width: int,
    height: int,
    fps: int = 30,
    background: float | tuple[float, float, float] = 1.0,
    backend: Backend = "auto",
) -> Path:
    """Renders Gaussians from each camera in order and writes the frames (see
    :func:`write_frames` for the output kinds). Returns the path written."""
    frames = render_frames(gaussians, cameras, width, height, background, backend)
    return write_frames(frames, out, fps)
