"""One interface over the image autoencoders: diffusers' ``AutoencoderKL`` and a pixel-space identity.

A tiny model in pixel space uses :class:`IdentityAutoencoder`, which answers the same calls as
``AutoencoderKL`` (``encode(x).latent_dist.sample()/.mode()``, ``decode(z).sample``,
``config.scaling_factor``, ``config.latent_channels``), so the pipeline and training code run one
code path for both. :func:`encode_views` and :func:`decode_views` are that path, chunked over views.
"""

from __future__ import annotations

import os
from pathlib import Path

import torch
import torch.nn.functional as F
from diffusers import AutoencoderKL, ModelMixin
from diffusers.configuration_utils import ConfigMixin, register_to_config
from diffusers.models.autoencoders.autoencoder_kl import AutoencoderKLOutput
from diffusers.models.autoencoders.vae import DecoderOutput, DiagonalGaussianDistribution

from ..safe_load import read_json
from .loading import CheckedLoadingMixin, load_model

Autoencoder = AutoencoderKL | ModelMixin


class IdentityAutoencoder(CheckedLoadingMixin, ModelMixin, ConfigMixin):
    """Pixel space with ``AutoencoderKL``'s interface: latents are the images themselves.

    With ``patch_size`` p > 1 each p x p block of pixels becomes one latent of 3p² channels (a lossless
    space-to-depth rearrangement): the UNet then runs at 1/p the resolution, p² times cheaper, which is
    what lets the shipped tiny model sample in seconds on a CPU.

    Args:
        latent_channels: image channels times ``patch_size``² (3 for RGB without patching).
        scaling_factor: the factor latents are multiplied by after encoding (1.0 in pixel space).
        patch_size: side of the pixel blocks folded into channels.
    """

    @register_to_config
    def __init__(self, latent_channels: int = 3, scaling_factor: float = 1.0, patch_size: int = 1) -> None:
        super().__init__()
        if latent_channels % (patch_size * patch_size):
            raise ValueError(f"latent_channels {latent_channels} is not a multiple of patch_size² = {patch_size**2}")
        # A parameter-free model has no dtype/device of its own and saves no weights file, which
        # `from_pretrained` requires; this scalar buffer gives it both.
        self.register_buffer("anchor", torch.zeros(()))

    def encode(self, x: torch.Tensor, return_dict: bool = True) -> AutoencoderKLOutput | tuple:
        """A zero-variance Gaussian at ``x`` (patched): ``.mode()`` and ``.sample()`` both return it."""
        x = F.pixel_unshuffle(x, self.config.patch_size)
        posterior = DiagonalGaussianDistribution(torch.cat([x, torch.zeros_like(x)], dim=1), deterministic=True)
        return AutoencoderKLOutput(latent_dist=posterior) if return_dict else (posterior,)

    def decode(self, z: torch.Tensor, return_dict: bool = True) -> DecoderOutput | tuple:
        """Returns ``z`` as images (unpatched)."""
        z = F.pixel_shuffle(z, self.config.patch_size)
        return DecoderOutput(sample=z) if return_dict else (z,)


def spatial_scale_factor(vae: Autoencoder) -> int:
    """How many pixels one latent covers along each side (1 in pixel space, 8 for the SD VAE)."""
    if isinstance(vae, IdentityAutoencoder):
        return int(vae.config.patch_size)
    return 2 ** (len(vae.config.block_out_channels) - 1)


def _chunks(images: torch.Tensor, chunk_size: int | None) -> tuple[torch.Tensor, ...]:
    return images.split(chunk_size or len(images))


def encode_views(
    vae: Autoencoder,
    images: torch.Tensor,
    chunk_size: int | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Encodes ``(B, F, 3, H, W)`` images in [-1, 1] to scaled ``(B, F, C, h, w)`` latents.

    Args:
        vae: the autoencoder.
        images: views in [-1, 1].
        chunk_size: images per encoder call (bounds memory); None encodes all at once.
        generator: samples the posterior when given; without one the posterior mode is used
            (deterministic, the usual choice for conditioning and for re-encoding renders).
    """
    batch, frames = images.shape[:2]
    flat = images.flatten(0, 1).to(device=vae.device, dtype=vae.dtype)
    latents = []
    for chunk in _chunks(flat, chunk_size):
        posterior = vae.encode(chunk).latent_dist
        latents.append(posterior.sample(generator) if generator is not None else posterior.mode())
    scaled = torch.cat(latents) * vae.config.scaling_factor
    return scaled.unflatten(0, (batch, frames))


def decode_views(vae: Autoencoder, latents: torch.Tensor, chunk_size: int | None = None) -> torch.Tensor:
    """Decodes scaled ``(B, F, C, h, w)`` latents to ``(B, F, 3, H, W)`` images in [-1, 1] (unclamped)."""
    batch, frames = latents.shape[:2]
    flat = latents.flatten(0, 1).to(device=vae.device, dtype=vae.dtype) / vae.config.scaling_factor
    images = torch.cat([vae.decode(chunk).sample for chunk in _chunks(flat, chunk_size)])
    return images.unflatten(0, (batch, frames))


def build_autoencoder(config: dict | None) -> Autoencoder:
    """The pixel-space autoencoder for None or a ``{"patch_size": p}`` config, else an ``AutoencoderKL``."""
    if config is None:
        return IdentityAutoencoder()
    if set(config) == {"patch_size"}:
        return IdentityAutoencoder(latent_channels=3 * config["patch_size"] ** 2, patch_size=config["patch_size"])
    return AutoencoderKL(**config)


def load_autoencoder(folder: str | os.PathLike, torch_dtype: torch.dtype | None = None) -> Autoencoder:
    """The autoencoder saved in ``folder`` (a ``save_pretrained`` folder), of the class its config names.

    A pipeline folder of a tiny pixel-space model holds an :class:`IdentityAutoencoder`; reading it as
    an ``AutoencoderKL`` would give a randomly initialised one without failing.
    """
    config = read_json(Path(folder) / "config.json", "an autoencoder config")
    cls = IdentityAutoencoder if config.get("_class_name") == IdentityAutoencoder.__name__ else AutoencoderKL
    return load_model(cls, folder, torch_dtype=torch_dtype)
