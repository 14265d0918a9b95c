"""``python -m videomv …``: the ``videomv`` command (so ``accelerate launch -m videomv generate …`` works)."""

import sys

from .cli.main import entry

if __name__ == "__main__":
    sys.exit(entry())
