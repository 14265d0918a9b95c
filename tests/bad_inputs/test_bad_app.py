"""Catalogue: ``videomv app``: its command line, its form and API values, and its upload route.

The command line is refused like every command (exit 2, one line; the model loader is a
tripwire). The page and the API are driven in-process: the event function the page calls, and
Gradio's FastAPI app behind the app's guard through Starlette's test client (no socket). Each case
gets one line naming what is wrong and no server path, and leaves the app's folder as it was: no
upload kept, no empty hash folder, no request folder.
"""

from __future__ import annotations

import importlib.util
import io
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import videomv.pipelines.export
from conftest import assert_refused, nothing_changes
from test_pipeline_3d_aware import VIEWS, tiny_pipeline
from videomv.app import AppLimits, Workspace

pytestmark = pytest.mark.skipif(importlib.util.find_spec("gradio") is None, reason="gradio not installed")

LIMITS = AppLimits(max_upload_mb=0.05, max_views=8, max_steps=4, max_client_mb=0.2, max_uploads_mb=1.0)
FORM = {"views": VIEWS, "elevation": 10.0, "steps": 2, "guidance": 3.0, "seed": 5, "three_d_aware": True, "mesh": False}


def _png(size: int = 32) -> bytes:
    buffer = io.BytesIO()
    pixels = np.zeros((size, size, 4), dtype=np.uint8)
    pixels[size // 4 : size // 2, size // 4 : size // 2] = 200
    Image.fromarray(pixels, "RGBA").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    """The app on a tiny image model: its workspace, its Blocks and a test client of its server."""
    from gradio.routes import App
    from starlette.testclient import TestClient

    from videomv.app import build_app
    from videomv.app.ui import guard_middleware

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRADIO_TEMP_DIR", "")  # build_app points it into the workspace; restored afterwards
        workspace = Workspace(LIMITS, parent=tmp_path_factory.mktemp("app"))
        demo = build_app(tiny_pipeline(image=True), workspace, LIMITS, default_steps=2)
        demo.max_file_size = LIMITS.max_upload_bytes  # what launch_app sets
        server = App.create_app(demo, app_kwargs={"middleware": guard_middleware(workspace, LIMITS)})
        yield workspace, demo, TestClient(server, client=("203.0.113.7", 50000))
        workspace.close()


# ------------------------------------------------------------------------------ command line

COMMAND_LINE = {
    "--port out of range": (["--port", "70000"], ("--port 70000", "port number")),
    "--max-steps 0": (["--max-steps", "0"], ("--max-steps", "positive")),
    # Formerly each passed (nan <= 0 is False; inf is no limit) and the app started.
    "--keep-minutes nan": (["--keep-minutes", "nan"], ("--keep-minutes", "positive")),
    "--max-upload-mb inf": (["--max-upload-mb", "inf"], ("--max-upload-mb", "positive")),
    "--max-client-mb 0": (["--max-client-mb", "0"], ("--max-client-mb", "positive")),
    "--max-uploads-mb negative": (["--max-uploads-mb", "-5"], ("--max-uploads-mb", "positive")),
    "--orbit-frames 0": (["--orbit-frames", "0"], ("--orbit-frames", "positive")),
    # Formerly clamped to --max-steps in silence.
    "--steps beyond --max-steps": (["--steps", "200"], ("--steps 200", "--max-steps 100")),
}


@pytest.mark.parametrize("name", list(COMMAND_LINE))
def test_a_bad_app_option_is_refused_before_any_model_loads(name, tmp_path, capsys, monkeypatch) -> None:
    def tripwire(*args, **kwargs):
        raise AssertionError("a refused app must not load a model")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(videomv.pipelines.export, "load_pipeline", tripwire)
    argv, words = COMMAND_LINE[name]
    assert_refused(tmp_path, "app", *argv, capsys=capsys, words=words)


def test_a_missing_model_folder_is_refused_in_one_line(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert_refused(tmp_path, "app", "--model", "nowhere", "--device", "cpu", capsys=capsys, words=("nowhere",))


# ------------------------------------------------------------------------------ form and API values

# What the page (or a client of its API) may send; every value goes through GenerateSettings.check.
FORM_VALUES = {
    # Formerly unguided sampling, and NaN written into result.json (invalid JSON).
    "guidance nan": ({"guidance": math.nan}, ("guidance", "finite", "nan")),
    "guidance inf": ({"guidance": math.inf}, ("guidance", "finite", "inf")),
    "guidance negative": ({"guidance": -2.0}, ("guidance", "0 or more")),
    "elevation nan": ({"elevation": math.nan}, ("elevation", "finite")),
    "elevation past the pole": ({"elevation": 120.0}, ("elevation", "-90 to 90")),
    # Formerly int()'s "cannot convert float NaN to integer".
    "seed nan": ({"seed": math.nan}, ("seed", "whole number")),
    "seed beyond 2**63": ({"seed": 2**70}, ("seed", "2**63")),
    # Formerly truncated to 2 in silence.
    "views not whole": ({"views": 2.5}, ("views", "whole number")),
    "views beyond the app's limit": ({"views": 1000}, ("views", "between 1 and 8")),
    "steps 0": ({"steps": 0}, ("steps", "between 1 and 4")),
    "steps not a number": ({"steps": "many"}, ("steps", "whole number")),
    "guidance not a number": ({"guidance": "strong"}, ("guidance", "a number")),
}


def _generate(demo):
    """The function the page's Generate button (and the API) runs."""
    (function,) = [fn.fn for fn in demo.fns.values() if getattr(fn.fn, "__name__", "") == "generate"]
    return function


@pytest.mark.parametrize("name", list(FORM_VALUES))
def test_a_bad_form_or_api_value_is_one_line_before_any_work(name, app, tmp_path) -> None:
    import gradio as gr

    workspace, demo, _ = app
    upload = tmp_path / "object.png"
    upload.write_bytes(_png())
    values, words = FORM_VALUES[name]
    form = {**FORM, **values}
    with nothing_changes(workspace.root), pytest.raises(gr.Error) as refused:
        _generate(demo)(str(upload), "", *form.values())
    message = refused.value.message
    assert "\n" not in message and str(tmp_path) not in message and str(workspace.root) not in message
    assert "--" not in message  # named as on the page, not as on the command line
    for word in words:
        assert word.lower() in message.lower(), (word, message)


def test_an_unreadable_image_reaching_the_form_names_no_server_path(app, tmp_path) -> None:
    """Through the API a file of the app's cache that is no image reaches Gradio's decoding (PIL named its path)."""
    import gradio as gr
    from gradio.data_classes import ImageData

    workspace, demo, _ = app
    (image,) = [block for block in demo.blocks.values() if getattr(block, "elem_id", None) == "videomv-image"]
    stray = workspace.gradio_dir / "served" / "views.mp4"
    stray.parent.mkdir()
    stray.write_bytes(b"\x00\x00\x00\x18ftypmp42 not an image")
    try:
        with pytest.raises(gr.Error) as refused:
            image.preprocess(ImageData(path=str(stray), orig_name="views.png"))
    finally:
        stray.unlink()
        stray.parent.rmdir()
    assert refused.value.message == "the upload is not a PNG, JPEG, WebP, BMP or GIF image; upload one of those"


# ------------------------------------------------------------------------------ upload route

UPLOADS = {
    # Formerly stored, whatever it was, up to the size limit.
    "a text file": ("notes.txt", b"just some text\n" * 20),
    "a text file named .png": ("photo.png", b"just some text\n" * 20),
    "an SVG": ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
    "a zip named .jpg": ("photo.jpg", b"PK\x03\x04" + bytes(200)),
    "a PNG signature on garbage": ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(300)),
    "a TIFF": ("scan.tif", b"II*\x00" + bytes(300)),
}


def _upload(client, name: str, content: bytes, **headers: str):
    return client.post("/gradio_api/upload", files={"files": (name, content, "image/png")}, headers=headers)


def _assert_one_line_refusal(response, status: int, *words: str, root: Path) -> None:
    assert response.status_code == status, (response.status_code, response.text)
    text = response.text
    assert "\n" not in text.strip() and str(root) not in text and "/tmp" not in text, text
    for word in words:
        assert word.lower() in text.lower(), (word, text)


@pytest.mark.parametrize("name", list(UPLOADS))
def test_an_upload_that_is_no_image_is_refused_and_not_kept(name, app) -> None:
    workspace, _, client = app
    filename, content = UPLOADS[name]
    with nothing_changes(workspace.root):  # the file is gone, and so is Gradio's hash folder for it
        response = _upload(client, filename, content)
    _assert_one_line_refusal(response, 415, "not a PNG, JPEG, WebP, BMP or GIF image", root=workspace.root)


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(app) -> None:
    workspace, _, client = app
    with nothing_changes(workspace.root):
        response = _upload(client, "big.png", _png() + bytes(LIMITS.max_upload_bytes + 100_000))
    _assert_one_line_refusal(response, 413, "larger than the 0.05 MB limit", root=workspace.root)


def test_a_request_without_a_length_is_refused(app) -> None:
    workspace, _, client = app

    def chunks():
        yield b"--x\r\n"

    with nothing_changes(workspace.root):
        response = client.post(
            "/gradio_api/upload", content=chunks(), headers={"content-type": "multipart/form-data; boundary=x"}
        )
    _assert_one_line_refusal(response, 411, "content-length", root=workspace.root)


def test_a_client_over_its_quota_is_refused(app) -> None:
    """Formerly no per-client bound: one address could fill the disk with --host 0.0.0.0."""
    from starlette.testclient import TestClient

    workspace, _, client = app
    greedy = TestClient(client.app, client=("198.51.100.9", 50001))
    image = _png(64) + bytes(40_000)  # ~40 KB (PNG readers stop at its end); the quota is 0.2 MB
    accepted = 0
    for i in range(20):  # bounded: the quota ends it after 5
        before = sorted(workspace.root.rglob("*"))
        response = _upload(greedy, f"object{i}.png", image + bytes([i]))
        if response.status_code != 200:
            break
        accepted += 1
    assert accepted == 5, accepted
    assert sorted(workspace.root.rglob("*")) == before  # the refused upload was not stored
    _assert_one_line_refusal(response, 429, "0.2 MB within 60 minutes", "wait", root=workspace.root)
    assert _upload(client, "another-address.png", _png()).status_code == 200  # others are not held back
