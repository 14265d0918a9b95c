"""The Gradio interface of ``videomv app``: inputs, settings, and the results with a live 3D splat viewer.

Generation itself is :func:`videomv.pipelines.export.generate_to_folder`, the same code as
``videomv generate``; this module only checks requests, gives each one its own folder, and shows
what that function wrote. The splat viewer is a static bundle of ``@mkkellogg/gaussian-splats-3d``
(``static/splat-viewer.js``, see ``static/README.md``) that loads the generated ``.ply`` in the
browser; the mesh (``mesh.glb``, as ``videomv generate --mesh`` writes it) is shown in a tab beside
it by Gradio's own 3D model viewer.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fileio import OWNER_MARKER
from ..gaussians.mesh import MeshOptions, require_mesh_libraries
from ..pipelines.export import RESULT_FILE, GenerateSettings, generate_to_folder
from ..pipelines.videomv import VideoMVPipeline
from .guard import ASSET_PREFIX, UploadGuard
from .workspace import NOT_AN_IMAGE, AppLimits, Workspace, save_upload, viewer_camera, zip_folder

logger = logging.getLogger(__name__)

VIEWER_JS = Path(__file__).resolve().parent / "static" / "splat-viewer.js"
# Served by the app's guard under this name (the page names no server path).
VIEWER_URL = f"{ASSET_PREFIX}{VIEWER_JS.name}"
VIEWER_ID = "videomv-splat"
# The viewer draws into this element; it is created once and never re-rendered by Gradio.
VIEWER_HTML = (
    f'<div id="{VIEWER_ID}" style="position:relative;width:100%;height:420px;background:#111;border-radius:8px">'
    '<p style="color:#999;padding:1em;margin:0">The 3D Gaussians appear here after a run: '
    "drag to turn, scroll to zoom, right-drag to pan.</p></div>"
)
# Runs in the browser after each generation: loads the new .ply into the viewer.
SHOW_IN_VIEWER_JS = f"""
(ply, camera) => {{
  const element = document.getElementById("{VIEWER_ID}");
  const url = ply && (typeof ply === "string" ? ply : ply.url);
  if (!element || !url) return [];
  if (!window.VideoMVViewer) {{
    element.textContent = "The splat viewer script did not load; download the .ply instead.";
    return [];
  }}
  window.VideoMVViewer.show(element, url, camera || {{}}).catch((error) => {{
    console.error(error);
    element.textContent = "The viewer could not show these Gaussians: " + error;
  }});
  return [];
}}
"""
# Gradio copies returned files into its own cache; it deletes those older than keep_minutes,
# looking every CACHE_CHECK_S seconds, so downloads stay available as long as our own copies.
CACHE_CHECK_S = 600


def _gradio() -> Any:
    """Imports Gradio, or says which extra to install."""
    try:
        import gradio
    except ImportError as error:
        raise ImportError("the web app needs Gradio: pip install 'videomv[app]'") from error
    return gradio


@dataclass(frozen=True)
class Request:
    """One checked request: what to generate, in the app's own terms."""

    prompt: str | None
    image: str | None
    views: int
    elevation: float
    steps: int
    guidance: float
    seed: int
    three_d_aware: bool
    mesh: bool = False

    def settings(self, image: str | None, orbit_frames: int) -> GenerateSettings:
        """The request as ``videomv generate``'s settings, conditioned on ``image`` (a file on the server)."""
        return GenerateSettings(
            prompt=self.prompt, image=image, views=self.views, elevation=self.elevation, steps=self.steps,
            guidance=self.guidance, seed=self.seed, three_d_aware=self.three_d_aware, orbit_frames=orbit_frames,
            mesh=MeshOptions() if self.mesh else None,
        )  # fmt: skip


class Generator:
    """Runs requests one at a time on one pipeline, each in its own folder.

    Args:
        pipe: the loaded pipeline.
        workspace: where request folders go.
        limits: what a request may ask for.
        orbit_frames: frames of the Gaussians' orbit video.
    """

    def __init__(self, pipe: VideoMVPipeline, workspace: Workspace, limits: AppLimits, orbit_frames: int = 48) -> None:
        self.pipe = pipe
        self.workspace = workspace
        self.limits = limits
        self.orbit_frames = orbit_frames
        # Gradio's queue already runs one generation at a time; the lock keeps that true for any
        # other caller of this object (a second event, a script importing the app).
        self._lock = threading.Lock()

    @property
    def accepts_image(self) -> bool:
        """Whether the model takes a condition image."""
        return self.pipe.conditioning != "text"

    @property
    def makes_gaussians(self) -> bool:
        """Whether the model reconstructs Gaussians (and so can mesh them)."""
        return self.pipe.reconstructor is not None

    @property
    def accepts_prompt_alone(self) -> bool:
        """Whether the model generates from a prompt alone (image models may also take one beside the image)."""
        return self.pipe.conditioning == "text" or bool(self.pipe.config.text_to_views)

    def check(self, image: str | None, prompt: str | None, **settings: Any) -> Request:
        """Turns the raw form values into a :class:`Request`, or raises ``ValueError`` saying what to fix.

        The app's own limits come first, then the rules every generation obeys
        (:meth:`GenerateSettings.check`, as for ``videomv generate``), all before any work.
        """
        prompt = (prompt or "").strip() or None
        if image is not None and not self.accepts_image:
            raise ValueError("this model generates from a prompt only; remove the image")
        if image is None and not self.accepts_prompt_alone:
            raise ValueError("this model needs an image; upload one")
        if prompt is None and image is None:
            raise ValueError("type a prompt or upload an image")
        if prompt is not None and len(prompt) > self.limits.max_prompt_chars:
            raise ValueError(f"the prompt is longer than {self.limits.max_prompt_chars} characters; shorten it")
        views, steps = _whole("views", settings["views"]), _whole("steps", settings["steps"])
        if not 1 <= views <= self.limits.max_views:
            raise ValueError(f"views must be between 1 and {self.limits.max_views}")
        if not 1 <= steps <= self.limits.max_steps:
            raise ValueError(f"steps must be between 1 and {self.limits.max_steps}")
        seed = 0 if settings["seed"] is None else _whole("the seed", settings["seed"])
        if not 0 <= seed < 2**63:
            raise ValueError("the seed must be a whole number from 0 to 2**63 - 1")
        mesh = bool(settings.get("mesh", False))
        if mesh and not self.makes_gaussians:
            raise ValueError("this model makes no Gaussians, so no mesh; untick Mesh")
        request = Request(
            prompt=prompt, image=image, views=views, elevation=_real("elevation", settings["elevation"]), steps=steps,
            guidance=_real("guidance", settings["guidance"]), seed=seed, three_d_aware=bool(settings["three_d_aware"]),
            mesh=mesh,
        )  # fmt: skip
        try:
            request.settings(image, self.orbit_frames).check()
        except (ValueError, FileNotFoundError, ImportError) as error:  # ImportError: the mesh extra is missing
            raise ValueError(_for_the_page(str(error), image, self.workspace.root)) from error
        return request

    def run(self, request: Request) -> dict[str, Any]:
        """Generates ``request`` into a fresh folder; returns the paths and facts the page shows.

        Raises:
            ValueError: a problem with the input (unreadable image, no object in it ...), in one line.
        """
        folder = self.workspace.new_request()
        image = str(save_upload(request.image, folder, self.limits)) if request.image else None
        try:
            with self._lock:
                result = generate_to_folder(
                    self.pipe, request.settings(image, self.orbit_frames), folder / "result", progress=True
                )
        except (ValueError, FileNotFoundError) as error:
            raise ValueError(_for_the_page(str(error), image, self.workspace.root)) from error
        out, files = result.out, result.files
        record = _publish_record(result.record, out, self.workspace.root)
        views = sorted((out / files["views"]).glob("*.png"))
        return {
            "record": record,
            "views": [(str(p), f"view {i} · {360 * i / len(views):.0f}°") for i, p in enumerate(views)],
            "video": str(out / files["views_mp4"]),
            "ply": str(out / files["gaussians_ply"]) if "gaussians_ply" in files else None,
            "mesh": str(out / files["mesh"]) if "mesh" in files else None,
            # The owner marker guards --overwrite of a folder on the server; the download is no such folder.
            "zip": str(zip_folder(out, folder / "videomv-result.zip", skip=frozenset({OWNER_MARKER}))),
        }


def _whole(name: str, value: Any) -> int:
    """A form or API value as a whole number, or a one-line ``ValueError`` naming the field."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value  # exact, however large (a float would round 2**63 - 1 up)
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not (math.isfinite(number) and number.is_integer()):
        raise ValueError(f"{name} must be a whole number")
    return int(number)


def _real(name: str, value: Any) -> float:
    """A form or API value as a float (finiteness is :meth:`GenerateSettings.check`'s rule), or a ``ValueError``."""
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number") from None


# An absolute path under a folder, in a message: up to the next space or quote.
_PATH_TAIL = r"[^\s'\"]*"


def _for_the_page(message: str, image: str | None, root: Path) -> str:
    """A message without server paths: the image is "the uploaded image", files of the app go by their names.

    Options are named as on the page ("guidance", not the command line's "--guidance").
    """
    if image is not None:
        message = message.replace(
            f"image file not found: {image}", "the upload is gone from the server; upload it again"
        )
        for named in (f"image '{image}'", f"image {image}", repr(image), image):
            message = message.replace(named, "the uploaded image")
    for folder in {str(root), str(root.resolve())}:
        message = re.sub(re.escape(folder) + _PATH_TAIL, lambda match: Path(match.group()).name, message)
    return re.sub(r"(?<![\w-])--(?=[a-z])", "", message)


def _without_server_paths(value: Any, root: Path) -> Any:
    """``value`` (JSON-like) with every string naming a file under ``root`` replaced by the file's name."""
    if isinstance(value, dict):
        return {key: _without_server_paths(item, root) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_server_paths(item, root) for item in value]
    if isinstance(value, str) and any(value.startswith(f"{r}{os.sep}") for r in (root, root.resolve())):
        return Path(value).name
    return value


def _publish_record(record: dict[str, Any], out: Path, root: Path) -> dict[str, Any]:
    """Rewrites ``out/result.json`` (in the zip and on the page) without the server's paths; returns the record.

    The condition image was re-encoded into the request folder as ``input.png``: the record names
    it so, and the result folder gets a copy, so the zip holds the input it names.
    """
    record = _without_server_paths(record, root)
    if record["settings"].get("image"):
        source = out.parent / record["settings"]["image"]
        (out / source.name).write_bytes(source.read_bytes())
    (out / RESULT_FILE).write_text(json.dumps(record, indent=2, allow_nan=False) + "\n")
    return record


def _use_private_gradio_folder(workspace: Workspace) -> None:
    """Points Gradio's temporary folder (uploads, served copies of results) into ``workspace``.

    Gradio reads ``GRADIO_TEMP_DIR`` when its blocks are created and whenever it checks a path, so
    it is set for the process: the app is the process's one Gradio app. Every folder Gradio
    creates then lies in the workspace, is the app's, and goes when the workspace is closed.
    """
    os.environ["GRADIO_TEMP_DIR"] = str(workspace.gradio_dir)


def _refuse_unreadable_images(component: Any, gr: Any) -> None:
    """Makes ``component``'s own decoding failures the app's one-line message, with no server path.

    Gradio opens an image input before the app sees it; a file that is no image (only reachable
    through the API, the upload route refuses them) would otherwise show PIL's error naming the
    server path of the file.
    """
    decode = component.preprocess

    def preprocess(payload: Any) -> Any:
        try:
            return decode(payload)
        except gr.Error:
            raise
        except Exception as error:
            raise gr.Error(NOT_AN_IMAGE, print_exception=False) from error

    component.preprocess = preprocess


def _prompt_label(generator: Generator) -> str:
    if not generator.accepts_image:
        return "Prompt"
    return "Prompt (alone, or describing the image)" if generator.accepts_prompt_alone else "Prompt (optional)"


def _meshing_unavailable() -> str:
    """Why the Mesh box is off (a missing library of the mesh extra), for its label; empty when meshing works."""
    try:
        require_mesh_libraries(MeshOptions(), write=True)
    except ImportError:
        return " (pip install 'videomv[mesh]')"
    return ""


def _model_steps(pipe: VideoMVPipeline) -> int:
    """The model's own default step count (older pipeline folders do not record one: 50, the reference)."""
    return int(getattr(pipe.config, "num_inference_steps", None) or 50)


def _summary(record: dict[str, Any], seconds: float) -> str:
    settings = record["settings"]
    gaussians = f", {record['num_gaussians']:,} Gaussians" if record["num_gaussians"] else " (no reconstructor)"
    mesh = f", a mesh of {record['mesh']['faces']:,} triangles" if "mesh" in record else ""
    mode = "3D-aware" if settings["three_d_aware"] else "plain"
    return (
        f"**Done** in {seconds:.1f} s: {settings['views']} views{gaussians}{mesh}; "
        f"{settings['steps']} steps, {mode} sampling, guidance {settings['guidance']:g}, seed {record['seed']}, "
        f"on {settings['device']} ({settings['dtype']})."
    )


def build_app(
    pipe: VideoMVPipeline,
    workspace: Workspace,
    limits: AppLimits | None = None,
    default_steps: int | None = None,
    orbit_frames: int = 48,
    model_name: str = "",
    mesh_default: bool = True,
) -> Any:
    """Builds the Gradio Blocks of the app around a loaded pipeline (not launched).

    Args:
        pipe: the pipeline every request runs on.
        workspace: the folder root for requests.
        limits: what a request may ask for (default :class:`AppLimits`).
        default_steps: the steps slider's starting value (default: the model's).
        orbit_frames: frames of the Gaussians' orbit video.
        model_name: shown in the page's header.
        mesh_default: whether the Mesh box starts ticked (models with a reconstructor only).

    Returns:
        A ``gradio.Blocks``; launch it with :func:`launch_app`.
    """
    gr = _gradio()
    _use_private_gradio_folder(workspace)
    limits = limits or AppLimits()
    generator = Generator(pipe, workspace, limits, orbit_frames)
    config = pipe.config

    # Gradio finds the progress tracker by its default value, so the call must sit in the signature.
    def generate(
        image, prompt, views, elevation, steps, guidance, seed, three_d_aware, mesh,
        progress=gr.Progress(track_tqdm=True),  # noqa: B008
    ):  # fmt: skip
        start = time.perf_counter()
        try:
            request = generator.check(
                image, prompt, views=views, elevation=elevation, steps=steps, guidance=guidance, seed=seed,
                three_d_aware=three_d_aware, mesh=mesh,
            )  # fmt: skip
            progress(0, desc="starting")
            shown = generator.run(request)
        except ValueError as error:
            raise gr.Error(str(error), print_exception=False) from error
        except Exception as error:  # a bug or an out-of-memory: the traceback (and any path) stays in the server log
            logger.exception("generation failed")
            raise gr.Error(f"generation failed ({type(error).__name__}); see the server log") from error
        camera = viewer_camera(shown["record"])
        summary = _summary(shown["record"], time.perf_counter() - start)
        files = (shown["ply"], shown["mesh"], shown["video"], shown["zip"])
        return shown["views"], shown["video"], shown["mesh"], shown["mesh"], *files, camera, summary

    # No analytics: the app must work offline and send nothing anywhere.
    blocks = gr.Blocks(
        title="videomv", analytics_enabled=False, delete_cache=(CACHE_CHECK_S, int(limits.keep_minutes * 60))
    )
    with blocks as demo:
        gr.Markdown(
            "# videomv\nConsistent views all around an object, and its 3D Gaussians, from "
            + ("one image or one prompt." if generator.accepts_image and generator.accepts_prompt_alone else
               "one image." if generator.accepts_image else "one prompt.")
            + (f" Model: `{model_name}`." if model_name else "")
        )  # fmt: skip
        with gr.Row():
            with gr.Column(scale=1, min_width=300):
                image = gr.Image(
                    label=f"Image (PNG/JPEG/WebP, at most {limits.max_upload_mb:g} MB and {limits.max_image_side} px)",
                    type="filepath", image_mode=None, sources=["upload", "clipboard"], height=280,
                    visible=generator.accepts_image, elem_id="videomv-image",
                )  # fmt: skip
                _refuse_unreadable_images(image, gr)
                prompt = gr.Textbox(
                    label=_prompt_label(generator), placeholder="a red chair", max_lines=2, elem_id="videomv-prompt"
                )
                with gr.Accordion("Settings", open=True):
                    views = gr.Slider(1, limits.max_views, value=config.num_views, step=1, label="Views")
                    elevation = gr.Slider(-45, 75, value=config.elevation, step=1, label="Elevation (degrees)")
                    steps = gr.Slider(
                        1,
                        limits.max_steps,
                        value=min(default_steps or _model_steps(pipe), limits.max_steps),
                        step=1,
                        label="Denoising steps",
                    )
                    guidance = gr.Slider(1, 20, value=config.guidance_scale, step=0.5, label="Guidance scale")
                    seed = gr.Number(value=0, precision=0, label="Seed", minimum=0)
                    gaussians = generator.makes_gaussians
                    absent = "" if gaussians else " (no reconstructor)"
                    three_d_aware = gr.Checkbox(
                        value=gaussians, interactive=gaussians, label=f"3D-aware sampling{absent}"
                    )
                    meshing = _meshing_unavailable() if gaussians else absent
                    mesh = gr.Checkbox(
                        value=not meshing and mesh_default, interactive=not meshing, elem_id="videomv-mesh-option",
                        label=f"Mesh (.glb) of the Gaussians{meshing}",
                    )  # fmt: skip
                run = gr.Button("Generate", variant="primary", elem_id="videomv-run")
                status = gr.Markdown(elem_id="videomv-status")
            with gr.Column(scale=2):
                with gr.Tabs():
                    # Kept in the page while the mesh tab is shown: the viewer draws into this element.
                    with gr.Tab("3D Gaussians", id="splats", elem_id="videomv-splats-tab", render_children=True):
                        gr.HTML(VIEWER_HTML, label="3D Gaussians", elem_id="videomv-viewer")
                    with gr.Tab("Mesh", id="mesh", elem_id="videomv-mesh-tab") as mesh_tab:
                        mesh_view = gr.Model3D(
                            label="Mesh (textured, from the Gaussians)", height=420, elem_id="videomv-mesh",
                            clear_color=(0.07, 0.07, 0.07, 1.0),
                        )  # fmt: skip
                with gr.Row():
                    gallery = gr.Gallery(
                        label="Views", columns=4, height=300, object_fit="contain", elem_id="videomv-gallery", scale=2
                    )
                    video = gr.Video(
                        label="Orbit video", autoplay=True, loop=True, height=300, elem_id="videomv-video", scale=1
                    )
                with gr.Row():
                    ply = gr.File(label="Gaussians (.ply)", elem_id="videomv-ply")
                    glb = gr.File(label="Mesh (.glb)", elem_id="videomv-glb")
                    mp4 = gr.File(label="Orbit video (.mp4)", elem_id="videomv-mp4")
                    archive = gr.File(label="Everything (.zip)", elem_id="videomv-zip")
                camera = gr.JSON(visible=False)
                shown_mesh = gr.State(None)  # the mesh file on the server, to show again when its tab opens
        inputs = [image, prompt, views, elevation, steps, guidance, seed, three_d_aware, mesh]
        outputs = [gallery, video, mesh_view, shown_mesh, ply, glb, mp4, archive, camera, status]
        event = run.click(generate, inputs, outputs, concurrency_limit=1, concurrency_id="generate")
        event.success(None, [ply, camera], None, js=SHOW_IN_VIEWER_JS)
        # Gradio's 3D model viewer draws nothing for a value set while its tab was hidden: clear and
        # set it again whenever the tab opens.
        reopened = mesh_tab.select(lambda: None, None, mesh_view, queue=False, show_progress="hidden")
        reopened.then(lambda path: path, shown_mesh, mesh_view, queue=False, show_progress="hidden")
    return demo


def guard_middleware(workspace: Workspace, limits: AppLimits) -> list[Any]:
    """The app's :class:`~videomv.app.guard.UploadGuard` as FastAPI middleware for Gradio's app.

    It serves the viewer bundle (and nothing else from the package folder), bounds what each
    client may send and keeps only image uploads.
    """
    from starlette.middleware import Middleware

    assets = {VIEWER_JS.name: VIEWER_JS}
    return [Middleware(UploadGuard, limits=limits, uploads=workspace.gradio_dir, assets=assets)]


def launch_app(
    demo: Any,
    workspace: Workspace,
    limits: AppLimits,
    host: str = "127.0.0.1",
    port: int | None = None,
    block: bool = True,
    open_browser: bool = False,
    verbose: bool = False,
) -> Any:
    """Queues and launches ``demo``: one generation at a time, bounded queue, uploads and quotas.

    Args:
        demo: from :func:`build_app`.
        workspace: the workspace ``demo`` was built with (its Gradio folder holds the uploads).
        limits: queue size, upload limit and per-client quota.
        host: the address to bind (default: this machine only).
        port: the port (None: Gradio's default, 7860, or the next free one).
        block: serve until interrupted; False returns once the server runs (tests).
        open_browser: open the page in the default web browser once the server answers.
        verbose: let Gradio print its start-up banner (with its hint about public share links, which
            this app does not offer); otherwise the one line printed here says where the app is.

    Returns:
        Gradio's ``(app, local_url, share_url)``.
    """
    demo.queue(max_size=limits.queue_size, default_concurrency_limit=1)
    launched = demo.launch(
        server_name=host, server_port=port, max_file_size=limits.max_upload_bytes, prevent_thread_lock=True,
        head=f'<script src="{VIEWER_URL}"></script>', show_error=True, quiet=not verbose,
        app_kwargs={"middleware": guard_middleware(workspace, limits)},
    )  # fmt: skip
    url = launched[1]
    print(f"videomv app: open {url} (Ctrl-C stops the app)", flush=True)
    if open_browser:
        import webbrowser

        # Only now: launch() returns once the server answers, so the page loads at the first try.
        webbrowser.open(url)
    if block:
        demo.block_thread()
    return launched
