"""Badge QR codes read from recorded camera frames (tests/data/camera, made by tools/make_camera_frames.py).

The frames are a real badge, rendered by the project's renderer with a token signed by a known key, as a webcam
sees it: at an angle, turned, upside down, out of focus in dim light, on a cluttered desk, through JPEG.
"""

import io
import json
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from PIL import Image

from accreditor.camera_scan import RepeatFilter, decode_frame
from accreditor.keys import key_id_for
from accreditor.tokens import verify_token

FRAMES_DIR = Path(__file__).resolve().parent.parent / "data" / "camera"
MANIFEST = json.loads((FRAMES_DIR / "frames.json").read_text(encoding="utf-8"))
FRAMES = {frame["file"]: frame["codes"] for frame in MANIFEST["frames"]}


def frame_bytes(name: str) -> bytes:
    return (FRAMES_DIR / name).read_bytes()


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_every_recorded_frame_gives_exactly_its_badge_codes(name: str) -> None:
    assert decode_frame(frame_bytes(name)) == FRAMES[name]


@pytest.mark.parametrize("name", sorted(name for name, codes in FRAMES.items() if codes))
def test_a_code_read_from_the_camera_is_the_whole_signed_token(name: str) -> None:
    public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(MANIFEST["public_key"]))
    keyring = {key_id_for(public.public_bytes_raw()): public}
    [text] = decode_frame(Image.open(io.BytesIO(frame_bytes(name))))

    verdict = verify_token(text, keyring, event_uid=MANIFEST["event_uid"], today=date(2026, 11, 3))

    assert verdict.valid, verdict.reason
    assert verdict.claims is not None and verdict.claims.guest_id in (101, 102)


def test_the_out_of_focus_frame_needs_the_sharpened_second_try() -> None:
    # The plain decoder finds nothing in it: the frame proves the second try earns its cost.
    grey = Image.open(io.BytesIO(frame_bytes("out-of-focus-dim.jpg"))).convert("L")
    assert zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode) == []
    assert decode_frame(grey) == FRAMES["out-of-focus-dim.jpg"]


def test_a_frame_in_any_image_mode_or_size_is_read() -> None:
    frame = Image.open(io.BytesIO(frame_bytes("angle-perspective.jpg")))
    big = frame.resize((frame.width * 3, frame.height * 3))  # a 4K camera: scaled down before decoding
    assert decode_frame(big.convert("RGBA")) == FRAMES["angle-perspective.jpg"]


@pytest.mark.parametrize("data", [b"", b"not an image", frame_bytes("straight.jpg")[:2000]])
def test_an_unreadable_frame_is_a_frame_with_no_code(data: bytes) -> None:
    assert decode_frame(data) == []


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_one_badge_held_up_is_one_scan_until_it_is_out_of_sight() -> None:
    clock = FakeClock()
    repeats = RepeatFilter(window_s=2.0, clock=clock)
    badge = FRAMES["straight.jpg"]

    seen = []
    for _frame in range(40):  # five seconds at 8 frames a second: still one scan
        seen += repeats.fresh(badge)
        clock.now += 0.125
    assert seen == badge

    clock.now += 1.5  # taken away briefly (less than the window) and shown again: the same scan
    assert repeats.fresh(badge) == []
    clock.now += 2.5  # out of sight longer than the window: shown again, it is a new scan
    assert repeats.fresh(badge) == badge


def test_a_second_badge_beside_the_first_is_its_own_scan() -> None:
    clock = FakeClock()
    repeats = RepeatFilter(clock=clock)
    first, second = FRAMES["straight.jpg"], FRAMES["other-badge.jpg"]

    assert repeats.fresh(first) == first
    clock.now += 0.2
    assert repeats.fresh(first + second) == second
    repeats.forget()
    assert repeats.fresh(first) == first
