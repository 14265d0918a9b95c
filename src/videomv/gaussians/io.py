"""Gaussians on disk: the standard 3DGS ``.ply`` and the compact ``.splat`` of web viewers.

``.ply`` (binary little-endian, one ``vertex`` element of float32 properties), as written by
the 3DGS reference code and read by common splat viewers::

    x y z nx ny nz f_dc_0..2 f_rest_0..(3*(K-1)-1) opacity scale_0..2 rot_0..3

``f_dc`` is the degree-0 SH coefficient per channel; ``f_rest`` holds the higher ones
channel-major (all red coefficients, then green, then blue); opacity is a logit, scales are
logs, ``rot`` is a quaternion with w first. Normals are written as zeros. Readers also accept
LGM's reduced variant, which omits the normals and ``f_rest`` (same activations).

``.splat`` (antimatter15's WebGL viewer and most web viewers): 32 bytes per Gaussian, no
header, little-endian: position 3 x float32, scale 3 x float32 (linear, not log), colour
4 x uint8 RGBA (RGB from the degree-0 SH, A = opacity), rotation 4 x uint8 (unit quaternion,
w first, ``q * 128 + 128`` clipped to [0, 255]). Gaussians are sorted by decreasing
``volume * opacity`` so viewers that stream the file show the most important ones first.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import torch

from .container import Gaussians
from .sh import sh_degree_from_bases, sh_to_rgb

_PLY_TYPES = {
    "char": "i1", "int8": "i1", "uchar": "u1", "uint8": "u1",
    "short": "i2", "int16": "i2", "ushort": "u2", "uint16": "u2",
    "int": "i4", "int32": "i4", "uint": "u4", "uint32": "u4",
    "float": "f4", "float32": "f4", "double": "f8", "float64": "f8",
}  # fmt: skip


def _write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Writes via a temporary file in the same folder, so readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def ply_attribute_names(num_sh_bases: int) -> list[str]:
    """Property names of the standard 3DGS ``.ply`` for ``num_sh_bases`` SH bases per channel."""
    names = ["x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2"]
    names += [f"f_rest_{i}" for i in range(3 * (num_sh_bases - 1))]
    names += ["opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
    return names


def save_ply(gaussians: Gaussians, path: str | os.PathLike) -> None:
    """Writes Gaussians as a standard 3DGS binary ``.ply`` (float32), atomically."""
    g = gaussians.detach().to("cpu", torch.float32).validate()
    n, k = len(g), g.sh.shape[1]
    rest = g.sh[:, 1:, :].transpose(1, 2).reshape(n, 3 * (k - 1))  # channel-major
    columns = torch.cat(
        [
            g.means, torch.zeros(n, 3), g.sh[:, 0, :], rest, g.opacity_logits[:, None],
            g.log_scales, g.quats,
        ],
        dim=1,
    ).numpy()  # fmt: skip
    names = ply_attribute_names(k)
    header = ["ply", "format binary_little_endian 1.0", f"element vertex {n}"]
    header += [f"property float {name}" for name in names] + ["end_header"]
    body = np.ascontiguousarray(columns, dtype="<f4").tobytes()
    _write_atomic(path, ("\n".join(header) + "\n").encode("ascii") + body)


def _parse_header(data: bytes, path) -> tuple[str, int, list[tuple[str, str]], int]:
    end = data.find(b"end_header")
    if not data.startswith(b"ply") or end < 0:
        raise ValueError(f"{path}: not a PLY file (no 'ply' ... 'end_header' header)")
    body_start = data.index(b"\n", end) + 1
    fmt, count, props, element = None, None, [], None
    for line in data[:end].decode("ascii", errors="replace").splitlines():
        parts = line.split()
        if not parts or parts[0] in ("comment", "obj_info", "ply"):
            continue
        if parts[0] == "format":
            fmt = parts[1]
        elif parts[0] == "element":
            if element == "vertex":
                break  # elements after the vertices (if any) are not ours to read
            element, count = parts[1], int(parts[2])
            if element != "vertex":
                raise ValueError(f"{path}: expected the 'vertex' element first, got {element!r}")
        elif parts[0] == "property" and element == "vertex":
            if parts[1] == "list" or parts[1] not in _PLY_TYPES:
                raise ValueError(f"{path}: unsupported vertex property {' '.join(parts[1:])!r}")
            props.append((parts[2], _PLY_TYPES[parts[1]]))
    if fmt not in ("binary_little_endian", "binary_big_endian"):
        raise ValueError(f"{path}: only binary PLY is supported, got format {fmt!r}")
    if count is None:
        raise ValueError(f"{path}: no 'vertex' element in the header")
    return fmt, count, props, body_start


def load_ply(path: str | os.PathLike) -> Gaussians:
    """Reads a 3DGS ``.ply`` (standard, or LGM's layout without normals and ``f_rest``).

    Raises:
        ValueError: with a one-line reason for files that are not Gaussian PLYs, are
            truncated, or have non-finite values.
    """
    data = Path(path).read_bytes()
    fmt, count, props, start = _parse_header(data, path)
    endian = "<" if fmt == "binary_little_endian" else ">"
    dtype = np.dtype([(name, endian + t) for name, t in props])
    need = count * dtype.itemsize
    if len(data) - start < need:
        raise ValueError(f"{path}: truncated PLY, {count} vertices need {need} bytes, found {len(data) - start}")
    verts = np.frombuffer(data, dtype=dtype, count=count, offset=start)
    names = set(dtype.names or ())
    required = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity"]
    required += ["scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
    missing = [name for name in required if name not in names]
    if missing:
        raise ValueError(f"{path}: not a Gaussian PLY, missing properties {', '.join(missing)}")
    num_rest = sum(1 for name in names if name.startswith("f_rest_"))
    if num_rest % 3:
        raise ValueError(f"{path}: {num_rest} f_rest properties is not a multiple of 3")
    k = num_rest // 3 + 1
    sh_degree_from_bases(k)

    def cols(keys):
        return torch.from_numpy(np.stack([verts[key].astype(np.float32) for key in keys], 1))

    rest = cols([f"f_rest_{i}" for i in range(num_rest)]) if num_rest else torch.zeros(count, 0)
    sh = torch.cat([cols(["f_dc_0", "f_dc_1", "f_dc_2"])[:, None], rest.reshape(count, 3, k - 1).transpose(1, 2)], 1)
    gaussians = Gaussians(
        means=cols(["x", "y", "z"]),
        quats=cols(["rot_0", "rot_1", "rot_2", "rot_3"]),
        log_scales=cols(["scale_0", "scale_1", "scale_2"]),
        opacity_logits=cols(["opacity"])[:, 0],
        sh=sh,
    )
    try:
        return gaussians.validate()
    except ValueError as err:
        raise ValueError(f"{path}: {err}") from None


def save_splat(gaussians: Gaussians, path: str | os.PathLike) -> None:
    """Writes the 32-bytes-per-Gaussian ``.splat`` web format (see module doc), atomically."""
    g = gaussians.detach().to("cpu", torch.float32).validate()
    importance = -(g.log_scales.sum(1).exp() * g.opacities)
    g = g[torch.argsort(importance, stable=True)]
    rgba = torch.cat([sh_to_rgb(g.sh[:, 0]), g.opacities[:, None]], 1)
    rgba = (rgba * 255).round().clamp(0, 255).to(torch.uint8)
    rot = (g.rotations * 128 + 128).round().clamp(0, 255).to(torch.uint8)
    record = np.dtype([("pos", "<f4", 3), ("scale", "<f4", 3), ("rgba", "u1", 4), ("rot", "u1", 4)])
    out = np.empty(len(g), dtype=record)
    out["pos"], out["scale"] = g.means.numpy(), g.scales.numpy()
    out["rgba"], out["rot"] = rgba.numpy(), rot.numpy()
    _write_atomic(path, out.tobytes())
