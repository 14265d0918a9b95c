"""scripts/average_unets.py: the UNet mean of pipeline folders, written atomically."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

SCRIPT = Path(__file__).parents[1] / "scripts" / "average_unets.py"
spec = importlib.util.spec_from_file_location("average_unets", SCRIPT)
average_unets = importlib.util.module_from_spec(spec)
spec.loader.exec_module(average_unets)


def _pipeline(root: Path, scale: float, config: dict) -> Path:
    (root / "unet").mkdir(parents=True)
    (root / "scheduler").mkdir()
    (root / "scheduler" / "scheduler_config.json").write_text("{}")
    (root / "unet" / "config.json").write_text(json.dumps(config))
    weights = {"a": torch.full((2, 3), scale), "b": torch.arange(4.0) * scale}
    save_file(weights, root / "unet" / "diffusion_pytorch_model.safetensors")
    return root


def test_the_mean_of_two_unets_in_a_copy_of_the_first_folder(tmp_path):
    one = _pipeline(tmp_path / "one", 1.0, {"layers": 2, "_diffusers_version": "0.41"})
    three = _pipeline(tmp_path / "three", 3.0, {"layers": 2, "_diffusers_version": "0.42"})
    out = tmp_path / "runs" / "soup"
    subprocess.run([sys.executable, str(SCRIPT), str(one), str(three), "--out", str(out)], check=True)
    weights = load_file(out / "unet" / "diffusion_pytorch_model.safetensors")
    assert torch.equal(weights["a"], torch.full((2, 3), 2.0)) and torch.equal(weights["b"], torch.arange(4.0) * 2)
    assert (out / "scheduler" / "scheduler_config.json").is_file()
    assert [p.name for p in out.parent.iterdir()] == ["soup"]  # no staging folder left


def test_unets_of_different_architectures_are_refused(tmp_path):
    one = _pipeline(tmp_path / "one", 1.0, {"layers": 2})
    other = _pipeline(tmp_path / "other", 1.0, {"layers": 3})
    with pytest.raises(ValueError, match="differ in configuration"):
        average_unets.average_unet_weights([one, other])


def test_an_existing_output_is_left_alone(tmp_path):
    one = _pipeline(tmp_path / "one", 1.0, {"layers": 2})
    two = _pipeline(tmp_path / "two", 2.0, {"layers": 2})
    result = subprocess.run([sys.executable, str(SCRIPT), str(one), str(two), "--out", str(one)],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode != 0 and "exists; choose a new folder" in result.stderr
    assert torch.equal(load_file(one / "unet" / "diffusion_pytorch_model.safetensors")["a"], torch.ones(2, 3))
