"""The scoring half of each protocol: one object's generated views in, per-view scores and means out.

* :class:`ViewsProtocol` (image→views): PSNR / SSIM / LPIPS against the ground truth, full
  frame and on the ground truth's foreground; means over the **novel** views (the input view is
  given to the methods, not generated).
* :class:`ConsistencyProtocol` (the paper's): Gaussians fitted on the even views (with the
  coverage the method gives: ground-truth alpha, the model's Gaussians' alpha, or a matte) scored
  on the odd ones (``fit_*``), and the reconstructor's Gaussians from K views scored on all (``recon_*``).
* :class:`TextProtocol` (text→views): prompt following of procedural captions (colour, shape),
  CLIP score, and FID over the whole run; the last two only with local weights.

Per-view lists have one entry per view, None where a view is not scored, so they line up with
the object's azimuths.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol

import torch

from ..models.reconstructor import GaussianReconstructor
from .consistency import ConsistencyResult, fit_consistency, reconstructor_consistency
from .methods import split_alpha
from .metrics import mean_finite, psnr, score_views, ssim
from .objects import BACKGROUND, EvalObject
from .prompt_following import check_prompt
from .text_metrics import ClipScorer, FidAccumulator

PerView = dict[str, list[float | None] | None]


class EvalProtocol(Protocol):
    """What the harness needs of a protocol."""

    name: str
    # The metrics of the report's tables and plots, in order; each is a key of ``score()["mean"]``.
    headline: tuple[str, ...]
    # Whether larger is better, per headline metric (for the report).
    higher_is_better: dict[str, bool]

    def score(self, obj: EvalObject, views: torch.Tensor, method: str) -> dict[str, Any]:
        """``{"per_view": {metric: [...]}, "mean": {metric: value}, ...}`` for one object and method."""
        ...

    def finish(self) -> dict[str, Any]:
        """Metrics over the whole run (e.g. FID per method), once every object is scored."""
        ...


def mean_of(values: list[float | None] | None, skip: int | None = None) -> float | None:
    """Mean of the scored (non-None), finite entries, leaving out index ``skip``; None if none."""
    if values is None:
        return None
    kept = [v for i, v in enumerate(values) if v is not None and i != skip]
    # mean_finite is inf when every kept value is (identical images): the honest summary then.
    return mean_finite(kept) if kept else None


def masked_scores(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> PerView:
    """Foreground PSNR and SSIM per view; None for views whose mask is empty (object out of frame)."""
    present = mask.flatten(1).sum(1) > 0
    scores: PerView = {"psnr_masked": [None] * len(pred), "ssim_masked": [None] * len(pred)}
    if present.any():
        index = present.nonzero().flatten().tolist()
        for name, metric in (("psnr_masked", psnr), ("ssim_masked", ssim)):
            values = metric(pred[index], target[index], mask[index]).tolist()
            for i, value in zip(index, values, strict=True):
                scores[name][i] = value
    return scores


class ViewsProtocol:
    """Image→views against the ground truth (see the module docstring)."""

    name = "views"
    headline = ("psnr", "ssim", "lpips", "psnr_masked", "ssim_masked")
    higher_is_better: ClassVar[dict[str, bool]] = {
        "psnr": True, "ssim": True, "lpips": False, "psnr_masked": True, "ssim_masked": True,
    }  # fmt: skip

    def score(self, obj: EvalObject, views: torch.Tensor, method: str) -> dict[str, Any]:
        """Scores ``views`` against ``obj``'s ground truth."""
        if obj.views is None or obj.mask is None:
            raise ValueError(f"{obj.name} has no ground truth to score against; the views protocol needs --data")
        views, _ = split_alpha(views)  # the RGB as generated is what is scored
        per_view: PerView = {**score_views(views, obj.views), **masked_scores(views, obj.views, obj.mask)}
        # View 0 is the input view: the methods were given it.
        mean = {name: mean_of(per_view.get(name), skip=0 if len(obj) > 1 else None) for name in self.headline}
        return {"per_view": per_view, "mean": mean}

    def finish(self) -> dict[str, Any]:
        """This protocol has no run-level metrics."""
        return {}


class ConsistencyProtocol:
    """The paper's consistency score, and its reconstructor variant when a reconstructor is given.

    Args:
        fit_steps: optimisation steps of the Gaussian fit.
        reconstructor: the feed-forward reconstructor (the pipeline's), or None to skip that variant.
        reconstructor_views: the views it sees; default evenly spaced.
        fit_options: passed on to :func:`~videomv.evaluation.consistency.fit_consistency`.
    """

    name = "consistency"

    def __init__(
        self,
        fit_steps: int = 500,
        reconstructor: GaussianReconstructor | None = None,
        reconstructor_views: list[int] | None = None,
        **fit_options: Any,
    ) -> None:
        self.fit_steps = fit_steps
        self.reconstructor = reconstructor
        self.reconstructor_views = reconstructor_views
        self.fit_options = fit_options
        variants = ("fit", "recon") if reconstructor is not None else ("fit",)
        self.headline = tuple(f"{v}_{m}" for v in variants for m in ("psnr", "ssim", "lpips"))
        self.higher_is_better = {name: not name.endswith("lpips") for name in self.headline}

    def score(self, obj: EvalObject, views: torch.Tensor, method: str) -> dict[str, Any]:
        """Fits (and reconstructs) Gaussians from ``views`` (with their coverage, if any) and scores their renders."""
        views, alpha = split_alpha(views)
        fit = fit_consistency(views, obj.cameras, BACKGROUND, self.fit_steps, alpha=alpha, **self.fit_options)
        results = {"fit": fit}
        if self.reconstructor is not None:
            results["recon"] = reconstructor_consistency(
                views, obj.cameras, self.reconstructor, self.reconstructor_views, BACKGROUND
            )
        per_view: PerView = {}
        for variant, result in results.items():
            per_view.update(_spread(result, variant, len(obj)))
        mean = {name: mean_of(per_view.get(name)) for name in self.headline}
        views_used = {f"{variant}_views": result.fit_views for variant, result in results.items()}
        return {"per_view": per_view, "mean": mean, **views_used}

    def finish(self) -> dict[str, Any]:
        """This protocol has no run-level metrics."""
        return {}


def _spread(result: ConsistencyResult, prefix: str, num_views: int) -> PerView:
    """The result's scores of its scored views as full-length per-view lists (None elsewhere)."""
    spread: PerView = {}
    for name, values in result.scores.items():
        if values is None:
            spread[f"{prefix}_{name}"] = None
            continue
        full: list[float | None] = [None] * num_views
        for view, value in zip(result.eval_views, values, strict=True):
            full[view] = value
        spread[f"{prefix}_{name}"] = full
    return spread


class TextProtocol:
    """Text→views: prompt following without weights, CLIP score and FID with local weights.

    Args:
        clip: a CLIP scorer, or None to skip the CLIP score.
        fid: whether to compute FID (against the ground-truth views, when the objects have them).
    """

    name = "text"
    headline = ("color_match", "shape_match", "silhouette_iou", "clip_score")
    higher_is_better: ClassVar[dict[str, bool]] = dict.fromkeys(headline, True)

    def __init__(self, clip: ClipScorer | None = None, fid: bool = True) -> None:
        self.clip = clip
        self.fid = fid
        self._fid: dict[str, FidAccumulator | None] = {}

    def score(self, obj: EvalObject, views: torch.Tensor, method: str) -> dict[str, Any]:
        """Checks ``views`` against the object's caption; feeds the run's FID."""
        if not obj.caption:
            raise ValueError(f"{obj.name} has no caption or prompt to check the views against")
        views, _ = split_alpha(views)
        check = check_prompt(views, obj.cameras, obj.caption, BACKGROUND) or {}
        per_view: PerView = {
            "silhouette_iou": check.get("silhouette_iou"),
            "clip_score": self.clip(views, obj.caption) if self.clip is not None else None,
        }
        mean = {
            "color_match": check.get("color_match"),
            "shape_match": check.get("shape_match"),
            "silhouette_iou": mean_of(per_view["silhouette_iou"]),
            "clip_score": mean_of(per_view["clip_score"]),
        }
        details = {key: check.get(key) for key in ("named_colors", "dominant_colors", "named_shape", "best_shape",
                                                   "shape_iou")}  # fmt: skip
        self._add_to_fid(method, views, obj.views)
        return {"per_view": per_view, "mean": mean, "prompt_check": details if check else None}

    def _add_to_fid(self, method: str, views: torch.Tensor, reference: torch.Tensor | None) -> None:
        if not self.fid or reference is None:
            return
        if method not in self._fid:
            self._fid[method] = FidAccumulator.create()
        accumulator = self._fid[method]
        if accumulator is not None:
            accumulator.update(views, reference)

    def finish(self) -> dict[str, Any]:
        """FID per method against the ground-truth views of the run (None where it was skipped)."""
        if not self._fid:
            return {}
        return {"fid": {method: acc.compute() if acc else None for method, acc in self._fid.items()}}
