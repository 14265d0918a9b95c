"""Training configuration: presets, typed overrides, unknown keys, JSON round trip."""

import pytest

from videomv.training import PRESETS, TrainConfig, apply_overrides, describe, preset


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_builds_and_round_trips_through_json(name):
    config = preset(name)
    assert TrainConfig.from_json(config.to_json()) == config


def test_overrides_are_typed():
    overrides = [
        "--lr", "3e-4", "--max-steps=50", "--pretrained", "none", "--gradient-checkpointing", "--ema_decay", "0.99",
        "--mixed-precision", "bf16", "--random-start-view", "false",
    ]  # fmt: skip
    config = apply_overrides(preset("tiny-cpu"), overrides)
    assert config.lr == 3e-4 and config.max_steps == 50 and config.pretrained is None
    assert config.gradient_checkpointing is True and config.ema_decay == 0.99
    assert config.mixed_precision == "bf16" and config.random_start_view is False
    assert "lr = 0.0003" in describe(config)


def test_unknown_keys_list_the_valid_ones():
    with pytest.raises(ValueError, match=r"unknown config key 'learning-rate'; valid keys: task, model, .*lr"):
        apply_overrides(TrainConfig(), ["--learning-rate", "1"])
    with pytest.raises(ValueError, match="unknown preset 'huge'; choose one of tiny-cpu"):
        preset("huge")
    with pytest.raises(ValueError, match="unknown config key"):
        TrainConfig.from_json('{"colour": 1}')


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-steps", "ten"], "--max-steps expects an integer"),
        (["--mixed-precision", "fp8"], "must be one of no, fp16, bf16"),
        (["--ema-decay"], "--ema-decay needs a value"),
        (["lr", "1"], "expected --key value"),
        (["--gradient-checkpointing", "maybe"], "must be true or false"),
    ],
)
def test_bad_values_are_clear_errors(args, message):
    with pytest.raises(ValueError, match=message):
        apply_overrides(TrainConfig(), args)


def test_reference_presets_carry_the_reference_schedules():
    t2v, i2v = preset("t2v-modelscope"), preset("i2v-i2vgenxl")
    assert (t2v.prediction_type, t2v.beta_schedule, t2v.zero_terminal_snr) == ("epsilon", "scaled_linear", False)
    assert (i2v.prediction_type, i2v.zero_terminal_snr, i2v.offset_noise) == ("v_prediction", True, 0.1)
    assert t2v.num_views == i2v.num_views == 24 and t2v.image_size == 256 and t2v.batch_size == 8


def test_help_after_the_task_prints_the_help(capsys):
    from videomv.cli.main import main

    assert main(["train", "diffusion", "--preset", "tiny-cpu", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: videomv train") and "--preset NAME" in out
