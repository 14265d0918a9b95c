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
# What configure_threads chose last and why (for videomv doctor and result records).
_CHOICE: dict[str, object] = {}


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


def load_average() -> float:
    """The 1-minute load average (runnable processes), 0 where the platform has none."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # not on every platform
        return 0.0


def default_threads(cpus: int | None = None, load: float | None = None) -> int:
    """Threads to use: the available CPUs minus those other processes keep busy, at least 1.

    Args:
        cpus: available CPUs (default: :func:`available_cpus`).
        load: runnable processes besides this one (default: the 1-minute load average, taken at
            start-up, before this process adds to it).
    """
    cpus = available_cpus() if cpus is None else cpus
    load = load_average() if load is None else load
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
    reason = "the caller"
    if threads is None and os.environ.get("VIDEOMV_NUM_THREADS"):
        raw = os.environ["VIDEOMV_NUM_THREADS"]
        if not raw.strip().isdigit():
            raise ValueError(f"VIDEOMV_NUM_THREADS={raw!r}: give a positive whole number of threads")
        threads, reason = int(raw), "VIDEOMV_NUM_THREADS"
    torch = sys.modules.get("torch")
    if threads is None and any(os.environ.get(name) for name in THREAD_VARIABLES):
        chosen = os.environ.get("OMP_NUM_THREADS", "")
        count = torch.get_num_threads() if torch else int(chosen) if chosen.isdigit() else available_cpus()
        _CHOICE.update(threads=count, reason="OMP_NUM_THREADS or MKL_NUM_THREADS")
        return count
    if threads is None:
        load = load_average()
        threads = default_threads(load=load)
        reason = f"the CPUs free at start-up (load average {load:.1f})"
    if threads < 1:
        raise ValueError(f"thread count must be at least 1, got {threads}")
    if torch is None:
        os.environ["OMP_NUM_THREADS"] = str(threads)
    else:
        torch.set_num_threads(threads)
    _CHOICE.update(threads=threads, reason=reason)
    return threads


def thread_settings() -> dict[str, object]:
    """The CPU thread settings in force and why: ``threads`` (torch's intra-op count), ``chosen_by``
    (what :func:`configure_threads` went by, or torch's default when it did not run), ``cpus``,
    ``load_average`` and ``omp_wait_policy``."""
    torch = sys.modules.get("torch")
    threads = torch.get_num_threads() if torch is not None else _CHOICE.get("threads")
    chosen_by = _CHOICE.get("reason", "torch's default") if threads == _CHOICE.get("threads") else "torch's default"
    return {
        "threads": threads,
        "chosen_by": chosen_by,
        "cpus": available_cpus(),
        "load_average": round(load_average(), 2),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "unset (OpenMP's default: threads spin)"),
    }
