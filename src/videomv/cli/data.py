"""``videomv data render | build | show``: mesh orbit renders, datasets and contact sheets."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import TYPE_CHECKING

from .parsing import add_progress_argument

if TYPE_CHECKING:
    from ..data.build import Job, RigOptions, Shard


def _add_rig_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--views", type=int, default=24, help="views on the orbit (default 24)")
    parser.add_argument("--size", type=int, default=256, help="image side in pixels (default 256)")
    parser.add_argument("--radius", type=float, default=1.7, help="camera distance to the origin (default 1.7)")
    parser.add_argument("--fov", type=float, default=39.6, help="vertical field of view, degrees (default 39.6)")


def _add_scale_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="render processes, each with its own EGL context (default 1)",
    )
    parser.add_argument(
        "--shard",
        default=None,
        metavar="I/N",
        help="render only shard I (from 0) of N: the objects at positions k with k %% N == I; run N "
        "shards (machines, a SLURM array) with the same command into one OUT and they render every "
        "object once and share index.json",
    )
    add_progress_argument(parser)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``render``, ``build`` and ``show`` under ``videomv data``."""
    render = commands.add_parser(
        "render",
        help="render a mesh (OBJ/GLB/glTF/PLY), or a folder or list of them, on an orbit",
        description="Centres the mesh's bounding box at the origin, scales its longest side to 1, and renders "
        "RGBA views on a circular orbit (pyrender on EGL) into OUT: 000.png ... and cameras.json. Given a folder "
        "of meshes or a .txt list of mesh paths, renders each into OUT/<split>/<name>/ as `data build` does "
        "(index.json, failures.json, resumable, --workers, --shard).",
    )
    render.add_argument(
        "mesh",
        type=Path,
        help="the mesh file (.obj with its .mtl and textures, .glb, .gltf, .ply), a folder of them (searched "
        "recursively), or a .txt file with one mesh path a line",
    )
    render.add_argument("out", type=Path, help="the sample folder to write (a dataset folder for several meshes)")
    _add_rig_arguments(render)
    render.add_argument("--elevation", type=float, default=5.0, help="orbit elevation, degrees (default 5)")
    render.add_argument("--up", choices=("z", "y"), default="z", help="the mesh's up axis (default z)")
    render.add_argument("--caption", default=None, help="caption to store with the sample")
    render.add_argument("--overwrite", action="store_true", help="replace OUT if it exists (samples of a list)")
    render.add_argument(
        "--split", choices=("train", "heldout"), default="train", help="split of the samples of a list (default train)"
    )
    _add_scale_arguments(render)
    render.set_defaults(func=run_render)

    build = commands.add_parser(
        "build",
        help="render a dataset of real (LIBERO, Debian 0ad-data) or procedural objects",
        description="Renders one orbit per object into OUT/<split>/<name>/, with OUT/index.json and "
        "OUT/failures.json. Failing objects are reported and skipped; existing samples are kept.",
    )
    from ..data.sources import names as source_names  # the registry only: no mesh library

    build.add_argument(
        "--source",
        choices=(*source_names(), "procedural"),
        required=True,
        help="which objects: a registered source (licences in docs/data_sources.md) or procedural ones",
    )
    build.add_argument("--out", type=Path, required=True, help="the dataset folder")
    _add_rig_arguments(build)
    build.add_argument(
        "--elevation-range",
        type=float,
        nargs="+",
        default=[0.0, 30.0],
        metavar="DEG",
        help="one elevation, or LOW HIGH to draw each sample's elevation from (default 0 30)",
    )
    build.add_argument(
        "--split", choices=("train", "heldout", "all"), default="all", help="split of a source to render (default all)"
    )
    build.add_argument("--limit", type=int, default=None, help="render at most N objects of a source")
    build.add_argument("--count", type=int, default=100, help="number of procedural objects (default 100)")
    build.add_argument("--seed", type=int, default=0, help="seed of elevations and procedural objects (default 0)")
    build.add_argument(
        "--cache", type=Path, default=None, help="a source's asset cache (default $VIDEOMV_CACHE/libero or /debian)"
    )
    build.add_argument("--overwrite", action="store_true", help="re-render samples that already exist")
    _add_scale_arguments(build)
    build.set_defaults(func=run_build)

    show = commands.add_parser(
        "show",
        help="write a contact sheet PNG of a sample or a dataset",
        description="One row of views per sample, captioned; samples sorted by path.",
    )
    show.add_argument("path", type=Path, help="a sample folder or a dataset folder")
    show.add_argument(
        "--out",
        type=Path,
        default=None,
        help="the PNG to write (default: PATH/contact_sheet.png for a dataset, PATH_contact_sheet.png beside a sample)",
    )
    show.add_argument("--max-samples", type=int, default=16, help="at most N samples (default 16)")
    show.add_argument("--max-views", type=int, default=None, help="at most N views per sample, evenly spaced")
    show.add_argument("--thumb", type=int, default=64, help="thumbnail side in pixels (default 64)")
    show.add_argument("--split", default=None, help="only samples of this split (datasets with index.json)")
    show.set_defaults(func=run_show)


# Bounds that keep a typo from rendering for hours or allocating gigabytes.
MAX_VIEWS = 1000
MAX_SIZE = 4096
MAX_RENDER_PIXELS = 2**27  # views x size^2 of one sample: 2 GB as float RGBA
MAX_THUMB = 512
DATASET_ENTRIES = {"index.json", "failures.json", "parts", "train", "heldout", "contact_sheet.png"}


def _require(ok: bool, option: str, value: object, rule: str) -> None:
    """Raises a one-line ValueError naming ``option`` unless ``ok``."""
    if not ok:
        raise ValueError(f"{option} {value!r}: {rule}")


def _check_whole(option: str, value: int | None, low: int, high: int) -> None:
    if value is not None:
        _require(low <= value <= high, option, value, f"must be a whole number in {low}..{high}")


def _check_rig(args: argparse.Namespace, elevations: list[float]) -> None:
    """Checks the orbit options shared by ``render`` and ``build`` before anything is loaded."""
    _check_whole("--views", args.views, 1, MAX_VIEWS)
    _check_whole("--size", args.size, 1, MAX_SIZE)
    _require(
        args.views * args.size**2 <= MAX_RENDER_PIXELS,
        "--views x --size^2",
        args.views * args.size**2,
        f"at most {MAX_RENDER_PIXELS} pixels per sample; use fewer views or smaller images",
    )
    _require(math.isfinite(args.radius) and args.radius > 0, "--radius", args.radius, "must be a positive distance")
    _require(math.isfinite(args.fov) and 0 < args.fov < 180, "--fov", args.fov, "must be in degrees between 0 and 180")
    for elevation in elevations:
        _require(
            math.isfinite(elevation) and -90 <= elevation <= 90, "elevation", elevation, "must be in -90..90 degrees"
        )


def _check_scale(args: argparse.Namespace) -> Shard:
    """Checks ``--workers`` and ``--shard``; returns the shard (all objects without ``--shard``)."""
    from ..data.build import MAX_WORKERS, Shard

    _check_whole("--workers", args.workers, 1, MAX_WORKERS)
    return Shard() if args.shard is None else Shard.parse(args.shard)


def _is_mesh_list(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() == ".txt"


def _check_mesh(path: Path) -> None:
    from ..data.render import MESH_SUFFIXES

    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give one mesh file ({', '.join(MESH_SUFFIXES)})")
    if not path.is_file():
        raise FileNotFoundError(f"mesh file not found: {path}")
    if path.suffix.lower() not in MESH_SUFFIXES:
        raise ValueError(f"{path}: unsupported mesh type; use one of {', '.join(MESH_SUFFIXES)}")


def run_render(args: argparse.Namespace) -> int:
    from ..cameras import orbit
    from ..data.format import MultiViewSample, check_destination, write_sample
    from ..data.render import render_mesh_file

    _check_rig(args, [args.elevation])
    shard = _check_scale(args)
    if _is_mesh_list(args.mesh):
        return _render_list(args, shard)
    if args.workers != 1 or args.shard is not None:
        raise ValueError(f"--workers and --shard split a folder or .txt list of meshes; {args.mesh} is one mesh file")
    _check_mesh(args.mesh)
    check_destination(args.out, args.overwrite)
    cameras = orbit(args.views, args.elevation, args.radius, args.fov, args.size)
    images = render_mesh_file(args.mesh, cameras, up_axis=args.up)
    meta = {"source": "mesh", "mesh": str(args.mesh), "up_axis": args.up, "normalisation": "bbox centre, side 1"}
    write_sample(args.out, MultiViewSample(images, cameras, args.caption, meta), overwrite=args.overwrite)
    print(f"wrote {len(cameras)} views to {args.out}")
    return 0


def _check_dataset_folder(out: Path) -> None:
    """``out`` must be new, empty, or a dataset folder (so a build resumes there, never mixing
    samples into someone's other files)."""
    from ..fileio import check_writable

    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"--out {out} is a file; give a dataset folder")
    if out.is_dir():
        others = sorted(p.name for p in out.iterdir() if p.name not in DATASET_ENTRIES and not p.name.startswith("."))
        if others:
            raise FileExistsError(
                f"--out {out} holds files that are not part of a dataset ({', '.join(others[:3])}); "
                "give a new or empty folder, or an earlier build's folder to resume it"
            )
        if (out / "index.json").is_file():
            from ..data.dataset import read_index

            read_index(out)
    check_writable(out, "--out", inside=True)


def _render_list(args: argparse.Namespace, shard: Shard) -> int:
    """``data render FOLDER_OR_LIST OUT``: every mesh into the dataset folder OUT, as ``data build`` does."""
    from ..data.build import RigOptions, find_mesh_files, mesh_file_jobs

    jobs = mesh_file_jobs(find_mesh_files(args.mesh), args.up, args.split, args.caption)
    _check_dataset_folder(args.out)
    rig = RigOptions(args.views, args.size, (args.elevation,), args.radius, args.fov)
    return _build(args, jobs, rig, shard)


def _build(args: argparse.Namespace, jobs: list[Job], rig: RigOptions, shard: Shard) -> int:
    """Renders ``jobs`` into ``args.out`` and prints what was done; status 1 when every object it tried failed."""
    from ..data.build import build

    report = build(
        jobs, args.out, rig, args.overwrite, workers=args.workers, shard=shard, progress=not args.no_progress
    )
    print(
        f"{len(report.written)} written, {len(report.kept)} kept, {len(report.failed)} failed "
        f"in {report.seconds:.0f} s -> {args.out} (index.json: {report.indexed} samples, "
        f"failures.json: {report.failures} objects, all shards so far)"
    )
    return 1 if report.failed and not (report.written or report.kept) else 0


def run_build(args: argparse.Namespace) -> int:
    from ..data.build import RigOptions, procedural_jobs
    from ..data.sources import source

    if len(args.elevation_range) not in (1, 2):
        raise ValueError("--elevation-range takes one elevation or LOW HIGH")
    _require(
        args.elevation_range[0] <= args.elevation_range[-1],
        "--elevation-range",
        args.elevation_range,
        "LOW must not exceed HIGH",
    )
    _check_rig(args, args.elevation_range)
    _check_whole("--limit", args.limit, 1, 10**6)
    _check_whole("--count", args.count, 1, 10**6)
    _check_whole("--seed", args.seed, 0, 2**63 - 1)
    shard = _check_scale(args)
    if args.cache is not None and args.cache.exists() and not args.cache.is_dir():
        raise NotADirectoryError(f"--cache {args.cache} is a file; give a folder for the source's assets")
    _check_dataset_folder(args.out)
    if args.source == "procedural":
        jobs = procedural_jobs(args.count, args.seed)
    else:
        jobs = source(args.source).build_jobs(args.split, args.limit, args.cache)
    rig = RigOptions(args.views, args.size, tuple(args.elevation_range), args.radius, args.fov, args.seed)
    return _build(args, jobs, rig, shard)


def run_show(args: argparse.Namespace) -> int:
    from ..data.show import write_contact_sheet

    _check_whole("--max-samples", args.max_samples, 1, 10**4)
    _check_whole("--max-views", args.max_views, 1, MAX_VIEWS)
    _check_whole("--thumb", args.thumb, 1, MAX_THUMB)
    out = write_contact_sheet(
        args.path, args.out, max_samples=args.max_samples, max_views=args.max_views, thumb=args.thumb, split=args.split
    )
    print(f"wrote {out}")
    return 0
