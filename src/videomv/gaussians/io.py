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
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import torch

from .container import Gaussians
from .sh import sh_to_rgb

_PLY_TYPES = {
    "char": "i1", "int8": "i1", "uchar": "u1", "uint8": "u1",
    "short": "i2", "int16": "i2", "ushort": "u2", "uint16": "u2",
    "int": "i4", "int32": "i4", "uint": "u4", "uint32": "u4",
    "float": "f4", "float32": "f4", "double": "f8", "float64": "f8",
}  # fmt: skip


def _write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Writes via a temporary file in the same folder, so readers never see half a file."""
    path = Path(path)
    if path.is_dir():  # os.replace would fail only after the whole file was written
        raise IsADirectoryError(f"{path}: is a folder; give a file path to write")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # the rename must not land before the data (crash safety)
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


# A degree-3 3DGS header is about 1.5 KB; a longer one is not a Gaussian PLY (and stops a read
# of the whole file just to look for ``end_header``).
_MAX_HEADER_BYTES = 1 << 16
_FORMATS = ("binary_little_endian", "binary_big_endian", "ascii")
# Counts beyond this are not Gaussians (about 250 GB of standard 3DGS vertices); refusing them by
# their length also keeps int() away from thousand-digit strings.
_MAX_COUNT_DIGITS = 10


@dataclass
class _Header:
    """What :func:`_parse_header` reads: byte order, vertex count and layout, and where the body starts."""

    endian: str
    count: int
    props: list[tuple[str, str]] = field(default_factory=list)
    body_start: int = 0


def _header_lines(head: bytes, path: Path) -> tuple[list[str], int]:
    """The header's lines up to ``end_header`` (exclusive) and the offset of the first body byte."""
    if not head.startswith((b"ply\n", b"ply\r\n")):
        raise ValueError(f"{path}: not a PLY file (it does not start with a 'ply' line); give a Gaussian .ply")
    lines, offset = [], 0
    while True:
        stop = head.find(b"\n", offset)
        if stop < 0:
            if len(head) >= _MAX_HEADER_BYTES:
                raise ValueError(f"{path}: PLY header longer than {_MAX_HEADER_BYTES} bytes; not a Gaussian PLY")
            raise ValueError(f"{path}: PLY header has no 'end_header' line (truncated file?)")
        raw, offset = head[offset:stop].rstrip(b"\r"), stop + 1
        try:
            line = raw.decode("ascii")
        except UnicodeDecodeError:
            raise ValueError(f"{path}: PLY header line {len(lines) + 1} is not ASCII text") from None
        if line.strip() == "end_header":
            return lines, offset
        lines.append(line)


def _parse_header(head: bytes, path: Path) -> _Header:
    """Parses and checks the header at the start of ``head``; every problem is one line naming ``path``."""
    lines, body_start = _header_lines(head, path)
    fmt, count, props, element = None, None, [], None
    for number, line in enumerate(lines[1:], start=2):
        parts = line.split()
        where = f"{path}: PLY header line {number} ({line.strip()!r})"
        if not parts or parts[0] in ("comment", "obj_info"):
            continue
        if parts[0] == "format":
            if len(parts) != 3 or parts[1] not in _FORMATS:
                raise ValueError(f"{where}: expected 'format binary_little_endian 1.0' or another PLY format")
            fmt = parts[1]
        elif parts[0] == "element":
            if element == "vertex":
                break  # elements after the vertices (if any) are not ours to read
            if len(parts) != 3 or not parts[2].isdigit() or len(parts[2]) > _MAX_COUNT_DIGITS:
                raise ValueError(f"{where}: expected 'element NAME COUNT' with COUNT a whole number >= 0")
            element, count = parts[1], int(parts[2])
            if element != "vertex":
                raise ValueError(f"{where}: expected the 'vertex' element first; not a Gaussian PLY")
        elif parts[0] == "property":
            if element is None:
                raise ValueError(f"{where}: a property before any 'element' line")
            if len(parts) > 1 and parts[1] == "list":
                raise ValueError(f"{where}: list properties are not supported in the vertex element")
            if len(parts) != 3:
                raise ValueError(f"{where}: expected 'property TYPE NAME'")
            if parts[1] not in _PLY_TYPES:
                raise ValueError(f"{where}: unknown property type {parts[1]!r}; use one of {', '.join(_PLY_TYPES)}")
            if any(name == parts[2] for name, _ in props):
                raise ValueError(f"{where}: property {parts[2]!r} is declared twice")
            props.append((parts[2], _PLY_TYPES[parts[1]]))
        else:
            raise ValueError(f"{where}: not a PLY header keyword (format, element, property, comment)")
    if fmt is None:
        raise ValueError(f"{path}: PLY header has no 'format' line")
    if fmt == "ascii":
        raise ValueError(f"{path}: ASCII PLY is not supported; save it as binary PLY (as 3DGS writes it)")
    if count is None:
        raise ValueError(f"{path}: PLY header has no 'vertex' element")
    endian = "<" if fmt == "binary_little_endian" else ">"
    return _Header(endian, count, props, body_start)


def _open_regular_file(path: Path) -> BinaryIO:
    """Opens ``path`` for reading, with one-line errors for a missing file, a folder or a device."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file; give a Gaussian .ply")
    if path.is_dir():
        raise IsADirectoryError(f"{path}: is a folder, not a .ply file; give a Gaussian .ply")
    if not path.is_file():  # a FIFO would block, a device would never end
        raise ValueError(f"{path}: not a regular file; give a Gaussian .ply")
    return path.open("rb")


def load_ply(path: str | os.PathLike) -> Gaussians:
    """Reads a 3DGS ``.ply`` (standard, or LGM's layout without normals and ``f_rest``).

    Only the header and the vertex block are read; the header is checked line by line and the
    vertex count against the file's size before any vertex is read.

    Raises:
        FileNotFoundError, IsADirectoryError: ``path`` is missing or a folder.
        ValueError: with a one-line reason naming ``path`` for files that are not Gaussian PLYs,
            have a malformed header, are truncated, or have non-finite values.
    """
    path = Path(path)
    with _open_regular_file(path) as handle:
        header = _parse_header(handle.read(_MAX_HEADER_BYTES), path)
        dtype = np.dtype([(name, header.endian + t) for name, t in header.props])
        count = header.count
        need, have = count * dtype.itemsize, os.fstat(handle.fileno()).st_size - header.body_start
        if have < need:
            raise ValueError(
                f"{path}: truncated PLY, {count} vertices need {need} bytes after the header, found {max(have, 0)}"
            )
        handle.seek(header.body_start)
        verts = np.frombuffer(handle.read(need), dtype=dtype, count=count)
    names = set(dtype.names or ())
    required = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity"]
    required += ["scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
    missing = [name for name in required if name not in names]
    if missing:
        raise ValueError(f"{path}: not a Gaussian PLY, missing properties {', '.join(missing)}")
    num_rest = sum(1 for name in names if name.startswith("f_rest_"))
    rest_names = [f"f_rest_{i}" for i in range(num_rest)]
    if num_rest not in (0, 9, 24, 45) or not names.issuperset(rest_names):  # SH degree 0, 1, 2 or 3
        raise ValueError(f"{path}: f_rest properties must be f_rest_0 ... f_rest_N-1 with N 0, 9, 24 or 45")
    k = num_rest // 3 + 1

    def cols(keys):
        return torch.from_numpy(np.stack([verts[key].astype(np.float32) for key in keys], 1))

    rest = cols(rest_names) if num_rest else torch.zeros(count, 0)
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
