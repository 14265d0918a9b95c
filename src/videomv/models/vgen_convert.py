"""Loading the reference VideoMV checkpoints (VGen layout) into our camera UNets and reconstructor.

The reference release (alibaba/VideoMV, built on VGen) ships its fine-tuned models as ``.pth`` files
``{"state_dict": ..., "step": ...}`` in VGen's module layout: ``UNetSD_T2VBase`` (text model, the
ModelScope-T2V architecture) or ``UNetSD_I2VGen`` (image model, I2VGen-XL), each with a camera MLP
``camera_embedding.{0,2}`` and, when trained with LGM refinement, the reconstructor under ``lgm_big.``.
This module maps those names onto diffusers' ``UNet3DConditionModel`` / ``I2VGenXLUNet`` names (the
mapping diffusers' own ModelScope and I2VGen-XL conversion scripts use) plus our camera MLP, and the
LGM part onto :class:`GaussianReconstructor` (LGM's own names, see :mod:`.lgm_convert`).

VGen layout, as walked here:

* ``input_blocks.0`` = ``[conv_in, temporal transformer]``; then per resolution level
  ``layers_per_block`` blocks ``[ResBlock, (SpatialTransformer, TemporalTransformer)]`` and, except on
  the last level, a ``Downsample`` block (``input_blocks.{i}.op``).
* ``middle_block`` = ``[ResBlock, SpatialTransformer, TemporalTransformer, ResBlock]``.
* ``output_blocks``: per level ``layers_per_block + 1`` blocks ``[ResBlock, (Spatial, Temporal),
  (Upsample)]``; a block holding an ``Upsample`` (keys ``conv.weight``/``conv.bias`` only) ends a level.
* A ResBlock carries its temporal convolution (``temopral_conv``, sic), which diffusers keeps apart
  (``temp_convs``). Temporal transformers use 1x1 ``Conv1d`` projections, diffusers ``Linear`` ones.

Nothing is ever unpickled beyond tensors: files are read with ``torch.load(weights_only=True)`` or
safetensors, and a conversion that does not cover the target model exactly is refused with the list
of unknown, missing and mis-shaped keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import torch

from ..safe_load import BadFileError, listing, load_safetensors, tensor_shapes, torch_load
from .configs import REFERENCE_RECONSTRUCTOR_SETTINGS, get_preset
from .lgm_convert import config_from_lgm_state_dict, convert_lgm_state_dict
from .reconstructor import GaussianReconstructor
from .unet import CameraI2VGenXLUNet, CameraUNet3DConditionModel

Task = Literal["text", "image"]
# The model presets whose architecture and pipeline settings the reference checkpoints share.
TASK_PRESETS: dict[str, str] = {"text": "t2v-modelscope", "image": "i2v-i2vgenxl"}
# The reference image model runs with a frame-rate input of 8 (VGen's ``target_fps``): its fps
# embedding is always added, so the pipeline must feed the same value.
VGEN_I2V_FPS = 8

_WRAPPER_PREFIX = "module."  # DistributedDataParallel
LGM_PREFIX = "lgm_big."
# diffusers' temporal transformers have 8 heads of ``attention_head_dim`` in ``transformer_in``.
_TRANSFORMER_IN_HEADS = 8
# GroupNorm groups VGen hard-codes in every block.
VGEN_NORM_GROUPS = 32
# How many keys of each kind an error message names before it says "and N more".
_LISTED_KEYS = 12

# Modules outside the block structure: VGen prefix -> diffusers prefix.
_RENAMES: dict[str, str] = {
    "time_embed.0.": "time_embedding.linear_1.",
    "time_embed.2.": "time_embedding.linear_2.",
    "camera_embedding.0.": "camera_embedding.linear_1.",
    "camera_embedding.2.": "camera_embedding.linear_2.",
    "input_blocks.0.0.": "conv_in.",
    "input_blocks.0.1.": "transformer_in.",
    "out.0.": "conv_norm_out.",
    "out.2.": "conv_out.",
    # I2VGen-XL's image branches.
    "fps_embedding.": "fps_embedding.",
    "context_embedding.": "context_embedding.",
    "local_image_concat.": "image_latents_proj_in.",
    "local_image_embedding.": "image_latents_context_embedding.",
    "local_temporal_encoder.layers.0.0.norm.": "image_latents_temporal_encoder.norm1.",
    "local_temporal_encoder.layers.0.0.fn.to_out.0.": "image_latents_temporal_encoder.attn1.to_out.0.",
    "local_temporal_encoder.layers.0.1.net.0.0.": "image_latents_temporal_encoder.ff.net.0.proj.",
    "local_temporal_encoder.layers.0.1.net.2.": "image_latents_temporal_encoder.ff.net.2.",
}
# VGen fuses the image-latent encoder's q, k and v into one matrix; diffusers keeps three.
_QKV_KEY = "local_temporal_encoder.layers.0.0.fn.to_qkv.weight"
_QKV_TARGETS = tuple(f"image_latents_temporal_encoder.attn1.to_{name}.weight" for name in "qkv")
# Inside a ResBlock: VGen (LDM) names -> diffusers ResnetBlock2D names.
_RESNET_RENAMES = (
    ("in_layers.0.", "norm1."),
    ("in_layers.2.", "conv1."),
    ("emb_layers.1.", "time_emb_proj."),
    ("out_layers.0.", "norm2."),
    ("out_layers.3.", "conv2."),
    ("skip_connection.", "conv_shortcut."),
)
_TEMPORAL_CONV = "temopral_conv."  # VGen's spelling
_SUBMODULE = re.compile(r"^((?:input_blocks|output_blocks)\.\d+\.(?:\d+|op)\.|middle_block\.\d+\.)")
_CONV1D_PROJECTION = re.compile(r"(?:^transformer_in|\.temp_attentions\.\d+)\.proj_(?:in|out)\.weight$")
# A spatial transformer's cross-attention key projection: its input width is the context width.
_CROSS_ATTENTION_KEY = re.compile(r"(?<!temp_)attentions\.\d+\.transformer_blocks\.0\.attn2\.to_k\.weight$")
_MIDDLE = {0: ("resnet", 0), 1: ("attention", 0), 2: ("temporal", 0), 3: ("resnet", 1)}
_UPSAMPLER_KEYS = {"conv.weight", "conv.bias"}
# Training-only modules a released checkpoint may carry (see drop_known_extras).
_KNOWN_EXTRAS = re.compile(r"(?:^|\.)lpips_loss\.")


class VGenConversionError(ValueError):
    """A checkpoint that does not map exactly onto the target model.

    Attributes:
        unknown: checkpoint keys with no counterpart in the model.
        missing: model keys the checkpoint does not fill.
        mismatched: ``"key: checkpoint shape vs model shape"`` for every shape mismatch.
    """

    def __init__(self, model: str, unknown: list[str], missing: list[str], mismatched: list[str]) -> None:
        self.unknown, self.missing, self.mismatched = unknown, missing, mismatched
        parts = [
            listing(title, keys, _LISTED_KEYS)
            for title, keys in (("unknown", unknown), ("missing", missing), ("mis-shaped", mismatched))
            if keys
        ]
        super().__init__(
            f"the checkpoint does not map onto {model} ({'; '.join(parts)}); "
            "is it a VideoMV checkpoint of the kind given (--t2v / --i2v)?"
        )


# ----------------------------------------------------------------------------------- reading files


def load_state_dict_file(path: str | Path) -> tuple[dict[str, torch.Tensor], int | None]:
    """The tensors of a ``.pth``/``.pt``/``.ckpt`` or ``.safetensors`` file, and its training step.

    Read with :mod:`videomv.safe_load`: ``.pth`` files with ``torch.load(weights_only=True)`` (only
    tensors and plain containers are rebuilt, no code in the file runs), safetensors with their header
    checked. A ``{"state_dict": ..., "step": ...}`` wrapper (VGen's) is unwrapped and a ``module.``
    prefix (DistributedDataParallel) removed.

    Raises:
        FileNotFoundError, IsADirectoryError: if ``path`` is missing or a folder.
        ValueError: if the file is not a plain dict of tensors, in one line naming it and saying why.
    """
    path = Path(path)
    if path.suffix == ".safetensors":
        return _strip_wrapper(load_safetensors(path, what="a checkpoint")), None
    content = torch_load(path, "a checkpoint (.pth)")
    if not isinstance(content, dict):
        raise BadFileError(f"{path}: expected a dict of tensors, found a {type(content).__name__}")
    step = content.get("step") if isinstance(content.get("step"), int) else None
    state_dict = content.get("state_dict", content)
    if not isinstance(state_dict, dict) or not state_dict:
        raise BadFileError(f"{path}: its 'state_dict' is not a non-empty dict of tensors")
    tensor_shapes(state_dict, str(path))  # refuses non-tensor entries
    return _strip_wrapper(state_dict), step


def _strip_wrapper(state_dict: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {key.removeprefix(_WRAPPER_PREFIX): value for key, value in state_dict.items()}


def split_checkpoint(state_dict: dict[str, torch.Tensor]) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
    """``(unet part, LGM part)`` of a VideoMV state dict; the LGM part without its ``lgm_big.`` prefix."""
    unet = {key: value for key, value in state_dict.items() if not key.startswith(LGM_PREFIX)}
    lgm = {key[len(LGM_PREFIX) :]: value for key, value in state_dict.items() if key.startswith(LGM_PREFIX)}
    return unet, lgm


def detect_task(state_dict: dict[str, torch.Tensor]) -> Task:
    """``"image"`` for an I2VGen-XL layout (it has the image-latent branches), ``"text"`` otherwise."""
    return "image" if any(key.startswith("local_image_concat.") for key in state_dict) else "text"


# ------------------------------------------------------------------------------------- key mapping


@dataclass(frozen=True)
class _Slot:
    """Where one VGen submodule goes: its role, the diffusers block and the layer index in it."""

    role: Literal["resnet", "attention", "temporal", "sampler"]
    block: str
    layer: int = 0


def _indices(keys: Iterable[str], pattern: str) -> list[int]:
    compiled = re.compile(pattern)
    return sorted({int(match.group(1)) for key in keys if (match := compiled.match(key))})


def _down_slots(keys: list[str]) -> dict[str, _Slot]:
    slots: dict[str, _Slot] = {}
    level = layer = 0
    for index in _indices(keys, r"^input_blocks\.(\d+)\.")[1:]:  # block 0 is conv_in + transformer_in
        if any(key.startswith(f"input_blocks.{index}.op.") for key in keys):
            slots[f"input_blocks.{index}.op."] = _Slot("sampler", f"down_blocks.{level}.downsamplers.0.conv.")
            level, layer = level + 1, 0
            continue
        for position, role in enumerate(("resnet", "attention", "temporal")):
            slots[f"input_blocks.{index}.{position}."] = _Slot(role, f"down_blocks.{level}", layer)
        layer += 1
    return slots


def _up_slots(keys: list[str]) -> dict[str, _Slot]:
    slots: dict[str, _Slot] = {}
    level = layer = 0
    for index in _indices(keys, r"^output_blocks\.(\d+)\."):
        prefix = f"output_blocks.{index}."
        names: dict[int, set[str]] = {}
        for key in keys:
            if key.startswith(prefix):
                position, _, rest = key[len(prefix) :].partition(".")
                if position.isdigit():
                    names.setdefault(int(position), set()).add(rest)
        upsamplers = [position for position, rest in names.items() if position > 0 and rest <= _UPSAMPLER_KEYS]
        others = sorted(position for position in names if position > 0 and position not in upsamplers)
        slots[f"{prefix}0."] = _Slot("resnet", f"up_blocks.{level}", layer)
        for position, role in zip(others, ("attention", "temporal"), strict=False):
            slots[f"{prefix}{position}."] = _Slot(role, f"up_blocks.{level}", layer)
        for position in upsamplers:
            slots[f"{prefix}{position}."] = _Slot("sampler", f"up_blocks.{level}.upsamplers.0.")
        level, layer = (level + 1, 0) if upsamplers else (level, layer + 1)
    return slots


def _slots(keys: list[str]) -> dict[str, _Slot]:
    """VGen submodule prefix (``input_blocks.4.1.``) -> its place in the diffusers UNet."""
    middle = {f"middle_block.{index}.": _Slot(role, "mid_block", layer) for index, (role, layer) in _MIDDLE.items()}
    return {**_down_slots(keys), **middle, **_up_slots(keys)}


def _target_keys(key: str, slots: dict[str, _Slot]) -> tuple[str, ...] | None:
    """The diffusers key(s) a VGen key becomes, or None if it has no place."""
    if key == _QKV_KEY:
        return _QKV_TARGETS
    for old, new in _RENAMES.items():
        if key.startswith(old):
            return (new + key[len(old) :],)
    match = _SUBMODULE.match(key)
    slot = slots.get(match.group(1)) if match else None
    if slot is None:
        return None
    rest = key[match.end() :]
    if slot.role == "sampler":
        return (slot.block + rest,)
    if slot.role == "attention":
        return (f"{slot.block}.attentions.{slot.layer}.{rest}",)
    if slot.role == "temporal":
        return (f"{slot.block}.temp_attentions.{slot.layer}.{rest}",)
    if rest.startswith(_TEMPORAL_CONV):
        return (f"{slot.block}.temp_convs.{slot.layer}.{rest[len(_TEMPORAL_CONV) :]}",)
    for old, new in _RESNET_RENAMES:
        if rest.startswith(old):
            rest = new + rest[len(old) :]
            break
    return (f"{slot.block}.resnets.{slot.layer}.{rest}",)


def vgen_key_map(keys: Iterable[str]) -> dict[str, tuple[str, ...] | None]:
    """For every VGen UNet key, the diffusers key(s) it becomes (None: no place for it).

    One key maps to several only for the fused ``to_qkv`` of I2VGen-XL's image-latent encoder.
    """
    keys = list(keys)
    slots = _slots(keys)
    return {key: _target_keys(key, slots) for key in keys}


def _converted_values(value: torch.Tensor, targets: tuple[str, ...]) -> list[torch.Tensor]:
    if len(targets) > 1:
        # Split copies: safetensors refuses tensors that share storage.
        return [part.clone() for part in value.chunk(len(targets), dim=0)]
    if value.ndim == 3 and _CONV1D_PROJECTION.search(targets[0]):
        return [value[..., 0]]  # Conv1d(kernel 1) -> Linear
    return [value]


def convert_vgen_unet_state_dict(
    state_dict: dict[str, torch.Tensor], task: Task
) -> tuple[dict[str, torch.Tensor], dict[str, tuple[str, ...] | None]]:
    """A VGen UNet state dict (no ``lgm_big.`` keys) in diffusers names, and the key map used.

    For the image model the weights of ``conv_in`` that read the image-latent channels are doubled:
    VGen adds that branch's output to its input twice before the convolution (a known quirk of its
    I2VGen-XL code, kept in training), diffusers once; doubling the weights gives the same output.

    Returns:
        ``(converted, key_map)``: the converted tensors (same dtypes), and for every source key its
        target keys (None for keys with no place, which are left out of ``converted``).
    """
    key_map = vgen_key_map(state_dict)
    converted: dict[str, torch.Tensor] = {}
    for key, targets in key_map.items():
        if targets is not None:
            converted.update(zip(targets, _converted_values(state_dict[key], targets), strict=True))
    if task == "image" and "conv_in.weight" in converted:
        weight = converted["conv_in.weight"].clone()
        weight[:, weight.shape[1] // 2 :] *= 2
        converted["conv_in.weight"] = weight
    return converted, key_map


# ------------------------------------------------------------------------------------ model config


def _dim(state_dict: dict[str, torch.Tensor], key: str, axis: int) -> int | None:
    value = state_dict.get(key)
    return int(value.shape[axis]) if value is not None and value.ndim > axis else None


def _block_types(converted: dict[str, torch.Tensor], part: str, levels: list[int]) -> tuple[str, ...]:
    kind = "Down" if part == "down_blocks" else "Up"
    return tuple(
        f"CrossAttn{kind}Block3D"
        if any(k.startswith(f"{part}.{i}.attentions.") for k in converted)
        else f"{kind}Block3D"
        for i in levels
    )


def vgen_unet_config(converted: dict[str, torch.Tensor], task: Task, **overrides: Any) -> dict[str, Any]:
    """The camera-UNet config of a converted VGen state dict: the task's preset, with every value that
    the tensors' shapes determine read from them.

    What shapes cannot tell comes from the preset (``sample_size``; GroupNorm groups are VGen's 32);
    ``overrides`` set any field. Shapes that cannot be read (a damaged checkpoint) keep the preset's
    value; loading then reports the mismatch key by key.
    """
    config = get_preset(TASK_PRESETS[task]).unet_config(norm_num_groups=VGEN_NORM_GROUPS)
    down = _indices(converted, r"^down_blocks\.(\d+)\.resnets\.0\.conv1\.weight$")
    up = _indices(converted, r"^up_blocks\.(\d+)\.resnets\.0\.conv1\.weight$")
    widths = [_dim(converted, f"down_blocks.{i}.resnets.0.conv1.weight", 0) for i in down]
    layers = _indices(converted, r"^down_blocks\.0\.resnets\.(\d+)\.")
    cross = next((k for k in sorted(converted) if _CROSS_ATTENTION_KEY.search(k)), "")
    found = {
        "block_out_channels": tuple(widths) if down and None not in widths else None,
        "layers_per_block": len(layers) or None,
        "down_block_types": _block_types(converted, "down_blocks", down) if down else None,
        "up_block_types": _block_types(converted, "up_blocks", up) if up else None,
        "in_channels": _dim(converted, "conv_in.weight", 1),
        "out_channels": _dim(converted, "conv_out.weight", 0),
        "cross_attention_dim": _dim(converted, cross, 1),
        "attention_head_dim": _dim(converted, "transformer_in.proj_in.weight", 0),
        "camera_input_dim": _dim(converted, "camera_embedding.linear_1.weight", 1),
    }
    if task == "image" and found["in_channels"] is not None:
        found["in_channels"] //= 2  # noisy latents + image latents
    if found["attention_head_dim"] is not None:
        found["attention_head_dim"] //= _TRANSFORMER_IN_HEADS
    config.update({key: value for key, value in found.items() if value is not None})
    hidden = _dim(converted, "camera_embedding.linear_1.weight", 0)
    time_width = _dim(converted, "time_embedding.linear_2.weight", 0)
    if hidden is not None and hidden != time_width:
        config["camera_embed_dim"] = hidden
    config.update(overrides)
    return config


# ------------------------------------------------------------------------------------- conversion


@dataclass
class VGenConversion:
    """A converted reference checkpoint.

    Attributes:
        task: ``"text"`` or ``"image"``.
        unet: the camera UNet with the checkpoint's weights (camera MLP included).
        reconstructor: the checkpoint's LGM as a :class:`GaussianReconstructor`, or None if it has none.
        key_map: every source UNet key and the model key(s) it filled.
        step: the training step recorded in the checkpoint, if any.
        ignored: the checkpoint's keys of known training-only modules, left out (see
            :func:`drop_known_extras`).
    """

    task: Task
    unet: CameraUNet3DConditionModel | CameraI2VGenXLUNet
    reconstructor: GaussianReconstructor | None
    key_map: dict[str, tuple[str, ...]]
    step: int | None = None
    ignored: tuple[str, ...] = ()


def drop_known_extras(state_dict: dict[str, torch.Tensor]) -> tuple[dict[str, torch.Tensor], tuple[str, ...]]:
    """``state_dict`` without the keys of modules the reference saves but never runs at inference, and those keys.

    The reference loads its checkpoints non-strictly (``load_state_dict(state_dict, strict=False) # for
    lpips``, tools/inferences/inference_i2vgen_entrance.py:142) so that a file holding its LGM's LPIPS loss
    network (core/models.py:46-48, a training-only VGG) loads. Those keys are dropped here; any other key
    without a counterpart is still refused, as are missing and mis-shaped ones.
    """
    kept = {key: value for key, value in state_dict.items() if not _KNOWN_EXTRAS.search(key)}
    return kept, tuple(sorted(set(state_dict) - set(kept)))


def _load_exactly(
    model: torch.nn.Module,
    converted: dict[str, torch.Tensor],
    dtype: torch.dtype,
    key_map: dict[str, tuple[str, ...] | None] | None = None,
) -> None:
    """Loads ``converted`` into ``model`` (built on the meta device) if it covers it exactly.

    Unknown keys are named as in the checkpoint: through ``key_map`` (source -> targets) when given.
    """
    expected = model.state_dict()
    key_map = key_map or {}
    origin = {target: source for source, targets in key_map.items() for target in targets or ()}
    unplaced = [source for source, targets in key_map.items() if targets is None]
    unknown = sorted({*unplaced, *(origin.get(key, key) for key in converted if key not in expected)})
    missing = sorted(set(expected) - set(converted))
    mismatched = sorted(
        f"{key}: {tuple(converted[key].shape)} vs {tuple(expected[key].shape)}"
        for key in set(converted) & set(expected)
        if converted[key].shape != expected[key].shape
    )
    if unknown or missing or mismatched:
        raise VGenConversionError(type(model).__name__, unknown, missing, mismatched)
    model.load_state_dict({key: value.to(dtype).contiguous() for key, value in converted.items()}, assign=True)


def _empty(cls: type, config: dict[str, Any]) -> Any:
    """``cls(**config)`` with its parameters on the meta device: no time spent on a random init."""
    from accelerate import init_empty_weights

    with init_empty_weights():
        return cls(**config)


def _default_dtype(state_dict: dict[str, torch.Tensor]) -> torch.dtype:
    """The dtype most of the checkpoint's floating-point numbers are in."""
    counts: dict[torch.dtype, int] = {}
    for value in state_dict.values():
        if value.is_floating_point():
            counts[value.dtype] = counts.get(value.dtype, 0) + value.numel()
    return max(counts, key=counts.__getitem__) if counts else torch.float32


def convert_unet(
    state_dict: dict[str, torch.Tensor], task: Task, dtype: torch.dtype | None = None, **overrides: Any
) -> tuple[CameraUNet3DConditionModel | CameraI2VGenXLUNet, dict[str, tuple[str, ...]]]:
    """The camera UNet of a VGen UNet state dict, and the key map used.

    Args:
        state_dict: the UNet part of the checkpoint (see :func:`split_checkpoint`).
        task: ``"text"`` (ModelScope-T2V layout) or ``"image"`` (I2VGen-XL layout).
        dtype: dtype of the model's weights; default the checkpoint's.
        **overrides: UNet config fields (see :func:`vgen_unet_config`).

    Raises:
        VGenConversionError: listing unknown, missing and mis-shaped keys.
        ValueError: if ``state_dict`` is of the other task, or has no camera MLP.
    """
    if task not in TASK_PRESETS:
        raise ValueError(f"unknown task {task!r}; use 'text' or 'image'")
    found = detect_task(state_dict)
    if found != task:
        option = "--i2v" if found == "image" else "--t2v"
        raise ValueError(f"this is a {found} model checkpoint (VGen layout), not a {task} one; use {option}")
    if not any(key.startswith("camera_embedding.") for key in state_dict):
        raise ValueError(
            "the checkpoint has no camera_embedding.* weights: not a VideoMV model (a plain VGen/ModelScope one?)"
        )
    converted, key_map = convert_vgen_unet_state_dict(state_dict, task)
    unet = _empty(get_preset(TASK_PRESETS[task]).unet_class, vgen_unet_config(converted, task, **overrides))
    _load_exactly(unet, converted, dtype or _default_dtype(state_dict), key_map)
    return unet.eval(), {key: targets for key, targets in key_map.items() if targets is not None}


def convert_reconstructor(
    state_dict: dict[str, torch.Tensor], dtype: torch.dtype | None = None, **overrides: Any
) -> GaussianReconstructor:
    """A :class:`GaussianReconstructor` of an LGM state dict (VideoMV's ``lgm_big.`` part or LGM's file).

    Args:
        state_dict: LGM's keys (``unet.*``, ``conv.*``).
        dtype: dtype of the weights; default the checkpoint's.
        **overrides: reconstructor config fields (``cam_radius``, ``input_size``, ...).

    Raises:
        LGMConversionError: if it does not map exactly (a ValueError naming the keys).
    """
    reconstructor = _empty(GaussianReconstructor, config_from_lgm_state_dict(state_dict, **overrides))
    converted = convert_lgm_state_dict(state_dict, reconstructor)
    _load_exactly(reconstructor, converted, dtype or _default_dtype(state_dict))
    return reconstructor.eval()


def convert_vgen_checkpoint(
    state_dict: dict[str, torch.Tensor],
    task: Task,
    dtype: torch.dtype | None = None,
    unet_overrides: dict[str, Any] | None = None,
    reconstructor_overrides: dict[str, Any] | None = None,
    step: int | None = None,
) -> VGenConversion:
    """Converts a whole VideoMV checkpoint: the camera UNet and, if present, its LGM reconstructor.

    The reconstructor's ``cam_radius`` defaults to the task's reference orbit radius (2.0 text, 1.7
    image): VideoMV moves its LGM input cameras so that view 0 sits at its true distance, not at
    LGM's 1.5, so that is the canonical frame its fine-tuned LGM knows. It also gets the reference
    LGM's behaviour (:data:`videomv.models.configs.REFERENCE_RECONSTRUCTOR_SETTINGS`). Keys of known
    training-only modules are left out and listed in ``ignored``.

    Args:
        state_dict: the checkpoint's tensors (see :func:`load_state_dict_file`).
        task: ``"text"`` or ``"image"``.
        dtype: dtype of the converted weights; default the checkpoint's.
        unet_overrides: UNet config fields to set.
        reconstructor_overrides: reconstructor config fields to set.
        step: the checkpoint's training step, recorded in the result.
    """
    state_dict, ignored = drop_known_extras(state_dict)
    unet_part, lgm_part = split_checkpoint(state_dict)
    dtype = dtype or _default_dtype(unet_part)
    unet, key_map = convert_unet(unet_part, task, dtype, **(unet_overrides or {}))
    reconstructor = None
    if lgm_part:
        settings = {
            "cam_radius": get_preset(TASK_PRESETS[task]).pipeline["radius"],
            **REFERENCE_RECONSTRUCTOR_SETTINGS,
            **(reconstructor_overrides or {}),
        }
        reconstructor = convert_reconstructor(lgm_part, dtype, **settings)
    return VGenConversion(task, unet, reconstructor, key_map, step, ignored)
