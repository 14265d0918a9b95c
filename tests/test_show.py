"""Contact sheets of samples and datasets (no rendering needed: samples are synthetic)."""

from __future__ import annotations

import json

import numpy as np
import torch
from PIL import Image

from videomv.cameras import orbit
from videomv.cli.main import main
from videomv.data.format import MultiViewSample, write_sample
from videomv.data.show import LABEL_HEIGHT, contact_sheet


def _sample(color: tuple[float, float, float], views: int = 6, size: int = 16) -> MultiViewSample:
    images = torch.zeros(views, 4, size, size)
    images[:, :3] = torch.tensor(color).view(1, 3, 1, 1)
    images[:, 3, 4:12, 4:12] = 1.0  # an opaque square on a transparent background
    return MultiViewSample(images, orbit(views, 10.0, 2.0, 39.6, size), caption="a test square")


def test_sheet_of_one_sample_has_one_row_of_all_views(tmp_path):
    write_sample(tmp_path / "s", _sample((1.0, 0.0, 0.0)))
    sheet = np.asarray(contact_sheet(tmp_path / "s", thumb=16))
    assert sheet.shape == (16 + LABEL_HEIGHT, 6 * 16, 3)
    view_centres = sheet[LABEL_HEIGHT + 8, 8::16]
    np.testing.assert_array_equal(view_centres, np.tile([255, 0, 0], (6, 1)))
    # The transparent background shows the sheet colour, and the caption is drawn as dark text.
    assert tuple(sheet[LABEL_HEIGHT + 1, 1]) == (245, 245, 245)
    assert sheet[:LABEL_HEIGHT].min() < 100


def test_sheet_of_dataset_has_one_row_per_sample_and_respects_limits(tmp_path):
    colors = [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)]
    for i, color in enumerate(colors):
        write_sample(tmp_path / "train" / f"s{i}", _sample(color))
    sheet = np.asarray(contact_sheet(tmp_path, thumb=16, max_views=3))
    assert sheet.shape == (3 * (16 + LABEL_HEIGHT), 3 * 16, 3)
    for row, color in enumerate(colors):
        centre = sheet[row * (16 + LABEL_HEIGHT) + LABEL_HEIGHT + 8, 8]
        np.testing.assert_array_equal(centre, np.array(color) * 255)
    assert np.asarray(contact_sheet(tmp_path, thumb=16, max_samples=2)).shape[0] == 2 * (16 + LABEL_HEIGHT)


def test_sheet_filters_by_split_through_index(tmp_path):
    write_sample(tmp_path / "train" / "a", _sample((1.0, 0.0, 0.0)))
    write_sample(tmp_path / "heldout" / "b", _sample((0.0, 0.0, 1.0)))
    index = {
        "samples": [
            {"path": "train/a", "name": "a", "split": "train"},
            {"path": "heldout/b", "name": "b", "split": "heldout"},
        ]
    }
    (tmp_path / "index.json").write_text(json.dumps(index))
    sheet = np.asarray(contact_sheet(tmp_path, thumb=16, split="heldout"))
    assert sheet.shape[0] == 16 + LABEL_HEIGHT
    np.testing.assert_array_equal(sheet[LABEL_HEIGHT + 8, 8], [0, 0, 255])


def test_show_command_writes_png(tmp_path, capsys):
    write_sample(tmp_path / "s", _sample((0.0, 1.0, 0.0)))
    out = tmp_path / "sheet.png"
    assert main(["data", "show", str(tmp_path / "s"), "--out", str(out), "--thumb", "16"]) == 0
    assert Image.open(out).size == (6 * 16, 16 + LABEL_HEIGHT)
    assert main(["data", "show", str(tmp_path / "missing")]) == 2


def test_show_writes_beside_a_sample_so_it_stays_valid(tmp_path, capsys):
    # A PNG inside the sample folder would be an unlisted view: validation would fail.
    write_sample(tmp_path / "s", _sample((0.0, 1.0, 0.0)))
    assert main(["data", "show", str(tmp_path / "s"), "--thumb", "8"]) == 0
    assert (tmp_path / "s_contact_sheet.png").is_file()
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [*(f"{i:03d}.png" for i in range(6)), "cameras.json"]
    write_sample(tmp_path / "data" / "a", _sample((1.0, 0.0, 0.0)))
    assert main(["data", "show", str(tmp_path / "data"), "--thumb", "8"]) == 0
    assert (tmp_path / "data" / "contact_sheet.png").is_file()


def test_show_that_fails_leaves_nothing_behind(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["data", "show", str(tmp_path / "empty"), "--out", str(tmp_path / "new" / "sheet.png")]) == 2
    assert "no multi-view samples" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
