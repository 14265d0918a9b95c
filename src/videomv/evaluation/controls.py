"""Honest controls for image→views scores, and the paired statistics that compare against them.

A model's views can beat copying the input view without showing anything new: a blurred copy
gains on PSNR and SSIM simply by hedging, and views that ignore the camera score about the same
whichever way round the orbit they are paired. The controls here make both visible:

* :func:`gaussian_blur` and :func:`choose_blur_sigma`: the ``blur-copy`` baseline (the input view,
  blurred, at every camera) with its blur chosen on the **train** split by the headline metric,
  so the held-out objects never tune it;
* :func:`reversed_order`: the ``model-reversed`` pairing (the same generated views scored
  against the orbit in reverse, the input view staying first): a model that turns with the
  camera loses there, one that does not is unaffected;
* :func:`paired_difference`: the mean and standard error of per-object differences between two
  methods (paired by object, so object difficulty cancels);
* :func:`matte` and :func:`uncomposite`: coverage for views that come without alpha, and the
  straight colour of views composited on a background (for fits that need RGBA).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F

from .metrics import mean_finite, psnr, ssim
from .objects import ObjectSource

logger = logging.getLogger(__name__)

# Blur widths tried on the train split, in pixels at the scoring size (0: the plain copy).
DEFAULT_SIGMAS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0)
# The Gaussian kernel is cut at this many standard deviations (weights beyond are below 1e-4).
KERNEL_REACH = 4.0
# Colour distance from the background (RGB in [0, 1], Euclidean) below which a pixel is background
# for the matte; coverage ramps to 1 at twice it (the same rule as the input preprocessing's key).
MATTE_THRESHOLD = 0.08
# Coverage below which a pixel's straight colour is not recovered (it contributes almost nothing).
MIN_COVERAGE = 1e-3


def gaussian_blur(images: torch.Tensor, sigma: float) -> torch.Tensor:
    """``(N, C, H, W)`` images blurred by a Gaussian of ``sigma`` pixels; ``sigma = 0`` returns them unchanged.

    Edges are extended by replication (the border is background in object renders), so a
    uniform image stays uniform and the result stays in the input's range.
    """
    if not math.isfinite(sigma) or sigma < 0:
        raise ValueError(f"blur sigma must be a finite number of pixels, 0 or more; got {sigma}")
    if sigma == 0:
        return images.clone()
    radius = max(1, math.ceil(KERNEL_REACH * sigma))
    offsets = torch.arange(-radius, radius + 1, dtype=images.dtype, device=images.device)
    kernel = torch.exp(-(offsets**2) / (2 * sigma**2))
    kernel = kernel / kernel.sum()
    channels = images.shape[1]
    out = images
    # Separable: along rows, then along columns; replicate padding may be wider than the image.
    for shape, pad in (((1, -1), (radius, radius, 0, 0)), ((-1, 1), (0, 0, radius, radius))):
        weight = kernel.reshape(shape).expand(channels, 1, *kernel.reshape(shape).shape)
        out = F.conv2d(F.pad(out, pad, mode="replicate"), weight, groups=channels)
    return out


def reversed_order(count: int) -> list[int]:
    """View order of the reversed pairing: ``[0, F-1, F-2, ..., 1]``.

    ``views[reversed_order(F)]`` scored against the ground truth pairs generated view ``j`` with
    ground-truth view ``-j mod F``: the orbit walked the other way from the same input view.
    """
    if count < 1:
        raise ValueError(f"need at least one view, got {count}")
    return [0, *range(count - 1, 0, -1)]


def matte(views: torch.Tensor, background: float = 1.0, threshold: float = MATTE_THRESHOLD) -> torch.Tensor:
    """``(F, 1, H, W)`` coverage of ``(F, 3, H, W)`` views on a uniform ``background``: 0 there, 1 away from it."""
    distance = (views - background).norm(dim=1, keepdim=True)
    return ((distance - threshold) / threshold).clamp(0, 1)


def uncomposite(views: torch.Tensor, alpha: torch.Tensor, background: float | torch.Tensor = 1.0) -> torch.Tensor:
    """Straight colour ``s`` of views composited as ``s * alpha + background * (1 - alpha)``.

    Compositing the result with ``alpha`` gives ``views`` back wherever that is possible (the
    colour lies between the background and a reachable colour); elsewhere it is clamped to [0, 1].
    Pixels with almost no coverage keep their composited colour.
    """
    bg = torch.as_tensor(background, dtype=views.dtype, device=views.device).reshape(-1, 1, 1)
    covered = alpha > MIN_COVERAGE
    straight = (views - bg * (1 - alpha)) / alpha.clamp_min(MIN_COVERAGE)
    return torch.where(covered, straight.clamp(0, 1), views)


# ----------------------------------------------------------------------------------- blur search


@dataclass
class BlurSearch:
    """The blur chosen for ``blur-copy`` and how every candidate scored.

    Attributes:
        sigma: the chosen blur in pixels (the best mean of ``metric``).
        metric: what chose it (``psnr``: mean over the novel views, then over objects).
        objects: how many objects it was chosen on.
        scores: per candidate sigma, the mean PSNR and SSIM over those objects.
    """

    sigma: float
    metric: str
    objects: int
    scores: dict[float, dict[str, float]] = field(default_factory=dict)

    def describe(self) -> dict:
        """JSON-ready record (sigmas as strings: JSON object keys)."""
        return {
            "sigma": self.sigma, "metric": self.metric, "objects": self.objects,
            "scores": {f"{s:g}": v for s, v in self.scores.items()},
        }  # fmt: skip


def copy_scores(views: torch.Tensor, condition: torch.Tensor, sigma: float) -> dict[str, float]:
    """Mean PSNR and SSIM over the novel views (all but view 0) of the blurred input at every view."""
    novel = views[1:] if len(views) > 1 else views
    blurred = gaussian_blur(condition[None], sigma).expand_as(novel)
    return {"psnr": mean_finite(psnr(blurred, novel).tolist()), "ssim": float(ssim(blurred, novel).mean())}


def choose_blur_sigma(
    objects: Iterable[tuple[torch.Tensor, torch.Tensor]],
    sigmas: Sequence[float] = DEFAULT_SIGMAS,
    metric: str = "psnr",
) -> BlurSearch:
    """The blur of the input view that best predicts the other views, averaged over ``objects``.

    Args:
        objects: per object, ``(views, condition)``: the ``(F, 3, H, W)`` ground truth on white,
            input view first, and the ``(3, H, W)`` input view. Give the **train** split: the
            held-out objects must not tune a baseline they are scored with.
        sigmas: candidate blurs in pixels.
        metric: ``psnr`` or ``ssim``, the one to maximise.

    Raises:
        ValueError: no objects, no candidates, or an unknown metric.
    """
    if metric not in ("psnr", "ssim"):
        raise ValueError(f"the blur is chosen by psnr or ssim, not {metric!r}")
    if not sigmas:
        raise ValueError("no blur sigmas to choose from")
    totals: dict[float, dict[str, list[float]]] = {float(s): {"psnr": [], "ssim": []} for s in sigmas}
    count = 0
    for views, condition in objects:
        count += 1
        for sigma, lists in totals.items():
            for name, value in copy_scores(views, condition, sigma).items():
                lists[name].append(value)
    if count == 0:
        raise ValueError("no objects to choose the blur on")
    scores = {sigma: {name: mean_finite(values) for name, values in lists.items()} for sigma, lists in totals.items()}
    best = max(scores, key=lambda sigma: scores[sigma][metric])
    return BlurSearch(best, metric, count, scores)


def choose_blur_on(sources: Sequence[ObjectSource], sigmas: Sequence[float] = DEFAULT_SIGMAS) -> BlurSearch:
    """:func:`choose_blur_sigma` by PSNR over the objects of ``sources`` (the train split), read one at a time.

    An object that cannot be read is left out with a warning, as the evaluation itself does.
    """

    def pairs() -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        for source in sources:
            try:
                obj = source.load()
            except Exception as err:  # one unreadable training object must not stop the run
                logger.warning("blur search: %s left out (%s: %s)", source.name, type(err).__name__, err)
                continue
            yield obj.views, obj.condition

    return choose_blur_sigma(pairs(), sigmas)


# ------------------------------------------------------------------------------------ statistics


@dataclass
class PairedDifference:
    """Per-object differences ``a - b`` summarised.

    Attributes:
        mean: their mean.
        se: standard error of the mean (sample standard deviation over sqrt(n)); None below 2 objects.
        n: objects where both methods have a finite score.
        wins: objects where ``a`` is ahead (``a > b``).
    """

    mean: float
    se: float | None
    n: int
    wins: int

    def as_dict(self) -> dict:
        return {"mean": self.mean, "se": self.se, "n": self.n, "wins": self.wins}


def paired_difference(a: Mapping[str, float | None], b: Mapping[str, float | None]) -> PairedDifference | None:
    """``a - b`` paired by key (object), over the keys where both are finite; None if there are none."""
    diffs = [
        a[key] - b[key]
        for key in a
        if key in b and a[key] is not None and b[key] is not None and math.isfinite(a[key]) and math.isfinite(b[key])
    ]
    if not diffs:
        return None
    n = len(diffs)
    mean = sum(diffs) / n
    se = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (n - 1) / n) if n > 1 else None
    return PairedDifference(mean, se, n, sum(d > 0 for d in diffs))
