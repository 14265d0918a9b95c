"""The objects an evaluation runs over: ground-truth multi-view samples or bare prompts.

An :class:`EvalObject` holds what every method and protocol needs: the views to score against
(composited on the background), their foreground alpha, their cameras with the **input view
first**, and the caption. The world is rotated about its up axis so the input view sits at
azimuth 0, the frame the models are trained in (see :mod:`videomv.data.dataset`); the other
views keep their angles relative to it.

Objects are found lazily (:class:`ObjectSource`), so one unreadable object is reported by the
evaluation and the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from ..cameras import Cameras
from ..data.dataset import evenly_spaced, find_samples, resize_sample, select_views
from ..data.external import read_gobjaverse, read_syncdreamer, read_zero123
from ..data.format import MultiViewSample, read_sample

# The generated views are on white: the pipelines' and the 3D-aware renders' background.
BACKGROUND = 1.0
# Alpha above which a ground-truth pixel counts as the object in the masked metrics.
FOREGROUND_ALPHA = 0.5
# G-Objaverse's campos_512_v4 holds 24 orbit views followed by 16 others; only the orbit is scored.
GOBJAVERSE_ORBIT = list(range(24))


def _read_gobjaverse_orbit(path: str | os.PathLike) -> MultiViewSample:
    return read_gobjaverse(path, views=GOBJAVERSE_ORBIT)


READERS: dict[str, Callable[[str | os.PathLike], MultiViewSample]] = {
    "videomv": read_sample,
    "gobjaverse": _read_gobjaverse_orbit,
    "syncdreamer": read_syncdreamer,
    "zero123": read_zero123,
}


@dataclass
class EvalObject:
    """One object to evaluate.

    Attributes:
        name: its id (path relative to the data folder, or ``prompt_000`` ...).
        cameras: the ``F`` cameras, input view first, input view at azimuth 0.
        views: ``(F, 3, H, W)`` ground truth in [0, 1] on white, or None (prompt objects).
        alpha: ``(F, 1, H, W)`` ground-truth alpha, or None.
        caption: the text description / prompt, or None.
        source_views: indices of the views in the source sample.
        source_total: number of views of the source sample.
    """

    name: str
    cameras: Cameras
    views: torch.Tensor | None = None
    alpha: torch.Tensor | None = None
    caption: str | None = None
    source_views: list[int] | None = None
    source_total: int | None = None

    def __len__(self) -> int:
        return len(self.cameras)

    @property
    def size(self) -> int:
        """Side of the (square) views in pixels."""
        return self.cameras.width

    @property
    def condition(self) -> torch.Tensor:
        """``(3, H, W)`` the input view (the ground truth's first view)."""
        if self.views is None:
            raise ValueError(f"{self.name} has no images; image-to-views evaluation needs --data")
        return self.views[0]

    @property
    def mask(self) -> torch.Tensor | None:
        """``(F, 1, H, W)`` foreground of the ground truth (1 = object), or None."""
        return None if self.alpha is None else (self.alpha > FOREGROUND_ALPHA).float()

    def azimuths(self) -> list[float]:
        """Azimuth of each view relative to the input view, in [0, 360) degrees."""
        return [round(float(a) % 360.0, 4) for a in self.cameras.spherical()[0]]

    def describe(self) -> dict:
        """JSON-ready facts of the object for ``metrics.json``."""
        return {
            "caption": self.caption,
            "num_views": len(self),
            "source_views": self.source_views,
            "azimuth": self.azimuths(),
        }


def object_from_sample(
    name: str,
    sample: MultiViewSample,
    input_view: int = 0,
    num_views: int | None = None,
    size: int | None = None,
    default_views: int | None = None,
) -> EvalObject:
    """An :class:`EvalObject` of ``num_views`` evenly spaced views starting at ``input_view``.

    Args:
        name: the object's id.
        sample: the ground truth.
        input_view: index (in ``sample``) of the view the methods are given.
        num_views: views to evaluate, evenly spaced around the sample from the input view; None:
            ``default_views``.
        size: square side to resize the views to; None keeps the sample's (it must be square then).
        default_views: the count when ``num_views`` is None, capped at the sample's views (a
            model's trained view count: more views than it was trained on are out of its range);
            None: all the sample's views.
    """
    total = len(sample)
    if not 0 <= input_view < total:
        raise ValueError(f"input view {input_view} is outside the {total} views of {name}")
    indices = evenly_spaced(total, num_views or min(default_views or total, total), input_view)
    selected, _ = select_views(sample, indices, align_first=True)
    if size is not None:
        selected = resize_sample(selected, size)
    if selected.cameras.width != selected.cameras.height:
        raise ValueError(f"{name}: views are {selected.cameras.width}x{selected.cameras.height}; pass --size N")
    rgba = selected.rgba
    return EvalObject(
        name=name, cameras=selected.cameras, views=selected.composited(BACKGROUND), alpha=rgba[:, 3:],
        caption=selected.caption, source_views=indices, source_total=total,
    )  # fmt: skip


@dataclass
class ObjectSource:
    """An object not read yet: reading happens in :meth:`load`, inside the evaluation's error handling."""

    name: str
    load: Callable[[], EvalObject]


def data_objects(
    data: str | os.PathLike,
    split: str | None = None,
    layout: str = "videomv",
    input_view: int = 0,
    num_views: int | None = None,
    size: int | None = None,
    limit: int | None = None,
    default_views: int | None = None,
) -> list[ObjectSource]:
    """The objects of a multi-view data folder.

    Args:
        data: a dataset folder (``videomv data build``), one sample folder, or (other layouts) a
            folder of object folders or one object folder.
        split: ``train`` / ``heldout`` (needs ``index.json``); None or ``all``: every object.
        layout: ``videomv`` (our format), ``gobjaverse`` (its 24 orbit views), ``syncdreamer``
            or ``zero123``.
        input_view, num_views, size, default_views: see :func:`object_from_sample`.
        limit: at most this many objects (the first in sorted order).
    """
    if layout not in READERS:
        raise ValueError(f"unknown data layout {layout!r}; use one of {', '.join(READERS)}")
    root = Path(data)
    if not root.is_dir():
        raise FileNotFoundError(f"data folder not found: {root}")
    if layout == "videomv":
        paths = find_samples(root, split)
    elif split not in (None, "all"):
        raise ValueError(f"--split needs a dataset with index.json; the {layout} layout has none, leave it out")
    else:
        paths = _external_object_folders(root, layout)
    reader = READERS[layout]

    def loader(path: Path, name: str) -> Callable[[], EvalObject]:
        return lambda: object_from_sample(name, reader(path), input_view, num_views, size, default_views)

    sources = []
    for path in paths[:limit]:
        name = path.relative_to(root).as_posix() if path != root else path.name
        sources.append(ObjectSource(name, loader(path, name)))
    return sources


def _external_object_folders(root: Path, layout: str) -> list[Path]:
    """``root`` if it is one object of ``layout``, else its object subfolders, sorted."""

    def is_object(folder: Path) -> bool:
        if layout == "gobjaverse":
            return (folder / "campos_512_v4").is_dir() or folder.name == "campos_512_v4"
        return any(p.stem.isdigit() for p in folder.glob("*.png"))

    if is_object(root):
        return [root]
    folders = sorted(p for p in root.iterdir() if p.is_dir() and is_object(p))
    if not folders:
        raise FileNotFoundError(f"{root}: no {layout} objects found (neither the folder nor its subfolders)")
    return folders


def prompt_objects(prompts: Sequence[str], cameras: Cameras) -> list[ObjectSource]:
    """One object per prompt, all seen by ``cameras``, without ground truth (text-to-views)."""
    if not prompts:
        raise ValueError("no prompts given; pass --prompt TEXT, --prompts FILE or --data DIR")

    def make(index: int, prompt: str) -> ObjectSource:
        name = f"prompt_{index:03d}"
        return ObjectSource(name, lambda: EvalObject(name=name, cameras=cameras, caption=prompt))

    return [make(i, p) for i, p in enumerate(prompts)]
