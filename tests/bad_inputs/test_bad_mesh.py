"""Catalogue: ``videomv mesh``, ``videomv edit``, ``videomv eval mesh`` and ``render --path`` with bad input.

Every case is refused with one line naming what is wrong and leaves the case's folder untouched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import assert_refused
from mesh_fixtures import sphere_gaussians
from videomv.gaussians import save_ply

MESH_PLY = b"ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
MESH_PLY += b"element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"
BINARY_MESH_PLY = (
    b"ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float x\nproperty float y\n"
    b"property float z\nend_header\n" + bytes(12)
)


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mesh_assets")
    save_ply(sphere_gaussians(n=300), root / "model.ply")
    save_ply(sphere_gaussians(n=0), root / "empty.ply")
    (root / "mesh.ply").write_bytes(MESH_PLY)
    (root / "points.ply").write_bytes(BINARY_MESH_PLY)
    (root / "truth.obj").write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n")
    return root


@pytest.fixture
def work(tmp_path: Path, assets: Path) -> Path:
    for item in assets.iterdir():
        shutil.copy(item, tmp_path / item.name)
    return tmp_path


MESH_CASES = {
    "a mesh PLY, not Gaussians": (["points.ply"], [], ("points.ply", "not a Gaussian PLY")),
    "an ASCII mesh PLY": (["mesh.ply"], [], ("mesh.ply", "ASCII")),
    "no Gaussians": (["empty.ply"], [], ("empty.ply", "no Gaussians")),
    "missing model": (["nothing.ply"], [], ("nothing.ply", "no such file")),
    "--resolution 4": (["model.ply"], ["--resolution", "4"], ("--resolution 4", "at least 8")),
    "--resolution 5000": (["model.ply"], ["--resolution", "5000"], ("--resolution 5000", "at most 1,024")),
    "--level 0": (["model.ply"], ["--level", "0"], ("--level 0",)),
    "--level nan": (["model.ply"], ["--level", "nan"], ("--level nan", "finite")),
    "--target-faces 2": (["model.ply"], ["--target-faces", "2"], ("--target-faces 2", "at least 4")),
    "--texture-size 8": (["model.ply"], ["--texture-size", "8"], ("--texture-size 8", "at least 16")),
    "--keep-fraction 2": (["model.ply"], ["--keep-fraction", "2"], ("--keep-fraction 2", "[0, 1]")),
    "an empty result (level above every density)": (["model.ply"], ["--level", "1e6"], ("no surface", "level")),
}


@pytest.mark.parametrize("case", list(MESH_CASES))
def test_mesh_refuses_bad_input(case, work, capsys) -> None:
    model, extra, words = MESH_CASES[case]
    argv = ["mesh", work / model[0], "--out", work / "out.glb", "--resolution", "24", "--quiet-progress", *extra]
    assert_refused(work, *argv, capsys=capsys, words=words)


@pytest.mark.parametrize(
    ("out", "existing", "words"),
    [
        ("out.stl", None, ("out.stl", ".glb or .obj or .ply")),
        ("out.glb", "out.glb", ("out.glb", "already exists", "--overwrite")),
        ("out.obj", "out.mtl", ("out.mtl", "already exists")),
        ("out.obj", "out.png", ("out.png", "already exists")),
    ],
)
def test_mesh_refuses_an_output_it_would_clobber(out, existing, words, work, capsys) -> None:
    if existing:
        (work / existing).write_bytes(b"the user's file")
    assert_refused(work, "mesh", work / "model.ply", "--out", work / out, capsys=capsys, words=words)


EDIT_CASES = {
    "bad box (lower above upper)": (["--crop-box", "0", "0", "0", "1", "-1", "1"], ("--crop-box", "lower corner", "y")),
    "box with nan": (["--crop-box", "0", "0", "nan", "1", "1", "1"], ("--crop-box", "finite")),
    "empty result": (["--crop-box", "5", "5", "5", "6", "6", "6"], ("--crop-box", "keeps no Gaussians")),
    "empty result after pruning": (["--min-opacity", "0.99"], ("--min-opacity", "keeps no Gaussians")),
    "sphere radius 0": (["--crop-sphere", "0", "0", "0", "0"], ("--crop-sphere", "radius")),
    "box and sphere": (
        ["--crop-box", "0", "0", "0", "1", "1", "1", "--crop-sphere", "0", "0", "0", "1"],
        ("not both",),
    ),
    "--invert-crop alone": (["--invert-crop"], ("--invert-crop", "--crop-box")),
    "--saturation -1": (["--saturation", "-1"], ("--saturation -1",)),
    "--scale 0": (["--scale", "0"], ("--scale 0",)),
    "--replace-color out of range": (["--replace-color", "2", "0", "0", "0", "0", "0"], ("--replace-color", "[0, 1]")),
    "--merge missing": (["--merge", "nothing.ply"], ("--merge", "nothing.ply")),
    "--merge a mesh PLY": (["--merge", "points.ply"], ("points.ply", "not a Gaussian PLY")),
    "--out .glb": (["--out-instead", "out.glb"], ("out.glb", ".ply or .splat")),
}


@pytest.mark.parametrize("case", list(EDIT_CASES))
def test_edit_refuses_bad_input(case, work, capsys) -> None:
    extra, words = EDIT_CASES[case]
    out = work / "out.ply"
    if extra[0] == "--out-instead":
        out, extra = work / extra[1], []
    extra = [str(work / value) if value.endswith(".ply") else value for value in extra]
    assert_refused(work, "edit", work / "model.ply", "--out", out, *extra, capsys=capsys, words=words)


@pytest.mark.parametrize(
    ("model", "words"),
    [("points.ply", ("points.ply", "not a Gaussian PLY")), ("empty.ply", ("empty.ply", "no Gaussians"))],
)
def test_edit_refuses_a_model_that_is_not_gaussians(model, words, work, capsys) -> None:
    assert_refused(work, "edit", work / model, "--out", work / "out.ply", capsys=capsys, words=words)


def test_edit_refuses_to_write_over_its_input(work, capsys) -> None:
    argv = ["edit", work / "model.ply", "--out", work / "model.ply", "--overwrite", "--scale", "2"]
    assert_refused(work, *argv, capsys=capsys, words=("model.ply", "input model"))


EVAL_CASES = {
    "--thresholds abc": (["--thresholds", "abc"], ("--thresholds", "distances > 0")),
    "--thresholds 0": (["--thresholds", "0,0.1"], ("--thresholds",)),
    "--points 10": (["--points", "10"], ("--points 10", "at least 100")),
    "missing truth": (["--truth", "nothing.obj"], ("--truth", "nothing.obj", "no such file")),
    "truth not a mesh": (["--truth", "model.ply.txt"], ("--truth", "not a mesh file")),
}


@pytest.mark.parametrize("case", list(EVAL_CASES))
def test_eval_mesh_refuses_bad_input(case, work, capsys) -> None:
    extra, words = EVAL_CASES[case]
    options = {"--truth": str(work / "truth.obj")}
    for i in range(0, len(extra), 2):
        options[extra[i]] = extra[i + 1] if extra[i] != "--truth" else str(work / extra[i + 1])
    argv = ["eval", "mesh", work / "truth.obj", "--out", work / "eval", *[x for pair in options.items() for x in pair]]
    assert_refused(work, *argv, capsys=capsys, words=words)


def test_eval_mesh_refuses_a_busy_output_folder(work, capsys) -> None:
    (work / "eval").mkdir()
    (work / "eval" / "notes.txt").write_text("mine")
    argv = ["eval", "mesh", work / "truth.obj", "--truth", work / "truth.obj", "--out", work / "eval"]
    assert_refused(work, *argv, capsys=capsys, words=("eval", "not empty"))


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("nothing.json", ("--path", "no such file")),
        ("truth.obj", ("--path", "cameras.json")),
        ("empty_folder", ("cameras.json", "missing")),
    ],
)
def test_render_refuses_a_bad_camera_path(path, words, work, capsys) -> None:
    (work / "empty_folder").mkdir()
    argv = ["render", work / "model.ply", "--out", work / "o.gif", "--path", work / path]
    assert_refused(work, *argv, capsys=capsys, words=words)


def test_render_refuses_a_bad_spiral(work, capsys) -> None:
    argv = ["render", work / "model.ply", "--out", work / "o.gif", "--path", "spiral", "--elevation-range", "0", "100"]
    assert_refused(work, *argv, capsys=capsys, words=("--elevation-range 100", "[-90, 90]"))
