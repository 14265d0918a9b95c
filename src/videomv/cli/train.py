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
import dataclasses
import inspect
import json
import re
import signal
import sys
from pathlib import Path
from typing import NoReturn

from ..logs import set_verbose
from ..training.config import PRESETS, TrainConfig, apply_overrides, describe, preset

TASKS = ("diffusion", "reconstructor")
# Sections of TrainConfig (its "# --- name ---" comments) that a task does not read.
SECTIONS_NOT_READ = {"diffusion": ("reconstructor",), "reconstructor": ("noise schedule",)}
# Flags of the command itself, taken out of the options before the config overrides are read.
COMMAND_FLAGS = ("--no-progress", "--quiet-progress", "--verbose")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``train`` on the top-level ``videomv`` subparsers."""
    parser = commands.add_parser(
        "train",
        help="train the diffusion model or the reconstructor (accelerate; resumable)",
        description="Trains TASK from a preset plus --key value overrides of any config field: "
        "'videomv train diffusion --help' and 'videomv train reconstructor --help' list each task's options "
        "with their defaults. A run stopped by SIGTERM/SIGINT saves a checkpoint and exits with 143/130. "
        "See docs/training_notes.md.",
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


class _OwnParser(argparse.ArgumentParser):
    """An options parser whose mistakes are ValueErrors: ``videomv`` reports them in one line."""

    def error(self, message: str) -> NoReturn:
        raise ValueError(f"{self.prog}: {message}")


def resolve_config(task: str, options: list[str], writes_run: bool = True) -> tuple[TrainConfig, Path | None, bool]:
    """``(config, resume checkpoint or None, print_only)`` from the command line of ``videomv train TASK``.

    Everything is checked here, before any model loads: the options, the checkpoint resumed from
    (its files are parsed, never unpickled) and the output folder. A resumed run continues in the
    folder it was resumed from (the run folder around ``RUN/checkpoints/step-XXXXXXXX``), never in
    the ``output_dir`` its saved config names, unless ``--output-dir`` says otherwise.
    ``writes_run``: False for commands that read a run's options but write no run folder.
    """
    from ..training.checkpoint import check_output_dir, check_resumable, read_config, resolve_resume, run_folder

    own = _OwnParser(prog=f"videomv train {task}", add_help=False)
    own.add_argument("--preset")
    own.add_argument("--resume")
    own.add_argument("--print-config", action="store_true")
    known, overrides = own.parse_known_args(options)
    resume = resolve_resume(known.resume) if known.resume else None
    if resume is not None:
        check_resumable(resume)
    if known.preset is not None:
        config = preset(known.preset)
    elif resume is not None:
        config = read_config(resume)
    else:
        raise ValueError(f"give --preset NAME ({', '.join(PRESETS)}) or --resume DIR")
    if resume is not None:
        config.output_dir = str(run_folder(resume) or "")
    config = apply_overrides(config, overrides)
    if config.task != task:
        # A reconstructor preset under `train diffusion` (or the reverse) is a mistake, not an override.
        raise ValueError(f"the configuration trains the {config.task}, not the {task}; pick a {task} preset")
    if not config.output_dir:
        raise ValueError(f"--resume {resume}: not inside a run's checkpoints/ folder; give --output-dir for the run")
    config.check()
    if writes_run:
        check_output_dir(config.output_dir, resume)
    return config, resume, known.print_config


def run_train(args: argparse.Namespace) -> int:
    """Runs ``videomv train``.

    Returns 0 when the run finished, and 128 + the signal's number (143 for SIGTERM, 130 for SIGINT,
    as a shell reports a process the signal ended) when a signal stopped it after its checkpoint.
    """
    from ..training.loop import make_accelerator
    from ..training.runs import run

    if args.task == "export":
        return run_export(args.options)
    if {"-h", "--help"} & set(args.options):
        # REMAINDER hands a --help after TASK to the config overrides: answer it instead.
        if args.task in TASKS:
            task_parser(args.task).print_help()
        else:
            args.print_train_help()
        return 0
    options, flags = _command_flags(args.options)
    if "--verbose" in flags:
        set_verbose(True)
    if args.task == "embed-prompts":
        return run_embed_prompts(options)
    config, resume, print_only = resolve_config(args.task, options)
    if print_only:
        print(config.to_json())
        return 0
    accelerator = make_accelerator(config)
    # Under `accelerate launch` every process runs this: one of them reports.
    main = accelerator.is_main_process
    if main:
        print(f"videomv train {args.task}:\n{describe(config)}")
    progress = not {"--no-progress", "--quiet-progress"} & flags
    result = run(config, resume=resume, progress=progress, accelerator=accelerator)
    if main:
        summary = {
            "step": result.step,
            "stopped": result.stopped,
            "final": str(result.final) if result.final else None,
            "last_loss": result.losses[-1] if result.losses else None,
            "steps_per_second": result.steps_per_second,
        }
        print(json.dumps(summary))
    if not result.stopped:
        return 0
    signum = result.stop_signal or signal.SIGTERM
    if main:
        print(
            f"videomv: stopped by {signal.Signals(signum).name} at step {result.step} of {config.max_steps}, "
            f"checkpoint saved; continue with: videomv train {args.task} --resume {config.output_dir}",
            file=sys.stderr,
        )
    return 128 + signum


def _command_flags(options: list[str]) -> tuple[list[str], set[str]]:
    """``options`` without the command's own flags (REMAINDER hands them over too), and those flags."""
    return [o for o in options if o not in COMMAND_FLAGS], set(options) & set(COMMAND_FLAGS)


def task_parser(task: str) -> argparse.ArgumentParser:
    """A parser whose help lists ``videomv train TASK``'s options: the command's own, then every config
    field the task reads, grouped as in :class:`TrainConfig`, with its default and its comment there."""
    presets = [name for name, values in PRESETS.items() if values.get("task") == task]
    trained = "camera-conditioned video UNet" if task == "diffusion" else "Gaussian reconstructor"
    parser = argparse.ArgumentParser(
        prog=f"videomv train {task}",
        usage="%(prog)s (--preset NAME | --resume DIR) [--KEY VALUE ...] [--print-config] [--no-progress]",
        description=f"Trains the {trained} from a preset, with any of the options below overriding it. "
        "See docs/training_notes.md.",
    )
    own = parser.add_argument_group("run")
    own.add_argument("--preset", metavar="NAME", help=f"the base configuration: {', '.join(presets)}")
    own.add_argument(
        "--resume", metavar="DIR",
        help="a run folder or a step-XXXXXXXX checkpoint: its saved config is the base unless --preset is given, "
        "and the run continues in that run folder unless --output-dir is given",
    )  # fmt: skip
    own.add_argument("--print-config", action="store_true", help="show the effective config and exit")
    own.add_argument("--no-progress", action="store_true", help="no progress bar")
    own.add_argument("--verbose", action="store_true", help="also show the libraries' own bars and log lines")
    defaults = TrainConfig()
    for section, fields in config_sections():
        if section in SECTIONS_NOT_READ[task]:
            continue
        group = parser.add_argument_group(section)
        for name, kind, comment in fields:
            default = getattr(defaults, name)
            # %% because argparse formats help with %; the comment is the field's documentation.
            text = f"{comment} (default {default!r})".replace("%", "%%")
            group.add_argument(f"--{name.replace('_', '-')}", metavar=_metavar(kind), help=text)
    return parser


def config_sections() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """``[(section, [(field, type, comment), ...]), ...]`` of :class:`TrainConfig`, read from its source:
    the field comments there are the documentation (a field without one shares the one above it)."""
    sections: list[tuple[str, list[tuple[str, str, str]]]] = []
    comment: list[str] = []
    last = ""
    for line in inspect.getsource(TrainConfig).splitlines():
        text = line.strip()
        if text.startswith("def "):
            break
        if header := re.fullmatch(r"# --- (.+?) -+", text):
            sections.append((header.group(1), []))
        elif text.startswith("#") and sections:
            comment.append(text.lstrip("#").strip())
        elif (field := re.fullmatch(r"(\w+): (.+?) = .+", text)) and sections:
            last = " ".join(comment) or last
            sections[-1][1].append((field.group(1), field.group(2), last))
            comment = []
    named = {name for _, fields in sections for name, _, _ in fields}
    missing = [f.name for f in dataclasses.fields(TrainConfig) if f.name not in named]
    if missing:  # a field declared some other way: listed without its comment rather than hidden
        sections.append(("other", [(name, "", "") for name in missing]))
    return sections


def _metavar(kind: str) -> str | None:
    """``{a,b}`` for a Literal, else a word for the type (None: a flag, true without a value)."""
    if kind.startswith("Literal["):
        return "{" + ",".join(re.findall(r'"([^"]*)"', kind)) + "}"
    base = kind.split("|")[0].strip()
    return {"bool": "[BOOL]", "int": "N", "float": "X", "str": "TEXT"}.get(base, base.upper())


def run_embed_prompts(options: list[str]) -> int:
    """Runs ``videomv train embed-prompts --out FILE`` plus a diffusion run's options."""
    from ..training.diffusion import build_pipeline
    from ..training.prompt_cache import dataset_prompts, write_prompt_embeddings

    own = _OwnParser(prog="videomv train embed-prompts", add_help=False)
    own.add_argument("--out", required=True, type=Path)
    known, rest = own.parse_known_args(options)
    config, _, _ = resolve_config("diffusion", rest, writes_run=False)
    if config.prompt_embeddings:
        raise ValueError("embed-prompts computes --prompt-embeddings: leave that option out")
    pipe = build_pipeline(config)
    prompts = dataset_prompts(config.data, config.split, pipe.config.prompt_suffix)
    path = write_prompt_embeddings(pipe, prompts, known.out)
    print(f"wrote {len(prompts)} prompt embeddings to {path}")
    return 0


def run_export(options: list[str]) -> int:
    """Runs ``videomv train export --resume CHECKPOINT --out DIR [--no-ema]``."""
    from ..training.runs import export_checkpoint

    own = _OwnParser(prog="videomv train export")
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
