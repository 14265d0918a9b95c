"""Entry point of the ``videomv`` command: builds the argument parser and reports errors.

Each subcommand lives in a module of this package exposing ``add_parsers(subparsers)``; the
parser it registers sets ``func`` to the function that runs it. Expected failures (bad input,
missing files, unknown options) print one line that says what to do and exit with status 2;
``--debug`` shows the full traceback instead.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from . import app, convert, data, data_formats, doctor, evaluate, gaussians, generate, train

# Errors a user can fix from the message alone; anything else is a bug and keeps its traceback.
USER_ERRORS = (ValueError, FileNotFoundError, FileExistsError, NotADirectoryError, ImportError, KeyError)


def build_parser() -> argparse.ArgumentParser:
    """The full ``videomv`` parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="videomv",
        description="Consistent multi-view images and 3D Gaussians of an object from one image or prompt.",
    )
    parser.add_argument("--version", action="version", version=f"videomv {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    parser.add_argument("-q", "--quiet", action="store_true", help="only print warnings and errors")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    data_parser = commands.add_parser(
        "data", help="render meshes, build datasets, convert and inspect multi-view samples"
    )
    data_commands = data_parser.add_subparsers(title="data commands", metavar="DATA_COMMAND", required=True)
    data.add_parsers(data_commands)
    data_formats.add_parsers(data_commands)
    gaussians.add_parsers(commands)
    generate.add_parsers(commands)
    app.add_parsers(commands)
    doctor.add_parsers(commands)
    evaluate.add_parsers(commands)
    train.add_parsers(commands)
    convert.add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``videomv`` with ``argv`` (default: the process arguments) and returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except USER_ERRORS as err:
        if args.debug:
            raise
        message = err.args[0] if isinstance(err, KeyError) and err.args else err
        print(f"videomv: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("videomv: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
