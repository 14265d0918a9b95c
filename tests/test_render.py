"""The mesh orbit renderer, on small meshes the tests write (real EGL rendering)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from videomv.cameras import from_spherical, orbit
from videomv.data.render import (
    load_mesh,
    normalize_meshes,
    render_mesh_file,
)

pytestmark = pytest.mark.render

# Face of the test cube -> its texture colour. The camera at azimuth 0 / elevation 0 sits on +x.
FACE_COLORS = {
    (1, 0, 0): (230, 30, 30),  # +x red
    (-1, 0, 0): (30, 200, 30),  # -x green
    (0, 1, 0): (30, 30, 230),  # +y blue
    (0, -1, 0): (230, 230, 30),  # -y yellow
    (0, 0, 1): (230, 30, 230),  # +z magenta
    (0, 0, -1): (30, 230, 230),  # -z cyan
}


def _face_quad(normal: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Corners of the box face with outward ``normal``, counter-clockwise seen from outside."""
    u = np.roll(np.abs(normal), 1)  # any axis perpendicular to the normal
    v = np.cross(normal, u)
    corners = [normal + s * u + t * v for s, t in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    return np.array(corners) * half


def write_box_obj(folder: Path, size=(1.0, 1.0, 1.0), mtl_name: str = "box.mtl", stem: str = "box") -> Path:
    """Writes a box whose faces carry the ``FACE_COLORS`` of a 3x2 texture atlas.

    The MTL is a glossy, dark Phong material (Kd 0.1, Ks 1, Ns 500) with the texture: rendered
    as is it would be dark, so the texture colours only show if the renderer replaces it.
    """
    cell = 16
    atlas = np.zeros((2 * cell, 3 * cell, 3), dtype=np.uint8)
    lines = [f"mtllib {mtl_name}", "usemtl box"]
    half = np.asarray(size) / 2.0
    for k, (normal, color) in enumerate(FACE_COLORS.items()):
        col, row = k % 3, k // 3
        atlas[row * cell : (row + 1) * cell, col * cell : (col + 1) * cell] = color
        for corner in _face_quad(np.array(normal, dtype=float), half):
            lines.append("v {:.6f} {:.6f} {:.6f}".format(*corner))
        # UVs well inside the face's cell so filtering never picks up a neighbour's colour.
        u0, u1 = (col + 0.3) / 3, (col + 0.7) / 3
        v0, v1 = 1 - (row + 0.7) / 2, 1 - (row + 0.3) / 2
        lines += [f"vt {u0} {v0}", f"vt {u1} {v0}", f"vt {u1} {v1}", f"vt {u0} {v1}"]
    for k in range(6):
        a, b, c, d = (4 * k + i for i in range(1, 5))
        lines += [f"f {a}/{a} {b}/{b} {c}/{c}", f"f {a}/{a} {c}/{c} {d}/{d}"]
    folder.mkdir(parents=True, exist_ok=True)
    Image.fromarray(atlas).save(folder / "atlas.png")
    (folder / stem).with_suffix(".obj").write_text("\n".join(lines) + "\n")
    (folder / "box.mtl").write_text(
        "newmtl box\nKa 0 0 0\nKd 0.1 0.1 0.1\nKs 1 1 1\nNs 500\nillum 2\nmap_Kd atlas.png\n"
    )
    return (folder / stem).with_suffix(".obj")


def centre_color(image: torch.Tensor) -> np.ndarray:
    """Mean RGB (0-255) of the 5x5 pixels at the image centre of a ``(4, H, W)`` render."""
    h, w = image.shape[-2:]
    patch = image[:3, h // 2 - 2 : h // 2 + 3, w // 2 - 2 : w // 2 + 3]
    return patch.mean(dim=(1, 2)).numpy() * 255.0


def mask_bbox(image: torch.Tensor) -> tuple[float, float, float, float]:
    """(u_min, v_min, u_max, v_max) of the alpha > 0.5 pixels, in pixel-edge coordinates."""
    rows, cols = torch.nonzero(image[3] > 0.5, as_tuple=True)
    return (cols.min().item(), rows.min().item(), cols.max().item() + 1, rows.max().item() + 1)


def box_corners(size) -> torch.Tensor:
    half = torch.tensor(size) / 2.0
    signs = torch.tensor([[x, y, z] for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)], dtype=torch.float32)
    return signs * half


def test_texture_colours_show_on_each_face(tmp_path, renderer):
    path = write_box_obj(tmp_path)
    # azimuth 0/90/180/270 face +x/+y/-x/-y; elevation 80 looks at the top face.
    cameras = from_spherical([0.0, 90.0, 180.0, 270.0, 0.0], [0.0, 0.0, 0.0, 0.0, 80.0], 2.5, 39.6, 64)
    images = render_mesh_file(path, cameras, renderer=renderer)
    expected = [(1, 0, 0), (0, 1, 0), (-1, 0, 0), (0, -1, 0), (0, 0, 1)]
    for image, face in zip(images, expected, strict=True):
        np.testing.assert_allclose(centre_color(image), FACE_COLORS[face], atol=30)


def test_output_is_rgba_with_transparent_background(tmp_path, renderer):
    path = write_box_obj(tmp_path)
    images = render_mesh_file(path, orbit(3, 20.0, 2.5, 39.6, 48), renderer=renderer)
    assert images.shape == (3, 4, 48, 48)
    assert images.dtype == torch.float32
    assert images.min() >= 0.0 and images.max() <= 1.0
    corners = images[:, 3, [0, 0, -1, -1], [0, -1, 0, -1]]
    assert torch.all(corners == 0)
    assert torch.all(images[:, :3][images[:, 3:].expand(-1, 3, -1, -1) == 0] == 0)
    assert (images[:, 3] == 1).float().mean() > 0.1


@pytest.mark.parametrize("elevation", [0.0, 30.0])
def test_silhouette_turns_with_camera_and_matches_projection(tmp_path, renderer, elevation):
    size = (1.0, 0.5, 0.25)  # already normalised: longest side 1, centred
    path = write_box_obj(tmp_path, size)
    cameras = orbit(8, elevation, 2.0, 39.6, 96)
    images = render_mesh_file(path, cameras, renderer=renderer)
    uv, _ = cameras.project(box_corners(size))
    for image, corners_uv in zip(images, uv, strict=True):
        expected = (*corners_uv.min(dim=0).values.tolist(), *corners_uv.max(dim=0).values.tolist())
        np.testing.assert_allclose(mask_bbox(image), expected, atol=1.5)
    widths = [mask_bbox(image)[2] - mask_bbox(image)[0] for image in images]
    # Seen along x (azimuth 0, 180) the box shows its 0.5 side, seen along y (90, 270) its 1.0 side.
    assert widths[2] > 1.6 * widths[0] and widths[6] > 1.6 * widths[4]


def test_normalisation_centres_and_scales_into_unit_cube(tmp_path):
    path = write_box_obj(tmp_path, (4.0, 2.0, 1.0))
    meshes = load_mesh(path)
    for mesh in meshes:
        mesh.apply_translation([10.0, -3.0, 7.0])
    (normalised,) = normalize_meshes(meshes)
    np.testing.assert_allclose(normalised.bounds, [[-0.5, -0.25, -0.125], [0.5, 0.25, 0.125]], atol=1e-6)


def test_y_up_meshes_are_turned_z_up(tmp_path, renderer):
    path = write_box_obj(tmp_path, (0.2, 1.0, 0.3))  # tall along y
    np.testing.assert_allclose(load_mesh(path, up_axis="y")[0].extents, [0.2, 0.3, 1.0], atol=1e-6)
    cameras = orbit(1, 0.0, 2.0, 39.6, 64)  # on +x: image right is world -y, image up world +z
    upright = render_mesh_file(path, cameras, up_axis="y", renderer=renderer)[0]
    lying = render_mesh_file(path, cameras, up_axis="z", renderer=renderer)[0]
    u0, v0, u1, v1 = mask_bbox(upright)
    assert v1 - v0 > 2.5 * (u1 - u0)
    u0, v0, u1, v1 = mask_bbox(lying)
    assert u1 - u0 > 2.5 * (v1 - v0)
    # The +y face (blue) points up after the turn, so it is what a camera above sees.
    top = render_mesh_file(path, from_spherical(0.0, 85.0, 2.0, 39.6, 64), up_axis="y", renderer=renderer)
    np.testing.assert_allclose(centre_color(top[0]), FACE_COLORS[(0, 1, 0)], atol=30)


def test_missing_material_library_falls_back_to_sibling_mtl(tmp_path, renderer):
    path = write_box_obj(tmp_path, mtl_name="textured.mtl")  # names a file that is not there
    assert not (tmp_path / "textured.mtl").exists()
    image = render_mesh_file(path, orbit(1, 0.0, 2.5, 39.6, 64), renderer=renderer)[0]
    np.testing.assert_allclose(centre_color(image), FACE_COLORS[(1, 0, 0)], atol=30)


def test_glb_keeps_texture(tmp_path, renderer):
    trimesh = pytest.importorskip("trimesh")
    meshes = load_mesh(write_box_obj(tmp_path / "obj"))
    for mesh in meshes:  # glTF semantics: the base colour factor multiplies the texture
        image = mesh.visual.material.image
        mesh.visual.material = trimesh.visual.material.PBRMaterial(baseColorTexture=image)
    glb = tmp_path / "box.glb"
    trimesh.Scene(meshes).export(glb)
    images = render_mesh_file(glb, from_spherical([0.0, 90.0], 0.0, 2.5, 39.6, 64), renderer=renderer)
    np.testing.assert_allclose(centre_color(images[0]), FACE_COLORS[(1, 0, 0)], atol=30)
    np.testing.assert_allclose(centre_color(images[1]), FACE_COLORS[(0, 1, 0)], atol=30)


def test_ply_with_vertex_colours(tmp_path, renderer):
    trimesh = pytest.importorskip("trimesh")
    mesh = trimesh.creation.icosphere(subdivisions=2, radius=3.0)
    mesh.visual.vertex_colors = np.tile([20, 200, 40, 255], (len(mesh.vertices), 1)).astype(np.uint8)
    path = tmp_path / "sphere.ply"
    mesh.export(path)
    image = render_mesh_file(path, orbit(1, 10.0, 2.0, 39.6, 64), renderer=renderer)[0]
    assert image[3].sum() > 0.3 * 64 * 64
    red, green, blue = centre_color(image)
    assert green > 150 and red < 80 and blue < 80


def test_unsupported_file_and_bad_up_axis_are_rejected(tmp_path):
    with pytest.raises(ValueError, match="unsupported mesh type"):
        load_mesh(tmp_path / "mesh.stl")
    with pytest.raises(ValueError, match="up_axis"):
        load_mesh(write_box_obj(tmp_path), up_axis="x")
