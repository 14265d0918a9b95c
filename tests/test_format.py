"""Tests of the on-disk multi-view format: round trip, atomic writes, validation errors."""

import json

import numpy as np
import pytest
import torch
from PIL import Image

from box_samples import box_sample
from videomv.cameras import Cameras, convert_pose, orbit
from videomv.cli.main import main
from videomv.data import MultiViewFormatError, MultiViewSample, read_sample, write_sample
from videomv.data.geometry import check_geometry, hull_iou


def make_sample(views: int = 4, size: int = 16, seed: int = 0) -> MultiViewSample:
    g = torch.Generator().manual_seed(seed)
    images = (torch.randint(0, 256, (views, 4, size, size), generator=g) / 255.0).float()
    return MultiViewSample(images, orbit(views, 15.0, 2.0, size=size), "a red box", {"source": "test"})


@pytest.fixture
def sample_dir(tmp_path):
    return write_sample(tmp_path / "obj", make_sample())


def test_round_trip_is_exact_for_8_bit_images(sample_dir):
    original = make_sample()
    loaded = read_sample(sample_dir)
    torch.testing.assert_close(loaded.images, original.images, atol=0, rtol=0)
    torch.testing.assert_close(loaded.cameras.c2w, original.cameras.c2w, atol=1e-6, rtol=0)
    torch.testing.assert_close(loaded.cameras.intrinsics, original.cameras.intrinsics)
    assert loaded.caption == "a red box" and loaded.meta == {"source": "test"}


def test_cameras_json_records_angles_and_convention(sample_dir):
    record = json.loads((sample_dir / "cameras.json").read_text())
    assert record["convention"] == "opencv"
    assert [v["file"] for v in record["views"]] == ["000.png", "001.png", "002.png", "003.png"]
    assert [round(v["azimuth"]) for v in record["views"]] == [0, 90, 180, 270]
    assert all(v["elevation"] == pytest.approx(15.0, abs=1e-4) for v in record["views"])


def test_other_conventions_are_converted_on_read(sample_dir):
    record = json.loads((sample_dir / "cameras.json").read_text())
    from videomv.cameras import convert_pose

    for view in record["views"]:
        view["c2w"] = convert_pose(torch.tensor(view["c2w"]), "opencv", "opengl").tolist()
    record["convention"] = "opengl"
    (sample_dir / "cameras.json").write_text(json.dumps(record))
    torch.testing.assert_close(read_sample(sample_dir).cameras.c2w, make_sample().cameras.c2w, atol=1e-6, rtol=0)


def test_written_sample_is_readable_by_others(tmp_path):
    path = write_sample(tmp_path / "obj", make_sample())
    assert path.stat().st_mode & 0o005 == 0o005


def test_write_refuses_to_overwrite_and_replaces_only_when_asked(tmp_path):
    path = write_sample(tmp_path / "obj", make_sample(seed=1))
    with pytest.raises(FileExistsError, match="overwrite"):
        write_sample(path, make_sample(seed=2))
    write_sample(path, make_sample(seed=2), overwrite=True)
    torch.testing.assert_close(read_sample(path).images, make_sample(seed=2).images)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["obj"]


def test_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken_save(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(Image.Image, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        write_sample(tmp_path / "obj", make_sample())
    assert list(tmp_path.iterdir()) == []


def edit_record(folder, edit):
    record = json.loads((folder / "cameras.json").read_text())
    edit(record)
    (folder / "cameras.json").write_text(json.dumps(record))


@pytest.mark.parametrize(
    ("damage", "file", "message"),
    [
        (lambda d: (d / "002.png").unlink(), "002.png", "missing"),
        (lambda d: Image.new("RGBA", (16, 16)).save(d / "009.png"), "009.png", "not listed"),
        (lambda d: Image.new("L", (16, 16)).save(d / "001.png"), "001.png", "mode L"),
        (lambda d: Image.new("RGBA", (8, 16)).save(d / "001.png"), "001.png", "8x16"),
        (lambda d: (d / "003.png").write_bytes(b"not a png"), "003.png", "not a readable PNG"),
        (lambda d: (d / "cameras.json").unlink(), "cameras.json", "missing"),
        (lambda d: (d / "cameras.json").write_text("{"), "cameras.json", "not valid JSON"),
        (lambda d: edit_record(d, lambda r: r["views"].pop()), "003.png", "not listed"),
        (
            lambda d: edit_record(d, lambda r: r["views"][1]["c2w"][0].__setitem__(0, 3.0)),
            "cameras.json",
            "not orthonormal",
        ),
        (
            lambda d: edit_record(d, lambda r: r["views"][2]["c2w"][1].__setitem__(3, float("nan"))),
            "cameras.json",
            "view 2 .*NaN",
        ),
        (
            lambda d: edit_record(d, lambda r: r["views"][0].__setitem__("elevation", 40.0)),
            "cameras.json",
            "elevation 40.0 disagrees",
        ),
        (
            lambda d: edit_record(d, lambda r: r.__setitem__("convention", "colmap")),
            "cameras.json",
            "unknown camera convention",
        ),
        (lambda d: edit_record(d, lambda r: r["views"][1].__setitem__("file", "../x.png")), "cameras.json", "'file'"),
    ],
)
def test_validation_names_the_bad_file(sample_dir, damage, file, message):
    damage(sample_dir)
    with pytest.raises(MultiViewFormatError, match=message) as info:
        read_sample(sample_dir)
    assert str(info.value).startswith(str(sample_dir / file))
    assert "\n" not in str(info.value)


def test_rgb_views_are_read_with_opaque_alpha(sample_dir):
    Image.fromarray(np.zeros((16, 16, 3), np.uint8)).save(sample_dir / "000.png")
    sample = read_sample(sample_dir)
    assert (sample.images[0, 3] == 1.0).all() and (sample.images[0, :3] == 0.0).all()


def test_sample_checks_counts_and_finite_values():
    cameras = orbit(3, 15.0, 2.0, size=8)
    with pytest.raises(ValueError, match="2 images but 3 cameras"):
        MultiViewSample(torch.zeros(2, 4, 8, 8), cameras)
    with pytest.raises(ValueError, match="NaN"):
        MultiViewSample(torch.full((3, 4, 8, 8), float("nan")), cameras)
    with pytest.raises(ValueError, match="16x16 but cameras are for 8x8"):
        MultiViewSample(torch.zeros(3, 4, 16, 16), cameras)


def test_cli_validate_reports_bad_samples(tmp_path, capsys):
    write_sample(tmp_path / "good", box_sample())
    bad = write_sample(tmp_path / "bad", box_sample())
    (bad / "001.png").unlink()
    assert main(["data", "validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "1 of 2 samples valid" in out and "001.png: missing" in out
    assert main(["data", "validate", str(tmp_path / "good")]) == 0


def test_cli_reports_a_missing_folder_in_one_line(tmp_path, capsys):
    assert main(["data", "validate", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("videomv: error:") and "nowhere" in err and err.count("\n") == 1


def test_overwrite_replaces_only_a_sample_and_only_if_it_holds_nothing_else(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.txt").write_text("years of work")
    with pytest.raises(FileExistsError, match="not a multi-view sample folder of ours"):
        write_sample(tmp_path / "mine", make_sample(), overwrite=True)
    path = write_sample(tmp_path / "obj", make_sample(seed=1))
    (path / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match=r"notes\.txt"):
        write_sample(path, make_sample(seed=2), overwrite=True)
    assert (tmp_path / "mine" / "thesis.txt").read_text() == "years of work"
    assert (path / "notes.txt").read_text() == "mine"
    torch.testing.assert_close(read_sample(path).images, make_sample(seed=1).images)


def test_write_refuses_a_destination_under_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError, match="is not a folder"):
        write_sample(tmp_path / "file" / "obj", make_sample())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def _cameras_with(cameras: Cameras, c2w: torch.Tensor) -> Cameras:
    return Cameras(c2w, cameras.intrinsics, cameras.width, cameras.height)


def test_geometry_check_passes_true_views_and_names_the_views_that_do_not_fit():
    sample = box_sample(views=12, size=32)
    iou = hull_iou(sample.cameras, sample.rgba[:, 3:])
    assert iou.min() > 0.75, iou
    check_geometry(sample, "s/cameras.json")
    flipped = MultiViewSample(
        sample.images, _cameras_with(sample.cameras, convert_pose(sample.cameras.c2w, "opencv", "blender"))
    )
    with pytest.raises(MultiViewFormatError, match=r"^s/cameras.json: .*behind or outside views view 0, view 1"):
        check_geometry(flipped, "s/cameras.json")
    c2w = sample.cameras.c2w.clone()
    c2w[4, :3, :3] = c2w[4, :3, :3] @ torch.tensor([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    rolled = MultiViewSample(sample.images, _cameras_with(sample.cameras, c2w))
    names = [f"{i:03d}.png" for i in range(12)]
    with pytest.raises(MultiViewFormatError, match=r"silhouettes of views 004\.png \(0\.\d\d\) disagree"):
        check_geometry(rolled, "s/cameras.json", names)


def test_geometry_check_skips_views_without_background():
    # RGB samples (opaque alpha) have no silhouettes: only the centre is checked.
    sample = box_sample(views=8, size=16)
    opaque = MultiViewSample(sample.images[:, :3], sample.cameras)
    assert hull_iou(opaque.cameras, opaque.rgba[:, 3:]).isnan().all()
    check_geometry(opaque, "s")
