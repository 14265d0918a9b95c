"""One generation, start to finish: load a pipeline, sample, and write every result to a folder.

:func:`generate_to_folder` is what ``videomv generate`` (and later the web app) runs. A result
folder holds

* ``views/000.png …``: the generated views in camera order, and ``grid.png`` with all of them;
* ``views.mp4`` / ``views.gif``: the views played as an orbit;
* ``gaussians.ply``: the 3D Gaussians reconstructed from the final views (3DGS layout), and
  ``gaussians_orbit.mp4``: an orbit rendered from them (only with a reconstructor in the pipeline);
* ``result.json``: every setting, the seed, the time of each stage and the library versions.

The folder is written under a temporary name next to ``out`` and renamed at the end, so an
interrupted run never leaves a half-written result under the final name.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import platform
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from diffusers.utils import logging as diffusers_logging
from tqdm.auto import tqdm

from .. import __version__
from ..cameras import orbit
from ..fileio import staged_folder
from ..gaussians import Gaussians, render_orbit_video, save_ply, write_frames
from ..sampling import SOLVERS, switch_solver
from .videomv import VideoMVPipeline

# The model that ships inside the package (package data), used when no --model is given.
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "weights" / "default"
DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}
RESULT_FILE = "result.json"
# Views per row of grid.png.
GRID_COLUMNS = 8


@dataclass
class GenerateSettings:
    """What to generate; None means the model's own default (from its ``model_index.json``)."""

    prompt: str | None = None
    image: str | None = None
    views: int | None = None
    elevation: float | None = None
    radius: float | None = None
    steps: int | None = None
    guidance: float | None = None
    seed: int = 0
    three_d_aware: bool = True
    # Where x̂0 is replaced by the Gaussians' renders (fractions of the loop or step indices), and the
    # renders' weight there.
    three_d_aware_steps: list[int] | list[float] | None = None
    three_d_aware_blend: float | None = None
    # Frames of the orbit rendered from the Gaussians, and the frame rates of the two videos.
    orbit_frames: int = 48
    views_fps: int = 8
    orbit_fps: int = 24

    def check(self) -> None:
        """Raises ``ValueError`` / ``FileNotFoundError`` with a one-line message for bad settings."""
        if self.prompt is None and self.image is None:
            raise ValueError("give --image PATH or --prompt TEXT (or both, for models that take both)")
        if self.image is not None and not Path(self.image).is_file():
            raise FileNotFoundError(f"image file not found: {self.image}")
        if self.prompt is not None and not self.prompt.strip():
            raise ValueError("the prompt is empty")
        positive = {"steps": self.steps or 1, "orbit_frames": self.orbit_frames, "views": self.views or 1}
        bad = [name for name, value in positive.items() if value < 1]
        if bad:
            raise ValueError(f"{', '.join(bad)} must be at least 1")


@dataclass
class GenerateResult:
    """Where the results went and what ``result.json`` says."""

    out: Path
    files: dict[str, str]
    record: dict[str, Any] = field(default_factory=dict)


def resolve_device(device: str = "auto") -> torch.device:
    """``"auto"`` → CUDA when available, else CPU; any other torch device name as given."""
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    resolved = torch.device(device)
    if resolved.type == "cuda" and not torch.cuda.is_available():
        raise ValueError("--device cuda was asked for but no CUDA device is available; use --device cpu")
    return resolved


def load_pipeline(
    model: str | os.PathLike | None = None,
    device: str = "auto",
    dtype: str = "float32",
    scheduler: str | None = None,
    progress: bool = True,
) -> VideoMVPipeline:
    """Loads a pipeline folder (default: the shipped model) onto ``device`` in ``dtype``.

    Args:
        model: a folder written by ``VideoMVPipeline.save_pretrained``; None: the shipped model.
        device: ``"auto"``, ``"cpu"``, ``"cuda"``, ``"cuda:1"`` ...
        dtype: ``"float32"``, ``"float16"`` (CUDA only) or ``"bfloat16"``.
        scheduler: a solver of :data:`videomv.sampling.SOLVERS` to sample with (same noise schedule);
            None keeps the model's.
        progress: show diffusers' loading progress bar.

    Raises:
        FileNotFoundError, ValueError: with a one-line message for each thing that can be wrong.
    """
    if dtype not in DTYPES:
        raise ValueError(f"unknown dtype {dtype!r}; use one of {', '.join(DTYPES)}")
    if scheduler is not None and scheduler not in SOLVERS:
        raise ValueError(f"unknown scheduler {scheduler!r}; use one of {', '.join(SOLVERS)}")
    torch_device = resolve_device(device)
    if dtype == "float16" and torch_device.type == "cpu":
        raise ValueError("float16 needs a CUDA device; use --dtype float32 or bfloat16 on the CPU")
    if model is None:
        if not (DEFAULT_MODEL / "model_index.json").is_file():
            raise FileNotFoundError(
                "the embedded default model is not shipped yet; pass --model PATH (a pipeline folder, e.g. one "
                'made with VideoMVPipeline.from_preset("tiny-cpu").save_pretrained(PATH))'
            )
        model = DEFAULT_MODEL
    path = Path(model)
    if not path.is_dir():
        raise FileNotFoundError(f"model folder not found: {path}")
    index = path / "model_index.json"
    class_name = json.loads(index.read_text()).get("_class_name") if index.is_file() else None
    if class_name != VideoMVPipeline.__name__:
        raise ValueError(f"{path} is not a VideoMV pipeline folder (no model_index.json of a VideoMVPipeline)")
    with _loading_progress_bars(progress):
        pipe = VideoMVPipeline.from_pretrained(path, dtype=DTYPES[dtype]).to(torch_device)
    if scheduler is not None:
        pipe.scheduler = switch_solver(pipe.scheduler, scheduler)
    return pipe


@contextlib.contextmanager
def _loading_progress_bars(enabled: bool) -> Iterator[None]:
    """Switches diffusers' and transformers' loading bars off for the block when not ``enabled``."""
    from transformers.utils import logging as transformers_logging

    libraries = (diffusers_logging, transformers_logging)
    if not enabled:
        for library in libraries:
            library.disable_progress_bar()
    try:
        yield
    finally:
        for library in libraries:
            library.enable_progress_bar()


def generate_to_folder(
    pipe: VideoMVPipeline,
    settings: GenerateSettings,
    out: str | os.PathLike,
    overwrite: bool = False,
    progress: bool = True,
    info: dict[str, Any] | None = None,
    timings: dict[str, float] | None = None,
) -> GenerateResult:
    """Generates one object with ``pipe`` and writes all results to the folder ``out``.

    Args:
        pipe: the pipeline (its scheduler, device and dtype are used as they are).
        settings: what to generate.
        out: the result folder; it must not exist, be empty, or (with ``overwrite``) hold an
            earlier result (a ``result.json``), which is then replaced.
        overwrite: replace an earlier result in ``out``.
        progress: show progress bars.
        info: extra entries for ``result.json``'s ``settings`` (model path, device, dtype ...).
        timings: stage timings measured before this call (e.g. loading), in seconds.

    Returns:
        The folder, its files by kind, and the record written to ``result.json``.
    """
    settings.check()
    out = Path(out)
    _check_destination(out, overwrite)
    timings = dict(timings or {})
    earlier = sum(timings.values())  # stages the caller timed (loading ...) count towards the total
    start = time.perf_counter()
    config = pipe.config
    views = settings.views or config.num_views
    elevation = config.elevation if settings.elevation is None else settings.elevation
    radius = settings.radius or config.radius
    guidance = config.guidance_scale if settings.guidance is None else settings.guidance
    steps = settings.steps or config.num_inference_steps

    pipe.set_progress_bar_config(disable=not progress, desc="denoising")
    tic = time.perf_counter()
    output = pipe(
        prompt=settings.prompt, image=settings.image, num_views=views, elevation=elevation, radius=radius,
        num_inference_steps=steps, guidance_scale=guidance,
        generator=torch.Generator().manual_seed(settings.seed), output_type="pt",
        three_d_aware=settings.three_d_aware, three_d_aware_steps=settings.three_d_aware_steps,
        three_d_aware_blend=settings.three_d_aware_blend,
    )  # fmt: skip
    timings["sample"] = time.perf_counter() - tic

    with staged_folder(out) as staging:
        frames = (output.views[0].permute(0, 2, 3, 1).numpy() * 255).round().astype(np.uint8)  # (F, H, W, 3)
        gaussians = output.gaussians[0] if output.gaussians is not None else None
        files: dict[str, str] = {}
        with tqdm(total=3 if gaussians is None else 5, desc="writing", disable=not progress) as bar:
            tic = time.perf_counter()
            files["views"] = _relative(write_frames(frames, staging / "views"), staging)
            files["grid"] = _relative(_write_grid(frames, staging / "grid.png"), staging)
            bar.update(2)
            for suffix in (".mp4", ".gif"):
                files[f"views_{suffix[1:]}"] = _relative(
                    write_frames(frames, staging / f"views{suffix}", settings.views_fps), staging
                )
            bar.update(1)
            timings["write_views"] = time.perf_counter() - tic
            if gaussians is not None:
                tic = time.perf_counter()
                gaussians = gaussians.to(dtype=torch.float32)
                save_ply(gaussians.to("cpu"), staging / "gaussians.ply")
                files["gaussians_ply"] = "gaussians.ply"
                bar.update(1)
                files["gaussians_orbit"] = _relative(
                    _render_gaussian_orbit(
                        gaussians, staging / "gaussians_orbit.mp4", settings, elevation, radius, config.fov,
                        pipe.image_size,
                    ),
                    staging,
                )  # fmt: skip
                bar.update(1)
                timings["gaussians"] = time.perf_counter() - tic
        timings["total"] = earlier + time.perf_counter() - start
        resolved = {"views": views, "elevation": elevation, "radius": radius, "guidance": guidance, "steps": steps}
        if settings.three_d_aware and pipe.reconstructor is not None:
            used = pipe.three_d_aware_config(steps=settings.three_d_aware_steps, blend=settings.three_d_aware_blend)
            resolved["three_d_aware_steps"], resolved["three_d_aware_blend"] = list(used.steps), used.blend
        record = _record(pipe, settings, resolved, gaussians, files, timings, info)
        (staging / RESULT_FILE).write_text(json.dumps(record, indent=2) + "\n")
    return GenerateResult(out=out, files=files, record=record)


def _check_destination(out: Path, overwrite: bool) -> None:
    """Refuses, before any work, a destination that would lose someone's files."""
    if not out.exists():
        return
    if not out.is_dir():
        raise FileExistsError(f"{out} exists and is not a folder")
    if any(out.iterdir()) and not (overwrite and (out / RESULT_FILE).is_file()):
        hint = "pass --overwrite to replace it" if (out / RESULT_FILE).is_file() else "choose another --out"
        raise FileExistsError(f"output folder {out} is not empty; {hint}")


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _write_grid(frames: np.ndarray, path: Path) -> Path:
    """All views on a white grid of up to :data:`GRID_COLUMNS` per row."""
    from PIL import Image

    count, height, width, _ = frames.shape
    columns = min(count, GRID_COLUMNS)
    rows = math.ceil(count / columns)
    grid = np.full((rows * height, columns * width, 3), 255, dtype=np.uint8)
    for i, frame in enumerate(frames):
        row, column = divmod(i, columns)
        grid[row * height : (row + 1) * height, column * width : (column + 1) * width] = frame
    Image.fromarray(grid).save(path)
    return path


def _render_gaussian_orbit(
    gaussians: Gaussians,
    path: Path,
    settings: GenerateSettings,
    elevation: float,
    radius: float,
    fov: float,
    size: int,
) -> Path:
    """An orbit video of ``gaussians`` on the generated views' orbit, with ``settings.orbit_frames`` frames."""
    cameras = orbit(settings.orbit_frames, elevation=elevation, radius=radius, fov=fov, size=size)
    device = gaussians.device
    return render_orbit_video(
        gaussians, (cameras.c2w.to(device), cameras.intrinsics.to(device)), path, size, size, settings.orbit_fps
    )


def _record(
    pipe: VideoMVPipeline,
    settings: GenerateSettings,
    defaults_filled: dict[str, Any],
    gaussians: Gaussians | None,
    files: dict[str, str],
    timings: dict[str, float],
    info: dict[str, Any] | None,
) -> dict[str, Any]:
    """The content of ``result.json``: settings as used (defaults filled in), timings, versions."""
    import diffusers

    versions = {
        "videomv": __version__, "torch": torch.__version__, "diffusers": diffusers.__version__,
        "python": platform.python_version(),
    }  # fmt: skip
    resolved = asdict(settings)
    resolved.update(
        **defaults_filled, fov=pipe.config.fov,
        image=str(Path(settings.image).resolve()) if settings.image else None,
        scheduler=type(pipe.scheduler).__name__, image_size=pipe.image_size,
        three_d_aware=settings.three_d_aware and pipe.reconstructor is not None,
        device=str(pipe.device), dtype=str(pipe.unet.dtype).removeprefix("torch."), **(info or {}),
    )  # fmt: skip
    return {
        "seed": settings.seed,
        "settings": resolved,
        "timings_s": {name: round(value, 3) for name, value in timings.items()},
        "outputs": files,
        "num_gaussians": len(gaussians) if gaussians is not None else 0,
        "versions": versions,
    }
