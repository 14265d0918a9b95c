"""Readers of external layouts (G-Objaverse, Zero123/EscherNet, SyncDreamer) on fixtures written the way
those projects' render scripts write them."""

import json
import math
import os
import pickle

import numpy as np
import pytest
import torch
from PIL import Image

from box_samples import box_views
from videomv.cameras import from_spherical, orbit
from videomv.cli.main import main
from videomv.data import MultiViewFormatError, read_gobjaverse, read_sample, read_syncdreamer, read_zero123
from videomv.data.external import ZERO123_FOV_DEG, load_numpy_pickle

SIZE = 12


def truth(n: int = 4):
    return from_spherical(torch.arange(n) * (360.0 / n), 20.0, 1.6, fov=39.6, size=SIZE)


def write_png(path, value: int) -> None:
    pixels = np.full((SIZE, SIZE, 4), value, np.uint8)
    pixels[..., 3] = 255
    Image.fromarray(pixels, "RGBA").save(path)


def write_gobjaverse(root, cameras):
    folder = root / "campos_512_v4"
    for i in range(len(cameras)):
        view = folder / f"{i:05d}"
        view.mkdir(parents=True)
        c2w = cameras.c2w[i].double().numpy()
        fov = 2 * math.atan(0.5 * SIZE / float(cameras.intrinsics[i, 0]))
        meta = {
            "x": c2w[:3, 0].tolist(),
            "y": c2w[:3, 1].tolist(),
            "z": c2w[:3, 2].tolist(),
            "origin": c2w[:3, 3].tolist(),
            "x_fov": fov,
            "y_fov": fov,
            "max_depth": 5.0,
        }
        (view / f"{i:05d}.json").write_text(json.dumps(meta))
        write_png(view / f"{i:05d}.png", 10 * i)
    return folder


def w2c_34(cameras) -> np.ndarray:
    return cameras.w2c[:, :3, :].double().numpy()


def test_gobjaverse_reader_recovers_cameras_and_views(tmp_path):
    cameras = truth()
    write_gobjaverse(tmp_path / "obj", cameras)
    sample = read_gobjaverse(tmp_path / "obj")
    torch.testing.assert_close(sample.cameras.c2w, cameras.c2w, atol=1e-6, rtol=0)
    torch.testing.assert_close(sample.cameras.intrinsics, cameras.intrinsics, atol=1e-4, rtol=0)
    assert [round(float(v) * 255) for v in sample.images[:, 0, 0, 0]] == [0, 10, 20, 30]
    subset = read_gobjaverse(tmp_path / "obj", views=[3, 1])
    torch.testing.assert_close(subset.cameras.c2w, cameras.c2w[[3, 1]], atol=1e-6, rtol=0)


def test_gobjaverse_reader_names_a_broken_json(tmp_path):
    folder = write_gobjaverse(tmp_path / "obj", truth())
    (folder / "00002" / "00002.json").write_text(json.dumps({"x": [1, 0, 0]}))
    with pytest.raises(MultiViewFormatError, match=r"00002\.json: needs x, y, z, origin"):
        read_gobjaverse(folder)


def blender_rt(location: np.ndarray) -> np.ndarray:
    """The ``.npy`` pose Zero123's and EscherNet's render scripts save for a camera at ``location``.

    Their Blender camera tracks the origin (``TRACK_TO``, track -Z, up Y): its -z axis points at
    the object, its y axis as close to world +z as possible. ``get_3x4_RT_matrix_from_blender``
    then stores world-to-camera ``[R | t]`` of that Blender camera, with no flip to OpenCV axes.
    Written from first principles, not with videomv's conversions, so it checks them.
    """
    forward = -location / np.linalg.norm(location)
    right = np.cross(forward, [0.0, 0.0, 1.0])
    right /= np.linalg.norm(right)
    up = np.cross(right, forward)
    rotation = np.stack([right, up, -forward], axis=1)  # camera-to-world, Blender camera axes
    return np.concatenate([rotation.T, (-rotation.T @ location)[:, None]], axis=1)


def write_zero123(folder, cameras) -> None:
    """A Zero123 render folder of a box seen by ``cameras`` (poses as the render script saves them)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (view, centre) in enumerate(zip(box_views(cameras), cameras.centers, strict=True)):
        Image.fromarray((view.permute(1, 2, 0).numpy() * 255).round().astype(np.uint8), "RGBA").save(
            folder / f"{i:03d}.png"
        )
        np.save(folder / f"{i:03d}.npy", blender_rt(centre.double().numpy()))


def test_zero123_reader_reads_blender_poses(tmp_path):
    cameras = orbit(6, 20.0, 1.6, fov=39.6, size=SIZE)
    write_zero123(tmp_path, cameras)
    sample = read_zero123(tmp_path, fov=39.6)
    torch.testing.assert_close(sample.cameras.c2w, cameras.c2w, atol=1e-5, rtol=0)
    # Every camera looks at the object: the origin projects to the image centre, in front.
    uv, depth = sample.cameras.project(torch.zeros(1, 3))
    torch.testing.assert_close(uv[:, 0], torch.full((6, 2), SIZE / 2), atol=1e-4, rtol=0)
    assert (depth > 0).all()
    assert sample.meta["source"] == "zero123"


def test_zero123_reader_on_random_cameras_looks_at_the_object(tmp_path):
    # EscherNet and Zero123 draw camera positions at random on a sphere shell around the object.
    rng = np.random.default_rng(0)
    folder = tmp_path / "views"
    folder.mkdir()
    for i in range(5):
        location = rng.normal(size=3)
        location *= rng.uniform(1.5, 2.2) / np.linalg.norm(location)
        np.save(folder / f"{i:03d}.npy", blender_rt(location))
        write_png(folder / f"{i:03d}.png", i)
    sample = read_zero123(folder)
    uv, depth = sample.cameras.project(torch.zeros(1, 3))
    torch.testing.assert_close(uv[:, 0], torch.full((5, 2), SIZE / 2), atol=1e-4, rtol=0)
    assert (depth[:, 0] > 1.4).all()


def test_zero123_renders_convert_to_a_sample_that_validates(tmp_path, capsys):
    write_zero123(tmp_path / "views", orbit(8, 20.0, 1.7, fov=ZERO123_FOV_DEG, size=32))
    out = tmp_path / "converted"
    assert main(["data", "convert", str(tmp_path / "views"), str(out), "--from", "zero123"]) == 0
    assert main(["data", "validate", str(out)]) == 0, capsys.readouterr().out


def test_poses_read_in_the_wrong_convention_fail_validation(tmp_path, capsys):
    # The old reader's mistake, made the other way round: OpenCV poses stored where Blender ones belong.
    cameras = orbit(8, 20.0, 1.7, fov=ZERO123_FOV_DEG, size=32)
    write_zero123(tmp_path / "views", cameras)
    for i, pose in enumerate(w2c_34(cameras)):
        np.save(tmp_path / "views" / f"{i:03d}.npy", pose)
    assert main(["data", "convert", str(tmp_path / "views"), str(tmp_path / "out"), "--from", "zero123"]) == 0
    capsys.readouterr()
    assert main(["data", "validate", str(tmp_path / "out")]) == 1
    out = capsys.readouterr().out
    assert "behind or outside views 000.png, 001.png" in out and "camera convention" in out


def test_syncdreamer_reader_uses_meta_pkl(tmp_path):
    cameras = truth(3)
    K = cameras.K[0].double().numpy()
    # SyncDreamer's render script flips the Blender pose's y and z rows into OpenCV axes (cam_rec).
    poses = np.stack([np.diag([1.0, -1.0, -1.0]) @ blender_rt(c.double().numpy()) for c in cameras.centers])
    meta = [K, np.zeros(3), np.zeros(3), np.full(3, 1.6), poses]
    (tmp_path / "meta.pkl").write_bytes(pickle.dumps(meta))
    for i in range(3):
        write_png(tmp_path / f"{i:03d}.png", i)
    sample = read_syncdreamer(tmp_path)
    torch.testing.assert_close(sample.cameras.c2w, cameras.c2w, atol=1e-6, rtol=0)
    torch.testing.assert_close(sample.cameras.intrinsics, cameras.intrinsics, atol=1e-5, rtol=0)
    assert sample.meta["source"] == "syncdreamer"


class Exploit:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def test_pickles_that_would_run_code_are_refused(tmp_path):
    (tmp_path / "meta.pkl").write_bytes(pickle.dumps(Exploit()))
    with pytest.raises(MultiViewFormatError, match="refusing to load"):
        load_numpy_pickle(tmp_path / "meta.pkl")


def test_zero123_reader_reports_a_missing_pose(tmp_path):
    write_png(tmp_path / "000.png", 0)
    with pytest.raises(MultiViewFormatError, match=r"000\.npy: missing"):
        read_zero123(tmp_path)


def test_each_reader_points_to_the_other_layout(tmp_path):
    write_png(tmp_path / "000.png", 0)
    np.save(tmp_path / "000.npy", np.zeros((3, 4)))
    with pytest.raises(MultiViewFormatError, match=r"meta\.pkl: missing.*--from zero123"):
        read_syncdreamer(tmp_path)


def test_cli_convert_writes_a_valid_sample(tmp_path, capsys):
    write_gobjaverse(tmp_path / "obj", truth())
    out = tmp_path / "converted"
    assert main(["data", "convert", str(tmp_path / "obj"), str(out), "--from", "gobjaverse", "--caption", "a mug"]) == 0
    sample = read_sample(out)
    assert len(sample) == 4 and sample.caption == "a mug"
    torch.testing.assert_close(sample.cameras.c2w, truth().c2w, atol=1e-6, rtol=0)
