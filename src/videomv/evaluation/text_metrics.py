"""Text-to-views metrics that need pretrained weights: CLIP score and FID, from local files only.

Nothing is downloaded. Without the weights (or the package computing FID) each metric is
skipped and :data:`TEXT_METRICS_UNAVAILABLE` holds a one-line note saying what to install or
where to put the weights; reports print that note instead of a number.
"""

from __future__ import annotations

import os
from pathlib import Path

import torch

TEXT_METRICS_UNAVAILABLE: list[str] = []
# The CLIP model tried when none is given: looked up in the local Hugging Face cache only.
DEFAULT_CLIP_MODEL = "openai/clip-vit-large-patch14"
# torch-fidelity's Inception weights file in the torch hub cache (what torchmetrics' FID loads).
FID_INCEPTION_FILE = "weights-inception-2015-12-05-6726825d.pth"


def _unavailable(note: str) -> None:
    if note not in TEXT_METRICS_UNAVAILABLE:
        TEXT_METRICS_UNAVAILABLE.append(note)


class ClipScorer:
    """CLIP score of views against a prompt: ``100 * max(cos(image, text), 0)``, as torchmetrics defines it.

    Use :meth:`load`, which returns None (and records a note) when the weights are not local.
    """

    def __init__(self, model: torch.nn.Module, processor: object) -> None:
        self.model = model.eval()
        self.processor = processor

    @classmethod
    def load(cls, name_or_path: str | os.PathLike | None = None) -> ClipScorer | None:
        """The scorer of a local CLIP folder or a model id in the local Hugging Face cache; None if absent."""
        from transformers import CLIPModel, CLIPProcessor

        source = str(name_or_path or DEFAULT_CLIP_MODEL)
        try:
            model = CLIPModel.from_pretrained(source, local_files_only=True)
            processor = CLIPProcessor.from_pretrained(source, local_files_only=True)
        except (OSError, ValueError) as err:
            # transformers' own message names the hub it did not contact (local_files_only): say what is missing.
            if Path(source).is_dir():
                where = f"the folder {source} is not a CLIP model ({str(err).splitlines()[0][:120]})"
            elif Path(source).is_absolute() or source.startswith("."):
                where = f"no folder {source}"
            else:
                where = f"{source} is not in the local Hugging Face cache (nothing is downloaded)"
            _unavailable(f"CLIP score skipped: {where}; pass --clip PATH to a downloaded CLIP model folder")
            return None
        return cls(model, processor)

    @torch.no_grad()
    def __call__(self, views: torch.Tensor, prompt: str) -> list[float]:
        """One CLIP score per view of ``(F, 3, H, W)`` views in [0, 1]."""
        images = [(view.permute(1, 2, 0).clamp(0, 1) * 255).round().byte().numpy() for view in views]
        inputs = self.processor(text=[prompt], images=images, return_tensors="pt", padding=True)
        image_features = self.model.get_image_features(pixel_values=inputs["pixel_values"])
        text_features = self.model.get_text_features(
            input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]
        )
        similarity = torch.nn.functional.cosine_similarity(image_features, text_features)
        return (100.0 * similarity.clamp_min(0)).tolist()


class FidAccumulator:
    """Fréchet Inception distance of all generated views against all reference views of a run.

    Use :meth:`create`, which returns None (and records a note) without torch-fidelity or its
    Inception weights in the local torch hub cache.
    """

    def __init__(self, metric: torch.nn.Module) -> None:
        self.metric = metric
        self.count = 0

    @classmethod
    def create(cls) -> FidAccumulator | None:
        """A fresh accumulator, or None when FID cannot be computed here."""
        weights = Path(torch.hub.get_dir()) / "checkpoints" / FID_INCEPTION_FILE
        if not weights.is_file():
            _unavailable(
                f"FID skipped: the Inception weights {weights} are not in the local torch hub cache "
                "(pip install torch-fidelity and run it once with network access)"
            )
            return None
        try:
            from torchmetrics.image.fid import FrechetInceptionDistance

            metric = FrechetInceptionDistance(feature=2048, normalize=True)
        except (ImportError, ModuleNotFoundError, RuntimeError, OSError) as err:
            _unavailable(f"FID skipped: {str(err).splitlines()[0]} (pip install torch-fidelity)")
            return None
        return cls(metric)

    def update(self, generated: torch.Tensor, reference: torch.Tensor) -> None:
        """Adds ``(F, 3, H, W)`` generated and reference views in [0, 1]."""
        self.metric.update(reference.clamp(0, 1), real=True)
        self.metric.update(generated.clamp(0, 1), real=False)
        self.count += len(generated)

    def compute(self) -> float | None:
        """The FID over everything added; None with fewer than 2 views (no covariance)."""
        return float(self.metric.compute()) if self.count >= 2 else None
