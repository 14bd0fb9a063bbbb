"""Photos: upright, cropped to the frame, 300 dpi at most, and every bad file a problem rather than a crash."""

import io
import struct
import zlib

import pytest
from PIL import Image

from accreditor.badges import photos
from accreditor.badges.photos import PhotoProblem, PreparedPhoto, prepare_photo

RED = (220, 20, 20)
BLUE = (20, 40, 200)


def encode(image: Image.Image, fmt: str = "JPEG", **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def upright_portrait() -> Image.Image:
    """300×400, red in its top quarter and blue elsewhere: which way is up is plain to see."""
    image = Image.new("RGB", (300, 400), BLUE)
    image.paste(RED, (0, 0, 300, 100))
    return image


def prepared(result: PreparedPhoto | PhotoProblem) -> Image.Image:
    assert isinstance(result, PreparedPhoto), result
    image = Image.open(io.BytesIO(result.jpeg))
    assert image.format == "JPEG"
    assert image.mode == "RGB"
    assert image.size == (result.width_px, result.height_px)
    return image


def is_red(pixel: tuple[int, ...]) -> bool:
    return pixel[0] > 150 and pixel[2] < 100


def test_exif_rotated_jpeg_comes_out_upright() -> None:
    # A camera held upright stores the picture sideways and says so with orientation 6 (turn 90° clockwise).
    stored = upright_portrait().rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encode(stored, exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).size == (400, 300)

    image = prepared(prepare_photo(data, 30, 40))

    assert image.height > image.width
    assert is_red(image.getpixel((image.width // 2, 5)))
    assert not is_red(image.getpixel((image.width // 2, image.height - 5)))


def test_landscape_photo_is_cropped_to_the_frame_aspect_around_the_centre() -> None:
    image = Image.new("RGB", (800, 400), RED)
    image.paste(BLUE, (300, 0, 500, 400))  # a blue stripe in the middle

    result = prepared(prepare_photo(encode(image), 30, 40))

    assert result.width / result.height == pytest.approx(30 / 40, abs=0.01)
    assert not is_red(result.getpixel((result.width // 2, result.height // 2)))
    assert is_red(result.getpixel((2, result.height // 2)))


def test_tall_photo_is_cropped_towards_the_top_where_the_face_is() -> None:
    image = Image.new("RGB", (300, 1000), BLUE)
    image.paste(RED, (0, 190, 300, 290))  # a centred 300×400 crop (from y = 300) would miss it

    result = prepared(prepare_photo(encode(image), 30, 40))

    assert result.width / result.height == pytest.approx(0.75, abs=0.01)
    assert is_red(result.getpixel((result.width // 2, 50)))


def test_big_photo_is_downscaled_to_300_dpi_at_printed_size() -> None:
    big = Image.new("RGB", (3000, 4000), BLUE)

    result = prepare_photo(encode(big), 20, 25)

    assert isinstance(result, PreparedPhoto)
    assert result.width_px <= round(20 / 25.4 * 300)
    assert result.height_px <= round(25 / 25.4 * 300)
    assert result.width_px >= round(20 / 25.4 * 300) - 1


def test_small_photo_is_not_blown_up() -> None:
    result = prepare_photo(encode(Image.new("RGB", (120, 150), BLUE)), 20, 25)

    assert isinstance(result, PreparedPhoto)
    assert (result.width_px, result.height_px) == (120, 150)


def test_png_with_transparency_prints_on_white() -> None:
    image = Image.new("RGBA", (300, 400), (0, 0, 0, 0))

    result = prepared(prepare_photo(encode(image, "PNG"), 30, 40))

    assert min(result.getpixel((10, 10))) > 240


def test_same_photo_gives_the_same_key_so_the_pdf_embeds_it_once() -> None:
    data = encode(upright_portrait())

    first, second = prepare_photo(data, 30, 40), prepare_photo(data, 30, 40)

    assert isinstance(first, PreparedPhoto) and isinstance(second, PreparedPhoto)
    assert first.key == second.key


def test_truncated_jpeg_is_a_problem_not_an_exception() -> None:
    data = encode(Image.effect_noise((600, 800), 60).convert("RGB"))

    result = prepare_photo(data[: len(data) // 2], 30, 40)

    assert result == PhotoProblem("photo unreadable (damaged file)")


@pytest.mark.parametrize("data", [b"", b"not an image at all", bytes(range(256)) * 40])
def test_random_bytes_are_a_problem_not_an_exception(data: bytes) -> None:
    assert prepare_photo(data, 30, 40) == PhotoProblem("photo unreadable (not an image)")


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims the given size but holds no pixels: the classic decompression bomb probe."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IDAT", b"") + png_chunk(b"IEND", b"")


def test_image_claiming_ten_gigapixels_is_refused_before_decoding() -> None:
    assert prepare_photo(png_header(100_000, 100_000), 30, 40) == PhotoProblem("photo too large to decode safely")


@pytest.mark.parametrize("limit", [1_000, 6_000])  # Pillow raises beyond twice its limit and warns below that
def test_pillow_decompression_bomb_guard_becomes_a_problem(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", limit)

    result = prepare_photo(encode(Image.new("RGB", (100, 100), BLUE), "PNG"), 30, 40)

    assert result == PhotoProblem("photo too large to decode safely")


def test_photo_over_our_own_pixel_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photos, "MAX_PHOTO_PIXELS", 5_000)

    assert prepare_photo(encode(Image.new("RGB", (100, 100), BLUE)), 30, 40) == PhotoProblem(
        "photo too large (100×100 pixels)"
    )
