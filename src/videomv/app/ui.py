"""The Gradio interface of ``videomv app``: inputs, settings, and the results with a live 3D splat viewer.

Generation itself is :func:`videomv.pipelines.export.generate_to_folder`, the same code as
``videomv generate``; this module only checks requests, gives each one its own folder, and shows
what that function wrote. The splat viewer is a static bundle of ``@mkkellogg/gaussian-splats-3d``
(``static/splat-viewer.js``, see ``static/README.md``) that loads the generated ``.ply`` in the
browser.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..pipelines.export import GenerateSettings, generate_to_folder
from ..pipelines.videomv import VideoMVPipeline
from .workspace import AppLimits, Workspace, save_upload, viewer_camera, zip_folder

logger = logging.getLogger(__name__)

VIEWER_JS = Path(__file__).resolve().parent / "static" / "splat-viewer.js"
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
    def accepts_prompt_alone(self) -> bool:
        """Whether the model generates from a prompt alone (image models may also take one beside the image)."""
        return self.pipe.conditioning == "text" or bool(self.pipe.config.text_to_views)

    def check(self, image: str | None, prompt: str | None, **settings: Any) -> Request:
        """Turns the raw form values into a :class:`Request`, or raises ``ValueError`` saying what to fix."""
        prompt = (prompt or "").strip() or None
        if image is not None and not self.accepts_image:
            raise ValueError("this model generates from a prompt only; remove the image")
        if image is None and not self.accepts_prompt_alone:
            raise ValueError("this model needs an image; upload one")
        if prompt is None and image is None:
            raise ValueError("type a prompt or upload an image")
        if prompt is not None and len(prompt) > self.limits.max_prompt_chars:
            raise ValueError(f"the prompt is longer than {self.limits.max_prompt_chars} characters; shorten it")
        views, steps = int(settings["views"]), int(settings["steps"])
        if not 1 <= views <= self.limits.max_views:
            raise ValueError(f"views must be between 1 and {self.limits.max_views}")
        if not 1 <= steps <= self.limits.max_steps:
            raise ValueError(f"steps must be between 1 and {self.limits.max_steps}")
        seed = int(settings["seed"] or 0)
        if not 0 <= seed < 2**63:
            raise ValueError("the seed must be a whole number from 0 to 2**63 - 1")
        return Request(
            prompt=prompt, image=image, views=views, elevation=float(settings["elevation"]), steps=steps,
            guidance=float(settings["guidance"]), seed=seed,
            three_d_aware=bool(settings["three_d_aware"]),
        )  # fmt: skip

    def run(self, request: Request) -> dict[str, Any]:
        """Generates ``request`` into a fresh folder; returns the paths and facts the page shows.

        Raises:
            ValueError: a problem with the input (unreadable image, no object in it ...), in one line.
        """
        folder = self.workspace.new_request()
        image = str(save_upload(request.image, folder, self.limits)) if request.image else None
        settings = GenerateSettings(
            prompt=request.prompt, image=image, views=request.views, elevation=request.elevation,
            steps=request.steps, guidance=request.guidance, seed=request.seed,
            three_d_aware=request.three_d_aware, orbit_frames=self.orbit_frames,
        )  # fmt: skip
        try:
            with self._lock:
                result = generate_to_folder(self.pipe, settings, folder / "result", progress=True)
        except (ValueError, FileNotFoundError) as error:
            raise ValueError(_without_path(str(error), image)) from error
        out, files = result.out, result.files
        views = sorted((out / files["views"]).glob("*.png"))
        return {
            "record": result.record,
            "views": [(str(p), f"view {i} · {360 * i / len(views):.0f}°") for i, p in enumerate(views)],
            "video": str(out / files["views_mp4"]),
            "ply": str(out / files["gaussians_ply"]) if "gaussians_ply" in files else None,
            "zip": str(zip_folder(out, folder / "videomv-result.zip")),
        }


def _without_path(message: str, image: str | None) -> str:
    """The pipeline names an image by its path; the user knows it as "the uploaded image"."""
    if image is None:
        return message
    for named in (f"image '{image}'", f"image {image}", repr(image), image):
        message = message.replace(named, "the uploaded image")
    return message


def _prompt_label(generator: Generator) -> str:
    if not generator.accepts_image:
        return "Prompt"
    return "Prompt (alone, or describing the image)" if generator.accepts_prompt_alone else "Prompt (optional)"


def _model_steps(pipe: VideoMVPipeline) -> int:
    """The model's own default step count (older pipeline folders do not record one: 50, the reference)."""
    return int(getattr(pipe.config, "num_inference_steps", None) or 50)


def _summary(record: dict[str, Any], seconds: float) -> str:
    settings = record["settings"]
    gaussians = f", {record['num_gaussians']:,} Gaussians" if record["num_gaussians"] else " (no reconstructor)"
    mode = "3D-aware" if settings["three_d_aware"] else "plain"
    return (
        f"**Done** in {seconds:.1f} s: {settings['views']} views{gaussians}; "
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
) -> Any:
    """Builds the Gradio Blocks of the app around a loaded pipeline (not launched).

    Args:
        pipe: the pipeline every request runs on.
        workspace: the folder root for requests.
        limits: what a request may ask for (default :class:`AppLimits`).
        default_steps: the steps slider's starting value (default: the model's).
        orbit_frames: frames of the Gaussians' orbit video.
        model_name: shown in the page's header.

    Returns:
        A ``gradio.Blocks``; launch it with :func:`launch_app`.
    """
    gr = _gradio()
    limits = limits or AppLimits()
    generator = Generator(pipe, workspace, limits, orbit_frames)
    config = pipe.config

    # Gradio finds the progress tracker by its default value, so the call must sit in the signature.
    def generate(
        image, prompt, views, elevation, steps, guidance, seed, three_d_aware,
        progress=gr.Progress(track_tqdm=True),  # noqa: B008
    ):  # fmt: skip
        start = time.perf_counter()
        try:
            request = generator.check(
                image, prompt, views=views, elevation=elevation, steps=steps, guidance=guidance, seed=seed,
                three_d_aware=three_d_aware,
            )  # fmt: skip
            progress(0, desc="starting")
            shown = generator.run(request)
        except ValueError as error:
            raise gr.Error(str(error), print_exception=False) from error
        except Exception as error:  # a bug or an out-of-memory: keep the traceback in the server log
            logger.exception("generation failed")
            raise gr.Error(f"generation failed ({type(error).__name__}: {error}); see the server log") from error
        camera = viewer_camera(shown["record"])
        summary = _summary(shown["record"], time.perf_counter() - start)
        return shown["views"], shown["video"], shown["ply"], shown["video"], shown["zip"], camera, summary

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
                    three_d_aware = gr.Checkbox(
                        value=pipe.reconstructor is not None, interactive=pipe.reconstructor is not None,
                        label="3D-aware sampling" + ("" if pipe.reconstructor is not None else " (no reconstructor)"),
                    )  # fmt: skip
                run = gr.Button("Generate", variant="primary", elem_id="videomv-run")
                status = gr.Markdown(elem_id="videomv-status")
            with gr.Column(scale=2):
                gr.HTML(VIEWER_HTML, label="3D Gaussians", elem_id="videomv-viewer")
                with gr.Row():
                    gallery = gr.Gallery(
                        label="Views", columns=4, height=300, object_fit="contain", elem_id="videomv-gallery", scale=2
                    )
                    video = gr.Video(
                        label="Orbit video", autoplay=True, loop=True, height=300, elem_id="videomv-video", scale=1
                    )
                with gr.Row():
                    ply = gr.File(label="Gaussians (.ply)", elem_id="videomv-ply")
                    mp4 = gr.File(label="Orbit video (.mp4)", elem_id="videomv-mp4")
                    archive = gr.File(label="Everything (.zip)", elem_id="videomv-zip")
                camera = gr.JSON(visible=False)
        inputs = [image, prompt, views, elevation, steps, guidance, seed, three_d_aware]
        outputs = [gallery, video, ply, mp4, archive, camera, status]
        event = run.click(generate, inputs, outputs, concurrency_limit=1, concurrency_id="generate")
        event.success(None, [ply, camera], None, js=SHOW_IN_VIEWER_JS)
    return demo


def launch_app(
    demo: Any, limits: AppLimits, host: str = "127.0.0.1", port: int | None = None, block: bool = True
) -> Any:
    """Queues and launches ``demo``: one generation at a time, bounded queue and upload size.

    Args:
        demo: from :func:`build_app`.
        limits: queue size and upload limit.
        host: the address to bind (default: this machine only).
        port: the port (None: Gradio's default, 7860, or the next free one).
        block: serve until interrupted; False returns once the server runs (tests).

    Returns:
        Gradio's ``(app, local_url, share_url)``.
    """
    gr = _gradio()
    # Only the bundle itself is served from the package folder, nothing beside it.
    gr.set_static_paths([str(VIEWER_JS)])
    demo.queue(max_size=limits.queue_size, default_concurrency_limit=1)
    return demo.launch(
        server_name=host, server_port=port, max_file_size=limits.max_upload_bytes, prevent_thread_lock=not block,
        head=f'<script src="gradio_api/file={VIEWER_JS}"></script>', show_error=True, quiet=False,
    )  # fmt: skip
