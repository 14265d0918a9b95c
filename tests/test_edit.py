"""Edits of Gaussian models (videomv.gaussians.edit) and the ``videomv edit`` command."""

import math

import pytest
import torch

from videomv.cameras import orbit
from videomv.gaussians import Gaussians, load_ply, rasterize, save_ply
from videomv.gaussians.edit import (
    color_matrix,
    crop_box,
    crop_sphere,
    inverse_transform,
    merge,
    prune,
    recolor,
    replace_color,
    rotation_matrix,
    transform,
    up_axis_rotation,
)
from videomv.gaussians.sh import C0, sh_basis

FIELDS = ("means", "quats", "log_scales", "opacity_logits", "sh")


def random_gaussians(n=200, sh_degree=2, seed=0):
    gen = torch.Generator().manual_seed(seed)
    return Gaussians(
        torch.randn(n, 3, generator=gen) * 0.3,
        torch.nn.functional.normalize(torch.randn(n, 4, generator=gen), dim=1),
        torch.randn(n, 3, generator=gen) * 0.3 - 3.5,
        torch.randn(n, generator=gen) * 2,
        torch.randn(n, (sh_degree + 1) ** 2, 3, generator=gen) * 0.3,
    )


def sorted_by_mean(g: Gaussians) -> Gaussians:
    key = g.means[:, 0] * 1e6 + g.means[:, 1] * 1e3 + g.means[:, 2]
    return g[torch.argsort(key)]


def assert_same(a: Gaussians, b: Gaussians, atol: float = 0.0) -> None:
    assert len(a) == len(b)
    for name in FIELDS:
        torch.testing.assert_close(getattr(a, name), getattr(b, name), atol=atol, rtol=0, msg=name)


@pytest.mark.parametrize("kind", ["box", "sphere"])
def test_crop_then_merge_gives_back_the_input(kind):
    g = random_gaussians()
    if kind == "box":
        lower, upper = (-0.2, -0.3, -1), (0.3, 0.2, 0.1)
        inside, outside = crop_box(g, lower, upper), crop_box(g, lower, upper, invert=True)
    else:
        inside, outside = crop_sphere(g, (0.1, 0, 0), 0.3), crop_sphere(g, (0.1, 0, 0), 0.3, invert=True)
    assert 0 < len(inside) < len(g)
    assert_same(sorted_by_mean(merge(inside, outside)), sorted_by_mean(g))


def test_crop_box_keeps_exactly_the_centres_inside():
    g = random_gaussians()
    kept = crop_box(g, (0, 0, 0), (1, 1, 1))
    assert (kept.means >= 0).all() and (kept.means <= 1).all()
    assert len(kept) == int(((g.means >= 0) & (g.means <= 1)).all(1).sum())


def test_transform_and_its_inverse_give_back_the_input():
    g = random_gaussians(sh_degree=3)
    rotation = rotation_matrix((30, -70, 125))
    moved = transform(g, rotation, (0.5, -1.0, 2.0), 1.7)
    assert not torch.allclose(moved.means, g.means)
    back = inverse_transform(moved, rotation, (0.5, -1.0, 2.0), 1.7)
    for name in FIELDS:
        torch.testing.assert_close(getattr(back, name), getattr(g, name), atol=1e-5, rtol=0, msg=name)


def test_transform_moves_renders_with_the_cameras():
    """A rotated model seen from cameras rotated the same way looks the same (SH colour included)."""
    g = random_gaussians(n=300, sh_degree=1)
    cams = orbit(2, 20.0, 2.0, 40.0, 32)
    rotation = rotation_matrix((0, 0, 90))
    c2w = cams.c2w.clone()
    c2w[:, :3, :3] = rotation @ c2w[:, :3, :3]
    c2w[:, :3, 3] = c2w[:, :3, 3] @ rotation.T
    before = rasterize(g, cams, 32, 32, 1.0, "torch").rgb
    after = rasterize(transform(g, rotation), (c2w, cams.intrinsics), 32, 32, 1.0, "torch").rgb
    torch.testing.assert_close(after, before, atol=2e-4, rtol=0)


def test_rotation_matrix_and_up_axes():
    r = rotation_matrix((0, 0, 90))
    torch.testing.assert_close(r @ torch.tensor([1.0, 0, 0]), torch.tensor([0.0, 1, 0]), atol=1e-6, rtol=0)
    z_to_y = up_axis_rotation("z", "y")
    torch.testing.assert_close(z_to_y @ torch.tensor([0.0, 0, 1]), torch.tensor([0.0, 1, 0]))
    torch.testing.assert_close(up_axis_rotation("y", "z") @ z_to_y, torch.eye(3))
    assert torch.linalg.det(z_to_y) == pytest.approx(1.0)


def test_prune_by_opacity_and_size():
    g = random_gaussians()
    kept = prune(g, min_opacity=0.5, max_size=math.exp(-3.5))
    assert (kept.opacities >= 0.5).all() and (kept.scales.amax(1) <= math.exp(-3.5) + 1e-7).all()
    expected = (g.opacities >= 0.5) & (g.scales.amax(1) <= math.exp(-3.5))
    assert len(kept) == int(expected.sum()) > 0


def test_colour_matrix_applies_to_view_dependent_colour_exactly():
    g = random_gaussians(sh_degree=2)
    m = color_matrix(hue=40, saturation=0.6, brightness=1.2)
    dirs = torch.nn.functional.normalize(torch.randn(len(g), 3), dim=1)
    basis = sh_basis(2, dirs)[..., None]  # the colour before the renderer's clamp at 0

    def colour(sh):
        return 0.5 + (basis * sh).sum(1)

    before, after = colour(g.sh), colour(recolor(g, 40, 0.6, 1.2).sh)
    torch.testing.assert_close(after, before @ m.T, atol=1e-5, rtol=0)


def test_hue_turn_and_grey():
    red = torch.tensor([1.0, 0.0, 0.0])
    torch.testing.assert_close(color_matrix(hue=120) @ red, torch.tensor([0.0, 1.0, 0.0]), atol=1e-6, rtol=0)
    grey = color_matrix(saturation=0.0) @ torch.tensor([0.2, 0.5, 0.9])
    assert grey.max() - grey.min() < 1e-6
    torch.testing.assert_close(color_matrix(hue=360, saturation=1, brightness=1), torch.eye(3), atol=1e-6, rtol=0)


def test_replace_colour_moves_only_the_matching_colours():
    g = random_gaussians(n=4, sh_degree=0)
    rgb = torch.tensor([[0.9, 0.1, 0.1], [0.85, 0.12, 0.1], [0.1, 0.1, 0.9], [0.5, 0.5, 0.5]])
    g.sh[:, 0] = (rgb - 0.5) / C0
    out = replace_color(g, (0.9, 0.1, 0.1), (0.1, 0.8, 0.1), tolerance=0.1)
    new = 0.5 + C0 * out.sh[:, 0]
    torch.testing.assert_close(new[0], torch.tensor([0.1, 0.8, 0.1]), atol=1e-5, rtol=0)
    torch.testing.assert_close(new[1], torch.tensor([0.05, 0.82, 0.1]), atol=1e-5, rtol=0)
    torch.testing.assert_close(new[2:], rgb[2:], atol=1e-6, rtol=0)


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda g: crop_box(g, (0, 0, 0), (1, -1, 1)), "below the upper corner"),
        (lambda g: crop_box(g, (0, 0), (1, 1, 1)), "3 finite numbers"),
        (lambda g: crop_sphere(g, (0, 0, 0), 0.0), "radius"),
        (lambda g: prune(g, min_opacity=2.0), "min_opacity"),
        (lambda g: transform(g, scale=-1.0), "scale"),
        (lambda g: recolor(g, saturation=float("nan")), "saturation"),
    ],
)
def test_bad_edit_arguments_are_one_line_errors(call, words):
    with pytest.raises(ValueError, match=words) as info:
        call(random_gaussians(n=5))
    assert "\n" not in str(info.value)


def test_edit_cli_crop_and_transform(tmp_path):
    from videomv.cli.main import main

    g = random_gaussians(sh_degree=1)
    save_ply(g, tmp_path / "in.ply")
    out = tmp_path / "out.ply"
    code = main(["edit", str(tmp_path / "in.ply"), "--out", str(out), "--crop-box", "-1", "-1", "-1", "1", "1", "0",
                 "--translate", "0", "0", "1", "--to-up", "y"])  # fmt: skip
    assert code == 0
    expected = transform(crop_box(g, (-1, -1, -1), (1, 1, 0)), None, (0, 0, 1))
    expected = transform(expected, up_axis_rotation("z", "y"))
    got = load_ply(out)
    for name in FIELDS:
        torch.testing.assert_close(getattr(got, name), getattr(expected, name), atol=1e-5, rtol=0, msg=name)
