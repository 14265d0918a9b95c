"""Where a diffusion training step's time goes, as ratios to the whole step, same process.

Times, per step of ``--batch`` samples: loading the batch from a dataset folder (one process, so
divide by the loader's workers; from the PNGs, then from samples preloaded with ``--preload-data``),
the per-sample draws from each sample's generator (timesteps on the CPU, noise on the device), the
prompt embeddings (MiniLM encoder vs a ``train embed-prompts`` file) and the UNet forward +
backward (with the attention kernel PyTorch picks, and with ``--attention-backend math``). Runs are
interleaved and the median of each is reported.

    python benchmarks/bench_training_step.py --data out/data/procedural
    python benchmarks/bench_training_step.py --data out/data/procedural --batch 128 --device cuda --profile

``--profile`` also prints the operators that take the most time over three whole steps.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

import torch

from bench_unet import _time  # benchmarks/ is the script's folder: on sys.path
from videomv.training import apply_overrides, build, preset
from videomv.training.loop import attention_kernel
from videomv.training.prompt_cache import PromptEmbeddings, dataset_prompts, write_prompt_embeddings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="a dataset folder (videomv data build)")
    parser.add_argument("--split", default="train")
    parser.add_argument("--preset", default="tiny-cpu-joint", help="diffusion training preset")
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=1, help="torch threads on the CPU")
    parser.add_argument("--profile", action="store_true", help="also print torch.profiler's top operators")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    overrides = ["--data", args.data, "--split", args.split, "--sample-every", "0"]
    config = apply_overrides(preset(args.preset), overrides)
    task, dataset = build(config)
    _, preloaded = build(apply_overrides(preset(args.preset), [*overrides, "--preload-data", "true"]))
    task.to(args.device)
    pipe = task.pipeline
    with tempfile.TemporaryDirectory() as folder:
        cache_file = write_prompt_embeddings(
            pipe, dataset_prompts(args.data, args.split, pipe.config.prompt_suffix), Path(folder) / "p.safetensors"
        )
        cache = PromptEmbeddings(cache_file)
    device = torch.device(args.device)
    indices = list(range(min(args.batch, len(dataset))))
    batch = torch.utils.data.default_collate([dataset[i] for i in indices])
    prompts = [caption + pipe.config.prompt_suffix for caption in batch["caption"]]
    dtype = task.model.dtype
    unet = task.model.config
    latent_shape = torch.Size((unet.out_channels, config.num_views, unet.sample_size, unet.sample_size))

    def load() -> None:
        torch.utils.data.default_collate([dataset[i] for i in indices])

    def load_preloaded() -> None:
        torch.utils.data.default_collate([preloaded[i] for i in indices])

    def draws() -> None:
        generators = [torch.Generator().manual_seed(i) for i in indices]
        task._draw(generators, None, config.num_views)
        task._noise(generators, latent_shape, device)

    def train_step() -> None:
        task.zero_grad(set_to_none=True)
        task({**batch, "step": 0})["loss"].backward()

    def train_step_math_attention() -> None:
        with attention_kernel("math"):
            train_step()

    parts = {
        "load the batch (1 process)": load,
        "same, samples preloaded in memory": load_preloaded,
        "noise + timestep draws": draws,
        "prompts: MiniLM encoder": lambda: pipe.encode_prompt(prompts, device),
        "prompts: embedding file": lambda: cache.lookup(prompts, device, dtype),
        "whole step: loss + backward": train_step,
        "same, --attention-backend math": train_step_math_attention,
    }
    times: dict[str, list[float]] = {name: [] for name in parts}
    for repeat in range(args.repeats + 1):
        for name, fn in parts.items():
            elapsed = _time(fn, args.device)
            if repeat:  # the first round warms up
                times[name].append(elapsed)
    base = statistics.median(times["whole step: loss + backward"])
    settings = f"batch {len(indices)}, {config.num_views} views, device {args.device}, {args.threads} thread(s)"
    print(f"{args.preset}, {settings}")
    print(f"| {'part of a step':<38} | {'ms (median)':>11} | {'× step':>9} |")
    print(f"|{'-' * 40}|{'-' * 13}|{'-' * 11}|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name:<38} | {median * 1e3:>11.1f} | {median / base:>9.3f} |")
    if args.profile:
        print_profile(train_step, device)


def print_profile(step: Callable[[], None], device: torch.device, steps: int = 3) -> None:
    """torch.profiler's operators sorted by their time on ``device``, over ``steps`` calls of ``step``."""
    from torch.profiler import ProfilerActivity, profile

    on_gpu = device.type == "cuda"
    activities = [ProfilerActivity.CPU, *([ProfilerActivity.CUDA] if on_gpu else [])]
    with profile(activities=activities) as prof:
        for _ in range(steps):
            step()
        if on_gpu:
            torch.cuda.synchronize(device)
    key = "cuda_time_total" if on_gpu else "cpu_time_total"
    print(prof.key_averages().table(sort_by=key, row_limit=15, max_name_column_width=60))


if __name__ == "__main__":
    main()
