"""``videomv generate``: one image or prompt in; views, a grid, orbit videos, a .ply and result.json out."""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from .doctor import DEFAULT_MODEL
from .mesh import add_mesh_arguments, given_mesh_options, mesh_options, mesh_up
from .parsing import shard

# Written by --mesh beside gaussians.ply: pipelines.export.MESH_FILE, not imported here (that loads diffusers).
MESH_FILE = "mesh.glb"
DEFAULT_OUT = Path("videomv-output")
# How --num-processes starts its processes: spawned, not forked, so each starts clean (no inherited
# torch threads or CUDA state); they get the parsed command line, pickled.
START_METHOD = "spawn"
# The options whose default --help names for the shipped model, with their model_index.json keys.
SHIPPED_DEFAULTS = {
    "views": "num_views", "elevation": "elevation", "radius": "radius", "fov": "fov", "steps": "num_inference_steps",
    "guidance": "guidance_scale",
}  # fmt: skip


def shipped_defaults() -> dict[str, object]:
    """The shipped model's defaults of :data:`SHIPPED_DEFAULTS` and its scheduler, read from its
    model_index.json without importing torch (empty when the model is not there)."""
    try:
        index = json.loads((DEFAULT_MODEL / "model_index.json").read_text())
    except (OSError, ValueError):
        return {}
    found = {option: index[key] for option, key in SHIPPED_DEFAULTS.items() if key in index}
    scheduler = index.get("scheduler")
    if isinstance(scheduler, list) and len(scheduler) == 2:
        found["scheduler"] = scheduler[1]
    return found


def _default(option: str, unit: str = "") -> str:
    """``"default: the model's; 8 for the shipped model"``, for ``--help``."""
    value = shipped_defaults().get(option)
    return "default: the model's" + ("" if value is None else f"; {value}{unit} for the shipped model")


def refine_steps(text: str) -> list[int] | list[float]:
    """``"0.4,0.6"`` (fractions of the loop, in [0, 1)) or ``"4,6"`` (loop indices) as a list."""
    tokens = [token.strip() for token in text.split(",") if token.strip()]
    usage = f"{text!r}: give comma-separated fractions of the loop in [0, 1) (0.4,0.6) or step indices (4,6)"
    if all(token.isdigit() for token in tokens) and tokens:
        return [int(token) for token in tokens]
    try:
        fractions = [float(token) for token in tokens]
    except ValueError:
        raise argparse.ArgumentTypeError(usage) from None
    if not fractions or not all(0.0 <= f < 1.0 for f in fractions):
        raise argparse.ArgumentTypeError(usage)
    return fractions


def blend_weight(text: str) -> float:
    """A weight in [0, 1]."""
    try:
        weight = float(text)
    except ValueError:
        weight = -1.0
    if not 0.0 <= weight <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r}: the blend weight is a number from 0 to 1")
    return weight


def add_sampling_arguments(parser: argparse.ArgumentParser) -> None:
    """The sampler options shared by ``generate`` and ``eval``."""
    # Checked by the library, not argparse's choices, so a wrong name gets the one-line error.
    parser.add_argument(
        "--scheduler", default=None, metavar="NAME", help=f"ddim, dpmsolver++, unipc or ddpm ({_default('scheduler')})"
    )
    parser.add_argument(
        "--3d-aware-steps", dest="three_d_aware_steps", type=refine_steps, default=None, metavar="LIST",
        help="where x̂0 is replaced by the Gaussians' renders: fractions of the loop (0.4,0.6,0.8) or step "
        "indices (default: the model's)",
    )  # fmt: skip
    parser.add_argument(
        "--3d-aware-blend", dest="three_d_aware_blend", type=blend_weight, default=None, metavar="W",
        help="weight of the renders in that x̂0, 0 to 1 (default: the model's)",
    )  # fmt: skip


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``generate`` on the top-level ``videomv`` subparsers."""
    parser = commands.add_parser(
        "generate",
        help="generate consistent views, 3D Gaussians and orbit videos from an image or a prompt (or a list)",
        description="Runs a VideoMV pipeline on one image (--image) or one prompt (--prompt) and writes to "
        "--out: views/000.png ..., grid.png, views.mp4, views.gif, gaussians.ply and gaussians_orbit.mp4 "
        "(with a reconstructor in the model), mesh.glb (with --mesh), and result.json (settings, seed, timings, "
        "threads, versions). The views lie on an orbit (--views, --elevation, --radius, --fov) or at the cameras "
        "of a cameras.json (--cameras). Options left out take the model's defaults (the shipped tiny model: 64x64 "
        "views). With --inputs, runs a list of items into one folder each under --out, with manifest.jsonl; "
        "resumable, and split between processes by item index mod N (--shard, --num-processes, accelerate launch).",
    )
    parser.add_argument("--image", default=None, metavar="PATH", help="the condition image")
    parser.add_argument("--prompt", default=None, metavar="TEXT", help="the text prompt (with or without --image)")
    parser.add_argument("--model", type=Path, default=None, metavar="PATH", help="a pipeline folder (default: shipped)")
    parser.add_argument(
        "--views", type=int, default=None, metavar="N", help=f"views on the orbit, at most 64 ({_default('views')})"
    )
    parser.add_argument(
        "--elevation", type=float, default=None, metavar="E",
        help=f"orbit elevation, degrees ({_default('elevation', '°')})",
    )  # fmt: skip
    parser.add_argument(
        "--radius", type=float, default=None, metavar="R", help=f"camera distance to the object ({_default('radius')})"
    )
    parser.add_argument(
        "--fov", type=float, default=None, metavar="DEG",
        help=f"vertical field of view, degrees ({_default('fov', '°')}; with --cameras the file's)",
    )  # fmt: skip
    parser.add_argument(
        "--cameras", default=None, metavar="FILE",
        help="generate at these cameras instead of an orbit: a cameras.json of the on-disk multi-view format (or "
        "its sample folder); the views are its cameras, at the model's image size (square images only)",
    )  # fmt: skip
    parser.add_argument("--steps", type=int, default=None, metavar="S", help=f"denoising steps ({_default('steps')})")
    parser.add_argument(
        "--guidance",
        type=float,
        default=None,
        metavar="G",
        help=f"classifier-free guidance scale ({_default('guidance')})",
    )
    parser.add_argument(
        "--seed", type=int, default=0, metavar="K",
        help="random seed (default 0); with --inputs, item i's seed is K + i unless the list gives one",
    )  # fmt: skip
    parser.add_argument("--no-3d-aware", dest="three_d_aware", action="store_false", help="plain sampling")
    add_sampling_arguments(parser)
    parser.add_argument("--device", default="auto", help="auto (CUDA if available, else CPU), cpu, cuda, cuda:1 ...")
    parser.add_argument("--dtype", default="float32", metavar="DTYPE", help="float32, float16 (CUDA) or bfloat16")
    parser.add_argument(
        "--orbit-frames", type=int, default=48, help="frames of the Gaussians' orbit (default 48, at most 720)"
    )
    parser.add_argument(
        "--mesh", action="store_true",
        help=f"also mesh the Gaussians into {MESH_FILE} (textured, y up; on the CPU), with the --mesh-* options",
    )  # fmt: skip
    add_mesh_arguments(parser, prefix="mesh-")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, metavar="DIR",
        help=f"result folder (default: {DEFAULT_OUT}); with --inputs, the folder of the items' folders",
    )  # fmt: skip
    parser.add_argument(
        "--overwrite", action="store_true",
        help="replace an earlier result in --out (only a folder videomv wrote, holding nothing else); with "
        "--inputs, redo every item",
    )  # fmt: skip
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    add_batch_arguments(parser)
    parser.set_defaults(func=run_generate)


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """``--inputs`` and the options of a batch run."""
    batch = parser.add_argument_group("batches (--inputs)")
    batch.add_argument(
        "--inputs", type=Path, default=None, metavar="LIST",
        help="generate every item of LIST, each into its own folder under --out, and write --out/manifest.jsonl: "
        'a folder of images, a .txt of prompts (one a line, # comments) or a .jsonl of {"image", "prompt", "seed", '
        '"name"} objects. Started again, it skips the items done',
    )  # fmt: skip
    batch.add_argument(
        "--batch-size", type=int, default=1, metavar="B",
        help="items per pipeline call, sampled in one UNet forward per step (default 1)",
    )  # fmt: skip
    batch.add_argument("--retry-failed", action="store_true", help="run the items that failed before again")
    batch.add_argument(
        "--shard", type=shard, default=None, metavar="I/N",
        help="only the items whose index is I mod N (e.g. a SLURM array task: --shard $SLURM_ARRAY_TASK_ID/N); the "
        "same command without --shard then merges the manifest",
    )  # fmt: skip
    batch.add_argument(
        "--num-processes", type=int, default=1, metavar="N",
        help="split the items between N processes on this machine (each on its own GPU with --device auto and "
        "several GPUs; the CPU threads are shared out) and merge the manifest (default 1)",
    )  # fmt: skip


def _mesh_settings(args: argparse.Namespace) -> dict:
    """``GenerateSettings``' mesh and mesh_up of ``--mesh`` and its options; options without ``--mesh`` are refused."""
    if not args.mesh:
        given = given_mesh_options(args)
        if given:
            raise ValueError(f"{given[0]} is a meshing option; add --mesh to write {MESH_FILE}, or leave it out")
        return {}
    return {"mesh": mesh_options(args), "mesh_up": mesh_up(args, Path(MESH_FILE))}


def _settings(args: argparse.Namespace):
    """The run's :class:`~videomv.pipelines.export.GenerateSettings` of the command line."""
    from ..pipelines.export import GenerateSettings

    return GenerateSettings(
        prompt=args.prompt, image=args.image, views=args.views, elevation=args.elevation, radius=args.radius,
        steps=args.steps, guidance=args.guidance, seed=args.seed, three_d_aware=args.three_d_aware,
        three_d_aware_steps=args.three_d_aware_steps, three_d_aware_blend=args.three_d_aware_blend,
        orbit_frames=args.orbit_frames, cameras=args.cameras, fov=args.fov, **_mesh_settings(args),
    )  # fmt: skip


def run_generate(args: argparse.Namespace) -> int:
    from ..pipelines.export import generate_to_folder, load_pipeline

    if args.inputs is not None:
        return run_batch(args)
    batch_only = {
        "--batch-size": args.batch_size != 1, "--retry-failed": args.retry_failed, "--shard": args.shard is not None,
        "--num-processes": args.num_processes != 1,
    }  # fmt: skip
    for option, given in batch_only.items():
        if given:
            raise ValueError(f"{option} is for a list of inputs; add --inputs LIST, or leave {option} out")
    settings = _settings(args)
    # Every setting and the result folder first: a typo should not cost a model load.
    settings.check(args.out, args.overwrite)
    tic = time.perf_counter()
    pipe = load_pipeline(args.model, args.device, args.dtype, args.scheduler, progress=not args.no_progress)
    load_time = time.perf_counter() - tic
    info = {"model": str(args.model.resolve()) if args.model else "default", "requested_device": args.device}
    result = generate_to_folder(
        pipe, settings, args.out, overwrite=args.overwrite, progress=not args.no_progress, info=info,
        timings={"load_model": load_time},
    )  # fmt: skip
    timings = result.record["timings_s"]
    print(f"wrote {len(result.files)} outputs to {result.out} in {timings['total']:.1f} s")
    return 0


def run_batch(args: argparse.Namespace) -> int:
    """``generate --inputs``: this process's share of the list (all of it, a --shard, or a launcher rank's),
    or, with ``--num-processes``, N processes and the merged manifest."""
    from ..pipelines import batch, export

    if args.image is not None or args.prompt is not None:
        raise ValueError("--inputs gives each item's image and prompt; leave --image and --prompt out")
    if args.num_processes < 1:
        raise ValueError(f"--num-processes {args.num_processes}: must be at least 1")
    launcher = batch.launcher_rank()
    if launcher is not None and (args.shard is not None or args.num_processes > 1):
        raise ValueError(
            f"started by a launcher as process {launcher[0]} of {launcher[1]}, which takes its share of the items; "
            "leave --shard and --num-processes out"
        )
    items = batch.read_inputs(args.inputs, args.seed)
    shard = args.shard if launcher is None else launcher
    job = batch.BatchJob(
        items, _settings(args), args.out, inputs=args.inputs.resolve(), batch_size=args.batch_size,
        overwrite=args.overwrite, retry_failed=args.retry_failed, shard=shard, merge=shard is None,
        progress=not args.no_progress,
    )  # fmt: skip
    job.check()
    export.check_load_options(args.model, args.device, args.dtype, args.scheduler)
    if args.num_processes > 1:
        return _run_processes(args, job)
    device = _process_device(args.device, shard, launcher)
    info = {"model": str(args.model.resolve()) if args.model else "default", "requested_device": args.device}

    def load() -> export.VideoMVPipeline:
        return export.load_pipeline(args.model, device, args.dtype, args.scheduler, progress=not args.no_progress)

    if launcher is None:
        return _report(job, job.run(load, info))
    return _run_rank(job, load, info, launcher)


def _process_device(device: str, shard: tuple[int, int] | None, launcher: tuple[int, int] | None) -> str:
    """``--device auto`` of one of several processes: its own GPU (the launcher's local rank, or shard I
    on GPU I mod count) when there are GPUs; any other device as given."""
    import torch

    if device != "auto" or shard is None or not torch.cuda.is_available():
        return device
    local = int(os.environ.get("LOCAL_RANK", launcher[0])) if launcher else shard[0]
    return f"cuda:{local % torch.cuda.device_count()}"


def _run_rank(job, load, info: dict, launcher: tuple[int, int]) -> int:
    """One rank of ``accelerate launch`` / ``torchrun``: its share, then rank 0 merges once all are done."""
    import torch.distributed as dist

    from ..pipelines import batch

    # Gloo for one barrier only (no tensors move), on CPUs and GPUs alike; the launcher's env:// rendezvous.
    dist.init_process_group("gloo", timeout=batch.BARRIER_TIMEOUT)
    try:
        report = job.run(load, info)
        dist.barrier()
        if launcher[0] == 0:
            report.manifest = batch.merge_manifest(job.out, job.items)
    finally:
        dist.destroy_process_group()
    return _report(job, report, merged_by_another=launcher[0] != 0)


def _run_processes(args: argparse.Namespace, job) -> int:
    """``--num-processes N``: N processes on this machine, each with ``--shard`` (a share of this run's own),
    the threads shared out and, with GPUs, one GPU each; then the merged manifest."""
    import multiprocessing

    from ..pipelines import batch

    count = args.num_processes
    threads = batch.threads_per_process(count)
    batch.prepare_batch_folder(job.out, job.inputs)
    context = multiprocessing.get_context(START_METHOD)
    processes = []
    for k in range(count):
        shard = batch.sub_shard(args.shard, k, count)
        child = argparse.Namespace(**{**vars(args), "shard": shard, "num_processes": 1})
        child.device = _process_device(args.device, (k, count), None)
        processes.append(context.Process(target=_shard_process, args=(child, threads), name=f"videomv-shard-{k}"))
    try:
        for process in processes:
            process.start()
        for process in processes:
            process.join()
    finally:
        for process in processes:  # stopped (Ctrl-C, SIGTERM): the shards clean up their staging folders
            if process.is_alive():
                process.terminate()
                process.join()
        if args.shard is None:
            counts = batch.merge_manifest(job.out, job.items)
    codes = [process.exitcode for process in processes]
    failed = [f"{k}: exit {code}" for k, code in enumerate(codes) if code not in (0, 1)]
    if failed:
        raise RuntimeError(f"--num-processes: process(es) {', '.join(failed)} stopped; started again, the run resumes")
    report = batch.BatchReport(manifest=counts if args.shard is None else None)
    return _report(job, report, processes=count) or int(any(codes))


def _shard_process(args: argparse.Namespace, threads: int) -> None:
    """One process of ``--num-processes``: its thread count before torch loads, then its shard, exiting as
    ``videomv`` does (2 and one line on a user error)."""
    import sys

    from ..threads import configure_threads
    from .running import run_parsed

    configure_threads(threads)
    sys.exit(run_parsed(args))


def _report(job, report, processes: int = 1, merged_by_another: bool = False) -> int:
    """Prints what the run did; 1 when an item of its share failed (now or before), else 0.

    Args:
        processes: the processes of ``--num-processes`` that did the work (they printed their own counts).
        merged_by_another: another process merges the manifest (rank 0 of a launcher).
    """
    from ..pipelines import batch

    where = job.out / batch.MANIFEST_FILE
    if processes == 1:
        share = "" if job.shard is None else f" (shard {job.shard[0]}/{job.shard[1]})"
        print(
            f"{report.generated} generated, {report.done_before} done before, {len(report.failed)} failed, "
            f"{len(report.failed_before)} failed before and skipped (--retry-failed runs them){share}"
        )
    if report.manifest is None:
        if not merged_by_another:
            print(f"manifest part in {job.out / batch.PARTS_FOLDER}; the command without --shard merges {where}")
        return int(bool(report.failed or report.failed_before))
    counts = ", ".join(f"{n} {status}" for status, n in sorted(report.manifest.items()))
    print(f"{where}: {counts}")
    return int(report.manifest.get("failed", 0) > 0)
