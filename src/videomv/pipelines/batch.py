"""Many generations in one run: a list of inputs in, one result folder per item and a manifest out.

``videomv generate --inputs LIST --out DIR`` runs this. LIST is

* a folder of images (``.png``, ``.jpg`` …, not its subfolders or hidden files), in name order;
* a ``.txt`` file of prompts, one a line (blank lines and lines starting with ``#`` are skipped);
* a ``.jsonl`` file of objects ``{"image": …, "prompt": …, "seed": …, "name": …}`` (each key
  optional, but an image or a prompt is needed; image paths are relative to the file's folder).

``DIR`` gets one folder per item, exactly what a single ``videomv generate`` writes (named from
the item: its ``name``, its image's file name, or its prompt; made safe and unique in list order),
and ``manifest.jsonl``: one line per item with its status (``ok``, ``failed`` with a one-line
error, or ``pending``), seed, timings, thread count and output folder.

**Resumable.** An item folder appears only once complete (staged, then renamed; ``result.json``
and the owner marker written last), so a run started again skips the items already done and
redoes the rest; a half-written staging folder of a killed run is removed when its item is
redone. Items that failed are skipped (and reported) unless ``retry_failed``.

**Across processes.** The items are split by one rule, *item index mod N*: process I of N takes
items I, I + N, I + 2N … (``--shard I/N``, the ranks of ``accelerate launch``, or the processes of
``--num-processes``). Each process appends what it did to its own file in ``manifest.parts/``;
the manifest is merged from those files and the folders on disk, atomically, by a run over the
whole list (rank 0 after the others finished, the parent of ``--num-processes``, or, after N
``--shard`` jobs, the same command without ``--shard``, which finds every item done).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from .. import __version__
from ..fileio import OWNER_MARKER, check_output_folder, check_writable, foreign_files, write_text_atomic
from . import export

MANIFEST_FILE = "manifest.jsonl"
# How long rank 0 of a launcher waits at the end for the other ranks to finish their shares.
BARRIER_TIMEOUT = timedelta(days=7)
# One file per process and run: ``<shard>-<host>-<pid>-<start>.jsonl``, a record appended per item.
PARTS_FOLDER = "manifest.parts"
# What wrote the batch folder, and from which list (for people; the checks read the folder itself).
BATCH_MARKER = ".videomv-batch"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff")
ITEM_KEYS = ("image", "prompt", "seed", "name")
# Folder names: letters, digits, dot, dash and underscore, not starting with a dot; at most this long.
MAX_NAME = 64
RESERVED_NAMES = (MANIFEST_FILE, PARTS_FOLDER)
# Left beside an item by fileio.staged_folder / write_text_atomic while writing (and by a run killed then).
_STAGING = re.compile(r"\..+\.videomv-\d+-[0-9a-f]{6}-[a-z0-9_]+\.(?:tmp|old)|\..+\.tmp")


@dataclass
class BatchItem:
    """One entry of the input list.

    Attributes:
        index: its position in the list (0-based): the sharding rule and the default seed use it.
        name: its result folder under the batch folder.
        image, prompt: what to generate from.
        seed: the item's own seed, or the run's seed + index.
        source: the entry as the list gave it (with its line number), for the manifest.
    """

    index: int
    name: str
    image: str | None
    prompt: str | None
    seed: int
    source: dict[str, Any]


# ------------------------------------------------------------------------------------------- reading lists


def read_inputs(path: str | os.PathLike, seed: int = 0) -> list[BatchItem]:
    """The items of ``--inputs``: a folder of images, a ``.txt`` of prompts or a ``.jsonl`` of objects.

    Only the list's shape is checked here (a whole-run error); a missing or damaged image, an empty
    prompt or a bad seed is the item's own failure, recorded when it runs.

    Raises:
        FileNotFoundError, ValueError: one line naming ``--inputs`` (and the line at fault).
    """
    path = Path(path)
    option = f"--inputs {path}"
    if path.is_dir():
        entries = [_image_entry(file) for file in sorted(path.iterdir()) if _is_listed_image(file)]
        what = f"no images ({', '.join(IMAGE_SUFFIXES)})"
    elif not path.exists():
        raise FileNotFoundError(f"{option}: not found; give a folder of images, a .txt of prompts or a .jsonl file")
    elif path.suffix.lower() == ".txt":
        entries, what = _prompt_entries(_read_text(path, option)), "no prompts (blank lines and # comments skipped)"
    elif path.suffix.lower() == ".jsonl":
        entries, what = _jsonl_entries(_read_text(path, option), path.parent, option), "no entries"
    else:
        raise ValueError(f"{option}: give a folder of images, a .txt of prompts (one a line) or a .jsonl file")
    if not entries:
        raise ValueError(f"{option}: holds {what}; nothing to generate")
    names = unique_names(_default_name(entry) for entry in entries)
    return [
        BatchItem(
            index=i,
            name=name,
            image=entry.get("image"),
            prompt=entry.get("prompt"),
            seed=entry["seed"] if "seed" in entry else seed + i,
            source=entry["source"],
        )
        for i, (entry, name) in enumerate(zip(entries, names, strict=True))
    ]


def _is_listed_image(file: Path) -> bool:
    return file.suffix.lower() in IMAGE_SUFFIXES and not file.name.startswith(".") and not file.is_dir()


def _image_entry(file: Path) -> dict[str, Any]:
    return {"image": str(file), "source": {"image": str(file)}}


def _read_text(path: Path, option: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{option}: not UTF-8 text; save the list as UTF-8") from None
    except OSError as error:
        raise ValueError(f"{option}: cannot read it ({error.strerror or type(error).__name__})") from None


def _prompt_entries(text: str) -> list[dict[str, Any]]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        prompt = line.strip()
        if prompt and not prompt.startswith("#"):
            entries.append({"prompt": prompt, "source": {"prompt": prompt, "line": number}})
    return entries


def _jsonl_entries(text: str, folder: Path, option: str) -> list[dict[str, Any]]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{option}, line {number}"
        try:
            given = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{where}: not JSON ({error.msg}); give one object a line") from None
        if not isinstance(given, dict):
            raise ValueError(f'{where}: give an object, e.g. {{"prompt": "a red chair", "seed": 3}}')
        unknown = sorted(set(given) - set(ITEM_KEYS))
        if unknown:
            raise ValueError(f"{where}: unknown key {unknown[0]!r}; the keys are {', '.join(ITEM_KEYS)}")
        for key in ("image", "prompt", "name"):
            if key in given and not isinstance(given[key], str):
                raise ValueError(f"{where}: {key} must be a string, got {given[key]!r}")
        if "seed" in given and (isinstance(given["seed"], bool) or not isinstance(given["seed"], int)):
            raise ValueError(f"{where}: seed must be a whole number, got {given['seed']!r}")
        if "image" not in given and "prompt" not in given:
            raise ValueError(f"{where}: give an image, a prompt or both")
        entry = {key: value for key, value in given.items() if key != "image"}
        if "image" in given:
            entry["image"] = str(folder / given["image"])  # relative to the list's folder
        entries.append({**entry, "source": {**given, "line": number}})
    return entries


def _default_name(entry: dict[str, Any]) -> str:
    """An item's folder name before deduplication: its name, its image's file name or its prompt."""
    if entry.get("name"):
        return entry["name"]
    if entry.get("image"):
        return Path(entry["image"]).stem
    return (entry.get("prompt") or "").lower()


def safe_name(text: str) -> str:
    """``text`` as a folder name that stays inside its parent: ``[A-Za-z0-9._-]``, no leading dot, not empty."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-_")[:MAX_NAME].rstrip(".-_")
    return name or "item"


def unique_names(names: Iterable[str]) -> list[str]:
    """:func:`safe_name` of each, made unique in order (``chair``, ``chair-2`` …), ignoring case (for
    case-insensitive file systems) and avoiding the batch folder's own files."""
    taken = {name.lower() for name in RESERVED_NAMES}
    unique = []
    for raw in names:
        base = safe_name(raw)
        name, count = base, 1
        while name.lower() in taken:
            count += 1
            name = f"{base[: MAX_NAME - len(str(count)) - 1]}-{count}"
        taken.add(name.lower())
        unique.append(name)
    return unique


def shard_items(items: Sequence[BatchItem], shard: tuple[int, int] | None) -> list[BatchItem]:
    """The items of shard ``(I, N)``: those whose index is I mod N (all without a shard)."""
    if shard is None:
        return list(items)
    index, total = shard
    return [item for item in items if item.index % total == index]


def sub_shard(shard: tuple[int, int] | None, index: int, count: int) -> tuple[int, int]:
    """Process ``index`` of ``count`` splitting ``shard``'s items: shard ``(I + N·index, N·count)``.

    By the mod rule its items are every ``count``-th of ``shard``'s, so the ``count`` processes
    together take exactly ``shard``'s items.
    """
    first, total = shard or (0, 1)
    return first + total * index, total * count


# ------------------------------------------------------------------------------------------- the folder


def item_settings(template: export.GenerateSettings, item: BatchItem) -> export.GenerateSettings:
    """The run's settings for ``item``: its prompt, image and seed."""
    return replace(template, prompt=item.prompt, image=item.image, seed=item.seed)


def is_complete(folder: Path) -> bool:
    """Whether an item folder holds a finished result (the owner marker and result.json are written last)."""
    return (folder / OWNER_MARKER).is_file() and (folder / export.RESULT_FILE).is_file()


def check_batch_folder(out: Path, items: Sequence[BatchItem], overwrite: bool = False) -> None:
    """Refuses, before any model loads, a ``--out`` that is not new, empty or a batch of ours.

    A batch of ours holds only what runs of ours write there: its marker, manifest and manifest
    parts, item folders with our owner marker, and our staging leftovers (the marker is not required:
    processes started together on an empty folder create it at the same time). A finished item folder
    must be the result of the item of that name (same prompt, image and seed), unless ``overwrite``,
    which redoes every item and so needs each existing item folder to be wholly ours, unchanged (as a
    single ``generate``).

    Raises:
        FileExistsError, NotADirectoryError, PermissionError, ValueError: one line naming ``--out``.
    """
    if out.is_symlink() or not out.is_dir() or not any(out.iterdir()):
        check_output_folder(out)  # new or empty: the single generate's rules
        return
    foreign = [entry.name for entry in sorted(out.iterdir()) if not _ours(entry)]
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise FileExistsError(
            f"--out {out} holds files that are not a batch of videomv generate --inputs ({shown}); move them or "
            "choose another --out"
        )
    for item in items:
        folder = out / item.name
        if not folder.is_dir():
            continue
        if overwrite:
            reason = foreign_files(folder)
            if reason is not None:
                raise FileExistsError(f"--overwrite refused: {folder} {reason}; move them or choose another --out")
        elif is_complete(folder):
            _check_same_item(folder, item)
    check_writable(out, "--out", inside=True)


def _ours(entry: Path) -> bool:
    if entry.is_symlink():
        return False
    if entry.name in (BATCH_MARKER, MANIFEST_FILE) or _STAGING.fullmatch(entry.name):
        return True
    if entry.name == PARTS_FOLDER:
        return entry.is_dir()
    return entry.is_dir() and (entry / OWNER_MARKER).is_file()


def _check_same_item(folder: Path, item: BatchItem) -> None:
    """Refuses a finished folder that holds another item's result (the list changed since)."""
    try:
        settings = json.loads((folder / export.RESULT_FILE).read_text())["settings"]
    except (OSError, ValueError, KeyError, TypeError):
        raise ValueError(f"--out: {folder}/{export.RESULT_FILE} is not a result of ours; pass --overwrite") from None
    image = str(Path(item.image).resolve()) if item.image else None
    theirs = (settings.get("prompt"), settings.get("image"), settings.get("seed"))
    for what, mine, other in zip(("prompt", "image", "seed"), (item.prompt, image, item.seed), theirs, strict=True):
        if mine != other:
            raise ValueError(
                f"--out: {folder} holds the result of another item ({what} {other!r}, the list now says {mine!r}); "
                "pass --overwrite to redo the items, or choose another --out"
            )


def prepare_batch_folder(out: Path, inputs: str | os.PathLike) -> None:
    """Makes ``out`` a batch folder of ours (its marker and parts folder). Safe to run from several processes."""
    (out / PARTS_FOLDER).mkdir(parents=True, exist_ok=True)
    marker = {"written_by": f"videomv generate --inputs ({__version__})", "inputs": str(inputs)}
    with contextlib.suppress(FileExistsError), open(out / BATCH_MARKER, "x", encoding="utf-8") as handle:
        handle.write(json.dumps(marker, indent=1) + "\n")  # the first process to get here writes it


# ------------------------------------------------------------------------------------------- records


class PartWriter:
    """This process's file in ``manifest.parts/``: one JSON line appended (and flushed) per item."""

    def __init__(self, out: Path, shard: tuple[int, int] | None) -> None:
        index, total = shard or (0, 1)
        stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}"
        self.path = out / PARTS_FOLDER / f"shard-{index}-of-{total}-{socket.gethostname()}-{os.getpid()}-{stamp}.jsonl"
        self.shard = f"{index}/{total}"

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps({**record, "shard": self.shard, "time": time.time()}, allow_nan=False)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
            handle.flush()
            os.fsync(handle.fileno())


def read_records(out: Path) -> dict[str, dict[str, Any]]:
    """The latest record of each item name in ``manifest.parts/`` (a torn last line of a killed process is skipped)."""
    latest: dict[str, dict[str, Any]] = {}
    for part in sorted((out / PARTS_FOLDER).glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
                name, stamp = record["name"], float(record["time"])
            except (ValueError, KeyError, TypeError):
                continue
            if name not in latest or stamp >= latest[name]["time"]:
                latest[name] = record
    return latest


def _ok_record(item: BatchItem, result: dict[str, Any]) -> dict[str, Any]:
    """An ``ok`` record of ``item`` from its ``result.json`` content."""
    settings = result.get("settings", {})
    return {
        **_entry(item), "status": "ok", "seed": result.get("seed", item.seed), "error": None,
        "timings_s": result.get("timings_s"), "threads": settings.get("threads"),
        "batch_size": settings.get("batch_size", 1),
    }  # fmt: skip


def _failed_record(item: BatchItem, error: BaseException) -> dict[str, Any]:
    message = " ".join(str(error.args[0] if isinstance(error, KeyError) and error.args else error).split())
    return {**_entry(item), "status": "failed", "seed": item.seed, "error": message or type(error).__name__}


def _entry(item: BatchItem) -> dict[str, Any]:
    return {"index": item.index, "name": item.name, "item": item.source, "output": item.name}


def merge_manifest(out: Path, items: Sequence[BatchItem]) -> Counter:
    """Writes ``manifest.jsonl`` (atomically): each item's latest record, its folder on disk winning.

    An item whose folder is complete is ``ok`` (its record, or one read from its ``result.json``);
    else its latest record (``failed``), else ``pending``. Returns the count of each status.
    """
    records = read_records(out)
    lines, counts = [], Counter()
    for item in items:
        record = records.get(item.name)
        if is_complete(out / item.name):
            if record is None or record.get("status") != "ok":
                record = _ok_record(item, _read_result(out / item.name))
        elif record is None or record.get("status") != "failed":
            record = {**_entry(item), "status": "pending", "seed": item.seed, "error": None}
        entry = {**record, **_entry(item)}  # the list's current index and source
        entry.pop("time", None)
        counts[entry["status"]] += 1
        lines.append(json.dumps(entry, allow_nan=False))
    write_text_atomic(out / MANIFEST_FILE, "".join(line + "\n" for line in lines))
    return counts


def _read_result(folder: Path) -> dict[str, Any]:
    try:
        return json.loads((folder / export.RESULT_FILE).read_text())
    except (OSError, ValueError):
        return {}


# ------------------------------------------------------------------------------------------- running


@dataclass
class BatchReport:
    """What one process did with its share of the list."""

    generated: int = 0
    done_before: int = 0
    failed: list[str] = field(default_factory=list)
    failed_before: list[str] = field(default_factory=list)
    manifest: Counter | None = None


@dataclass
class BatchJob:
    """One process's share of a batch: which items, with which settings, into which folder.

    Attributes:
        items: the whole list (:func:`read_inputs`).
        template: the run's settings (prompt, image and seed come from each item).
        out: the batch folder.
        inputs: the list's path, recorded in the batch folder's marker.
        batch_size: items per pipeline call (several per UNet forward); items are batched only with
            items of the same kind (prompt, image or both), and alone on models that cannot batch.
        overwrite: redo every item, replacing its folder.
        retry_failed: run items that failed before again (else they are skipped and reported).
        shard: ``(I, N)``: only items whose index is I mod N.
        merge: write ``manifest.jsonl`` at the end (a run over the whole list).
        progress: show an items progress bar.
    """

    items: Sequence[BatchItem]
    template: export.GenerateSettings
    out: Path
    inputs: str | os.PathLike = ""
    batch_size: int = 1
    overwrite: bool = False
    retry_failed: bool = False
    shard: tuple[int, int] | None = None
    merge: bool = True
    progress: bool = True

    def check(self) -> None:
        """Everything that is wrong for the whole run, before any model loads (one-line errors)."""
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ValueError(f"--batch-size must be a whole number of at least 1, got {self.batch_size!r}")
        # The shared settings alone (a stand-in prompt): the items' prompts and images are checked per item.
        replace(self.template, prompt="-", image=None, seed=0).check()
        check_batch_folder(self.out, self.items, self.overwrite)

    def todo(self) -> tuple[list[BatchItem], BatchReport]:
        """This process's items still to run, and the report of those it skips."""
        report = BatchReport()
        records = read_records(self.out) if (self.out / PARTS_FOLDER).is_dir() else {}
        todo = []
        for item in shard_items(self.items, self.shard):
            if not self.overwrite and is_complete(self.out / item.name):
                report.done_before += 1
            elif not (self.overwrite or self.retry_failed) and records.get(item.name, {}).get("status") == "failed":
                report.failed_before.append(item.name)
            else:
                todo.append(item)
        return todo, report

    def run(self, load: Callable[[], export.VideoMVPipeline], info: dict[str, Any] | None = None) -> BatchReport:
        """Runs this process's share: skips what is done, records each item, loads the model only if needed.

        Args:
            load: returns the pipeline; called once, and only when an item is left to generate.
            info: extra entries for each item's ``result.json`` settings (model, device …).
        """
        self.check()
        prepare_batch_folder(self.out, self.inputs)
        todo, report = self.todo()
        part = PartWriter(self.out, self.shard)
        try:
            ready = []
            for item in todo:
                try:
                    item_settings(self.template, item).check()  # a missing image, an empty prompt …
                    ready.append(item)
                except Exception as error:  # the item's failure, recorded; the batch goes on
                    part.write(_failed_record(item, error))
                    report.failed.append(item.name)
            if ready:
                self._generate(load(), ready, part, report, info)
        finally:
            if self.merge:
                report.manifest = merge_manifest(self.out, self.items)
        return report

    def _generate(
        self,
        pipe: export.VideoMVPipeline,
        items: list[BatchItem],
        part: PartWriter,
        report: BatchReport,
        info: dict[str, Any] | None,
    ) -> None:
        from tqdm.auto import tqdm

        size = self.batch_size if export.can_batch(pipe) else 1
        desc = "items" if self.shard is None else f"items {self.shard[0]}/{self.shard[1]}"
        with tqdm(total=len(items), desc=desc, unit="item", disable=not self.progress) as bar:
            for chunk in self._chunks(items, size):
                for item, outcome in self._run_chunk(pipe, chunk, info):
                    if isinstance(outcome, BaseException):
                        part.write(_failed_record(item, outcome))
                        report.failed.append(item.name)
                    else:
                        part.write(_ok_record(item, outcome.record))
                        report.generated += 1
                    bar.update(1)

    def _chunks(self, items: list[BatchItem], size: int) -> Iterator[list[BatchItem]]:
        """Chunks of up to ``size`` items that share a :func:`export.batch_key`, each yielded when full (so
        at size 1 in list order), the partly filled ones at the end."""
        pending: dict[tuple, list[BatchItem]] = {}
        for item in items:
            key = export.batch_key(item_settings(self.template, item))
            pending.setdefault(key, []).append(item)
            if len(pending[key]) == size:
                yield pending.pop(key)
        yield from pending.values()

    def _run_chunk(
        self, pipe: export.VideoMVPipeline, chunk: list[BatchItem], info: dict[str, Any] | None
    ) -> list[tuple[BatchItem, export.GenerateResult | BaseException]]:
        """Generates the chunk in one call; if that fails, each item alone, so one bad item fails alone."""
        settings = [item_settings(self.template, item) for item in chunk]
        outs = [self.out / item.name for item in chunk]
        try:
            results = export.generate_to_folders(pipe, settings, outs, self.overwrite, False, info)
            return list(zip(chunk, results, strict=True))
        except Exception as error:  # recorded as the item's failure
            if len(chunk) == 1:
                return [(chunk[0], error)]
        return [outcome for item in chunk for outcome in self._run_chunk(pipe, [item], info)]


def launcher_rank() -> tuple[int, int] | None:
    """``(rank, world size)`` when started by ``accelerate launch`` / ``torchrun`` with several processes."""
    try:
        world = int(os.environ.get("WORLD_SIZE", "1"))
        rank = int(os.environ.get("RANK", "0"))
    except ValueError:
        return None
    return (rank, world) if world > 1 else None


def threads_per_process(count: int, threads: int | None = None) -> int:
    """CPU threads for each of ``count`` processes sharing this one's (at least 1 each)."""
    from ..threads import default_threads

    if threads is None:
        chosen = os.environ.get("VIDEOMV_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS") or ""
        threads = int(chosen) if chosen.strip().isdigit() else default_threads()
    return max(1, math.floor(threads / count))
