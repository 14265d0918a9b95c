"""MultiViewDataset: items, view selection, rotation augmentation, resizing."""

import copy
import json
import pickle

import pytest
import torch

from videomv.cameras import Cameras, orbit
from videomv.data import MultiViewDataset, MultiViewSample, write_sample
from videomv.data.dataset import evenly_spaced, find_samples, resize_sample
from videomv.data.format import MultiViewFormatError

SIZE = 24
POINT = torch.tensor([[0.25, -0.1, 0.2]])


def marker_sample(views: int = 8, caption: str = "a dot") -> MultiViewSample:
    """Views that are transparent except one opaque pixel where ``POINT`` projects."""
    cameras = orbit(views, 20.0, 2.0, size=SIZE)
    images = torch.zeros(views, 4, SIZE, SIZE)
    uv, _ = cameras.project(POINT)
    for i, (u, v) in enumerate(uv[:, 0].floor().long().tolist()):
        images[i, :, v, u] = torch.tensor([1.0, 0.0, 0.0, 1.0])
        images[i, 1, 0, 0] = (i + 1) / 255.0  # tags the view so reordering is visible
        images[i, 3, 0, 0] = 1.0
    return MultiViewSample(images, cameras, caption)


@pytest.fixture
def dataset_dir(tmp_path):
    write_sample(tmp_path / "a", marker_sample(caption="first"))
    write_sample(tmp_path / "b", marker_sample(caption="second"))
    index = {"samples": [{"path": "a", "split": "train"}, {"path": "b", "split": "heldout"}]}
    (tmp_path / "index.json").write_text(json.dumps(index))
    return tmp_path


def test_find_samples_uses_the_split_index(dataset_dir):
    assert [p.name for p in find_samples(dataset_dir, "heldout")] == ["b"]
    assert len(find_samples(dataset_dir)) == 2
    with pytest.raises(FileNotFoundError, match="split 'test'"):
        find_samples(dataset_dir, "test")


@pytest.mark.parametrize(
    ("index", "message"),
    [
        ("[" * 100_000, "nested too deeply"),
        ('{"samples": {"path": "a"}}', "'samples' must be a list"),
        ('{"samples": [{"path": "../a"}]}', "relative to the dataset folder"),
        ('{"samples": [{"path": "/etc"}]}', "relative to the dataset folder"),
        ('{"samples": ["a"]}', "needs a 'path'"),
    ],
)
def test_find_samples_names_a_bad_index(dataset_dir, index, message):
    (dataset_dir / "index.json").write_text(index)
    with pytest.raises(MultiViewFormatError, match=message) as info:
        find_samples(dataset_dir)
    assert str(info.value).startswith(str(dataset_dir / "index.json"))


def test_find_samples_tells_a_missing_folder_from_an_empty_one(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such folder"):
        find_samples(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="no multi-view samples"):
        find_samples(tmp_path)


def test_item_contents_and_shapes(dataset_dir):
    ds = MultiViewDataset(dataset_dir, split="train", num_views=4, plucker_size=6, background="black")
    item = ds[0]
    assert item["images"].shape == (4, 3, SIZE, SIZE)
    assert item["alpha"].shape == (4, 1, SIZE, SIZE)
    assert item["camera_embedding"].shape == (4, 16)
    assert item["plucker"].shape == (4, 6, 6, 6)
    assert item["caption"] == "first"
    assert item["view_indices"].tolist() == [0, 2, 4, 6]
    torch.testing.assert_close(item["condition_image"], item["images"][0])
    assert item["images"].amax() == 1.0 and item["images"][:, :, 5, 5].abs().sum() == 0  # black background


def view_tags(item) -> list[int]:
    return [round(float(v) * 255) - 1 for v in item["images"][:, 1, 0, 0]]


def test_random_condition_view_rotates_cameras_with_frames(dataset_dir):
    ds = MultiViewDataset(dataset_dir, condition_view="random", seed=3)
    starts = set()
    for epoch in range(6):
        ds.set_epoch(epoch)
        item = ds[0]
        start = item["view_indices"][0].item()
        starts.add(start)
        assert view_tags(item) == [(start + i) % 8 for i in range(8)]
        # The first view now sits at azimuth 0 ...
        cameras = Cameras(item["c2w"], item["intrinsics"], SIZE, SIZE)
        azimuth = cameras.spherical()[0][0].item()
        assert (azimuth + 180.0) % 360.0 - 180.0 == pytest.approx(0.0, abs=1e-3)
        # ... and the marked 3D point, moved with the world, lands on its pixel in every frame.
        moved = (item["world_transform"] @ torch.cat([POINT, torch.ones(1, 1)], 1).T).T[:, :3]
        uv, _ = cameras.project(moved)
        for i, (u, v) in enumerate(uv[:, 0].floor().long().tolist()):
            assert item["images"][i, 0, v, u] == 1.0 and item["alpha"][i, 0, v, u] == 1.0
    assert len(starts) > 1, "the augmentation must actually change the start view"


def test_items_are_reproducible_per_epoch(dataset_dir):
    ds = MultiViewDataset(dataset_dir, condition_view="random", background="random", seed=7)
    a, b = ds[1], ds[1]
    torch.testing.assert_close(a["images"], b["images"])
    torch.testing.assert_close(a["background"], b["background"])


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_loader_workers_kept_across_epochs_follow_set_epoch(dataset_dir, start_method):
    # The training loop keeps its workers alive between epochs: they must draw with the new epoch.
    ds = MultiViewDataset(dataset_dir, condition_view="random", background="random", seed=7)
    loader = torch.utils.data.DataLoader(
        ds, batch_size=2, num_workers=1, persistent_workers=True, multiprocessing_context=start_method
    )
    for epoch in range(3):
        ds.set_epoch(epoch)
        (batch,) = list(loader)
        expected = torch.utils.data.default_collate([ds[0], ds[1]])
        torch.testing.assert_close(batch["background"], expected["background"])
        torch.testing.assert_close(batch["images"], expected["images"])
    ds.set_epoch(0)
    assert not torch.equal(ds[0]["background"], expected["background"][0])  # the epochs differ


def test_copies_and_pickles_keep_the_epoch_but_not_the_link(dataset_dir):
    ds = MultiViewDataset(dataset_dir, condition_view="random", background="random", seed=7)
    ds.set_epoch(3)
    for other in (copy.deepcopy(ds), pickle.loads(pickle.dumps(ds))):
        assert other.epoch == 3
        torch.testing.assert_close(other[0]["background"], ds[0]["background"])
        other.set_epoch(4)
        assert ds.epoch == 3


def test_resize_keeps_premultiplied_colour_and_scales_cameras():
    sample = marker_sample()
    small = resize_sample(sample, SIZE // 2)
    assert small.images.shape[-1] == SIZE // 2 and small.cameras.width == SIZE // 2
    # Where the marker's red pixel is averaged with transparent neighbours, colour stays pure red.
    visible = small.images[:, 3] > 0
    red = small.images[:, 0][visible & (small.images[:, 1] == 0)]
    assert torch.allclose(red, torch.ones_like(red))
    uv_full, _ = sample.cameras.project(POINT)
    uv_small, _ = small.cameras.project(POINT)
    torch.testing.assert_close(uv_small, uv_full / 2)


def test_evenly_spaced_and_errors():
    assert evenly_spaced(24, 4, start=5) == [5, 11, 17, 23]
    assert evenly_spaced(10, 4) == [0, 2, 5, 7]
    with pytest.raises(ValueError, match="cannot take 9 views"):
        evenly_spaced(8, 9)
    with pytest.raises(ValueError, match="unknown background"):
        MultiViewDataset(["x"], background="pink")


def test_random_view_spacing_keeps_orbit_order_and_the_cameras_follow(dataset_dir):
    ds = MultiViewDataset(dataset_dir, num_views=4, condition_view="random", view_spacing="random", seed=1)
    even = MultiViewDataset(dataset_dir, num_views=4, condition_view="random", seed=1)
    spacings = set()
    for epoch in range(8):
        ds.set_epoch(epoch)
        even.set_epoch(epoch)
        item = ds[0]
        views = item["view_indices"].tolist()
        assert views[0] == even[0]["view_indices"][0]  # same start view: the draw order is unchanged
        offsets = [(v - views[0]) % 8 for v in views]
        assert offsets[0] == 0 and offsets == sorted(set(offsets)), "distinct, in orbit order"
        assert view_tags(item) == views  # the frames are those views ...
        # ... and each camera is its view's camera: the marked point lands on its pixel in every frame.
        cameras = Cameras(item["c2w"], item["intrinsics"], SIZE, SIZE)
        moved = (item["world_transform"] @ torch.cat([POINT, torch.ones(1, 1)], 1).T).T[:, :3]
        uv, _ = cameras.project(moved)
        for i, (u, v) in enumerate(uv[:, 0].floor().long().tolist()):
            assert item["images"][i, 0, v, u] == 1.0
        spacings.add(tuple(offsets))
    assert spacings != {(0, 2, 4, 6)}, "random spacing must differ from the even one"
    with pytest.raises(ValueError, match="view_spacing"):
        MultiViewDataset(dataset_dir, view_spacing="jittered")


def test_preloaded_items_equal_items_read_from_disk(dataset_dir):
    options = dict(num_views=4, image_size=16, background="random", condition_view="random", plucker_size=4, seed=3)
    disk = MultiViewDataset(dataset_dir, **options)
    memory = MultiViewDataset(dataset_dir, preload=True, **options)
    (dataset_dir / "a" / "000.png").unlink()  # preloaded: the files are no longer read
    for epoch in range(3):
        memory.set_epoch(epoch)
        disk.set_epoch(epoch)
        got = memory[1]
        expected = disk[1]
        for key in ("images", "alpha", "c2w", "intrinsics", "camera_embedding", "plucker", "background"):
            assert torch.equal(got[key], expected[key]), key
        assert got["view_indices"].tolist() == expected["view_indices"].tolist()
    assert memory[0]["images"].shape == (4, 3, 16, 16)


def test_preload_reports_a_damaged_sample_before_training(dataset_dir):
    (dataset_dir / "b" / "003.png").write_bytes(b"not a png")
    MultiViewDataset(dataset_dir, split="train", preload=True)  # only "a" is read
    with pytest.raises(MultiViewFormatError, match=r"003\.png"):
        MultiViewDataset(dataset_dir, preload=True)
