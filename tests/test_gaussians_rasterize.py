"""Rasterizer tests: torch (fused numba kernels) and tiled against the dense reference, gradients, bad input."""

import math
from types import SimpleNamespace

import pytest
import torch

from videomv.gaussians import Gaussians, _fused, rasterize, select_backend

needs_numba = pytest.mark.skipif(not _fused.fused_available(), reason="numba not importable: no fused kernels")


def look_at_cameras(positions, size, fov=40.0, target=(0.0, 0.0, 0.0)):
    """(c2w, intrinsics) for OpenCV cameras at `positions` looking at `target`, world z up."""
    f = 0.5 * size / math.tan(math.radians(fov) / 2)
    c2ws = []
    for pos in positions:
        pos = torch.tensor(pos, dtype=torch.float32)
        fwd = torch.tensor(target) - pos
        fwd = fwd / fwd.norm()
        right = torch.linalg.cross(fwd, torch.tensor([0.0, 0.0, 1.0]))
        right = right / right.norm()
        down = torch.linalg.cross(fwd, right)
        c2w = torch.eye(4)
        c2w[:3, 0], c2w[:3, 1], c2w[:3, 2], c2w[:3, 3] = right, down, fwd, pos
        c2ws.append(c2w)
    intrinsics = torch.tensor([[f, f, size / 2, size / 2]] * len(positions))
    return torch.stack(c2ws), intrinsics


def hard_scene(seed=0, sh_degree=1):
    """A scene with every case the tiling and culling must get right, seen from +x at 2.5."""
    gen = torch.Generator().manual_seed(seed)

    def rand(*shape):
        return torch.rand(*shape, generator=gen)

    parts = []
    # Random cloud around the origin, mixed sizes and opacities.
    parts.append((torch.randn(60, 3, generator=gen) * 0.4, rand(60, 3) * 2 - 4.5, rand(60) * 6 - 3))
    # Behind the camera (x > 2.5 is behind a camera at x = 2.5 looking at -x).
    parts.append((torch.tensor([[3.0, 0.0, 0.0], [4.0, 0.2, -0.1]]), torch.full((2, 3), -2.0), torch.ones(2)))
    # Straddling the near plane (near = 0.3 below): centre just in front and just behind it.
    parts.append((torch.tensor([[2.15, 0.02, 0.0], [2.25, -0.05, 0.03]]), torch.full((2, 3), -2.5), torch.ones(2)))
    # Straddling the image border (the image spans about +-0.9 at x = 0).
    parts.append(
        (
            torch.tensor([[0.0, 0.93, 0.0], [0.0, -0.2, 0.9], [0.0, -0.91, -0.92]]),
            torch.full((3, 3), -2.5),
            torch.ones(3) * 2,
        )
    )
    # Very large (covers the whole image) and very small (sub-pixel) scales.
    parts.append((torch.tensor([[-1.0, 0.0, 0.0]]), torch.full((1, 3), 0.5), torch.full((1,), -1.5)))
    parts.append((rand(5, 3) * 0.5 - 0.25, torch.full((5, 3), -9.0), torch.full((5,), 4.0)))
    # Many overlapping, nearly opaque layers on one line of sight: early termination.
    layers = torch.zeros(40, 3)
    layers[:, 0] = torch.linspace(0.8, -0.8, 40)
    parts.append((layers + 0.1, torch.full((40, 3), -2.2), torch.full((40,), 5.0)))

    means = torch.cat([p[0] for p in parts])
    log_scales = torch.cat([p[1] for p in parts])
    logits = torch.cat([p[2] for p in parts])
    n = means.shape[0]
    sh = torch.randn(n, (sh_degree + 1) ** 2, 3, generator=gen) * 0.3
    return Gaussians(means, torch.randn(n, 4, generator=gen), log_scales, logits, sh)


def render_both(gaussians, cams, width, height, backends=("torch", "reference"), **kwargs):
    params = [gaussians.means, gaussians.quats, gaussians.log_scales, gaussians.opacity_logits, gaussians.sh]
    for p in params:
        p.requires_grad_(True)
    gen = torch.Generator().manual_seed(1)
    weights = None
    results = {}
    for backend in backends:
        out = rasterize(gaussians, cams, width, height, backend=backend, **kwargs)
        if weights is None:
            weights = [torch.randn(t.shape, generator=gen) for t in (out.rgb, out.alpha, out.depth)]
        loss = sum((w * t).sum() for w, t in zip(weights, (out.rgb, out.alpha, out.depth * out.alpha), strict=True))
        results[backend] = (out, torch.autograd.grad(loss, params))
    return results


@pytest.mark.parametrize("backend", ["torch", "tiled"])
@pytest.mark.parametrize("size", [(48, 40), (33, 50)])
def test_torch_matches_reference_values_and_gradients(size, backend):
    width, height = size
    gaussians = hard_scene()
    cams = look_at_cameras([(2.5, 0.0, 0.0), (0.0, 2.5, 0.8)], size=width)
    res = render_both(
        gaussians, cams, width, height, (backend, "reference"), background=torch.tensor([0.1, 0.4, 0.8]), near=0.3
    )
    (out_t, grads_t), (out_r, grads_r) = res[backend], res["reference"]
    assert torch.equal(out_t.radii, out_r.radii)
    # The case list is really exercised: culled ones exist, early termination happens.
    assert (out_t.radii == 0).any() and (out_t.alpha > 0.999).any()
    for name in ("rgb", "alpha", "depth"):
        torch.testing.assert_close(getattr(out_t, name), getattr(out_r, name), atol=2e-5, rtol=1e-5)
    # Gradients: the tiled backward recomputes with a different summation order and divides
    # by (1 - alpha) >= 0.01, so allow 1e-4 of each gradient's scale.
    for g_t, g_r in zip(grads_t, grads_r, strict=True):
        assert torch.isfinite(g_t).all()
        torch.testing.assert_close(g_t, g_r, atol=1e-4 * g_r.abs().max().item() + 1e-6, rtol=1e-3)


@pytest.mark.parametrize("backend", ["torch", "tiled"])
def test_torch_gradients_match_finite_differences(backend):
    gen = torch.Generator().manual_seed(3)
    n = 4
    base = Gaussians(
        torch.randn(n, 3, generator=gen, dtype=torch.float64) * 0.2,
        torch.randn(n, 4, generator=gen, dtype=torch.float64),
        torch.full((n, 3), -1.6, dtype=torch.float64) + 0.2 * torch.rand(n, 3, generator=gen, dtype=torch.float64),
        torch.full((n,), -0.5, dtype=torch.float64),  # opacity 0.38: no cap, no termination
        torch.randn(n, 4, 3, generator=gen, dtype=torch.float64) * 0.3,
    )
    c2w, intr = look_at_cameras([(2.0, 0.3, 0.2)], size=12)
    cams = (c2w.double(), intr.double())

    def render(means, quats, log_scales, logits, sh):
        out = rasterize(Gaussians(means, quats, log_scales, logits, sh), cams, 12, 12, 0.3, backend)
        return out.rgb, out.alpha, out.depth * out.alpha

    inputs = tuple(
        t.clone().requires_grad_(True) for t in (base.means, base.quats, base.log_scales, base.opacity_logits, base.sh)
    )
    assert torch.autograd.gradcheck(render, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, fast_mode=True)


def cloud(num, seed=0, needles=False):
    """A dense random cloud seen from +x at 2.5 (many layers: early termination); ``needles``
    makes every splat long and thin, so its bounding box is mostly empty."""
    gen = torch.Generator().manual_seed(seed)
    log_scales = torch.randn(num, 3, generator=gen) * 0.4 - 3.8
    if needles:
        log_scales[:, 0] += 2.5
    return Gaussians(
        torch.randn(num, 3, generator=gen) * 0.3,
        torch.randn(num, 4, generator=gen),
        log_scales,
        torch.randn(num, generator=gen) * 2,
        torch.rand(num, 1, 3, generator=gen) - 0.5,
    )


def assert_renders_close(res, a, b, atol=1e-5):
    (out_a, grads_a), (out_b, grads_b) = res[a], res[b]
    for name in ("rgb", "alpha", "depth"):
        torch.testing.assert_close(getattr(out_a, name), getattr(out_b, name), atol=atol, rtol=1e-5)
    for g_a, g_b in zip(grads_a, grads_b, strict=True):
        torch.testing.assert_close(g_a, g_b, atol=1e-4 * g_b.abs().max().item() + 1e-7, rtol=1e-3)


@needs_numba
def test_torch_backend_runs_the_fused_kernels_on_cpu(monkeypatch):
    calls = []
    real = _fused.composite_fused
    monkeypatch.setattr(_fused, "composite_fused", lambda *a, **k: calls.append(1) or real(*a, **k))
    rasterize(hard_scene(sh_degree=0), look_at_cameras([(2.5, 0, 0)], size=16), 16, 16, backend="torch")
    assert calls == [1]


def test_without_numba_torch_backend_is_the_tiled_path(monkeypatch):
    monkeypatch.setitem(_fused._STATE, "kernels", None)
    monkeypatch.setitem(_fused._STATE, "error", ImportError("no numba here"))
    assert not _fused.fused_available()
    g, cams = hard_scene(sh_degree=0), look_at_cameras([(2.5, 0, 0)], size=24)
    torch.testing.assert_close(
        rasterize(g, cams, 24, 24, backend="torch").rgb, rasterize(g, cams, 24, 24, backend="tiled").rgb, atol=0, rtol=0
    )


@needs_numba
@pytest.mark.parametrize("needles", [False, True])
def test_fused_matches_tiled_on_dense_clouds(needles):
    """1500 splats in 2 views: deep stacks and early termination; needles check that ellipse
    binning and per-row spans keep every pixel the square-box tiled path composites."""
    cams = look_at_cameras([(2.5, 0.0, 0.0), (0.3, 2.4, 0.6)], size=64)
    res = render_both(cloud(1500, needles=needles), cams, 64, 56, ("torch", "tiled"), background=0.3)
    assert (res["tiled"][0].alpha > 0.999).float().mean() > 0.05  # termination is exercised
    assert_renders_close(res, "torch", "tiled")


@needs_numba
def test_ellipse_binning_has_fewer_pairs_than_square_boxes():
    from videomv.gaussians._tiled import TILE, bin_splats
    from videomv.gaussians.projection import project

    cams = look_at_cameras([(2.5, 0.0, 0.0)], size=64)
    proj = project(cloud(1500, needles=True).detach(), *cams, 64, 64)
    args = (proj.means2d, proj.conics, proj.opacities, proj.extents, proj.depths, 64, 64)
    ellipse = _fused.plan_render(*args, tile=TILE).splat_ids.size
    square = bin_splats(proj.means2d, proj.extents, proj.depths, 64, 64).splat_ids.numel()
    assert ellipse < 0.8 * square


@needs_numba
def test_fused_result_does_not_depend_on_tiles_or_threads(monkeypatch):
    from videomv.gaussians.projection import project

    monkeypatch.setattr(_fused, "_MIN_PARALLEL_PAIRS", 0)  # use the pool even for this small render
    cams = look_at_cameras([(2.5, 0.0, 0.0), (0.0, 2.5, 0.8)], size=40)
    proj = project(cloud(600, seed=2).detach(), *cams, 40, 36)
    inputs = [proj.means2d, proj.conics, proj.opacities, torch.cat([proj.colors, proj.depths[..., None]], -1)]
    inputs = [t.detach().requires_grad_(True) for t in inputs]
    weights = torch.randn(2, 5, 36, 40, generator=torch.Generator().manual_seed(0))
    threads = torch.get_num_threads()
    results = {}
    try:
        for tile in (8, 16, 32):
            for count in (1, 3):
                torch.set_num_threads(count)
                feats, alpha = _fused.composite_fused(
                    *inputs, proj.extents, proj.depths, torch.full((2, 4), 0.2), 40, 36, tile=tile
                )
                out = torch.cat([feats, alpha], 1)
                results[tile, count] = (out, torch.autograd.grad((out * weights).sum(), inputs))
    finally:
        torch.set_num_threads(threads)
    for tile in (8, 16, 32):  # threads split tiles, never a tile: bit for bit the same
        assert torch.equal(results[tile, 1][0], results[tile, 3][0])
        assert all(torch.equal(a, b) for a, b in zip(results[tile, 1][1], results[tile, 3][1], strict=True))
    for tile in (8, 32):  # the same fragments in the same order: equal to rounding
        torch.testing.assert_close(results[tile, 1][0], results[16, 1][0], atol=1e-6, rtol=1e-6)
        for a, b in zip(results[tile, 1][1], results[16, 1][1], strict=True):
            torch.testing.assert_close(a, b, atol=1e-6 * b.abs().max().item(), rtol=1e-5)


def test_single_gaussian_lands_where_projected():
    c2w, intr = look_at_cameras([(0.0, -2.0, 0.0)], size=32, fov=60.0)
    g = Gaussians(
        torch.zeros(1, 3),
        torch.tensor([[1.0, 0, 0, 0]]),
        torch.full((1, 3), math.log(0.05)),
        torch.tensor([3.0]),
        torch.zeros(1, 1, 3),
    )
    out = rasterize(g, (c2w, intr), 32, 32, backend="torch")
    peak = torch.nonzero(out.alpha[0, 0] == out.alpha.max())
    assert peak.float().mean(0).tolist() == [15.5, 15.5]  # centre of the image: pixels 15, 16
    # sigma = 0.05 * f / 2 px; alpha at the peak pixel centre (0.5 px off in x and y).
    sigma2 = (0.05 * intr[0, 0].item() / 2.0) ** 2 + 0.3
    expected = torch.sigmoid(torch.tensor(3.0)) * math.exp(-0.5 * 0.5 / sigma2)
    assert out.alpha.max().item() == pytest.approx(expected.item(), rel=1e-4)
    assert out.depth[0, 0, 15, 15].item() == pytest.approx(2.0, rel=1e-5)
    assert out.num_visible.tolist() == [1]


def test_cameras_accepted_as_object_or_tuple_and_batched():
    g = hard_scene(sh_degree=0)
    c2w, intr = look_at_cameras([(2.5, 0, 0), (0, 2.5, 0), (-2.5, 0, 1)], size=24)
    batched = rasterize(g, SimpleNamespace(c2w=c2w, intrinsics=intr), 24, 24)
    single = rasterize(g, (c2w[1], intr[1]), 24, 24)
    assert batched.rgb.shape == (3, 3, 24, 24) and batched.radii.shape == (3, len(g))
    torch.testing.assert_close(batched.rgb[1:2], single.rgb)


def test_bad_inputs_raise_clear_errors():
    g = hard_scene(sh_degree=0)
    cams = look_at_cameras([(2.5, 0, 0)], size=16)
    with pytest.raises(ValueError, match="image size"):
        rasterize(g, cams, 0, 16)
    with pytest.raises(ValueError, match="intrinsics"):
        rasterize(g, SimpleNamespace(c2w=cams[0]), 16, 16)
    bad = g.clone()
    bad.means[3, 1] = float("nan")
    with pytest.raises(ValueError, match="means has non-finite"):
        rasterize(bad, cams, 16, 16)
    with pytest.raises(ValueError, match="unknown rasterizer backend"):
        rasterize(g, cams, 16, 16, backend="cuda")


def test_backend_selection_without_gsplat(monkeypatch):
    from videomv.gaussians import _gsplat

    assert select_backend("auto", torch.device("cpu")) == "torch"
    monkeypatch.setattr(_gsplat, "gsplat_available", lambda: False)
    assert select_backend("auto", torch.device("cuda")) == "torch"
    monkeypatch.setattr(_gsplat, "gsplat_available", lambda: True)
    assert select_backend("auto", torch.device("cuda")) == "gsplat"
    assert select_backend("reference", torch.device("cuda")) == "reference"
    monkeypatch.undo()
    # Asked for explicitly on CPU tensors: a clear error either way.
    expected = ValueError if _gsplat.gsplat_available() else ImportError
    with pytest.raises(expected, match=r"videomv\[gsplat\]|CUDA"):
        rasterize(hard_scene(sh_degree=0), look_at_cameras([(2.5, 0, 0)], size=8), 8, 8, backend="gsplat")


def test_explicit_gsplat_is_checked_when_selected(monkeypatch):
    """Asked for where it cannot run, gsplat is refused by select_backend, before any work."""
    from videomv.gaussians import _gsplat

    monkeypatch.setattr(_gsplat, "gsplat_available", lambda: False)
    with pytest.raises(ImportError, match=r"videomv\[gsplat\]"):
        select_backend("gsplat", torch.device("cuda"))
    monkeypatch.setattr(_gsplat, "gsplat_available", lambda: True)
    with pytest.raises(ValueError, match="CUDA"):
        select_backend("gsplat", torch.device("cpu"))
    assert select_backend("gsplat", torch.device("cuda")) == "gsplat"
