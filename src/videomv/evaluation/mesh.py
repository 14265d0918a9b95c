"""Mesh quality: Chamfer distance and F-score of a mesh against a true one.

Both surfaces are sampled uniformly by area (``points`` samples each, seeded); distances are
nearest-neighbour distances between the samples (scipy's KD-tree). Reported:

* ``chamfer``: the mean of the two mean distances (prediction -> truth, truth -> prediction), in
  the units of the normalised frame (the true object's longest bounding-box side is 1);
* ``accuracy`` / ``completeness``: those two means separately;
* ``fscore@t`` for each threshold ``t``: the harmonic mean of precision (share of predicted
  samples within ``t`` of the truth) and recall (share of true samples within ``t`` of the
  prediction).

Normalisation follows ``videomv data render``: the true mesh (z-up after ``--true-up``) is moved
and scaled so its bounding box is centred at the origin with longest side 1. The prediction is
taken as it is (meshes of Gaussians fitted to those renders live in that frame), or normalised
the same way by its own bounding box (``normalize_prediction``) for generated objects whose
scale and position are the model's own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_THRESHOLDS = (0.01, 0.02, 0.05)
DEFAULT_POINTS = 100_000


@dataclass
class MeshScores:
    """Scores of one predicted mesh against the truth (see the module doc)."""

    chamfer: float
    accuracy: float
    completeness: float
    fscore: dict[float, float] = field(default_factory=dict)
    precision: dict[float, float] = field(default_factory=dict)
    recall: dict[float, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"chamfer": self.chamfer, "accuracy": self.accuracy, "completeness": self.completeness}
        for t in self.fscore:
            out[f"fscore@{t:g}"] = self.fscore[t]
            out[f"precision@{t:g}"] = self.precision[t]
            out[f"recall@{t:g}"] = self.recall[t]
        return out


def sample_surface(vertices: np.ndarray, faces: np.ndarray, count: int, seed: int = 0) -> np.ndarray:
    """``(count, 3)`` points uniformly distributed over the triangles' area."""
    tri = np.asarray(vertices, dtype=np.float64)[np.asarray(faces)]
    area = 0.5 * np.linalg.norm(np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0]), axis=1)
    if not np.isfinite(area).all() or area.sum() <= 0:
        raise ValueError("the mesh has no area to sample (degenerate or non-finite triangles)")
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(tri), size=count, p=area / area.sum())
    u, v = rng.random(count), rng.random(count)
    flip = u + v > 1  # fold the unit square onto the triangle
    u[flip], v[flip] = 1 - u[flip], 1 - v[flip]
    a, b, c = tri[pick, 0], tri[pick, 1], tri[pick, 2]
    return a + u[:, None] * (b - a) + v[:, None] * (c - a)


def normalize_points(points: np.ndarray, bounds_of: np.ndarray | None = None) -> np.ndarray:
    """``points`` moved and scaled as ``videomv data render`` normalises a mesh (bbox centre 0, longest side 1),
    using the bounding box of ``bounds_of`` (default: the points themselves)."""
    ref = points if bounds_of is None else bounds_of
    lower, upper = ref.min(axis=0), ref.max(axis=0)
    extent = float((upper - lower).max())
    if not np.isfinite(extent) or extent <= 0:
        raise ValueError("cannot normalise a mesh with an empty or non-finite bounding box")
    return (points - (lower + upper) / 2) / extent


def score_points(
    predicted: np.ndarray, truth: np.ndarray, thresholds: Sequence[float] = DEFAULT_THRESHOLDS
) -> MeshScores:
    """Chamfer distance and F-scores between two point samples (see the module doc)."""
    from scipy.spatial import cKDTree

    to_truth = cKDTree(truth).query(predicted, workers=-1)[0]
    to_pred = cKDTree(predicted).query(truth, workers=-1)[0]
    scores = MeshScores(
        chamfer=float((to_truth.mean() + to_pred.mean()) / 2),
        accuracy=float(to_truth.mean()),
        completeness=float(to_pred.mean()),
    )
    for t in thresholds:
        precision, recall = float((to_truth <= t).mean()), float((to_pred <= t).mean())
        scores.precision[t], scores.recall[t] = precision, recall
        scores.fscore[t] = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return scores


def _load(path: Path, up: str) -> tuple[np.ndarray, np.ndarray]:
    from ..data.render import load_mesh

    meshes = load_mesh(path, up_axis=up)
    offsets = np.cumsum([0] + [len(m.vertices) for m in meshes])
    vertices = np.concatenate([np.asarray(m.vertices) for m in meshes])
    faces = np.concatenate([np.asarray(m.faces) + offset for m, offset in zip(meshes, offsets, strict=False)])
    return vertices, faces


def score_mesh_files(
    predicted: str | os.PathLike,
    truth: str | os.PathLike,
    *,
    predicted_up: str = "z",
    true_up: str = "z",
    normalize_prediction: bool = False,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    points: int = DEFAULT_POINTS,
    seed: int = 0,
) -> MeshScores:
    """Scores the mesh file ``predicted`` against ``truth`` (see the module doc for the frame).

    Args:
        predicted, truth: mesh files (``.glb``, ``.gltf``, ``.obj``, ``.ply``).
        predicted_up, true_up: each file's up axis, "y" or "z" (``videomv mesh`` writes .glb and .obj
            y-up, .ply z-up).
        normalize_prediction: normalise the prediction by its own bounding box too.
        thresholds: F-score distances, in the normalised frame.
        points: samples per surface.
        seed: sampling seed.
    """
    true_vertices, true_faces = _load(Path(truth), true_up)
    pred_vertices, pred_faces = _load(Path(predicted), predicted_up)
    true_points = normalize_points(sample_surface(true_vertices, true_faces, points, seed), true_vertices)
    pred_points = sample_surface(pred_vertices, pred_faces, points, seed + 1)
    if normalize_prediction:
        pred_points = normalize_points(pred_points, pred_vertices)
    return score_points(pred_points, true_points, thresholds)


def mesh_report(rows: dict[str, MeshScores], settings: dict[str, Any]) -> str:
    """A markdown table of ``rows`` (name -> scores) with the settings that made it."""
    thresholds = sorted({t for scores in rows.values() for t in scores.fscore})
    head = ["mesh", "Chamfer ↓", "accuracy ↓", "completeness ↓", *[f"F@{t:g} ↑" for t in thresholds]]
    lines = ["# Mesh quality", "", "```json", json.dumps(settings, indent=1), "```", ""]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, s in rows.items():
        cells = [name, f"{s.chamfer:.4f}", f"{s.accuracy:.4f}", f"{s.completeness:.4f}"]
        cells += [f"{s.fscore[t]:.3f}" for t in thresholds]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
