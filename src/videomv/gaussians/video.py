"""Render Gaussians along a camera path and write an mp4, a webm, a gif or a folder of PNGs.

An output's kind follows its suffix (:func:`output_kind`): ``.mp4`` (H.264), ``.webm`` (VP9),
``.gif``, or no suffix for a folder of ``000.png``, ``001.png`` ... Any other suffix is refused, so
``--out x.png`` never becomes a folder named ``x.png``.
"""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import torch
from tqdm.auto import tqdm

from .container import Gaussians
from .projection import unpack_cameras
from .rasterize import Backend, rasterize

# ffmpeg encoder of each video suffix (imageio-ffmpeg's binary); a gif is written by Pillow.
VIDEO_ENCODERS = {".mp4": "libx264", ".webm": "libvpx-vp9", ".gif": None}
VIDEO_SUFFIXES = tuple(VIDEO_ENCODERS)
# Constant quality for VP9 (its default bitrate mode needs a target and says so on every write).
WEBM_PARAMS = ["-crf", "32", "-b:v", "0"]


def output_kind(path: str | os.PathLike, option: str = "--out") -> str:
    """``"folder"`` or the video suffix (``".mp4"``, ``".webm"``, ``".gif"``) that ``path`` asks for.

    A path without a suffix, or an existing folder, is a folder of PNG frames.

    Raises:
        ValueError: any other suffix, in one line that lists the kinds.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in VIDEO_SUFFIXES:
        return suffix
    if not suffix or path.is_dir():
        return "folder"
    raise ValueError(
        f"{option} {path}: unknown output kind {suffix!r}; write {', '.join(VIDEO_SUFFIXES)} "
        "or a folder of PNGs (a path without a suffix)"
    )


def check_video_writable(suffix: str, option: str = "--out") -> None:
    """Refuses a video kind this machine cannot encode, in one line, before any rendering.

    Raises:
        ImportError: an .mp4 / .webm without imageio-ffmpeg.
        ValueError: an ffmpeg without the suffix's encoder.
    """
    encoder = VIDEO_ENCODERS.get(suffix)
    if encoder is None:
        return
    encoders, exe = _ffmpeg_encoders()
    if encoder not in encoders:
        raise ValueError(
            f"{option}: this ffmpeg ({exe}) has no {encoder} encoder for {suffix} videos; "
            f"write {' or '.join(s for s in VIDEO_SUFFIXES if s != suffix)} or a folder of PNGs"
        )


@functools.cache
def _ffmpeg_encoders() -> tuple[frozenset[str], str]:
    """The video encoders of imageio-ffmpeg's ffmpeg, and its path (asked once per process, ~50 ms)."""
    try:
        import imageio_ffmpeg
    except ImportError as err:
        raise ImportError("writing .mp4 / .webm needs imageio-ffmpeg: pip install imageio-ffmpeg") from err
    exe = imageio_ffmpeg.get_ffmpeg_exe()
    listing = subprocess.run([exe, "-hide_banner", "-encoders"], capture_output=True, text=True, check=False).stdout
    # Lines look like " V....D libx264   libx264 H.264 / AVC ...": flags, then the encoder's name.
    names = {parts[1] for line in listing.splitlines() if len(parts := line.split()) > 1 and parts[0].startswith("V")}
    return frozenset(names), exe


@torch.no_grad()
def render_frames(
    gaussians: Gaussians,
    cameras: Any,
    width: int,
    height: int,
    background: float | tuple[float, float, float] = 1.0,
    backend: Backend = "auto",
    batch_size: int = 8,
    progress: bool = False,
) -> np.ndarray:
    """Renders every camera; returns ``(F, H, W, 3)`` uint8 frames.

    Args:
        gaussians: the model.
        cameras: cameras as :func:`videomv.gaussians.rasterize` takes them.
        width, height: frame size.
        background: background colour in [0, 1].
        backend: rasterizer backend.
        batch_size: cameras rendered per rasterizer call (bounds memory).
        progress: show a progress bar (tqdm), one step per frame.
    """
    c2w, intrinsics = unpack_cameras(cameras)
    frames = []
    with tqdm(total=c2w.shape[0], desc="render", unit="frame", disable=not progress) as bar:
        for i in range(0, c2w.shape[0], batch_size):
            out = rasterize(
                gaussians, (c2w[i : i + batch_size], intrinsics[i : i + batch_size]), width, height,
                background=torch.tensor(background, dtype=gaussians.dtype).expand(3), backend=backend,
            )  # fmt: skip
            rgb = (out.rgb.clamp(0, 1) * 255).round().to(torch.uint8)
            frames.append(rgb.permute(0, 2, 3, 1).cpu().numpy())
            bar.update(len(frames[-1]))
    return np.concatenate(frames)


def write_frames(frames: np.ndarray, out: str | os.PathLike, fps: int = 30) -> Path:
    """Writes ``(F, H, W, 3)`` uint8 frames as ``.mp4`` / ``.webm`` / ``.gif``, or as PNGs into a folder.

    The kind follows the suffix (:func:`output_kind`); frames in a folder are named ``000.png``,
    ``001.png``... Video files are written to a temporary name first and moved into place when complete.

    Raises:
        ValueError: an unknown suffix, a kind this machine cannot encode, an ``.mp4`` of odd frame
            sides (H.264 in yuv420p needs even ones), or a video the encoder left empty.
    """
    import imageio.v2 as imageio

    out = Path(out)
    suffix = output_kind(out, "output")
    if suffix == ".mp4" and (frames.shape[1] % 2 or frames.shape[2] % 2):
        # Checked here because ffmpeg only logs the problem and leaves an empty file behind.
        raise ValueError(
            f"{out}: an .mp4 needs even frame sides, got {frames.shape[2]}x{frames.shape[1]}; write a .webm or .gif"
        )
    if suffix == "folder":
        out.mkdir(parents=True, exist_ok=True)
        for i, frame in enumerate(frames):
            imageio.imwrite(out / f"{i:03d}.png", frame)
        return out
    check_video_writable(suffix, str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.tmp{suffix}")
    try:
        if suffix == ".gif":
            # loop=0: loop forever, as an orbit should.
            imageio.mimsave(tmp, list(frames), duration=1000.0 / fps, loop=0)
        elif suffix == ".webm":
            # VP9 takes odd sides; macro_block_size=1 keeps the frames' own size.
            imageio.mimsave(
                tmp, list(frames), fps=fps, codec=VIDEO_ENCODERS[suffix], macro_block_size=1, quality=None,
                output_params=WEBM_PARAMS,
            )  # fmt: skip
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
    progress: bool = False,
) -> Path:
    """Renders Gaussians from each camera in order and writes the frames (see
    :func:`write_frames` for the output kinds). Returns the path written."""
    frames = render_frames(gaussians, cameras, width, height, background, backend, progress=progress)
    return write_frames(frames, out, fps)
