"""The reconstructor training task from a :class:`TrainConfig`, and the x̂0 inputs of its VideoMV mode."""

from __future__ import annotations

from pathlib import Path

import torch

from ..cameras import Cameras
from ..models.lgm_convert import load_lgm_checkpoint
from ..models.reconstructor import GaussianReconstructor
from ..models.reconstructor_training import ReconstructorTask, load_lpips
from ..pipelines.videomv import VideoMVPipeline
from ..sampling.three_d_aware import DiffusionX0Views
from .config import TrainConfig
from .prompt_cache import PromptEmbeddings


class PipelineX0Views:
    """The x̂0 callable of the ``"x0"`` mode from a trained diffusion pipeline.

    Each sample is noised and denoised with its own cameras and an empty prompt (the
    unconditional-text branch the image model samples with; for text models the reconstructor
    must repair estimates of any prompt, and the caption-free estimate is the harder one).

    Args:
        pipeline: the trained diffusion pipeline.
        empty_prompt: its embedding of ``""`` when the pipeline has no text encoder (see
            :meth:`from_folder`); None encodes it with the pipeline's, once.
    """

    def __init__(self, pipeline: VideoMVPipeline, empty_prompt: torch.Tensor | None = None) -> None:
        self.pipeline = pipeline
        self.empty_prompt = empty_prompt

    @classmethod
    def from_folder(cls, folder: str | Path, prompt_embeddings: str | Path | None = None) -> PipelineX0Views:
        """Loads a pipeline folder; with a ``videomv train embed-prompts`` file its text encoder is
        neither loaded nor needed (the file's ``""`` row is the empty prompt)."""
        if prompt_embeddings is None:
            pipeline = VideoMVPipeline.from_pretrained(folder)
            empty = None
        else:
            cache = PromptEmbeddings(prompt_embeddings)
            pipeline = VideoMVPipeline.from_pretrained(folder, tokenizer=None, text_encoder=None)
            adapter = pipeline.text_adapter.state_dict()
            # Equal up to float16 rounding: shipped folders store the adapter in half precision.
            if adapter.keys() != cache.adapter_state.keys() or any(
                not torch.allclose(cache.adapter_state[k].float(), v.float(), rtol=1e-3, atol=1e-6)
                for k, v in adapter.items()
            ):
                raise ValueError(
                    f"{prompt_embeddings} was made with another text adapter than {folder}'s; rebuild it with "
                    f"`videomv train embed-prompts --pretrained {folder}`"
                )
            empty = cache.lookup([""], torch.device("cpu"), torch.float32)
        pipeline.set_progress_bar_config(disable=True)
        return cls(pipeline, empty)

    @torch.no_grad()
    def __call__(
        self,
        images: torch.Tensor,
        timesteps: torch.Tensor,
        generators: list[torch.Generator | None],
        cameras: list[Cameras],
    ) -> torch.Tensor:
        pipe = self.pipeline
        if pipe.device != images.device:
            pipe.to(images.device)
        device = pipe.unet.device
        if self.empty_prompt is None:  # encoded once: the text encoder is frozen
            self.empty_prompt = pipe.encode_prompt([""], device)
        text = self.empty_prompt.to(device, pipe.unet.dtype)
        kwargs = {"encoder_hidden_states": text.expand(len(images), *text.shape[1:])}
        if pipe.conditioning != "text":
            kwargs.update(pipe._image_conditions(images[:, 0], images.shape[1], device, None)[0])
        concat = kwargs.pop("concat", None)
        poses = torch.cat([pipe.unet.camera_inputs(cams) for cams in cameras]).to(device, pipe.unet.dtype)

        def denoise(noisy: torch.Tensor, timesteps: torch.Tensor) -> torch.Tensor:
            sample = noisy.permute(0, 2, 1, 3, 4)  # (B, C, F, h, w) for the UNet
            if concat is not None:
                sample = torch.cat([sample, concat], dim=1)
            out = pipe.unet(sample, timesteps, camera_embedding=poses, **kwargs, return_dict=False)[0]
            return out.permute(0, 2, 1, 3, 4)

        views = DiffusionX0Views(pipe.scheduler, denoise, pipe.encode_images, pipe.decode_latents)
        return views(images, timesteps, generators)


def build_reconstructor(config: TrainConfig) -> GaussianReconstructor:
    """The model: random of the preset, a ``save_pretrained`` folder, or an LGM checkpoint file."""
    if config.pretrained is None:
        torch.manual_seed(config.seed)
        return GaussianReconstructor.from_preset(config.model)
    if Path(config.pretrained).is_dir():
        return GaussianReconstructor.from_pretrained(config.pretrained)
    return load_lgm_checkpoint(config.pretrained)


def build_reconstructor_task(config: TrainConfig) -> ReconstructorTask:
    """The :class:`ReconstructorTask` the config describes (both modes)."""
    x0_views = None
    if config.reconstructor_inputs == "x0":
        if config.diffusion_model is None:
            raise ValueError("reconstructor_inputs x0 needs --diffusion-model (a trained pipeline folder)")
        x0_views = PipelineX0Views.from_folder(config.diffusion_model, config.prompt_embeddings)
    return ReconstructorTask(
        build_reconstructor(config), config.num_input_views, config.num_supervision_views,
        config.reconstructor_inputs, x0_views, load_lpips() if config.lpips_weight > 0 else None,
        config.lpips_weight, config.input_background, (config.min_timestep, config.max_timestep), config.rasterizer,
        config.seed, config.anchor_input_view,
    )  # fmt: skip
