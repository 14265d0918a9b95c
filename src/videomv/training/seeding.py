"""Per-sample and per-step random generators, shared by every training task.

A training batch is stamped with the optimiser step (``batch["step"]``, by :mod:`.loop`) and its
items carry their dataset index (``"index"``). Every draw of a task (noise, timesteps, dropout,
views, backgrounds) comes from a generator seeded with a hash of ``(seed, step, index)`` or
``(seed, step, purpose)``, so a step depends only on which samples make the global batch: not on
the process or micro-batch a sample lands in, nor on whether the run was resumed.
"""

from __future__ import annotations

import hashlib
from typing import Any

import torch


def seeded_generator(*key: int | str) -> torch.Generator:
    """A CPU generator seeded from a hash of ``key``: the same key draws the same numbers on any process."""
    digest = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
    return torch.Generator().manual_seed(int.from_bytes(digest, "little"))


def batch_step(batch: dict[str, Any]) -> int:
    """The optimiser step the training loop stamps on each batch (0 when called outside the loop)."""
    return int(batch.get("step", 0))


def sample_generators(batch: dict[str, Any], seed: int) -> list[torch.Generator | None]:
    """One generator per sample of a training batch, seeded from ``(seed, step, sample index)``.

    Keyed on the item's global dataset index (its ``"index"``) and the optimiser step, a sample's
    noise, timestep, dropout and view draws do not depend on the process or micro-batch it lands
    in: N processes at batch b step exactly like one process at batch N·b, and a resumed run
    redraws what the straight run drew. Items without an index get None (the global RNG), which
    resumes exactly but differs between processes.
    """
    if "index" not in batch:
        return [None] * len(batch["images"])
    return [seeded_generator(seed, batch_step(batch), "sample", i) for i in batch["index"].tolist()]


def step_generator(batch: dict[str, Any], seed: int, purpose: str) -> torch.Generator | None:
    """A generator for a draw shared by the whole optimiser step: the same on every process.

    None (the global RNG) for items without an index, like :func:`sample_generators`.
    """
    if "index" not in batch:
        return None
    return seeded_generator(seed, batch_step(batch), purpose)
