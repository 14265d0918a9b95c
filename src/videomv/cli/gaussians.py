"""``videomv render`` (orbit video of a .ply) and ``videomv fit`` (views folder -> .ply).

Both commands check every option, their input files and where their outputs go before any
fitting or rendering, so a mistake costs a one-line error, not a run; outputs are written
atomically (files) or staged and renamed into place (frame folders).
"""

from __future__ import annotations

import argparse
import math
import re
import time
from pathlib import Path

from ..fileio import check_writable
from .parsing import add_progress_argument, check_count, check_number, check_output_file

# Bounds, each with its reason: a typo must get a one-line refusal, not a run that eats the machine.
MAX_RENDER_SIZE = 4096  # frame side; a 4096² frame already takes minutes on a CPU
MAX_RENDER_VIEWS = 3600  # one frame per 0.1° of the orbit
MAX_FRAME_BYTES = 4 << 30  # every frame is held in memory before the video or PNGs are written
MAX_FPS = 240
MAX_FIT_STEPS = 1_000_000  # 3DGS itself runs 30,000
MAX_FIT_GAUSSIANS = 1_000_000  # initial points; carving them samples 16 candidates each in every view
MAX_SEED = 2**64 - 1  # the largest seed torch.Generator.manual_seed takes
FRAME_NAME = re.compile(r"\d{3,}\.png")  # what render writes into a frames folder


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``render`` and ``fit`` on the top-level ``videomv`` subparsers."""
    render = commands.add_parser(
        "render",
        help="render a Gaussian .ply on an orbit into an mp4, a webm, a gif or a folder of PNGs",
        description="Renders MODEL.ply along a camera path (OpenCV cameras, world z up): --path orbit (views "
        "evenly spaced on a circle around the origin, the default), spiral (circling --turns times while the "
        "elevation rises through --elevation-range), or a cameras.json of the on-disk multi-view format (or a "
        "sample folder holding one). OUT ending in .mp4 (H.264), .webm (VP9) or .gif is a video; OUT without a "
        "suffix is a folder of 000.png, 001.png ...; any other suffix is refused.",
    )
    render.add_argument("model", type=Path, help="the Gaussians, a 3DGS or LGM .ply")
    render.add_argument("--out", type=Path, required=True, help="orbit.mp4, orbit.webm, orbit.gif or a folder")
    render.add_argument(
        "--views", type=int, default=60, help=f"frames on the orbit (default 60, at most {MAX_RENDER_VIEWS})"
    )
    render.add_argument(
        "--elevation", type=float, default=15.0, help="orbit elevation in [-90, 90] degrees (default 15)"
    )
    render.add_argument("--radius", type=float, default=2.0, help="camera distance to the origin (default 2)")
    render.add_argument(
        "--path", default="orbit", metavar="PATH",
        help="orbit (default), spiral, or a cameras.json / sample folder whose cameras to render",
    )  # fmt: skip
    render.add_argument("--turns", type=float, default=2.0, help="turns of --path spiral (default 2)")
    render.add_argument(
        "--elevation-range", type=float, nargs=2, default=(-10.0, 40.0), metavar=("LOW", "HIGH"),
        help="elevations of --path spiral, degrees (default -10 40)",
    )  # fmt: skip
    render.add_argument(
        "--fov", type=float, default=None,
        help="vertical field of view, degrees (default 39.6; a cameras.json's own unless given)",
    )  # fmt: skip
    render.add_argument(
        "--size", type=int, default=None,
        help=f"frame width in pixels (default 256, or a cameras.json's own size; at most {MAX_RENDER_SIZE})",
    )  # fmt: skip
    render.add_argument("--start-azimuth", type=float, default=0.0, help="azimuth of the first frame, degrees")
    render.add_argument("--fps", type=int, default=30, help="frames per second of videos (default 30)")
    render.add_argument(
        "--background", type=float, nargs=3, default=(1.0, 1.0, 1.0), metavar=("R", "G", "B"),
        help="background colour in [0, 1] (default white)",
    )  # fmt: skip
    render.add_argument(
        "--backend", choices=("auto", "torch", "gsplat"), default="auto",
        help="rasterizer (default auto: gsplat on CUDA if installed, else torch)",
    )  # fmt: skip
    render.add_argument("--device", default="cpu", help="torch device (default cpu)")
    render.add_argument(
        "--overwrite", action="store_true",
        help="replace an existing OUT video, or the frames in an existing OUT folder (one holding only NNN.png)",
    )  # fmt: skip
    add_progress_argument(render)
    render.set_defaults(func=run_render)

    fit = commands.add_parser(
        "fit",
        help="fit 3D Gaussians to a multi-view sample folder and write a .ply",
        description="Optimises Gaussians to the RGBA views of VIEWS_DIR (000.png ... + cameras.json), "
        "3DGS-style (Adam, L1 + D-SSIM, densification), starting from random points carved to the "
        "views' alpha. With --eval, renders the cameras of another sample and reports PSNR.",
    )
    fit.add_argument("views", type=Path, help="the multi-view sample folder to fit")
    fit.add_argument("--out", type=Path, required=True, help="the .ply to write")
    fit.add_argument("--splat", type=Path, default=None, help="also write the .splat web format here")
    fit.add_argument("--steps", type=int, default=600, help="optimisation steps (default 600)")
    fit.add_argument("--num-gaussians", type=int, default=4000, help="initial Gaussians (default 4000)")
    fit.add_argument("--views-per-step", type=int, default=1, help="views per step (default 1)")
    fit.add_argument("--sh-degree", type=int, default=0, choices=(0, 1, 2, 3), help="SH degree (default 0)")
    fit.add_argument("--no-densify", action="store_true", help="keep the initial number of Gaussians")
    fit.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    fit.add_argument("--eval", type=Path, default=None, metavar="DIR", help="held-out sample folder to score")
    fit.add_argument(
        "--backend", choices=("auto", "torch", "gsplat"), default="auto",
        help="rasterizer (fit runs on the CPU: auto and torch)",
    )  # fmt: skip
    fit.add_argument(
        "--mesh", type=Path, default=None, metavar="FILE",
        help="also write a textured mesh of the fit (.glb, .obj or .ply; see videomv mesh and its --mesh-* options)",
    )  # fmt: skip
    from .mesh import add_mesh_arguments  # here: cli.mesh imports this module

    add_mesh_arguments(fit, prefix="mesh-")
    fit.add_argument("--overwrite", action="store_true", help="replace existing --out / --splat / --mesh files")
    add_progress_argument(fit)
    fit.set_defaults(func=run_fit)


# --- checks, all before any model is read or fitted -------------------------------------------


def check_frames_folder(path: Path, overwrite: bool) -> None:
    """Checks a frames-folder output: new, empty, or (with ``overwrite``) holding only frames render writes."""
    if path.name in ("", ".", "..") or path.resolve() == Path.cwd().resolve():
        # The finished folder is renamed into place, and the folder one stands in cannot be replaced.
        raise ValueError(f"--out {path}: give the frames folder a name (e.g. --out frames), not the current folder")
    if path.exists() or path.is_symlink():
        if not path.is_dir():
            raise NotADirectoryError(f"--out {path}: exists and is not a folder; choose a new folder or a video")
        names = sorted(entry.name for entry in path.iterdir())
        foreign = [name for name in names if not FRAME_NAME.fullmatch(name)]
        if foreign:
            raise FileExistsError(
                f"--out {path}: holds {foreign[0]!r} (and {len(foreign) - 1} more), which render did not write; "
                "choose a new or empty folder"
            )
        if names and not overwrite:
            raise FileExistsError(f"--out {path}: already holds frames; pass --overwrite to replace them")
    check_writable(path)


def _torch_device(name: str):
    """The torch device ``name``, checked usable here by allocating an empty tensor on it."""
    import torch

    try:
        device = torch.device(name)
        if device.type == "meta":
            raise RuntimeError("a meta device holds no data")
        torch.empty(0, device=device)
    except (RuntimeError, AssertionError) as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ValueError(f"--device {name}: not usable here ({reason}); use --device cpu") from None
    return device


def _check_backend(backend: str, device) -> None:
    from ..gaussians import select_backend

    try:
        select_backend(backend, device)
    except (ValueError, ImportError) as err:
        raise type(err)(f"--backend {backend}: {err}") from None


DEFAULT_RENDER_SIZE = 256
DEFAULT_RENDER_FOV = 39.6
CAMERA_PATHS = ("orbit", "spiral")


def render_cameras(args: argparse.Namespace):
    """The cameras ``render`` will draw: the orbit or spiral of the options, or a camera file's, at ``--size``."""
    from ..cameras import orbit, spiral
    from ..data.format import read_cameras

    fov = DEFAULT_RENDER_FOV if args.fov is None else args.fov
    if args.path in CAMERA_PATHS:
        size = DEFAULT_RENDER_SIZE if args.size is None else args.size
        if args.path == "orbit":
            return orbit(args.views, args.elevation, args.radius, fov, size, args.start_azimuth)
        return spiral(args.views, tuple(args.elevation_range), args.turns, args.radius, fov, size, args.start_azimuth)
    cams = read_cameras(Path(args.path), "--path")
    if args.size is not None:  # the file's aspect ratio is kept
        cams = cams.resized(args.size, max(1, round(args.size * cams.height / cams.width)))
    if args.fov is not None:
        fy = cams.height / (2 * math.tan(math.radians(args.fov) / 2))
        intrinsics = cams.intrinsics.clone()
        intrinsics[:, 0], intrinsics[:, 1] = fy, fy
        cams = type(cams)(cams.c2w, intrinsics, cams.width, cams.height)
    return cams


def _check_render_options(args: argparse.Namespace):
    """Every option checked, one line each; returns the cameras to render."""
    from ..gaussians.video import check_video_writable, output_kind

    kind = output_kind(args.out)  # first: a wrong suffix is the cheapest mistake to report
    if args.path in CAMERA_PATHS:
        check_count("--views", args.views, MAX_RENDER_VIEWS, "one frame per 0.1 degree of the orbit")
    if args.size is not None:
        check_count("--size", args.size, MAX_RENDER_SIZE, "the frame side in pixels")
    check_count("--fps", args.fps, MAX_FPS, "frames per second")
    check_number("--elevation", args.elevation, -90.0, 90.0)
    for value in args.elevation_range:
        check_number("--elevation-range", value, -90.0, 90.0)
    check_number("--turns", args.turns, -1000.0, 1000.0)
    check_number("--radius", args.radius, 0.0, math.inf, open_low=True, open_high=True)
    if args.fov is not None:
        check_number("--fov", args.fov, 0.0, 180.0, open_low=True, open_high=True)
    check_number("--start-azimuth", args.start_azimuth, -math.inf, math.inf, open_low=True, open_high=True)
    for value in args.background:
        check_number("--background", value, 0.0, 1.0)
    cams = render_cameras(args)
    views = f"--views {args.views}" if args.path in CAMERA_PATHS else f"--path {args.path} ({len(cams)} views)"
    if max(cams.width, cams.height) > MAX_RENDER_SIZE:
        raise ValueError(f"{views}: frames of {cams.width}x{cams.height} exceed {MAX_RENDER_SIZE} pixels; give --size")
    frame_bytes = len(cams) * cams.width * cams.height * 3
    if frame_bytes > MAX_FRAME_BYTES:
        raise ValueError(
            f"{views} at --size {cams.width} would hold {frame_bytes / 2**30:.1f} GiB of frames in memory "
            f"(at most {MAX_FRAME_BYTES >> 30} GiB); lower one of them"
        )
    if kind == ".mp4" and (cams.width % 2 or cams.height % 2):
        # H.264 in yuv420p needs even sides; ffmpeg otherwise writes an empty file and exits 0.
        raise ValueError(
            f"--size {cams.width}: an .mp4 needs even frame sides (got {cams.width}x{cams.height}); "
            f"use {cams.width + 1} or write a .webm or .gif"
        )
    if kind == "folder":
        check_frames_folder(args.out, args.overwrite)
    else:
        check_output_file("--out", args.out, (kind,), args.overwrite)
        check_video_writable(kind, f"--out {args.out}")
    return cams


def run_render(args: argparse.Namespace) -> int:
    """``videomv render``: checks everything, reads the .ply, renders the camera path and writes it."""
    import torch

    from ..fileio import staged_folder
    from ..gaussians import load_ply, render_frames, write_frames
    from ..gaussians.video import output_kind

    cams = _check_render_options(args)
    device = _torch_device(args.device)
    _check_backend(args.backend, device)
    gaussians = load_ply(args.model)
    if len(gaussians) == 0:
        raise ValueError(f"{args.model}: holds no Gaussians (element vertex 0); nothing to render")
    start = time.perf_counter()
    with torch.no_grad():
        frames = render_frames(
            gaussians.to(device), (cams.c2w.to(device), cams.intrinsics.to(device)), cams.width, cams.height,
            tuple(args.background), args.backend, progress=not args.no_progress,
        )  # fmt: skip
    if output_kind(args.out) == "folder":
        with staged_folder(args.out) as staging:  # a stopped run leaves no half-written folder
            write_frames(frames, staging, args.fps)
        path = args.out
    else:
        path = write_frames(frames, args.out, args.fps)
    print(f"rendered {len(cams)} views of {len(gaussians)} Gaussians in {time.perf_counter() - start:.1f} s -> {path}")
    return 0


def _check_fit_options(args: argparse.Namespace) -> None:
    check_count("--steps", args.steps, MAX_FIT_STEPS, "3DGS itself runs 30,000")
    check_count("--num-gaussians", args.num_gaussians, MAX_FIT_GAUSSIANS, "initial points; densification adds more")
    check_count("--views-per-step", args.views_per_step, MAX_RENDER_VIEWS, "views rendered per step")
    check_count("--seed", args.seed, MAX_SEED, "the largest seed torch takes", low=0)
    if args.backend == "gsplat":
        raise ValueError("--backend gsplat: fit runs on the CPU and gsplat needs CUDA; use --backend torch or auto")
    check_output_file("--out", args.out, (".ply",), args.overwrite)
    if args.splat is not None:
        check_output_file("--splat", args.splat, (".splat",), args.overwrite)
    if args.mesh is not None:
        from .mesh import check_mesh_libraries, check_mesh_output, mesh_options

        check_mesh_output("--mesh", args.mesh, args.overwrite)
        check_mesh_libraries(mesh_options(args))


def run_fit(args: argparse.Namespace) -> int:
    """``videomv fit``: checks everything, reads the samples, fits, then writes the .ply (and .splat)."""
    import torch

    from ..data.format import read_sample
    from ..gaussians import fit_gaussians, psnr, rasterize, save_ply, save_splat

    _check_fit_options(args)
    sample = read_sample(args.views)
    held = read_sample(args.eval) if args.eval is not None else None  # read now: a bad --eval must not wait for the fit
    if args.views_per_step > len(sample.images):
        raise ValueError(f"--views-per-step {args.views_per_step}: {args.views} has only {len(sample.images)} views")
    start = time.perf_counter()
    gaussians, history = fit_gaussians(
        sample.images,
        sample.cameras,
        num_gaussians=args.num_gaussians,
        sh_degree=args.sh_degree,
        steps=args.steps,
        views_per_step=args.views_per_step,
        densify=not args.no_densify,
        backend=args.backend,
        seed=args.seed,
        progress=not args.no_progress,
    )
    elapsed = time.perf_counter() - start
    tail = history["psnr"][-50:]
    train_psnr = sum(tail) / len(tail)
    _check_fitted(gaussians, train_psnr, args.views)
    save_ply(gaussians, args.out)
    if args.splat is not None:
        save_splat(gaussians, args.splat)
    if args.mesh is not None:
        from .mesh import mesh_options, mesh_up, write_mesh

        mesh = write_mesh(gaussians, args.mesh, mesh_options(args), mesh_up(args, args.mesh), not args.no_progress)
        print(f"meshed the fit into {len(mesh.faces)} triangles -> {args.mesh}")
    print(
        f"fitted {len(gaussians)} Gaussians to {len(sample.images)} views in {elapsed:.1f} s "
        f"({args.steps} steps); train PSNR (last {len(tail)} steps) {train_psnr:.2f} dB -> {args.out}"
    )
    if held is not None:
        rgb, alpha = held.images[:, :3], held.images[:, 3:]
        target = rgb * alpha + (1 - alpha)  # composited on white, as rendered below
        scores = []
        with torch.no_grad():
            for i in range(len(held.images)):
                out = rasterize(gaussians, held.cameras[i], held.cameras.width, held.cameras.height, 1.0, args.backend)
                scores.append(psnr(out.rgb.clamp(0, 1), target[i : i + 1]))
        print(f"eval PSNR on {len(scores)} held-out views of {args.eval}: {sum(scores) / len(scores):.2f} dB (mean)")
    return 0


def _check_fitted(gaussians, train_psnr: float, views: Path) -> None:
    """Refuses to write a fit that diverged or kept nothing (it used to be written with exit 0)."""
    if len(gaussians) == 0:
        raise ValueError(f"{views}: the fit kept no Gaussians (all faded out); nothing written; check the views' alpha")
    try:
        gaussians.validate()
    except ValueError as err:
        raise ValueError(f"{views}: the fit diverged ({err}); nothing written") from None
    if math.isnan(train_psnr):
        raise ValueError(f"{views}: the fit diverged (train PSNR is NaN); nothing written")
