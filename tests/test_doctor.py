"""``videomv doctor``: every check reported, never a crash, and the backends it names are the ones used."""

from __future__ import annotations

import json

import torch

from videomv.cli import doctor
from videomv.cli.main import main
from videomv.gaussians.rasterize import select_backend
from videomv.pipelines.export import DEFAULT_MODEL

INSTALLED = [
    "videomv", "torch", "CUDA", "diffusers", "gsplat", "pyrender", "EGL", "ffmpeg", "gradio", "playwright",
    "chromium", "default model",
]  # fmt: skip
BACKENDS = [
    "device (--device auto)",
    "CPU threads",
    "rasterizer (backend='auto')",
    "mesh renderer (data render)",
    "web app (videomv app)",
]


def test_doctor_prints_a_table_of_every_check(capsys) -> None:
    assert main(["doctor", "--no-gl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "installed:" and lines[len(INSTALLED) + 1] == "backends:"
    names = [line[2:].split("  ")[0].strip() for line in lines if line.startswith("  ")]
    assert names == INSTALLED + BACKENDS
    assert all(line.split()[-1] for line in lines)  # no empty detail
    assert any(line.startswith("  torch") and " ok " in line for line in lines)


def test_doctor_json_names_the_backends_that_are_used(capsys) -> None:
    assert main(["doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    checks = {c["name"]: c for section in report.values() for c in section}
    cuda = torch.cuda.is_available()
    assert checks["CUDA"]["ok"] is cuda
    device = "cuda" if cuda else "cpu"
    assert checks["device (--device auto)"]["detail"].startswith(device)
    backend = select_backend("auto", torch.device(device))
    assert checks["rasterizer (backend='auto')"]["detail"].startswith(f"{backend} on {device}")
    egl, renderer = checks["EGL"], checks["mesh renderer (data render)"]
    assert renderer["ok"] is egl["ok"] and ("pyrender on EGL" in renderer["detail"]) is egl["ok"]
    for name in ("gsplat", "gradio", "playwright", "chromium"):
        assert checks[name]["ok"] or "install" in checks[name]["detail"], name


def test_a_failing_check_becomes_a_line_not_a_crash() -> None:
    def broken() -> tuple[bool, str]:
        raise RuntimeError("driver exploded")

    assert doctor._guard("thing", broken) == doctor.Check("thing", False, "RuntimeError: driver exploded")


def test_doctor_knows_where_the_default_model_lives() -> None:
    # doctor avoids importing the pipeline (seconds) and keeps its own copy of this path.
    assert doctor.DEFAULT_MODEL == DEFAULT_MODEL
