"""VideoMVPipeline with tiny random models: text and image paths, save/load, refiner hook, options."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from diffusers import AutoencoderKL, UNet3DConditionModel
from PIL import Image
from transformers import (
    AutoTokenizer,
    BertConfig,
    BertModel,
    CLIPImageProcessor,
    CLIPVisionConfig,
    CLIPVisionModelWithProjection,
)

from tiny_models import TINY_UNET
from videomv.cameras import orbit
from videomv.models import (
    CameraI2VGenXLUNet,
    CameraUNet3DConditionModel,
    IdentityAutoencoder,
    TextEmbeddingAdapter,
    build_autoencoder,
    decode_views,
    encode_views,
    minilm_path,
    spatial_scale_factor,
)
from videomv.pipelines import VideoMVPipeline, VideoMVPipelineOutput
from videomv.pipelines.packaging import save_compact
from videomv.sampling import make_scheduler

VIEWS = 4
UNET = TINY_UNET


def _text_parts() -> dict:
    tokenizer = AutoTokenizer.from_pretrained(minilm_path(), local_files_only=True)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    return {
        "tokenizer": tokenizer,
        "text_encoder": BertModel(config).eval(),
        "text_adapter": TextEmbeddingAdapter(16, 8, max_length=12),
    }


def _randomize_camera_mlp(unet: torch.nn.Module) -> None:
    # A trained camera MLP is non-zero; with the zero init the cameras would not matter yet.
    with torch.no_grad():
        unet.camera_embedding.linear_2.weight.normal_(0, 0.1)


def _pipeline(kind: str) -> VideoMVPipeline:
    torch.manual_seed(0)
    parts = _text_parts()
    if kind == "text":
        unet = CameraUNet3DConditionModel(**UNET, in_channels=3, out_channels=3, sample_size=16)
        parts.update(vae=IdentityAutoencoder(), scheduler=make_scheduler("ddim", "t2v-modelscope"))
    elif kind == "concat":
        unet = CameraUNet3DConditionModel(**UNET, in_channels=6, out_channels=3, sample_size=16)
        parts.update(vae=IdentityAutoencoder(), scheduler=make_scheduler("ddim", "i2v-i2vgenxl"))
    else:  # full-scale image path, tiny: I2VGen-XL UNet, small AutoencoderKL, tiny CLIP vision model
        unet = CameraI2VGenXLUNet(**UNET, in_channels=4, out_channels=4, sample_size=8)
        vae = AutoencoderKL(
            block_out_channels=(8, 8),
            down_block_types=("DownEncoderBlock2D",) * 2,
            up_block_types=("UpDecoderBlock2D",) * 2,
            latent_channels=4,
            norm_num_groups=4,
            sample_size=16,
            scaling_factor=0.5,
        )
        vision = CLIPVisionConfig(
            hidden_size=16,
            intermediate_size=32,
            num_hidden_layers=1,
            num_attention_heads=2,
            image_size=32,
            patch_size=8,
            projection_dim=8,
        )
        parts.update(
            vae=vae.eval(),
            scheduler=make_scheduler("ddim", "i2v-i2vgenxl"),
            image_encoder=CLIPVisionModelWithProjection(vision).eval(),
            feature_extractor=CLIPImageProcessor(size={"shortest_edge": 32}, do_center_crop=False),
        )
    _randomize_camera_mlp(unet)
    pipe = VideoMVPipeline(unet=unet.eval(), num_views=VIEWS, **parts)
    pipe.set_progress_bar_config(disable=True)
    return pipe


@pytest.fixture(scope="module")
def text_pipe() -> VideoMVPipeline:
    return _pipeline("text")


@pytest.fixture(scope="module")
def concat_pipe() -> VideoMVPipeline:
    return _pipeline("concat")


@pytest.fixture(scope="module")
def i2vgenxl_pipe() -> VideoMVPipeline:
    return _pipeline("i2vgenxl")


def _object_image(size: int = 48) -> Image.Image:
    rgba = np.zeros((size, size, 4), dtype=np.uint8)
    rgba[10:30, 5:20] = (200, 40, 40, 255)
    return Image.fromarray(rgba, "RGBA")


def _generate(pipe: VideoMVPipeline, seed: int = 0, **kwargs) -> VideoMVPipelineOutput:
    defaults = {"num_inference_steps": 2, "output_type": "pt", "generator": torch.Generator().manual_seed(seed)}
    return pipe(**{**defaults, **kwargs})


def test_text_path_output_types(text_pipe: VideoMVPipeline) -> None:
    out = _generate(text_pipe, prompt="a red chair")
    assert out.views.shape == (1, VIEWS, 3, 16, 16)
    assert out.views.min() >= 0.0 and out.views.max() <= 1.0
    assert out.gaussians is None and len(out.cameras) == VIEWS and out.cameras.width == 16
    array = _generate(text_pipe, prompt=["a", "b"], output_type="np").views
    assert array.shape == (2, VIEWS, 16, 16, 3) and array.dtype == np.float32
    pil = _generate(text_pipe, prompt="a", output_type="pil").views
    assert len(pil) == 1 and len(pil[0]) == VIEWS and pil[0][0].size == (16, 16)
    latents = _generate(text_pipe, prompt="a", output_type="latent").views
    assert latents.shape == (1, VIEWS, 3, 16, 16)
    with pytest.raises(ValueError, match="output_type"):
        _generate(text_pipe, prompt="a", output_type="gif")


def test_same_seed_same_views_and_prompt_cameras_seed_matter(text_pipe: VideoMVPipeline) -> None:
    reference = _generate(text_pipe, prompt="a red chair").views
    assert torch.equal(_generate(text_pipe, prompt="a red chair").views, reference)
    assert not torch.equal(_generate(text_pipe, seed=1, prompt="a red chair").views, reference)
    assert not torch.equal(_generate(text_pipe, prompt="a blue car").views, reference)
    assert not torch.equal(_generate(text_pipe, prompt="a red chair", elevation=40.0).views, reference)
    # The prompt suffix is part of the prompt, so changing it changes the sample.
    text_pipe.register_to_config(prompt_suffix="")
    try:
        assert not torch.equal(_generate(text_pipe, prompt="a red chair").views, reference)
    finally:
        text_pipe.register_to_config(prompt_suffix=", 3d asset")


def test_explicit_cameras_and_no_guidance(text_pipe: VideoMVPipeline) -> None:
    cameras = orbit(3, elevation=20.0, radius=1.5, size=64)
    out = _generate(text_pipe, prompt="a", cameras=cameras, guidance_scale=1.0)
    assert out.views.shape == (1, 3, 3, 16, 16)
    assert out.cameras.width == 16
    torch.testing.assert_close(out.cameras.c2w, cameras.c2w)
    with pytest.raises(ValueError, match="num_views"):
        _generate(text_pipe, prompt="a", cameras=cameras, num_views=4)


def test_save_and_load_give_identical_samples(tmp_path, concat_pipe: VideoMVPipeline) -> None:
    concat_pipe.save_pretrained(tmp_path)
    assert (tmp_path / "unet" / "diffusion_pytorch_model.safetensors").exists()
    assert not list(tmp_path.rglob("*.bin"))
    loaded = VideoMVPipeline.from_pretrained(tmp_path)
    assert type(loaded.unet) is CameraUNet3DConditionModel
    assert loaded.config.prompt_suffix == ", 3d asset" and loaded.config.num_views == VIEWS
    image = _object_image()
    assert torch.equal(_generate(loaded, image=image).views, _generate(concat_pipe, image=image).views)


def test_image_paths_run_and_the_image_matters(concat_pipe: VideoMVPipeline, i2vgenxl_pipe: VideoMVPipeline) -> None:
    for pipe in (concat_pipe, i2vgenxl_pipe):
        out = _generate(pipe, image=_object_image())
        assert out.views.shape == (1, VIEWS, 3, 16, 16)
        assert torch.isfinite(out.views).all()
        other = torch.rand(1, 3, 16, 16, generator=torch.Generator().manual_seed(3))
        assert not torch.equal(_generate(pipe, image=other).views, out.views)
    both = _generate(i2vgenxl_pipe, image=[_object_image(), _object_image()], prompt=["a", "b"])
    assert both.views.shape[0] == 2


def test_inputs_are_checked(text_pipe: VideoMVPipeline, concat_pipe: VideoMVPipeline) -> None:
    with pytest.raises(ValueError, match="prompt or an image"):
        text_pipe()
    with pytest.raises(ValueError, match="takes no image"):
        _generate(text_pipe, image=_object_image())
    with pytest.raises(ValueError, match="give an image"):
        _generate(concat_pipe, prompt="a chair")


def test_refiner_hook(text_pipe: VideoMVPipeline) -> None:
    plain = _generate(text_pipe, prompt="a", num_inference_steps=3).views
    seen = []

    def identity(x0_cond, x0_uncond, state):
        seen.append((state.step_index, x0_cond.shape, x0_uncond is not None, len(state.cameras)))
        return x0_cond, x0_uncond

    assert torch.equal(_generate(text_pipe, prompt="a", num_inference_steps=3, x0_refiner=identity).views, plain)
    assert seen == [(i, (1, VIEWS, 3, 16, 16), True, VIEWS) for i in range(3)]

    def round_trip(x0_cond, x0_uncond, state):
        # What a 3D-aware refiner does: decode, (reconstruct, render,) encode back.
        images = state.pipeline.decode_latents(x0_cond)
        return state.pipeline.encode_images(images.clamp(-1, 1) * 0.5), x0_uncond

    text_pipe.x0_refiner = round_trip
    try:
        assert not torch.equal(_generate(text_pipe, prompt="a", num_inference_steps=3).views, plain)
    finally:
        text_pipe.x0_refiner = None


def test_vae_chunking_matches_unchunked(i2vgenxl_pipe: VideoMVPipeline) -> None:
    latents = torch.randn(1, VIEWS, 4, 8, 8, generator=torch.Generator().manual_seed(0))
    whole = i2vgenxl_pipe.decode_latents(latents)
    i2vgenxl_pipe.enable_vae_chunking(1)
    try:
        chunked = i2vgenxl_pipe.decode_latents(latents)
        encoded = i2vgenxl_pipe.encode_images(whole.clamp(-1, 1))
    finally:
        i2vgenxl_pipe.disable_vae_chunking()
    assert whole.shape == (1, VIEWS, 3, 16, 16)
    torch.testing.assert_close(chunked, whole, rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(encoded, i2vgenxl_pipe.encode_images(whole.clamp(-1, 1)), rtol=1e-5, atol=1e-5)


def test_attention_slicing_matches_sdpa(text_pipe: VideoMVPipeline) -> None:
    reference = _generate(text_pipe, prompt="a").views
    text_pipe.enable_attention_slicing(1)
    try:
        torch.testing.assert_close(_generate(text_pipe, prompt="a").views, reference, rtol=1e-4, atol=1e-4)
    finally:
        text_pipe.disable_attention_slicing()


def test_bfloat16_runs() -> None:
    half = _pipeline("text").to(torch.bfloat16)
    views = _generate(half, prompt="a").views
    assert views.dtype == torch.float32 and torch.isfinite(views).all()


def test_tiny_preset_builds_with_the_bundled_minilm() -> None:
    pipe = VideoMVPipeline.from_preset("tiny-cpu")
    assert pipe.image_size == 64 and pipe.conditioning == "text"
    assert pipe.text_adapter.config.input_dim == 384 and pipe.unet.config.cross_attention_dim == 128
    assert pipe.config.guidance_scale == 9.0 and pipe.config.num_views == 8
    image_pipe = VideoMVPipeline.from_preset("tiny-cpu-i2v")
    assert image_pipe.conditioning == "concat" and image_pipe.config.elevation == 5.0
    with pytest.raises(ValueError, match="text_encoder_path"):
        VideoMVPipeline.from_preset("t2v-modelscope")


def test_from_preset_loads_a_base_model_folder(tmp_path) -> None:
    """A folder laid out like ali-vilab/text-to-video-ms-1.7b (tiny): every base weight is used."""
    torch.manual_seed(0)
    base_unet = UNet3DConditionModel(**UNET, in_channels=4, out_channels=4, sample_size=8)
    base_unet.save_pretrained(tmp_path / "unet")
    AutoencoderKL(
        block_out_channels=(8, 8),
        down_block_types=("DownEncoderBlock2D",) * 2,
        up_block_types=("UpDecoderBlock2D",) * 2,
        latent_channels=4,
        norm_num_groups=4,
    ).save_pretrained(tmp_path / "vae")
    parts = _text_parts()
    parts["tokenizer"].save_pretrained(tmp_path / "tokenizer")
    parts["text_encoder"].save_pretrained(tmp_path / "text_encoder")
    pipe = VideoMVPipeline.from_preset("t2v-modelscope", base_model=tmp_path, num_views=VIEWS)
    state = pipe.unet.state_dict()
    assert all(torch.equal(state[k], v) for k, v in base_unet.state_dict().items())
    assert torch.count_nonzero(pipe.unet.camera_embedding.linear_2.weight) == 0
    assert pipe.text_adapter.config.input_dim == 16 and pipe.text_adapter.config.output_dim == 8
    assert pipe.config.guidance_scale == 9.0 and pipe.config.elevation == 15.0
    pipe.set_progress_bar_config(disable=True)
    assert _generate(pipe, prompt="a").views.shape == (1, VIEWS, 3, 16, 16)


def test_from_preset_trains_on_from_a_saved_tiny_pipeline(tmp_path) -> None:
    """A saved tiny pixel-space pipeline as base_model: its UNet, autoencoder class and frozen adapter."""
    saved = VideoMVPipeline.from_preset("tiny-cpu-joint", seed=1)
    saved.save_pretrained(tmp_path)
    pipe = VideoMVPipeline.from_preset("tiny-cpu-joint", base_model=tmp_path, seed=0)
    # Read as an AutoencoderKL this folder gave a random 12-channel VAE, so training started from noise.
    assert isinstance(pipe.vae, IdentityAutoencoder) and pipe.vae.config.patch_size == 2
    for module in ("unet", "text_adapter"):
        state = getattr(pipe, module).state_dict()
        assert all(torch.equal(state[k], v) for k, v in getattr(saved, module).state_dict().items()), module
    images = torch.rand(1, 2, 3, 64, 64) * 2 - 1
    assert torch.equal(decode_views(pipe.vae, encode_views(pipe.vae, images)), images)
    # A compact folder (the shipped model's layout) stores no text encoder, only a pointer to MiniLM.
    compact = save_compact(saved, tmp_path / "compact")
    from_compact = VideoMVPipeline.from_preset("tiny-cpu-joint", base_model=compact)
    assert from_compact.text_encoder.config.hidden_size == 384 and isinstance(from_compact.vae, IdentityAutoencoder)
    # The saved adapter reads MiniLM's 384-wide embeddings; another encoder cannot feed it.
    other = tmp_path / "other_encoder"
    for name in ("tokenizer", "text_encoder"):
        _text_parts()[name].save_pretrained(other / name)
    with pytest.raises(ValueError, match="takes 384-wide text embeddings but the text encoder gives 16"):
        VideoMVPipeline.from_preset("tiny-cpu-joint", base_model=tmp_path, text_encoder_path=other)


def test_patched_pixel_autoencoder_is_lossless_and_halves_the_resolution() -> None:
    vae = build_autoencoder({"patch_size": 2})
    images = torch.rand(2, 3, 3, 8, 8) * 2 - 1
    latents = encode_views(vae, images)
    assert latents.shape == (2, 3, 12, 4, 4) and spatial_scale_factor(vae) == 2
    # Each latent holds exactly its 2 x 2 pixel block (space-to-depth), so decoding restores the images.
    assert torch.equal(latents[0, 0, :, 0, 0].view(3, 4), images[0, 0, :, :2, :2].reshape(3, 4))
    assert torch.equal(decode_views(vae, latents), images)
    with pytest.raises(ValueError, match="multiple of patch_size"):
        IdentityAutoencoder(latent_channels=6, patch_size=2)


def test_an_image_model_trained_with_image_dropout_also_takes_a_prompt_alone() -> None:
    pipe = _pipeline("concat")
    pipe.register_to_config(text_to_views=True)
    red, blue = _generate(pipe, prompt="a red cube").views, _generate(pipe, prompt="a blue ball").views
    assert red.shape == (1, VIEWS, 3, 16, 16) and not torch.equal(red, blue)
    # A prompt alone runs the image slot empty: the same as an all-zero condition latent.
    zeros = _generate(pipe, prompt="a red cube", image=torch.full((1, 3, 16, 16), 0.5)).views
    assert torch.allclose(zeros, red, atol=1e-5)


def test_compact_save_points_at_the_bundled_minilm_and_loads_back(tmp_path) -> None:
    import json

    pipe = VideoMVPipeline.from_preset("tiny-cpu", seed=0)
    folder = save_compact(pipe, tmp_path / "compact")
    assert not (folder / "tokenizer").exists() and (folder / "text_encoder" / "bundled_minilm.json").is_file()
    index = json.loads((folder / "model_index.json").read_text())
    assert index["text_encoder"] == ["transformers", type(pipe.text_encoder).__name__]
    from safetensors.torch import load_file

    stored = load_file(folder / "unet" / "diffusion_pytorch_model.safetensors")
    assert {t.dtype for t in stored.values()} == {torch.float16}
    loaded = VideoMVPipeline.from_pretrained(folder)
    cpu = torch.device("cpu")
    prompt = ["a red torus, 3d asset"]
    torch.testing.assert_close(
        loaded.encode_prompt(prompt, cpu).float(), pipe.encode_prompt(prompt, cpu), atol=2e-3, rtol=0
    )
