"""Running a parsed ``videomv`` command: user errors in one line, stop signals as a clean stop.

Apart from :mod:`videomv.cli.main` so that a command which starts processes of its own
(``generate --num-processes``) runs them the same way without importing the whole parser.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
from collections.abc import Iterator
from types import FrameType

from ..logs import set_verbose

# Errors a user can fix from the message alone; anything else is a bug and keeps its traceback.
USER_ERRORS = (
    ValueError, FileNotFoundError, FileExistsError, NotADirectoryError, IsADirectoryError, PermissionError,
    ImportError, KeyError,
)  # fmt: skip
# Signals that stop a command the way Ctrl-C does, so staging folders are removed on the way out.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(KeyboardInterrupt):
    """A stop signal, raised where the program is so that ``finally`` blocks and cleanups run."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    # Further stop signals would cut the cleanup short; SIGKILL still ends the process.
    for other in STOP_SIGNALS:
        if signal.getsignal(other) is _raise_stopped:
            signal.signal(other, signal.SIG_IGN)
    raise Stopped(signum)


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Stopped` (unless someone else already handles them)."""
    taken = [signum for signum in STOP_SIGNALS if signal.getsignal(signum) is signal.SIG_DFL]
    for signum in taken:
        signal.signal(signum, _raise_stopped)
    try:
        yield
    finally:
        for signum in taken:
            signal.signal(signum, signal.SIG_DFL)


def run_parsed(args: argparse.Namespace) -> int:
    """Runs the parsed command ``args`` (its ``func``) as ``videomv`` does: user errors in one line, stop
    signals turned into a clean stop; returns the exit code. (Also the entry of a process a command spawns.)"""
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    set_verbose(args.verbose)
    try:
        with _stop_on_signals():
            return int(args.func(args) or 0)
    except USER_ERRORS as err:
        if args.debug:
            raise
        message = str(err.args[0] if isinstance(err, KeyError) and err.args else err)
        # One line whatever the raiser wrote (a library's message may span several).
        print(f"videomv: error: {' '.join(message.split())}", file=sys.stderr)
        return 2
    except Stopped as stop:
        print(f"videomv: stopped by {stop.args[0]}", file=sys.stderr)
        return 128 + stop.signum
    except KeyboardInterrupt:
        print("videomv: interrupted", file=sys.stderr)
        return 130
