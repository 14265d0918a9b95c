"""videomv: one image or one prompt in, consistent views around an object and 3D Gaussians out."""

__version__ = "0.1.0"
