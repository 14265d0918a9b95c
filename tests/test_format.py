"""Tests of the on-disk multi-view format: round trip, atomic writes, validation errors."""

import json

import numpy as np
import pytest
import torch
from PIL import Image

from videomv.cameras import orbit
from videomv.cli.main import main
from videomv.data import MultiViewFormatError, MultiViewSample, read_sample, write_sample


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
    write_sample(tmp_path / "good", make_sample())
    bad = write_sample(tmp_path / "bad", make_sample())
    (bad / "001.png").unlink()
    assert main(["data", "validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "1 of 2 samples valid" in out and "001.png: missing" in out
    assert main(["data", "validate", str(tmp_path / "good")]) == 0


def test_cli_reports_a_missing_folder_in_one_line(tmp_path, capsys):
    assert main(["data", "validate", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("videomv: error:") and "nowhere" in err and err.count("\n") == 1
