"""``videomv data validate`` and ``videomv data convert``: checking and importing samples."""

from __future__ import annotations

import argparse
from pathlib import Path

# The layouts of videomv.data.external.READERS (named here so building the parser imports no torch).
LAYOUTS = ("gobjaverse", "syncdreamer", "zero123")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``validate`` and ``convert`` under ``videomv data``."""
    validate = commands.add_parser(
        "validate",
        help="check multi-view sample folders (one sample, or a dataset of them)",
        description="Reads every sample under PATH and reports the first problem of each, naming the file: "
        "format faults, then the geometry check (the world origin, where samples keep the object, in front of and "
        "inside every view; each view's silhouette agreeing with the visual hull carved from all of them). "
        "Exit status 1 if any sample is invalid.",
    )
    validate.add_argument("path", type=Path, help="a sample folder or a folder of sample folders")
    validate.add_argument(
        "--no-geometry",
        dest="geometry",
        action="store_false",
        help="skip the geometry check (object centre in every view, silhouettes agreeing with one visual hull)",
    )
    validate.set_defaults(func=run_validate)

    convert = commands.add_parser(
        "convert",
        help="convert G-Objaverse, Zero123/EscherNet or SyncDreamer renders to the videomv format",
        description="Converts one object's renders in an external layout into a videomv sample folder: "
        "gobjaverse (campos_512_v4: NNNNN/NNNNN.png + .json), zero123 (NNN.png + NNN.npy world-to-camera poses "
        "in Blender camera axes, as Zero123 and EscherNet render them), syncdreamer (NNN.png + meta.pkl, "
        "OpenCV axes). Run 'videomv data validate OUT' afterwards: its geometry check catches poses read wrong.",
    )
    convert.add_argument("source", type=Path, help="the external render folder")
    convert.add_argument("out", type=Path, help="the sample folder to write")
    convert.add_argument("--from", dest="layout", required=True, choices=LAYOUTS, help="the source layout")
    convert.add_argument("--caption", default=None, help="caption to store with the sample")
    convert.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    convert.set_defaults(func=run_convert)


def _sample_folders(path: Path) -> list[Path]:
    from ..data.format import is_sample

    if is_sample(path):
        return [path]
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"{path} is a file; give a sample folder or a folder of sample folders")
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no such folder")
    folders = sorted(p.parent for p in path.rglob("cameras.json"))
    if not folders:
        raise FileNotFoundError(f"{path}: no sample folders (folders with cameras.json) found")
    return folders


def _validate_one(folder: Path, geometry: bool) -> None:
    """Raises a ValueError or OSError naming the first problem of the sample in ``folder``."""
    from ..data.format import CAMERAS_FILE, read_json_object, read_sample
    from ..data.geometry import check_geometry

    sample = read_sample(folder)
    if geometry:
        names = [view["file"] for view in read_json_object(folder / CAMERAS_FILE)["views"]]
        check_geometry(sample, folder / CAMERAS_FILE, names)


def run_validate(args: argparse.Namespace) -> int:
    folders = _sample_folders(args.path)
    bad = 0
    for folder in folders:
        try:
            _validate_one(folder, args.geometry)
        except (ValueError, OSError) as err:
            bad += 1
            detail = str(err) if isinstance(err, ValueError) else f"{folder}: cannot read ({err})"
            print(f"FAIL {detail}")
    print(f"{len(folders) - bad} of {len(folders)} samples valid")
    return 1 if bad else 0


def run_convert(args: argparse.Namespace) -> int:
    from ..data.external import READERS
    from ..data.format import check_destination, write_sample

    if not args.source.exists():
        raise FileNotFoundError(f"{args.source}: no such folder; give the {args.layout} render folder")
    check_destination(args.out, args.overwrite)
    sample = READERS[args.layout](args.source)
    if args.caption is not None:
        sample.caption = args.caption
    write_sample(args.out, sample, overwrite=args.overwrite)
    print(f"wrote {len(sample)} views to {args.out}")
    return 0
