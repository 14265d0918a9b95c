"""The argument parser and option checks every ``videomv`` command uses, so that command-line mistakes read alike."""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterable
from pathlib import Path

from ..fileio import check_writable


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line that points to the command's ``--help``."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"videomv: error: {message}; see '{self.prog} --help'\n")


def add_progress_argument(parser: argparse.ArgumentParser) -> None:
    """``--no-progress``, every command's switch for its progress bars (into ``args.no_progress``).

    ``--quiet-progress``, the name ``fit`` and ``mesh`` first had, still works but is no longer shown.
    """
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    parser.add_argument("--quiet-progress", dest="no_progress", action="store_true", help=argparse.SUPPRESS)


def check_count(option: str, value: int, high: int, why: str, low: int = 1) -> None:
    """Raises a one-line ValueError unless ``low <= value <= high`` (``why`` explains ``high``)."""
    if value < low:
        raise ValueError(f"{option} {value}: must be at least {low}")
    if value > high:
        raise ValueError(f"{option} {value}: must be at most {high:,} ({why})")


def check_number(
    option: str, value: float, low: float, high: float, *, open_low: bool = False, open_high: bool = False
) -> None:
    """Raises a one-line ValueError unless ``value`` is finite and within ``low .. high``."""
    if not math.isfinite(value):
        raise ValueError(f"{option} {value}: must be a finite number")
    below = value <= low if open_low else value < low
    above = value >= high if open_high else value > high
    if below or above:
        left, right = "(" if open_low else "[", ")" if open_high else "]"
        raise ValueError(f"{option} {value}: must be in {left}{low:g}, {high:g}{right}")


def check_output_file(option: str, path: Path, suffixes: Iterable[str], overwrite: bool) -> None:
    """Checks a file output: a known suffix, not a folder, not an existing file unless ``overwrite``, writable."""
    suffixes = tuple(suffixes)
    if path.suffix.lower() not in suffixes:
        raise ValueError(f"{option} {path}: must end in {' or '.join(suffixes)}")
    if path.is_dir():
        raise IsADirectoryError(f"{option} {path}: is a folder; give a file path ending in {' or '.join(suffixes)}")
    if path.exists() or path.is_symlink():
        if not path.is_file():
            raise ValueError(f"{option} {path}: exists and is not a regular file; choose another path")
        if not overwrite:
            raise FileExistsError(
                f"{option} {path}: already exists; pass --overwrite to replace it, or choose another path"
            )
    check_writable(path, option)


def shard(text: str) -> tuple[int, int]:
    """``--shard I/N`` as ``(I, N)``: this process's share of a job list split N ways (0 <= I < N)."""
    index, slash, total = text.partition("/")
    usage = f"{text!r}: give I/N with whole numbers 0 <= I < N, e.g. 0/4 for the first of 4 shards"
    if not (slash and index.strip().isdigit() and total.strip().isdigit()):
        raise argparse.ArgumentTypeError(usage)
    index_, total_ = int(index), int(total)
    if not 0 <= index_ < total_:
        raise argparse.ArgumentTypeError(usage)
    return index_, total_
