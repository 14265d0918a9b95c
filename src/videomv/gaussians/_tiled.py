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
def bin_splats(
    means2d: torch.Tensor, extents: torch.Tensor, depths: torch.Tensor, width: int, height: int
) -> TileBins:
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
    dx: torch.Tensor  # (n, B, P) pixel x minus splat centre x
    dy: torch.Tensor
    gauss: torch.Tensor  # (n, B, P) exp(power)
    alpha: torch.Tensor  # (n, B, P) after cut and cap
    unclamped: torch.Tensor  # (n, B, P) True where alpha is o * exp(power) (not cut/capped)
    one_minus: torch.Tensor  # (n, B, P) 1 - alpha


def _pixel_grid(tiles_x: int, tiles_y: int, width: int, height: int, device, dtype):
    """Pixel-centre offsets inside a tile and the in-image mask of every (tile, pixel)."""
    local = torch.arange(_PIX, device=device)
    lx = (local % TILE).to(dtype) + 0.5
    ly = (local // TILE).to(dtype) + 0.5
    tx = torch.arange(tiles_x, device=device)
    ty = torch.arange(tiles_y, device=device)
    px = tx[None, :, None] * TILE + (local % TILE)[None, None, :]
    py = ty[:, None, None] * TILE + (local // TILE)[None, None, :]
    inside = ((px < width) & (py < height)).reshape(tiles_x * tiles_y, _PIX)
    return lx, ly, inside


class _Compositor:
    """Shared chunk iteration of forward and backward, so both see identical fragments."""

    def __init__(self, bins, means2d, conics, opacities, width, height, chunk):
        self.bins, self.means2d, self.conics, self.opacities = bins, means2d, conics, opacities
        self.chunk = chunk
        dtype, device = means2d.dtype, means2d.device
        self.lx, self.ly, inside = _pixel_grid(
            bins.tiles_x, bins.tiles_y, width, height, device, dtype
        )
        self.num_tiles = bins.tiles_x * bins.tiles_y
        total = bins.counts.numel()
        # Transmittance including fragments past the stopping point; pixels outside the image
        # start "finished" so padded tiles cost nothing.
        self.trans = inside.to(dtype).repeat(total // self.num_tiles, 1)
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
        ox = ((local % bins.tiles_x) * TILE).to(self.lx.dtype)
        oy = ((local // bins.tiles_x) * TILE).to(self.lx.dtype)
        mean = self.means2d[slot]  # (n, B, 2)
        dx = (ox[:, None, None] + self.lx) - mean[..., 0:1]
        dy = (oy[:, None, None] + self.ly) - mean[..., 1:2]
        con = self.conics[slot]
        a, b, c = con[..., 0:1], con[..., 1:2], con[..., 2:3]
        power = -0.5 * (a * dx * dx + c * dy * dy) - b * dx * dy
        gauss = torch.exp(power.clamp_min(POWER_MIN))
        raw = (self.opacities[slot] * valid)[..., None] * gauss
        keep = (raw >= ALPHA_MIN) & (power <= 0)
        unclamped = keep & (raw < ALPHA_MAX)
        alpha = torch.where(keep, raw.clamp_max(ALPHA_MAX), torch.zeros_like(raw))
        return _Block(tiles, slot, valid, dx, dy, gauss, alpha, unclamped, 1.0 - alpha)

    def transmit(self, blk: _Block):
        """Transmittance before each fragment, and the mask of fragments 3DGS composites."""
        t_in = self.trans[blk.tiles]  # (n, P)
        t_incl = (torch.cumprod(blk.one_minus, dim=1) * t_in[:, None, :]).clamp_min(TRANS_FLOOR)
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
            weights = blk.alpha * t_excl * included
            acc[blk.tiles] += torch.bmm(feat_ext[blk.slot].transpose(1, 2), weights)
        image = _to_image(acc, cams, bins, width, height)
        feats, alpha = image[:, :nf], image[:, nf:]
        feats = feats + (1.0 - alpha) * background[:, :, None, None]
        ctx.save_for_backward(means2d, conics, opacities, features, background, feats, alpha)
        ctx.bins, ctx.width, ctx.height, ctx.chunk = bins, width, height, chunk
        return feats, alpha

    @staticmethod
    def backward(ctx, grad_feats, grad_alpha):
        means2d, conics, opacities, features, background, feats, alpha = ctx.saved_tensors
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
        for blk in comp.blocks():
            t_excl, included = comp.transmit(blk)
            weights = blk.alpha * t_excl * included
            g_tile = g_tiles[blk.tiles]  # (n, F + 1, P)
            value = torch.bmm(feat_ext[blk.slot], g_tile)  # (n, B, P): feature . gradient
            weighted = weights * value
            suffix = (total_tiles[blk.tiles] - prefix[blk.tiles])[:, None, :] - torch.cumsum(
                weighted, dim=1
            )
            prefix[blk.tiles] += weighted.sum(1)
            g_a = (t_excl * value - suffix / blk.one_minus) * (included & blk.unclamped)
            g_power = g_a * blk.alpha  # d alpha / d power = alpha where unclamped
            gx = (g_power * blk.dx).sum(-1)
            gy = (g_power * blk.dy).sum(-1)
            con = conics[blk.slot]
            a, b, c = con.unbind(-1)
            slot = torch.where(blk.valid, blk.slot, num).reshape(-1)
            # d power / d mean = (a dx + b dy, b dx + c dy), as dx = pixel - mean.
            g_mean.index_add_(0, slot, torch.stack([a * gx + b * gy, b * gx + c * gy], -1).flatten(0, 1))
            g_conic.index_add_(
                0,
                slot,
                torch.stack(
                    [
                        -0.5 * (g_power * blk.dx * blk.dx).sum(-1),
                        -(g_power * blk.dx * blk.dy).sum(-1),
                        -0.5 * (g_power * blk.dy * blk.dy).sum(-1),
                    ],
                    -1,
                ).flatten(0, 1),
            )
            g_opac.index_add_(0, slot, (g_a * blk.gauss).sum(-1).flatten())
            g_feat.index_add_(
                0, slot, torch.bmm(weights, g_tile[:, :nf].transpose(1, 2)).flatten(0, 1)
            )
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
