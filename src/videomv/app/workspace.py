"""Per-request folders, upload checks and result packaging for the web app (no Gradio here).

Everything the app writes goes into one private temporary root; each request gets a fresh folder
in it named by the app (a random hex id), never by anything the user sent. Gradio's own temporary
files (uploads, and the copies of results it serves) go into ``ROOT/gradio``, so every folder
there is the app's: the empty hash folders Gradio leaves when it expires files are removed with
the rest. Old request folders are removed by age and by count, and the whole root when the app
exits.
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile
import threading
import time
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

# File name of the checked, re-encoded upload inside a request folder.
INPUT_NAME = "input.png"
# Image formats the app accepts: what browsers and phones produce. Anything else is refused before decoding.
ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP", "BMP", "GIF")
# The first bytes of each accepted format: an upload is sniffed by content, never trusted by its name.
MAGIC_BYTES = {
    "PNG": (b"\x89PNG\r\n\x1a\n",),
    "JPEG": (b"\xff\xd8\xff",),
    "GIF": (b"GIF87a", b"GIF89a"),
    "BMP": (b"BM",),
}
NOT_AN_IMAGE = "the upload is not a PNG, JPEG, WebP, BMP or GIF image; upload one of those"
# Request folders are named by uuid4().hex; anything else in the root (Gradio's folder) is not one.
REQUEST_NAME = re.compile(r"[0-9a-f]{32}")
GRADIO_DIR = "gradio"
# Empty folders in Gradio's folder younger than this are left alone: Gradio may be about to move an upload in.
EMPTY_FOLDER_GRACE_S = 60.0


@dataclass(frozen=True)
class AppLimits:
    """What one request may ask for; the app refuses, with a message, anything beyond.

    Attributes:
        max_upload_mb: largest accepted upload, in megabytes (also given to Gradio's upload route).
        max_image_side: largest accepted width or height of an uploaded image, in pixels.
        min_image_side: smallest accepted width or height, in pixels.
        max_views: most views one request may generate.
        max_steps: most denoising steps one request may run.
        max_prompt_chars: longest accepted prompt.
        queue_size: requests that may wait in the queue; later ones are told to come back.
        keep_minutes: how long a request's files stay on disk after it finished.
        keep_results: how many finished requests' files stay on disk at most.
        max_client_mb: most megabytes one client (IP address) may send in ``quota_minutes``; uploads
            beyond are refused until older ones leave the window.
        quota_minutes: the window of ``max_client_mb``.
        max_uploads_mb: most megabytes of uploads kept on disk; the oldest are deleted beyond.
    """

    max_upload_mb: float = 10.0
    max_image_side: int = 4096
    min_image_side: int = 16
    max_views: int = 48
    max_steps: int = 100
    max_prompt_chars: int = 500
    queue_size: int = 8
    keep_minutes: float = 30.0
    keep_results: int = 16
    max_client_mb: float = 100.0
    quota_minutes: float = 60.0
    max_uploads_mb: float = 500.0

    @property
    def max_upload_bytes(self) -> int:
        """``max_upload_mb`` in bytes."""
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_client_bytes(self) -> int:
        """``max_client_mb`` in bytes."""
        return int(self.max_client_mb * 1024 * 1024)

    @property
    def max_uploads_bytes(self) -> int:
        """``max_uploads_mb`` in bytes."""
        return int(self.max_uploads_mb * 1024 * 1024)


class Workspace:
    """A private temporary root holding one folder per request, cleaned up by age and count.

    Args:
        limits: ``keep_minutes`` and ``keep_results`` bound what stays on disk.
        parent: where to create the root (default: the system's temporary folder).
    """

    def __init__(self, limits: AppLimits, parent: str | Path | None = None) -> None:
        self.limits = limits
        self.root = Path(tempfile.mkdtemp(prefix="videomv-app-", dir=parent))
        self.gradio_dir = self.root / GRADIO_DIR
        self.gradio_dir.mkdir()
        self._lock = threading.Lock()

    def new_request(self) -> Path:
        """Removes expired request folders, then creates and returns a fresh one."""
        self.cleanup()
        with self._lock:
            folder = self.root / uuid.uuid4().hex
            folder.mkdir()
        return folder

    def cleanup(self, now: float | None = None) -> list[Path]:
        """Removes request folders older than ``keep_minutes`` and all but the newest ``keep_results``,
        and the empty folders Gradio left in its folder.

        Args:
            now: the current time (``time.time()`` by default; tests pass their own).

        Returns:
            The request folders removed.
        """
        now = time.time() if now is None else now
        max_age = self.limits.keep_minutes * 60
        with self._lock:
            folders = sorted(
                (p for p in self.root.iterdir() if p.is_dir() and REQUEST_NAME.fullmatch(p.name)),
                key=lambda p: p.stat().st_mtime,
                reverse=True,
            )
            expired = [
                p for i, p in enumerate(folders) if i >= self.limits.keep_results or now - p.stat().st_mtime > max_age
            ]
            for folder in expired:
                shutil.rmtree(folder, ignore_errors=True)
        self.remove_empty_folders(now)
        return expired

    def remove_empty_folders(self, now: float | None = None) -> list[Path]:
        """Removes the empty hash folders Gradio leaves in ``gradio_dir`` when it deletes expired files.

        Every folder there is this app's (the folder is private to it); one younger than
        :data:`EMPTY_FOLDER_GRACE_S` is kept, as Gradio may be about to move an upload into it.

        Returns:
            The folders removed.
        """
        now = time.time() if now is None else now
        removed = []
        for folder in sorted(self.gradio_dir.glob("**/"), key=lambda p: len(p.parts), reverse=True):
            if folder == self.gradio_dir:
                continue
            try:
                if now - folder.stat().st_mtime > EMPTY_FOLDER_GRACE_S and not any(folder.iterdir()):
                    folder.rmdir()
                    removed.append(folder)
            except OSError:  # filled or removed meanwhile: not empty, or not there to remove
                continue
        return removed

    def close(self) -> None:
        """Removes the whole root (at exit)."""
        shutil.rmtree(self.root, ignore_errors=True)


def save_upload(source: str | Path, folder: Path, limits: AppLimits) -> Path:
    """Checks an uploaded image and writes it, re-encoded, as ``folder/input.png``.

    The upload is only opened, never used as a destination: its size, format and dimensions are
    checked from the file header before any pixel is decoded, so an oversized or malformed file
    costs nothing.

    Args:
        source: the file Gradio stored the upload in.
        folder: the request's folder.
        limits: size and dimension limits.

    Returns:
        The path of the re-encoded image (RGBA when the upload has transparency, else RGB).

    Raises:
        ValueError: one line that says what is wrong with the upload and what to do.
    """
    # PIL is imported here so that building the command line parser does not pay for it.
    from PIL import Image, UnidentifiedImageError

    size = Path(source).stat().st_size
    if size > limits.max_upload_bytes:
        raise ValueError(
            f"the image is {size / 2**20:.1f} MB, more than the {limits.max_upload_mb:g} MB limit; "
            "upload a smaller file"
        )
    sniff_image(source)
    try:
        with Image.open(source, formats=ACCEPTED_FORMATS) as image:
            _check_header(image, limits)
            image.seek(0)  # an animated GIF or WebP: its first frame
            image.load()
            converted = _to_rgb_or_rgba(image)
    except Image.DecompressionBombError as error:
        raise ValueError(
            f"the image has too many pixels; downscale it to at most {limits.max_image_side} a side"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValueError(
            f"could not read the upload as an image ({type(error).__name__}); upload a PNG, JPEG or WebP file"
        ) from error
    path = folder / INPUT_NAME
    converted.save(path)
    return path


def sniff_image(path: str | Path) -> str:
    """The format of the image in ``path``, told by its first bytes (its name is not looked at).

    Raises:
        ValueError: :data:`NOT_AN_IMAGE` when the content is none of :data:`ACCEPTED_FORMATS`.
    """
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    for name, signatures in MAGIC_BYTES.items():
        if head.startswith(signatures):
            return name
    raise ValueError(NOT_AN_IMAGE)


def check_uploaded_file(path: str | Path) -> None:
    """Accepts ``path`` only when its content is an image of :data:`ACCEPTED_FORMATS` that PIL can parse.

    The upload route's check: the first bytes name the format and PIL parses the header and checks
    the file's structure (``verify``) without decoding pixels. Sizes are checked when the image is
    used (:func:`save_upload`), where the message can say what to change.

    Raises:
        ValueError: :data:`NOT_AN_IMAGE`, in one line with no server path.
    """
    from PIL import Image

    fmt = sniff_image(path)
    try:
        with Image.open(path, formats=(fmt,)) as image:
            image.verify()
    except Image.DecompressionBombError:
        return  # an image, only too large: save_upload says so with the numbers
    except Exception as error:  # whatever PIL fails with, the file is not an image we can use
        raise ValueError(NOT_AN_IMAGE) from error


def _check_header(image: Image.Image, limits: AppLimits) -> None:
    if image.format not in ACCEPTED_FORMATS:
        raise ValueError(f"{image.format or 'this'} images are not accepted; upload a PNG, JPEG or WebP file")
    width, height = image.size
    if max(width, height) > limits.max_image_side:
        raise ValueError(
            f"the image is {width}x{height} pixels, larger than {limits.max_image_side} on a side; downscale it first"
        )
    if min(width, height) < limits.min_image_side:
        raise ValueError(
            f"the image is {width}x{height} pixels, smaller than {limits.min_image_side} on a side; upload a larger one"
        )


def _to_rgb_or_rgba(image: Image.Image) -> Image.Image:
    """RGBA when the image has any transparency (the pipeline recentres on its alpha), else RGB."""
    transparent = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    return image.convert("RGBA" if transparent else "RGB")


def zip_folder(
    folder: Path, destination: Path, top: str = "videomv-result", skip: frozenset[str] = frozenset()
) -> Path:
    """Zips every file under ``folder`` but those named in ``skip`` (paths relative to ``folder``) into
    ``destination``, inside one top-level folder ``top``."""
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and name not in skip:
                archive.write(path, f"{top}/{name}")
    return destination


def viewer_camera(record: dict[str, Any]) -> dict[str, list[float]]:
    """Where the splat viewer's camera starts: on the first generated view (azimuth 0), world z up.

    Args:
        record: the content of ``result.json``.
    """
    settings = record["settings"]
    elevation = math.radians(float(settings["elevation"]))
    radius = float(settings["radius"])
    position = [radius * math.cos(elevation), 0.0, radius * math.sin(elevation)]
    return {"position": [round(v, 6) for v in position], "up": [0.0, 0.0, 1.0]}
