"""What is evaluated: the model, its ablations, simple baselines and other methods' outputs.

Every method turns an :class:`~videomv.evaluation.objects.EvalObject` into ``(F, 3, H, W)`` views
in [0, 1] at the object's cameras and size, so one scoring code rates them all:

* ``model``: the pipeline as shipped (3D-aware sampling when it has a reconstructor);
* ``plain``: the pipeline without 3D-aware sampling;
* ``no-camera``: the pipeline with its camera embedding switched off (the video model alone);
* ``copy-input``: every view is the input view (what a method that ignores the camera scores);
* ``blur-copy``: every view is the input view Gaussian-blurred (sigma chosen on the train split:
  :func:`~videomv.evaluation.controls.choose_blur_sigma`), what hedging alone scores;
* ``model-reversed``: the ``model`` method's views scored against the orbit walked the other way
  (:func:`~videomv.evaluation.controls.reversed_order`; sampled once, shared with ``model``);
* ``ground-truth``: the ground-truth views themselves (the ceiling of consistency and text checks);
* ``external:DIR``: views another method wrote, one sample folder per object in the on-disk
  format (``DIR/<object id>/`` or ``DIR/<object folder name>/``).

Views are ``(F, 3, H, W)``, the RGB as generated on white, or ``(F, 4, H, W)`` when the method
knows where its object is: the same RGB plus a coverage channel (the ground truth's alpha, the
alpha of the pipeline's Gaussians rendered at the cameras). The RGB is never changed by it: it is
what every protocol scores; the coverage lets the consistency fit explain the background as empty
(:func:`split_alpha`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import torch
import torch.nn.functional as F

from ..data.format import read_sample
from ..gaussians import Gaussians, rasterize
from .controls import BlurSearch, gaussian_blur, matte, reversed_order
from .objects import BACKGROUND, EvalObject

MODEL_METHODS = ("model", "plain", "no-camera")
# Methods that reuse the model's views: they need the pipeline too.
MODEL_CONTROLS = ("model-reversed",)
BASELINES = ("copy-input", "blur-copy", "ground-truth")
EXTERNAL_PREFIX = "external:"


class Method(Protocol):
    """Anything that generates views for an object."""

    name: str

    def generate(self, obj: EvalObject, seed: int) -> torch.Tensor:
        """``(F, 3, H, W)`` views in [0, 1] at ``obj.cameras``, or ``(F, 4, H, W)`` with their coverage."""
        ...

    def describe(self) -> dict[str, Any]:
        """JSON-ready settings of the method for ``metrics.json``."""
        ...


@contextlib.contextmanager
def zero_camera_embedding(unet: torch.nn.Module) -> Iterator[None]:
    """Within the block, the UNet's camera embedding adds nothing to the time embedding.

    A forward hook replaces the camera MLP's output by zeros, so the UNet runs as the video model
    it was fine-tuned from (the camera signal is the only change); removed on exit.
    """
    handle = unet.camera_embedding.register_forward_hook(lambda module, inputs, output: torch.zeros_like(output))
    try:
        yield
    finally:
        handle.remove()


def split_alpha(views: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
    """``(rgb, coverage)`` of a method's views: the RGB on white, and the ``(F, 1, H, W)`` coverage or None."""
    return (views[:, :3], views[:, 3:]) if views.shape[1] == 4 else (views, None)


def with_alpha(rgb: torch.Tensor, alpha: torch.Tensor | None) -> torch.Tensor:
    """``(F, 4, H, W)`` views (RGB on white plus coverage), or ``rgb`` unchanged when there is no coverage."""
    return rgb if alpha is None else torch.cat([rgb, alpha.to(rgb)], dim=1)


def gaussian_coverage(gaussians: Gaussians, obj: EvalObject) -> torch.Tensor:
    """``(F, 1, H, W)`` alpha of ``gaussians`` rendered at the object's cameras and size."""
    with torch.no_grad():
        rendered = rasterize(gaussians.to(device="cpu", dtype=torch.float32), obj.cameras, obj.size, obj.size)
    return rendered.alpha.clamp(0, 1)


def resize_views(views: torch.Tensor, size: int) -> torch.Tensor:
    """``(F, C, h, w)`` views resized to ``size`` x ``size`` (area-averaged when shrinking)."""
    if views.shape[-2:] == (size, size):
        return views
    if views.shape[-1] > size:
        return F.interpolate(views, size=(size, size), mode="area")
    return F.interpolate(views, size=(size, size), mode="bilinear", align_corners=False).clamp(0, 1)


@dataclass
class ModelMethod:
    """The pipeline, sampling plainly or 3D-aware, with or without its camera embedding."""

    name: str
    pipe: Any
    three_d_aware: bool = True
    camera: bool = True
    steps: int | None = None
    guidance: float | None = None
    # Condition on the caption even when the model also takes images (the text protocol).
    from_text: bool = False
    # 3D-aware schedule and blend weight; None: the model's.
    refine_steps: list[int] | list[float] | None = None
    refine_blend: float | None = None

    # The last object sampled, its seed and views: ``model-reversed`` reuses them instead of sampling again.
    _last: tuple[EvalObject, int, torch.Tensor] | None = field(default=None, init=False, repr=False)

    def generate(self, obj: EvalObject, seed: int) -> torch.Tensor:
        """Samples the object's views with the pipeline (image models get the input view, text models the caption).

        Returns them with their coverage: the alpha of the pipeline's Gaussians (reconstructed from
        the final views) rendered at the object's cameras, or a matte of the views without a reconstructor.
        """
        if self._last is not None and self._last[0] is obj and self._last[1] == seed:
            return self._last[2].clone()
        if self.pipe.conditioning == "text" or self.from_text:
            if not obj.caption:
                raise ValueError(f"{obj.name} has no caption for the text-to-views model")
            condition: dict[str, Any] = {"prompt": obj.caption}
        else:
            condition = {"image": obj.condition}
        switch = contextlib.nullcontext() if self.camera else zero_camera_embedding(self.pipe.unet)
        with switch:
            output = self.pipe(
                **condition, cameras=obj.cameras, num_inference_steps=self.steps, guidance_scale=self.guidance,
                generator=torch.Generator().manual_seed(seed), output_type="pt", three_d_aware=self.three_d_aware,
                three_d_aware_steps=self.refine_steps, three_d_aware_blend=self.refine_blend,
            )  # fmt: skip
        rgb = resize_views(output.views[0].float().cpu(), obj.size)  # scored on the CPU beside the ground truth
        views = with_alpha(rgb, gaussian_coverage(output.gaussians[0], obj) if output.gaussians else matte(rgb))
        self._last = (obj, seed, views)
        return views.clone()

    def describe(self) -> dict[str, Any]:
        """The sampling settings that distinguish this method."""
        described = {
            "kind": "model",
            "three_d_aware": self.three_d_aware and self.pipe.reconstructor is not None,
            "camera_embedding": self.camera,
            "steps": self.steps,
            "guidance": self.pipe.config.guidance_scale if self.guidance is None else self.guidance,
            "scheduler": type(self.pipe.scheduler).__name__,
        }
        if described["three_d_aware"]:
            used = self.pipe.three_d_aware_config(steps=self.refine_steps, blend=self.refine_blend)
            described["three_d_aware_steps"], described["three_d_aware_blend"] = list(used.steps), used.blend
        return described


class CopyInputMethod:
    """Every view is the input view: the score of a method that ignores the camera."""

    name = "copy-input"

    def generate(self, obj: EvalObject, seed: int) -> torch.Tensor:
        """The input view (with its alpha) repeated at every camera."""
        first = with_alpha(obj.condition[None], None if obj.alpha is None else obj.alpha[:1])
        return first.expand(len(obj), -1, -1, -1).clone()

    def describe(self) -> dict[str, Any]:
        """This baseline has no settings."""
        return {"kind": "baseline"}


@dataclass
class BlurCopyMethod:
    """Every view is the input view blurred by a Gaussian of ``sigma`` pixels: what hedging alone scores.

    A model whose views are soft blobs of the input's silhouette and colours beats ``copy-input``
    on PSNR and SSIM without turning; it does not beat this control unless its views are better
    than the best blur. ``sigma = 0`` is ``copy-input``.
    """

    sigma: float
    search: BlurSearch | None = None
    name: str = "blur-copy"

    def generate(self, obj: EvalObject, seed: int) -> torch.Tensor:
        """The blurred input view (colour on white and alpha blurred alike) at every camera."""
        first = CopyInputMethod().generate(obj, seed)[:1]
        return gaussian_blur(first, self.sigma).expand(len(obj), -1, -1, -1).clone()

    def describe(self) -> dict[str, Any]:
        """The blur and, when it was searched, on what and how every candidate scored."""
        described: dict[str, Any] = {"kind": "baseline", "sigma_px": self.sigma}
        if self.search is not None:
            described["chosen_on"] = "train split of --data, by mean PSNR over the novel views"
            described["search"] = self.search.describe()
        return described


@dataclass
class ReversedMethod:
    """The ``model`` method's views scored against the orbit walked the other way from the input view.

    Generated view ``j`` meets ground-truth view ``-j mod F``. Views that follow the camera lose
    here; views that do not (or an object that is mirror-symmetric about the input view) score the
    same as in the true order. The model is sampled once: ``base`` keeps its last views.
    """

    base: ModelMethod
    name: str = "model-reversed"

    def generate(self, obj: EvalObject, seed: int) -> torch.Tensor:
        """``base``'s views (with their coverage) in reversed orbit order, the input view first."""
        views = self.base.generate(obj, seed)
        return views[reversed_order(len(views))]

    def describe(self) -> dict[str, Any]:
        """Which method's views, in which order."""
        return {"kind": "control", "views_of": self.base.name, "order": "0, F-1, ..., 1 (the orbit reversed)"}


class GroundTruthMethod:
    """The ground-truth views themselves: the best score a ground-truth-free check can give."""

    name = "ground-truth"

    def generate(self, obj: EvalObject, seed: int) -> torch.Tensor:
        """The ground-truth views with their alpha."""
        if obj.views is None:
            raise ValueError(f"{obj.name} has no ground truth; the ground-truth method needs --data")
        return with_alpha(obj.views, obj.alpha).clone()

    def describe(self) -> dict[str, Any]:
        """This reference has no settings."""
        return {"kind": "baseline"}


@dataclass
class ExternalMethod:
    """Views another method wrote: one on-disk sample folder per object under ``root``.

    A folder holds either the evaluated views in evaluation order (input view first) or every view
    of the ground-truth sample (the evaluated ones are then picked by their source indices).
    """

    root: Path

    @property
    def name(self) -> str:
        return f"{EXTERNAL_PREFIX}{self.root.name}"

    def folder(self, obj: EvalObject) -> Path:
        """The object's folder: ``root/<object id>``, else ``root/<last part of the id>``."""
        for candidate in (self.root / obj.name, self.root / Path(obj.name).name):
            if candidate.is_dir():
                return candidate
        raise FileNotFoundError(
            f"{self.root}: no views for {obj.name} (looked for {obj.name}/ and {Path(obj.name).name}/)"
        )

    def generate(self, obj: EvalObject, seed: int) -> torch.Tensor:
        """The stored views of the object, composited on white at the object's size, with their alpha or a matte."""
        sample = read_sample(self.folder(obj))
        rgb = sample.composited(BACKGROUND)
        views = with_alpha(rgb, sample.rgba[:, 3:] if sample.images.shape[1] == 4 else matte(rgb, BACKGROUND))
        if len(views) != len(obj) and len(views) == obj.source_total:
            views = views[obj.source_views]
        if len(views) != len(obj):
            raise ValueError(
                f"{self.folder(obj)} holds {len(sample)} views; give the {len(obj)} evaluated views "
                "(input view first) or all views of the ground-truth sample"
            )
        return resize_views(views, obj.size)

    def describe(self) -> dict[str, Any]:
        """Where the views came from."""
        return {"kind": "external", "folder": str(self.root.resolve())}


def parse_methods(spec: str | list[str]) -> list[str]:
    """Method names from ``"model,plain,external:DIR"``, checked, in order, without repeats."""
    names = spec.split(",") if isinstance(spec, str) else list(spec)
    names = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    if not names:
        raise ValueError("no methods given; use e.g. --methods model,plain,copy-input")
    for name in names:
        if name.startswith(EXTERNAL_PREFIX):
            folder = Path(name[len(EXTERNAL_PREFIX) :])
            if not folder.is_dir():
                raise FileNotFoundError(f"external method folder not found: {folder}")
        elif name not in (*MODEL_METHODS, *MODEL_CONTROLS, *BASELINES):
            known = ", ".join((*MODEL_METHODS, *MODEL_CONTROLS, *BASELINES, "external:DIR"))
            raise ValueError(f"unknown method {name!r}; use some of {known}")
    return names


def needs_model(names: list[str]) -> bool:
    """Whether any of the methods samples the pipeline."""
    return any(name in (*MODEL_METHODS, *MODEL_CONTROLS) for name in names)


def build_methods(
    names: list[str],
    pipe: Any = None,
    steps: int | None = None,
    guidance: float | None = None,
    from_text: bool = False,
    refine_steps: list[int] | list[float] | None = None,
    refine_blend: float | None = None,
    blur: float | BlurSearch | None = None,
) -> list[Method]:
    """The methods called ``names`` (see :func:`parse_methods`); model methods share ``pipe``.

    ``from_text`` makes the model methods generate from the caption alone (the text protocol);
    ``refine_steps`` and ``refine_blend`` set the 3D-aware schedule (None: the model's). ``blur``
    is ``blur-copy``'s sigma in pixels, or the search that chose it (required with ``blur-copy``).
    ``model-reversed`` reuses the ``model`` method's views (one is made for it if not asked for).
    """
    if needs_model(names) and pipe is None:
        raise ValueError("the methods model, model-reversed, plain and no-camera need a pipeline (--model)")
    if "plain" in names and pipe.reconstructor is None:
        raise ValueError("'plain' compares against 3D-aware sampling, but the model has no reconstructor")
    if "blur-copy" in names and blur is None:
        raise ValueError("blur-copy needs its blur: pass --blur-sigma S (pixels) or auto (chosen on the train split)")

    def model(name: str) -> ModelMethod:
        return ModelMethod(name, pipe, three_d_aware=name != "plain", camera=name != "no-camera", steps=steps,
                           guidance=guidance, from_text=from_text, refine_steps=refine_steps,
                           refine_blend=refine_blend)  # fmt: skip

    # One "model" method, shared by model-reversed, so the model is sampled once per object.
    shared = model("model") if any(n in ("model", "model-reversed") for n in names) else None
    methods: list[Method] = []
    for name in names:
        if name == "model":
            methods.append(shared)
        elif name in MODEL_METHODS:
            methods.append(model(name))
        elif name == "model-reversed":
            methods.append(ReversedMethod(shared))
        elif name == "copy-input":
            methods.append(CopyInputMethod())
        elif name == "blur-copy":
            search = blur if isinstance(blur, BlurSearch) else None
            methods.append(BlurCopyMethod(search.sigma if search else float(blur), search))
        elif name == "ground-truth":
            methods.append(GroundTruthMethod())
        else:
            methods.append(ExternalMethod(Path(name[len(EXTERNAL_PREFIX) :])))
    return methods
