"""Lazy package exports: a package's names are imported from its submodules on first use.

``videomv.cli`` imports ``videomv.training.config`` and ``videomv.data.external`` to build its
parser; with eager ``__init__`` files that pulled in accelerate, diffusers and the datasets for
every command (seconds of start-up for ``videomv --version``). Packages whose submodules are heavy
declare their exports with :func:`attach` instead (the scheme of scientific-python's lazy_loader).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

Exports = tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]


def attach(package: str, exports: dict[str, list[str]]) -> Exports:
    """``(__getattr__, __dir__, __all__)`` for ``package`` exporting ``exports`` (submodule → names)."""
    owner = {name: module for module, names in exports.items() for name in names}

    def get_attribute(name: str) -> Any:
        if name not in owner:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{owner[name]}"), name)

    def list_names() -> list[str]:
        return sorted(owner)

    return get_attribute, list_names, sorted(owner)
