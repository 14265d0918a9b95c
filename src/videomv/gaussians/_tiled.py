"""Tile-based Gaussian compositing in pure PyTorch, with a hand-written backward pass.

How it stays fast on a CPU without a compiled kernel:

* **Binning.** Each visible splat is duplicated once per 16x16 tile its footprint touches;
  one ``argsort`` of the key ``tile * N + depth_rank`` gives, per tile, a contiguous run of
  splats in front-to-back order (what 3DGS does with a radix sort).
* **Depth chunks across all tiles.** Tiles are processed together, ``chunk`` splats at a time:
  a ``(tiles, chunk, 256)`` block of alphas, composited with a cumulative product along the
  chunk and a per-pixel transmittance carried between chunks. Tiles are ordered by their
  splat count, so the tiles still busy at depth ``k`` are found with a binary search.
* **Early termination.** A tile leaves the loop once all its pixels are below the
  transmittance threshold, so opaque surfaces cost only their first layers.
* **Recomputing backward.** Autograd would keep every ``(tiles, chunk, 256)`` intermediate;
  the backward here recomputes the alphas chunk by chunk instead and gets the gradient of
  each alpha from the output colour, in the same front-to-back order as the forward:
  ``dL/da_i = T_i v_i - (G - sum_{j<=i} w_j v_j) / (1 - a_i)`` with ``v_i`` the splat's
  feature dotted with the output gradient and ``G`` the output dotted with it. Memory is one
  chunk, whatever the number of splats.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from .projection import ALPHA_MAX, ALPHA_MIN, POWER_MIN, T_MIN, TRANS_FLOOR

TILE = 16
_PIX = TILE * TILE
# Upper bound on the elements of one (tiles, chunk, 256) block; bounds peak memory (~10 such
# temporaries live at once) while keeping blocks large enough to amortise Python overhead.
_BLOCK_ELEMS = 1 << 22


@dataclass
class TileBins:
    """Splat-tile intersections sorted by (tile, depth). Tile ids are global: ``cam * T + t``.

    Attributes:
        splat_ids: ``(M,)`` index into the flattened ``(C * N)`` splats, per intersection.
        offsets: ``(C * T,)`` start of each tile's run in ``splat_ids``.
        counts: ``(C * T,)`` length of each tile's run.
        order: tiles sorted by decreasing count (only tiles with a non-zero count).
        tiles_x, tiles_y: tile grid size per image.
    """

    splat_ids: torch.Tensor
    offsets: torch.Tensor
    counts: torch.Tensor
    order: torch.Tensor
    tiles_x: int
    tiles_y: int


@torch.no_grad()
def bin_splats(means2d: torch.Tensor, extents: torch.Tensor, depths: torch.Tensor, width: int, height: int) -> TileBins:
    """Builds the per-tile, depth-sorted splat lists. Inputs are ``(C, N, ...)``."""
    num_cams, n = extents.shape
    tiles_x, tiles_y = -(-width // TILE), -(-height // TILE)
    num_tiles = tiles_x * tiles_y
    device = means2d.device

    ext = extents.reshape(-1)
    splat = torch.nonzero(ext > 0).squeeze(1)
    mx, my = means2d.reshape(-1, 2)[splat].unbind(-1)
    r = ext[splat]
    # Conservative tile range: every pixel within `r` of the centre is covered.
    x0 = torch.floor((mx - r) / TILE).clamp(0, tiles_x).long()
    x1 = (torch.floor((mx + r) / TILE) + 1).clamp(0, tiles_x).long()
    y0 = torch.floor((my - r) / TILE).clamp(0, tiles_y).long()
    y1 = (torch.floor((my + r) / TILE) + 1).clamp(0, tiles_y).long()
    span_x = x1 - x0
    per_splat = span_x * (y1 - y0)

    rep = torch.repeat_interleave(torch.arange(splat.numel(), device=device), per_splat)
    start = torch.cumsum(per_splat, 0) - per_splat
    local = torch.arange(rep.numel(), device=device) - start[rep]
    span = span_x[rep]
    tile_x = x0[rep] + local % span
    tile_y = y0[rep] + local // span
    cam = splat[rep] // n
    tile = cam * num_tiles + tile_y * tiles_x + tile_x

    # Front-to-back order inside a tile: rank of the depth within its camera. Stable, so
    # equal depths keep index order, as in the reference backend.
    rank = torch.empty_like(depths, dtype=torch.long)
    by_depth = torch.argsort(depths, dim=1, stable=True)
    rank.scatter_(1, by_depth, torch.arange(n, device=device).expand(num_cams, n))
    key = tile * n + rank.reshape(-1)[splat[rep]]
    sort = torch.argsort(key)
    splat_ids = splat[rep[sort]]
    counts = torch.bincount(tile, minlength=num_cams * num_tiles)
    offsets = torch.cumsum(counts, 0) - counts
    order = torch.argsort(counts, descending=True, stable=True)
    order = order[: int((counts > 0).sum())]
    return TileBins(splat_ids, offsets, counts, order, tiles_x, tiles_y)


@dataclass
class _Block:
    """One (tiles, chunk, pixels) block of fragments, as forward and backward both need it."""

    tiles: torch.Tensor  # (n,) global tile ids
    slot: torch.Tensor  # (n, B) splat ids, clamped for padding
    valid: torch.Tensor  # (n, B)
    uv: torch.Tensor  # (n, B, 2) splat centre relative to the tile centre
    quad: torch.Tensor  # (n, B, 3) (A, B, C) of power = A dx^2 + B dx dy + C dy^2
    opacity: torch.Tensor  # (n, B, 1), 0 on padding
    alpha: torch.Tensor  # (n, B, P) after cut and cap
    one_minus: torch.Tensor  # (n, B, P) 1 - alpha


def _pixel_basis(dtype, device) -> torch.Tensor:
    """``(6, 256)`` monomials ``(x^2, y^2, x y, x, y, 1)`` of the pixel centres of a tile,
    relative to the tile centre (small coordinates keep the expanded form accurate)."""
    local = torch.arange(_PIX, device=device)
    x = (local % TILE).to(dtype) + 0.5 - TILE / 2
    y = (local // TILE).to(dtype) + 0.5 - TILE / 2
    return torch.stack([x * x, y * y, x * y, x, y, torch.ones_like(x)])


def _quadratic_coeffs(uv: torch.Tensor, quad: torch.Tensor) -> torch.Tensor:
    """Coefficients on :func:`_pixel_basis` of ``power`` at pixel ``p``, with ``d = p - uv``.

    Expanding the quadratic form turns the per-pixel power into one small matrix product,
    instead of about ten elementwise passes over every (splat, pixel) pair.
    """
    u, v = uv.unbind(-1)
    qa, qb, qc = quad.unbind(-1)
    return torch.stack(
        [
            qa, qc, qb, -2 * qa * u - qb * v, -2 * qc * v - qb * u,
            qa * u * u + qb * u * v + qc * v * v,
        ],
        dim=-1,
    )  # fmt: skip


class _Compositor:
    """Shared chunk iteration of forward and backward, so both see identical fragments."""

    def __init__(self, bins, means2d, conics, opacities, width, height, chunk):
        self.bins, self.means2d, self.opacities = bins, means2d, opacities
        # power = -0.5 (a dx^2 + c dy^2) - b dx dy  ->  (A, B, C) = (-a/2, -b, -c/2)
        self.quad = conics * conics.new_tensor([-0.5, -1.0, -0.5])
        self.chunk = chunk
        dtype, device = means2d.dtype, means2d.device
        self.basis = _pixel_basis(dtype, device)
        self.num_tiles = bins.tiles_x * bins.tiles_y
        tx = torch.arange(bins.tiles_x, device=device)
        ty = torch.arange(bins.tiles_y, device=device)
        px = tx[None, :, None] * TILE + (torch.arange(_PIX, device=device) % TILE)
        py = ty[:, None, None] * TILE + (torch.arange(_PIX, device=device) // TILE)
        inside = ((px < width) & (py < height)).reshape(self.num_tiles, _PIX)
        # Transmittance including fragments past the stopping point; pixels outside the image
        # start "finished" so padded tiles cost nothing.
        self.trans = inside.to(dtype).repeat(bins.counts.numel() // self.num_tiles, 1)
        self.sorted_counts = bins.counts[bins.order]

    def blocks(self):
        """Yields fragment blocks front to back, skipping finished and exhausted tiles."""
        bins, chunk = self.bins, self.chunk
        steps = torch.arange(chunk, device=bins.counts.device)
        max_count = int(self.sorted_counts[0]) if bins.order.numel() else 0
        # Tiles still unfinished; shrinks as tiles run out of splats or become opaque.
        active = bins.order
        active_counts = self.sorted_counts
        for k0 in range(0, max_count, chunk):
            busy = active_counts > k0
            if not bool(busy.all()):
                active, active_counts = active[busy], active_counts[busy]
            alive = (self.trans[active] >= T_MIN).any(1)
            if not bool(alive.all()):
                active, active_counts = active[alive], active_counts[alive]
            if active.numel() == 0:
                return
            group = max(1, _BLOCK_ELEMS // (chunk * _PIX))
            for g0 in range(0, active.numel(), group):
                yield self._block(active[g0 : g0 + group], k0 + steps)

    def _block(self, tiles: torch.Tensor, ks: torch.Tensor) -> _Block:
        bins = self.bins
        valid = ks[None, :] < bins.counts[tiles, None]
        index = (bins.offsets[tiles, None] + ks[None, :]).clamp_max(bins.splat_ids.numel() - 1)
        slot = bins.splat_ids[index]
        local = tiles % self.num_tiles
        centre = torch.stack([local % bins.tiles_x, local // bins.tiles_x], -1) * TILE + TILE / 2
        uv = self.means2d[slot] - centre[:, None, :].to(self.means2d.dtype)
        quad = self.quad[slot]
        power = _quadratic_coeffs(uv, quad) @ self.basis  # (n, B, P)
        alpha = torch.exp_(power.clamp_min_(POWER_MIN))
        opacity = (self.opacities[slot] * valid)[..., None]
        alpha.mul_(opacity)
        alpha.masked_fill_(alpha < ALPHA_MIN, 0.0).clamp_max_(ALPHA_MAX)
        return _Block(tiles, slot, valid, uv, quad, opacity, alpha, 1.0 - alpha)

    def transmit(self, blk: _Block):
        """Transmittance before each fragment, and the mask of fragments 3DGS composites."""
        t_in = self.trans[blk.tiles]  # (n, P)
        t_incl = torch.cumprod(blk.one_minus, dim=1).mul_(t_in[:, None, :]).clamp_min_(TRANS_FLOOR)
        t_excl = torch.cat([t_in[:, None, :], t_incl[:, :-1]], dim=1)
        included = t_incl >= T_MIN
        self.trans[blk.tiles] = t_incl[:, -1]
        return t_excl, included


def _to_image(x: torch.Tensor, cams: int, bins: TileBins, width: int, height: int):
    """``(C * T, F, 256)`` tile buffers to ``(C, F, H, W)`` images."""
    f = x.shape[1]
    x = x.reshape(cams, bins.tiles_y, bins.tiles_x, f, TILE, TILE)
    x = x.permute(0, 3, 1, 4, 2, 5).reshape(cams, f, bins.tiles_y * TILE, bins.tiles_x * TILE)
    return x[:, :, :height, :width]


def _to_tiles(x: torch.Tensor, bins: TileBins):
    """Inverse of :func:`_to_image` (zero padding outside the image)."""
    cams, f, h, w = x.shape
    x = torch.nn.functional.pad(x, (0, bins.tiles_x * TILE - w, 0, bins.tiles_y * TILE - h))
    x = x.reshape(cams, f, bins.tiles_y, TILE, bins.tiles_x, TILE)
    return x.permute(0, 2, 4, 1, 3, 5).reshape(-1, f, _PIX)


def _quadratic_coeffs_backward(uv, quad, g):
    """Gradients of ``uv`` and ``quad`` from those of :func:`_quadratic_coeffs`'s output."""
    u, v = uv.unbind(-1)
    qa, qb, qc = quad.unbind(-1)
    g_u = -2 * qa * g[..., 3] - qb * g[..., 4] + (2 * qa * u + qb * v) * g[..., 5]
    g_v = -qb * g[..., 3] - 2 * qc * g[..., 4] + (qb * u + 2 * qc * v) * g[..., 5]
    g_qa = g[..., 0] - 2 * u * g[..., 3] + u * u * g[..., 5]
    g_qb = g[..., 2] - v * g[..., 3] - u * g[..., 4] + u * v * g[..., 5]
    g_qc = g[..., 1] - 2 * v * g[..., 4] + v * v * g[..., 5]
    return torch.stack([g_u, g_v], -1), torch.stack([g_qa, g_qb, g_qc], -1)


class _TiledComposite(torch.autograd.Function):
    @staticmethod
    def forward(ctx, means2d, conics, opacities, features, background, bins, width, height, chunk):
        cams = background.shape[0]
        comp = _Compositor(bins, means2d, conics, opacities, width, height, chunk)
        nf = features.shape[1]
        acc = means2d.new_zeros(bins.counts.numel(), nf + 1, _PIX)  # features + alpha
        feat_ext = torch.cat([features, features.new_ones(features.shape[0], 1)], dim=1)
        for blk in comp.blocks():
            t_excl, included = comp.transmit(blk)
            weights = (blk.alpha * t_excl).mul_(included)
            acc[blk.tiles] += torch.bmm(feat_ext[blk.slot].transpose(1, 2), weights)
        image = _to_image(acc, cams, bins, width, height)
        feats, alpha = image[:, :nf], image[:, nf:]
        feats = feats + (1.0 - alpha) * background[:, :, None, None]
        ctx.save_for_backward(means2d, conics, opacities, features, background, feats, alpha)
        ctx.bins, ctx.width, ctx.height, ctx.chunk = bins, width, height, chunk
        return feats, alpha

    @staticmethod
    def backward(ctx, grad_feats, grad_alpha):
        means2d, conics, opacities, features, _, feats, alpha = ctx.saved_tensors
        bins, width, height = ctx.bins, ctx.width, ctx.height
        nf = features.shape[1]
        # Output gradient per pixel over [features, alpha]; G = output . gradient.
        grad_out = torch.cat([grad_feats, grad_alpha], dim=1)
        total = (torch.cat([feats, alpha], dim=1) * grad_out).sum(1, keepdim=True)
        g_tiles = _to_tiles(grad_out, bins)  # (T, F + 1, P)
        total_tiles = _to_tiles(total, bins)[:, 0]  # (T, P)
        prefix = torch.zeros_like(total_tiles)

        num = means2d.shape[0]
        g_mean = means2d.new_zeros(num + 1, 2)  # last row collects padding slots
        g_conic = means2d.new_zeros(num + 1, 3)
        g_opac = means2d.new_zeros(num + 1)
        g_feat = means2d.new_zeros(num + 1, nf)
        feat_ext = torch.cat([features, features.new_ones(num, 1)], dim=1)

        comp = _Compositor(bins, means2d, conics, opacities, width, height, ctx.chunk)
        basis_t = comp.basis.T.contiguous()
        for blk in comp.blocks():
            t_excl, included = comp.transmit(blk)
            weights = (blk.alpha * t_excl).mul_(included)
            g_tile = g_tiles[blk.tiles]  # (n, F + 1, P)
            value = torch.bmm(feat_ext[blk.slot], g_tile)  # (n, B, P): feature . gradient
            suffix = torch.cumsum(weights * value, dim=1)
            suffix.neg_().add_((total_tiles[blk.tiles] - prefix[blk.tiles])[:, None, :])
            prefix[blk.tiles] = total_tiles[blk.tiles] - suffix[:, -1]
            # dL/dalpha_i = T_i v_i - (sum_{j>i} w_j v_j + T_final bg.g) / (1 - alpha_i)
            g_a = (t_excl * value).sub_(suffix.div_(blk.one_minus)).mul_(included)
            # d alpha / d power = alpha, except where alpha was cut or capped.
            g_power = g_a.mul_(blk.alpha.masked_fill(blk.alpha >= ALPHA_MAX, 0.0))
            g_coeffs = g_power @ basis_t  # (n, B, 6): gradient of the quadratic coefficients
            g_uv, g_quad = _quadratic_coeffs_backward(blk.uv, blk.quad, g_coeffs)
            slot = torch.where(blk.valid, blk.slot, num).reshape(-1)
            g_mean.index_add_(0, slot, g_uv.flatten(0, 1))
            g_conic.index_add_(0, slot, (g_quad * g_quad.new_tensor([-0.5, -1.0, -0.5])).flatten(0, 1))
            # alpha = o * gauss, so dL/do = sum_p g_power / o (o > 0 on every valid slot).
            g_opac.index_add_(0, slot, (g_coeffs[..., 5] / blk.opacity[..., 0].clamp_min(1e-12)).flatten())
            g_feat.index_add_(0, slot, torch.bmm(weights, g_tile[:, :nf].transpose(1, 2)).flatten(0, 1))
        g_bg = ((1.0 - alpha) * grad_feats).sum((2, 3))
        return g_mean[:num], g_conic[:num], g_opac[:num], g_feat[:num], g_bg, None, None, None, None


def composite_tiled(
    means2d: torch.Tensor,
    conics: torch.Tensor,
    opacities: torch.Tensor,
    features: torch.Tensor,
    extents: torch.Tensor,
    depths: torch.Tensor,
    background: torch.Tensor,
    width: int,
    height: int,
    chunk: int = 32,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Composites projected splats front to back on 16x16 tiles.

    Args:
        means2d, conics, opacities, features, extents, depths: ``(C, N, ...)`` projected
            splats (``features`` is ``(C, N, F)``: colour channels plus any extra ones).
        background: ``(C, F)`` added with the final transmittance.
        width, height: image size.
        chunk: splats per tile composited per step.

    Returns:
        ``features (C, F, H, W)`` and ``alpha (C, 1, H, W)``.
    """
    bins = bin_splats(means2d.detach(), extents, depths.detach(), width, height)
    return _TiledComposite.apply(
        means2d.reshape(-1, 2),
        conics.reshape(-1, 3),
        opacities.reshape(-1),
        features.reshape(-1, features.shape[-1]),
        background,
        bins,
        width,
        height,
        chunk,
    )
