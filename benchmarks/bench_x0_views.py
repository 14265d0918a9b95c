"""The x̂0 views of reconstructor training (``--reconstructor-inputs x0``): one UNet call for the
batch against one call per sample (the loop before session 10), same process, interleaved; the
median of each is reported.

    python benchmarks/bench_x0_views.py                       # the shipped model, batch 2 and 8, CPU
    python benchmarks/bench_x0_views.py --device cuda --batch 8 16 32

The shipped folder needs the MiniLM package for its empty prompt; ``--prompt-embeddings FILE`` (from
``videomv train embed-prompts --pretrained`` the folder) does without it.
"""

from __future__ import annotations

import argparse
import statistics

import torch

from bench_unet import _time  # benchmarks/ is the script's folder: on sys.path
from videomv.cameras import orbit
from videomv.pipelines.export import DEFAULT_MODEL
from videomv.training.reconstructor import PipelineX0Views


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="a pipeline folder (default: the shipped model)")
    parser.add_argument("--prompt-embeddings", default=None)
    parser.add_argument("--batch", type=int, nargs="+", default=[2, 8])
    parser.add_argument("--views", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=1, help="torch threads on the CPU")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    x0_views = PipelineX0Views.from_folder(args.model or DEFAULT_MODEL, args.prompt_embeddings)
    size = x0_views.pipeline.image_size
    print(f"x̂0 views of {args.views} views at {size}², {args.device}, median of {args.repeats}")
    print("| batch | one call per sample (ms) | one call for the batch (ms) | speed-up |")
    print("|---|---|---|---|")
    for batch in args.batch:
        one, whole = measure(x0_views, batch, args.views, size, args.device, args.repeats)
        print(f"| {batch} | {one * 1000:.0f} | {whole * 1000:.0f} | {one / whole:.2f}× |")


def measure(
    x0_views: PipelineX0Views, batch: int, views: int, size: int, device: str, repeats: int
) -> tuple[float, float]:
    """Median seconds of one call per sample and of one call for the batch."""
    images = torch.rand(batch, views, 3, size, size, device=device)
    cameras = [orbit(views, 5.0 + 5 * b, 1.7, size=size) for b in range(batch)]
    timesteps = torch.randint(0, 600, (batch,), device=device)

    def generators() -> list[torch.Generator]:
        return [torch.Generator().manual_seed(b) for b in range(batch)]

    def per_sample() -> None:
        for b, g in enumerate(generators()):
            x0_views(images[b : b + 1], timesteps[b : b + 1], [g], cameras[b : b + 1])

    def batched() -> None:
        x0_views(images, timesteps, generators(), cameras)

    per_sample(), batched()  # warm-up
    times: dict[str, list[float]] = {"per_sample": [], "batched": []}
    for _ in range(repeats):
        times["per_sample"].append(_time(per_sample, device))
        times["batched"].append(_time(batched, device))
    return statistics.median(times["per_sample"]), statistics.median(times["batched"])


if __name__ == "__main__":
    main()
