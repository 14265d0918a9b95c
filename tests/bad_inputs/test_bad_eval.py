"""Catalogue: ``videomv eval`` and ``videomv doctor`` with bad options, data and output folders.

Every eval case is refused with one line naming what is wrong before any model loads (the loader
is a tripwire, except where the case is the model itself), and leaves both the case's folder and
the data untouched: no output folder, no probe, an earlier evaluation whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from conftest import assert_refused, nothing_changes, run_cli
from videomv.cameras import orbit
from videomv.data.format import MultiViewSample, write_sample

VIEWS, SIZE = 4, 16


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-object dataset with index.json (held-out split), in the on-disk format."""
    root = tmp_path_factory.mktemp("eval_data")
    cameras = orbit(VIEWS, 15.0, 1.7, size=SIZE)
    entries = []
    for i, name in enumerate(("a", "b")):
        views = torch.zeros(VIEWS, 4, SIZE, SIZE)
        views[:, :3], views[:, 3, 4:12, 4:12] = 0.3 + 0.3 * i, 1.0
        write_sample(root / name, MultiViewSample(views, cameras, f"object {name}"))
        entries.append({"path": name, "split": "heldout"})
    (root / "index.json").write_text(json.dumps({"samples": entries}))
    return root


def _refused(case: Path, data: Path, *argv: object, capsys: pytest.CaptureFixture[str], words: tuple[str, ...]) -> None:
    """``videomv eval ARGV`` is refused in one line naming ``words``; ``case`` and ``data`` stay as they were."""
    with nothing_changes(data):
        assert_refused(case, "eval", *argv, capsys=capsys, words=words)


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The case's folder, made the working folder, holding the user's files and an earlier evaluation."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "empty").mkdir()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "thesis.tex").write_text("mine")
    _earlier_evaluation(tmp_path / "earlier", "notes.md")
    _earlier_evaluation(tmp_path / "ours")
    return tmp_path


def _earlier_evaluation(folder: Path, *extra: str) -> Path:
    """A folder as an evaluation leaves it, plus the user's ``extra`` files."""
    (folder / "views" / "model" / "a").mkdir(parents=True)
    (folder / "views" / "model" / "a" / "000.png").write_bytes(b"png")
    (folder / "plots").mkdir()
    (folder / "metrics.json").write_text("{}")
    (folder / "report.md").write_text("# report")
    for name in extra:
        (folder / name).write_text("mine")
    return folder


# ------------------------------------------------------------------------------ options (no model)

# Options of `eval views`; the data and `--out out` are added.
OPTIONS = {
    # Formerly the model's (or the data's) view count in silence: `args.views or 1`.
    "--views 0": (["--views", "0"], ("views", "0")),
    "--views 1000": (["--views", "1000"], ("views", "1000")),
    "--steps 0": (["--steps", "0"], ("steps", "0")),
    # Formerly unguided sampling, or a failure after the first object.
    "--guidance nan": (["--guidance", "nan"], ("guidance", "finite", "nan")),
    "--guidance inf": (["--guidance", "inf"], ("guidance", "finite", "inf")),
    # Formerly an OverflowError in every method of every object (recorded as failures), exit 0.
    "--seed 2**70": (["--seed", str(2**70)], ("seed", str(2**70))),
    "--limit 0": (["--limit", "0"], ("--limit", "0")),
    "--size 0": (["--size", "0"], ("--size", "0")),
    "--size unbounded": (["--size", "100000"], ("--size", "100000")),
    "--input-view negative": (["--input-view", "-1"], ("--input-view", "-1")),
    "--3d-aware-steps outside the loop": (["--steps", "4", "--3d-aware-steps", "2,7"], ("7",)),
    "unknown method": (["--methods", "model,magic"], ("unknown method", "magic")),
    # Formerly the default methods in silence (`args.methods or ...`).
    "no method": (["--methods", ""], ("no methods",)),
    "external method folder missing": (["--methods", "external:nowhere"], ("external", "nowhere")),
    # Formerly found only after the model had loaded.
    "unknown layout": (["--layout", "nope"], ("layout", "nope")),
    "unknown split": (["--split", "nope"], ("split", "nope")),
    # blur-copy's blur (issue 25): a number of pixels, or auto with a train split to choose it on.
    "--blur-sigma negative": (["--methods", "blur-copy", "--blur-sigma", "-1"], ("--blur-sigma", "-1")),
    "--blur-sigma not a number": (["--methods", "blur-copy", "--blur-sigma", "wide"], ("--blur-sigma", "wide")),
    "--blur-sigma auto without a train split": (["--methods", "blur-copy"], ("--blur-sigma auto", "train split")),
}


@pytest.mark.parametrize("name", list(OPTIONS))
def test_a_bad_option_is_refused_before_any_model_loads(name, case, data, no_model_load, capsys) -> None:
    argv, words = OPTIONS[name]
    _refused(case, data, "views", "--data", data, "--out", "out", *argv, capsys=capsys, words=words)


CONSISTENCY = {
    "--fit-steps 0": (["--fit-steps", "0"], ("--fit-steps", "0")),
    "--fit-gaussians 0": (["--fit-gaussians", "0"], ("--fit-gaussians", "0")),
    "--fit-gaussians unbounded": (["--fit-gaussians", str(10**9)], ("--fit-gaussians", str(10**9))),
    # Formerly int()'s "invalid literal for int() with base 10", after the model had loaded.
    "--recon-views not indices": (["--recon-views", "0,a"], ("--recon-views", "0,a")),
    "--recon-views repeated": (["--recon-views", "0,0"], ("--recon-views", "distinct")),
}


@pytest.mark.parametrize("name", list(CONSISTENCY))
def test_a_bad_consistency_option_is_refused_before_any_model_loads(name, case, data, no_model_load, capsys) -> None:
    argv, words = CONSISTENCY[name]
    _refused(case, data, "consistency", "--data", data, "--out", "out", *argv, capsys=capsys, words=words)


# ------------------------------------------------------------------------------ inputs (no model)

# Paths are relative to the case's folder (the working folder).
INPUTS = {
    "no --data": (["views"], ("nothing to evaluate", "--data")),
    # Formerly found only after the model had loaded.
    "--data missing": (["views", "--data", "nowhere"], ("--data nowhere", "not found")),
    "--data is a file": (["views", "--data", "notes.txt"], ("--data notes.txt", "is a file")),
    "--data without samples": (["views", "--data", "empty"], ("empty", "no multi-view samples")),
    "--data and prompts": (["consistency", "--data", "empty", "--prompt", "a cup"], ("either --data",)),
    "--prompts file missing": (["text", "--prompts", "nowhere.txt"], ("prompts file", "nowhere.txt")),
}


@pytest.mark.parametrize("name", list(INPUTS))
def test_bad_data_or_prompts_are_refused_before_any_model_loads(name, case, no_model_load, capsys) -> None:
    argv, words = INPUTS[name]
    assert_refused(case, "eval", *argv, "--out", "out", capsys=capsys, words=words)


# ------------------------------------------------------------------------------ output folders

DESTINATIONS = {
    # Formerly each failed only after the whole evaluation (or wrote into the working folder).
    "--out .": (["--out", "."], ("--out .", "current folder")),
    "--out ..": (["--out", ".."], ("--out ..", "current folder")),
    "--out under /sys": (["--out", "/sys/videomv-eval"], ("/sys", "cannot write")),
    "--out under /proc": (["--out", "/proc/videomv-eval"], ("/proc", "cannot write")),
    "--out under a file": (["--out", "/dev/null/x"], ("/dev/null", "not a folder")),
    "--out an existing file": (["--out", "notes.txt"], ("notes.txt", "not a folder")),
    "--out a folder of the user's": (["--out", "full"], ("full", "not empty", "choose another --out")),
    "--out an earlier evaluation, no --overwrite": (["--out", "ours"], ("ours", "not empty", "--overwrite")),
    # Formerly its views/ and plots/ were deleted before anything else was checked.
    "--overwrite of an evaluation holding the user's files": (
        ["--out", "earlier", "--overwrite"],
        ("--overwrite refused", "notes.md"),
    ),
}


@pytest.mark.parametrize("name", list(DESTINATIONS))
def test_an_output_folder_that_cannot_be_used_is_refused_before_any_model_loads(
    name, case, data, no_model_load, capsys
) -> None:
    argv, words = DESTINATIONS[name]
    _refused(case, data, "views", "--data", data, *argv, capsys=capsys, words=words)


def test_an_earlier_evaluation_stays_whole_when_the_model_cannot_load(case, data, capsys) -> None:
    """Formerly --overwrite deleted the earlier views and plots first, then failed on the model."""
    argv = ["views", "--data", data, "--out", "ours", "--overwrite", "--model", "nowhere", "--device", "cpu"]
    _refused(case, data, *argv, capsys=capsys, words=("nowhere",))


# ------------------------------------------------------------------------------ doctor

DOCTOR = {
    "unknown option": (["--bogus"], ("--bogus", "videomv doctor --help")),
    "stray argument": (["extra"], ("extra", "videomv doctor --help")),
}


@pytest.mark.parametrize("name", list(DOCTOR))
def test_doctor_refuses_what_it_does_not_take(name, case, capsys) -> None:
    argv, words = DOCTOR[name]
    assert_refused(case, "doctor", *argv, capsys=capsys, words=words)


def test_doctor_reports_a_broken_library_as_a_line_and_exits_0(case, capsys, monkeypatch) -> None:
    """A check that raises (a broken driver, a half-installed package) is a line of the report, never a traceback."""
    from videomv.cli import doctor

    def broken() -> tuple[bool, str]:
        raise OSError("libcuda.so: cannot open shared object file")

    monkeypatch.setattr(doctor, "_cuda", broken)
    with nothing_changes(case):
        outcome = run_cli("doctor", "--no-gl", capsys=capsys)
    assert outcome.code == 0 and "Traceback" not in outcome.stderr
    assert any("CUDA" in line and "OSError: libcuda.so" in line for line in outcome.stdout.splitlines())
