"""``videomv generate`` end to end on tiny random pipeline folders, and its one-line errors."""

from __future__ import annotations

import json

import imageio.v2 as imageio
import numpy as np
import pytest
import torch
from PIL import Image

from test_pipeline_3d_aware import SIZE, VIEWS, tiny_pipeline
from videomv import fileio
from videomv.cameras import orbit
from videomv.cli.main import main
from videomv.gaussians import load_ply
from videomv.gaussians.edit import up_axis_rotation
from videomv.pipelines import export

ORBIT_FRAMES = 6
FAST = ["--steps", "2", "--orbit-frames", str(ORBIT_FRAMES), "--no-progress", "--device", "cpu"]


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("models")
    tiny_pipeline().save_pretrained(root / "text")
    tiny_pipeline(image=True).save_pretrained(root / "image")
    return {"text": root / "text", "image": root / "image"}


@pytest.fixture
def object_png(tmp_path):
    rgba = np.zeros((48, 48, 4), dtype=np.uint8)
    rgba[10:30, 5:20] = (200, 40, 40, 255)
    path = tmp_path / "object.png"
    Image.fromarray(rgba, "RGBA").save(path)
    return path


def _run(*argv) -> int:
    return main(["-q", *map(str, argv)])


def _check_outputs(out, seed: int, three_d_aware: bool = True) -> dict:
    record = json.loads((out / "result.json").read_text())
    assert record["seed"] == seed and record["settings"]["seed"] == seed
    assert record["settings"]["views"] == VIEWS and record["settings"]["three_d_aware"] is three_d_aware
    assert set(record["versions"]) >= {"videomv", "torch", "diffusers"}
    assert {"load_model", "sample", "write_views", "gaussians", "total"} <= set(record["timings_s"])
    views = sorted((out / "views").glob("*.png"))
    assert [p.name for p in views] == [f"{i:03d}.png" for i in range(VIEWS)]
    assert Image.open(views[0]).size == (SIZE, SIZE) and Image.open(views[0]).mode == "RGBA"
    assert record["outputs"]["views_cameras"] == "views/cameras.json" and (out / "views" / "cameras.json").is_file()
    assert Image.open(out / "grid.png").size == (VIEWS * SIZE, SIZE)
    assert len(imageio.mimread(out / "views.gif")) == VIEWS
    for name, frames in (("views.mp4", VIEWS), ("gaussians_orbit.mp4", ORBIT_FRAMES)):
        with imageio.get_reader(out / name) as reader:
            assert reader.count_frames() == frames
    gaussians = load_ply(out / "gaussians.ply")
    assert len(gaussians) == record["num_gaussians"] > 0
    assert not list(out.parent.glob(".*.tmp"))  # the staging folder is gone
    return record


def test_generate_from_a_prompt(tmp_path, models) -> None:
    out = tmp_path / "chair"
    assert _run("generate", "--prompt", "a red chair", "--model", models["text"], "--seed", 7, "--out", out, *FAST) == 0
    record = _check_outputs(out, seed=7)
    assert record["settings"]["prompt"] == "a red chair" and record["settings"]["scheduler"] == "DDIMScheduler"
    first = np.asarray(Image.open(out / "views" / "000.png"))
    # The same command again needs --overwrite, and then gives the same views.
    assert _run("generate", "--prompt", "a red chair", "--model", models["text"], "--seed", 7, "--out", out, *FAST) == 2
    args = ["--model", models["text"], "--seed", 7, "--out", out, "--overwrite", "--scheduler", "dpmsolver++"]
    assert _run("generate", "--prompt", "a red chair", *args, "--no-3d-aware", *FAST) == 0
    record = _check_outputs(out, seed=7, three_d_aware=False)
    assert record["settings"]["scheduler"] == "DPMSolverMultistepScheduler"
    assert first.shape == (SIZE, SIZE, 4)  # RGBA: the alpha of the Gaussians


def test_the_3d_aware_schedule_can_be_set_per_run(tmp_path, models) -> None:
    args = [
        "--prompt",
        "a red chair",
        "--model",
        models["text"],
        "--steps",
        "4",
        "--orbit-frames",
        "2",
        "--no-progress",
    ]
    assert _run("generate", *args, "--out", tmp_path / "default") == 0
    assert (
        _run("generate", *args, "--3d-aware-steps", "1,3", "--3d-aware-blend", "0.25", "--out", tmp_path / "set") == 0
    )
    default = json.loads((tmp_path / "default" / "result.json").read_text())["settings"]
    chosen = json.loads((tmp_path / "set" / "result.json").read_text())["settings"]
    assert default["three_d_aware_steps"] == [0.4, 0.6, 0.8] and default["three_d_aware_blend"] == 1.0
    assert chosen["three_d_aware_steps"] == [1, 3] and chosen["three_d_aware_blend"] == 0.25
    views = [np.asarray(Image.open(tmp_path / run / "views" / "001.png")) for run in ("default", "set")]
    assert not np.array_equal(*views), "another schedule must change the views"


def test_generate_from_an_image(tmp_path, models, object_png) -> None:
    out = tmp_path / "object"
    args = ["--model", models["image"], "--views", VIEWS, "--out", out]
    assert _run("generate", "--image", object_png, *args, *FAST) == 0
    record = _check_outputs(out, seed=0)
    assert record["settings"]["image"] == str(object_png.resolve()) and record["settings"]["prompt"] is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--prompt", "a", "--image", "x.png"], "image file not found: x.png"),
        ([], "give --image PATH or --prompt TEXT"),
        (["--image", "missing.png"], "image file not found: missing.png"),
        (["--prompt", "a", "--model", "{tmp}"], "is not a VideoMV pipeline folder"),
        (["--prompt", "a", "--model", "{tmp}/nowhere"], "model folder not found"),
        (["--prompt", "a", "--model", "{text}", "--scheduler", "euler"], "unknown scheduler 'euler'"),
        (["--prompt", "a", "--model", "{text}", "--dtype", "float64"], "unknown dtype 'float64'"),
        (["--prompt", "a"], "embedded default model is not shipped yet; pass --model PATH"),
        (["--image", "{image_file}", "--model", "{text}"], "text-to-views model; it takes no image"),
    ],
)
def test_errors_are_one_line(tmp_path, models, object_png, monkeypatch, capsys, argv, message) -> None:
    monkeypatch.setattr(export, "DEFAULT_MODEL", tmp_path / "not-shipped")
    values = {"tmp": tmp_path, "text": models["text"], "image_file": object_png}
    argv = [arg.format(**values) for arg in argv]
    assert _run("generate", *argv, "--out", tmp_path / "out", *FAST) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("videomv: error: ") and message in err and "\n" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--3d-aware-steps", "0.4,1.5"], "fractions of the loop in [0, 1)"),
        (["--3d-aware-steps", "half"], "fractions of the loop in [0, 1)"),
        (["--3d-aware-blend", "2"], "blend weight is a number from 0 to 1"),
    ],
)
def test_bad_3d_aware_settings_stop_before_loading_anything(tmp_path, capsys, argv, message) -> None:
    with pytest.raises(SystemExit) as stopped:
        _run("generate", "--prompt", "a", *argv, "--out", tmp_path / "out")
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {argv[0]}: " in err and message in err
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------ cameras, fov, mesh


def _camera_sample(folder, cameras):
    """A multi-view sample folder (blank views) holding ``cameras`` in its cameras.json."""
    from videomv.data.format import MultiViewSample, write_sample

    blank = torch.zeros(len(cameras), 4, cameras.height, cameras.width)
    return write_sample(folder, MultiViewSample(blank, cameras))


def _views(out) -> np.ndarray:
    return np.stack([np.asarray(Image.open(p)) for p in sorted((out / "views").glob("*.png"))]).astype(int)


def test_cameras_from_a_file_are_the_views_and_fov_changes_them(tmp_path, models) -> None:
    config = json.loads((models["text"] / "model_index.json").read_text())
    elevation, radius, fov = config.get("elevation", 15.0), config.get("radius", 2.0), config.get("fov", 39.6)
    # The model's own orbit, written at twice its image size: the cameras are rescaled, the views unchanged.
    same = _camera_sample(tmp_path / "orbit", orbit(VIEWS, elevation, radius, fov, 2 * SIZE))
    base = ["--prompt", "a red chair", "--model", models["text"], "--seed", 3, *FAST]
    assert _run("generate", *base, "--out", tmp_path / "plain") == 0
    assert _run("generate", *base, "--cameras", same / "cameras.json", "--out", tmp_path / "file") == 0
    record = _check_outputs(tmp_path / "file", seed=3)
    assert record["settings"]["cameras"] == str((same / "cameras.json").resolve())
    assert record["settings"]["elevation"] == pytest.approx(elevation, abs=1e-3)
    assert record["settings"]["fov"] == pytest.approx(fov, abs=1e-3)
    assert np.abs(_views(tmp_path / "plain") - _views(tmp_path / "file")).max() <= 1  # poses pass through JSON
    # Five other cameras: five views; a wider field of view changes them.
    five = _camera_sample(tmp_path / "five", orbit(5, 30.0, radius, fov, SIZE))
    assert _run("generate", *base, "--cameras", five, "--out", tmp_path / "five-out") == 0
    assert _run("generate", *base, "--cameras", five, "--fov", 60, "--out", tmp_path / "wide") == 0
    wide = json.loads((tmp_path / "wide" / "result.json").read_text())["settings"]
    assert wide["views"] == 5 and wide["fov"] == pytest.approx(60.0) and wide["elevation"] == pytest.approx(30.0)
    assert len(_views(tmp_path / "wide")) == 5
    assert np.abs(_views(tmp_path / "five-out") - _views(tmp_path / "wide")).max() > 10


def test_generate_mesh_writes_a_glb_that_trimesh_loads(tmp_path, models) -> None:
    trimesh = pytest.importorskip("trimesh")
    pytest.importorskip("mcubes")
    out = tmp_path / "meshed"
    mesh_args = ["--mesh", "--mesh-resolution", 32, "--mesh-texture-size", 64, "--mesh-target-faces", 400]
    assert _run("generate", "--prompt", "a red chair", "--model", models["text"], *mesh_args, "--out", out, *FAST) == 0
    record = _check_outputs(out, seed=0)
    assert record["outputs"]["mesh"] == "mesh.glb" and "mesh" in record["timings_s"]
    assert record["settings"]["mesh"]["resolution"] == 32 and record["settings"]["mesh_up"] == "y"
    assert record["mesh"]["faces"] > 0
    marker = json.loads((out / fileio.OWNER_MARKER).read_text())
    assert "mesh.glb" in marker["files"]  # a later --overwrite may replace it
    shape = trimesh.load(out / "mesh.glb", force="mesh")
    assert len(shape.faces) == record["mesh"]["faces"] and isinstance(shape.visual, trimesh.visual.TextureVisuals)
    # The mesh lies where the Gaussians are (within the 3 standard deviations the grid reaches), turned to y up.
    gaussians = load_ply(out / "gaussians.ply")
    turn = up_axis_rotation("z", "y").T
    reach = 3 * gaussians.scales.max(1, keepdim=True).values
    ends = torch.cat([gaussians.means - reach, gaussians.means + reach]) @ turn
    low, high = ends.min(0).values.numpy(), ends.max(0).values.numpy()
    assert (shape.bounds[0] >= low - 1e-3).all() and (shape.bounds[1] <= high + 1e-3).all()
