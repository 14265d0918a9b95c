"""3D-aware denoising sampling: x̂0 maths, the step schedule, exactness at blend 0, the refiner's effect."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import torch

from videomv.cameras import Cameras, orbit
from videomv.gaussians import Gaussians, rasterize
from videomv.models import IdentityAutoencoder, decode_views, encode_views, get_preset
from videomv.models.reconstructor import GaussianReconstructor
from videomv.sampling import denoise, make_scheduler, model_output_from_x0, predict_x0
from videomv.sampling.three_d_aware import (
    DiffusionX0Views,
    ThreeDAwareConfig,
    ThreeDAwareRefiner,
    evenly_spaced_views,
    resolve_steps,
)

SIZE, VIEWS = 32, 8


class _Pipeline:
    """What the refiner needs of a pipeline: latents <-> images in [-1, 1] (pixel space here)."""

    def __init__(self) -> None:
        self.vae = IdentityAutoencoder()

    def decode_latents(self, latents: torch.Tensor) -> torch.Tensor:
        return decode_views(self.vae, latents)

    def encode_images(self, images: torch.Tensor) -> torch.Tensor:
        return encode_views(self.vae, images)


@pytest.fixture(scope="module")
def cameras() -> Cameras:
    return orbit(VIEWS, 15.0, 2.0, size=SIZE)


@pytest.fixture(scope="module")
def model_fn():
    """A fixed random 3D convolution as the denoiser (cheap): two branches that differ by a bias."""
    torch.manual_seed(0)
    conv = torch.nn.Conv3d(3, 3, 3, padding=1).eval()

    @torch.no_grad()
    def run(x, t):
        out = torch.tanh(conv(x)) + 0.001 * t
        return out + 0.1, out - 0.1

    return run


@pytest.fixture(scope="module")
def unet_model_fn(cameras):
    """A tiny random camera-conditioned video UNet with classifier-free guidance's two branches."""
    torch.manual_seed(0)
    unet = get_preset("tiny-cpu").build_unet(sample_size=SIZE).eval()
    # The camera MLP starts at zero; give it weights so views differ.
    torch.nn.init.normal_(unet.camera_embedding.linear_2.weight, std=0.02)
    text = torch.randn(2, 4, unet.config.cross_attention_dim, generator=torch.Generator().manual_seed(1))
    poses = unet.camera_inputs(cameras, batch_size=2)

    @torch.no_grad()
    def run(x, t):
        out = unet(
            torch.cat([x, x]),
            t,
            encoder_hidden_states=text.repeat_interleave(len(x), 0)[: 2 * len(x)],
            camera_embedding=poses[:1].expand(2 * len(x), -1, -1),
        ).sample
        return out.chunk(2)

    return run


def _sample(model_fn, cameras, refiner=None, solver="ddim", steps=10, seed=0):
    scheduler = make_scheduler(solver, "t2v-modelscope")
    scheduler.set_timesteps(steps)
    noise = torch.randn(1, 3, VIEWS, SIZE, SIZE, generator=torch.Generator().manual_seed(seed))
    return denoise(
        scheduler, noise * scheduler.init_noise_sigma, model_fn, guidance_scale=3.0, x0_refiner=refiner,
        cameras=cameras, pipeline=_Pipeline(),
    )  # fmt: skip


# --- x̂0 maths -------------------------------------------------------------------------------


@pytest.mark.parametrize("preset", ["t2v-modelscope", "i2v-i2vgenxl"])
@pytest.mark.parametrize("solver", ["ddim", "ddpm"])
def test_x0_formulas_match_diffusers(preset, solver):
    """predict_x0 (epsilon for the text preset, v for the image one) equals the scheduler's own x̂0."""
    scheduler = make_scheduler(solver, preset)
    scheduler.set_timesteps(50)
    g = torch.Generator().manual_seed(0)
    for t in scheduler.timesteps[[0, 20, 30, 40, 49]]:
        sample, output = torch.randn(2, 4, 3, 8, 8, generator=g), torch.randn(2, 4, 3, 8, 8, generator=g)
        expected = scheduler.step(output, t, sample, return_dict=True).pred_original_sample
        assert torch.allclose(predict_x0(scheduler, output, sample, t), expected, atol=1e-5, rtol=1e-4)
        if preset == "t2v-modelscope" or t < 999:  # zero terminal SNR: epsilon undefined at t = 999
            back = model_output_from_x0(scheduler, predict_x0(scheduler, output, sample, t), sample, t)
            assert torch.allclose(back, output, atol=1e-3)


@pytest.mark.parametrize("preset", ["t2v-modelscope", "i2v-i2vgenxl"])
def test_diffusion_x0_views_with_an_oracle_denoiser_recovers_the_views(preset):
    scheduler = make_scheduler("ddim", preset)
    vae = IdentityAutoencoder()
    images = torch.rand(2, 3, 3, 8, 8)
    clean = images * 2 - 1

    def oracle(noisy, t):  # the exact epsilon / v of these noisy samples, one timestep each
        oracle.calls.append(t.tolist())
        a = scheduler.alphas_cumprod[t].view(-1, 1, 1, 1, 1)
        eps = (noisy - a.sqrt() * clean) / (1 - a).sqrt()
        return eps if preset == "t2v-modelscope" else a.sqrt() * eps - (1 - a).sqrt() * clean

    oracle.calls = []
    views = DiffusionX0Views(scheduler, oracle, lambda x: encode_views(vae, x), lambda z: decode_views(vae, z))
    out = views(images, torch.tensor([300, 700]), torch.Generator().manual_seed(0))
    assert oracle.calls == [[300, 700]]  # one call for the batch
    assert torch.allclose(out, images, atol=1e-4)


# --- schedule -------------------------------------------------------------------------------


def test_resolve_steps():
    assert resolve_steps(ThreeDAwareConfig().steps, 50) == [20, 30, 40]
    assert resolve_steps(ThreeDAwareConfig().steps, 25) == [10, 15, 20]
    assert resolve_steps((20, 30, 40), 50) == [20, 30, 40]
    assert resolve_steps((0.0, 0.999), 10) == [0, 9]
    for bad, n in (((50,), 50), ((1.0,), 50), ((1, 0.5), 50), ((-1,), 10)):
        with pytest.raises(ValueError):
            resolve_steps(bad, n)
    # 50 DDIM steps of the reference schedule visit t = 581, 381, 181 at those indices.
    scheduler = make_scheduler("ddim", "t2v-modelscope")
    scheduler.set_timesteps(50)
    assert scheduler.timesteps[[20, 30, 40]].tolist() == [581, 381, 181]


def test_evenly_spaced_views():
    assert evenly_spaced_views(24, 4) == [0, 6, 12, 18]
    assert evenly_spaced_views(8, 4) == [0, 2, 4, 6]
    assert evenly_spaced_views(5, 1) == [0]
    with pytest.raises(ValueError):
        evenly_spaced_views(3, 4)


# --- the refiner in the loop ----------------------------------------------------------------


class _StubReconstructor:
    """Returns known Gaussians whatever it sees, and records what it saw."""

    def __init__(self, gaussians: Gaussians) -> None:
        self.known = gaussians
        self.config = SimpleNamespace(num_input_views=4)
        self.device, self.dtype = torch.device("cpu"), torch.float32
        self.calls: list[tuple[torch.Tensor, Cameras]] = []

    def __call__(self, images, cameras):
        self.calls.append((images, cameras))
        return SimpleNamespace(gaussians=[self.known] * len(images))


def _known_gaussians(n: int = 64) -> Gaussians:
    g = torch.Generator().manual_seed(5)
    return Gaussians.from_activated(
        (torch.rand(n, 3, generator=g) - 0.5) * 0.8, torch.randn(n, 4, generator=g),
        torch.full((n, 3), 0.08), torch.full((n,), 0.8), torch.rand(n, 3, generator=g),
    )  # fmt: skip


class _Recorder:
    """Wraps a refiner and records every call's inputs and outputs."""

    def __init__(self, refiner):
        self.refiner, self.calls = refiner, []

    def __call__(self, x0_cond, x0_uncond, state):
        out = self.refiner(x0_cond, x0_uncond, state)
        self.calls.append((state.step_index, x0_cond, x0_uncond, *out))
        return out


@pytest.mark.parametrize("solver", ["ddim", "dpmsolver++"])
def test_blend_zero_equals_plain_sampling_exactly(model_fn, cameras, solver):
    stub = _StubReconstructor(_known_gaussians())
    refiner = ThreeDAwareRefiner(stub, ThreeDAwareConfig(steps=(2, 5, 8), blend=0.0))
    plain = _sample(model_fn, cameras, solver=solver)
    assert torch.equal(_sample(model_fn, cameras, refiner, solver=solver), plain)
    assert not stub.calls and refiner.gaussians is None
    # And a non-zero blend does change the result.
    refiner = ThreeDAwareRefiner(stub, ThreeDAwareConfig(steps=(2, 5, 8), blend=0.5))
    assert not torch.equal(_sample(model_fn, cameras, refiner, solver=solver), plain)


@pytest.mark.parametrize("blend", [1.0, 0.3])
def test_estimate_changes_exactly_at_the_scheduled_steps(model_fn, cameras, blend):
    known = _known_gaussians()
    stub = _StubReconstructor(known)
    config = ThreeDAwareConfig(steps=(0.3, 0.7), blend=blend, backend="torch")
    recorder = _Recorder(ThreeDAwareRefiner(stub, config))
    _sample(model_fn, cameras, recorder, steps=10)
    assert [c[0] for c in recorder.calls] == list(range(10))
    expected_render = rasterize(known, cameras, SIZE, SIZE, background=1.0, backend="torch").rgb.clamp(0, 1)
    expected_latents = encode_views(IdentityAutoencoder(), expected_render[None] * 2 - 1)
    for step, x0_cond, x0_uncond, new_cond, new_uncond in recorder.calls:
        if step not in (3, 7):
            assert new_cond is x0_cond and new_uncond is x0_uncond, step
            continue
        for before, after in ((x0_cond, new_cond), (x0_uncond, new_uncond)):
            assert torch.allclose(after, torch.lerp(before, expected_latents, blend), atol=1e-6), step
            assert not torch.allclose(after, before)
    # The reconstructor saw, per scheduled step, both branches' decoded input views 0, 2, 4, 6.
    assert len(stub.calls) == 2
    for (images, cams), (_, x0_cond, x0_uncond, *_) in zip(
        stub.calls, [c for c in recorder.calls if c[0] in (3, 7)], strict=True
    ):
        decoded = (torch.cat([x0_cond, x0_uncond])[:, [0, 2, 4, 6]] + 1) / 2
        assert torch.allclose(images, decoded.clamp(0, 1))
        assert torch.equal(cams.c2w, cameras.c2w[[0, 2, 4, 6]])
    assert recorder.refiner.gaussians_step == 7 and recorder.refiner.gaussians[0] is known


def test_unconditional_branch_can_be_left_alone(model_fn, cameras):
    stub = _StubReconstructor(_known_gaussians())
    recorder = _Recorder(
        ThreeDAwareRefiner(stub, ThreeDAwareConfig(steps=(4,), refine_unconditional=False, backend="torch"))
    )
    _sample(model_fn, cameras, recorder, steps=6)
    _, x0_cond, x0_uncond, new_cond, new_uncond = recorder.calls[4]
    assert new_uncond is x0_uncond and not torch.equal(new_cond, x0_cond)
    assert len(stub.calls[0][0]) == 1


def test_a_last_step_refinement_makes_the_samples_the_renders(model_fn, cameras):
    known = _known_gaussians()
    stub = _StubReconstructor(known)
    recorder = _Recorder(ThreeDAwareRefiner(stub, ThreeDAwareConfig(steps=(0.5, 0.95), backend="torch")))
    # DDPM's last step returns its x̂0 (with this preset's DDIM, the last step ends above t = 0).
    latents = _sample(model_fn, cameras, recorder, solver="ddpm", steps=10)
    # Step 5 refines both branches; the last (9) only the conditional one, whose renders both
    # branches then carry, so guidance (scale 3) cannot push the sample off them.
    assert [len(images) for images, _ in stub.calls] == [2, 1]
    _, _, _, new_cond, new_uncond = recorder.calls[9]
    assert new_uncond is new_cond
    render = rasterize(known, cameras, SIZE, SIZE, background=1.0, backend="torch").rgb.clamp(0, 1)
    expected = encode_views(IdentityAutoencoder(), render[None] * 2 - 1).permute(0, 2, 1, 3, 4)
    torch.testing.assert_close(latents, expected, atol=1e-5, rtol=0)


def test_whole_sampler_runs_with_tiny_models(unet_model_fn, cameras):
    torch.manual_seed(0)
    reconstructor = GaussianReconstructor.from_preset("tiny").eval()
    refiner = ThreeDAwareRefiner(reconstructor, ThreeDAwareConfig(steps=(0.5,), input_views=(1, 3, 5), backend="torch"))
    latents = _sample(unet_model_fn, cameras, refiner, steps=6)
    assert latents.shape == (1, 3, VIEWS, SIZE, SIZE) and torch.isfinite(latents).all()
    assert refiner.gaussians_step == 3 and len(refiner.gaussians) == 1
    assert len(refiner.gaussians[0]) == 3 * reconstructor.splat_size**2
    # Gaussians of the final views, for the pipeline's output.
    final = ((decode_views(IdentityAutoencoder(), latents.permute(0, 2, 1, 3, 4)) + 1) / 2).clamp(0, 1)
    gaussians = refiner.reconstruct(final, cameras)
    assert len(gaussians) == 1 and gaussians[0].means.shape == (3 * reconstructor.splat_size**2, 3)
    # A second run starts afresh.
    refiner.gaussians_step = 99
    _sample(unet_model_fn, cameras, refiner, steps=6)
    assert refiner.gaussians_step == 3


def test_bad_settings_are_refused(cameras):
    stub = _StubReconstructor(_known_gaussians())
    with pytest.raises(ValueError, match="blend"):
        ThreeDAwareRefiner(stub, ThreeDAwareConfig(blend=1.5))
    refiner = ThreeDAwareRefiner(stub, ThreeDAwareConfig(steps=(12,)))
    state = SimpleNamespace(step_index=0, num_inference_steps=10, cameras=cameras, pipeline=_Pipeline())
    with pytest.raises(ValueError, match="outside"):
        refiner(torch.zeros(1, VIEWS, 3, SIZE, SIZE), None, state)
    refiner = ThreeDAwareRefiner(stub, ThreeDAwareConfig(input_views=(0, 9)))
    with pytest.raises(ValueError, match="input views"):
        refiner.input_views(VIEWS)
