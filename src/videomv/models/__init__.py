"""Camera-conditioned video UNets, their configurations, text/image encoders, autoencoders and the
Gaussian reconstructor: the models only (their training lives in :mod:`videomv.training`)."""

from .autoencoder import (
    IdentityAutoencoder,
    build_autoencoder,
    decode_views,
    encode_views,
    load_autoencoder,
    spatial_scale_factor,
)
from .camera_embedding import CameraEmbedding
from .configs import (
    I2VGENXL_UNET,
    MODELSCOPE_T2V_UNET,
    NEGATIVE_PROMPT,
    PRESETS,
    PUBLISHED_UNET_PARAMETERS,
    SD_VAE,
    ModelPreset,
    get_preset,
)
from .encoders import TextEmbeddingAdapter, encode_clip_image, encode_prompts, load_text_encoder, minilm_path
from .lgm_convert import LGMConversionError, load_lgm_checkpoint
from .reconstructor import RECONSTRUCTOR_PRESETS, GaussianReconstructor, ReconstructorOutput
from .unet import CameraI2VGenXLUNet, CameraUNet3DConditionModel

__all__ = [
    "I2VGENXL_UNET",
    "MODELSCOPE_T2V_UNET",
    "NEGATIVE_PROMPT",
    "PRESETS",
    "PUBLISHED_UNET_PARAMETERS",
    "RECONSTRUCTOR_PRESETS",
    "SD_VAE",
    "CameraEmbedding",
    "CameraI2VGenXLUNet",
    "CameraUNet3DConditionModel",
    "GaussianReconstructor",
    "IdentityAutoencoder",
    "LGMConversionError",
    "ModelPreset",
    "ReconstructorOutput",
    "TextEmbeddingAdapter",
    "build_autoencoder",
    "decode_views",
    "encode_clip_image",
    "encode_prompts",
    "encode_views",
    "get_preset",
    "load_autoencoder",
    "load_lgm_checkpoint",
    "load_text_encoder",
    "minilm_path",
    "spatial_scale_factor",
]

# Names that moved to a higher layer; the models may not import it, so they are not re-exported.
_MOVED = {"ReconstructorTrainingConfig": "videomv.training", "train_reconstructor": "videomv.training"}


def __getattr__(name: str) -> object:
    """A one-line ImportError saying where a moved name lives now (the import statement shows it as is)."""
    if name in _MOVED:
        raise ImportError(f"videomv.models.{name} moved to {_MOVED[name]}: use `from {_MOVED[name]} import {name}`")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
