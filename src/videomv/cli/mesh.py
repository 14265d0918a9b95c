"""``videomv mesh`` (Gaussians -> textured mesh), ``videomv edit`` (crop, transform, prune, recolour,
merge a .ply) and ``videomv eval mesh`` (Chamfer / F-score against a true mesh).

Thin layers over :mod:`videomv.gaussians.mesh`, :mod:`videomv.gaussians.edit` and
:mod:`videomv.evaluation.mesh`: every option, input and output is checked before any work, and
outputs are written atomically.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path
from typing import Any

from .parsing import add_progress_argument, check_count, check_number, check_output_file

MESH_OUTPUTS = (".glb", ".obj", ".ply")
EDIT_OUTPUTS = (".ply", ".splat")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``mesh`` and ``edit`` on the top-level ``videomv`` subparsers."""
    mesh = commands.add_parser(
        "mesh", help="turn a Gaussian .ply into a textured mesh (.glb, .obj + .mtl + .png, or .ply)",
        description="Splats the Gaussians into a density grid, extracts the surface with marching cubes "
        "(floaters dropped, cavities filled: a closed mesh), decimates it and bakes a texture from the "
        "Gaussians' colours (or vertex colours with --texture none). Runs on a CPU.",
    )  # fmt: skip
    mesh.add_argument("model", type=Path, help="the Gaussians, a 3DGS or LGM .ply")
    mesh.add_argument("--out", type=Path, required=True, help="model.glb, model.obj (+ .mtl, .png) or model.ply")
    add_mesh_arguments(mesh, prefix="")
    mesh.add_argument("--overwrite", action="store_true", help="replace existing output files")
    add_progress_argument(mesh)
    mesh.set_defaults(func=run_mesh)

    edit = commands.add_parser(
        "edit", help="crop, transform, prune, recolour or merge Gaussian .ply models",
        description="Applies the given edits in this order: crop, prune, recolour, transform (scale, rotate, "
        "translate, then --to-up), merge. Positions are in the model's world (videomv writes z up).",
    )  # fmt: skip
    edit.add_argument("model", type=Path, help="the Gaussians, a 3DGS or LGM .ply")
    edit.add_argument("--out", type=Path, required=True, help="the edited model, .ply or .splat")
    edit.add_argument("--crop-box", type=float, nargs=6, metavar=("X0", "Y0", "Z0", "X1", "Y1", "Z1"),
                      help="keep the Gaussians whose centres are in this box (lower then upper corner)")  # fmt: skip
    edit.add_argument("--crop-sphere", type=float, nargs=4, metavar=("X", "Y", "Z", "R"),
                      help="keep the Gaussians whose centres are within R of (X, Y, Z)")  # fmt: skip
    edit.add_argument("--invert-crop", action="store_true", help="keep what is outside the box / sphere instead")
    edit.add_argument("--min-opacity", type=float, default=None, help="drop Gaussians fainter than this (0..1)")
    edit.add_argument("--max-size", type=float, default=None, help="drop Gaussians whose largest std dev is above this")
    edit.add_argument("--hue", type=float, default=0.0, help="turn every colour's hue by this many degrees")
    edit.add_argument("--saturation", type=float, default=1.0, help="scale saturation (0 = grey, default 1)")
    edit.add_argument("--brightness", type=float, default=1.0, help="scale brightness (default 1)")
    edit.add_argument("--replace-color", type=float, nargs=6, metavar=("R0", "G0", "B0", "R1", "G1", "B1"),
                      help="move colours near (R0, G0, B0) to (R1, G1, B1), colours in [0, 1]")  # fmt: skip
    edit.add_argument("--tolerance", type=float, default=0.1, help="RGB distance for --replace-color (default 0.1)")
    edit.add_argument("--scale", type=float, default=1.0, help="uniform scale about the origin (default 1)")
    edit.add_argument("--rotate", type=float, nargs=3, metavar=("RX", "RY", "RZ"),
                      help="rotate about the world x, then y, then z axis, degrees")  # fmt: skip
    edit.add_argument("--translate", type=float, nargs=3, metavar=("TX", "TY", "TZ"), help="move by this")
    edit.add_argument("--from-up", choices=("y", "z"), default="z", help="the model's up axis (default z)")
    edit.add_argument("--to-up", choices=("y", "z"), default="z",
                      help="the up axis the output should have: y for y-up tools (default z: unchanged)")  # fmt: skip
    edit.add_argument("--merge", type=Path, action="append", default=[], metavar="PLY",
                      help="add the Gaussians of another .ply, unedited (repeatable)")  # fmt: skip
    edit.add_argument("--overwrite", action="store_true", help="replace an existing --out file")
    edit.set_defaults(func=run_edit)


def add_mesh_arguments(parser: argparse.ArgumentParser, prefix: str = "mesh-") -> None:
    """The meshing options, shared by ``mesh`` and the ``--mesh`` of ``fit`` and ``generate`` (``--mesh-...`` there)."""
    from ..gaussians.mesh_options import MeshOptions

    d = MeshOptions()
    options = [
        ("resolution", int, d.resolution, "grid points along the longest side"),
        ("level", float, d.level, "density of the surface, about 1 at an opaque Gaussian's centre"),
        ("target-faces", int, d.target_faces, "decimate to about this many triangles, 0 = no decimation"),
        ("texture-size", int, d.texture_size, "texture side in pixels"),
        ("keep-fraction", float, d.keep_fraction, "drop pieces smaller than this fraction of the largest"),
    ]
    defaults = {"mesh_texture": "uv", "mesh_up": "auto"}
    for name, kind, default, text in options:
        dest = "mesh_" + name.replace("-", "_")
        defaults[dest] = default
        parser.add_argument(
            f"--{prefix}{name}", dest=dest, type=kind, default=default, help=f"{text} (default {default})"
        )
    parser.add_argument(
        f"--{prefix}texture", dest="mesh_texture", choices=("uv", "none"), default=defaults["mesh_texture"],
        help="uv: UV atlas and baked texture (default); none: vertex colours",
    )  # fmt: skip
    parser.add_argument(
        f"--{prefix}up", dest="mesh_up", choices=("auto", "y", "z"), default=defaults["mesh_up"],
        help="up axis of the file: auto = y for .glb/.obj (glTF's convention), z for .ply",
    )  # fmt: skip
    parser.set_defaults(mesh_prefix=prefix, mesh_defaults=defaults)


def given_mesh_options(args: argparse.Namespace) -> list[str]:
    """The meshing options set to something other than their default (refused without ``--mesh``)."""
    changed = [dest for dest, default in args.mesh_defaults.items() if getattr(args, dest) != default]
    return [f"--{args.mesh_prefix}{dest.removeprefix('mesh_').replace('_', '-')}" for dest in changed]


def mesh_options(args: argparse.Namespace) -> Any:
    """The :class:`MeshOptions` of the parsed meshing options, each checked with a one-line error naming it."""
    from ..gaussians.mesh_options import MeshOptions

    p = f"--{args.mesh_prefix}"
    check_count(f"{p}resolution", args.mesh_resolution, 1024, "a 1024³ grid holds 4 GiB", low=8)
    check_number(f"{p}level", args.mesh_level, 0.0, math.inf, open_low=True, open_high=True)
    check_number(f"{p}keep-fraction", args.mesh_keep_fraction, 0.0, 1.0)
    if args.mesh_target_faces != 0:
        check_count(f"{p}target-faces", args.mesh_target_faces, 10_000_000, "or 0 for no decimation", low=4)
    if args.mesh_texture != "none":
        check_count(f"{p}texture-size", args.mesh_texture_size, 8192, "texture side in pixels", low=16)
    texture = 0 if args.mesh_texture == "none" else args.mesh_texture_size
    options = MeshOptions(
        resolution=args.mesh_resolution, level=args.mesh_level, keep_fraction=args.mesh_keep_fraction,
        target_faces=args.mesh_target_faces, texture_size=texture,
    )  # fmt: skip
    return options.check()


def mesh_up(args: argparse.Namespace, out: Path) -> str:
    return args.mesh_up if args.mesh_up != "auto" else ("z" if out.suffix.lower() == ".ply" else "y")


def check_mesh_output(option: str, out: Path, overwrite: bool) -> None:
    """The mesh file (and an ``.obj``'s ``.mtl`` and ``.png``) can be written; one-line errors otherwise."""
    from ..gaussians.mesh_io import mesh_file_names

    check_output_file(option, out, MESH_OUTPUTS, overwrite)
    for extra in mesh_file_names(out)[1:]:
        check_output_file(f"{option} {out} writes {extra.name}; that file", extra, (extra.suffix,), overwrite)


def check_mesh_libraries(options: Any) -> None:
    """Imports what meshing needs now, so a missing extra is reported before any work."""
    from ..gaussians.mesh import require_mesh_libraries

    require_mesh_libraries(options, write=True)


def write_mesh(gaussians: Any, out: Path, options: Any, up: str, progress: bool = True) -> Any:
    """Meshes ``gaussians`` and writes ``out`` (what ``generate --mesh`` and ``fit --mesh`` call); returns the mesh."""
    from ..gaussians.mesh import gaussians_to_mesh
    from ..gaussians.mesh_io import save_mesh

    mesh = gaussians_to_mesh(gaussians, options, progress=progress)
    save_mesh(mesh, out, up=up, texture=options.texture_size > 0)
    return mesh


def _load_model(path: Path) -> Any:
    from ..gaussians import load_ply

    gaussians = load_ply(path)
    if len(gaussians) == 0:
        raise ValueError(f"{path}: holds no Gaussians (element vertex 0); nothing to mesh or edit")
    return gaussians


def run_mesh(args: argparse.Namespace) -> int:
    """``videomv mesh``: checks everything, reads the .ply, meshes it and writes the file(s)."""
    options = mesh_options(args)
    check_mesh_output("--out", args.out, args.overwrite)
    check_mesh_libraries(options)
    gaussians = _load_model(args.model)
    start = time.perf_counter()
    mesh = write_mesh(gaussians, args.out, options, mesh_up(args, args.out), progress=not args.no_progress)
    print(
        f"meshed {len(gaussians)} Gaussians into {len(mesh.faces)} triangles "
        f"({'texture ' + str(options.texture_size) + '²' if options.texture_size else 'vertex colours'}) "
        f"in {time.perf_counter() - start:.1f} s -> {args.out}"
    )
    return 0


# --- edit ---------------------------------------------------------------------------------------


def _check_edit_options(args: argparse.Namespace) -> None:
    check_output_file("--out", args.out, EDIT_OUTPUTS, args.overwrite)
    if args.out.exists() and args.out.resolve() == args.model.resolve():
        raise ValueError(f"--out {args.out}: is the input model; write the edit to another file")
    checks = [("--hue", args.hue, -math.inf, math.inf), ("--saturation", args.saturation, 0.0, math.inf),
              ("--brightness", args.brightness, 0.0, math.inf)]  # fmt: skip
    for option, value, low, high in checks:
        check_number(option, value, low, high, open_low=math.isinf(low), open_high=True)
    check_number("--scale", args.scale, 0.0, math.inf, open_low=True, open_high=True)
    check_number("--tolerance", args.tolerance, 0.0, math.inf, open_low=True, open_high=True)
    if args.min_opacity is not None:
        check_number("--min-opacity", args.min_opacity, 0.0, 1.0)
    if args.max_size is not None:
        check_number("--max-size", args.max_size, 0.0, math.inf, open_low=True, open_high=True)
    if args.crop_box is not None and args.crop_sphere is not None:
        raise ValueError("give --crop-box or --crop-sphere, not both (run edit twice for both)")
    if args.invert_crop and args.crop_box is None and args.crop_sphere is None:
        raise ValueError("--invert-crop needs --crop-box or --crop-sphere")
    _check_vectors(args)
    for other in args.merge:
        if not other.is_file():
            raise FileNotFoundError(f"--merge {other}: no such file; give a Gaussian .ply")


def _check_vectors(args: argparse.Namespace) -> None:
    """Finite numbers in every vector option; a box whose lower corner is below its upper one."""
    named = {"--crop-box": args.crop_box, "--crop-sphere": args.crop_sphere, "--rotate": args.rotate,
             "--translate": args.translate, "--replace-color": args.replace_color}  # fmt: skip
    for option, values in named.items():
        for value in values or ():
            if not math.isfinite(value):
                raise ValueError(f"{option} {' '.join(f'{v:g}' for v in values)}: every number must be finite")
    if args.crop_box is not None:
        lower, upper = args.crop_box[:3], args.crop_box[3:]
        bad = [axis for axis, lo, hi in zip("xyz", lower, upper, strict=True) if lo >= hi]
        if bad:
            raise ValueError(
                f"--crop-box {' '.join(f'{v:g}' for v in args.crop_box)}: the lower corner (first three) must be "
                f"below the upper corner (last three) on every axis; {', '.join(bad)} is not"
            )
    if args.crop_sphere is not None and args.crop_sphere[3] <= 0:
        raise ValueError(f"--crop-sphere radius {args.crop_sphere[3]:g}: must be > 0")
    if args.replace_color is not None and not all(0 <= v <= 1 for v in args.replace_color):
        raise ValueError("--replace-color: colours are 6 numbers in [0, 1] (from R G B, to R G B)")


def apply_edits(gaussians: Any, args: argparse.Namespace) -> Any:
    """The edits of ``args`` in their documented order; a step that leaves nothing is a one-line error."""
    from ..gaussians import edit

    steps = []
    box, ball, invert = args.crop_box, args.crop_sphere, args.invert_crop
    if box is not None:
        steps.append(("--crop-box", lambda g: edit.crop_box(g, box[:3], box[3:], invert)))
    if ball is not None:
        steps.append(("--crop-sphere", lambda g: edit.crop_sphere(g, ball[:3], ball[3], invert)))
    if args.min_opacity is not None or args.max_size is not None:
        steps.append(("--min-opacity/--max-size", lambda g: edit.prune(g, args.min_opacity, args.max_size)))
    for step_name, step in steps:
        gaussians = step(gaussians)
        if len(gaussians) == 0:
            raise ValueError(f"{step_name} keeps no Gaussians of {args.model}; nothing written")
    if args.replace_color is not None:
        gaussians = edit.replace_color(gaussians, args.replace_color[:3], args.replace_color[3:], args.tolerance)
    if (args.hue, args.saturation, args.brightness) != (0.0, 1.0, 1.0):
        gaussians = edit.recolor(gaussians, args.hue, args.saturation, args.brightness)
    rotation = edit.rotation_matrix(args.rotate) if args.rotate is not None else None
    if rotation is not None or args.translate is not None or args.scale != 1.0:
        gaussians = edit.transform(gaussians, rotation, args.translate, args.scale)
    if args.from_up != args.to_up:
        gaussians = edit.transform(gaussians, edit.up_axis_rotation(args.from_up, args.to_up))
    return gaussians


def run_edit(args: argparse.Namespace) -> int:
    """``videomv edit``: checks everything, reads the models, edits and writes the result."""
    from ..gaussians import edit, save_ply, save_splat

    _check_edit_options(args)
    gaussians = _load_model(args.model)
    others = [_load_model(path) for path in args.merge]  # read before writing: a bad one must not cost the edit
    edited = apply_edits(gaussians, args)
    result = edit.merge(edited, *others) if others else edited
    (save_splat if args.out.suffix.lower() == ".splat" else save_ply)(result, args.out)
    print(f"edited {len(gaussians)} Gaussians -> {len(result)} ({len(others)} model(s) merged) -> {args.out}")
    return 0


# --- eval mesh ----------------------------------------------------------------------------------


def add_eval_parser(protocols: argparse._SubParsersAction) -> None:
    """Registers ``eval mesh`` under ``videomv eval``."""
    from ..evaluation.mesh import DEFAULT_POINTS, DEFAULT_THRESHOLDS

    parser = protocols.add_parser(
        "mesh", help="mesh quality: Chamfer distance and F-score of meshes against a true mesh",
        description="Samples both surfaces uniformly and scores each MESH against --truth after the "
        "normalisation of `videomv data render` (the true mesh's bounding box centred, longest side 1). "
        "Writes OUT/metrics.json and OUT/report.md.",
    )  # fmt: skip
    parser.add_argument("meshes", type=Path, nargs="+", metavar="MESH", help="meshes to score (.glb, .obj, .ply)")
    parser.add_argument("--truth", type=Path, required=True, help="the true mesh")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the output folder")
    parser.add_argument("--true-up", choices=("y", "z"), default="z", help="up axis of --truth (default z)")
    parser.add_argument(
        "--up", choices=("auto", "y", "z"), default="auto",
        help="up axis of the MESHes: auto = y for .glb/.obj (as videomv mesh writes them), z for .ply",
    )  # fmt: skip
    parser.add_argument(
        "--normalize-prediction", action="store_true",
        help="normalise each MESH by its own bounding box too (generated objects in the model's own frame)",
    )  # fmt: skip
    thresholds = ",".join(f"{t:g}" for t in DEFAULT_THRESHOLDS)
    parser.add_argument(
        "--thresholds", default=thresholds, help=f"F-score distances, comma-separated (default {thresholds})"
    )
    parser.add_argument("--points", type=int, default=DEFAULT_POINTS, help=f"samples per surface ({DEFAULT_POINTS})")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument("--overwrite", action="store_true", help="replace an earlier evaluation in --out")
    parser.set_defaults(func=run_eval_mesh)


def _thresholds(text: str) -> list[float]:
    try:
        values = [float(token) for token in text.split(",")]
    except ValueError:
        values = []
    if not values or not all(math.isfinite(v) and v > 0 for v in values):
        raise ValueError(f"--thresholds {text!r}: give distances > 0 separated by commas, e.g. 0.01,0.02,0.05")
    return values


def _check_mesh_input(option: str, path: Path) -> None:
    from ..data.render import MESH_SUFFIXES

    if path.suffix.lower() not in MESH_SUFFIXES:
        raise ValueError(f"{option} {path}: not a mesh file; use one of {', '.join(MESH_SUFFIXES)}")
    if not path.is_file():
        raise FileNotFoundError(f"{option} {path}: no such file")


def run_eval_mesh(args: argparse.Namespace) -> int:
    """``videomv eval mesh``: checks everything, scores every mesh, writes metrics.json and report.md."""
    import json

    from ..evaluation.harness import METRICS_FILE, REPORT_FILE, check_output_folder, prepare_output_folder
    from ..evaluation.mesh import mesh_report, score_mesh_files
    from ..fileio import write_text_atomic

    thresholds = _thresholds(args.thresholds)
    check_count("--points", args.points, 10_000_000, "samples per surface", low=100)
    check_count("--seed", args.seed, 2**32 - 1, "numpy seeds", low=0)
    _check_mesh_input("--truth", args.truth)
    for path in args.meshes:
        _check_mesh_input("MESH", path)
    names = [path.name for path in args.meshes]
    if len(set(names)) != len(names):
        names = [str(path) for path in args.meshes]  # distinct rows in the table
    check_output_folder(args.out, args.overwrite)
    rows = {}
    for name, path in zip(names, args.meshes, strict=True):
        up = args.up if args.up != "auto" else ("z" if path.suffix.lower() == ".ply" else "y")
        rows[name] = score_mesh_files(
            path, args.truth, predicted_up=up, true_up=args.true_up, normalize_prediction=args.normalize_prediction,
            thresholds=thresholds, points=args.points, seed=args.seed,
        )  # fmt: skip
    settings = {
        "truth": str(args.truth), "true_up": args.true_up, "up": args.up, "thresholds": thresholds,
        "points": args.points, "seed": args.seed, "normalize_prediction": args.normalize_prediction,
    }  # fmt: skip
    out = prepare_output_folder(args.out, args.overwrite)
    out.mkdir(parents=True, exist_ok=True)
    metrics = {"settings": settings, "meshes": {name: scores.as_dict() for name, scores in rows.items()}}
    write_text_atomic(out / METRICS_FILE, json.dumps(metrics, indent=1) + "\n")
    write_text_atomic(out / REPORT_FILE, mesh_report(rows, settings))
    for name, scores in rows.items():
        fscores = ", ".join(f"F@{t:g} {v:.3f}" for t, v in scores.fscore.items())
        print(f"{name}: Chamfer {scores.chamfer:.4f}, {fscores}")
    print(f"-> {out / REPORT_FILE}")
    return 0
