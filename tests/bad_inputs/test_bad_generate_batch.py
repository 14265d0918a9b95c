"""Catalogue: ``videomv generate --inputs`` under bad lists, bad batch options and bad batch folders.

Each refusal is one ``videomv: error:`` line with exit status 2 naming what is wrong (the list's line
where there is one), before any model loads, with the case's folder left exactly as it was. A bad
item (a missing or damaged image, an empty prompt) is not a refusal: it is recorded in the manifest
and the batch goes on (tests/test_generate_batch.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import assert_refused

FAST = ["--steps", "1", "--no-progress", "--device", "cpu"]


def _write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


LISTS = {
    # name: (file name, content, words the error names)
    "empty txt": ("prompts.txt", "# only a comment\n\n   \n", ("prompts.txt", "no prompts")),
    "empty jsonl": ("items.jsonl", "\n\n", ("items.jsonl", "no entries")),
    "not json": ("items.jsonl", '{"prompt": "a chair"}\n{"prompt": a car}\n', ("line 2", "not JSON")),
    "not an object": ("items.jsonl", '["a chair"]\n', ("line 1", "object")),
    "unknown key": ("items.jsonl", '{"prompt": "a chair", "colour": "red"}\n', ("line 1", "unknown key", "colour")),
    "prompt not text": ("items.jsonl", '{"prompt": 3}\n', ("line 1", "prompt", "string")),
    "seed not whole": ("items.jsonl", '{"prompt": "a chair", "seed": 1.5}\n', ("line 1", "seed", "whole")),
    "seed true": ("items.jsonl", '{"prompt": "a chair", "seed": true}\n', ("line 1", "seed")),
    "nothing to generate from": ("items.jsonl", '{"name": "x"}\n', ("line 1", "image", "prompt")),
    "not utf-8": ("prompts.txt", b"a chair \xff\xfe\n", ("prompts.txt", "UTF-8")),
    "unknown kind": ("items.csv", "prompt\na chair\n", ("items.csv", "folder of images", ".txt", ".jsonl")),
}


@pytest.mark.parametrize("case_name", list(LISTS))
def test_bad_lists_are_refused_before_the_model(case, no_model_load, capsys, case_name) -> None:
    name, content, words = LISTS[case_name]
    listing = _write(case / name, content)
    assert_refused(case, "generate", "--inputs", listing, "--out", case / "out", *FAST, capsys=capsys, words=words)


def test_a_missing_list_and_an_empty_folder_are_refused(case, no_model_load, capsys) -> None:
    assert_refused(
        case, "generate", "--inputs", case / "nope.txt", *FAST, capsys=capsys, words=("nope.txt", "not found")
    )
    (case / "photos").mkdir()
    (case / "photos" / "notes.txt").write_text("not an image")
    words = ("photos", "no images", ".png")
    assert_refused(
        case, "generate", "--inputs", case / "photos", "--out", case / "o", *FAST, capsys=capsys, words=words
    )


@pytest.fixture
def prompts(case: Path) -> Path:
    return _write(case / "prompts.txt", "a red chair\na blue car\n")


OPTIONS = {
    "--prompt with --inputs": (["--prompt", "a cat"], ("--inputs", "--prompt")),
    "--image with --inputs": (["--image", "x.png"], ("--inputs", "--image")),
    "--batch-size 0": (["--batch-size", "0"], ("--batch-size", "at least 1")),
    "--num-processes 0": (["--num-processes", "0"], ("--num-processes", "at least 1")),
    "--shard 3/2": (["--shard", "3/2"], ("--shard", "3/2")),
    "--shard a/b": (["--shard", "a/b"], ("--shard", "a/b")),
    "--shard 1": (["--shard", "1"], ("--shard", "I/N")),
    "--shard 0/0": (["--shard", "0/0"], ("--shard", "0/0")),
    "bad shared setting": (["--views", "0"], ("views", "0")),
    "bad device": (["--device", "tpu"], ("--device", "tpu")),
    "bad scheduler": (["--scheduler", "euler"], ("scheduler", "euler")),
    "missing model": (["--model", "no-model"], ("no-model",)),
}


@pytest.mark.parametrize("case_name", list(OPTIONS))
def test_bad_batch_options_are_refused(case, prompts, no_model_load, capsys, case_name) -> None:
    argv, words = OPTIONS[case_name]
    assert_refused(
        case, "generate", "--inputs", prompts, "--out", case / "out", *FAST, *argv, capsys=capsys, words=words
    )


@pytest.mark.parametrize("option", [["--batch-size", "2"], ["--retry-failed"], ["--shard", "0/2"]])
def test_batch_options_need_inputs(case, no_model_load, capsys, option) -> None:
    argv = ["generate", "--prompt", "a chair", "--out", case / "out", *option, *FAST]
    assert_refused(case, *argv, capsys=capsys, words=(option[0], "--inputs"))


def test_a_folder_with_foreign_files_or_a_single_result_is_refused(case, prompts, no_model_load, capsys) -> None:
    mixed = case / "mixed"
    (mixed / "a-red-chair").mkdir(parents=True)
    (mixed / "a-red-chair" / ".videomv-owner").write_text(json.dumps({"files": {}}))
    (mixed / "holiday.jpg").write_bytes(b"mine")
    words = ("mixed", "holiday.jpg", "not a batch")
    assert_refused(case, "generate", "--inputs", prompts, "--out", mixed, *FAST, capsys=capsys, words=words)
    assert_refused(case, "generate", "--inputs", prompts, "--out", mixed, "--overwrite", *FAST, capsys=capsys,
                   words=words)  # fmt: skip
    single = case / "single"  # what one `videomv generate` writes: not a batch folder
    single.mkdir()
    for name in ("result.json", "grid.png", ".videomv-owner"):
        (single / name).write_text("{}")
    words = ("single", "not a batch")
    assert_refused(case, "generate", "--inputs", prompts, "--out", single, *FAST, capsys=capsys, words=words)
    assert_refused(case, "generate", "--inputs", prompts, "--out", prompts, *FAST, capsys=capsys,
                   words=("prompts.txt", "file"))  # fmt: skip


def test_a_finished_item_of_another_list_is_not_taken_as_done(case, no_model_load, capsys) -> None:
    """The list changed since the batch ran: the folder named like an item holds another item's result."""
    out = case / "out"
    done = out / "a-red-chair"
    done.mkdir(parents=True)
    record = {"seed": 0, "settings": {"prompt": "A red chair!", "image": None, "seed": 0}}
    (done / "result.json").write_text(json.dumps(record))
    (done / ".videomv-owner").write_text(json.dumps({"files": {}}))
    listing = _write(case / "prompts.txt", "a red chair\n")
    words = ("a-red-chair", "another item", "prompt", "--overwrite")
    assert_refused(case, "generate", "--inputs", listing, "--out", out, *FAST, capsys=capsys, words=words)


def test_overwrite_refuses_an_item_folder_with_a_changed_file(case, no_model_load, capsys) -> None:
    out = case / "out"
    done = out / "a-red-chair"
    done.mkdir(parents=True)
    (done / "result.json").write_text("{}")
    (done / ".videomv-owner").write_text(json.dumps({"files": {"result.json": "0" * 64}}))  # it changed since
    listing = _write(case / "prompts.txt", "a red chair\n")
    words = ("--overwrite refused", "a-red-chair", "result.json")
    assert_refused(case, "generate", "--inputs", listing, "--out", out, "--overwrite", *FAST, capsys=capsys,
                   words=words)  # fmt: skip
