"""Training state as safetensors only: nothing a checkpoint holds can run code when it is read back.

A state (an optimiser's, an LR schedule's, the EMA's, the RNG states) is a tree of dicts, lists
and tuples whose leaves are tensors, numpy arrays and JSON scalars. :func:`save_state` writes the
tensors as the tensors of one ``.safetensors`` file and the tree, with each tensor replaced by its
name, as JSON in that file's metadata; :func:`load_state` rebuilds it. Reading parses a
safetensors header and JSON, never a pickle, so a planted file can at worst fail to parse: every
such failure is a ``ValueError`` naming the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import load_file, save_file

# The metadata key holding the tree; a file without it is not a state file of ours.
TREE_KEY = "videomv_state"
# Tags of the tree's JSON objects (every JSON object in a tree is one of these, so none is ambiguous).
_TENSOR, _ARRAY, _TUPLE, _DICT = "tensor", "ndarray", "tuple", "dict"
# What reading a damaged or foreign file can raise besides ValueError: the parsers' and the RNG setters' errors.
READ_ERRORS = (ValueError, TypeError, KeyError, IndexError, RuntimeError, RecursionError, SafetensorError, OSError)


def _cpu_leaf(tensor: torch.Tensor, seen: set[int]) -> torch.Tensor:
    """``tensor`` on the host, contiguous, and not sharing storage with an earlier leaf (safetensors refuses that)."""
    tensor = tensor.detach().to("cpu").contiguous()
    pointer = tensor.untyped_storage().data_ptr()
    if pointer in seen and tensor.numel():
        tensor = tensor.clone()
    seen.add(tensor.untyped_storage().data_ptr())
    return tensor


def _flatten(value: Any, tensors: dict[str, torch.Tensor], seen: set[int]) -> Any:
    """The JSON tree of ``value``, its tensors (and arrays) moved into ``tensors``."""
    if isinstance(value, torch.Tensor):
        name = str(len(tensors))
        tensors[name] = _cpu_leaf(value, seen)
        return {_TENSOR: name}
    if isinstance(value, np.ndarray):
        name = str(len(tensors))
        # safetensors has no uint32 (numpy's RNG key): stored widened, read back in the recorded dtype.
        stored = np.int64 if value.dtype.kind in "iu" else value.dtype
        tensors[name] = torch.from_numpy(np.ascontiguousarray(value).astype(stored))
        return {_ARRAY: name, "dtype": value.dtype.str}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {_DICT: [[_scalar_key(key), _flatten(item, tensors, seen)] for key, item in value.items()]}
    if isinstance(value, tuple):
        return {_TUPLE: [_flatten(item, tensors, seen) for item in value]}
    if isinstance(value, list):
        return [_flatten(item, tensors, seen) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in a checkpoint (only tensors, arrays and JSON values)")


def _scalar_key(key: Any) -> Any:
    if key is None or isinstance(key, (bool, int, float, str)):
        return key
    raise TypeError(f"cannot store a dict key of type {type(key).__name__} in a checkpoint")


def _unflatten(tree: Any, tensors: dict[str, torch.Tensor]) -> Any:
    """Inverse of :func:`_flatten`; raises ValueError on anything it did not write."""
    if isinstance(tree, list):
        return [_unflatten(item, tensors) for item in tree]
    if not isinstance(tree, dict):
        return tree
    if len(tree) == 1 and _TENSOR in tree:
        return tensors[tree[_TENSOR]]
    if set(tree) == {_ARRAY, "dtype"}:
        return tensors[tree[_ARRAY]].numpy().astype(np.dtype(tree["dtype"]))
    if len(tree) == 1 and _TUPLE in tree and isinstance(tree[_TUPLE], list):
        return tuple(_unflatten(item, tensors) for item in tree[_TUPLE])
    if len(tree) == 1 and _DICT in tree and isinstance(tree[_DICT], list):
        return {_scalar_key(key): _unflatten(item, tensors) for key, item in tree[_DICT]}
    raise ValueError(f"unknown entry {sorted(tree)[:3]} in the state tree")


def save_state(path: str | os.PathLike, state: Any) -> Path:
    """Writes ``state`` (a tree of dicts, lists, tuples, tensors, arrays and JSON scalars) to ``path``."""
    tensors: dict[str, torch.Tensor] = {}
    tree = _flatten(state, tensors, set())
    save_file(tensors, str(path), metadata={TREE_KEY: json.dumps(tree)})
    return Path(path)


def save_tensors(path: str | os.PathLike, tensors: dict[str, torch.Tensor]) -> Path:
    """Writes plain named tensors (model weights) to ``path``, tied ones stored once each name."""
    seen: set[int] = set()
    save_file({name: _cpu_leaf(tensor, seen) for name, tensor in tensors.items()}, str(path), metadata={"format": "pt"})
    return Path(path)


def read_header(path: str | os.PathLike) -> dict[str, str]:
    """The metadata of the safetensors file ``path`` (its header only: cheap), or ValueError naming it."""
    path = Path(path)
    try:
        with safe_open(str(path), framework="pt") as handle:
            return handle.metadata() or {}
    except READ_ERRORS as error:
        raise ValueError(f"{path}: not a safetensors file ({first_line(error)}); nothing in it was run") from None


def load_state(path: str | os.PathLike) -> Any:
    """The state :func:`save_state` wrote to ``path``; ValueError naming the file for anything else."""
    path = Path(path)
    metadata = read_header(path)
    if TREE_KEY not in metadata:
        raise ValueError(f"{path}: not a videomv training state (no {TREE_KEY} metadata); nothing in it was run")
    try:
        return _unflatten(json.loads(metadata[TREE_KEY]), load_file(str(path)))
    except READ_ERRORS as error:
        raise ValueError(f"{path}: damaged training state ({first_line(error)}); nothing in it was run") from None


def first_line(error: BaseException, limit: int = 200) -> str:
    """The first line of ``error``'s message, shortened: what a one-line report can quote."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_like(template: Any, value: Any, where: str = "state") -> None:
    """Raises ValueError unless ``value`` has ``template``'s structure: the same keys and lengths, tensors
    and arrays of the same shape and dtype, scalars of the same kind (an int may stand for a float, None
    for a scalar or the reverse: optional settings; a list for a tuple: torch's state dicts mix them)."""
    if isinstance(template, dict):
        if not isinstance(value, dict) or set(value) != set(template):
            raise ValueError(f"{where}: expected the entries {sorted(map(str, template))[:6]}")
        for key in template:
            check_like(template[key], value[key], f"{where}.{key}")
    elif isinstance(template, (list, tuple)):
        if not isinstance(value, (list, tuple)) or len(value) != len(template):
            raise ValueError(f"{where}: expected a list of {len(template)}")
        for index, (expected, item) in enumerate(zip(template, value, strict=True)):
            check_like(expected, item, f"{where}[{index}]")
    elif isinstance(template, (torch.Tensor, np.ndarray)):
        if type(value) is not type(template) or value.shape != template.shape or value.dtype != template.dtype:
            raise ValueError(f"{where}: expected a {tuple(template.shape)} {template.dtype} array")
    elif template is None or value is None:
        if not (value is None or isinstance(value, (bool, int, float, str))):
            raise ValueError(f"{where}: expected a plain value")
    elif isinstance(template, bool) or isinstance(value, bool):
        if type(value) is not type(template):
            raise ValueError(f"{where}: expected a {type(template).__name__}")
    elif isinstance(template, float):
        if not isinstance(value, (int, float)):
            raise ValueError(f"{where}: expected a number")
    elif type(value) is not type(template):
        raise ValueError(f"{where}: expected a {type(template).__name__}")
