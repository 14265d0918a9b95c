"""Camera-conditioned UNets: base equivalence, per-frame camera effect, loading, full-size sizes."""

from __future__ import annotations

import json

import pytest
import torch
from accelerate import init_empty_weights
from diffusers import I2VGenXLUNet, UNet3DConditionModel
from safetensors.torch import load_file, save_file

from tiny_models import TINY_UNET
from videomv.cameras import orbit
from videomv.models import (
    PRESETS,
    PUBLISHED_UNET_PARAMETERS,
    CameraI2VGenXLUNet,
    CameraUNet3DConditionModel,
)
from videomv.safe_load import BadFileError

TINY = TINY_UNET
FRAMES = 4


def _models(kind: str) -> tuple[torch.nn.Module, torch.nn.Module, dict]:
    """(base UNet, camera UNet with the same base weights, forward kwargs) for ``kind``."""
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(1)
    if kind == "t2v":
        config = {**TINY, "in_channels": 3, "out_channels": 3}
        base, camera = UNet3DConditionModel(**config), CameraUNet3DConditionModel(**config)
        kwargs = {"encoder_hidden_states": torch.randn(2, 5, 8, generator=generator)}
        channels = 3
    else:
        config = {**TINY, "in_channels": 4, "out_channels": 4}
        base, camera = I2VGenXLUNet(**config), CameraI2VGenXLUNet(**config)
        kwargs = {
            "fps": torch.tensor([16, 16]),
            "image_latents": torch.randn(2, 4, FRAMES, 16, 16, generator=generator),
            "image_embeddings": torch.randn(2, 1, 8, generator=generator),
            "encoder_hidden_states": torch.randn(2, 5, 8, generator=generator),
        }
        channels = 4
    missing = camera.load_state_dict(base.state_dict(), strict=False).missing_keys
    assert all(key.startswith("camera_embedding.") for key in missing)
    kwargs["sample"] = torch.randn(2, channels, FRAMES, 16, 16, generator=generator)
    kwargs["timestep"] = torch.tensor(500)
    return base.eval(), camera.eval(), kwargs


def _poses(elevation: float = 15.0) -> torch.Tensor:
    return orbit(FRAMES, elevation=elevation, size=16).embedding("blender").expand(2, FRAMES, 16)


def _randomize_camera_mlp(model: torch.nn.Module) -> None:
    with torch.no_grad():
        for parameter in model.camera_embedding.parameters():
            parameter.normal_(0.0, 0.5, generator=torch.Generator().manual_seed(2))


@pytest.mark.parametrize("kind", ["t2v", "i2v"])
def test_zero_camera_mlp_equals_base_unet_exactly(kind: str) -> None:
    base, camera, kwargs = _models(kind)
    with torch.no_grad():
        expected = base(**kwargs).sample
        assert torch.equal(camera(**kwargs, camera_embedding=_poses()).sample, expected)
        assert torch.equal(camera(**kwargs).sample, expected)


@pytest.mark.parametrize("kind", ["t2v", "i2v"])
def test_camera_embedding_is_added_per_frame_to_every_block(kind: str) -> None:
    base, camera, kwargs = _models(kind)
    _randomize_camera_mlp(camera)
    poses = _poses()
    seen: dict[str, list[torch.Tensor]] = {"base": [], "camera": []}

    # Forward hooks see the arguments after every pre-hook (the camera hooks included) has run.
    def recorder(name: str):
        def hook(module, args, kw, output):
            seen[name].append((kw["temb"] if "temb" in kw else args[1]).clone())

        return hook

    for name, model in (("base", base), ("camera", camera)):
        for block in [*model.down_blocks, model.mid_block, *model.up_blocks]:
            block.register_forward_hook(recorder(name), with_kwargs=True)
    with torch.no_grad():
        base(**kwargs)
        camera(**kwargs, camera_embedding=poses)
        expected = camera.camera_embedding(poses.reshape(-1, 16))  # rows: batch-major, frame-minor
    assert len(seen["camera"]) == len(seen["base"]) == 2 + 1 + 2
    for with_camera, without in zip(seen["camera"], seen["base"], strict=True):
        torch.testing.assert_close(with_camera - without, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("kind", ["t2v", "i2v"])
def test_different_cameras_change_every_frame(kind: str) -> None:
    _, camera, kwargs = _models(kind)
    _randomize_camera_mlp(camera)
    with torch.no_grad():
        low = camera(**kwargs, camera_embedding=_poses(0.0)).sample
        high = camera(**kwargs, camera_embedding=_poses(40.0)).sample
        again = camera(**kwargs, camera_embedding=_poses(0.0)).sample
    assert torch.equal(low, again)
    per_frame = (low - high).abs().amax(dim=(0, 1, 3, 4))
    assert (per_frame > 1e-4).all(), per_frame


def test_camera_embedding_shape_is_checked() -> None:
    _, camera, kwargs = _models("t2v")
    with pytest.raises(ValueError, match="camera_embedding must be"):
        camera(**kwargs, camera_embedding=torch.zeros(2, FRAMES + 1, 16))


def test_camera_convention_is_validated_and_recorded() -> None:
    with pytest.raises(ValueError, match="unknown camera convention"):
        CameraUNet3DConditionModel(**TINY, camera_convention="unity")
    model = CameraUNet3DConditionModel(**TINY, camera_convention="opencv")
    assert model.config.camera_convention == "opencv"
    cameras = orbit(FRAMES, size=16)
    inputs = model.camera_inputs(cameras, batch_size=2)
    assert inputs.shape == (2, FRAMES, 16)
    torch.testing.assert_close(inputs[1], cameras.c2w.reshape(FRAMES, 16))


@pytest.mark.parametrize("low_cpu_mem_usage", [True, False])
@pytest.mark.parametrize("kind", ["t2v", "i2v"])
def test_from_pretrained_of_a_base_folder_loads_every_base_weight(tmp_path, kind: str, low_cpu_mem_usage: bool) -> None:
    base, _, kwargs = _models(kind)
    base.save_pretrained(tmp_path, safe_serialization=True)
    cls = CameraUNet3DConditionModel if kind == "t2v" else CameraI2VGenXLUNet
    model, info = cls.from_pretrained(tmp_path, low_cpu_mem_usage=low_cpu_mem_usage, output_loading_info=True)
    assert sorted(info["missing_keys"]) == sorted(f"camera_embedding.{k}" for k in model.camera_embedding.state_dict())
    assert info["unexpected_keys"] == []
    state = model.state_dict()
    for key, value in base.state_dict().items():
        assert torch.equal(state[key], value), key
    assert not any(p.is_meta for p in model.parameters())
    assert torch.count_nonzero(model.camera_embedding.linear_2.weight) == 0
    assert model.camera_embedding.linear_1.weight.std() > 0
    with torch.no_grad():
        assert torch.equal(model(**kwargs, camera_embedding=_poses()).sample, base(**kwargs).sample)


def test_save_and_load_round_trip_keeps_camera_weights(tmp_path) -> None:
    _, camera, kwargs = _models("t2v")
    camera.register_to_config(camera_convention="opengl")
    _randomize_camera_mlp(camera)
    camera.save_pretrained(tmp_path)
    assert (tmp_path / "diffusion_pytorch_model.safetensors").exists()
    loaded = CameraUNet3DConditionModel.from_pretrained(tmp_path)
    assert loaded.config.camera_convention == "opengl"
    assert loaded.config.camera_input_dim == 16
    with torch.no_grad():
        assert torch.equal(
            loaded(**kwargs, camera_embedding=_poses()).sample, camera(**kwargs, camera_embedding=_poses()).sample
        )


def _edit_config(folder, **values) -> None:
    config = json.loads((folder / "config.json").read_text())
    config.update(values)
    (folder / "config.json").write_text(json.dumps(config))


def test_from_pretrained_refuses_a_folder_that_would_load_wrong_naming_the_file(tmp_path) -> None:
    """Checked before loading: diffusers would give missing weights random values with a warning only."""
    _, camera, _ = _models("t2v")
    camera.save_pretrained(tmp_path)
    weights = tmp_path / "diffusion_pytorch_model.safetensors"
    tensors = load_file(weights)
    save_file({key: value for key, value in tensors.items() if key != "conv_out.bias"}, weights)
    with pytest.raises(BadFileError, match=r"diffusion_pytorch_model\.safetensors: .*1 missing: conv_out\.bias"):
        CameraUNet3DConditionModel.from_pretrained(tmp_path)
    save_file(tensors, weights)
    _edit_config(tmp_path, block_out_channels="x")
    with pytest.raises(BadFileError, match=r"config\.json: block_out_channels must be a list"):
        CameraUNet3DConditionModel.from_pretrained(tmp_path)
    _edit_config(tmp_path, block_out_channels=[8])  # well typed, but no UNet has it
    with pytest.raises(BadFileError, match=r"config\.json: its values do not make a CameraUNet3DConditionModel"):
        CameraUNet3DConditionModel.from_pretrained(tmp_path)
    with pytest.raises(FileNotFoundError, match="nowhere not found"):
        CameraUNet3DConditionModel.from_pretrained(tmp_path / "nowhere")


@pytest.mark.parametrize("preset", ["t2v-modelscope", "i2v-i2vgenxl"])
def test_full_size_unets_match_published_parameter_counts(preset: str) -> None:
    with init_empty_weights():
        model = PRESETS[preset].build_unet()
    camera = sum(p.numel() for p in model.camera_embedding.parameters())
    base = sum(p.numel() for p in model.parameters()) - camera
    print(f"{preset}: UNet {base:,} + camera MLP {camera:,} parameters")
    assert abs(base - PUBLISHED_UNET_PARAMETERS[preset]) / PUBLISHED_UNET_PARAMETERS[preset] < 1e-3
    # Linear(16, 1280) + Linear(1280, 1280), 1280 = 4 x 320 time-embedding width.
    assert camera == 16 * 1280 + 1280 + 1280 * 1280 + 1280
    assert model.config.camera_convention == "blender"


def test_tiny_preset_keeps_attention_off_the_top_resolutions() -> None:
    for name in ("tiny-cpu", "tiny-cpu-i2v"):
        config = PRESETS[name].unet
        assert config["down_block_types"][:2] == ("DownBlock3D", "DownBlock3D")
        assert config["up_block_types"][-2:] == ("UpBlock3D", "UpBlock3D")
