"""The bad-input catalogue's shared checks (issue 22): every case runs a real ``videomv`` command
and asserts the promise of ``docs/reliability.md``: exit status 2, one line on stderr that starts
with ``videomv: error:`` and names what is wrong, no traceback, and nothing written, moved or
deleted under the case's folder (no output, no staging folder, pre-existing files unchanged).

Cases run the command in-process through :func:`videomv.cli.main.main` (fast: no interpreter
start-up), except the few that need a real process (signals), which use :func:`run_process`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from videomv.cli.main import main


@dataclass
class Outcome:
    """What a command did: its exit status and what it printed."""

    code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with a digest of its content (folders: ``"dir"``)."""
    tree: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            tree[key] = f"link:{os.readlink(path)}"
        elif path.is_dir():
            tree[key] = "dir"
        else:
            tree[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return tree


@contextmanager
def nothing_changes(root: Path) -> Iterator[None]:
    """Asserts that the block leaves ``root``'s tree exactly as it found it."""
    before = snapshot(root)
    yield
    after = snapshot(root)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(key for key in set(before) & set(after) if before[key] != after[key])
    assert not (added or removed or changed), f"added {added}, removed {removed}, changed {changed}"


def run_cli(*argv: object, capsys: pytest.CaptureFixture[str]) -> Outcome:
    """Runs ``videomv ARGV`` in this process and returns its exit status and output."""
    capsys.readouterr()  # drop anything printed before
    try:
        code = main([str(arg) for arg in argv])
    except SystemExit as stop:  # argparse's own errors
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def run_process(*argv: object, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """Runs ``python -m videomv.cli.main ARGV`` as a child process (for signal and exit-code cases)."""
    command = [sys.executable, "-m", "videomv.cli.main", *map(str, argv)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, **kwargs)


def assert_one_line_error(outcome: Outcome, *words: str) -> str:
    """Exit status 2 and one ``videomv: error:`` line containing each of ``words`` (any case)."""
    lines = outcome.error_lines
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.code == 2, (outcome.code, outcome.stderr)
    assert len(lines) == 1, outcome.stderr
    line = lines[0]
    assert line.startswith("videomv: error:"), line
    for word in words:
        assert word.lower() in line.lower(), f"{word!r} not in {line!r}"
    return line


def assert_refused(root: Path, *argv: object, capsys: pytest.CaptureFixture[str], words: tuple[str, ...] = ()) -> str:
    """Runs ``videomv ARGV``, asserts a one-line refusal naming ``words`` and that ``root`` is untouched.

    Returns the error line.
    """
    with nothing_changes(root):
        outcome = run_cli(*argv, capsys=capsys)
    return assert_one_line_error(outcome, *words)


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The case's folder, also the working folder, so relative paths land (or would land) in it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def no_model_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails the case if a pipeline is loaded: the refusals it guards must come first."""
    from videomv.pipelines import export

    def loaded(*args, **kwargs):
        raise AssertionError("a model was loaded before the refusal")

    monkeypatch.setattr(export, "load_pipeline", loaded)
