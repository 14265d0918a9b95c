"""Catalogue: ``videomv train`` under bad options, hostile or damaged checkpoints, copied runs and SIGTERM.

Every refusal is one ``videomv: error:`` line with exit status 2 that names the option or file at
fault and leaves the case's folder exactly as it was. A checkpoint is never unpickled: the
hostile-file cases plant a pickle whose loading would create a marker file, at every name
accelerate's ``load_state`` or videomv read before (and at each name it reads now), reseal the
manifest as whoever supplies a checkpoint can, and check that the marker never appears.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from conftest import assert_refused, run_cli, snapshot
from videomv.cameras import orbit
from videomv.data.format import MultiViewSample, write_sample
from videomv.training import apply_overrides, preset, run
from videomv.training import runs as training_runs
from videomv.training.checkpoint import MANIFEST_FILE, STATE_FILE, _manifest, list_checkpoints
from videomv.training.state_files import load_state, save_state

SIZE, VIEWS = 16, 4
TINY = ["--split", "all", "--num-views", str(VIEWS), "--image-size", str(SIZE), "--sample-every", "0",
        "--warmup-steps", "0", "--log-every", "1"]  # fmt: skip


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """Three objects of random RGBA views on an orbit (the cases need data, not meaning)."""
    root = tmp_path_factory.mktemp("data")
    for i in range(3):
        images = torch.rand(8, 4, SIZE, SIZE, generator=torch.Generator().manual_seed(i))
        write_sample(root / f"obj{i}", MultiViewSample(images, orbit(8, 15.0, 2.0, size=SIZE), f"object {i}"))
    return root


@pytest.fixture(scope="module")
def trained(tmp_path_factory, data) -> Path:
    """A finished two-step run with EMA weights and a checkpoint after each step (kept outside every case)."""
    folder = tmp_path_factory.mktemp("trained") / "run"
    overrides = ["--data", str(data), *TINY, "--output-dir", str(folder), "--max-steps", "2",
                 "--checkpoint-every", "1", "--ema-decay", "0.5"]  # fmt: skip
    run(apply_overrides(preset("tiny-cpu"), overrides), progress=False)
    return folder


@pytest.fixture
def copy(case, trained) -> Path:
    """The trained run copied into the case's folder; its config still names the original folder."""
    return Path(shutil.copytree(trained, case / "run"))


@pytest.fixture
def no_model_load(monkeypatch) -> None:
    """Fails the case if the training task or data is built: these refusals must come first."""

    def built(*args, **kwargs):
        raise AssertionError("the task was built before the refusal")

    monkeypatch.setattr(training_runs, "build", built)
    monkeypatch.setattr(training_runs, "build_task", built)


class _Payload:
    """Unpickling this touches ``marker``: what a hostile checkpoint would do with a shell command instead."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def plant_pickle(file: Path, marker: Path) -> None:
    """Writes a torch pickle at ``file`` that runs code (creates ``marker``) when fully unpickled."""
    file.unlink(missing_ok=True)
    torch.save({"state": _Payload(marker)}, file)


def reseal(checkpoint: Path) -> None:
    """Rewrites the manifest to match the files, as whoever hands over a checkpoint can."""
    (checkpoint / MANIFEST_FILE).write_text(json.dumps(_manifest(checkpoint), indent=1))


def newest(run_folder: Path) -> Path:
    return list_checkpoints(run_folder / "checkpoints")[-1]


def resume(folder: Path, *argv: object) -> list[object]:
    return ["train", "diffusion", "--resume", folder, "--max-steps", "3", *argv]


# ------------------------------------------------------------------------------ hostile checkpoint files

# What accelerate's load_state (and videomv's export) read before: each as a pickle that runs code.
FORMER_FILES = {
    "EMA (accelerate's custom state, weights_only=False)": "custom_checkpoint_0.pkl",
    "optimizer": "optimizer.bin",
    "LR schedule": "scheduler.bin",
    "RNG states": "random_states_0.pkl",
    "gradient scaler": "scaler.pt",
    "model weights (torch)": "pytorch_model.bin",
    "data sampler": "sampler.bin",
}
# What a checkpoint holds now: each replaced by such a pickle.
OWN_FILES = {
    "model weights": "model.safetensors",
    "optimizer": "optimizer.safetensors",
    "LR schedule": "scheduler.safetensors",
    "EMA": "ema.safetensors",
    "RNG states": "rng_state_0.safetensors",
    "trainer state": STATE_FILE,
    "config": "config.json",
}


@pytest.mark.parametrize("kind", list(FORMER_FILES))
def test_a_pickle_at_a_name_accelerate_read_is_refused_unrun(kind, case, copy, no_model_load, capsys) -> None:
    name, marker = FORMER_FILES[kind], case / "marker"
    plant_pickle(newest(copy) / name, marker)
    reseal(newest(copy))
    assert_refused(case, *resume(copy), capsys=capsys, words=(name, "not safetensors or JSON"))
    assert not marker.exists()


@pytest.mark.parametrize("kind", list(OWN_FILES))
def test_a_pickle_in_place_of_a_checkpoint_file_is_refused_unrun(kind, case, copy, no_model_load, capsys) -> None:
    name, marker = OWN_FILES[kind], case / "marker"
    plant_pickle(newest(copy) / name, marker)
    reseal(newest(copy))
    assert_refused(case, *resume(copy), capsys=capsys, words=(name,))
    assert not marker.exists()


def test_a_checkpoint_of_the_former_pickled_format_is_refused_unrun(case, copy, no_model_load, capsys) -> None:
    # What videomv wrote before: accelerate's files, the EMA as custom_checkpoint_0.pkl, no format entry.
    checkpoint, marker = newest(copy), case / "marker"
    for name in ("optimizer.safetensors", "scheduler.safetensors", "ema.safetensors", "rng_state_0.safetensors"):
        (checkpoint / name).unlink()
    for name in ("custom_checkpoint_0.pkl", "optimizer.bin", "scheduler.bin", "random_states_0.pkl"):
        plant_pickle(checkpoint / name, marker)
    state = json.loads((checkpoint / STATE_FILE).read_text())
    del state["format"]
    (checkpoint / STATE_FILE).write_text(json.dumps(state))
    reseal(checkpoint)
    assert_refused(case, *resume(copy), capsys=capsys, words=("older videomv", "pickles", "train export"))
    assert not marker.exists()


def _replace_state(file: Path, change) -> None:
    state = load_state(file)
    change(state)
    save_state(file, state)


def _shrink_first_shadow(state: dict) -> None:
    state["shadow_params"][0] = torch.zeros(3)


def _lr_as_text(state: dict) -> None:
    state["param_groups"][0]["lr"] = "rm -rf /"


def _extra_rate(state: dict) -> None:
    state["base_lrs"].append(1.0)


def _short_torch_rng(state: dict) -> None:
    state["torch"] = torch.zeros(16, dtype=torch.uint8)


# Well-formed files whose content does not fit the run: refused before anything is applied or written.
MISFITS = {
    "EMA weights of another shape": ("ema.safetensors", _shrink_first_shadow, ("ema.safetensors", "does not fit")),
    "optimizer with a text learning rate": ("optimizer.safetensors", _lr_as_text, ("optimizer.safetensors",)),
    "LR schedule of another group count": ("scheduler.safetensors", _extra_rate, ("scheduler.safetensors",)),
    "RNG state cut short": ("rng_state_0.safetensors", _short_torch_rng, ("rng_state_0.safetensors",)),
}


@pytest.mark.parametrize("kind", list(MISFITS))
def test_a_state_file_that_does_not_fit_the_run_is_refused(kind, case, copy, capsys) -> None:
    name, change, words = MISFITS[kind]
    _replace_state(newest(copy) / name, change)
    reseal(newest(copy))
    assert_refused(case, *resume(copy), capsys=capsys, words=(*words, "does not fit"))


def test_model_weights_of_another_model_are_refused(case, copy, capsys) -> None:
    weights = newest(copy) / "model.safetensors"
    tensors = load_file(weights)
    tensors.pop(sorted(tensors)[0])
    save_file(tensors, weights)
    reseal(newest(copy))
    assert_refused(case, *resume(copy), capsys=capsys, words=("model.safetensors", "does not fit"))


BAD_TRAINER_STATES = {
    "a negative step": ({"step": -1}, ("trainer_state.json", "step", "non-negative integer")),
    "a step as text": ({"step": "2; import os"}, ("trainer_state.json", "step")),
    "a data position as a list": ({"epoch": [0]}, ("trainer_state.json", "epoch")),
}


@pytest.mark.parametrize("kind", list(BAD_TRAINER_STATES))
def test_a_bad_trainer_state_is_refused(kind, case, copy, no_model_load, capsys) -> None:
    change, words = BAD_TRAINER_STATES[kind]
    file = newest(copy) / STATE_FILE
    file.write_text(json.dumps({**json.loads(file.read_text()), **change}))
    assert_refused(case, *resume(copy), capsys=capsys, words=words)


def test_a_saved_config_value_of_the_wrong_type_is_refused(case, copy, no_model_load, capsys) -> None:
    file = newest(copy) / "config.json"
    file.write_text(json.dumps({**json.loads(file.read_text()), "max_steps": "ten"}))
    reseal(newest(copy))
    assert_refused(case, *resume(copy), capsys=capsys, words=("config.json", "max_steps", "integer"))


def test_a_damaged_checkpoint_is_refused(case, copy, no_model_load, capsys) -> None:
    weights = newest(copy) / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF
    weights.write_bytes(bytes(data))
    assert_refused(case, *resume(newest(copy)), capsys=capsys, words=("model.safetensors", "damaged"))


# ------------------------------------------------------------------------------ where a run writes


def test_resuming_a_copied_run_leaves_the_original_untouched(case, trained, copy, capsys) -> None:
    # Formerly the copy resumed into the saved config's output_dir, the original run, and pruned its checkpoints.
    original = snapshot(trained)
    assert run_cli(*resume(copy), capsys=capsys).code == 0
    assert snapshot(trained) == original
    assert [p.name for p in list_checkpoints(copy / "checkpoints")] == ["step-00000002", "step-00000003"]
    steps = [json.loads(line)["step"] for line in (copy / "logs" / "metrics.jsonl").read_text().splitlines()]
    assert steps == [1, 2, 3]
    # An explicit --output-dir is honoured: the copy is left as it is too.
    copied = snapshot(copy)
    assert run_cli(*resume(copy, "--max-steps", "4", "--output-dir", case / "elsewhere"), capsys=capsys).code == 0
    assert snapshot(trained) == original and snapshot(copy) == copied
    assert [p.name for p in list_checkpoints(case / "elsewhere" / "checkpoints")] == ["step-00000004"]


def test_a_checkpoint_outside_a_run_folder_needs_an_output_dir(case, copy, no_model_load, capsys) -> None:
    loose = Path(shutil.copytree(newest(copy), case / "step-00000002"))
    assert_refused(case, *resume(loose), capsys=capsys, words=("--resume", "checkpoints/", "--output-dir"))


def test_a_fresh_run_into_a_folder_holding_a_run_is_refused(case, copy, data, no_model_load, capsys) -> None:
    argv = ["train", "diffusion", "--preset", "tiny-cpu", "--data", data, *TINY, "--output-dir", copy]
    assert_refused(case, *argv, capsys=capsys, words=("--output-dir", "already holds", "--resume"))


def test_a_resume_into_another_run_folder_is_refused(case, copy, trained, no_model_load, capsys) -> None:
    assert_refused(case, *resume(trained, "--output-dir", copy), capsys=capsys, words=("--output-dir", "already holds"))


# ------------------------------------------------------------------------------ options and paths (no model)

OPTIONS = {
    "unknown preset": (["--preset", "huge"], ("unknown preset", "huge", "tiny-cpu")),
    "no preset and no --resume": ([], ("--preset", "--resume")),
    "a preset of the other task": (["--preset", "reconstructor-tiny"], ("reconstructor", "diffusion preset")),
    "unknown key": (["--preset", "tiny-cpu", "--learning-rate", "1"], ("learning-rate", "valid keys")),
    "a value of the wrong type": (["--preset", "tiny-cpu", "--max-steps", "ten"], ("--max-steps", "integer")),
    "a value outside a choice": (["--preset", "tiny-cpu", "--mixed-precision", "fp8"], ("mixed-precision", "bf16")),
    "--lr nan": (["--preset", "tiny-cpu", "--lr", "nan"], ("--lr", "nan")),
    "--lr negative": (["--preset", "tiny-cpu", "--lr", "-1e-4"], ("--lr", "0 or more")),
    "--lr inf": (["--preset", "tiny-cpu", "--lr", "inf"], ("--lr", "inf")),
    "--batch-size 0": (["--preset", "tiny-cpu", "--batch-size", "0"], ("--batch-size", "1 or more", "0")),
    "--max-steps 0": (["--preset", "tiny-cpu", "--max-steps", "0"], ("--max-steps", "1 or more")),
    # Formerly a ZeroDivisionError after the first step.
    "--checkpoint-every 0": (["--preset", "tiny-cpu", "--checkpoint-every", "0"], ("--checkpoint-every",)),
    "--log-every 0": (["--preset", "tiny-cpu", "--log-every", "0"], ("--log-every",)),
    "--gradient-accumulation 0": (["--preset", "tiny-cpu", "--gradient-accumulation", "0"], ("accumulation",)),
    "--keep-checkpoints 0": (["--preset", "tiny-cpu", "--keep-checkpoints", "0"], ("--keep-checkpoints",)),
    "--ema-decay 1.5": (["--preset", "tiny-cpu", "--ema-decay", "1.5"], ("--ema-decay", "1.5")),
    "--condition-dropout 2": (["--preset", "tiny-cpu", "--condition-dropout", "2"], ("--condition-dropout",)),
    "--num-views 0": (["--preset", "tiny-cpu", "--num-views", "0"], ("--num-views",)),
    "--seed negative": (["--preset", "tiny-cpu", "--seed", "-1"], ("--seed", "-1")),
    "--seed 2**40": (["--preset", "tiny-cpu", "--seed", str(2**40)], ("--seed",)),
    "--max-minutes 0": (["--preset", "tiny-cpu", "--max-minutes", "0"], ("--max-minutes", "positive")),
    "--background purple": (["--preset", "tiny-cpu", "--background", "purple"], ("--background", "purple")),
    "--min-timestep above --max-timestep": (
        ["--preset", "tiny-cpu", "--min-timestep", "600", "--max-timestep", "100"],
        ("--min-timestep", "--max-timestep"),
    ),
    "--data empty": (["--preset", "tiny-cpu", "--data", ""], ("--data",)),
    "--resume of nothing": (["--resume", "nowhere"], ("nowhere", "no intact checkpoint")),
}


@pytest.mark.parametrize("name", list(OPTIONS))
def test_a_bad_option_is_refused_before_anything_loads(name, case, no_model_load, capsys) -> None:
    argv, words = OPTIONS[name]
    assert_refused(case, "train", "diffusion", *argv, "--output-dir", "out", capsys=capsys, words=words)


def test_resume_of_a_folder_that_holds_no_checkpoint_is_refused(case, no_model_load, capsys) -> None:
    (case / "notes").mkdir()
    (case / "notes" / "trainer_state.txt").write_text("mine")
    assert_refused(case, "train", "diffusion", "--resume", "notes", capsys=capsys, words=("notes", "no intact"))


def test_an_output_dir_that_is_a_file_is_refused(case, data, no_model_load, capsys) -> None:
    (case / "out").write_text("mine")
    argv = ["train", "diffusion", "--preset", "tiny-cpu", "--data", data, *TINY, "--output-dir", "out"]
    assert_refused(case, *argv, capsys=capsys, words=("--output-dir", "not a folder"))


def test_data_that_is_not_there_is_refused(case, capsys) -> None:
    # Read by build() before the task is made.
    argv = ["train", "diffusion", "--preset", "tiny-cpu", "--data", "missing", *TINY, "--output-dir", "out"]
    assert_refused(case, *argv, capsys=capsys, words=("missing",))


def test_embed_prompts_without_out_is_one_line(case, data, no_model_load, capsys) -> None:
    argv = ["train", "embed-prompts", "--preset", "tiny-cpu", "--data", data]
    assert_refused(case, *argv, capsys=capsys, words=("embed-prompts", "--out"))


# ------------------------------------------------------------------------------ train export


def _export(checkpoint: Path, *argv: object) -> list[object]:
    return ["train", "export", "--resume", checkpoint, "--out", "export", *argv]


def _truncate(file: Path) -> None:
    data = file.read_bytes()
    file.write_bytes(data[: len(data) // 2])


BAD_EMA = {
    "garbage": (lambda file, marker: file.write_bytes(os.urandom(512)), ("not a safetensors file",)),
    "truncated": (lambda file, marker: _truncate(file), ("ema.safetensors",)),
    "a pickle": (plant_pickle, ("not a safetensors file",)),
    "weights of another shape": (
        lambda file, marker: _replace_state(file, _shrink_first_shadow),
        ("does not fit", "--no-ema"),
    ),
}


@pytest.mark.parametrize("kind", list(BAD_EMA))
def test_export_of_a_bad_ema_file_names_it(kind, case, copy, capsys) -> None:
    make, words = BAD_EMA[kind]
    marker = case / "marker"
    make(newest(copy) / "ema.safetensors", marker)
    reseal(newest(copy))
    assert_refused(case, *_export(copy), capsys=capsys, words=("ema.safetensors", *words))
    assert not marker.exists()


def test_export_of_a_former_ema_pickle_runs_nothing(case, copy, capsys) -> None:
    # Checkpoints of the former format are still exported, their EMA pickle read with weights_only=True.
    checkpoint, marker = newest(copy), case / "marker"
    (checkpoint / "ema.safetensors").unlink()
    plant_pickle(checkpoint / "custom_checkpoint_0.pkl", marker)
    reseal(checkpoint)
    words = ("custom_checkpoint_0.pkl", "nothing in it was run", "--no-ema")
    assert_refused(case, *_export(copy), capsys=capsys, words=words)
    assert not marker.exists()


def test_export_of_truncated_weights_names_them(case, copy, capsys) -> None:
    _truncate(newest(copy) / "model.safetensors")
    reseal(newest(copy))
    assert_refused(case, *_export(copy), capsys=capsys, words=("model.safetensors",))


def test_export_into_a_file_is_refused(case, copy, no_model_load, capsys) -> None:
    (case / "export").write_text("mine")
    assert_refused(case, *_export(copy), capsys=capsys, words=("--out", "export", "not a folder"))


def test_export_without_resume_is_one_line(case, no_model_load, capsys) -> None:
    assert_refused(case, "train", "export", "--out", "export", capsys=capsys, words=("--resume", "required"))


def test_export_of_nothing_is_refused(case, no_model_load, capsys) -> None:
    assert_refused(case, *_export(case / "nothing"), capsys=capsys, words=("nothing", "no intact checkpoint"))


# ------------------------------------------------------------------------------ stopped by a signal


def test_a_sigterm_stopped_run_saves_and_exits_143_with_one_line(case, data, monkeypatch, capsys) -> None:
    # Formerly exit 0, like a finished run. SIGTERM reaches the run while it reads its third item.
    reads = []
    original = training_runs.MultiViewDataset.__getitem__

    def getitem(self, index):
        reads.append(index)
        if len(reads) == 3:
            os.kill(os.getpid(), signal.SIGTERM)
        return original(self, index)

    monkeypatch.setattr(training_runs.MultiViewDataset, "__getitem__", getitem)
    argv = ["train", "diffusion", "--preset", "tiny-cpu", "--data", data, *TINY, "--output-dir", "out",
            "--max-steps", "50", "--checkpoint-every", "100"]  # fmt: skip
    outcome = run_cli(*argv, capsys=capsys)
    assert outcome.code == 128 + signal.SIGTERM == 143
    last = outcome.error_lines[-1]
    assert last.startswith("videomv: stopped by SIGTERM at step ") and "checkpoint saved" in last
    assert "--resume out" in last and "Traceback" not in outcome.stderr
    step = int(last.split("at step ")[1].split()[0])
    assert [p.name for p in list_checkpoints(case / "out" / "checkpoints")] == [f"step-{step:08d}"]
    assert json.loads(outcome.stdout.splitlines()[-1])["stopped"] is True
    assert not (case / "out" / "pipeline").exists()
    # The one line says how to go on, and that works.
    monkeypatch.undo()
    monkeypatch.chdir(case)
    done = run_cli("train", "diffusion", "--resume", "out", "--max-steps", str(step + 1), capsys=capsys)
    assert done.code == 0, done.stderr
