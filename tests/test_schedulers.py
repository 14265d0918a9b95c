"""Scheduler presets and solvers, the x̂0 helpers, guidance, and the denoising loop's refiner hook."""

from __future__ import annotations

import pytest
import torch
from diffusers import DDIMScheduler, DDPMScheduler, DPMSolverMultistepScheduler

from videomv.safe_load import BadFileError
from videomv.sampling import (
    NOISE_PRESETS,
    SOLVERS,
    classifier_free_guidance,
    denoise,
    drop_condition,
    dropout_mask,
    make_scheduler,
    model_output_from_x0,
    predict_x0,
    switch_solver,
)
from videomv.sampling.schedulers import check_scheduler_config, check_scheduler_folder

SHAPE = (1, 3, 4, 8, 8)  # (B, C, F, h, w)


def _model_fn(sample: torch.Tensor, timestep: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """A fixed smooth 'model' with two different branches."""
    scale = timestep.float() / 1000
    return torch.tanh(sample) * (1 - scale), torch.sin(sample) * 0.5


def _run(scheduler, refiner=None, seed: int = 0, steps: int = 6) -> torch.Tensor:
    scheduler.set_timesteps(steps)
    latents = torch.randn(SHAPE, generator=torch.Generator().manual_seed(seed)) * scheduler.init_noise_sigma
    return denoise(scheduler, latents, _model_fn, 3.0, x0_refiner=refiner, generator=torch.Generator().manual_seed(1))


def test_presets_match_the_reference_schedules() -> None:
    t2v = make_scheduler("ddim", "t2v-modelscope")
    torch.testing.assert_close(t2v.betas[[0, -1]], torch.tensor([0.00085, 0.012]))
    assert t2v.config.prediction_type == "epsilon"
    i2v = make_scheduler("ddim", "i2v-i2vgenxl")
    assert i2v.config.prediction_type == "v_prediction"
    assert i2v.alphas_cumprod[-1] < 1e-6  # zero terminal SNR
    # 50 DDIM steps visit the reference's t = 581, 381, 181 at loop indices 20, 30, 40.
    t2v.set_timesteps(50)
    assert t2v.timesteps[[20, 30, 40]].tolist() == [581, 381, 181]
    trailing = make_scheduler("ddim", "i2v-i2vgenxl", timestep_spacing="trailing")
    trailing.set_timesteps(50)
    assert trailing.timesteps[0] == 999


@pytest.mark.parametrize("preset", list(NOISE_PRESETS))
@pytest.mark.parametrize("solver", list(SOLVERS))
def test_every_solver_runs_deterministically_and_the_identity_refiner_changes_nothing(solver: str, preset: str) -> None:
    scheduler = make_scheduler(solver, preset)
    plain = _run(scheduler)
    assert torch.isfinite(plain).all()
    assert torch.equal(_run(scheduler), plain)
    assert torch.equal(_run(scheduler, refiner=lambda c, u, state: (c, u)), plain)
    assert torch.equal(_run(scheduler, refiner=lambda c, u, state: (c.clone(), u.clone())), plain)
    assert not torch.equal(_run(scheduler, seed=5), plain)


def test_refiner_sees_every_step_and_replacements_take_effect() -> None:
    scheduler = make_scheduler("ddim", "t2v-modelscope")
    calls = []

    def blur(x0_cond, x0_uncond, state):
        calls.append((state.step_index, int(state.timestep), x0_cond.shape, state.num_inference_steps))
        if state.step_index == 2:
            return x0_cond * 0.5, x0_uncond
        return x0_cond, x0_uncond

    refined = _run(scheduler, refiner=blur)
    assert [c[0] for c in calls] == list(range(6))
    assert calls[0][2] == (1, 4, 3, 8, 8)  # (B, F, C, h, w)
    assert not torch.equal(refined, _run(scheduler))


def test_zero_snr_and_variants_are_configurable() -> None:
    for solver in SOLVERS:
        scheduler = make_scheduler(
            solver, "t2v-modelscope", prediction_type="v_prediction", rescale_betas_zero_snr=True
        )
        assert scheduler.config.prediction_type == "v_prediction"
        assert scheduler.config.rescale_betas_zero_snr
    dpm = switch_solver(make_scheduler("ddim", "i2v-i2vgenxl"), "dpmsolver++")
    assert isinstance(dpm, DPMSolverMultistepScheduler)
    assert dpm.config.prediction_type == "v_prediction" and dpm.config.rescale_betas_zero_snr


def test_switching_solvers_keeps_x0_clipping_and_never_takes_the_library_default() -> None:
    # DPM-Solver++ has no clip_sample: switching from it must not pick up diffusers' default (on),
    # or the same model samples differently depending on the scheduler it was saved with.
    dpm = make_scheduler("dpmsolver++", "i2v-i2vgenxl")
    assert switch_solver(dpm, "ddpm").config.clip_sample is False
    assert switch_solver(dpm, "ddim").config.clip_sample is False
    clipped = switch_solver(dpm, "ddpm", clip_sample=True)
    assert clipped.config.clip_sample is True
    assert switch_solver(switch_solver(clipped, "dpmsolver++"), "ddim").config.clip_sample is False
    assert switch_solver(clipped, "ddim").config.clip_sample is True
    with pytest.raises(ValueError, match="unknown solver"):
        make_scheduler("heun")
    with pytest.raises(ValueError, match="unknown noise preset"):
        make_scheduler("ddim", "sd15")
    with pytest.raises(ValueError, match="has no config value"):
        make_scheduler("ddim", clip_sampel=True)


@pytest.mark.parametrize("cls", [DDIMScheduler, DDPMScheduler])
@pytest.mark.parametrize("prediction_type", ["epsilon", "v_prediction"])
@pytest.mark.parametrize("preset", list(NOISE_PRESETS))
def test_predict_x0_matches_diffusers_pred_original_sample(cls, prediction_type: str, preset: str) -> None:
    scheduler = make_scheduler("ddim" if cls is DDIMScheduler else "ddpm", preset, prediction_type=prediction_type)
    scheduler.set_timesteps(20)
    generator = torch.Generator().manual_seed(0)
    sample, output = torch.randn(SHAPE, generator=generator), torch.randn(SHAPE, generator=generator)
    for t in scheduler.timesteps[[0, 7, -1]]:
        expected = scheduler.step(output, t, sample, generator=generator).pred_original_sample
        torch.testing.assert_close(predict_x0(scheduler, output, sample, t), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("prediction_type", ["epsilon", "v_prediction"])
def test_predict_x0_matches_dpmsolver_data_prediction(prediction_type: str) -> None:
    scheduler = make_scheduler("dpmsolver++", "t2v-modelscope", prediction_type=prediction_type)
    scheduler.set_timesteps(10)
    generator = torch.Generator().manual_seed(0)
    sample, output = torch.randn(SHAPE, generator=generator), torch.randn(SHAPE, generator=generator)
    for index in (0, 4, 8):
        scheduler._step_index = index
        expected = scheduler.convert_model_output(output, sample=sample)
        ours = predict_x0(scheduler, output, sample, scheduler.timesteps[index])
        torch.testing.assert_close(ours, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("prediction_type", ["epsilon", "v_prediction", "sample"])
def test_model_output_from_x0_inverts_predict_x0(prediction_type: str) -> None:
    scheduler = make_scheduler("ddim", "i2v-i2vgenxl", prediction_type=prediction_type)
    generator = torch.Generator().manual_seed(0)
    sample, output = torch.randn(SHAPE, generator=generator), torch.randn(SHAPE, generator=generator)
    for t in (1, 500, 981):
        x0 = predict_x0(scheduler, output, sample, t)
        torch.testing.assert_close(model_output_from_x0(scheduler, x0, sample, t), output, rtol=1e-4, atol=1e-4)


def test_guidance_and_condition_dropout() -> None:
    cond, uncond = torch.full((2, 3), 2.0), torch.ones(2, 3)
    assert torch.equal(classifier_free_guidance(cond, uncond, 1.0), cond)
    assert torch.equal(classifier_free_guidance(cond, uncond, 9.0), torch.full((2, 3), 10.0))
    mask = dropout_mask(20000, 0.1, generator=torch.Generator().manual_seed(0))
    assert 0.09 < mask.float().mean() < 0.11
    assert torch.equal(mask, dropout_mask(20000, 0.1, generator=torch.Generator().manual_seed(0)))
    embeddings, null = torch.randn(4, 5, 8), torch.zeros(5, 8)
    flags = torch.tensor([True, False, True, False])
    dropped = drop_condition(embeddings, null, flags)
    assert torch.equal(dropped[1], embeddings[1]) and torch.equal(dropped[0], null)
    assert torch.equal(drop_condition(torch.ones(4, 3, 2, 2), 0.0, flags)[2], torch.zeros(3, 2, 2))
    with pytest.raises(ValueError, match="probability"):
        dropout_mask(4, 1.5)


@pytest.mark.parametrize(("zero_snr", "first_step"), [(True, 999), (False, 901)])
def test_zero_snr_runs_save_a_sampler_that_starts_from_pure_noise(zero_snr: bool, first_step: int) -> None:
    from videomv.training import apply_overrides, preset
    from videomv.training.diffusion import build_pipeline

    config = apply_overrides(preset("tiny-cpu-joint"), ["--zero-terminal-snr", str(zero_snr).lower()])
    scheduler = build_pipeline(config).scheduler
    scheduler.set_timesteps(10)
    assert int(scheduler.timesteps[0]) == first_step
    if zero_snr:  # t = 999 is where the rescaled schedule has no signal left
        assert float(scheduler.alphas_cumprod[999]) < 1e-6


@pytest.mark.parametrize(
    "values, words",
    [
        ({"num_train_timesteps": -5}, "num_train_timesteps must be a whole number from 1 to 100000, not -5"),
        ({"num_train_timesteps": 10**12}, "not 1000000000000"),  # would allocate the betas first
        ({"num_train_timesteps": "1000"}, "num_train_timesteps must be a number"),
        ({"beta_schedule": "wobbly"}, "not a valid DDIMScheduler config (wobbly is not implemented"),
        ({"beta_start": [1]}, "not a valid DDIMScheduler config"),
    ],
)
def test_a_bad_scheduler_config_is_refused_in_one_line(values, words) -> None:
    config = {**make_scheduler("ddim").config, **values}
    with pytest.raises(BadFileError) as error:
        check_scheduler_config(DDIMScheduler, config, "scheduler/scheduler_config.json")
    message = str(error.value)
    assert "\n" not in message and message.startswith("scheduler/scheduler_config.json: ") and words in message


def test_every_saved_preset_and_solver_config_passes_the_check(tmp_path) -> None:
    """Also DPM-Solver's, which diffusers saves with ``"lambda_min_clipped": -Infinity``."""
    for solver, (cls, _) in SOLVERS.items():
        for preset in NOISE_PRESETS:
            folder = tmp_path / solver / preset
            make_scheduler(solver, preset).save_config(folder)
            check_scheduler_folder(cls, folder)
