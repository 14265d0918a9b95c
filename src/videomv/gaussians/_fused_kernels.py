"""Numba kernels of the fused CPU compositor (imported lazily: importing numba costs ~0.7 s).

Geometry shared by binning and compositing: a splat with conic ``(a, b, c)`` (inverse 2D
covariance), opacity ``o`` and centre ``m`` passes the 3DGS alpha cut ``o exp(power) >= 1/255``
only inside the ellipse ``a dx^2 + 2 b dx dy + c dy^2 <= k`` with ``k = 2 ln(255 o)``. Binning
puts a splat only in the tiles that ellipse touches, band by band of tile rows, and the
compositor visits, row by row, only the pixels inside it, so no pixel-splat pair outside the
footprint costs anything. ``k`` carries a relative margin of 1e-4, far above the rounding of
either test, so the ellipse never drops a pixel the dense reference would composite; the alpha
test itself decides, with the reference's formula.

Every kernel releases the GIL (``nogil``): the caller splits the tiles among Python threads, so
the work runs on as many cores as torch is allowed, with no second threading runtime.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from .projection import ALPHA_MAX, ALPHA_MIN, T_MIN

K_MARGIN = 1.0 + 1e-4


@njit(cache=True, nogil=True, inline="always")
def _span(a, b, c, k, dy):
    """``dx`` interval of the ellipse on the row at ``dy`` from the centre.

    Callers only ask for rows within the ellipse's y extent; a discriminant below 0 there is
    rounding at the top or bottom row, so it counts as the tangent point.
    """
    root = math.sqrt(max(b * b * dy * dy - a * (c * dy * dy - k), 0.0))
    return (-b * dy - root) / a, (-b * dy + root) / a


@njit(cache=True, nogil=True)
def cut_levels(conics, opacities, visible):
    """Per splat ``k`` of its ellipse (with the margin); 0 for culled splats."""
    k = np.zeros(opacities.shape[0])
    for s in range(opacities.shape[0]):
        o = float(opacities[s])
        if visible[s] and o * 255.0 > 1.0 and conics[s, 0] * conics[s, 2] - conics[s, 1] ** 2 > 0.0:
            k[s] = 2.0 * math.log(255.0 * o) * K_MARGIN
    return k


@njit(cache=True, nogil=True)
def _tile_rows(mx, my, a, b, c, k, width, height, ts, rows):
    """Writes ``(tile_y, tile_x0, tile_x1)`` of each tile band the ellipse touches into ``rows``.

    Returns the number of bands written. Each band's column range is the ellipse's x extent
    over the band's pixel rows: the boundary ``x(dy)`` is concave (right) or convex (left),
    so its extreme over the band is at the tangent point if the band holds it, else at an
    end row.
    """
    det = a * c - b * b
    rx, ry = math.sqrt(k * c / det), math.sqrt(k * a / det)
    i0 = max(0, math.ceil(my - ry - 0.5))
    i1 = min(height - 1, math.floor(my + ry - 0.5))
    n = 0
    if i0 > i1:
        return n
    dy_right, dy_left = -b * rx / c, b * rx / c  # rows of the rightmost / leftmost points
    for ty in range(i0 // ts, i1 // ts + 1):
        lo_dy = max(i0, ty * ts) + 0.5 - my
        hi_dy = min(i1, ty * ts + ts - 1) + 0.5 - my
        lo1, hi1 = _span(a, b, c, k, lo_dy)
        lo2, hi2 = _span(a, b, c, k, hi_dy)
        right = rx if lo_dy <= dy_right <= hi_dy else max(hi1, hi2)
        left = -rx if lo_dy <= dy_left <= hi_dy else min(lo1, lo2)
        j0 = max(0, math.ceil(mx + left - 0.5))
        j1 = min(width - 1, math.floor(mx + right - 0.5))
        if j0 <= j1:
            rows[n, 0], rows[n, 1], rows[n, 2] = ty, j0 // ts, j1 // ts
            n += 1
    return n


@njit(cache=True, nogil=True)
def bin_splats(means2d, conics, k, depth_order, width, height, ts):
    """Tile lists, front to back: ``(offsets (C*T + 1,), splat_ids (M,))``.

    A counting sort: splats are visited in depth order per camera (``depth_order`` is the
    stable argsort of depths), so each tile's run comes out sorted with no sort of the pairs.
    """
    num_cams, n = depth_order.shape
    tiles_x, tiles_y = (width + ts - 1) // ts, (height + ts - 1) // ts
    num_tiles = tiles_x * tiles_y
    rows = np.empty((tiles_y, 3), np.int64)
    offsets = np.zeros(num_cams * num_tiles + 1, np.int64)
    for s in range(num_cams * n):
        if k[s] > 0.0:
            base = (s // n) * num_tiles
            m = _tile_rows(means2d[s, 0], means2d[s, 1], conics[s, 0], conics[s, 1], conics[s, 2], k[s],
                           width, height, ts, rows)  # fmt: skip
            for r in range(m):
                for tx in range(rows[r, 1], rows[r, 2] + 1):
                    offsets[base + rows[r, 0] * tiles_x + tx + 1] += 1
    for t in range(num_cams * num_tiles):
        offsets[t + 1] += offsets[t]
    cursor = offsets[:-1].copy()
    splat_ids = np.empty(offsets[-1], np.int64)
    for cam in range(num_cams):
        base = cam * num_tiles
        for i in range(n):
            s = cam * n + depth_order[cam, i]
            if k[s] > 0.0:
                m = _tile_rows(means2d[s, 0], means2d[s, 1], conics[s, 0], conics[s, 1], conics[s, 2], k[s],
                               width, height, ts, rows)  # fmt: skip
                for r in range(m):
                    for tx in range(rows[r, 1], rows[r, 2] + 1):
                        t = base + rows[r, 0] * tiles_x + tx
                        splat_ids[cursor[t]] = s
                        cursor[t] += 1
    return offsets, splat_ids


@njit(cache=True, nogil=True, inline="always")
def _walk(side, col0, col1, o, a, b, c, mx, dy):
    """One half of a row's pixels: ``(first, end, step, alpha, ratio)`` for ``range(first, end, step)``.

    Along a row the power is a quadratic in ``dx``, so alpha steps from pixel to pixel by
    ``ratio``, which itself steps by ``exp(-a)``: two multiplications per pixel instead of an
    ``exp`` (float64: the drift over a row is ~1e-14, far below float32 rounding). Each row is
    walked outwards from its peak, to the right (``side`` 0) and to the left (``side`` 1), so
    pixels placed symmetrically about a splat get bit-identical alphas, as with a direct
    ``exp``. Inside the ellipse the power is >= -ln(255) - margin, so it needs no floor.
    """
    split = min(max(math.ceil(mx - b * dy / a - 0.5), col0), col1 + 1)  # first pixel right of the peak
    if side == 0:
        first, end, step = split, col1 + 1, 1
    else:
        first, end, step = split - 1, col0 - 1, -1
    dx = first + 0.5 - mx
    power = -0.5 * (a * dx * dx + c * dy * dy) - b * dx * dy
    return first, end, step, o * math.exp(power), math.exp(-step * (a * dx + b * dy) - 0.5 * a)


@njit(cache=True, nogil=True, inline="always")
def _tile_box(t, width, height, ts):
    """Camera, top-left pixel and size (clipped to the image) of global tile ``t``."""
    tiles_x = (width + ts - 1) // ts
    num_tiles = tiles_x * ((height + ts - 1) // ts)
    local = t % num_tiles
    x0, y0 = (local % tiles_x) * ts, (local // tiles_x) * ts
    return t // num_tiles, x0, y0, min(ts, width - x0), min(ts, height - y0)


@njit(cache=True, nogil=True, inline="always")
def _load_splat(s, means2d, conics, opacities, k, features, value):
    """Splat ``s``'s geometry, with its features copied into ``value[:F]``; also its y extent."""
    a, b, c, ks = conics[s, 0], conics[s, 1], conics[s, 2], k[s]
    for f in range(features.shape[1]):
        value[f] = features[s, f]
    return means2d[s, 0], means2d[s, 1], float(opacities[s]), a, b, c, ks, math.sqrt(ks * a / (a * c - b * b))


@njit(cache=True, nogil=True, inline="always")
def _row_cols(row, x0, w, mx, my, a, b, c, ks):
    """``dy`` of a pixel row and the tile's columns on it inside the ellipse (``col0 > col1``: none)."""
    dy = row + 0.5 - my
    lo, hi = _span(a, b, c, ks, dy)
    return dy, max(x0, math.ceil(mx + lo - 0.5)), min(x0 + w - 1, math.floor(mx + hi - 0.5))


@njit(cache=True, nogil=True)
def forward_tiles(tiles, offsets, splat_ids, means2d, conics, opacities, k, features, width, height, ts,
                  out, t_final, stop):  # fmt: skip
    """Composites ``tiles`` front to back into ``out (C, F + 1, H, W)`` (features, then alpha).

    Also writes, per pixel, the final transmittance ``t_final (C, H, W)`` (float64, for the
    backward pass to walk back from) and ``stop (C, H, W)``: the position in the tile's list of
    the fragment that would have taken transmittance below ``T_MIN`` (the list's length if
    none), so the backward pass sees exactly the fragments composited here.
    """
    nf = features.shape[1]
    trans = np.empty(ts * ts)
    acc = np.empty((ts * ts, nf + 1))  # pixel-major: one pixel's channels share a cache line
    stp = np.empty(ts * ts, np.int64)
    value = np.ones(nf + 1)  # the splat's features, then 1 for alpha
    for t in tiles:
        cam, x0, y0, w, h = _tile_box(t, width, height, ts)
        start, count = offsets[t], offsets[t + 1] - offsets[t]
        trans[:] = 1.0
        acc[:] = 0.0
        stp[:] = count
        live = w * h
        for j in range(count):
            s = splat_ids[start + j]
            mx, my, o, a, b, c, ks, ry = _load_splat(s, means2d, conics, opacities, k, features, value)
            q = math.exp(-a)
            for row in range(max(y0, math.ceil(my - ry - 0.5)), min(y0 + h - 1, math.floor(my + ry - 0.5)) + 1):
                dy, col0, col1 = _row_cols(row, x0, w, mx, my, a, b, c, ks)
                base = (row - y0) * ts - x0
                for side in range(2):
                    first, end, step, raw, ratio = _walk(side, col0, col1, o, a, b, c, mx, dy)
                    for col in range(first, end, step):
                        p = base + col
                        alpha = raw
                        raw *= ratio
                        ratio *= q
                        if stp[p] < count or alpha < ALPHA_MIN:
                            continue
                        alpha = min(alpha, ALPHA_MAX)
                        t_next = trans[p] * (1.0 - alpha)
                        if t_next < T_MIN:
                            stp[p] = j
                            live -= 1
                            continue
                        weight = alpha * trans[p]
                        for f in range(nf + 1):
                            acc[p, f] += weight * value[f]
                        trans[p] = t_next
            if live == 0:
                break
        for i in range(h):
            for jx in range(w):
                p = i * ts + jx
                for f in range(nf + 1):
                    out[cam, f, y0 + i, x0 + jx] = acc[p, f]
                t_final[cam, y0 + i, x0 + jx] = trans[p]
                stop[cam, y0 + i, x0 + jx] = stp[p]


@njit(cache=True, nogil=True)
def backward_tiles(tiles, offsets, splat_ids, means2d, conics, opacities, k, features, width, height, ts,
                   grad, t_final, stop, pair_grads):  # fmt: skip
    """Gradients of every (tile, splat) pair of ``tiles`` into ``pair_grads (M, 6 + F)``.

    Columns: means2d (2), conic (3), opacity (1), features (F). Walks each tile back to front
    from the final transmittance, as the 3DGS backward does: the transmittance before a
    fragment is recovered by dividing by ``1 - alpha`` (in float64, so exact to ~1e-15), and
    ``suffix`` holds the colour still to come, ``sum_{j>i} w_j v_j``, so that
    ``dL/dalpha_i = T_i v_i - suffix / (1 - alpha_i)`` with ``v_i = feature_i . dL/dout``.
    """
    nf = features.shape[1]
    trans = np.empty(ts * ts)
    suffix = np.empty(ts * ts)
    g = np.zeros((ts * ts, nf + 1))  # pixel-major output gradient
    stp = np.zeros(ts * ts, np.int64)
    value = np.ones(nf + 1)
    g_value = np.empty(nf + 1)
    for t in tiles:
        cam, x0, y0, w, h = _tile_box(t, width, height, ts)
        start = offsets[t]
        last = 0
        for i in range(h):
            for jx in range(w):
                p = i * ts + jx
                for f in range(nf + 1):
                    g[p, f] = grad[cam, f, y0 + i, x0 + jx]
                trans[p] = t_final[cam, y0 + i, x0 + jx]
                stp[p] = stop[cam, y0 + i, x0 + jx]
                last = max(last, stp[p])
        suffix[:] = 0.0
        for j in range(last - 1, -1, -1):
            s = splat_ids[start + j]
            mx, my, o, a, b, c, ks, ry = _load_splat(s, means2d, conics, opacities, k, features, value)
            g_mx = g_my = g_a = g_b = g_c = g_o = 0.0
            g_value[:] = 0.0
            q = math.exp(-a)
            for row in range(max(y0, math.ceil(my - ry - 0.5)), min(y0 + h - 1, math.floor(my + ry - 0.5)) + 1):
                dy, col0, col1 = _row_cols(row, x0, w, mx, my, a, b, c, ks)
                base = (row - y0) * ts - x0
                for side in range(2):
                    first, end, step, raw_next, ratio = _walk(side, col0, col1, o, a, b, c, mx, dy)
                    for col in range(first, end, step):
                        p = base + col
                        raw = raw_next
                        raw_next *= ratio
                        ratio *= q
                        if j >= stp[p] or raw < ALPHA_MIN:
                            continue
                        alpha = min(raw, ALPHA_MAX)
                        one_minus = 1.0 - alpha
                        t_here = trans[p] / one_minus
                        trans[p] = t_here
                        weight = alpha * t_here
                        dot = 0.0
                        for f in range(nf + 1):
                            dot += value[f] * g[p, f]
                            g_value[f] += weight * g[p, f]
                        g_alpha = t_here * dot - suffix[p] / one_minus
                        suffix[p] += weight * dot
                        if raw < ALPHA_MAX:  # the cap has no gradient
                            g_power = g_alpha * raw  # d raw / d power = raw
                            g_o += g_alpha * raw / o
                            dx = col + 0.5 - mx
                            g_mx += g_power * (a * dx + b * dy)
                            g_my += g_power * (b * dx + c * dy)
                            g_a -= 0.5 * g_power * dx * dx
                            g_b -= g_power * dx * dy
                            g_c -= 0.5 * g_power * dy * dy
            row_out = pair_grads[start + j]
            row_out[0], row_out[1], row_out[2], row_out[3], row_out[4], row_out[5] = g_mx, g_my, g_a, g_b, g_c, g_o
            for f in range(nf):
                row_out[6 + f] = g_value[f]


@njit(cache=True, nogil=True)
def reduce_pairs(splat_ids, pair_grads, out):
    """Adds each pair's gradients into its splat's row of ``out (S, 6 + F)``."""
    for m in range(splat_ids.shape[0]):
        s = splat_ids[m]
        for q in range(pair_grads.shape[1]):
            out[s, q] += pair_grads[m, q]
