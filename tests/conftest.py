"""Shared test settings."""

import pytest
import torch

# The tests' tensors are tiny: one intra-op thread avoids OpenMP hand-offs that cost more than
# the work itself (and stall badly when the cores are shared), and keeps timings repeatable.
torch.set_num_threads(1)


@pytest.fixture(autouse=True)
def one_thread_again():
    """Back to one thread after each test: code under test (training, the CLI) sets its own count."""
    yield
    torch.set_num_threads(1)


@pytest.fixture(scope="module")
def renderer():
    """One EGL mesh renderer per test module (creating one costs ~1 s); skips without EGL."""
    from videomv.data.render import MeshRenderer, egl_unavailable_reason

    reason = egl_unavailable_reason()
    if reason is not None:
        pytest.skip(reason)
    with MeshRenderer() as shared:
        yield shared
