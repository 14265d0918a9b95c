"""Catalogue: the reference-behaviour settings of a model folder (issue 23), given values they cannot take.

``videomv convert vgen`` writes these settings into a converted model's ``model_index.json`` and
``reconstructor/config.json`` (docs/full_scale.md, "The reference's own behaviours"). A folder edited by hand
with a value the setting cannot take is refused when it loads, before any work: exit status 2, one
``videomv: error:`` line naming the file, the setting and the value, and the case's folder left as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_bad_models import GENERATE, edit, model  # noqa: F401 (model: the good tiny folder, a fixture)

from conftest import assert_refused

CASES: dict[str, tuple[str, dict[str, object], tuple[str, ...]]] = {
    'autocast_dtype "float8"': ("model_index.json", {"autocast_dtype": "float8"}, ("autocast_dtype", "float8")),
    "autocast_dtype 16": ("model_index.json", {"autocast_dtype": 16}, ("autocast_dtype", "16")),
    "three_d_aware_render_scale 0": (
        "model_index.json",
        {"three_d_aware_render_scale": 0},
        ("three_d_aware_render_scale", "0"),
    ),
    "three_d_aware_render_scale 1.5": (
        "model_index.json",
        {"three_d_aware_render_scale": 1.5},
        ("three_d_aware_render_scale", "1.5"),
    ),
    "three_d_aware_near 0": ("model_index.json", {"three_d_aware_near": 0}, ("three_d_aware_near", "0")),
    "three_d_aware_near -0.2": ("model_index.json", {"three_d_aware_near": -0.2}, ("three_d_aware_near", "-0.2")),
    'condition_resample "cubic"': (
        "model_index.json",
        {"condition_resample": "cubic"},
        ("condition_resample", "cubic", "bicubic"),
    ),
    "condition_fill_fraction 1.5": (
        "model_index.json",
        {"condition_fill_fraction": 1.5},
        ("condition_fill_fraction", "1.5"),
    ),
    'rotation_normalization "dim1"': (
        "reconstructor/config.json",
        {"rotation_normalization": "dim1"},
        ("rotation_normalization", "dim1", "over_gaussians"),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_reference_setting_it_cannot_take_is_refused_naming_the_file(case, model, tmp_path, capsys) -> None:  # noqa: F811
    relative, values, words = CASES[case]
    folder = tmp_path / "model"
    shutil.copytree(model, folder)
    edit(relative, **values)(folder)
    argv = [*GENERATE, "--model", folder, "--device", "cpu", "--out", tmp_path / "out"]
    assert_refused(tmp_path, *argv, capsys=capsys, words=(Path(relative).name, *words))
