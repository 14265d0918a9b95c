"""Condition-image preprocessing: recentring, rescaling, background keying, and clear errors."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from videomv.pipelines import PreprocessConfig, image_to_tensor, preprocess_image

CONFIG = PreprocessConfig(size=64, fill_fraction=0.5, background=(1.0, 1.0, 1.0))


def _rgba(size: int = 100, box: tuple[int, int, int, int] = (10, 20, 30, 60)) -> np.ndarray:
    """A red rectangle (rows box[0]:box[1], cols box[2]:box[3]) on a transparent canvas."""
    image = np.zeros((size, size, 4), dtype=np.uint8)
    image[box[0] : box[1], box[2] : box[3]] = (220, 30, 30, 255)
    return image


def _object_box(image: Image.Image) -> tuple[int, int, int, int]:
    array = np.asarray(image).astype(np.int16)
    red = (array[..., 0] > 150) & (array[..., 1] < 120)
    rows, cols = np.nonzero(red.any(axis=1))[0], np.nonzero(red.any(axis=0))[0]
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def test_rgba_object_is_recentred_and_rescaled() -> None:
    out = preprocess_image(Image.fromarray(_rgba(), "RGBA"), CONFIG)
    assert out.size == (64, 64) and out.mode == "RGB"
    top, bottom, left, right = _object_box(out)
    assert abs((right - left) - 32) <= 1  # the longer side (30 columns) fills half of 64
    assert abs((bottom - top) - 32 / 3) <= 1  # aspect kept
    assert abs((top + bottom) / 2 - 32) <= 1 and abs((left + right) / 2 - 32) <= 1
    assert np.asarray(out)[0, 0].tolist() == [255, 255, 255]


def test_background_colour_is_configurable() -> None:
    config = PreprocessConfig(size=64, background=(0.0, 0.5, 0.0))
    out = np.asarray(preprocess_image(Image.fromarray(_rgba(), "RGBA"), config))
    assert out[0, 0].tolist() == [0, 128, 0]


def test_rgb_background_is_keyed_from_the_border() -> None:
    rgba = _rgba()
    rgb = np.where(rgba[..., 3:] > 0, rgba[..., :3], np.uint8(90))  # a grey backdrop
    keyed = preprocess_image(rgb, CONFIG)
    assert _object_box(keyed) == _object_box(preprocess_image(Image.fromarray(rgba, "RGBA"), CONFIG))
    assert np.asarray(keyed)[0, 0].tolist() == [255, 255, 255]


def test_rgb_kept_as_is_is_only_letterboxed() -> None:
    rgb = np.full((50, 100, 3), 90, dtype=np.uint8)
    out = np.asarray(preprocess_image(rgb, PreprocessConfig(size=64, rgb_background="keep")))
    assert out[32, 32].tolist() == [90, 90, 90]  # the backdrop stays
    assert out[0, 32].tolist() == [255, 255, 255]  # padding on the configured background


def test_paths_and_float_arrays_are_accepted(tmp_path) -> None:
    path = tmp_path / "object.png"
    Image.fromarray(_rgba(), "RGBA").save(path)
    from_path = preprocess_image(path, CONFIG)
    from_float = preprocess_image(_rgba().astype(np.float32) / 255.0, CONFIG)
    assert np.array_equal(np.asarray(from_path), np.asarray(from_float))
    tensor = image_to_tensor(from_path)
    assert tensor.shape == (3, 64, 64) and tensor.min() >= 0.0 and tensor.max() <= 1.0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.png", "cannot read image .*no such file"),
        (lambda tmp: (tmp / "bad.png").write_bytes(b"not an image") and tmp / "bad.png", "cannot read image"),
        (lambda tmp: Image.new("RGB", (8, 8)), "too small"),
        (lambda tmp: Image.new("RGB", (300, 300)), "too large"),
        (lambda tmp: Image.new("RGBA", (64, 64)), "empty"),
        (lambda tmp: Image.new("RGB", (64, 64), (30, 60, 90)), "empty"),
        (lambda tmp: np.zeros((64, 64)), r"\(H, W, 3\)"),
    ],
)
def test_bad_images_give_one_line_errors(tmp_path, make, message: str) -> None:
    config = PreprocessConfig(size=64, max_pixels=256 * 256)
    with pytest.raises(ValueError, match=message) as error:
        preprocess_image(make(tmp_path), config)
    assert "\n" not in str(error.value)


def test_config_is_validated() -> None:
    with pytest.raises(ValueError, match="fill_fraction"):
        PreprocessConfig(fill_fraction=1.5)
    with pytest.raises(ValueError, match="rgb_background"):
        PreprocessConfig(rgb_background="auto")
