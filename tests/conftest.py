"""Shared test settings."""

import torch

# The tests' tensors are tiny: one intra-op thread avoids OpenMP hand-offs that cost more than
# the work itself (and stall badly when the cores are shared), and keeps timings repeatable.
torch.set_num_threads(1)
