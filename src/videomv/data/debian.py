"""Textured 3D art from Debian packages: the 0 A.D. game's props, buildings, plants and animals.

Debian packages 0 A.D.'s art in ``0ad-data`` (version 0.0.26-1 in bookworm, 1.38 GB, all files
"Copyright: 2010 Wildfire Games, License: CC-BY-SA-3.0" per its ``copyright`` file). The package
is fetched with ``apt-get download`` into ``$VIDEOMV_CACHE/debian`` (default
``~/.cache/videomv/debian``) and unpacked there with ``dpkg-deb -x``; it is never installed and
never committed. Its art sits in ``mods/public/public.zip`` (3.3 GB, stored uncompressed, so
members are read in place):

* ``art/meshes/**/*.dae.cached.pmd``: meshes in 0 A.D.'s binary PMD format (version 4), the
  game's compiled form of its COLLADA sources (which the package does not ship). PMD is a flat
  vertex/face table, read here with numpy (``read_pmd``): no importer library is needed.
* ``art/textures/skins/**/*.cached.dds``: DXT1/DXT5 textures, which Pillow reads.
* ``art/actors/**/*.xml``: an actor names a mesh, its textures (``baseTex`` is the colour) and
  a material. One object here is one mesh file, coloured by the ``baseTex`` of the first actor
  (by path) that uses it.

Axes: PMD is y-up and left-handed (the COLLADA converter swaps y and z of the z-up sources), so
swapping y and z back gives a right-handed z-up mesh (``_to_z_up``). Units: game units (about a
metre; a house is ~15 wide); meshes are normalised to the unit cube before rendering anyway.

Materials: ``player_trans*`` keeps the player colour mask in the texture's alpha (the game mixes
in the owner's colour there), rendered here with one fixed player colour; ``basic_trans*`` and
``*wind*`` are alpha-tested (leaves, fur fringes, fences): the orbit renderer draws opaque, so
those whose texture is largely cut out are rejected (``ObjectFilter.max_cutout``).
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .sources import DataSource, cache_root, hash_fraction, source

if TYPE_CHECKING:
    import trimesh
    from PIL import Image

    from .build import Job

logger = logging.getLogger(__name__)

PACKAGE = "0ad-data"
PACKAGE_VERSION = "0.0.26-1"
ARCHIVE = Path("usr/share/games/0ad/mods/public/public.zip")
COPYRIGHT = Path("usr/share/doc/0ad-data/copyright")
MESH_PREFIX, MESH_SUFFIX = "art/meshes/", ".dae.cached.pmd"
TEXTURE_PREFIX, TEXTURE_SUFFIX = "art/textures/skins/", ".cached.dds"
ACTOR_PREFIX, VARIANT_PREFIX = "art/actors/", "art/variants/"

# The game's player 1 colour (blue), mixed in where a player_trans texture's alpha is low.
PLAYER_COLOUR = np.array([46, 46, 200], dtype=np.float32) / 255.0
# Textures above this side are downscaled on load: orbit renders are 128-512 px.
MAX_TEXTURE_SIDE = 512

# Abbreviations of 0 A.D. file names (civilisations first), spelled out in captions; "" drops one.
_WORDS = {
    "athen": "athenian", "brit": "briton", "cart": "carthaginian", "celt": "celtic", "gaul": "gallic",
    "hele": "hellenic", "iber": "iberian", "kush": "kushite", "mace": "macedonian", "maur": "mauryan",
    "pers": "persian", "ptol": "ptolemaic", "rome": "roman", "sele": "seleucid", "spart": "spartan",
    "han": "han chinese", "kart": "carthaginian", "struct": "structure", "weap": "weapon", "wrld": "",
    "geo": "rock", "medit": "mediterranean", "m": "male", "f": "female",
}  # fmt: skip


@dataclass(frozen=True)
class DebianObject:
    """One mesh of the package with the texture and material its first actor gives it.

    Attributes:
        id: the mesh path under ``art/meshes`` without suffix, e.g. ``structural/athen_barracks``.
        mesh: the PMD member of the archive.
        texture: the ``baseTex`` DDS member, or None if no actor gives the mesh one.
        material: the actor's material file name (``default.xml`` if it names none).
        actor: the actor member the texture and material come from, or None.
        split: ``"train"`` or ``"heldout"`` (stable hash of ``id``, see ``sources.split_of``).
        caption: words of the file name, e.g. ``"athenian barracks"``.
    """

    id: str
    mesh: str
    texture: str | None
    material: str
    actor: str | None
    split: str
    caption: str

    @property
    def name(self) -> str:
        """The sample folder name: the id with ``/`` as ``-``."""
        return self.id.replace("/", "-")


# ---------------------------------------------------------------------------------- fetching


def cache_dir() -> Path:
    """The Debian package cache: ``$VIDEOMV_CACHE/debian``, else ``~/.cache/videomv/debian``."""
    return cache_root() / "debian"


def _require_tools(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        raise FileNotFoundError(
            f"fetching a Debian package needs {' and '.join(missing)}, not on PATH here: "
            "run it on a Debian or Ubuntu machine, or copy an unpacked package into the cache"
        )


def _run(command: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"{' '.join(command[:2])} failed: {detail[0]}")


def package_root(cache: str | Path | None = None, package: str = PACKAGE, version: str = PACKAGE_VERSION) -> Path:
    """The unpacked package folder in the cache (``<cache>/extracted/<package>_<version>``)."""
    cache = Path(cache) if cache is not None else cache_dir()
    return cache / "extracted" / f"{package}_{version}"


def fetch_package(cache: str | Path | None = None, package: str = PACKAGE, version: str = PACKAGE_VERSION) -> Path:
    """Downloads (``apt-get download``) and unpacks (``dpkg-deb -x``) a package; returns its root.

    Nothing is installed. The ``.deb`` is kept in ``<cache>/debs`` and not downloaded again; the
    unpacked tree is renamed into place when complete, so an interrupted unpack is redone.
    """
    cache = Path(cache) if cache is not None else cache_dir()
    root = package_root(cache, package, version)
    if root.is_dir():
        return root
    _require_tools("apt-get", "dpkg-deb")
    debs = cache / "debs"
    # apt-get writes "<name>_<version without epoch>_<arch>.deb".
    pattern = f"{package}_{version.split(':')[-1]}_*.deb"
    found = sorted(debs.glob(pattern))
    if not found:
        # Downloaded into a staging folder and moved into place: a cut download is never used.
        staging = debs / ".download"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        logger.info("downloading %s=%s into %s", package, version, debs)
        _run(["apt-get", "download", f"{package}={version}"], cwd=staging)
        for deb in staging.glob(pattern):
            deb.rename(debs / deb.name)
        shutil.rmtree(staging)
        found = sorted(debs.glob(pattern))
        if not found:
            raise RuntimeError(f"apt-get download {package}={version} wrote no {pattern}")
    partial = root.with_name(root.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)  # our own interrupted unpack
    partial.parent.mkdir(parents=True, exist_ok=True)
    logger.info("unpacking %s into %s", found[0].name, root)
    _run(["dpkg-deb", "-x", str(found[0]), str(partial)])
    partial.rename(root)
    return root


def fetch_archive(cache: str | Path | None = None) -> Path:
    """``public.zip`` of the unpacked ``0ad-data`` package (fetched on first use)."""
    root = fetch_package(cache)
    if not (root / ARCHIVE).is_file():
        raise FileNotFoundError(f"{root / ARCHIVE} is missing; delete {root} to unpack the package again")
    return root / ARCHIVE


def licence_of(root: Path) -> str:
    """The licence the package's ``copyright`` file gives its ``Files: *`` stanza."""
    text = (root / COPYRIGHT).read_text(encoding="utf-8")
    match = re.search(r"^Files:\s*\*\s*\n(?:^\S.*\n|^\s+.*\n)*?^License:\s*(\S+)", text, re.MULTILINE)
    if match is None:
        raise ValueError(f"{root / COPYRIGHT}: no 'Files: *' stanza with a License field")
    return match.group(1)


# ------------------------------------------------------------------------------ file formats


@dataclass
class PMDMesh:
    """The geometry of a PMD file, in its own y-up left-handed axes.

    Attributes:
        positions: ``(V, 3)`` float32 (bind pose for skinned meshes).
        normals: ``(V, 3)`` float32.
        uv: ``(V, 2)`` float32, the first texture coordinate set (v down the image, as in DDS rows).
        faces: ``(F, 3)`` int64 vertex indices.
        bones: number of bones (0 for a static mesh).
        prop_points: names of the attachment points for props.
    """

    positions: np.ndarray
    normals: np.ndarray
    uv: np.ndarray
    faces: np.ndarray
    bones: int
    prop_points: list[str]


def read_pmd(data: bytes) -> PMDMesh:
    """Parses a PMD file (versions 3 and 4; 0 A.D.'s binary mesh format).

    Layout (little-endian): ``"PSMD"``, u32 version, u32 data size; u32 vertex count, u32 UV sets
    per vertex (version 4 only; 1 before); per vertex 3 f32 position, 3 f32 normal, 2 f32 per UV
    set, 4 u8 bone ids, 4 f32 bone weights; u32 face count, 3 u16 per face; u32 bone count,
    7 f32 per bone (rest position, rotation); u32 prop point count, each a u32-length name,
    7 f32 and a u8 bone.
    """

    def unpack(fmt: str, offset: int) -> tuple:
        try:
            return struct.unpack_from(fmt, data, offset)
        except struct.error as error:
            raise ValueError(f"PMD file truncated at byte {offset}") from error

    if data[:4] != b"PSMD":
        raise ValueError("not a PMD file (no PSMD magic)")
    (version,) = unpack("<I", 4)
    if version not in (3, 4):
        raise ValueError(f"PMD version {version} is not supported (3 or 4)")
    offset = 12
    (vertices,) = unpack("<I", offset)
    offset += 4
    uv_sets = 1
    if version >= 4:
        (uv_sets,) = unpack("<I", offset)
        offset += 4
    vertex = np.dtype([("p", "<f4", 3), ("n", "<f4", 3), ("uv", "<f4", (uv_sets, 2)), ("b", "u1", 4), ("w", "<f4", 4)])
    if offset + vertices * vertex.itemsize > len(data):
        raise ValueError("PMD file truncated in its vertices")
    table = np.frombuffer(data, vertex, vertices, offset)
    offset += vertices * vertex.itemsize
    (faces,) = unpack("<I", offset)
    offset += 4
    if offset + faces * 6 > len(data):
        raise ValueError("PMD file truncated in its faces")
    index = np.frombuffer(data, "<u2", faces * 3, offset).reshape(-1, 3).astype(np.int64)
    offset += faces * 6
    if index.size and index.max() >= vertices:
        raise ValueError("PMD face indices point past the vertex table")
    (bones,) = unpack("<I", offset)
    offset += 4 + bones * 28
    (props,) = unpack("<I", offset)
    offset += 4
    names = []
    for _ in range(props):
        (length,) = unpack("<I", offset)
        names.append(data[offset + 4 : offset + 4 + length].decode("utf-8", "replace"))
        offset += 4 + length + 29
    if offset > len(data):
        raise ValueError("PMD file truncated in its prop points")
    uv = table["uv"][:, 0] if uv_sets else np.zeros((vertices, 2), np.float32)
    return PMDMesh(table["p"].copy(), table["n"].copy(), uv.copy(), index, bones, names)


def _to_z_up(points: np.ndarray) -> np.ndarray:
    """PMD's y-up left-handed axes -> our z-up right-handed ones: swap y and z."""
    return points[:, [0, 2, 1]]


def pmd_to_trimesh(pmd: PMDMesh, texture: Image.Image | None = None) -> trimesh.Trimesh:
    """A z-up trimesh of a PMD mesh; its faces wound so that their normals agree with the file's.

    Args:
        pmd: the parsed file.
        texture: the base-colour image (rows top-down, as PMD's v runs), or None for no texture.
    """
    import trimesh

    positions, normals = _to_z_up(pmd.positions), _to_z_up(pmd.normals)
    faces = pmd.faces
    # Swapping two axes mirrors the winding; orient by the stored normals rather than trusting it.
    corners = positions[faces]
    winding = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])
    if np.einsum("ij,ij->", winding, normals[faces].sum(axis=1)) < 0:
        faces = faces[:, ::-1]
    visual = None
    if texture is not None:
        # trimesh's v runs up the image (OBJ convention); PMD's runs down it (DDS row order).
        uv = np.column_stack([pmd.uv[:, 0], 1.0 - pmd.uv[:, 1]])
        visual = trimesh.visual.TextureVisuals(uv=uv, material=trimesh.visual.material.SimpleMaterial(image=texture))
    return trimesh.Trimesh(positions, faces, vertex_normals=normals, visual=visual, process=False)


def read_texture(data: bytes, material: str) -> Image.Image:
    """A DDS base-colour texture as RGB, with the player colour mixed in for ``player_trans``.

    The alpha of a player_trans texture is not transparency: the game mixes the owner's colour
    in where it is low; elsewhere alpha is dropped (the renderer draws opaque).
    """
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()
    if max(image.size) > MAX_TEXTURE_SIDE:
        scale = MAX_TEXTURE_SIDE / max(image.size)
        image = image.resize((max(1, round(image.size[0] * scale)), max(1, round(image.size[1] * scale))))
    if not material.startswith("player_trans") or "A" not in image.getbands():
        return image.convert("RGB")
    rgba = np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0
    alpha = rgba[..., 3:]
    rgb = rgba[..., :3] * (alpha + (1.0 - alpha) * PLAYER_COLOUR)
    return Image.fromarray(np.round(rgb * 255.0).astype(np.uint8), mode="RGB")


def cutout_fraction(data: bytes) -> float:
    """Fraction of a texture's pixels with alpha below one half (0 for textures without alpha)."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()
    if "A" not in image.getbands():
        return 0.0
    image.thumbnail((128, 128))
    return float((np.asarray(image.getchannel("A")) < 128).mean())


def is_alpha_tested(material: str) -> bool:
    """Whether a 0 A.D. material cuts its texture out by alpha (leaves, fur, fences)."""
    return material.startswith("basic_trans") or "wind" in material


def read_actor(data: bytes, read_variant: Callable[[str], bytes | None] = lambda name: None) -> tuple[list, str]:
    """The meshes of an actor XML, each with its base texture, and the actor's material.

    A variant's own ``baseTex`` colours its mesh; a mesh in a variant without one gets the first
    ``baseTex`` of a variant without a mesh (actors often put meshes and textures in separate
    groups), else the actor's first ``baseTex``.
    ``<variant file="...">`` references are read through ``read_variant`` (name under
    ``art/variants``; None if absent) and filled in under the actor's own settings.

    Returns:
        ``([(mesh, texture or None), ...], material)`` in document order.
    """
    root = ET.fromstring(data)
    if root.tag != "actor":
        return [], "default.xml"
    pairs = []
    for variant in root.iter("variant"):
        parts = [variant]
        included = read_variant(variant.get("file")) if variant.get("file") else None
        if included is not None:
            parts.append(ET.fromstring(included))
        mesh = next((m.text.strip() for p in parts for m in p.iter("mesh") if m.text and m.text.strip()), None)
        texture = next(
            (t.get("file") for p in parts for t in p.iter("texture") if t.get("name") == "baseTex" and t.get("file")),
            None,
        )
        pairs.append((mesh, texture))
    # A texture-only variant sits in another group and applies to every mesh; a sibling mesh
    # variant's texture is only the fallback of last resort.
    fallback = next((t for m, t in pairs if t and not m), None) or next((t for _, t in pairs if t), None)
    meshes = [(mesh, texture or fallback) for mesh, texture in pairs if mesh]
    return meshes, (root.findtext("material") or "default.xml").strip()


# -------------------------------------------------------------------------------- inventory


def caption_of(object_id: str) -> str:
    """Words of a mesh's file name: ``props/units/shields/athen_round_1`` -> ``athenian round shield``.

    The last folder names the kind for props (shields, weapons ...), so a singular of it is added
    when the file name does not already say it.
    """
    folders, stem = object_id.split("/")[:-1], object_id.split("/")[-1]
    words = [w for w in re.split(r"[_\-\s]+|(?<=[a-z])(?=\d)", stem.lower()) if w and not w.isdigit()]
    words = [_WORDS.get(w, w) for w in words if len(w) > 1 or w in _WORDS]
    words = [w for w in words if w]
    kind = folders[-1].rstrip("s") if len(folders) > 1 else ""
    if kind not in ("", "prop", "new", "special") and not any(kind in w for w in words) and folders[0] == "props":
        words.append(kind)
    return " ".join(words) or stem


def _mesh_key(actor_mesh: str) -> str:
    """An actor's mesh reference (``structural/x.dae``) -> the archive member of the PMD."""
    return MESH_PREFIX + actor_mesh + ".cached.pmd"


class Archive:
    """Read access to ``public.zip`` (its members are stored uncompressed, so reads are cheap)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._zip = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile as error:
            raise ValueError(
                f"{self.path}: damaged archive ({error}); delete its unpacked package to redo it"
            ) from None
        self.names = set(self._zip.namelist())

    def read(self, member: str) -> bytes:
        return self._zip.read(member)

    def close(self) -> None:
        self._zip.close()


def inventory(archive: Archive, spec: DataSource | None = None) -> tuple[list[DebianObject], dict[str, str]]:
    """Every mesh of the archive as an object, and the rejected ones with the reason.

    The filter (``spec.filters``) rejects meshes no actor textures, water/glow effect materials,
    flat ones (ground decals, banners, tiles: shortest bounding-box side under
    ``min_thickness`` of the longest), tiny ones (fewer than ``min_faces``), and alpha-tested ones
    whose texture is mostly cut out. Objects come in a fixed pseudo-random order (a hash of the id).
    """
    spec = spec or source("debian-0ad")

    def read_variant(name: str) -> bytes | None:
        member = VARIANT_PREFIX + name
        return archive.read(member) if member in archive.names else None

    textured: dict[str, tuple[str, str, str]] = {}
    for member in sorted(n for n in archive.names if n.startswith(ACTOR_PREFIX) and n.endswith(".xml")):
        try:
            meshes, material = read_actor(archive.read(member), read_variant)
        except ET.ParseError:
            continue
        for mesh, texture in meshes:
            if texture and _mesh_key(mesh) not in textured:
                textured[_mesh_key(mesh)] = (TEXTURE_PREFIX + texture + TEXTURE_SUFFIX, material, member)
    objects, rejected = [], {}
    for member in sorted(n for n in archive.names if n.startswith(MESH_PREFIX) and n.endswith(MESH_SUFFIX)):
        object_id = member[len(MESH_PREFIX) : -len(MESH_SUFFIX)]
        texture, material, actor = textured.get(member, (None, "default.xml", None))
        reason = _rejection(archive, member, texture, material, spec)
        if reason is not None:
            rejected[object_id] = reason
            continue
        split = spec.split_of(object_id)
        objects.append(DebianObject(object_id, member, texture, material, actor, split, caption_of(object_id)))
    # A stable shuffle: ``--limit N`` takes a mix of kinds, not the first folders alphabetically.
    objects.sort(key=lambda o: hash_fraction(f"order:{o.id}"))
    return objects, rejected


def _rejection(archive: Archive, mesh: str, texture: str | None, material: str, spec: DataSource) -> str | None:
    """Why an object fails ``spec.filters``, or None if it passes."""
    rules = spec.filters
    object_id = mesh[len(MESH_PREFIX) : -len(MESH_SUFFIX)]
    if object_id.startswith(rules.skip_prefixes):
        return "test or unfinished art folder"
    if texture is None:
        return "no actor gives it a base texture"
    if texture not in archive.names:
        return f"texture {texture} not in the archive"
    if any(word in material for word in rules.skip_materials):
        return f"effect material {material}"
    try:
        pmd = read_pmd(archive.read(mesh))
    except ValueError as error:
        return f"unreadable mesh: {error}"
    if len(pmd.faces) < rules.min_faces:
        return f"{len(pmd.faces)} faces (< {rules.min_faces})"
    reason = rules.shape_rejection(pmd.positions)
    if reason is not None:
        return reason
    if is_alpha_tested(material):
        cut = cutout_fraction(archive.read(texture))
        if cut > rules.max_cutout:
            return f"alpha-tested material with {cut:.0%} of the texture cut out (> {rules.max_cutout:.0%})"
    return None


def load_object(obj: DebianObject, archive: Archive) -> list[trimesh.Trimesh]:
    """The object's mesh, z-up, textured, centred, and scaled to fit every orbit view.

    ``render.normalize_meshes`` scales the longest side to 1; a house with a square footprint
    is then wider than the frame seen from 45°, so the box is shrunk further until its
    half-diagonal is 0.5 (``fit_sphere``): at the default radius (1.7) and field of view (39.6°)
    the whole object is in view from any direction.
    """
    from .render import normalize_meshes

    if obj.texture is None:
        raise ValueError(f"{obj.id}: no texture")
    texture = read_texture(archive.read(obj.texture), obj.material)
    return fit_sphere(normalize_meshes([pmd_to_trimesh(read_pmd(archive.read(obj.mesh)), texture)]))


def fit_sphere(meshes: list[trimesh.Trimesh], radius: float = 0.5) -> list[trimesh.Trimesh]:
    """Scales centred meshes (in place) so that their bounding box's half-diagonal is ``radius``."""
    lower = np.min([m.bounds[0] for m in meshes], axis=0)
    upper = np.max([m.bounds[1] for m in meshes], axis=0)
    scale = radius / (float(np.linalg.norm(upper - lower)) / 2.0)
    for mesh in meshes:
        mesh.apply_scale(scale)
    return meshes


@functools.lru_cache(maxsize=2)
def open_archive(path: str) -> Archive:
    """One open ``Archive`` per path and process (build workers each open their own)."""
    return Archive(path)


def load_member(archive_path: str, obj: DebianObject) -> list[trimesh.Trimesh]:
    """``load_object`` from the archive at ``archive_path``: a picklable job loader."""
    return load_object(obj, open_archive(archive_path))


def jobs(split: str = "all", limit: int | None = None, cache: str | Path | None = None) -> list[Job]:
    """Build jobs for the 0 A.D. objects of ``split`` (fetches the package on first use)."""
    from .build import Job

    if split not in ("train", "heldout", "all"):
        raise ValueError(f"unknown split {split!r}; use train, heldout or all")
    spec = source("debian-0ad")
    path = str(fetch_archive(cache))
    objects, rejected = inventory(open_archive(path), spec)
    logger.info("0ad-data: %d objects pass the filter, %d rejected", len(objects), len(rejected))
    chosen = [o for o in objects if split in ("all", o.split)][:limit]
    return [
        Job(o.name, o.split, o.caption, spec.name, functools.partial(load_member, path, o), _meta(o, spec))
        for o in chosen
    ]


def _meta(obj: DebianObject, spec: DataSource) -> dict[str, Any]:
    return {
        "object": obj.id,
        **spec.record(),
        "files": [obj.mesh, obj.texture],
        "actor": obj.actor,
        "material": obj.material,
        "normalisation": "bounding-box centre at the origin, box half-diagonal 0.5",
    }
