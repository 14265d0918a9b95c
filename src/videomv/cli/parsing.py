"""The argument parser every ``videomv`` command uses, so that command-line mistakes read alike."""

from __future__ import annotations

import argparse


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line that points to the command's ``--help``."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"videomv: error: {message}; see '{self.prog} --help'\n")
