"""Condition-image preprocessing: object recentred, rescaled to a set fraction, on a set background.

An RGBA image's alpha says where the object is. An RGB image without alpha either has its background
keyed out from the colour of its border (``rgb_background="key"``, right for product shots and renders
on a plain background) or is used as it is (``"keep"``: letterboxed to a square, no recentring).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import torch
from PIL import Image, ImageOps

ImageInput = str | os.PathLike | Image.Image | np.ndarray
# Filters a recentred object may be rescaled with.
RESAMPLE_FILTERS = {"lanczos": Image.Resampling.LANCZOS, "bicubic": Image.Resampling.BICUBIC}


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
        max_side: inputs with a longer side are downscaled to it on loading (an object filling at least
            ``size / max_side`` of the frame loses no detail).
        min_object_pixels: fewest object pixels for the image not to count as empty.
        resample: the filter that rescales the recentred object: ``"lanczos"`` (ours) or
            ``"bicubic"`` (the reference's utils/recenter_i2v.py, with ``fill_fraction`` 200/256).
    """

    size: int = 256
    fill_fraction: float = 0.85
    background: tuple[float, float, float] = (1.0, 1.0, 1.0)
    rgb_background: Literal["key", "keep"] = "key"
    key_threshold: float = 0.08
    alpha_threshold: float = 0.5
    min_size: int = 32
    max_pixels: int = 8192 * 8192
    max_side: int = 2048
    min_object_pixels: int = 16
    resample: Literal["lanczos", "bicubic"] = "lanczos"

    def __post_init__(self) -> None:
        if self.resample not in RESAMPLE_FILTERS:
            raise ValueError(f"resample must be one of {', '.join(RESAMPLE_FILTERS)}, got {self.resample!r}")
        if not 0.0 < self.fill_fraction <= 1.0:
            raise ValueError(f"fill_fraction must be in (0, 1], got {self.fill_fraction}")
        if self.rgb_background not in ("key", "keep"):
            raise ValueError(f"rgb_background must be 'key' or 'keep', got {self.rgb_background!r}")
        if self.size < 8:
            raise ValueError(f"output size must be at least 8 pixels, got {self.size}")
        if self.max_side < self.size:
            raise ValueError(f"max_side ({self.max_side}) must be at least the output size ({self.size})")


def _describe(source: ImageInput) -> str:
    return repr(str(source)) if isinstance(source, str | os.PathLike) else type(source).__name__


def _check_size(size: tuple[int, int], name: str, config: PreprocessConfig) -> None:
    width, height = size
    if width * height > config.max_pixels:
        raise ValueError(
            f"image {name} is too large: {width}x{height} pixels (max {config.max_pixels}); downscale it first"
        )
    if min(width, height) < config.min_size:
        raise ValueError(f"image {name} is too small: {width}x{height} (min side {config.min_size})")


def _damaged(name: str, error: BaseException) -> ValueError:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ValueError(f"cannot read image {name}: the file is damaged or cut short ({reason})")


@contextmanager
def _open_image(path: Path, name: str, config: PreprocessConfig) -> Iterator[Image.Image]:
    """The image at ``path`` opened lazily (only its header is read), checked to exist and be of an accepted size."""
    if path.is_dir():
        raise IsADirectoryError(f"image {name} is a folder; give an image file")
    if not path.is_file():
        raise FileNotFoundError(f"image file not found: {path}")
    with warnings.catch_warnings():
        # Pillow warns from 89 Mpx on; our own limit is lower and its message says what to do.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except Image.DecompressionBombError:
            raise ValueError(
                f"image {name} is too large: over {2 * Image.MAX_IMAGE_PIXELS} pixels (max {config.max_pixels}); "
                "downscale it first"
            ) from None
        except Exception as error:  # Pillow's format parsers raise many kinds of errors on foreign data
            raise ValueError(f"cannot read image {name}: not an image file Pillow can open") from error
    with image:
        _check_size(image.size, name, config)
        yield image


def check_image_file(path: str | os.PathLike, config: PreprocessConfig | None = None) -> tuple[int, int]:
    """Checks, without decoding the pixels, that ``path`` is an image of an accepted size; returns its size.

    The cheap part of :func:`load_image`, for checking settings before any model loads: the header
    gives the size, and Pillow's ``verify`` checks what it can without decoding (PNG checksums,
    truncation); damage that shows only when decoding is reported by :func:`load_image`.

    Raises:
        FileNotFoundError, IsADirectoryError, ValueError: with a one-line reason naming the file.
    """
    config = config or PreprocessConfig()
    name = _describe(path)
    with _open_image(Path(path), name, config) as image:
        size = image.size
        try:
            image.verify()
        except Exception as error:  # as above: any decoder error means a damaged file
            raise _damaged(name, error) from error
    return size


def _grey_to_uint8(array: np.ndarray, mode: str, name: str) -> np.ndarray:
    """8-bit grey from Pillow's high-depth single-channel modes, scaled to the full range rather than clipped.

    ``I;16*``: 16-bit (PNG, TIFF). ``I``: 32-bit integers, which Pillow also uses for 16-bit greyscale
    PNGs: taken as 16-bit when any value exceeds 255, else as 8-bit. ``F``: floats, taken as [0, 1]
    when none exceeds 1, else as [0, 255].
    """
    if mode.startswith("I;16"):
        return (array.astype(np.uint16) >> 8).astype(np.uint8)
    if mode == "I":
        if array.max(initial=0) > 255:
            return (np.clip(array, 0, 65535) >> 8).astype(np.uint8)
        return np.clip(array, 0, 255).astype(np.uint8)
    if not np.isfinite(array).all():
        raise ValueError(f"image {name} has NaN or infinite pixel values")
    scale = 255.0 if array.max(initial=0.0) <= 1.0 else 1.0
    return np.clip(array * scale, 0.0, 255.0).round().astype(np.uint8)


def _to_rgb(image: Image.Image, name: str) -> Image.Image:
    """RGB, or RGBA for an image with transparency, from any Pillow mode (a new image)."""
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        # Pillow's own conversion clips these at 255: a 16-bit photo would come out blank.
        image = Image.fromarray(_grey_to_uint8(np.asarray(image), image.mode, name), "L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    try:
        return image.convert("RGBA" if has_alpha else "RGB")
    except ValueError as error:
        raise ValueError(
            f"cannot read image {name}: its colour mode {image.mode} is not supported; save it as RGB or RGBA"
        ) from error


def _array_to_image(array: np.ndarray) -> Image.Image:
    """A PIL image from an ``(H, W, 3|4)`` uint8, uint16 or [0, 1] float array."""
    if array.ndim != 3 or array.shape[2] not in (3, 4):
        raise ValueError(f"image array must be (H, W, 3) or (H, W, 4), got shape {array.shape}")
    if array.dtype == np.uint16:
        array = (array >> 8).astype(np.uint8)
    elif array.dtype != np.uint8:
        floats = array.astype(np.float32)
        if not np.isfinite(floats).all():
            raise ValueError("image array has NaN or infinite values")
        array = (np.clip(floats, 0.0, 1.0) * 255).round().astype(np.uint8)
    return Image.fromarray(array)


def _decoded(image: Image.Image, name: str, config: PreprocessConfig) -> Image.Image:
    """``image`` decoded, turned upright, in RGB(A), at most ``config.max_side`` a side (a new image)."""
    try:
        image.load()
        # Cameras store how the phone was held in EXIF instead of rotating the pixels.
        image = ImageOps.exif_transpose(image)
    except Exception as error:  # Pillow's decoders raise many kinds of errors on damaged data
        raise _damaged(name, error) from error
    image = _to_rgb(image, name)
    # Downscaled before any float copy is made: a 64 Mpx input would otherwise cost gigabytes.
    image.thumbnail((config.max_side, config.max_side), Image.Resampling.LANCZOS)
    return image


def load_image(source: ImageInput, config: PreprocessConfig | None = None) -> Image.Image:
    """Opens ``source`` as an RGB or RGBA PIL image, checking it is readable and of a sane size.

    Any Pillow mode is converted with its full range (16-bit greyscale included), EXIF orientation
    is applied, and images larger than ``config.max_side`` a side are downscaled (JPEGs already
    while decoding).

    Raises:
        FileNotFoundError, IsADirectoryError: ``source`` is a path to nothing or to a folder.
        ValueError: unreadable, damaged, tiny or huge images, with a one-line reason.
    """
    config = config or PreprocessConfig()
    name = _describe(source)
    if isinstance(source, Image.Image | np.ndarray):
        image = source if isinstance(source, Image.Image) else _array_to_image(source)
        _check_size(image.size, name, config)
        return _decoded(image, name, config)
    with _open_image(Path(source), name, config) as opened:
        # JPEG decodes straight at 1/2 ... 1/8 scale when that still covers max_side; other formats ignore it.
        opened.draft(opened.mode, (config.max_side, config.max_side))
        return _decoded(opened, name, config)


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
    crop = crop.resize((width, height), RESAMPLE_FILTERS[config.resample])
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
        FileNotFoundError, IsADirectoryError: ``source`` is a path to nothing or to a folder.
        ValueError: unreadable, damaged, tiny, huge or empty (no object) images.
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
