"""Base45 (RFC 9285): the RFC's examples, strict refusal of anything an encoder cannot produce."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accreditor import base45

RFC_EXAMPLES = [
    (b"AB", "BB8"),
    (b"Hello!!", "%69 VD92EX0"),
    (b"base-45", "UJCLQE7W581"),
    (b"ietf!", "QED8WEX0"),
]


@pytest.mark.parametrize(("data", "text"), RFC_EXAMPLES, ids=[text for _, text in RFC_EXAMPLES])
def test_rfc_examples_encode(data: bytes, text: str) -> None:
    assert base45.encode(data) == text


@pytest.mark.parametrize(("data", "text"), RFC_EXAMPLES, ids=[text for _, text in RFC_EXAMPLES])
def test_rfc_examples_decode(data: bytes, text: str) -> None:
    assert base45.decode(text) == data


def test_empty_input_is_empty_output() -> None:
    assert base45.encode(b"") == ""
    assert base45.decode("") == b""


def test_the_alphabet_is_the_qr_alphanumeric_set() -> None:
    assert base45.ALPHABET == "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    assert len(set(base45.ALPHABET)) == 45


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("GGW", "out of range"),  # 65536, the RFC's own example of an invalid triple
        (":::", "out of range"),  # 44 + 44×45 + 44×45² = 91124
        ("ZZ", "out of range"),  # a final pair of 35 + 35×45 = 1610 > 255
        ("7B", "out of range"),  # a final pair of 7 + 11×45 = 502
        ("A", "dangling"),
        ("BB8A", "dangling"),
        ("bb8", "not a Base45 character"),  # scanners do not change case: lower case is refused
        ("BB#", "not a Base45 character"),
        ("BB\n", "not a Base45 character"),
        ("ÄB8", "not a Base45 character"),
        ("\ud800B8", "not a Base45 character"),  # a lone surrogate
    ],
)
def test_decode_refuses_text_an_encoder_cannot_produce(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        base45.decode(text)


def test_largest_groups_are_accepted() -> None:
    assert base45.decode("FGW") == b"\xff\xff"  # 15 + 6×45 + 32×45² = 65535
    assert base45.decode("U5") == b"\xff"  # 30 + 5×45 = 255


@given(st.binary(max_size=300))
def test_decode_inverts_encode(data: bytes) -> None:
    text = base45.encode(data)
    assert base45.decode(text) == data
    assert len(text) == 3 * (len(data) // 2) + 2 * (len(data) % 2)
    assert set(text) <= set(base45.ALPHABET)


@given(st.text(alphabet=base45.ALPHABET, max_size=60))
def test_every_accepted_text_is_the_one_encoding_of_its_bytes(text: str) -> None:
    """The decoder is strict: no two texts decode to the same bytes."""
    try:
        data = base45.decode(text)
    except ValueError:
        return
    assert base45.encode(data) == text


@given(st.text(max_size=60))
def test_any_text_decodes_or_raises_value_error(text: str) -> None:
    try:
        data = base45.decode(text)
    except ValueError:
        return
    assert isinstance(data, bytes)
