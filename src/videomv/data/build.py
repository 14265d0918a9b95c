"""Builds multi-view datasets by rendering objects on orbits: ``videomv data build`` / ``data render``.

Layout of a built dataset::

    OUT/
      index.json              every sample: path, name, caption, split, source, meta
      failures.json           objects that could not be rendered, with the reason
      parts/                  what each build process (shard) did, merged into the two files above
      train/<name>/           samples in the on-disk format (000.png ..., cameras.json)
      heldout/<name>/

One object gives one sample: an orbit of ``views`` cameras at one elevation, drawn from
``elevation_range`` by a generator seeded with ``seed`` and the object's name (so an object gets
the same elevation whatever list, shard or worker it is rendered in). A failing object is reported
on one line, recorded in ``failures.json`` and skipped; samples are written atomically (staged
beside their folder and renamed into place with ``cameras.json`` in them), so a sample folder is
either complete or absent. A build resumes: samples already present are kept unless ``overwrite``
is set, and the staging folder of a run that was killed is removed and its object rendered again.

**Scale.** ``workers`` processes render at once, each with its own EGL context (started by a
forkserver, since an EGL context does not survive ``fork``); they take the next object as they become free, and which
one renders an object changes nothing in its sample. ``shard=Shard(i, n)`` renders only the
objects at positions ``k`` of the job list with ``k % n == i``, so ``n`` machines given the same
command (the same list) with ``--shard 0/n`` ... ``--shard n-1/n`` render every object exactly once.

**Index across shards.** Each build writes what it did (its samples, kept or written, and its
failures) to its own file ``parts/<list>-<i>-of-<n>.json`` (``<list>``: a digest of the job list),
which no other shard writes, and then merges all parts into ``index.json`` and ``failures.json``.
Concurrent shards on a shared disk may finish together; each re-reads the parts after writing the
index and merges again if one changed meanwhile, so the last index written holds every part (the
files are replaced atomically, a reader never sees half of one). The merge keeps the entries of an
earlier ``index.json`` whose samples still exist (building sources one at a time into one folder
gives one index) and drops failures of objects that have since been rendered.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import re
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from ..cameras import orbit
from ..fileio import write_text_atomic
from .dataset import read_index
from .format import MultiViewSample, is_sample, read_json_object, write_sample
from .render import MESH_SUFFIXES, MeshRenderer, load_normalized_mesh

logger = logging.getLogger(__name__)

INDEX_FILE = "index.json"
FAILURES_FILE = "failures.json"
PARTS_FOLDER = "parts"
SOURCES = ("libero", "procedural")
MAX_WORKERS = 256
MAX_SHARDS = 10**6
WORKER_DIED = "render worker process died while rendering this or a concurrent object; rerun to retry"


@dataclass
class Job:
    """One object to render: how to load its (normalised) meshes and what to record about it.

    With several workers, jobs are sent to worker processes, so ``load`` must pickle: a
    module-level function or a ``functools.partial`` of one, not a lambda or a closure.
    """

    name: str
    split: str
    caption: str | None
    source: str
    load: Callable[[], list]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class RigOptions:
    """The orbit every sample is rendered on (elevation drawn per object from the range)."""

    views: int = 24
    size: int = 256
    elevation_range: tuple[float, float] = (0.0, 30.0)
    radius: float = 1.7
    fov: float = 39.6
    seed: int = 0


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count``: the jobs at positions ``k`` with ``k % count == index``."""

    index: int = 0
    count: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.count <= MAX_SHARDS:
            raise ValueError(f"--shard {self}: N must be a whole number in 1..{MAX_SHARDS}")
        if not 0 <= self.index < self.count:
            raise ValueError(f"--shard {self}: I must be in 0..{self.count - 1} (shards are numbered from 0)")

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"I/N"`` (e.g. ``"0/4"``, ``"$SLURM_ARRAY_TASK_ID/4"`` expanded) as a Shard."""
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if match is None:
            raise ValueError(f"--shard {text!r}: give I/N, shard I (from 0) of N, e.g. --shard 0/4")
        return cls(int(match[1]), int(match[2]))

    def select(self, items: Sequence[Any]) -> list[Any]:
        """The items of this shard, in their order."""
        return list(items[self.index :: self.count])

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


@dataclass
class BuildReport:
    """What a build did: samples written, kept from before, and failed (name -> reason).

    ``indexed`` and ``failures`` count the merged ``index.json`` and ``failures.json``, all
    shards included.
    """

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    indexed: int = 0
    failures: int = 0


# --- job lists ------------------------------------------------------------------------------------


def libero_jobs(split: str = "all", limit: int | None = None, cache: str | None = None) -> list[Job]:
    """Jobs for the LIBERO objects of ``split`` (downloads the packages on first use)."""
    from . import libero

    assets = libero.fetch_assets(cache)
    chosen = libero.objects(split)[:limit]
    return [
        Job(
            name=obj.name,
            split=obj.split,
            caption=obj.caption,
            source="libero",
            load=functools.partial(libero.load_object, obj, assets),
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


def _load_procedural(seed: int, index: int) -> list:
    from .procedural import procedural_object
    from .render import normalize_meshes

    return normalize_meshes(procedural_object(seed, index).meshes)


def procedural_jobs(count: int, seed: int = 0, split: str = "train") -> list[Job]:
    """Jobs for ``count`` procedural objects of the stream ``seed`` (all in ``split``)."""
    from .procedural import procedural_object

    jobs = []
    for index in range(count):
        obj = procedural_object(seed, index)
        meta = {"seed": seed, "index": index, **obj.spec}
        load = functools.partial(_load_procedural, seed, index)
        jobs.append(Job(obj.name, split, obj.caption, "procedural", load, meta))
    return jobs


def find_mesh_files(source: str | os.PathLike) -> list[Path]:
    """The mesh files of ``source``: a folder (searched recursively) or a ``.txt`` list.

    A list holds one mesh path a line (relative paths are read from the list's folder); blank
    lines and lines starting with ``#`` are skipped. Folders are listed in sorted order, so every
    shard sees the same list.

    Raises:
        FileNotFoundError, ValueError: a one-line reason naming ``source`` (and the line).
    """
    source = Path(source)
    if source.is_dir():
        files = sorted(p for p in source.rglob("*") if p.suffix.lower() in MESH_SUFFIXES and p.is_file())
        if not files:
            raise FileNotFoundError(
                f"{source} is a folder with no mesh files ({', '.join(MESH_SUFFIXES)}) in it; give a mesh file, "
                "a folder of meshes or a .txt list of mesh paths"
            )
        return files
    if not source.is_file():
        raise FileNotFoundError(f"mesh list not found: {source}")
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise ValueError(f"{source}: not a text file; write one mesh file path a line (UTF-8)") from None
    files = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        path = Path(text) if Path(text).is_absolute() else source.parent / text
        if path.suffix.lower() not in MESH_SUFFIXES:
            raise ValueError(f"{source} line {number}: {text}: unsupported mesh type; use {', '.join(MESH_SUFFIXES)}")
        if not path.is_file():
            raise FileNotFoundError(f"{source} line {number}: mesh file not found: {path}")
        files.append(path)
    if not files:
        raise ValueError(f"{source}: no mesh paths in the list; write one mesh file path a line")
    return files


def _safe_name(text: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")
    return "_" + name if name.startswith(".") or not name else name


def mesh_names(files: Sequence[Path]) -> list[str]:
    """A file-name-safe, unique sample name for each mesh file.

    The file's stem when the stems are unique (Objaverse's ``<uid>.glb``), else its path without
    the suffix and the folders all the files share, folders joined by ``__``; a digest of the path
    tells apart names that replacing unsafe characters made equal.
    """
    stems = [_safe_name(f.stem) for f in files]
    if len(set(stems)) == len(stems):
        return stems
    paths = [Path(f).absolute().with_suffix("") for f in files]
    shared = len(Path(os.path.commonpath(paths)).parts)
    names = [_safe_name("__".join(p.parts[min(shared, len(p.parts) - 1) :])) for p in paths]
    counts = {name: names.count(name) for name in names}
    return [
        f"{name}-{hashlib.sha256(str(f).encode()).hexdigest()[:8]}" if counts[name] > 1 else name
        for name, f in zip(names, files, strict=True)
    ]


def mesh_file_jobs(
    files: Sequence[Path], up_axis: str = "z", split: str = "train", caption: str | None = None
) -> list[Job]:
    """Jobs rendering each mesh file (normalised into the unit cube) into ``split``."""
    return [
        Job(
            name,
            split,
            caption,
            "mesh",
            functools.partial(load_normalized_mesh, str(path), up_axis),
            {"mesh": str(path), "up_axis": up_axis, "normalisation": "bbox centre, side 1"},
        )
        for name, path in zip(mesh_names(files), files, strict=True)
    ]


# --- rendering ------------------------------------------------------------------------------------


def _elevation_bounds(elevation_range: Sequence[float]) -> tuple[float, float]:
    low, high = (float(elevation_range[0]), float(elevation_range[-1]))
    if low > high:
        raise ValueError(f"elevation range must be (low, high), got ({low}, {high})")
    return low, high


def draw_elevation(name: str, elevation_range: Sequence[float], seed: int) -> float:
    """The elevation (degrees) of object ``name``: uniform in ``elevation_range``, from a generator
    seeded with ``seed`` and the name, so it depends on nothing else (not the list, shard or worker)."""
    low, high = _elevation_bounds(elevation_range)
    key = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "little")
    return float(np.random.default_rng([seed, key]).uniform(low, high))


def _render_job(job: Job, rig: RigOptions, renderer: MeshRenderer) -> MultiViewSample:
    elevation = draw_elevation(job.name, rig.elevation_range, rig.seed)
    cameras = orbit(rig.views, elevation, rig.radius, rig.fov, rig.size)
    images = renderer.render(job.load(), cameras)
    meta = {"name": job.name, "source": job.source, "split": job.split, "elevation": elevation, **job.meta}
    return MultiViewSample(images=images, cameras=cameras, caption=job.caption, meta=meta)


def _render_and_write(job: Job, rig: RigOptions, target: Path, overwrite: bool, renderer: MeshRenderer) -> str | None:
    """Renders and writes one sample; the reason it failed, or None."""
    try:
        write_sample(target, _render_job(job, rig, renderer), overwrite=overwrite)
    except Exception as error:  # one bad object must not stop the build
        return f"{type(error).__name__}: {error}"
    return None


# Called with each object as it is done: the reason it failed, or None.
Record = Callable[[Job, "str | None"], None]


def _render_here(
    jobs: Sequence[Job], out: Path, rig: RigOptions, overwrite: bool, renderer: MeshRenderer | None, record: Record
) -> None:
    """Renders in this process, with ``renderer`` or one made (and closed) here."""
    own = renderer is None
    renderer = renderer or MeshRenderer()
    try:
        for job in jobs:
            record(job, _render_and_write(job, rig, out / job.split / job.name, overwrite, renderer))
    finally:
        if own:
            renderer.close()


_worker_renderer: MeshRenderer | None = None


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the main process stops the build (and waits for
    # the renders under way, which are then complete); workers must not die half-way instead.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import torch

    torch.set_num_threads(1)  # torch only converts pixels here; the renderer has its own threads


def _render_in_worker(job: Job, rig: RigOptions, target: str, overwrite: bool) -> str | None:
    """A worker process's task: one EGL context per process, made on its first object."""
    global _worker_renderer
    if _worker_renderer is None:
        _worker_renderer = MeshRenderer()
    return _render_and_write(job, rig, Path(target), overwrite, _worker_renderer)


def _check_picklable(jobs: Sequence[Job]) -> None:
    for job in jobs:
        try:
            pickle.dumps(job)
        except Exception as error:
            raise TypeError(
                f"object {job.name}: its job cannot be sent to a worker process ({type(error).__name__}: {error}); "
                "make Job.load a module-level function or a functools.partial of one, or use one worker"
            ) from error


def _worker_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a clean server process that has imported this module once.

    Never forked from this process: an EGL context (or a used torch thread pool) does not survive
    ``fork``; the server has neither, so its children start fast (no imports) and clean. Where
    there is no forkserver (Windows, macOS's default), workers are spawned.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _render_in_workers(
    jobs: Sequence[Job], out: Path, rig: RigOptions, overwrite: bool, workers: int, record: Record
) -> None:
    """Renders in ``workers`` worker processes, recording each object as it is done.

    At most two objects per worker are queued, so stopping (Ctrl-C, SIGTERM) waits only for the
    renders under way, which are recorded too. A worker that dies (a crash in a mesh parser or the
    driver, the out-of-memory killer) fails the objects under way, which a rerun retries, and the
    build goes on with fresh workers.
    """
    pending = deque(jobs)
    context = _worker_context()
    while pending:
        pool = ProcessPoolExecutor(min(workers, len(pending)), mp_context=context, initializer=_start_worker)
        running: dict[Future, Job] = {}
        try:
            while pending or running:
                while pending and len(running) < 2 * workers:
                    job = pending.popleft()
                    target = str(out / job.split / job.name)
                    running[pool.submit(_render_in_worker, job, rig, target, overwrite)] = job
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                if any(isinstance(future.exception(), BrokenProcessPool) for future in done):
                    break  # every object under way fails at once; those not yet queued go to a fresh pool
                for future in done:
                    record(running.pop(future), future.result())
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            for future, job in running.items():
                if future.cancelled():  # never started (the build is stopping)
                    continue
                if isinstance(future.exception(), BrokenProcessPool):
                    record(job, WORKER_DIED)
                else:  # finished while stopping: complete, so recorded
                    record(job, future.result())


class _Progress:
    """A progress bar over a shard's objects showing the render rate in objects per minute."""

    def __init__(self, total: int, kept: int, shard: Shard, show: bool) -> None:
        desc = "rendering" if shard.count == 1 else f"rendering shard {shard}"
        self.bar = tqdm(total=total, initial=kept, desc=desc, unit="object", disable=not show)
        self.start = time.perf_counter()
        self.done = 0

    def update(self) -> None:
        self.done += 1
        minutes = (time.perf_counter() - self.start) / 60.0
        self.bar.set_postfix_str(f"{self.done / max(minutes, 1e-9):.1f} objects/min", refresh=False)
        self.bar.update(1)

    def write(self, line: str) -> None:
        """Prints ``line`` above the bar (failures are printed even without a bar)."""
        tqdm.write(line)

    def close(self) -> None:
        self.bar.close()


def _entry(job: Job) -> dict[str, Any]:
    return {
        "path": f"{job.split}/{job.name}",
        "name": job.name,
        "caption": job.caption,
        "split": job.split,
        "source": job.source,
        "meta": job.meta,
    }


def build(
    jobs: Sequence[Job],
    out: str | os.PathLike,
    rig: RigOptions | None = None,
    overwrite: bool = False,
    renderer: MeshRenderer | None = None,
    workers: int = 1,
    shard: Shard | None = None,
    progress: bool = True,
) -> BuildReport:
    """Renders the jobs of ``shard`` into ``out`` and merges ``index.json`` and ``failures.json``.

    Args:
        jobs: the objects to render (every shard must be given the same list).
        out: the dataset folder (created if needed).
        rig: the cameras; the default is 24 views, 256 px, elevations in [0, 30], radius 1.7.
        overwrite: re-render samples that already exist instead of keeping them.
        renderer: a renderer to reuse with one worker; one is created (and closed) if None.
        workers: processes rendering at once, each with its own EGL context; 1 renders here.
        shard: which part of ``jobs`` this build renders (see :class:`Shard`); all by default.
        progress: show a progress bar (with the rate in objects per minute).

    Returns:
        A report of the written, kept and failed samples. Failures never raise.
    """
    rig = rig or RigOptions()
    shard = shard or Shard()
    if not 1 <= workers <= MAX_WORKERS:
        raise ValueError(f"--workers {workers}: must be a whole number in 1..{MAX_WORKERS}")
    _elevation_bounds(rig.elevation_range)  # a reversed range fails here, before any work
    mine = shard.select(jobs)
    if workers > 1:
        _check_picklable(mine)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    start = time.perf_counter()
    todo = []
    entries = {}  # path -> index entry
    for job in mine:
        if is_sample(out / job.split / job.name) and not overwrite:
            report.kept.append(job.name)
            entries[_entry(job)["path"]] = _entry(job)
        else:
            todo.append(job)
    for split in sorted({job.split for job in todo}):
        # Made here, once: a sample's staging would remove a split folder it made if its write
        # failed, under another worker or shard about to write there.
        (out / split).mkdir(exist_ok=True)
    bar = _Progress(len(mine), len(report.kept), shard, progress)

    def record(job: Job, reason: str | None) -> None:
        if reason is None:
            report.written.append(job.name)
            entries[_entry(job)["path"]] = _entry(job)
        else:
            bar.write(f"FAILED {job.name}: {reason}")
            report.failed[job.name] = reason
        bar.update()

    try:
        if workers > 1:
            _render_in_workers(todo, out, rig, overwrite, workers, record)
        else:
            _render_here(todo, out, rig, overwrite, renderer, record)
    finally:
        bar.close()
        # What was done before an interruption is indexed too.
        part = {"shard": str(shard), "rig": asdict(rig), "samples": list(entries.values()), "failed": report.failed}
        _write_json(out / PARTS_FOLDER / f"{_list_digest(jobs)}-{shard.index}-of-{shard.count}.json", part)
        report.indexed, report.failures = merge_index(out, rig)
    report.seconds = time.perf_counter() - start
    return report


# --- index ----------------------------------------------------------------------------------------


def _write_json(path: Path, payload: Any) -> None:
    write_text_atomic(path, json.dumps(payload, indent=2) + "\n")


def _list_digest(jobs: Sequence[Job]) -> str:
    """Eight hex digits naming the job list: the shards of one list share their part files' prefix."""
    names = "\n".join(f"{job.split}/{job.name}" for job in jobs)
    return hashlib.sha256(names.encode("utf-8")).hexdigest()[:8]


def _parts_state(out: Path) -> dict[str, tuple[int, int]]:
    folder = out / PARTS_FOLDER
    if not folder.is_dir():
        return {}
    state = {}
    for path in folder.glob("*.json"):
        try:
            stat = path.stat()
        except FileNotFoundError:  # replaced under us: the next look sees the new one
            continue
        state[path.name] = (stat.st_size, stat.st_mtime_ns)
    return state


def _read_parts(out: Path, state: dict[str, tuple[int, int]]) -> list[dict[str, Any]]:
    """The part files, oldest first (a later part's entry for the same sample wins)."""
    names = sorted(state, key=lambda name: (state[name][1], name))
    return [read_json_object(out / PARTS_FOLDER / name) for name in names]


def _merged(out: Path, parts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    samples = {e["path"]: e for e in (read_index(out) if (out / INDEX_FILE).is_file() else [])}
    failed: dict[str, str] = {}
    for part in parts:
        samples.update((e["path"], e) for e in part.get("samples", []))
        failed.update(part.get("failed", {}))
    entries = sorted((e for e in samples.values() if is_sample(out / e["path"])), key=lambda e: e["path"])
    done = {e["name"] for e in entries}
    return entries, {name: reason for name, reason in sorted(failed.items()) if name not in done}


def merge_index(out: str | os.PathLike, rig: RigOptions) -> tuple[int, int]:
    """Merges the part files of ``out`` (all shards) into ``index.json`` and ``failures.json``.

    Repeated until no part changed while merging, so that of concurrent shards finishing
    together, the last to write the index has merged every part (see the module docstring).

    Returns:
        The number of samples in the index and of failures.
    """
    out = Path(out)
    while True:
        state = _parts_state(out)
        entries, failed = _merged(out, _read_parts(out, state))
        _write_json(out / INDEX_FILE, {"samples": entries, "rig": asdict(rig)})
        _write_json(out / FAILURES_FILE, failed)
        if _parts_state(out) == state:
            return len(entries), len(failed)
