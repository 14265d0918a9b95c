"""Assembles the model that ships inside the package from a diffusion run and a reconstructor run.

    python scripts/ship_default_model.py --diffusion runs/tiny-cpu-joint/pipeline \
        --reconstructor runs/reconstructor-x0/reconstructor --out src/videomv/weights/default

The diffusion pipeline gets the reconstructor (for 3D-aware sampling and the .ply), a few-step solver
as its scheduler with the default step count, and is written compactly (float16, the MiniLM text
encoder left to the installed package; see videomv.pipelines.packaging). docs/MODEL_CARD.md records
the runs that produced the inputs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from videomv.cli.generate import blend_weight, refine_steps
from videomv.models import GaussianReconstructor
from videomv.pipelines import VideoMVPipeline
from videomv.pipelines.packaging import folder_size_mb, save_compact
from videomv.sampling import DEFAULT_REFINE_STEPS, switch_solver

# The shipped model must fit in the package: the budget for all weights.
SIZE_BUDGET_MB = 60.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diffusion", type=Path, required=True, help="the diffusion run's pipeline folder")
    parser.add_argument("--reconstructor", type=Path, required=True, help="a GaussianReconstructor folder")
    parser.add_argument("--solver", default="dpmsolver++", help="scheduler the model samples with by default")
    parser.add_argument("--steps", type=int, default=10, help="default denoising steps")
    parser.add_argument("--guidance", type=float, default=3.5, help="default classifier-free guidance scale")
    parser.add_argument(
        "--timestep-spacing", default="trailing", help="trailing: start at t = 999, the zero-SNR schedule's pure noise"
    )
    parser.add_argument(
        "--clip-sample",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="clip x̂0 to [-1, 1] (DDIM and DDPM): right for pixel-space models, whose x̂0 are images",
    )
    parser.add_argument(
        "--3d-aware-steps",
        dest="three_d_aware_steps",
        type=refine_steps,
        default=list(DEFAULT_REFINE_STEPS),
        metavar="LIST",
        help="default 3D-aware schedule: fractions of the loop or step indices",
    )
    parser.add_argument(
        "--3d-aware-blend",
        dest="three_d_aware_blend",
        type=blend_weight,
        default=1.0,
        metavar="W",
        help="default weight of the renders in the refined x̂0",
    )
    parser.add_argument(
        "--3d-aware-anchor",
        dest="three_d_aware_anchor",
        action="store_true",
        help="the reconstructor sees the condition image itself as view 0 during 3D-aware sampling",
    )
    parser.add_argument("--out", type=Path, default=Path("src/videomv/weights/default"))
    args = parser.parse_args()
    inputs = ((args.diffusion, "model_index.json", "pipeline"), (args.reconstructor, "config.json", "reconstructor"))
    for folder, marker, kind in inputs:
        if not (folder / marker).is_file():
            parser.error(f"{folder} is not a {kind} folder (no {marker})")

    pipe = VideoMVPipeline.from_pretrained(args.diffusion)
    reconstructor = GaussianReconstructor.from_pretrained(args.reconstructor)
    pipe.register_modules(reconstructor=reconstructor)
    pipe.scheduler = switch_solver(
        pipe.scheduler, args.solver, timestep_spacing=args.timestep_spacing, clip_sample=args.clip_sample
    )
    pipe.register_to_config(
        num_inference_steps=args.steps, guidance_scale=args.guidance,
        three_d_aware_steps=args.three_d_aware_steps, three_d_aware_blend=args.three_d_aware_blend,
        three_d_aware_anchor=args.three_d_aware_anchor,
    )  # fmt: skip
    save_compact(pipe, args.out)
    size = folder_size_mb(args.out)
    print(f"wrote {args.out} ({size:.1f} MB)")
    if size > SIZE_BUDGET_MB:
        raise SystemExit(f"{args.out} is {size:.1f} MB, over the {SIZE_BUDGET_MB:.0f} MB budget")


if __name__ == "__main__":
    main()
