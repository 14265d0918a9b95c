"""Contact sheets: one row of views per sample, with its name and caption above the row."""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..fileio import check_writable, write_bytes_atomic
from .dataset import evenly_spaced, find_samples
from .format import is_sample, read_sample

LABEL_HEIGHT = 14
BACKGROUND = (245, 245, 245)
TEXT_COLOR = (20, 20, 20)
MAX_SHEET_PIXELS = 2**26


def _row_image(sample_dir: Path, max_views: int | None, thumb: int) -> tuple[Image.Image, str]:
    """The sample's views side by side on the sheet background, and its label text."""
    sample = read_sample(sample_dir)
    count = len(sample.cameras)
    indices = evenly_spaced(count, min(max_views, count)) if max_views else list(range(count))
    rgba = sample.rgba[indices].clamp(0, 1).mul(255).round().byte().permute(0, 2, 3, 1).numpy()
    row = Image.new("RGB", (thumb * len(indices), thumb), BACKGROUND)
    for column, pixels in enumerate(rgba):
        view = Image.fromarray(np.ascontiguousarray(pixels), mode="RGBA").resize((thumb, thumb), Image.LANCZOS)
        row.paste(view, (column * thumb, 0), view)
    label = sample_dir.name + (f": {sample.caption}" if sample.caption else "")
    return row, label


def contact_sheet(
    path: str | os.PathLike,
    max_samples: int | None = 16,
    max_views: int | None = None,
    thumb: int = 64,
    split: str | None = None,
) -> Image.Image:
    """A contact sheet of one sample folder or of the samples of a dataset folder.

    Args:
        path: a sample folder, or a dataset folder (with ``index.json`` or sample folders).
        max_samples: at most this many samples (the first, sorted by path); None for all.
        max_views: at most this many views per sample, evenly spaced around the orbit.
        thumb: the side of each view's thumbnail in pixels.
        split: only samples of this split (needs the dataset's ``index.json``).

    Returns:
        An RGB image: per sample a caption line, then its views left to right.
    """
    folders = find_samples(path, split)[:max_samples]
    rows = [_row_image(folder, max_views, thumb) for folder in folders]
    width = max(row.width for row, _ in rows)
    height = len(rows) * (thumb + LABEL_HEIGHT)
    if width * height > MAX_SHEET_PIXELS:
        raise ValueError(
            f"a {width}x{height} contact sheet is too large (at most {MAX_SHEET_PIXELS} pixels); "
            "lower --thumb, --max-views or --max-samples"
        )
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default()
    for i, (row, label) in enumerate(rows):
        top = i * (thumb + LABEL_HEIGHT)
        draw.text((2, top + 1), label, fill=TEXT_COLOR, font=font)
        sheet.paste(row, (0, top + LABEL_HEIGHT))
    return sheet


def default_sheet_path(path: str | os.PathLike) -> Path:
    """Where ``videomv data show PATH`` writes: into a dataset folder, but beside a sample folder
    (a PNG inside a sample would be taken for an unlisted view)."""
    path = Path(path)
    if is_sample(path):
        return path.with_name(f"{path.name}_contact_sheet.png")
    return path / "contact_sheet.png"


def write_contact_sheet(path: str | os.PathLike, out: str | os.PathLike | None = None, **options) -> Path:
    """Writes ``contact_sheet(path, **options)`` as a PNG (default :func:`default_sheet_path`).

    The destination is checked first and the sheet built before anything is written, so a
    failure leaves no file or folder behind.
    """
    out = Path(out) if out is not None else default_sheet_path(path)
    if out.is_dir():
        raise IsADirectoryError(f"--out {out} is a folder; give the PNG file to write")
    image_format = Image.registered_extensions().get(out.suffix.lower())
    if image_format is None:
        raise ValueError(f"--out {out}: unknown image type {out.suffix!r}; give a file name ending in .png")
    check_writable(out, "--out")
    sheet = contact_sheet(path, **options)
    buffer = io.BytesIO()
    sheet.save(buffer, format=image_format)
    write_bytes_atomic(out, buffer.getvalue())
    return out
