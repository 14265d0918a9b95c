"""3D-aware vs plain sampling: wall time and view consistency, same seed and settings.

Runs ``VideoMVPipeline`` twice per repeat with the same prompt, seed and scheduler, once plainly
and once with a :class:`~videomv.sampling.three_d_aware.ThreeDAwareRefiner` (default schedule:
loop indices 20, 30, 40 of 50), and prints a table:

* wall time (median over repeats) and its ratio to plain sampling (goal: <= 1.15x);
* consistency: the final views' reconstruct-and-rerender PSNR: Gaussians are reconstructed from
  the final views' input views and rendered at every camera; PSNR against the views over all
  views and over the held-out (non-input) views only.

By default both models are the tiny random ones (``tiny-cpu`` pipeline, ``tiny`` reconstructor),
which measures the sampler's overhead, not image quality; give trained folders for meaningful
consistency numbers::

    python benchmarks/bench_3d_aware.py
    python benchmarks/bench_3d_aware.py --pipeline PIPE_DIR --reconstructor RECON_DIR --device cuda
"""

from __future__ import annotations

import argparse
import statistics
import time

from videomv.threads import configure_threads

configure_threads()  # as the videomv command does: before torch loads OpenMP

import torch  # noqa: E402

from videomv.models.reconstructor import GaussianReconstructor  # noqa: E402
from videomv.pipelines import VideoMVPipeline  # noqa: E402
from videomv.sampling.three_d_aware import ThreeDAwareConfig, ThreeDAwareRefiner, resolve_steps  # noqa: E402


class _TimedRefiner:
    """Forwards to the refiner and adds up the time spent in it (synchronising CUDA)."""

    def __init__(self, refiner: ThreeDAwareRefiner) -> None:
        self.refiner, self.seconds = refiner, 0.0

    def __call__(self, x0_cond, x0_uncond, state):
        _sync()
        start = time.perf_counter()
        out = self.refiner(x0_cond, x0_uncond, state)
        _sync()
        self.seconds += time.perf_counter() - start
        return out


def _sync() -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def _psnr(a: torch.Tensor, b: torch.Tensor) -> float:
    return float(-10 * torch.log10(torch.mean((a.float() - b.float()) ** 2).clamp_min(1e-10)))


def consistency(refiner: ThreeDAwareRefiner, views: torch.Tensor, cameras) -> tuple[float, float]:
    """Reconstruct-and-rerender PSNR of ``(B, F, 3, H, W)`` views in [0, 1]: all views, held-out views."""
    gaussians = refiner.reconstruct(views, cameras)
    renders = refiner.render(gaussians, cameras, views.shape[-1], views.shape[-2]).to(views.device)
    inputs = set(refiner.input_views(views.shape[1]))
    held_out = [v for v in range(views.shape[1]) if v not in inputs]
    return _psnr(renders, views), _psnr(renders[:, held_out], views[:, held_out])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pipeline", help="VideoMVPipeline folder (default: random tiny-cpu preset)")
    parser.add_argument("--reconstructor", help="GaussianReconstructor folder (default: random tiny preset)")
    parser.add_argument("--prompt", default="a red wooden chair")
    parser.add_argument("--steps", type=int, default=50, help="denoising steps")
    parser.add_argument(
        "--refine-steps",
        type=float,
        nargs="+",
        default=None,
        help="3D-aware steps as fractions of the loop (default 0.4 0.6 0.8 = 20, 30, 40 of 50)",
    )
    parser.add_argument("--blend", type=float, default=1.0, help="weight of the renders in x̂0 (1 = reference)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per mode (median reported)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--backend", default="auto", help="rasterizer backend")
    args = parser.parse_args()  # fmt: skip

    device = torch.device(args.device)
    if args.pipeline:
        pipe = VideoMVPipeline.from_pretrained(args.pipeline)
    else:
        pipe = VideoMVPipeline.from_preset("tiny-cpu", seed=args.seed)
    pipe = pipe.to(device)
    pipe.set_progress_bar_config(disable=True)
    if args.reconstructor:
        recon = GaussianReconstructor.from_pretrained(args.reconstructor)
    else:
        torch.manual_seed(args.seed)
        recon = GaussianReconstructor.from_preset("tiny")
    recon = recon.to(device).eval()
    config = ThreeDAwareConfig(blend=args.blend, backend=args.backend)
    if args.refine_steps is not None:
        config.steps = tuple(args.refine_steps)
    refiner = ThreeDAwareRefiner(recon, config)
    timed = _TimedRefiner(refiner)

    def run(x0_refiner, steps: int = args.steps) -> tuple[float, torch.Tensor, object]:
        generator = torch.Generator(device).manual_seed(args.seed)
        _sync()
        start = time.perf_counter()
        # A pipeline with a reconstructor refines by itself when x0_refiner is None: "plain" must say so.
        out = pipe(args.prompt, num_inference_steps=steps, generator=generator, output_type="pt",
                   x0_refiner=x0_refiner, three_d_aware=x0_refiner is not None)  # fmt: skip
        _sync()
        return time.perf_counter() - start, out.views.to(device), out.cameras

    # Warm-up (first-call allocations, kernel selection), refinement included: 2 steps, refined at index 1.
    run(ThreeDAwareRefiner(recon, ThreeDAwareConfig(steps=(1,), backend=args.backend)), steps=2)
    plain_times, aware_times = [], []
    for _ in range(args.repeats):
        seconds, plain_views, cameras = run(None)
        plain_times.append(seconds)
        timed.seconds = 0.0
        seconds, aware_views, _ = run(timed)
        aware_times.append(seconds)
    refine_seconds = timed.seconds

    plain_t, aware_t = statistics.median(plain_times), statistics.median(aware_times)
    plain_all, plain_held = consistency(refiner, plain_views, cameras)
    aware_all, aware_held = consistency(refiner, aware_views, cameras)
    indices = resolve_steps(config.steps, args.steps)
    frames, size = plain_views.shape[1], plain_views.shape[-1]
    print(f"device: {device} ({torch.get_num_threads()} CPU threads); {frames} views of {size}x{size}; "
          f"{args.steps} DDIM steps; 3D-aware at loop indices {indices}, blend {args.blend}; "
          f"reconstructor inputs {refiner.input_views(frames)}; {args.repeats} repeats")  # fmt: skip
    print()
    print("| sampling  | wall time (s) | vs plain | consistency PSNR, all views (dB) | held-out views (dB) |")
    print("|-----------|--------------:|---------:|---------------------------------:|--------------------:|")
    print(f"| plain     | {plain_t:13.2f} | {1.0:7.3f}x | {plain_all:32.2f} | {plain_held:19.2f} |")
    print(f"| 3D-aware  | {aware_t:13.2f} | {aware_t / plain_t:7.3f}x | {aware_all:32.2f} | {aware_held:19.2f} |")
    print()
    gain_all, gain_held = aware_all - plain_all, aware_held - plain_held
    print(f"time in the refiner (last 3D-aware run): {refine_seconds:.2f} s = {refine_seconds / plain_t:.3f}x "
          "of plain sampling (the overhead, free of timing noise between runs); "
          f"consistency gain: {gain_all:+.2f} dB (all views), {gain_held:+.2f} dB (held-out views)")  # fmt: skip


if __name__ == "__main__":
    main()
