"""Reading files back safely: JSON, safetensors, PyTorch checkpoints and model configs.

Everything the package reads back that a user may hand it (model folders, checkpoints, configs,
indexes) goes through these readers, so a corrupt, truncated, hostile or mistyped file is refused
with one line that names the file and says what to do, never a traceback from deep inside json,
safetensors or torch. No code stored in a file ever runs: pickles are read with
``torch.load(weights_only=True)`` only.

Errors: :class:`BadFileError` (a ``ValueError``) for a file that exists but cannot be used, and
``FileNotFoundError`` / ``IsADirectoryError`` / ``NotADirectoryError`` for a path that is missing or
of the wrong kind. This module imports nothing else from videomv and nothing heavy at import time
(torch and safetensors are imported where used), so every layer may use it.
"""

from __future__ import annotations

import inspect
import json
import math
import os
import pickle
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Far above any config or index we write (model configs are a few KB, data indexes a few MB).
MAX_JSON_BYTES = 64 * 2**20
# Our configs nest 3-4 levels; anything this deep is not one of them (and would exhaust recursion
# in code that walks it).
MAX_JSON_DEPTH = 100
# safetensors' own limit on the JSON header.
MAX_SAFETENSORS_HEADER = 100 * 2**20
# Bytes per element of each safetensors dtype, to check each tensor's byte range.
_SAFETENSORS_ITEMSIZE = {
    "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
    "I32": 4, "U32": 4, "F32": 4, "I64": 8, "U64": 8, "F64": 8,
}  # fmt: skip
# Longer library messages are cut to their first sentence.
MAX_REASON = 160
# How many names a listing shows before it says "and N more".
LISTED_NAMES = 5


class BadFileError(ValueError):
    """A file that exists but cannot be used as it is; the one-line message names it and says what to do."""


# ------------------------------------------------------------------------------------- messages


def first_line(error: BaseException) -> str:
    """The informative line of a (often multi-line) library error."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    line = next((line for line in lines if "unsupported" in line.lower()), None)  # torch's weights_only reason
    line = line or (lines[0] if lines else type(error).__name__)
    # Libraries append paragraphs of advice to the first sentence; the sentence is the reason.
    return line.split(". ", 1)[0] if len(line) > MAX_REASON else line


def listing(title: str, names: list[str], limit: int = LISTED_NAMES) -> str:
    """``"3 missing: a, b, c"``, cut after ``limit`` names with ``", and N more"``."""
    shown = ", ".join(names[:limit])
    more = f", and {len(names) - limit} more" if len(names) > limit else ""
    return f"{len(names)} {title}: {shown}{more}"


def _short(value: Any, width: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


# ---------------------------------------------------------------------------------------- paths


def check_file(path: str | os.PathLike, what: str = "the file") -> Path:
    """``path`` as a ``Path`` if it is a file; else ``FileNotFoundError`` / ``IsADirectoryError`` naming it."""
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; expected {what} (a file)")
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found; expected {what}")
    return path


def check_folder(path: str | os.PathLike, what: str = "a folder") -> Path:
    """``path`` as a ``Path`` if it is a folder; else ``FileNotFoundError`` / ``NotADirectoryError`` naming it."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"{path} is a file; expected {what} (a folder)")
    if not path.is_dir():
        raise FileNotFoundError(f"{path} not found; expected {what}")
    return path


# ----------------------------------------------------------------------------------------- JSON


class _NonFiniteError(ValueError):
    pass


def _refuse_constant(name: str) -> float:
    raise _NonFiniteError(name)


def _infinity_only(name: str) -> float:
    if name == "NaN":
        raise _NonFiniteError(name)
    return float(name)


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    for kind, name in kinds.items():
        if isinstance(value, kind):
            return name
    return "a number"


def _check_tree(value: Any, max_depth: int, allow_infinity: bool) -> str | None:
    """Why the parsed ``value`` is refused (too deep, a non-finite number), or None; iterative, so
    it never recurses itself."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, float) and (math.isnan(item) or not (allow_infinity or math.isfinite(item))):
            return f"it holds a non-finite number ({item})"
        if isinstance(item, dict | list):
            if depth > max_depth:
                return f"it nests deeper than {max_depth} levels"
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return None


def parse_json(
    text: str | bytes,
    source: str,
    what: str = "the JSON",
    expect: type | None = dict,
    max_depth: int = MAX_JSON_DEPTH,
    allow_infinity: bool = False,
) -> Any:
    """Parses ``text`` (read from ``source``, a file name for messages) as strict JSON.

    Refused with a one-line :class:`BadFileError` naming ``source``: invalid JSON, ``NaN``,
    ``Infinity`` (unless ``allow_infinity``: diffusers writes ``-Infinity`` into some scheduler
    configs), nesting deeper than ``max_depth`` (also 100000 nested lists, which make ``json``
    itself recurse too deep), or a top-level value that is not an ``expect``.
    """
    fix = f"fix or re-create {what}"
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        value = json.loads(text, parse_constant=_infinity_only if allow_infinity else _refuse_constant)
    except UnicodeDecodeError:
        raise BadFileError(f"{source}: not UTF-8 text, so not {what}; {fix}") from None
    except json.JSONDecodeError as error:
        message = f"{source}: not valid JSON ({error.msg} at line {error.lineno} column {error.colno}); {fix}"
        raise BadFileError(message) from None
    except _NonFiniteError as error:
        raise BadFileError(f"{source}: holds {error} (not JSON: numbers must be finite); {fix}") from None
    except RecursionError:
        raise BadFileError(f"{source}: nests deeper than {max_depth} levels; {fix}") from None
    problem = _check_tree(value, max_depth, allow_infinity)
    if problem is not None:
        raise BadFileError(f"{source}: {problem}; {fix}")
    if expect is not None and not isinstance(value, expect):
        wanted = _json_kind(expect())
        raise BadFileError(f"{source}: {what} must hold {wanted}, found {_json_kind(value)}; {fix}")
    return value


def read_json(
    path: str | os.PathLike,
    what: str = "the JSON file",
    expect: type | None = dict,
    max_bytes: int = MAX_JSON_BYTES,
    max_depth: int = MAX_JSON_DEPTH,
    allow_infinity: bool = False,
) -> Any:
    """The content of the JSON file ``path``, checked.

    Args:
        path: the file.
        what: what the file is, for messages (``"the pipeline's model_index.json"``).
        expect: the type the top-level value must have (``dict``, ``list``), or None for any.
        max_bytes: files larger than this are refused unread.
        max_depth: deeper nesting is refused (see :func:`parse_json`).
        allow_infinity: take ``Infinity`` / ``-Infinity`` (``NaN`` is always refused).

    Raises:
        FileNotFoundError, IsADirectoryError: ``path`` is missing or a folder.
        BadFileError: too large, not UTF-8, not strict JSON, too deep, or not an ``expect``.
    """
    path = check_file(path, what)
    size = path.stat().st_size
    if size > max_bytes:
        raise BadFileError(f"{path}: {size / 1e6:.0f} MB is too large for {what} (at most {max_bytes / 1e6:.0f} MB)")
    return parse_json(path.read_bytes(), str(path), what, expect, max_depth, allow_infinity)


# ---------------------------------------------------------------------------------- safetensors


def _bad_safetensors(path: Path, reason: str) -> BadFileError:
    return BadFileError(f"{path}: not a readable safetensors file ({reason}); re-save or re-download it")


def _check_tensor_entry(path: Path, name: str, entry: Any, data_bytes: int) -> tuple[int, ...]:
    """The shape of one header entry, after checking that its byte range lies inside the file."""
    if not isinstance(entry, dict):
        raise _bad_safetensors(path, f"header entry {name!r} is not an object")
    shape, offsets, dtype = entry.get("shape"), entry.get("data_offsets"), entry.get("dtype")
    valid_shape = isinstance(shape, list) and all(isinstance(n, int) and n >= 0 for n in shape)
    valid_offsets = (
        isinstance(offsets, list) and len(offsets) == 2 and all(isinstance(n, int) and n >= 0 for n in offsets)
    )
    if not (valid_shape and valid_offsets and isinstance(dtype, str)) or offsets[0] > offsets[1]:
        raise _bad_safetensors(path, f"header entry {name!r} has no valid dtype, shape and data_offsets")
    if offsets[1] > data_bytes:
        raise _bad_safetensors(
            path, f"tensor {name!r} ends at byte {offsets[1]} of {data_bytes} data bytes: the file is truncated"
        )
    itemsize = _SAFETENSORS_ITEMSIZE.get(dtype)
    if itemsize is not None and offsets[1] - offsets[0] != math.prod(shape) * itemsize:
        raise _bad_safetensors(path, f"tensor {name!r} takes {offsets[1] - offsets[0]} bytes, not its shape's")
    return tuple(shape)


def safetensors_shapes(path: str | os.PathLike, what: str = "a safetensors weights file") -> dict[str, tuple[int, ...]]:
    """The shape of every tensor in the safetensors file ``path``, read from its header alone.

    The header is checked: its length against the file's, its JSON, and every tensor's byte range
    against the data actually present (a truncated download is caught here, not mid-load).
    """
    path = check_file(path, what)
    size = path.stat().st_size
    with open(path, "rb") as handle:
        prefix = handle.read(8)
        if len(prefix) < 8:
            raise _bad_safetensors(path, f"{size} bytes is shorter than a safetensors header")
        header_bytes = int.from_bytes(prefix, "little")
        if header_bytes > min(size - 8, MAX_SAFETENSORS_HEADER):
            raise _bad_safetensors(path, f"its header claims {header_bytes} bytes but the file has {size}")
        raw = handle.read(header_bytes)
    try:
        header = parse_json(raw, str(path), "a safetensors header", expect=dict, max_depth=8)
    except BadFileError:
        raise _bad_safetensors(path, "its header is not valid JSON") from None
    data_bytes = size - 8 - header_bytes
    return {
        name: _check_tensor_entry(path, name, entry, data_bytes)
        for name, entry in header.items()
        if name != "__metadata__"
    }


def load_safetensors(path: str | os.PathLike, device: str = "cpu", what: str = "a safetensors weights file") -> dict:
    """The tensors of the safetensors file ``path`` (header checked first, see :func:`safetensors_shapes`)."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    path = Path(path)
    safetensors_shapes(path, what)
    try:
        return load_file(path, device=str(device))
    except (SafetensorError, OSError, RuntimeError, ValueError) as error:
        if isinstance(error, PermissionError):
            raise
        raise _bad_safetensors(path, first_line(error)) from error


# ------------------------------------------------------------------------------- PyTorch pickles


def torch_load(
    path: str | os.PathLike, what: str = "a PyTorch checkpoint", map_location: Any = "cpu", mmap: bool = False
) -> Any:
    """``torch.load(path, weights_only=True)`` with its refusals as one line naming the file.

    Only tensors and plain containers are rebuilt: a pickle that asks for anything else (code to
    run) is refused by torch before any of it runs.

    Args:
        path: the file.
        what: what it is, for messages.
        map_location: where tensors go.
        mmap: map the tensors instead of reading them (zip-format files; cheap for checking a file).

    Raises:
        FileNotFoundError, IsADirectoryError: ``path`` is missing or a folder.
        BadFileError: the file is refused (a pickle of more than tensors) or unreadable (truncated).
    """
    import zipfile

    import torch

    path = check_file(path, what)
    try:
        return torch.load(path, map_location=map_location, weights_only=True, mmap=mmap and zipfile.is_zipfile(path))
    except pickle.UnpicklingError as error:
        raise BadFileError(
            f"{path}: torch.load(weights_only=True) refused it ({first_line(error)}); nothing in it was run. "
            "Give a file that holds only tensors (re-save its state_dict with torch.save)"
        ) from error
    except PermissionError:
        raise
    except (RuntimeError, EOFError, OSError, ValueError, zipfile.BadZipFile) as error:
        raise BadFileError(
            f"{path}: not a readable PyTorch file ({first_line(error)}); it may be truncated: re-save or re-download it"
        ) from error


def tensor_shapes(state: Any, source: str) -> dict[str, tuple[int, ...]]:
    """``{key: shape}`` of a loaded state dict; a non-tensor entry is refused naming ``source``."""
    import torch

    if not isinstance(state, dict):
        raise BadFileError(f"{source}: expected a dict of tensors, found a {type(state).__name__}")
    others = sorted(str(key) for key, value in state.items() if not isinstance(value, torch.Tensor))
    if others:
        raise BadFileError(f"{source}: not a state dict: {listing('non-tensor entries', others)}")
    return {key: tuple(value.shape) for key, value in state.items()}


def weights_shapes(path: str | os.PathLike, what: str = "a weights file") -> dict[str, tuple[int, ...]]:
    """The shape of every tensor in a ``.safetensors`` or PyTorch weights file, cheaply (header / mmap)."""
    path = Path(path)
    if path.suffix == ".safetensors":
        return safetensors_shapes(path, what)
    return tensor_shapes(torch_load(path, what, map_location="cpu", mmap=True), str(path))


def compare_shapes(
    found: Mapping[str, tuple[int, ...]],
    expected: Mapping[str, tuple[int, ...]],
    optional: Callable[[str], bool] = lambda key: False,
    ignored: Callable[[str], bool] = lambda key: False,
) -> str | None:
    """What keeps weights ``found`` from filling a model of ``expected`` shapes, in one line, or None.

    Args:
        found: the file's ``{key: shape}``.
        expected: the model's ``{key: shape}``.
        optional: model keys a file may lack (they keep their initial values by design).
        ignored: file keys the model drops by design.
    """
    missing = sorted(key for key in expected if key not in found and not optional(key))
    unknown = sorted(key for key in found if key not in expected and not ignored(key))
    mismatched = sorted(
        f"{key} {list(found[key])} vs {list(expected[key])}"
        for key in expected
        if key in found and tuple(found[key]) != tuple(expected[key])
    )
    parts = [
        listing(title, keys)
        for title, keys in (("missing", missing), ("unknown", unknown), ("mis-shaped (file vs config)", mismatched))
        if keys
    ]
    return "; ".join(parts) or None


# ------------------------------------------------------------------------------------- configs


def _accepted_kinds(default: Any, strict: bool) -> tuple[type, ...] | None:
    """The JSON value types a parameter with this default takes; None: any.

    Lenient by default: library constructors often take a list where the default is a scalar (a
    value per block) and None for "derive it"; only a clear mismatch (a string for a number or a
    list, a number for a string) is refused here and the constructor judges the rest. ``strict``
    (our own pipeline config) takes exactly the default's type.
    """
    if default is inspect.Parameter.empty or default is None:
        return None
    if isinstance(default, bool):
        return (bool,) if strict else (bool, list)
    if isinstance(default, int | float):
        if strict:
            return (int,) if isinstance(default, int) else (int, float)
        return (int, float, list, type(None))
    if isinstance(default, str):
        return (str,) if strict else (str, type(None))
    if isinstance(default, tuple | list):
        return (list,) if strict else (list, int, float, bool, type(None))
    if isinstance(default, dict):
        return (dict,) if strict else (dict, type(None))
    return None


def check_config_values(
    init: Callable[..., Any], config: Mapping[str, Any], source: str | os.PathLike, strict: bool = False
) -> None:
    """Refuses config values whose JSON type cannot be what ``init``'s parameter takes.

    Types are judged from each parameter's default (see :func:`_accepted_kinds`); keys starting with
    ``_`` and keys ``init`` does not take are left alone (libraries ignore them).

    Raises:
        BadFileError: ``"SOURCE: KEY must be a number, not a string ('eight'); fix it ..."``.
    """
    parameters = inspect.signature(init).parameters
    for key, value in config.items():
        if key.startswith("_") or key not in parameters:
            continue
        kinds = _accepted_kinds(parameters[key].default, strict)
        # bool is an int to isinstance, but true is no view count.
        wrong_bool = isinstance(value, bool) and bool not in (kinds or (bool,))
        if kinds is not None and (wrong_bool or not isinstance(value, kinds)):
            default = parameters[key].default
            wanted = "a list" if isinstance(default, tuple) else _json_kind(default)
            if strict and type(default) is int:
                wanted = "a whole number"
            raise BadFileError(
                f"{source}: {key} must be {wanted}, not {_json_kind(value)} ({_short(value)}); "
                "fix it or re-save the model"
            )


# ------------------------------------------------------------------------------------ boundaries


@contextmanager
def naming_file(path: str | os.PathLike) -> Iterator[None]:
    """Makes a ``ValueError`` raised in the block (about the content of ``path``) name ``path``."""
    try:
        yield
    except ValueError as error:
        message = str(error)
        if str(path) in message:
            raise
        reason = message if "\n" not in message else first_line(error)
        raise BadFileError(f"{path}: {reason}") from error


# What libraries raise while loading a folder they cannot use; turned into one line naming the folder.
_PASSED_THROUGH = (BadFileError, FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError)


@contextmanager
def named_load_errors(folder: str | os.PathLike, what: str = "it") -> Iterator[None]:
    """Turns what a library raises while loading from ``folder`` into one :class:`BadFileError` line.

    Our own one-line errors (and missing paths, which name themselves) pass through unchanged; the
    original error stays chained for ``--debug``.
    """
    from safetensors import SafetensorError

    loading_errors = (
        OSError, ValueError, TypeError, RuntimeError, KeyError, IndexError, AttributeError, AssertionError,
        ArithmeticError, EOFError, RecursionError, pickle.UnpicklingError, SafetensorError,
    )  # fmt: skip
    try:
        yield
    except _PASSED_THROUGH:
        raise
    except loading_errors as error:
        raise BadFileError(
            f"{folder}: cannot load {what} ({first_line(error)}); check it is the right folder, or re-save it"
        ) from error
