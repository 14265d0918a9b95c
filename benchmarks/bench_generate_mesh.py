"""``videomv generate --mesh``: the written ``mesh.glb`` against the Gaussians it was made from.

Reads a result folder of ``videomv generate --mesh`` and reports

* the extra time the mesh cost (``result.json``'s ``mesh`` timing) against the rest of the run;
* what trimesh makes of ``mesh.glb``: faces, textured or not, watertight once vertices at one
  position are merged (the UV atlas splits them along its seams);
* PSNR (full frame on white, and over the pixels both cover) and silhouette IoU of unlit renders
  of the file's mesh against the Gaussians' renders, at the generation cameras (the run's views,
  elevation, radius and field of view, or its camera file) and at ``--size`` pixels.

    videomv generate --image examples/images/gso_white_bowl.png --mesh --out bowl
    python benchmarks/bench_generate_mesh.py bowl --size 256
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch

from videomv.cameras import orbit
from videomv.gaussians import load_ply, rasterize, render_mesh
from videomv.gaussians.edit import up_axis_rotation
from videomv.gaussians.mesh import TriangleMesh
from videomv.pipelines.export import _read_camera_file


def load_glb(path: Path, up: str) -> tuple[TriangleMesh, bool, bool]:
    """The .glb as a z-up :class:`TriangleMesh` (texture kept), whether textured, whether watertight."""
    import trimesh

    shape = trimesh.load(path, force="mesh")
    vertices = np.asarray(shape.vertices, np.float32) @ up_axis_rotation(up, "z").numpy().T
    visual = shape.visual
    textured = isinstance(visual, trimesh.visual.TextureVisuals) and visual.material.baseColorTexture is not None
    mesh = TriangleMesh(vertices, np.asarray(shape.faces), np.zeros((len(vertices), 3), np.float32))
    if textured:
        mesh.uvs = np.asarray(visual.uv, np.float32)
        mesh.texture = np.asarray(visual.material.baseColorTexture.convert("RGB"))
    else:
        mesh.vertex_colors = np.asarray(visual.vertex_colors[:, :3], np.float32) / 255
    merged = shape.copy()
    merged.merge_vertices(merge_tex=True, merge_norm=True)
    return mesh, textured, bool(merged.is_watertight)


def generation_cameras(settings: dict, size: int):
    if settings.get("cameras"):
        cams = _read_camera_file(Path(settings["cameras"]))
        return cams.resized(size, size)
    return orbit(settings["views"], settings["elevation"], settings["radius"], settings["fov"], size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("result", type=Path, help="a result folder of videomv generate --mesh")
    parser.add_argument("--size", type=int, default=256, help="render size in pixels (default 256)")
    args = parser.parse_args()
    record = json.loads((args.result / "result.json").read_text())
    settings, timings = record["settings"], record["timings_s"]
    gaussians = load_ply(args.result / "gaussians.ply")
    mesh, textured, watertight = load_glb(args.result / "mesh.glb", settings.get("mesh_up", "y"))
    cams = generation_cameras(settings, args.size)
    with torch.no_grad():
        ref = rasterize(gaussians, cams, args.size, args.size, 1.0, "torch")
    target, silhouette = ref.rgb.clamp(0, 1).permute(0, 2, 3, 1).numpy(), ref.alpha[:, 0].numpy() > 0.5
    images, covered = render_mesh(mesh, cams.c2w.numpy(), cams.intrinsics.numpy(), args.size, args.size)
    psnr = -10 * np.log10(((images - target) ** 2).mean())
    both = covered & silhouette
    fg_psnr = -10 * np.log10(((images - target)[both] ** 2).mean())
    iou = both.sum() / max(1, (covered | silhouette).sum())
    rest = timings["total"] - timings["mesh"]
    print(f"{args.result}: {record['num_gaussians']} Gaussians, {len(cams)} generation cameras at {args.size}²")
    print(f"mesh: {len(mesh.faces)} faces, textured {textured}, watertight (seams merged) {watertight}")
    print(f"time: mesh {timings['mesh']:.1f} s extra; the rest of the run {rest:.1f} s ({timings['mesh'] / rest:.2f}x)")
    print(f"mesh renders vs Gaussian renders: PSNR {psnr:.2f} dB, foreground PSNR {fg_psnr:.2f} dB, IoU {iou:.3f}")


if __name__ == "__main__":
    main()
