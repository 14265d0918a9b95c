"""Catalogue: mistakes on the command line itself (argparse), each one line naming the command's --help."""

from __future__ import annotations

import pytest

from conftest import assert_refused, run_cli

CASES = {
    "unknown command": (["nope"], ("invalid choice", "'nope'", "videomv --help")),
    "unknown option": (["generate", "--prompt", "a cup", "--bogus"], ("--bogus", "videomv generate --help")),
    "stray positional": (["generate", "--prompt", "a cup", "extra"], ("extra", "videomv generate --help")),
    "not an integer": (["generate", "--prompt", "a cup", "--views", "x"], ("--views", "'x'")),
    "not a number": (["generate", "--prompt", "a cup", "--guidance", "high"], ("--guidance", "'high'")),
    "required argument missing": (["data", "render"], ("required", "videomv data render --help")),
    "subcommand missing": (["data"], ("required", "videomv data --help")),
    "unknown option of a nested command": (
        ["train", "export", "--resume", "run", "--out", "x", "--bogus"],
        ("--bogus",),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_command_line_mistake_is_one_line(case, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    argv, words = CASES[case]
    assert_refused(tmp_path, *argv, capsys=capsys, words=words)


def test_a_stop_signal_ends_a_command_like_ctrl_c(capsys, monkeypatch) -> None:
    """SIGTERM reaches the command as an exception (so its cleanups run) and exits 128 + 15 with one line."""
    import os
    import signal

    from videomv.cli import doctor

    cleaned = []

    def stopped_mid_work(args) -> int:
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            raise AssertionError("the signal did not interrupt the command")
        finally:
            cleaned.append(True)

    monkeypatch.setattr(doctor, "run_doctor", stopped_mid_work)
    outcome = run_cli("doctor", capsys=capsys)
    assert outcome.code == 128 + signal.SIGTERM and cleaned == [True]
    assert outcome.error_lines == ["videomv: stopped by SIGTERM"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # handed back after the command


def test_a_bad_thread_count_is_one_line_before_torch_loads(tmp_path) -> None:
    """``VIDEOMV_NUM_THREADS`` is read by the console script's entry, before anything else runs."""
    import os

    from conftest import run_process

    env = {**os.environ, "VIDEOMV_NUM_THREADS": "two"}
    done = run_process("doctor", cwd=tmp_path, env=env)
    assert done.returncode == 2 and not list(tmp_path.iterdir())
    assert done.stderr.strip().splitlines() == [
        "videomv: error: VIDEOMV_NUM_THREADS='two': give a positive whole number of threads"
    ]


def test_a_message_of_several_lines_is_printed_as_one(capsys, monkeypatch) -> None:
    from videomv.cli import doctor

    def fails(args) -> int:
        raise ValueError("a library's message\n  spread over\n\nlines")

    monkeypatch.setattr(doctor, "run_doctor", fails)
    outcome = run_cli("doctor", capsys=capsys)
    assert outcome.code == 2 and outcome.error_lines == ["videomv: error: a library's message spread over lines"]
