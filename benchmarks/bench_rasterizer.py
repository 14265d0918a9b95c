"""Rasterizer speed and memory: ``torch`` (tiled) against ``reference`` (dense), gsplat on CUDA.

Scene: N Gaussians in a ball of radius 0.5 (an object), sizes log-normal around 1/50 of it,
opacities spread over (0, 1), degree-0 colour, one camera at distance 2 (fov 39.6°) - the
VideoMV reconstructor's setting. Each torch cell is the median of ``--repeat`` runs after one
warm-up; the reference runs once. Ratios are reference / torch measured in the same run. Peak memory is the process's
peak resident set growth on CPU (ru_maxrss, so only ever increasing: measured in a fresh
subprocess per cell) and ``torch.cuda.max_memory_allocated`` on CUDA.

    python benchmarks/bench_rasterizer.py            # full grid
    python benchmarks/bench_rasterizer.py --quick    # 1k/4k Gaussians at 64²/256²
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import time

import torch

from videomv.gaussians import Gaussians, rasterize

# Dense reference: every Gaussian against every pixel. Skipped above this many
# Gaussian x pixel pairs (about 4 minutes for forward + backward on a 2-core CPU).
REFERENCE_MAX_PAIRS = 16_384 * 256 * 256


def make_scene(num: int, seed: int = 0, device: str = "cpu") -> Gaussians:
    gen = torch.Generator().manual_seed(seed)
    dirs = torch.nn.functional.normalize(torch.randn(num, 3, generator=gen), dim=-1)
    means = dirs * 0.5 * torch.rand(num, 1, generator=gen) ** (1 / 3)
    log_scales = math.log(0.01) + 0.5 * torch.randn(num, 3, generator=gen)
    return Gaussians(
        means,
        torch.randn(num, 4, generator=gen),
        log_scales,
        torch.randn(num, generator=gen) * 1.5,
        torch.rand(num, 1, 3, generator=gen) - 0.5,
    ).to(device)


def make_camera(size: int, device: str = "cpu"):
    focal = 0.5 * size / math.tan(math.radians(39.6) / 2)
    c2w = torch.eye(4)
    c2w[:3, 3] = torch.tensor([0.0, 0.0, -2.0])  # looks along +z at the origin
    return c2w[None].to(device), torch.tensor([[focal, focal, size / 2, size / 2]], device=device)


def run_cell(backend: str, num: int, size: int, mode: str, repeat: int, device: str) -> dict:
    """Times one configuration; returns seconds (median), peak memory and visible count."""
    g = make_scene(num, device=device)
    cams = make_camera(size, device)
    params = [g.means, g.quats, g.log_scales, g.opacity_logits, g.sh]
    for p in params:
        p.requires_grad_(mode == "fwd+bwd")

    def once():
        out = rasterize(g, cams, size, size, backend=backend)
        if mode == "fwd+bwd":
            torch.autograd.grad(out.rgb.sum() + out.alpha.sum(), params)
        if device == "cuda":
            torch.cuda.synchronize()
        return out

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()
    with torch.set_grad_enabled(mode == "fwd+bwd"):
        # Warm-up (first-touch allocations); the reference is too slow to run twice.
        out = once() if backend != "reference" else None
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            out = once()
            times.append(time.perf_counter() - start)
    if device == "cuda":
        peak_mb = torch.cuda.max_memory_allocated() / 2**20
    else:
        peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    return {"seconds": statistics.median(times), "peak_mb": peak_mb, "visible": int(out.num_visible[0])}


def run_isolated(backend, num, size, mode, repeat, device, threads) -> dict:
    """Runs a cell in a fresh interpreter, so peak memory is that cell's alone."""
    cmd = [sys.executable, __file__, "--cell", backend, str(num), str(size), mode, str(repeat), device]
    cmd += ["--threads", str(threads)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1k/4k Gaussians at 64²/256² only")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per cell (median)")
    parser.add_argument("--threads", type=int, default=torch.get_num_threads(), help="torch CPU threads")
    parser.add_argument("--no-reference", action="store_true", help="skip the dense reference")
    parser.add_argument("--counts", type=int, nargs="+", default=None, help="Gaussian counts to run")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="image sides to run")
    parser.add_argument("--cell", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.cell:
        backend, num, size, mode, repeat, device = args.cell
        print(json.dumps(run_cell(backend, int(num), int(size), mode, int(repeat), device)))
        return

    counts = args.counts or ([1024, 4096] if args.quick else [1024, 4096, 16384, 65536])
    sizes = args.sizes or ([64, 256] if args.quick else [64, 256, 512])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    print(f"device: {device}, torch {torch.__version__}, threads: {args.threads}, repeat: {args.repeat}")
    header = f"| {'N':>6} | {'size':>5} | {'mode':<8} | {'visible':>7} | {'torch s':>8} | {'torch MB':>8} |"
    header += f" {'reference s':>11} | {'ref MB':>7} | {'ref / torch':>11} |"
    gsplat_ok = device == "cuda"
    if gsplat_ok:
        from videomv.gaussians._gsplat import gsplat_available

        gsplat_ok = gsplat_available()
        header += f" {'gsplat s':>8} | {'gsplat MB':>9} |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    for num in counts:
        for size in sizes:
            for mode in ("fwd", "fwd+bwd"):
                fast = run_isolated("torch", num, size, mode, args.repeat, device, args.threads)
                if "error" in fast:
                    print(f"| {num:>6} | {size:>5} | {mode:<8} | torch failed: {fast['error']}")
                    continue
                row = f"| {num:>6} | {size:>5} | {mode:<8} | {fast['visible']:>7} | {fast['seconds']:>8.3f} |"
                row += f" {fast['peak_mb']:>8.0f} |"
                if args.no_reference or num * size * size > REFERENCE_MAX_PAIRS:
                    row += f" {'skipped':>11} | {'':>7} | {'':>11} |"
                else:
                    ref = run_isolated("reference", num, size, mode, 1, device, args.threads)
                    if "error" in ref:
                        row += f" {'failed':>11} | {'':>7} | {'':>11} |"
                    else:
                        ratio = ref["seconds"] / fast["seconds"]
                        row += f" {ref['seconds']:>11.3f} | {ref['peak_mb']:>7.0f} | {ratio:>10.1f}x |"
                if gsplat_ok:
                    gs = run_isolated("gsplat", num, size, mode, args.repeat, device, args.threads)
                    row += f" {gs.get('seconds', float('nan')):>8.4f} | {gs.get('peak_mb', float('nan')):>9.0f} |"
                print(row, flush=True)
    print(
        f"reference skipped above {REFERENCE_MAX_PAIRS:,} Gaussian x pixel pairs (minutes per run); "
        "it runs once, torch is the median of the repeats after a warm-up."
    )


if __name__ == "__main__":
    main()
