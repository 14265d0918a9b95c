"""Start-up of the ``videomv`` command: how long a user waits for help, for an early error, for work to begin.

Each command runs as a fresh process ``--repeats`` times (default 5); the table gives the median
wall time and CPU time (user + system of the process: on a busy machine the wall time also counts
the waits for a core), and the ratio of the median wall time to the same run's baseline,
``python -c "import torch"`` (what any command that computes must pay at least):

* ``videomv generate --help``;
* an early error: ``videomv generate --image missing.png`` (the image does not exist);
* a full tiny run (``videomv generate --prompt ... --steps 1``, shipped model): the time to its first
  progress bar (the denoising bar, printed once the model is loaded and sampling starts) and to
  its end.

    python benchmarks/bench_startup.py
    python benchmarks/bench_startup.py --repeats 3
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VIDEOMV = str(Path(sys.executable).with_name("videomv"))
FIRST_PROGRESS = "denoising"  # our first bar of a generate run; the libraries' bars are hidden (videomv.logs)


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wall_time(command: list[str], expect: int = 0) -> tuple[float, float]:
    """Wall and CPU seconds from start to exit; the exit status must be ``expect``."""
    cpu, start = children_cpu(), time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != expect:
        raise SystemExit(f"{' '.join(command)}: exit {run.returncode}, expected {expect}:\n{run.stderr[-2000:]}")
    return elapsed, children_cpu() - cpu


def time_to_progress(command: list[str]) -> tuple[float, tuple[float, float]]:
    """Wall seconds to the first ``FIRST_PROGRESS`` text on stderr, and wall and CPU seconds to the end."""
    cpu, start = children_cpu(), time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = None
    seen = b""
    while chunk := process.stderr.read1(4096):  # tqdm writes without newlines: read what is there
        seen = (seen + chunk)[-256:]
        if first is None and FIRST_PROGRESS.encode() in seen:
            first = time.perf_counter() - start
    if process.wait() != 0 or first is None:
        raise SystemExit(f"{' '.join(command)}: exit {process.returncode}, progress seen: {first is not None}")
    return first, (time.perf_counter() - start, children_cpu() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="runs per command; the median is reported")
    args = parser.parse_args()
    rows: dict[str, list[tuple[float, float | None]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        work = Path(tmp)
        for r in range(args.repeats):
            rows.setdefault('python -c "import torch" (baseline)', []).append(
                wall_time([sys.executable, "-c", "import torch"])
            )
            rows.setdefault("videomv generate --help", []).append(wall_time([VIDEOMV, "generate", "--help"]))
            rows.setdefault("early error: generate --image missing.png", []).append(
                wall_time([VIDEOMV, "generate", "--image", str(work / "missing.png"), "--out", str(work / "e")], 2)
            )
            run = [VIDEOMV, "generate", "--prompt", "a red chair", "--steps", "1", "--orbit-frames", "2"]
            first, total = time_to_progress([*run, "--device", "cpu", "--out", str(work / f"run{r}")])
            rows.setdefault("tiny generate: to its first progress bar", []).append((first, None))
            rows.setdefault("tiny generate: to its end (1 step)", []).append(total)
            print(f"  run {r + 1}/{args.repeats}: " + ", ".join(f"{v[-1][0]:.1f}" for v in rows.values()), flush=True)
    baseline = statistics.median(wall for wall, _ in next(iter(rows.values())))
    print(f"\nmedian of {args.repeats} runs, each a fresh process\n")
    print("| command | wall, median | wall, min .. max | CPU, median | wall / baseline |")
    print("|---|---|---|---|---|")
    for name, times in rows.items():
        walls = [wall for wall, _ in times]
        cpus = [cpu for _, cpu in times if cpu is not None]
        cpu = f"{statistics.median(cpus):.2f} s" if cpus else "-"
        median = statistics.median(walls)
        print(
            f"| {name} | {median:.2f} s | {min(walls):.2f} .. {max(walls):.2f} s | {cpu} | {median / baseline:.2f}× |"
        )


if __name__ == "__main__":
    main()
