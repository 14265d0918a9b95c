"""Training configuration: one dataclass with a comment on every field, and named presets.

A run is a preset plus command-line overrides::

    videomv train diffusion --preset tiny-cpu --max-steps 2000 --lr 2e-4

``apply_overrides`` turns ``--key value`` pairs into typed field values and rejects unknown
keys with the list of valid ones. The effective configuration is saved with every checkpoint
(``to_json``) so a run can always be reproduced and resumed.
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal


@dataclass
class TrainConfig:
    """Everything a training run needs. Field comments are the documentation."""

    # --- what is trained ----------------------------------------------------------------------
    # "diffusion": the camera-conditioned video UNet; "reconstructor": the Gaussian reconstructor.
    task: Literal["diffusion", "reconstructor"] = "diffusion"
    # Model preset name: for diffusion one of videomv.models.configs.PRESETS ("tiny-cpu", "tiny-cpu-i2v",
    # "t2v-modelscope", "i2v-i2vgenxl"); for the reconstructor one of RECONSTRUCTOR_PRESETS ("tiny", "big").
    model: str = "tiny-cpu"
    # Base weights: a local diffusers folder (ModelScope-T2V / I2VGen-XL layout), or for the reconstructor
    # a save_pretrained folder or an LGM checkpoint file; None = random init (tiny presets).
    pretrained: str | None = None
    # Camera convention the camera embedding is trained in (recorded in the model config).
    camera_convention: str = "blender"

    # --- data ---------------------------------------------------------------------------------
    # Dataset folders (from `videomv data build`), comma-separated; samples of all are mixed.
    data: str = "data/train"
    # Split to train on, through each dataset's index.json ("train", "heldout" or "all").
    split: str = "train"
    # Views per sample (frames of the video model); taken evenly around each orbit.
    num_views: int = 8
    # Square image size the views are resized to.
    image_size: int = 64
    # Background the RGBA views are composited on: white, black, gray or random (per sample).
    background: str = "white"
    # Start the orbit at a random view, rotating the cameras with it (the rotation augmentation).
    random_start_view: bool = True
    # "even": the views step evenly around the orbit (the reference); "random": drawn at random in orbit
    # order, so the UNet must read the camera embedding to place them (diffusion; the reconstructor
    # expects even views).
    view_spacing: Literal["even", "random"] = "even"
    # Probability of dropping the condition (text or image) for classifier-free guidance.
    condition_dropout: float = 0.1
    # Image models: also read the sample's caption (dropped with condition_dropout). With image_dropout
    # > 0 one model learns image→views, text→views and both (the pipeline's text_to_views flag).
    caption_with_image: bool = False
    # Image models: probability of dropping the condition image independently of the caption;
    # None drops caption and image together with condition_dropout.
    image_dropout: float | None = None
    # Precomputed prompt embeddings (`videomv train embed-prompts`): the text encoder is neither loaded nor
    # run, and the saved pipeline points at the bundled MiniLM instead of storing it. Needs sample_every 0.
    # Reconstructor x0 mode: the diffusion model's empty prompt is read from it (made with that model's adapter).
    prompt_embeddings: str | None = None
    # Fraction of batches made of single images (frames = 1), the reference's LAION mixing.
    single_image_ratio: float = 0.0
    # DataLoader worker processes (0 = load in the training process).
    num_workers: int = 0
    # Read every sample into memory (8-bit) before training: PNG decoding no longer bounds a fast GPU.
    # Costs about views × H × W × 4 bytes per sample (24 × 64² views: 0.4 MB).
    preload_data: bool = False

    # --- noise schedule -----------------------------------------------------------------------
    # What the UNet predicts: "epsilon" (text model) or "v_prediction" (image model).
    prediction_type: Literal["epsilon", "v_prediction"] = "epsilon"
    # Beta schedule: "scaled_linear" (ModelScope's linear_sd, 0.00085 → 0.012 linear in √β over 1000 steps)
    # or "squaredcos_cap_v2" (I2VGen-XL); any diffusers beta_schedule name.
    beta_schedule: str = "scaled_linear"
    # Rescale betas to zero terminal SNR (I2VGen-XL's schedule).
    zero_terminal_snr: bool = False
    # Offset noise strength (0.1 for the image model): noise plus this times per-channel noise.
    offset_noise: float = 0.0

    # --- reconstructor ------------------------------------------------------------------------
    # Input views of the reconstructor (evenly spaced around the orbit).
    num_input_views: int = 4
    # Extra supervision views rendered besides the inputs.
    num_supervision_views: int = 4
    # Weight of the LPIPS term (used only when LPIPS weights exist locally).
    lpips_weight: float = 1.0
    # Train on ground-truth renders ("gt") or on the diffusion model's own x̂0 at random t ("x0").
    reconstructor_inputs: Literal["gt", "x0"] = "gt"
    # Diffusion pipeline folder whose x̂0 the reconstructor learns to repair (reconstructor_inputs="x0").
    diffusion_model: str | None = None
    # Range of the random timesteps of the x̂0 mode, inclusive.
    min_timestep: int = 0
    max_timestep: int = 999
    # x̂0 mode: the first input view is the sample's view 0 itself, the image the diffusion model is
    # conditioned on, as 3D-aware sampling with an anchored condition view feeds it.
    anchor_input_view: bool = False
    # Background the reconstructor's input views are composited on (1.0: white, like generated views).
    input_background: float = 1.0
    # Gaussian rasterizer backend of the reconstructor's renders ("auto", "torch", "tiled", "gsplat").
    rasterizer: str = "auto"

    # --- optimisation -------------------------------------------------------------------------
    # Samples per device per step.
    batch_size: int = 1
    # Steps whose gradients are summed before one optimiser update.
    gradient_accumulation: int = 1
    # Optimiser updates in all.
    max_steps: int = 1000
    # Train for about this many minutes (from the first step): after 20 timed steps max_steps becomes
    # the step the measured speed reaches then, if that is fewer, so the cosine schedule ends on time.
    # The checkpoints then record that max_steps (and no time limit): a resumed run goes on to it.
    max_minutes: float | None = None
    # Peak learning rate of AdamW.
    lr: float = 1e-4
    # AdamW weight decay.
    weight_decay: float = 0.01
    # AdamW betas (LGM trains the reconstructor with beta2 = 0.95).
    adam_beta1: float = 0.9
    adam_beta2: float = 0.999
    # Linear warm-up steps before the cosine decay.
    warmup_steps: int = 100
    # Learning-rate schedule after the warm-up: "cosine" (to 0 at max_steps) or "constant".
    lr_schedule: Literal["cosine", "constant"] = "cosine"
    # Clip the gradient norm to this (0 disables).
    max_grad_norm: float = 1.0
    # "no", "fp16" or "bf16" (accelerate's mixed precision).
    mixed_precision: Literal["no", "fp16", "bf16"] = "no"
    # Recompute activations in the backward pass to save memory.
    gradient_checkpointing: bool = False
    # Attention kernel for the whole run: "auto" lets PyTorch choose per call, or force one of "math",
    # "efficient", "flash", "cudnn". The tiny presets' temporal attention (8 frames, 8-wide heads) trains
    # 1.6x faster per step with "math" on an H100 than with the kernel PyTorch picks (training_notes.md).
    attention_backend: Literal["auto", "math", "efficient", "flash", "cudnn"] = "auto"
    # Profile the 5 steps after this one (torch.profiler, CPU and CUDA; main process): the operators that
    # took the most time go to output_dir/profile.txt. None: no profiling.
    profile_after: int | None = None
    # Decay of the exponential moving average of the weights (0 disables EMA).
    ema_decay: float = 0.0

    # --- output -------------------------------------------------------------------------------
    # Run folder: checkpoints/, samples/, logs/ and the final pipeline/ go here.
    output_dir: str = "runs/tiny"
    # Steps between checkpoints (also written on SIGTERM/SIGINT).
    checkpoint_every: int = 200
    # Checkpoints kept (the newest ones).
    keep_checkpoints: int = 2
    # Steps between sample grids written as PNG (0 disables).
    sample_every: int = 500
    # Denoising steps of the sample grids (few: they show progress, not quality).
    sample_inference_steps: int = 10
    # Dataset items whose caption / condition image the sample grids use.
    sample_count: int = 2
    # Steps between logged scalars.
    log_every: int = 10
    # Seed of everything random (model init, data order, noise).
    seed: int = 0

    def to_json(self) -> str:
        """The configuration as JSON (saved with every checkpoint)."""
        return json.dumps(dataclasses.asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> TrainConfig:
        """A configuration from ``to_json`` output; unknown keys and values of the wrong type are rejected."""
        return cls.from_values(json.loads(text))

    @classmethod
    def from_values(cls, values: Any) -> TrainConfig:
        """A configuration from a JSON object of field values (a saved ``config.json``), type-checked.

        Raises:
            ValueError: naming the first unknown key or wrongly typed value.
        """
        if not isinstance(values, dict):
            raise ValueError("not a training configuration (a JSON object of config keys)")
        return replace_checked(cls(), {name: _typed_value(name, value) for name, value in values.items()})

    def check(self) -> None:
        """Rejects values no run can use (the types are right; the ranges are checked here), before anything loads.

        Raises:
            ValueError: naming the option and the values it takes.
        """
        for name, low, high in _RANGES:
            value = getattr(self, name)
            if value is None:
                continue
            if not (math.isfinite(value) and low <= value and (high is None or value <= high)):
                bound = f"from {low} to {high}" if high is not None else f"{low} or more"
                raise ValueError(f"--{name.replace('_', '-')} must be a number {bound}, got {value}")
        if self.max_minutes is not None and not (math.isfinite(self.max_minutes) and self.max_minutes > 0):
            raise ValueError(f"--max-minutes must be a positive number, got {self.max_minutes}; or leave it out")
        if self.min_timestep > self.max_timestep:
            raise ValueError(f"--min-timestep {self.min_timestep} is above --max-timestep {self.max_timestep}")
        if self.background not in ("white", "black", "gray", "random"):
            raise ValueError(f"--background must be white, black, gray or random, got {self.background!r}")
        if not [p for p in self.data.split(",") if p]:
            raise ValueError("no dataset given: --data FOLDER[,FOLDER…]")


# Hand-aligned: one preset per block, its fields in reading order.
# fmt: off
PRESETS: dict[str, dict[str, Any]] = {
    # A text→views model that trains on a 2-core CPU: pixel space, 8 views × 64².
    "tiny-cpu": dict(task="diffusion", model="tiny-cpu", num_views=8, image_size=64, lr=2e-4,
                     warmup_steps=50, max_steps=2000, output_dir="runs/tiny-cpu"),
    # The shipped default model: one tiny pixel-space model for image→views, text→views and both. The
    # caption is dropped half the time so that an image alone works; the image 30 % so a prompt alone does.
    "tiny-cpu-joint": dict(task="diffusion", model="tiny-cpu-joint", num_views=8, image_size=64, lr=2e-4,
                           caption_with_image=True, condition_dropout=0.5, image_dropout=0.3,
                           prediction_type="v_prediction", beta_schedule="squaredcos_cap_v2",
                           zero_terminal_snr=True, warmup_steps=100, max_steps=4000, ema_decay=0.999,
                           output_dir="runs/tiny-cpu-joint"),
    # The reference text model: ModelScope-T2V fine-tuned on 24 views × 256², batch 8 per GPU.
    "t2v-modelscope": dict(task="diffusion", model="t2v-modelscope", num_views=24, image_size=256,
                           batch_size=8, lr=5e-5, warmup_steps=500, max_steps=30000, mixed_precision="bf16",
                           gradient_checkpointing=True, ema_decay=0.9999, prediction_type="epsilon",
                           beta_schedule="scaled_linear", checkpoint_every=1000, sample_every=2000,
                           output_dir="runs/t2v-modelscope"),
    # The reference image model: I2VGen-XL, v-prediction, zero-terminal-SNR cosine, offset noise.
    "i2v-i2vgenxl": dict(task="diffusion", model="i2v-i2vgenxl", num_views=24, image_size=256,
                         batch_size=8, lr=5e-5, warmup_steps=500, max_steps=30000, mixed_precision="bf16",
                         gradient_checkpointing=True, ema_decay=0.9999, prediction_type="v_prediction",
                         beta_schedule="squaredcos_cap_v2", zero_terminal_snr=True, offset_noise=0.1,
                         checkpoint_every=1000, sample_every=2000, output_dir="runs/i2v-i2vgenxl"),
    # A reconstructor that trains on a CPU: 4 input + 4 supervision views at 64².
    "reconstructor-tiny": dict(task="reconstructor", model="tiny", num_views=8, image_size=64,
                               lr=4e-4, adam_beta2=0.95, weight_decay=0.05,
                               warmup_steps=50, max_steps=2000, output_dir="runs/reconstructor-tiny"),
    # LGM "big": 256² inputs, fine-tuned from the public LGM weights on x̂0 estimates. No gradient
    # checkpointing: GaussianReconstructor does not support it (LGM trains big at batch 8 without it).
    "reconstructor-big": dict(task="reconstructor", model="big", num_views=8, image_size=256,
                              batch_size=8, lr=4e-5, adam_beta2=0.95, weight_decay=0.05,
                              warmup_steps=500, max_steps=20000, mixed_precision="bf16",
                              reconstructor_inputs="x0",
                              output_dir="runs/reconstructor-big"),
}
# fmt: on


# (field, lowest, highest or None): the values a run can use. Exclusive bounds are written as the nearest
# usable value (ema_decay: 1 would freeze the EMA; the Adam betas likewise).
_RANGES: tuple[tuple[str, float, float | None], ...] = (
    ("num_views", 1, None), ("image_size", 8, None), ("condition_dropout", 0, 1), ("image_dropout", 0, 1),
    ("single_image_ratio", 0, 1), ("num_workers", 0, None), ("offset_noise", 0, None),
    ("num_input_views", 1, None), ("num_supervision_views", 0, None), ("lpips_weight", 0, None),
    ("min_timestep", 0, None), ("max_timestep", 0, None), ("input_background", 0, 1),
    ("batch_size", 1, None), ("gradient_accumulation", 1, None), ("max_steps", 1, None),
    ("lr", 0, None), ("weight_decay", 0, None), ("adam_beta1", 0, 0.999999),
    ("adam_beta2", 0, 0.999999), ("warmup_steps", 0, None), ("max_grad_norm", 0, None),
    ("profile_after", 0, None), ("ema_decay", 0, 0.999999), ("checkpoint_every", 1, None),
    ("keep_checkpoints", 1, None), ("sample_every", 0, None), ("sample_inference_steps", 1, None),
    ("sample_count", 0, None), ("log_every", 1, None), ("seed", 0, 2**31 - 1),
)  # fmt: skip


def _typed_value(name: str, value: Any) -> Any:
    """``value`` of a saved config checked against the field's type (an int stands for a float)."""
    hints = typing.get_type_hints(TrainConfig)
    if name not in hints:
        return value  # replace_checked names the unknown key with the valid ones
    annotation = hints[name]
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        if value is None:
            return None
        annotation = next(a for a in args if a is not type(None))
        args = typing.get_args(annotation)
    if typing.get_origin(annotation) is Literal:
        ok = value in args and isinstance(value, str)
    elif annotation is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    else:
        ok = type(value) is annotation
    if not ok:
        raise ValueError(f"{name} must be {_kind(annotation)}, got {value!r}")
    return value


def _kind(annotation: Any) -> str:
    if typing.get_origin(annotation) is Literal:
        return "one of " + ", ".join(map(str, typing.get_args(annotation)))
    kinds = {int: "an integer", float: "a number", bool: "true or false", str: "a string"}
    return kinds.get(annotation, str(annotation))


def field_names() -> list[str]:
    """Names of all configuration fields."""
    return [f.name for f in dataclasses.fields(TrainConfig)]


def preset(name: str) -> TrainConfig:
    """The configuration of preset ``name``."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    return replace_checked(TrainConfig(), PRESETS[name])


def replace_checked(config: TrainConfig, values: dict[str, Any]) -> TrainConfig:
    """``dataclasses.replace`` that names the valid keys when given an unknown one."""
    unknown = sorted(set(values) - set(field_names()))
    if unknown:
        raise ValueError(f"unknown config key(s) {', '.join(unknown)}; valid keys: {', '.join(field_names())}")
    return dataclasses.replace(config, **values)


def _parse_value(name: str, text: str) -> Any:
    """Parses ``text`` as a value of the field's type (bool, int, float, str, Literal, Optional)."""
    hints = typing.get_type_hints(TrainConfig)
    annotation = hints[name]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        if text.lower() in ("none", "null", ""):
            return None
        annotation = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Literal:
        if text not in args:
            raise ValueError(f"--{name.replace('_', '-')} must be one of {', '.join(map(str, args))}, got {text!r}")
        return text
    if annotation is bool:
        lowered = text.lower()
        if lowered not in ("true", "false", "1", "0", "yes", "no"):
            raise ValueError(f"--{name.replace('_', '-')} must be true or false, got {text!r}")
        return lowered in ("true", "1", "yes")
    try:
        return annotation(text)
    except ValueError as err:
        kind = {int: "an integer", float: "a number"}.get(annotation, annotation.__name__)
        raise ValueError(f"--{name.replace('_', '-')} expects {kind}, got {text!r}") from err


def apply_overrides(config: TrainConfig, args: Sequence[str]) -> TrainConfig:
    """Applies ``--key value`` (or ``--key=value``) pairs to ``config``.

    Dashes and underscores in keys are interchangeable. A flag given without a value sets a
    boolean field to true.

    Raises:
        ValueError: for an unknown key (listing the valid ones) or a value of the wrong type.
    """
    values: dict[str, Any] = {}
    hints = typing.get_type_hints(TrainConfig)
    i = 0
    while i < len(args):
        token = args[i]
        if not token.startswith("--"):
            raise ValueError(f"expected --key value, got {token!r}")
        key, _, inline = token[2:].partition("=")
        name = key.replace("-", "_")
        if name not in hints:
            raise ValueError(f"unknown config key {key!r}; valid keys: {', '.join(field_names())}")
        if inline or "=" in token:
            text, i = inline, i + 1
        elif hints[name] is bool and (i + 1 == len(args) or args[i + 1].startswith("--")):
            text, i = "true", i + 1
        elif i + 1 < len(args):
            text, i = args[i + 1], i + 2
        else:
            raise ValueError(f"--{key} needs a value")
        values[name] = _parse_value(name, text)
    return replace_checked(config, values)


def describe(config: TrainConfig) -> str:
    """One ``key = value`` line per field that differs from the defaults."""
    default = TrainConfig()
    lines = [
        f"{f.name} = {getattr(config, f.name)!r}"
        for f in dataclasses.fields(config)
        if getattr(config, f.name) != getattr(default, f.name)
    ]
    return "\n".join(lines)
