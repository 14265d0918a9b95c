"""Converting the reference VideoMV checkpoints: tiny random state dicts in VGen's layouts, loaded strictly."""

from __future__ import annotations

import itertools
import pickle
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from diffusers import AutoencoderKL
from transformers import (
    AutoTokenizer,
    BertConfig,
    BertModel,
    CLIPImageProcessor,
    CLIPVisionConfig,
    CLIPVisionModelWithProjection,
)

from videomv.cameras import orbit
from videomv.cli.convert import assemble_pipeline
from videomv.models import GaussianReconstructor, get_preset, minilm_path
from videomv.models.vgen_convert import (
    VGenConversionError,
    convert_unet,
    convert_vgen_checkpoint,
    load_state_dict_file,
    vgen_key_map,
)

Shapes = dict[str, tuple[int, ...]]

# ----------------------------------------------------------------------------------------------------
# The reference layouts, written from the module names and shapes of VGen's UNetSD_T2VBase and
# UNetSD_I2VGen (alibaba/VideoMV, tools/modules/unet/{unet_t2v,unet_i2vgen,util}.py) and its LGM.
# Widths are parameters so that tests can build tiny ones.


def _linear(prefix: str, out: int, inp: int, bias: bool = True) -> Shapes:
    return {f"{prefix}weight": (out, inp), **({f"{prefix}bias": (out,)} if bias else {})}


def _conv(prefix: str, out: int, inp: int, *kernel: int) -> Shapes:
    return {f"{prefix}weight": (out, inp, *kernel), f"{prefix}bias": (out,)}


def _norm(prefix: str, channels: int) -> Shapes:
    return {f"{prefix}weight": (channels,), f"{prefix}bias": (channels,)}


def _resblock(prefix: str, inp: int, out: int, emb: int) -> Shapes:
    shapes = {
        **_norm(f"{prefix}in_layers.0.", inp),
        **_conv(f"{prefix}in_layers.2.", out, inp, 3, 3),
        **_linear(f"{prefix}emb_layers.1.", out, emb),
        **_norm(f"{prefix}out_layers.0.", out),
        **_conv(f"{prefix}out_layers.3.", out, out, 3, 3),
    }
    if inp != out:
        shapes.update(_conv(f"{prefix}skip_connection.", out, inp, 1, 1))
    # TemporalConvBlock_v2: conv1 = (GroupNorm, SiLU, Conv3d), conv2..4 = (GroupNorm, SiLU, Dropout, Conv3d).
    for name, index in (("conv1", 2), ("conv2", 3), ("conv3", 3), ("conv4", 3)):
        shapes.update(_norm(f"{prefix}temopral_conv.{name}.0.", out))
        shapes.update(_conv(f"{prefix}temopral_conv.{name}.{index}.", out, out, 3, 1, 1))
    return shapes


def _transformer_block(prefix: str, inner: int, context: int) -> Shapes:
    shapes: Shapes = {}
    for attention, source in (("attn1", inner), ("attn2", context)):
        shapes.update(_linear(f"{prefix}{attention}.to_q.", inner, inner, bias=False))
        shapes.update(_linear(f"{prefix}{attention}.to_k.", inner, source, bias=False))
        shapes.update(_linear(f"{prefix}{attention}.to_v.", inner, source, bias=False))
        shapes.update(_linear(f"{prefix}{attention}.to_out.0.", inner, inner))
    for norm in ("norm1", "norm2", "norm3"):
        shapes.update(_norm(f"{prefix}{norm}.", inner))
    shapes.update(_linear(f"{prefix}ff.net.0.proj.", inner * 8, inner))  # GEGLU: 2 x 4 x inner
    shapes.update(_linear(f"{prefix}ff.net.2.", inner, inner * 4))
    return shapes


def _spatial(prefix: str, channels: int, heads: int, head_dim: int, context: int) -> Shapes:
    inner = heads * head_dim  # use_linear=True
    return {
        **_norm(f"{prefix}norm.", channels),
        **_linear(f"{prefix}proj_in.", inner, channels),
        **_transformer_block(f"{prefix}transformer_blocks.0.", inner, context),
        **_linear(f"{prefix}proj_out.", inner, channels),  # nn.Linear(in_channels, inner_dim) in VGen
    }


def _temporal(prefix: str, channels: int, heads: int, head_dim: int) -> Shapes:
    inner = heads * head_dim  # Conv1d projections, self-attention only
    return {
        **_norm(f"{prefix}norm.", channels),
        **_conv(f"{prefix}proj_in.", inner, channels, 1),
        **_transformer_block(f"{prefix}transformer_blocks.0.", inner, inner),
        **_conv(f"{prefix}proj_out.", channels, inner, 1),
    }


def _image_branches(emb: int, concat: int, context: int, y_dim: int, tokens: int) -> Shapes:
    encoder = "local_temporal_encoder.layers.0."
    return {
        **_linear("context_embedding.0.", emb, y_dim),
        **_linear("context_embedding.2.", context * tokens, emb),
        **_linear("fps_embedding.0.", emb, emb // 4),
        **_linear("fps_embedding.2.", emb, emb),
        **_conv("local_image_concat.0.", concat * 4, 4, 3, 3),
        **_conv("local_image_concat.2.", concat * 4, concat * 4, 3, 3),
        **_conv("local_image_concat.4.", concat, concat * 4, 3, 3),
        # TransformerV2(heads=2, dim=concat, dim_head=concat, mlp_dim=concat): PreNorm(Attention), FeedForward.
        **_norm(f"{encoder}0.norm.", concat),
        **_linear(f"{encoder}0.fn.to_qkv.", 2 * concat * 3, concat, bias=False),
        **_linear(f"{encoder}0.fn.to_out.0.", concat, 2 * concat),
        **_linear(f"{encoder}1.net.0.0.", concat * 4, concat),
        **_linear(f"{encoder}1.net.2.", concat, concat * 4),
        **_conv("local_image_embedding.0.", concat * 8, 4, 3, 3),
        **_conv("local_image_embedding.3.", concat * 16, concat * 8, 3, 3),
        **_conv("local_image_embedding.5.", context, concat * 16, 3, 3),  # 1024 in VGen = its context width
    }


def vgen_unet_shapes(
    task: str,
    dim: int = 32,
    dim_mult: tuple[int, ...] = (1, 2, 2),
    num_res_blocks: int = 2,
    head_dim: int = 16,
    context_dim: int = 32,
    attn_scales: tuple[float, ...] = (1.0, 0.5),
    in_dim: int = 4,
    out_dim: int = 4,
    camera_dim: int = 16,
    num_heads: int = 8,
) -> Shapes:
    """Parameter names and shapes of VGen's text (``UNetSD_T2VBase``) or image (``UNetSD_I2VGen``) UNet
    with the camera MLP, built the way their ``__init__`` builds the modules."""
    emb = dim * 4
    concat = in_dim if task == "image" else 0
    shapes = {
        **_linear("time_embed.0.", emb, dim),
        **_linear("time_embed.2.", emb, emb),
        **_linear("camera_embedding.0.", emb, camera_dim),
        **_linear("camera_embedding.2.", emb, emb),
        **_conv("input_blocks.0.0.", dim, in_dim + concat, 3, 3),
        **_temporal("input_blocks.0.1.", dim, num_heads, head_dim),
    }
    if task == "image":
        shapes.update(_image_branches(emb, concat, context_dim, context_dim, in_dim))
    enc = [dim * m for m in (1, *dim_mult)]
    shortcuts, scale, index = [dim], 1.0, 1
    for level, (inp, out) in enumerate(itertools.pairwise(enc)):
        for layer in range(num_res_blocks):
            shapes.update(_resblock(f"input_blocks.{index}.0.", inp, out, emb))
            if scale in attn_scales:
                shapes.update(_spatial(f"input_blocks.{index}.1.", out, out // head_dim, head_dim, context_dim))
                shapes.update(_temporal(f"input_blocks.{index}.2.", out, out // head_dim, head_dim))
            inp, index = out, index + 1
            shortcuts.append(out)
            if level != len(dim_mult) - 1 and layer == num_res_blocks - 1:
                shapes.update(_conv(f"input_blocks.{index}.op.", out, out, 3, 3))
                shortcuts.append(out)
                scale, index = scale / 2, index + 1
    width = enc[-1]
    shapes.update(_resblock("middle_block.0.", width, width, emb))
    shapes.update(_spatial("middle_block.1.", width, width // head_dim, head_dim, context_dim))
    shapes.update(_temporal("middle_block.2.", width, width // head_dim, head_dim))
    shapes.update(_resblock("middle_block.3.", width, width, emb))
    dec = [dim * m for m in (dim_mult[-1], *reversed(dim_mult))]
    index = 0
    for level, (inp, out) in enumerate(itertools.pairwise(dec)):
        for layer in range(num_res_blocks + 1):
            prefix = f"output_blocks.{index}."
            shapes.update(_resblock(f"{prefix}0.", inp + shortcuts.pop(), out, emb))
            position = 1
            if scale in attn_scales:
                shapes.update(_spatial(f"{prefix}1.", out, out // head_dim, head_dim, context_dim))
                shapes.update(_temporal(f"{prefix}2.", out, out // head_dim, head_dim))
                position = 3
            inp = out
            if level != len(dim_mult) - 1 and layer == num_res_blocks:
                shapes.update(_conv(f"{prefix}{position}.conv.", out, out, 3, 3))
                scale *= 2
            index += 1
    shapes.update(_norm("out.0.", dim))
    shapes.update(_conv("out.2.", out_dim, dim, 3, 3))
    return shapes


# LGM's module names are GaussianReconstructor's; widths that LGM's hard-coded 32 groups and 16 heads accept.
TINY_LGM = {
    "down_channels": (32, 64),
    "down_attention": (False, True),
    "mid_attention": True,
    "up_channels": (64,),
    "up_attention": (True,),
    "layers_per_block": 1,
    "attention_heads": 16,
    "norm_num_groups": 32,
}


def materialize(shapes: Shapes, seed: int = 0, device: str = "cpu") -> dict[str, torch.Tensor]:
    """Random tensors of ``shapes`` (empty ones on the meta device)."""
    generator = torch.Generator().manual_seed(seed)
    if device == "meta":
        return {key: torch.empty(shape, device="meta") for key, shape in shapes.items()}
    return {key: torch.randn(shape, generator=generator) * 0.05 for key, shape in sorted(shapes.items())}


def reference_checkpoint(task: str, with_lgm: bool = True, seed: int = 0) -> dict[str, torch.Tensor]:
    """A tiny VideoMV state dict: the UNet in VGen's layout plus its LGM under ``lgm_big.``."""
    state = materialize(vgen_unet_shapes(task), seed)
    if with_lgm:
        torch.manual_seed(seed)
        lgm = GaussianReconstructor(input_size=32, **TINY_LGM).state_dict()
        state.update({f"lgm_big.{key}": value for key, value in lgm.items()})
    return state


# ----------------------------------------------------------------------------------------------- tests


@pytest.mark.parametrize("task", ["text", "image"])
def test_tiny_reference_layout_loads_strictly_with_every_key_used_once(task: str) -> None:
    source = materialize(vgen_unet_shapes(task))
    unet, key_map = convert_unet(source, task)
    target = unet.state_dict()
    assert set(key_map) == set(source)  # every source key has a place
    filled = [key for targets in key_map.values() for key in targets]
    assert len(filled) == len(set(filled)) and set(filled) == set(target)  # each target filled exactly once
    for key, targets in key_map.items():
        if len(targets) > 1:  # the fused q, k, v of the image-latent encoder
            assert torch.equal(torch.cat([target[t] for t in targets]), source[key])
        elif targets[0] == "conv_in.weight" and task == "image":
            half = source[key].shape[1] // 2
            assert torch.equal(target["conv_in.weight"][:, :half], source[key][:, :half])
            assert torch.equal(target["conv_in.weight"][:, half:], 2 * source[key][:, half:])
        else:
            assert torch.equal(target[targets[0]], source[key].reshape(target[targets[0]].shape)), key
    assert unet.config.camera_convention == "blender" and unet.config.layers_per_block == 2
    assert unet.config.down_block_types == ("CrossAttnDownBlock3D", "CrossAttnDownBlock3D", "DownBlock3D")
    assert torch.equal(unet.camera_embedding.linear_2.weight, source["camera_embedding.2.weight"])


def test_temporal_projections_and_resnets_land_where_diffusers_expects() -> None:
    key_map = vgen_key_map(vgen_unet_shapes("text"))
    assert key_map["input_blocks.0.1.proj_in.weight"] == ("transformer_in.proj_in.weight",)
    assert key_map["input_blocks.1.0.in_layers.2.weight"] == ("down_blocks.0.resnets.0.conv1.weight",)
    assert key_map["input_blocks.2.0.temopral_conv.conv2.3.bias"] == ("down_blocks.0.temp_convs.1.conv2.3.bias",)
    assert key_map["input_blocks.3.op.weight"] == ("down_blocks.0.downsamplers.0.conv.weight",)
    assert key_map["input_blocks.4.2.proj_out.bias"] == ("down_blocks.1.temp_attentions.0.proj_out.bias",)
    assert key_map["middle_block.2.norm.weight"] == ("mid_block.temp_attentions.0.norm.weight",)
    assert key_map["output_blocks.2.1.conv.weight"] == ("up_blocks.0.upsamplers.0.conv.weight",)
    assert key_map["output_blocks.3.1.proj_in.weight"] == ("up_blocks.1.attentions.0.proj_in.weight",)
    assert key_map["output_blocks.5.3.conv.bias"] == ("up_blocks.1.upsamplers.0.conv.bias",)
    assert key_map["output_blocks.8.0.skip_connection.weight"] == ("up_blocks.2.resnets.2.conv_shortcut.weight",)


@pytest.mark.parametrize("task", ["text", "image"])
def test_full_size_reference_layout_matches_the_published_configs(task: str) -> None:
    # The reference configs: dim 320, dim_mult [1, 2, 4, 4], 2 res blocks, heads of 64, context 1024,
    # attention at scales 1, 1/2, 1/4 (VGen's defaults); built on the meta device, no memory.
    shapes = vgen_unet_shapes(
        task, dim=320, dim_mult=(1, 2, 4, 4), head_dim=64, context_dim=1024, attn_scales=(1.0, 0.5, 0.25)
    )
    unet, key_map = convert_unet(materialize(shapes, device="meta"), task)
    preset = get_preset("t2v-modelscope" if task == "text" else "i2v-i2vgenxl").unet_config()
    fields = (
        *("block_out_channels", "layers_per_block", "down_block_types", "up_block_types", "in_channels"),
        *("out_channels", "cross_attention_dim", "attention_head_dim", "norm_num_groups", "sample_size"),
    )
    for field in fields:
        value = unet.config[field]
        assert (tuple(value) if isinstance(value, list) else value) == preset[field], field
    assert unet.config.camera_embed_dim is None  # the MLP is as wide as the time embedding
    assert len(key_map) == len(shapes)


def test_a_renamed_key_is_refused_with_the_unknown_and_missing_keys() -> None:
    source = materialize(vgen_unet_shapes("text"))
    source["input_blocks.1.0.in_layerz.0.weight"] = source.pop("input_blocks.1.0.in_layers.0.weight")
    with pytest.raises(VGenConversionError) as caught:
        convert_unet(source, "text")
    assert caught.value.unknown == ["input_blocks.1.0.in_layerz.0.weight"]
    assert caught.value.missing == ["down_blocks.0.resnets.0.norm1.weight"]
    message = str(caught.value)
    assert "\n" not in message and "in_layerz" in message and "down_blocks.0.resnets.0.norm1.weight" in message


def test_wrong_kind_and_a_plain_vgen_checkpoint_are_refused() -> None:
    source = materialize(vgen_unet_shapes("image"))
    with pytest.raises(ValueError, match=r"image model checkpoint.*use --i2v"):
        convert_unet(source, "text")
    plain = {key: value for key, value in source.items() if not key.startswith("camera_embedding.")}
    with pytest.raises(ValueError, match="no camera_embedding"):
        convert_unet(plain, "image")


def test_doubled_image_latents_are_folded_into_conv_in_exactly() -> None:
    # VGen feeds conv_in [x, 2 * image branch]; diffusers [x, image branch] with the converted weights.
    source = materialize(vgen_unet_shapes("image"))
    unet, _ = convert_unet(source, "image")
    x, branch = torch.randn(1, 4, 8, 8), torch.randn(1, 4, 8, 8)
    reference = F.conv2d(
        torch.cat([x, 2 * branch], 1), source["input_blocks.0.0.weight"], source["input_blocks.0.0.bias"], padding=1
    )
    with torch.no_grad():
        ours = unet.conv_in(torch.cat([x, branch], 1))
    torch.testing.assert_close(ours, reference)


def test_checkpoint_conversion_with_lgm_and_dtype() -> None:
    result = convert_vgen_checkpoint(reference_checkpoint("image"), "image", torch.float16, step=12)
    assert result.unet.dtype == torch.float16 and result.reconstructor.dtype == torch.float16
    assert result.reconstructor.config.cam_radius == 1.7  # the image model's orbit radius, not LGM's 1.5
    assert result.step == 12
    text = convert_vgen_checkpoint(reference_checkpoint("text", with_lgm=False), "text")
    assert text.reconstructor is None and text.unet.dtype == torch.float32


def test_state_dict_files_are_read_without_running_code(tmp_path: Path) -> None:
    weights = {"module.a.weight": torch.ones(2)}
    torch.save({"state_dict": weights, "step": 5}, tmp_path / "ok.pth")
    assert load_state_dict_file(tmp_path / "ok.pth")[1] == 5
    assert list(load_state_dict_file(tmp_path / "ok.pth")[0]) == ["a.weight"]

    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.mkdir, (marker,))

    with open(tmp_path / "evil.pth", "wb") as handle:
        pickle.dump({"state_dict": weights, "x": Payload()}, handle, protocol=2)
    with pytest.raises(ValueError, match="weights_only=True") as caught:
        load_state_dict_file(tmp_path / "evil.pth")
    assert "\n" not in str(caught.value) and not marker.exists()
    (tmp_path / "text.pth").write_text("not a checkpoint")
    with pytest.raises(ValueError, match=r"text\.pth"):
        load_state_dict_file(tmp_path / "text.pth")
    with pytest.raises(FileNotFoundError):
        load_state_dict_file(tmp_path / "missing.pth")


# --------------------------------------------------------------------------------- converted pipelines


def tiny_base_folder(folder: Path, task: str, context_dim: int = 32) -> Path:
    """A diffusers-style base folder with a tiny VAE, text encoder and (image) CLIP image encoder."""
    torch.manual_seed(0)
    AutoencoderKL(
        block_out_channels=(8, 8), down_block_types=("DownEncoderBlock2D",) * 2,
        up_block_types=("UpDecoderBlock2D",) * 2, latent_channels=4, norm_num_groups=4, sample_size=16,
        scaling_factor=0.5,
    ).save_pretrained(folder / "vae")  # fmt: skip
    tokenizer = AutoTokenizer.from_pretrained(minilm_path(), local_files_only=True)
    tokenizer.save_pretrained(folder / "tokenizer")
    config = BertConfig(
        vocab_size=tokenizer.vocab_size, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32,
    )  # fmt: skip
    BertModel(config).save_pretrained(folder / "text_encoder")
    if task == "image":
        vision = CLIPVisionConfig(
            hidden_size=16, intermediate_size=32, num_hidden_layers=1, num_attention_heads=2, image_size=32,
            patch_size=8, projection_dim=context_dim,
        )  # fmt: skip
        CLIPVisionModelWithProjection(vision).save_pretrained(folder / "image_encoder")
        CLIPImageProcessor(size={"shortest_edge": 32}, do_center_crop=False).save_pretrained(
            folder / "feature_extractor"
        )
    return folder


@pytest.mark.parametrize("task", ["text", "image"])
def test_converted_tiny_pipeline_runs_3d_aware(task: str, tmp_path: Path) -> None:
    result = convert_vgen_checkpoint(
        reference_checkpoint(task), task, unet_overrides={"sample_size": 8},
        reconstructor_overrides={"input_size": 16},
    )  # fmt: skip
    pipe = assemble_pipeline(result.unet, task, tiny_base_folder(tmp_path, task), reconstructor=result.reconstructor)
    pipe.set_progress_bar_config(disable=True)
    assert pipe.config.guidance_scale == (9.0 if task == "text" else 6.0)
    assert pipe.config.fps == (16 if task == "text" else 8)
    inputs = {"prompt": "a red chair"} if task == "text" else {"image": torch.rand(3, 16, 16)}
    out = pipe(
        **inputs, num_views=4, num_inference_steps=3, three_d_aware_steps=(1,), output_type="pt",
        generator=torch.Generator().manual_seed(0),
    )  # fmt: skip
    assert out.views.shape == (1, 4, 3, 16, 16) and torch.isfinite(out.views).all()
    assert out.gaussians is not None and len(out.gaussians) == 1


def _reference_inference_cameras(views: int, elevation: float, distance: float) -> torch.Tensor:
    """VideoMV's inference camera inputs: VGen's ``get_camera`` (OpenGL look-at, moved to Blender's
    z-up world) followed by the entrance scripts' ``row 1 *= -1`` and swap of rows 0 and 1."""
    rows = []
    for azimuth in torch.arange(views, dtype=torch.float64) * (360.0 / views):
        e, a = torch.deg2rad(torch.tensor(elevation, dtype=torch.float64)), torch.deg2rad(azimuth)
        position = distance * torch.stack([torch.cos(e) * torch.sin(a), torch.sin(e), torch.cos(e) * torch.cos(a)])
        forward = -position / position.norm()
        right = torch.linalg.cross(forward, torch.tensor([0.0, 1.0, 0.0], dtype=torch.float64))
        right = right / right.norm()
        up = torch.linalg.cross(right, forward)
        c2w = torch.eye(4, dtype=torch.float64)
        c2w[:3, :3] = torch.stack([right, up / up.norm(), -forward], dim=1)
        c2w[:3, 3] = position
        flip_yz = torch.tensor([[1, 0, 0, 0], [0, 0, -1, 0], [0, 1, 0, 0], [0, 0, 0, 1]], dtype=torch.float64)
        rows.append(flip_yz @ c2w)
    cameras = torch.stack(rows)
    cameras[:, 1, :] *= -1
    cameras[:, [0, 1], :] = cameras[:, [1, 0], :]
    return cameras.reshape(views, 16).float()


@pytest.mark.parametrize("task", ["text", "image"])
def test_converted_models_see_the_reference_camera_inputs(task: str) -> None:
    # The assembled pipelines' default orbit, embedded in the converted UNet's convention ("blender").
    settings = get_preset("t2v-modelscope" if task == "text" else "i2v-i2vgenxl").pipeline
    cameras = orbit(24, elevation=settings["elevation"], radius=settings["radius"], fov=settings["fov"], size=256)
    expected = _reference_inference_cameras(24, settings["elevation"], settings["radius"])
    torch.testing.assert_close(cameras.embedding("blender"), expected, atol=1e-5, rtol=0)


def test_known_training_only_keys_are_ignored_and_named_others_still_refused() -> None:
    # The reference loads with strict=False "for lpips" (inference_i2vgen_entrance.py:142): its LGM's LPIPS net.
    state = reference_checkpoint("text")
    state["lgm_big.lpips_loss.net.slice1.0.weight"] = torch.zeros(2, 3)
    state["lgm_big.lpips_loss.lin0.model.1.weight"] = torch.zeros(1, 2)
    result = convert_vgen_checkpoint(state, "text")
    assert result.ignored == ("lgm_big.lpips_loss.lin0.model.1.weight", "lgm_big.lpips_loss.net.slice1.0.weight")
    state["lgm_big.stray.weight"] = torch.zeros(1)
    with pytest.raises(ValueError, match="stray"):
        convert_vgen_checkpoint(state, "text")


@pytest.mark.parametrize("task", ["text", "image"])
def test_converted_pipeline_folder_carries_the_reference_settings(task: str, tmp_path: Path) -> None:
    from videomv.models.configs import REFERENCE_PIPELINE_SETTINGS
    from videomv.pipelines import VideoMVPipeline

    result = convert_vgen_checkpoint(
        reference_checkpoint(task), task, unet_overrides={"sample_size": 8}, reconstructor_overrides={"input_size": 16}
    )
    pipe = assemble_pipeline(
        result.unet, task, tiny_base_folder(tmp_path / "base", task), reconstructor=result.reconstructor
    )
    pipe.save_pretrained(tmp_path / "out")
    loaded = VideoMVPipeline.from_pretrained(tmp_path / "out")
    for key, value in REFERENCE_PIPELINE_SETTINGS[task].items():
        assert loaded.config[key] == value, key
    assert loaded.scheduler.config.set_alpha_to_one is False
    assert loaded.reconstructor.config.rotation_normalization == "over_gaussians"
    if task == "image":
        assert loaded.feature_extractor.resample == 2  # bilinear, as the reference's CLIP input
    three_d = loaded.three_d_aware_config()
    assert (three_d.flip_cameras, three_d.render_scale, three_d.near, three_d.sample_posterior) == (True, 2, 0.2, True)
    # ", 3d asset" only where absent.
    assert loaded._with_suffix("a chair, 3d asset") == "a chair, 3d asset"
    assert loaded._with_suffix("a chair") == "a chair, 3d asset"
    # Our own models keep our defaults.
    ours = VideoMVPipeline.from_preset("tiny-cpu")
    assert ours.config.negative_prompt != loaded.config.negative_prompt
    assert ours._with_suffix("a chair, 3d asset") == "a chair, 3d asset, 3d asset"
    assert ours.three_d_aware_config().flip_cameras is False and ours.config.autocast_dtype is None


def test_autocast_setting_samples_in_reduced_precision(tmp_path: Path) -> None:
    result = convert_vgen_checkpoint(
        reference_checkpoint("image"), "image", unet_overrides={"sample_size": 8},
        reconstructor_overrides={"input_size": 16},
    )  # fmt: skip
    pipe = assemble_pipeline(
        result.unet, "image", tiny_base_folder(tmp_path, "image"), reconstructor=result.reconstructor
    )
    pipe.set_progress_bar_config(disable=True)
    settings = {"vae_sample_posterior": False, "three_d_aware_flip_cameras": False}
    runs = {}
    for autocast in (None, "float16"):
        pipe.register_to_config(autocast_dtype=autocast, **settings)
        runs[autocast] = pipe(
            image=torch.rand(3, 16, 16), num_views=4, num_inference_steps=2, three_d_aware=False, output_type="pt",
            generator=torch.Generator().manual_seed(0),
        ).views  # fmt: skip
    difference = (runs[None] - runs["float16"]).abs().max()
    assert 0 < difference < 0.05  # fp16 rounding, not a different sample
    with pytest.raises(ValueError, match="autocast_dtype"):
        type(pipe)(**pipe.components, autocast_dtype="float8")
