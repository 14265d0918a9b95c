"""Catalogue: ``videomv generate`` under bad options, bad images, bad result folders and stop signals.

Every refusal is one ``videomv: error:`` line with exit status 2 that names the option or file at
fault, leaves the case's folder exactly as it was, and (for everything that needs no model) comes
before any model loads. The signal cases run a real process and stop it while it writes.
"""

from __future__ import annotations

import json
import os
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from conftest import assert_refused, nothing_changes, run_cli
from test_pipeline_3d_aware import tiny_pipeline
from videomv import fileio

FAST = ["--steps", "2", "--orbit-frames", "2", "--no-progress", "--device", "cpu"]


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Path:
    """A tiny text-to-views pipeline folder (4 views, a reconstructor taking 4), outside every case's folder."""
    folder = tmp_path_factory.mktemp("model") / "text"
    tiny_pipeline().save_pretrained(folder)
    return folder


def _generate(*argv: object) -> list[object]:
    return ["generate", "--prompt", "a red chair", *argv]


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` and holds almost nothing: a decompression bomb's shape."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


# ------------------------------------------------------------------------------ settings (no model)

SETTINGS = {
    # Formerly the model's default in silence (an `x or default` pattern).
    "--views 0": (["--views", "0"], ("views", "from 1 to 64", "0")),
    "--views negative": (["--views", "-3"], ("views", "-3")),
    # Formerly 6 GB allocated, then a traceback.
    "--views 1000": (["--views", "1000"], ("views", "from 1 to 64", "1000")),
    "--steps 0": (["--steps", "0"], ("steps", "from 1 to 1000")),
    "--steps beyond the schedule": (["--steps", "5000"], ("steps", "5000")),
    "--radius 0": (["--radius", "0"], ("radius", "greater than 0")),
    "--radius negative": (["--radius", "-1.5"], ("radius", "-1.5")),
    "--radius nan": (["--radius", "nan"], ("radius", "finite", "nan")),
    # Formerly unguided sampling and NaN written into result.json.
    "--guidance nan": (["--guidance", "nan"], ("guidance", "finite", "nan")),
    # Formerly a failure only after the whole generation.
    "--guidance inf": (["--guidance", "inf"], ("guidance", "finite", "inf")),
    "--guidance negative": (["--guidance", "-2"], ("guidance", "0 or more")),
    "--elevation nan": (["--elevation", "nan"], ("elevation", "finite")),
    "--elevation past the pole": (["--elevation", "120"], ("elevation", "-90 to 90")),
    # Formerly an OverflowError after the whole generation (torch takes 64 bits).
    "--seed 2**70": (["--seed", str(2**70)], ("seed", str(2**70))),
    "--seed negative": (["--seed", "-1"], ("seed", "from 0 to")),
    "--orbit-frames 0": (["--orbit-frames", "0"], ("orbit frames", "from 1 to 720")),
    "--orbit-frames unbounded": (["--orbit-frames", "100000"], ("orbit frames", "100000")),
    "--3d-aware-steps outside the loop": (["--steps", "4", "--3d-aware-steps", "2,7"], ("3d-aware steps", "[7]")),
    "empty prompt": (["--prompt", "   "], ("prompt", "empty")),
}


@pytest.mark.parametrize("name", list(SETTINGS))
def test_a_bad_setting_is_refused_before_any_model_loads(name, case, model, no_model_load, capsys) -> None:
    argv, words = SETTINGS[name]
    assert_refused(case, *_generate("--model", model, "--out", "out", *FAST, *argv), capsys=capsys, words=words)


# ------------------------------------------------------------------------------ images (no model)


def _write_image(case: Path, kind: str) -> str:
    """A bad condition image of ``kind`` in the case's folder; returns its name."""
    if kind == "folder":
        (case / "photo.png").mkdir()
    elif kind == "not an image":
        (case / "photo.png").write_text("name,price\nchair,12\n")
    elif kind == "truncated":
        pixels = (np.random.default_rng(0).random((64, 64, 3)) * 255).astype(np.uint8)
        Image.fromarray(pixels).save(case / "whole.png")
        data = (case / "whole.png").read_bytes()
        (case / "whole.png").unlink()
        (case / "photo.png").write_bytes(data[: len(data) // 2])
    elif kind == "over 64 Mpx":
        (case / "photo.png").write_bytes(_png_header(9000, 9000))
    elif kind == "decompression bomb":
        (case / "photo.png").write_bytes(_png_header(50000, 50000))
    elif kind == "too small":
        Image.new("RGB", (8, 8), (200, 0, 0)).save(case / "photo.png")
    return "photo.png"


IMAGES = {
    "a folder": ("folder", ("photo.png", "is a folder")),
    "missing": ("missing", ("photo.png", "not found")),
    "not an image": ("not an image", ("photo.png", "not an image")),
    "truncated": ("truncated", ("photo.png", "damaged or cut short")),
    "over 64 Mpx": ("over 64 Mpx", ("photo.png", "too large", "9000x9000")),
    "decompression bomb": ("decompression bomb", ("photo.png", "too large")),
    "too small": ("too small", ("photo.png", "too small")),
}


@pytest.mark.parametrize("name", list(IMAGES))
def test_a_bad_image_is_refused_before_any_model_loads(name, case, model, no_model_load, capsys) -> None:
    kind, words = IMAGES[name]
    image = _write_image(case, kind)
    argv = ["generate", "--image", image, "--model", model, "--out", "out", *FAST]
    assert_refused(case, *argv, capsys=capsys, words=words)


# ------------------------------------------------------------------------------ the result folder (no model)


def _our_result(folder: Path) -> None:
    """A result folder as generate writes it: files, result.json and the owner marker listing them."""
    (folder / "views").mkdir(parents=True)
    (folder / "views" / "000.png").write_bytes(b"view")
    (folder / "result.json").write_text("{}\n")
    fileio.write_owner_marker(folder, "videomv generate")


def _destination(case: Path, kind: str) -> list[str]:
    """Sets up a result folder of ``kind``; returns the ``--out ...`` arguments."""
    if kind == "file":
        (case / "notes.txt").write_text("mine")
        return ["--out", "notes.txt"]
    if kind == "link":
        (case / "real").mkdir()
        (case / "out").symlink_to(case / "real")
        return ["--out", "out"]
    if kind == "read-only":
        (case / "locked").mkdir()
        (case / "locked").chmod(0o555)
        return ["--out", "locked/out"]
    if kind == "not empty":
        (case / "out").mkdir()
        (case / "out" / "notes.txt").write_text("mine")
        return ["--out", "out"]
    (case / "out").mkdir()
    if kind == "result.json and the user's files":
        (case / "out" / "result.json").write_text("{}\n")
        (case / "out" / "thesis.tex").write_text("five years of work")
    elif kind == "ours plus a user's file":
        _our_result(case / "out")
        (case / "out" / "views" / "notes.txt").write_text("mine")
    elif kind == "ours with a file changed":
        _our_result(case / "out")
        (case / "out" / "views" / "000.png").write_bytes(b"retouched by hand")
    elif kind == "ours with a linked folder":
        _our_result(case / "out")
        (case / "elsewhere").mkdir()
        (case / "out" / "linked").symlink_to(case / "elsewhere")
    return ["--out", "out", "--overwrite"]


DESTINATIONS = {
    # Formerly deleted whole, the user's files with it, for holding a file named result.json.
    "--overwrite, result.json and the user's files": (
        "result.json and the user's files",
        ("--overwrite refused", "not written by videomv"),
    ),
    "--overwrite, our result plus a user's file": ("ours plus a user's file", ("--overwrite refused", "notes.txt")),
    "--overwrite, our result with a file changed": ("ours with a file changed", ("--overwrite refused", "000.png")),
    "--overwrite, our result with a linked folder": ("ours with a linked folder", ("--overwrite refused", "linked")),
    "not empty, no --overwrite": ("not empty", ("out", "not empty", "choose another --out")),
    "an existing file": ("file", ("notes.txt", "existing file")),
    "a symbolic link": ("link", ("out", "symbolic link")),
}


@pytest.mark.parametrize("name", list(DESTINATIONS))
def test_a_result_folder_that_would_lose_files_is_refused(name, case, model, no_model_load, capsys) -> None:
    kind, words = DESTINATIONS[name]
    out = _destination(case, kind)
    assert_refused(case, *_generate("--model", model, *out, *FAST), capsys=capsys, words=words)


UNWRITABLE = {
    # Formerly each failed only after the whole generation.
    "--out .": (".", ("--out .", "current folder")),
    "--out .. (holds the current folder)": ("..", ("--out ..", "current folder")),
    "--out under /sys": ("/sys/videomv-out", ("/sys", "cannot write")),
    "--out under /proc": ("/proc/videomv-out", ("/proc", "cannot write")),
    "--out under a file": ("/dev/null/x", ("/dev/null", "not a folder")),
    "--out under a file of ours": ("notes.txt/out", ("notes.txt", "not a folder")),
}


@pytest.mark.parametrize("name", list(UNWRITABLE))
def test_an_unwritable_result_folder_is_refused_before_any_model_loads(
    name, case, model, no_model_load, capsys
) -> None:
    out, words = UNWRITABLE[name]
    (case / "notes.txt").write_text("mine")
    assert_refused(case, *_generate("--model", model, "--out", out, *FAST), capsys=capsys, words=words)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_parent_is_refused_before_any_model_loads(case, model, no_model_load, capsys) -> None:
    out = _destination(case, "read-only")
    try:
        assert_refused(case, *_generate("--model", model, *out, *FAST), capsys=capsys, words=("locked", "cannot"))
    finally:
        (case / "locked").chmod(0o755)


# ------------------------------------------------------------------------------ with the model


def test_fewer_views_than_the_reconstructor_takes_is_refused_before_sampling(case, model, capsys) -> None:
    """Formerly a traceback after the whole sampling loop (the reconstructor of the final views)."""
    argv = _generate("--model", model, "--views", "2", "--no-3d-aware", "--out", "out", *FAST)
    assert_refused(case, *argv, capsys=capsys, words=("views", "at least 4", "reconstructor"))


def test_result_json_is_strict_json_and_overwrite_replaces_only_our_result(case, model, capsys) -> None:
    argv = _generate("--model", model, "--guidance", "3", "--out", "out", *FAST)
    assert run_cli(*argv, capsys=capsys).code == 0
    text = (case / "out" / "result.json").read_text()

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in result.json")

    assert json.loads(text, parse_constant=refuse)["settings"]["guidance"] == 3.0
    marker = json.loads((case / "out" / fileio.OWNER_MARKER).read_text())
    assert {"result.json", "grid.png", "views/000.png", "gaussians.ply"} <= set(marker["files"])
    # Our own result, untouched, is ours to replace.
    assert run_cli(*argv, "--overwrite", capsys=capsys).code == 0
    assert sorted(p.name for p in case.iterdir()) == ["out"]


def test_stale_staging_of_a_dead_run_is_removed_and_nothing_else(case, model, capsys) -> None:
    """Leftovers of a killed run (its pid is gone) go; a live run's, another machine's and the user's stay."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid, host = int(dead.stdout), fileio._host_tag()
    other_host = "0" * 6 if host != "0" * 6 else "1" * 6
    stale = [case / f".out.videomv-{dead_pid}-{host}-abc123.tmp", case / f".out.videomv-{dead_pid}-{host}-0f0f.old"]
    kept = [
        case / f".out.videomv-{os.getpid()}-{host}-live12.tmp",  # a run still going (this process)
        case / f".out.videomv-{dead_pid}-{other_host}-nfs123.tmp",  # another machine on a shared disk
        case / ".out.backup.tmp",  # the user's
        case / f".other.videomv-{dead_pid}-{host}-abc123.tmp",  # another target's
    ]
    for folder in stale + kept:
        folder.mkdir()
        (folder / "half.png").write_bytes(b"x")
    assert run_cli(*_generate("--model", model, "--out", "out", *FAST), capsys=capsys).code == 0
    assert not any(folder.exists() for folder in stale)
    assert all((folder / "half.png").read_bytes() == b"x" for folder in kept)


# ------------------------------------------------------------------------------ stop signals (a real process)

# The child runs `videomv generate` with the grid writer slowed down, so that the signal lands in the
# write phase, with the staging folder half full.
SLOW_WRITER = """
import sys, time
from videomv.pipelines import export
from videomv.cli.main import main

write_grid = export._write_grid


def slow_write_grid(*args, **kwargs):
    path = write_grid(*args, **kwargs)
    time.sleep(120)
    return path


export._write_grid = slow_write_grid
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP"])
def test_a_stop_signal_while_writing_leaves_no_staging_folder(stop, case, model) -> None:
    """Formerly `.out.*.tmp` folders were left behind that nothing cleaned."""
    (case / "notes.txt").write_text("mine")
    signum = getattr(signal, stop)
    argv = _generate("--model", model, "--out", "out", *FAST)
    with nothing_changes(case):
        child = subprocess.Popen(
            [sys.executable, "-c", SLOW_WRITER, *map(str, argv)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=case,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 120
            while not list(case.glob(".out.*.tmp/grid.png")):
                assert child.poll() is None, child.communicate()
                assert time.monotonic() < deadline, "the write phase never started"
                time.sleep(0.02)
            child.send_signal(signum)
            _, stderr = child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert child.returncode == 128 + signum, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [f"videomv: stopped by {stop}"], stderr
