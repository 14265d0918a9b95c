"""One tool (issue 27): output kinds by suffix, one progress flag, the libraries quiet unless
``--verbose``, the thread count in ``doctor``, each training task's own help, ``app --open``."""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import logging

import imageio.v2 as imageio
import numpy as np
import pytest
import torch

import videomv.gaussians.video as video
from test_gaussians_fit import blob
from videomv.cli.main import _commands, build_parser, main
from videomv.gaussians import save_ply, write_frames
from videomv.gaussians.video import output_kind
from videomv.logs import is_verbose, library_progress_bars, set_verbose
from videomv.threads import configure_threads, thread_settings
from videomv.training.config import TrainConfig

HAS_GRADIO = importlib.util.find_spec("gradio") is not None


@pytest.fixture(autouse=True)
def _quiet_again():
    """Every test starts and ends in the default (quiet) mode, whatever a command set."""
    set_verbose(False)
    yield
    set_verbose(False)


def _frames(count: int, height: int, width: int) -> np.ndarray:
    """Flat grey frames of clearly different levels, so a decoded video can be matched frame by frame."""
    levels = np.linspace(30, 220, count).round().astype(np.uint8)
    return np.broadcast_to(levels[:, None, None, None], (count, height, width, 3)).copy()


# ------------------------------------------------------------------------------------ output kinds


def test_the_output_kind_follows_the_suffix(tmp_path) -> None:
    assert output_kind(tmp_path / "frames") == "folder"
    assert [output_kind(tmp_path / f"v{s}") for s in (".mp4", ".WEBM", ".gif")] == [".mp4", ".webm", ".gif"]
    (tmp_path / "run.v2").mkdir()
    assert output_kind(tmp_path / "run.v2") == "folder"  # an existing folder is one, whatever its name
    for name in ("orbit.png", "orbit.avi", "orbit.mkv"):
        with pytest.raises(ValueError, match=r"unknown output kind '\.\w+'; write \.mp4, \.webm, \.gif or a folder"):
            output_kind(tmp_path / name)


@pytest.mark.parametrize(("height", "width"), [(16, 16), (15, 17)])
def test_a_webm_is_vp9_with_every_frame(tmp_path, height, width) -> None:
    """VP9 takes odd sides (H.264 in an .mp4 does not); the frames come back in order."""
    frames = _frames(4, height, width)
    path = write_frames(frames, tmp_path / "orbit.webm", fps=8)
    reader = imageio.get_reader(path)
    assert reader.get_meta_data()["codec"] == "vp9"
    decoded = np.stack(list(reader.iter_data()))  # list(reader) asks its length: inf for a webm
    reader.close()
    assert decoded.shape == frames.shape
    assert np.abs(decoded.astype(float).mean(axis=(1, 2, 3)) - frames.mean(axis=(1, 2, 3))).max() < 4
    assert [p.name for p in tmp_path.iterdir()] == ["orbit.webm"]  # no temporary file left


def test_write_frames_refuses_what_it_cannot_write(tmp_path, monkeypatch) -> None:
    frames = _frames(2, 8, 8)
    with pytest.raises(ValueError, match=r"unknown output kind '\.png'"):
        write_frames(frames, tmp_path / "orbit.png")
    monkeypatch.setattr(video, "_ffmpeg_encoders", lambda: (frozenset({"libx264"}), "/opt/ffmpeg"))
    with pytest.raises(ValueError, match=r"/opt/ffmpeg\) has no libvpx-vp9 encoder .*write \.mp4 or \.gif"):
        write_frames(frames, tmp_path / "orbit.webm")
    assert not list(tmp_path.iterdir())
    write_frames(frames, tmp_path / "orbit.mp4")  # the encoder it has still works


def test_this_ffmpeg_lists_the_encoders_of_every_video_kind() -> None:
    encoders, _ = video._ffmpeg_encoders()
    assert {encoder for encoder in video.VIDEO_ENCODERS.values() if encoder} <= encoders


def test_render_writes_a_webm_and_shows_a_progress_bar(tmp_path, capsys) -> None:
    save_ply(blob(), tmp_path / "m.ply")
    argv = ["render", str(tmp_path / "m.ply"), "--views", "3", "--size", "16"]
    assert main([*argv, "--out", str(tmp_path / "orbit.webm")]) == 0
    captured = capsys.readouterr()
    assert "render" in captured.err and "3/3" in captured.err  # the bar, one step per frame
    assert "orbit.webm" in captured.out
    assert imageio.get_reader(tmp_path / "orbit.webm").count_frames() == 3
    assert main([*argv, "--out", str(tmp_path / "orbit.gif"), "--no-progress"]) == 0
    assert "3/3" not in capsys.readouterr().err


# ------------------------------------------------------------------------------------ flags


def test_one_progress_flag_across_commands() -> None:
    parser = build_parser()
    with_flag = set()
    for command in _commands(parser):
        shown = {s for a in command._actions if a.help != argparse.SUPPRESS for s in a.option_strings}
        assert not {s for s in shown if "progress" in s} - {"--no-progress"}, command.prog
        if "--no-progress" in shown:
            with_flag.add(command.prog)
    assert {"videomv render", "videomv fit", "videomv mesh", "videomv generate"} <= with_flag
    # The old name of fit and mesh still works, hidden, into the same option.
    assert parser.parse_args(["fit", "views", "--out", "f.ply", "--quiet-progress"]).no_progress
    assert parser.parse_args(["mesh", "m.ply", "--out", "m.glb", "--quiet-progress"]).no_progress
    assert not parser.parse_args(["mesh", "m.ply", "--out", "m.glb"]).no_progress


def test_verbose_before_or_after_the_command() -> None:
    parser = build_parser()
    assert parser.parse_args(["--verbose", "doctor"]).verbose
    assert parser.parse_args(["doctor", "--verbose"]).verbose
    assert parser.parse_args(["data", "validate", "x", "--verbose"]).verbose
    assert not parser.parse_args(["doctor"]).verbose


def test_the_libraries_are_quiet_unless_verbose() -> None:
    from diffusers.utils import logging as diffusers_logging
    from transformers.utils import logging as transformers_logging

    before = diffusers_logging.is_progress_bar_enabled(), transformers_logging.is_progress_bar_enabled()
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING  # no line per HTTP request
    with library_progress_bars():
        assert not diffusers_logging.is_progress_bar_enabled() and not transformers_logging.is_progress_bar_enabled()
    assert (diffusers_logging.is_progress_bar_enabled(), transformers_logging.is_progress_bar_enabled()) == before
    assert main(["--verbose", "doctor", "--no-gl", "--json"]) == 0 and is_verbose()
    assert logging.getLogger("httpx").level == logging.NOTSET
    with library_progress_bars():
        assert diffusers_logging.is_progress_bar_enabled() and transformers_logging.is_progress_bar_enabled()
    with library_progress_bars(allowed=False):  # --no-progress wins over --verbose
        assert not diffusers_logging.is_progress_bar_enabled()


def test_loading_a_model_shows_no_library_bars_unless_verbose(capsys) -> None:
    from videomv.pipelines.export import load_pipeline

    load_pipeline(None, "cpu")
    assert "Loading" not in capsys.readouterr().err
    set_verbose(True)
    load_pipeline(None, "cpu")
    assert "Loading pipeline components" in capsys.readouterr().err


def test_the_clip_note_names_no_hub_it_did_not_contact(tmp_path) -> None:
    from videomv.evaluation.text_metrics import TEXT_METRICS_UNAVAILABLE, ClipScorer

    del TEXT_METRICS_UNAVAILABLE[:]
    assert ClipScorer.load("no-such-org/no-such-clip") is None
    assert ClipScorer.load(tmp_path / "missing") is None
    notes = list(TEXT_METRICS_UNAVAILABLE)
    del TEXT_METRICS_UNAVAILABLE[:]
    assert len(notes) == 2 and not any("http" in note or "huggingface.co" in note for note in notes)
    assert "not in the local Hugging Face cache (nothing is downloaded)" in notes[0]
    assert f"no folder {tmp_path / 'missing'}" in notes[1]


# ------------------------------------------------------------------------------------ doctor, threads


def test_doctor_reports_the_thread_count_and_what_chose_it(capsys, monkeypatch) -> None:
    before = torch.get_num_threads()
    monkeypatch.setenv("VIDEOMV_NUM_THREADS", "1")
    try:
        assert configure_threads() == 1
        assert thread_settings()["threads"] == 1 and thread_settings()["chosen_by"] == "VIDEOMV_NUM_THREADS"
        assert main(["doctor", "--no-gl", "--json"]) == 0
        checks = {c["name"]: c for section in json.loads(capsys.readouterr().out).values() for c in section}
        detail = checks["CPU threads"]["detail"]
        assert detail.startswith("1 of ") and "chosen by VIDEOMV_NUM_THREADS" in detail
        torch.set_num_threads(2)  # set behind configure_threads' back: reported as torch's own
        assert thread_settings()["chosen_by"] == "torch's default"
    finally:
        torch.set_num_threads(before)


# ------------------------------------------------------------------------------------ train, app


def _options(text: str) -> set[str]:
    return {word.split("=")[0] for word in text.split() if word.startswith("--")}


def test_each_training_task_has_its_own_help(capsys) -> None:
    assert main(["train", "diffusion", "--help"]) == 0
    diffusion = capsys.readouterr().out
    assert main(["train", "reconstructor", "-h"]) == 0
    reconstructor = capsys.readouterr().out
    assert "--prediction-type {epsilon,v_prediction}" in diffusion and "--num-input-views" not in diffusion
    assert "--num-input-views N" in reconstructor and "--prediction-type" not in reconstructor
    # Each option with its default and the config's own comment on it.
    assert "Probability of dropping the condition" in " ".join(diffusion.split())
    assert "(default 0.1)" in " ".join(diffusion.split())
    fields = {f"--{f.name.replace('_', '-')}" for f in dataclasses.fields(TrainConfig)}
    assert fields <= _options(diffusion) | _options(reconstructor)
    assert "tiny-cpu-joint" in diffusion and "reconstructor-tiny" not in diffusion


def test_train_takes_no_progress_and_verbose_after_the_task(tmp_path, monkeypatch) -> None:
    import videomv.training.loop
    import videomv.training.runs

    seen = {}

    def fake_run(config, resume=None, progress=True, accelerator=None):
        seen.update(progress=progress, verbose=is_verbose(), steps=config.max_steps)
        return videomv.training.runs.TrainResult(step=0, stopped=False, final=None, losses=[], steps_per_second=0.0)

    monkeypatch.setattr(videomv.training.runs, "run", fake_run)
    monkeypatch.setattr(
        videomv.training.loop, "make_accelerator", lambda config: argparse.Namespace(is_main_process=True)
    )
    argv = ["train", "diffusion", "--preset", "tiny-cpu", "--output-dir", str(tmp_path / "run"), "--max-steps", "3"]
    assert main([*argv, "--no-progress", "--verbose"]) == 0
    assert seen == {"progress": False, "verbose": True, "steps": 3}


@pytest.mark.skipif(not HAS_GRADIO, reason="gradio not installed (pip install '.[app]')")
def test_app_open_opens_the_browser_once_the_page_answers(tmp_path, monkeypatch, capsys) -> None:
    import webbrowser

    import gradio as gr
    import httpx

    from videomv.app import AppLimits, Workspace
    from videomv.app.ui import launch_app

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append((url, httpx.get(url, timeout=30).status_code)))
    workspace = Workspace(AppLimits(), parent=tmp_path)
    with gr.Blocks() as demo:
        gr.Markdown("videomv")
    try:
        _, url, _ = launch_app(demo, workspace, AppLimits(), port=None, block=False, open_browser=True)
    finally:
        demo.close()
        workspace.close()
    assert opened == [(url, 200)]
    out = capsys.readouterr().out
    assert f"videomv app: open {url}" in out and "share=True" not in out  # Gradio's share hint: --verbose only


def test_app_command_passes_open_and_verbose(monkeypatch) -> None:
    import videomv.app.ui as ui
    import videomv.pipelines.export as export

    seen = {}
    monkeypatch.setattr(ui, "_gradio", lambda: None)
    monkeypatch.setattr(export, "load_pipeline", lambda *a, **k: argparse.Namespace(device="cpu"))
    monkeypatch.setattr(ui, "build_app", lambda *a, **k: "demo")
    monkeypatch.setattr(ui, "launch_app", lambda demo, *a, **k: seen.update(k))
    monkeypatch.setattr("signal.signal", lambda *a: None)  # run_app's SIGTERM handler would outlive the test
    assert main(["app", "--open", "--verbose"]) == 0
    assert seen["open_browser"] is True and seen["verbose"] is True
    assert main(["app"]) == 0
    assert seen["open_browser"] is False and seen["verbose"] is False
