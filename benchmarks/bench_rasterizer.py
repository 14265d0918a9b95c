"""Rasterizer speed and memory: ``torch`` against ``reference`` (dense), gsplat on CUDA, and a peer.

Scene: N Gaussians in a ball of radius 0.5 (an object), sizes log-normal around 1/50 of it,
opacities spread over (0, 1), degree-0 colour, one camera at distance 2 (fov 39.6°) - the
VideoMV reconstructor's setting. Each torch cell is the median of ``--repeat`` runs after one
warm-up; the reference runs once. Ratios are reference / torch measured in the same run. Peak memory is the process's
peak resident set growth on CPU (ru_maxrss, so only ever increasing: measured in a fresh
subprocess per cell) and ``torch.cuda.max_memory_allocated`` on CUDA.

    python benchmarks/bench_rasterizer.py            # full grid
    python benchmarks/bench_rasterizer.py --quick    # 1k/4k Gaussians at 64²/256²
    python benchmarks/bench_rasterizer.py --peer PATH/TO/gsplat-pytorch   # ratio table vs the peer

``--peer`` compares, in one process with the runs interleaved, ``torch`` (the fused numba
kernels on CPU), ``tiled`` (pure PyTorch) and Mxbonn/gsplat-pytorch, a pure-PyTorch 3DGS
rasterizer loaded from a local checkout (never vendored; its ``jaxtyping`` annotations are
stubbed if that package is missing), at 16k Gaussians / 256² and 4k / 128², with 1 and 2
threads; gradients for means, scales, rotations, opacities and colours.

Like the ``videomv`` command, the script sets ``OMP_WAIT_POLICY=PASSIVE`` before torch loads
unless the environment sets a policy (``--omp-default`` keeps OpenMP's spinning default).
``--wait-policy`` measures that choice: forward+backward at 16k / 256² in fresh processes,
OpenMP's default against passive, 1 and 2 threads, at whatever load the machine has.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

from videomv.threads import set_wait_policy

if "--omp-default" not in sys.argv:
    set_wait_policy()  # before torch loads its OpenMP runtime, which reads the policy once

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


def run_isolated(backend, num, size, mode, repeat, device, threads, env=None, flags=()) -> dict:
    """Runs a cell in a fresh interpreter, so peak memory is that cell's alone."""
    cmd = [sys.executable, __file__, "--cell", backend, str(num), str(size), mode, str(repeat), device]
    cmd += ["--threads", str(threads), *flags]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def load_peer(path: str) -> types.SimpleNamespace:
    """``project_gaussians`` and ``rasterize_gaussians`` from a gsplat-pytorch checkout.

    Loaded by file path under private module names, so an installed ``gsplat`` (the CUDA
    library, whose package name the peer reuses) is neither shadowed nor imported.
    """
    root = Path(path) / "gsplat"
    files = {name: root / f"{name}.py" for name in ("project_gaussians", "rasterize")}
    for file in files.values():
        if not file.is_file():
            raise FileNotFoundError(f"--peer {path}: no {file}; give the root of a gsplat-pytorch checkout")
    if importlib.util.find_spec("jaxtyping") is None:  # annotations only: a stub is enough
        stub = types.ModuleType("jaxtyping")
        stub.Float = stub.Bool = _Subscriptable()
        sys.modules["jaxtyping"] = stub
    modules = {}
    for name, file in files.items():
        spec = importlib.util.spec_from_file_location(f"_peer_gsplat_pytorch_{name}", file)
        modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(modules[name])
    return types.SimpleNamespace(
        project=modules["project_gaussians"].project_gaussians, rasterize=modules["rasterize"].rasterize_gaussians
    )


class _Subscriptable:
    def __getitem__(self, item):
        return object


def peer_render(peer, g: Gaussians, cams, size: int) -> torch.Tensor:
    """The peer's image of ``g`` (same activations as ours: exp scales, sigmoid opacity, SH DC)."""
    c2w, intr = cams
    viewmat = torch.linalg.inv(c2w[0])
    fx, fy, cx, cy = intr[0].tolist()
    xys, depths, radii, conics, _, _ = peer.project(
        g.means, g.scales, 1.0, g.quats, viewmat, fx, fy, cx, cy, size, size
    )  # fmt: skip
    colors = (0.28209479177387814 * g.sh[:, 0] + 0.5).clamp_min(0.0)
    return peer.rasterize(xys, depths, radii, conics, colors, g.opacities, size, size, 16, torch.zeros(3))


PEER_RUNS = ("torch", "tiled", "peer")


def _render(name: str, peer, g: Gaussians, cams, size: int) -> torch.Tensor:
    if name == "peer":
        return peer_render(peer, g, cams, size)
    return rasterize(g, cams, size, size, backend=name).rgb


def interleaved_medians(peer, g: Gaussians, cams, size: int, mode: str, repeat: int) -> dict[str, float]:
    """Median seconds of each of :data:`PEER_RUNS`, run in turn ``repeat`` times after a warm-up round."""
    params = [g.means, g.quats, g.log_scales, g.opacity_logits, g.sh]
    for p in params:
        p.requires_grad_(mode == "fwd+bwd")
    times: dict[str, list[float]] = {name: [] for name in PEER_RUNS}
    with torch.set_grad_enabled(mode == "fwd+bwd"):
        for i in range(repeat + 1):
            for name in PEER_RUNS:
                start = time.perf_counter()
                image = _render(name, peer, g, cams, size)
                if mode == "fwd+bwd":
                    torch.autograd.grad(image.sum(), params)
                if i:  # the first round warms up (allocations, numba's compile cache)
                    times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def compare_peer(peer_path: str, thread_counts: list[int], repeat: int) -> None:
    """Prints the interleaved-median table: ours (fused, tiled) against the peer."""
    peer = load_peer(peer_path)
    print(f"torch {torch.__version__}; medians of {repeat} interleaved runs after a warm-up; ratio = peer / ours")
    print("| N | size | threads | mode | torch (fused) s | tiled s | peer s | peer / torch | peer / tiled |")
    print("|--:|-----:|--------:|------|----------------:|--------:|-------:|-------------:|-------------:|")
    for num, size in ((16384, 256), (4096, 128)):
        g, cams = make_scene(num), make_camera(size)
        for threads in thread_counts:
            torch.set_num_threads(threads)
            for mode in ("fwd", "fwd+bwd"):
                med = interleaved_medians(peer, g, cams, size, mode, repeat)
                print(
                    f"| {num} | {size}² | {threads} | {mode} | {med['torch']:.4f} | {med['tiled']:.4f} | "
                    f"{med['peer']:.3f} | {med['peer'] / med['torch']:.1f}x | {med['peer'] / med['tiled']:.1f}x |",
                    flush=True,
                )


def compare_wait_policies(repeat: int) -> None:
    """Forward+backward at 16k / 256² in fresh processes: OpenMP's default wait policy vs passive."""
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; median of {repeat} runs per cell")
    print("| threads | OMP_WAIT_POLICY | fwd+bwd s |")
    print("|--------:|-----------------|----------:|")
    base = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    for threads in (1, 2):
        for policy in ("default", "PASSIVE"):
            env = base if policy == "default" else {**base, "OMP_WAIT_POLICY": policy}
            flags = ("--omp-default",) if policy == "default" else ()
            cell = run_isolated("torch", 16384, 256, "fwd+bwd", repeat, "cpu", threads, env, flags)
            seconds = f"{cell['seconds']:.3f}" if "seconds" in cell else cell["error"]
            print(f"| {threads} | {policy} | {seconds} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1k/4k Gaussians at 64²/256² only")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per cell (median)")
    parser.add_argument("--threads", type=int, default=torch.get_num_threads(), help="torch CPU threads")
    parser.add_argument("--no-reference", action="store_true", help="skip the dense reference")
    parser.add_argument("--counts", type=int, nargs="+", default=None, help="Gaussian counts to run")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="image sides to run")
    parser.add_argument("--peer", metavar="PATH", help="gsplat-pytorch checkout: print the ratio table against it")
    parser.add_argument("--peer-threads", type=int, nargs="+", default=[1, 2], help="thread counts for --peer")
    parser.add_argument("--wait-policy", action="store_true", help="OpenMP default vs passive waiting, 1/2 threads")
    parser.add_argument("--omp-default", action="store_true", help="keep OpenMP's default (spinning) wait policy")
    parser.add_argument("--cell", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.wait_policy:
        compare_wait_policies(args.repeat)
        return
    if args.peer:
        compare_peer(args.peer, args.peer_threads, args.repeat)
        return
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
