"""Gaussians container, .ply and .splat I/O."""

import math

import numpy as np
import pytest
import torch

from videomv.gaussians import Gaussians, load_ply, rasterize, save_ply, save_splat
from videomv.gaussians.sh import C0


def random_gaussians(n=50, sh_degree=3, seed=0):
    gen = torch.Generator().manual_seed(seed)
    return Gaussians(
        torch.randn(n, 3, generator=gen) * 0.3,
        torch.randn(n, 4, generator=gen),
        torch.randn(n, 3, generator=gen) - 3.5,
        torch.randn(n, generator=gen) * 2,
        torch.randn(n, (sh_degree + 1) ** 2, 3, generator=gen) * 0.4,
    )


@pytest.mark.parametrize("sh_degree", [0, 1, 3])
def test_ply_round_trip_is_exact(tmp_path, sh_degree):
    g = random_gaussians(sh_degree=sh_degree)
    path = tmp_path / "model.ply"
    save_ply(g, path)
    back = load_ply(path)
    for name in ("means", "quats", "log_scales", "opacity_logits", "sh"):
        assert torch.equal(getattr(back, name), getattr(g, name)), name
    assert not list(tmp_path.glob(".*tmp"))  # the atomic write leaves no temporary behind


def test_ply_layout_is_the_3dgs_one(tmp_path):
    g = random_gaussians(n=3, sh_degree=1)
    save_ply(g, tmp_path / "m.ply")
    data = (tmp_path / "m.ply").read_bytes()
    header, body = data.split(b"end_header\n")
    lines = header.decode().splitlines()
    assert lines[:3] == ["ply", "format binary_little_endian 1.0", "element vertex 3"]
    names = [line.split()[-1] for line in lines if line.startswith("property float")]
    assert names[:9] == ["x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2"]
    assert names[9:18] == [f"f_rest_{i}" for i in range(9)]
    assert names[18:] == ["opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
    rows = np.frombuffer(body, dtype="<f4").reshape(3, len(names))
    # f_rest is channel-major: the 3 degree-1 coefficients of red first, then green, then blue.
    np.testing.assert_array_equal(rows[:, 9:12], g.sh[:, 1:, 0].numpy())
    np.testing.assert_array_equal(rows[:, 12:15], g.sh[:, 1:, 1].numpy())
    np.testing.assert_array_equal(rows[:, 3:6], 0)
    np.testing.assert_array_equal(rows[:, 22:26], g.quats.numpy())


def test_reads_lgm_reduced_layout(tmp_path):
    # LGM's save_ply: x y z f_dc_0..2 opacity scale_0..2 rot_0..3, no normals, no f_rest.
    names = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity"]
    names += ["scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
    rgb = np.array([[1.0, 0.5, 0.0], [0.2, 0.2, 0.9]], dtype=np.float32)
    rows = np.zeros((2, len(names)), dtype="<f4")
    rows[:, 0:3] = [[0.1, 0.2, 0.3], [-0.5, 0.0, 0.25]]
    rows[:, 3:6] = (rgb - 0.5) / C0
    rows[:, 6] = [0.0, 2.0]
    rows[:, 7:10] = math.log(0.02)
    rows[:, 10:14] = [[1, 0, 0, 0], [0.5, 0.5, 0.5, 0.5]]
    header = "ply\nformat binary_little_endian 1.0\nelement vertex 2\n"
    header += "".join(f"property float {n}\n" for n in names) + "end_header\n"
    path = tmp_path / "lgm.ply"
    path.write_bytes(header.encode() + rows.tobytes())
    g = load_ply(path)
    assert g.sh_degree == 0 and len(g) == 2
    torch.testing.assert_close(g.rgb, torch.from_numpy(rgb))
    torch.testing.assert_close(g.opacities, torch.sigmoid(torch.tensor([0.0, 2.0])))
    torch.testing.assert_close(g.scales, torch.full((2, 3), 0.02))


def test_truncated_or_corrupt_ply_gives_one_line_error(tmp_path):
    path = tmp_path / "m.ply"
    save_ply(random_gaussians(n=10), path)
    data = path.read_bytes()
    path.write_bytes(data[:-7])
    with pytest.raises(ValueError, match="truncated PLY") as info:
        load_ply(path)
    assert "\n" not in str(info.value)
    path.write_bytes(b"not a ply at all")
    with pytest.raises(ValueError, match="not a PLY"):
        load_ply(path)
    header = b"ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float x\nend_header\n"
    path.write_bytes(header + b"\0" * 4)
    with pytest.raises(ValueError, match="missing properties"):
        load_ply(path)


def test_splat_layout(tmp_path):
    g = random_gaussians(n=20, sh_degree=1)
    path = tmp_path / "m.splat"
    save_splat(g, path)
    data = path.read_bytes()
    assert len(data) == 32 * 20
    rec = np.frombuffer(data, dtype=[("pos", "<f4", 3), ("scale", "<f4", 3), ("rgba", "u1", 4), ("rot", "u1", 4)])
    importance = np.exp(g.log_scales.sum(1).numpy()) * g.opacities.numpy()
    order = np.argsort(-importance, kind="stable")
    np.testing.assert_array_equal(rec["pos"], g.means.numpy()[order])
    np.testing.assert_allclose(rec["scale"], g.scales.numpy()[order], rtol=1e-6)
    assert np.all(np.diff(np.prod(rec["scale"], 1) * rec["rgba"][:, 3] / 255.0) <= 1e-6)
    rgb = np.clip(0.5 + C0 * g.sh[:, 0].numpy(), 0, 1)[order]
    np.testing.assert_allclose(rec["rgba"][:, :3] / 255.0, rgb, atol=0.5 / 255 + 1e-6)
    quat = g.rotations.numpy()[order]
    np.testing.assert_allclose((rec["rot"].astype(np.float32) - 128) / 128, quat, atol=1 / 128 + 1e-3)


def test_container_helpers():
    g = random_gaussians(n=10, sh_degree=2)
    h = random_gaussians(n=4, sh_degree=0, seed=1)
    both = Gaussians.cat([g, h])
    assert len(both) == 14 and both.sh_degree == 2
    assert torch.equal(both.sh[10:, 1:], torch.zeros(4, 8, 3))
    assert torch.equal(both[-1].means, h.means[-1:]) and len(both[2:5]) == 3
    kept = g.prune(0.5)
    assert torch.equal(kept.opacity_logits, g.opacity_logits[g.opacities >= 0.5])
    with pytest.raises(ValueError, match="shape"):
        Gaussians(g.means, g.quats[:3], g.log_scales, g.opacity_logits, g.sh)
    bad = g.clone()
    bad.sh[0, 0, 0] = float("inf")
    with pytest.raises(ValueError, match="sh has non-finite"):
        bad.validate()
    act = Gaussians.from_activated(g.means, g.quats, g.scales, g.opacities, g.rgb)
    torch.testing.assert_close(act.rgb, g.rgb)
    torch.testing.assert_close(act.opacity_logits, g.opacity_logits, atol=1e-4, rtol=1e-4)


def test_transform_moves_model_and_view_dependent_colour_with_it():
    g = random_gaussians(n=30, sh_degree=2)
    angle = 0.7
    rot = torch.tensor(
        [[math.cos(angle), -math.sin(angle), 0.0], [math.sin(angle), math.cos(angle), 0.0], [0.0, 0.0, 1.0]]
    )
    rot = rot @ torch.tensor([[1.0, 0, 0], [0, 0.6, -0.8], [0, 0.8, 0.6]])
    shift, scale = torch.tensor([0.3, -0.2, 0.5]), 1.7
    moved = g.transform(rot, shift, scale)
    c2w = torch.eye(4)
    c2w[:3, 3] = torch.tensor([0.0, 0.0, -2.0])
    intr = torch.tensor([[40.0, 40.0, 16.0, 16.0]])
    c2w_moved = c2w.clone()
    c2w_moved[:3, :3] = rot @ c2w[:3, :3]
    c2w_moved[:3, 3] = scale * rot @ c2w[:3, 3] + shift
    a = rasterize(g, (c2w, intr), 32, 32)
    b = rasterize(moved, (c2w_moved, intr), 32, 32)
    torch.testing.assert_close(b.rgb, a.rgb, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(b.depth, a.depth * scale, atol=1e-4, rtol=1e-4)
