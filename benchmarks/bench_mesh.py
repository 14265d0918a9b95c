"""Meshes from Gaussians: time per stage, closedness, and how well the mesh's renders match the Gaussians'.

For one model (``--ply``, e.g. the ``gaussians.ply`` of ``videomv generate``; default a
fixture: 20,000 opaque Gaussians on a sphere of radius 0.4, coloured by position), with the
default :class:`MeshOptions` and with vertex colours only (``--texture none``):

* seconds for the density grid, the surface (clean-up, marching cubes, decimation) and the colour
  (UV atlas and texture baking), and their ratio to rendering the Gaussians at the cameras once
  (the baseline, measured in the same run);
* whether the surface is closed: every edge shared by two triangles of opposite direction (before
  the UV atlas splits vertices along its seams), and whether trimesh calls the file's mesh
  watertight once vertices at equal positions are merged (a decimation pinch, two vertices at one
  point, fails that check but not the first);
* PSNR (full frame on white, and over the pixels both cover) and silhouette IoU of unlit mesh renders against the
  Gaussians' renders at ``--views`` cameras on an orbit (``--elevation``, ``--radius``; the
  image model's generation cameras by default).

    python benchmarks/bench_mesh.py
    python benchmarks/bench_mesh.py --ply out/bowl/gaussians.ply --size 128
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch

from videomv.cameras import orbit
from videomv.gaussians import Gaussians, MeshOptions, gaussians_to_mesh, load_ply, rasterize, render_mesh


def sphere_fixture(n: int = 20_000) -> Gaussians:
    gen = torch.Generator().manual_seed(0)
    d = torch.nn.functional.normalize(torch.randn(n, 3, generator=gen), dim=1)
    return Gaussians.from_activated(
        d * 0.4, torch.randn(n, 4, generator=gen), torch.full((n, 3), 0.012), torch.full((n,), 0.9), 0.5 + 0.4 * d
    )


def closed(mesh) -> bool:
    import trimesh

    shape = trimesh.Trimesh(mesh.vertices, mesh.faces, process=False)
    shape.merge_vertices()
    return bool(shape.is_watertight)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ply", type=Path, default=None, help="the Gaussians (default: the sphere fixture)")
    parser.add_argument("--views", type=int, default=8)
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--elevation", type=float, default=5.0)
    parser.add_argument("--radius", type=float, default=1.7)
    args = parser.parse_args()
    gaussians = load_ply(args.ply) if args.ply else sphere_fixture()
    cams = orbit(args.views, args.elevation, args.radius, 39.6, args.size)
    start = time.perf_counter()
    with torch.no_grad():
        ref = rasterize(gaussians, cams, args.size, args.size, 1.0, "torch")
    baseline = time.perf_counter() - start
    target, silhouette = ref.rgb.permute(0, 2, 3, 1).numpy(), ref.alpha[:, 0].numpy() > 0.5
    print(f"{len(gaussians)} Gaussians ({args.ply or 'sphere fixture'}); {args.views} views at {args.size}²")
    print(f"baseline: rendering the Gaussians at the cameras {baseline:.2f} s")
    header = "texture | total s | grid s | surface s | colour s | x baseline | faces | closed | trimesh"
    header += " | PSNR dB | fg PSNR | IoU"
    print(header + "\n" + "-" * len(header))
    for name, options in (("uv 1024²", MeshOptions()), ("none", MeshOptions(texture_size=0))):
        start = time.perf_counter()
        mesh = gaussians_to_mesh(gaussians, options)
        total = time.perf_counter() - start
        images, covered = render_mesh(mesh, cams.c2w.numpy(), cams.intrinsics.numpy(), args.size, args.size)
        psnr = -10 * np.log10(((images - target) ** 2).mean())
        both = covered & silhouette
        fg_psnr = -10 * np.log10(((images - target)[both] ** 2).mean())
        iou = (covered & silhouette).sum() / max(1, (covered | silhouette).sum())
        info = mesh.info
        print(
            f"{name} | {total:.2f} | {info['grid_s']:.2f} | {info['surface_s']:.2f} | {info['colour_s']:.2f} | "
            f"{total / baseline:.2f} | {info['faces']} | {info['closed']} | {closed(mesh)} | {psnr:.2f} | "
            f"{fg_psnr:.2f} | {iou:.3f}"
        )


if __name__ == "__main__":
    main()
