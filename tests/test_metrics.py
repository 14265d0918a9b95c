"""Image metrics against hand-computed values, identities, and sensitivity to misalignment."""

import math

import pytest
import torch

from videomv.evaluation import LPIPS_UNAVAILABLE, lpips, psnr, score_views, ssim


def test_psnr_matches_hand_computed_values():
    target = torch.zeros(2, 3, 4, 4)
    pred = target.clone()
    pred[0] += 0.1  # MSE 0.01 -> 20 dB
    pred[1, :, :2] = 0.5  # half the pixels off by 0.5: MSE 0.125 -> 9.0309 dB
    torch.testing.assert_close(psnr(pred, target), torch.tensor([20.0, 10 * math.log10(8.0)]))


def test_masked_psnr_scores_only_the_foreground():
    target = torch.zeros(1, 3, 4, 4)
    pred = target.clone()
    pred[..., :, 2:] = 1.0  # errors only where the mask is 0
    mask = torch.zeros(1, 1, 4, 4)
    mask[..., :, :2] = 1.0
    assert psnr(pred, target, mask).item() == math.inf
    pred[..., 0, 0] = 0.2  # one masked pixel off by 0.2 in 3 channels of 8 masked pixels: MSE 0.005
    assert psnr(pred, target, mask).item() == pytest.approx(10 * math.log10(200.0), abs=1e-4)


def test_identical_images_score_infinite_psnr_and_unit_ssim():
    images = torch.rand(3, 3, 16, 16, generator=torch.Generator().manual_seed(0))
    assert torch.isinf(psnr(images, images.clone())).all()
    torch.testing.assert_close(ssim(images, images.clone()), torch.ones(3))


def test_ssim_matches_the_formula_on_constant_images():
    # Constant images: SSIM reduces to the luminance term (2 mu_x mu_y + C1) / (mu_x^2 + mu_y^2 + C1).
    a, b = torch.full((1, 1, 16, 16), 0.2), torch.full((1, 1, 16, 16), 0.6)
    c1 = 0.01**2
    expected = (2 * 0.2 * 0.6 + c1) / (0.2**2 + 0.6**2 + c1)
    assert ssim(a, b).item() == pytest.approx(expected, rel=1e-4)


def test_a_view_shifted_by_a_few_pixels_scores_worse():
    g = torch.Generator().manual_seed(1)
    view = torch.nn.functional.avg_pool2d(torch.rand(1, 3, 68, 68, generator=g), 5, stride=1)  # smooth texture
    reference = view[..., :60, :60]
    shifted = view[..., 3:63, 2:62]
    near = reference + 0.01 * torch.randn(reference.shape, generator=g)
    assert psnr(shifted, reference) < psnr(near, reference)
    assert ssim(shifted, reference) < ssim(near, reference)


def test_bad_inputs_are_clear_errors():
    a = torch.zeros(1, 3, 16, 16)
    with pytest.raises(ValueError, match="one shape"):
        psnr(a, torch.zeros(1, 3, 8, 8))
    with pytest.raises(ValueError, match="NaN"):
        psnr(a, torch.full_like(a, float("nan")))
    with pytest.raises(ValueError, match="mask is empty"):
        psnr(a, a, torch.zeros(1, 1, 16, 16))
    with pytest.raises(ValueError, match="at least 11x11"):
        ssim(torch.zeros(1, 3, 8, 8), torch.zeros(1, 3, 8, 8))


def test_lpips_is_skipped_with_a_note_without_local_weights():
    a = torch.rand(2, 3, 32, 32)
    value = lpips(a, a)
    if value is None:
        assert LPIPS_UNAVAILABLE and LPIPS_UNAVAILABLE[0].startswith("LPIPS skipped:")
    else:
        assert value.shape == (2,) and (value.abs() < 1e-4).all()
    scores = score_views(a, a, torch.ones(2, 1, 32, 32))
    assert set(scores) == {"psnr", "ssim", "lpips", "psnr_masked", "ssim_masked"}
    assert scores["ssim_masked"] == pytest.approx([1.0, 1.0])
