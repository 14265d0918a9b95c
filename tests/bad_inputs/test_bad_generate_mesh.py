"""Catalogue: ``videomv generate --mesh`` and ``--cameras`` / ``--fov`` under bad options and bad camera files.

Every refusal is one ``videomv: error:`` line with exit status 2 naming the option or file at fault,
leaves the case's folder exactly as it was, and, for everything that needs no model, comes before
any model loads. The cases that need the model (too few cameras for its reconstructor, no
reconstructor to mesh, no surface in the Gaussians) come before anything is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import torch

from conftest import assert_refused
from test_pipeline_3d_aware import SIZE, tiny_pipeline
from videomv.cameras import orbit
from videomv.data.format import MultiViewSample, write_sample

pytest.importorskip("mcubes")

FAST = ["--steps", "2", "--orbit-frames", "2", "--no-progress", "--device", "cpu"]


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict[str, Path]:
    """Tiny text-to-views pipelines (4 views, a reconstructor taking 4, and one without), outside every case."""
    root = tmp_path_factory.mktemp("models")
    tiny_pipeline().save_pretrained(root / "text")
    tiny_pipeline(reconstructor=False).save_pretrained(root / "plain")
    return {"text": root / "text", "plain": root / "plain"}


def _generate(model: Path, *argv: object) -> list[object]:
    return ["generate", "--prompt", "a red chair", "--model", model, "--out", "out", *FAST, *argv]


def _cameras(folder: Path, views: int = 4, width: int = SIZE, height: int = SIZE) -> Path:
    """A sample folder (blank views) whose cameras.json holds an orbit of ``views`` cameras."""
    cameras = orbit(views, 10.0, 2.0, 39.6, (width, height))
    return write_sample(folder, MultiViewSample(torch.zeros(views, 4, height, width), cameras))


# ------------------------------------------------------------------------------ mesh options (no model)

MESH_OPTIONS = {
    "--mesh-resolution 4": (["--mesh", "--mesh-resolution", "4"], ("--mesh-resolution 4", "at least 8")),
    "--mesh-resolution 5000": (["--mesh", "--mesh-resolution", "5000"], ("--mesh-resolution 5000", "1,024")),
    "--mesh-level 0": (["--mesh", "--mesh-level", "0"], ("--mesh-level 0",)),
    "--mesh-level nan": (["--mesh", "--mesh-level", "nan"], ("--mesh-level nan", "finite")),
    "--mesh-target-faces 2": (["--mesh", "--mesh-target-faces", "2"], ("--mesh-target-faces 2", "at least 4")),
    "--mesh-texture-size 8": (["--mesh", "--mesh-texture-size", "8"], ("--mesh-texture-size 8", "at least 16")),
    "--mesh-keep-fraction 2": (["--mesh", "--mesh-keep-fraction", "2"], ("--mesh-keep-fraction 2", "[0, 1]")),
    # Formerly (in fit) silently ignored: an option that would do nothing is refused.
    "--mesh-resolution without --mesh": (["--mesh-resolution", "64"], ("--mesh-resolution", "add --mesh")),
    "--mesh-texture none without --mesh": (["--mesh-texture", "none"], ("--mesh-texture", "add --mesh")),
}


@pytest.mark.parametrize("name", list(MESH_OPTIONS))
def test_a_bad_mesh_option_is_refused_before_any_model_loads(name, case, models, no_model_load, capsys) -> None:
    argv, words = MESH_OPTIONS[name]
    assert_refused(case, *_generate(models["text"], *argv), capsys=capsys, words=words)


def test_a_missing_mesh_library_is_named_before_any_model_loads(case, models, no_model_load, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "xatlas", None)  # import xatlas now raises ImportError
    words = ("xatlas", "videomv[mesh]")
    assert_refused(case, *_generate(models["text"], "--mesh"), capsys=capsys, words=words)


# ------------------------------------------------------------------------------ cameras and fov (no model)


def _camera_case(case: Path, kind: str) -> str:
    """A bad ``--cameras`` argument of ``kind`` in the case's folder; returns it."""
    if kind == "missing":
        return "cams/cameras.json"
    if kind == "not named cameras.json":
        (case / "poses.json").write_text("{}")
        return "poses.json"
    if kind == "folder without cameras.json":
        (case / "cams").mkdir()
        return "cams"
    if kind == "not JSON":
        (case / "cams").mkdir()
        (case / "cams" / "cameras.json").write_text("{not json")
        return "cams/cameras.json"
    if kind == "non-square":
        return str(_cameras(case / "cams", width=2 * SIZE, height=SIZE).relative_to(case))
    if kind == "65 cameras":
        return str(_cameras(case / "cams", views=65).relative_to(case))
    if kind == "a NaN pose":
        folder = _cameras(case / "cams")
        record = json.loads((folder / "cameras.json").read_text())
        record["views"][1]["c2w"][0][3] = float("nan")
        (folder / "cameras.json").write_text(json.dumps(record))
        return "cams"
    raise AssertionError(kind)


CAMERA_FILES = {
    "missing": ("cameras.json", "no such file"),
    "not named cameras.json": ("poses.json", "cameras.json"),
    "folder without cameras.json": ("cameras.json", "missing"),
    "not JSON": ("cameras.json",),
    "non-square": ("--cameras", "32x16", "square"),
    "65 cameras": ("--cameras", "65 cameras", "at most 64"),
    "a NaN pose": ("cameras.json", "view 1", "nan"),
}


@pytest.mark.parametrize("kind", list(CAMERA_FILES))
def test_a_bad_camera_file_is_refused_before_any_model_loads(kind, case, models, no_model_load, capsys) -> None:
    cameras = _camera_case(case, kind)
    words = CAMERA_FILES[kind]
    assert_refused(case, *_generate(models["text"], "--cameras", cameras), capsys=capsys, words=words)


CAMERA_OPTIONS = {
    "--cameras with --views": (["--views", "4"], ("--views", "--cameras", "leave --views out")),
    "--cameras with --elevation": (["--elevation", "20"], ("--elevation", "leave --elevation out")),
    "--cameras with --radius": (["--radius", "1.5"], ("--radius", "leave --radius out")),
    "--fov 0": (["--fov", "0"], ("fov", "above 0 and below 180")),
    "--fov 180": (["--fov", "180"], ("fov", "180")),
    "--fov nan": (["--fov", "nan"], ("fov", "finite")),
}


@pytest.mark.parametrize("name", list(CAMERA_OPTIONS))
def test_a_bad_camera_option_is_refused_before_any_model_loads(name, case, models, no_model_load, capsys) -> None:
    argv, words = CAMERA_OPTIONS[name]
    cameras = str(_cameras(case / "cams").relative_to(case))
    assert_refused(case, *_generate(models["text"], "--cameras", cameras, *argv), capsys=capsys, words=words)


def test_fov_alone_is_checked_too(case, models, no_model_load, capsys) -> None:
    assert_refused(case, *_generate(models["text"], "--fov", "-10"), capsys=capsys, words=("fov", "-10"))


# ------------------------------------------------------------------------------ against the model


def test_too_few_cameras_for_the_reconstructor(case, models, capsys) -> None:
    cameras = str(_cameras(case / "cams", views=2).relative_to(case))
    words = ("--cameras", "2 cameras", "at least 4")
    assert_refused(case, *_generate(models["text"], "--cameras", cameras), capsys=capsys, words=words)


def test_mesh_needs_a_reconstructor(case, models, capsys) -> None:
    assert_refused(case, *_generate(models["plain"], "--mesh"), capsys=capsys, words=("--mesh", "no reconstructor"))


def test_no_surface_in_the_gaussians_writes_nothing(case, models, capsys) -> None:
    """The level is checked against the Gaussians only after sampling: the staged result is dropped."""
    argv = ["--mesh", "--mesh-level", "1e9", "--mesh-resolution", "16", "--mesh-texture", "none"]
    assert_refused(case, *_generate(models["text"], *argv), capsys=capsys, words=("no surface", "level"))
