"""``videomv generate --inputs``: a list of items with the shipped tiny model, resumed after a stop, split
between processes (gloo ranks of a launcher, ``--shard``, ``--num-processes``) and batched, with every
item's outputs equal to those of one process."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import socket
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from torch.multiprocessing import start_processes

from videomv import fileio
from videomv.cli import generate
from videomv.cli.main import build_parser, main
from videomv.gaussians import load_ply
from videomv.pipelines import batch, export

FAST = ["--steps", "1", "--views", "4", "--orbit-frames", "2", "--no-progress", "--device", "cpu"]
# The list: two prompts of the same text (names deduplicated), an image, a corrupt image, and a prompt
# with its own seed and a name that tries to leave the folder.
ITEMS = [
    {"prompt": "a red chair"},
    {"image": "object.png"},
    {"image": "broken.png"},
    {"prompt": "a blue car", "seed": 11, "name": "../car"},
    {"prompt": "a red chair"},
]
NAMES = ["a-red-chair", "object", "broken", "car", "a-red-chair-2"]
DONE = [name for name in NAMES if name != "broken"]
# Batched and unbatched forwards sum in another order: views agree to float rounding (seen: < 2e-3 after
# 4 DDPM steps; one step here), so at most one uint8 level apart.
PIXEL_TOLERANCE = 1


def _run(*argv: object) -> int:
    return main(["-q", *map(str, argv)])


def _manifest(out: Path) -> dict[str, dict]:
    lines = (out / batch.MANIFEST_FILE).read_text().splitlines()
    return {entry["name"]: entry for entry in map(json.loads, lines)}


def _statuses(out: Path) -> dict[str, str]:
    return {name: entry["status"] for name, entry in _manifest(out).items()}


def _files(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder`` with its modification time and digest."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _assert_same_outputs(out: Path, reference: Path, names: list[str], exact: bool) -> None:
    """Each item's views and Gaussians equal the reference's (to rounding of a batched forward unless ``exact``)."""
    for name in names:
        ours, theirs = (json.loads((root / name / "result.json").read_text()) for root in (out, reference))
        assert ours["seed"] == theirs["seed"] and ours["settings"]["prompt"] == theirs["settings"]["prompt"]
        views = sorted(p.name for p in (reference / name / "views").glob("*.png"))
        assert views and views == sorted(p.name for p in (out / name / "views").glob("*.png"))
        for view in views:
            a = np.asarray(Image.open(out / name / "views" / view), dtype=np.int16)
            b = np.asarray(Image.open(reference / name / "views" / view), dtype=np.int16)
            assert np.abs(a - b).max() <= (0 if exact else PIXEL_TOLERANCE), (name, view)
        a, b = load_ply(out / name / "gaussians.ply"), load_ply(reference / name / "gaussians.ply")
        assert len(a) == len(b) > 0
        np.testing.assert_allclose(a.means.numpy(), b.means.numpy(), rtol=0, atol=0 if exact else 1e-3)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    rgba = np.zeros((48, 48, 4), dtype=np.uint8)
    rgba[10:30, 5:20] = (200, 40, 40, 255)
    Image.fromarray(rgba, "RGBA").save(root / "object.png")
    (root / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "list.jsonl").write_text("".join(json.dumps(item) + "\n" for item in ITEMS))
    return root / "list.jsonl"


@pytest.fixture(scope="module")
def resumed(inputs, tmp_path_factory) -> dict:
    """One process: stopped after two items (as Ctrl-C / SIGTERM stop it), a staging folder of a killed
    process left beside the next item, then the same command again."""
    out = tmp_path_factory.mktemp("single") / "out"
    real, calls = export.generate_to_folders, []

    def stop_after_two(*args, **kwargs):
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(1)
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(export, "generate_to_folders", stop_after_two)
        first_code = _run("generate", "--inputs", inputs, "--out", out, *FAST)
    first = _manifest(out)
    finished = {name: _files(out / name) for name in ("a-red-chair", "object")}
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = out / f".car.videomv-{dead.pid}-{fileio._host_tag()}-k1ll3d.tmp"
    stale.mkdir()
    (stale / "views.gif").write_bytes(b"half")
    second_code = _run("generate", "--inputs", inputs, "--out", out, *FAST)
    return {"out": out, "codes": (first_code, second_code), "first": first, "finished": finished, "stale": stale}


def test_read_inputs_names_seeds_and_sources(tmp_path, inputs) -> None:
    items = batch.read_inputs(inputs, seed=100)
    assert [item.name for item in items] == NAMES
    assert [item.seed for item in items] == [100, 101, 102, 11, 104]  # --seed + index unless the item has one
    assert items[1].image == str(inputs.parent / "object.png") and items[1].prompt is None
    assert items[3].source == {**ITEMS[3], "line": 4}
    (tmp_path / "prompts.txt").write_text("# a comment\n\n  a chair  \nA Chair\nmanifest.jsonl\n" + "x" * 200 + "\n")
    items = batch.read_inputs(tmp_path / "prompts.txt")
    assert [(item.prompt, item.source["line"]) for item in items][:2] == [("a chair", 3), ("A Chair", 4)]
    assert [item.name for item in items] == ["a-chair", "a-chair-2", "manifest.jsonl-2", "x" * batch.MAX_NAME]
    assert batch.safe_name("../../etc/passwd") == "etc-passwd" and batch.safe_name("...") == "item"
    folder = tmp_path / "images"
    folder.mkdir()
    for name in ("b.PNG", "a.jpg", ".hidden.png", "notes.txt"):
        (folder / name).write_bytes(b"")
    assert [item.name for item in batch.read_inputs(folder)] == ["a", "b"]


def test_shard_rule_and_sub_shards() -> None:
    items = [batch.BatchItem(i, f"i{i}", None, "p", i, {}) for i in range(7)]
    shards = [batch.shard_items(items, (i, 3)) for i in range(3)]
    assert [[item.index for item in shard] for shard in shards] == [[0, 3, 6], [1, 4], [2, 5]]
    # --shard 1/3 --num-processes 2: the two processes take exactly shard 1/3's items.
    subs = [batch.shard_items(items, batch.sub_shard((1, 3), k, 2)) for k in range(2)]
    assert sorted(item.index for sub in subs for item in sub) == [1, 4]


def test_a_stopped_batch_resumes_skipping_finished_items(resumed, inputs) -> None:
    out = resumed["out"]
    assert resumed["codes"] == (130, 1)  # stopped; then done, with one item failed
    assert {name: entry["status"] for name, entry in resumed["first"].items()} == {
        "a-red-chair": "ok", "object": "ok", "broken": "failed", "car": "pending", "a-red-chair-2": "pending",
    }  # fmt: skip
    for name, files in resumed["finished"].items():
        assert _files(out / name) == files  # not rewritten: same bytes, same modification times
    assert not resumed["stale"].exists()  # the killed process's staging folder is gone, its item redone
    manifest = _manifest(out)
    assert {name: entry["status"] for name, entry in manifest.items()} == {
        **{name: "ok" for name in DONE}, "broken": "failed",
    }  # fmt: skip
    assert "broken.png" in manifest["broken"]["error"] and "\n" not in manifest["broken"]["error"]
    assert [entry["seed"] for entry in manifest.values()] == [0, 1, 2, 11, 4]
    for name in DONE:
        record = json.loads((out / name / "result.json").read_text())
        assert manifest[name]["output"] == name and manifest[name]["threads"] == record["settings"]["threads"] >= 1
        assert manifest[name]["timings_s"]["total"] > 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted([*DONE, batch.PARTS_FOLDER])


def test_retry_failed_runs_failed_items_again_and_nothing_else(resumed, inputs, monkeypatch) -> None:
    out = resumed["out"]
    before = {name: _files(out / name) for name in DONE}
    # The corrupt image fails its check again, so no model is needed; nothing else is redone.
    monkeypatch.setattr(export, "load_pipeline", lambda *a, **k: pytest.fail("nothing left to generate"))
    assert _run("generate", "--inputs", inputs, "--out", out, "--retry-failed", *FAST) == 1
    assert {name: _files(out / name) for name in DONE} == before
    assert _statuses(out)["broken"] == "failed"


def _rank(rank: int, world_size: int, port: int, argv: list[str], codes: Path) -> None:
    """One process of ``accelerate launch`` / ``torchrun`` (the environment they set), on the CPU: gloo."""
    os.environ.update(
        RANK=str(rank), LOCAL_RANK=str(rank), WORLD_SIZE=str(world_size), LOCAL_WORLD_SIZE=str(world_size),
        MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port),
    )  # fmt: skip
    (codes / f"rank{rank}").write_text(str(_run(*argv)))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_two_launcher_processes_batched_give_the_single_process_outputs(resumed, inputs, tmp_path) -> None:
    out = tmp_path / "out"
    argv = ["generate", "--inputs", str(inputs), "--out", str(out), "--batch-size", "2", *FAST]
    # Forked like the ranks of test_training_distributed (they reuse this process's imports).
    start_processes(_rank, (2, _free_port(), argv, tmp_path), nprocs=2, start_method="fork")
    # Rank 0's share holds the corrupt image (index 2); it merges the manifest after the barrier.
    assert [(tmp_path / f"rank{rank}").read_text() for rank in range(2)] == ["1", "0"]
    assert _statuses(out) == _statuses(resumed["out"])
    assert sorted(part.name[:12] for part in (out / batch.PARTS_FOLDER).iterdir()) == ["shard-0-of-2", "shard-1-of-2"]
    # Rank 0 sampled the two chairs (index 0 and 4) in one pipeline call.
    record = json.loads((out / "a-red-chair-2" / "result.json").read_text())
    assert record["settings"]["batch_size"] == 2
    _assert_same_outputs(out, resumed["out"], DONE, exact=False)


def test_shards_together_equal_the_unsharded_run(resumed, inputs, tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    assert _run("generate", "--inputs", inputs, "--out", out, "--shard", "1/2", *FAST) == 0
    assert not (out / batch.MANIFEST_FILE).exists()  # a shard writes its part; the whole run merges
    assert _run("generate", "--inputs", inputs, "--out", out, "--shard", "0/2", *FAST) == 1
    # The final command over the whole list finds every item done: no model, one merged manifest.
    monkeypatch.setattr(export, "load_pipeline", lambda *a, **k: pytest.fail("every item is done"))
    assert _run("generate", "--inputs", inputs, "--out", out, *FAST) == 1
    ours, theirs = _manifest(out), _manifest(resumed["out"])
    for name in NAMES:
        assert {k: v for k, v in ours[name].items() if k not in ("timings_s", "shard")} == {
            k: v for k, v in theirs[name].items() if k not in ("timings_s", "shard")
        }
    _assert_same_outputs(out, resumed["out"], DONE, exact=True)


def test_num_processes_starts_shards_and_merges(resumed, tmp_path, monkeypatch) -> None:
    listing = tmp_path / "chairs.jsonl"
    listing.write_text('{"prompt": "a red chair", "seed": 0}\n{"prompt": "a red chair", "seed": 4}\n')
    out = tmp_path / "out"
    argv = ["generate", "--inputs", listing, "--out", out, "--num-processes", "2", *FAST]
    # Spawned processes get the parsed command line pickled; here they are forked (a spawned one imports
    # torch again: a minute on a busy CPU), so the pickling is checked on its own.
    args = build_parser().parse_args(list(map(str, argv)))
    assert vars(pickle.loads(pickle.dumps(args))) == vars(args)
    monkeypatch.setattr(generate, "START_METHOD", "fork")
    assert _run(*argv) == 0
    manifest = _manifest(out)
    assert [(entry["status"], entry["shard"]) for entry in manifest.values()] == [("ok", "0/2"), ("ok", "1/2")]
    # Each process has its share of the threads, so sums may round otherwise than in this one.
    _assert_same_outputs(out, resumed["out"], ["a-red-chair", "a-red-chair-2"], exact=False)


def test_a_batch_item_is_what_a_single_generate_writes(resumed, tmp_path) -> None:
    single = tmp_path / "car"
    assert _run("generate", "--prompt", "a blue car", "--seed", 11, "--out", single, *FAST) == 0
    _assert_same_outputs(tmp_path, resumed["out"], ["car"], exact=True)
    assert set(os.listdir(single)) == set(os.listdir(resumed["out"] / "car"))


def test_help_names_the_defaults(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["generate", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    defaults = json.loads((export.DEFAULT_MODEL / "model_index.json").read_text())
    for option, key in (("views", "num_views"), ("steps", "num_inference_steps"), ("guidance", "guidance_scale")):
        assert f"{defaults[key]} for the shipped model" in text, option
    assert "default: videomv-output" in text and "DDPMScheduler for the shipped model" in text
