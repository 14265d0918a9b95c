"""Image metrics of generated views against references: PSNR, SSIM, and LPIPS where available.

Images are ``(N, 3, H, W)`` floats in [0, 1]. Every metric returns one value per image so
protocols can report per-view numbers and averages. ``mask`` (``(N, 1, H, W)``, 1 = object)
restricts PSNR and SSIM to the foreground: the SSIM map is computed on the full frame (its
window needs context) and averaged over masked pixels only.

PSNR and SSIM come from torchmetrics and need nothing else. LPIPS needs torchvision and the
backbone weights in the local torch hub cache; without them ``lpips_metric`` returns None and
``LPIPS_UNAVAILABLE`` says why, and reports print that note instead of a number.
"""

from __future__ import annotations

import math
from pathlib import Path

import torch

_LPIPS_CACHE: dict[str, torch.nn.Module] = {}
LPIPS_UNAVAILABLE: list[str] = []


def _check_pair(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor | None) -> None:
    if pred.shape != target.shape or pred.ndim != 4:
        raise ValueError(
            f"predictions and references must both be (N, C, H, W) of one shape, got "
            f"{tuple(pred.shape)} and {tuple(target.shape)}"
        )
    if not (torch.isfinite(pred).all() and torch.isfinite(target).all()):
        raise ValueError("images contain NaN or inf")
    if mask is not None and mask.shape != (pred.shape[0], 1, *pred.shape[2:]):
        raise ValueError(f"mask must be (N, 1, H, W) = {(pred.shape[0], 1, *pred.shape[2:])}, got {tuple(mask.shape)}")


def _masked_mean(values: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
    """Per-image mean of ``(N, C, H, W)`` values, over ``mask`` pixels when given."""
    if mask is None:
        return values.flatten(1).mean(1)
    weights = mask.expand_as(values)
    total = weights.flatten(1).sum(1)
    if (total == 0).any():
        raise ValueError("a mask is empty: there is no foreground to score")
    return (values * weights).flatten(1).sum(1) / total


def psnr(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
    """Peak signal-to-noise ratio in dB per image (``inf`` for identical images).

    ``10 log10(1 / MSE)`` for images in [0, 1]; with a mask the MSE is over masked pixels.
    """
    _check_pair(pred, target, mask)
    mse = _masked_mean((pred.double() - target.double()) ** 2, mask)
    return (10.0 * torch.log10(1.0 / mse)).float()


def ssim(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
    """Structural similarity per image (11×11 Gaussian window, σ 1.5; 1 for identical images)."""
    from torchmetrics.functional.image import structural_similarity_index_measure

    _check_pair(pred, target, mask)
    if min(pred.shape[-2:]) < 11:
        raise ValueError(f"SSIM needs images of at least 11x11 pixels, got {pred.shape[-1]}x{pred.shape[-2]}")
    _, ssim_map = structural_similarity_index_measure(
        pred.double(), target.double(), data_range=1.0, reduction="none", return_full_image=True
    )
    return _masked_mean(ssim_map, mask).float()


# torchvision's file names of the LPIPS backbones in the torch hub cache (``<hub>/checkpoints``).
_BACKBONE_FILES = {
    "alex": "alexnet-owt-7be5be79.pth",
    "vgg": "vgg16-397923af.pth",
    "squeeze": "squeezenet1_1-b8a52dc0.pth",
}


def _lpips_unavailable(reason: str) -> None:
    note = f"LPIPS skipped: {reason}"
    if note not in LPIPS_UNAVAILABLE:
        LPIPS_UNAVAILABLE.append(note)


def lpips_metric(net: str = "alex") -> torch.nn.Module | None:
    """The LPIPS module of torchmetrics, or None (with the reason in ``LPIPS_UNAVAILABLE``).

    It needs torchvision and the backbone weights already in the local torch hub cache; nothing
    is downloaded here, so a machine without them gets None and a note instead.
    """
    if net in _LPIPS_CACHE:
        return _LPIPS_CACHE[net]
    weights = Path(torch.hub.get_dir()) / "checkpoints" / _BACKBONE_FILES[net]
    if not weights.is_file():
        _lpips_unavailable(f"backbone weights {weights} are not in the local torch hub cache")
        return None
    try:
        from torchmetrics.image.lpip import LearnedPerceptualImagePatchSimilarity

        module = LearnedPerceptualImagePatchSimilarity(net_type=net, normalize=True, reduction="mean")
    except (ImportError, RuntimeError, OSError) as err:
        _lpips_unavailable(str(err).splitlines()[0])
        return None
    _LPIPS_CACHE[net] = module.eval()
    return module


def lpips(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor | None:
    """LPIPS per image (lower is closer), or None when its weights are not available locally."""
    _check_pair(pred, target, None)
    module = lpips_metric()
    if module is None:
        return None
    with torch.no_grad():
        pairs = zip(pred.clamp(0, 1), target.clamp(0, 1), strict=True)
        return torch.stack([module(p[None], t[None]) for p, t in pairs])


def score_views(
    pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor | None = None
) -> dict[str, list[float] | None]:
    """Per-view PSNR, SSIM and LPIPS, full-frame and (with a mask) foreground-masked.

    Returns:
        ``{"psnr": [...], "ssim": [...], "lpips": [...] or None, "psnr_masked": ..., "ssim_masked": ...}``
        with one float per view (``inf`` PSNR stays ``inf``).
    """
    scores: dict[str, list[float] | None] = {
        "psnr": psnr(pred, target).tolist(),
        "ssim": ssim(pred, target).tolist(),
    }
    perceptual = lpips(pred, target)
    scores["lpips"] = None if perceptual is None else perceptual.tolist()
    if mask is not None:
        scores["psnr_masked"] = psnr(pred, target, mask).tolist()
        scores["ssim_masked"] = ssim(pred, target, mask).tolist()
    return scores


def mean_finite(values: list[float]) -> float:
    """Mean of the finite values (PSNR of identical views is inf and would swamp the mean)."""
    finite = [v for v in values if math.isfinite(v)]
    return sum(finite) / len(finite) if finite else math.inf
