"""Each reference behaviour of issue 23 is a named setting that changes what it should, as the reference does.

The reference's maths is restated here from its source (alibaba/VideoMV at c434922, cited per test), in our
own words, and compared with what our code does under the setting; the default (ours) is checked to differ.
"""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PIL import Image
from transformers import AutoTokenizer, CLIPTokenizer

from videomv.cameras import orbit
from videomv.cli.convert import pad_like_open_clip
from videomv.gaussians import Gaussians, quat_to_matrix, rasterize
from videomv.models import GaussianReconstructor
from videomv.models.configs import REFERENCE_NEGATIVE_PROMPT, REFERENCE_PIPELINE_SETTINGS
from videomv.models.encoders import TextEmbeddingAdapter, encode_prompts
from videomv.pipelines.preprocess import PreprocessConfig, preprocess_image
from videomv.sampling import (
    RefinerState,
    ThreeDAwareConfig,
    ThreeDAwareRefiner,
    flip_camera_axes,
    make_scheduler,
)

GL_FLIP = torch.diag(torch.tensor([1.0, -1.0, -1.0, 1.0], dtype=torch.float64))


def lgm_rays(pose: torch.Tensor, size: int, fov: float) -> torch.Tensor:
    """LGM's Plücker rays ``[o x d, d]`` ``(6, size, size)`` of an OpenGL camera-to-world pose
    (core/utils.py get_rays: pixel centres at +0.5, focal from the vertical fov, -y and -z in camera axes)."""
    focal = size * 0.5 / math.tan(0.5 * math.radians(fov))
    y, x = torch.meshgrid(
        torch.arange(size, dtype=torch.float64), torch.arange(size, dtype=torch.float64), indexing="ij"
    )
    dirs = torch.stack([(x - size / 2 + 0.5) / focal, -(y - size / 2 + 0.5) / focal, -torch.ones_like(x)], -1)
    d = F.normalize(dirs @ pose[:3, :3].T, dim=-1)
    o = pose[:3, 3].expand_as(d)
    return torch.cat([torch.linalg.cross(o, d, dim=-1), d], -1).permute(2, 0, 1)


def reference_lgm_inputs(gl_poses: torch.Tensor, size: int, fov: float) -> torch.Tensor:
    """The reference's normalisation (view 0 to ``[I | (0, 0, |t0|)]``) and rays of OpenGL poses."""
    distance = gl_poses[0, :3, 3].norm()
    shift = torch.eye(4, dtype=torch.float64)
    shift[2, 3] = distance
    normalized = shift @ torch.linalg.inv(gl_poses[0]) @ gl_poses
    return torch.stack([lgm_rays(pose, size, fov) for pose in normalized])


def test_flipped_cameras_give_the_reconstructor_the_reference_inference_inputs() -> None:
    # Training (video_i2v_dataset.py:115-121) uses the OpenGL poses; inference adds gs_camera[:, :3, 1:3] *= -1
    # (inference_text2video_entrance.py:204), i.e. hands LGM the OpenCV poses as if they were OpenGL ones.
    cams = orbit(4, elevation=15.0, radius=2.0, fov=39.6, size=32)
    model = GaussianReconstructor.from_preset("tiny", cam_radius=2.0, pixel_aligned=False)
    images = torch.rand(1, 4, 3, 32, 32)
    gl = cams.c2w.double() @ GL_FLIP
    trained = reference_lgm_inputs(gl, 32, 39.6)
    flipped = reference_lgm_inputs(gl @ GL_FLIP, 32, 39.6)
    ours = model.prepare_inputs(images, cams)[0][0, :, 3:].double()
    ours_flipped = model.prepare_inputs(images, flip_camera_axes(cams))[0][0, :, 3:].double()
    torch.testing.assert_close(ours, trained, atol=1e-5, rtol=0)
    torch.testing.assert_close(ours_flipped, flipped, atol=1e-5, rtol=0)
    assert (flipped - trained).abs().max() > 0.5
    # The flip negates the y and z axes and keeps the centres.
    torch.testing.assert_close(flip_camera_axes(cams).centers, cams.centers)


def test_rotations_normalised_over_gaussians_keep_the_unnormalised_covariance() -> None:
    # core/models.py:42: rot_act = F.normalize (dim=1 of (B, N, 4)); the CUDA rasterizer builds the covariance
    # from that quaternion without normalising it: Sigma = M diag(s)^2 M^T, M the unit-quaternion formula.
    torch.manual_seed(0)
    maps = torch.randn(1, 2, 14, 4, 4)
    params = GaussianReconstructor.activate(maps, rotation_dim=1)
    raw = maps.permute(0, 1, 3, 4, 2).reshape(1, -1, 14)[..., 7:11]
    torch.testing.assert_close(params[..., 7:11], F.normalize(raw, dim=1))
    assert not torch.allclose(params[..., 7:11].norm(dim=-1), torch.ones(32))
    q, s = params[0, :, 7:11].double(), params[0, :, 4:7].double()
    w, x, y, z = q.unbind(-1)
    m = torch.stack(
        [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
         2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
         2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)], -1,
    ).reshape(-1, 3, 3)  # fmt: skip
    expected = m @ torch.diag_embed(s**2) @ m.transpose(1, 2)

    def covariance(g: Gaussians) -> torch.Tensor:
        r = quat_to_matrix(g.quats.double())
        return r @ torch.diag_embed(g.scales.double() ** 2) @ r.transpose(1, 2)

    kept = covariance(GaussianReconstructor.params_to_gaussians(params[0], None, unnormalized_rotation=True))
    torch.testing.assert_close(kept, expected, atol=1e-6 * expected.abs().max().item(), rtol=1e-4)
    normalised = covariance(GaussianReconstructor.params_to_gaussians(params[0], None))
    assert (normalised - expected).abs().max() > 1e-3 * expected.abs().max()


def test_reconstructor_setting_switches_the_rotation_activation() -> None:
    torch.manual_seed(0)
    ours = GaussianReconstructor.from_preset("tiny", pixel_aligned=False)
    reference = GaussianReconstructor.from_preset("tiny", pixel_aligned=False, rotation_normalization="over_gaussians")
    reference.load_state_dict(ours.state_dict())
    images, cams = torch.rand(1, 4, 3, 32, 32), orbit(4, size=32)
    a, b = ours(images, cams), reference(images, cams)
    torch.testing.assert_close(a.params[..., :7], b.params[..., :7])
    torch.testing.assert_close(b.params[0, :, 7:11].norm(dim=0), torch.ones(4))  # normalised over Gaussians
    with pytest.raises(ValueError, match="rotation_normalization"):
        GaussianReconstructor.from_preset("tiny", rotation_normalization="dim1")


def _blob(depth: float = 1.0) -> Gaussians:
    """A few Gaussians in front of an OpenCV camera at the origin looking down +z."""
    means = torch.tensor([[0.0, 0.0, depth], [0.1, -0.05, depth], [-0.08, 0.06, depth + 0.02]])
    quats = F.normalize(torch.randn(3, 4, generator=torch.Generator().manual_seed(1)), dim=-1)
    return Gaussians.from_activated(means, quats, torch.full((3, 3), 0.03), torch.full((3,), 0.9), torch.rand(3, 3))


def _identity_cameras(size: int):
    cams = orbit(1, elevation=0.0, radius=2.0, fov=39.6, size=size)
    return type(cams)(torch.eye(4)[None], cams.intrinsics, size, size)


def test_render_scale_renders_larger_and_keeps_every_other_pixel() -> None:
    # LGM renders 512 and the loop keeps F.interpolate(..., 256, mode="nearest") (unet_t2v.py:427).
    cams, g = _identity_cameras(16), _blob()
    refiner = ThreeDAwareRefiner(GaussianReconstructor.from_preset("tiny"), ThreeDAwareConfig(render_scale=2))
    ours = refiner.render([g], cams, 16, 16)[0]
    large = rasterize(g, cams.resized(32, 32), 32, 32, background=1.0, backend="torch").rgb.clamp(0, 1)
    torch.testing.assert_close(ours, large[:, :, ::2, ::2])
    plain = ThreeDAwareRefiner(refiner.reconstructor, ThreeDAwareConfig()).render([g], cams, 16, 16)[0]
    assert (plain - ours).abs().max() > 1e-3
    with pytest.raises(ValueError, match="render_scale"):
        ThreeDAwareConfig(render_scale=0)


def test_background_and_near_plane_of_the_renders() -> None:
    # Backgrounds 0.5 (text, core/models.py:118) and 0.7 (image, unet_i2vgen.py:458); culling at z < 0.2.
    cams = _identity_cameras(16)
    recon = GaussianReconstructor.from_preset("tiny")
    near = _blob(depth=0.15)
    grey = ThreeDAwareRefiner(recon, ThreeDAwareConfig(background=0.5, near=0.2)).render([near], cams, 16, 16)
    torch.testing.assert_close(grey, torch.full_like(grey, 0.5))  # every Gaussian culled: only the background
    shown = ThreeDAwareRefiner(recon, ThreeDAwareConfig(background=0.5)).render([near], cams, 16, 16)
    assert (shown - 0.5).abs().max() > 0.05


class _RecordingPipeline:
    """Stands for a pipeline: identity decode, and an encode that records the generator it got."""

    def __init__(self) -> None:
        self.generators: list = []

    def decode_latents(self, latents: torch.Tensor) -> torch.Tensor:
        return latents

    def encode_images(self, images: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
        self.generators.append(generator)
        return images


@pytest.mark.parametrize("sample", [False, True])
def test_renders_are_encoded_with_a_posterior_sample_when_set(sample: bool) -> None:
    # autoencoder.py:22: encode_firsr_stage samples the posterior; ours takes its mode unless set.
    pipe, generator = _RecordingPipeline(), torch.Generator().manual_seed(3)
    recon = GaussianReconstructor.from_preset("tiny")
    refiner = ThreeDAwareRefiner(recon, ThreeDAwareConfig(steps=[0], sample_posterior=sample))
    state = RefinerState(0, torch.tensor(1), 1, orbit(4, size=32), pipe, generator)
    refiner.render_estimates(torch.rand(1, 4, 3, 32, 32) * 2 - 1, state)
    assert pipe.generators == ([generator] if sample else [None])


def test_the_last_ddim_step_ends_at_the_first_alpha_with_the_reference_setting() -> None:
    # diffusion_ddim.py:236: alphas_prev = alphas_cumprod[(t - stride).clamp(0)]; at t = 1 that is alphas_cumprod[0].
    sample, x0 = torch.randn(1, 4, 2, 4, 4), torch.randn(1, 4, 2, 4, 4)
    for settings, final in (({"set_alpha_to_one": False}, None), ({}, 1.0)):
        scheduler = make_scheduler("ddim", "i2v-i2vgenxl", **settings)
        scheduler.set_timesteps(50)
        t = scheduler.timesteps[-1]
        assert int(t) == 1
        a_t = scheduler.alphas_cumprod[t]
        a_prev = scheduler.alphas_cumprod[0] if final is None else torch.tensor(final)
        eps = (sample - a_t.sqrt() * x0) / (1 - a_t).sqrt()
        v = a_t.sqrt() * eps - (1 - a_t).sqrt() * x0  # the v-prediction that gives x0
        out = scheduler.step(v, t, sample).prev_sample
        torch.testing.assert_close(out, a_prev.sqrt() * x0 + (1 - a_prev).sqrt() * eps, atol=1e-5, rtol=1e-5)


def test_reference_recentring_fills_200_of_256_pixels_bicubic() -> None:
    # utils/recenter_i2v.py: the object's longer side scaled to 200 px (bicubic) and centred on a 256 canvas.
    rgba = np.zeros((300, 200, 4), np.uint8)
    rgba[50:250, 60:140] = (200, 30, 30, 255)
    image = Image.fromarray(rgba)
    settings = REFERENCE_PIPELINE_SETTINGS["image"]
    config = PreprocessConfig(
        size=256, fill_fraction=settings["condition_fill_fraction"], resample=settings["condition_resample"]
    )
    out = np.asarray(preprocess_image(image, config))
    rows = np.nonzero((out < 250).any(axis=(1, 2)))[0]
    assert rows[-1] - rows[0] + 1 == 200
    ours = np.asarray(preprocess_image(image, PreprocessConfig(size=256)))
    rows = np.nonzero((ours < 250).any(axis=(1, 2)))[0]
    assert rows[-1] - rows[0] + 1 == round(0.85 * 256)
    with pytest.raises(ValueError, match="resample"):
        PreprocessConfig(resample="nearest")


def test_reference_negative_prompt_is_the_reference_string() -> None:
    # tools/modules/config.py:195.
    assert REFERENCE_NEGATIVE_PROMPT.startswith("Distorted, discontinuous, Ugly, blurry, low resolution, disfigured")
    assert REFERENCE_NEGATIVE_PROMPT.endswith("Ugly faces, incomplete arms")
    for task in ("text", "image"):
        assert REFERENCE_PIPELINE_SETTINGS[task]["negative_prompt"] == REFERENCE_NEGATIVE_PROMPT
    assert REFERENCE_PIPELINE_SETTINGS["text"]["three_d_aware_background"] == 0.5
    assert REFERENCE_PIPELINE_SETTINGS["image"]["three_d_aware_background"] == 0.7


# ----------------------------------------------------------------------------------------- tokenizer padding


def tiny_clip_tokenizer(folder, pad_token: str) -> CLIPTokenizer:
    """A CLIP BPE tokenizer of six words whose id 0 is "!", as in CLIP's vocabulary; ``pad_token`` as a folder's
    special_tokens_map.json would name it."""
    folder.mkdir(parents=True, exist_ok=True)
    vocab = {"!": 0, "a</w>": 1, "b</w>": 2, "a": 3, "b": 4, "ab</w>": 5, "<|startoftext|>": 6, "<|endoftext|>": 7}
    (folder / "vocab.json").write_text(json.dumps(vocab))
    (folder / "merges.txt").write_text("#version: 0.2\na b</w>\n")
    return CLIPTokenizer(str(folder / "vocab.json"), str(folder / "merges.txt"), pad_token=pad_token)


def open_clip_tokenize(token_ids: list[int], length: int, start: int = 6, end: int = 7) -> list[int]:
    """open_clip.tokenize's ids (open_clip/tokenizer.py ``tokenize``): ``[start, *tokens, end]`` in a zero tensor of
    ``length``; a longer sequence is cut to ``length`` with ``end`` as its last id."""
    ids = [start, *token_ids, end]
    if len(ids) > length:
        ids = [*ids[: length - 1], end]
    return ids + [0] * (length - len(ids))


class _IdRecorder(torch.nn.Module):
    """A text encoder that keeps the ids it is given (for :func:`encode_prompts`)."""

    device = torch.device("cpu")

    def forward(self, input_ids, attention_mask=None, output_hidden_states=False):
        self.input_ids = input_ids
        return SimpleNamespace(last_hidden_state=torch.zeros(*input_ids.shape, 4))


@pytest.mark.parametrize("folder_pad", ["<|endoftext|>", "!"])
def test_converted_tokenizer_pads_with_zero_like_open_clip(folder_pad: str, tmp_path) -> None:
    # The reference encodes prompts with open_clip.tokenize (tools/modules/clip_embedder.py:48), which pads with
    # id 0 ("!"); a CLIPTokenizer pads with its folder's pad_token ("<|endoftext|>", 49407, by default).
    tokenizer = tiny_clip_tokenizer(tmp_path / "base", folder_pad)
    recorder, length = _IdRecorder(), 8
    adapter = TextEmbeddingAdapter(input_dim=4, output_dim=4, max_length=length, use_attention_mask=False)
    encode_prompts(["a ab b"], tokenizer, recorder, adapter)
    reference = open_clip_tokenize([1, 5, 2], length)
    assert reference == [6, 1, 5, 2, 7, 0, 0, 0]
    assert (recorder.input_ids[0].tolist() == reference) == (folder_pad == "!")
    # What `videomv convert vgen` saves pads as the reference does, whatever the base folder named.
    pad_like_open_clip(tokenizer)
    tokenizer.save_pretrained(tmp_path / "converted")
    converted = AutoTokenizer.from_pretrained(tmp_path / "converted", local_files_only=True)
    encode_prompts(["a ab b"], converted, recorder, adapter)
    assert recorder.input_ids[0].tolist() == reference
    adapter = TextEmbeddingAdapter(input_dim=4, output_dim=4, max_length=4, use_attention_mask=False)
    encode_prompts(["a ab b a"], converted, recorder, adapter)  # cut to its length, the end id kept last
    assert recorder.input_ids[0].tolist() == open_clip_tokenize([1, 5, 2, 1], 4) == [6, 1, 5, 7]
