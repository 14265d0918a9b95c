"""Runs the shipped model on examples/ and composes the figures the README shows.

    python scripts/make_example_figures.py --out out/examples

For each example image and each prompt of examples/prompts.txt it runs ``videomv generate`` (default
settings, seed 0) into ``OUT/<name>/``, then writes ``docs/examples_image.png`` and
``docs/examples_text.png``: one row per example, the input (or the prompt) followed by the
generated views and frames of the orbit rendered from the Gaussians. It also writes
``docs/tiny_24_views.png``: the same input at 8 and at 24 views.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import imageio.v2 as imageio
import numpy as np
from PIL import Image, ImageDraw

from videomv.cli.main import main as videomv

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs"
TILE = 96  # pixels per tile in the figures
ORBIT_TILES = 4  # frames of the Gaussians' orbit shown per row


def _generate(out: Path, *args: str) -> Path:
    if not (out / "result.json").is_file():
        code = videomv(["-q", "generate", *args, "--out", str(out), "--no-progress", "--overwrite"])
        if code:
            raise SystemExit(f"videomv generate {' '.join(args)} failed ({code})")
    return out


def _tile(image: Image.Image | np.ndarray) -> Image.Image:
    image = Image.fromarray(image) if isinstance(image, np.ndarray) else image
    canvas = Image.new("RGB", image.size, "white")
    canvas.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
    return canvas.resize((TILE, TILE), Image.LANCZOS)


def _text_tile(text: str) -> Image.Image:
    tile = Image.new("RGB", (TILE, TILE), "white")
    words, lines = text.split(), [""]
    for word in words:
        lines[-1:] = [lines[-1], word] if len(lines[-1]) + len(word) > 14 else [(lines[-1] + " " + word).strip()]
    ImageDraw.Draw(tile).multiline_text((4, 4), "\n".join(line for line in lines if line), fill="black")
    return tile


def _row(first: Image.Image, result: Path, views: int | None = None) -> list[Image.Image]:
    paths = sorted((result / "views").glob("*.png"))[:views]
    tiles = [first, *(_tile(Image.open(p)) for p in paths)]
    orbit = imageio.mimread(result / "gaussians_orbit.mp4")
    picks = np.linspace(0, len(orbit), ORBIT_TILES, endpoint=False).astype(int)
    return tiles + [_tile(orbit[i]) for i in picks]


def _sheet(rows: list[list[Image.Image]], path: Path) -> None:
    width = max(len(r) for r in rows)
    sheet = Image.new("RGB", (width * TILE, len(rows) * TILE), "white")
    for y, row in enumerate(rows):
        for x, tile in enumerate(row):
            sheet.paste(tile, (x * TILE, y * TILE))
    sheet.save(path)
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/examples"))
    args = parser.parse_args()

    image_rows = []
    for image in sorted((EXAMPLES / "images").glob("*.png")):
        result = _generate(args.out / image.stem, "--image", str(image))
        image_rows.append(_row(_tile(Image.open(image)), result))
    _sheet(image_rows, DOCS / "examples_image.png")

    text_rows = []
    for prompt in (EXAMPLES / "prompts.txt").read_text().splitlines():
        name = re.sub(r"[^a-z0-9]+", "_", prompt.lower()).strip("_")
        result = _generate(args.out / f"prompt_{name}", "--prompt", prompt)
        text_rows.append(_row(_text_tile(prompt), result))
    _sheet(text_rows, DOCS / "examples_text.png")

    scene = EXAMPLES / "images" / "cone_beside_torus.png"
    many = _generate(args.out / "views24", "--image", str(scene), "--views", "24")
    few = args.out / "cone_beside_torus"
    _sheet([_row(_tile(Image.open(scene)), few), _row(_tile(Image.open(scene)), many)], DOCS / "tiny_24_views.png")
    timings = {p.name: json.loads((p / "result.json").read_text())["timings_s"]["total"] for p in args.out.iterdir()}
    print(json.dumps(timings, indent=1))


if __name__ == "__main__":
    main()
