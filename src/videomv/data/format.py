"""The on-disk multi-view sample: a folder of RGBA PNGs plus ``cameras.json``.

Layout::

    sample/
      000.png 001.png ...        RGBA, all the same size
      cameras.json

``cameras.json``::

    {
      "format": "videomv-multiview", "version": 1,
      "convention": "opencv",            # axes of every "c2w" below (see videomv.cameras)
      "width": 256, "height": 256,
      "caption": "a red torus",          # optional
      "meta": {...},                     # free-form: source, licence, object id, ...
      "views": [
        {"file": "000.png", "c2w": [[...4x4...]], "fx": .., "fy": .., "cx": .., "cy": ..,
         "azimuth": 0.0, "elevation": 15.0, "radius": 2.0},
        ...
      ]
    }

``azimuth``/``elevation``/``radius`` (degrees, about the world origin, world z up) are written
for people and other tools; the reader trusts ``c2w`` and checks the angles against it.
Samples are written to a temporary sibling folder and renamed into place, so a crash never
leaves a half-written sample under the final name.
"""

from __future__ import annotations

import json
import math
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

from ..cameras import Cameras, check_convention, convert_pose
from ..fileio import check_writable, staged_folder

FORMAT_NAME = "videomv-multiview"
FORMAT_VERSION = 1
CAMERAS_FILE = "cameras.json"
_ANGLE_TOL_DEG = 0.5
# Bounds that keep a hostile cameras.json from costing minutes or gigabytes before it is refused.
MAX_JSON_BYTES = 64 * 2**20
MAX_SIDE = 8192


class MultiViewFormatError(ValueError):
    """A multi-view sample on disk is missing, malformed or inconsistent."""


@dataclass
class MultiViewSample:
    """One object seen from several cameras.

    Attributes:
        images: ``(F, 4, H, W)`` float32 RGBA in [0, 1] (``(F, 3, H, W)`` RGB is accepted and
            written with an opaque alpha).
        cameras: the ``F`` cameras, OpenCV convention, at the images' size.
        caption: a text description, or None.
        meta: free-form JSON-serialisable information (source, licence, object id ...).
    """

    images: torch.Tensor
    cameras: Cameras
    caption: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.images.ndim != 4 or self.images.shape[1] not in (3, 4):
            raise ValueError(f"images must be (F, 3 or 4, H, W), got shape {tuple(self.images.shape)}")
        if len(self.images) != len(self.cameras):
            raise ValueError(f"{len(self.images)} images but {len(self.cameras)} cameras")
        height, width = self.images.shape[-2:]
        if (width, height) != (self.cameras.width, self.cameras.height):
            raise ValueError(
                f"images are {width}x{height} but cameras are for {self.cameras.width}x{self.cameras.height}"
            )
        if not torch.isfinite(self.images).all():
            raise ValueError("images contain NaN or inf")

    def __len__(self) -> int:
        return len(self.images)

    @property
    def rgba(self) -> torch.Tensor:
        """``(F, 4, H, W)`` images, with an opaque alpha added to RGB input."""
        if self.images.shape[1] == 4:
            return self.images
        return torch.cat([self.images, torch.ones_like(self.images[:, :1])], dim=1)

    def composited(self, background: float | tuple[float, float, float] = 1.0) -> torch.Tensor:
        """``(F, 3, H, W)`` RGB composited over a uniform ``background`` colour."""
        rgba = self.rgba
        bg = torch.as_tensor(background, dtype=rgba.dtype).reshape(-1, 1, 1)
        return rgba[:, :3] * rgba[:, 3:] + bg * (1.0 - rgba[:, 3:])


def view_filename(index: int) -> str:
    """The PNG name of view ``index``: ``000.png``, ``001.png`` ..."""
    return f"{index:03d}.png"


def cameras_to_json(cameras: Cameras) -> list[dict[str, Any]]:
    """Per-view JSON records (pose, intrinsics, spherical angles) of ``cameras``."""
    azimuth, elevation, radius = cameras.spherical()
    views = []
    for i in range(len(cameras)):
        fx, fy, cx, cy = (float(v) for v in cameras.intrinsics[i])
        views.append(
            {
                "file": view_filename(i),
                "c2w": [[round(float(v), 7) + 0.0 for v in row] for row in cameras.c2w[i]],
                "fx": fx,
                "fy": fy,
                "cx": cx,
                "cy": cy,
                "azimuth": round(float(azimuth[i]), 6),
                "elevation": round(float(elevation[i]), 6),
                "radius": round(float(radius[i]), 6),
            }
        )
    return views


def _to_uint8(images: torch.Tensor) -> np.ndarray:
    """``(F, C, H, W)`` float in [0, 1] → ``(F, H, W, C)`` uint8, rounded."""
    array = images.detach().clamp(0.0, 1.0).mul(255.0).round().to(torch.uint8)
    return array.permute(0, 2, 3, 1).cpu().numpy()


def write_sample(path: str | os.PathLike, sample: MultiViewSample, overwrite: bool = False) -> Path:
    """Writes ``sample`` as a folder at ``path``, atomically.

    Everything is written into a temporary folder next to ``path`` and renamed into place at
    the end; an existing sample is only replaced when ``overwrite`` is true, and then only
    once the new one is complete.

    Returns:
        The path of the written folder.
    """
    path = check_destination(path, overwrite)
    with staged_folder(path) as tmp:
        for i, pixels in enumerate(_to_uint8(sample.rgba)):
            Image.fromarray(pixels, mode="RGBA").save(tmp / view_filename(i))
        record = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "convention": "opencv",
            "width": sample.cameras.width,
            "height": sample.cameras.height,
            "caption": sample.caption,
            "meta": sample.meta,
            "views": cameras_to_json(sample.cameras),
        }
        (tmp / CAMERAS_FILE).write_text(_dump_record(record))
    return path


def _is_our_file(name: str) -> bool:
    return name == CAMERAS_FILE or (name.endswith(".png") and name[:-4].isdigit())


def check_destination(path: str | os.PathLike, overwrite: bool = False, option: str = "output") -> Path:
    """Checks that a sample can be written at ``path``, before any work is done.

    ``path`` must not exist, or (with ``overwrite``) be a sample folder holding nothing but a
    sample's own files (its ``cameras.json``, of this format, marks it as ours), so that replacing
    it never deletes anything we did not write. Its nearest existing parent must be a folder we
    can create files in.

    Returns:
        ``path`` as a Path.

    Raises:
        FileExistsError: ``path`` exists and may not be replaced.
        NotADirectoryError: a parent of ``path`` is a file.
        PermissionError: nothing can be created there.
    """
    path = Path(path)
    if path.exists() or path.is_symlink():
        if not overwrite:
            raise FileExistsError(f"{path} already exists; pass --overwrite to replace it, or choose another folder")
        target, cwd = path.resolve(), Path.cwd().resolve()
        if path.is_symlink() or not is_sample(path) or target == cwd or target in cwd.parents:
            raise FileExistsError(f"{path} is not a multi-view sample folder of ours; --overwrite replaces only those")
        others = sorted(p.name for p in path.iterdir() if not _is_our_file(p.name))
        if others:
            raise FileExistsError(
                f"{path} holds files that are not part of a sample ({', '.join(others[:3])}); "
                "move them away or choose another folder"
            )
    check_writable(path, option)
    return path


def _dump_record(record: dict[str, Any]) -> str:
    """JSON with one line per view, so the file stays readable and diffable."""
    views = ",\n  ".join(json.dumps(view) for view in record["views"])
    head = json.dumps({k: v for k, v in record.items() if k != "views"}, indent=1)[:-2]
    return f'{head},\n "views": [\n  {views}\n ]\n}}\n'


def _fail(file: Path, message: str) -> MultiViewFormatError:
    return MultiViewFormatError(f"{file}: {message}")


def read_json_object(file: Path) -> dict[str, Any]:
    """The JSON object in ``file``; any fault (size, encoding, syntax, nesting, not an object) is
    a :class:`MultiViewFormatError` that names the file."""
    size = file.stat().st_size
    if size > MAX_JSON_BYTES:
        raise _fail(file, f"{size / 2**20:.0f} MB is too large for camera data (at most {MAX_JSON_BYTES >> 20} MB)")
    try:
        record = json.loads(file.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise _fail(file, f"not valid JSON ({err})") from err
    except RecursionError as err:  # the parser recurses once per nesting level
        raise _fail(file, "not valid camera data (JSON nested too deeply)") from err
    if not isinstance(record, dict):
        raise _fail(file, f"must hold a JSON object, not a {type(record).__name__}")
    return record


def _positive_int(file: Path, record: dict[str, Any], key: str) -> int:
    value = record[key]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_SIDE:
        raise _fail(file, f"{key!r} must be a whole number of pixels in 1..{MAX_SIDE}, got {value!r}")
    return value


def _load_record(folder: Path) -> dict[str, Any]:
    if not folder.is_dir():
        raise MultiViewFormatError(f"{folder}: not a folder; give a multi-view sample folder holding {CAMERAS_FILE}")
    file = folder / CAMERAS_FILE
    if not file.is_file():
        raise _fail(file, "missing; a multi-view sample needs cameras.json beside its PNGs")
    record = read_json_object(file)
    if record.get("format") != FORMAT_NAME:
        raise _fail(file, f"not a {FORMAT_NAME} file (missing or wrong 'format' field)")
    if record.get("version") != FORMAT_VERSION:
        raise _fail(file, f"format version {record.get('version')!r} is not supported (expected {FORMAT_VERSION})")
    for key in ("width", "height", "views"):
        if key not in record:
            raise _fail(file, f"missing the {key!r} field")
        if key != "views":
            _positive_int(file, record, key)
    if not isinstance(record["views"], list) or not record["views"]:
        raise _fail(file, "'views' must be a non-empty list")
    if not all(isinstance(view, dict) for view in record["views"]):
        raise _fail(file, "every entry of 'views' must be an object with 'file', 'c2w', fx, fy, cx, cy")
    if not isinstance(record.get("caption"), str | None) or not isinstance(record.get("meta"), dict | None):
        raise _fail(file, "'caption' must be a string and 'meta' an object (or null)")
    try:
        check_convention(record.get("convention", "opencv"))
    except (ValueError, TypeError) as err:
        raise _fail(
            file, f"unknown camera convention {record.get('convention')!r}; use opencv, blender or opengl"
        ) from err
    return record


def _parse_cameras(file: Path, record: dict[str, Any]) -> Cameras:
    width, height = record["width"], record["height"]
    try:
        c2w = torch.tensor([view["c2w"] for view in record["views"]], dtype=torch.float64)
        intrinsics = torch.tensor(
            [[view[k] for k in ("fx", "fy", "cx", "cy")] for view in record["views"]], dtype=torch.float64
        )
    except (KeyError, TypeError, ValueError) as err:
        raise _fail(file, f"every view needs 'c2w' (4x4) and fx, fy, cx, cy numbers ({err})") from err
    if c2w.shape[1:] != (4, 4):
        raise _fail(file, f"'c2w' must be 4x4 matrices, got {tuple(c2w.shape[1:])}")
    c2w = convert_pose(c2w, record.get("convention", "opencv"), "opencv")
    for i, view in enumerate(record["views"]):
        if not (torch.isfinite(c2w[i]).all() and torch.isfinite(intrinsics[i]).all()):
            raise _fail(file, f"view {i} ({view.get('file')}) has NaN or inf in its camera")
        # One view at a time, so the message names the view at fault.
        try:
            Cameras(c2w[i : i + 1].float(), intrinsics[i].float(), width, height)
        except ValueError as err:
            raise _fail(file, f"view {i} ({view.get('file')}): {err}") from err
    cameras = Cameras(c2w.float(), intrinsics.float(), width, height)
    _check_angles(file, record["views"], cameras)
    return cameras


def _check_angles(file: Path, views: list[dict[str, Any]], cameras: Cameras) -> None:
    """Stated azimuth/elevation/radius, where present, must agree with the poses."""
    azimuth, elevation, radius = cameras.spherical()
    for i, view in enumerate(views):
        for key in ("azimuth", "elevation", "radius"):
            if key in view and (isinstance(view[key], bool) or not isinstance(view[key], int | float)):
                raise _fail(file, f"view {i}: {key} must be a number of degrees (or of units), got {view[key]!r}")
        if "radius" in view and not math.isclose(view["radius"], float(radius[i]), rel_tol=1e-3, abs_tol=1e-4):
            raise _fail(file, f"view {i}: radius {view['radius']} disagrees with its pose ({float(radius[i]):.4f})")
        if "elevation" in view and abs(view["elevation"] - float(elevation[i])) > _ANGLE_TOL_DEG:
            raise _fail(
                file, f"view {i}: elevation {view['elevation']} disagrees with its pose ({float(elevation[i]):.2f})"
            )
        # Azimuth is undefined straight above or below the origin.
        if "azimuth" in view and abs(float(elevation[i])) < 89.0:
            diff = (view["azimuth"] - float(azimuth[i]) + 180.0) % 360.0 - 180.0
            if abs(diff) > _ANGLE_TOL_DEG:
                raise _fail(
                    file, f"view {i}: azimuth {view['azimuth']} disagrees with its pose ({float(azimuth[i]):.2f})"
                )


_IMAGE_ERRORS = (
    UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)  # fmt: skip


def _read_view(file: Path, width: int, height: int) -> np.ndarray:
    if not file.is_file():
        raise _fail(file, "missing; cameras.json lists it but the file is not there")
    try:
        with warnings.catch_warnings():
            # Pillow only warns about huge images; here one is as wrong as a broken file.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
    except _IMAGE_ERRORS as err:
        raise _fail(file, f"not a readable PNG ({err})") from err
    with image:
        # Header checks first, so a wrong or huge image is refused before it is decoded.
        mode, size = image.mode, image.size
        if mode not in ("RGBA", "RGB"):
            raise _fail(file, f"image mode {mode}; views must be RGBA (or RGB) 8-bit PNGs")
        if size != (width, height):
            raise _fail(file, f"image is {size[0]}x{size[1]} but cameras.json says {width}x{height}")
        try:
            image.load()
            pixels = np.asarray(image)
        except _IMAGE_ERRORS as err:
            raise _fail(file, f"not a readable PNG ({err})") from err
    if mode == "RGB":
        pixels = np.concatenate([pixels, np.full_like(pixels[..., :1], 255)], axis=-1)
    return pixels


def read_cameras(path: str | os.PathLike, option: str = "--cameras") -> Cameras:
    """The cameras of a sample folder or of its ``cameras.json``, checked; the views' PNGs need not exist
    (a camera path is just cameras).

    Raises:
        FileNotFoundError, ValueError: one line naming ``option`` and the file at fault.
    """
    path = Path(path)
    if path.is_file() and path.name != CAMERAS_FILE:
        raise ValueError(f"{option} {path}: camera files are the on-disk format's {CAMERAS_FILE}; name it so")
    if not path.exists():
        raise FileNotFoundError(f"{option} {path}: no such file or folder; give a {CAMERAS_FILE} or its folder")
    folder = path.parent if path.is_file() else path
    return _parse_cameras(folder / CAMERAS_FILE, _load_record(folder))


def read_sample(path: str | os.PathLike) -> MultiViewSample:
    """Reads and validates a multi-view sample folder.

    Raises:
        MultiViewFormatError: naming the offending file, when ``cameras.json`` is missing or
            malformed, a view is missing, unreadable, of the wrong size or mode, a PNG is not
            listed in ``cameras.json``, a pose is not rigid or holds NaN/inf, or the stated
            angles disagree with the poses.
    """
    folder = Path(path)
    record = _load_record(folder)
    cameras_file = folder / CAMERAS_FILE
    cameras = _parse_cameras(cameras_file, record)
    listed = [view.get("file") for view in record["views"]]
    if any(not isinstance(name, str) or Path(name).name != name for name in listed):
        raise _fail(cameras_file, "every view needs a 'file' naming a PNG in the sample folder")
    if len(set(listed)) != len(listed):
        raise _fail(cameras_file, "two views name the same file")
    extra = sorted({p.name for p in folder.glob("*.png")} - set(listed))
    if extra:
        raise _fail(
            folder / extra[0],
            f"not listed in cameras.json ({len(extra)} unlisted PNG(s)); add it to 'views' or remove it",
        )
    pixels = np.stack([_read_view(folder / name, cameras.width, cameras.height) for name in listed])
    images = torch.from_numpy(pixels).permute(0, 3, 1, 2).float() / 255.0
    meta = record.get("meta") or {}
    return MultiViewSample(images, cameras, record.get("caption"), meta)


def is_sample(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a folder with a ``cameras.json`` (not checked further)."""
    return (Path(path) / CAMERAS_FILE).is_file()
