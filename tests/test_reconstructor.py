"""GaussianReconstructor: shapes, activations, frames, save/load and the LGM state-dict mapping."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
import torch.nn.functional as F

from videomv.cameras import Cameras, from_spherical, orbit
from videomv.data.format import MultiViewSample
from videomv.gaussians import Gaussians, rasterize
from videomv.models.lgm_convert import (
    LGMConversionError,
    config_from_lgm_state_dict,
    convert_lgm_state_dict,
)
from videomv.models.reconstructor import RECONSTRUCTOR_PRESETS, GaussianReconstructor
from videomv.safe_load import BadFileError
from videomv.training.reconstructor import (
    ReconstructorTask,
    ReconstructorTrainingConfig,
    reconstruction_loss,
    select_training_views,
    train_reconstructor,
)


@pytest.fixture(scope="module")
def tiny() -> GaussianReconstructor:
    torch.manual_seed(0)
    return GaussianReconstructor.from_preset("tiny").eval()


def _moved(cameras: Cameras, rotation: torch.Tensor, translation: torch.Tensor, scale: float) -> Cameras:
    """The same rig after the world moved by ``x -> scale * rotation @ x + translation``."""
    c2w = cameras.c2w.clone()
    c2w[:, :3, :3] = rotation @ c2w[:, :3, :3]
    c2w[:, :3, 3] = scale * c2w[:, :3, 3] @ rotation.T + translation
    return Cameras(c2w, cameras.intrinsics, cameras.width, cameras.height)


def _rot_z(degrees: float) -> torch.Tensor:
    a = math.radians(degrees)
    return torch.tensor([[math.cos(a), -math.sin(a), 0.0], [math.sin(a), math.cos(a), 0.0], [0.0, 0.0, 1.0]])


@pytest.mark.parametrize("num_views", [1, 3, 4])
def test_output_shapes(tiny, num_views):
    cams = orbit(num_views, 10.0, 2.0, size=48)
    out = tiny(torch.rand(2, num_views, 3, 48, 48), cams)
    s = tiny.splat_size
    assert s == tiny.config.input_size // 2
    assert out.params.shape == (2, num_views * s * s, 14)
    assert out.transforms.shape == (2, 4, 4)
    assert len(out.gaussians) == 2
    assert all(len(g) == num_views * s * s and g.sh.shape[1] == 1 for g in out.gaussians)
    assert tiny.forward_maps(tiny.prepare_inputs(torch.rand(num_views, 3, 48, 48), cams)[0]).shape == (
        1, num_views, 14, s, s,
    )  # fmt: skip


def test_activation_ranges():
    maps = torch.randn(2, 3, 14, 5, 5) * 50  # far into every activation's saturation
    params = GaussianReconstructor.activate(maps)
    pos, opacity, scale, rot, rgb = params.split([3, 1, 3, 4, 3], dim=-1)
    assert pos.abs().max() <= 1.0 and (pos.abs() == 1.0).any()
    assert ((opacity >= 0) & (opacity <= 1)).all()
    assert (scale > 0).all() and torch.isfinite(scale).all()
    assert torch.allclose(rot.norm(dim=-1), torch.ones(1))
    assert ((rgb >= 0) & (rgb <= 1)).all()
    # The activated scales are 0.1 * softplus: matched exactly away from the lower clamp.
    moderate = torch.randn(1, 1, 14, 2, 2)
    assert torch.allclose(
        GaussianReconstructor.activate(moderate)[..., 4:7],
        0.1 * F.softplus(moderate.permute(0, 1, 3, 4, 2).reshape(1, -1, 14)[..., 4:7]),
    )


def test_lgm_gaussians_in_front_of_input_cameras():
    torch.manual_seed(0)
    lgm_layout = GaussianReconstructor.from_preset("tiny", pixel_aligned=False).eval()
    # An orbit of radius 3.1 around a point off the origin: the canonical frame must undo both.
    cams = _moved(orbit(4, 0.0, 3.1, size=32), _rot_z(20.0), torch.tensor([0.4, -0.7, 1.2]), 1.0)
    out = lgm_layout(torch.rand(1, 4, 3, 32, 32), cams)
    gaussians = out.gaussians[0]
    _, depth = cams.project(gaussians.means)
    # Canonical positions lie in [-1, 1]^3 with the cameras 1.5 from the centre on the axes,
    # so every Gaussian is at least 0.5 canonical units (0.5 * 3.1 / 1.5 here) in front.
    assert depth.min() >= 0.5 * 3.1 / 1.5 - 1e-4
    # And the world-to-canonical transform brings them back into the unit cube.
    t = out.transforms[0]
    canonical = gaussians.means @ t[:3, :3].T + t[:3, 3]
    assert canonical.abs().max() <= 1.0 + 1e-4
    assert torch.allclose(canonical, out.params[0, :, :3], atol=1e-4)


def test_pixel_aligned_gaussians_stay_near_their_rays(tiny):
    assert tiny.config.pixel_aligned
    cams = _moved(orbit(4, 0.0, 3.1, size=32), _rot_z(20.0), torch.tensor([0.4, -0.7, 1.2]), 1.0)
    out = tiny(torch.rand(1, 4, 3, 32, 32), cams)
    s2 = tiny.splat_size**2
    points, _ = tiny.pixel_anchors(torch.rand(4, 3, 32, 32), cams)
    anchors = points[0].permute(0, 2, 3, 1).reshape(-1, 3)
    # Canonical positions are within half the camera radius, per axis, of their pixel's anchor ...
    offsets = out.params[0, :, :3] - anchors
    assert offsets.abs().max() <= 0.5 * 1.5 + 1e-5
    # ... which is less than the anchor's distance, so each view's Gaussians are in front of it.
    _, depth = cams.project(out.gaussians[0].means)
    own = torch.stack([depth[v, v * s2 : (v + 1) * s2] for v in range(4)])
    assert own.min() >= (1 - 0.5 * math.sqrt(3)) * 3.1 - 1e-4


def test_pixel_aligned_head_at_zero_rerenders_its_input():
    """With the output head at zero (plus opaque, small Gaussians), each Gaussian sits on its
    pixel's ray at the centre's distance with the pixel's colour, so a single input view is
    re-rendered from its own camera."""
    torch.manual_seed(0)
    model = GaussianReconstructor.from_preset("tiny").eval()
    torch.nn.init.zeros_(model.conv.weight)
    with torch.no_grad():
        model.conv.bias.zero_()
        model.conv.bias[3], model.conv.bias[4:7], model.conv.bias[7] = 10.0, -20.0, 1.0
    cams = orbit(1, 10.0, 2.6, size=32)
    v, u = torch.meshgrid(torch.linspace(0, 1, 32), torch.linspace(0, 1, 32), indexing="ij")
    image = torch.stack([u, v, 1 - u * v])[None]  # smooth, so neighbouring splats agree
    gaussians = model(image[None], cams).gaussians[0]
    assert torch.allclose((gaussians.means - cams.c2w[0, :3, 3]).norm(dim=-1), torch.tensor(2.6), atol=1e-4)
    s = model.splat_size
    render = rasterize(gaussians, cams.resized(s, s), s, s, background=torch.ones(1, 3))
    expected = F.interpolate(image, size=(s, s), mode="bilinear", align_corners=False, antialias=True)
    assert (render.rgb - expected).abs().mean() < 0.01
    assert (render.rgb - expected.flip(-1)).abs().mean() > 0.1  # the check can tell views apart


def test_world_frame_equivariance(tiny):
    """Rotating and scaling the world about the object's centre (the origin, which the cameras
    look at) moves the Gaussians the same way: the output is in the cameras' world."""
    cams = orbit(4, 15.0, 2.0, size=32)
    images = torch.rand(1, 4, 3, 32, 32)
    tilt = torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.6, -0.8], [0.0, 0.8, 0.6]])
    rotation, translation, scale = tilt @ _rot_z(-35.0), torch.zeros(3), 1.7
    g0 = tiny(images, cams).gaussians[0]
    g1 = tiny(images, _moved(cams, rotation, translation, scale)).gaussians[0]
    assert torch.allclose(g1.means, scale * g0.means @ rotation.T + translation, atol=1e-4)
    assert torch.allclose(g1.scales, scale * g0.scales, rtol=1e-4)
    # Renders from the moved cameras equal renders from the original ones.
    r0 = rasterize(g0, cams, 32, 32, background=1.0, backend="torch").rgb
    r1 = rasterize(g1, _moved(cams, rotation, translation, scale), 32, 32, background=1.0, backend="torch").rgb
    # The 1/255 alpha cut is a step: a fragment that sits on it in one frame may fall under it
    # after float rounding in the other, changing a pixel by up to ~1/255. A wrong transform
    # moves whole splats and changes many pixels by far more.
    diff = (r0 - r1).abs()
    assert diff.max() < 1e-2 and diff.mean() < 1e-4


def test_save_and_load_pretrained(tiny, tmp_path):
    tiny.save_pretrained(tmp_path / "recon")
    assert (tmp_path / "recon" / "diffusion_pytorch_model.safetensors").exists()
    loaded = GaussianReconstructor.from_pretrained(tmp_path / "recon").eval()
    assert list(loaded.config.down_channels) == list(tiny.config.down_channels)
    cams = orbit(4, 0.0, 2.0, size=32)
    images = torch.rand(1, 4, 3, 32, 32)
    with torch.no_grad():
        assert torch.equal(loaded(images, cams).params, tiny(images, cams).params)


def test_from_pretrained_refuses_a_damaged_folder_naming_the_file(tiny, tmp_path):
    folder = tmp_path / "recon"
    tiny.save_pretrained(folder)
    weights = folder / "diffusion_pytorch_model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-16])  # a copy cut short
    with pytest.raises(BadFileError, match=r"diffusion_pytorch_model\.safetensors: .*truncated"):
        GaussianReconstructor.from_pretrained(folder)
    (folder / "config.json").write_text('{"down_channels": "x"}')
    with pytest.raises(BadFileError, match=r"config\.json: down_channels must be a list"):
        GaussianReconstructor.from_pretrained(folder)


# --- LGM state-dict layout ------------------------------------------------------------------
# Built from LGM's public core/unet.py and core/models.py module names, independently of our
# module tree: a UNet(9, 14, ...) under "unet." plus a 1x1 "conv", GroupNorm(32) everywhere,
# MVAttention = GroupNorm "norm" + attention "attn" with "qkv" (no bias) and "proj".


def _lgm_layout(down, down_attn, mid_attn, up, up_attn, layers) -> dict[str, tuple[int, ...]]:
    shapes: dict[str, tuple[int, ...]] = {}

    def conv(name, cin, cout, k):
        shapes[f"{name}.weight"], shapes[f"{name}.bias"] = (cout, cin, k, k), (cout,)

    def norm(name, c):
        shapes[f"{name}.weight"], shapes[f"{name}.bias"] = (c,), (c,)

    def resnet(name, cin, cout):
        norm(f"{name}.norm1", cin)
        conv(f"{name}.conv1", cin, cout, 3)
        norm(f"{name}.norm2", cout)
        conv(f"{name}.conv2", cout, cout, 3)
        if cin != cout:
            conv(f"{name}.shortcut", cin, cout, 1)

    def attention(name, c):
        norm(f"{name}.norm", c)
        shapes[f"{name}.attn.qkv.weight"] = (3 * c, c)
        shapes[f"{name}.attn.proj.weight"], shapes[f"{name}.attn.proj.bias"] = (c, c), (c,)

    conv("unet.conv_in", 9, down[0], 3)
    cout = down[0]
    for i, ch in enumerate(down):
        cin, cout = cout, ch
        for j in range(layers):
            resnet(f"unet.down_blocks.{i}.nets.{j}", cin if j == 0 else cout, cout)
            if down_attn[i]:
                attention(f"unet.down_blocks.{i}.attns.{j}", cout)
        if i != len(down) - 1:
            conv(f"unet.down_blocks.{i}.downsample", cout, cout, 3)
    resnet("unet.mid_block.nets.0", down[-1], down[-1])
    resnet("unet.mid_block.nets.1", down[-1], down[-1])
    if mid_attn:
        attention("unet.mid_block.attns.0", down[-1])
    cout = up[0]
    for i, ch in enumerate(up):
        cin, cout = cout, ch
        cskip = down[max(-2 - i, -len(down))]
        for j in range(layers + 1):
            c_in = cin if j == 0 else cout
            c_skip = cskip if j == layers else cout
            resnet(f"unet.up_blocks.{i}.nets.{j}", c_in + c_skip, cout)
            if up_attn[i]:
                attention(f"unet.up_blocks.{i}.attns.{j}", cout)
        if i != len(up) - 1:
            conv(f"unet.up_blocks.{i}.upsample", cout, cout, 3)
    norm("unet.norm_out", up[-1])
    conv("unet.conv_out", up[-1], 14, 3)
    conv("conv", 14, 14, 1)
    return shapes


_TINY_LGM = {
    "down": (32, 32, 64),
    "down_attn": (False, True, True),
    "mid_attn": True,
    "up": (64, 32),
    "up_attn": (True, False),
    "layers": 2,
}


def _random_lgm_state_dict(seed: int = 0) -> dict[str, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    shapes = _lgm_layout(**_TINY_LGM)
    sd = {k: torch.randn(s, generator=g) * (0.5 / math.sqrt(math.prod(s[1:]) or 1)) for k, s in shapes.items()}
    for k in sd:  # GroupNorm scales near 1, as in a trained model
        if ".norm" in k and k.endswith("weight"):
            sd[k] = 1.0 + 0.1 * sd[k]
    return {k: v.half() for k, v in sd.items()}  # LGM ships fp16 weights


def _lgm_reference_forward(sd: dict[str, torch.Tensor], x: torch.Tensor, num_views: int) -> torch.Tensor:
    """LGM's forward_gaussians maths on raw tensors (before activations): ``(B*V, 9, H, W)`` in."""
    sd = {k: v.float() for k, v in sd.items()}
    skip = math.sqrt(0.5)

    def gn(h, name):
        return F.group_norm(h, 32, sd[f"{name}.weight"], sd[f"{name}.bias"], 1e-5)

    def conv(h, name, stride=1):
        w = sd[f"{name}.weight"]
        return F.conv2d(h, w, sd[f"{name}.bias"], stride=stride, padding=w.shape[-1] // 2)

    def resnet(h, name):
        out = conv(F.silu(gn(h, f"{name}.norm1")), f"{name}.conv1")
        out = conv(F.silu(gn(out, f"{name}.norm2")), f"{name}.conv2")
        res = conv(h, f"{name}.shortcut") if f"{name}.shortcut.weight" in sd else h
        return (out + res) * skip

    def mv_attention(h, name):
        bv, c, hh, ww = h.shape
        t = gn(h, f"{name}.norm").reshape(bv // num_views, num_views, c, hh, ww).permute(0, 1, 3, 4, 2)
        t = t.reshape(bv // num_views, -1, c)
        b, n, _ = t.shape
        qkv = (t @ sd[f"{name}.attn.qkv.weight"].T).reshape(b, n, 3, 16, c // 16).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0] * (c // 16) ** -0.5, qkv[1], qkv[2]
        a = ((q @ k.transpose(-2, -1)).softmax(-1) @ v).transpose(1, 2).reshape(b, n, c)
        a = a @ sd[f"{name}.attn.proj.weight"].T + sd[f"{name}.attn.proj.bias"]
        a = a.reshape(b, num_views, hh, ww, c).permute(0, 1, 4, 2, 3).reshape(bv, c, hh, ww)
        return (a + h) * skip

    cfg = _TINY_LGM
    h = conv(x, "unet.conv_in")
    xss = [h]
    for i in range(len(cfg["down"])):
        for j in range(cfg["layers"]):
            h = resnet(h, f"unet.down_blocks.{i}.nets.{j}")
            if cfg["down_attn"][i]:
                h = mv_attention(h, f"unet.down_blocks.{i}.attns.{j}")
            xss.append(h)
        if i != len(cfg["down"]) - 1:
            h = conv(h, f"unet.down_blocks.{i}.downsample", stride=2)
            xss.append(h)
    h = resnet(h, "unet.mid_block.nets.0")
    h = mv_attention(h, "unet.mid_block.attns.0")
    h = resnet(h, "unet.mid_block.nets.1")
    for i in range(len(cfg["up"])):
        n = cfg["layers"] + 1
        xs, xss = xss[-n:], xss[:-n]
        for j in range(n):
            h = resnet(torch.cat([h, xs.pop()], dim=1), f"unet.up_blocks.{i}.nets.{j}")
            if cfg["up_attn"][i]:
                h = mv_attention(h, f"unet.up_blocks.{i}.attns.{j}")
        if i != len(cfg["up"]) - 1:
            h = conv(F.interpolate(h, scale_factor=2.0, mode="nearest"), f"unet.up_blocks.{i}.upsample")
    h = conv(F.silu(gn(h, "unet.norm_out")), "unet.conv_out")
    return conv(h, "conv")


def _model_for_tiny_lgm(sd) -> GaussianReconstructor:
    return GaussianReconstructor(**config_from_lgm_state_dict(sd, input_size=16))


def test_lgm_config_is_read_from_shapes():
    cfg = config_from_lgm_state_dict(_random_lgm_state_dict())
    assert cfg["down_channels"] == _TINY_LGM["down"] and cfg["up_channels"] == _TINY_LGM["up"]
    assert cfg["down_attention"] == _TINY_LGM["down_attn"] and cfg["up_attention"] == _TINY_LGM["up_attn"]
    assert cfg["mid_attention"] and cfg["layers_per_block"] == 2
    assert cfg["attention_heads"] == 16 and cfg["norm_num_groups"] == 32 and cfg["input_size"] == 256


def test_lgm_state_dict_loads_and_matches_lgm_maths():
    sd = _random_lgm_state_dict()
    model = _model_for_tiny_lgm(sd)
    model.load_state_dict(convert_lgm_state_dict(sd, model), strict=True)
    # Every tensor landed under its own name.
    for key, value in model.state_dict().items():
        assert torch.equal(value, sd[key].float()), key
    cams = orbit(4, 0.0, 1.5, size=16)
    inputs, _ = model.prepare_inputs(torch.rand(2, 4, 3, 16, 16), cams)
    with torch.no_grad():
        ours = model.forward_maps(inputs)
        ref = _lgm_reference_forward(sd, inputs.reshape(8, 9, 16, 16), num_views=4)
    assert torch.allclose(ours.reshape(8, 14, 8, 8), ref, atol=1e-4)


def test_lgm_wrapper_prefixes_and_lpips_are_handled():
    sd = _random_lgm_state_dict()
    model = _model_for_tiny_lgm(sd)
    wrapped = {f"module.{k}": v for k, v in sd.items()}
    wrapped["module.lpips_loss.net.slice1.0.weight"] = torch.zeros(1)
    assert set(convert_lgm_state_dict(wrapped, model)) == set(model.state_dict())


def test_lgm_converter_lists_unmapped_missing_and_mismatched_keys():
    sd = _random_lgm_state_dict()
    model = _model_for_tiny_lgm(sd)
    broken = dict(sd)
    broken["unet.extra_block.weight"] = torch.zeros(3)
    del broken["unet.mid_block.attns.0.attn.proj.bias"]
    broken["conv.bias"] = torch.zeros(7)
    with pytest.raises(LGMConversionError) as err:
        convert_lgm_state_dict(broken, model)
    message = str(err.value)
    assert "\n" not in message  # one line, for the CLI's one-line errors
    assert "1 unmapped: unet.extra_block.weight" in message
    assert "1 missing: unet.mid_block.attns.0.attn.proj.bias" in message
    assert "1 shape mismatch: conv.bias" in message


def test_big_preset_has_lgm_big_layout():
    """The big preset's state dict is exactly LGM big's (names and shapes), so its weights load."""
    with torch.device("meta"):
        big = GaussianReconstructor.from_preset("big")
    ours = {k: tuple(v.shape) for k, v in big.state_dict().items()}
    p = RECONSTRUCTOR_PRESETS["big"]
    lgm = _lgm_layout(
        p["down_channels"], p["down_attention"], p["mid_attention"], p["up_channels"], p["up_attention"], 2
    )
    assert ours == lgm
    assert big.splat_size == 128
    assert 400e6 < sum(math.prod(s) for s in ours.values()) < 430e6


# --- training ---------------------------------------------------------------------------------


def _blob_scene(n: int = 48) -> Gaussians:
    """Three coloured blobs of Gaussians around the origin: a fixed scene to render views of."""
    g = torch.Generator().manual_seed(0)
    centers = torch.tensor([[0.3, 0.0, 0.1], [-0.25, 0.2, -0.1], [0.0, -0.3, 0.25]])
    colors = torch.tensor([[0.9, 0.2, 0.1], [0.1, 0.7, 0.2], [0.2, 0.3, 0.9]])
    part = torch.arange(n) % 3
    means = centers[part] + 0.08 * torch.randn(n, 3, generator=g)
    return Gaussians.from_activated(
        means, torch.randn(n, 4, generator=g), torch.full((n, 3), 0.07), torch.full((n,), 0.9), colors[part]
    )


def _render_rgba(gaussians: Gaussians, cameras: Cameras) -> torch.Tensor:
    out = rasterize(gaussians, cameras, cameras.width, cameras.height, background=0.0, backend="torch")
    # Un-premultiply: the black background contributes nothing, so rgb / alpha is the colour.
    rgb = torch.where(out.alpha > 0, out.rgb / out.alpha.clamp_min(1e-6), 0.0)
    return torch.cat([rgb, out.alpha], dim=1).clamp(0.0, 1.0)


def test_training_lowers_held_out_view_loss():
    size = 16
    scene = _blob_scene()
    train_cams = orbit(24, 15.0, 2.0, size=size)
    sample = MultiViewSample(_render_rgba(scene, train_cams), train_cams)
    # Held-out cameras: azimuths between the training ones, at another elevation.
    held = from_spherical(torch.arange(8) * 45.0 + 7.5, 30.0, 2.0, size=size)
    held_rgba = _render_rgba(scene, held)
    inputs = [0, 6, 12, 18]
    torch.manual_seed(0)
    model = GaussianReconstructor.from_preset("tiny", input_size=size)

    def held_out_loss() -> float:
        with torch.no_grad():
            return float(
                reconstruction_loss(
                    model, sample.composited(1.0)[inputs], train_cams[inputs], held_rgba, held,
                    torch.full((8, 3), 0.5), backend="torch",
                )["loss"]
            )  # fmt: skip

    before = held_out_loss()
    config = ReconstructorTrainingConfig(
        steps=200, learning_rate=1e-3, num_supervision_views=2, backend="torch", progress=False, lambda_lpips=0.0
    )
    result = train_reconstructor(model, [sample], config)
    after = held_out_loss()
    assert len(result.losses) == 200 and not result.used_lpips
    assert after < 0.5 * before, (before, after)


def test_x0_mode_feeds_estimates_of_all_views():
    size = 16
    cams = orbit(8, 15.0, 2.0, size=size)
    sample = MultiViewSample(_render_rgba(_blob_scene(), cams), cams)
    calls = []

    def x0_views(images, timesteps, generator, cameras):
        assert len(cameras) == len(images) and all(len(c) == images.shape[1] for c in cameras)
        calls.append((images.shape, timesteps.clone()))
        return images + 0.1 * torch.stack([torch.randn(images.shape[1:], generator=g) for g in generator])

    config = ReconstructorTrainingConfig(
        steps=3, batch_size=2, mode="x0", min_timestep=100, max_timestep=300, backend="torch", progress=False,
        num_supervision_views=2, lambda_lpips=0.0,
    )  # fmt: skip
    model = GaussianReconstructor.from_preset("tiny", input_size=size)
    train_reconstructor(model, [sample], config, x0_views=x0_views)
    assert len(calls) == 3
    assert all(shape == (2, 8, 3, size, size) for shape, _ in calls)
    assert all(((t >= 100) & (t <= 300)).all() for _, t in calls)
    with pytest.raises(ValueError, match="x0_views"):
        train_reconstructor(model, [sample], config)


def test_select_training_views():
    g = torch.Generator().manual_seed(3)
    inputs, others = select_training_views(24, 4, 4, g)
    assert len(set(inputs)) == 4 and all((b - a) % 24 == 6 for a, b in itertools.pairwise(inputs))
    assert len(others) == 4 and not set(others) & set(inputs)
    assert len(select_training_views(5, 4, 4, g)[1]) == 1


def test_anchored_x0_mode_gives_view_0_itself_as_the_first_input():
    size = 16
    cams = orbit(8, 15.0, 2.0, size=size)
    rgba = _render_rgba(_blob_scene(), cams)
    model = GaussianReconstructor.from_preset("tiny", input_size=size)

    def x0_views(images, timesteps, generators, cameras):
        return images + 0.1  # every estimate off by a constant

    task = ReconstructorTask(model, mode="x0", x0_views=x0_views, anchor_input_view=True)
    generators = [torch.Generator().manual_seed(s) for s in (1, 2)]
    picks = [select_training_views(8, 4, 2, g, from_first=True) for g in generators]
    assert [inputs for inputs, _ in picks] == [[0, 2, 4, 6]] * 2
    inputs = task._inputs([rgba, rgba], [cams, cams], picks, torch.device("cpu"), generators, {})
    clean = rgba[:, :3] * rgba[:, 3:] + (1 - rgba[:, 3:])  # on the white input background
    for sample in inputs:
        torch.testing.assert_close(sample[0], clean[0])  # the condition view, exact
        torch.testing.assert_close(sample[1:], (clean[[2, 4, 6]] + 0.1).clamp(0, 1))  # the others' x̂0
    with pytest.raises(ValueError, match="x0 mode only"):
        ReconstructorTask(model, anchor_input_view=True)
