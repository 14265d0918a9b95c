"""``videomv.safe_load``: every refusal is one line naming the file, and no pickle ever runs code."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from videomv.safe_load import (
    BadFileError,
    check_config_values,
    load_safetensors,
    named_load_errors,
    read_json,
    safetensors_shapes,
    torch_load,
    weights_shapes,
)


def _one_line(error: pytest.ExceptionInfo, *words: str) -> None:
    message = str(error.value)
    assert "\n" not in message, message
    for word in words:
        assert word in message, (word, message)


@pytest.mark.parametrize(
    "text, words",
    [
        ("{oops", ("not valid JSON", "line 1 column 2")),
        ("[" * 100_000 + "]" * 100_000, ("nests deeper",)),  # json itself would raise RecursionError
        ("[" * 150 + "]" * 150, ("nests deeper than 100",)),
        ('{"a": NaN}', ("NaN",)),
        ('{"a": 1e999}', ("non-finite",)),
        ("[1, 2]", ("must hold an object", "found a list")),
        (b"\xff\xfe{}", ("not UTF-8",)),
    ],
)
def test_read_json_refuses_in_one_line_naming_the_file(tmp_path: Path, text, words) -> None:
    path = tmp_path / "config.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(BadFileError) as error:
        read_json(path, "a config")
    _one_line(error, str(path), *words)


def test_read_json_reads_good_files_and_checks_paths_and_size(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text('\ufeff{"a": [1, 2.5, {"b": null}]}')  # a byte-order mark is fine
    assert read_json(path) == {"a": [1, 2.5, {"b": None}]}
    assert read_json(path, expect=None)["a"][0] == 1
    path.write_text('{"low": -Infinity}')
    assert read_json(path, allow_infinity=True) == {"low": float("-inf")}
    path.write_text('{"low": NaN}')
    with pytest.raises(BadFileError, match="NaN"):
        read_json(path, allow_infinity=True)
    with pytest.raises(BadFileError, match="too large"):
        read_json(path, max_bytes=4)
    with pytest.raises(IsADirectoryError, match="is a folder"):
        read_json(tmp_path)
    with pytest.raises(FileNotFoundError, match=r"missing\.json not found"):
        read_json(tmp_path / "missing.json")


@pytest.fixture
def weights(tmp_path: Path) -> Path:
    path = tmp_path / "model.safetensors"
    save_file({"w": torch.zeros(10, 10), "b": torch.ones(3)}, path)
    return path


def test_safetensors_headers_are_read_and_checked(weights: Path) -> None:
    assert safetensors_shapes(weights) == {"w": (10, 10), "b": (3,)}
    assert set(load_safetensors(weights)) == {"w", "b"}
    data = weights.read_bytes()
    for keep, words in ((4, ("shorter than a safetensors header",)), (60, ("its header claims",))):
        weights.write_bytes(data[:keep])
        with pytest.raises(BadFileError) as error:
            load_safetensors(weights)
        _one_line(error, str(weights), *words)
    weights.write_bytes(data[:-8])  # a download cut short: the header is whole, the data is not
    with pytest.raises(BadFileError) as error:
        safetensors_shapes(weights)
    _one_line(error, "truncated", "re-download")
    weights.write_bytes(os.urandom(2048))
    with pytest.raises(BadFileError, match="not a readable safetensors file"):
        weights_shapes(weights)


def test_a_hostile_pickle_is_refused_and_nothing_in_it_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    for name, write in (
        ("legacy.bin", lambda path: path.write_bytes(pickle.dumps({"w": Payload()}, protocol=2))),
        ("zip.bin", lambda path: torch.save({"w": Payload()}, path)),
    ):
        path = tmp_path / name
        write(path)
        for read in (torch_load, weights_shapes):
            with pytest.raises(BadFileError) as error:
                read(path)
            _one_line(error, str(path), "weights_only=True", "nothing in it was run", "unsupported GLOBAL")
    assert not marker.exists()


def test_torch_load_reads_tensors_and_refuses_truncated_files(tmp_path: Path) -> None:
    path = tmp_path / "state.pth"
    torch.save({"w": torch.ones(2, 3)}, path)
    assert torch.equal(torch_load(path)["w"], torch.ones(2, 3))
    assert weights_shapes(path) == {"w": (2, 3)}
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(BadFileError) as error:
        torch_load(path)
    _one_line(error, str(path), "truncated")
    torch.save({"w": torch.ones(1), "step": 3}, path)
    with pytest.raises(BadFileError, match="1 non-tensor entries: step"):
        weights_shapes(path)


class _Model:
    def __init__(self, size: int = 4, scale: float = 1.0, name: str = "x", dims: tuple = (1, 2), flag: bool = False):
        pass


@pytest.mark.parametrize(
    "config, strict, words",
    [
        ({"size": "eight"}, False, ("size must be a number", "'eight'")),
        ({"dims": "x"}, False, ("dims must be a list",)),
        ({"flag": "yes"}, False, ("flag must be true/false",)),
        ({"name": 3}, False, ("name must be a string",)),
        ({"size": True}, False, ("size must be a number", "true/false")),
        ({"size": 2.5}, True, ("size must be a whole number", "2.5")),  # strict: exactly the default's type
        ({"dims": 3}, True, ("dims must be a list",)),
    ],
)
def test_config_values_of_the_wrong_type_are_refused(config, strict, words) -> None:
    with pytest.raises(BadFileError) as error:
        check_config_values(_Model.__init__, config, "unet/config.json", strict=strict)
    _one_line(error, "unet/config.json", *words)


def test_config_values_that_libraries_take_pass() -> None:
    # A value per block where the default is a scalar, None for "derive it", keys the class ignores.
    lenient = {"size": [4, 8], "scale": None, "name": None, "dims": [3], "flag": [True], "_class_name": 1, "new": "x"}
    check_config_values(_Model.__init__, lenient, "config.json")
    check_config_values(_Model.__init__, {"size": 4, "scale": 2, "dims": [1]}, "config.json", strict=True)


def test_named_load_errors_names_the_folder_and_passes_our_own_errors(tmp_path: Path) -> None:
    with pytest.raises(BadFileError) as error, named_load_errors(tmp_path, "a UNet"):
        raise OSError("Unable to load weights from checkpoint file\nsecond line")
    _one_line(error, str(tmp_path), "cannot load a UNet", "Unable to load weights")
    with pytest.raises(BadFileError, match=r"^ours$"), named_load_errors(tmp_path):
        raise BadFileError("ours")
    with pytest.raises(FileNotFoundError), named_load_errors(tmp_path):
        raise FileNotFoundError("x not found")


def test_the_module_imports_nothing_heavy() -> None:
    """Every layer may use it: importing it must not import torch, safetensors or the rest of videomv."""
    import subprocess
    import sys

    code = (
        "import sys, videomv.safe_load; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'safetensors', 'diffusers') "
        "or (m.startswith('videomv.') and m not in ('videomv.safe_load', 'videomv._lazy')))))"
    )
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
