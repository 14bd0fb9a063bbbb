"""Write the recorded camera frames of tests/data/camera/: a real badge as a webcam at a desk or gate sees it.

Run once (`python -m tools.make_camera_frames`); the frames are committed, so the tests read the same pixels
every time.  A badge is rendered by the project's own renderer (CR80 card, a token signed with the key of
`KEY_SEED`), rasterised, and "photographed" with Pillow: held at an angle (a perspective warp), turned,
out of focus, with sensor noise, on a cluttered desk, and saved as a webcam's JPEG at 1280×720.  A
second badge and a frame with no badge at all complete the set.  `frames.json` names each frame and the
codes it shows.
"""

import io
import json
import math
from datetime import date
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageDraw, ImageFilter

from accreditor.badges.layout import load_layout
from accreditor.badges.render import BadgeData, BadgeRenderer
from accreditor.badges.variables import sample_context
from accreditor.keys import key_id_for
from accreditor.tokens import BadgeClaims, issue_token

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "camera"
KEY_SEED = bytes(range(32))
"""The signing key of the frames' badges: the tests verify the codes they read with its public key."""
EVENT_UID = "c0ffee01"
FRAME_SIZE = (1280, 720)
BADGE_DPI = 200


def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(KEY_SEED)


def token(guest_id: int, category: str, zones: tuple[str, ...]) -> str:
    key = signing_key()
    claims = BadgeClaims(EVENT_UID, guest_id, 1, category, zones, date(2026, 11, 3), date(2026, 11, 4))
    return issue_token(claims, key_id_for(key.public_key().public_bytes_raw()), key)


def badge_image(
    guest_id: int, given: str, family: str, *, category: str, colour: str, zones: tuple[str, ...]
) -> Image.Image:
    variables = {
        **sample_context(),
        "given_name": given,
        "family_name": family,
        "family_name_upper": family.upper(),
        "full_name": f"{given} {family}",
        "name_latin": f"{given} {family}",
        "badge_no": f"{guest_id:05d}-1",
    }
    data = BadgeData(guest_id, variables, colour, zones, token(guest_id, category, zones), None)
    out = io.BytesIO()
    BadgeRenderer(load_layout("cr80")).render([data], out)
    pdf = pdfium.PdfDocument(out.getvalue())
    try:
        return pdf[0].render(scale=BADGE_DPI / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def desk(rng: np.random.Generator, *, clutter: bool) -> Image.Image:
    """A desk seen from above: a wood-grey gradient, and with `clutter` papers, a pen, a phone and print."""
    width, height = FRAME_SIZE
    ramp = (
        np.linspace(95, 140, width, dtype=np.float32)[None, :] + np.linspace(0, 25, height, dtype=np.float32)[:, None]
    )
    base = np.stack([ramp, ramp * 0.9, ramp * 0.75], axis=-1)
    image = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    if clutter:
        draw = ImageDraw.Draw(image)
        for _ in range(14):
            x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
            w, h = int(rng.integers(60, 300)), int(rng.integers(40, 220))
            shade = tuple(int(v) for v in rng.integers(60, 255, 3))
            draw.rectangle((x, y, x + w, y + h), fill=shade)
            for line in range(y + 10, y + h - 5, 12):  # printed lines on the papers
                draw.line((x + 8, line, x + w - 8, line), fill=(40, 40, 40), width=2)
        for _ in range(40):  # checkerboard-ish stickers: small square patterns like a code's modules
            x, y = int(rng.integers(0, width - 30)), int(rng.integers(0, height - 30))
            for i in range(4):
                for j in range(4):
                    if rng.random() < 0.5:
                        draw.rectangle((x + i * 6, y + j * 6, x + i * 6 + 5, y + j * 6 + 5), fill=(0, 0, 0))
        draw.line((100, 650, 500, 560), fill=(20, 20, 120), width=9)  # a pen
        draw.rounded_rectangle((1050, 40, 1200, 320), radius=18, fill=(15, 15, 15))  # a phone
    return image


def held_at_angle(badge: Image.Image, corners: list[tuple[float, float]]) -> tuple[Image.Image, Image.Image]:
    """The badge warped so its corners (top-left, top-right, bottom-right, bottom-left) land on `corners` of
    the frame, and the mask of where it is."""
    width, height = badge.size
    source = [(0, 0), (width, 0), (width, height), (0, height)]
    coefficients = _perspective_coefficients(corners, source)
    warped = badge.transform(FRAME_SIZE, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC)
    mask = Image.new("L", badge.size, 255).transform(
        FRAME_SIZE, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC
    )
    return warped, mask


def _perspective_coefficients(target: list[tuple[float, float]], source: list[tuple[int, int]]) -> list[float]:
    """Pillow's 8 coefficients mapping each frame point (in `target`) back to the badge point (in `source`)."""
    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    values = np.array([value for point in source for value in point], dtype=np.float64)
    return list(np.linalg.solve(np.array(rows, dtype=np.float64), values))


def rotated_corners(
    centre: tuple[float, float], size: tuple[float, float], degrees: float
) -> list[tuple[float, float]]:
    cx, cy = centre
    half_w, half_h = size[0] / 2, size[1] / 2
    angle = math.radians(degrees)
    corners = [(-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h)]
    return [
        (cx + x * math.cos(angle) - y * math.sin(angle), cy + x * math.sin(angle) + y * math.cos(angle))
        for x, y in corners
    ]


def photograph(
    scene: Image.Image, rng: np.random.Generator, *, blur: float, noise: float, quality: int, dim: float = 1.0
) -> bytes:
    """What the webcam hands over: optics blur, dim light, sensor noise, JPEG."""
    image = scene.filter(ImageFilter.GaussianBlur(blur)) if blur else scene
    pixels = np.asarray(image, dtype=np.float32) * dim
    pixels += rng.normal(0, noise, pixels.shape)
    out = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(out, "JPEG", quality=quality)
    return out.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(2026)
    first = badge_image(101, "Jamshed", "Rahmonov", category="HOD", colour="#C62828", zones=("PLN", "VIP"))
    second = badge_image(102, "Claire", "Dubois", category="MED", colour="#1565C0", zones=("PRS",))
    first_token, second_token = token(101, "HOD", ("PLN", "VIP")), token(102, "MED", ("PRS",))
    # (name, badge, corners in the frame, clutter, blur, noise, JPEG quality, light)
    scenes = [
        ("straight", first, rotated_corners((640, 360), (560, 353), 0), False, 0.6, 3, 90, 1.0),
        ("angle-perspective", first, [(420, 150), (930, 215), (900, 560), (390, 610)], False, 0.8, 4, 85, 1.0),
        ("steep-angle", first, [(470, 190), (860, 130), (900, 640), (440, 560)], True, 0.8, 4, 80, 1.0),
        ("rotated-25", first, rotated_corners((600, 380), (520, 328), 25), True, 0.7, 5, 80, 1.0),
        ("upside-down", first, rotated_corners((660, 360), (540, 340), 180 - 12), False, 0.7, 4, 85, 1.0),
        ("blurred-noisy", first, rotated_corners((640, 360), (600, 378), -8), False, 1.6, 9, 75, 1.0),
        # Out of focus in dim light: only the second, sharpened try reads it.
        ("out-of-focus-dim", first, rotated_corners((640, 360), (560, 353), -6), True, 1.8, 8, 70, 0.45),
        ("dim-cluttered", first, [(380, 170), (880, 140), (900, 520), (360, 560)], True, 1.0, 8, 70, 0.55),
        ("jpeg-50", first, rotated_corners((700, 340), (500, 315), 10), True, 0.8, 5, 50, 1.0),
        ("other-badge", second, [(430, 160), (920, 190), (900, 570), (410, 560)], True, 0.8, 5, 80, 1.0),
        ("no-badge", None, [], True, 0.8, 5, 80, 1.0),
    ]
    manifest = []
    for name, badge, corners, clutter, blur, noise, quality, dim in scenes:
        scene = desk(rng, clutter=clutter)
        if badge is not None:
            warped, mask = held_at_angle(badge, corners)
            scene.paste(warped, (0, 0), mask)
        (OUT / f"{name}.jpg").write_bytes(photograph(scene, rng, blur=blur, noise=noise, quality=quality, dim=dim))
        codes = [] if badge is None else [first_token if badge is first else second_token]
        manifest.append({"file": f"{name}.jpg", "codes": codes})
    public = signing_key().public_key().public_bytes_raw().hex()
    (OUT / "frames.json").write_text(
        json.dumps({"public_key": public, "event_uid": EVENT_UID, "frames": manifest}, indent=2) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
