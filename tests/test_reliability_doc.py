"""docs/reliability.md names the test that holds each promise: every name it gives must exist."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).parent
DOC = TESTS.parent / "docs" / "reliability.md"
# `file.py::test_name`, or `…::test_name` for the file named last before it.
NAMED_TEST = re.compile(r"`([^`]*?)::(\w+)`")


def named_tests(text: str) -> list[tuple[str, str]]:
    """``(file, test)`` for each test the document names, with ``…`` resolved to the file named before."""
    named, last = [], None
    for match in NAMED_TEST.finditer(text):
        file, test = match.groups()
        last = last if file == "…" else file
        named.append((last, test))
    return named


def test_every_test_the_reliability_table_names_exists() -> None:
    named = named_tests(DOC.read_text())
    assert len(named) > 50
    missing = [
        f"{file}::{test}"
        for file, test in named
        if file is None or not (TESTS / file).is_file() or f"def {test}(" not in (TESTS / file).read_text()
    ]
    assert not missing, f"docs/reliability.md names tests that do not exist: {missing}"
