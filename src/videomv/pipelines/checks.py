"""A pipeline folder checked, file by file, before any of it loads.

:func:`check_pipeline_folder` reads ``model_index.json`` safely and checks its settings' types and
ranges, that each component names a class of diffusers, transformers or videomv (a folder cannot
make the loader import any other module), that the component's folder exists, and, per kind of
component, its config and weights headers (see :mod:`videomv.models.loading`). Every refusal is one
line naming the file at fault; a full-size pipeline is checked in about a second.
"""

from __future__ import annotations

import importlib
import math
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from diffusers import ModelMixin
from diffusers.schedulers.scheduling_utils import SchedulerMixin

from ..models.loading import check_model_folder, check_transformers_folder
from ..safe_load import BadFileError, check_config_values, check_folder, read_json
from ..sampling.schedulers import check_scheduler_folder

INDEX_FILE = "model_index.json"
# The libraries a component may come from: model_index.json names a module to import.
_LIBRARIES = ("diffusers", "transformers", "videomv")


def _in_range(name: str, value: Any, low: float, high: float = math.inf, low_inclusive: bool = True) -> str | None:
    below = value < low if low_inclusive else value <= low
    if below or value > high:
        bound = f"from {low} to {high}" if high < math.inf else (f"at least {low}" if low_inclusive else f"above {low}")
        return f"{name} must be {bound}, not {value!r}"
    return None


def _check_settings(cls: type, index: dict[str, Any], components: Collection[str], source: Path) -> None:
    """The pipeline settings of ``model_index.json``: exactly typed, and in range where a range matters."""
    settings = {key: value for key, value in index.items() if key not in components}
    check_config_values(cls.__init__, settings, source, strict=True)
    checks = {
        "num_views": (1,), "num_inference_steps": (1,), "fps": (1,), "radius": (0, math.inf, False),
        "fov": (0, 180, False), "three_d_aware_blend": (0, 1),
    }  # fmt: skip
    for name, bounds in checks.items():
        problem = _in_range(name, settings[name], *bounds) if name in settings else None
        if problem is not None:
            raise BadFileError(f"{source}: {problem}; fix it or re-save the pipeline")
    steps = settings.get("three_d_aware_steps", [])
    if any(isinstance(step, bool) or not isinstance(step, int | float) or step < 0 for step in steps):
        raise BadFileError(
            f"{source}: three_d_aware_steps must be a list of numbers ≥ 0; fix it or re-save the pipeline"
        )


def _component_class(name: str, entry: Any, source: Path) -> type | None:
    """The class ``model_index.json`` names for component ``name``; None for an absent component."""
    valid = isinstance(entry, list) and len(entry) == 2 and all(part is None or isinstance(part, str) for part in entry)
    if not valid or (entry[0] is None) != (entry[1] is None):
        raise BadFileError(f'{source}: {name} must be ["library", "Class"] or [null, null], not {entry!r}')
    library, class_name = entry
    if library is None:
        return None
    if library.split(".")[0] not in _LIBRARIES:
        raise BadFileError(
            f"{source}: {name} comes from {library!r}; a VideoMV pipeline loads components only from "
            f"{', '.join(_LIBRARIES)}"
        )
    try:
        found = getattr(importlib.import_module(library), class_name, None)
    except ImportError:
        found = None
    if not isinstance(found, type):
        raise BadFileError(f"{source}: {name} names {library}.{class_name}, which does not exist; re-save the pipeline")
    return found


def _check_component(name: str, cls: type, folder: Path) -> Path | None:
    """Checks one component's folder by its kind; returns it when it is a model folder (checked)."""
    if issubclass(cls, ModelMixin):
        return check_model_folder(cls, folder)
    if issubclass(cls, SchedulerMixin):
        check_scheduler_folder(cls, folder)
    elif cls.__module__.startswith("transformers"):
        check_transformers_folder(folder, f"the pipeline's {name}")
    return None


def read_pipeline_index(cls: type, folder: str | os.PathLike) -> dict[str, Any]:
    """``model_index.json`` of the pipeline folder ``folder``, checked to be one of ``cls``.

    Raises:
        FileNotFoundError, NotADirectoryError: ``folder`` is missing or a file.
        BadFileError: no model_index.json, or one that is not JSON or not of ``cls``.
    """
    folder = check_folder(folder, f"a {cls.__name__} folder")
    index_path = folder / INDEX_FILE
    if not index_path.exists():
        raise BadFileError(
            f"{folder} is not a VideoMV pipeline folder (it has no {INDEX_FILE}); give a folder written by "
            f"{cls.__name__}.save_pretrained"
        )
    index = read_json(index_path, f"the pipeline's {INDEX_FILE}")
    if index.get("_class_name") != cls.__name__:
        raise BadFileError(
            f"{index_path}: _class_name is {index.get('_class_name')!r}, not {cls.__name__}: "
            f"{folder} is not a {cls.__name__} folder"
        )
    return index


def check_pipeline_folder(cls: type, folder: str | os.PathLike, provided: Collection[str] = ()) -> list[Path]:
    """Checks the pipeline folder ``folder`` of ``cls`` without loading anything.

    Args:
        cls: the pipeline class (``VideoMVPipeline``).
        folder: the folder.
        provided: components the caller passes itself (their folders are not read).

    Returns:
        The model folders checked (their ``from_pretrained`` need not check them again).

    Raises:
        FileNotFoundError, NotADirectoryError, BadFileError: one line naming the file at fault.
    """
    folder = Path(folder)
    index = read_pipeline_index(cls, folder)
    index_path = folder / INDEX_FILE
    components, _ = cls._get_signature_keys(cls)
    optional = set(getattr(cls, "_optional_components", ()))
    _check_settings(cls, index, components, index_path)
    checked = []
    for name in sorted(components):
        if name in provided:
            continue
        if name not in index:
            if name in optional:
                continue
            raise BadFileError(f"{index_path}: no entry for the {name} component; re-save the pipeline")
        component_class = _component_class(name, index[name], index_path)
        if component_class is None:
            continue
        subfolder = check_folder(folder / name, f"the {name} component that {INDEX_FILE} lists")
        model_folder = _check_component(name, component_class, subfolder)
        if model_folder is not None:
            checked.append(model_folder)
    return checked
