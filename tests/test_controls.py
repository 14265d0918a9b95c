"""Honest controls of ``videomv eval views``: blur-copy, model-reversed, paired statistics, the blur search."""

from __future__ import annotations

import math

import pytest
import torch

from videomv.cameras import orbit
from videomv.evaluation import EvalObject, ViewsProtocol
from videomv.evaluation.controls import (
    choose_blur_sigma,
    gaussian_blur,
    matte,
    paired_difference,
    reversed_order,
    uncomposite,
)
from videomv.evaluation.methods import BlurCopyMethod, CopyInputMethod, ReversedMethod, split_alpha
from videomv.evaluation.report import paired_comparisons

VIEWS, SIZE = 6, 24


def turning_object(name: str = "thing") -> EvalObject:
    """An object whose views follow the camera: a disc that moves right as the azimuth grows.

    Views at azimuth +a and -a differ (the disc sits right or left of centre), so a reversed
    pairing is visibly wrong; the background is white and the alpha is the disc.
    """
    rows, cols = torch.meshgrid(torch.arange(SIZE), torch.arange(SIZE), indexing="ij")
    views, alpha = torch.ones(VIEWS, 3, SIZE, SIZE), torch.zeros(VIEWS, 1, SIZE, SIZE)
    for i in range(VIEWS):
        shift = 6 * math.sin(2 * math.pi * i / VIEWS)
        inside = ((rows - SIZE / 2) ** 2 + (cols - SIZE / 2 - shift) ** 2) < 25
        alpha[i, 0] = inside.float()
        views[i] = torch.where(inside, torch.tensor([0.8, 0.2, 0.1])[:, None, None] * (0.6 + rows / SIZE), views[i])
    return EvalObject(name, orbit(VIEWS, 15.0, 1.7, size=SIZE), views.clamp(0, 1), alpha)


class FixedViews:
    """A stand-in for the model method: fixed views, whatever the object."""

    name = "model"

    def __init__(self, views: torch.Tensor) -> None:
        self.views = views

    def generate(self, obj: EvalObject, seed: int) -> torch.Tensor:
        return self.views.clone()


def novel_means(obj: EvalObject, views: torch.Tensor) -> dict[str, float]:
    return ViewsProtocol().score(obj, views, "any")["mean"]


def test_blur_copy_with_sigma_to_zero_is_copy_input() -> None:
    obj = turning_object()
    copy = CopyInputMethod().generate(obj, 0)
    for sigma in (0.0, 1e-3):
        torch.testing.assert_close(BlurCopyMethod(sigma).generate(obj, 0), copy, rtol=0, atol=1e-6)
    assert copy.shape == (VIEWS, 4, SIZE, SIZE)  # the input view's alpha comes along
    blurred = BlurCopyMethod(2.0).generate(obj, 0)
    assert novel_means(obj, blurred)["psnr"] != novel_means(obj, copy)["psnr"]


def test_gaussian_blur_of_a_point_is_the_normalised_kernel() -> None:
    image = torch.zeros(1, 1, 21, 21)
    image[0, 0, 10, 10] = 1.0
    sigma = 1.7
    offsets = torch.arange(-10, 11, dtype=torch.float32)
    g = torch.exp(-(offsets**2) / (2 * sigma**2))
    g = g / g[offsets.abs() <= math.ceil(4 * sigma)].sum()  # the kernel is cut at 4 sigma
    g[offsets.abs() > math.ceil(4 * sigma)] = 0
    torch.testing.assert_close(gaussian_blur(image, sigma)[0, 0], g[:, None] * g[None, :])
    flat = torch.full((2, 3, 8, 8), 0.4)
    torch.testing.assert_close(gaussian_blur(flat, 30.0), flat)  # replicated edges: no darkening
    with pytest.raises(ValueError, match="sigma"):
        gaussian_blur(flat, -1.0)


def test_the_blur_search_finds_the_blur_that_made_the_views() -> None:
    torch.manual_seed(0)
    objects = []
    for _ in range(3):
        condition = torch.rand(3, 16, 16)
        views = torch.cat([condition[None], gaussian_blur(condition[None], 2.0).expand(3, -1, -1, -1)])
        objects.append((views, condition))
    search = choose_blur_sigma(objects, sigmas=(0.0, 1.0, 2.0, 3.0))
    assert search.sigma == 2.0 and search.objects == 3 and search.scores[2.0]["psnr"] == math.inf
    assert choose_blur_sigma(objects, sigmas=(0.0, 1.0, 3.0)).sigma in (1.0, 3.0)
    with pytest.raises(ValueError, match="no objects"):
        choose_blur_sigma([])


def test_reversed_pairing_of_a_turning_model_scores_below_its_true_pairing() -> None:
    obj = turning_object()
    perfect = FixedViews(obj.views)  # views that follow the camera exactly
    true, reversed_ = (
        novel_means(obj, perfect.generate(obj, 0)),
        novel_means(obj, ReversedMethod(perfect).generate(obj, 0)),
    )
    assert true["psnr"] == math.inf and reversed_["psnr"] < 30.0
    assert reversed_["ssim"] < true["ssim"]
    assert reversed_order(5) == [0, 4, 3, 2, 1]


def test_reversed_pairing_of_a_constant_model_scores_the_same() -> None:
    obj = turning_object()
    constant = FixedViews(gaussian_blur(obj.views[:1], 1.5).expand(VIEWS, -1, -1, -1))
    true, reversed_ = (
        novel_means(obj, constant.generate(obj, 0)),
        novel_means(obj, ReversedMethod(constant).generate(obj, 0)),
    )
    assert true == pytest.approx(reversed_)


def test_paired_difference_by_hand() -> None:
    a = {"x": 20.0, "y": 18.0, "z": 25.0, "w": 30.0, "missing": 10.0, "perfect": math.inf}
    b = {"x": 19.0, "y": 18.5, "z": 22.0, "w": 29.0, "perfect": 40.0}
    diff = paired_difference(a, b)
    # Differences 1.0, -0.5, 3.0, 1.0 (no partner / not finite: left out).
    mean = (1.0 - 0.5 + 3.0 + 1.0) / 4
    sd = math.sqrt(((1.0 - mean) ** 2 + (-0.5 - mean) ** 2 + (3.0 - mean) ** 2 + (1.0 - mean) ** 2) / 3)
    assert diff.n == 4 and diff.wins == 3
    assert diff.mean == pytest.approx(mean) and diff.se == pytest.approx(sd / 2)
    assert paired_difference({"x": 1.0}, {"x": 0.5}).se is None  # one object: no spread
    assert paired_difference({"x": 1.0}, {"y": 0.5}) is None


def test_paired_comparisons_give_every_method_and_the_turn_score() -> None:
    def result(psnr: float) -> dict:
        return {"status": "ok", "mean": {"psnr": psnr}}

    scores = {"a": (20.0, 18.0, 17.0), "b": (22.0, 21.0, 22.5), "c": (15.0, 15.0, 14.0)}
    methods = ["copy-input", "model", "model-reversed"]
    record = {
        "methods": methods, "headline": ["psnr"],
        "objects": {name: {"status": "ok", "methods": {m: result(v) for m, v in zip(methods, values, strict=True)}}
                    for name, values in scores.items()},
    }  # fmt: skip
    compared = paired_comparisons(record)
    assert compared["reference"] == "model" and set(compared["minus"]) == {"copy-input", "model-reversed"}
    turn = compared["turn"]["psnr"]
    expected = paired_difference({k: v[1] for k, v in scores.items()}, {k: v[2] for k, v in scores.items()})
    assert turn == expected.as_dict() and turn["mean"] == pytest.approx((1.0 - 1.5 + 1.0) / 3)


def test_uncompositing_round_trips_and_the_matte_finds_the_object() -> None:
    obj = turning_object()
    straight = uncomposite(obj.views, obj.alpha)
    torch.testing.assert_close(straight * obj.alpha + (1 - obj.alpha), obj.views)
    torch.testing.assert_close(matte(obj.views), obj.alpha)  # saturated colour on white: a clean matte
    rgb, alpha = split_alpha(CopyInputMethod().generate(obj, 0))
    assert rgb.shape[1] == 3 and alpha.shape[1] == 1
