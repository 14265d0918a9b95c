"""``videomv render`` (orbit video of a .ply) and ``videomv fit`` (views folder -> .ply)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``render`` and ``fit`` on the top-level ``videomv`` subparsers."""
    render = commands.add_parser(
        "render",
        help="render a Gaussian .ply on an orbit into an mp4, a gif or a folder of PNGs",
        description="Renders MODEL.ply from cameras evenly spaced on a circle around the origin "
        "(OpenCV cameras, world z up). OUT ending in .mp4 or .gif is a video; anything else is a "
        "folder of 000.png, 001.png ...",
    )
    render.add_argument("model", type=Path, help="the Gaussians, a 3DGS or LGM .ply")
    render.add_argument("--out", type=Path, required=True, help="orbit.mp4, orbit.gif or a folder")
    render.add_argument("--views", type=int, default=60, help="frames on the orbit (default 60)")
    render.add_argument("--elevation", type=float, default=15.0, help="orbit elevation, degrees (default 15)")
    render.add_argument("--radius", type=float, default=2.0, help="camera distance to the origin (default 2)")
    render.add_argument("--fov", type=float, default=39.6, help="vertical field of view, degrees (default 39.6)")
    render.add_argument("--size", type=int, default=256, help="frame side in pixels (default 256)")
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
    fit.add_argument("--backend", choices=("auto", "torch", "gsplat"), default="auto", help="rasterizer")
    fit.add_argument("--quiet-progress", action="store_true", help="no progress bar")
    fit.set_defaults(func=run_fit)


def run_render(args: argparse.Namespace) -> int:
    import torch

    from ..cameras import orbit
    from ..gaussians import load_ply, render_orbit_video

    if args.views < 1 or args.size < 1:
        raise ValueError("--views and --size must be positive")
    gaussians = load_ply(args.model).to(args.device)
    cams = orbit(args.views, args.elevation, args.radius, args.fov, args.size, args.start_azimuth)
    cams = (cams.c2w.to(args.device), cams.intrinsics.to(args.device))
    start = time.perf_counter()
    with torch.no_grad():
        path = render_orbit_video(
            gaussians, cams, args.out, args.size, args.size, args.fps, tuple(args.background), args.backend
        )
    print(f"rendered {args.views} views of {len(gaussians)} Gaussians in {time.perf_counter() - start:.1f} s -> {path}")
    return 0


def run_fit(args: argparse.Namespace) -> int:
    import torch

    from ..data.format import read_sample
    from ..gaussians import fit_gaussians, psnr, rasterize, save_ply, save_splat

    sample = read_sample(args.views)
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
        progress=not args.quiet_progress,
    )
    elapsed = time.perf_counter() - start
    save_ply(gaussians, args.out)
    if args.splat is not None:
        save_splat(gaussians, args.splat)
    tail = history["psnr"][-50:]
    print(
        f"fitted {len(gaussians)} Gaussians to {len(sample.images)} views in {elapsed:.1f} s "
        f"({args.steps} steps); train PSNR (last {len(tail)} steps) {sum(tail) / len(tail):.2f} dB -> {args.out}"
    )
    if args.eval is not None:
        held = read_sample(args.eval)
        rgb, alpha = held.images[:, :3], held.images[:, 3:]
        target = rgb * alpha + (1 - alpha)  # composited on white, as rendered below
        scores = []
        with torch.no_grad():
            for i in range(len(held.images)):
                out = rasterize(gaussians, held.cameras[i], held.cameras.width, held.cameras.height, 1.0, args.backend)
                scores.append(psnr(out.rgb.clamp(0, 1), target[i : i + 1]))
        print(f"eval PSNR on {len(scores)} held-out views of {args.eval}: {sum(scores) / len(scores):.2f} dB (mean)")
    return 0
