"""Staged folders: all or nothing, with the permissions of a normal new folder."""

from __future__ import annotations

import os
import stat

import pytest

from videomv.fileio import staged_folder


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
