"""Multi-view data: the on-disk format, external layouts, mesh rendering and datasets."""

from .dataset import MultiViewDataset, find_samples
from .external import read_gobjaverse, read_syncdreamer
from .format import MultiViewFormatError, MultiViewSample, is_sample, read_sample, write_sample

__all__ = [
    "MultiViewDataset",
    "MultiViewFormatError",
    "MultiViewSample",
    "find_samples",
    "is_sample",
    "read_gobjaverse",
    "read_sample",
    "read_syncdreamer",
    "write_sample",
]
