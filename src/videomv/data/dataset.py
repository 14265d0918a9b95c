"""``MultiViewDataset``: multi-view samples on disk as training tensors.

Each item is one object: its views composited on a background, their cameras, the 16-number
camera-embedding vectors, optional Plücker ray maps, the condition view and the caption.

The condition view is item view 0. Choosing another view as the condition (``condition_view=
"random"``) rolls the orbit so that view comes first **and** rotates the world about its up
axis so it sits at azimuth 0, which re-expresses every camera relative to it. Frames and
cameras always move together (the reference implementation rolls the frames but leaves the
cameras, which pairs each frame with another view's camera); ``world_transform`` in each
item maps old world points to the new world.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

import torch
import torch.nn.functional as F
from torch.utils.data import Dataset
from tqdm import tqdm

from ..cameras import Cameras, check_convention
from .format import MultiViewFormatError, MultiViewSample, read_json_object, read_sample

Background = Literal["white", "black", "gray", "random"] | tuple[float, float, float]
_NAMED_BACKGROUNDS = {"white": (1.0, 1.0, 1.0), "black": (0.0, 0.0, 0.0), "gray": (0.5, 0.5, 0.5)}


def read_index(root: str | os.PathLike) -> list[dict[str, Any]]:
    """The sample entries of ``root/index.json``, each with a relative ``path`` inside ``root``.

    Raises:
        MultiViewFormatError: naming ``index.json`` when it is not valid or an entry is malformed.
    """
    file = Path(root) / "index.json"
    entries = read_json_object(file).get("samples", [])
    if not isinstance(entries, list):
        raise MultiViewFormatError(f"{file}: 'samples' must be a list of {{path, split, ...}} objects")
    for i, entry in enumerate(entries):
        path = entry.get("path") if isinstance(entry, dict) else None
        # Paths stay inside the dataset: an index must not point a reader elsewhere on the machine.
        if not isinstance(path, str) or not path or Path(path).is_absolute() or ".." in Path(path).parts:
            raise MultiViewFormatError(f"{file}: sample {i} needs a 'path' relative to the dataset folder")
    return entries


def find_samples(root: str | os.PathLike, split: str | None = None) -> list[Path]:
    """Sample folders under ``root``, sorted; filtered by ``split`` through ``root/index.json``.

    ``index.json`` (written by ``videomv data build``) holds ``{"samples": [{"path": ...,
    "split": ...}, ...]}`` with paths relative to ``root``.
    """
    root = Path(root)
    if (root / "cameras.json").is_file():
        return [root]
    if not root.is_dir():
        raise (NotADirectoryError if root.exists() else FileNotFoundError)(
            f"{root}: no such folder; give a multi-view sample or dataset folder"
        )
    if (root / "index.json").is_file():
        entries = read_index(root)
        paths = [root / e["path"] for e in entries if split in (None, "all") or e.get("split") == split]
    elif split not in (None, "all"):
        raise FileNotFoundError(f"{root}: no index.json, so split {split!r} cannot be selected; use split=None")
    else:
        paths = sorted(p.parent for p in root.rglob("cameras.json"))
    if not paths:
        where = "" if split in (None, "all") else f" in split {split!r}"
        raise FileNotFoundError(f"{root}: no multi-view samples (folders with cameras.json) found{where}")
    return sorted(paths)


def randomly_spaced(total: int, count: int, start: int, generator: torch.Generator) -> list[int]:
    """``start`` and ``count - 1`` other indices of a cyclic list of ``total``, drawn at random, in
    cyclic order from ``start`` (so an orbit keeps its direction but not its step)."""
    offsets = (torch.randperm(total - 1, generator=generator)[: count - 1] + 1).sort().values
    return [start, *((start + int(offset)) % total for offset in offsets)]


def evenly_spaced(total: int, count: int, start: int = 0) -> list[int]:
    """``count`` indices spread evenly around a cyclic list of ``total``, beginning at ``start``."""
    if not 1 <= count <= total:
        raise ValueError(f"cannot take {count} views from a sample of {total}")
    return [(start + math.floor(i * total / count)) % total for i in range(count)]


def rotation_about_z(angle_deg: float) -> torch.Tensor:
    """``(4, 4)`` rotation of the world by ``angle_deg`` about +z (counter-clockwise from above)."""
    a = math.radians(angle_deg)
    transform = torch.eye(4)
    transform[0, 0], transform[0, 1] = math.cos(a), -math.sin(a)
    transform[1, 0], transform[1, 1] = math.sin(a), math.cos(a)
    return transform


class MultiViewDataset(Dataset):
    """Multi-view samples as tensors for training and evaluation.

    Args:
        root: a dataset folder (from ``videomv data build``), one sample folder, or a list of
            sample folders.
        split: ``"train"``, ``"heldout"`` (needs ``index.json``) or None for all samples.
        num_views: views per item, evenly spaced around the sample's views starting at the
            condition view; None for all.
        image_size: resize views to this square size (cameras follow); None keeps the size.
        background: colour the RGBA views are composited on; ``"random"`` draws one per item.
        condition_view: ``"first"`` keeps view 0; ``"random"`` starts the orbit at a random
            view and rotates cameras and world with it (the rotation augmentation).
        view_spacing: ``"even"`` spaces the ``num_views`` evenly; ``"random"`` draws them at random
            in orbit order, so only the cameras (not the frame index) tell where each view is.
        camera_convention: convention of the ``camera_embedding`` vectors.
        plucker_size: also return Plücker ray maps at this size (None: don't).
        seed: seed of the per-item randomness; items are reproducible for a given epoch.
        preload: read every sample once, here, and keep its views in memory as 8-bit RGBA
            (lossless: the PNGs are 8-bit). Items are identical to reading from disk; a fast
            accelerator is then no longer held back by PNG decoding, and loader workers share the
            memory through fork. A damaged sample fails here instead of mid-training.
    """

    def __init__(
        self,
        root: str | os.PathLike | Sequence[str | os.PathLike],
        split: str | None = None,
        num_views: int | None = None,
        image_size: int | None = None,
        background: Background = "white",
        condition_view: Literal["first", "random"] = "first",
        view_spacing: Literal["even", "random"] = "even",
        camera_convention: str = "blender",
        plucker_size: int | None = None,
        seed: int = 0,
        preload: bool = False,
    ) -> None:
        if isinstance(root, str | os.PathLike):
            self.paths = find_samples(root, split)
        else:
            self.paths = [Path(p) for p in root]
        if condition_view not in ("first", "random"):
            raise ValueError(f"condition_view must be 'first' or 'random', got {condition_view!r}")
        if view_spacing not in ("even", "random"):
            raise ValueError(f"view_spacing must be 'even' or 'random', got {view_spacing!r}")
        if isinstance(background, str) and background not in (*_NAMED_BACKGROUNDS, "random"):
            raise ValueError(f"unknown background {background!r}; use white, black, gray, random or an RGB tuple")
        self.num_views = num_views
        self.image_size = image_size
        self.background = background
        self.condition_view = condition_view
        self.view_spacing = view_spacing
        self.camera_convention = check_convention(camera_convention)
        self.plucker_size = plucker_size
        self.seed = seed
        # In shared memory, so that loader workers kept alive across epochs (the training loop's
        # persistent workers) draw with the epoch the main process sets.
        self._epoch = multiprocessing.RawValue("q", 0)
        self._preloaded = preload_samples(self.paths) if preload else None

    def __len__(self) -> int:
        return len(self.paths)

    @property
    def epoch(self) -> int:
        return self._epoch.value

    def set_epoch(self, epoch: int) -> None:
        """Changes the random draws (start view, background) for a new pass over the data, also in
        loader workers that are already running."""
        self._epoch.value = epoch

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        # Only a loader worker being started shares the epoch; a copy or a pickle gets its own.
        if multiprocessing.context.get_spawning_popen() is None:
            state["_epoch"] = self.epoch
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if isinstance(state["_epoch"], int):
            state["_epoch"] = multiprocessing.RawValue("q", state["_epoch"])
        self.__dict__.update(state)

    def _generator(self, index: int) -> torch.Generator:
        return torch.Generator().manual_seed(self.seed + 1_000_003 * self.epoch + index)

    def _background(self, generator: torch.Generator) -> torch.Tensor:
        if self.background == "random":
            return torch.rand(3, generator=generator)
        if isinstance(self.background, str):
            return torch.tensor(_NAMED_BACKGROUNDS[self.background])
        return torch.tensor(self.background, dtype=torch.float32)

    def __getitem__(self, index: int) -> dict[str, Any]:
        sample = read_sample(self.paths[index]) if self._preloaded is None else self._preloaded[index]
        generator = self._generator(index)
        total = len(sample)
        start = 0 if self.condition_view == "first" else int(torch.randint(total, (1,), generator=generator))
        count = self.num_views or total
        if self.view_spacing == "random":
            views = randomly_spaced(total, count, start, generator)
        else:
            views = evenly_spaced(total, count, start)
        sample, transform = select_views(sample, views, align_first=start != 0)
        if sample.images.dtype == torch.uint8:  # preloaded: only the selected views are converted
            sample = replace(sample, images=sample.images.float() / 255.0)
        if self.image_size is not None:
            sample = resize_sample(sample, self.image_size)
        rgba = sample.rgba
        background = self._background(generator)
        images = rgba[:, :3] * rgba[:, 3:] + background[:, None, None] * (1.0 - rgba[:, 3:])
        item: dict[str, Any] = {
            "images": images,
            "alpha": rgba[:, 3:],
            "condition_image": images[0],
            "c2w": sample.cameras.c2w,
            "intrinsics": sample.cameras.intrinsics,
            "camera_embedding": sample.cameras.embedding(self.camera_convention),
            "caption": sample.caption or "",
            "background": background,
            "view_indices": torch.tensor(views),
            "world_transform": transform,
            "path": str(self.paths[index]),
            # The global sample index: keys the per-sample noise of training steps (rank-independent).
            "index": index,
        }
        if self.plucker_size is not None:
            item["plucker"] = sample.cameras.plucker(self.plucker_size, self.plucker_size)
        return item


def preload_samples(paths: Sequence[Path], threads: int | None = None) -> list[MultiViewSample]:
    """The samples at ``paths`` with their views as ``uint8`` RGBA, read on a thread pool (PNG
    decoding releases the GIL)."""

    def read_8bit(path: Path) -> MultiViewSample:
        sample = read_sample(path)
        return replace(sample, images=(sample.images * 255.0).round().to(torch.uint8))

    with ThreadPoolExecutor(threads or min(16, os.cpu_count() or 1)) as pool:
        loaded = pool.map(read_8bit, paths)
        return list(tqdm(loaded, total=len(paths), desc="loading samples", unit="sample", leave=False))


def select_views(
    sample: MultiViewSample, views: Sequence[int], align_first: bool = False
) -> tuple[MultiViewSample, torch.Tensor]:
    """The sample restricted to ``views`` (in that order).

    With ``align_first`` the world is rotated about z so the first selected view sits at
    azimuth 0, which expresses all cameras relative to it.

    Returns:
        ``(sample, transform)`` with ``transform`` the ``(4, 4)`` map from old to new world.
    """
    cameras = sample.cameras[list(views)]
    transform = torch.eye(4)
    if align_first:
        azimuth = float(cameras.spherical()[0][0])
        transform = rotation_about_z(-azimuth)
        cameras = Cameras(transform @ cameras.c2w, cameras.intrinsics, cameras.width, cameras.height)
    images = sample.images[list(views)]
    return MultiViewSample(images, cameras, sample.caption, sample.meta), transform


def resize_sample(sample: MultiViewSample, size: int) -> MultiViewSample:
    """The sample with square views of ``size`` pixels (area-averaged when shrinking)."""
    if sample.images.shape[-2:] == (size, size):
        return sample
    shrinking = size < sample.images.shape[-1]
    rgba = sample.rgba
    # Resize premultiplied colour so the background colour under transparent pixels never
    # bleeds into the object's edge.
    premultiplied = torch.cat([rgba[:, :3] * rgba[:, 3:], rgba[:, 3:]], dim=1)
    resized = F.interpolate(
        premultiplied,
        size=(size, size),
        mode="area" if shrinking else "bilinear",
        **({} if shrinking else {"align_corners": False}),
    ).clamp(0.0, 1.0)
    alpha = resized[:, 3:]
    rgb = torch.where(alpha > 1e-6, resized[:, :3] / alpha.clamp_min(1e-6), torch.zeros_like(resized[:, :3]))
    images = torch.cat([rgb.clamp(0.0, 1.0), alpha], dim=1)
    return MultiViewSample(images, sample.cameras.resized(size, size), sample.caption, sample.meta)
