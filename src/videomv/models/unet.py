"""Camera-conditioned video UNets: diffusers' ModelScope and I2VGen-XL UNets whose frames are views.

Both classes are the diffusers UNets themselves (subclasses, no copied ``forward``) plus a camera MLP
whose output is added, per frame, to the time embedding that every down, mid and up block receives.
diffusers repeats the per-sample time embedding over frames inside ``forward`` and hands the
``(B·F, D)`` result to each block as ``temb``; a forward pre-hook on each block adds the
``(B·F, D)`` camera embedding there. With the MLP's last layer at zero the output equals the base
UNet's bit for bit, so every base checkpoint loads and runs unchanged.
"""

from __future__ import annotations

import contextlib
import inspect
import os
from collections.abc import Callable, Iterator
from typing import Any

import torch

# `ModelMixin` must be a name in this module: diffusers' pipeline loader finds out how to load a custom
# component by looking up its base classes by name in the component's module.
from diffusers import I2VGenXLUNet, ModelMixin, UNet3DConditionModel
from diffusers.configuration_utils import register_to_config
from torch import nn

from ..cameras import Cameras, check_convention
from .camera_embedding import CameraEmbedding
from .loading import CheckedLoadingMixin

# Config keys the camera UNets add to the base UNets' configs.
_CAMERA_DEFAULTS: dict[str, Any] = {
    "camera_input_dim": 16,
    "camera_embed_dim": None,  # hidden width of the MLP; None = the time-embedding width
    "camera_convention": "blender",
}
CAMERA_MLP_PREFIX = "camera_embedding."


def _camera_init(base: type) -> Callable[..., None]:
    """An ``__init__`` taking ``base``'s arguments plus the camera ones, registered to the config.

    The signature is built from ``base.__init__`` so that it always matches the installed diffusers
    (which is what ``from_pretrained`` reads a base folder's config against).
    """
    base_signature = inspect.signature(base.__init__)
    camera_parameters = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default)
        for name, default in _CAMERA_DEFAULTS.items()
    ]
    signature = base_signature.replace(parameters=[*base_signature.parameters.values(), *camera_parameters])

    def __init__(self: CameraConditioningMixin, *args: Any, **kwargs: Any) -> None:  # noqa: N807
        bound = signature.bind(self, *args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        del arguments["self"]
        camera = {name: arguments.pop(name) for name in _CAMERA_DEFAULTS}
        base.__init__(self, **arguments)
        self._init_camera_embedding(**camera)

    __init__.__signature__ = signature  # type: ignore[attr-defined]
    __init__.__doc__ = (
        f"Takes every argument of diffusers' ``{base.__name__}`` plus ``camera_input_dim`` (16), "
        "``camera_embed_dim`` (hidden width of the camera MLP, default the time-embedding width) and "
        "``camera_convention`` (the pose convention the embedding expects, recorded in the config)."
    )
    return register_to_config(__init__)


def _add_to_temb(camera_temb: torch.Tensor) -> Callable[..., tuple[tuple, dict]]:
    """A forward pre-hook adding ``camera_temb`` to a block's ``temb`` argument.

    Down and up blocks get ``temb`` as a keyword, the mid block as its second positional argument.
    """

    def hook(module: nn.Module, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
        if "temb" in kwargs:
            kwargs["temb"] = kwargs["temb"] + camera_temb
        else:
            args = (args[0], args[1] + camera_temb, *args[2:])
        return args, kwargs

    return hook


class CameraConditioningMixin(CheckedLoadingMixin):
    """What the two camera UNets share: the camera MLP, its hooks, loading and the camera input."""

    # A base UNet's folder has no camera MLP: it loads with the MLP at its zero start.
    optional_weight_prefixes = (CAMERA_MLP_PREFIX,)

    config: Any
    dtype: torch.dtype
    down_blocks: nn.ModuleList
    mid_block: nn.Module | None
    up_blocks: nn.ModuleList
    time_embedding: nn.Module

    def _init_camera_embedding(
        self, camera_input_dim: int, camera_embed_dim: int | None, camera_convention: str
    ) -> None:
        check_convention(camera_convention)
        time_embed_dim = self.time_embedding.linear_2.out_features
        self.camera_embedding = CameraEmbedding(camera_input_dim, camera_embed_dim or time_embed_dim, time_embed_dim)

    def camera_inputs(self, cameras: Cameras, batch_size: int = 1) -> torch.Tensor:
        """``(batch_size, F, 16)`` camera-embedding inputs of ``cameras`` in this model's convention."""
        poses = cameras.embedding(self.config.camera_convention)
        return poses.unsqueeze(0).expand(batch_size, *poses.shape)

    @contextlib.contextmanager
    def _camera_hooks(self, camera_temb: torch.Tensor) -> Iterator[None]:
        blocks = [*self.down_blocks, *([self.mid_block] if self.mid_block is not None else []), *self.up_blocks]
        hook = _add_to_temb(camera_temb)
        handles = [block.register_forward_pre_hook(hook, with_kwargs=True) for block in blocks]
        try:
            yield
        finally:
            for handle in handles:
                handle.remove()

    def forward(
        self,
        sample: torch.Tensor,
        timestep: torch.Tensor | float | int,
        *args: Any,
        camera_embedding: torch.Tensor | None = None,
        **kwargs: Any,
    ) -> Any:
        """The base UNet's forward plus ``camera_embedding``.

        Args:
            sample: ``(B, C, F, H, W)`` noisy input, as for the base UNet.
            timestep: as for the base UNet.
            *args: the base UNet's further positional arguments.
            camera_embedding: ``(B, F, camera_input_dim)`` flattened poses (see :meth:`camera_inputs`),
                or None to run the base UNet unchanged.
            **kwargs: the base UNet's keyword arguments.
        """
        if camera_embedding is None:
            return super().forward(sample, timestep, *args, **kwargs)  # type: ignore[misc]
        batch, _, frames = sample.shape[:3]
        if camera_embedding.shape[:2] != (batch, frames):
            raise ValueError(
                f"camera_embedding must be (batch={batch}, frames={frames}, {self.config.camera_input_dim}), "
                f"got {tuple(camera_embedding.shape)}"
            )
        # Rows ordered batch-major, frame-minor: the order of diffusers' repeat_interleave over frames.
        camera_temb = self.camera_embedding(camera_embedding.reshape(batch * frames, -1).to(self.dtype))
        with self._camera_hooks(camera_temb):
            return super().forward(sample, timestep, *args, **kwargs)  # type: ignore[misc]

    @classmethod
    def from_pretrained(cls, pretrained_model_name_or_path: str | os.PathLike, **kwargs: Any) -> Any:
        """diffusers' ``from_pretrained``, also from a folder of the base UNet.

        A base checkpoint has no camera MLP; it is then created in its initial state (last layer zero),
        also when diffusers built the model on the ``meta`` device (``low_cpu_mem_usage``) or with its
        weight initialisation switched off, so the loaded model computes exactly what the base does.
        """
        output_loading_info = kwargs.pop("output_loading_info", False)
        model, info = super().from_pretrained(  # type: ignore[misc]
            pretrained_model_name_or_path, output_loading_info=True, **kwargs
        )
        if any(key.startswith(CAMERA_MLP_PREFIX) for key in info["missing_keys"]):
            reference = model.time_embedding.linear_2.weight
            model.camera_embedding.to_empty(device=reference.device)
            model.camera_embedding.reset_parameters()
            model.camera_embedding.to(reference.dtype)
        return (model, info) if output_loading_info else model


class CameraUNet3DConditionModel(CameraConditioningMixin, UNet3DConditionModel):
    """ModelScope text-to-video UNet (diffusers ``UNet3DConditionModel``) with a per-view camera embedding.

    Forward: ``unet(sample (B, C, F, H, W), timestep, encoder_hidden_states, camera_embedding=(B, F, 16))``.
    Also the tiny image model: its ``in_channels`` then count the condition image concatenated to each view.
    """

    __init__ = _camera_init(UNet3DConditionModel)


class CameraI2VGenXLUNet(CameraConditioningMixin, I2VGenXLUNet):
    """I2VGen-XL UNet (diffusers ``I2VGenXLUNet``) with a per-view camera embedding.

    Forward: ``unet(sample, timestep, fps=…, image_latents=…, image_embeddings=…, encoder_hidden_states=…,
    camera_embedding=(B, F, 16))``. Latent space only: its image-latent branch expects 4 channels.
    """

    __init__ = _camera_init(I2VGenXLUNet)


CAMERA_UNET_CLASSES: tuple[type[ModelMixin], ...] = (CameraUNet3DConditionModel, CameraI2VGenXLUNet)
