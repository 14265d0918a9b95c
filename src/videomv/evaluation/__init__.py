"""Evaluation: image metrics, the paper's protocols (image→views, consistency, text→views),
baselines, controls and ablations, mesh scores, and reports (``videomv eval``).

Names are imported on first use (see :mod:`videomv._lazy`): the CLI reads this package's defaults
to build its parser, which must not load the models.
"""

from .._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "consistency": ["ConsistencyResult", "fit_consistency", "reconstructor_consistency"],
        "controls": ["choose_blur_sigma", "gaussian_blur", "paired_difference", "reversed_order"],
        "harness": ["check_output_folder", "prepare_output_folder", "run_evaluation"],
        "methods": ["build_methods", "parse_methods", "zero_camera_embedding"],
        "metrics": ["LPIPS_UNAVAILABLE", "lpips", "mean_finite", "psnr", "score_views", "ssim"],
        "objects": ["EvalObject", "data_objects", "object_from_sample", "prompt_objects"],
        "prompt_following": ["check_prompt"],
        "protocols": ["ConsistencyProtocol", "TextProtocol", "ViewsProtocol"],
    },
)
