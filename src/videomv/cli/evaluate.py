"""``videomv eval views | consistency | text``: the paper's protocols, baselines and reports in one command."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

from .generate import add_sampling_arguments
from .parsing import add_progress_argument

# Blurs beyond this many pixels leave a flat colour at any size we score: almost surely a typo.
MAX_BLUR_SIGMA = 256.0

DEFAULT_METHODS = {
    "views": "model,model-reversed,plain,copy-input,blur-copy", "consistency": "model,plain", "text": "model",
}  # fmt: skip
_COMMON_HELP = (
    "Methods: model (the pipeline as shipped: 3D-aware sampling when it has a reconstructor), model-reversed (the "
    "model's views scored against the orbit reversed: what they score without following the camera), plain (no "
    "3D-aware sampling), no-camera (camera embedding zeroed), copy-input (every view = the input view), blur-copy "
    "(every view = the input view blurred, see --blur-sigma), ground-truth (the ground-truth views), external:DIR "
    "(another method's views: DIR/<object>/ in the on-disk format). The report gives model minus every other "
    "method paired by object (mean ± standard error) and the turn score (model minus model-reversed). Writes "
    "OUT/metrics.json, OUT/report.md, OUT/plots/*.png and OUT/views/<method>/<object>/."
)


def _add_common_arguments(parser: argparse.ArgumentParser, protocol: str) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the output folder")
    parser.add_argument("--model", type=Path, default=None, metavar="PATH", help="a pipeline folder (default: shipped)")
    parser.add_argument(
        "--methods", default=None, metavar="LIST",
        help=f"comma-separated methods (default {DEFAULT_METHODS[protocol]}; plain only with a reconstructor)",
    )  # fmt: skip
    parser.add_argument("--data", type=Path, default=None, metavar="DIR", help="multi-view data (dataset or sample)")
    parser.add_argument(
        "--split", default=None, metavar="NAME", help="train, heldout or all (datasets with index.json)"
    )
    parser.add_argument(
        "--layout", default="videomv", metavar="NAME", help="data layout: videomv, gobjaverse, syncdreamer or zero123"
    )
    parser.add_argument("--input-view", type=int, default=0, metavar="I", help="the view given to the methods")
    parser.add_argument(
        "--views", type=int, default=None, metavar="N",
        help="views per object, evenly spaced (default: the model's view count, at most the data's; all the data's "
        "views without a model)",
    )  # fmt: skip
    parser.add_argument("--size", type=int, default=None, metavar="PX", help="scoring resolution (default the model's)")
    parser.add_argument("--limit", type=int, default=None, metavar="K", help="evaluate at most K objects")
    parser.add_argument("--steps", type=int, default=None, metavar="S", help="denoising steps (default: the model's)")
    parser.add_argument(
        "--guidance", type=float, default=None, metavar="G", help="guidance scale (default the model's)"
    )
    add_sampling_arguments(parser)
    parser.add_argument("--seed", type=int, default=0, metavar="K", help="sampling seed, the same for every object")
    parser.add_argument(
        "--blur-sigma", default="auto", metavar="auto|S",
        help="blur-copy's Gaussian blur in pixels at the scoring size; auto (default): the blur with the best mean "
        "PSNR on the train split of --data (the held-out objects never tune it)",
    )  # fmt: skip
    parser.add_argument("--device", default="auto", help="auto (CUDA if available, else CPU), cpu, cuda, cuda:1 ...")
    parser.add_argument("--dtype", default="float32", metavar="DTYPE", help="float32, float16 (CUDA) or bfloat16")
    parser.add_argument("--no-save-views", dest="save_views", action="store_false", help="do not keep the views")
    parser.add_argument("--overwrite", action="store_true", help="replace an earlier evaluation in --out")
    add_progress_argument(parser)


def _add_prompt_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prompt", action="append", default=[], metavar="TEXT", help="a prompt (repeatable)")
    parser.add_argument("--prompts", type=Path, default=None, metavar="FILE", help="a file of prompts, one per line")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``eval`` and its protocols on the top-level ``videomv`` subparsers."""
    evaluate = commands.add_parser("eval", help="evaluate the model, ablations and baselines on shared protocols")
    protocols = evaluate.add_subparsers(title="protocols", metavar="PROTOCOL", required=True)

    views = protocols.add_parser(
        "views", help="image→views: PSNR / SSIM / LPIPS against ground-truth views, full-frame and foreground",
        description="For each object of --data, gives the methods the input view, generates the views at the "
        "ground-truth cameras and scores them against the ground truth. " + _COMMON_HELP,
    )  # fmt: skip
    _add_common_arguments(views, "views")
    views.set_defaults(func=run_eval, protocol="views")

    consistency = protocols.add_parser(
        "consistency", help="3D consistency: fit Gaussians on even views, score odd ones; reconstructor variant",
        description="Scores how well one 3D model explains the generated views (no ground truth needed): "
        "Gaussians fitted on the even views are rendered at the odd ones (fit_*), and the model's reconstructor "
        "sees K views and is rendered at all (recon_*). Objects come from --data (image or text models) or "
        "--prompt/--prompts (text models). " + _COMMON_HELP,
    )  # fmt: skip
    _add_common_arguments(consistency, "consistency")
    _add_prompt_arguments(consistency)
    consistency.add_argument("--fit-steps", type=int, default=500, metavar="S", help="Gaussian fit steps (500)")
    consistency.add_argument(
        "--fit-gaussians", type=int, default=4000, metavar="N", help="initial Gaussians of the fit (default 4000)"
    )
    consistency.add_argument(
        "--recon-views", default=None, metavar="LIST", help="views the reconstructor sees, e.g. 0,6,12,18 (default "
        "evenly spaced)",
    )  # fmt: skip
    consistency.set_defaults(func=run_eval, protocol="consistency")

    text = protocols.add_parser(
        "text", help="text→views: prompt following (colour, shape), CLIP score and FID with local weights",
        description="Generates views from captions (--data) or prompts and checks them: for procedural captions "
        "the dominant colours and the silhouette of the named shape (no weights needed); CLIP score with local "
        "CLIP weights (--clip) and FID against the ground truth with torch-fidelity's Inception weights cached "
        "locally, each skipped with a note otherwise. " + _COMMON_HELP,
    )  # fmt: skip
    _add_common_arguments(text, "text")
    _add_prompt_arguments(text)
    text.add_argument("--clip", default=None, metavar="PATH", help="a local CLIP model folder or cached model id")
    text.set_defaults(func=run_eval, protocol="text")

    from .mesh import add_eval_parser

    add_eval_parser(protocols)


def _read_prompts(args: argparse.Namespace) -> list[str]:
    prompts = list(getattr(args, "prompt", []))
    file = getattr(args, "prompts", None)
    if file is not None:
        if not file.is_file():
            raise FileNotFoundError(f"prompts file not found: {file}")
        prompts += [line.strip() for line in file.read_text().splitlines() if line.strip()]
    return prompts


def _check_args(args: argparse.Namespace, prompts: list[str]) -> None:
    """Every option, checked before any model is loaded or anything written; one line each."""
    if args.data is None and not prompts:
        needs = "--data DIR" if args.protocol == "views" else "--data DIR or --prompt TEXT / --prompts FILE"
        raise ValueError(f"nothing to evaluate; give {needs}")
    if args.data is not None and prompts:
        raise ValueError("give either --data or prompts, not both")
    _check_counts(args)
    if args.input_view < 0:
        raise ValueError(f"--input-view must be a view index (0 or more), got {args.input_view}")
    _sampling_settings(args).check()
    _recon_views(args)
    _blur_sigma(args)
    if args.data is not None:
        _check_data(args)


def _check_counts(args: argparse.Namespace) -> None:
    """The counts only eval has: each None (the default) or a whole number from 1 to its bound."""
    from .gaussians import MAX_FIT_GAUSSIANS, MAX_FIT_STEPS, MAX_RENDER_SIZE

    bounds = {
        "--limit": (args.limit, None), "--size": (args.size, MAX_RENDER_SIZE),
        "--fit-steps": (getattr(args, "fit_steps", None), MAX_FIT_STEPS),
        "--fit-gaussians": (getattr(args, "fit_gaussians", None), MAX_FIT_GAUSSIANS),
    }  # fmt: skip
    # `is None`, never `or`: a 0 given on purpose is refused, not read as "the default".
    for name, (value, high) in bounds.items():
        if value is not None and not (value >= 1 and (high is None or value <= high)):
            allowed = "at least 1" if high is None else f"from 1 to {high}"
            raise ValueError(f"{name} must be {allowed}, got {value}")


def _sampling_settings(args: argparse.Namespace) -> Any:
    """The sampling options eval shares with ``videomv generate``, as its settings: one set of rules for both.

    The prompt is a stand-in (eval's objects bring their own condition); views, steps, guidance,
    seed and the 3D-aware schedule are checked exactly as ``generate`` checks them.
    """
    from ..pipelines.export import GenerateSettings

    return GenerateSettings(
        prompt="eval", views=args.views, steps=args.steps, guidance=args.guidance, seed=args.seed,
        three_d_aware_steps=args.three_d_aware_steps, three_d_aware_blend=args.three_d_aware_blend,
    )  # fmt: skip


def _recon_views(args: argparse.Namespace) -> list[int] | None:
    """``--recon-views 0,6,12,18`` as view indices (None: evenly spaced), or a one-line error."""
    text = getattr(args, "recon_views", None)
    if text is None:
        return None
    tokens = [token.strip() for token in text.split(",")]
    if not tokens or not all(token.isdigit() for token in tokens) or len(set(tokens)) != len(tokens):
        raise ValueError(f"--recon-views {text!r}: give distinct view indices separated by commas, e.g. 0,6,12,18")
    return [int(token) for token in tokens]


def _blur_sigma(args: argparse.Namespace) -> float | None:
    """``--blur-sigma`` in pixels, None for ``auto``, or a one-line error."""
    text = str(getattr(args, "blur_sigma", "auto")).strip()
    if text == "auto":
        return None
    try:
        sigma = float(text)
    except ValueError:
        sigma = math.nan
    if not (math.isfinite(sigma) and 0 <= sigma <= MAX_BLUR_SIGMA):
        raise ValueError(f"--blur-sigma {text!r}: give auto or a blur in pixels from 0 to {MAX_BLUR_SIGMA:g}")
    return sigma


def _blur_training_objects(args: argparse.Namespace, size: int | None, views: int | None) -> list:
    """The objects ``--blur-sigma auto`` chooses on: --data's train split, read like the evaluated ones."""
    from ..evaluation.objects import data_objects

    try:
        return data_objects(args.data, "train", args.layout, args.input_view, args.views, size, default_views=views)
    except (FileNotFoundError, ValueError) as err:
        raise ValueError(
            f"--blur-sigma auto chooses blur-copy's blur on the train split of --data, which {args.data} lacks "
            f"({err}); give --blur-sigma S (pixels), or leave blur-copy out"
        ) from None


def _requested_methods(args: argparse.Namespace) -> list[str]:
    """The methods asked for (or the protocol's defaults), checked before anything is loaded.

    The default ``blur-copy`` is left out, with a note, when ``--blur-sigma auto`` has no train
    split to choose on; asked for by name, that is an error.
    """
    from ..evaluation.methods import parse_methods

    names = parse_methods(DEFAULT_METHODS[args.protocol] if args.methods is None else args.methods)
    if "blur-copy" in names and _blur_sigma(args) is None:
        try:
            if args.data is None:
                raise ValueError("--blur-sigma auto needs --data with a train split; give --blur-sigma S (pixels)")
            _blur_training_objects(args, None, None)
        except ValueError:
            if args.methods is not None:
                raise
            print("videomv: note: blur-copy left out: --data has no train split to choose its blur on")
            names.remove("blur-copy")
    return names


def _blur(args: argparse.Namespace, names: list[str], size: int | None, pipe: Any) -> Any:
    """blur-copy's sigma, or the search that chose it on the train split (None without blur-copy)."""
    from ..evaluation.controls import choose_blur_on

    if "blur-copy" not in names:
        return None
    sigma = _blur_sigma(args)
    if sigma is not None:
        return sigma
    views = pipe.config.num_views if pipe is not None else None
    return choose_blur_on(_blur_training_objects(args, size, views))


def _check_data(args: argparse.Namespace) -> None:
    """``--data`` is a folder that holds objects of ``--layout`` (and ``--split``): listed, not read."""
    from ..evaluation.objects import data_objects

    if not args.data.exists():
        raise FileNotFoundError(f"--data {args.data}: folder not found")
    if not args.data.is_dir():
        raise NotADirectoryError(f"--data {args.data} is a file; give a dataset or sample folder")
    if not data_objects(args.data, args.split, args.layout, args.input_view, args.views, args.size, args.limit):
        raise ValueError(f"--data {args.data}: no objects to evaluate")


def _resolve_methods(args: argparse.Namespace, requested: list[str], pipe: Any) -> list[str]:
    names = list(requested)
    if args.methods is None and pipe is not None and pipe.reconstructor is None:
        names = [n for n in names if n != "plain"]  # nothing to compare against without 3D-aware sampling
    return names


def _protocol(args: argparse.Namespace, pipe: Any) -> Any:
    from ..evaluation.protocols import ConsistencyProtocol, TextProtocol, ViewsProtocol
    from ..evaluation.text_metrics import ClipScorer

    if args.protocol == "views":
        return ViewsProtocol()
    if args.protocol == "consistency":
        reconstructor = pipe.reconstructor if pipe is not None else None
        return ConsistencyProtocol(
            args.fit_steps, reconstructor, _recon_views(args), num_gaussians=args.fit_gaussians, progress=False
        )
    return TextProtocol(ClipScorer.load(args.clip), fid=args.data is not None)


def _objects(args: argparse.Namespace, prompts: list[str], pipe: Any, size: int | None) -> list:
    from ..cameras import orbit
    from ..evaluation.objects import data_objects, prompt_objects

    if args.data is not None:
        model_views = pipe.config.num_views if pipe is not None else None
        return data_objects(
            args.data, args.split, args.layout, args.input_view, args.views, size, args.limit, default_views=model_views
        )
    if pipe is None:
        raise ValueError("prompts need a text-to-views model to generate from; use a model method")
    config = pipe.config
    views = config.num_views if args.views is None else args.views
    cameras = orbit(views, config.elevation, config.radius, config.fov, pipe.image_size)
    return prompt_objects(prompts[: args.limit], cameras)


def run_eval(args: argparse.Namespace) -> int:
    from ..evaluation.harness import check_output_folder, prepare_output_folder, run_evaluation
    from ..evaluation.methods import build_methods, needs_model
    from ..pipelines.export import load_pipeline

    prompts = _read_prompts(args)
    _check_args(args, prompts)
    requested = _requested_methods(args)
    check_output_folder(args.out, args.overwrite)
    # The consistency protocol's recon columns use the model's reconstructor, baselines' views included.
    wants_model = needs_model(requested) or args.protocol == "consistency"
    pipe = None
    if wants_model:
        pipe = load_pipeline(args.model, args.device, args.dtype, args.scheduler, progress=not args.no_progress)
    if pipe is not None:
        pipe.set_progress_bar_config(disable=True)  # one bar per object is enough
    names = _resolve_methods(args, requested, pipe)
    size = args.size if args.size is not None or pipe is None else pipe.image_size
    methods = build_methods(
        names, pipe, args.steps, args.guidance, from_text=args.protocol == "text",
        refine_steps=args.three_d_aware_steps, refine_blend=args.three_d_aware_blend,
        blur=_blur(args, names, size, pipe),
    )  # fmt: skip
    settings = {
        "model": (str(args.model.resolve()) if args.model else "default") if pipe is not None else None,
        "data": str(args.data.resolve()) if args.data else None, "split": args.split, "layout": args.layout,
        "prompts": len(prompts) or None, "input_view": args.input_view, "views": args.views, "size": size,
        "limit": args.limit, "steps": args.steps, "guidance": args.guidance, "scheduler": args.scheduler,
        "device": str(pipe.device) if pipe is not None else None,
        "fit_steps": getattr(args, "fit_steps", None), "fit_gaussians": getattr(args, "fit_gaussians", None),
        "recon_views": getattr(args, "recon_views", None),
        "blur_sigma": args.blur_sigma if "blur-copy" in names else None,
    }  # fmt: skip
    protocol, objects = _protocol(args, pipe), _objects(args, prompts, pipe, size)
    # Only now, with everything loaded and checked, is an earlier evaluation's output cleared.
    out = prepare_output_folder(args.out, args.overwrite)
    record = run_evaluation(
        protocol, objects, methods, out, settings, seed=args.seed,
        save_views=args.save_views, progress=not args.no_progress,
    )  # fmt: skip
    failed = len(record["failures"])
    print(f"evaluated {len(record['objects'])} objects x {len(methods)} methods ({failed} failures) -> {out}/report.md")
    for note in record["notes"]:
        print(note)
    # Exit 1 only when nothing at all was scored.
    return 1 if not any(row["objects"] for row in record["summary"].values()) else 0
