"""Configurations of tiny random models shared by several test files."""

# A 2-level camera UNet of a few thousand parameters: attention only at the coarse level.
TINY_UNET = {
    "block_out_channels": (8, 16),
    "down_block_types": ("DownBlock3D", "CrossAttnDownBlock3D"),
    "up_block_types": ("CrossAttnUpBlock3D", "UpBlock3D"),
    "layers_per_block": 1,
    "norm_num_groups": 4,
    "cross_attention_dim": 8,
    "attention_head_dim": 2,
}
