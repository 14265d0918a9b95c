"""Catalogue: ``videomv data validate | convert | render | build | show`` with bad samples, layouts,
options and output locations.

``data validate`` reports: a bad sample gives exit status 1 and one ``FAIL`` line naming the file
(and the views) at fault, whatever the damage (deep JSON nesting, NaN, a PNG bomb, cameras in the
wrong convention). Every other case is a refusal: exit status 2 and one ``videomv: error:`` line
naming the file or option, before any work. In every case nothing under the case's folder changes.
"""

from __future__ import annotations

import json
import pickle
import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from box_samples import box_sample
from conftest import assert_refused, nothing_changes, run_cli
from videomv.cameras import convert_pose
from videomv.data.format import write_sample

VIEWS, SIZE = 8, 32


@pytest.fixture(scope="module")
def good_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample whose cameras fit its views (a box seen from an orbit of 8 views)."""
    return write_sample(tmp_path_factory.mktemp("data") / "box", box_sample(VIEWS, SIZE))


@pytest.fixture
def case(tmp_path: Path, good_sample: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The case's folder, made the working folder: a copy of the good sample and a file of the user's."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(good_sample, tmp_path / "obj")
    (tmp_path / "notes.txt").write_text("mine")
    return tmp_path


def edit_record(folder: Path, edit: Callable[[dict], object]) -> None:
    record = json.loads((folder / "cameras.json").read_text())
    edit(record)
    (folder / "cameras.json").write_text(json.dumps(record))


def edit_poses(folder: Path, edit: Callable[[torch.Tensor], torch.Tensor]) -> None:
    """Rewrites every view's c2w as ``edit(c2w)`` (``(N, 4, 4)``), keeping everything else."""

    def apply(record: dict) -> None:
        poses = edit(torch.tensor([view["c2w"] for view in record["views"]], dtype=torch.float64))
        for view, pose in zip(record["views"], poses, strict=True):
            view["c2w"] = pose.tolist()

    edit_record(folder, apply)


def turn_view(index: int, rotation: list[list[float]]) -> Callable[[torch.Tensor], torch.Tensor]:
    """A pose edit turning camera ``index`` in place by ``rotation`` (in its own axes)."""

    def edit(c2w: torch.Tensor) -> torch.Tensor:
        c2w[index, :3, :3] = c2w[index, :3, :3] @ torch.tensor(rotation, dtype=c2w.dtype)
        return c2w

    return edit


ROLL_90 = [[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]  # about the optical axis
YAW_90 = [[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [-1.0, 0.0, 0.0]]  # about the image's vertical axis


def png_bomb(path: Path, side: int = 30000) -> None:
    """A tiny PNG whose header claims ``side`` x ``side`` pixels (900 Mpx: a decompression bomb)."""
    Image.new("RGBA", (1, 1)).save(path)
    data = bytearray(path.read_bytes())
    ihdr = bytearray(data[12:29])  # chunk type + 13 bytes of IHDR data
    ihdr[4:12] = struct.pack(">II", side, side)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    path.write_bytes(bytes(data))


def assert_invalid(root: Path, sample: Path, capsys: pytest.CaptureFixture[str], words: tuple[str, ...]) -> str:
    """``data validate SAMPLE`` reports it invalid (status 1) in one FAIL line naming ``words``."""
    with nothing_changes(root):
        outcome = run_cli("data", "validate", sample, capsys=capsys)
    assert "Traceback" not in outcome.stderr + outcome.stdout, outcome.stderr
    assert outcome.code == 1 and outcome.stderr == "", (outcome.code, outcome.stderr)
    fails = [line for line in outcome.stdout.splitlines() if line.startswith("FAIL ")]
    assert len(fails) == 1 and "0 of 1 samples valid" in outcome.stdout, outcome.stdout
    for word in words:
        assert word.lower() in fails[0].lower(), f"{word!r} not in {fails[0]!r}"
    return fails[0]


def test_a_good_sample_passes_validation(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with nothing_changes(case):
        outcome = run_cli("data", "validate", "obj", capsys=capsys)
    assert outcome.code == 0 and "1 of 1 samples valid" in outcome.stdout, outcome.stdout


DAMAGE = {
    "nested_json": (
        lambda d: (d / "cameras.json").write_text("[" * 100_000 + "]" * 100_000),
        ("cameras.json", "nested too deeply"),
    ),
    "json_not_an_object": (lambda d: (d / "cameras.json").write_text("[1, 2]"), ("cameras.json", "JSON object")),
    "json_not_utf8": (lambda d: (d / "cameras.json").write_bytes(b"\xff\xfe{"), ("cameras.json", "not valid JSON")),
    "width_not_a_number": (lambda d: edit_record(d, lambda r: r.__setitem__("width", "wide")), ("'width'",)),
    "views_not_a_list": (lambda d: edit_record(d, lambda r: r.__setitem__("views", {})), ("'views'",)),
    "c2w_3x4": (lambda d: edit_poses(d, lambda c2w: c2w[:, :3]), ("cameras.json", "4x4")),
    "c2w_nan": (
        lambda d: edit_record(d, lambda r: r["views"][2]["c2w"][1].__setitem__(3, float("nan"))),
        ("view 2", "002.png", "NaN"),
    ),
    "focal_inf": (
        lambda d: edit_record(d, lambda r: r["views"][0].__setitem__("fx", float("inf"))),
        ("000.png", "inf"),
    ),
    "not_rigid": (
        lambda d: edit_record(d, lambda r: r["views"][1]["c2w"][0].__setitem__(0, 3.0)),
        ("001.png", "orthonormal"),
    ),
    "angle_not_a_number": (
        lambda d: edit_record(d, lambda r: r["views"][3].__setitem__("azimuth", "north")),
        ("view 3", "azimuth"),
    ),
    "unknown_convention": (
        lambda d: edit_record(d, lambda r: r.__setitem__("convention", ["colmap"])),
        ("cameras.json", "convention"),
    ),
    "view_missing": (lambda d: (d / "002.png").unlink(), ("002.png", "missing")),
    "view_unlisted": (lambda d: shutil.copy(d / "000.png", d / "009.png"), ("009.png", "not listed")),
    "fewer_views_listed": (lambda d: edit_record(d, lambda r: r["views"].pop()), ("007.png", "not listed")),
    "png_not_an_image": (lambda d: (d / "003.png").write_bytes(b"not a png"), ("003.png", "not a readable PNG")),
    "png_other_size": (lambda d: Image.new("RGBA", (8, 16)).save(d / "001.png"), ("001.png", "8x16")),
    "png_16_bit_grey": (lambda d: Image.new("I;16", (SIZE, SIZE)).save(d / "004.png"), ("004.png", "mode")),
    "png_bomb": (lambda d: png_bomb(d / "005.png"), ("005.png",)),
    # Cameras that pass every format check but do not fit the views: the geometry check.
    "poses_in_blender_axes": (
        lambda d: edit_poses(d, lambda c2w: convert_pose(c2w, "opencv", "blender")),
        ("cameras.json", "behind or outside views 000.png", "convention"),
    ),
    "one_view_rolled_90": (lambda d: edit_poses(d, turn_view(2, ROLL_90)), ("cameras.json", "views 002.png", "IoU")),
    "one_view_turned_away": (
        lambda d: edit_poses(d, turn_view(5, YAW_90)),
        ("behind or outside views 005.png (1 of 8)",),
    ),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_validate_reports_a_damaged_sample_in_one_line(
    case: Path, damage: tuple, capsys: pytest.CaptureFixture[str]
) -> None:
    damage[0](case / "obj")
    assert_invalid(case, case / "obj", capsys, damage[1])


def test_validate_names_only_the_views_that_do_not_fit(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_poses(case / "obj", turn_view(2, ROLL_90))
    line = assert_invalid(case, case / "obj", capsys, ("002.png",))
    assert not any(f"{i:03d}.png" in line for i in range(VIEWS) if i != 2), line


def test_validate_of_a_dataset_reports_each_bad_sample(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(case / "obj", case / "bad")
    (case / "bad" / "cameras.json").write_text("[" * 100_000)
    with nothing_changes(case):
        outcome = run_cli("data", "validate", case, capsys=capsys)
    assert outcome.code == 1 and "1 of 2 samples valid" in outcome.stdout and "Traceback" not in outcome.stderr
    assert [line for line in outcome.stdout.splitlines() if line.startswith("FAIL")] == [
        f"FAIL {case / 'bad' / 'cameras.json'}: not valid camera data (JSON nested too deeply)"
    ]


@pytest.mark.parametrize(
    ("target", "words"),
    [("nowhere", ("nowhere", "no such folder")), ("notes.txt", ("notes.txt", "is a file")), (".", ("no sample",))],
    ids=["missing", "a_file", "no_samples"],
)
def test_validate_refuses_a_path_without_samples(
    case: Path, target: str, words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    if target == ".":
        shutil.rmtree(case / "obj")
    assert_refused(case, "data", "validate", target, capsys=capsys, words=words)


# --- data convert ------------------------------------------------------------------------------


def zero123_folder(case: Path) -> Path:
    """A Zero123 layout of the good sample (Blender world-to-camera poses) in ``case/views``."""
    folder = case / "views"
    folder.mkdir()
    record = json.loads((case / "obj" / "cameras.json").read_text())
    for i, view in enumerate(record["views"]):
        shutil.copy(case / "obj" / view["file"], folder / f"{i:03d}.png")
        blender = convert_pose(torch.tensor(view["c2w"], dtype=torch.float64), "opencv", "blender")
        np.save(folder / f"{i:03d}.npy", torch.linalg.inv(blender)[:3].numpy())
    return folder


class Exploit:
    def __reduce__(self):
        return (print, ("pwned",))


CONVERT_DAMAGE = {
    "pose_missing": (lambda f: (f / "003.npy").unlink(), "zero123", ("003.npy", "missing")),
    "pose_3x3": (lambda f: np.save(f / "001.npy", np.eye(3)), "zero123", ("001.npy", "(3, 4)")),
    "pose_pickled_objects": (
        lambda f: np.save(f / "002.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True),
        "zero123",
        ("002.npy", "not a readable .npy"),
    ),
    "pose_nan": (lambda f: np.save(f / "004.npy", np.full((3, 4), np.nan)), "zero123", ("004.npy", "NaN")),
    "pose_not_rigid": (lambda f: np.save(f / "000.npy", np.ones((3, 4))), "zero123", ("000.npy", "orthonormal")),
    "syncdreamer_without_meta": (lambda f: None, "syncdreamer", ("meta.pkl", "--from zero123")),
    "syncdreamer_pickle_runs_code": (
        lambda f: (f / "meta.pkl").write_bytes(pickle.dumps(Exploit())),
        "syncdreamer",
        ("meta.pkl", "refusing to load"),
    ),
    "gobjaverse_nested_json": (
        lambda f: (f / "00000").mkdir() or (f / "00000" / "00000.json").write_text("[" * 100_000) or None,
        "gobjaverse",
        ("00000.json", "nested too deeply"),
    ),
}


@pytest.mark.parametrize("damage", CONVERT_DAMAGE.values(), ids=CONVERT_DAMAGE.keys())
def test_convert_refuses_damaged_renders(case: Path, damage: tuple, capsys: pytest.CaptureFixture[str]) -> None:
    folder = zero123_folder(case)
    damage[0](folder)
    if damage[1] == "gobjaverse":
        (folder / "00000" / "00000.png").write_bytes((folder / "000.png").read_bytes())
    assert_refused(case, "data", "convert", folder, "out", "--from", damage[1], capsys=capsys, words=damage[2])


CONVERT_ARGS = {
    "source_missing": (("nowhere", "out", "--from", "zero123"), ("nowhere", "no such folder")),
    "unknown_layout": (("views", "out", "--from", "colmap"), ("--from", "colmap")),
    "out_exists": (("views", "obj", "--from", "zero123"), ("obj", "already exists")),
    "overwrite_a_user_folder": (
        ("views", ".", "--from", "zero123", "--overwrite"),
        ("not a multi-view sample folder of ours",),
    ),
    "out_under_a_file": (("views", "notes.txt/out", "--from", "zero123"), ("notes.txt", "not a folder")),
    "out_in_proc": (("views", "/proc/videomv-out", "--from", "zero123"), ("/proc/videomv-out", "cannot write")),
}


@pytest.mark.parametrize(("argv", "words"), CONVERT_ARGS.values(), ids=CONVERT_ARGS.keys())
def test_convert_refuses_bad_arguments(
    case: Path, argv: tuple[str, ...], words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    zero123_folder(case)
    assert_refused(case, "data", "convert", *argv, capsys=capsys, words=words)


def test_convert_overwrite_keeps_a_user_file_in_the_sample(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zero123_folder(case)
    (case / "obj" / "my_notes.txt").write_text("mine")
    assert_refused(
        case, "data", "convert", "views", "obj", "--from", "zero123", "--overwrite", capsys=capsys, words=("my_notes",)
    )


# --- data render ------------------------------------------------------------------------------


RENDER_ARGS = {
    "mesh_missing": (("nowhere.obj", "out"), ("nowhere.obj", "not found")),
    "mesh_is_a_folder": (("obj", "out"), ("obj", "is a folder")),
    "mesh_type": (("notes.txt", "out"), ("notes.txt", "unsupported mesh type")),
    "mesh_damaged": (("broken.glb", "out"), ("broken.glb", "not a readable .glb mesh")),
    "overwrite_a_user_folder": (("broken.glb", ".", "--overwrite"), ("not a multi-view sample folder of ours",)),
    "views_0": (("broken.glb", "out", "--views", "0"), ("--views",)),
    "size_huge": (("broken.glb", "out", "--size", "100000"), ("--size",)),
    "pixels_huge": (("broken.glb", "out", "--views", "1000", "--size", "1024"), ("--views x --size^2",)),
    "fov_180": (("broken.glb", "out", "--fov", "180"), ("--fov",)),
    "radius_nan": (("broken.glb", "out", "--radius", "nan"), ("--radius",)),
    "elevation_100": (("broken.glb", "out", "--elevation", "100"), ("elevation", "-90..90")),
    "out_in_proc": (("broken.glb", "/proc/videomv-out"), ("/proc/videomv-out", "cannot write")),
}


@pytest.mark.parametrize(("argv", "words"), RENDER_ARGS.values(), ids=RENDER_ARGS.keys())
def test_render_refuses_bad_arguments(
    case: Path, argv: tuple[str, ...], words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    (case / "broken.glb").write_bytes(b"glTF not really")
    assert_refused(case, "data", "render", *argv, capsys=capsys, words=words)


# --- data build -------------------------------------------------------------------------------


BUILD_ARGS = {
    "out_with_user_files": (("--out", "."), ("--out", "not part of a dataset", "notes.txt")),
    "out_is_a_file": (("--out", "notes.txt"), ("--out notes.txt", "is a file")),
    "count_0": (("--out", "dataset", "--count", "0"), ("--count",)),
    "seed_negative": (("--out", "dataset", "--seed", "-1"), ("--seed",)),
    "elevations_reversed": (("--out", "dataset", "--elevation-range", "30", "0"), ("--elevation-range", "LOW")),
    "elevations_three": (("--out", "dataset", "--elevation-range", "1", "2", "3"), ("--elevation-range",)),
    "index_nested": (("--out", "deep"), ("index.json", "nested too deeply")),
    "out_in_proc": (("--out", "/proc/videomv-out"), ("/proc/videomv-out", "cannot write")),
}


@pytest.mark.parametrize(("argv", "words"), BUILD_ARGS.values(), ids=BUILD_ARGS.keys())
def test_build_refuses_bad_arguments(
    case: Path, argv: tuple[str, ...], words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    (case / "deep").mkdir()
    (case / "deep" / "index.json").write_text("[" * 100_000)
    assert_refused(case, "data", "build", "--source", "procedural", *argv, capsys=capsys, words=words)


# --- data show --------------------------------------------------------------------------------


SHOW_ARGS = {
    "path_missing": (("nowhere",), ("nowhere", "no such folder")),
    "out_is_a_folder": (("obj", "--out", "obj"), ("--out obj", "is a folder")),
    "out_type": (("obj", "--out", "sheet.xyz"), ("--out", "unknown image type")),
    "out_under_a_file": (("obj", "--out", "notes.txt/sheet.png"), ("--out notes.txt/sheet.png", "not a folder")),
    "out_in_proc": (("obj", "--out", "/proc/videomv.png"), ("/proc/videomv.png", "cannot write")),
    "max_samples_0": (("obj", "--max-samples", "0"), ("--max-samples",)),
    "thumb_0": (("obj", "--thumb", "0"), ("--thumb",)),
    "thumb_huge": (("obj", "--thumb", "100000"), ("--thumb",)),
    "index_escapes": (("escape",), ("index.json", "relative to the dataset folder")),
    "index_escapes_split": (("escape", "--split", "train"), ("index.json",)),
}


@pytest.mark.parametrize(("argv", "words"), SHOW_ARGS.values(), ids=SHOW_ARGS.keys())
def test_show_refuses_bad_arguments(
    case: Path, argv: tuple[str, ...], words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    (case / "escape").mkdir()
    (case / "escape" / "index.json").write_text(json.dumps({"samples": [{"path": "../obj", "split": "train"}]}))
    assert_refused(case, "data", "show", *argv, capsys=capsys, words=words)
