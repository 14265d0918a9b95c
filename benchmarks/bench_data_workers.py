"""Dataset building: objects per minute with 1 and more render worker processes.

Builds the same procedural objects (``--count``, ``--views`` views of ``--size`` pixels) into a
fresh folder per worker count and prints the rate against the first count (the baseline, measured
in the same run): the best of ``--repeats`` builds, the counts taking turns. Each build pays its
own start-up (worker processes and their EGL contexts, or the one context of a one-process
build), as a user's build does; the worker server process is started (and its imports paid) by a
warm-up build that is not timed. Also checks that every worker count wrote the same samples, byte
for byte.

    python benchmarks/bench_data_workers.py
    python benchmarks/bench_data_workers.py --workers 1 2 4 --count 48 --size 128 --views 12
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
import time
from pathlib import Path

from videomv.data.build import RigOptions, build, procedural_jobs


def digest(root: Path) -> str:
    """One digest of every sample file under ``root`` (not the index's part files)."""
    total = hashlib.sha256()
    for path in sorted((root / "train").rglob("*")):
        if path.is_file():
            total.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return total.hexdigest()


def timed_build(count: int, rig: RigOptions, workers: int) -> tuple[float, str]:
    """Seconds to build ``count`` objects with ``workers`` processes, and the samples' digest."""
    with tempfile.TemporaryDirectory(prefix="bench-data-workers-") as folder:
        jobs = procedural_jobs(count, seed=0)
        start = time.perf_counter()
        report = build(jobs, folder, rig, workers=workers, progress=False)
        seconds = time.perf_counter() - start
        if len(report.written) != count:
            raise RuntimeError(f"{workers} workers: {len(report.failed)} objects failed: {report.failed}")
        return seconds, digest(Path(folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (the first: baseline)")
    parser.add_argument("--count", type=int, default=24, help="procedural objects per build")
    parser.add_argument("--views", type=int, default=8)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=2, help="builds per worker count; the fastest is kept")
    args = parser.parse_args()
    rig = RigOptions(views=args.views, size=args.size, elevation_range=(0.0, 30.0))

    timed_build(max(args.workers), rig, max(args.workers))  # warm-up: the worker server and its imports
    runs: dict[int, list[tuple[float, str]]] = {workers: [] for workers in args.workers}
    for _ in range(args.repeats):  # interleaved, so that a busy spell of a shared machine hits every count
        for workers in args.workers:
            runs[workers].append(timed_build(args.count, rig, workers))
    rows = [(w, min(seconds for seconds, _ in r), {d for _, d in r}) for w, r in runs.items()]

    print(f"{args.count} procedural objects, {args.views} views of {args.size} px, {os.cpu_count()} CPUs")
    print(f"| render workers | seconds | objects/min | vs {args.workers[0]} worker(s) |")
    print("|---:|---:|---:|---:|")
    base = args.count / rows[0][1]
    for workers, seconds, _ in rows:
        rate = args.count / seconds
        print(f"| {workers} | {seconds:.1f} | {60 * rate:.0f} | {rate / base:.2f}x |")
    same = len(set().union(*(digests for _, _, digests in rows))) == 1
    print(f"same samples, byte for byte, at every worker count: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
