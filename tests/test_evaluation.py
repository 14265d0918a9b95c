"""``videomv eval`` end to end on a tiny random pipeline and tiny data; baselines, ablations, failures."""

from __future__ import annotations

import json
import math

import pytest
import torch

from test_pipeline_3d_aware import SIZE, tiny_pipeline
from videomv.cameras import orbit
from videomv.cli.main import main
from videomv.data.format import MultiViewSample, read_sample, write_sample
from videomv.evaluation import data_objects, zero_camera_embedding
from videomv.evaluation.methods import CopyInputMethod, ExternalMethod, parse_methods
from videomv.evaluation.report import to_json
from videomv.pipelines import VideoMVPipeline

VIEWS, DATA_SIZE = 4, 32
FAST = ["--steps", "2", "--no-progress", "--device", "cpu"]
CAPTIONS = {"red_sphere": ("a red sphere", (0.82, 0.16, 0.16)), "blue_box": ("a blue box", (0.16, 0.31, 0.82))}


def disc_views(color: tuple[float, float, float], size: int = DATA_SIZE) -> torch.Tensor:
    """``(VIEWS, 4, size, size)`` RGBA: a coloured disc moving across the frame with the azimuth."""
    rows, cols = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    views = torch.zeros(VIEWS, 4, size, size)
    for i in range(VIEWS):
        inside = ((rows - size / 2) ** 2 + (cols - size / 2 - 3 * (i - 1.5)) ** 2) < (size / 4) ** 2
        views[i, :3] = torch.tensor(color)[:, None, None] * (0.8 + 0.2 * rows / size)  # some shading
        views[i, 3] = inside.float()
    return views


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """Two good held-out objects, one broken one, and one training object, with index.json."""
    root = tmp_path_factory.mktemp("data")
    cameras = orbit(VIEWS, 15.0, 1.7, size=DATA_SIZE)
    entries = []
    for name, (caption, color) in CAPTIONS.items():
        write_sample(root / "heldout" / name, MultiViewSample(disc_views(color), cameras, caption))
        entries.append({"path": f"heldout/{name}", "split": "heldout"})
    write_sample(root / "train" / "other", MultiViewSample(disc_views((0.2, 0.7, 0.2)), cameras, "a green sphere"))
    entries.append({"path": "train/other", "split": "train"})
    broken = root / "heldout" / "broken"
    broken.mkdir(parents=True)
    (broken / "cameras.json").write_text("{not json")
    entries.append({"path": "heldout/broken", "split": "heldout"})
    (root / "index.json").write_text(json.dumps({"samples": entries}))
    return root


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("models")
    tiny_pipeline(image=True).save_pretrained(root / "image")
    tiny_pipeline().save_pretrained(root / "text")
    return {"image": root / "image", "text": root / "text"}


def _run(*argv) -> int:
    return main(["-q", *map(str, argv)])


def _finite(value) -> bool:
    return isinstance(value, float) and math.isfinite(value)


def _check_outputs(out, protocol: str) -> dict:
    record = json.loads((out / "metrics.json").read_text())  # strict JSON: no Infinity / NaN literals
    assert record["protocol"] == protocol
    assert {"videomv", "torch", "diffusers", "torchmetrics"} <= set(record["versions"])
    assert record["settings"]["seed"] == 0
    report = (out / "report.md").read_text()
    assert report.startswith(f"# videomv evaluation: {protocol}") and "| method |" in report
    assert (out / "plots" / "metrics_vs_azimuth.png").stat().st_size > 1000
    return record


def test_views_protocol_end_to_end_with_baselines_and_a_broken_object(tmp_path, dataset, models) -> None:
    out = tmp_path / "eval"
    methods = "model,plain,no-camera,copy-input"
    args = ["--data", dataset, "--split", "heldout", "--model", models["image"], "--methods", methods, "--out", out]
    assert _run("eval", "views", *args, *FAST) == 0
    record = _check_outputs(out, "views")

    # The broken object is reported, the two good ones are scored by every method.
    assert record["objects"]["heldout/broken"]["status"] == "failed"
    assert [f["object"] for f in record["failures"]] == ["heldout/broken"]
    assert "heldout/broken" in (out / "report.md").read_text()
    for name in ("heldout/blue_box", "heldout/red_sphere"):
        entry = record["objects"][name]
        assert entry["status"] == "ok" and entry["azimuth"] == [0.0, 90.0, 180.0, 270.0]
        for method in methods.split(","):
            result = entry["methods"][method]
            assert result["status"] == "ok", result
            assert len(result["per_view"]["psnr"]) == VIEWS
            assert 0.0 < result["mean"]["psnr"] < 60.0 and -1.0 <= result["mean"]["ssim"] <= 1.0
            assert _finite(result["mean"]["psnr_masked"]) and _finite(result["mean"]["ssim_masked"])
        # Copying the input view reproduces view 0 exactly, and only view 0.
        copy = entry["methods"]["copy-input"]["per_view"]
        assert copy["psnr"][0] == "inf" and copy["ssim"][0] == pytest.approx(1.0)
        assert all(_finite(v) for v in copy["psnr"][1:])
    summary = record["summary"]
    assert summary["model"]["objects"] == 2 and summary["model"]["failed"] == 1
    assert record["method_settings"]["plain"]["three_d_aware"] is False
    assert record["method_settings"]["model"]["three_d_aware"] is True
    assert record["method_settings"]["no-camera"]["camera_embedding"] is False
    assert (out / "plots" / "plain_vs_3d_aware.png").is_file()
    assert (out / "plots" / "objects" / "heldout__red_sphere.png").is_file()
    saved = out / "views" / "model" / "heldout" / "red_sphere"
    assert sorted(p.name for p in saved.glob("*.png")) == [f"{i:03d}.png" for i in range(VIEWS)]

    # The saved views, scored again as an external method, give the model's numbers (up to 8-bit PNGs).
    again = tmp_path / "again"
    external = ["--methods", f"external:{out / 'views' / 'model'}", "--size", SIZE]
    assert _run("eval", "views", "--data", dataset, "--split", "heldout", *external, "--out", again, *FAST) == 0
    rescored = json.loads((again / "metrics.json").read_text())
    for name in ("heldout/blue_box", "heldout/red_sphere"):
        original = record["objects"][name]["methods"]["model"]["mean"]["psnr"]
        assert rescored["objects"][name]["methods"]["external:model"]["mean"]["psnr"] == pytest.approx(
            original, abs=0.3
        )

    # A second run into the same folder needs --overwrite.
    assert _run("eval", "views", *args, *FAST) == 2


def test_consistency_protocol_fits_and_reconstructs(tmp_path, dataset, models) -> None:
    out = tmp_path / "consistency"
    args = ["--data", dataset, "--split", "heldout", "--model", models["image"], "--limit", 1]
    args += ["--fit-steps", 20, "--fit-gaussians", 300]
    assert _run("eval", "consistency", *args, "--methods", "model,ground-truth", "--out", out, *FAST) == 0
    record = _check_outputs(out, "consistency")
    assert record["headline"] == ["fit_psnr", "fit_ssim", "fit_lpips", "recon_psnr", "recon_ssim", "recon_lpips"]
    result = record["objects"]["heldout/blue_box"]["methods"]["ground-truth"]
    assert result["fit_views"] == [0, 2] and result["recon_views"] == [0, 1, 2, 3]  # tiny reconstructor: 4 inputs
    fit = result["per_view"]["fit_psnr"]
    assert fit[0] is None and fit[2] is None and _finite(fit[1]) and _finite(fit[3])  # odd views scored
    assert all(_finite(v) for v in result["per_view"]["recon_psnr"])
    assert _finite(record["summary"]["model"]["fit_psnr"]) and _finite(record["summary"]["model"]["recon_ssim"])


def test_consistency_of_a_baseline_alone_uses_the_shipped_reconstructor(tmp_path, dataset) -> None:
    out = tmp_path / "consistency"
    args = ["--data", dataset, "--split", "heldout", "--limit", 1, "--fit-steps", 5, "--fit-gaussians", 100]
    assert _run("eval", "consistency", *args, "--methods", "ground-truth", "--out", out, *FAST) == 0
    record = json.loads((out / "metrics.json").read_text())
    assert record["settings"]["model"] == "default"
    assert _finite(record["summary"]["ground-truth"]["recon_psnr"])


def test_text_protocol_checks_prompts_without_weights(tmp_path, dataset, models) -> None:
    out = tmp_path / "text"
    args = ["--data", dataset, "--split", "heldout", "--model", models["text"], "--clip", tmp_path / "no-clip"]
    assert _run("eval", "text", *args, "--methods", "model,ground-truth", "--out", out, *FAST) == 0
    record = _check_outputs(out, "text")
    truth = record["objects"]["heldout/red_sphere"]["methods"]["ground-truth"]
    assert truth["mean"]["color_match"] == 1.0 and truth["prompt_check"]["named_shape"] == "sphere"
    assert truth["mean"]["clip_score"] is None  # no CLIP weights: skipped ...
    assert any(note.startswith("CLIP score skipped") for note in record["notes"])  # ... with a note
    assert record["objects"]["heldout/blue_box"]["methods"]["model"]["status"] == "ok"


def test_text_protocol_from_prompts(tmp_path, models) -> None:
    out = tmp_path / "prompts"
    args = ["--prompt", "a green cone", "--prompt", "a lamp", "--model", models["text"], "--views", VIEWS]
    assert _run("eval", "text", *args, "--out", out, *FAST) == 0
    record = json.loads((out / "metrics.json").read_text())
    assert record["objects"]["prompt_000"]["caption"] == "a green cone"
    assert record["objects"]["prompt_001"]["methods"]["model"]["prompt_check"] is None  # not a procedural prompt


def test_zeroing_the_camera_embedding_runs_the_bare_video_model() -> None:
    unet = tiny_pipeline().unet
    sample = torch.randn(1, 3, VIEWS, SIZE, SIZE, generator=torch.Generator().manual_seed(0))
    text = torch.randn(1, 4, 8)
    cameras = unet.camera_inputs(orbit(VIEWS, 15.0, 2.0, size=SIZE))
    with torch.no_grad():
        with_camera = unet(sample, 10, text, camera_embedding=cameras).sample
        bare = unet(sample, 10, text).sample
        with zero_camera_embedding(unet):
            zeroed = unet(sample, 10, text, camera_embedding=cameras).sample
        after = unet(sample, 10, text, camera_embedding=cameras).sample
    assert not torch.allclose(with_camera, bare)
    torch.testing.assert_close(zeroed, bare)
    torch.testing.assert_close(after, with_camera)  # the hook is gone


def test_views_default_to_the_models_view_count_at_most_the_datas(tmp_path, dataset, models) -> None:
    def sources(**kwargs) -> list[int]:
        return data_objects(dataset, "heldout", **kwargs)[0].load().source_views

    assert sources() == [0, 1, 2, 3]
    assert sources(default_views=2) == [0, 2]
    assert sources(default_views=8) == [0, 1, 2, 3]  # the data has only 4
    assert sources(num_views=4, default_views=2) == [0, 1, 2, 3]  # --views wins

    # A model trained on 2 views is scored on 2 of the data's 4 unless --views says otherwise
    # (without its reconstructor, which takes 4 views).
    pipe = VideoMVPipeline.from_pretrained(models["image"])
    pipe.register_to_config(num_views=2)
    pipe.register_modules(reconstructor=None)
    pipe.save_pretrained(tmp_path / "two-view")
    args = ["--data", dataset, "--split", "heldout", "--model", tmp_path / "two-view", "--methods", "model"]
    assert _run("eval", "views", *args, "--limit", 1, "--out", tmp_path / "default", *FAST) == 0
    assert _run("eval", "views", *args, "--limit", 1, "--views", 4, "--out", tmp_path / "four", *FAST) == 0
    for name, azimuths in (("default", [0.0, 180.0]), ("four", [0.0, 90.0, 180.0, 270.0])):
        record = json.loads((tmp_path / name / "metrics.json").read_text())
        assert record["objects"]["heldout/blue_box"]["azimuth"] == azimuths


def test_external_views_must_match_the_evaluated_views(tmp_path, dataset) -> None:
    obj = data_objects(dataset, "heldout", num_views=2)[0].load()
    assert obj.source_views == [0, 2]
    full = tmp_path / "external" / "blue_box"
    write_sample(full, MultiViewSample(disc_views((0.0, 0.0, 1.0)), orbit(VIEWS, 15.0, 1.7, size=DATA_SIZE)))
    # RGB on white and the stored alpha (the consistency fit uses it).
    assert ExternalMethod(tmp_path / "external").generate(obj, 0).shape == (2, 4, DATA_SIZE, DATA_SIZE)
    write_sample(full, MultiViewSample(disc_views((0.0, 0.0, 1.0))[:3], orbit(3, 15.0, 1.7, size=DATA_SIZE)), True)
    with pytest.raises(ValueError, match="holds 3 views"):
        ExternalMethod(tmp_path / "external").generate(obj, 0)
    assert CopyInputMethod().generate(obj, 0)[1, :3].equal(obj.views[0])


def test_bad_requests_are_one_line_errors(tmp_path, dataset, capsys) -> None:
    with pytest.raises(ValueError, match="unknown method 'magic'"):
        parse_methods("model,magic")
    assert _run("eval", "views", "--out", tmp_path / "x", "--methods", "copy-input") == 2
    assert "give --data DIR" in capsys.readouterr().err
    assert (
        _run("eval", "views", "--data", dataset, "--layout", "nope", "--methods", "copy-input", "--out", tmp_path / "y")
        == 2
    )
    assert "unknown data layout" in capsys.readouterr().err


def test_metrics_json_is_strict() -> None:
    assert to_json({"psnr": [math.inf, 1.5], "n": (1, 2)}) == {"psnr": ["inf", 1.5], "n": [1, 2]}


def test_objects_of_an_external_layout_start_at_the_input_view(tmp_path) -> None:
    # Zero123 layout: NNN.png and NNN.npy (3x4 world-to-camera, Blender camera axes) per view.
    import numpy as np
    from PIL import Image

    cameras = orbit(VIEWS, 15.0, 1.7, size=DATA_SIZE)
    folder = tmp_path / "zero123" / "thing"
    folder.mkdir(parents=True)
    blender_w2c = torch.linalg.inv(cameras.in_convention("blender"))
    for i, (view, w2c) in enumerate(zip(disc_views((1.0, 0.0, 0.0)), blender_w2c, strict=True)):
        Image.fromarray((view.permute(1, 2, 0).numpy() * 255).round().astype(np.uint8), "RGBA").save(
            folder / f"{i:03d}.png"
        )
        np.save(folder / f"{i:03d}.npy", w2c[:3].numpy())
    (source,) = data_objects(tmp_path / "zero123", layout="zero123", input_view=1)
    obj = source.load()
    assert source.name == "thing" and obj.source_views == [1, 2, 3, 0]
    assert obj.azimuths() == pytest.approx([0.0, 90.0, 180.0, 270.0], abs=1e-3)
    assert obj.mask.shape == (VIEWS, 1, DATA_SIZE, DATA_SIZE) and obj.mask.sum() > 0


def test_views_protocol_samples_with_the_scheduler_asked_for(tmp_path, dataset, models, capsys) -> None:
    args = ["--data", dataset, "--split", "heldout", "--model", models["image"], "--methods", "plain", "--limit", 1]
    psnr = {}
    for name in ("ddim", "ddpm"):
        assert _run("eval", "views", *args, "--scheduler", name, "--out", tmp_path / name, *FAST) == 0
        record = json.loads((tmp_path / name / "metrics.json").read_text())
        assert record["settings"]["scheduler"] == name
        psnr[name] = record["summary"]["plain"]["psnr"]
    assert psnr["ddim"] != psnr["ddpm"]  # ancestral sampling draws fresh noise: other views
    assert _run("eval", "views", *args, "--scheduler", "euler-magic", "--out", tmp_path / "bad", *FAST) == 2
    assert "euler-magic" in capsys.readouterr().err


def test_an_earlier_evaluation_is_checked_first_and_cleared_only_when_the_run_starts(tmp_path) -> None:
    from videomv.evaluation import check_output_folder, prepare_output_folder

    out = tmp_path / "eval"
    (out / "views" / "model").mkdir(parents=True)
    (out / "plots").mkdir()
    (out / "metrics.json").write_text("{}")
    (out / "report.md").write_text("# report")
    assert check_output_folder(out, overwrite=True) == out
    assert (out / "views" / "model").is_dir() and (out / "plots").is_dir()  # checking removes nothing
    with pytest.raises(FileExistsError, match="pass --overwrite to replace it"):
        check_output_folder(out)
    assert prepare_output_folder(out, overwrite=True) == out
    assert sorted(p.name for p in out.iterdir()) == ["metrics.json", "report.md"]  # rewritten by the run
    assert prepare_output_folder(tmp_path / "new") == tmp_path / "new" and not (tmp_path / "new").exists()


def test_controls_beside_the_model_paired_by_object(tmp_path, dataset, models) -> None:
    out = tmp_path / "controls"
    methods = "model,model-reversed,copy-input,blur-copy"
    args = ["--data", dataset, "--split", "heldout", "--model", models["image"], "--methods", methods]
    assert _run("eval", "views", *args, "--out", out, *FAST) == 0
    record = json.loads((out / "metrics.json").read_text())
    blur = record["method_settings"]["blur-copy"]
    assert blur["search"]["objects"] == 1 and blur["sigma_px"] == blur["search"]["sigma"]  # the train split: 1 object
    for name in ("heldout/blue_box", "heldout/red_sphere"):
        scored = record["objects"][name]["methods"]
        # model-reversed scores the model's views (sampled once) in the order 0, 3, 2, 1.
        psnr, reversed_psnr = scored["model"]["per_view"]["psnr"], scored["model-reversed"]["per_view"]["psnr"]
        assert reversed_psnr[2] == pytest.approx(psnr[2])  # the view opposite the input meets itself
        model = read_sample(out / "views" / "model" / name).images
        assert read_sample(out / "views" / "model-reversed" / name).images.equal(model[[0, 3, 2, 1]])
    paired = record["paired"]
    assert paired["reference"] == "model" and set(paired["minus"]) == {"model-reversed", "copy-input", "blur-copy"}
    assert paired["turn"] == paired["minus"]["model-reversed"] and paired["turn"]["psnr"]["n"] == 2
    report = (out / "report.md").read_text()
    assert "Turn score" in report and "## model minus each method, paired by object" in report
    assert "## Per object: SSIM" in report

    # --blur-sigma 0 is the copy, to the digit.
    zero = tmp_path / "zero"
    assert _run("eval", "views", "--data", dataset, "--split", "heldout", "--methods", "copy-input,blur-copy",
                "--blur-sigma", "0", "--out", zero, *FAST) == 0  # fmt: skip
    summary = json.loads((zero / "metrics.json").read_text())["summary"]
    assert summary["blur-copy"]["psnr"] == summary["copy-input"]["psnr"]
