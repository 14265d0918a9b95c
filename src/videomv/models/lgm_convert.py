"""Loading LGM's public checkpoints into :class:`GaussianReconstructor`.

:class:`GaussianReconstructor` uses LGM's module names, so an LGM state dict maps onto it key
for key. What this module adds around that identity: it strips wrappers' prefixes
(``module.`` from DDP, ``_orig_mod.`` from ``torch.compile``), drops the LPIPS loss network
LGM may carry (``lpips_loss.*``), reads the architecture from the tensors' shapes (so LGM's
``small``, ``big`` and ``tiny`` variants all load), and refuses a checkpoint it cannot map
completely, naming every unmapped, missing or mis-shaped key.
"""

from __future__ import annotations

import os
import re
from typing import Any

import torch

from ..safe_load import listing, load_safetensors, tensor_shapes, torch_load
from .reconstructor import GaussianReconstructor

# Prefixes that training wrappers add in front of LGM's own names.
_WRAPPER_PREFIXES = ("module.", "_orig_mod.")
# Parts of an LGM checkpoint that are not the reconstructor (the VGG LPIPS loss network).
_IGNORED_PREFIXES = ("lpips_loss.",)
# LGM hard-codes these; they cannot be read from the weights.
LGM_ATTENTION_HEADS = 16
LGM_NORM_GROUPS = 32
LGM_INPUT_SIZE = 256


class LGMConversionError(ValueError):
    """An LGM checkpoint that does not map completely onto a :class:`GaussianReconstructor`."""


def clean_lgm_state_dict(state_dict: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """LGM's state dict with wrapper prefixes stripped and the LPIPS network dropped."""
    cleaned = {}
    for key, value in state_dict.items():
        for prefix in _WRAPPER_PREFIXES:
            key = key.removeprefix(prefix)
        if not key.startswith(_IGNORED_PREFIXES):
            cleaned[key] = value
    return cleaned


def _levels(state_dict: dict[str, torch.Tensor], part: str) -> list[int]:
    pattern = re.compile(rf"^unet\.{part}\.(\d+)\.")
    return sorted({int(m.group(1)) for k in state_dict if (m := pattern.match(k))})


def config_from_lgm_state_dict(state_dict: dict[str, torch.Tensor], **overrides: Any) -> dict[str, Any]:
    """The :class:`GaussianReconstructor` config of an LGM checkpoint, read from its shapes.

    Args:
        state_dict: an LGM state dict (cleaned or not).
        **overrides: config fields to set (e.g. ``input_size``; LGM's default 256 otherwise).

    Raises:
        LGMConversionError: if the dict does not look like an LGM U-Net.
    """
    sd = clean_lgm_state_dict(state_dict)
    down, up = _levels(sd, "down_blocks"), _levels(sd, "up_blocks")
    if not down or not up or "unet.conv_in.weight" not in sd:
        raise LGMConversionError("not an LGM checkpoint: no unet.conv_in / unet.down_blocks / unet.up_blocks keys")
    try:
        down_channels = [sd[f"unet.down_blocks.{i}.nets.0.conv1.weight"].shape[0] for i in down]
        up_channels = [sd[f"unet.up_blocks.{i}.nets.0.conv1.weight"].shape[0] for i in up]
    except KeyError as err:
        raise LGMConversionError(f"not an LGM checkpoint: missing {err.args[0]}") from err
    nets = re.compile(r"^unet\.down_blocks\.0\.nets\.(\d+)\.")
    layers = len({m.group(1) for k in sd if (m := nets.match(k))})
    config = {
        "input_size": LGM_INPUT_SIZE,
        "down_channels": tuple(down_channels),
        "down_attention": tuple(any(k.startswith(f"unet.down_blocks.{i}.attns.") for k in sd) for i in down),
        "mid_attention": any(k.startswith("unet.mid_block.attns.") for k in sd),
        "up_channels": tuple(up_channels),
        "up_attention": tuple(any(k.startswith(f"unet.up_blocks.{i}.attns.") for k in sd) for i in up),
        "layers_per_block": layers,
        "attention_heads": LGM_ATTENTION_HEADS,
        "norm_num_groups": LGM_NORM_GROUPS,
    }
    config.update(overrides)
    return config


def convert_lgm_state_dict(
    state_dict: dict[str, torch.Tensor], model: GaussianReconstructor
) -> dict[str, torch.Tensor]:
    """Maps an LGM state dict onto ``model``'s parameter names, checking it covers them exactly.

    Args:
        state_dict: LGM's state dict (``model.safetensors`` or a training checkpoint).
        model: the reconstructor the weights are for.

    Returns:
        A state dict that ``model.load_state_dict(..., strict=True)`` accepts.

    Raises:
        LGMConversionError: listing every key of the checkpoint with no counterpart in the
            model, every model key the checkpoint lacks, and every shape mismatch.
    """
    sd = clean_lgm_state_dict(state_dict)
    expected = model.state_dict()
    unmapped = sorted(set(sd) - set(expected))
    missing = sorted(set(expected) - set(sd))
    mismatched = sorted(
        f"{k}: checkpoint {tuple(sd[k].shape)} vs model {tuple(expected[k].shape)}"
        for k in set(sd) & set(expected)
        if sd[k].shape != expected[k].shape
    )
    if unmapped or missing or mismatched:
        parts = [
            listing(title, keys)
            for title, keys in (("unmapped", unmapped), ("missing", missing), ("shape mismatch", mismatched))
            if keys
        ]
        raise LGMConversionError(
            f"the LGM checkpoint does not map onto this GaussianReconstructor ({'; '.join(parts)}); "
            "is it an LGM checkpoint?"
        )
    return {k: sd[k] for k in expected}


def load_lgm_checkpoint(
    path: str | os.PathLike, device: str | torch.device = "cpu", **overrides: Any
) -> GaussianReconstructor:
    """A :class:`GaussianReconstructor` with LGM's weights (``.safetensors``, ``.pt`` or ``.pth``).

    The architecture is read from the checkpoint; ``overrides`` set other config fields (such
    as ``input_size`` or ``cam_radius``). Nothing is downloaded: give a local file.
    """
    path = os.fspath(path)
    if path.endswith(".safetensors"):
        state_dict = load_safetensors(path, device=str(device), what="LGM weights")
    else:
        state_dict = torch_load(path, "LGM weights", map_location=device)
        state_dict = state_dict.get("state_dict", state_dict) if isinstance(state_dict, dict) else state_dict
        tensor_shapes(state_dict, path)  # a dict of tensors, nothing else
    model = GaussianReconstructor(**config_from_lgm_state_dict(state_dict, **overrides))
    model.load_state_dict(convert_lgm_state_dict(state_dict, model), strict=True)
    return model.to(device).eval()
