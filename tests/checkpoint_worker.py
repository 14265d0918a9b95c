"""A tiny training loop run as a subprocess by test_training_checkpoint.py (kill and signal tests)."""

import sys
import time

import torch
from accelerate import Accelerator

from videomv.training import StopRequest, latest_checkpoint, load_checkpoint, save_checkpoint
from videomv.training.checkpoint import TrainingObjects


class DataPosition:
    """The number of batches consumed, saved with the checkpoint so a resume continues the data."""

    def __init__(self) -> None:
        self.index = 0

    def state_dict(self) -> dict:
        return {"index": self.index}

    def load_state_dict(self, state: dict) -> None:
        self.index = state["index"]


def batch(index: int) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(index)
    x = torch.randn(8, 4, generator=g)
    return x, x.flip(1)


def build(seed: int):
    torch.manual_seed(seed)
    accelerator = Accelerator(cpu=True)
    model = torch.nn.Linear(4, 4)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / 5))
    model, optimizer, schedule = accelerator.prepare(model, optimizer, schedule)
    position = DataPosition()
    return accelerator, model, optimizer, schedule, position


def objects(model, optimizer, schedule, position) -> TrainingObjects:
    """What the checkpoints hold: the position as an extra object, as the loop's EMA weights are."""
    return TrainingObjects(model, optimizer, schedule, {"position": position})


def train_step(model, optimizer, schedule, position) -> float:
    x, y = batch(position.index)
    noise = torch.randn_like(x) * 0.01  # draws from the global RNG, which resume must restore
    loss = torch.nn.functional.mse_loss(model(x + noise), y)
    loss.backward()
    optimizer.step()
    schedule.step()
    optimizer.zero_grad()
    position.index += 1
    return loss.item()


def run(root: str, steps: int, every: int, resume: bool, seed: int = 0, delay: float = 0.0, announce: bool = False):
    accelerator, model, optimizer, schedule, position = build(seed)
    saved = objects(model, optimizer, schedule, position)
    step = 0
    if resume and latest_checkpoint(root) is not None:
        step = load_checkpoint(accelerator, latest_checkpoint(root), saved)["step"]
    with StopRequest() as stop:
        if announce:  # the parent may signal from now on
            print("ready", flush=True)
        while step < steps:
            train_step(model, optimizer, schedule, position)
            step += 1
            time.sleep(delay)
            if stop.requested or step % every == 0:
                save_checkpoint(accelerator, root, step, saved, {"samples": position.index}, "{}", keep=2)
            if stop.requested:
                print(f"stopped at {step}", flush=True)
                break
    return model


if __name__ == "__main__":
    root, steps, every, delay = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    run(root, steps, every, resume=True, delay=delay, announce=True)
