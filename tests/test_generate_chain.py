"""``videomv generate``'s views as a sample that ``data validate``, ``fit``, ``data show`` and ``eval`` read."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from test_pipeline_3d_aware import SIZE, VIEWS, tiny_pipeline
from videomv import fileio
from videomv.cli.main import main
from videomv.data.format import read_sample
from videomv.data.geometry import hull_iou
from videomv.gaussians import load_ply, rasterize

FAST = ["--steps", "2", "--orbit-frames", "2", "--no-progress", "--device", "cpu"]
PROMPT = "a red chair"


def _run(*argv) -> int:
    return main(["-q", *map(str, argv)])


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """One generation with the tiny text model (with a reconstructor): its result folder."""
    root = tmp_path_factory.mktemp("chain")
    tiny_pipeline().save_pretrained(root / "model")
    out = root / "out"
    assert _run("generate", "--prompt", PROMPT, "--model", root / "model", "--seed", 4, "--out", out, *FAST) == 0
    return out


def test_generated_views_chain_through_validate_fit_show_and_eval(generated, tmp_path) -> None:
    views = generated / "views"
    assert _run("data", "validate", views) == 0  # with the geometry check: silhouettes agree with one hull
    assert _run("fit", views, "--out", tmp_path / "g.ply", "--steps", 20, "--quiet-progress") == 0
    assert len(load_ply(tmp_path / "g.ply")) > 0
    assert _run("data", "show", views, "--out", tmp_path / "show.png") == 0
    assert Image.open(tmp_path / "show.png").size[0] > 0
    report = tmp_path / "eval"
    assert _run("eval", "views", "--data", views, "--methods", "copy-input", "--out", report, "--no-progress") == 0
    assert (report / "metrics.json").is_file()


def test_generated_sample_holds_the_cameras_caption_and_the_gaussians_alpha(generated) -> None:
    sample = read_sample(generated / "views")
    record = json.loads((generated / "result.json").read_text())
    assert len(sample) == VIEWS and sample.images.shape[1:] == (4, SIZE, SIZE)
    assert sample.caption == PROMPT and sample.meta["alpha"] == "gaussians" and sample.meta["seed"] == 4
    # The cameras are the generation orbit the run reports.
    _, elevation, radius = sample.cameras.spherical()
    assert torch.allclose(elevation, torch.tensor(record["settings"]["elevation"]), atol=1e-3)
    assert torch.allclose(radius, torch.tensor(record["settings"]["radius"]), atol=1e-4)
    # The alpha is the saved Gaussians' accumulated opacity at those cameras (to the PNG's 8 bits).
    gaussians = load_ply(generated / "gaussians.ply")
    alpha = rasterize(gaussians, sample.cameras, SIZE, SIZE).alpha
    assert (sample.images[:, 3:] - alpha).abs().max() <= 1.5 / 255
    assert 0 < (alpha > 0.5).float().mean() < 1  # a silhouette with background around it
    assert (hull_iou(sample.cameras, sample.images[:, 3:]) > 0.9).all()
    # The RGB is the views as generated: the grid shows the same pixels.
    grid = np.asarray(Image.open(generated / "grid.png"))
    first = np.asarray(Image.open(generated / "views" / "000.png"))
    assert np.array_equal(grid[:SIZE, :SIZE], first[..., :3])
    # The owner marker lists the sample's files, so --overwrite may replace them.
    marker = json.loads((generated / fileio.OWNER_MARKER).read_text())
    assert {"views/cameras.json", "views/000.png"} <= set(marker["files"])


def test_without_a_reconstructor_the_views_are_opaque_and_still_a_sample(tmp_path) -> None:
    tiny_pipeline(reconstructor=False).save_pretrained(tmp_path / "model")
    out = tmp_path / "out"
    assert _run("generate", "--prompt", PROMPT, "--model", tmp_path / "model", "--out", out, *FAST) == 0
    sample = read_sample(out / "views")
    assert sample.meta["alpha"] == "opaque" and bool((sample.images[:, 3] == 1).all())
    assert _run("data", "validate", out / "views") == 0
    assert _run("fit", out / "views", "--out", tmp_path / "g.ply", "--steps", 5, "--quiet-progress") == 0
