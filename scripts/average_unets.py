"""Averages the UNet weights of diffusion pipelines of one architecture (a "model soup").

    python scripts/average_unets.py runs/gpu-warm2/pipeline runs/gpu-warm3/pipeline --out runs/soup23/pipeline

The output is a copy of the first folder with its UNet replaced by the element-wise mean of all the
UNets (in float32). Two consecutive runs of one model (a run and its continuation) average well;
unrelated runs do not. docs/MODEL_CARD.md records where the shipped model used this.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

from videomv.fileio import staged_folder

WEIGHTS = Path("unet") / "diffusion_pytorch_model.safetensors"
CONFIG = Path("unet") / "config.json"


def average_unet_weights(folders: list[Path]) -> dict[str, torch.Tensor]:
    """The mean of the folders' UNet weights; a ValueError when their architectures differ."""
    configs = [json.loads((folder / CONFIG).read_text()) for folder in folders]
    # Keys starting with "_" (class name, diffusers version) may differ without changing the architecture.
    structural = [{k: v for k, v in c.items() if not k.startswith("_")} for c in configs]
    if any(c != structural[0] for c in structural[1:]):
        names = ", ".join(map(str, folders))
        raise ValueError(f"the UNets of {names} differ in configuration; only one architecture averages")
    total: dict[str, torch.Tensor] = {}
    for folder in folders:
        weights = load_file(folder / WEIGHTS)
        if total and weights.keys() != total.keys():
            raise ValueError(f"{folder}: its UNet has other tensors than {folders[0]}'s")
        for name, value in weights.items():
            total[name] = total.get(name, 0) + value.float()
    return {name: value / len(folders) for name, value in total.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+", help="pipeline folders (two or more)")
    parser.add_argument("--out", type=Path, required=True, help="the new pipeline folder (must not exist)")
    args = parser.parse_args()
    if len(args.folders) < 2:
        parser.error("give two or more pipeline folders")
    missing = [str(f) for f in args.folders if not (f / WEIGHTS).is_file()]
    if missing:
        parser.error(f"no {WEIGHTS} in {', '.join(missing)}: give pipeline folders")
    if args.out.exists():
        parser.error(f"{args.out} exists; choose a new folder")
    weights = average_unet_weights(args.folders)
    # Staged next to the target and renamed, so an interrupted run leaves no half-written folder.
    with staged_folder(args.out) as staging:
        shutil.copytree(args.folders[0], staging, dirs_exist_ok=True)
        save_file(weights, staging / WEIGHTS)
    print(f"wrote {args.out}: the mean of {len(args.folders)} UNets")


if __name__ == "__main__":
    main()
