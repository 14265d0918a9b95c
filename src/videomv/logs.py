"""How much the libraries under videomv print: nothing but their warnings, unless asked (``--verbose``).

Our own progress bars (denoising, fit, render, writing...) and messages are the output a user
reads. The libraries we build on add their own: transformers' "Loading weights" and diffusers'
"Loading pipeline components" bars on every model load, a log line per HTTP request (httpx,
which Gradio uses to poll its own server), Gradio's start-up banner. They say nothing a user can
act on, so by default they are off; ``videomv --verbose COMMAND`` (or ``COMMAND --verbose``)
shows them again for debugging. Their warnings and errors always show.

This module imports nothing heavy: the CLI configures it before any library loads, and the
library switches are applied when they are needed (:func:`library_progress_bars`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import warnings
from collections.abc import Iterator

# Loggers of libraries whose INFO lines are noise to a user: one line per HTTP request, start-up chatter.
CHATTY_LOGGERS = ("httpx", "httpcore", "gradio", "urllib3", "huggingface_hub", "filelock")
# huggingface_hub's switch for its download bars, read by transformers when it is imported.
HUB_BARS_VARIABLE = "HF_HUB_DISABLE_PROGRESS_BARS"

_STATE = {"verbose": False, "set_hub_variable": False}


def set_verbose(verbose: bool) -> None:
    """Lets the libraries print everything (``verbose``) or only their warnings (the default).

    Called once per command by the CLI; calling it again switches back (tests run many commands in
    one process).
    """
    _STATE["verbose"] = verbose
    for name in CHATTY_LOGGERS:
        # NOTSET: the library logs at whatever level the root logger shows, as if we were not here.
        logging.getLogger(name).setLevel(logging.NOTSET if verbose else logging.WARNING)
    if not verbose and HUB_BARS_VARIABLE not in os.environ:
        os.environ[HUB_BARS_VARIABLE] = "1"
        _STATE["set_hub_variable"] = True
    elif verbose and _STATE["set_hub_variable"]:  # only undo what we set, never the user's choice
        os.environ.pop(HUB_BARS_VARIABLE, None)
        _STATE["set_hub_variable"] = False


def is_verbose() -> bool:
    """Whether the libraries' own output is shown (:func:`set_verbose`)."""
    return bool(_STATE["verbose"])


@contextlib.contextmanager
def library_progress_bars(allowed: bool = True) -> Iterator[None]:
    """Within the block, diffusers' and transformers' progress bars (model loading) show only when
    ``allowed`` and verbose; their previous state is restored afterwards.

    Args:
        allowed: False hides the bars even when verbose (a command run with ``--no-progress``).
    """
    from diffusers.utils import logging as diffusers_logging
    from transformers.utils import logging as transformers_logging

    show = allowed and is_verbose()
    libraries = (diffusers_logging, transformers_logging)
    before = [library.is_progress_bar_enabled() for library in libraries]
    for library in libraries:
        _switch_bars(library, show)
    try:
        yield
    finally:
        for library, enabled in zip(libraries, before, strict=True):
            _switch_bars(library, enabled)


def _switch_bars(library, on: bool) -> None:
    if not on:
        library.disable_progress_bar()
        return
    with warnings.catch_warnings():
        # huggingface_hub warns that HF_HUB_DISABLE_PROGRESS_BARS (ours, when quiet) keeps its own bars off: as meant.
        warnings.filterwarnings("ignore", message="Cannot enable progress bars")
        library.enable_progress_bar()
