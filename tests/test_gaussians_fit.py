"""Fitting, orbit videos and the ``videomv render`` / ``videomv fit`` commands."""

import math

import imageio.v2 as imageio
import pytest
import torch

from videomv.gaussians import (
    Gaussians,
    fit_gaussians,
    load_ply,
    psnr,
    rasterize,
    render_orbit_video,
    rgb_to_sh,
    save_ply,
)


def orbit_cameras(num, size, radius=2.0, elevation=20.0, fov=40.0, start=0.0):
    """(c2w, intrinsics) of OpenCV cameras on a circle around the origin, world z up."""
    f = 0.5 * size / math.tan(math.radians(fov) / 2)
    c2ws = []
    el = math.radians(elevation)
    for i in range(num):
        az = start + 2 * math.pi * i / num
        pos = radius * torch.tensor([math.cos(el) * math.cos(az), math.cos(el) * math.sin(az), math.sin(el)])
        fwd = -pos / pos.norm()
        right = torch.linalg.cross(fwd, torch.tensor([0.0, 0.0, 1.0]))
        right = right / right.norm()
        c2w = torch.eye(4)
        c2w[:3, 0], c2w[:3, 1], c2w[:3, 2], c2w[:3, 3] = right, torch.linalg.cross(fwd, right), fwd, pos
        c2ws.append(c2w)
    return torch.stack(c2ws), torch.tensor([[f, f, size / 2, size / 2]] * num)


def blob(n=60, seed=0):
    gen = torch.Generator().manual_seed(seed)
    return Gaussians(
        torch.randn(n, 3, generator=gen) * 0.25,
        torch.randn(n, 4, generator=gen),
        torch.full((n, 3), math.log(0.08)),
        torch.full((n,), 2.0),
        rgb_to_sh(torch.rand(n, 3, generator=gen))[:, None],
    )


def render_views(g, cams, size):
    with torch.no_grad():
        out = rasterize(g, cams, size, size)
    return torch.cat([out.rgb, out.alpha], 1).clamp(0, 1)


def test_fit_tiny_scene_improves_psnr():
    size = 32
    cams = orbit_cameras(6, size)
    images = render_views(blob(), cams, size)
    kwargs = dict(num_gaussians=300, views_per_step=2, densify_from=20, densify_interval=20, progress=False)
    g, history = fit_gaussians(images, cams, steps=80, seed=0, **kwargs)
    assert len(history["psnr"]) == 80 and len(g) > 0
    target = images[:, :3] * images[:, 3:] + (1 - images[:, 3:])
    before = psnr(rasterize(blob(seed=1), cams, size, size, 1.0).rgb.clamp(0, 1), target)
    after = psnr(rasterize(g, cams, size, size, 1.0).rgb.clamp(0, 1), target)
    assert after > 18.0 and after > before + 5.0, (before, after)
    # Seeded: the same call gives the same model.
    again, _ = fit_gaussians(images, cams, steps=5, seed=3, **kwargs)
    same, _ = fit_gaussians(images, cams, steps=5, seed=3, **kwargs)
    assert torch.equal(again.means, same.means)


def test_fit_rejects_bad_images():
    cams = orbit_cameras(2, 8)
    with pytest.raises(ValueError, match="non-empty"):
        fit_gaussians(torch.zeros(2, 4, 0, 8), cams, steps=1, progress=False)
    with pytest.raises(ValueError, match="2 cameras"):
        fit_gaussians(torch.zeros(3, 3, 8, 8), cams, steps=1, progress=False)
    with pytest.raises(ValueError, match="non-finite"):
        fit_gaussians(torch.full((2, 3, 8, 8), float("nan")), cams, steps=1, progress=False)


@pytest.mark.parametrize("name", ["orbit.gif", "orbit.mp4", "frames"])
def test_orbit_video_outputs(tmp_path, name):
    path = render_orbit_video(blob(), orbit_cameras(4, 16), tmp_path / name, 16, 16, fps=8)
    if path.is_dir():
        assert sorted(p.name for p in path.iterdir()) == ["000.png", "001.png", "002.png", "003.png"]
    else:
        frames = imageio.mimread(path)
        assert len(frames) == 4 and frames[0].shape[:2] == (16, 16)
    assert not list(tmp_path.glob(".*"))


def test_cli_render_and_fit(tmp_path, capsys):
    from videomv.cameras import Cameras
    from videomv.cli.main import main
    from videomv.data.format import MultiViewSample, write_sample

    save_ply(blob(), tmp_path / "m.ply")
    assert main(["render", str(tmp_path / "m.ply"), "--views", "3", "--size", "16", "--out", str(tmp_path / "o")]) == 0
    assert len(list((tmp_path / "o").glob("*.png"))) == 3

    c2w, intrinsics = orbit_cameras(4, 24, elevation=15.0)
    cams = Cameras(c2w, intrinsics, 24, 24)
    write_sample(tmp_path / "views", MultiViewSample(render_views(blob(), cams, 24), cams))
    argv = ["fit", str(tmp_path / "views"), "--out", str(tmp_path / "fit.ply"), "--steps", "3"]
    argv += ["--num-gaussians", "100", "--quiet-progress", "--eval", str(tmp_path / "views")]
    assert main(argv) == 0
    assert len(load_ply(tmp_path / "fit.ply")) > 0
    assert "eval PSNR" in capsys.readouterr().out
    assert main(["render", str(tmp_path / "missing.ply"), "--out", str(tmp_path / "x.gif")]) == 2
