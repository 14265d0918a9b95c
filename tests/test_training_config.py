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


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"max_steps": "ten"}, "max_steps must be an integer"),
        ({"max_steps": 2.5}, "max_steps must be an integer"),
        ({"lr": True}, "lr must be a number"),
        ({"mixed_precision": "fp8"}, "mixed_precision must be one of no, fp16, bf16"),
        ({"gradient_checkpointing": "yes"}, "gradient_checkpointing must be true or false"),
        ({"pretrained": 3}, "pretrained must be a string"),
        ({"colour": 1}, "unknown config key"),
    ],
)
def test_a_saved_config_is_type_checked(values, message):
    with pytest.raises(ValueError, match=message):
        TrainConfig.from_values(values)
    assert TrainConfig.from_values({"lr": 1, "pretrained": None}).lr == 1.0  # an int stands for a float


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lr", "nan"], "--lr must be a number 0 or more, got nan"),
        (["--batch-size", "0"], "--batch-size must be a number 1 or more"),
        (["--checkpoint-every", "0"], "--checkpoint-every"),
        (["--ema-decay", "1"], "--ema-decay must be a number from 0 to"),
        (["--max-minutes", "-1"], "--max-minutes must be a positive number"),
        (["--min-timestep", "9", "--max-timestep", "3"], "above --max-timestep"),
        (["--background", "pink"], "--background must be white, black, gray or random"),
    ],
)
def test_values_no_run_can_use_are_refused(args, message):
    config = apply_overrides(preset("tiny-cpu"), args)
    with pytest.raises(ValueError, match=message):
        config.check()


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_passes_its_checks(name):
    preset(name).check()
