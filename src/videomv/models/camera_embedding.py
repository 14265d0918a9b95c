"""The camera MLP that tells each view of a video UNet its camera."""

from __future__ import annotations

import torch
from torch import nn


class CameraEmbedding(nn.Module):
    """``Linear(input_dim, hidden_dim) → SiLU → Linear(hidden_dim, output_dim)`` on flattened poses.

    The last layer starts at zero so that a pretrained video UNet given this embedding computes exactly
    what it computed without it; fine-tuning then grows the camera signal from nothing.

    Args:
        input_dim: numbers per camera (16: a flattened 4x4 camera-to-world matrix).
        hidden_dim: width of the hidden layer.
        output_dim: width of the UNet's time embedding the output is added to.
    """

    def __init__(self, input_dim: int, hidden_dim: int, output_dim: int) -> None:
        super().__init__()
        self.linear_1 = nn.Linear(input_dim, hidden_dim)
        self.act = nn.SiLU()
        self.linear_2 = nn.Linear(hidden_dim, output_dim)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """Default init for the first layer, zeros for the last (the "no camera signal yet" state)."""
        self.linear_1.reset_parameters()
        with torch.no_grad():
            self.linear_2.weight.zero_()
            self.linear_2.bias.zero_()

    def forward(self, poses: torch.Tensor) -> torch.Tensor:
        """Maps ``(..., input_dim)`` flattened poses to ``(..., output_dim)`` embeddings."""
        return self.linear_2(self.act(self.linear_1(poses)))
