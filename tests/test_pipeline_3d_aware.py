"""VideoMVPipeline with a reconstructor: 3D-aware sampling on and off, Gaussians out, save/load."""

from __future__ import annotations

import pytest
import torch
from transformers import AutoTokenizer, BertConfig, BertModel

from videomv.gaussians import Gaussians
from videomv.models import (
    CameraUNet3DConditionModel,
    GaussianReconstructor,
    IdentityAutoencoder,
    TextEmbeddingAdapter,
    minilm_path,
)
from videomv.pipelines import VideoMVPipeline
from videomv.sampling import ThreeDAwareConfig, make_scheduler

VIEWS, SIZE, STEPS = 4, 16, 4


def tiny_pipeline(image: bool = False, reconstructor: bool = True) -> VideoMVPipeline:
    """A random pixel-space pipeline of 4 views at 16² (text, or image concatenated) with a tiny reconstructor."""
    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(minilm_path(), local_files_only=True)
    text_encoder = BertModel(
        BertConfig(
            vocab_size=tokenizer.vocab_size, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
            intermediate_size=32,
        )
    ).eval()  # fmt: skip
    unet = CameraUNet3DConditionModel(
        block_out_channels=(8, 16), down_block_types=("DownBlock3D", "CrossAttnDownBlock3D"),
        up_block_types=("CrossAttnUpBlock3D", "UpBlock3D"), layers_per_block=1, norm_num_groups=4,
        cross_attention_dim=8, attention_head_dim=2, in_channels=6 if image else 3, out_channels=3,
        sample_size=SIZE,
    )  # fmt: skip
    with torch.no_grad():  # a trained camera MLP is non-zero: the views then differ by camera
        unet.camera_embedding.linear_2.weight.normal_(0, 0.1)
    text_adapter = TextEmbeddingAdapter(16, 8, max_length=12)
    recon = None
    if reconstructor:
        recon = GaussianReconstructor.from_preset(
            "tiny", input_size=16, down_channels=(8, 16, 16), up_channels=(16, 16), norm_num_groups=4
        ).eval()
    pipe = VideoMVPipeline(
        unet=unet.eval(), vae=IdentityAutoencoder(),
        scheduler=make_scheduler("ddim", "i2v-i2vgenxl" if image else "t2v-modelscope"), tokenizer=tokenizer,
        text_encoder=text_encoder, text_adapter=text_adapter, reconstructor=recon,
        num_views=VIEWS, guidance_scale=3.0,
    )  # fmt: skip
    pipe.set_progress_bar_config(disable=True)
    return pipe


@pytest.fixture(scope="module")
def pipe() -> VideoMVPipeline:
    return tiny_pipeline()


def _generate(pipe: VideoMVPipeline, **kwargs):
    defaults = {
        "prompt": "a red chair", "num_inference_steps": STEPS, "output_type": "pt",
        "generator": torch.Generator().manual_seed(0), "three_d_aware_steps": (0.5,),
    }  # fmt: skip
    return pipe(**{**defaults, **kwargs})


def test_three_d_aware_off_equals_a_pipeline_without_reconstructor(pipe: VideoMVPipeline) -> None:
    plain_pipe = tiny_pipeline(reconstructor=False)
    plain = _generate(plain_pipe)
    assert plain.gaussians is None
    off = _generate(pipe, three_d_aware=False)
    assert torch.equal(off.views, plain.views)
    # Gaussians of the final views come back even without 3D-aware sampling.
    assert off.gaussians is not None and len(off.gaussians) == 1


def test_three_d_aware_changes_the_views_and_returns_gaussians(pipe: VideoMVPipeline) -> None:
    off = _generate(pipe, three_d_aware=False).views
    out = _generate(pipe, prompt=["a red chair", "a blue car"], three_d_aware=True)
    assert not torch.equal(out.views[:1], off)
    assert out.views.shape == (2, VIEWS, 3, SIZE, SIZE) and torch.isfinite(out.views).all()
    assert len(out.gaussians) == 2
    splat = pipe.reconstructor.splat_size
    for gaussians in out.gaussians:
        assert isinstance(gaussians, Gaussians) and len(gaussians) == VIEWS * splat**2
        assert all(torch.isfinite(t).all() for t in (gaussians.means, gaussians.scales, gaussians.opacities))
    # Blend 0 leaves sampling untouched; a config object and the keyword overrides are both honoured.
    blend0 = _generate(pipe, three_d_aware=ThreeDAwareConfig(steps=(1, 2), blend=0.0))
    assert torch.equal(blend0.views, off)
    assert torch.equal(_generate(pipe, three_d_aware_blend=0.0).views, off)
    other_views = _generate(pipe, reconstructor_views=(1, 3)).views
    assert not torch.equal(other_views, out.views[:1])


def test_latent_output_and_tuple_return(pipe: VideoMVPipeline) -> None:
    views, cameras, gaussians = _generate(pipe, output_type="latent", return_dict=False)
    assert views.shape == (1, VIEWS, 3, SIZE, SIZE) and len(cameras) == VIEWS and len(gaussians) == 1


def test_save_and_load_with_the_reconstructor_keep_samples_identical(tmp_path, pipe: VideoMVPipeline) -> None:
    pipe.save_pretrained(tmp_path)
    assert (tmp_path / "reconstructor" / "diffusion_pytorch_model.safetensors").is_file()
    loaded = VideoMVPipeline.from_pretrained(tmp_path)
    assert isinstance(loaded.reconstructor, GaussianReconstructor)
    loaded.set_progress_bar_config(disable=True)
    reference, again = _generate(pipe), _generate(loaded)
    assert torch.equal(again.views, reference.views)
    torch.testing.assert_close(again.gaussians[0].means, reference.gaussians[0].means, rtol=0, atol=0)
    # A pipeline saved without a reconstructor loads with none.
    tiny_pipeline(reconstructor=False).save_pretrained(tmp_path / "plain")
    assert VideoMVPipeline.from_pretrained(tmp_path / "plain").reconstructor is None


def test_the_3d_aware_schedule_is_part_of_the_saved_model(tmp_path) -> None:
    pipe = tiny_pipeline()
    assert pipe.config.three_d_aware_steps == [0.4, 0.6, 0.8] and pipe.config.three_d_aware_blend == 1.0
    assert pipe.config.three_d_aware_anchor is False
    pipe.register_to_config(three_d_aware_steps=[0.5], three_d_aware_blend=0.5, three_d_aware_anchor=True)
    pipe.save_pretrained(tmp_path)
    loaded = VideoMVPipeline.from_pretrained(tmp_path)
    loaded.set_progress_bar_config(disable=True)
    assert loaded.config.three_d_aware_steps == [0.5] and loaded.config.three_d_aware_blend == 0.5
    assert loaded._three_d_aware_refiner(True, None, None, None).config.anchor_condition_view
    # The saved defaults sample exactly like passing them to a pipeline that does not have them.
    kwargs = {"three_d_aware_steps": None}
    assert torch.equal(
        _generate(loaded, **kwargs).views,
        _generate(tiny_pipeline(), three_d_aware_steps=(0.5,), three_d_aware_blend=0.5).views,
    )
    assert not torch.equal(_generate(loaded, **kwargs).views, _generate(tiny_pipeline(), **kwargs).views)
    with pytest.raises(ValueError, match="blend weight must be in"):
        _generate(loaded, three_d_aware_blend=1.5)


def test_anchoring_shows_the_reconstructor_the_condition_image_as_view_0() -> None:
    pipe = tiny_pipeline(image=True)
    condition = torch.rand(3, SIZE, SIZE, generator=torch.Generator().manual_seed(1))
    seen = []
    pipe.reconstructor.register_forward_hook(lambda module, args, output: seen.append(args[0].clone()))

    def first_refinement(anchor: bool) -> torch.Tensor:
        seen.clear()
        settings = ThreeDAwareConfig(steps=(1,), anchor_condition_view=anchor)
        _generate(pipe, prompt=None, image=condition, three_d_aware=settings)
        return seen[0]  # (2, K, 3, H, W): the conditional then the unconditional branch

    anchored, free = first_refinement(True), first_refinement(False)
    torch.testing.assert_close(anchored[0, 0], condition, rtol=0, atol=1e-6)
    assert (free[0, 0] - condition).abs().amax() > 0.1, "without anchoring view 0 is the model's estimate"
    # Only view 0 of the conditional branch changes: the unconditional branch never saw the image.
    torch.testing.assert_close(anchored[0, 1:], free[0, 1:], rtol=0, atol=0)
    torch.testing.assert_close(anchored[1], free[1], rtol=0, atol=0)
    # A prompt alone has no condition image: anchoring does nothing.
    text_pipe = tiny_pipeline()
    anchor = ThreeDAwareConfig(steps=(1,), anchor_condition_view=True)
    assert torch.equal(
        _generate(text_pipe, three_d_aware=anchor).views,
        _generate(text_pipe, three_d_aware=ThreeDAwareConfig(steps=(1,))).views,
    )
