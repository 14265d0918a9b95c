"""The web app's server side without a browser: upload checks, request folders, requests on a tiny model, CLI."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from test_pipeline_3d_aware import SIZE, VIEWS, tiny_pipeline
from videomv.app import AppLimits, Workspace, save_upload, viewer_camera, zip_folder
from videomv.app.ui import Generator
from videomv.cli.main import main

LIMITS = AppLimits(max_upload_mb=0.05, max_image_side=256, min_image_side=16, max_views=8, max_steps=4)
SETTINGS = {"views": VIEWS, "elevation": 10.0, "steps": 2, "guidance": 3.0, "seed": 5, "three_d_aware": True}


def _image(path, size=(48, 48), mode="RGBA", fmt=None):
    pixels = np.zeros((size[1], size[0], len(mode)), dtype=np.uint8)
    pixels[size[1] // 4 : size[1] // 2, size[0] // 4 : size[0] // 2] = 200  # an object off centre
    Image.fromarray(pixels.squeeze(), mode).save(path, format=fmt)
    return path


@pytest.fixture
def workspace(tmp_path):
    space = Workspace(LIMITS, parent=tmp_path)
    yield space
    space.close()


@pytest.fixture(scope="module")
def image_pipe():
    return tiny_pipeline(image=True)


# ------------------------------------------------------------------------------------------ uploads


def test_upload_is_reencoded_under_the_apps_own_name(tmp_path, workspace) -> None:
    folder = workspace.new_request()
    rgba = save_upload(_image(tmp_path / "my object; rm -rf (1).png"), folder, LIMITS)
    assert rgba == folder / "input.png" and Image.open(rgba).mode == "RGBA"
    jpeg = save_upload(_image(tmp_path / "photo.jpg", mode="RGB", fmt="JPEG"), folder, LIMITS)
    assert Image.open(jpeg).mode == "RGB" and Image.open(jpeg).format == "PNG"
    assert sorted(p.name for p in folder.iterdir()) == ["input.png"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: _image(p, size=(300, 20)), "300x20 pixels, larger than 256 on a side; downscale it first"),
        (lambda p: _image(p, size=(40, 8)), "40x8 pixels, smaller than 16 on a side; upload a larger one"),
        (
            lambda p: p.write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>") and p,
            "not a PNG, JPEG, WebP, BMP or GIF",
        ),
        (lambda p: p.write_bytes(_png_bytes()[:60]) and p, "could not read the upload as an image"),
        (lambda p: p.write_bytes(os.urandom(60_000)) and p, "MB, more than the 0.05 MB limit; upload a smaller file"),
        (lambda p: _image(p, mode="RGB", fmt="TIFF"), "not a PNG, JPEG, WebP, BMP or GIF image; upload one of those"),
    ],
    ids=["too-large", "too-small", "svg", "truncated", "too-many-bytes", "tiff"],
)
def test_bad_uploads_get_one_line_messages(tmp_path, workspace, make, message) -> None:
    source = make(tmp_path / "upload.png")
    with pytest.raises(ValueError, match=re.escape(message)) as error:
        save_upload(source, workspace.new_request(), LIMITS)
    assert "\n" not in str(error.value) and str(tmp_path) not in str(error.value)


def _png_bytes() -> bytes:
    import io

    buffer = io.BytesIO()
    Image.fromarray(np.full((32, 32, 3), 90, dtype=np.uint8)).save(buffer, format="PNG")
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------ folders


def test_request_folders_are_random_and_cleaned_by_count_and_age(tmp_path) -> None:
    space = Workspace(AppLimits(keep_results=3, keep_minutes=10), parent=tmp_path)
    folders = [space.new_request() for _ in range(3)]
    for minutes, folder in zip((5, 4, 3), folders, strict=True):
        stamp = time.time() - 60 * minutes
        os.utime(folder, (stamp, stamp))
    folders.append(space.new_request())  # the 3 earlier ones are kept
    assert all(len(p.name) == 32 and int(p.name, 16) >= 0 and p.is_dir() for p in folders)
    assert space.cleanup() == [folders[0]]  # all but the 3 newest
    assert space.cleanup(now=time.time() + 6.5 * 60) == [folders[1]]  # now 10.5 minutes old
    space.close()
    assert not space.root.exists()


def test_zip_and_viewer_camera(tmp_path) -> None:
    (tmp_path / "out" / "views").mkdir(parents=True)
    (tmp_path / "out" / "views" / "000.png").write_bytes(b"x")
    (tmp_path / "out" / "result.json").write_text("{}")
    archive = zip_folder(tmp_path / "out", tmp_path / "all.zip")
    assert zipfile.ZipFile(archive).namelist() == ["videomv-result/result.json", "videomv-result/views/000.png"]
    camera = viewer_camera({"settings": {"elevation": 30.0, "radius": 2.0}})
    assert camera["up"] == [0.0, 0.0, 1.0]
    np.testing.assert_allclose(camera["position"], [3**0.5, 0.0, 1.0], atol=1e-6)


# ------------------------------------------------------------------------------------------ requests


def test_requests_are_checked_before_any_work(tmp_path, image_pipe, workspace) -> None:
    generator = Generator(image_pipe, workspace, LIMITS)
    assert generator.accepts_image and not generator.accepts_prompt_alone
    upload = str(_image(tmp_path / "img.png"))
    request = generator.check(upload, "  ", **SETTINGS)
    assert request.prompt is None and request.views == VIEWS and request.seed == 5
    assert generator.check(upload, "a mug", **SETTINGS).prompt == "a mug"  # a caption beside the image
    for message, (image, prompt) in {"needs an image": (None, "a chair"), "upload one": (None, "")}.items():
        with pytest.raises(ValueError, match=message):
            generator.check(image, prompt, **SETTINGS)
    for key, value, message in [
        ("views", 9, "views must be between 1 and 8"),
        ("steps", 50, "steps must be between 1 and 4"),
        ("seed", -1, "the seed must be a whole number"),
    ]:
        with pytest.raises(ValueError, match=message):
            generator.check(upload, None, **{**SETTINGS, key: value})
    text = Generator(tiny_pipeline(reconstructor=False), workspace, LIMITS)
    assert not text.accepts_image and text.accepts_prompt_alone
    with pytest.raises(ValueError, match="from a prompt only; remove the image"):
        text.check(upload, None, **SETTINGS)
    with pytest.raises(ValueError, match="type a prompt or upload an image"):
        text.check(None, " ", **SETTINGS)
    with pytest.raises(ValueError, match="shorten it"):
        text.check(None, "x" * 501, **SETTINGS)
    with pytest.raises(ValueError, match="this model makes no Gaussians, so no mesh; untick Mesh"):
        text.check(None, "a chair", **SETTINGS, mesh=True)
    assert generator.check(upload, None, **SETTINGS, mesh=True).mesh and not request.mesh


def test_a_request_writes_everything_into_its_own_folder(tmp_path, image_pipe, workspace) -> None:
    trimesh = pytest.importorskip("trimesh")
    pytest.importorskip("mcubes")
    generator = Generator(image_pipe, workspace, LIMITS, orbit_frames=4)
    shown = generator.run(generator.check(str(_image(tmp_path / "object.png")), None, **SETTINGS, mesh=True))
    (folder,) = [p for p in workspace.root.iterdir() if p.name != "gradio"]
    assert [caption for _, caption in shown["views"]] == [f"view {i} · {90 * i}°" for i in range(VIEWS)]
    assert Image.open(shown["views"][0][0]).size == (SIZE, SIZE)
    for key in ("video", "ply", "mesh", "zip"):
        assert os.path.dirname(shown[key]).startswith(str(folder)), key
    archive = zipfile.ZipFile(shown["zip"])
    names = set(archive.namelist())
    assert {"videomv-result/gaussians.ply", "videomv-result/views.mp4", "videomv-result/result.json"} <= names
    # The mesh shown in its tab is the one in the zip, and a textured mesh.
    assert shown["mesh"].endswith("mesh.glb") and "videomv-result/mesh.glb" in names
    assert archive.read("videomv-result/mesh.glb") == Path(shown["mesh"]).read_bytes()
    shape = trimesh.load(shown["mesh"], force="mesh")
    assert len(shape.faces) == shown["record"]["mesh"]["faces"] > 0
    assert shown["record"]["seed"] == 5 and shown["record"]["settings"]["elevation"] == 10.0
    # No server path in the zip's result.json or on the page: the input goes by its name, and is in the zip.
    text = archive.read("videomv-result/result.json").decode()
    assert str(workspace.root) not in text and str(tmp_path) not in text
    assert json.loads(text)["settings"]["image"] == shown["record"]["settings"]["image"] == "input.png"
    assert "videomv-result/input.png" in names and "videomv-result/.videomv-result" not in names


def test_pipeline_errors_name_the_upload_not_its_path(tmp_path, image_pipe, workspace) -> None:
    empty = tmp_path / "empty.png"
    Image.fromarray(np.zeros((32, 32, 4), dtype=np.uint8), "RGBA").save(empty)  # fully transparent
    generator = Generator(image_pipe, workspace, LIMITS)
    with pytest.raises(ValueError, match=r"^the uploaded image is empty: no object found") as error:
        generator.run(generator.check(str(empty), None, **SETTINGS))
    assert str(workspace.root) not in str(error.value)


@pytest.mark.skipif(importlib.util.find_spec("gradio") is None, reason="gradio not installed (pip install '.[app]')")
def test_the_interface_builds(image_pipe, workspace, monkeypatch) -> None:
    from videomv.app import build_app

    monkeypatch.setenv("GRADIO_TEMP_DIR", "")  # build_app points it into the workspace; restored afterwards

    demo = build_app(image_pipe, workspace, LIMITS, default_steps=2, model_name="tiny")
    labels = {getattr(block, "label", None) for block in demo.blocks.values()}
    assert {"Views", "Orbit video", "Gaussians (.ply)", "Everything (.zip)", "3D-aware sampling"} <= labels
    assert {"3D Gaussians", "Mesh", "Mesh (.glb)", "Mesh (.glb) of the Gaussians"} <= labels
    (box,) = [b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "videomv-mesh-option"]
    assert box.value is True and box.interactive
    demo = build_app(tiny_pipeline(reconstructor=False), workspace, LIMITS, model_name="tiny", mesh_default=True)
    (box,) = [b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "videomv-mesh-option"]
    assert box.value is False and not box.interactive and box.label.endswith("(no reconstructor)")


# ------------------------------------------------------------------------------------------ command line


def test_app_command_line_errors_are_one_line(tmp_path, capsys) -> None:
    assert main(["app", "--port", "70000"]) == 2
    assert main(["app", "--max-steps", "0"]) == 2
    assert main(["app", "--model", str(tmp_path / "nowhere"), "--device", "cpu"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0] == "videomv: error: --port 70000 is not a port number; use 1024-65535"
    assert lines[1] == "videomv: error: --max-steps must be positive"
    # The model folder is checked after Gradio's presence (a missing extra should not cost a model load).
    assert lines[2].startswith("videomv: error: ") and ("nowhere" in lines[2] or "videomv[app]" in lines[2])
    assert len(lines) == 3


def test_the_summary_says_how_many_steps_and_which_sampling() -> None:
    from videomv.app.ui import _summary

    settings = {"views": 8, "steps": 20, "three_d_aware": True, "guidance": 2.0, "device": "cpu", "dtype": "float32"}
    text = _summary({"settings": settings, "num_gaussians": 4096, "seed": 0}, 12.34)
    assert text == (
        "**Done** in 12.3 s: 8 views, 4,096 Gaussians; 20 steps, 3D-aware sampling, guidance 2, seed 0, "
        "on cpu (float32)."
    )
    plain = _summary({"settings": {**settings, "three_d_aware": False}, "num_gaussians": 0, "seed": 1}, 1.0)
    assert "(no reconstructor); 20 steps, plain sampling" in plain
    meshed = _summary({"settings": settings, "num_gaussians": 10, "mesh": {"faces": 20000}, "seed": 0}, 1.0)
    assert "8 views, 10 Gaussians, a mesh of 20,000 triangles; 20 steps" in meshed


# ------------------------------------------------------------------------------------------ the guard


def test_gradio_leftovers_are_removed_and_nothing_else(tmp_path) -> None:
    """Gradio deletes expired files but leaves their hash folders: the app removes the empty ones it made."""
    space = Workspace(AppLimits(keep_results=1), parent=tmp_path)
    old = time.time() - 3600
    empty, full, fresh = (space.gradio_dir / name for name in ("a" * 64, "b" * 64, "c" * 64))
    for folder in (empty, full, fresh):
        folder.mkdir()
    (full / "upload.png").write_bytes(b"x")
    for folder in (empty, full):
        os.utime(folder, (old, old))
    for _ in range(3):
        space.new_request()  # keeps 1 earlier request folder besides the new one, and never Gradio's folder
    assert not empty.exists() and full.is_dir() and fresh.is_dir()  # fresh: Gradio may be moving a file in
    assert sorted(len(p.name) for p in space.root.iterdir()) == [len("gradio"), 32, 32]
    space.close()
    assert not space.root.exists()


def test_uploads_beyond_the_disk_cap_evict_the_oldest_with_their_folders(tmp_path) -> None:
    from videomv.app.guard import UploadStore

    store = UploadStore(max_bytes=1000, root=tmp_path)
    files = []
    for i in range(4):
        path = tmp_path / f"{i:064x}" / f"upload{i}.png"
        path.parent.mkdir()
        path.write_bytes(bytes(400))
        files.append(path)
        evicted = store.add([path])
        assert evicted == ([] if i < 2 else [files[i - 2]])
    assert [p.exists() for p in files] == [False, False, True, True]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{2:064x}", f"{3:064x}"]  # no empty folder left


def test_a_client_quota_is_a_sliding_window() -> None:
    from videomv.app.guard import ClientQuota

    quota = ClientQuota(max_bytes=100, window_s=60)
    assert quota.take("a", 60, now=0) and not quota.take("a", 60, now=1) and quota.take("b", 60, now=1)
    assert quota.take("a", 60, now=61)  # the first 60 bytes left the window


def test_the_guard_serves_the_viewer_bundle_by_name_only(tmp_path) -> None:
    from starlette.testclient import TestClient

    from videomv.app.guard import UploadGuard
    from videomv.app.ui import VIEWER_JS, VIEWER_URL

    async def behind(scope, receive, send):  # what Gradio would answer
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    guard = UploadGuard(behind, LIMITS, tmp_path, assets={VIEWER_JS.name: VIEWER_JS})
    client = TestClient(guard)
    served = client.get(f"/{VIEWER_URL}")
    assert served.status_code == 200 and served.content == VIEWER_JS.read_bytes()
    assert "/" not in VIEWER_URL.removeprefix("videomv-static/") and str(VIEWER_JS.parent) not in VIEWER_URL
    assert client.get("/videomv-static/ui.py").status_code == 404
    assert client.get("/anything-else").status_code == 204
    # A POST without a body passes; a body of unknown length (chunked) cannot be bounded before it is read.
    assert client.post("/gradio_api/queue/join").status_code == 204
    assert client.post("/gradio_api/queue/join", content=iter([b"{}"])).status_code == 411


@pytest.mark.skipif(importlib.util.find_spec("gradio") is None, reason="gradio not installed (pip install '.[app]')")
def test_the_launched_server_is_guarded_and_names_no_server_path(image_pipe, workspace, monkeypatch) -> None:
    """On 127.0.0.1 only: the page loads the viewer from the guard, and a non-image upload is refused."""
    import httpx

    from videomv.app import build_app, launch_app
    from videomv.app.ui import VIEWER_JS

    monkeypatch.setenv("GRADIO_TEMP_DIR", "")  # build_app points it into the workspace; restored afterwards
    demo = build_app(image_pipe, workspace, LIMITS, default_steps=2)
    _, url, _ = launch_app(demo, workspace, LIMITS, host="127.0.0.1", port=None, block=False)
    try:
        assert url.startswith("http://127.0.0.1:")
        page = httpx.get(f"{url}config", timeout=30).text  # the page's content, head included
        assert 'src=\\"videomv-static/splat-viewer.js\\"' in page and str(VIEWER_JS.parent) not in page
        assert httpx.get(f"{url}videomv-static/splat-viewer.js", timeout=30).content == VIEWER_JS.read_bytes()
        files = {"files": ("notes.png", b"not an image at all", "image/png")}
        refused = httpx.post(f"{url}gradio_api/upload", files=files, timeout=30)
        assert refused.status_code == 415 and str(workspace.root) not in refused.text
        assert not any(p.is_file() for p in workspace.gradio_dir.rglob("*"))
    finally:
        demo.close()
