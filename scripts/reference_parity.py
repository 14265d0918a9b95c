"""Runs the reference VideoMV code and ours on identical inputs, stage by stage, and writes test fixtures.

Usage::

    python scripts/reference_parity.py REF_DIR [--fixtures tests/fixtures/reference_parity.safetensors]

``REF_DIR`` is a checkout of github.com/alibaba/VideoMV at commit c434922 that the user fetched (nothing of
it is vendored or copied here). The reference's modules are imported from it and built with small random
weights; the same weights are converted with our converters, both run on the same inputs, and a table of
the largest relative differences is printed. The inputs, tiny weights and reference outputs are written
as one safetensors file (with a JSON header of settings) that ``tests/test_reference_parity.py`` checks ours
against without the reference code.

Stand-ins, used only for packages that are missing here and whose maths the stages below never run:
``tyro`` (the reference's option parser, used at import time only), ``kiui`` (LPIPS loss and camera
helpers of LGM training), ``diff_gaussian_rasterization`` (the CUDA rasterizer: imported by the LGM
module, unused by the stages below), ``xformers`` is optional in the reference's LGM attention (it then
uses plain attention). The reference packages ``tools`` and ``tools.modules`` are entered without
running their ``__init__`` (which imports every model and CUDA-only kernels).

Stages done: ``ddim`` (one guided DDIM step of the reference ``DiffusionDDIM.ddim_sample`` against our
scheduler step with classifier-free guidance, text and image schedules, first / middle / last step) and
``lgm`` (the reference LGM's ``forward_gaussians`` against our converted ``GaussianReconstructor`` on the
same 9-channel inputs). Not yet done (see docs/full_scale.md): UNet outputs, one 3D-aware refinement of
both branches, a 3-step loop with a refinement.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import importlib.util
import json
import sys
import types
from collections.abc import Callable
from pathlib import Path

import torch

DEFAULT_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "reference_parity.safetensors"
# Largest relative difference (max |ours - reference| / max |reference|) a stage may show in float32.
TOLERANCE = 1e-4
# DDIM loop indices checked: the first step, a 3D-aware one (t = 581) and the last (t = 1, final alpha).
DDIM_STEPS = (0, 20, 49)
# Reference diffusion settings (configs/t2v_train.yaml:61-74, configs/i2vgen_xl_train.yaml:63-76).
REFERENCE_DIFFUSION = {
    "text": {
        "schedule": "linear_sd",
        "schedule_param": {
            "num_timesteps": 1000,
            "init_beta": 0.00085,
            "last_beta": 0.0120,
            "zero_terminal_snr": False,
        },
        "mean_type": "eps",
        "var_type": "fixed_small",
    },
    "image": {
        "schedule": "cosine",
        "schedule_param": {"num_timesteps": 1000, "cosine_s": 0.008, "zero_terminal_snr": True},
        "mean_type": "v",
        "var_type": "fixed_small",
    },
}
GUIDANCE = {"text": 9.0, "image": 6.0}
# A tiny LGM the reference's hard-coded 32 groups and 16 heads accept: 32² inputs, 16² splat maps.
TINY_LGM = {
    "input_size": 32,
    "down_channels": (32, 64),
    "down_attention": (False, True),
    "mid_attention": True,
    "up_channels": (64,),
    "up_attention": (True,),
    "splat_size": 16,
}


# ----------------------------------------------------------------------------------------- importing


def _stand_in(name: str, **attributes: object) -> None:
    """Registers an empty module ``name`` with ``attributes`` unless the real one imports."""
    try:
        importlib.import_module(name)
    except ImportError:
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        sys.modules[name] = module


class _Unavailable:
    """A class the reference imports but the stages never instantiate."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError(f"{type(self).__name__} is a stand-in of reference_parity.py and cannot run")


def _package(name: str, path: Path) -> None:
    """Registers ``name`` as a package at ``path`` without running its ``__init__``."""
    module = types.ModuleType(name)
    module.__path__ = [str(path)]
    sys.modules[name] = module


def import_reference(ref_dir: Path) -> types.SimpleNamespace:
    """The reference modules the stages use, imported from ``ref_dir``."""
    for required in ("core/models.py", "tools/modules/diffusions/diffusion_ddim.py", "utils/registry_class.py"):
        if not (ref_dir / required).is_file():
            raise FileNotFoundError(f"{ref_dir / required} not found: give a checkout of alibaba/VideoMV (c434922)")
    extras = types.SimpleNamespace(subcommand_type_from_defaults=lambda *args, **kwargs: None)
    _stand_in("tyro", extras=extras)
    _stand_in("kiui")
    _stand_in("kiui.lpips", LPIPS=type("LPIPS", (_Unavailable,), {}))
    _stand_in("kiui.cam", orbit_camera=None)
    names = ("GaussianRasterizationSettings", "GaussianRasterizer")
    _stand_in("diff_gaussian_rasterization", **{name: type(name, (_Unavailable,), {}) for name in names})
    sys.path.insert(0, str(ref_dir))
    _package("tools", ref_dir / "tools")
    _package("tools.modules", ref_dir / "tools" / "modules")
    ddim = importlib.import_module("tools.modules.diffusions.diffusion_ddim")
    options = importlib.import_module("core.options")
    models = importlib.import_module("core.models")
    return types.SimpleNamespace(DiffusionDDIM=ddim.DiffusionDDIM, Options=options.Options, LGM=models.LGM)


# ------------------------------------------------------------------------------------------- stages


def _relative(ours: torch.Tensor, reference: torch.Tensor) -> float:
    return float((ours.double() - reference.double()).abs().max() / reference.double().abs().max().clamp_min(1e-12))


def toy_model(weights: torch.Tensor) -> Callable[..., torch.Tensor]:
    """A fixed, t-dependent map standing for the UNet: ``tanh(W x + y) * (1 + t / 1000)`` per channel."""

    def model(x: torch.Tensor, t: torch.Tensor, y: torch.Tensor, **_: object) -> torch.Tensor:
        mixed = torch.einsum("oc,bcfhw->bofhw", weights.to(x), x) + y.to(x)
        return torch.tanh(mixed) * (1 + t.to(x).view(-1, 1, 1, 1, 1) / 1000)

    return model


def ddim_stage(ref: types.SimpleNamespace, task: str, data: dict[str, torch.Tensor]) -> dict[str, float]:
    """One guided DDIM step at each of :data:`DDIM_STEPS`: the reference's and ours (converted settings)."""
    from videomv.models.configs import REFERENCE_SCHEDULER_SETTINGS
    from videomv.sampling import classifier_free_guidance, make_scheduler

    diffusion = ref.DiffusionDDIM(**REFERENCE_DIFFUSION[task])
    preset = {"text": "t2v-modelscope", "image": "i2v-i2vgenxl"}[task]
    scheduler = make_scheduler("ddim", preset, **REFERENCE_SCHEDULER_SETTINGS[task])
    scheduler.set_timesteps(50)
    model = toy_model(data["ddim.weights"])
    results = {}
    for index in DDIM_STEPS:
        t = scheduler.timesteps[index]
        xt = data["ddim.xt"]
        kwargs = [{"y": data["ddim.y_cond"]}, {"y": data["ddim.y_uncond"]}]
        reference, _ = diffusion.ddim_sample(
            xt.double(), torch.full((1,), int(t)), model, model_kwargs=kwargs, guide_scale=GUIDANCE[task],
            ddim_timesteps=50, eta=0.0,
        )  # fmt: skip
        out = classifier_free_guidance(
            model(xt, t.view(1), **kwargs[0]), model(xt, t.view(1), **kwargs[1]), GUIDANCE[task]
        )
        ours = scheduler.step(out, t, xt, eta=0.0).prev_sample
        data[f"ddim.{task}.step{index}"] = reference.float()
        results[f"ddim {task} step {index} (t={int(t)})"] = _relative(ours, reference)
    return results


def lgm_stage(ref: types.SimpleNamespace, data: dict[str, torch.Tensor]) -> dict[str, float]:
    """The reference LGM's activated Gaussians against our converted reconstructor's, same inputs."""
    from videomv.models.configs import REFERENCE_RECONSTRUCTOR_SETTINGS
    from videomv.models.vgen_convert import convert_reconstructor

    fields = {f.name for f in dataclasses.fields(ref.Options)}
    options = ref.Options(**{k: v for k, v in TINY_LGM.items() if k in fields}, lambda_lpips=0.0)
    renderer = sys.modules["core.models"].GaussianRenderer
    sys.modules["core.models"].GaussianRenderer = lambda opt: None  # CUDA-only, and not run by forward_gaussians
    try:
        torch.manual_seed(0)
        lgm = ref.LGM(options).eval()
    finally:
        sys.modules["core.models"].GaussianRenderer = renderer
    with torch.no_grad():
        for parameter in lgm.parameters():  # weights of a trained scale, not LGM's near-zero init
            parameter.copy_(torch.randn_like(parameter) * 0.05)
        reference = lgm.forward_gaussians(data["lgm.inputs"])
    state = {key: value.clone() for key, value in lgm.state_dict().items()}
    ours_model = convert_reconstructor(
        state, torch.float32, input_size=TINY_LGM["input_size"], **REFERENCE_RECONSTRUCTOR_SETTINGS
    )
    with torch.no_grad():
        maps = ours_model.forward_maps(data["lgm.inputs"])
        ours = ours_model.activate(maps, rotation_dim=1)
    data.update({f"lgm.weights.{key}": value for key, value in state.items()})
    data["lgm.gaussians"] = reference
    return {"lgm gaussians (rotation over Gaussians)": _relative(ours, reference)}


# --------------------------------------------------------------------------------------------- main


def make_inputs(seed: int = 0) -> dict[str, torch.Tensor]:
    """The shared inputs of every stage (float32)."""
    generator = torch.Generator().manual_seed(seed)

    def randn(*shape: int) -> torch.Tensor:
        return torch.randn(*shape, generator=generator)

    return {
        "ddim.xt": randn(1, 4, 3, 4, 4),
        "ddim.weights": randn(4, 4) * 0.5,
        "ddim.y_cond": randn(1, 4, 1, 1, 1),
        "ddim.y_uncond": randn(1, 4, 1, 1, 1),
        "lgm.inputs": randn(1, 4, 9, TINY_LGM["input_size"], TINY_LGM["input_size"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref_dir", type=Path, help="a checkout of alibaba/VideoMV at c434922")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, help="the safetensors file to write")
    args = parser.parse_args(argv)
    from safetensors.torch import save

    from videomv.fileio import write_bytes_atomic

    ref = import_reference(args.ref_dir.resolve())
    data = make_inputs()
    results = {**ddim_stage(ref, "text", data), **ddim_stage(ref, "image", data), **lgm_stage(ref, data)}
    width = max(map(len, results))
    print(f"{'stage':<{width}}  max relative difference  within {TOLERANCE:g}")
    for stage, difference in results.items():
        print(f"{stage:<{width}}  {difference:23.2e}  {'yes' if difference <= TOLERANCE else 'NO'}")
    metadata = {"reference_commit": "c434922", "tolerance": json.dumps(TOLERANCE), "ddim_steps": json.dumps(DDIM_STEPS)}
    args.fixtures.parent.mkdir(parents=True, exist_ok=True)
    tensors = {key: value.detach().float().contiguous() for key, value in data.items()}
    write_bytes_atomic(args.fixtures, save(tensors, metadata=metadata))
    print(f"wrote {args.fixtures} ({args.fixtures.stat().st_size / 1e6:.2f} MB)")
    return 0 if all(value <= TOLERANCE for value in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
