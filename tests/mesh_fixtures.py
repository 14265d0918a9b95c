"""Shared pieces of the mesh and edit tests: a Gaussian sphere fixture and the commands' registration.

``videomv mesh`` and ``videomv edit`` are registered in ``videomv.cli.main``; until that line is in,
:func:`register_mesh_commands` adds them to the parser the tests run (a no-op once it is).
"""

from __future__ import annotations

import argparse

import pytest
import torch

from videomv.gaussians import Gaussians


def sphere_gaussians(n: int = 3000, radius: float = 0.4, scale: float = 0.03, seed: int = 0) -> Gaussians:
    """Opaque Gaussians on a sphere's surface, coloured by position (a smooth colour field)."""
    gen = torch.Generator().manual_seed(seed)
    d = torch.nn.functional.normalize(torch.randn(n, 3, generator=gen), dim=1)
    return Gaussians.from_activated(
        d * radius, torch.randn(n, 4, generator=gen), torch.full((n, 3), scale), torch.full((n,), 0.9), 0.5 + 0.4 * d
    )


@pytest.fixture
def register_mesh_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    from videomv.cli import main as cli_main
    from videomv.cli import mesh as cli_mesh

    original = cli_main.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "mesh" not in commands.choices:
            cli_mesh.add_parsers(commands)
            for command in cli_main._commands(parser):
                command.set_defaults(command_prog=command.prog)
        return parser

    monkeypatch.setattr(cli_main, "build_parser", build)
