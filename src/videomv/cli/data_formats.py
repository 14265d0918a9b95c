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
        description="Reads every sample under PATH and reports the first problem of each, naming the file.",
    )
    validate.add_argument("path", type=Path, help="a sample folder or a folder of sample folders")
    validate.set_defaults(func=run_validate)

    convert = commands.add_parser(
        "convert",
        help="convert G-Objaverse or Zero123/SyncDreamer renders to the videomv format",
        description="Converts one object's renders in an external layout into a videomv sample folder.",
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
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no such folder")
    folders = sorted(p.parent for p in path.rglob("cameras.json"))
    if not folders:
        raise FileNotFoundError(f"{path}: no sample folders (folders with cameras.json) found")
    return folders


def run_validate(args: argparse.Namespace) -> int:
    from ..data.format import read_sample

    folders = _sample_folders(args.path)
    bad = 0
    for folder in folders:
        try:
            read_sample(folder)
        except ValueError as err:
            bad += 1
            print(f"FAIL {err}")
    print(f"{len(folders) - bad} of {len(folders)} samples valid")
    return 1 if bad else 0


def run_convert(args: argparse.Namespace) -> int:
    from ..data.external import READERS
    from ..data.format import write_sample

    sample = READERS[args.layout](args.source)
    if args.caption is not None:
        sample.caption = args.caption
    write_sample(args.out, sample, overwrite=args.overwrite)
    print(f"wrote {len(sample)} views to {args.out}")
    return 0
