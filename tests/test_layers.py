"""The package's layer rule (shared/DESIGN.md §3), read from its own imports with ``ast``.

Data flows one way: a module may import its own part (top-level subpackage or module) and the
parts of lower layers, never a part of its own layer or of a higher one, and no two modules may
import each other through any chain. Every import of ours counts: at module level, inside a
function (a lazy import still runs, and still ties the rooms together), under ``TYPE_CHECKING``,
and the submodules a package names in ``_lazy.attach``. Heavy optional dependencies (gsplat,
open_clip, gradio, …) are imported where used, but they are not ours, so they are not in the graph.

The order below is the design's, with two refinements the code needs: the top-level helper modules
(``fileio``, ``safe_load``, ``threads``, ``logs``, ``_lazy``) sit beside ``cameras`` and ``gaussians`` at the
bottom (all of them import nothing else of ours, so every layer above may use them), and ``app`` sits
below ``cli`` (``videomv app`` starts the web app). The package root holds only ``__version__``.
"""

from __future__ import annotations

import ast
import functools
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import videomv

SOURCE = Path(videomv.__file__).parent

# Lowest first. Parts of one layer are independent of each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("videomv",),  # the package root: __version__
    ("cameras", "gaussians", "fileio", "safe_load", "threads", "logs", "_lazy"),
    ("data",),
    ("models",),
    ("sampling",),
    ("pipelines",),
    ("training", "evaluation"),
    ("app",),
    ("cli",),
    ("__main__",),  # python -m videomv: the command
)


@dataclass(frozen=True)
class Import:
    """One import of one of our modules by another."""

    source: str  # importing module, dotted
    target: str  # imported module (a package stands for its __init__), dotted
    file: Path
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.source} imports {self.target}"


def module_name(file: Path, root: Path) -> str:
    """Dotted name of ``file`` inside the package folder ``root`` (a package is its ``__init__``)."""
    parts = [root.name, *file.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module a ``from … import`` names (relative levels resolved)."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _lazy_exports(node: ast.Call) -> list[str]:
    """Submodules named by ``attach(__name__, {"submodule": [...]})`` (see ``videomv._lazy``)."""
    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
    if name != "attach" or len(node.args) < 2 or not isinstance(node.args[1], ast.Dict):
        return []
    return [key.value for key in node.args[1].keys if isinstance(key, ast.Constant)]


@functools.cache
def _statements(text: str, source: str, is_package: bool) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """``(line, base, names)`` per import in a module's text: ``base`` is the imported module for
    ``import``/``attach`` (no names) and the ``from`` module otherwise. Cached on the text, so a copy
    of the package is read at the cost of its changed files only."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, _resolve(source, is_package, node), tuple(a.name for a in node.names)))
        elif isinstance(node, ast.Call) and is_package:
            found += [(node.lineno, f"{source}.{sub}", ()) for sub in _lazy_exports(node)]
    return tuple(found)


def file_imports(file: Path, root: Path, modules: set[str]) -> list[Import]:
    """Every import of a module in ``modules`` that ``file`` makes, wherever it stands in the file."""
    source = module_name(file, root)
    found = []
    for line, base, names in _statements(file.read_text(encoding="utf-8"), source, file.name == "__init__.py"):
        # `from pkg import sub` imports the submodule; `from pkg import name` the package itself.
        targets = [f"{base}.{name}" if f"{base}.{name}" in modules else base for name in names] or [base]
        for target in dict.fromkeys(targets):
            if target in modules and target != source:
                found.append(Import(source, target, file, line))
    return found


def package_imports(root: Path) -> list[Import]:
    """All imports between the modules of the package folder ``root``."""
    files = sorted(root.rglob("*.py"))
    modules = {module_name(f, root) for f in files}
    return [imp for f in files for imp in file_imports(f, root, modules)]


def part_of(module: str) -> str:
    """The room a module belongs to: its top-level subpackage or module (``videomv`` for the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layer_violations(imports: list[Import], layers: tuple[tuple[str, ...], ...] = LAYERS) -> list[str]:
    """One line per import that goes up or sideways, or that involves a part no layer holds."""
    rank = {part: i for i, layer in enumerate(layers) for part in layer}
    problems = []
    for imp in imports:
        source, target = part_of(imp.source), part_of(imp.target)
        if source == target:
            continue
        for part in (source, target):
            if part not in rank:
                problems.append(f"{imp}: part {part!r} is in no layer; add it to LAYERS in tests/test_layers.py")
                break
        else:
            if rank[target] >= rank[source]:
                where = "a higher layer" if rank[target] > rank[source] else "a part of its own layer"
                problems.append(f"{imp}: {source} may not import {target} ({where})")
    return sorted(set(problems))


def import_cycles(imports: list[Import]) -> list[list[Import]]:
    """One closed chain of imports per strongly connected group of modules (Tarjan's algorithm)."""
    graph: dict[str, dict[str, Import]] = {}
    for imp in imports:
        graph.setdefault(imp.source, {}).setdefault(imp.target, imp)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        # Recursion depth is bounded by the package's module count (a few hundred).
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_chain(graph, group) for group in groups]


def _chain(graph: dict[str, dict[str, Import]], group: list[str]) -> list[Import]:
    """A shortest closed chain of imports through the group's first module (breadth-first)."""
    start, members = group[0], set(group)
    came_from: dict[str, Import] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt, imp in sorted(graph.get(node, {}).items()):
                if nxt == start:
                    chain = [imp]
                    while chain[0].source != start:
                        chain.insert(0, came_from[chain[0].source])
                    return chain
                if nxt in members and nxt not in came_from:
                    came_from[nxt] = imp
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"{group} is not a cycle")  # unreachable for a strongly connected group


def describe_cycles(cycles: list[list[Import]]) -> list[str]:
    """One line per cycle: the chain of imports that closes it."""
    return [" → ".join(str(imp) for imp in chain) for chain in cycles]


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return package_imports(SOURCE)


def test_no_import_goes_up_or_sideways(imports):
    problems = layer_violations(imports)
    assert not problems, "\n".join(problems)


def test_no_import_cycles(imports):
    cycles = describe_cycles(import_cycles(imports))
    assert not cycles, "\n".join(cycles)


def test_the_graph_sees_every_kind_of_import(imports):
    # Sanity of the reader on the real package: a nested import, a lazy attach entry and a
    # `from package import submodule` each show up as the edge they are.
    edges = {(imp.source, imp.target) for imp in imports}
    assert ("videomv.training", "videomv.training.loop") in edges  # attach()
    assert ("videomv.gaussians._fused", "videomv.gaussians._fused_kernels") in edges  # nested `from . import`
    assert ("videomv.cli.main", "videomv.cli.train") in edges  # `from . import train`
    assert ("videomv.pipelines.videomv", "videomv.models") in edges  # a name the package re-exports
    assert not any(imp.target == "videomv.cli" for imp in imports if imp.source == "videomv.cli.main")


# The test of the test: a copy of the package with one throwaway module added.


def _write(root: Path, relative: str, text: str) -> Path:
    file = root / relative
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def _not_python(folder: Path, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or not (n.endswith(".py") or (folder / n).is_dir())]


@pytest.fixture
def package_copy(tmp_path) -> Path:
    copy = tmp_path / "videomv"
    # Python files only: the shipped weights and web assets are not read.
    shutil.copytree(SOURCE, copy, ignore=lambda folder, names: _not_python(Path(folder), names))
    return copy


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        # A lazy import inside a function still goes up.
        (
            "cameras/_throwaway.py",
            "def f():\n    from ..training import loop\n",
            "videomv.cameras._throwaway imports videomv.training.loop: cameras may not import training",
        ),
        # Sideways inside the bottom layer: gaussians import nothing of ours.
        ("gaussians/_throwaway.py", "from ..fileio import write_bytes_atomic\n", "gaussians may not import fileio"),
        # Only under TYPE_CHECKING, still an upward dependency.
        (
            "models/_throwaway.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import videomv.pipelines.videomv\n",
            "models may not import pipelines",
        ),
        # Siblings of one layer stay apart.
        ("evaluation/_throwaway.py", "from videomv.training import config\n", "evaluation may not import training"),
    ],
)
def test_an_added_upward_import_is_named(package_copy, relative, text, expected):
    assert layer_violations(package_imports(package_copy)) == []
    file = _write(package_copy, relative, text)
    problems = layer_violations(package_imports(package_copy))
    assert len(problems) == 1 and expected in problems[0] and problems[0].startswith(f"{file}:"), problems


def test_an_unplaced_part_is_named(package_copy):
    _write(package_copy, "newroom/__init__.py", "from ..cameras import Cameras\n")
    (problem,) = layer_violations(package_imports(package_copy))
    assert "part 'newroom' is in no layer" in problem


def test_an_added_cycle_is_named(package_copy):
    assert import_cycles(package_imports(package_copy)) == []
    # Two modules of one part (no layer rule broken), tied through a lazy import.
    _write(package_copy, "data/_a.py", "from ._b import B\nA = 1\n")
    b = _write(package_copy, "data/_b.py", "B = 2\n\n\ndef f():\n    from ._a import A\n    return A\n")
    imports = package_imports(package_copy)
    assert layer_violations(imports) == []
    (cycle,) = describe_cycles(import_cycles(imports))
    assert "videomv.data._a imports videomv.data._b → " in cycle
    assert cycle.endswith(f"{b}:5: videomv.data._b imports videomv.data._a")


def test_a_cycle_through_a_package_init_is_found(tmp_path):
    # `from . import name` re-exported by the package's __init__ ties the module to that __init__.
    root = tmp_path / "videomv"
    _write(root, "__init__.py", "")
    _write(root, "models/__init__.py", "from .unet import Unet\nfrom .embed import Embed\n")
    _write(root, "models/embed.py", "class Embed: ...\n")
    _write(root, "models/unet.py", "from . import Embed\n\n\nclass Unet: ...\n")
    (cycle,) = import_cycles(package_imports(root))
    assert [(imp.source, imp.target) for imp in cycle] == [
        ("videomv.models", "videomv.models.unet"),
        ("videomv.models.unet", "videomv.models"),
    ]


def test_training_names_are_exported_where_users_import_them():
    import videomv.training
    from videomv.training import reconstructor, runs

    assert videomv.training.train_reconstructor is reconstructor.train_reconstructor
    assert videomv.training.ReconstructorTrainingConfig is reconstructor.ReconstructorTrainingConfig
    assert videomv.training.run is runs.run and videomv.training.export_checkpoint is runs.export_checkpoint
    assert all(getattr(videomv.training, name) is not None for name in videomv.training.__all__)


def test_a_name_moved_out_of_models_says_where_it_went():
    with pytest.raises(ImportError, match=r"moved to videomv.training: use `from videomv.training import"):
        from videomv.models import train_reconstructor  # noqa: F401
    with pytest.raises(AttributeError):
        import videomv.models

        _ = videomv.models.no_such_name
