"""Writing meshes: ``.glb`` (binary glTF), ``.obj`` + ``.mtl`` + texture ``.png``, ``.ply`` (vertex colours).

Every file is written atomically (temporary name, then a rename); an ``.obj``'s texture and
``.mtl`` are written before the ``.obj`` that names them, so a reader that finds the ``.obj``
finds its material. trimesh does the encoding and is imported only here.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import numpy as np

from .edit import up_axis_rotation
from .io import _write_atomic
from .mesh import MESH_EXTRA, TriangleMesh

MESH_SUFFIXES = (".glb", ".obj", ".ply")


def _trimesh() -> Any:
    try:
        import trimesh
    except ImportError as err:
        raise ImportError(f"writing meshes needs trimesh: {MESH_EXTRA}") from err
    return trimesh


def to_trimesh(mesh: TriangleMesh, up: str = "z", texture: bool = True) -> Any:
    """The mesh as a ``trimesh.Trimesh`` with its texture (or vertex colours), turned to ``up`` ("y" or "z")."""
    trimesh = _trimesh()
    vertices = mesh.vertices @ up_axis_rotation("z", up).numpy().T
    if texture and mesh.texture is not None and mesh.uvs is not None:
        from PIL import Image

        material = trimesh.visual.material.PBRMaterial(
            baseColorTexture=Image.fromarray(mesh.texture), metallicFactor=0.0, roughnessFactor=1.0
        )
        visual = trimesh.visual.TextureVisuals(uv=mesh.uvs, material=material)
    else:
        colours = (np.clip(mesh.vertex_colors, 0, 1) * 255).round().astype(np.uint8)
        visual = trimesh.visual.ColorVisuals(
            vertex_colors=np.concatenate([colours, np.full_like(colours[:, :1], 255)], 1)
        )
    return trimesh.Trimesh(vertices, mesh.faces, visual=visual, process=False)


def save_mesh(mesh: TriangleMesh, path: str | os.PathLike, up: str = "y", texture: bool = True) -> list[Path]:
    """Writes ``mesh`` to ``path`` (``.glb``, ``.obj`` or ``.ply``, by suffix) and returns the files written.

    Args:
        mesh: the mesh (z-up, as :func:`~videomv.gaussians.mesh.gaussians_to_mesh` makes it).
        path: the file; an ``.obj`` gets ``NAME.mtl`` and ``NAME.png`` beside it when textured.
        up: the up axis the file should have: "y" (glTF's own convention, and what most OBJ
            importers assume) or "z" (videomv's world, Blender's).
        texture: write the texture (if the mesh has one); False writes vertex colours. A ``.ply``
            always holds vertex colours.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in MESH_SUFFIXES:
        raise ValueError(f"{path}: meshes are written as {', '.join(MESH_SUFFIXES)}; choose one of those")
    textured = texture and suffix != ".ply" and mesh.texture is not None
    shape = to_trimesh(mesh, up, textured)
    if suffix == ".glb":
        data = shape.export(file_type="glb")
        _write_atomic(path, data)
        return [path]
    if suffix == ".ply":
        _write_atomic(path, shape.export(file_type="ply", encoding="binary"))
        return [path]
    return _save_obj(shape, path, textured)


def _save_obj(shape: Any, path: Path, textured: bool) -> list[Path]:
    from trimesh.exchange.obj import export_obj

    if not textured:
        text = export_obj(shape, include_texture=False, header=None)
        _write_atomic(path, text.encode("utf-8"))
        return [path]
    # Diffuse white and no specular, so OBJ viewers show the texture's own colours (trimesh's
    # conversion from PBR would write Kd 0.4, darkening it).
    image = shape.visual.material.baseColorTexture
    shape.visual.material = _trimesh().visual.material.SimpleMaterial(
        image=image, diffuse=(255, 255, 255, 255), ambient=(255, 255, 255, 255), specular=(0, 0, 0, 255), name=path.stem
    )
    text, extra = export_obj(shape, return_texture=True, mtl_name=f"{path.stem}.mtl", header=None)
    written = []
    for name, data in sorted(extra.items(), key=lambda item: item[0].endswith(".mtl")):  # textures first
        target = path.with_name(Path(name).name)
        _write_atomic(target, data if isinstance(data, bytes) else bytes(data))
        written.append(target)
    _write_atomic(path, text.encode("utf-8"))
    return [*written, path]


def mesh_file_names(path: str | os.PathLike) -> list[Path]:
    """The files :func:`save_mesh` may write for ``path`` (an ``.obj`` also writes ``.mtl`` and ``.png``)."""
    path = Path(path)
    if path.suffix.lower() == ".obj":
        return [path, path.with_suffix(".mtl"), path.with_suffix(".png")]
    return [path]


def png_bytes(image: np.ndarray) -> bytes:
    """``image`` (H, W, 3) uint8 encoded as PNG."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="PNG")
    return buffer.getvalue()
