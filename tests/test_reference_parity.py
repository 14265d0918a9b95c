"""Ours against the reference VideoMV's outputs stored by ``scripts/reference_parity.py`` (no reference code needed).

The fixture holds the shared inputs, the tiny weights and the reference's outputs of each stage; the
tolerance is the script's: max |ours - reference| / max |reference| <= 1e-4 in float32.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import torch
from safetensors import safe_open
from safetensors.torch import load_file

from videomv.models.configs import REFERENCE_RECONSTRUCTOR_SETTINGS, REFERENCE_SCHEDULER_SETTINGS
from videomv.models.vgen_convert import convert_reconstructor
from videomv.sampling import classifier_free_guidance, make_scheduler

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "reference_parity.safetensors"
_spec = importlib.util.spec_from_file_location("reference_parity", ROOT / "scripts" / "reference_parity.py")
parity = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(parity)


@pytest.fixture(scope="module")
def data() -> dict[str, torch.Tensor]:
    return load_file(FIXTURE)


def _relative(ours: torch.Tensor, reference: torch.Tensor) -> float:
    return float((ours.double() - reference.double()).abs().max() / reference.double().abs().max())


def test_fixture_records_its_reference_and_tolerance() -> None:
    with safe_open(FIXTURE, "pt") as handle:
        metadata = handle.metadata()
    assert metadata["reference_commit"] == "c434922"
    assert json.loads(metadata["tolerance"]) == parity.TOLERANCE
    assert FIXTURE.stat().st_size < 5e6


@pytest.mark.parametrize("task", ["text", "image"])
def test_one_guided_ddim_step_matches_the_reference(task: str, data: dict[str, torch.Tensor]) -> None:
    preset = {"text": "t2v-modelscope", "image": "i2v-i2vgenxl"}[task]
    model = parity.toy_model(data["ddim.weights"])
    for settings, matches in ((REFERENCE_SCHEDULER_SETTINGS[task], True), ({"set_alpha_to_one": True}, False)):
        scheduler = make_scheduler("ddim", preset, **settings)
        scheduler.set_timesteps(50)
        for index in parity.DDIM_STEPS:
            t, xt = scheduler.timesteps[index], data["ddim.xt"]
            cond, uncond = model(xt, t.view(1), data["ddim.y_cond"]), model(xt, t.view(1), data["ddim.y_uncond"])
            ours = scheduler.step(classifier_free_guidance(cond, uncond, parity.GUIDANCE[task]), t, xt).prev_sample
            difference = _relative(ours, data[f"ddim.{task}.step{index}"])
            if matches or index != 49:  # set_alpha_to_one changes the last step only
                assert difference <= parity.TOLERANCE, (task, index, difference)
            else:
                assert difference > 1e-2, "the final alpha of the last step must matter"


def test_lgm_gaussians_match_the_reference_with_its_rotation_setting(data: dict[str, torch.Tensor]) -> None:
    weights = {key.removeprefix("lgm.weights."): value for key, value in data.items() if key.startswith("lgm.weights.")}
    size = parity.TINY_LGM["input_size"]
    reference = data["lgm.gaussians"]
    for settings, matches in ((REFERENCE_RECONSTRUCTOR_SETTINGS, True), ({}, False)):
        model = convert_reconstructor(dict(weights), torch.float32, input_size=size, **settings)
        dim = 1 if model.config.rotation_normalization == "over_gaussians" else -1
        with torch.no_grad():
            ours = model.activate(model.forward_maps(data["lgm.inputs"]), rotation_dim=dim)
        difference = _relative(ours, reference)
        assert (difference <= parity.TOLERANCE) == matches, difference
        torch.testing.assert_close(ours[..., :7], reference[..., :7], rtol=1e-4, atol=1e-5)
