"""``videomv doctor``: what is installed, what works here, and which backends videomv will use.

Every check is a small function returning a :class:`Check`; none of them raises, so one broken
library never hides the state of the others.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import platform
import shutil
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

# Browser names Debian, Ubuntu and Google use for the binary the app's browser test drives.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# videomv.pipelines.export.DEFAULT_MODEL, without importing diffusers and transformers (seconds) to read it.
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "weights" / "default"


@dataclass
class Check:
    """One line of the report: a name, whether it is usable, and what was found (or how to fix it)."""

    name: str
    ok: bool
    detail: str


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Registers ``doctor`` on the top-level ``videomv`` subparsers."""
    parser = commands.add_parser(
        "doctor",
        help="show what is installed and which backends (device, rasterizer, renderer) will be used",
        description="Checks torch and CUDA, gsplat, pyrender with EGL, ffmpeg, Gradio and a Chromium browser, and "
        "prints which backends videomv picks here: the device of --device auto, the CPU thread count and what "
        "chose it, the Gaussian rasterizer of "
        "backend='auto', and the mesh renderer. Each missing piece comes with the command that installs it. "
        "Always exits 0.",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--no-gl", action="store_true", help="skip creating an EGL context (the slowest check, ~1 s)")
    parser.set_defaults(func=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    report = collect(gl=not args.no_gl)
    if args.json:
        print(json.dumps({section: [asdict(c) for c in checks] for section, checks in report.items()}, indent=2))
    else:
        print(format_report(report))
    return 0


def collect(gl: bool = True) -> dict[str, list[Check]]:
    """Runs every check.

    Args:
        gl: also create an EGL context to see whether the mesh renderer works (about a second).

    Returns:
        ``{"installed": [...], "backends": [...]}``.
    """
    torch_check = _guard("torch", _torch)
    installed = [
        Check("videomv", True, _version("videomv") + f" (python {platform.python_version()}, {sys.platform})"),
        torch_check,
        _guard("CUDA", _cuda),
        _package("diffusers", "core dependency: pip install -e ."),
        _package("gsplat", "optional CUDA rasterizer: pip install 'videomv[gsplat]'"),
        _package("pyrender", "mesh renderer: pip install 'videomv[render]'"),
        _guard("EGL", _egl) if gl else Check("EGL", False, "not checked (--no-gl)"),
        _guard("ffmpeg", _ffmpeg),
        _package("gradio", "web app: pip install 'videomv[app]'"),
        _package("playwright", "browser tests: pip install -e '.[dev]'"),
        _chromium(),
        _guard("default model", _default_model),
    ]
    egl = next(c for c in installed if c.name == "EGL")
    backends = [
        _guard("device (--device auto)", _device),
        _guard("CPU threads", _threads),
        _guard("rasterizer (backend='auto')", _rasterizer),
        _renderer(egl),
        _web_app(installed),
    ]
    return {"installed": installed, "backends": backends}


def format_report(report: dict[str, list[Check]]) -> str:
    """The report as aligned text: one line per check, ``ok`` or ``--`` then the detail."""
    width = max(len(c.name) for checks in report.values() for c in checks)
    lines = []
    for section, checks in report.items():
        lines.append(f"{section}:")
        lines += [f"  {c.name:<{width}}  {'ok' if c.ok else '--'}  {c.detail}" for c in checks]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------ checks


def _guard(name: str, check: Callable[[], tuple[bool, str]]) -> Check:
    """Runs ``check``; a failure of the check itself becomes a line of the report, not a crash."""
    try:
        ok, detail = check()
    except Exception as error:  # the doctor reports broken installs; it must not be one
        ok, detail = False, f"{type(error).__name__}: {error}"
    return Check(name, ok, detail)


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown version"


def _package(name: str, hint: str) -> Check:
    """Installed or not, found without importing it (importing gradio alone takes seconds)."""
    if importlib.util.find_spec(name) is None:
        return Check(name, False, f"not installed; {hint}")
    return Check(name, True, _version(name))


def _torch() -> tuple[bool, str]:
    import torch

    build = f"CUDA {torch.version.cuda} build" if torch.version.cuda else "CPU build"
    return True, f"{torch.__version__} ({build}, {torch.get_num_threads()} threads)"


def _cuda() -> tuple[bool, str]:
    import torch

    if not torch.cuda.is_available():
        reason = "this torch is a CPU build" if not torch.version.cuda else "no CUDA device or driver found"
        return False, f"not available ({reason})"
    names = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
    bf16 = ", bfloat16 supported" if torch.cuda.is_bf16_supported() else ""
    return True, f"{len(names)} device(s): {', '.join(names)}{bf16}"


def _egl() -> tuple[bool, str]:
    """Creates a tiny offscreen EGL context and names the OpenGL implementation behind it."""
    from ..data.render import _pyrender

    pyrender = _pyrender()
    renderer = pyrender.OffscreenRenderer(8, 8)
    try:
        from OpenGL import GL

        vendor = GL.glGetString(GL.GL_RENDERER).decode(errors="replace")
    except Exception:  # some drivers refuse glGetString before a draw; the context itself worked
        vendor = "context created"
    finally:
        renderer.delete()
    return True, f"offscreen OpenGL works: {vendor}"


def _ffmpeg() -> tuple[bool, str]:
    import imageio_ffmpeg

    return True, f"{imageio_ffmpeg.get_ffmpeg_exe()} (mp4 videos)"


def _chromium() -> Check:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return Check("chromium", True, path)
    return Check("chromium", False, "not found (browser test of the app skips); apt-get install chromium")


def _default_model() -> tuple[bool, str]:
    if (DEFAULT_MODEL / "model_index.json").is_file():
        return True, str(DEFAULT_MODEL)
    return False, "not shipped in this install; pass --model PATH to generate and app"


def _device() -> tuple[bool, str]:
    import torch

    if torch.cuda.is_available():
        return True, f"cuda ({torch.cuda.get_device_name(0)})"
    return True, "cpu (no CUDA device)"


def _threads() -> tuple[bool, str]:
    """torch's thread count here and what chose it (``videomv`` sets it before torch loads)."""
    import torch  # noqa: F401  (thread_settings reads the count of the loaded torch)

    from ..threads import thread_settings

    t = thread_settings()
    return True, (
        f"{t['threads']} of {t['cpus']} CPUs, chosen by {t['chosen_by']}; OMP_WAIT_POLICY {t['omp_wait_policy']}; "
        "VIDEOMV_NUM_THREADS=N sets the count"
    )


def _rasterizer() -> tuple[bool, str]:
    import torch

    from ..gaussians.rasterize import select_backend

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    backend = select_backend("auto", device)
    why = {
        "gsplat": "gsplat's CUDA kernels",
        "torch": "the tiled torch rasterizer"
        + (" (install gsplat for the CUDA kernels)" if device.type == "cuda" else " (gsplat needs CUDA)"),
    }
    return True, f"{backend} on {device.type}: {why.get(backend, backend)}"


def _renderer(egl: Check) -> Check:
    name = "mesh renderer (data render)"
    if egl.detail.startswith("not checked"):
        return Check(name, False, egl.detail)
    if egl.ok:
        return Check(name, True, f"pyrender on EGL ({egl.detail.split(': ', 1)[-1]})")
    return Check(name, False, f"unavailable: {egl.detail}; on Debian: apt-get install libegl1 libgl1-mesa-dri")


def _web_app(installed: list[Check]) -> Check:
    found = {c.name: c.ok for c in installed}
    if not found["gradio"]:
        return Check("web app (videomv app)", False, "needs gradio: pip install 'videomv[app]'")
    browser = "browser test runs" if found["playwright"] and found["chromium"] else "browser test skips"
    return Check("web app (videomv app)", True, f"gradio with the bundled splat viewer; {browser}")
