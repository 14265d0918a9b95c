"""Pipelines: inputs → views (→ Gaussians → files)."""

from .preprocess import PreprocessConfig, image_to_tensor, key_background, load_image, preprocess_image
from .videomv import VideoMVPipeline, VideoMVPipelineOutput

__all__ = [
    "PreprocessConfig",
    "VideoMVPipeline",
    "VideoMVPipelineOutput",
    "image_to_tensor",
    "key_background",
    "load_image",
    "preprocess_image",
]
