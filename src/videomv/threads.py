"""CPU thread settings for our entry points: OpenMP threads that sleep when idle, and a thread
count that fits the CPUs this process may use and the load already on them.

Why: torch's OpenMP threads spin (busy-wait) after each parallel region by default. On a CPU
shared with other processes, or with our own worker threads (the fused rasterizer's), the
spinning threads take the cores the real work needs: the same rasterizer forward+backward took
4.0-8.6 s with the default policy against 0.14-0.63 s with ``OMP_WAIT_POLICY=PASSIVE`` at the
same load. The policy is read once, when the OpenMP runtime loads (on ``import torch``), so
:func:`set_wait_policy` must run before that; this module imports nothing heavy for that reason.
"""

from __future__ import annotations

import os
import sys

# Environment variables through which a user chooses thread counts; when one is set, we keep
# torch's count (which follows it).
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "VIDEOMV_NUM_THREADS")


def set_wait_policy() -> bool:
    """Sets ``OMP_WAIT_POLICY=PASSIVE`` unless the user set a policy.

    Returns:
        True when the passive policy is in force from now on: set here before torch was
        imported. False when the user chose a policy or torch (with its OpenMP runtime) was
        already imported, where setting it would no longer change anything.
    """
    if "OMP_WAIT_POLICY" in os.environ:
        return False
    if "torch" in sys.modules:
        return False
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    return True


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask, e.g. under taskset or a container)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def default_threads(cpus: int | None = None, load: float | None = None) -> int:
    """Threads to use: the available CPUs minus those other processes keep busy, at least 1.

    Args:
        cpus: available CPUs (default: :func:`available_cpus`).
        load: runnable processes besides this one (default: the 1-minute load average, taken at
            start-up, before this process adds to it).
    """
    cpus = available_cpus() if cpus is None else cpus
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):  # not on every platform
            load = 0.0
    busy = min(cpus - 1, int(load + 0.5))
    return max(1, cpus - max(busy, 0))


def configure_threads(threads: int | None = None) -> int:
    """Passive OpenMP waiting (when still possible) and torch's intra-op thread count.

    Call it first thing in an entry point. A count the user chose wins: ``threads`` if given,
    else ``VIDEOMV_NUM_THREADS``; with ``OMP_NUM_THREADS`` or ``MKL_NUM_THREADS`` set, torch's own
    count (which follows them) is kept. Before torch is imported the count is handed to it
    through ``OMP_NUM_THREADS``, so that a command which fails early (``--help``, a typo) never
    pays for importing torch.

    Args:
        threads: thread count to use (default: chosen as described).

    Returns:
        The number of threads torch uses from now on.

    Raises:
        ValueError: ``threads`` or ``VIDEOMV_NUM_THREADS`` is not a positive integer.
    """
    set_wait_policy()
    if threads is None and os.environ.get("VIDEOMV_NUM_THREADS"):
        raw = os.environ["VIDEOMV_NUM_THREADS"]
        if not raw.strip().isdigit():
            raise ValueError(f"VIDEOMV_NUM_THREADS={raw!r}: give a positive whole number of threads")
        threads = int(raw)
    torch = sys.modules.get("torch")
    if threads is None and any(os.environ.get(name) for name in THREAD_VARIABLES):
        chosen = os.environ.get("OMP_NUM_THREADS", "")
        return torch.get_num_threads() if torch else int(chosen) if chosen.isdigit() else available_cpus()
    if threads is None:
        threads = default_threads()
    if threads < 1:
        raise ValueError(f"thread count must be at least 1, got {threads}")
    if torch is None:
        os.environ["OMP_NUM_THREADS"] = str(threads)
    else:
        torch.set_num_threads(threads)
    return threads
