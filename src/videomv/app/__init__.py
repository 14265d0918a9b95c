"""The web app: ``videomv app`` (Gradio, ``pip install 'videomv[app]'``).

:mod:`.workspace` holds what needs no Gradio (limits, per-request folders, upload checks,
packaging); :mod:`.ui` builds and launches the interface. Gradio is imported only when the app
is built.
"""

from .workspace import AppLimits, Workspace, save_upload, viewer_camera, zip_folder

__all__ = ["AppLimits", "Workspace", "build_app", "launch_app", "save_upload", "viewer_camera", "zip_folder"]


def __getattr__(name: str):
    # build_app/launch_app live beside the Gradio import; importing them lazily keeps
    # ``import videomv.app`` cheap and working without the extra.
    if name in ("build_app", "launch_app"):
        from . import ui

        return getattr(ui, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
