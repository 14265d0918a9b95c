"""``fit_gaussians``: optimise 3D Gaussians to posed multi-view images (3DGS-style)."""

from __future__ import annotations

import math
from typing import Any

import torch
import torch.nn.functional as F
from tqdm.auto import tqdm

from .container import Gaussians, quat_to_matrix
from .projection import unpack_cameras
from .rasterize import Backend, rasterize
from .sh import num_sh_bases, rgb_to_sh


def psnr(a: torch.Tensor, b: torch.Tensor) -> float:
    """PSNR in dB of images in [0, 1]."""
    mse = F.mse_loss(a, b).item()
    return float("inf") if mse == 0 else -10.0 * math.log10(mse)


def ssim(a: torch.Tensor, b: torch.Tensor, window: int = 11, sigma: float = 1.5) -> torch.Tensor:
    """Mean SSIM of ``(B, C, H, W)`` images in [0, 1] (Gaussian window, as 3DGS)."""
    coords = torch.arange(window, dtype=a.dtype, device=a.device) - window // 2
    g = torch.exp(-(coords**2) / (2 * sigma**2))
    g = g / g.sum()
    kernel = (g[:, None] * g[None, :]).expand(a.shape[1], 1, window, window)

    def blur(x):
        return F.conv2d(x, kernel, padding=window // 2, groups=a.shape[1])

    mu_a, mu_b = blur(a), blur(b)
    var_a = blur(a * a) - mu_a**2
    var_b = blur(b * b) - mu_b**2
    cov = blur(a * b) - mu_a * mu_b
    c1, c2 = 0.01**2, 0.03**2
    num = (2 * mu_a * mu_b + c1) * (2 * cov + c2)
    return (num / ((mu_a**2 + mu_b**2 + c1) * (var_a + var_b + c2))).mean()


def _check_images(images: torch.Tensor, num_cams: int) -> torch.Tensor:
    if images.dim() != 4 or images.shape[1] not in (3, 4):
        raise ValueError(f"images must be (N, 3 or 4, H, W), got {tuple(images.shape)}")
    if images.shape[2] == 0 or images.shape[3] == 0 or images.shape[0] == 0:
        raise ValueError(f"images must be non-empty, got {tuple(images.shape)}")
    if images.shape[0] != num_cams:
        raise ValueError(f"{images.shape[0]} images but {num_cams} cameras")
    if not torch.isfinite(images).all():
        raise ValueError("images have non-finite values")
    return images.float()


@torch.no_grad()
def init_gaussians(
    images: torch.Tensor,
    c2w: torch.Tensor,
    intrinsics: torch.Tensor,
    num: int,
    radius: float,
    sh_degree: int,
    generator: torch.Generator,
) -> Gaussians:
    """Random points in a ball of ``radius`` around the origin, coloured from the views.

    With an alpha channel the points are first carved to the visual hull: a point is kept
    only if every view that sees it has alpha >= 0.5 there, which starts the optimisation
    on the object's silhouette instead of a fog filling the ball.
    """
    num_cand = num * 16 if images.shape[1] == 4 else num
    dirs = F.normalize(torch.randn(num_cand, 3, generator=generator), dim=-1)
    pts = dirs * radius * torch.rand(num_cand, 1, generator=generator) ** (1 / 3)
    uv, inside = _project_points(pts, c2w, intrinsics, images.shape[-1], images.shape[-2])
    samples = _sample(images, uv)  # (V, P, C)
    if images.shape[1] == 4:
        fg = (samples[..., 3] >= 0.5) | ~inside
        keep = torch.nonzero(fg.all(0)).squeeze(1)
        if keep.numel() == 0:  # masks inconsistent with the cameras: fall back to the ball
            keep = torch.arange(num_cand)
        kept_fraction = keep.numel() / num_cand
        keep = keep[:num]
        pts, samples, inside = pts[keep], samples[:, keep], inside[:, keep]
    else:
        kept_fraction = 1.0
    count = pts.shape[0]
    colour = (samples[..., :3] * inside[..., None]).sum(0) / inside.sum(0).clamp_min(1)[:, None]
    # Mean spacing of the kept points sets their initial size, so they roughly tile the hull.
    volume = 4 / 3 * math.pi * radius**3 * kept_fraction
    spacing = (volume / count) ** (1 / 3)
    sh = torch.zeros(count, num_sh_bases(sh_degree), 3)
    sh[:, 0] = rgb_to_sh(colour)
    return Gaussians(
        means=pts,
        quats=torch.tensor([1.0, 0.0, 0.0, 0.0]).repeat(count, 1),
        log_scales=torch.full((count, 3), math.log(0.5 * spacing)),
        opacity_logits=torch.full((count,), math.log(0.1 / 0.9)),  # opacity 0.1, as 3DGS
        sh=sh,
    )


def _project_points(pts, c2w, intrinsics, width, height):
    rot = c2w[:, :3, :3]
    cam = torch.einsum("vji,vpj->vpi", rot, pts[None] - c2w[:, None, :3, 3])
    z = cam[..., 2].clamp_min(1e-6)
    u = intrinsics[:, None, 0] * cam[..., 0] / z + intrinsics[:, None, 2]
    v = intrinsics[:, None, 1] * cam[..., 1] / z + intrinsics[:, None, 3]
    inside = (cam[..., 2] > 0) & (u >= 0) & (u < width) & (v >= 0) & (v < height)
    return torch.stack([u / width * 2 - 1, v / height * 2 - 1], -1), inside


def _sample(images, uv):
    out = F.grid_sample(images, uv[:, :, None], align_corners=False)  # (V, C, P, 1)
    return out[..., 0].transpose(1, 2)


class _Trainer:
    """Parameters, their Adam state, and the 3DGS densification bookkeeping."""

    names = ("means", "quats", "log_scales", "opacity_logits", "sh_dc", "sh_rest")

    def __init__(self, gaussians: Gaussians, lrs: dict[str, float]):
        values = self._split(gaussians)
        self.params = {n: values[n].detach().clone().requires_grad_(True) for n in self.names}
        groups = [{"params": [self.params[n]], "lr": lrs[n], "name": n} for n in self.names]
        self.optimizer = torch.optim.Adam(groups, eps=1e-15)
        n = len(gaussians)
        self.grad_sum, self.grad_count = torch.zeros(n), torch.zeros(n)

    @staticmethod
    def _split(g: Gaussians) -> dict[str, torch.Tensor]:
        # SH bands live in two tensors so that the higher bands get their own learning rate.
        return {
            "means": g.means, "quats": g.quats, "log_scales": g.log_scales,
            "opacity_logits": g.opacity_logits, "sh_dc": g.sh[:, :1], "sh_rest": g.sh[:, 1:],
        }  # fmt: skip

    @property
    def gaussians(self) -> Gaussians:
        p = self.params
        sh = torch.cat([p["sh_dc"], p["sh_rest"]], dim=1)
        return Gaussians(p["means"], p["quats"], p["log_scales"], p["opacity_logits"], sh)

    def accumulate(self, means2d_grad: torch.Tensor, radii: torch.Tensor, width: int, height: int):
        # Pixel gradients to NDC units (x W/2, x H/2) and per camera, so that 3DGS's default
        # threshold of 2e-4 keeps its meaning whatever the image size and view batch.
        scale = torch.tensor([width / 2, height / 2]) * means2d_grad.shape[0]
        norm = (means2d_grad * scale).norm(dim=-1)
        seen = radii > 0
        self.grad_sum += (norm * seen).sum(0)
        self.grad_count += seen.sum(0)

    @torch.no_grad()
    def densify(self, threshold, extent, min_opacity, generator):
        g = self.gaussians
        avg = self.grad_sum / self.grad_count.clamp_min(1)
        big = g.scales.amax(1) > 0.01 * extent
        clone = (avg >= threshold) & ~big
        split = (avg >= threshold) & big
        # Split: two children sampled inside the parent, 1.6x smaller (3DGS).
        parents = g[split]
        children = []
        for _ in range(2):
            offset = torch.randn(len(parents), 3, generator=generator) * parents.scales
            means = parents.means + (quat_to_matrix(parents.quats) @ offset[..., None])[..., 0]
            children.append(
                Gaussians(means, parents.quats, parents.log_scales - math.log(1.6), parents.opacity_logits, parents.sh)
            )
        keep = ~split & (g.opacities >= min_opacity) & (g.scales.amax(1) <= 0.5 * extent)
        self._replace(keep, Gaussians.cat([g[clone], *children]))

    def _replace(self, keep: torch.Tensor, new: Gaussians):
        new_values = self._split(new)
        for group in self.optimizer.param_groups:
            name = group["name"]
            old = group["params"][0]
            value = torch.cat([old.detach()[keep], new_values[name]]).requires_grad_(True)
            state = self.optimizer.state.pop(old, None)
            if state:
                for key in ("exp_avg", "exp_avg_sq"):
                    pad = torch.zeros((len(new), *old.shape[1:]), dtype=old.dtype)
                    state[key] = torch.cat([state[key][keep], pad])
                self.optimizer.state[value] = state
            group["params"][0] = value
            self.params[name] = value
        n = len(self.params["means"])
        self.grad_sum, self.grad_count = torch.zeros(n), torch.zeros(n)


def fit_gaussians(
    images: torch.Tensor,
    cameras: Any,
    *,
    init: Gaussians | None = None,
    num_gaussians: int = 4000,
    init_radius: float | None = None,
    sh_degree: int = 0,
    steps: int = 600,
    views_per_step: int = 1,
    lr_means: float | None = None,
    lr_sh: float = 2.5e-3,
    lr_opacity: float = 0.05,
    lr_scales: float = 5e-3,
    lr_quats: float = 1e-3,
    ssim_weight: float = 0.2,
    alpha_weight: float = 1.0,
    background: str | float | tuple[float, float, float] = "random",
    densify: bool = True,
    densify_from: int = 100,
    densify_until: int | None = None,
    densify_interval: int = 100,
    grad_threshold: float = 2e-4,
    min_opacity: float = 0.005,
    backend: Backend = "auto",
    generator: torch.Generator | None = None,
    seed: int = 0,
    progress: bool = True,
) -> tuple[Gaussians, dict[str, list[float]]]:
    """Fits Gaussians to posed images with Adam, L1 + D-SSIM, and optional densification.

    Everything happens on the CPU in float32 unless ``init`` lives elsewhere.

    Args:
        images: ``(N, 3 or 4, H, W)`` views in [0, 1]. With alpha, targets are composited over
            the background, the rendered alpha is fitted to it (``alpha_weight``), and the
            random initialisation is carved to the visual hull.
        cameras: the N cameras (``c2w`` + ``intrinsics`` object, or a tuple).
        init: Gaussians to start from; default random points (see :func:`init_gaussians`).
        num_gaussians: number of random initial points.
        init_radius: radius of the initial ball around the origin; default: the half-width
            that the narrowest camera sees at the origin.
        sh_degree: SH degree of the random initialisation.
        steps: optimisation steps.
        views_per_step: views rendered (as one batch) per step (3DGS: 1); more than N means N.
        lr_means: position learning rate; default ``1e-3 * extent``, decayed 100x over the
            run, where extent is the camera spread (3DGS uses 1.6e-4 * extent over 30k steps;
            short runs need larger steps).
        lr_sh, lr_opacity, lr_scales, lr_quats: 3DGS learning rates (higher SH bands use
            ``lr_sh / 20``).
        ssim_weight: weight of D-SSIM against L1 (3DGS: 0.2).
        alpha_weight: weight of the alpha MSE when images have alpha.
        background: "random" (a new colour per view and step: transparency must then be
            learned, not painted) or a fixed colour.
        densify: clone/split Gaussians with large screen-space gradients and prune faint ones.
        densify_from, densify_until, densify_interval: densification schedule (steps);
            ``densify_until`` defaults to half of ``steps``.
        grad_threshold: mean NDC gradient norm above which a Gaussian is densified.
        min_opacity: Gaussians below this opacity are pruned when densifying and at the end.
        backend: rasterizer backend.
        generator: random source (view order, backgrounds, init); default seeded by ``seed``.
        seed: seed used when ``generator`` is None.
        progress: show a tqdm progress bar.

    Raises:
        ValueError: ``steps``, ``views_per_step`` or ``num_gaussians`` below 1, or bad images.

    Returns:
        The fitted Gaussians (detached) and a history with per-step "loss", "psnr" (on the
        step's views, composited targets) and "num_gaussians".
    """
    # Zero steps or views per step used to return the untrained model with a NaN PSNR.
    for name, value in (("steps", steps), ("views_per_step", views_per_step), ("num_gaussians", num_gaussians)):
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
    c2w, intrinsics = unpack_cameras(cameras, dtype=torch.float32)
    images = _check_images(torch.as_tensor(images), c2w.shape[0])
    num_views, channels, height, width = images.shape
    gen = generator if generator is not None else torch.Generator().manual_seed(seed)
    centres = c2w[:, :3, 3]
    extent = 1.1 * float((centres - centres.mean(0)).norm(dim=-1).max()) or 1.0
    if init is None:
        if init_radius is None:
            half_fov = torch.minimum(0.5 * width / intrinsics[:, 0], 0.5 * height / intrinsics[:, 1])
            init_radius = float((centres.norm(dim=-1) * half_fov).min())
        init = init_gaussians(images, c2w, intrinsics, num_gaussians, init_radius, sh_degree, gen)
    init.validate()
    lrs = {
        "means": lr_means if lr_means is not None else 1e-3 * extent,
        "quats": lr_quats,
        "log_scales": lr_scales,
        "opacity_logits": lr_opacity,
        "sh_dc": lr_sh,
        "sh_rest": lr_sh / 20,  # 3DGS: higher SH bands learn 20x slower
    }
    trainer = _Trainer(init, lrs)
    densify_until = steps // 2 if densify_until is None else densify_until
    has_alpha = channels == 4
    history: dict[str, list[float]] = {"loss": [], "psnr": [], "num_gaussians": []}

    bar = tqdm(range(steps), disable=not progress, desc="fit", unit="step")
    for step in bar:
        views = torch.randperm(num_views, generator=gen)[: min(views_per_step, num_views)]
        if background == "random":
            bg = torch.rand(len(views), 3, generator=gen)
        else:
            bg = torch.as_tensor(background, dtype=torch.float32).expand(len(views), 3)
        target = images[views, :3]
        if has_alpha:
            target = target * images[views, 3:] + bg[:, :, None, None] * (1 - images[views, 3:])
        out = rasterize(trainer.gaussians, (c2w[views], intrinsics[views]), width, height, bg, backend)
        if out.means2d is not None and densify:
            out.means2d.retain_grad()
        l1 = (out.rgb - target).abs().mean()
        loss = (1 - ssim_weight) * l1 + ssim_weight * (1 - ssim(out.rgb, target))
        if has_alpha:
            loss = loss + alpha_weight * F.mse_loss(out.alpha, images[views, 3:])
        trainer.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        trainer.optimizer.step()
        # Exponential decay of the position step size, to 1% at the end (3DGS).
        trainer.optimizer.param_groups[0]["lr"] = lrs["means"] * 0.01 ** ((step + 1) / steps)

        if densify and out.means2d is not None and out.means2d.grad is not None and step < densify_until:
            trainer.accumulate(out.means2d.grad, out.radii, width, height)
            if step >= densify_from and (step + 1) % densify_interval == 0:
                trainer.densify(grad_threshold, extent, min_opacity, gen)

        history["loss"].append(loss.item())
        history["psnr"].append(psnr(out.rgb.detach().clamp(0, 1), target))
        history["num_gaussians"].append(len(trainer.params["means"]))
        if progress and step % 10 == 0:
            bar.set_postfix(psnr=f"{history['psnr'][-1]:.2f}", n=history["num_gaussians"][-1])
    return trainer.gaussians.detach().prune(min_opacity), history
