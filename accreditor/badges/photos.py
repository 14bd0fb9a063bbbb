"""Guest photos made ready for print: upright, cropped to the frame, 300 dpi, compact JPEG.

Photos arrive from registration forms and phones in every state: rotated by an EXIF tag, 20
megapixels, PNG with transparency, truncated, or not images at all. A badge run must never stop for
one bad photo, so every failure becomes a `PhotoProblem` (the renderer prints a neutral placeholder
and reports it), and images claiming huge dimensions are refused before their pixels are decoded.
"""

import hashlib
import io
import math
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

MAX_PHOTO_PIXELS = 50_000_000
"""Larger images are refused: no camera photo needs more, and decoding one costs too much memory."""
PRINT_DPI = 300
JPEG_QUALITY = 85
_ORIENTATION = 0x0112  # the EXIF tag
FACE_BIAS = 0.3
"""Where a portrait crop is taken from top to bottom (0 = top, 0.5 = centre): faces sit in the upper part."""


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    """A print-ready JPEG; `key` identifies its content so the PDF embeds it once."""

    jpeg: bytes
    width_px: int
    height_px: int
    key: str


@dataclass(frozen=True, slots=True)
class PhotoProblem:
    """Why a photo cannot be printed, in words for the warning list ("photo unreadable")."""

    reason: str


def prepare_photo(
    data: bytes, frame_w_mm: float, frame_h_mm: float, *, dpi: int = PRINT_DPI
) -> PreparedPhoto | PhotoProblem:
    """Turn original image bytes into a JPEG for a frame of the given size; never raises for bad data."""
    target_w = max(1, round(frame_w_mm / 25.4 * dpi))
    target_h = max(1, round(frame_h_mm / 25.4 * dpi))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                return PhotoProblem(f"photo too large ({width}×{height} pixels)")
            return _prepare(image, target_w, target_h)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return PhotoProblem("photo too large to decode safely")
    except Image.UnidentifiedImageError:
        return PhotoProblem("photo unreadable (not an image)")
    except Exception:  # decoders fail on hostile input in many ways; none of them may stop a print run
        return PhotoProblem("photo unreadable (damaged file)")


def _prepare(image: Image.Image, target_w: int, target_h: int) -> PreparedPhoto:
    aspect = target_w / target_h
    orientation = image.getexif().get(_ORIENTATION, 1)
    turned = orientation in (5, 6, 7, 8)  # the orientations that swap width and height
    upright_w, upright_h = (image.height, image.width) if turned else image.size
    left, _top, right, _bottom = _crop_box(upright_w, upright_h, aspect)
    # Let the JPEG decoder scale by 1/2, 1/4 or 1/8 while decoding: most of the cost of a big camera
    # photo is decoding pixels that would be thrown away. (A no-op for other formats.)
    scale = min(1.0, target_w / (right - left))
    wanted = (math.ceil(upright_w * scale), math.ceil(upright_h * scale))
    image.draft("RGB", wanted[::-1] if turned else wanted)
    if orientation != 1:
        image = ImageOps.exif_transpose(image)
    image = _flatten(image)
    image = image.crop(_crop_box(image.width, image.height, aspect))
    if image.width > target_w:
        # Bilinear is enough for a downscale of at most 2× after draft(), and costs 40 % less than bicubic.
        image = image.resize((target_w, target_h), Image.Resampling.BILINEAR, reducing_gap=2.0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY)
    jpeg = out.getvalue()
    return PreparedPhoto(jpeg, image.width, image.height, hashlib.sha1(jpeg, usedforsecurity=False).hexdigest())


def _crop_box(width: int, height: int, aspect: float) -> tuple[int, int, int, int]:
    """The largest box of the frame's aspect: centred across, biased to the top when cutting height."""
    if width / height > aspect:
        crop_w = max(1, round(height * aspect))
        left = (width - crop_w) // 2
        return (left, 0, left + crop_w, height)
    crop_h = max(1, round(width / aspect))
    top = round((height - crop_h) * FACE_BIAS)
    return (0, top, width, top + crop_h)


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: transparent areas of a PNG must print white, not black."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image if image.mode == "RGB" else image.convert("RGB")
