"""Evaluation: image metrics, the paper's protocols and reports."""

from .metrics import LPIPS_UNAVAILABLE, lpips, mean_finite, psnr, score_views, ssim

__all__ = ["LPIPS_UNAVAILABLE", "lpips", "mean_finite", "psnr", "score_views", "ssim"]
