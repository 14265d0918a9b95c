"""Tests of videomv.cameras: conventions, look-at, rigs, rays, normalisation, embeddings."""

import math

import pytest
import torch

from videomv.cameras import (
    CONVENTIONS,
    Cameras,
    camera_embedding,
    convert_pose,
    from_spherical,
    intrinsics_from_fov,
    look_at,
    normalize_poses,
    orbit,
    plucker_rays,
    spiral,
)


def random_poses(n: int, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    eye = torch.randn(n, 3, generator=g) * 2.0
    target = torch.randn(n, 3, generator=g) * 0.1
    return look_at(eye, target)


@pytest.mark.parametrize("src", CONVENTIONS)
@pytest.mark.parametrize("dst", CONVENTIONS)
def test_convention_round_trip(src, dst):
    poses = random_poses(5)
    there = convert_pose(poses, src, dst)
    back = convert_pose(there, dst, src)
    torch.testing.assert_close(back, poses, atol=1e-6, rtol=0)


def test_blender_camera_looks_along_minus_z_and_opengl_world_is_y_up():
    # A camera at +x looking at the origin: OpenCV forward (+z axis) points to -x.
    c2w = look_at([(3.0, 0.0, 0.0)])
    torch.testing.assert_close(c2w[0, :3, 2], torch.tensor([-1.0, 0.0, 0.0]))
    blender = convert_pose(c2w, "opencv", "blender")
    torch.testing.assert_close(-blender[0, :3, 2], torch.tensor([-1.0, 0.0, 0.0]))  # looks along -z
    torch.testing.assert_close(blender[0, :3, 1], torch.tensor([0.0, 0.0, 1.0]))  # camera up = world up
    opengl = convert_pose(c2w, "opencv", "opengl")
    torch.testing.assert_close(opengl[0, :3, 1], torch.tensor([0.0, 1.0, 0.0]))  # world y up
    torch.testing.assert_close(opengl[0, :3, 3], torch.tensor([3.0, 0.0, 0.0]))


def test_unknown_convention_is_a_clear_error():
    with pytest.raises(ValueError, match=r"unknown camera convention 'colmapp'.*opencv"):
        convert_pose(torch.eye(4), "opencv", "colmapp")


def test_look_at_projects_target_to_image_centre():
    cameras = from_spherical(torch.arange(0, 360, 30.0), torch.linspace(-60, 80, 12), 1.7, 39.6, (96, 64))
    target_uv, depth = cameras.project(torch.zeros(1, 3))
    torch.testing.assert_close(target_uv[:, 0], torch.tensor([48.0, 32.0]).expand(12, 2), atol=1e-4, rtol=0)
    torch.testing.assert_close(depth[:, 0], torch.full((12,), 1.7), atol=1e-5, rtol=0)


def test_look_at_keeps_world_up_on_top_of_the_image():
    cameras = orbit(8, elevation=20.0, radius=2.0, size=64)
    uv, _ = cameras.project(torch.tensor([[0.0, 0.0, 0.3]]))
    assert (uv[:, 0, 1] < 32.0).all(), "a point above the origin must appear above the image centre"


def test_look_at_straight_down_is_well_defined():
    c2w = look_at([(0.0, 0.0, 2.0)])
    Cameras(c2w, intrinsics_from_fov(40, 32, 32), 32, 32)  # validates rigidity
    torch.testing.assert_close(c2w[0, :3, 2], torch.tensor([0.0, 0.0, -1.0]))


def test_orbit_angles_and_several_elevations():
    cameras = orbit(24, elevation=[5.0, 30.0], radius=1.7, start_azimuth=10.0, size=32)
    assert len(cameras) == 48
    azimuth, elevation, radius = cameras.spherical()
    expected = (10.0 + 15.0 * torch.arange(24)) % 360
    torch.testing.assert_close(azimuth[:24], expected, atol=1e-3, rtol=0)
    torch.testing.assert_close(elevation, torch.tensor([5.0] * 24 + [30.0] * 24), atol=1e-3, rtol=0)
    torch.testing.assert_close(radius, torch.full((48,), 1.7), atol=1e-5, rtol=0)


def test_spiral_rises_through_its_elevation_range():
    _, elevation, _ = spiral(10, elevation_range=(-10.0, 40.0), size=16).spherical()
    assert elevation[0].item() == pytest.approx(-10.0, abs=1e-3)
    assert elevation[-1].item() == pytest.approx(40.0, abs=1e-3)
    assert (elevation.diff() > 0).all()


def test_intrinsics_from_fov_matches_the_reference_focal():
    fx, fy, cx, cy = intrinsics_from_fov(39.6, 512, 512).tolist()
    # The reference renders use 1422.222 px at 1024 px for a 39.6 degree field of view.
    assert fx == pytest.approx(1422.222 / 2, rel=1e-3)
    assert (fy, cx, cy) == (pytest.approx(fx), 256.0, 256.0)
    with pytest.raises(ValueError, match="field of view"):
        intrinsics_from_fov(180.0, 8, 8)


def test_resized_cameras_project_to_scaled_pixels():
    cameras = orbit(4, 15.0, 2.0, size=64)
    point = torch.tensor([[0.2, -0.1, 0.3]])
    uv64, _ = cameras.project(point)
    uv16, _ = cameras.resized(16, 16).project(point)
    torch.testing.assert_close(uv16, uv64 / 4, atol=1e-4, rtol=0)


def test_plucker_rays_equal_brute_force_unprojection():
    cameras = from_spherical([30.0, 200.0], [10.0, -20.0], [1.5, 2.5], fov=50.0, size=(6, 4))
    rays = plucker_rays(cameras.c2w, cameras.intrinsics, 4, 6)
    assert rays.shape == (2, 6, 4, 6)
    K_inv = torch.linalg.inv(cameras.K)
    for n in range(2):
        origin = cameras.c2w[n, :3, 3]
        for v in range(4):
            for u in range(6):
                pixel = torch.tensor([u + 0.5, v + 0.5, 1.0])
                direction = cameras.c2w[n, :3, :3] @ (K_inv[n] @ pixel)
                direction = direction / direction.norm()
                torch.testing.assert_close(rays[n, 3:, v, u], direction, atol=1e-5, rtol=0)
                torch.testing.assert_close(rays[n, :3, v, u], torch.linalg.cross(origin, direction), atol=1e-5, rtol=0)


def test_plucker_moment_is_independent_of_the_point_on_the_ray():
    cameras = orbit(2, 15.0, 2.0, size=8)
    rays = cameras.plucker()
    moment, direction = rays[:, :3], rays[:, 3:]
    shifted = cameras.c2w[:, :3, 3, None, None] + 0.7 * direction
    torch.testing.assert_close(torch.linalg.cross(shifted, direction, dim=1), moment, atol=1e-5, rtol=0)


def test_plucker_at_another_resolution_uses_scaled_intrinsics():
    cameras = orbit(2, 15.0, 2.0, size=64)
    small = cameras.plucker(8, 8)
    torch.testing.assert_close(small, cameras.resized(8, 8).plucker(), atol=0, rtol=0)
    # The centre pixels' rays of an even-sized image straddle the optical axis symmetrically.
    axis = cameras.c2w[:, :3, 2]
    mean_dir = small[:, 3:, 3:5, 3:5].mean(dim=(2, 3))
    torch.testing.assert_close(mean_dir / mean_dir.norm(dim=1, keepdim=True), axis, atol=1e-5, rtol=0)


@pytest.mark.parametrize("convention", ["opengl", "blender", "opencv"])
def test_normalize_poses_invariants(convention):
    c2w = random_poses(6, seed=3)
    poses, transform = normalize_poses(c2w, index=2, radius=1.5, convention=convention)
    target = torch.eye(4)
    target[2, 3] = 1.5
    torch.testing.assert_close(poses[2], target, atol=1e-5, rtol=0)
    original = convert_pose(c2w, "opencv", convention)
    scale = 1.5 / original[2, :3, 3].norm()
    # Relative rotations are kept, relative translations scale with the world.
    rel_before = torch.linalg.inv(original[0]) @ original[4]
    rel_after = torch.linalg.inv(poses[0]) @ poses[4]
    torch.testing.assert_close(rel_after[:3, :3], rel_before[:3, :3], atol=1e-5, rtol=0)
    torch.testing.assert_close(rel_after[:3, 3], rel_before[:3, 3] * scale, atol=1e-5, rtol=0)
    # The transform maps camera centres and, for look-at cameras, the looked-at origin.
    moved = transform @ original
    torch.testing.assert_close(moved[:, :3, 3], poses[:, :3, 3], atol=1e-5, rtol=0)


def test_normalize_poses_without_radius_is_rigid():
    c2w = random_poses(4, seed=5)
    poses, transform = normalize_poses(c2w, index=1, convention="opengl")
    torch.testing.assert_close(transform[:3, :3] @ transform[:3, :3].T, torch.eye(3), atol=1e-5, rtol=0)
    torch.testing.assert_close(poses, transform @ convert_pose(c2w, "opencv", "opengl"), atol=1e-5, rtol=0)


def test_normalized_cameras_look_at_origin_in_opengl_convention():
    cameras = orbit(6, 20.0, 1.7, size=32).normalized(index=3, radius=2.0)
    uv, depth = cameras[3].project(torch.zeros(1, 3))
    torch.testing.assert_close(uv[0, 0], torch.tensor([16.0, 16.0]), atol=1e-4, rtol=0)
    assert depth.item() == pytest.approx(2.0, abs=1e-5)
    # The world is scaled by 2.0 / 1.7: the orbit stays centred on the origin.
    torch.testing.assert_close(cameras.centers.norm(dim=1), torch.full((6,), 2.0), atol=1e-4, rtol=0)
    before = orbit(6, 20.0, 1.7, size=32).centers
    torch.testing.assert_close(
        torch.cdist(cameras.centers, cameras.centers) * 1.7 / 2.0, torch.cdist(before, before), atol=1e-4, rtol=0
    )


def test_camera_embedding_is_the_flattened_pose_in_the_convention():
    c2w = random_poses(3)
    emb = camera_embedding(c2w, "blender")
    assert emb.shape == (3, 16)
    torch.testing.assert_close(emb.reshape(3, 4, 4), convert_pose(c2w, "opencv", "blender"))
    assert not torch.allclose(camera_embedding(c2w, "opencv"), emb)


def test_cameras_validate_their_input():
    good = orbit(2, 10.0, 2.0, size=8)
    bad = good.c2w.clone()
    bad[1, :3, :3] *= 1.5
    with pytest.raises(ValueError, match=r"poses \[1\].*not orthonormal"):
        Cameras(bad, good.intrinsics, 8, 8)
    nan = good.c2w.clone()
    nan[0, 0, 3] = float("nan")
    with pytest.raises(ValueError, match="NaN"):
        Cameras(nan, good.intrinsics, 8, 8)
    with pytest.raises(ValueError, match=r"\(N, 4\)"):
        Cameras(good.c2w, torch.ones(3, 4), 8, 8)
    with pytest.raises(ValueError, match="positive"):
        Cameras(good.c2w, good.intrinsics, 0, 8)


def test_w2c_inverts_c2w():
    cameras = from_spherical([0.0, 123.0], [45.0, -30.0], 2.0, size=16)
    torch.testing.assert_close(cameras.w2c @ cameras.c2w, torch.eye(4).expand(2, 4, 4), atol=1e-6, rtol=0)


def test_fov_is_vertical_for_non_square_images():
    cameras = from_spherical([0.0], [0.0], 2.0, fov=60.0, size=(200, 100))
    # A point on the top edge of a 60 degree vertical frustum at depth 2.
    edge = torch.tensor([[0.0, 0.0, 2.0 * math.tan(math.radians(30.0))]])
    uv, _ = cameras.project(edge)
    assert uv[0, 0, 1].item() == pytest.approx(0.0, abs=1e-3)
