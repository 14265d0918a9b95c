"""Meshes of held-out real objects against their true meshes: fit (24 true views), reconstructor (4), generate.

For each sample of ``DATA/heldout`` (a ``videomv data build --source libero`` folder, whose
``index.json`` names each object's mesh file in the LIBERO cache) it makes three meshes with the
default meshing options and scores them with ``videomv eval mesh``:

* ``fit``: ``videomv fit`` on all the sample's true views, ``--mesh``;
* ``reconstructor``: the shipped model's reconstructor on 4 true views (0°, 90°, 180°, 270° for 24),
  meshed like ``videomv mesh``;
* ``generate``: ``videomv generate --image VIEW_0 --mesh`` with the shipped model (its orbit is the
  data's when the data was rendered at its elevation and radius), scored also with
  ``--normalize-prediction`` since the generation's scale follows the recentred input image.

    videomv data build --source libero --split heldout --limit 4 --views 24 --size 64 --elevation-range 5 --out data/h64
    python benchmarks/mesh_heldout.py data/h64 --out out/mesh-heldout
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import torch

from videomv.cli.mesh import write_mesh
from videomv.data.format import read_sample
from videomv.evaluation.consistency import evenly_spaced_views
from videomv.gaussians.mesh import MeshOptions
from videomv.pipelines.export import load_pipeline


def videomv(*argv: object) -> None:
    subprocess.run([sys.executable, "-m", "videomv.cli.main", "-q", *map(str, argv)], check=True)


def true_mesh(cache: Path, meta: dict) -> Path:
    matches = [p for p in cache.rglob(meta["files"][0].split("/", 1)[-1]) if p.as_posix().endswith(meta["files"][0])]
    if not matches:
        raise FileNotFoundError(f"{meta['files'][0]} is not in {cache}; run videomv data build first")
    return matches[0]


def reconstructor_mesh(pipe, sample_dir: Path, out: Path) -> None:
    sample = read_sample(sample_dir)
    views = sample.composited(1.0)
    inputs = evenly_spaced_views(len(views), pipe.reconstructor.config.num_input_views)
    size = pipe.image_size
    pixels = torch.nn.functional.interpolate(views[inputs], size=(size, size), mode="bilinear", antialias=True)
    gaussians = pipe.reconstructor.reconstruct(pixels, sample.cameras[inputs].resized(size, size))
    write_mesh(gaussians.to(device="cpu", dtype=torch.float32), out, MeshOptions(), "y", progress=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a videomv data build --source libero folder")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=4)
    parser.add_argument("--fit-steps", type=int, default=600)
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("VIDEOMV_CACHE", "~/.cache/videomv")))
    args = parser.parse_args()
    cache = args.cache.expanduser() / "libero"
    index = json.loads((args.data / "index.json").read_text())["samples"]
    samples = [s for s in index if s["split"] == "heldout"][: args.limit]
    pipe = load_pipeline(device="cpu", progress=False)
    rows = {}
    for sample in samples:
        folder, work = args.data / sample["path"], args.out / sample["name"]
        work.mkdir(parents=True, exist_ok=True)
        truth = true_mesh(cache, sample["meta"])
        if not (work / "fit.glb").exists():
            videomv("fit", folder, "--out", work / "fit.ply", "--mesh", work / "fit.glb", "--steps", args.fit_steps,
                    "--quiet-progress")  # fmt: skip
        if not (work / "reconstructor.glb").exists():
            reconstructor_mesh(pipe, folder, work / "reconstructor.glb")
        if not (work / "generate" / "mesh.glb").exists():
            videomv("generate", "--image", folder / "000.png", "--mesh", "--out", work / "generate", "--no-progress")
        (work / "generate.glb").write_bytes((work / "generate" / "mesh.glb").read_bytes())
        meshes = [work / "fit.glb", work / "reconstructor.glb", work / "generate.glb"]
        videomv("eval", "mesh", *meshes, "--truth", truth, "--out", work / "eval", "--overwrite")
        videomv("eval", "mesh", *meshes, "--truth", truth, "--out", work / "eval-normalized", "--overwrite",
                "--normalize-prediction")  # fmt: skip
        kinds = ("eval", "eval-normalized")
        rows[sample["name"]] = {k: json.loads((work / k / "metrics.json").read_text())["meshes"] for k in kinds}
    (args.out / "table.json").write_text(json.dumps(rows, indent=1) + "\n")
    print("object | mesh | Chamfer | F@0.02 | F@0.05 | Chamfer (normalised) | F@0.05 (normalised)")
    for name, kinds in rows.items():
        for mesh, scores in kinds["eval"].items():
            normed = kinds["eval-normalized"][mesh]
            print(
                f"{name} | {Path(mesh).stem} | {scores['chamfer']:.4f} | {scores['fscore@0.02']:.3f} | "
                f"{scores['fscore@0.05']:.3f} | {normed['chamfer']:.4f} | {normed['fscore@0.05']:.3f}"
            )


if __name__ == "__main__":
    main()
