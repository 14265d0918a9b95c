"""Entry point of the ``videomv`` command: builds the argument parser and reports errors.

Each subcommand lives in a module of this package exposing ``add_parsers(subparsers)``; the
parser it registers sets ``func`` to the function that runs it. Expected failures (bad input,
missing files, unknown options) print one line that says what to do and exit with status 2;
``--debug`` shows the full traceback instead. The libraries' own bars and log lines are hidden
unless ``--verbose`` (before or after the command; see :mod:`videomv.logs`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence

from .. import __version__
from . import app, convert, data, data_formats, doctor, evaluate, gaussians, generate, mesh, train
from .parsing import OneLineParser
from .running import run_parsed

VERBOSE_HELP = "also show the libraries' own progress bars and log lines (model loading, HTTP requests)"


def build_parser() -> argparse.ArgumentParser:
    """The full ``videomv`` parser with every subcommand."""
    parser = OneLineParser(
        prog="videomv",
        description="Consistent multi-view images and 3D Gaussians of an object from one image or prompt.",
    )
    parser.add_argument("--version", action="version", version=f"videomv {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    parser.add_argument("-q", "--quiet", action="store_true", help="only print warnings and errors")
    parser.add_argument("--verbose", action="store_true", help=VERBOSE_HELP)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    data_parser = commands.add_parser(
        "data", help="render meshes, build datasets, convert and inspect multi-view samples"
    )
    data_commands = data_parser.add_subparsers(title="data commands", metavar="DATA_COMMAND", required=True)
    data.add_parsers(data_commands)
    data_formats.add_parsers(data_commands)
    gaussians.add_parsers(commands)
    mesh.add_parsers(commands)
    generate.add_parsers(commands)
    app.add_parsers(commands)
    doctor.add_parsers(commands)
    evaluate.add_parsers(commands)
    train.add_parsers(commands)
    convert.add_parsers(commands)
    for command in _commands(parser):
        command.set_defaults(command_prog=command.prog)
        if not _subcommands(command):
            # SUPPRESS: a command without --verbose keeps the top-level value instead of resetting it.
            command.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help=VERBOSE_HELP)
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The command parsers directly below ``parser``."""
    actions = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return [command for action in actions for command in action.choices.values()]


def _commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every (sub)command parser below ``parser``."""
    for command in _subcommands(parser):
        yield command
        yield from _commands(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``videomv`` with ``argv`` (default: the process arguments) and returns the exit code."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        # Named against the subcommand that got them, whose --help lists what it takes.
        OneLineParser(prog=getattr(args, "command_prog", parser.prog)).error(
            f"unrecognized arguments: {' '.join(unknown)}"
        )
    return run_parsed(args)


def entry() -> int:
    """The ``videomv`` console script: CPU thread settings before torch loads, then :func:`main`.

    Kept out of :func:`main`, which tests and the web app call in-process many times, where
    torch is loaded already and its thread count is theirs.
    """
    from ..threads import configure_threads

    try:
        configure_threads()
    except ValueError as err:
        print(f"videomv: error: {err}", file=sys.stderr)
        return 2
    return main()


if __name__ == "__main__":
    sys.exit(entry())
