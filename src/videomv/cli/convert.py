"""``videomv convert``: the published VideoMV (VGen-format) and LGM checkpoints as our model folders.

``convert vgen`` maps a reference ``.pth`` onto the camera UNet (and its LGM part onto the
reconstructor); with ``--base`` it also assembles a complete pipeline folder, taking the VAE, the
text encoder and (image model) the CLIP image encoder from a local diffusers folder of
ModelScope-T2V or I2VGen-XL. ``convert lgm`` turns LGM's ``model.safetensors`` into a reconstructor
folder. Every folder is written under a temporary name and renamed into place when complete.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ..safe_load import check_file, check_folder, naming_file

DTYPE_NAMES = ("auto", "float32", "float16", "bfloat16")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``convert vgen`` and ``convert lgm`` on the top-level ``videomv`` subparsers."""
    parser = commands.add_parser(
        "convert", help="convert the published VideoMV and LGM checkpoints into videomv model folders"
    )
    sub = parser.add_subparsers(title="convert commands", metavar="CONVERT_COMMAND", required=True)

    vgen = sub.add_parser(
        "vgen",
        help="a reference VideoMV .pth (VGen layout) -> camera UNet + reconstructor, or a pipeline folder",
        description="Converts the reference VideoMV image (--i2v) or text (--t2v) checkpoint. Without --base, "
        "writes OUT/unet (and OUT/reconstructor when the checkpoint carries its LGM). With --base, writes a "
        "complete pipeline folder for `videomv generate --model OUT`: VAE, tokenizer and text encoder (and for "
        "--i2v the CLIP image encoder) are taken from BASE, a local diffusers folder of "
        "ali-vilab/text-to-video-ms-1.7b (--t2v) or ali-vilab/i2vgen-xl (--i2v); its UNet is not needed. "
        "Files are read with torch.load(weights_only=True): no code in them runs.",
    )
    source = vgen.add_mutually_exclusive_group(required=True)
    source.add_argument("--i2v", type=Path, metavar="FILE", help="the image model checkpoint (e.g. i2v_00882000.pth)")
    source.add_argument("--t2v", type=Path, metavar="FILE", help="the text model checkpoint (e.g. t2v_00333000.pth)")
    vgen.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write")
    vgen.add_argument("--base", type=Path, default=None, metavar="DIR", help="diffusers folder of the base model")
    vgen.add_argument(
        "--text-encoder", type=Path, default=None, metavar="DIR",
        help="transformers folder of the OpenCLIP ViT-H/14 text encoder (default: BASE's text_encoder)",
    )  # fmt: skip
    vgen.add_argument(
        "--image-encoder", type=Path, default=None, metavar="DIR",
        help="folder with image_encoder/ and feature_extractor/ (--i2v; default: BASE)",
    )  # fmt: skip
    vgen.add_argument(
        "--lgm", type=Path, default=None, metavar="FILE",
        help="LGM weights (model_fp16.safetensors) to use as the reconstructor instead of the checkpoint's own",
    )  # fmt: skip
    _add_common(vgen)
    vgen.set_defaults(func=run_vgen)

    lgm = sub.add_parser(
        "lgm",
        help="LGM's model.safetensors -> a reconstructor folder",
        description="Converts LGM's public weights (any of its variants; the architecture is read from the "
        "tensors) into a GaussianReconstructor folder (GaussianReconstructor.from_pretrained(OUT)).",
    )
    lgm.add_argument("weights", type=Path, help="LGM's model.safetensors (or a .pth/.pt state dict)")
    lgm.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write")
    lgm.add_argument(
        "--cam-radius", type=float, default=1.5,
        help="distance of the first input camera in the reconstructor's canonical frame (LGM: 1.5)",
    )  # fmt: skip
    _add_common(lgm)
    lgm.set_defaults(func=run_lgm)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dtype", default="auto", metavar="DTYPE",
        help="weights' dtype in the folder: auto (the checkpoint's), float32, float16 or bfloat16",
    )  # fmt: skip
    parser.add_argument("--overwrite", action="store_true", help="replace an existing OUT")


# --------------------------------------------------------------------------------------- assembly


def _need_folder(path: Path, subfolder: str, what: str) -> None:
    if not (path / subfolder).is_dir():
        raise FileNotFoundError(f"{path / subfolder} not found: give {what}")


def assemble_pipeline(
    unet: Any,
    task: str,
    base: str | os.PathLike,
    text_encoder: str | os.PathLike | None = None,
    image_encoder: str | os.PathLike | None = None,
    reconstructor: Any = None,
) -> Any:
    """A ``VideoMVPipeline`` of a converted reference UNet with the base model's other parts.

    The pipeline gets the reference settings of the task's preset (prompt suffix, guidance 9.0 / 6.0,
    24 views at elevation 15° / 5° and radius 2.0 / 1.7, fov 39.6°, DDIM on the task's noise schedule),
    the reference code's own behaviours (:data:`videomv.models.configs.REFERENCE_PIPELINE_SETTINGS`,
    ``REFERENCE_SCHEDULER_SETTINGS`` and, image model, the CLIP input's bilinear resize), and for the
    image model the reference frame-rate input (8).

    Args:
        unet: the converted camera UNet (see :func:`videomv.models.vgen_convert.convert_vgen_checkpoint`).
        task: ``"text"`` or ``"image"``.
        base: local diffusers folder of ModelScope-T2V (text) or I2VGen-XL (image); ``vae/`` is read, and
            ``tokenizer/`` + ``text_encoder/`` / ``image_encoder/`` + ``feature_extractor/`` unless given.
        text_encoder: transformers (or diffusers) folder of the OpenCLIP ViT-H/14 text encoder.
        image_encoder: folder with ``image_encoder/`` and ``feature_extractor/`` (image model).
        reconstructor: the converted reconstructor, or None.

    Raises:
        FileNotFoundError: naming the folder that is missing.
    """
    from ..models.configs import REFERENCE_CLIP_RESAMPLE, REFERENCE_PIPELINE_SETTINGS, REFERENCE_SCHEDULER_SETTINGS
    from ..models.vgen_convert import TASK_PRESETS, VGEN_I2V_FPS
    from ..pipelines import VideoMVPipeline
    from ..sampling import make_scheduler

    base = Path(base)
    hub_name = "ali-vilab/i2vgen-xl" if task == "image" else "ali-vilab/text-to-video-ms-1.7b"
    _need_folder(base, "vae", f"--base, a local diffusers folder of {hub_name}")
    if text_encoder is None:
        _need_folder(base, "text_encoder", f"--text-encoder or a --base with text_encoder/ ({hub_name})")
    elif not Path(text_encoder).is_dir():
        raise FileNotFoundError(
            f"{text_encoder} not found: give --text-encoder, a transformers folder of a text encoder"
        )
    config = dict(REFERENCE_PIPELINE_SETTINGS[task])
    if task == "image":
        image_path = Path(image_encoder) if image_encoder is not None else base
        for subfolder in ("image_encoder", "feature_extractor"):
            _need_folder(image_path, subfolder, f"--image-encoder or a --base with {subfolder}/ ({hub_name})")
        config["fps"] = VGEN_I2V_FPS
    pipe = VideoMVPipeline.from_preset(
        TASK_PRESETS[task], base_model=base, text_encoder_path=text_encoder, image_encoder_path=image_encoder,
        unet=unet, reconstructor=reconstructor, **config,
    )  # fmt: skip
    pipe.register_modules(scheduler=make_scheduler("ddim", TASK_PRESETS[task], **REFERENCE_SCHEDULER_SETTINGS[task]))
    if pipe.feature_extractor is not None:
        pipe.feature_extractor.resample = REFERENCE_CLIP_RESAMPLE  # saved in its preprocessor_config.json
    if pipe.tokenizer is not None:
        pad_like_open_clip(pipe.tokenizer)  # saved in its special_tokens_map.json
    return pipe


def pad_like_open_clip(tokenizer: Any) -> None:
    """Makes ``tokenizer`` pad with token id 0, as the reference's ``open_clip.tokenize`` does.

    open_clip fills a zero tensor with ``[start, tokens..., end]`` ("!" is id 0 of CLIP's vocabulary); a
    transformers ``CLIPTokenizer`` pads with its ``pad_token``, "<|endoftext|>" (49407) unless its folder names
    another (Stable Diffusion 2's names "!"). The padded positions' hidden states reach the UNet's cross-attention.
    """
    if tokenizer.pad_token_id != 0:
        tokenizer.pad_token = tokenizer.convert_ids_to_tokens(0)


# ------------------------------------------------------------------------------------------ writing


def _dtype(name: str) -> Any:
    import torch

    if name not in DTYPE_NAMES:
        raise ValueError(f"unknown dtype {name!r}; use one of {', '.join(DTYPE_NAMES)}")
    return None if name == "auto" else getattr(torch, name)


def _check_out(out: Path, overwrite: bool) -> None:
    """Refuses an ``out`` that exists (unless ``overwrite`` and it is an earlier conversion of ours, unchanged),
    is a file, or cannot be written."""
    from ..fileio import check_output_folder

    check_output_folder(out, overwrite)


def _write(out: Path, overwrite: bool, components: dict[str, Any]) -> None:
    """Saves each ``{subfolder: model}`` (``""``: the folder itself) in a staged folder renamed to ``out``."""
    from ..fileio import staged_folder, write_owner_marker

    _check_out(out, overwrite)
    with staged_folder(out) as staging:
        for subfolder, model in components.items():
            model.save_pretrained(staging / subfolder if subfolder else staging)
        write_owner_marker(staging, "videomv convert")


def _millions(model: Any) -> str:
    return f"{sum(p.numel() for p in model.parameters()) / 1e6:,.1f} M"


def run_vgen(args: argparse.Namespace) -> int:
    from ..models.configs import REFERENCE_RECONSTRUCTOR_SETTINGS, get_preset
    from ..models.vgen_convert import (
        TASK_PRESETS,
        convert_reconstructor,
        convert_vgen_checkpoint,
        drop_known_extras,
        load_state_dict_file,
    )

    task, path = ("image", args.i2v) if args.i2v is not None else ("text", args.t2v)
    dtype = _dtype(args.dtype)
    for folder, option in (
        (args.base, "--base"),
        (args.text_encoder, "--text-encoder"),
        (args.image_encoder, "--image-encoder"),
    ):
        if folder is not None:
            check_folder(folder, f"the {option} folder")
    if args.base is None and (args.text_encoder is not None or args.image_encoder is not None):
        raise ValueError("--text-encoder and --image-encoder assemble a pipeline: give --base too")
    # Checked before minutes of loading.
    _check_out(args.out, args.overwrite)
    for file, what in ((path, "a checkpoint (.pth)"), (args.lgm, "LGM weights")):
        if file is not None:
            check_file(file, what)
    state_dict, step = load_state_dict_file(path)
    with naming_file(path):
        result = convert_vgen_checkpoint(state_dict, task, dtype, step=step)
    del state_dict
    if args.lgm is not None:
        lgm_state, _ = load_state_dict_file(args.lgm)
        lgm_state, ignored = drop_known_extras(lgm_state)
        result.ignored += ignored
        # Run as the reference runs any LGM weights: its canonical radius is the orbit's, its rotations its own.
        settings = {"cam_radius": get_preset(TASK_PRESETS[task]).pipeline["radius"], **REFERENCE_RECONSTRUCTOR_SETTINGS}
        with naming_file(args.lgm):
            result.reconstructor = convert_reconstructor(lgm_state, dtype or result.unet.dtype, **settings)
    parts = [f"UNet {type(result.unet).__name__} ({_millions(result.unet)})"]
    if result.reconstructor is not None:
        parts.append(f"reconstructor ({_millions(result.reconstructor)})")
    if args.base is None:
        components = {"unet": result.unet}
        if result.reconstructor is not None:
            components["reconstructor"] = result.reconstructor
        _write(args.out, args.overwrite, components)
        what = "components"
    else:
        from ..logs import library_progress_bars

        with library_progress_bars():  # the base's loading bars: only with --verbose
            pipe = assemble_pipeline(
                result.unet, task, args.base, args.text_encoder, args.image_encoder, result.reconstructor
            )
        pipe.to(dtype=result.unet.dtype)
        _write(args.out, args.overwrite, {"": pipe})
        what = "pipeline"
    print(f"converted {path} (step {step}) -> {what} {args.out}: {', '.join(parts)}")
    if result.ignored:
        print(f"ignored {len(result.ignored)} keys of the reference LGM's training-only LPIPS network (lpips_loss.*)")
    if result.reconstructor is None:
        print("no reconstructor in the checkpoint: pass --lgm model_fp16.safetensors for 3D-aware sampling")
    return 0


def run_lgm(args: argparse.Namespace) -> int:
    from ..models.vgen_convert import convert_reconstructor, load_state_dict_file

    dtype = _dtype(args.dtype)
    _check_out(args.out, args.overwrite)
    state_dict, _ = load_state_dict_file(args.weights)
    with naming_file(args.weights):
        reconstructor = convert_reconstructor(state_dict, dtype, cam_radius=args.cam_radius)
    _write(args.out, args.overwrite, {"": reconstructor})
    print(f"converted {args.weights} -> reconstructor {args.out} ({_millions(reconstructor)})")
    return 0
