"""Orbit renders of textured meshes (OBJ+MTL, GLB/glTF, PLY) with pyrender.

Rendering runs headless on EGL: Mesa's software OpenGL on a CPU machine, the GPU driver's EGL
where there is one. ``PYOPENGL_PLATFORM`` must be set before PyOpenGL is first imported, so
pyrender is only imported through ``_pyrender()``, which sets it (unless the user chose
another platform, e.g. ``osmesa``).

Normalisation: every mesh is placed so that the centre of its axis-aligned bounding box is at
the origin and its longest bounding-box side is 1, i.e. it fits in ``[-0.5, 0.5]^3`` and
touches two opposite faces of that cube. World z is up (as in ``videomv.cameras``); y-up meshes
are turned z-up first (``up_axis="y"``: a +90° rotation about x, (x, y, z) -> (x, -z, y)).

Shading: every material becomes a matte PBR material (metallic 0, roughness 1) that keeps the
base-colour texture or colour; OBJ's Phong parameters are dropped because pyrender's conversion
of them renders textured scans dark and shiny. Light: an ambient term plus a directional light
attached to the camera, so each view is lit the same way from the viewer's side.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from ..cameras import Cameras, convert_pose

if TYPE_CHECKING:
    import trimesh

MESH_SUFFIXES = (".obj", ".glb", ".gltf", ".ply")

# Linear-space light levels: a surface facing the camera gets ambient + intensity / pi of its
# base colour (pyrender's Lambert term), about 1.0, so textures keep their colours head-on.
DEFAULT_AMBIENT = 0.35
DEFAULT_LIGHT_INTENSITY = 2.0

# (x, y, z) -> (x, -z, y): a +90° rotation about x that turns a y-up mesh z-up.
_Y_UP_TO_Z_UP = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, -1.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]])


def _quiet_info_logs() -> None:
    # trimesh ("triangulating faces") and PyOpenGL log at INFO per file, which buries the
    # progress bars of a dataset build; their warnings still show.
    for name in ("trimesh", "OpenGL"):
        logging.getLogger(name).setLevel(max(logging.getLogger(name).level, logging.WARNING))


def _pyrender() -> Any:
    """Imports pyrender on EGL, or raises an ImportError naming the extra to install."""
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
    _quiet_info_logs()
    try:
        import pyrender
    except ImportError as error:
        raise ImportError("mesh rendering needs pyrender and trimesh: pip install 'videomv[render]'") from error
    return pyrender


def _trimesh() -> Any:
    _quiet_info_logs()
    try:
        import trimesh
    except ImportError as error:
        raise ImportError("mesh loading needs trimesh: pip install 'videomv[render]'") from error
    return trimesh


def _material_fallback_resolver(path: Path) -> Any:
    """A trimesh resolver that serves a sibling ``.mtl`` when the one an OBJ names is missing.

    Some scans name a material library that was renamed (the LIBERO popcorn scan names
    ``textured.mtl`` but ships ``popcorn.mtl``); without this the texture is silently lost.
    The fallback is ``<obj stem>.mtl`` if present, else the only ``.mtl`` in the folder.
    """
    resolvers = _trimesh().resolvers

    class MaterialFallbackResolver(resolvers.FilePathResolver):
        def get(self, name: str) -> bytes:
            try:
                return super().get(name)
            except FileNotFoundError:
                fallback = _fallback_mtl(path) if name.lower().endswith(".mtl") else None
                if fallback is None:
                    raise
                return super().get(fallback.name)

    return MaterialFallbackResolver(str(path))


def _fallback_mtl(obj_path: Path) -> Path | None:
    own = obj_path.with_suffix(".mtl")
    if own.exists():
        return own
    candidates = sorted(obj_path.parent.glob("*.mtl"))
    return candidates[0] if len(candidates) == 1 else None


def load_mesh(path: str | os.PathLike, up_axis: str = "z") -> list[trimesh.Trimesh]:
    """Loads a mesh file as a list of triangle meshes in a z-up world.

    Scenes (GLB/glTF, OBJ with several objects or materials) are flattened with their node
    transforms applied; each part keeps its own material.

    Args:
        path: an ``.obj`` (with its ``.mtl`` and textures beside it), ``.glb``, ``.gltf`` or
            ``.ply`` file.
        up_axis: ``"z"`` if the file is z-up, ``"y"`` if it is y-up (turned z-up here).

    Returns:
        The non-empty triangle meshes of the file, in the file's units.
    """
    path = Path(path)
    if path.suffix.lower() not in MESH_SUFFIXES:
        raise ValueError(f"{path}: unsupported mesh type; use one of {', '.join(MESH_SUFFIXES)}")
    if up_axis not in ("y", "z"):
        raise ValueError(f"up_axis must be 'y' or 'z', got {up_axis!r}")
    if not path.is_file():
        raise FileNotFoundError(f"mesh file not found: {path}")
    trimesh = _trimesh()
    kwargs = {"resolver": _material_fallback_resolver(path)} if path.suffix.lower() == ".obj" else {}
    try:
        loaded = trimesh.load(str(path), process=False, **kwargs)
    except Exception as err:  # parsers of every format raise their own kinds on a damaged file
        raise ValueError(f"{path}: not a readable {path.suffix.lower()} mesh ({type(err).__name__}: {err})") from err
    parts = loaded.dump(concatenate=False) if isinstance(loaded, trimesh.Scene) else [loaded]
    meshes = [m for m in parts if isinstance(m, trimesh.Trimesh) and len(m.faces) > 0]
    if not meshes:
        raise ValueError(f"{path}: no triangles found")
    if up_axis == "y":
        for mesh in meshes:
            mesh.apply_transform(_Y_UP_TO_Z_UP)
    return meshes


def normalize_meshes(meshes: Sequence[trimesh.Trimesh]) -> list[trimesh.Trimesh]:
    """Copies of ``meshes`` moved and scaled together into the unit cube.

    The centre of the joint axis-aligned bounding box goes to the origin and its longest side
    becomes 1, so the object fits in ``[-0.5, 0.5]^3``; proportions are kept.
    """
    lower = np.min([m.bounds[0] for m in meshes], axis=0)
    upper = np.max([m.bounds[1] for m in meshes], axis=0)
    extent = float((upper - lower).max())
    if not np.isfinite(extent) or extent <= 0:
        raise ValueError("cannot normalise a mesh with an empty or non-finite bounding box")
    transform = np.eye(4)
    transform[:3, :3] /= extent
    transform[:3, 3] = -(lower + upper) / 2.0 / extent
    return [m.copy().apply_transform(transform) for m in meshes]


def _texture_image(material: Any, max_texture_size: int) -> np.ndarray | None:
    """The base-colour texture of a trimesh material as uint8 RGB(A), downscaled if large."""
    image = getattr(material, "baseColorTexture", None)
    if image is None:
        image = getattr(material, "image", None)
    if image is None:
        return None
    if hasattr(image, "size") and max(image.size) > max_texture_size:
        # Textures of scans are up to 4096^2; uploading them per object costs more than the
        # render itself and adds nothing at orbit-render resolutions.
        scale = max_texture_size / max(image.size)
        image = image.resize((max(1, round(image.size[0] * scale)), max(1, round(image.size[1] * scale))))
    array = np.asarray(image)
    if array.dtype != np.uint8:
        array = np.clip(array * 255.0 if array.max() <= 1.0 else array, 0, 255).astype(np.uint8)
    if array.ndim == 2:
        array = np.repeat(array[..., None], 3, axis=-1)
    return array


def _base_color_factor(material: Any, has_texture: bool) -> np.ndarray:
    """Base colour factor (RGBA in [0, 1]) for the matte replacement of ``material``."""
    factor = getattr(material, "baseColorFactor", None)
    if factor is not None:  # glTF/PBR: the factor multiplies the texture by definition
        return np.asarray(factor, dtype=np.float64).reshape(-1)[:4] / (
            255.0 if np.asarray(factor).dtype == np.uint8 else 1.0
        )
    if has_texture:
        # OBJ: Kd next to map_Kd is often 0 or 0.8 from exporters; the texture alone is what
        # the artist saw (as in Blender), so it is used unscaled.
        return np.ones(4)
    diffuse = getattr(material, "diffuse", None)
    if diffuse is None:
        return np.array([0.7, 0.7, 0.7, 1.0])
    return srgb_to_linear(np.asarray(diffuse, dtype=np.float64)[:4] / 255.0)


def srgb_to_linear(color: np.ndarray) -> np.ndarray:
    """sRGB-encoded colours in [0, 1], ``(..., 3 or 4)``, to linear; alpha is left as is.

    pyrender decodes textures from sRGB but uses colour factors and vertex colours as linear
    values; colours stored for display (OBJ ``Kd``, PLY vertex colours) are decoded here so
    that they render as they look.
    """
    color = np.array(color, dtype=np.float64)
    rgb = color[..., :3]
    color[..., :3] = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return color


def _matte_material(mesh: trimesh.Trimesh, max_texture_size: int) -> Any:
    """A matte pyrender material keeping the mesh's base colour texture, colour or nothing."""
    pyrender = _pyrender()
    texture = None
    factor = np.ones(4)
    if mesh.visual.kind == "texture":
        material = mesh.visual.material
        texture = _texture_image(material, max_texture_size)
        factor = _base_color_factor(material, texture is not None)
    factor[3] = 1.0  # opaque: orbit renders have no transparency (alpha comes from coverage)
    return pyrender.MetallicRoughnessMaterial(
        baseColorFactor=factor,
        baseColorTexture=texture,
        metallicFactor=0.0,
        roughnessFactor=1.0,
        alphaMode="OPAQUE",
        doubleSided=True,  # open scans and thin artist planes must not vanish from behind
    )


def to_pyrender_mesh(mesh: trimesh.Trimesh, max_texture_size: int = 1024) -> Any:
    """A pyrender mesh with a matte material; vertex and face colours are kept (decoded from
    sRGB, see ``srgb_to_linear``).

    Face-coloured meshes are rendered flat (pyrender cannot interpolate face colours), the
    others with smooth vertex normals.
    """
    pyrender = _pyrender()
    smooth = mesh.visual.kind != "face"
    render_mesh = pyrender.Mesh.from_trimesh(mesh, smooth=smooth)
    matte = _matte_material(mesh, max_texture_size)
    for primitive in render_mesh.primitives:
        primitive.material = matte
        if primitive.color_0 is not None:
            primitive.color_0 = srgb_to_linear(primitive.color_0)
    return render_mesh


class MeshRenderer:
    """Renders meshes from a batch of cameras; reuses one EGL context across calls.

    Creating the offscreen context is slow (about a second with Mesa), so build one renderer
    and render many objects with it. Use as a context manager or call ``close()``.

    Args:
        ambient: linear ambient light level.
        light_intensity: intensity of the directional light that follows the camera.
        max_texture_size: textures larger than this (pixels, longest side) are downscaled.
    """

    def __init__(
        self,
        ambient: float = DEFAULT_AMBIENT,
        light_intensity: float = DEFAULT_LIGHT_INTENSITY,
        max_texture_size: int = 1024,
    ) -> None:
        self.ambient = ambient
        self.light_intensity = light_intensity
        self.max_texture_size = max_texture_size
        self._renderer: Any = None
        self._size: tuple[int, int] | None = None

    def __enter__(self) -> MeshRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Releases the EGL context."""
        if self._renderer is not None:
            self._renderer.delete()
            self._renderer = None
            self._size = None

    def _offscreen(self, width: int, height: int) -> Any:
        if self._size != (width, height):
            self.close()
            self._renderer = _pyrender().OffscreenRenderer(width, height)
            self._size = (width, height)
        return self._renderer

    def render(self, meshes: Sequence[trimesh.Trimesh], cameras: Cameras) -> torch.Tensor:
        """Renders ``meshes`` (world coordinates, z up) from every camera.

        Returns:
            ``(F, 4, H, W)`` float32 RGBA in [0, 1] with straight (not premultiplied) colour;
            alpha is the pixel's coverage by the object, 0 on the background.
        """
        pyrender = _pyrender()
        renderer = self._offscreen(cameras.width, cameras.height)
        scene = pyrender.Scene(ambient_light=np.full(3, self.ambient), bg_color=np.zeros(4))
        for mesh in meshes:
            scene.add(to_pyrender_mesh(mesh, self.max_texture_size))
        # pyrender's camera looks along -z with y up: our "blender" axes in the same z-up world.
        poses = convert_pose(cameras.c2w, "opencv", "blender").numpy().astype(np.float64)
        camera_node = None
        views = []
        for pose, (fx, fy, cx, cy) in zip(poses, cameras.intrinsics.tolist(), strict=True):
            if camera_node is not None:
                scene.remove_node(camera_node)
            camera = pyrender.IntrinsicsCamera(fx, fy, cx, cy, znear=0.01, zfar=100.0)
            camera_node = scene.add(camera, pose=pose)
            # A child of the camera node: the light moves with every view (a headlight).
            light = pyrender.DirectionalLight(color=np.ones(3), intensity=self.light_intensity)
            scene.add(light, parent_node=camera_node)
            color, _ = renderer.render(scene, flags=pyrender.RenderFlags.RGBA)
            views.append(color)
        return _straight_alpha(np.stack(views))


def _straight_alpha(rgba: np.ndarray) -> torch.Tensor:
    """``(F, H, W, 4)`` uint8 with multisampled (premultiplied) edges -> ``(F, 4, H, W)`` float.

    The multisample resolve averages the object's colour with the transparent black
    background, which premultiplies edge pixels by their coverage; dividing by alpha undoes it.
    """
    image = torch.from_numpy(rgba).float().div_(255.0).permute(0, 3, 1, 2).contiguous()
    alpha = image[:, 3:]
    image[:, :3] = torch.where(alpha > 0, (image[:, :3] / alpha.clamp_min(1e-6)).clamp(0, 1), 0.0)
    return image


def load_normalized_mesh(path: str | os.PathLike, up_axis: str = "z") -> list[trimesh.Trimesh]:
    """Loads a mesh file (see :func:`load_mesh`) normalised into the unit cube (see the module docstring)."""
    meshes = load_mesh(path, up_axis)
    try:
        return normalize_meshes(meshes)
    except ValueError as err:
        raise ValueError(f"{path}: {err}") from err


def render_mesh_file(
    path: str | os.PathLike,
    cameras: Cameras,
    up_axis: str = "z",
    renderer: MeshRenderer | None = None,
) -> torch.Tensor:
    """Loads, normalises (see the module docstring) and renders one mesh file.

    Args:
        path: the mesh file.
        cameras: the views to render.
        up_axis: ``"z"`` or ``"y"``, the file's up axis.
        renderer: a renderer to reuse; a temporary one is made (and closed) if None.

    Returns:
        ``(F, 4, H, W)`` float32 RGBA in [0, 1].
    """
    meshes = load_normalized_mesh(path, up_axis)
    if renderer is not None:
        return renderer.render(meshes, cameras)
    with MeshRenderer() as own:
        return own.render(meshes, cameras)


def egl_unavailable_reason() -> str | None:
    """None if an offscreen EGL context can be created here, else why not (for test skips)."""
    try:
        renderer = _pyrender().OffscreenRenderer(8, 8)
    except Exception as error:  # any GL/EGL/import failure means "cannot render here"
        return f"pyrender/EGL unavailable: {type(error).__name__}: {error}"
    renderer.delete()
    return None
