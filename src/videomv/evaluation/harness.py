"""The evaluation loop: every object, every method, one protocol, one output folder.

For each object the harness reads it, lets each method generate its views, scores them with the
protocol, saves the views (``views/<method>/<object>/``, the on-disk format, so a later run can
score them again as ``external:DIR``) and rewrites ``metrics.json``, so an interrupted run keeps
what it finished. A failure (an unreadable object, a method that raises) is recorded in
``metrics.json`` and the log, and the run goes on. At the end it adds the summary and run-level
metrics and writes ``report.md`` and the plots.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from ..data.format import MultiViewSample, write_sample
from ..fileio import check_writable
from .methods import Method, split_alpha
from .metrics import LPIPS_UNAVAILABLE
from .objects import EvalObject, ObjectSource
from .protocols import EvalProtocol
from .report import (
    METRICS_FILE,
    PLOTS_DIR,
    REPORT_FILE,
    paired_comparisons,
    summarise,
    versions,
    write_metrics,
    write_plots,
    write_report,
)
from .text_metrics import TEXT_METRICS_UNAVAILABLE

logger = logging.getLogger(__name__)
VIEWS_DIR = "views"
# What an evaluation writes into its folder; --overwrite replaces a folder holding nothing else.
EVALUATION_ENTRIES = frozenset({METRICS_FILE, REPORT_FILE, VIEWS_DIR, PLOTS_DIR})


def check_output_folder(out: str | os.PathLike, overwrite: bool = False) -> Path:
    """Refuses, before any work and without touching anything, an output folder that cannot be used.

    ``out`` may be a new folder in a folder we can write to, an empty folder, or, with
    ``overwrite``, an earlier evaluation holding nothing but what an evaluation writes
    (:data:`EVALUATION_ENTRIES`). Never the current folder or one holding it.

    Raises:
        FileExistsError, NotADirectoryError, PermissionError, ValueError: one line naming ``out``.
    """
    out = Path(out)
    target, cwd = out.resolve(), Path.cwd().resolve()
    if target == cwd or target in cwd.parents:
        raise ValueError(f"--out {out} is the current folder or holds it; give a new folder, e.g. --out eval")
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"--out {out} exists and is not a folder; choose another --out")
    if out.is_dir() and any(out.iterdir()):
        earlier = (out / METRICS_FILE).is_file()
        if not (overwrite and earlier):
            hint = "pass --overwrite to replace it" if earlier else "choose another --out"
            raise FileExistsError(f"output folder {out} is not empty; {hint}")
        others = sorted(p.name for p in out.iterdir() if p.name not in EVALUATION_ENTRIES)
        if others:
            raise FileExistsError(
                f"--overwrite refused: {out} holds files an evaluation does not write ({', '.join(others[:3])}); "
                "move them or choose another --out"
            )
    check_writable(out, inside=True)
    return out


def prepare_output_folder(out: str | os.PathLike, overwrite: bool = False) -> Path:
    """``out``, checked (:func:`check_output_folder`) and cleared of an earlier evaluation's views and plots.

    Call it when the evaluation is about to start writing, so that a run refused or failing before
    then leaves the earlier evaluation whole.
    """
    out = check_output_folder(out, overwrite)
    if overwrite and out.is_dir():
        for folder in (VIEWS_DIR, PLOTS_DIR):
            shutil.rmtree(out / folder, ignore_errors=True)
    return out


def run_evaluation(
    protocol: EvalProtocol,
    objects: Sequence[ObjectSource],
    methods: Sequence[Method],
    out: str | os.PathLike,
    settings: dict[str, Any] | None = None,
    seed: int = 0,
    save_views: bool = True,
    progress: bool = True,
) -> dict[str, Any]:
    """Evaluates ``methods`` on ``objects`` with ``protocol`` and writes the results to ``out``.

    Args:
        protocol: how views are scored (views, consistency or text).
        objects: the objects, read one at a time.
        methods: what generates the views.
        out: the output folder (see :func:`check_output_folder`: call it first to refuse early, and
            :func:`prepare_output_folder` just before this).
        settings: what the run was asked to do, recorded in ``metrics.json`` and the report.
        seed: the sampling seed, the same for every object and method (paired comparisons).
        save_views: write every method's views to ``out/views/<method>/<object>/``.
        progress: show progress bars.

    Returns:
        The record written to ``metrics.json``.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    record: dict[str, Any] = {
        "protocol": protocol.name,
        "settings": {**(settings or {}), "seed": seed},
        "versions": versions(),
        "methods": [m.name for m in methods],
        "method_settings": {m.name: m.describe() for m in methods},
        "headline": list(protocol.headline),
        "higher_is_better": protocol.higher_is_better,
        "objects": {},
        "failures": [],
        "notes": [],
    }
    for source in tqdm(objects, desc=f"eval {protocol.name}", unit="object", disable=not progress):
        record["objects"][source.name] = _evaluate_object(protocol, source, methods, out, record, seed, save_views)
        write_metrics(out, record)
    record["run_metrics"] = protocol.finish()
    record["notes"] = [*LPIPS_UNAVAILABLE, *TEXT_METRICS_UNAVAILABLE]
    record["summary"] = summarise(record)
    record["paired"] = paired_comparisons(record)
    plots = write_plots(out, record)
    record["plots"] = plots
    write_metrics(out, record)
    write_report(out, record, plots)
    return record


def _evaluate_object(
    protocol: EvalProtocol,
    source: ObjectSource,
    methods: Sequence[Method],
    out: Path,
    record: dict[str, Any],
    seed: int,
    save_views: bool,
) -> dict[str, Any]:
    """The object's entry of ``metrics.json``; failures go to ``record["failures"]`` too."""
    try:
        obj = source.load()
    except Exception as err:  # one unreadable object must not stop the run
        _record_failure(record, source.name, None, err)
        return {"status": "failed", "error": _describe(err), "methods": {}}
    entry: dict[str, Any] = {"status": "ok", **obj.describe(), "methods": {}}
    for method in methods:
        tic = time.perf_counter()
        try:
            views = method.generate(obj, seed)
            generated = time.perf_counter() - tic
            result = protocol.score(obj, views, method.name)
            if save_views:
                _save_views(out / VIEWS_DIR / method.name.replace(":", "_") / obj.name, obj, views)
        except Exception as err:  # a method failing on one object must not stop the others
            _record_failure(record, obj.name, method.name, err)
            entry["methods"][method.name] = {"status": "failed", "error": _describe(err)}
            continue
        timing = {"generate": round(generated, 3), "total": round(time.perf_counter() - tic, 3)}
        entry["methods"][method.name] = {"status": "ok", **result, "seconds": timing}
    return entry


def _describe(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}"


def _record_failure(record: dict[str, Any], name: str, method: str | None, err: Exception) -> None:
    record["failures"].append({"object": name, "method": method, "error": _describe(err)})
    what = f"{name} with {method}" if method else f"reading {name}"
    logger.warning(
        "evaluation failed for %s (%s); going on", what, _describe(err), exc_info=logger.isEnabledFor(logging.DEBUG)
    )


def _save_views(folder: Path, obj: EvalObject, views: Any) -> None:
    meta = {"object": obj.name, "source_views": obj.source_views}
    # The RGB as scored: re-read as external:DIR it scores the same (the coverage is not kept).
    rgb, _ = split_alpha(views)
    write_sample(folder, MultiViewSample(rgb, obj.cameras, obj.caption, meta), overwrite=True)
