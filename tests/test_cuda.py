"""The same computations on a CUDA GPU as on the CPU (skipped where there is none).

Run these first on a GPU machine: the CPU suite cannot see a tensor made on the wrong device.
"""

from __future__ import annotations

import pytest
import torch

from test_pipeline_3d_aware import _generate, tiny_pipeline
from videomv.cameras import Cameras, orbit

pytestmark = [
    pytest.mark.cuda,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU"),
]


def test_cameras_are_validated_where_they_live():
    cameras = orbit(4, 15.0, 2.0, size=32).to("cuda")
    assert cameras.c2w.is_cuda and cameras.intrinsics.is_cuda
    stretched = cameras.c2w.clone()
    stretched[0, :3, :3] *= 2
    with pytest.raises(ValueError, match="not orthonormal"):
        Cameras(stretched, cameras.intrinsics, 32, 32)


def test_3d_aware_sampling_on_the_gpu_matches_the_cpu():
    cpu = _generate(tiny_pipeline(), three_d_aware=True)
    gpu = _generate(tiny_pipeline().to("cuda"), three_d_aware=True)
    assert gpu.views.is_cuda
    # TF32 and other kernels: close, not bit-equal.
    torch.testing.assert_close(gpu.views.cpu(), cpu.views, atol=2e-2, rtol=0)
