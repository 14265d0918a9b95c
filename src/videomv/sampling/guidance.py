"""Classifier-free guidance and the condition dropout that trains a model for it."""

from __future__ import annotations

import torch


def classifier_free_guidance(cond: torch.Tensor, uncond: torch.Tensor, guidance_scale: float) -> torch.Tensor:
    """``uncond + guidance_scale · (cond − uncond)`` (1.0 gives ``cond``; larger follows the condition harder).

    Linear in its inputs, so guiding model outputs (ε or v) and guiding clean-image estimates x̂0
    computed from them at the same ``x_t`` are the same operation.
    """
    return uncond + guidance_scale * (cond - uncond)


def dropout_mask(
    batch_size: int,
    probability: float = 0.1,
    generator: torch.Generator | None = None,
    device: torch.device | str | None = None,
) -> torch.Tensor:
    """``(batch_size,)`` booleans, each True with ``probability``: the samples whose condition to drop.

    Draw one mask and pass it to several :func:`drop_condition` calls to drop conditions jointly.
    """
    if not 0.0 <= probability <= 1.0:
        raise ValueError(f"dropout probability must be in [0, 1], got {probability}")
    draws = torch.rand(batch_size, generator=generator, device=generator.device if generator else device)
    return (draws < probability).to(device)


def drop_condition(condition: torch.Tensor, null_condition: torch.Tensor | float, mask: torch.Tensor) -> torch.Tensor:
    """``condition`` with the samples flagged by ``mask`` replaced by ``null_condition``.

    Args:
        condition: ``(B, ...)`` per-sample condition (prompt embeddings, image latents, ...).
        null_condition: what the model sees without a condition (e.g. the empty-prompt embedding, or
            0.0 for a zero image), broadcastable to one sample.
        mask: ``(B,)`` booleans from :func:`dropout_mask`.
    """
    flags = mask.to(condition.device, non_blocking=True).view(-1, *([1] * (condition.ndim - 1)))
    if not isinstance(null_condition, torch.Tensor):  # a number stays one: making it a GPU tensor would wait
        return torch.where(flags, null_condition, condition)
    null = null_condition.to(condition.device, condition.dtype)
    return torch.where(flags, null.expand_as(condition), condition)
