"""Two CPU processes under accelerate (gloo) compute the gradients of one process on the same global batch.

The two ranks are forked with the environment ``accelerate launch`` / ``torchrun`` set (RANK,
WORLD_SIZE, MASTER_ADDR, MASTER_PORT); each trains at batch 1 and records the gradients every
optimiser step applies (after DDP's all-reduce average). The reference is the same
config at batch 2 in this process. Every per-sample random draw (noise, offset noise, timestep,
caption and image dropout, single-image view, dataset start view and background, reconstructor
views and backgrounds) is in play.
"""

import os
import socket
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.multiprocessing import start_processes
from torch.optim.optimizer import register_optimizer_step_pre_hook

from videomv.cameras import orbit
from videomv.data.format import MultiViewSample, write_sample
from videomv.training import TrainConfig, apply_overrides, build, preset, train

SIZE, VIEWS = 16, 8
# float32 sums in another order (DDP's all-reduce of two half-batch means vs one batch mean): the
# gradients agree to a few ulps of the largest entry; 1e-5 of it leaves a wide margin.
RELATIVE_TOLERANCE = 1e-5

CASES = {
    # The image model with everything random on: caption and image dropped independently, offset noise,
    # v-prediction, single-image batches (at seed 0 a ratio of 0.35 makes step 1 one and step 0 not),
    # random start views and backgrounds.
    "diffusion": ("tiny-cpu", [
        "--model", "tiny-cpu-i2v", "--num-views", "4", "--caption-with-image", "--condition-dropout", "0.5",
        "--image-dropout", "0.5", "--offset-noise", "0.1", "--prediction-type", "v_prediction",
        "--single-image-ratio", "0.35",
    ]),
    "reconstructor": ("reconstructor-tiny", [
        "--num-views", str(VIEWS), "--lpips-weight", "0", "--rasterizer", "torch",
    ]),
}  # fmt: skip


def _config(case: str, data: Path, out: Path, batch_size: int) -> TrainConfig:
    base = [
        "--data", str(data), "--split", "all", "--image-size", str(SIZE), "--output-dir", str(out),
        "--batch-size", str(batch_size), "--max-steps", "2", "--warmup-steps", "0", "--lr-schedule", "constant",
        "--lr", "0", "--background", "random", "--sample-every", "0", "--checkpoint-every", "100",
    ]  # fmt: skip
    # lr 0: step 2 sees the same weights, so it checks the step-keyed draws and the second epoch's sharding
    # without AdamW's first update (about lr·sign(g)) turning rounding-level gradients into weight changes.
    name, overrides = CASES[case]
    return apply_overrides(preset(name), [*base, *overrides])


def _train_recording_gradients(config: TrainConfig) -> tuple[list[list[torch.Tensor]], list[float]]:
    """Trains ``config``; returns the gradients each optimiser step applied (after DDP's average) and the losses."""
    steps: list[list[torch.Tensor]] = []

    def record(optimizer, args, kwargs) -> None:
        steps.append([p.grad.detach().clone() for group in optimizer.param_groups for p in group["params"]])

    task, dataset = build(config)
    for module in task.modules():
        if isinstance(module, nn.Dropout):
            # The network's own dropout (the UNet's temporal convs: 0.1) masks the batch tensor from each
            # process's global RNG: the one draw that cannot follow the sample. Off, so the rest is compared.
            module.p = 0.0
    handle = register_optimizer_step_pre_hook(record)
    try:
        result = train(config, task, dataset, progress=False)
    finally:
        handle.remove()
    return steps, result.losses


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _rank(rank: int, world_size: int, port: int, case: str, data: Path, out: Path) -> None:
    """One rank of :func:`_launch`: trains at batch 1 and saves the gradients it applied."""
    from accelerate.state import AcceleratorState, GradientState

    os.environ.update(
        RANK=str(rank), LOCAL_RANK=str(rank), WORLD_SIZE=str(world_size), LOCAL_WORLD_SIZE=str(world_size),
        MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), ACCELERATE_USE_CPU="true",  # what --cpu sets: gloo
    )  # fmt: skip
    # A forked rank inherits this process's single-process accelerate state (from earlier tests).
    AcceleratorState._reset_state(reset_partial_state=True)
    GradientState._reset_state()
    gradients, losses = _train_recording_gradients(_config(case, data, out, batch_size=1))
    world = AcceleratorState().num_processes  # 1 would mean two unrelated runs, not one group
    torch.save({"gradients": gradients, "losses": losses, "world_size": world}, out / f"rank{rank}.pt")


def _launch(case: str, data: Path, out: Path, world_size: int = 2) -> list[dict]:
    """Runs ``world_size`` ranks of one gloo group, as ``accelerate launch --cpu`` would; their recordings.

    Forked, not spawned: the ranks reuse this process's imports (torch + diffusers take ~10 s of CPU to
    import, more than the training steps).
    """
    start_processes(_rank, (world_size, _free_port(), case, data, out), nprocs=world_size, start_method="fork")
    return [torch.load(out / f"rank{rank}.pt") for rank in range(world_size)]


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """Two objects of random RGBA views on an orbit (the gradients need data, not meaning)."""
    root = tmp_path_factory.mktemp("data")
    for i in range(2):
        g = torch.Generator().manual_seed(i)
        images = torch.rand(VIEWS, 4, SIZE, SIZE, generator=g)
        write_sample(root / f"obj{i}", MultiViewSample(images, orbit(VIEWS, 15.0, 2.0, size=SIZE), f"object {i}"))
    return root


@pytest.mark.parametrize("case", list(CASES))
def test_two_processes_step_like_one_on_the_same_global_batch(data, tmp_path, case):
    ranks = _launch(case, data, tmp_path / "ddp")
    single, single_losses = _train_recording_gradients(_config(case, data, tmp_path / "single", batch_size=2))
    assert len(single) == 2
    for record in ranks:
        assert record["world_size"] == 2 and len(record["gradients"]) == len(single)
        assert record["losses"] == pytest.approx(single_losses, rel=1e-5)
        for step, (ddp_grads, grads) in enumerate(zip(record["gradients"], single, strict=True)):
            scale = max(float(g.abs().max()) for g in grads)
            assert scale > 0
            for ddp, ref in zip(ddp_grads, grads, strict=True):
                torch.testing.assert_close(ddp, ref, rtol=0, atol=RELATIVE_TOLERANCE * scale, msg=f"step {step}")


def _run_rank(rank: int, world_size: int, port: int, overrides: list[str], resume: str | None) -> None:
    """One rank of a run of ``tiny-cpu`` with ``overrides``, resumed from ``resume`` if given."""
    from accelerate.state import AcceleratorState, GradientState

    from videomv.training import run

    os.environ.update(
        RANK=str(rank), LOCAL_RANK=str(rank), WORLD_SIZE=str(world_size), LOCAL_WORLD_SIZE=str(world_size),
        MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), ACCELERATE_USE_CPU="true",
    )  # fmt: skip
    AcceleratorState._reset_state(reset_partial_state=True)
    GradientState._reset_state()
    run(apply_overrides(preset("tiny-cpu"), overrides), resume=resume, progress=False)


def test_two_processes_resume_bit_for_bit(data, tmp_path):
    """A 2-process run stopped after a checkpoint and resumed (each rank reading back its own RNG states,
    the optimiser, schedule and EMA from safetensors) ends exactly where the straight 2-process run does."""
    from safetensors.torch import load_file

    from videomv.training.checkpoint import list_checkpoints
    from videomv.training.state_files import load_state

    def overrides(out: Path, steps: int) -> list[str]:
        return [
            "--data", str(data), "--split", "all", "--num-views", "4", "--image-size", str(SIZE),
            "--output-dir", str(out), "--batch-size", "1", "--max-steps", str(steps), "--warmup-steps", "0",
            "--lr-schedule", "constant", "--lr", "1e-3", "--ema-decay", "0.5", "--sample-every", "0",
            "--checkpoint-every", "100", "--condition-dropout", "0.5",
        ]  # fmt: skip

    def launch(out: Path, steps: int, resume: str | None = None) -> None:
        start_processes(_run_rank, (2, _free_port(), overrides(out, steps), resume), nprocs=2, start_method="fork")

    launch(tmp_path / "straight", 3)
    launch(tmp_path / "split", 1)
    assert sorted(p.name for p in (list_checkpoints(tmp_path / "split" / "checkpoints")[0]).glob("rng_state_*")) == [
        "rng_state_0.safetensors", "rng_state_1.safetensors",
    ]  # fmt: skip
    launch(tmp_path / "split", 3, resume=str(tmp_path / "split"))
    straight, split = (list_checkpoints(tmp_path / name / "checkpoints")[-1] for name in ("straight", "split"))
    assert straight.name == split.name == "step-00000003"
    for name in ("model.safetensors",):
        a, b = load_file(straight / name), load_file(split / name)
        assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    ema_a, ema_b = (load_state(folder / "ema.safetensors")["shadow_params"] for folder in (straight, split))
    assert all(torch.equal(p, q) for p, q in zip(ema_a, ema_b, strict=True))
