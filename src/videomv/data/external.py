"""Readers for multi-view layouts of other projects, converted to ``MultiViewSample``.

* **G-Objaverse** (``campos_512_v4``; the data the reference VideoMV trains on): one folder per
  view, ``00000/00000.png`` (RGBA) and ``00000/00000.json`` holding the camera's axes ``x``,
  ``y``, ``z`` and centre ``origin`` in world space (OpenCV camera axes, world z up: the
  columns of our camera-to-world matrix as they are) and ``x_fov`` / ``y_fov`` in radians.
* **Zero123 / EscherNet**: ``000.png``, ``001.png`` ... each with ``000.npy`` ...: a 3x4
  world-to-camera ``[R | t]`` in **Blender** camera axes (x right, y up, looking along -z; world
  z up), as those projects' render scripts save it (``get_3x4_RT_matrix_from_blender`` with the
  Blender-to-OpenCV flip left out), and a fixed 49.1° field of view (35 mm lens, 32 mm sensor).
* **SyncDreamer**: ``000.png`` ... and one ``meta.pkl`` holding ``(K, azimuths, elevations,
  distances, poses)``, ``poses`` the ``(N, 3, 4)`` world-to-camera matrices in **OpenCV** camera
  axes (its render script applies the flip), world z up. Pickles are read with an unpickler that
  only builds numpy arrays, so no code in them ever runs.

Reading a pose in the wrong axes turns every camera away from the object without any error;
``videomv data validate`` catches that with its geometry check (see :mod:`videomv.data.geometry`).
"""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

from ..cameras import Cameras, convert_pose
from .format import MultiViewFormatError, MultiViewSample, read_json_object

ZERO123_FOV_DEG = 49.1  # Zero123's Blender camera: 35 mm lens on a 32 mm sensor.


def _load_rgba(file: Path) -> np.ndarray:
    try:
        with Image.open(file) as image:
            return np.asarray(image.convert("RGBA"))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as err:
        raise MultiViewFormatError(f"{file}: not a readable image ({err})") from err


def _stack_images(files: list[Path]) -> torch.Tensor:
    arrays = [_load_rgba(f) for f in files]
    sizes = {a.shape for a in arrays}
    if len(sizes) != 1:
        raise MultiViewFormatError(f"{files[0].parent}: views have different sizes {sorted(sizes)}")
    return torch.from_numpy(np.stack(arrays)).permute(0, 3, 1, 2).float() / 255.0


def _w2c_to_c2w(w2c: np.ndarray) -> torch.Tensor:
    """``(N, 3, 4)`` world-to-camera ``[R | t]`` → ``(N, 4, 4)`` camera-to-world."""
    rot = torch.as_tensor(w2c[:, :3, :3], dtype=torch.float64)
    t = torch.as_tensor(w2c[:, :3, 3], dtype=torch.float64)
    c2w = torch.zeros((len(w2c), 4, 4), dtype=torch.float64)
    c2w[:, :3, :3] = rot.transpose(1, 2)
    c2w[:, :3, 3] = -(rot.transpose(1, 2) @ t[..., None]).squeeze(-1)
    c2w[:, 3, 3] = 1.0
    return c2w.float()


def _make_cameras(source: Path, c2w: torch.Tensor, intrinsics: torch.Tensor, images: torch.Tensor) -> Cameras:
    height, width = images.shape[-2:]
    try:
        return Cameras(c2w, intrinsics, width, height)
    except ValueError as err:
        raise MultiViewFormatError(f"{source}: {err}") from err


def read_gobjaverse(folder: str | os.PathLike, views: list[int] | None = None) -> MultiViewSample:
    """Reads one object of G-Objaverse's ``campos_512_v4`` layout.

    Args:
        folder: the ``campos_512_v4`` folder (or the object folder holding it).
        views: indices of the views to read (G-Objaverse has 40: 24 on an orbit, 16 others);
            default all that are present, in order.
    """
    folder = Path(folder)
    if (folder / "campos_512_v4").is_dir():
        folder = folder / "campos_512_v4"
    if not folder.is_dir():
        raise MultiViewFormatError(f"{folder}: not a folder; give a G-Objaverse campos_512_v4 folder")
    if views is None:
        views = sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit())
    if not views:
        raise MultiViewFormatError(f"{folder}: no view folders (00000/, 00001/ ...) found")
    c2w, intrinsics, files = [], [], []
    for index in views:
        name = f"{index:05d}"
        json_file, png_file = folder / name / f"{name}.json", folder / name / f"{name}.png"
        for file in (json_file, png_file):
            if not file.is_file():
                raise MultiViewFormatError(f"{file}: missing")
        meta = read_json_object(json_file)
        try:
            pose = np.eye(4)
            for column, key in enumerate(("x", "y", "z", "origin")):
                pose[:3, column] = np.asarray(meta[key], dtype=np.float64)
            fov_x, fov_y = float(meta["x_fov"]), float(meta["y_fov"])
        except (KeyError, ValueError, TypeError) as err:
            raise MultiViewFormatError(
                f"{json_file}: needs x, y, z, origin (3-vectors) and x_fov, y_fov ({err})"
            ) from err
        c2w.append(pose)
        intrinsics.append((fov_x, fov_y))
        files.append(png_file)
    images = _stack_images(files)
    height, width = images.shape[-2:]
    fov = torch.tensor(intrinsics, dtype=torch.float64)
    focal = torch.stack([0.5 * width / torch.tan(fov[:, 0] / 2), 0.5 * height / torch.tan(fov[:, 1] / 2)], -1)
    centre = torch.tensor([width / 2.0, height / 2.0], dtype=torch.float64).expand_as(focal)
    cameras = _make_cameras(folder, torch.tensor(np.stack(c2w)).float(), torch.cat([focal, centre], -1).float(), images)
    return MultiViewSample(images, cameras, None, {"source": "g-objaverse", "path": str(folder), "views": views})


class _NumpyOnlyUnpickler(pickle.Unpickler):
    """Builds numpy arrays, lists, tuples, dicts and numbers; refuses every other global."""

    _ALLOWED: ClassVar[set[tuple[str, str]]] = {
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.multiarray", "scalar"),
        ("numpy._core.multiarray", "scalar"),
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
    }

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}: only numpy arrays are allowed")


def load_numpy_pickle(file: str | os.PathLike) -> Any:
    """Loads a pickle that holds only numpy arrays and plain containers, never running code."""
    data = Path(file).read_bytes()
    try:
        return _NumpyOnlyUnpickler(io.BytesIO(data)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError) as err:
        raise MultiViewFormatError(f"{file}: not a readable pickle of numpy arrays ({err})") from err


def _numbered_views(folder: Path, layout: str) -> list[Path]:
    """The ``NNN.png`` views of an external render folder, sorted."""
    if not folder.is_dir():
        raise MultiViewFormatError(f"{folder}: not a folder; give a {layout} render folder")
    files = sorted(p for p in folder.glob("*.png") if p.stem.isdigit())
    if not files:
        raise MultiViewFormatError(f"{folder}: no numbered PNG views (000.png ...) found")
    return files


def _checked_poses(source: Path, poses: np.ndarray) -> np.ndarray:
    if not np.isfinite(poses).all():
        raise MultiViewFormatError(f"{source}: poses contain NaN or inf")
    return poses


def read_zero123(folder: str | os.PathLike, fov: float = ZERO123_FOV_DEG) -> MultiViewSample:
    """Reads a Zero123 / EscherNet render folder: ``NNN.png`` with ``NNN.npy`` poses.

    Args:
        folder: the folder of views.
        fov: vertical field of view in degrees (the layout stores no intrinsics).
    """
    folder = Path(folder)
    files = _numbered_views(folder, "Zero123/EscherNet")
    poses = []
    for png in files:
        npy = png.with_suffix(".npy")
        if not npy.is_file():
            meta = (folder / "meta.pkl").is_file()
            hint = "; a folder with meta.pkl is SyncDreamer's layout: use --from syncdreamer" if meta else ""
            raise MultiViewFormatError(f"{npy}: missing (each Zero123 view needs its 3x4 pose){hint}")
        try:
            pose = np.load(npy, allow_pickle=False)
        except (ValueError, OSError, EOFError) as err:
            raise MultiViewFormatError(f"{npy}: not a readable .npy array ({err})") from err
        if pose.shape != (3, 4) or not np.issubdtype(pose.dtype, np.number):
            raise MultiViewFormatError(f"{npy}: pose is {pose.dtype} of shape {pose.shape}, expected (3, 4) numbers")
        rotation = _checked_poses(npy, pose.astype(np.float64))[:, :3]
        if not np.allclose(rotation @ rotation.T, np.eye(3), atol=1e-3) or np.linalg.det(rotation) < 0:
            raise MultiViewFormatError(f"{npy}: rotation not orthonormal right-handed; give a rigid [R | t] pose")
        poses.append(pose.astype(np.float64))
    images = _stack_images(files)
    height, width = images.shape[-2:]
    focal = 0.5 * height / np.tan(np.radians(fov) / 2)
    intrinsics = torch.tensor([focal, focal, width / 2.0, height / 2.0], dtype=torch.float32)
    # World to Blender camera: invert, then re-express the camera axes as OpenCV's.
    c2w = convert_pose(_w2c_to_c2w(np.stack(poses)), "blender", "opencv")
    cameras = _make_cameras(folder, c2w, intrinsics, images)
    return MultiViewSample(images, cameras, None, {"source": "zero123", "path": str(folder)})


def read_syncdreamer(folder: str | os.PathLike) -> MultiViewSample:
    """Reads a SyncDreamer render folder: ``NNN.png`` with one ``meta.pkl`` (OpenCV poses and ``K``)."""
    folder = Path(folder)
    files = _numbered_views(folder, "SyncDreamer")
    meta_file = folder / "meta.pkl"
    if not meta_file.is_file():
        hint = "; NNN.npy poses are the Zero123 layout: use --from zero123" if any(folder.glob("*.npy")) else ""
        raise MultiViewFormatError(f"{meta_file}: missing (SyncDreamer keeps every view's camera in it){hint}")
    meta = load_numpy_pickle(meta_file)
    try:
        K, _, _, _, poses = meta
        K, poses = np.asarray(K, dtype=np.float64), np.asarray(poses, dtype=np.float64)
    except (TypeError, ValueError) as err:
        raise MultiViewFormatError(f"{meta_file}: expected (K, azimuths, elevations, distances, poses)") from err
    if poses.shape != (len(files), 3, 4) or K.shape != (3, 3):
        raise MultiViewFormatError(
            f"{meta_file}: poses {poses.shape} / K {K.shape} do not match {len(files)} views "
            "(expected (N, 3, 4) and (3, 3))"
        )
    _checked_poses(meta_file, np.concatenate([poses.reshape(-1), K.reshape(-1)]))
    images = _stack_images(files)
    intrinsics = torch.tensor([K[0, 0], K[1, 1], K[0, 2], K[1, 2]], dtype=torch.float32)
    cameras = _make_cameras(meta_file, _w2c_to_c2w(poses), intrinsics, images)
    return MultiViewSample(images, cameras, None, {"source": "syncdreamer", "path": str(folder)})


READERS = {"gobjaverse": read_gobjaverse, "syncdreamer": read_syncdreamer, "zero123": read_zero123}
