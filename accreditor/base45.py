"""Base45 (RFC 9285): bytes as text in the 45 characters of the QR code's alphanumeric mode.

Alphanumeric mode packs 2 characters into 11 bits, so Base45 text makes a smaller QR code than
the same bytes in byte mode.  The decoder is strict because it reads hostile input: anything that
`encode` cannot have produced raises ValueError, so every byte string has exactly one encoding.
"""

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUES = {character: value for value, character in enumerate(ALPHABET)}
_BASE = len(ALPHABET)


def encode(data: bytes) -> str:
    """Each 2 bytes become 3 characters, a final single byte 2 (least significant digit first)."""
    characters: list[str] = []
    for start in range(0, len(data), 2):
        chunk = data[start : start + 2]
        number = int.from_bytes(chunk, "big")
        for _ in range(3 if len(chunk) == 2 else 2):
            number, digit = divmod(number, _BASE)
            characters.append(ALPHABET[digit])
    return "".join(characters)


def decode(text: str) -> bytes:
    """The bytes `text` encodes; ValueError for any text that `encode` cannot produce."""
    if len(text) % 3 == 1:
        raise ValueError("Base45 text cannot end with a single dangling character.")
    output = bytearray()
    for start in range(0, len(text), 3):
        group = text[start : start + 3]
        number = 0
        for character in reversed(group):
            digit = _VALUES.get(character)
            if digit is None:
                raise ValueError(f"{character!r} is not a Base45 character.")
            number = number * _BASE + digit
        width = 2 if len(group) == 3 else 1
        if number >= 256**width:
            raise ValueError(f"Base45 group {group!r} is out of range.")
        output += number.to_bytes(width, "big")
    return bytes(output)
