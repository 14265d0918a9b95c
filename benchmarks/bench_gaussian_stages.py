"""What the fused CPU rasterizer buys the commands: ``videomv fit`` and ``videomv generate``'s
Gaussian stage, with the fused numba kernels against the pure-PyTorch tiled path (the CPU
rasterizer before them), in one process, interleaved.

* ``fit``: ``videomv fit`` run in-process on a 24-view sample (rendered from the scene at
  ``--size``), ``--steps`` steps, default settings otherwise (4000 Gaussians, densification).
* ``generate, Gaussian stage``: what ``videomv generate`` does after sampling with a
  reconstructor: the orbit video of the Gaussians (48 frames at the view size), plus one 3D-aware
  refinement's renders (all views, at the view size), for a 4096-Gaussian reconstruction.

The scene is ``bench_rasterizer.make_scene`` (an object of 4096 Gaussians, the tiny
reconstructor's output size) or a ``--ply`` such as a ``videomv generate`` result.

    python benchmarks/bench_gaussian_stages.py                 # 256² views, 150 fit steps
    python benchmarks/bench_gaussian_stages.py --size 64 --ply out/gaussians.ply
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from videomv.threads import configure_threads

configure_threads()  # as the videomv command does: before torch loads OpenMP

import torch  # noqa: E402

from bench_rasterizer import make_scene  # noqa: E402
from videomv.cameras import Cameras, orbit  # noqa: E402
from videomv.cli.main import main as videomv  # noqa: E402
from videomv.data.format import MultiViewSample, write_sample  # noqa: E402
from videomv.gaussians import _fused, load_ply, rasterize, render_orbit_video  # noqa: E402


@contextlib.contextmanager
def rasterizer(path: str) -> Iterator[None]:
    """``fused`` as installed, or ``tiled``: the fused kernels hidden, as without numba."""
    saved = dict(_fused._STATE)
    if path == "tiled":
        _fused._STATE.update(kernels=None, error=ImportError("hidden by the benchmark"))
    try:
        yield
    finally:
        _fused._STATE.update(saved)


def make_sample(gaussians, folder: Path, size: int) -> Path:
    cams = orbit(24, elevation=15.0, radius=2.0, size=size)
    out = rasterize(gaussians, (cams.c2w, cams.intrinsics), size, size, background=1.0)
    images = torch.cat([out.rgb, out.alpha], 1).clamp(0, 1)
    return write_sample(folder / "sample", MultiViewSample(images, Cameras(cams.c2w, cams.intrinsics, size, size)))


def stages(gaussians, sample: Path, folder: Path, size: int, steps: int) -> dict[str, Callable[[], None]]:
    video = orbit(48, elevation=15.0, radius=2.0, size=size)
    views = orbit(24, elevation=15.0, radius=2.0, size=size)

    def fit() -> None:
        argv = ["fit", str(sample), "--out", str(folder / "fit.ply"), "--steps", str(steps)]
        if videomv([*argv, "--quiet-progress", "--overwrite"]) != 0:
            raise RuntimeError("videomv fit failed")

    def gaussian_stage() -> None:
        cams = (video.c2w, video.intrinsics)
        render_orbit_video(gaussians, cams, folder / "orbit.mp4", size, size, 24)
        rasterize(gaussians, (views.c2w, views.intrinsics), size, size, background=1.0)

    return {"fit": fit, "generate, Gaussian stage": gaussian_stage}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=256, help="view size in pixels")
    parser.add_argument("--steps", type=int, default=150, help="fit steps")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per stage and path (median)")
    parser.add_argument("--ply", help="Gaussians to use (default: a 4096-Gaussian object)")
    args = parser.parse_args()
    gaussians = load_ply(args.ply) if args.ply else make_scene(4096)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {len(gaussians)} Gaussians; "
          f"{args.size}² views; fit {args.steps} steps; median of {args.repeat} interleaved runs")  # fmt: skip
    print("| stage | tiled (before) s | fused s | speed-up |")
    print("|-------|-----------------:|--------:|---------:|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with torch.no_grad():
            sample = make_sample(gaussians, folder, args.size)  # also warms up (numba's compile cache)
        warm_up = stages(gaussians, sample, folder, args.size, 1)
        for name, stage in stages(gaussians, sample, folder, args.size, args.steps).items():
            times: dict[str, list[float]] = {"tiled": [], "fused": []}
            for path in times:  # first calls: lazy imports, numba's compile cache
                with rasterizer(path):
                    warm_up[name]()
            for _ in range(args.repeat):
                for path in times:
                    with rasterizer(path), torch.no_grad() if name != "fit" else contextlib.nullcontext():
                        start = time.perf_counter()
                        stage()
                        times[path].append(time.perf_counter() - start)
            before, after = statistics.median(times["tiled"]), statistics.median(times["fused"])
            print(f"| {name} | {before:.2f} | {after:.2f} | {before / after:.1f}x |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
