"""Staged folders: all or nothing, with the permissions of a normal new folder."""

from __future__ import annotations

import os
import stat

import pytest

from videomv import fileio
from videomv.fileio import replace_folder, staged_folder


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_staged_folder_replaces_the_target_with_normal_permissions(tmp_path, umask_022):
    target = tmp_path / "out"
    target.mkdir()
    (target / "old.txt").write_text("old")
    with staged_folder(target) as staging:
        assert staging.parent == tmp_path and not staging.samefile(target)
        (staging / "new.txt").write_text("new")
    assert sorted(p.name for p in target.iterdir()) == ["new.txt"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o755  # not mkdtemp's 0700
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging or trash left


def test_a_failed_block_leaves_the_old_target_and_nothing_else(tmp_path):
    target = tmp_path / "nested" / "out"
    target.mkdir(parents=True)
    (target / "old.txt").write_text("old")
    with pytest.raises(RuntimeError, match="disk full"), staged_folder(target) as staging:
        (staging / "half.txt").write_text("half")
        raise RuntimeError("disk full")
    assert (target / "old.txt").read_text() == "old" and sorted(p.name for p in target.iterdir()) == ["old.txt"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["out"]


def test_a_failed_block_removes_the_parent_folders_it_made(tmp_path):
    with pytest.raises(RuntimeError), staged_folder(tmp_path / "new" / "deep" / "out") as staging:
        assert f".out.videomv-{os.getpid()}-" in staging.name  # named by its process, for stale cleanup
        raise RuntimeError("stopped")
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_swap_puts_the_old_folder_back(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "old.txt").write_text("old")
    with pytest.raises(FileNotFoundError):
        replace_folder(tmp_path / "vanished", target)  # the second rename fails after the first moved `out` aside
    assert (target / "old.txt").read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_stale_staging_is_judged_by_pid_and_machine(tmp_path):
    target = tmp_path / "out"
    host = fileio._host_tag()
    mine = tmp_path / f".out.videomv-{os.getpid()}-{host}-abc.tmp"
    dead = tmp_path / f".out.videomv-{2**22 + 7}-{host}-abc.tmp"  # above Linux's largest pid: never running
    lookalike = tmp_path / f".out.videomv-{2**22 + 7}-{host}-abc.tmp.bak"
    for folder in (mine, dead, lookalike):
        folder.mkdir()
    assert fileio.remove_stale_staging(target) == [dead]
    assert mine.is_dir() and lookalike.is_dir() and not dead.exists()
