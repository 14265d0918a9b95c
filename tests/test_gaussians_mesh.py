"""Meshes from Gaussians (videomv.gaussians.mesh*), ``videomv mesh``, ``render --path`` and ``eval mesh``."""

import json
import math

import numpy as np
import pytest
import torch

from mesh_fixtures import sphere_gaussians
from videomv.cameras import orbit
from videomv.gaussians import Gaussians, rasterize, save_ply
from videomv.gaussians.mesh import MeshOptions, _Grid, density_grids, gaussians_to_mesh
from videomv.gaussians.mesh_io import save_mesh
from videomv.gaussians.mesh_raster import rasterize_triangles, render_mesh

trimesh = pytest.importorskip("trimesh")
pytest.importorskip("mcubes")
pytest.importorskip("xatlas")

SMALL = MeshOptions(resolution=48, target_faces=3000, texture_size=128)


@pytest.fixture(scope="module")
def sphere_mesh():
    gaussians = sphere_gaussians()
    return gaussians, gaussians_to_mesh(gaussians, SMALL)


def closed(shape) -> bool:
    """Watertight once the copies of vertices along texture seams are merged."""
    shape = shape.copy()
    shape.merge_vertices(merge_tex=True, merge_norm=True)
    return bool(shape.is_watertight and shape.is_winding_consistent)


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    return float(-10 * np.log10(((a - b) ** 2).mean()))


def test_density_grid_matches_a_direct_sum():
    gen = torch.Generator().manual_seed(3)
    g = Gaussians(
        torch.rand(6, 3, generator=gen) * 0.4 - 0.2,
        torch.randn(6, 4, generator=gen),
        torch.log(torch.rand(6, 3, generator=gen) * 0.08 + 0.02),
        torch.randn(6, generator=gen),
        torch.rand(6, 1, 3, generator=gen),
    )
    grid = _Grid(torch.full((3,), -0.5, dtype=torch.float64), 1.0 / 31, (32, 32, 32))
    density, colour = density_grids(g, grid)
    axis = -0.5 + torch.arange(32, dtype=torch.float64) / 31
    points = torch.stack(torch.meshgrid(axis, axis, axis, indexing="ij"), -1).reshape(-1, 3).float()
    from videomv.gaussians import quat_to_matrix

    rot = quat_to_matrix(g.quats)
    precision = rot @ torch.diag_embed(g.scales**-2) @ rot.transpose(1, 2)
    delta = points[:, None, :] - g.means[None]
    maha = torch.einsum("pni,nij,pnj->pn", delta, precision, delta)
    weight = g.opacities * torch.exp(-0.5 * maha) * (maha < 9)
    # Grid points beyond a Gaussian's reach (3 sigmas of its widest axis) are not visited.
    torch.testing.assert_close(density.reshape(-1), weight.sum(1), atol=2e-5, rtol=1e-4)
    torch.testing.assert_close(colour.reshape(-1, 3), weight @ g.rgb, atol=2e-5, rtol=1e-4)


def test_sphere_mesh_is_closed_and_the_right_size(sphere_mesh):
    _, mesh = sphere_mesh
    shape = trimesh.Trimesh(mesh.vertices, mesh.faces, process=False)
    assert closed(shape)
    assert shape.volume > 0  # outward normals
    radius = (3 * shape.volume / (4 * math.pi)) ** (1 / 3)
    assert 0.4 < radius < 0.47  # the Gaussians' centres at 0.4, the surface a little outside them
    assert len(mesh.faces) <= 3000 and mesh.info["pieces_kept"] == 1


def test_mesh_renders_match_the_gaussian_renders(sphere_mesh):
    gaussians, mesh = sphere_mesh
    cams = orbit(4, 20.0, 2.0, 39.6, 64)
    with torch.no_grad():
        ref = rasterize(gaussians, cams, 64, 64, 1.0, "torch")
    images, covered = render_mesh(mesh, cams.c2w.numpy(), cams.intrinsics.numpy(), 64, 64)
    silhouette = ref.alpha[:, 0].numpy() > 0.5
    iou = (covered & silhouette).sum() / (covered | silhouette).sum()
    assert iou > 0.9
    assert psnr(images, ref.rgb.permute(0, 2, 3, 1).numpy()) > 22.0
    untextured = type(mesh)(mesh.vertices, mesh.faces, mesh.vertex_colors)
    plain, _ = render_mesh(untextured, cams.c2w.numpy(), cams.intrinsics.numpy(), 64, 64)
    assert psnr(plain, ref.rgb.permute(0, 2, 3, 1).numpy()) > 22.0


def test_floaters_are_dropped_and_cavities_filled():
    shell = sphere_gaussians(n=2000)
    floater = sphere_gaussians(n=20, radius=0.02, seed=1).transform(translation=torch.tensor([0.8, 0.0, 0.0]))
    mesh = gaussians_to_mesh(Gaussians.cat([shell, floater]), MeshOptions(resolution=40, texture_size=0))
    assert mesh.info["pieces"] == 2 and mesh.info["pieces_kept"] == 1
    shape = trimesh.Trimesh(mesh.vertices, mesh.faces, process=False)
    assert len(shape.split(only_watertight=False)) == 1  # one surface: no floater, no inner wall of the shell
    assert mesh.vertices[:, 0].max() < 0.6


def test_rasterizer_keeps_the_nearest_triangle_and_covers_without_cracks():
    square = np.array([[[0, 0], [8, 0], [8, 8]], [[0, 0], [8, 8], [0, 8]]], dtype=np.float64)
    frags = rasterize_triangles(square, 8, 8)
    assert frags.mask.all()  # two triangles sharing a diagonal: no pixel lost on the edge
    near_far = np.concatenate([square[:1], square[:1]])
    frags = rasterize_triangles(near_far, 8, 8, depth=np.array([[2.0, 2.0, 2.0], [1.0, 1.0, 1.0]]))
    assert set(np.unique(frags.face)) == {-1, 1}
    torch.testing.assert_close(torch.from_numpy(frags.bary.sum(-1)[frags.mask]), torch.ones(int(frags.mask.sum())))


@pytest.mark.parametrize("suffix", [".glb", ".obj", ".ply"])
def test_mesh_files_load_back_coloured(sphere_mesh, tmp_path, suffix):
    _, mesh = sphere_mesh
    written = save_mesh(mesh, tmp_path / f"model{suffix}", up="y")
    expected = {".obj": ["model.png", "model.mtl", "model.obj"]}.get(suffix, [f"model{suffix}"])
    assert [p.name for p in written] == expected
    loaded = trimesh.load(tmp_path / f"model{suffix}")
    if isinstance(loaded, trimesh.Scene):
        loaded = loaded.to_geometry()
    assert len(loaded.faces) == len(mesh.faces) and closed(loaded)
    kind = "ColorVisuals" if suffix == ".ply" else "TextureVisuals"
    assert type(loaded.visual).__name__ == kind
    # y up: the model's z extent is now along y.
    np.testing.assert_allclose(loaded.vertices[:, 1].max(), mesh.vertices[:, 2].max(), atol=1e-5)
    assert not list(tmp_path.glob(".*tmp"))


def test_mesh_cli_writes_a_glb(tmp_path):
    from videomv.cli.main import main

    save_ply(sphere_gaussians(n=1500), tmp_path / "model.ply")
    argv = ["mesh", str(tmp_path / "model.ply"), "--out", str(tmp_path / "model.glb"), "--resolution", "32",
            "--target-faces", "1000", "--texture-size", "64", "--quiet-progress"]  # fmt: skip
    assert main(argv) == 0
    loaded = trimesh.load(tmp_path / "model.glb").to_geometry()
    assert closed(loaded) and len(loaded.faces) <= 1000


def test_render_path_cameras_json_renders_those_cameras(tmp_path):
    from videomv.cli.main import main
    from videomv.data.format import MultiViewSample, write_sample

    g = sphere_gaussians(n=500)
    save_ply(g, tmp_path / "model.ply")
    cams = orbit(3, 30.0, 1.8, 50.0, (24, 16))
    write_sample(tmp_path / "sample", MultiViewSample(torch.zeros(3, 4, 16, 24), cams))
    assert main(["render", str(tmp_path / "model.ply"), "--out", str(tmp_path / "frames"),
                 "--path", str(tmp_path / "sample" / "cameras.json")]) == 0  # fmt: skip
    from PIL import Image

    frames = np.stack([np.asarray(Image.open(tmp_path / "frames" / f"{i:03d}.png")) for i in range(3)])
    with torch.no_grad():
        ref = rasterize(g, cams, 24, 16, 1.0, "auto").rgb.permute(0, 2, 3, 1)
    np.testing.assert_array_equal(frames, (ref.clamp(0, 1) * 255).round().to(torch.uint8).numpy())


def test_render_path_spiral_climbs(tmp_path, monkeypatch):
    import videomv.gaussians
    from videomv.cli.main import main

    seen = {}

    def fake_render(gaussians, cameras, width, height, *args, **kwargs):
        seen["c2w"] = cameras[0]
        return np.zeros((len(cameras[0]), height, width, 3), dtype=np.uint8)

    monkeypatch.setattr(videomv.gaussians, "render_frames", fake_render)
    save_ply(sphere_gaussians(n=50), tmp_path / "model.ply")
    argv = ["render", str(tmp_path / "model.ply"), "--out", str(tmp_path / "f"), "--path", "spiral", "--views", "5",
            "--elevation-range", "-10", "50", "--size", "8"]  # fmt: skip
    assert main(argv) == 0
    heights = seen["c2w"][:, 2, 3]
    assert (heights[1:] > heights[:-1]).all()


def test_mesh_scores_of_known_shapes():
    from videomv.evaluation.mesh import sample_surface, score_points

    sphere = trimesh.creation.icosphere(subdivisions=4, radius=0.5)
    points = sample_surface(sphere.vertices, sphere.faces, 20000, seed=0)
    same = score_points(points, sample_surface(sphere.vertices, sphere.faces, 20000, seed=1), (0.01, 0.05))
    assert same.chamfer < 0.01 and same.fscore[0.05] == 1.0  # the samples' own spacing
    bigger = score_points(points * 1.1, points, (0.01, 0.1))
    assert bigger.accuracy == pytest.approx(0.05, abs=0.003)  # radius 0.55 against 0.5
    assert bigger.fscore[0.01] < 0.1 and bigger.fscore[0.1] == 1.0


def test_eval_mesh_cli_normalises_the_truth(tmp_path):
    from videomv.cli.main import main

    trimesh.creation.icosphere(subdivisions=4, radius=3.0).export(tmp_path / "truth.ply")  # raw units
    (trimesh.creation.icosphere(subdivisions=4, radius=0.5)).export(tmp_path / "pred.ply")  # normalised frame
    trimesh.creation.icosphere(subdivisions=4, radius=0.6).export(tmp_path / "big.ply")
    meshes = [str(tmp_path / "pred.ply"), str(tmp_path / "big.ply")]
    argv = ["eval", "mesh", *meshes, "--truth", str(tmp_path / "truth.ply"), "--out", str(tmp_path / "eval"),
            "--points", "20000"]  # fmt: skip
    assert main(argv) == 0
    metrics = json.loads((tmp_path / "eval" / "metrics.json").read_text())["meshes"]
    assert metrics["pred.ply"]["chamfer"] < 0.01 and metrics["pred.ply"]["fscore@0.05"] > 0.99
    assert metrics["big.ply"]["chamfer"] > 0.08
    assert "| pred.ply |" in (tmp_path / "eval" / "report.md").read_text()
