"""Condition-image preprocessing: recentring, rescaling, background keying, and clear errors."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from PIL import Image

from videomv.pipelines import PreprocessConfig, image_to_tensor, load_image, preprocess_image
from videomv.pipelines.preprocess import check_image_file

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


def test_a_missing_path_or_a_folder_is_named(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match=r"image file not found: .*missing\.png"):
        preprocess_image(tmp_path / "missing.png", CONFIG)
    with pytest.raises(IsADirectoryError, match="is a folder"):
        preprocess_image(tmp_path, CONFIG)


def _grey_ramp(dtype: type, top: float) -> np.ndarray:
    """A 64² ramp from 0 to ``top``: left half dark, right half bright."""
    return (np.tile(np.linspace(0.0, 1.0, 64), (64, 1)) * top).astype(dtype)


@pytest.mark.parametrize(
    ("make", "mode"),
    [
        (lambda: Image.fromarray(_grey_ramp(np.uint16, 65535)), "I;16"),  # 16-bit greyscale PNG
        (lambda: Image.fromarray(_grey_ramp(np.int32, 65535)), "I"),
        (lambda: Image.fromarray(_grey_ramp(np.float32, 1.0)), "F"),
        (lambda: Image.fromarray(_grey_ramp(np.uint8, 255)), "L"),
        (lambda: Image.fromarray(_grey_ramp(np.uint8, 255)).convert("RGB").convert("P"), "P"),
        (lambda: Image.fromarray(_grey_ramp(np.uint8, 255)).convert("CMYK"), "CMYK"),
    ],
)
def test_every_mode_keeps_its_full_range(tmp_path, make, mode: str) -> None:
    """Pillow's own conversion clips 16-bit and float images at 255: a 16-bit photo came out blank."""
    image = make()
    assert image.mode == mode
    path = tmp_path / ("in.tif" if mode in ("I", "F", "CMYK") else "in.png")
    image.save(path)
    for source in (image, path):
        loaded = np.asarray(load_image(source)).astype(int)
        assert loaded.shape == (64, 64, 3)
        assert loaded[:, 0].max() <= 8 and loaded[:, -1].min() >= 247, mode  # dark stays dark, bright bright
        assert abs(loaded[:, 32].mean() - 130) < 10, mode  # and the middle stays in the middle


def test_exif_orientation_is_applied(tmp_path) -> None:
    """A phone photo held upright is stored sideways with an EXIF orientation tag."""
    stored = np.zeros((40, 80, 3), dtype=np.uint8)
    stored[:, :20] = 255  # a white band on the stored image's left
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    Image.fromarray(stored).save(tmp_path / "phone.jpg", exif=exif, quality=95)
    upright = np.asarray(load_image(tmp_path / "phone.jpg"))
    assert upright.shape == (80, 40, 3)
    assert upright[:20].mean() > 200 and upright[-20:].mean() < 50  # the band is now on top


def test_large_inputs_are_downscaled_on_loading(tmp_path) -> None:
    for suffix in (".png", ".jpg"):
        path = tmp_path / f"big{suffix}"
        Image.new("RGB", (3000, 1500), (10, 200, 30)).save(path)
        loaded = load_image(path, PreprocessConfig(max_side=1024))
        assert loaded.size == (1024, 512) and loaded.mode == "RGB"


def test_a_64_megapixel_input_costs_no_gigabytes(tmp_path) -> None:
    """An 8000² PNG (200 KB on disk) took 4.7 GB of float arrays; it is downscaled before any is made."""
    image = Image.new("RGB", (8000, 8000), (255, 255, 255))
    image.paste((200, 30, 30), (3000, 3000, 5000, 5000))
    image.save(tmp_path / "big.png", compress_level=1)
    del image
    tracemalloc.start()  # counts numpy's arrays (Pillow's own buffers are not traced)
    try:
        out = preprocess_image(tmp_path / "big.png")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert out.size == (256, 256) and peak < 400e6, f"{peak / 1e6:.0f} MB"


def test_damaged_files_and_bad_arrays_are_refused_in_one_line(tmp_path) -> None:
    Image.fromarray((np.random.default_rng(0).random((64, 64, 3)) * 255).astype(np.uint8)).save(tmp_path / "a.png")
    data = (tmp_path / "a.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    for check in (check_image_file, load_image):
        with pytest.raises(ValueError, match=r"cut\.png.* damaged or cut short") as error:
            check(tmp_path / "cut.png")
        assert "\n" not in str(error.value)
    with pytest.raises(ValueError, match="NaN or infinite"):
        load_image(np.full((64, 64, 3), np.nan, dtype=np.float32))
    assert np.asarray(load_image(np.full((64, 64, 3), 65535, dtype=np.uint16))).min() == 255


def test_check_image_file_reads_only_the_header(tmp_path) -> None:
    path = tmp_path / "object.png"
    Image.new("RGB", (120, 80)).save(path)
    assert check_image_file(path) == (120, 80)
    with pytest.raises(ValueError, match="too large: 120x80 pixels"):
        check_image_file(path, PreprocessConfig(size=8, max_pixels=5000))


def test_config_is_validated() -> None:
    with pytest.raises(ValueError, match="fill_fraction"):
        PreprocessConfig(fill_fraction=1.5)
    with pytest.raises(ValueError, match="rgb_background"):
        PreprocessConfig(rgb_background="auto")
