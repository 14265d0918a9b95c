"""Catalogue: ``videomv render`` and ``videomv fit`` with bad options, bad .ply files and bad output paths.

Every case is refused with one line naming what is wrong, before any fitting or rendering (the
fitter and the renderer are replaced by tripwires), and leaves the case's folder untouched.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch

import videomv.gaussians
from conftest import assert_refused
from test_gaussians_fit import blob, orbit_cameras, render_views
from videomv.cameras import Cameras
from videomv.data.format import MultiViewSample, write_sample
from videomv.gaussians import Gaussians, save_ply

# LGM's reduced layout: the smallest PLY that load_ply accepts.
LGM_NAMES = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity"]
LGM_NAMES += ["scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
NUM_VIEWS = 4


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good model.ply and a 4-view sample folder, built once and copied into each case."""
    root = tmp_path_factory.mktemp("gaussian_assets")
    save_ply(blob(), root / "model.ply")
    c2w, intrinsics = orbit_cameras(NUM_VIEWS, 16, elevation=15.0)
    cams = Cameras(c2w, intrinsics, 16, 16)
    write_sample(root / "views", MultiViewSample(render_views(blob(), cams, 16), cams))
    return root


@pytest.fixture
def work(tmp_path: Path, assets: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The case's folder holding copies of the assets; fitting and rendering are tripwires."""
    shutil.copy(assets / "model.ply", tmp_path / "model.ply")
    shutil.copytree(assets / "views", tmp_path / "views")

    def tripwire(*args, **kwargs):
        raise AssertionError("a refused command must not fit or render")

    monkeypatch.setattr(videomv.gaussians, "fit_gaussians", tripwire)
    for name in ("render_frames", "render_orbit_video"):  # the latter: what render called before issue 22
        monkeypatch.setattr(videomv.gaussians, name, tripwire)
    return tmp_path


def header(*lines: str) -> bytes:
    return ("\n".join(["ply", *lines, "end_header"]) + "\n").encode("latin-1")


def gaussian_ply(rows: np.ndarray | None = None, count: int | None = None, names: list[str] = LGM_NAMES) -> bytes:
    """A little-endian float PLY of ``rows`` (default: two valid Gaussians) under ``names``."""
    if rows is None:
        rows = np.zeros((2, len(names)), dtype="<f4")
        rows[:, names.index("rot_0")] = 1.0
    count = len(rows) if count is None else count
    props = [f"property float {name}" for name in names]
    return header("format binary_little_endian 1.0", f"element vertex {count}", *props) + rows.astype("<f4").tobytes()


def with_value(name: str, value: float) -> bytes:
    rows = np.zeros((2, len(LGM_NAMES)), dtype="<f4")
    rows[:, LGM_NAMES.index("rot_0")] = 1.0
    rows[1, LGM_NAMES.index(name)] = value
    return gaussian_ply(rows)


LGM_PROPS = [f"property float {name}" for name in LGM_NAMES]
BAD_PLY = {
    "element vertex -1": (
        header("format binary_little_endian 1.0", "element vertex -1", *LGM_PROPS),
        ("element vertex -1", "whole number"),
    ),
    "a count no file holds": (
        header("format binary_little_endian 1.0", "element vertex 99999999999999999999", *LGM_PROPS),
        ("element vertex", "whole number"),
    ),
    "a terabyte of vertices announced": (gaussian_ply(count=4_000_000_000), ("truncated", "4000000000 vertices")),
    "a property without a name": (
        header("format binary_little_endian 1.0", "element vertex 1", "property float"),
        ("property TYPE NAME",),
    ),
    "a property declared twice": (gaussian_ply(names=[*LGM_NAMES, "x"]), ("'x'", "twice")),
    "an unknown property type": (
        header("format binary_little_endian 1.0", "element vertex 1", "property float128 x"),
        ("float128",),
    ),
    "a list property": (
        header("format binary_little_endian 1.0", "element vertex 1", "property list uchar int idx"),
        ("list",),
    ),
    "a property before any element": (header("format binary_little_endian 1.0", "property float x"), ("before",)),
    "the faces first": (header("format binary_little_endian 1.0", "element face 1"), ("'vertex' element first",)),
    "no vertex element": (header("format binary_little_endian 1.0"), ("no 'vertex' element",)),
    "no format line": (header("element vertex 0"), ("no 'format'",)),
    "an ASCII PLY": (header("format ascii 1.0", "element vertex 1", *LGM_PROPS) + b"0 " * 14, ("ASCII",)),
    "a header that never ends": (
        b"ply\nformat binary_little_endian 1.0\nelement vertex 1" + b"\0" * 64,
        ("end_header",),
    ),
    "a non-ASCII header": (header("comment caf\xe9", "format binary_little_endian 1.0"), ("not ASCII",)),
    "an unknown header keyword": (header("format binary_little_endian 1.0", "vertex 3"), ("keyword",)),
    "a PNG named .ply": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, ("not a PLY",)),
    "a .splat named .ply": (b"\0" * 64, ("not a PLY",)),
    "a truncated body": (gaussian_ply()[:-9], ("truncated",)),
    "a mesh, not Gaussians": (
        header("format binary_little_endian 1.0", "element vertex 1", *(f"property float {c}" for c in "xyz"))
        + b"\0" * 12,
        ("missing properties", "opacity"),
    ),
    "six f_rest properties": (
        gaussian_ply(names=[*LGM_NAMES, *(f"f_rest_{i}" for i in range(6))]),
        ("f_rest",),
    ),
    "a NaN position": (with_value("x", math.nan), ("means", "non-finite")),
    "an infinite scale": (with_value("scale_1", math.inf), ("log_scales", "non-finite")),
    "a zero quaternion": (with_value("rot_0", 0.0), ("zero-length",)),
    "no Gaussians at all": (gaussian_ply(np.zeros((0, len(LGM_NAMES)))), ("no Gaussians",)),
}


@pytest.mark.parametrize("case", list(BAD_PLY))
def test_render_refuses_a_bad_ply_naming_the_file(case, work, capsys) -> None:
    content, words = BAD_PLY[case]
    (work / "bad.ply").write_bytes(content)
    assert_refused(work, "render", work / "bad.ply", "--out", work / "o.gif", capsys=capsys, words=("bad.ply", *words))


@pytest.mark.parametrize(
    "case, model, words",
    [
        ("a missing .ply", "missing.ply", ("missing.ply", "no such file")),
        ("a folder given as the .ply", "views", ("views", "is a folder")),
        ("a device given as the .ply", "/dev/zero", ("/dev/zero", "not a regular file")),
    ],
)
def test_render_refuses_a_model_that_is_not_a_file(case, model, words, work, capsys) -> None:
    assert_refused(work, "render", work / model, "--out", work / "o.gif", capsys=capsys, words=words)


RENDER_OPTIONS = {
    "--size 100000 (runs away)": (["--size", "100000"], ("--size 100000", "at most 4,096")),
    "--size 0": (["--size", "0"], ("--size 0", "at least 1")),
    "--views 0": (["--views", "0"], ("--views 0", "at least 1")),
    "--views 100000": (["--views", "100000"], ("--views 100000", "at most")),
    "frames beyond memory": (["--views", "600", "--size", "2048"], ("--views 600", "--size 2048", "GiB")),
    "--fps 0": (["--fps", "0"], ("--fps 0",)),
    "--radius 0": (["--radius", "0"], ("--radius 0",)),
    "--radius nan": (["--radius", "nan"], ("--radius nan", "finite")),
    "--fov 180": (["--fov", "180"], ("--fov 180", "(0, 180)")),
    "--elevation 100": (["--elevation", "100"], ("--elevation 100", "[-90, 90]")),
    "--start-azimuth inf": (["--start-azimuth", "inf"], ("--start-azimuth inf", "finite")),
    "--background out of [0, 1]": (["--background", "2", "0", "0"], ("--background 2.0", "[0, 1]")),
    "--background nan": (["--background", "0", "nan", "0"], ("--background nan",)),
    "--device tpu9": (["--device", "tpu9"], ("--device tpu9", "--device cpu")),
    "--backend gsplat without CUDA": (["--backend", "gsplat", "--device", "cpu"], ("--backend gsplat",)),
}


@pytest.mark.parametrize("case", list(RENDER_OPTIONS))
def test_render_refuses_a_bad_option_before_rendering(case, work, capsys) -> None:
    extra, words = RENDER_OPTIONS[case]
    assert_refused(work, "render", work / "model.ply", "--out", work / "o.gif", *extra, capsys=capsys, words=words)


def put_user_files(work: Path) -> None:
    """Files and folders that are in the way of the outputs below."""
    (work / "orbit.gif").write_bytes(b"GIF89a, the user's")
    (work / "notes").write_text("a file without a suffix")
    (work / "mine").mkdir()
    (work / "mine" / "000.png").write_bytes(b"the user's frame")
    (work / "mine" / "holiday.jpg").write_bytes(b"the user's photo")
    (work / "frames").mkdir()
    (work / "frames" / "000.png").write_bytes(b"an earlier render's frame")
    (work / "clip.mp4").mkdir()


RENDER_OUT = {
    "an existing video without --overwrite": (["orbit.gif"], ("orbit.gif", "already exists", "--overwrite")),
    "an existing frames folder without --overwrite": (["frames"], ("frames", "already holds frames", "--overwrite")),
    "a folder of the user's files, even with --overwrite": (
        ["mine", "--overwrite"],
        ("mine", "'holiday.jpg'", "did not write"),
    ),
    "a file where the frames folder would go": (["notes"], ("notes", "not a folder")),
    "a folder named like a video": (["clip.mp4"], ("clip.mp4", "is a folder")),
    "an image suffix (would make a folder)": (
        ["orbit.png"],
        ("orbit.png", "unknown output kind", ".mp4, .webm, .gif or a folder"),
    ),
    "a video suffix render does not write": (
        ["orbit.avi"],
        ("orbit.avi", "unknown output kind", ".mp4, .webm, .gif or a folder"),
    ),
    "an odd --size for an .mp4 (ffmpeg wrote 0 bytes, exit 0)": (["orbit.mp4", "--size", "17"], ("--size 17", "even")),
    "below a file (/dev/null/x)": (["/dev/null/orbit.gif"], ("/dev/null", "not a folder")),
    "in /proc": (["/proc/orbit.gif"], ("/proc", "cannot write")),
}


@pytest.mark.parametrize("case", list(RENDER_OUT))
def test_render_refuses_a_bad_output_before_rendering(case, work, capsys, monkeypatch) -> None:
    monkeypatch.chdir(work)
    put_user_files(work)
    out, words = RENDER_OUT[case]
    assert_refused(work, "render", "model.ply", "--out", *out, capsys=capsys, words=words)


def test_render_refuses_a_video_kind_this_ffmpeg_cannot_encode(work, capsys, monkeypatch) -> None:
    """An ffmpeg built without VP9: refused before rendering, naming the kinds that do work."""
    import videomv.gaussians.video as video

    monkeypatch.chdir(work)
    monkeypatch.setattr(video, "_ffmpeg_encoders", lambda: (frozenset({"libx264"}), "/opt/ffmpeg"))
    words = ("--out orbit.webm", "no libvpx-vp9 encoder", ".mp4 or .gif")
    assert_refused(work, "render", "model.ply", "--out", "orbit.webm", capsys=capsys, words=words)


def test_render_refuses_the_current_folder_as_frames_folder(work, capsys, monkeypatch) -> None:
    """Even empty, the folder one stands in cannot be renamed into place."""
    (work / "here").mkdir()
    monkeypatch.chdir(work / "here")
    assert_refused(work, "render", "../model.ply", "--out", ".", capsys=capsys, words=("--out .", "current folder"))


def test_render_overwrite_replaces_only_its_own_frames(work, monkeypatch) -> None:
    """The counterpart of the refusals above: --overwrite replaces a frames folder render wrote."""
    from videomv.cli.main import main

    monkeypatch.setattr(videomv.gaussians, "render_frames", lambda *a, **k: np.zeros((2, 8, 8, 3), dtype=np.uint8))
    (work / "frames").mkdir()
    for name in ("000.png", "001.png", "002.png"):
        (work / "frames" / name).write_bytes(b"an earlier render's frame")
    argv = ["render", str(work / "model.ply"), "--out", str(work / "frames"), "--views", "2", "--size", "8"]
    assert main([*argv, "--overwrite"]) == 0
    assert sorted(p.name for p in (work / "frames").iterdir()) == ["000.png", "001.png"]
    assert not [p.name for p in work.iterdir() if p.name.startswith(".")]  # no staging folder left


FIT_OPTIONS = {
    "--views-per-step 0 (wrote an untrained .ply, PSNR nan)": (["--views-per-step", "0"], ("--views-per-step 0",)),
    "--views-per-step beyond the views": (["--views-per-step", "9"], ("--views-per-step 9", "only 4 views")),
    "--steps 0": (["--steps", "0"], ("--steps 0", "at least 1")),
    "--steps 10**9": (["--steps", str(10**9)], ("--steps", "at most")),
    "--num-gaussians 0": (["--num-gaussians", "0"], ("--num-gaussians 0", "at least 1")),
    "--num-gaussians 10**9": (["--num-gaussians", str(10**9)], ("--num-gaussians", "at most")),
    "--seed 2**70": (["--seed", str(2**70)], ("--seed", "at most")),
    "--seed -1": (["--seed", "-1"], ("--seed -1", "at least 0")),
    "--backend gsplat (fit runs on the CPU)": (["--backend", "gsplat"], ("--backend gsplat", "--backend torch")),
    "--eval BAD (failed only after the fit)": (["--eval", "no_such_folder"], ("no_such_folder", "not a folder")),
    "--eval a file": (["--eval", "model.ply"], ("model.ply", "not a folder")),
}


@pytest.mark.parametrize("case", list(FIT_OPTIONS))
def test_fit_refuses_a_bad_option_before_fitting(case, work, capsys, monkeypatch) -> None:
    monkeypatch.chdir(work)
    extra, words = FIT_OPTIONS[case]
    assert_refused(work, "fit", "views", "--out", "fit.ply", "--quiet-progress", *extra, capsys=capsys, words=words)


FIT_OUT = {
    "an existing .ply without --overwrite": (["--out", "model.ply"], ("--out model.ply", "already exists")),
    "--out . (a folder)": (["--out", "."], ("--out .", "must end in .ply")),
    "a folder named .ply": (["--out", "views.ply"], ("--out views.ply", "is a folder")),
    "--out without the .ply suffix": (["--out", "model.txt"], ("--out model.txt", ".ply")),
    "--splat with the wrong suffix": (["--out", "fit.ply", "--splat", "fit.ply"], ("--splat fit.ply", ".splat")),
    "--out below a file (/dev/null/x)": (["--out", "/dev/null/fit.ply"], ("/dev/null", "not a folder")),
    "--out in /sys": (["--out", "/sys/fit.ply"], ("/sys", "cannot write")),
    "--splat in /sys": (["--out", "fit.ply", "--splat", "/sys/fit.splat"], ("--splat", "cannot write")),
}


@pytest.mark.parametrize("case", list(FIT_OUT))
def test_fit_refuses_a_bad_output_before_fitting(case, work, capsys, monkeypatch) -> None:
    monkeypatch.chdir(work)
    (work / "views.ply").mkdir()
    extra, words = FIT_OUT[case]
    assert_refused(work, "fit", "views", "--quiet-progress", *extra, capsys=capsys, words=words)


@pytest.mark.parametrize(
    "case, views, words",
    [
        ("a missing views folder", "nowhere", ("nowhere", "not a folder")),
        ("a file as the views folder", "model.ply", ("model.ply", "not a folder")),
        ("a folder without cameras.json", ".", ("cameras.json", "missing")),
    ],
)
def test_fit_refuses_bad_views(case, views, words, work, capsys, monkeypatch) -> None:
    monkeypatch.chdir(work)
    assert_refused(work, "fit", views, "--out", "fit.ply", "--quiet-progress", capsys=capsys, words=words)


@pytest.mark.parametrize("outcome", ["empty", "nan"])
def test_fit_writes_nothing_when_the_fit_fails(outcome, work, capsys, monkeypatch) -> None:
    """A fit that kept no Gaussians or diverged is reported, not written with exit 0."""
    monkeypatch.chdir(work)
    g = blob(n=3)
    fitted = (
        g[:0] if outcome == "empty" else Gaussians(g.means * math.nan, g.quats, g.log_scales, g.opacity_logits, g.sh)
    )
    history = {"psnr": [math.nan if outcome == "nan" else 20.0], "loss": [1.0], "num_gaussians": [len(fitted)]}
    monkeypatch.setattr(videomv.gaussians, "fit_gaussians", lambda *args, **kwargs: (fitted, history))
    words = ("views", "no Gaussians") if outcome == "empty" else ("views", "diverged", "nothing written")
    argv = ["fit", "views", "--out", "fit.ply", "--splat", "fit.splat", "--quiet-progress"]
    assert_refused(work, *argv, capsys=capsys, words=words)


def test_the_library_refuses_zero_counts() -> None:
    """fit_gaussians itself, under the CLI: zero steps or views per step are refused, not a NaN PSNR."""
    from videomv.gaussians.fit import fit_gaussians

    images, cams = torch.zeros(2, 3, 8, 8), orbit_cameras(2, 8)
    for option in ("steps", "views_per_step", "num_gaussians"):
        with pytest.raises(ValueError, match=f"{option} must be at least 1"):
            fit_gaussians(images, cams, progress=False, **{option: 0})
