"""Condition-image preprocessing: object recentred, rescaled to a set fraction, on a set background.

An RGBA image's alpha says where the object is. An RGB image without alpha either has its background
keyed out from the colour of its border (``rgb_background="key"``, right for product shots and renders
on a plain background) or is used as it is (``"keep"``: letterboxed to a square, no recentring).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

ImageInput = str | os.PathLike | Image.Image | np.ndarray


@dataclass(frozen=True)
class PreprocessConfig:
    """How condition images are prepared.

    Attributes:
        size: output side in pixels (square).
        fill_fraction: the longer side of the object's bounding box as a fraction of ``size``.
        background: RGB in [0, 1] the object is composited on.
        rgb_background: for images without alpha, ``"key"`` the border colour out or ``"keep"`` it.
        key_threshold: colour distance (RGB in [0, 1], Euclidean) below which a pixel counts as
            background when keying; alpha ramps from 0 to 1 between it and twice it.
        alpha_threshold: alpha above which a pixel counts as object for the bounding box.
        min_size: smallest accepted input side in pixels.
        max_pixels: largest accepted input area in pixels.
        min_object_pixels: fewest object pixels for the image not to count as empty.
    """

    size: int = 256
    fill_fraction: float = 0.85
    background: tuple[float, float, float] = (1.0, 1.0, 1.0)
    rgb_background: Literal["key", "keep"] = "key"
    key_threshold: float = 0.08
    alpha_threshold: float = 0.5
    min_size: int = 32
    max_pixels: int = 8192 * 8192
    min_object_pixels: int = 16

    def __post_init__(self) -> None:
        if not 0.0 < self.fill_fraction <= 1.0:
            raise ValueError(f"fill_fraction must be in (0, 1], got {self.fill_fraction}")
        if self.rgb_background not in ("key", "keep"):
            raise ValueError(f"rgb_background must be 'key' or 'keep', got {self.rgb_background!r}")
        if self.size < 8:
            raise ValueError(f"output size must be at least 8 pixels, got {self.size}")


def _describe(source: ImageInput) -> str:
    return repr(str(source)) if isinstance(source, str | os.PathLike) else type(source).__name__


def load_image(source: ImageInput, config: PreprocessConfig | None = None) -> Image.Image:
    """Opens ``source`` as an RGB or RGBA PIL image, checking it is readable and of a sane size.

    Raises:
        ValueError: unreadable, tiny or huge images, with a one-line reason.
    """
    config = config or PreprocessConfig()
    name = _describe(source)
    if isinstance(source, Image.Image):
        image = source
    elif isinstance(source, np.ndarray):
        array = source
        if array.dtype != np.uint8:
            array = (np.clip(array.astype(np.float32), 0.0, 1.0) * 255).round().astype(np.uint8)
        if array.ndim != 3 or array.shape[2] not in (3, 4):
            raise ValueError(f"image array must be (H, W, 3) or (H, W, 4), got shape {source.shape}")
        image = Image.fromarray(array)
    else:
        path = Path(source)
        if not path.is_file():
            raise ValueError(f"cannot read image {name}: no such file")
        try:
            with Image.open(path) as opened:
                width, height = opened.size
                if width * height > config.max_pixels:
                    raise ValueError(f"image {name} is too large: {width}x{height} pixels (max {config.max_pixels})")
                opened.load()
                image = opened.copy()
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
            raise ValueError(f"cannot read image {name}: {error}") from error
    width, height = image.size
    if min(width, height) < config.min_size:
        raise ValueError(f"image {name} is too small: {width}x{height} (min side {config.min_size})")
    if width * height > config.max_pixels:
        raise ValueError(f"image {name} is too large: {width}x{height} pixels (max {config.max_pixels})")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    return image.convert("RGBA" if has_alpha else "RGB")


def key_background(rgb: np.ndarray, threshold: float) -> np.ndarray:
    """Alpha in [0, 1] for an ``(H, W, 3)`` float RGB image: 0 where it matches its border colour.

    The background colour is the median of the one-pixel border.
    """
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])
    colour = np.median(border, axis=0)
    distance = np.linalg.norm(rgb - colour, axis=-1)
    return np.clip((distance - threshold) / threshold, 0.0, 1.0)


def _letterbox(image: Image.Image, config: PreprocessConfig) -> Image.Image:
    scale = config.size / max(image.size)
    width, height = (max(1, round(side * scale)) for side in image.size)
    resized = image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
    canvas = Image.new("RGB", (config.size, config.size), tuple(round(c * 255) for c in config.background))
    canvas.paste(resized, ((config.size - width) // 2, (config.size - height) // 2))
    return canvas


def _recentre(rgba: Image.Image, config: PreprocessConfig, name: str) -> Image.Image:
    alpha = np.asarray(rgba)[..., 3].astype(np.float32) / 255.0
    mask = alpha > config.alpha_threshold
    if mask.sum() < config.min_object_pixels:
        raise ValueError(f"image {name} is empty: no object found (fewer than {config.min_object_pixels} pixels)")
    rows, cols = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
    box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)
    crop = rgba.crop(box)
    scale = config.fill_fraction * config.size / max(crop.size)
    width, height = (max(1, round(side * scale)) for side in crop.size)
    # PIL resizes RGBA with premultiplied alpha, so the background colour does not bleed into edges.
    crop = crop.resize((width, height), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (config.size, config.size), (0, 0, 0, 0))
    canvas.paste(crop, ((config.size - width) // 2, (config.size - height) // 2))
    layer = np.asarray(canvas).astype(np.float32) / 255.0
    weight = layer[..., 3:]
    composite = layer[..., :3] * weight + np.asarray(config.background, dtype=np.float32) * (1.0 - weight)
    return Image.fromarray((composite * 255).round().astype(np.uint8))


def preprocess_image(source: ImageInput, config: PreprocessConfig | None = None) -> Image.Image:
    """A ``config.size``² RGB condition image with the object centred at ``config.fill_fraction``.

    Args:
        source: a path, a PIL image, or an ``(H, W, 3|4)`` uint8 or [0, 1] float array.
        config: the preprocessing settings.

    Raises:
        ValueError: unreadable, tiny, huge or empty (no object) images.
    """
    config = config or PreprocessConfig()
    image = load_image(source, config)
    name = _describe(source)
    if image.mode == "RGBA":
        return _recentre(image, config, name)
    if config.rgb_background == "keep":
        return _letterbox(image, config)
    rgb = np.asarray(image).astype(np.float32) / 255.0
    alpha = key_background(rgb, config.key_threshold)
    rgba = np.concatenate([rgb, alpha[..., None]], axis=-1)
    return _recentre(Image.fromarray((rgba * 255).round().astype(np.uint8), "RGBA"), config, name)


def image_to_tensor(image: Image.Image) -> torch.Tensor:
    """``(3, H, W)`` float32 in [0, 1] from an RGB PIL image."""
    return torch.from_numpy(np.asarray(image.convert("RGB"), dtype=np.float32) / 255.0).permute(2, 0, 1)
