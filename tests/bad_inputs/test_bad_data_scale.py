"""Catalogue: ``videomv data build | render`` with bad ``--workers``, ``--shard`` and mesh lists.

Every case is refused on one line before anything is rendered or written (see conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_refused


@pytest.fixture
def meshes(case: Path) -> Path:
    """The case folder with a (damaged) mesh, a user's file, and mesh lists good and bad."""
    (case / "broken.glb").write_bytes(b"glTF not really")
    (case / "notes.md").write_text("mine")
    (case / "meshes").mkdir()
    (case / "meshes" / "chair.glb").write_bytes(b"glTF not really")
    (case / "bad_line.txt").write_text("# my meshes\nbroken.glb\nnotes.md\n")
    (case / "missing.txt").write_text("gone.obj\n")
    (case / "empty.txt").write_text("# nothing yet\n\n")
    (case / "binary.txt").write_bytes(b"\xff\xfe\x00\x81")
    return case


BUILD_ARGS = {
    "workers_0": (("--workers", "0"), ("--workers", "1..256")),
    "workers_huge": (("--workers", "1000"), ("--workers", "1..256")),
    "shard_past_the_last": (("--shard", "2/2"), ("--shard", "0..1", "numbered from 0")),
    "shard_of_none": (("--shard", "0/0"), ("--shard", "1..")),
    "shard_not_a_fraction": (("--shard", "half"), ("--shard", "I/N")),
    "shard_negative": (("--shard=-1/2",), ("--shard", "I/N")),
}


@pytest.mark.parametrize(("argv", "words"), BUILD_ARGS.values(), ids=BUILD_ARGS.keys())
def test_build_refuses_bad_workers_and_shards(
    case: Path, argv: tuple[str, ...], words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(
        case, "data", "build", "--source", "procedural", "--out", "dataset", *argv, capsys=capsys, words=words
    )


RENDER_ARGS = {
    "one_mesh_sharded": (("broken.glb", "out", "--shard", "0/2"), ("--shard", "broken.glb is one mesh file")),
    "one_mesh_workers": (("broken.glb", "out", "--workers", "2"), ("--workers", "one mesh file")),
    "list_workers_0": (("meshes", "out", "--workers", "0"), ("--workers",)),
    "list_shard_past_the_last": (("meshes", "out", "--shard", "3/3"), ("--shard", "0..2")),
    "list_line_not_a_mesh": (("bad_line.txt", "out"), ("bad_line.txt line 3", "notes.md", "unsupported mesh type")),
    "list_line_missing": (("missing.txt", "out"), ("missing.txt line 1", "gone.obj", "not found")),
    "list_empty": (("empty.txt", "out"), ("empty.txt", "no mesh paths")),
    "list_not_text": (("binary.txt", "out"), ("binary.txt", "not a text file")),
    "list_missing": (("nowhere.txt", "out"), ("mesh list not found", "nowhere.txt")),
    "list_out_with_user_files": (("meshes", "."), ("--out", "not part of a dataset", "bad_line.txt")),
}


@pytest.mark.parametrize(("argv", "words"), RENDER_ARGS.values(), ids=RENDER_ARGS.keys())
def test_render_refuses_bad_lists_workers_and_shards(
    meshes: Path, argv: tuple[str, ...], words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(meshes, "data", "render", *argv, capsys=capsys, words=words)
