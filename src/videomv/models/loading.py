"""Model folders checked before any weights load, with every refusal one line naming the file.

``from_pretrained`` of diffusers and transformers reports a bad folder late and in its own words:
an ``OSError`` that says "unable to load weights" without why, a traceback from a constructor fed a
mistyped config, or (missing weights) no error at all but a warning and randomly initialised
layers. :func:`check_model_folder` instead reads ``config.json`` safely, type-checks it against the
model class, builds the model on the ``meta`` device (no memory, no weights) and compares its
parameter shapes with the weights file's header, before anything is loaded. Our model classes
inherit :class:`CheckedLoadingMixin`, so their ``from_pretrained`` always does this.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any, ClassVar

import torch

from ..safe_load import (
    BadFileError,
    check_config_values,
    check_file,
    check_folder,
    compare_shapes,
    first_line,
    named_load_errors,
    read_json,
    weights_shapes,
)

# (single file, index of shards) in the order diffusers / transformers look for them.
DIFFUSERS_WEIGHTS = (
    ("diffusion_pytorch_model.safetensors", "diffusion_pytorch_model.safetensors.index.json"),
    ("diffusion_pytorch_model.bin", "diffusion_pytorch_model.bin.index.json"),
)
TRANSFORMERS_WEIGHTS = (
    ("model.safetensors", "model.safetensors.index.json"),
    ("pytorch_model.bin", "pytorch_model.bin.index.json"),
)
# What a constructor raises for config values it cannot build from.
_CONSTRUCTION_ERRORS = (
    TypeError, ValueError, KeyError, IndexError, AttributeError, AssertionError, NotImplementedError,
    ArithmeticError, RuntimeError,
)  # fmt: skip

# Folders checked by the caller (a pipeline checks all its components first), not checked again.
_CHECKED: ContextVar[frozenset[Path]] = ContextVar("videomv_checked_model_folders", default=frozenset())


@contextlib.contextmanager
def checked_folders(folders: Iterable[str | os.PathLike]) -> Iterator[None]:
    """Marks ``folders`` as checked for the block: :class:`CheckedLoadingMixin` skips their check."""
    token = _CHECKED.set(_CHECKED.get() | {Path(folder).resolve() for folder in folders})
    try:
        yield
    finally:
        _CHECKED.reset(token)


def weight_files(folder: Path, names: tuple[tuple[str, str], ...] = DIFFUSERS_WEIGHTS) -> list[Path]:
    """The weights files a loader reads from ``folder``: the first single file or shard index found."""
    for single, index in names:
        if (folder / single).is_file():
            return [folder / single]
        if (folder / index).exists():
            index_path = folder / index
            weight_map = read_json(index_path, "a weights index").get("weight_map")
            if not isinstance(weight_map, dict) or not all(isinstance(v, str) for v in weight_map.values()):
                raise BadFileError(f"{index_path}: no weight_map of file names; re-save the model")
            shards = sorted(set(weight_map.values()))
            outside = [name for name in shards if Path(name).name != name]
            if outside:
                raise BadFileError(f"{index_path}: shard names must be plain file names, not {outside[0]!r}")
            return [check_file(folder / name, f"a weights shard listed in {index_path.name}") for name in shards]
    return []


def build_on_meta(cls: type, config: dict[str, Any], source: Path) -> Any:
    """``cls`` built from ``config`` on the ``meta`` device (shapes only); bad values refused naming ``source``."""
    check_config_values(cls.__init__, config, source)
    try:
        with torch.device("meta"):
            return cls.from_config(config)
    except _CONSTRUCTION_ERRORS as error:
        raise BadFileError(
            f"{source}: its values do not make a {cls.__name__} ({first_line(error)}); fix them or re-save the model"
        ) from error


def _matcher(patterns: Iterable[str] | None) -> Any:
    compiled = [re.compile(pattern) for pattern in patterns or ()]
    return lambda key: any(pattern.search(key) for pattern in compiled)


def check_model_folder(cls: type, folder: str | os.PathLike, variant: str | None = None) -> Path:
    """Checks, without loading weights, that ``folder`` holds a ``cls`` (a diffusers ``ModelMixin``).

    ``config.json`` must be JSON whose values ``cls`` is built from, and the weights file must hold
    exactly the model's parameters in their shapes (the prefixes in ``cls.optional_weight_prefixes``
    may be missing). With a ``variant`` the weights are left to the loader.

    Returns:
        The folder.

    Raises:
        FileNotFoundError, NotADirectoryError: the folder, its config or its weights are missing.
        BadFileError: one line naming the file at fault.
    """
    folder = check_folder(folder, f"a {cls.__name__} folder")
    config_path = folder / "config.json"
    config = read_json(config_path, f"a {cls.__name__} config")
    model = build_on_meta(cls, config, config_path)
    if variant is not None:
        return folder
    files = weight_files(folder)
    if not files:
        raise FileNotFoundError(f"{folder}: no weights file ({DIFFUSERS_WEIGHTS[0][0]}); re-save the model")
    found: dict[str, tuple[int, ...]] = {}
    for file in files:
        found.update(weights_shapes(file))
    expected = {key: tuple(value.shape) for key, value in model.state_dict().items()}
    optional = tuple(getattr(cls, "optional_weight_prefixes", ()))
    problem = compare_shapes(
        found, expected, optional=lambda key: key.startswith(optional) if optional else False,
        ignored=_matcher(getattr(cls, "_keys_to_ignore_on_load_unexpected", None)),
    )  # fmt: skip
    if problem is not None:
        where = files[0] if len(files) == 1 else folder
        raise BadFileError(
            f"{where}: the weights do not fit the {cls.__name__} of config.json ({problem}); "
            "they come from another model: re-save it"
        )
    return folder


def check_transformers_folder(folder: str | os.PathLike, what: str) -> Path:
    """Checks a transformers component folder (model, tokenizer, processor) without loading it.

    Every JSON file in it must be strict JSON (configs, tokenizer files), and a weights file, if the
    folder has one, must be readable without running code (safetensors header, or a tensors-only pickle).
    """
    folder = check_folder(folder, what)
    for path in sorted(folder.glob("*.json")):
        read_json(path, f"a file of {what}", expect=None, allow_infinity=True)
    for file in weight_files(folder, TRANSFORMERS_WEIGHTS):
        weights_shapes(file, f"the weights of {what}")
    return folder


class CheckedLoadingMixin:
    """``from_pretrained`` that runs :func:`check_model_folder` first and names the folder on any failure.

    Put it before ``ModelMixin`` among a model's bases. Loading is local only: the path is a folder.
    """

    # Parameter-name prefixes a weights file may lack (they are initialised by design, see unet.py).
    optional_weight_prefixes: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_pretrained(cls, pretrained_model_name_or_path: str | os.PathLike, **kwargs: Any) -> Any:
        """diffusers' ``from_pretrained`` on a local folder, checked first (see :func:`check_model_folder`)."""
        folder = Path(pretrained_model_name_or_path, kwargs.get("subfolder") or "")
        if folder.resolve() not in _CHECKED.get():
            check_model_folder(cls, folder, variant=kwargs.get("variant"))
        with named_load_errors(folder, f"a {cls.__name__}"):
            return super().from_pretrained(pretrained_model_name_or_path, **kwargs)  # type: ignore[misc]


def load_model(cls: type, folder: str | os.PathLike, **kwargs: Any) -> Any:
    """``cls.from_pretrained(folder, **kwargs)`` checked first, for any diffusers model class (ours check
    themselves; this also covers diffusers' own, such as ``AutoencoderKL``)."""
    folder = Path(folder, kwargs.get("subfolder") or "")
    check_model_folder(cls, folder, variant=kwargs.get("variant"))
    with checked_folders([folder]), named_load_errors(folder, f"a {cls.__name__}"):
        return cls.from_pretrained(folder, **{key: value for key, value in kwargs.items() if key != "subfolder"})
