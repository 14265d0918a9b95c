"""Multi-view data: the on-disk format, external layouts, mesh rendering and datasets.

Names are imported on first use (see :mod:`videomv._lazy`).
"""

from .._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "dataset": ["MultiViewDataset", "find_samples"],
        "external": ["read_gobjaverse", "read_syncdreamer", "read_zero123"],
        "format": ["MultiViewFormatError", "MultiViewSample", "is_sample", "read_sample", "write_sample"],
        "geometry": ["check_geometry"],
    },
)
