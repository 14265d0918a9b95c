"""The data source registry and the Debian 0 A.D. source: PMD meshes, DDS textures, actors,
the object filter, the held-out split, and a ``data build`` from a tiny package made here.

The real package (``0ad-data``, 1.38 GB) is only read by the tests marked ``debian``, and only
when it is already unpacked in the cache; nothing here downloads it.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from videomv.data import debian, sources
from videomv.data.sources import ObjectFilter

# --- tiny files in the package's formats ---------------------------------------------------------


def pmd_bytes(
    positions: np.ndarray,
    faces: np.ndarray,
    normals: np.ndarray | None = None,
    uv: np.ndarray | None = None,
    uv_sets: int = 1,
    bones: int = 0,
    props: tuple[str, ...] = (),
) -> bytes:
    """A PMD version 4 file, written field by field from the format's description."""
    positions = np.asarray(positions, np.float32)
    normals = np.zeros_like(positions) if normals is None else np.asarray(normals, np.float32)
    uv = np.zeros((len(positions), 2), np.float32) if uv is None else np.asarray(uv, np.float32)
    body = struct.pack("<II", len(positions), uv_sets)
    for p, n, t in zip(positions, normals, uv, strict=True):
        body += struct.pack("<6f", *p, *n) + struct.pack("<2f", *t) * uv_sets
        body += bytes([0xFF, 0xFF, 0xFF, 0xFF]) + struct.pack("<4f", 0, 0, 0, 0)
    body += struct.pack("<I", len(faces)) + np.asarray(faces, "<u2").tobytes()
    body += struct.pack("<I", bones) + struct.pack("<7f", 0, 0, 0, 0, 0, 0, 1) * bones
    body += struct.pack("<I", len(props))
    for name in props:
        body += struct.pack("<I", len(name)) + name.encode() + struct.pack("<7f", 0, 0, 0, 0, 0, 0, 1) + b"\xff"
    return b"PSMD" + struct.pack("<II", 4, len(body)) + body


def box(size=(1.0, 1.0, 1.0)) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """An axis-aligned box as a PMD would hold it: 24 vertices (4 per face, outward normals, UVs
    over the whole texture), 12 triangles wound counter-clockwise seen from outside."""
    half = np.asarray(size, np.float32) / 2
    positions, normals, uv, faces = [], [], [], []
    for axis in range(3):
        for sign in (-1.0, 1.0):
            normal = np.zeros(3, np.float32)
            normal[axis] = sign
            u_axis, v_axis = (axis + 1) % 3, (axis + 2) % 3  # cyclic: e_u x e_v = e_axis
            if sign < 0:
                u_axis, v_axis = v_axis, u_axis
            base = len(positions)
            for du, dv in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
                corner = normal * half
                corner[u_axis] = du * half[u_axis]
                corner[v_axis] = dv * half[v_axis]
                positions.append(corner)
                normals.append(normal)
                uv.append(((du + 1) / 2, (dv + 1) / 2))
            faces += [(base, base + 1, base + 2), (base, base + 2, base + 3)]
    return np.array(positions), np.array(normals), np.array(uv, np.float32), np.array(faces)


def dds_bytes(rgba: np.ndarray, pixel_format: str = "DXT5") -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(rgba, np.uint8), "RGBA").save(buffer, "DDS", pixel_format=pixel_format)
    return buffer.getvalue()


def actor_xml(mesh: str, texture: str | None, material: str = "default.xml") -> bytes:
    textures = f'<textures><texture file="{texture}" name="baseTex"/></textures>' if texture else ""
    return (
        f'<?xml version="1.0"?><actor version="1"><group><variant><mesh>{mesh}</mesh>{textures}</variant></group>'
        f"<material>{material}</material></actor>"
    ).encode()


def two_colour_texture() -> np.ndarray:
    """16x16 RGBA: the top half red, the bottom half green (opaque)."""
    image = np.zeros((16, 16, 4), np.uint8)
    image[:8, :, 0] = 255
    image[8:, :, 1] = 255
    image[..., 3] = 255
    return image


def write_package(cache: Path) -> Path:
    """A tiny unpacked ``0ad-data`` in ``cache``: five meshes, of which two pass the filter."""
    root = debian.package_root(cache)
    archive = root / debian.ARCHIVE
    archive.parent.mkdir(parents=True)
    positions, normals, uv, faces = box((1.0, 0.6, 0.8))
    flat_positions, flat_normals, flat_uv, flat_faces = box((1.0, 0.01, 1.0))
    cutout = two_colour_texture()
    cutout[4:, :, 3] = 0  # three quarters cut out
    members = {
        "art/meshes/props/crate_a.dae.cached.pmd": pmd_bytes(positions, faces, normals, uv),
        "art/meshes/structural/athen_house.dae.cached.pmd": pmd_bytes(positions * 3, faces, normals, uv),
        "art/meshes/props/ground_decal.dae.cached.pmd": pmd_bytes(flat_positions, flat_faces, flat_normals, flat_uv),
        "art/meshes/props/untextured.dae.cached.pmd": pmd_bytes(positions, faces, normals, uv),
        "art/meshes/gaia/bush.dae.cached.pmd": pmd_bytes(positions, faces, normals, uv),
        "art/textures/skins/props/crate.png.cached.dds": dds_bytes(two_colour_texture()),
        "art/textures/skins/props/bush.png.cached.dds": dds_bytes(cutout),
        "art/actors/props/crate.xml": actor_xml("props/crate_a.dae", "props/crate.png"),
        "art/actors/structures/house.xml": actor_xml("structural/athen_house.dae", "props/crate.png"),
        "art/actors/props/decal.xml": actor_xml("props/ground_decal.dae", "props/crate.png"),
        "art/actors/props/bare.xml": actor_xml("props/untextured.dae", None),
        "art/actors/flora/bush.xml": actor_xml("gaia/bush.dae", "props/bush.png", "basic_trans.xml"),
    }
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    copyright_file = root / debian.COPYRIGHT
    copyright_file.parent.mkdir(parents=True)
    copyright_file.write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: 0ad\n\n"
        "Files: *\nCopyright: 2010 Wildfire Games\nLicense: CC-BY-SA-3.0\n\n"
        "Files: debian/*\nCopyright: 2012 Someone\nLicense: GPL-2+\n"
    )
    return archive


# --- registry ----------------------------------------------------------------------------------


def test_registry_lists_licence_origin_and_axes_of_every_source():
    assert set(sources.names()) >= {"libero", "debian-0ad"}
    for spec in sources.SOURCES.values():
        assert spec.licence.name and spec.licence.url.startswith("https://") and spec.licence.attribution
        assert spec.origin and spec.fetch and spec.up_axis and spec.unit and spec.jobs.count(":") == 1
    debian_spec = sources.source("debian-0ad")
    assert debian_spec.licence.name == "CC-BY-SA-3.0" and debian_spec.licence.redistributable
    assert "Wildfire Games" in debian_spec.licence.attribution
    assert debian_spec.record()["licence"] == "CC-BY-SA-3.0"
    with pytest.raises(ValueError, match="unknown data source 'nope'; use one of libero, debian-0ad"):
        sources.source("nope")


def test_hashed_split_is_stable_and_holds_out_five_percent():
    spec = sources.source("debian-0ad")
    ids = [f"props/object_{i}" for i in range(20_000)]
    held = [i for i in ids if spec.split_of(i) == "heldout"]
    # Binomial(20000, 0.05): mean 1000, sd 31.
    assert 880 < len(held) < 1120
    # Pinned: the split of an object must never change between versions of this code.
    assert [spec.split_of(i) for i in ids[:40]].count("heldout") == sum(
        sources.hash_fraction(f"debian-0ad:{i}") < 0.05 for i in ids[:40]
    )
    assert sources.hash_fraction("debian-0ad:structural/athen_barracks") == pytest.approx(0.137807, abs=1e-6)
    with pytest.raises(ValueError, match="fixed split table"):
        sources.source("libero").split_of("plate")


def test_shape_filter_rejects_flat_and_empty_objects():
    rules = ObjectFilter(min_thickness=0.05)
    assert rules.shape_rejection(box((1.0, 0.5, 0.2))[0]) is None
    assert "flat: shortest side 4.0% of the longest" in rules.shape_rejection(box((1.0, 0.04, 1.0))[0])
    assert rules.shape_rejection(np.zeros((0, 3))) == "empty or non-finite vertices"
    assert rules.shape_rejection(np.array([[0, 0, 0], [np.nan, 0, 0]])) == "empty or non-finite vertices"


# --- file formats ------------------------------------------------------------------------------


def test_read_pmd_round_trips_every_field():
    positions, normals, uv, faces = box((2.0, 1.0, 0.5))
    data = pmd_bytes(positions, faces, normals, uv, uv_sets=2, bones=3, props=("root", "prop_helmet"))
    pmd = debian.read_pmd(data)
    np.testing.assert_array_equal(pmd.positions, positions)
    np.testing.assert_array_equal(pmd.normals, normals)
    np.testing.assert_array_equal(pmd.uv, uv)
    np.testing.assert_array_equal(pmd.faces, faces)
    assert pmd.bones == 3 and pmd.prop_points == ["root", "prop_helmet"]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: b"OBJX" + d[4:], "no PSMD magic"),
        (lambda d: d[:4] + struct.pack("<I", 9) + d[8:], "PMD version 9"),
        (lambda d: d[:100], "truncated in its vertices"),
        (lambda d: d[:-40], "truncated"),
    ],
    ids=["magic", "version", "vertices", "tail"],
)
def test_read_pmd_refuses_damaged_files(damage, message):
    positions, normals, uv, faces = box()
    with pytest.raises(ValueError, match=message):
        debian.read_pmd(damage(pmd_bytes(positions, faces, normals, uv, props=("root",))))


def test_pmd_to_trimesh_turns_y_up_z_up_and_winds_faces_outward():
    positions, normals, uv, faces = box((1.0, 2.0, 3.0))  # PMD axes: y is up
    for wound in (faces, faces[:, ::-1]):  # whichever winding the file has
        mesh = debian.pmd_to_trimesh(debian.read_pmd(pmd_bytes(positions, wound, normals, uv)))
        np.testing.assert_allclose(mesh.extents, [1.0, 3.0, 2.0])  # the height (PMD y) is now z
        assert mesh.volume > 0  # outward faces: a positive signed volume
        np.testing.assert_allclose(mesh.face_normals, mesh.vertex_normals[mesh.faces].mean(axis=1), atol=1e-6)


def test_textured_mesh_keeps_the_image_the_right_way_up():
    positions, normals, uv, faces = box()
    texture = debian.read_texture(dds_bytes(two_colour_texture()), "default.xml")
    mesh = debian.pmd_to_trimesh(debian.read_pmd(pmd_bytes(positions, faces, normals, uv)), texture)
    # PMD v = 0 is the top row of the DDS (red); trimesh samples v = 1 at the top.
    top = mesh.visual.material.to_color(np.array([[0.5, 1.0 - 0.1]]))[0]
    bottom = mesh.visual.material.to_color(np.array([[0.5, 1.0 - 0.9]]))[0]
    assert top[0] > 200 and top[1] < 50 and bottom[1] > 200 and bottom[0] < 50
    np.testing.assert_allclose(mesh.visual.uv[:, 1], 1.0 - uv[:, 1])


def test_player_colour_fills_the_transparent_part_of_player_textures():
    rgba = np.full((8, 8, 4), 255, np.uint8)
    rgba[:, :4, 3] = 0  # left half: the owner's colour
    plain = np.asarray(debian.read_texture(dds_bytes(rgba), "default.xml"))
    player = np.asarray(debian.read_texture(dds_bytes(rgba), "player_trans_ao.xml")).astype(int)
    assert plain.shape == (8, 8, 3) and (plain > 250).all()  # alpha is dropped, colour kept
    np.testing.assert_allclose(player[:, :4], np.broadcast_to(np.round(debian.PLAYER_COLOUR * 255), (8, 4, 3)), atol=1)
    assert (player[:, 4:] > 250).all()


def test_read_actor_pairs_meshes_with_textures_across_groups_and_variant_files():
    actor = b"""<actor version="1">
      <group><variant name="a"><mesh>props/a.dae</mesh></variant>
             <variant name="b" file="b.xml"/></group>
      <group><variant><textures><texture file="t/base.png" name="baseTex"/>
             <texture file="t/norm.png" name="normTex"/></textures></variant></group>
      <material>player_trans.xml</material></actor>"""
    variants = {"b.xml": b'<variant><mesh>props/b.dae</mesh><textures><texture file="t/b.png" name="baseTex"/>'
                b"</textures></variant>"}  # fmt: skip
    meshes, material = debian.read_actor(actor, variants.get)
    assert meshes == [("props/a.dae", "t/base.png"), ("props/b.dae", "t/b.png")] and material == "player_trans.xml"
    assert debian.read_actor(b"<variant/>") == ([], "default.xml")


def test_captions_spell_out_the_file_names():
    assert debian.caption_of("structural/athen_barracks") == "athenian barracks"
    assert debian.caption_of("props/units/shields/kart_round_2") == "carthaginian round shield"
    assert debian.caption_of("gaia/geo_desert_01") == "rock desert"


# --- the package: inventory, fetching, build ---------------------------------------------------


def test_inventory_keeps_textured_solid_objects_and_says_why_others_go(tmp_path):
    archive = debian.Archive(write_package(tmp_path))
    objects, rejected = debian.inventory(archive)
    assert sorted(o.id for o in objects) == ["props/crate_a", "structural/athen_house"]
    assert rejected["props/untextured"] == "no actor gives it a base texture"
    assert rejected["props/ground_decal"].startswith("flat: shortest side 1.0% of the longest")
    assert rejected["gaia/bush"].startswith("alpha-tested material with 75% of the texture cut out")
    house = next(o for o in objects if o.id == "structural/athen_house")
    assert house.caption == "athenian house" and house.name == "structural-athen_house"
    assert house.texture == "art/textures/skins/props/crate.png.cached.dds"
    assert house.actor == "art/actors/structures/house.xml"
    assert house.split == sources.source("debian-0ad").split_of("structural/athen_house")
    assert debian.licence_of(debian.package_root(tmp_path)) == "CC-BY-SA-3.0"


def test_loaded_objects_fit_every_view(tmp_path):
    archive = debian.Archive(write_package(tmp_path))
    objects, _ = debian.inventory(archive)
    (mesh,) = debian.load_object(objects[0], archive)
    lower, upper = mesh.bounds
    np.testing.assert_allclose((lower + upper) / 2, 0, atol=1e-6)
    assert np.linalg.norm(upper - lower) / 2 == pytest.approx(0.5)
    assert mesh.visual.kind == "texture"


def test_fetch_names_the_missing_tools_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(FileNotFoundError, match="needs apt-get and dpkg-deb, not on PATH"):
        debian.fetch_package(tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_cache_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("VIDEOMV_CACHE", str(tmp_path))
    assert debian.cache_dir() == tmp_path / "debian"


@pytest.mark.render
def test_data_build_renders_the_source_and_records_its_licence(tmp_path, monkeypatch):
    from videomv.cli.main import main
    from videomv.data.format import read_sample
    from videomv.data.render import egl_unavailable_reason

    reason = egl_unavailable_reason()
    if reason is not None:
        pytest.skip(reason)
    write_package(tmp_path / "cache")
    out = tmp_path / "dataset"
    argv = ["data", "build", "--source", "debian-0ad", "--cache", str(tmp_path / "cache"), "--out", str(out)]
    assert main([*argv, "--views", "4", "--size", "32"]) == 0
    samples = json.loads((out / "index.json").read_text())["samples"]
    assert sorted(s["meta"]["object"] for s in samples) == ["props/crate_a", "structural/athen_house"]
    for entry in samples:
        assert entry["source"] == "debian-0ad" and entry["meta"]["licence"] == "CC-BY-SA-3.0"
        assert "Wildfire Games" in entry["meta"]["attribution"]
        sample = read_sample(out / entry["path"])
        assert sample.meta["licence"] == "CC-BY-SA-3.0" and sample.caption == entry["caption"]
        alpha = sample.images[:, 3]
        assert 0.05 < (alpha > 0.5).float().mean() < 0.9  # the object is in view, not clipped away
        visible = sample.images[:, :3].permute(1, 0, 2, 3)[:, alpha > 0.5]
        assert visible[0].max() > 0.6 and visible[1].max() > 0.6  # both texture colours show


# --- the real package (only when already in the cache) -----------------------------------------


@pytest.fixture(scope="module")
def real_package() -> Path:
    root = debian.package_root()
    if not (root / debian.ARCHIVE).is_file():
        pytest.skip(f"0ad-data not unpacked in {root} (videomv data build --source debian-0ad fetches it)")
    return root


@pytest.mark.debian
def test_real_package_is_cc_by_sa_and_gives_a_thousand_objects(real_package):
    assert debian.licence_of(real_package) == "CC-BY-SA-3.0"
    archive = debian.Archive(real_package / debian.ARCHIVE)
    objects, rejected = debian.inventory(archive)
    assert len(objects) >= 1000 and len(objects) + len(rejected) == sum(
        n.startswith(debian.MESH_PREFIX) and n.endswith(debian.MESH_SUFFIX) for n in archive.names
    )
    held = sum(o.split == "heldout" for o in objects)
    assert 0.03 < held / len(objects) < 0.07
    assert all(o.texture in archive.names for o in objects)
