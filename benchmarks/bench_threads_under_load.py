"""``videomv generate`` and ``videomv render`` on a busy CPU: torch's defaults against videomv's thread choice.

The benchmark makes the load itself: one busy process per CPU this process may use (a Python loop
that never sleeps), started before the measurements and ended after them. It then runs each
command, as a fresh process, in these settings:

* **torch default**: the command run with torch imported before videomv (``python -c "import
  torch; ...main()"``), so neither the wait policy nor the thread count is touched: one thread per
  CPU, OpenMP threads that spin while idle. This is how ``videomv`` ran before issue 27.
* **videomv**: the ``videomv`` console script as shipped: ``OMP_WAIT_POLICY=PASSIVE`` and the
  thread count :func:`videomv.threads.default_threads` picks from the CPUs and the load average.
* **videomv, N threads** (``--threads N``, default 1): the same with ``VIDEOMV_NUM_THREADS=N``.

The 1-minute load average follows a new load slowly, so the busy processes run ``--warmup`` seconds
(default 60) before the first measurement, and the load average is printed with the table.
Ratios are the torch default's wall time over each setting's (above 1: faster than the default).

    python benchmarks/bench_threads_under_load.py                 # ~10 min on a 2-core machine
    python benchmarks/bench_threads_under_load.py --quick         # smaller runs, 30 s warm-up
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from videomv.threads import available_cpus, default_threads, load_average

BUSY_LOOP = "while True: pass"
# videomv's main() run after torch is already loaded: torch's own thread count and wait policy.
TORCH_DEFAULT = "import sys, torch; from videomv.cli.main import main; sys.argv[0] = 'videomv'; sys.exit(main())"
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "VIDEOMV_NUM_THREADS", "OMP_WAIT_POLICY")


def start_load(count: int) -> list[subprocess.Popen]:
    """``count`` processes that keep one CPU each busy until stopped."""
    return [subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(count)]


def stop_load(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without any thread setting of the caller's, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARIABLES}
    env.update(extra)
    return env


def settings(threads: int) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Setting name -> (command prefix, environment)."""
    videomv = [str(Path(sys.executable).with_name("videomv"))]
    return {
        "torch default": ([sys.executable, "-c", TORCH_DEFAULT], clean_env()),
        "videomv": (videomv, clean_env()),
        f"videomv, {threads} thread(s)": (videomv, clean_env(VIDEOMV_NUM_THREADS=str(threads))),
    }


def timed(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one run; a failed run stops the benchmark with its output."""
    start = time.perf_counter()
    run = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return elapsed


def workloads(work: Path, quick: bool) -> dict[str, list[str]]:
    """Command name -> arguments after ``videomv``; each run writes into a fresh folder of ``work``."""
    steps, frames, views, size = ("3", "4", "24", "96") if quick else ("8", "8", "48", "128")
    generate = ["generate", "--prompt", "a red chair", "--steps", steps, "--orbit-frames", frames, "--no-progress"]
    render = ["render", str(work / "model.ply"), "--views", views, "--size", size, "--no-progress"]
    return {
        f"generate ({steps} steps, tiny model)": [*generate, "--device", "cpu", "--out"],
        f"render ({views} views, {size}²)": [*render, "--out"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1, help="runs per cell; the median is reported (default 1)")
    parser.add_argument("--threads", type=int, default=1, help="the fixed thread count compared (default 1)")
    parser.add_argument("--load", type=int, default=None, help="busy processes (default: one per CPU)")
    parser.add_argument("--warmup", type=float, default=None, help="seconds of load before measuring (default 60)")
    parser.add_argument("--quick", action="store_true", help="smaller runs and a 30 s warm-up")
    args = parser.parse_args()
    cpus = available_cpus()
    load_count = cpus if args.load is None else args.load
    warmup = args.warmup if args.warmup is not None else (30.0 if args.quick else 60.0)

    with tempfile.TemporaryDirectory(prefix="bench-threads-") as tmp:
        work = Path(tmp)
        # The model render reads: the Gaussians of one generate run, made before the load starts.
        prepare = ["generate", "--prompt", "a red chair", "--steps", "2", "--orbit-frames", "2", "--no-progress"]
        timed([*settings(args.threads)["videomv"][0], *prepare, "--out", str(work / "first")], clean_env())
        os.replace(work / "first" / "gaussians.ply", work / "model.ply")

        idle_load = load_average()
        busy = start_load(load_count)
        try:
            time.sleep(warmup)
            start_load_average = load_average()
            chosen = default_threads(cpus, start_load_average)
            rows = []
            for name, arguments in workloads(work, args.quick).items():
                times = {}
                for setting, (prefix, env) in settings(args.threads).items():
                    runs = []
                    for r in range(args.repeats):
                        out = work / f"out-{len(rows)}-{len(times)}-{r}"
                        runs.append(timed([*prefix, *arguments, str(out)], env))
                    times[setting] = statistics.median(runs)
                    print(f"  {name:<34} {setting:<24} {times[setting]:7.1f} s", flush=True)
                rows.append((name, times))
            end_load_average = load_average()
        finally:
            stop_load(busy)

    baseline = "torch default"
    print(
        f"\n{cpus} CPUs, {load_count} busy processes of the benchmark's own; 1-min load average {idle_load:.1f} "
        f"before them, {start_load_average:.1f} .. {end_load_average:.1f} while measuring; "
        f"videomv's choice at the start: {chosen} thread(s); median of {args.repeats} run(s)\n"
    )
    header = f"| command | {' | '.join(times)} | " + " | ".join(f"{baseline} / {s}" for s in times if s != baseline)
    print(header + " |")
    print("|" + "---|" * (1 + 2 * len(times) - 1))
    for name, times in rows:
        cells = [f"{t:.1f} s" for t in times.values()]
        ratios = [f"{times[baseline] / t:.2f}×" for s, t in times.items() if s != baseline]
        print(f"| {name} | {' | '.join(cells)} | {' | '.join(ratios)} |")


if __name__ == "__main__":
    main()
