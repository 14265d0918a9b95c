"""One generation, start to finish: load a pipeline, sample, and write every result to a folder.

:func:`generate_to_folder` is what ``videomv generate`` (and later the web app) runs. A result
folder holds

* ``views/``: the generated views in camera order as a multi-view sample of our on-disk format
  (:mod:`videomv.data.format`: RGBA ``000.png …`` whose alpha is the Gaussians' at the views'
  cameras, opaque without a reconstructor, and ``cameras.json`` with those cameras and the prompt
  as caption), so ``fit``, ``data validate``, ``data show`` and ``eval`` read it back; ``grid.png``
  with all of them;
* ``views.mp4`` / ``views.gif``: the views played as an orbit;
* ``gaussians.ply``: the 3D Gaussians reconstructed from the final views (3DGS layout), and
  ``gaussians_orbit.mp4``: an orbit rendered from them (only with a reconstructor in the pipeline);
* ``mesh.glb``: a textured mesh of those Gaussians (when asked for, :attr:`GenerateSettings.mesh`);
* ``result.json``: every setting, the seed, the time of each stage and the library versions.

The folder is written under a temporary name next to ``out`` and renamed at the end, so an
interrupted run never leaves a half-written result under the final name.
"""

from __future__ import annotations

import json
import math
import numbers
import os
import platform
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from tqdm.auto import tqdm

from .. import __version__
from ..cameras import Cameras, fov_from_intrinsics, intrinsics_from_fov, orbit
from ..fileio import check_output_folder, staged_folder, write_owner_marker
from ..gaussians import Gaussians, rasterize, render_orbit_video, save_ply, write_frames
from ..gaussians.mesh import MeshOptions, gaussians_to_mesh, require_mesh_libraries
from ..gaussians.mesh_io import save_mesh
from ..logs import library_progress_bars
from ..sampling import SOLVERS, resolve_steps, switch_solver
from .preprocess import check_image_file
from .videomv import VideoMVPipeline

if TYPE_CHECKING:
    from ..data.format import MultiViewSample

# The model that ships inside the package (package data), used when no --model is given.
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "weights" / "default"
# Kinds of device a pipeline runs on (``--device``).
DEVICE_TYPES = ("cpu", "cuda", "mps", "xpu")
DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}
RESULT_FILE = "result.json"
MESH_FILE = "mesh.glb"
# Views per row of grid.png.
GRID_COLUMNS = 8


# Bounds of the settings, checked before any model loads. Views are the frames of one video clip,
# so memory and time grow with them (attention over frames: faster than linearly); the published
# models were trained on 24, and 64 (5.6° apart) is well past what any of them was trained on.
MAX_VIEWS = 64
# The training schedules have 1000 steps; a sampler cannot take more steps than that.
MAX_STEPS = 1000
# 30 s of orbit at 24 fps, 0.5° apart; the frames are held in memory until the video is written.
MAX_ORBIT_FRAMES = 720
MAX_FPS = 120
# torch.Generator.manual_seed takes any 64-bit pattern; negatives would alias large seeds.
MAX_SEED = 2**64 - 1


def _whole(name: str, value: object, low: int, high: int) -> None:
    """Refuses a ``value`` that is not a whole number in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}, got {value!r}")


def _finite(name: str, value: object, low: float, high: float, rule: str) -> None:
    """Refuses a ``value`` that is not a finite number in [low, high]; ``rule`` says the range in words."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number ({rule}), got {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be {rule}, got {value!r}")


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
    # The views' cameras from a file (the on-disk format's cameras.json, or its sample folder) instead
    # of the orbit of views / elevation / radius; and the vertical field of view, degrees.
    cameras: str | None = None
    fov: float | None = None
    # Mesh the Gaussians into mesh.glb with these options (None: no mesh); the file's up axis.
    mesh: MeshOptions | None = None
    mesh_up: str = "y"

    def check(self, out: str | os.PathLike | None = None, overwrite: bool = False) -> None:
        """Checks every setting, and the result folder ``out`` when given, without loading a model.

        The one validation layer of a generation: the CLI, the web app and :func:`generate_to_folder`
        all call it, so a bad value fails at once, in one line, before anything is loaded or written.

        Raises:
            ValueError, FileNotFoundError, FileExistsError, IsADirectoryError, NotADirectoryError,
            PermissionError: a one-line message naming the setting or file at fault.
        """
        if self.prompt is None and self.image is None:
            raise ValueError("give --image PATH or --prompt TEXT (or both, for models that take both)")
        if self.prompt is not None and not self.prompt.strip():
            raise ValueError("the prompt is empty")
        for name, value, high in (("views", self.views, MAX_VIEWS), ("steps", self.steps, MAX_STEPS)):
            if value is not None:
                _whole(name, value, 1, high)
        _whole("orbit frames", self.orbit_frames, 1, MAX_ORBIT_FRAMES)
        _whole("views fps", self.views_fps, 1, MAX_FPS)
        _whole("orbit fps", self.orbit_fps, 1, MAX_FPS)
        _whole("seed", self.seed, 0, MAX_SEED)
        if self.elevation is not None:
            _finite("elevation", self.elevation, -90.0, 90.0, "from -90 to 90 degrees")
        if self.radius is not None:
            _finite("radius", self.radius, math.ulp(0.0), math.inf, "greater than 0")
        if self.guidance is not None:
            _finite("guidance", self.guidance, 0.0, math.inf, "0 or more; 1 or less turns guidance off")
        if self.three_d_aware_blend is not None:
            _finite("3D-aware blend", self.three_d_aware_blend, 0.0, 1.0, "from 0 to 1")
        if self.three_d_aware_steps is not None:
            # The sampler's own rule, on the loop given (the model's default loop is not known here).
            resolve_steps(self.three_d_aware_steps, MAX_STEPS if self.steps is None else self.steps)
        if self.fov is not None:
            _finite("fov", self.fov, math.ulp(0.0), math.nextafter(180.0, 0.0), "above 0 and below 180 degrees")
        self._check_mesh()
        if self.image is not None:
            check_image_file(self.image)
        self.load_cameras()
        if out is not None:
            check_destination(out, overwrite)

    def _check_mesh(self) -> None:
        if self.mesh_up not in ("y", "z"):
            raise ValueError(f"mesh up axis must be y or z, got {self.mesh_up!r}")
        if self.mesh is not None:
            self.mesh.check()
            require_mesh_libraries(self.mesh, write=True)  # a missing extra is said now, not after sampling

    def load_cameras(self) -> Cameras | None:
        """The views' cameras read from :attr:`cameras` (with :attr:`fov` when given), checked; None: the orbit.

        Raises:
            ValueError, FileNotFoundError: one line naming ``--cameras`` and what is wrong.
        """
        if self.cameras is None:
            return None
        for name, value in (("views", self.views), ("elevation", self.elevation), ("radius", self.radius)):
            if value is not None:
                raise ValueError(f"--{name} and --cameras: the views are the camera file's; leave --{name} out")
        cameras = _read_camera_file(Path(self.cameras))
        if len(cameras) > MAX_VIEWS:
            raise ValueError(f"--cameras {self.cameras}: holds {len(cameras)} cameras; at most {MAX_VIEWS} views")
        if cameras.width != cameras.height:
            # The models generate square views; squeezing the file's cameras would change their field of view.
            raise ValueError(
                f"--cameras {self.cameras}: its views are {cameras.width}x{cameras.height}; models generate square "
                "views, so give cameras of a square image"
            )
        if self.fov is not None:
            cameras = Cameras(cameras.c2w, intrinsics_from_fov(self.fov, cameras.width, cameras.height),
                              cameras.width, cameras.height)  # fmt: skip
        return cameras


def _read_camera_file(path: Path) -> Cameras:
    """The cameras of the on-disk format's ``cameras.json`` (or of the sample folder holding it); PNGs not needed."""
    from ..data.format import MultiViewFormatError, read_cameras

    try:
        return read_cameras(path)
    except MultiViewFormatError as error:
        raise ValueError(f"--cameras: {error}") from None


@dataclass
class GenerateResult:
    """Where the results went and what ``result.json`` says."""

    out: Path
    files: dict[str, str]
    record: dict[str, Any] = field(default_factory=dict)


def _device_count(kind: str) -> int:
    """How many devices of ``kind`` (``"cuda"``, ``"mps"``, ``"xpu"``) this machine has."""
    if kind == "mps":
        return int(torch.backends.mps.is_available())
    backend = getattr(torch, kind, None)
    return backend.device_count() if backend is not None and backend.is_available() else 0


def resolve_device(device: str = "auto") -> torch.device:
    """``"auto"`` → CUDA when available, else CPU; else the named device, if this machine has it.

    Raises:
        ValueError: one line naming ``--device``: not a device name, a kind of device a pipeline does
            not run on (``meta``, ``xla`` ...), or one this machine does not have (``cuda:99``).
    """
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    usage = "use auto, cpu, cuda or cuda:N"
    try:
        resolved = torch.device(device)
    except (RuntimeError, TypeError, ValueError):
        raise ValueError(f"--device {device}: not a device name; {usage}") from None
    if resolved.type not in DEVICE_TYPES:
        raise ValueError(f"--device {device}: pipelines run on {', '.join(DEVICE_TYPES)}, not {resolved.type}; {usage}")
    if resolved.type == "cpu":
        return resolved
    count = _device_count(resolved.type)
    name = resolved.type.upper()
    if count == 0:
        raise ValueError(f"--device {device}: no {name} device is available here; use --device cpu")
    if resolved.index is not None and resolved.index >= count:
        raise ValueError(
            f"--device {device}: this machine has {count} {name} device(s), {resolved.type}:0 to :{count - 1}"
        )
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
        progress: allow the libraries' loading bars (shown only when verbose, see :mod:`videomv.logs`).

    Raises:
        FileNotFoundError, ValueError: with a one-line message for each thing that can be wrong.
    """
    path, torch_device = check_load_options(model, device, dtype, scheduler)
    # from_pretrained checks every file of the folder before it loads any (one line naming the file).
    with library_progress_bars(progress):  # the libraries' bars: only with --verbose
        pipe = VideoMVPipeline.from_pretrained(path, dtype=DTYPES[dtype]).to(torch_device)
    if scheduler is not None:
        pipe.scheduler = switch_solver(pipe.scheduler, scheduler)
    return pipe


def check_load_options(
    model: str | os.PathLike | None = None, device: str = "auto", dtype: str = "float32", scheduler: str | None = None
) -> tuple[Path, torch.device]:
    """Checks :func:`load_pipeline`'s arguments without loading anything; returns the model folder and device.

    Raises:
        FileNotFoundError, NotADirectoryError, ValueError: one line naming what is wrong.
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
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"--model {path} is a file; give a pipeline folder (with model_index.json)")
    if not path.is_dir():
        raise FileNotFoundError(f"model folder not found: {path}")
    return path, torch_device


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
            earlier result of ours and nothing else (see :func:`check_destination`), which is then replaced.
        overwrite: replace an earlier result in ``out``.
        progress: show progress bars.
        info: extra entries for ``result.json``'s ``settings`` (model path, device, dtype ...).
        timings: stage timings measured before this call (e.g. loading), in seconds.

    Returns:
        The folder, its files by kind, and the record written to ``result.json``.
    """
    return generate_to_folders(pipe, [settings], [out], overwrite, progress, info, timings)[0]


def batch_key(settings: GenerateSettings) -> tuple:
    """What items must share to be sampled in one pipeline call: every setting but prompt, image and
    seed, and which of prompt and image they give (a model conditions all samples of a call alike)."""
    shared = asdict(replace(settings, prompt=None, image=None, seed=0))
    return (settings.prompt is None, settings.image is None, json.dumps(shared, sort_keys=True, default=str))


def can_batch(pipe: VideoMVPipeline) -> bool:
    """Whether ``pipe`` samples several objects in one call as it samples each alone (one generator each)."""
    return not pipe.config.vae_sample_posterior


def generate_to_folders(
    pipe: VideoMVPipeline,
    settings: Sequence[GenerateSettings],
    outs: Sequence[str | os.PathLike],
    overwrite: bool = False,
    progress: bool = True,
    info: dict[str, Any] | None = None,
    timings: dict[str, float] | None = None,
) -> list[GenerateResult]:
    """Generates several objects in one pipeline call (one UNet forward per step for all of them) and
    writes each to its folder, as :func:`generate_to_folder` writes one.

    Each object's noise comes from its own seed (one generator per sample), so its views are those
    of a call with it alone, up to float rounding of the batched forward.

    Args:
        pipe: the pipeline.
        settings: one per object; all with the same :func:`batch_key` (only prompt, image and seed differ).
        outs: the result folders, one per object (the rules of :func:`generate_to_folder`'s ``out``).
        overwrite, progress, info: as for :func:`generate_to_folder`.
        timings: stages timed before this call; the sampling time is shared out evenly between the objects.

    Raises:
        ValueError: the settings differ in more than prompt, image and seed, or the model cannot
            sample several objects with one generator each (``vae_sample_posterior``).
    """
    if len(settings) != len(outs) or not settings:
        raise ValueError(f"give one result folder per object: {len(settings)} settings, {len(outs)} folders")
    if len({batch_key(item) for item in settings}) > 1:
        raise ValueError("objects sampled together must share every setting but prompt, image and seed")
    if len(settings) > 1 and not can_batch(pipe):
        raise ValueError("this model samples its VAE posterior from the run's generator; generate one object at a time")
    for item, out in zip(settings, outs, strict=True):
        item.check(out, overwrite)
    start = time.perf_counter()
    first = settings[0]
    config = pipe.config
    cameras = first.load_cameras()
    view = _resolve_views(config, first, cameras)
    # `is None`, not `or`: a 0 given on purpose must never turn into the model's default.
    guidance = config.guidance_scale if first.guidance is None else first.guidance
    steps = config.num_inference_steps if first.steps is None else first.steps
    _check_against_model(pipe, first, view["views"], steps)

    pipe.set_progress_bar_config(disable=not progress, desc="denoising")
    tic = time.perf_counter()
    # One generator per object: its noise does not depend on the objects it is batched with.
    generators = [torch.Generator().manual_seed(item.seed) for item in settings]
    generator = generators[0] if len(generators) == 1 else generators
    output = pipe(
        prompt=None if first.prompt is None else [item.prompt for item in settings],
        image=None if first.image is None else [item.image for item in settings], cameras=cameras,
        num_views=view["views"], elevation=view["elevation"], radius=view["radius"], fov=view["fov"],
        num_inference_steps=steps, guidance_scale=guidance, generator=generator,
        output_type="pt", three_d_aware=first.three_d_aware, three_d_aware_steps=first.three_d_aware_steps,
        three_d_aware_blend=first.three_d_aware_blend,
    )  # fmt: skip
    # Each object's share of the sampling (and of the stages timed before).
    shared = {name: value / len(settings) for name, value in (timings or {}).items()}
    shared["sample"] = (time.perf_counter() - tic) / len(settings)
    shared_start = (tic - start) / len(settings)
    resolved = {**view, "guidance": guidance, "steps": steps}
    if first.three_d_aware and pipe.reconstructor is not None:
        used = pipe.three_d_aware_config(steps=first.three_d_aware_steps, blend=first.three_d_aware_blend)
        resolved["three_d_aware_steps"], resolved["three_d_aware_blend"] = list(used.steps), used.blend
    extra = {**(info or {}), "batch_size": len(settings)} if len(settings) > 1 else info
    results = []
    for i, (item, out) in enumerate(zip(settings, outs, strict=True)):
        gaussians = output.gaussians[i] if output.gaussians is not None else None
        sampled = (output.views[i], output.cameras, gaussians)
        results.append(
            _write_result(pipe, item, Path(out), sampled, resolved, dict(shared), shared_start, extra, progress)
        )
    return results


def _write_result(
    pipe: VideoMVPipeline,
    settings: GenerateSettings,
    out: Path,
    sampled: tuple[torch.Tensor, Cameras, Gaussians | None],
    resolved: dict[str, Any],
    timings: dict[str, float],
    setup: float,
    info: dict[str, Any] | None,
    progress: bool,
) -> GenerateResult:
    """Writes one object's views, Gaussians, mesh and ``result.json`` to ``out`` (staged, then renamed).

    Args:
        sampled: its ``(F, 3, H, W)`` views in [0, 1], their cameras and its Gaussians (or None).
        resolved: the view, guidance, steps and 3D-aware settings the sampling used.
        timings: its stage timings so far (``sample`` included); ``total`` is added.
        setup: its share of the time from the start of the call to the sampling (checks).
    """
    before = sum(timings.values())
    start = time.perf_counter()
    views, cameras, gaussians = sampled
    view = {key: resolved[key] for key in ("elevation", "radius", "fov")}
    with staged_folder(out) as staging:
        if gaussians is not None:
            gaussians = gaussians.to(device="cpu", dtype=torch.float32)
        stages = 3 + (0 if gaussians is None else 2 + (settings.mesh is not None))
        with tqdm(total=stages, desc="writing", disable=not progress) as bar:
            tic = time.perf_counter()
            sample = _views_sample(views.float().cpu(), cameras, gaussians, settings)
            files = _write_views(sample, staging, settings.views_fps, bar)
            timings["write_views"] = time.perf_counter() - tic
            mesh_info = None
            if gaussians is not None:
                tic = time.perf_counter()
                files.update(_write_gaussians(gaussians, staging, settings, view, pipe.image_size, bar))
                timings["gaussians"] = time.perf_counter() - tic
                if settings.mesh is not None:
                    tic = time.perf_counter()
                    mesh_info = _write_mesh(gaussians, staging / MESH_FILE, settings, progress)
                    files["mesh"] = MESH_FILE
                    bar.update(1)
                    timings["mesh"] = time.perf_counter() - tic
        timings["total"] = before + setup + time.perf_counter() - start
        record = _record(pipe, settings, resolved, gaussians, files, timings, info)
        if mesh_info is not None:
            record["mesh"] = mesh_info
        try:
            text = json.dumps(record, indent=2, allow_nan=False)  # NaN is not JSON: readers would choke on it
        except ValueError as error:
            raise ValueError(
                f"{RESULT_FILE} would hold a number that is not finite ({error}); nothing written"
            ) from None
        (staging / RESULT_FILE).write_text(text + "\n")
        write_owner_marker(staging, "videomv generate")
    return GenerateResult(out=out, files=files, record=record)


def _resolve_views(config: Any, settings: GenerateSettings, cameras: Cameras | None) -> dict[str, Any]:
    """Views, elevation, radius and field of view of the run: the settings', the model's, or the camera file's.

    With a camera file, elevation and radius are its cameras' means (the Gaussians' orbit video
    circles there) and the field of view its first camera's.
    """
    if cameras is None:
        return {
            "views": config.num_views if settings.views is None else settings.views,
            "elevation": config.elevation if settings.elevation is None else settings.elevation,
            "radius": config.radius if settings.radius is None else settings.radius,
            "fov": config.fov if settings.fov is None else settings.fov,
        }
    _, elevation, radius = cameras.spherical()
    fov = float(fov_from_intrinsics(cameras.intrinsics[0], cameras.height))
    return {
        "views": len(cameras), "elevation": round(float(elevation.mean()), 4),
        "radius": round(float(radius.mean()), 4), "fov": round(fov, 4),
        "cameras": str(Path(settings.cameras).resolve()),
    }  # fmt: skip


def _views_sample(
    views: torch.Tensor, cameras: Cameras, gaussians: Gaussians | None, settings: GenerateSettings
) -> MultiViewSample:
    """The generated views as a multi-view sample of our on-disk format, so every command reads them back.

    Args:
        views: ``(F, 3, H, W)`` RGB in [0, 1].
        cameras: the cameras the views were generated at.
        gaussians: the Gaussians reconstructed from the views (CPU, float32); their alpha at the
            views' cameras becomes the views' alpha. None: the views are opaque.
        settings: the run's settings (the prompt becomes the caption).
    """
    from ..data.format import MultiViewSample

    cameras = Cameras(cameras.c2w.float().cpu(), cameras.intrinsics.float().cpu(), cameras.width, cameras.height)
    if gaussians is None:
        alpha, source = torch.ones_like(views[:, :1]), "opaque"
    else:
        alpha, source = _view_alpha(gaussians, cameras), "gaussians"
    meta = {"source": "videomv generate", "seed": settings.seed, "alpha": source}
    return MultiViewSample(torch.cat([views.clamp(0, 1), alpha], 1), cameras, caption=settings.prompt, meta=meta)


def _view_alpha(gaussians: Gaussians, cameras: Cameras) -> torch.Tensor:
    """``(F, 1, H, W)`` accumulated opacity of ``gaussians`` seen from ``cameras``: the views' silhouettes."""
    with torch.no_grad():
        return rasterize(gaussians, cameras, cameras.width, cameras.height).alpha.clamp(0, 1)


def _write_views(sample: MultiViewSample, staging: Path, fps: int, bar: tqdm) -> dict[str, str]:
    """The views as a multi-view sample folder (RGBA PNGs and ``cameras.json``), a grid, an .mp4 and a .gif
    (these three opaque, as generated); returns their names by kind."""
    from ..data.format import CAMERAS_FILE, write_sample

    # The videos and grid show the views as generated, without the alpha.
    frames = (sample.images[:, :3].permute(0, 2, 3, 1).numpy() * 255).round().astype(np.uint8)  # (F, H, W, 3)
    views = write_sample(staging / "views", sample)
    files = {
        "views": _relative(views, staging),
        "views_cameras": _relative(views / CAMERAS_FILE, staging),
        "grid": _relative(_write_grid(frames, staging / "grid.png"), staging),
    }
    bar.update(2)
    for suffix in (".mp4", ".gif"):
        files[f"views_{suffix[1:]}"] = _relative(write_frames(frames, staging / f"views{suffix}", fps), staging)
    bar.update(1)
    return files


def _write_gaussians(
    gaussians: Gaussians, staging: Path, settings: GenerateSettings, view: dict[str, Any], size: int, bar: tqdm
) -> dict[str, str]:
    """``gaussians.ply`` and the orbit video of the Gaussians; returns their names by kind."""
    save_ply(gaussians, staging / "gaussians.ply")
    bar.update(1)
    video = _render_gaussian_orbit(
        gaussians, staging / "gaussians_orbit.mp4", settings, view["elevation"], view["radius"], view["fov"], size
    )
    bar.update(1)
    return {"gaussians_ply": "gaussians.ply", "gaussians_orbit": _relative(video, staging)}


def _write_mesh(gaussians: Gaussians, path: Path, settings: GenerateSettings, progress: bool) -> dict[str, Any]:
    """Meshes the Gaussians into ``path`` (``mesh.glb``); returns what the meshing did, for result.json."""
    mesh = gaussians_to_mesh(gaussians, settings.mesh, progress=progress)
    save_mesh(mesh, path, up=settings.mesh_up, texture=settings.mesh.texture_size > 0)
    # NumPy scalars (a bool of the closedness check ...) are not JSON.
    return {key: value.item() if isinstance(value, np.generic) else value for key, value in mesh.info.items()}


def _check_against_model(pipe: VideoMVPipeline, settings: GenerateSettings, views: int, steps: int) -> None:
    """The checks that need the model's config, made before sampling rather than failing after it."""
    if pipe.reconstructor is None:
        if settings.mesh is not None:
            raise ValueError("--mesh: this model has no reconstructor, so no Gaussians to mesh; leave --mesh out")
        return
    needed = pipe.reconstructor.config.num_input_views
    if views < needed:
        if settings.cameras is not None:
            raise ValueError(
                f"--cameras {settings.cameras}: holds {views} cameras; this model needs at least {needed}, "
                f"as its reconstructor takes {needed} views"
            )
        raise ValueError(f"views must be at least {needed} for this model: its reconstructor takes {needed} views")
    if settings.three_d_aware:
        used = pipe.three_d_aware_config(steps=settings.three_d_aware_steps, blend=settings.three_d_aware_blend)
        resolve_steps(used.steps, steps)


def check_destination(out: str | os.PathLike, overwrite: bool = False) -> None:
    """Refuses, before any work, a result folder that cannot be written or whose writing would lose files
    (see :func:`videomv.fileio.check_output_folder`)."""
    check_output_folder(out, overwrite)


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
        **defaults_filled,
        image=str(Path(settings.image).resolve()) if settings.image else None,
        scheduler=type(pipe.scheduler).__name__, image_size=pipe.image_size,
        three_d_aware=settings.three_d_aware and pipe.reconstructor is not None,
        device=str(pipe.device), dtype=str(pipe.unet.dtype).removeprefix("torch."),
        threads=torch.get_num_threads(), **(info or {}),
    )  # fmt: skip
    return {
        "seed": settings.seed,
        "settings": resolved,
        "timings_s": {name: round(value, 3) for name, value in timings.items()},
        "outputs": files,
        "num_gaussians": len(gaussians) if gaussians is not None else 0,
        "versions": versions,
    }
