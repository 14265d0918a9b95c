"""Checkpoints: exact resume, SIGKILL at any moment, SIGTERM writes a last checkpoint."""

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

import checkpoint_worker as worker  # tests/ is on sys.path under pytest's default import mode
from videomv.training import latest_checkpoint, list_checkpoints, resolve_resume

WORKER = str(Path(__file__).parent / "checkpoint_worker.py")


def test_resume_continues_bit_for_bit(tmp_path):
    straight = worker.run(str(tmp_path / "a"), steps=8, every=100, resume=False)
    worker.run(str(tmp_path / "b"), steps=4, every=4, resume=False)
    # A different seed for the fresh model: everything must come from the checkpoint.
    resumed = worker.run(str(tmp_path / "b"), steps=8, every=100, resume=True, seed=123)
    for p, q in zip(straight.parameters(), resumed.parameters(), strict=True):
        torch.testing.assert_close(p, q, atol=0, rtol=0)


def test_only_the_newest_checkpoints_are_kept(tmp_path):
    worker.run(str(tmp_path), steps=7, every=2, resume=False)
    assert [p.name for p in list_checkpoints(tmp_path)] == ["step-00000004", "step-00000006"]
    assert resolve_resume(tmp_path).name == "step-00000006"
    with pytest.raises(FileNotFoundError, match="no intact checkpoint"):
        resolve_resume(tmp_path / "nothing")


def test_a_damaged_newest_checkpoint_is_detected_and_the_previous_one_used(tmp_path, caplog):
    worker.run(str(tmp_path), steps=6, every=2, resume=False)
    newest = latest_checkpoint(tmp_path)
    weights = next(newest.rglob("*.safetensors"))
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF  # one flipped byte deep in a tensor
    weights.write_bytes(bytes(data))
    assert resolve_resume(tmp_path).name == "step-00000004"
    assert "damaged" in caplog.text
    with pytest.raises(ValueError, match=r"cannot resume: .*damaged"):
        resolve_resume(newest)


def start_worker(root: Path, steps: int, every: int, delay: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, WORKER, str(root), str(steps), str(every), str(delay)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_sigkill_at_any_moment_keeps_a_loadable_checkpoint(tmp_path):
    rng = random.Random(0)
    last_step = 0
    for _ in range(3):
        proc = start_worker(tmp_path, steps=10_000, every=1, delay=0.0)
        time.sleep(rng.uniform(0.5, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        latest = latest_checkpoint(tmp_path)
        assert latest is not None
        step = int(latest.name.split("-")[1])
        assert step >= last_step, "a kill must never lose the last complete checkpoint"
        last_step = step
        # The newest complete checkpoint restores in a fresh process state.
        accelerator, *parts = worker.build(seed=1)
        state = worker.load_checkpoint(accelerator, latest, worker.objects(*parts))
        position = parts[-1]
        assert state["step"] == step and position.index == step
    assert last_step > 0


def test_sigterm_writes_a_checkpoint_and_exits_cleanly(tmp_path):
    proc = start_worker(tmp_path, steps=10_000, every=10_000, delay=0.02)
    time.sleep(1.0)
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    stopped = int(out.strip().split()[-1])
    assert latest_checkpoint(tmp_path).name == f"step-{stopped:08d}"
