"""Catalogue: models and checkpoints we read back (``generate --model``, ``convert``), damaged every way.

Each case corrupts one file of a good tiny pipeline folder (or hands ``convert`` a bad checkpoint)
and asserts the promise: exit status 2, one ``videomv: error:`` line naming the file at fault, and
the case's folder left exactly as it was. No pickle runs: a hostile one is refused by
``torch.load(weights_only=True)`` and its payload (making a marker folder) never runs.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from conftest import assert_refused
from test_convert_vgen import reference_checkpoint
from test_pipeline_3d_aware import tiny_pipeline
from videomv.pipelines import VideoMVPipeline

GENERATE = ["generate", "--prompt", "a red chair", "--steps", "1", "--orbit-frames", "2", "--no-progress"]
UNET_WEIGHTS = "unet/diffusion_pytorch_model.safetensors"
MARKER = "payload-ran"


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Path:
    """A good tiny text-to-views pipeline folder, outside every case's folder; it loads (the control)."""
    folder = tmp_path_factory.mktemp("model") / "text"
    tiny_pipeline().save_pretrained(folder)
    VideoMVPipeline.from_pretrained(folder)
    return folder


class Payload:
    """Pickled, it asks the loader to make the folder ``path`` (harmless, and visible if it ran)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (str(self.path),))


# ------------------------------------------------------------------------------------ corruptions


def write(relative: str, text: str) -> Callable[[Path], None]:
    return lambda folder: (folder / relative).write_text(text)


def edit(relative: str, **values: object) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        config = json.loads((folder / relative).read_text())
        config.update(values)
        (folder / relative).write_text(json.dumps(config))

    return apply


def cut(relative: str, keep: Callable[[int], int]) -> Callable[[Path], None]:
    """Keeps the first ``keep(size)`` bytes of the file."""

    def apply(folder: Path) -> None:
        data = (folder / relative).read_bytes()
        (folder / relative).write_bytes(data[: keep(len(data))])

    return apply


def random_bytes(relative: str) -> Callable[[Path], None]:
    return lambda folder: (folder / relative).write_bytes(os.urandom(4096))


def change_weights(relative: str, change: Callable[[dict], None]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        tensors = load_file(folder / relative)
        change(tensors)
        save_file(tensors, folder / relative)

    return apply


def replace_by_file(relative: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        shutil.rmtree(folder / relative)
        (folder / relative).write_text("not a folder")

    return apply


def hostile_bin(folder: Path) -> None:
    """The UNet's weights as a .bin pickle that would make a marker folder when unpickled unsafely."""
    (folder / UNET_WEIGHTS).unlink()
    content = {"conv_in.weight": torch.zeros(1), "x": Payload(folder.parent / MARKER)}
    (folder / "unet" / "diffusion_pytorch_model.bin").write_bytes(pickle.dumps(content, protocol=2))


# Formerly: tracebacks (AttributeError, TypeError, RecursionError, OSError, RuntimeError,
# NotImplementedError), messages naming no file, or (missing weights) random layers with exit 0.
FOLDER_CASES: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "model_index.json not JSON": (write("model_index.json", "{oops"), ("model_index.json", "not valid JSON")),
    "model_index.json a list": (write("model_index.json", "[1, 2]"), ("model_index.json", "must hold an object")),
    "model_index.json 100000 nested lists": (
        write("model_index.json", "[" * 100_000 + "]" * 100_000),
        ("model_index.json", "nests deeper"),
    ),
    'model_index.json num_views "eight"': (
        edit("model_index.json", num_views="eight"),
        ("model_index.json", "num_views", "a whole number", "eight"),
    ),
    "model_index.json num_views 0": (edit("model_index.json", num_views=0), ("model_index.json", "num_views")),
    "model_index.json of another pipeline": (
        edit("model_index.json", _class_name="StableDiffusionPipeline"),
        ("model_index.json", "StableDiffusionPipeline"),
    ),
    "a component from a module outside diffusers/transformers/videomv": (
        edit("model_index.json", scheduler=["os", "system"]),
        ("model_index.json", "scheduler", "'os'"),
    ),
    "a component class that does not exist": (
        edit("model_index.json", scheduler=["diffusers", "NoSuchScheduler"]),
        ("model_index.json", "NoSuchScheduler"),
    ),
    "a missing component folder": (lambda folder: shutil.rmtree(folder / "unet"), ("model/unet", "not found")),
    "a file where a component folder goes": (replace_by_file("unet"), ("model/unet", "is a file")),
    "unet/config.json not JSON": (write("unet/config.json", "{"), ("unet/config.json", "not valid JSON")),
    'unet/config.json block_out_channels "x"': (
        edit("unet/config.json", block_out_channels="x"),
        ("unet/config.json", "block_out_channels", "a list"),
    ),
    "unet/config.json values that build no UNet": (
        edit("unet/config.json", block_out_channels=[8]),
        ("unet/config.json", "CameraUNet3DConditionModel"),
    ),
    'reconstructor/config.json down_channels "x"': (
        edit("reconstructor/config.json", down_channels="x"),
        ("reconstructor/config.json", "down_channels"),
    ),
    'vae/config.json patch_size "two"': (edit("vae/config.json", patch_size="two"), ("vae/config.json", "patch_size")),
    "safetensors header cut": (cut(UNET_WEIGHTS, lambda size: 500), (UNET_WEIGHTS, "safetensors", "header")),
    "safetensors data cut (truncated download)": (
        cut(UNET_WEIGHTS, lambda size: size - 100),
        (UNET_WEIGHTS, "truncated"),
    ),
    "safetensors of random bytes": (random_bytes(UNET_WEIGHTS), (UNET_WEIGHTS, "not a readable safetensors file")),
    "weights of another shape (config changed)": (
        edit("unet/config.json", cross_attention_dim=4),
        (UNET_WEIGHTS, "mis-shaped", "attn2.to_k.weight"),
    ),
    "weights with a tensor missing (would be random)": (
        change_weights(UNET_WEIGHTS, lambda tensors: tensors.pop("conv_out.bias")),
        (UNET_WEIGHTS, "1 missing: conv_out.bias"),
    ),
    "weights with an unknown tensor": (
        change_weights(UNET_WEIGHTS, lambda tensors: tensors.update(extra=torch.zeros(2))),
        (UNET_WEIGHTS, "1 unknown: extra"),
    ),
    "a hostile .bin pickle": (hostile_bin, ("diffusion_pytorch_model.bin", "weights_only=True", "nothing in it")),
    "scheduler num_train_timesteps -5": (
        edit("scheduler/scheduler_config.json", num_train_timesteps=-5),
        ("scheduler_config.json", "num_train_timesteps", "-5"),
    ),
    "scheduler unknown beta_schedule": (
        edit("scheduler/scheduler_config.json", beta_schedule="wobbly"),
        ("scheduler_config.json", "wobbly"),
    ),
    "scheduler config not JSON": (
        write("scheduler/scheduler_config.json", "{"),
        ("scheduler_config.json", "not valid JSON"),
    ),
    "text encoder config.json not JSON": (write("text_encoder/config.json", "{"), ("text_encoder/config.json",)),
    "text encoder weights truncated": (
        cut("text_encoder/model.safetensors", lambda size: size // 2),
        ("text_encoder/model.safetensors", "truncated"),
    ),
    "tokenizer.json not JSON": (write("tokenizer/tokenizer.json", "{"), ("tokenizer/tokenizer.json",)),
}


@pytest.mark.parametrize("case", list(FOLDER_CASES))
def test_a_damaged_pipeline_folder_is_refused_naming_the_file(case, model, tmp_path, capsys) -> None:
    damage, words = FOLDER_CASES[case]
    folder = tmp_path / "model"
    shutil.copytree(model, folder)
    damage(folder)
    argv = [*GENERATE, "--model", folder, "--device", "cpu", "--out", tmp_path / "out"]
    assert_refused(tmp_path, *argv, capsys=capsys, words=words)
    assert not (tmp_path / MARKER).exists()


# ------------------------------------------------------------------------- --model, --device, --dtype

OPTION_CASES: dict[str, tuple[list[str], tuple[str, ...]]] = {
    # Formerly torch's RuntimeError tracebacks.
    "--device tpu9": (["--device", "tpu9"], ("--device tpu9", "not a device name")),
    "--device foo": (["--device", "foo"], ("--device foo", "not a device name")),
    "--device meta (no pipeline runs there)": (["--device", "meta"], ("--device meta", "not meta")),
    "--device cuda:99": (["--device", "cuda:99"], ("--device cuda:99",)),
    "--dtype float8": (["--device", "cpu", "--dtype", "float8"], ("float8", "float32")),
    "--dtype float16 on the CPU": (["--device", "cpu", "--dtype", "float16"], ("float16", "CUDA")),
}


@pytest.mark.parametrize("case", list(OPTION_CASES))
def test_a_bad_device_or_dtype_is_refused(case, model, tmp_path, capsys) -> None:
    extra, words = OPTION_CASES[case]
    assert_refused(tmp_path, *GENERATE, "--model", model, "--out", tmp_path / "out", *extra, capsys=capsys, words=words)


def _not_a_pipeline(tmp_path: Path) -> Path:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"a photo")
    return tmp_path / "photos"


def _a_file(tmp_path: Path) -> Path:
    (tmp_path / "model.ckpt").write_bytes(b"weights")
    return tmp_path / "model.ckpt"


MODEL_PATHS: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "--model missing": (lambda tmp_path: tmp_path / "nowhere", ("nowhere", "not found")),
    # Formerly "model folder not found" for a file.
    "--model a file": (_a_file, ("model.ckpt", "is a file")),
    "--model a folder that is not a pipeline": (_not_a_pipeline, ("photos", "not a VideoMV pipeline folder")),
}


@pytest.mark.parametrize("case", list(MODEL_PATHS))
def test_a_model_path_that_is_no_pipeline_folder_is_refused(case, tmp_path, capsys) -> None:
    make, words = MODEL_PATHS[case]
    path = make(tmp_path)
    argv = [*GENERATE, "--model", path, "--device", "cpu", "--out", tmp_path / "out"]
    assert_refused(tmp_path, *argv, capsys=capsys, words=words)


# ---------------------------------------------------------------------------------------- convert


def _checkpoint(tmp_path: Path, state: dict | None = None) -> Path:
    path = tmp_path / "t2v.pth"
    torch.save({"state_dict": state if state is not None else reference_checkpoint("text", False)}, path)
    return path


def _hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.pth"
    content = {"state_dict": {"a": torch.ones(1)}, "x": Payload(tmp_path / MARKER)}
    path.write_bytes(pickle.dumps(content, protocol=2))
    return path


def _truncated(tmp_path: Path) -> Path:
    path = _checkpoint(tmp_path)
    path.write_bytes(path.read_bytes()[:1000])
    return path


def _wrong_keys(tmp_path: Path) -> Path:
    state = reference_checkpoint("text", False)
    state["output_blocks.1.0.out_layerz.3.bias"] = state.pop("output_blocks.1.0.out_layers.3.bias")
    return _checkpoint(tmp_path, state)


def _lgm_safetensors(tmp_path: Path, cut_bytes: int = 0) -> Path:
    path = tmp_path / "model.safetensors"
    save_file({"a.weight": torch.ones(4, 4)}, path)
    if cut_bytes:
        path.write_bytes(path.read_bytes()[:-cut_bytes])
    return path


def _a_folder(tmp_path: Path) -> Path:
    (tmp_path / "checkpoints").mkdir()
    return tmp_path / "checkpoints"


CONVERT_CASES: dict[str, tuple[Callable[[Path], list[object]], tuple[str, ...]]] = {
    # Handled before this catalogue (kept as cases): a missing file, junk, a hostile pickle, wrong keys.
    "vgen: a missing checkpoint": (lambda p: ["vgen", "--t2v", p / "nothing.pth"], ("nothing.pth", "not found")),
    "vgen: a hostile pickle": (lambda p: ["vgen", "--t2v", _hostile(p)], ("hostile.pth", "weights_only=True")),
    "vgen: a truncated checkpoint": (lambda p: ["vgen", "--t2v", _truncated(p)], ("t2v.pth", "truncated")),
    "vgen: a checkpoint with a wrong key": (lambda p: ["vgen", "--t2v", _wrong_keys(p)], ("t2v.pth", "out_layerz")),
    "vgen: the other task's checkpoint": (lambda p: ["vgen", "--i2v", _checkpoint(p)], ("t2v.pth", "--t2v")),
    # Formerly "no such file" for a folder; found after the checkpoint had loaded for --lgm.
    "vgen: a folder as the checkpoint": (lambda p: ["vgen", "--t2v", _a_folder(p)], ("checkpoints", "is a folder")),
    "vgen: a missing --lgm file": (
        lambda p: ["vgen", "--t2v", _checkpoint(p), "--lgm", p / "lgm.safetensors"],
        ("lgm.safetensors", "not found"),
    ),
    "vgen: a file as --base": (
        lambda p: ["vgen", "--t2v", _checkpoint(p), "--base", _lgm_safetensors(p)],
        ("model.safetensors", "--base", "is a file"),
    ),
    # Formerly --overwrite replaced the user's file with the converted folder.
    "vgen: a file as --out, with --overwrite": (
        lambda p: ["vgen", "--t2v", _checkpoint(p), "--out", _a_file(p), "--overwrite"],
        ("model.ckpt", "is an existing file"),
    ),
    "vgen: --dtype float8": (lambda p: ["vgen", "--t2v", _checkpoint(p), "--dtype", "float8"], ("float8",)),
    "lgm: a missing file": (lambda p: ["lgm", p / "model.safetensors"], ("model.safetensors", "not found")),
    "lgm: a truncated safetensors": (lambda p: ["lgm", _lgm_safetensors(p, 8)], ("model.safetensors", "truncated")),
    "lgm: a hostile pickle": (lambda p: ["lgm", _hostile(p)], ("hostile.pth", "nothing in it was run")),
    "lgm: tensors that are not LGM's": (lambda p: ["lgm", _lgm_safetensors(p)], ("model.safetensors", "not an LGM")),
}


@pytest.mark.parametrize("case", list(CONVERT_CASES))
def test_convert_refuses_a_bad_checkpoint_naming_it(case, tmp_path, capsys) -> None:
    make, words = CONVERT_CASES[case]
    argv = ["convert", *make(tmp_path)]
    if "--out" not in argv:
        argv += ["--out", tmp_path / "converted"]
    assert_refused(tmp_path, *argv, capsys=capsys, words=words)
    assert not (tmp_path / MARKER).exists()
