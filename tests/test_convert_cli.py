"""``videomv convert``: end to end on tiny reference checkpoints written in the test, and its errors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from test_convert_vgen import TINY_LGM, reference_checkpoint, tiny_base_folder
from videomv.cli.main import main
from videomv.models import CameraI2VGenXLUNet, CameraUNet3DConditionModel, GaussianReconstructor
from videomv.pipelines import VideoMVPipeline


def _checkpoint(folder: Path, task: str, with_lgm: bool = True) -> tuple[Path, dict[str, torch.Tensor]]:
    state = reference_checkpoint(task, with_lgm)
    path = folder / f"{task}.pth"
    torch.save({"state_dict": state, "step": 333000}, path)
    return path, state


def _error_line(capsys: pytest.CaptureFixture) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("videomv: error: "), err
    return err


def test_convert_vgen_writes_unet_and_reconstructor_folders(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path, state = _checkpoint(tmp_path, "image")
    out = tmp_path / "converted"
    assert main(["convert", "vgen", "--i2v", str(path), "--out", str(out)]) == 0
    assert "step 333000" in capsys.readouterr().out
    unet = CameraI2VGenXLUNet.from_pretrained(out / "unet")
    assert torch.equal(unet.camera_embedding.linear_1.weight, state["camera_embedding.0.weight"])
    assert unet.config.camera_convention == "blender"
    reconstructor = GaussianReconstructor.from_pretrained(out / "reconstructor")
    assert torch.equal(reconstructor.conv.weight, state["lgm_big.conv.weight"])
    assert reconstructor.config.cam_radius == 1.7
    assert not list(tmp_path.glob(".*partial"))  # the staging folder is gone


def test_convert_vgen_with_base_writes_a_pipeline_that_generates(tmp_path: Path) -> None:
    path, _ = _checkpoint(tmp_path, "text", with_lgm=False)
    base = tiny_base_folder(tmp_path / "base", "text")
    out = tmp_path / "pipeline"
    args = ["convert", "vgen", "--t2v", str(path), "--base", str(base), "--out", str(out), "--dtype", "float32"]
    assert main(args) == 0
    pipe = VideoMVPipeline.from_pretrained(out)
    assert isinstance(pipe.unet, CameraUNet3DConditionModel) and pipe.reconstructor is None
    config = pipe.config
    assert (config.guidance_scale, config.elevation, config.radius, config.num_views) == (9.0, 15.0, 2.0, 24)
    assert config.prompt_suffix == ", 3d asset" and pipe.scheduler.config.prediction_type == "epsilon"
    pipe.set_progress_bar_config(disable=True)
    out = pipe(prompt="a chair", num_views=2, num_inference_steps=1, output_type="pt", guidance_scale=1.0)
    assert out.views.shape == (1, 2, 3, 64, 64)  # 32² latents (the reference size) of the tiny 2x VAE


def test_convert_vgen_refuses_bad_input_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = str(tmp_path / "out")
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.mkdir, (marker,))

    evil = tmp_path / "evil.pth"
    evil.write_bytes(pickle.dumps({"state_dict": {"a": torch.ones(1)}, "x": Payload()}, protocol=2))
    assert main(["convert", "vgen", "--t2v", str(evil), "--out", out]) == 2
    assert "weights_only=True" in _error_line(capsys) and not marker.exists()

    (tmp_path / "junk.pth").write_bytes(b"\x00junk")
    assert main(["convert", "vgen", "--t2v", str(tmp_path / "junk.pth"), "--out", out]) == 2
    assert "junk.pth" in _error_line(capsys)

    path, _ = _checkpoint(tmp_path, "text", with_lgm=False)
    assert main(["convert", "vgen", "--i2v", str(path), "--out", out]) == 2
    assert "use --t2v" in _error_line(capsys)

    assert main(["convert", "vgen", "--t2v", str(tmp_path / "nothing.pth"), "--out", out]) == 2
    assert "nothing.pth not found" in _error_line(capsys)

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("the user's")
    for overwrite in ([], ["--overwrite"]):  # a folder we did not write is never replaced
        assert main(["convert", "vgen", "--t2v", str(path), "--out", out, *overwrite]) == 2
        line = _error_line(capsys)
        assert "not empty" in line or "--overwrite refused" in line
    assert (tmp_path / "out" / "mine.txt").read_text() == "the user's"
    (tmp_path / "out" / "mine.txt").unlink()  # an empty folder may be written into

    damaged = reference_checkpoint("text", with_lgm=False)
    damaged["output_blocks.1.0.out_layerz.3.bias"] = damaged.pop("output_blocks.1.0.out_layers.3.bias")
    torch.save({"state_dict": damaged}, tmp_path / "damaged.pth")
    assert main(["convert", "vgen", "--t2v", str(tmp_path / "damaged.pth"), "--out", out, "--overwrite"]) == 2
    assert "out_layerz" in _error_line(capsys)


def test_convert_lgm_writes_a_reconstructor_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    torch.manual_seed(0)
    state = GaussianReconstructor(**TINY_LGM).state_dict()
    save_file(state, tmp_path / "model.safetensors")
    out = tmp_path / "lgm"
    assert main(["convert", "lgm", str(tmp_path / "model.safetensors"), "--out", str(out), "--dtype", "float16"]) == 0
    (weights,) = out.glob("*.safetensors")
    assert {value.dtype for value in load_file(weights).values()} == {torch.float16}
    reconstructor = GaussianReconstructor.from_pretrained(out, torch_dtype=torch.float16)
    assert reconstructor.config.cam_radius == 1.5
    assert torch.equal(reconstructor.conv.bias, state["conv.bias"].half())
    (tmp_path / "bad.safetensors").write_bytes(b"nope")
    capsys.readouterr()
    assert main(["convert", "lgm", str(tmp_path / "bad.safetensors"), "--out", str(tmp_path / "x")]) == 2
    assert "bad.safetensors" in _error_line(capsys)
