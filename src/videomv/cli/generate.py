"""``videomv generate``: one image or prompt in; views, a grid, orbit videos, a .ply and result.json out."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .mesh import add_mesh_arguments, given_mesh_options, mesh_options, mesh_up

# Written by --mesh beside gaussians.ply: pipelines.export.MESH_FILE, not imported here (that loads diffusers).
MESH_FILE = "mesh.glb"


def refine_steps(text: str) -> list[int] | list[float]:
    """``"0.4,0.6"`` (fractions of the loop, in [0, 1)) or ``"4,6"`` (loop indices) as a list."""
    tokens = [token.strip() for token in text.split(",") if token.strip()]
    usage = f"{text!r}: give comma-separated fractions of the loop in [0, 1) (0.4,0.6) or step indices (4,6)"
    if all(token.isdigit() for token in tokens) and tokens:
        return [int(token) for token in tokens]
    try:
        fractions = [float(token) for token in tokens]
    except ValueError:
        raise argparse.ArgumentTypeError(usage) from None
    if not fractions or not all(0.0 <= f < 1.0 for f in fractions):
        raise argparse.ArgumentTypeError(usage)
    return fractions


def blend_weight(text: str) -> float:
    """A weight in [0, 1]."""
    try:
        weight = float(text)
    except ValueError:
        weight = -1.0
    if not 0.0 <= weight <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r}: the blend weight is a number from 0 to 1")
    return weight


def add_sampling_arguments(parser: argparse.ArgumentParser) -> None:
    """The sampler options shared by ``generate`` and ``eval``."""
    # Checked by the library, not argparse's choices, so a wrong name gets the one-line error.
    parser.add_argument(
        "--scheduler", default=None, metavar="NAME", help="ddim, dpmsolver++, unipc or ddpm (default: the model's)"
    )
    parser.add_argument(
        "--3d-aware-steps", dest="three_d_aware_steps", type=refine_steps, default=None, metavar="LIST",
        help="where x̂0 is replaced by the Gaussians' renders: fractions of the loop (0.4,0.6,0.8) or step "
        "indices (default: the model's)",
    )  # fmt: skip
    parser.add_argument(
        "--3d-aware-blend", dest="three_d_aware_blend", type=blend_weight, default=None, metavar="W",
        help="weight of the renders in that x̂0, 0 to 1 (default: the model's)",
    )  # fmt: skip


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``generate`` on the top-level ``videomv`` subparsers."""
    parser = commands.add_parser(
        "generate",
        help="generate consistent views, 3D Gaussians and orbit videos from an image or a prompt",
        description="Runs a VideoMV pipeline on one image (--image) or one prompt (--prompt) and writes to "
        "--out: views/000.png ..., grid.png, views.mp4, views.gif, gaussians.ply and gaussians_orbit.mp4 "
        "(with a reconstructor in the model), mesh.glb (with --mesh), and result.json (settings, seed, timings, "
        "versions). The views lie on an orbit (--views, --elevation, --radius, --fov) or at the cameras of a "
        "cameras.json (--cameras). Options left out take the model's defaults.",
    )
    parser.add_argument("--image", default=None, metavar="PATH", help="the condition image")
    parser.add_argument("--prompt", default=None, metavar="TEXT", help="the text prompt (with or without --image)")
    parser.add_argument("--model", type=Path, default=None, metavar="PATH", help="a pipeline folder (default: shipped)")
    parser.add_argument("--views", type=int, default=None, metavar="N", help="views on the orbit (at most 64)")
    parser.add_argument("--elevation", type=float, default=None, metavar="E", help="orbit elevation, degrees")
    parser.add_argument("--radius", type=float, default=None, metavar="R", help="camera distance to the object")
    parser.add_argument(
        "--fov", type=float, default=None, metavar="DEG",
        help="vertical field of view, degrees (default: the model's, or with --cameras the file's)",
    )  # fmt: skip
    parser.add_argument(
        "--cameras", default=None, metavar="FILE",
        help="generate at these cameras instead of an orbit: a cameras.json of the on-disk multi-view format (or "
        "its sample folder); the views are its cameras, at the model's image size (square images only)",
    )  # fmt: skip
    parser.add_argument("--steps", type=int, default=None, metavar="S", help="denoising steps (default: the model's)")
    parser.add_argument("--guidance", type=float, default=None, metavar="G", help="classifier-free guidance scale")
    parser.add_argument("--seed", type=int, default=0, metavar="K", help="random seed (default 0)")
    parser.add_argument("--no-3d-aware", dest="three_d_aware", action="store_false", help="plain sampling")
    add_sampling_arguments(parser)
    parser.add_argument("--device", default="auto", help="auto (CUDA if available, else CPU), cpu, cuda, cuda:1 ...")
    parser.add_argument("--dtype", default="float32", metavar="DTYPE", help="float32, float16 (CUDA) or bfloat16")
    parser.add_argument(
        "--orbit-frames", type=int, default=48, help="frames of the Gaussians' orbit (default 48, at most 720)"
    )
    parser.add_argument(
        "--mesh", action="store_true",
        help=f"also mesh the Gaussians into {MESH_FILE} (textured, y up; on the CPU), with the --mesh-* options",
    )  # fmt: skip
    add_mesh_arguments(parser, prefix="mesh-")
    parser.add_argument("--out", type=Path, default=Path("videomv-output"), metavar="DIR", help="result folder")
    parser.add_argument(
        "--overwrite", action="store_true",
        help="replace an earlier result in --out (only a folder videomv wrote, holding nothing else)",
    )  # fmt: skip
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    parser.set_defaults(func=run_generate)


def _mesh_settings(args: argparse.Namespace) -> dict:
    """``GenerateSettings``' mesh and mesh_up of ``--mesh`` and its options; options without ``--mesh`` are refused."""
    if not args.mesh:
        given = given_mesh_options(args)
        if given:
            raise ValueError(f"{given[0]} is a meshing option; add --mesh to write {MESH_FILE}, or leave it out")
        return {}
    return {"mesh": mesh_options(args), "mesh_up": mesh_up(args, Path(MESH_FILE))}


def run_generate(args: argparse.Namespace) -> int:
    from ..pipelines.export import GenerateSettings, generate_to_folder, load_pipeline

    settings = GenerateSettings(
        prompt=args.prompt, image=args.image, views=args.views, elevation=args.elevation, radius=args.radius,
        steps=args.steps, guidance=args.guidance, seed=args.seed, three_d_aware=args.three_d_aware,
        three_d_aware_steps=args.three_d_aware_steps, three_d_aware_blend=args.three_d_aware_blend,
        orbit_frames=args.orbit_frames, cameras=args.cameras, fov=args.fov, **_mesh_settings(args),
    )  # fmt: skip
    # Every setting and the result folder first: a typo should not cost a model load.
    settings.check(args.out, args.overwrite)
    tic = time.perf_counter()
    pipe = load_pipeline(args.model, args.device, args.dtype, args.scheduler, progress=not args.no_progress)
    load_time = time.perf_counter() - tic
    info = {"model": str(args.model.resolve()) if args.model else "default", "requested_device": args.device}
    result = generate_to_folder(
        pipe, settings, args.out, overwrite=args.overwrite, progress=not args.no_progress, info=info,
        timings={"load_model": load_time},
    )  # fmt: skip
    timings = result.record["timings_s"]
    print(f"wrote {len(result.files)} outputs to {result.out} in {timings['total']:.1f} s")
    return 0
