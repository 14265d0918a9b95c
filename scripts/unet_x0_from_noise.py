"""Scores the diffusion UNet's clean-view estimate from pure noise against copying the input view.

    python scripts/unet_x0_from_noise.py --data out/data/libero_s0 --split heldout

At the first step of sampling (t = 999 on a zero-terminal-SNR schedule) the UNet sees only noise
and the condition image, so its x̂0 is its mean-squared-error estimate of the views given that
image. Copying the image is one such estimate: a model trained far enough should score at least as
well on data like its training set. Prints PSNR on the novel views per object: x̂0 (conditional
branch, no guidance) and the copy (docs/MODEL_CARD.md, "The UNet has not even learned to copy").
"""

from __future__ import annotations

import argparse

import torch

from videomv.evaluation.metrics import psnr
from videomv.evaluation.objects import data_objects
from videomv.pipelines.export import load_pipeline


def x0_estimate(pipe, obj, timestep: int, seed: int) -> torch.Tensor:
    """``(F, 3, H, W)`` x̂0 in [0, 1] of ``obj``'s ground-truth views noised to ``timestep``."""
    device = torch.device("cpu")
    clean = pipe.encode_images((obj.views * 2 - 1)[None]).permute(0, 2, 1, 3, 4)  # (1, C, F, h, w)
    noise = torch.randn(clean.shape, generator=torch.Generator().manual_seed(seed))
    alpha = pipe.scheduler.alphas_cumprod[timestep]
    noisy = alpha.sqrt() * clean + (1 - alpha).sqrt() * noise
    condition, _ = pipe._image_conditions(obj.condition[None], len(obj.views), device, None)
    text = pipe.encode_prompt([pipe.config.prompt_suffix], device)  # image models run with an empty prompt
    cameras = pipe.unet.camera_inputs(obj.cameras, 1)
    model_input = torch.cat([noisy, condition["concat"]], dim=1)
    velocity = pipe.unet(model_input, torch.tensor([timestep]), text, camera_embedding=cameras).sample
    estimate = alpha.sqrt() * noisy - (1 - alpha).sqrt() * velocity  # v-prediction
    return ((pipe.decode_latents(estimate.permute(0, 2, 1, 3, 4)).float() + 1) / 2)[0].clamp(0, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--split", default="heldout")
    parser.add_argument("--model", default=None, help="a pipeline folder (default: the shipped model)")
    parser.add_argument("--views", type=int, default=8)
    parser.add_argument("--timestep", type=int, default=999)
    parser.add_argument("--seed", type=int, default=999)
    args = parser.parse_args()
    pipe = load_pipeline(args.model, "cpu", "float32", progress=False)
    if pipe.conditioning != "concat":
        raise SystemExit("this script needs an image model that concatenates the condition image")
    rows = []
    for source in data_objects(args.data, args.split, num_views=args.views, size=pipe.image_size):
        obj = source.load()
        with torch.no_grad():
            estimate = x0_estimate(pipe, obj, args.timestep, args.seed)
        novel = obj.views[1:]
        row = (psnr(estimate[1:], novel).mean().item(), psnr(obj.condition.expand_as(novel), novel).mean().item())
        rows.append(row)
        print(f"{obj.name:40s} x0 {row[0]:6.2f} dB   copy {row[1]:6.2f} dB", flush=True)
    mean = [sum(column) / len(rows) for column in zip(*rows, strict=True)]
    print(f"{'mean':40s} x0 {mean[0]:6.2f} dB   copy {mean[1]:6.2f} dB")


if __name__ == "__main__":
    main()
