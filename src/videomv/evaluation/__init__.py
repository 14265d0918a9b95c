"""Evaluation: image metrics, the paper's protocols (image→views, consistency, text→views),
baselines and ablations, and reports (``videomv eval``)."""

from .consistency import ConsistencyResult, fit_consistency, reconstructor_consistency
from .controls import choose_blur_sigma, gaussian_blur, paired_difference, reversed_order
from .harness import check_output_folder, prepare_output_folder, run_evaluation
from .methods import build_methods, parse_methods, zero_camera_embedding
from .metrics import LPIPS_UNAVAILABLE, lpips, mean_finite, psnr, score_views, ssim
from .objects import EvalObject, data_objects, object_from_sample, prompt_objects
from .prompt_following import check_prompt
from .protocols import ConsistencyProtocol, TextProtocol, ViewsProtocol

__all__ = [
    "LPIPS_UNAVAILABLE",
    "ConsistencyProtocol",
    "ConsistencyResult",
    "EvalObject",
    "TextProtocol",
    "ViewsProtocol",
    "build_methods",
    "check_output_folder",
    "check_prompt",
    "choose_blur_sigma",
    "data_objects",
    "fit_consistency",
    "gaussian_blur",
    "lpips",
    "mean_finite",
    "object_from_sample",
    "paired_difference",
    "parse_methods",
    "prepare_output_folder",
    "prompt_objects",
    "psnr",
    "reconstructor_consistency",
    "reversed_order",
    "run_evaluation",
    "score_views",
    "ssim",
    "zero_camera_embedding",
]
