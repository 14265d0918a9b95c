"""The evaluation's outputs: ``metrics.json``, ``report.md`` and PNG plots, each written atomically.

``metrics.json`` is strict JSON: an infinite PSNR (identical images) is written as the string
``"inf"``. Plots use matplotlib's object API (no global pyplot state, no display needed):

* ``plots/metrics_vs_azimuth.png``: each headline metric against the view's azimuth relative to
  the input view, averaged over the objects, one line per method;
* ``plots/plain_vs_3d_aware.png``: per object, plain against 3D-aware sampling (when both ran);
* ``plots/objects/<object>.png``: the same curves for each object.
"""

from __future__ import annotations

import io
import json
import math
import platform
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..fileio import write_bytes_atomic, write_text_atomic
from .controls import paired_difference

METRICS_FILE = "metrics.json"
REPORT_FILE = "report.md"
PLOTS_DIR = "plots"
LABELS = {
    "psnr": "PSNR (dB)", "ssim": "SSIM", "lpips": "LPIPS", "psnr_masked": "PSNR fg (dB)", "ssim_masked": "SSIM fg",
    "fit_psnr": "fit PSNR (dB)", "fit_ssim": "fit SSIM", "fit_lpips": "fit LPIPS",
    "recon_psnr": "recon PSNR (dB)", "recon_ssim": "recon SSIM", "recon_lpips": "recon LPIPS",
    "color_match": "colour match", "shape_match": "shape match", "silhouette_iou": "silhouette IoU",
    "clip_score": "CLIP score",
}  # fmt: skip


def versions() -> dict[str, str]:
    """Versions of the libraries that decide the numbers."""
    import diffusers
    import torch
    import torchmetrics

    from .. import __version__

    return {
        "videomv": __version__, "torch": torch.__version__, "diffusers": diffusers.__version__,
        "torchmetrics": torchmetrics.__version__, "python": platform.python_version(),
    }  # fmt: skip


def to_json(value: Any) -> Any:
    """``value`` with non-finite floats as strings (``"inf"``), so the file is strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    return value


def write_metrics(out: Path, record: dict[str, Any]) -> Path:
    """Writes ``record`` to ``out/metrics.json``."""
    return write_text_atomic(out / METRICS_FILE, json.dumps(to_json(record), indent=1, allow_nan=False) + "\n")


def _ok_results(record: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """``{method: {object: result}}`` of the successful (object, method) pairs."""
    results: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for name, entry in record["objects"].items():
        for method, result in entry.get("methods", {}).items():
            if result.get("status") == "ok":
                results[method][name] = result
    return results


def summarise(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per method: each headline metric averaged over its scored objects, and object counts."""
    results = _ok_results(record)
    summary = {}
    for method in record["methods"]:
        scored = results.get(method, {})
        row: dict[str, Any] = {}
        for metric in record["headline"]:
            values = [r["mean"].get(metric) for r in scored.values()]
            finite = [v for v in values if v is not None and math.isfinite(v)]
            row[metric] = sum(finite) / len(finite) if finite else None
        failed = sum(1 for f in record["failures"] if f["method"] in (method, None))
        summary[method] = {**row, "objects": len(scored), "failed": failed}
    return summary


# The method every other one is compared with, paired by object, and its control for the turn score.
REFERENCE_METHOD = "model"
REVERSED_METHOD = "model-reversed"


def object_means(record: dict[str, Any], method: str, metric: str) -> dict[str, float | None]:
    """``{object: mean of metric}`` of the method's successful objects."""
    return {name: result["mean"].get(metric) for name, result in _ok_results(record).get(method, {}).items()}


def paired_comparisons(record: dict[str, Any]) -> dict[str, Any]:
    """The reference method (``model``, else the first) minus every other method, paired by object.

    Returns ``{"reference": name, "minus": {method: {metric: {mean, se, n, wins}}}}``, and ``turn``:
    ``model`` minus ``model-reversed``, the gain a model owes to following the camera (when both
    ran). Empty with fewer than two methods.
    """
    methods = record["methods"]
    if len(methods) < 2:
        return {}
    reference = REFERENCE_METHOD if REFERENCE_METHOD in methods else methods[0]
    minus: dict[str, dict[str, Any]] = {}
    for other in methods:
        if other == reference:
            continue
        row = {}
        for metric in record["headline"]:
            diff = paired_difference(object_means(record, reference, metric), object_means(record, other, metric))
            row[metric] = diff.as_dict() if diff else None
        minus[other] = row
    compared: dict[str, Any] = {"reference": reference, "minus": minus}
    if reference == REFERENCE_METHOD and REVERSED_METHOD in minus:
        compared["turn"] = minus[REVERSED_METHOD]
    return compared


def _format(metric: str, value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not math.isfinite(value):
        return "∞"
    return f"{value:.2f}" if "psnr" in metric or "clip" in metric else f"{value:.4f}"


def _format_difference(metric: str, diff: dict[str, Any] | None) -> str:
    """``+0.22 ± 0.31 (47/72)``: mean, standard error, objects ahead of all."""
    if diff is None:
        return "–"
    se = "" if diff["se"] is None else f" ± {_format(metric, diff['se'])}"
    sign = "+" if diff["mean"] >= 0 else ""
    return f"{sign}{_format(metric, diff['mean'])}{se} ({diff['wins']}/{diff['n']})"


def _paired_lines(record: dict[str, Any]) -> list[str]:
    """The paired-differences table and the turn score, for the report."""
    compared = record.get("paired") or {}
    if not compared.get("minus"):
        return []
    reference = compared["reference"]
    metrics = [m for m in record["headline"] if any(row.get(m) for row in compared["minus"].values())]
    if not metrics:
        return []
    lines = ["", f"## {reference} minus each method, paired by object", ""]
    rows = [[other, *(_format_difference(m, row.get(m)) for m in metrics)] for other, row in compared["minus"].items()]
    lines += _table(["method", *(f"Δ {LABELS.get(m, m)}" for m in metrics)], rows)
    lines += ["", "Mean difference ± its standard error over objects (objects where the first is ahead / objects)."]
    turn = compared.get("turn")
    if turn:
        scores = ", ".join(f"{LABELS.get(m, m)} {_format_difference(m, turn.get(m))}" for m in metrics)
        lines += ["", f"Turn score (model minus model-reversed: what following the camera earns): {scores}."]
    return lines


def _method_label(record: dict[str, Any], method: str) -> str:
    info = record["method_settings"].get(method, {})
    return f"{method} (3D-aware)" if info.get("three_d_aware") else method


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def write_report(out: Path, record: dict[str, Any], plots: list[str]) -> Path:
    """Writes ``out/report.md``: the summary table, run-level metrics, notes, failures and plots."""
    headline, higher = record["headline"], record["higher_is_better"]
    settings = record["settings"]
    lines = [f"# videomv evaluation: {record['protocol']}", ""]
    described = ", ".join(f"{key} {value}" for key, value in settings.items() if value not in (None, [], ""))
    lines += [f"Settings: {described}.", ""]
    arrows = [f"{LABELS.get(m, m)} {'↑' if higher[m] else '↓'}" for m in headline]
    rows = [
        [_method_label(record, method)]
        + [_format(m, row[m]) for m in headline]
        + [f"{row['objects']}", f"{row['failed']}"]
        for method, row in record["summary"].items()
    ]
    lines += _table(["method", *arrows, "objects", "failed"], rows)
    if record["protocol"] == "views":
        lines += ["", "Means over the novel views (the input view is given, not generated), then over objects."]
    for name, values in record.get("run_metrics", {}).items():
        lines += ["", f"{name.upper()}: " + ", ".join(f"{m} {_format(name, v)}" for m, v in values.items())]
    if record["notes"]:
        lines += ["", "Notes:", *(f"- {note}" for note in record["notes"])]
    if record["failures"]:
        lines += ["", "Failures (the run went on):"]
        lines += [f"- {f['object']} / {f['method'] or 'reading'}: {f['error']}" for f in record["failures"]]
    lines += _paired_lines(record)
    lines += _per_object_tables(record)
    if plots:
        lines += ["", "## Plots", ""] + [f"![{Path(p).stem}]({p})" for p in plots]
    lines += ["", f"Versions: {', '.join(f'{k} {v}' for k, v in record['versions'].items())}.", ""]
    return write_text_atomic(out / REPORT_FILE, "\n".join(lines))


def _per_object_tables(record: dict[str, Any]) -> list[str]:
    """Per object, the first two headline metrics of every method."""
    results = _ok_results(record)
    lines = []
    for metric in record["headline"][:2]:
        rows = []
        for name, entry in record["objects"].items():
            cells = [_format(metric, results[m][name]["mean"].get(metric)) if name in results.get(m, {}) else "failed"
                     for m in record["methods"]]  # fmt: skip
            rows.append([name if entry["status"] == "ok" else f"{name} (unreadable)", *cells])
        lines += ["", f"## Per object: {LABELS.get(metric, metric)}", "", *_table(["object", *record["methods"]], rows)]
    return lines


# ------------------------------------------------------------------------------------------ plots


def _save(figure: Any, path: Path) -> None:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    write_bytes_atomic(path, buffer.getvalue())


def _plotted_metrics(record: dict[str, Any]) -> list[str]:
    """Headline metrics with per-view values somewhere in the record."""
    results = _ok_results(record)
    return [
        m for m in record["headline"]
        if any(r["per_view"].get(m) is not None for per_method in results.values() for r in per_method.values())
    ]  # fmt: skip


def _curves(record: dict[str, Any], metric: str, objects: list[str]) -> dict[str, tuple[list[float], list[float]]]:
    """Per method, ``(azimuths, values)`` of ``metric`` averaged over ``objects`` at each azimuth."""
    results = _ok_results(record)
    curves = {}
    for method in record["methods"]:
        buckets: dict[float, list[float]] = defaultdict(list)
        for name in objects:
            result = results.get(method, {}).get(name)
            values = result["per_view"].get(metric) if result else None
            for azimuth, value in zip(record["objects"][name].get("azimuth", []), values or [], strict=False):
                if value is not None and math.isfinite(value):
                    buckets[round(azimuth, 1)].append(value)
        if buckets:
            xs = sorted(buckets)
            curves[method] = (xs, [sum(buckets[x]) / len(buckets[x]) for x in xs])
    return curves


def _azimuth_figure(record: dict[str, Any], metrics: list[str], objects: list[str], title: str) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4.2 * len(metrics), 3.4))
    for i, metric in enumerate(metrics):
        axes = figure.add_subplot(1, len(metrics), i + 1)
        for method, (xs, ys) in _curves(record, metric, objects).items():
            axes.plot(xs, ys, marker="o", markersize=3, label=method)
        axes.set_xlabel("azimuth from the input view (°)")
        axes.set_ylabel(LABELS.get(metric, metric))
        axes.set_xlim(0, 360)
        axes.grid(alpha=0.3)
    plotted = [axes for axes in figure.axes if axes.lines]
    if plotted:
        plotted[0].legend(fontsize=8)
    figure.suptitle(title)
    return figure


def _plain_vs_3d_aware_figure(record: dict[str, Any], metrics: list[str]) -> Any | None:
    """Per-object means of plain (x) against 3D-aware (y) sampling; None unless both ran."""
    from matplotlib.figure import Figure

    aware = [
        m for m, info in record["method_settings"].items() if info.get("three_d_aware") and info["camera_embedding"]
    ]
    if "plain" not in record["methods"] or not aware or not metrics:
        return None
    results = _ok_results(record)
    figure = Figure(figsize=(3.6 * len(metrics), 3.6))
    for i, metric in enumerate(metrics):
        axes = figure.add_subplot(1, len(metrics), i + 1)
        pairs = [
            (results["plain"][n]["mean"].get(metric), results[aware[0]][n]["mean"].get(metric))
            for n in results.get("plain", {}) if n in results.get(aware[0], {})
        ]  # fmt: skip
        pairs = [(x, y) for x, y in pairs if x is not None and y is not None and math.isfinite(x) and math.isfinite(y)]
        if pairs:
            xs, ys = zip(*pairs, strict=True)
            axes.scatter(xs, ys, s=14)
            low, high = min(xs + ys), max(xs + ys)
            axes.plot([low, high], [low, high], color="grey", linewidth=0.8)  # equal scores
        axes.set_xlabel(f"plain: {LABELS.get(metric, metric)}")
        axes.set_ylabel(f"3D-aware: {LABELS.get(metric, metric)}")
        axes.grid(alpha=0.3)
    figure.suptitle("plain vs 3D-aware sampling, per object")
    return figure


def object_plot_name(name: str) -> str:
    """The per-object plot's file name (object ids may hold slashes)."""
    return name.replace("/", "__") + ".png"


def write_plots(out: Path, record: dict[str, Any]) -> list[str]:
    """Writes the plots and returns their paths relative to ``out``."""
    metrics = _plotted_metrics(record)
    if not metrics:
        return []
    ok = [name for name, entry in record["objects"].items() if entry["status"] == "ok"]
    written = []
    figures = [(f"{PLOTS_DIR}/metrics_vs_azimuth.png", _azimuth_figure(record, metrics, ok, "mean over objects"))]
    scored = [m for m in record["headline"] if any(row[m] is not None for row in record["summary"].values())]
    comparison = _plain_vs_3d_aware_figure(record, scored)
    if comparison is not None:
        figures.append((f"{PLOTS_DIR}/plain_vs_3d_aware.png", comparison))
    for relative, figure in figures:
        _save(figure, out / relative)
        written.append(relative)
    for name in ok:
        _save(_azimuth_figure(record, metrics, [name], name), out / PLOTS_DIR / "objects" / object_plot_name(name))
    return written
