"""Overhead of the camera conditioning against the bare diffusers UNet forward, same inputs, same process.

The bare model is diffusers' own class (``UNet3DConditionModel`` / ``I2VGenXLUNet``) holding the same
weights; the camera model additionally runs the camera MLP and its block hooks. Runs are interleaved
(bare, camera, bare, camera, ...) so that load changes on a shared machine hit both alike, and the
median of each is reported.

    python benchmarks/bench_unet.py                      # tiny-cpu preset, 8 views at 32x32
    python benchmarks/bench_unet.py --preset t2v-modelscope --sample-size 0 --device cuda --dtype float16 --views 24
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch
from diffusers import I2VGenXLUNet, UNet3DConditionModel

from videomv.cameras import orbit
from videomv.models import CameraI2VGenXLUNet, get_preset


def _inputs(unet: torch.nn.Module, batch: int, views: int, device: str, dtype: torch.dtype) -> dict:
    config = unet.config
    generator = torch.Generator().manual_seed(0)
    size = config.sample_size
    kwargs = {
        "sample": torch.randn(batch, config.in_channels, views, size, size, generator=generator),
        "timestep": torch.tensor(500),
        "encoder_hidden_states": torch.randn(batch, 77, config.cross_attention_dim, generator=generator),
    }
    if isinstance(unet, I2VGenXLUNet):
        kwargs["fps"] = torch.full((batch,), 16)
        kwargs["image_latents"] = torch.randn(batch, 4, views, size, size, generator=generator)
        kwargs["image_embeddings"] = torch.randn(batch, 1, config.cross_attention_dim, generator=generator)
    return {k: v.to(device=device, dtype=dtype if v.is_floating_point() else v.dtype) for k, v in kwargs.items()}


def _time(fn, device: str) -> float:
    if device.startswith("cuda"):
        torch.cuda.synchronize()
    start = time.perf_counter()
    fn()
    if device.startswith("cuda"):
        torch.cuda.synchronize()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", default="tiny-cpu", help="model preset (videomv.models.PRESETS)")
    parser.add_argument("--views", type=int, default=8)
    parser.add_argument("--batch", type=int, default=2, help="2 = one guided step (conditional + unconditional)")
    parser.add_argument("--sample-size", type=int, default=32, help="latent size (0 = the preset's own)")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--dtype", default="float32", choices=["float32", "float16", "bfloat16"])
    args = parser.parse_args()
    dtype = getattr(torch, args.dtype)

    preset = get_preset(args.preset)
    overrides = {"sample_size": args.sample_size} if args.sample_size else {}
    camera = preset.build_unet(**overrides)
    with torch.no_grad():  # a trained (non-zero) camera MLP; the cost is the same either way
        camera.camera_embedding.linear_2.weight.normal_(0, 0.01)
    base_cls = I2VGenXLUNet if isinstance(camera, CameraI2VGenXLUNet) else UNet3DConditionModel
    base_config = {k: v for k, v in camera.config.items() if not k.startswith(("_", "camera_"))}
    bare = base_cls(**base_config)
    bare.load_state_dict(camera.state_dict(), strict=False)
    camera, bare = (m.to(device=args.device, dtype=dtype).eval() for m in (camera, bare))

    inputs = _inputs(bare, args.batch, args.views, args.device, dtype)
    poses = camera.camera_inputs(orbit(args.views, size=64), args.batch).to(args.device, dtype)

    def camera_part_alone() -> None:
        # What the camera model adds, without the UNet: the MLP and the hooks' registration/removal.
        flat = poses.reshape(-1, poses.shape[-1])
        with camera._camera_hooks(camera.camera_embedding(flat)):
            pass

    runs = {
        "bare": lambda: bare(**inputs),
        "camera": lambda: camera(**inputs, camera_embedding=poses),
        "camera_part": camera_part_alone,
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    with torch.no_grad():
        for i in range(args.warmup + args.repeats):
            for name, fn in runs.items():
                elapsed = _time(fn, args.device)
                if i >= args.warmup:
                    times[name].append(elapsed)

    parameters = sum(p.numel() for p in bare.parameters())
    camera_parameters = sum(p.numel() for p in camera.camera_embedding.parameters())
    size = camera.config.sample_size
    print(
        f"preset {args.preset}: {parameters / 1e6:.2f} M UNet + {camera_parameters / 1e6:.3f} M camera MLP, "
        f"input {args.batch}x{camera.config.in_channels}x{args.views}x{size}x{size}, {args.device} {args.dtype}, "
        f"{torch.get_num_threads()} threads, {args.repeats} interleaved repeats"
    )
    median = {name: statistics.median(values) * 1e3 for name, values in times.items()}
    best = {name: min(values) * 1e3 for name, values in times.items()}
    print(f"{'model':<28}{'median ms':>12}{'ratio':>8}{'best ms':>12}{'ratio':>8}")
    rows = [
        ("diffusers " + base_cls.__name__, "bare"),
        (type(camera).__name__, "camera"),
        ("camera MLP + hooks alone", "camera_part"),
    ]
    for label, name in rows:
        print(
            f"{label:<28}{median[name]:>12.2f}{median[name] / median['bare']:>8.4f}"
            f"{best[name]:>12.2f}{best[name] / best['bare']:>8.4f}"
        )
    print(
        f"overhead: {100 * (best['camera'] / best['bare'] - 1):+.2f} % end to end (best of {args.repeats}; "
        f"machine noise included), {100 * median['camera_part'] / median['bare']:.3f} % from the camera part "
        "alone (goal <= 3 %)"
    )


if __name__ == "__main__":
    main()
