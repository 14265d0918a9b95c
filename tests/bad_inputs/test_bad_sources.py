"""Catalogue: ``videomv data build --source debian-0ad`` where the package cannot be had or read.

Each case is a refusal: exit status 2 and one ``videomv: error:`` line saying what to do, and
nothing under the case's folder changes (no cache folder, no dataset folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_refused
from videomv.data import debian


def build(*extra: str) -> tuple[str, ...]:
    return ("data", "build", "--source", "debian-0ad", "--out", "dataset", *extra)


def test_build_without_apt_names_the_missing_tools(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(case / "no-tools"))
    assert_refused(case, *build("--cache", "cache"), capsys=capsys, words=("apt-get", "dpkg-deb", "not on PATH"))


def test_build_with_a_damaged_unpacked_archive_says_to_unpack_again(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = debian.package_root(case / "cache") / debian.ARCHIVE
    archive.parent.mkdir(parents=True)
    archive.write_bytes(b"PK not really a zip")
    assert_refused(case, *build("--cache", "cache"), capsys=capsys, words=("public.zip", "damaged archive", "delete"))


def test_build_with_an_unpack_missing_its_archive_says_to_unpack_again(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    debian.package_root(case / "cache").mkdir(parents=True)
    assert_refused(case, *build("--cache", "cache"), capsys=capsys, words=("public.zip is missing", "delete"))


def test_build_with_a_cache_that_is_a_file(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "cache").write_text("not a folder")
    assert_refused(case, *build("--cache", "cache"), capsys=capsys, words=("--cache cache", "is a file"))
