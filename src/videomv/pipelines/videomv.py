"""``VideoMVPipeline``: a prompt or an image in, consistent views of an object around an orbit out."""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np
import torch
import torch.nn.functional as F
from diffusers import DiffusionPipeline
from diffusers.utils import BaseOutput
from diffusers.utils.torch_utils import randn_tensor
from PIL import Image

from ..cameras import Cameras, orbit
from ..gaussians import Gaussians
from ..models import (
    CameraI2VGenXLUNet,
    CameraUNet3DConditionModel,
    GaussianReconstructor,
    TextEmbeddingAdapter,
    build_autoencoder,
    decode_views,
    encode_clip_image,
    encode_prompts,
    encode_views,
    get_preset,
    load_autoencoder,
    load_text_encoder,
    spatial_scale_factor,
)
from ..models.configs import NEGATIVE_PROMPT
from ..models.encoders import BUNDLED_MINILM_MARKER, reference_text_layer
from ..models.loading import check_transformers_folder, checked_folders
from ..safe_load import BadFileError, named_load_errors
from ..sampling import (
    DEFAULT_REFINE_STEPS,
    ThreeDAwareConfig,
    ThreeDAwareRefiner,
    X0Refiner,
    denoise,
    make_scheduler,
    posterior_generator,
)
from .checks import INDEX_FILE, check_pipeline_folder, read_pipeline_index
from .preprocess import RESAMPLE_FILTERS, ImageInput, PreprocessConfig, image_to_tensor, preprocess_image

OutputType = Literal["pil", "np", "pt", "latent"]
# Values of the ``autocast_dtype`` config: no autocast, or torch.autocast to that dtype while sampling.
AUTOCAST_DTYPES = (None, "float16", "bfloat16")


@dataclass
class VideoMVPipelineOutput(BaseOutput):
    """What :class:`VideoMVPipeline` returns.

    Attributes:
        views: per sample, the views in camera order: a list of lists of PIL images (``"pil"``),
            ``(B, F, H, W, 3)`` float32 in [0, 1] (``"np"``), ``(B, F, 3, H, W)`` in [0, 1] (``"pt"``),
            or ``(B, F, C, h, w)`` latents (``"latent"``).
        cameras: the cameras of the views (OpenCV convention, at the output resolution).
        gaussians: per sample, the 3D Gaussians reconstructed from the final views (world frame of
            ``cameras``); None when the pipeline has no reconstructor.
    """

    views: list[list[Image.Image]] | np.ndarray | torch.Tensor
    cameras: Cameras
    gaussians: list[Gaussians] | None = None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# Pipeline config settings checked when a pipeline is built: (accepts the value, what it must be).
_SETTING_RULES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "autocast_dtype": (lambda v: v in AUTOCAST_DTYPES, f"one of {', '.join(map(str, AUTOCAST_DTYPES))}"),
    "condition_fill_fraction": (lambda v: _is_number(v) and 0 < v <= 1, "a number in (0, 1]"),
    "condition_resample": (
        lambda v: isinstance(v, str) and v in RESAMPLE_FILTERS,
        f"one of {', '.join(RESAMPLE_FILTERS)}",
    ),
    "three_d_aware_render_scale": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
        "a whole number >= 1",
    ),
    "three_d_aware_near": (lambda v: _is_number(v) and v > 0, "a number > 0"),
}


def check_reference_settings(**settings: Any) -> None:
    """Refuses values the reference-behaviour settings cannot take, naming the setting (a ValueError).

    Checked when a pipeline is built, so a hand-edited ``model_index.json`` is refused on loading rather
    than at the first image (``condition_*``) or the first 3D-aware step (``three_d_aware_*``).
    """
    for name, value in settings.items():
        accepts, wanted = _SETTING_RULES[name]
        if not accepts(value):
            raise ValueError(f"{name} must be {wanted}, got {value!r}")


def i2vgen_image_latents(latents: torch.Tensor, num_views: int) -> torch.Tensor:
    """I2VGen-XL's ``image_latents`` ``(B, C, F, h, w)`` of condition latents ``(B, 1, C, h, w)``: the latent as
    frame 0, then frames of the constant ``i / (F - 1)``, i = 1 … F - 1 (a position ramp, as diffusers'
    I2VGen-XL pipeline and VGen's ``mask_pos`` build it)."""
    first = latents.permute(0, 2, 1, 3, 4)
    ramp = torch.arange(1, num_views, device=latents.device, dtype=latents.dtype) / max(num_views - 1, 1)
    ramp = torch.ones_like(first).expand(-1, -1, num_views - 1, -1, -1) * ramp.view(1, 1, -1, 1, 1)
    return torch.cat([first, ramp], dim=2)


class VideoMVPipeline(DiffusionPipeline):
    """Multi-view generation with a camera-conditioned video diffusion model (VideoMV).

    Components:
        unet: ``CameraUNet3DConditionModel`` (text model; with ``in_channels`` = 2 x latent channels the
            tiny image model, which sees the condition image concatenated to each view) or
            ``CameraI2VGenXLUNet`` (full-scale image model).
        vae: ``AutoencoderKL`` or ``IdentityAutoencoder`` (pixel space).
        scheduler: a diffusers scheduler (see :mod:`videomv.sampling.schedulers`).
        tokenizer, text_encoder: a transformers tokenizer and text model.
        text_adapter: :class:`~videomv.models.TextEmbeddingAdapter` (layer, pooling, projection).
        image_encoder, feature_extractor: CLIP vision model with projection and its processor (I2VGen-XL
            only).
        reconstructor: optional :class:`~videomv.models.GaussianReconstructor`; with it the pipeline
            samples 3D-aware (see ``three_d_aware`` of :meth:`__call__`) and returns Gaussians.

    Config values (saved in ``model_index.json``): ``prompt_suffix`` (appended to every prompt),
    ``negative_prompt``, ``guidance_scale``, ``num_views``, ``elevation``, ``radius``, ``fov`` (the
    default orbit), ``fps`` (I2VGen-XL's frame-rate input), ``text_to_views`` (an image model trained
    with the image dropped and the caption kept, which also generates from a prompt alone),
    ``num_inference_steps`` (the default number of denoising steps, set for the saved scheduler),
    ``three_d_aware_steps`` / ``three_d_aware_blend`` (the default 3D-aware schedule and weight) and
    ``three_d_aware_anchor`` (image models: the reconstructor sees the condition image as view 0; see
    :class:`~videomv.sampling.ThreeDAwareConfig`).

    Settings a converted reference model carries to sample as the reference code does (see
    :data:`videomv.models.configs.REFERENCE_PIPELINE_SETTINGS` for what each reproduces, and where);
    the defaults are ours: ``prompt_suffix_if_absent`` (append the suffix only to prompts without
    it), ``vae_sample_posterior`` (encode the condition image and the 3D-aware renders with a sample
    of the VAE posterior, not its mode), ``autocast_dtype`` (None, or ``"float16"`` / ``"bfloat16"``:
    sample under torch autocast), ``condition_fill_fraction`` / ``condition_resample`` (how condition
    images are recentred), and the 3D-aware renders' ``three_d_aware_background``,
    ``three_d_aware_render_scale``, ``three_d_aware_near`` and ``three_d_aware_flip_cameras``.
    """

    model_cpu_offload_seq = "text_encoder->text_adapter->image_encoder->unet->vae->reconstructor"
    _optional_components: ClassVar[list[str]] = ["image_encoder", "feature_extractor", "reconstructor"]

    def __init__(
        self,
        unet: Any,
        vae: Any,
        scheduler: Any,
        tokenizer: Any,
        text_encoder: Any,
        text_adapter: TextEmbeddingAdapter,
        image_encoder: Any = None,
        feature_extractor: Any = None,
        reconstructor: GaussianReconstructor | None = None,
        prompt_suffix: str = ", 3d asset",
        negative_prompt: str = NEGATIVE_PROMPT,
        guidance_scale: float = 9.0,
        num_views: int = 24,
        elevation: float = 15.0,
        radius: float = 2.0,
        fov: float = 39.6,
        fps: int = 16,
        text_to_views: bool = False,
        num_inference_steps: int = 50,
        three_d_aware_steps: Sequence[int] | Sequence[float] = DEFAULT_REFINE_STEPS,
        three_d_aware_blend: float = 1.0,
        three_d_aware_anchor: bool = False,
        prompt_suffix_if_absent: bool = False,
        vae_sample_posterior: bool = False,
        autocast_dtype: str | None = None,
        condition_fill_fraction: float = 0.85,
        condition_resample: str = "lanczos",
        three_d_aware_background: float = 1.0,
        three_d_aware_render_scale: int = 1,
        three_d_aware_near: float = 0.01,
        three_d_aware_flip_cameras: bool = False,
    ) -> None:
        super().__init__()
        if isinstance(unet, CameraI2VGenXLUNet) and (image_encoder is None or feature_extractor is None):
            raise ValueError("an I2VGen-XL UNet needs an image_encoder and a feature_extractor")
        check_reference_settings(
            autocast_dtype=autocast_dtype, condition_fill_fraction=condition_fill_fraction,
            condition_resample=condition_resample, three_d_aware_render_scale=three_d_aware_render_scale,
            three_d_aware_near=three_d_aware_near,
        )  # fmt: skip
        self.register_modules(
            unet=unet,
            vae=vae,
            scheduler=scheduler,
            tokenizer=tokenizer,
            text_encoder=text_encoder,
            text_adapter=text_adapter,
            image_encoder=image_encoder,
            feature_extractor=feature_extractor,
            reconstructor=reconstructor,
        )
        self.register_to_config(
            prompt_suffix=prompt_suffix,
            negative_prompt=negative_prompt,
            guidance_scale=guidance_scale,
            num_views=num_views,
            elevation=elevation,
            radius=radius,
            fov=fov,
            fps=fps,
            text_to_views=text_to_views,
            num_inference_steps=num_inference_steps,
            three_d_aware_steps=list(three_d_aware_steps),
            three_d_aware_blend=three_d_aware_blend,
            three_d_aware_anchor=three_d_aware_anchor,
            prompt_suffix_if_absent=prompt_suffix_if_absent,
            vae_sample_posterior=vae_sample_posterior,
            autocast_dtype=autocast_dtype,
            condition_fill_fraction=condition_fill_fraction,
            condition_resample=condition_resample,
            three_d_aware_background=three_d_aware_background,
            three_d_aware_render_scale=three_d_aware_render_scale,
            three_d_aware_near=three_d_aware_near,
            three_d_aware_flip_cameras=three_d_aware_flip_cameras,
        )
        self.vae_chunk_size: int | None = None
        self.x0_refiner: X0Refiner | None = None

    # ----------------------------------------------------------------------------------- construction

    @classmethod
    def from_preset(
        cls,
        preset: str,
        base_model: str | os.PathLike | None = None,
        text_encoder_path: str | os.PathLike | None = None,
        image_encoder_path: str | os.PathLike | None = None,
        torch_dtype: torch.dtype | None = None,
        seed: int = 0,
        unet: CameraUNet3DConditionModel | CameraI2VGenXLUNet | None = None,
        reconstructor: GaussianReconstructor | None = None,
        text_adapter: TextEmbeddingAdapter | None = None,
        **config: Any,
    ) -> VideoMVPipeline:
        """A pipeline of ``preset`` (see :data:`videomv.models.PRESETS`), ready for fine-tuning.

        Args:
            preset: the model preset name.
            base_model: a local diffusers folder of the base video model (``ali-vilab/text-to-video-ms-1.7b``
                or ``ali-vilab/i2vgen-xl`` layout), or a pipeline folder of the same preset to train on from.
                Its UNet (every weight unchanged, the camera MLP at its zero start for a base video model),
                autoencoder, text encoder, text adapter and image encoder are used; None builds a random
                UNet of the preset (and its autoencoder) instead.
            text_encoder_path: a local transformers or diffusers folder of the text encoder; default the
                base model's, or the bundled MiniLM for the tiny presets.
            image_encoder_path: a folder with ``image_encoder/`` and ``feature_extractor/`` (I2VGen-XL);
                default the base model's.
            torch_dtype: dtype to load the weights in.
            seed: seeds the random initialisation.
            unet: a camera UNet to use instead of the base model's or a random one (e.g. a converted
                reference checkpoint).
            reconstructor: an optional Gaussian reconstructor (3D-aware sampling).
            text_adapter: the frozen adapter of precomputed prompt embeddings: the text encoder is then
                not loaded (tokenizer and text encoder are None; see videomv.training.prompt_cache).
            **config: pipeline config overrides (``guidance_scale``, ``elevation``, ...).
        """
        spec = get_preset(preset)
        text_encoder_path = text_encoder_path or base_model
        image_encoder_path = image_encoder_path or base_model
        if spec.text_encoder == "clip" and text_encoder_path is None:
            raise ValueError(f"preset {preset!r} needs base_model or text_encoder_path (a local CLIP folder)")
        torch.manual_seed(seed)
        if base_model is not None:
            if unet is None:
                unet = spec.unet_class.from_pretrained(base_model, subfolder="unet", torch_dtype=torch_dtype)
            vae = load_autoencoder(Path(base_model) / "vae", torch_dtype)
        else:
            unet, vae = unet or spec.build_unet(), build_autoencoder(spec.vae)
        image_encoder = feature_extractor = None
        if spec.unet_class is CameraI2VGenXLUNet:
            if image_encoder_path is None:
                raise ValueError(f"preset {preset!r} needs base_model or image_encoder_path")
            from transformers import CLIPImageProcessor, CLIPVisionModelWithProjection

            for part in ("image_encoder", "feature_extractor"):
                check_transformers_folder(Path(image_encoder_path, part), f"the {part} folder")
            with named_load_errors(image_encoder_path, "a CLIP image encoder"):
                image_encoder = CLIPVisionModelWithProjection.from_pretrained(
                    image_encoder_path, subfolder="image_encoder", local_files_only=True, dtype=torch_dtype
                )
                feature_extractor = CLIPImageProcessor.from_pretrained(
                    image_encoder_path, subfolder="feature_extractor", local_files_only=True
                )
        if text_adapter is not None:
            tokenizer = text_encoder = None
            adapter = text_adapter
        else:
            tokenizer, text_encoder = load_text_encoder(text_encoder_path, torch_dtype)
            saved_adapter = Path(base_model) / "text_adapter" if base_model is not None else None
            if saved_adapter is not None and saved_adapter.is_dir():
                # A folder of one of our pipelines (fine-tuning on): its UNet learned this frozen projection.
                adapter = TextEmbeddingAdapter.from_pretrained(saved_adapter)
                if adapter.config.input_dim != text_encoder.config.hidden_size:
                    raise ValueError(
                        f"{saved_adapter} takes {adapter.config.input_dim}-wide text embeddings but the text "
                        f"encoder gives {text_encoder.config.hidden_size}; use the base model's text encoder"
                    )
            else:
                adapter = TextEmbeddingAdapter(
                    input_dim=text_encoder.config.hidden_size, output_dim=unet.config.cross_attention_dim,
                    hidden_layer=reference_text_layer(text_encoder), **spec.text_adapter,
                )  # fmt: skip
        if torch_dtype is not None:
            adapter.to(torch_dtype)
        return cls(
            unet=unet,
            vae=vae,
            scheduler=make_scheduler("ddim", spec.scheduler),
            tokenizer=tokenizer,
            text_encoder=text_encoder,
            text_adapter=adapter,
            image_encoder=image_encoder,
            feature_extractor=feature_extractor,
            reconstructor=reconstructor,
            **{**spec.pipeline, **config},
        )

    @classmethod
    def from_pretrained(cls, pretrained_model_name_or_path: str | os.PathLike, **kwargs: Any) -> VideoMVPipeline:
        """diffusers' loader on a local pipeline folder, checked first, which also fills in the bundled
        MiniLM text encoder of compact folders.

        Every file is checked before anything loads (see :func:`videomv.pipelines.checks.check_pipeline_folder`),
        and whatever a library still raises while loading is reported naming the folder.

        Raises:
            FileNotFoundError, NotADirectoryError, videomv.safe_load.BadFileError: one line naming the
                file at fault.
        """
        folder = Path(pretrained_model_name_or_path)
        bundled = (folder / "text_encoder" / BUNDLED_MINILM_MARKER).is_file() and "text_encoder" not in kwargs
        provided = {*kwargs, *(("tokenizer", "text_encoder") if bundled else ())}
        model_folders = check_pipeline_folder(cls, folder, provided)
        index = read_pipeline_index(cls, folder)
        try:
            check_reference_settings(**{key: value for key, value in index.items() if key in _SETTING_RULES})
        except ValueError as error:
            raise BadFileError(f"{folder / INDEX_FILE}: {error}; fix it or re-save the pipeline") from None
        if bundled:
            dtype = kwargs.get("dtype", kwargs.get("torch_dtype"))
            kwargs["tokenizer"], kwargs["text_encoder"] = load_text_encoder(None, dtype)
        with checked_folders(model_folders), named_load_errors(folder, "the pipeline"):
            return super().from_pretrained(pretrained_model_name_or_path, **kwargs)

    # ---------------------------------------------------------------------------------- properties

    @property
    def image_size(self) -> int:
        """Side of the generated views in pixels."""
        return int(self.unet.config.sample_size) * spatial_scale_factor(self.vae)

    @property
    def conditioning(self) -> Literal["text", "concat", "i2vgenxl"]:
        """How the model takes an image: not at all, concatenated to each view, or I2VGen-XL's way."""
        if isinstance(self.unet, CameraI2VGenXLUNet):
            return "i2vgenxl"
        if self.unet.config.in_channels != self.unet.config.out_channels:
            return "concat"
        return "text"

    # ----------------------------------------------------------------------- memory / speed options

    def enable_vae_chunking(self, chunk_size: int = 4) -> None:
        """Encode and decode at most ``chunk_size`` views per autoencoder call (bounds peak memory)."""
        self.vae_chunk_size = chunk_size

    def disable_vae_chunking(self) -> None:
        """Encode and decode all views in one call."""
        self.vae_chunk_size = None

    # ------------------------------------------------------------------ helpers (also for refiners)

    def decode_latents(self, latents: torch.Tensor) -> torch.Tensor:
        """``(B, F, C, h, w)`` latents → ``(B, F, 3, H, W)`` images in [-1, 1] (unclamped), chunked."""
        return decode_views(self.vae, latents, self.vae_chunk_size)

    def encode_images(self, images: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
        """``(B, F, 3, H, W)`` images in [-1, 1] → ``(B, F, C, h, w)`` latents (posterior mode), chunked."""
        return encode_views(self.vae, images, self.vae_chunk_size, generator)

    def encode_prompt(self, prompts: list[str], device: torch.device) -> torch.Tensor:
        """``(B, L, cross_attention_dim)`` embeddings of ``prompts`` (no suffix added here)."""
        if self.text_encoder is None:
            raise ValueError(
                "this pipeline has no text encoder (it was trained from precomputed prompt embeddings); "
                "load it with VideoMVPipeline.from_pretrained(folder, tokenizer=..., text_encoder=...)"
            )
        embeddings = encode_prompts(prompts, self.tokenizer, self.text_encoder, self.text_adapter, device)
        return embeddings.to(device=device, dtype=self.unet.dtype)

    def prepare_images(
        self, image: ImageInput | torch.Tensor | list, preprocess: PreprocessConfig | None = None
    ) -> torch.Tensor:
        """``(B, 3, S, S)`` condition images in [0, 1] at the model resolution.

        Paths, PIL images and arrays are preprocessed (recentred, rescaled, composited); tensors
        ``(3, H, W)`` or ``(B, 3, H, W)`` in [0, 1] are taken as prepared and only resized.
        """
        size = self.image_size
        if isinstance(image, torch.Tensor):
            batch = image[None] if image.ndim == 3 else image
            if batch.ndim != 4 or batch.shape[1] != 3:
                raise ValueError(f"image tensors must be (3, H, W) or (B, 3, H, W), got {tuple(image.shape)}")
            return F.interpolate(batch.float(), size=(size, size), mode="bilinear", antialias=True, align_corners=False)
        images = image if isinstance(image, list) else [image]
        config = preprocess or PreprocessConfig(
            size=size, fill_fraction=self.config.condition_fill_fraction, resample=self.config.condition_resample
        )
        if config.size != size:
            raise ValueError(f"preprocess size {config.size} differs from the model resolution {size}")
        return torch.stack([image_to_tensor(preprocess_image(item, config)) for item in images])

    def _image_conditions(
        self, images: torch.Tensor, num_views: int, device: torch.device, generator: torch.Generator | None
    ) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
        """UNet keyword arguments carrying the condition image: (conditional, unconditional)."""
        dtype = self.unet.dtype
        sample = posterior_generator(generator) if self.config.vae_sample_posterior else None
        latents = self.encode_images((images * 2 - 1)[:, None].to(device), sample).to(dtype)  # (B, 1, C, h, w)
        if self.conditioning == "concat":
            cond = latents.expand(-1, num_views, -1, -1, -1).permute(0, 2, 1, 3, 4)
            return {"concat": cond}, {"concat": torch.zeros_like(cond)}
        # I2VGen-XL: CLIP embedding (zeros when unconditional), first-frame latent followed by a
        # per-frame position ramp (as diffusers' I2VGen-XL pipeline builds it), frame rate.
        embeds = encode_clip_image(images, self.image_encoder, self.feature_extractor).to(device, dtype)
        shared = {
            "image_latents": i2vgen_image_latents(latents, num_views),
            "fps": torch.full((len(images),), self.config.fps, device=device),
        }
        return {**shared, "image_embeddings": embeds}, {**shared, "image_embeddings": torch.zeros_like(embeds)}

    # ------------------------------------------------------------------------------------- sampling

    def _resolve_cameras(
        self,
        cameras: Cameras | None,
        num_views: int | None,
        elevation: float | None,
        radius: float | None,
        fov: float | None,
    ) -> Cameras:
        size = self.image_size
        if cameras is None:
            config = self.config
            return orbit(
                config.num_views if num_views is None else num_views,  # `is None`: a 0 must not mean "default"
                elevation=config.elevation if elevation is None else elevation,
                radius=config.radius if radius is None else radius,
                fov=config.fov if fov is None else fov,
                size=size,
            )
        if num_views is not None and num_views != len(cameras):
            raise ValueError(f"num_views={num_views} but {len(cameras)} cameras were given")
        return cameras if (cameras.width, cameras.height) == (size, size) else cameras.resized(size, size)

    def _check_inputs(self, prompt: str | list[str] | None, image: Any, output_type: str) -> None:
        if output_type not in ("pil", "np", "pt", "latent"):
            raise ValueError(f"unknown output_type {output_type!r}; use 'pil', 'np', 'pt' or 'latent'")
        if prompt is None and image is None:
            raise ValueError("give a prompt or an image")
        if self.conditioning == "text" and image is not None:
            raise ValueError("this is a text-to-views model; it takes no image")
        text_only_ok = self.conditioning == "concat" and self.config.text_to_views
        if self.conditioning != "text" and image is None and not text_only_ok:
            raise ValueError("this is an image-to-views model; give an image")

    @torch.no_grad()
    def __call__(
        self,
        prompt: str | list[str] | None = None,
        image: ImageInput | torch.Tensor | list | None = None,
        cameras: Cameras | None = None,
        num_views: int | None = None,
        elevation: float | None = None,
        radius: float | None = None,
        fov: float | None = None,
        num_inference_steps: int | None = None,
        guidance_scale: float | None = None,
        negative_prompt: str | list[str] | None = None,
        generator: torch.Generator | list[torch.Generator] | None = None,
        latents: torch.Tensor | None = None,
        eta: float = 0.0,
        output_type: OutputType = "pil",
        return_dict: bool = True,
        x0_refiner: X0Refiner | None = None,
        preprocess: PreprocessConfig | None = None,
        three_d_aware: bool | ThreeDAwareConfig = True,
        three_d_aware_steps: Sequence[int] | Sequence[float] | None = None,
        three_d_aware_blend: float | None = None,
        reconstructor_views: Sequence[int] | None = None,
    ) -> VideoMVPipelineOutput | tuple:
        """Generates the views.

        Args:
            prompt: text prompt(s); the config's ``prompt_suffix`` is appended. Optional for image models.
            image: condition image(s): paths, PIL images, arrays (preprocessed) or [0, 1] tensors.
            cameras: the views' cameras; default an orbit of ``num_views`` at ``elevation``, ``radius``
                and ``fov`` (config defaults where None).
            num_views, elevation, radius, fov: the default orbit.
            num_inference_steps: scheduler steps (config default if None).
            guidance_scale: classifier-free guidance weight (config default if None; ≤ 1 disables it).
            negative_prompt: the unconditional branch's prompt (config default if None).
            generator: makes the sample reproducible: one for the batch, or one per sample (diffusers'
                convention: a sample's noise then does not depend on the batch it is in; not with
                ``vae_sample_posterior``, whose draws cover the whole batch).
            latents: ``(B, F, C, h, w)`` starting noise instead of drawing it.
            eta: DDIM noise weight (0 = deterministic).
            output_type: ``"pil"``, ``"np"``, ``"pt"`` or ``"latent"``.
            return_dict: return a :class:`VideoMVPipelineOutput` rather than a tuple.
            x0_refiner: replaces clean-sample estimates during sampling (overrides ``self.x0_refiner``
                and the 3D-aware refiner); see :mod:`videomv.sampling.denoise`.
            preprocess: condition-image preprocessing settings.
            three_d_aware: with a ``reconstructor``, sample 3D-aware (True, or a
                :class:`~videomv.sampling.ThreeDAwareConfig`) or plainly (False). Gaussians of the final
                views are returned either way.
            three_d_aware_steps: loop indices (ints) or fractions of the loop (floats) at which x̂0 is
                refined; default the pipeline config's (the reference's 0.4, 0.6, 0.8: steps 20, 30, 40
                of 50).
            three_d_aware_blend: weight of the renders in the refined x̂0 (1.0 replaces it); default
                the pipeline config's (1.0).
            reconstructor_views: indices of the views the reconstructor sees; default its number of
                input views, evenly spaced from view 0.
        """
        self._check_inputs(prompt, image, output_type)
        device = self._execution_device
        dtype = self.unet.dtype
        cameras = self._resolve_cameras(cameras, num_views, elevation, radius, fov)
        frames = len(cameras)

        images = self.prepare_images(image, preprocess) if image is not None else None
        if prompt is None:
            prompts = [""] * len(images)  # image models run with an empty prompt
        else:
            prompts = [self._with_suffix(p) for p in ([prompt] if isinstance(prompt, str) else prompt)]
        batch = len(prompts)
        if images is not None and len(images) != batch:
            raise ValueError(f"{len(images)} images but {batch} prompts")
        self._check_generators(generator, batch)

        guidance_scale = self.config.guidance_scale if guidance_scale is None else guidance_scale
        guided = guidance_scale > 1.0
        negative = self.config.negative_prompt if negative_prompt is None else negative_prompt
        negatives = [negative] * batch if isinstance(negative, str) else list(negative)
        text = self.encode_prompt(prompts + (negatives if guided else []), device)
        cond_kwargs: dict[str, torch.Tensor] = {"encoder_hidden_states": text[:batch]}
        uncond_kwargs: dict[str, torch.Tensor] = {"encoder_hidden_states": text[batch:]}
        if images is not None:
            image_cond, image_uncond = self._image_conditions(images, frames, device, generator)
            cond_kwargs.update(image_cond)
            uncond_kwargs.update(image_uncond)
        elif self.conditioning == "concat":  # a prompt alone: the image slot holds what dropout trained
            size, channels = self.unet.config.sample_size, self.unet.config.in_channels - self.unet.config.out_channels
            empty = torch.zeros(batch, channels, frames, size, size, device=device, dtype=dtype)
            cond_kwargs["concat"] = uncond_kwargs["concat"] = empty
        # One UNet call runs both branches: conditional first, then unconditional.
        unet_kwargs = cond_kwargs
        if guided:
            unet_kwargs = {key: torch.cat([value, uncond_kwargs[key]]) for key, value in cond_kwargs.items()}
        concat = unet_kwargs.pop("concat", None)
        branches = 2 if guided else 1
        camera_inputs = self.unet.camera_inputs(cameras, batch * branches).to(device=device, dtype=dtype)

        def model_fn(sample: torch.Tensor, timestep: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
            model_input = torch.cat([sample] * branches)
            if concat is not None:
                model_input = torch.cat([model_input, concat], dim=1)
            output = self.unet(model_input, timestep, camera_embedding=camera_inputs, **unet_kwargs, return_dict=False)[
                0
            ]
            return (output[:batch], output[batch:]) if guided else (output, None)

        steps = self.config.num_inference_steps if num_inference_steps is None else num_inference_steps
        if steps < 1:
            raise ValueError(f"num_inference_steps must be at least 1, got {steps}")
        self.scheduler.set_timesteps(steps, device=device)
        channels, size = self.unet.config.out_channels, self.unet.config.sample_size
        if latents is None:
            shape = (batch, channels, frames, size, size)
            latents = randn_tensor(shape, generator=generator, device=device, dtype=dtype)
        else:
            latents = latents.permute(0, 2, 1, 3, 4).to(device=device, dtype=dtype)
        latents = latents * self.scheduler.init_noise_sigma

        refiner = x0_refiner or self.x0_refiner
        reconstruction = self._three_d_aware_refiner(
            three_d_aware, three_d_aware_steps, three_d_aware_blend, reconstructor_views
        )
        if refiner is None and three_d_aware is not False:
            refiner = reconstruction
        if reconstruction is not None:
            reconstruction.condition_images = images
        with self._autocast(device):
            latents = denoise(
                self.scheduler,
                latents,
                model_fn,
                guidance_scale,
                x0_refiner=refiner,
                cameras=cameras,
                pipeline=self,
                generator=generator,
                eta=eta,
                progress_bar=self.progress_bar,
            )
        latents = latents.to(dtype)
        latents = latents.permute(0, 2, 1, 3, 4)  # (B, F, C, h, w)
        images = None if output_type == "latent" and reconstruction is None else self.decode_latents(latents)
        gaussians = None
        if reconstruction is not None:
            gaussians = reconstruction.reconstruct(((images.float() + 1) / 2).clamp(0, 1), cameras)
        views = latents if output_type == "latent" else self._postprocess(images, output_type)
        self.maybe_free_model_hooks()
        if not return_dict:
            return (views, cameras, gaussians)
        return VideoMVPipelineOutput(views=views, cameras=cameras, gaussians=gaussians)

    def _check_generators(self, generator: torch.Generator | list[torch.Generator] | None, batch: int) -> None:
        """One generator per sample, when a list is given, and a model that draws nothing else for the whole batch."""
        if not isinstance(generator, list):
            return
        if len(generator) != batch:
            raise ValueError(f"{len(generator)} generators for {batch} samples; give one per sample, or one for all")
        if batch > 1 and self.config.vae_sample_posterior:
            raise ValueError(
                "one generator per sample needs vae_sample_posterior off (its posterior draws cover the whole batch); "
                "give one generator, or sample one at a time"
            )

    def _with_suffix(self, prompt: str) -> str:
        """``prompt`` with the config's suffix appended (with ``prompt_suffix_if_absent``: unless the
        prompt already holds it, e.g. "3d asset" in "a chair, 3d asset")."""
        suffix = self.config.prompt_suffix
        core = suffix.lstrip(", ").strip()
        if self.config.prompt_suffix_if_absent and core and core in prompt:
            return prompt
        return prompt + suffix

    def _autocast(self, device: torch.device) -> Any:
        """The sampling loop's autocast context (``autocast_dtype``); a no-op without one."""
        name = self.config.autocast_dtype
        if name is None:
            return contextlib.nullcontext()
        return torch.autocast(device.type, dtype=getattr(torch, name))

    def three_d_aware_config(
        self,
        three_d_aware: bool | ThreeDAwareConfig = True,
        steps: Sequence[int] | Sequence[float] | None = None,
        blend: float | None = None,
        input_views: Sequence[int] | None = None,
    ) -> ThreeDAwareConfig:
        """The 3D-aware settings a call with these arguments samples with: the given config, or the
        model's own schedule (older pipeline folders: the reference's), under the call's overrides."""
        if isinstance(three_d_aware, ThreeDAwareConfig):
            config = three_d_aware
        else:
            config = ThreeDAwareConfig(
                steps=self.config.three_d_aware_steps, blend=self.config.three_d_aware_blend,
                anchor_condition_view=self.config.three_d_aware_anchor,
                background=self.config.three_d_aware_background,
                render_scale=self.config.three_d_aware_render_scale, near=self.config.three_d_aware_near,
                flip_cameras=self.config.three_d_aware_flip_cameras,
                sample_posterior=self.config.vae_sample_posterior,
            )  # fmt: skip
        overrides = {"steps": steps, "blend": blend, "input_views": input_views}
        return replace(config, **{key: value for key, value in overrides.items() if value is not None})

    def _three_d_aware_refiner(
        self,
        three_d_aware: bool | ThreeDAwareConfig,
        steps: Sequence[int] | Sequence[float] | None,
        blend: float | None,
        input_views: Sequence[int] | None,
    ) -> ThreeDAwareRefiner | None:
        """The refiner of the pipeline's reconstructor with the call's settings; None without one.

        Built even when ``three_d_aware`` is False: it also reconstructs the final views.
        """
        if self.reconstructor is None:
            return None
        config = self.three_d_aware_config(three_d_aware, steps, blend, input_views)
        return ThreeDAwareRefiner(self.reconstructor, config)

    @staticmethod
    def _postprocess(images: torch.Tensor, output_type: OutputType) -> Any:
        images = ((images.float() + 1) / 2).clamp(0, 1).cpu()
        if output_type == "pt":
            return images
        array = images.permute(0, 1, 3, 4, 2).numpy()
        if output_type == "np":
            return array
        return [[Image.fromarray((view * 255).round().astype(np.uint8)) for view in sample] for sample in array]
