"""Procedural objects with captions: coloured, patterned primitives and simple compositions.

Every object is a pure function of ``(seed, index)``: ``procedural_object(seed, i)`` always
returns the same meshes and caption, whatever else was generated before it. An object is one
primitive ("a red and white striped torus") or two of them placed "on" or "beside" each other
("a red torus on a blue box"). Colours are vertex colours; stripes run horizontally and the
checker follows azimuth and height, so both read well from an orbit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

COLORS: dict[str, tuple[int, int, int]] = {
    "red": (210, 40, 40),
    "orange": (240, 130, 30),
    "yellow": (240, 210, 40),
    "green": (50, 170, 60),
    "blue": (40, 80, 210),
    "purple": (130, 60, 180),
    "pink": (240, 130, 180),
    "brown": (120, 75, 40),
    "white": (235, 235, 235),
    "black": (30, 30, 30),
    "grey": (128, 128, 128),
}
PATTERNS = ("solid", "striped", "checkered")
LAYOUTS = ("single", "on", "beside")


def _trimesh():
    from .render import _trimesh

    return _trimesh()


def _box(rng: np.random.Generator):
    return _trimesh().creation.box(extents=rng.uniform(0.5, 1.0, size=3))


def _sphere(rng: np.random.Generator):
    return _trimesh().creation.icosphere(subdivisions=3, radius=0.5)


def _cylinder(rng: np.random.Generator):
    return _trimesh().creation.cylinder(radius=rng.uniform(0.25, 0.45), height=rng.uniform(0.6, 1.0), sections=48)


def _cone(rng: np.random.Generator):
    return _trimesh().creation.cone(radius=rng.uniform(0.3, 0.5), height=rng.uniform(0.6, 1.0), sections=48)


def _torus(rng: np.random.Generator):
    minor = rng.uniform(0.1, 0.2)
    return _trimesh().creation.torus(major_radius=0.5 - minor, minor_radius=minor)


def _capsule(rng: np.random.Generator):
    return _trimesh().creation.capsule(height=rng.uniform(0.4, 0.7), radius=rng.uniform(0.2, 0.3))


SHAPES: dict[str, Callable] = {
    "box": _box,
    "sphere": _sphere,
    "cylinder": _cylinder,
    "cone": _cone,
    "torus": _torus,
    "capsule": _capsule,
}


@dataclass
class ProceduralObject:
    """A generated object: its meshes (vertex-coloured, z up) and a caption.

    Attributes:
        name: a file-name-safe id, ``procedural_<seed>_<index>``.
        caption: e.g. ``"a red torus on a blue and white striped box"``.
        meshes: the parts, in arbitrary units (the renderer normalises them).
        spec: the random choices, for the dataset's metadata.
    """

    name: str
    caption: str
    meshes: list
    spec: dict


def _article(phrase: str) -> str:
    return f"an {phrase}" if phrase[0] in "aeiou" else f"a {phrase}"


def _pattern_mask(vertices: np.ndarray, pattern: str, bands: int) -> np.ndarray:
    """True where a vertex takes the pattern's second colour."""
    if pattern == "solid":
        return np.zeros(len(vertices), dtype=bool)
    z = vertices[:, 2]
    height = np.ptp(z) or 1.0
    row = np.floor((z - z.min()) / height * bands * 0.999).astype(int)
    if pattern == "striped":
        return row % 2 == 1
    azimuth = np.arctan2(vertices[:, 1], vertices[:, 0])
    column = np.floor((azimuth + np.pi) / (2 * np.pi) * 2 * bands).astype(int)
    return (row + column) % 2 == 1


def _coloured_part(rng: np.random.Generator) -> tuple:
    """One random primitive, coloured; returns ``(mesh, description, spec)``."""
    shape = str(rng.choice(list(SHAPES)))
    pattern = str(rng.choice(PATTERNS, p=[0.5, 0.25, 0.25]))
    first, second = (str(c) for c in rng.choice(list(COLORS), size=2, replace=False))
    # Fine, evenly sized triangles so that the colour boundaries are sharp everywhere, then
    # vertices split along sharp edges so boxes and cylinder rims shade flat, not blobby.
    mesh = SHAPES[shape](rng).subdivide_to_size(max_edge=0.06).smooth_shaded
    mask = _pattern_mask(mesh.vertices, pattern, bands=int(rng.integers(3, 6)))
    colors = np.where(mask[:, None], COLORS[second], COLORS[first])
    mesh.visual.vertex_colors = np.concatenate([colors, np.full((len(colors), 1), 255)], axis=1)
    words = first if pattern == "solid" else f"{first} and {second} {pattern}"
    spec = {"shape": shape, "pattern": pattern, "colors": [first] if pattern == "solid" else [first, second]}
    return mesh, f"{words} {shape}", spec


def _place(lower, upper, layout: str) -> None:
    """Moves ``upper`` onto (``"on"``) or next to (``"beside"``) ``lower``, in place."""
    (lo_min, lo_max), (up_min, up_max) = lower.bounds, upper.bounds
    if layout == "on":
        offset = [
            (lo_min[0] + lo_max[0] - up_min[0] - up_max[0]) / 2,
            (lo_min[1] + lo_max[1] - up_min[1] - up_max[1]) / 2,
            lo_max[2] - up_min[2],
        ]
    else:  # side by side along x, standing on the same ground
        offset = [lo_max[0] - up_min[0] + 0.05, 0.0, lo_min[2] - up_min[2]]
    upper.apply_translation(offset)


def procedural_object(seed: int, index: int) -> ProceduralObject:
    """Object ``index`` of the stream defined by ``seed`` (deterministic)."""
    rng = np.random.default_rng([seed, index])
    layout = str(rng.choice(LAYOUTS, p=[0.5, 0.25, 0.25]))
    first, first_words, first_spec = _coloured_part(rng)
    name = f"procedural_{seed}_{index:05d}"
    if layout == "single":
        return ProceduralObject(name, _article(first_words), [first], {"layout": layout, "parts": [first_spec]})
    second, second_words, second_spec = _coloured_part(rng)
    # "A on B": B is the lower part; "A beside B": B stands to the left of A.
    _place(second, first, layout)
    caption = f"{_article(first_words)} {layout} {_article(second_words)}"
    spec = {"layout": layout, "parts": [first_spec, second_spec]}
    return ProceduralObject(name, caption, [first, second], spec)
