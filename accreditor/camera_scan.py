"""QR codes read from camera frames: a badge held up to a webcam at the gate or the desk.

A camera sees a badge at an angle, a little out of focus, on a cluttered desk, through a cheap sensor's
noise and its JPEG compression.  `decode_frame` finds every QR code in one frame with zxing-cpp, which
locates a code in any rotation and under perspective; when that finds nothing it tries again on an
enlarged, contrast-stretched, sharpened copy (out of focus, dim light) before giving up.  It never raises on a frame:
an unreadable frame is just a frame with no code.

A camera delivers the same badge in frame after frame while it is held up, so `RepeatFilter` lets one
code through once and then ignores it until it has been out of sight for `window_s` seconds: one badge
held in front of the camera is one scan, and the same badge shown again after that is a new one.

Nothing here knows Qt: the app turns its video frames into Pillow images and calls these off its UI thread.
"""

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import zxingcpp
from PIL import Image, ImageFilter, ImageOps

MAX_SIDE = 1600
"""Frames larger than this (a 4K camera) are scaled down first: a badge's code needs far fewer pixels."""
UPSCALE_UP_TO = 1280
"""The second try enlarges frames up to this size (720p) twice: about 30 ms more, only for frames with no code."""
REPEAT_WINDOW_S = 2.0
"""How long a code must stay out of sight before the same code counts as a new scan."""

_QR = zxingcpp.BarcodeFormat.QRCode


def decode_frame(frame: Image.Image | bytes) -> list[str]:
    """The texts of the QR codes in one camera frame (a Pillow image, or encoded image bytes), each once,
    in the order found; an empty list when there is none or the frame cannot be read."""
    try:
        image = _grey(frame)
    except (OSError, ValueError, Image.DecompressionBombError):
        return []
    texts = _read(image)
    if not texts:
        texts = _read(_sharpened(image))
    return texts


def _grey(frame: Image.Image | bytes) -> Image.Image:
    image = Image.open(io.BytesIO(frame)) if isinstance(frame, bytes | bytearray) else frame
    image = image.convert("L")
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BILINEAR)
    return image


def _sharpened(image: Image.Image) -> Image.Image:
    """Out of focus or dimly lit: contrast stretched, edges sharpened, then enlarged so a small code's modules
    span enough pixels for the detector."""
    sharpened = ImageOps.autocontrast(image, cutoff=1).filter(
        ImageFilter.UnsharpMask(radius=2, percent=300, threshold=2)
    )
    if max(image.size) > UPSCALE_UP_TO:
        return sharpened
    return sharpened.resize((image.width * 2, image.height * 2), Image.Resampling.BICUBIC)


def _read(image: Image.Image) -> list[str]:
    texts: list[str] = []
    for found in zxingcpp.read_barcodes(image, formats=_QR):
        if found.valid and found.text and found.text not in texts:
            texts.append(found.text)
    return texts


@dataclass
class RepeatFilter:
    """Lets a code through the first time it is seen, then not while it keeps being seen.

    Each sighting renews the code's time; a code unseen for `window_s` seconds is forgotten, so showing it
    again is a new scan.  `clock` gives seconds (time.monotonic by default; tests pass their own).
    """

    window_s: float = REPEAT_WINDOW_S
    clock: Callable[[], float] = time.monotonic
    _seen: dict[str, float] = field(default_factory=dict)

    def fresh(self, texts: list[str]) -> list[str]:
        """Of the codes in one frame, those that count as new scans now."""
        now = self.clock()
        self._seen = {text: when for text, when in self._seen.items() if now - when <= self.window_s}
        new = [text for text in texts if text not in self._seen]
        for text in texts:
            self._seen[text] = now
        return new

    def forget(self) -> None:
        """Start afresh (the camera was switched off and on)."""
        self._seen.clear()
