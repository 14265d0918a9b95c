"""``videomv generate`` end to end on tiny random pipeline folders, and its one-line errors."""

from __future__ import annotations

import json

import imageio.v2 as imageio
import numpy as np
import pytest
from PIL import Image

from test_pipeline_3d_aware import SIZE, VIEWS, tiny_pipeline
from videomv.cli.main import main
from videomv.gaussians import load_ply
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
    assert Image.open(views[0]).size == (SIZE, SIZE)
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
    assert first.shape == (SIZE, SIZE, 3)


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
