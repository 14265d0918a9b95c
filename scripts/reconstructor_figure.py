"""Draws what reconstructors make of ground-truth views: ``docs/reconstructor_gso.png``.

    python scripts/reconstructor_figure.py --data out/data/libero_s0 \\
        --reconstructor "session 4=OLD_FOLDER" --reconstructor "shipped=src/videomv/weights/default/reconstructor"

For each object (default: the three Google Scanned Objects scans held out, the only objects whose
images the project may show) one row of ground-truth views at 8 evenly spaced cameras, then one
row per reconstructor: its Gaussians from 4 of those views (0°, 90°, 180°, 270°) rendered at all 8.
Each row is labelled with its mean PSNR against the ground truth.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw

from videomv.data.format import read_sample
from videomv.evaluation.consistency import reconstructor_consistency
from videomv.evaluation.objects import object_from_sample
from videomv.fileio import write_bytes_atomic
from videomv.models import GaussianReconstructor

ROOT = Path(__file__).resolve().parents[1]
GSO_HELDOUT = ("plate", "red_bowl", "yellow_plate")
TILE = 96  # pixels per tile
LABEL_WIDTH = 150
VIEWS = 8
INPUT_VIEWS = [0, 2, 4, 6]  # 0°, 90°, 180°, 270°


def _labelled_row(label: str, views: torch.Tensor) -> Image.Image:
    tiles = (views.clamp(0, 1).permute(0, 2, 3, 1).numpy() * 255).round().astype(np.uint8)
    row = Image.new("RGB", (LABEL_WIDTH + TILE * len(tiles), TILE), "white")
    for i, tile in enumerate(tiles):
        row.paste(Image.fromarray(tile).resize((TILE, TILE), Image.LANCZOS), (LABEL_WIDTH + i * TILE, 0))
    ImageDraw.Draw(row).multiline_text((4, 4), label, fill="black")
    return row


@torch.no_grad()
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a dataset built with videomv data build")
    parser.add_argument(
        "--reconstructor", action="append", required=True, metavar="LABEL=FOLDER",
        help="a GaussianReconstructor folder and its row label (repeatable)",
    )  # fmt: skip
    parser.add_argument("--objects", default=",".join(GSO_HELDOUT), help="comma-separated held-out object names")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reconstructor_gso.png")
    args = parser.parse_args()

    models = []
    for spec in args.reconstructor:
        label, sep, folder = spec.partition("=")
        if not sep or not Path(folder, "config.json").is_file():
            raise SystemExit(f"--reconstructor {spec!r}: give LABEL=FOLDER with a reconstructor folder")
        models.append((label, GaussianReconstructor.from_pretrained(folder).float().eval()))

    rows = []
    for name in args.objects.split(","):
        folder = args.data / "heldout" / name
        if not folder.is_dir():
            raise SystemExit(f"{folder} not found; build the data first (videomv data build --source libero ...)")
        obj = object_from_sample(name, read_sample(folder), num_views=VIEWS)  # on white, like the model's views
        rows.append(_labelled_row(f"{name}\nground truth", obj.views))
        for label, model in models:
            result = reconstructor_consistency(obj.views, obj.cameras, model, INPUT_VIEWS)
            rows.append(_labelled_row(f"{label}\n{result.summary()['psnr']:.1f} dB", result.renders))
    sheet = Image.new("RGB", (rows[0].width, TILE * len(rows)), "white")
    for i, row in enumerate(rows):
        sheet.paste(row, (0, i * TILE))
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG")
    write_bytes_atomic(args.out, buffer.getvalue())
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
