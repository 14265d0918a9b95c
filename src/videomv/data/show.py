"""Contact sheets: one row of views per sample, with its name and caption above the row."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .dataset import evenly_spaced, find_samples
from .format import read_sample

LABEL_HEIGHT = 14
BACKGROUND = (245, 245, 245)
TEXT_COLOR = (20, 20, 20)


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
    sheet = Image.new("RGB", (width, len(rows) * (thumb + LABEL_HEIGHT)), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default()
    for i, (row, label) in enumerate(rows):
        top = i * (thumb + LABEL_HEIGHT)
        draw.text((2, top + 1), label, fill=TEXT_COLOR, font=font)
        sheet.paste(row, (0, top + LABEL_HEIGHT))
    return sheet


def write_contact_sheet(path: str | os.PathLike, out: str | os.PathLike | None = None, **options) -> Path:
    """Writes ``contact_sheet(path, **options)`` as a PNG (default ``<path>/contact_sheet.png``)."""
    out = Path(out) if out is not None else Path(path) / "contact_sheet.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    contact_sheet(path, **options).save(out)
    return out
