"""Readers of external layouts (G-Objaverse, Zero123, SyncDreamer) on fixtures written here."""

import json
import math
import os
import pickle

import numpy as np
import pytest
import torch
from PIL import Image

from videomv.cameras import from_spherical
from videomv.cli.main import main
from videomv.data import MultiViewFormatError, read_gobjaverse, read_sample, read_syncdreamer
from videomv.data.external import load_numpy_pickle

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


def test_zero123_reader_inverts_world_to_camera(tmp_path):
    cameras = truth()
    for i, pose in enumerate(w2c_34(cameras)):
        np.save(tmp_path / f"{i:03d}.npy", pose)
        write_png(tmp_path / f"{i:03d}.png", i)
    sample = read_syncdreamer(tmp_path, fov=39.6)
    torch.testing.assert_close(sample.cameras.c2w, cameras.c2w, atol=1e-6, rtol=0)
    # A world point projects to the same pixel through the read cameras.
    point = torch.tensor([[0.1, -0.2, 0.15]])
    torch.testing.assert_close(sample.cameras.project(point)[0], cameras.project(point)[0], atol=1e-4, rtol=0)
    assert sample.meta["source"] == "zero123"


def test_syncdreamer_reader_uses_meta_pkl(tmp_path):
    cameras = truth(3)
    K = cameras.K[0].double().numpy()
    meta = (K, np.zeros(3), np.zeros(3), np.full(3, 1.6), w2c_34(cameras))
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
        read_syncdreamer(tmp_path)


def test_cli_convert_writes_a_valid_sample(tmp_path, capsys):
    write_gobjaverse(tmp_path / "obj", truth())
    out = tmp_path / "converted"
    assert main(["data", "convert", str(tmp_path / "obj"), str(out), "--from", "gobjaverse", "--caption", "a mug"]) == 0
    sample = read_sample(out)
    assert len(sample) == 4 and sample.caption == "a mug"
    torch.testing.assert_close(sample.cameras.c2w, truth().c2w, atol=1e-6, rtol=0)
