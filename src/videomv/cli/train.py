"""``videomv train``: fine-tune the diffusion model or train the reconstructor (accelerate loop).

Single process::

    videomv train diffusion --preset tiny-cpu --data data/train --max-steps 200

Many GPUs / nodes (see ``configs/accelerate/`` and ``docs/training_notes.md``)::

    accelerate launch --config_file configs/accelerate/multi_gpu.yaml -m videomv.cli.main \\
        train diffusion --preset t2v-modelscope --pretrained /models/text-to-video-ms-1.7b --data data/objaverse

Several CPU processes (gloo; ``accelerate launch --cpu`` starts only one process without mpirun)::

    ACCELERATE_USE_CPU=true accelerate launch --multi_gpu --num_processes 2 -m videomv.cli.main \
        train diffusion --preset tiny-cpu --data data/train
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..training.config import PRESETS, TrainConfig, apply_overrides, describe, field_names, preset


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``train`` on the top-level ``videomv`` subparsers."""
    parser = commands.add_parser(
        "train",
        help="train the diffusion model or the reconstructor (accelerate; resumable)",
        description="Trains TASK from a preset plus --key value overrides of any config field. Options: "
        f"--preset NAME ({', '.join(PRESETS)}), --resume DIR (a run folder or a step-XXXXXXXX checkpoint: "
        "its saved config is the base unless --preset is given), --print-config (show the effective "
        "config and exit). Config keys: " + ", ".join(field_names()) + ". See docs/training_notes.md.",
    )
    parser.add_argument(
        "task",
        choices=("diffusion", "reconstructor", "embed-prompts", "export"),
        help="what to train (or do): embed-prompts writes a diffusion run's prompt embeddings once (--out FILE), "
        "for --prompt-embeddings; export writes a checkpoint's model as a loadable folder "
        "(--resume CHECKPOINT --out DIR [--no-ema])",
    )
    parser.add_argument("options", nargs=argparse.REMAINDER, help="--preset NAME, --resume DIR, --key value ...")
    parser.set_defaults(func=run_train, print_train_help=parser.print_help)


def resolve_config(task: str, options: list[str]) -> tuple[TrainConfig, Path | None, bool]:
    """``(config, resume checkpoint or None, print_only)`` from the command line of ``videomv train TASK``."""
    from ..training.checkpoint import CONFIG_FILE, resolve_resume

    own = argparse.ArgumentParser(prog=f"videomv train {task}", add_help=False)
    own.add_argument("--preset")
    own.add_argument("--resume")
    own.add_argument("--print-config", action="store_true")
    known, overrides = own.parse_known_args(options)
    resume = resolve_resume(known.resume) if known.resume else None
    if known.preset is not None:
        config = preset(known.preset)
    elif resume is not None:
        config = TrainConfig.from_json((resume / CONFIG_FILE).read_text())
    else:
        raise ValueError(f"give --preset NAME ({', '.join(PRESETS)}) or --resume DIR")
    config = apply_overrides(config, overrides)
    if config.task != task:
        # A reconstructor preset under `train diffusion` (or the reverse) is a mistake, not an override.
        raise ValueError(f"the configuration trains the {config.task}, not the {task}; pick a {task} preset")
    return config, resume, known.print_config


def run_train(args: argparse.Namespace) -> int:
    """Runs ``videomv train``."""
    from ..training.loop import make_accelerator, run

    if args.task == "export":
        return run_export(args.options)
    if {"-h", "--help"} & set(args.options):
        # REMAINDER hands a --help after TASK to the config overrides: answer it instead.
        args.print_train_help()
        return 0
    if args.task == "embed-prompts":
        return run_embed_prompts(args.options)
    config, resume, print_only = resolve_config(args.task, args.options)
    if print_only:
        print(config.to_json())
        return 0
    accelerator = make_accelerator(config)
    # Under `accelerate launch` every process runs this: one of them reports.
    main = accelerator.is_main_process
    if main:
        print(f"videomv train {args.task}:\n{describe(config)}")
    result = run(config, resume=resume, accelerator=accelerator)
    if not main:
        return 0
    summary = {
        "step": result.step,
        "stopped": result.stopped,
        "final": str(result.final) if result.final else None,
        "last_loss": result.losses[-1] if result.losses else None,
        "steps_per_second": result.steps_per_second,
    }
    print(json.dumps(summary))
    return 0


def run_embed_prompts(options: list[str]) -> int:
    """Runs ``videomv train embed-prompts --out FILE`` plus a diffusion run's options."""
    from ..training.diffusion import build_pipeline
    from ..training.prompt_cache import dataset_prompts, write_prompt_embeddings

    own = argparse.ArgumentParser(prog="videomv train embed-prompts", add_help=False)
    own.add_argument("--out", required=True, type=Path)
    known, rest = own.parse_known_args(options)
    config, _, _ = resolve_config("diffusion", rest)
    if config.prompt_embeddings:
        raise ValueError("embed-prompts computes --prompt-embeddings: leave that option out")
    pipe = build_pipeline(config)
    prompts = dataset_prompts(config.data, config.split, pipe.config.prompt_suffix)
    path = write_prompt_embeddings(pipe, prompts, known.out)
    print(f"wrote {len(prompts)} prompt embeddings to {path}")
    return 0


def run_export(options: list[str]) -> int:
    """Runs ``videomv train export --resume CHECKPOINT --out DIR [--no-ema]``."""
    from ..training.loop import export_checkpoint

    own = argparse.ArgumentParser(prog="videomv train export")
    own.add_argument(
        "--resume",
        required=True,
        metavar="CHECKPOINT",
        help="a step-XXXXXXXX checkpoint, or a run folder for its newest",
    )
    own.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help="gets pipeline/ or reconstructor/, as a run's end does"
    )
    own.add_argument("--no-ema", action="store_true", help="export the raw weights even where the run kept EMA ones")
    known = own.parse_args(options)
    folder = export_checkpoint(known.resume, known.out, use_ema=not known.no_ema)
    print(f"wrote {folder}")
    return 0
