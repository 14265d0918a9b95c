"""The consistency protocol rates views of one 3D object above views that disagree."""

import pytest
import torch

from videomv.cameras import orbit
from videomv.evaluation.consistency import fit_consistency, split_views
from videomv.gaussians import Gaussians, rasterize


def scene(seed: int) -> Gaussians:
    g = torch.Generator().manual_seed(seed)
    n = 300
    means = (torch.rand(n, 3, generator=g) - 0.5) * 0.8
    colors = torch.rand(n, 3, generator=g)
    return Gaussians.from_activated(
        means, torch.tensor([[1.0, 0, 0, 0]]).expand(n, 4), torch.full((n, 3), 0.05), torch.full((n,), 0.9), colors
    )


def test_split_is_even_fit_odd_score():
    assert split_views(6) == ([0, 2, 4], [1, 3, 5])


def test_consistent_views_score_higher_than_inconsistent_ones():
    cameras = orbit(12, 20.0, 2.0, size=32)
    views = rasterize(scene(0), cameras, 32, 32, torch.ones(3)).rgb.clamp(0, 1)
    other = rasterize(scene(1), cameras, 32, 32, torch.ones(3)).rgb.clamp(0, 1)
    mixed = views.clone()
    mixed[1::2] = other[1::2]  # the scored half shows another object
    options = dict(steps=150, num_gaussians=1500, densify=False, seed=0)
    good = fit_consistency(views, cameras, **options).summary()
    bad = fit_consistency(mixed, cameras, **options).summary()
    assert good["psnr"] > bad["psnr"] + 3.0
    assert good["ssim"] > bad["ssim"]


def test_true_views_fit_better_with_their_alpha_than_without() -> None:
    # Without alpha the fit must paint the white background with Gaussians that then float in
    # front of the held-out cameras; the alpha says the background is empty (issue 25).
    cameras = orbit(12, 20.0, 2.0, size=32)
    rendered = rasterize(scene(0), cameras, 32, 32, torch.ones(3))
    views, alpha = rendered.rgb.clamp(0, 1), rendered.alpha.clamp(0, 1)
    options = dict(steps=150, num_gaussians=1500, densify=False, seed=0)
    with_alpha = fit_consistency(views, cameras, alpha=alpha, **options)
    without = fit_consistency(views, cameras, **options)
    assert with_alpha.summary()["psnr"] > without.summary()["psnr"] + 1.0
    assert with_alpha.summary()["ssim"] > without.summary()["ssim"]
    assert with_alpha.eval_views == without.eval_views == [1, 3, 5, 7, 9, 11]  # the same views, the same targets


def test_alpha_must_match_the_views() -> None:
    cameras = orbit(4, 20.0, 2.0, size=8)
    with pytest.raises(ValueError, match="alpha must be"):
        fit_consistency(torch.ones(4, 3, 8, 8), cameras, alpha=torch.ones(4, 1, 4, 4), steps=1)
