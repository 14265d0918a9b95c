"""The weight-free prompt-following check on synthetic views: colours, shapes, captions."""

import pytest
import torch

from videomv.cameras import orbit
from videomv.data.procedural import COLORS, SHAPES
from videomv.evaluation.prompt_following import (
    check_prompt,
    color_match,
    dominant_colors,
    foreground,
    parse_prompt,
    shape_silhouettes,
    silhouette_iou,
)

CAMERAS = orbit(4, 15.0, 1.7, size=32)


def painted(mask: torch.Tensor, color: str) -> torch.Tensor:
    """``(F, 3, H, W)`` white views with ``mask`` painted in a palette colour."""
    views = torch.ones(len(mask), 3, *mask.shape[-2:])
    rgb = torch.tensor(COLORS[color]) / 255.0
    for channel in range(3):
        views[:, channel][mask] = rgb[channel]
    return views


def disc(size: int = 32, radius: float = 9.0) -> torch.Tensor:
    rows, cols = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    return (((rows - 15.5) ** 2 + (cols - 15.5) ** 2) < radius**2).expand(4, size, size)


def test_captions_are_parsed_into_colours_and_shapes():
    spec = parse_prompt("a red and white striped torus on a blue box")
    assert spec.colors == ["red", "white", "blue"] and spec.shapes == ["torus", "box"]
    assert parse_prompt("a wooden chair") is None


def test_dominant_colour_and_its_match():
    views = painted(disc(), "green")
    views[:, :, :4, :4] = torch.tensor([0.16, 0.31, 0.82])[:, None, None]  # a little blue in a corner
    dominant = dominant_colors(views, foreground(views))
    assert [name for name, _ in dominant] == ["green", "blue"] and dominant[0][1] > 0.8
    assert color_match(["green"], dominant) == 1.0
    assert color_match(["red"], dominant) == 0.0
    assert color_match(["green", "blue"], dominant) == 1.0


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_procedural_shape_is_recognised_from_its_silhouette(shape):
    views = painted(shape_silhouettes(shape, CAMERAS), "blue")
    result = check_prompt(views, CAMERAS, f"a blue {shape}")
    assert result["best_shape"] == shape and result["shape_match"] == 1.0
    assert result["silhouette_iou"] == pytest.approx([1.0] * 4)
    assert result["color_match"] == 1.0


def test_a_red_disc_is_a_red_sphere_and_not_a_blue_cone():
    views = painted(disc(), "red")
    assert check_prompt(views, CAMERAS, "a red sphere")["shape_match"] == 1.0
    wrong = check_prompt(views, CAMERAS, "a blue cone")
    assert wrong["shape_match"] == 0.0 and wrong["color_match"] == 0.0 and wrong["best_shape"] == "sphere"


def test_silhouettes_ignore_position_and_size_and_empty_views_score_zero():
    small = torch.zeros(32, 32, dtype=torch.bool)
    small[4:10, 4:10] = True
    large = torch.zeros(32, 32, dtype=torch.bool)
    large[10:30, 8:28] = True
    assert silhouette_iou(small, large) == 1.0
    assert silhouette_iou(torch.zeros(32, 32, dtype=torch.bool), large) == 0.0
    assert silhouette_iou(large, torch.zeros(32, 32, dtype=torch.bool)) is None


def test_two_part_captions_check_colours_only():
    result = check_prompt(painted(disc(), "red"), CAMERAS, "a red torus on a blue box")
    assert result["color_match"] == 0.5 and result["shape_match"] is None
