"""``videomv app``: the web app (Gradio) with a live 3D Gaussian viewer, on this machine by default."""

from __future__ import annotations

import argparse
import atexit
import math
import signal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..app.workspace import AppLimits


# The app's limits as options: AppLimits field, type, metavar, help (the default is AppLimits').
LIMIT_OPTIONS = (
    ("max_upload_mb", float, "MB", "largest upload"),
    ("max_image_side", int, "PX", "largest image width or height"),
    ("max_views", int, "N", "most views per request"),
    ("max_steps", int, "S", "most steps per request"),
    ("queue_size", int, "N", "requests that may wait in the queue"),
    ("keep_minutes", float, "M", "how long results stay on disk"),
    ("max_client_mb", float, "MB", "most megabytes one address may send per --quota-minutes"),
    ("quota_minutes", float, "M", "the window of --max-client-mb"),
    ("max_uploads_mb", float, "MB", "most megabytes of uploads kept on disk; the oldest go first"),
)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``app`` on the top-level ``videomv`` subparsers."""
    from ..app.workspace import AppLimits

    limits = AppLimits()
    parser = commands.add_parser(
        "app",
        help="start the web app: upload an image or type a prompt, turn the 3D result around in the browser",
        description="Serves a web page (Gradio) that runs the pipeline on an uploaded image or a prompt and shows "
        "the views, the orbit video, the 3D Gaussians in an interactive viewer and their mesh (a tab beside it), "
        "with downloads of the .ply, the .glb, the video and a zip of everything. One generation runs at a time; "
        "the others wait in a bounded queue. "
        "Results live in a private temporary folder and are deleted after --keep-minutes and when the app stops. "
        "Needs the 'app' extra: pip install 'videomv[app]'.",
    )
    model = parser.add_argument_group("model")
    model.add_argument("--model", type=Path, default=None, metavar="PATH", help="a pipeline folder (default: shipped)")
    model.add_argument("--device", default="auto", help="auto (CUDA if available, else CPU), cpu, cuda, cuda:1 ...")
    model.add_argument("--dtype", default="float32", metavar="DTYPE", help="float32, float16 (CUDA) or bfloat16")
    model.add_argument(
        "--scheduler", default=None, metavar="NAME", help="ddim, dpmsolver++, unipc or ddpm (default: the model's)"
    )
    model.add_argument(
        "--steps", type=int, default=None, metavar="S", help="the page's default denoising steps (default: the model's)"
    )
    model.add_argument("--orbit-frames", type=int, default=48, metavar="N", help="frames of the Gaussians' orbit (48)")
    model.add_argument(
        "--no-mesh", dest="mesh", action="store_false",
        help="start with the page's Mesh box unticked (meshing adds seconds per request on a CPU)",
    )  # fmt: skip
    server = parser.add_argument_group("server")
    server.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only; "
        "0.0.0.0 exposes the app to the network)",
    )  # fmt: skip
    server.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    server.add_argument("--open", action="store_true", help="open the app in the web browser once it is ready")
    bounds = parser.add_argument_group("limits")
    for field, kind, metavar, help_text in LIMIT_OPTIONS:
        bounds.add_argument(
            f"--{field.replace('_', '-')}", type=kind, default=getattr(limits, field), metavar=metavar,
            help=f"{help_text} (default %(default)s)",
        )  # fmt: skip
    parser.set_defaults(func=run_app)


def run_app(args: argparse.Namespace) -> int:
    from ..app import ui
    from ..app.workspace import AppLimits, Workspace
    from ..logs import is_verbose
    from ..pipelines.export import load_pipeline

    limits = AppLimits(**{field: getattr(args, field) for field, *_ in LIMIT_OPTIONS})
    _check(args, limits)
    ui._gradio()  # a missing extra should not cost a model load
    pipe = load_pipeline(args.model, args.device, args.dtype, args.scheduler, progress=True)
    workspace = Workspace(limits)
    atexit.register(workspace.close)
    name = args.model.resolve().name if args.model else "default"
    demo = ui.build_app(pipe, workspace, limits, args.steps, args.orbit_frames, model_name=name, mesh_default=args.mesh)
    print(f"videomv app: model {name} on {pipe.device}; results under {workspace.root} (deleted on exit)")
    signal.signal(signal.SIGTERM, _interrupt)
    ui.launch_app(demo, workspace, limits, host=args.host, port=args.port, open_browser=args.open, verbose=is_verbose())
    return 0


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM (service managers, ``docker stop``) as Ctrl-C: the server closes and the results are deleted."""
    raise KeyboardInterrupt


def _check(args: argparse.Namespace, limits: AppLimits) -> None:
    """One-line errors for option values that cannot work, before anything is loaded."""
    positive = {
        "--steps": 1 if args.steps is None else args.steps, "--orbit-frames": args.orbit_frames,
        **{f"--{name.replace('_', '-')}": value for name, value in vars(limits).items()},
    }  # fmt: skip
    # "not value > 0" also refuses nan; inf is no limit at all.
    bad = [name for name, value in positive.items() if not (math.isfinite(value) and value > 0)]
    if bad:
        raise ValueError(f"{', '.join(bad)} must be positive")
    if not 0 <= args.port < 65536:
        raise ValueError(f"--port {args.port} is not a port number; use 1024-65535")
    if args.steps is not None and args.steps > limits.max_steps:
        raise ValueError(f"--steps {args.steps} is more than --max-steps {limits.max_steps}; lower --steps")
