"""Data building at scale (issue 26): shards, worker processes, resuming, and the merged index."""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from videomv.cli.main import main
from videomv.data import build as build_module
from videomv.data.build import (
    WORKER_DIED,
    Job,
    RigOptions,
    Shard,
    build,
    draw_elevation,
    find_mesh_files,
    merge_index,
    mesh_names,
    procedural_jobs,
)
from videomv.data.format import read_sample
from videomv.fileio import _host_tag

COUNT = 5
RIG_ARGS = ("--views", "2", "--size", "16", "--elevation-range", "0", "40", "--seed", "3")
RIG = RigOptions(views=2, size=16, elevation_range=(0.0, 40.0), seed=3)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` except the part files, by relative path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "parts" not in p.relative_to(root).parts
    }


@pytest.fixture(scope="module")
def reference(tmp_path_factory, renderer) -> Path:
    """One unsharded, one-process build of the procedural objects."""
    out = tmp_path_factory.mktemp("reference")
    report = build(procedural_jobs(COUNT, seed=3), out, RIG, renderer=renderer)
    assert len(report.written) == COUNT
    return out


# --- the sharding rule and per-object randomness ------------------------------------------------


def test_shards_split_the_list_by_position_modulo_n():
    items = list(range(11))
    shards = [Shard.parse(f"{i}/3") for i in range(3)]
    assert [s.select(items) for s in shards] == [[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8]]
    assert Shard.parse(" 2 / 3 ") == Shard(2, 3) and str(Shard(2, 3)) == "2/3"
    assert Shard().select(items) == items
    for text, words in [("3/3", "0..2"), ("0/0", "1.."), ("1-2", "give I/N"), ("a/b", "give I/N")]:
        with pytest.raises(ValueError, match=words) as caught:
            Shard.parse(text)
        assert "--shard" in str(caught.value)


def test_elevation_depends_on_the_object_only():
    names = [f"object_{i}" for i in range(200)]
    drawn = [draw_elevation(name, (5.0, 25.0), seed=1) for name in names]
    assert drawn == [draw_elevation(name, (5.0, 25.0), seed=1) for name in reversed(names)][::-1]
    assert min(drawn) >= 5.0 and max(drawn) <= 25.0 and np.ptp(drawn) > 15.0
    assert draw_elevation("object_0", (5.0, 25.0), seed=2) != drawn[0]
    assert draw_elevation("object_0", (12.0,), seed=0) == 12.0
    with pytest.raises(ValueError, match="elevation range"):
        draw_elevation("object_0", (30.0, 0.0), seed=0)


# --- mesh lists ------------------------------------------------------------------------------------


def test_mesh_lists_from_a_folder_or_a_text_file(tmp_path):
    for relative in ("b/chair.glb", "a/chair.obj", "a/lamp.PLY", "a/notes.txt", "a/chair.mtl"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x")
    found = find_mesh_files(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/chair.obj", "a/lamp.PLY", "b/chair.glb"]
    # Two "chair"s: names from the paths below the shared folder; unique stems stay as they are.
    assert mesh_names(found) == ["a__chair", "a__lamp", "b__chair"]
    assert mesh_names([Path("x/uid 1.glb"), Path("x/.hidden.glb")]) == ["uid_1", "_.hidden"]

    listing = tmp_path / "a" / "meshes.txt"
    listing.write_text(f"# my objects\n\nchair.obj\n  {tmp_path / 'b' / 'chair.glb'}  \n")
    assert find_mesh_files(listing) == [tmp_path / "a" / "chair.obj", tmp_path / "b" / "chair.glb"]
    listing.write_text("chair.obj\nnotes.txt\n")
    with pytest.raises(ValueError, match=r"line 2: notes\.txt: unsupported mesh type"):
        find_mesh_files(listing)
    listing.write_text("chair.obj\ngone.glb\n")
    with pytest.raises(FileNotFoundError, match="line 2: mesh file not found"):
        find_mesh_files(listing)
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="is a folder with no mesh files"):
        find_mesh_files(tmp_path / "empty")


# --- the merged index ------------------------------------------------------------------------------


def fake_job(name: str, split: str = "train") -> Job:
    return Job(name, split, f"a {name}", "test", list)


def fake_sample(out: Path, job: Job) -> None:
    folder = out / job.split / job.name
    folder.mkdir(parents=True)
    (folder / "cameras.json").write_text("{}")  # is_sample() looks for this file only


def write_part(out: Path, name: str, jobs: list[Job], failed: dict[str, str]) -> None:
    for job in jobs:
        fake_sample(out, job)
    part = {"samples": [build_module._entry(job) for job in jobs], "failed": failed}
    (out / "parts").mkdir(exist_ok=True)
    (out / "parts" / name).write_text(json.dumps(part))


def test_concurrent_shards_each_keep_their_index_entries(tmp_path, monkeypatch):
    # Shard A merges while shard B finishes: B's part appears after A has read the parts, and B's
    # own index write happens before A's. A must notice and merge again, or B's objects are lost.
    a_jobs, b_jobs = [fake_job("a0"), fake_job("a1")], [fake_job("b0", "heldout")]
    write_part(tmp_path, "list-0-of-2.json", a_jobs, {"a2": "ValueError: bad"})
    real_read = build_module._read_parts
    calls = []

    def read_then_b_finishes(out, state):
        parts = real_read(out, state)
        calls.append(sorted(state))
        if len(calls) == 1:
            write_part(tmp_path, "list-1-of-2.json", b_jobs, {"b1": "ValueError: worse"})
        return parts

    monkeypatch.setattr(build_module, "_read_parts", read_then_b_finishes)
    assert merge_index(tmp_path, RIG) == (3, 2)
    assert calls == [["list-0-of-2.json"], ["list-0-of-2.json", "list-1-of-2.json"]]
    index = json.loads((tmp_path / "index.json").read_text())
    assert [e["path"] for e in index["samples"]] == ["heldout/b0", "train/a0", "train/a1"]
    assert index["rig"]["seed"] == 3
    assert json.loads((tmp_path / "failures.json").read_text()) == {"a2": "ValueError: bad", "b1": "ValueError: worse"}
    assert not list(tmp_path.glob(".*"))  # no temporary files left beside the index


def test_merge_keeps_earlier_entries_and_drops_failures_since_rendered(tmp_path):
    earlier = fake_job("old")
    fake_sample(tmp_path, earlier)
    gone = fake_job("deleted")  # in the old index, its folder since removed
    old_index = {"samples": [build_module._entry(earlier), build_module._entry(gone)]}
    (tmp_path / "index.json").write_text(json.dumps(old_index))
    write_part(tmp_path, "first-0-of-1.json", [], {"c": "RuntimeError: EGL"})
    time.sleep(0.01)  # the later part is the newer file
    write_part(tmp_path, "second-0-of-1.json", [fake_job("c")], {})
    assert merge_index(tmp_path, RIG) == (2, 0)
    index = json.loads((tmp_path / "index.json").read_text())
    assert [e["name"] for e in index["samples"]] == ["c", "old"]


# --- real builds -----------------------------------------------------------------------------------


@pytest.mark.render
def test_two_shards_with_two_workers_equal_one_unsharded_run(tmp_path, reference, capsys):
    for shard in ("0/2", "1/2"):
        argv = ["data", "build", "--source", "procedural", "--count", str(COUNT), *RIG_ARGS, "--out", str(tmp_path)]
        assert main([*argv, "--workers", "2", "--shard", shard]) == 0
    captured = capsys.readouterr()
    assert "objects/min" in captured.err and "rendering shard 1/2" in captured.err
    assert "index.json: 5 samples" in captured.out  # the second shard's summary counts both

    # Same names, same pixels and cameras (byte for byte), same index and failures.
    assert tree(tmp_path) == tree(reference)
    assert sorted(p.name for p in (tmp_path / "parts").iterdir()) == [
        f"{build_module._list_digest(procedural_jobs(COUNT, seed=3))}-{i}-of-2.json" for i in range(2)
    ]
    elevations = {read_sample(p).meta["elevation"] for p in (tmp_path / "train").iterdir()}
    assert len(elevations) == COUNT and all(0 <= e <= 40 for e in elevations)


@pytest.mark.render
def test_a_killed_build_resumes_and_redoes_half_written_samples(tmp_path, reference, renderer):
    argv = ["data", "build", "--source", "procedural", "--count", str(COUNT), *RIG_ARGS, "--out", str(tmp_path)]
    command = [sys.executable, "-m", "videomv.cli.main", *argv, "--workers", "2"]
    # Its own process group, so that the kill takes the workers too (as a node failure would).
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob("train/*/cameras.json")) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(30)
    finished = {p.parent.name for p in tmp_path.glob("train/*/cameras.json")}
    assert finished, "the build wrote no sample in 2 minutes"
    # A half-written sample as a killed process leaves it: a staging folder beside the target.
    stale = tmp_path / "train" / f".procedural_3_00004.videomv-{2**22 + 7}-{_host_tag()}-abc.tmp"
    if "procedural_3_00004" not in finished:
        stale.mkdir(exist_ok=True)
        (stale / "000.png").write_bytes(b"half a png")

    report = build(procedural_jobs(COUNT, seed=3), tmp_path, RIG, renderer=renderer)
    assert set(report.kept) == finished and len(report.kept) + len(report.written) == COUNT
    assert not report.failed and not stale.exists()
    assert not [p for p in (tmp_path / "train").rglob(".*")]  # no staging folder left by the killed workers
    assert tree(tmp_path) == tree(reference)


@pytest.mark.render
def test_a_crashing_worker_fails_its_objects_and_the_build_goes_on(tmp_path):
    # The first object kills the worker that loads it (as a segfault in a mesh parser would).
    jobs = [Job("crash", "train", None, "test", functools.partial(os._exit, 3))]
    jobs += procedural_jobs(5, seed=3)
    jobs.insert(3, Job("unreadable", "train", None, "test", functools.partial(int, "not a mesh")))
    report = build(jobs, tmp_path, RIG, workers=2)

    assert report.failed["crash"] == WORKER_DIED
    assert set(report.written) | set(report.failed) == {job.name for job in jobs}
    assert {reason for name, reason in report.failed.items() if name != "unreadable"} == {WORKER_DIED}
    assert report.failed.get("unreadable", WORKER_DIED).startswith(("ValueError: invalid literal", WORKER_DIED))
    # Objects queued after the crash were rendered by fresh workers.
    assert "procedural_3_00004" in report.written
    assert json.loads((tmp_path / "failures.json").read_text()) == report.failed


@pytest.mark.render
def test_a_stopped_build_indexes_the_renders_it_waited_for(tmp_path, monkeypatch):
    real_wait = build_module.wait
    done_before = []

    def wait_then_stop(futures, return_when):
        if done_before:
            raise KeyboardInterrupt  # Ctrl-C (or SIGTERM) while renders are under way
        done, running = real_wait(futures, return_when=return_when)
        done_before.append(len(done))
        return done, running

    monkeypatch.setattr(build_module, "wait", wait_then_stop)
    with pytest.raises(KeyboardInterrupt):
        build(procedural_jobs(COUNT, seed=3), tmp_path, RIG, workers=2)
    on_disk = sorted(p.parent.name for p in tmp_path.glob("train/*/cameras.json"))
    assert len(on_disk) > done_before[0]  # the renders under way were finished, not dropped
    index = json.loads((tmp_path / "index.json").read_text())
    assert [e["name"] for e in index["samples"]] == on_disk  # and indexed
    assert not list((tmp_path / "train").glob(".*"))


def test_workers_refuse_a_job_that_cannot_be_sent_to_them(tmp_path):
    job = Job("closure", "train", None, "test", lambda: [])
    with pytest.raises(TypeError, match="object closure: its job cannot be sent to a worker process"):
        build([job], tmp_path, RIG, workers=2)


@pytest.mark.render
def test_render_a_folder_of_meshes_as_a_dataset(tmp_path, capsys):
    import trimesh

    meshes = tmp_path / "meshes"
    (meshes / "b").mkdir(parents=True)
    trimesh.creation.box(extents=(1.0, 2.0, 0.5)).export(meshes / "box.ply")
    trimesh.creation.icosphere(subdivisions=1).export(meshes / "b" / "ball.obj")
    out = tmp_path / "out"
    # Two workers: closing a second EGL renderer in this process would break the module's one
    # (pyrender terminates the EGL display they share).
    argv = ["data", "render", str(meshes), str(out), "--views", "3", "--size", "16", "--elevation", "20"]
    assert main([*argv, "--workers", "2"]) == 0
    index = json.loads((out / "index.json").read_text())
    assert [(e["path"], e["source"]) for e in index["samples"]] == [("train/ball", "mesh"), ("train/box", "mesh")]
    sample = read_sample(out / "train" / "box")
    assert sample.meta["mesh"] == str(meshes / "box.ply") and sample.meta["elevation"] == 20.0
    assert sample.images.shape == (3, 4, 16, 16) and sample.images[:, 3].amax() == 1.0
    assert "2 written, 0 kept" in capsys.readouterr().out
    # Again: everything is kept, nothing rendered.
    assert main([*argv, "--workers", "2"]) == 0
    assert "0 written, 2 kept, 0 failed" in capsys.readouterr().out
