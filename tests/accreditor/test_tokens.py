"""Badge tokens: the documented test vector, every verdict, QR size, and hostile input of every kind."""

import dataclasses
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageOps

from accreditor import base45, keys, tokens
from accreditor.store import EventStore
from accreditor.tokens import REASONS, BadgeClaims, GuestState, Verdict, issue_token, verify_token

DOC = Path(__file__).resolve().parents[2] / "docs" / "badge-token.md"

PRIVATE = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
KEY_ID = keys.key_id_for(PRIVATE.public_key().public_bytes_raw())
KEYRING = {KEY_ID: PRIVATE.public_key()}
OTHER_PRIVATE = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
OTHER_KEY_ID = keys.key_id_for(OTHER_PRIVATE.public_key().public_bytes_raw())

EVENT_UID = "01234567"
FIRST_DAY = date(2027, 5, 3)
LAST_DAY = date(2027, 5, 4)
# The realistic badge of the brief: category HOD, 5 zones of 3 letters, guest 100000, serial 9.
CLAIMS = BadgeClaims(EVENT_UID, 100000, 9, "HOD", ("PLN", "VIP", "BIL", "PRS", "SRV"), FIRST_DAY, LAST_DAY)
TOKEN = issue_token(CLAIMS, KEY_ID, PRIVATE)
BODY_START = len(tokens.TOKEN_PREFIX)


def claims_with(**changes: object) -> BadgeClaims:
    return dataclasses.replace(CLAIMS, **changes)


def verify(text: str, **options: object) -> Verdict:
    """Verification as the event's own gate does it on the first day, unless told otherwise."""
    return verify_token(text, KEYRING, **({"event_uid": EVENT_UID, "today": FIRST_DAY} | options))


def guest(status: str, current_serial: int = CLAIMS.serial) -> Callable[[int], GuestState | None]:
    return lambda guest_id: GuestState(status, current_serial) if guest_id == CLAIMS.guest_id else None


def sign_raw(payload: bytes, private: Ed25519PrivateKey = PRIVATE) -> str:
    """A token around any payload bytes, properly signed: the parser must refuse it on structure alone."""
    return tokens.TOKEN_PREFIX + base45.encode(payload + private.sign(tokens.TOKEN_PREFIX.encode() + payload))


def payload_of(token: str) -> bytes:
    return base45.decode(token[BODY_START:])[: -tokens.SIGNATURE_BYTES]


PAYLOAD = payload_of(TOKEN)
HEADER = PAYLOAD[:8]  # key id, event uid
CODES = PAYLOAD[-16:]  # "HOD BIL PLN PRS SRV VIP" packed: the zones in ascending order


# -- the documented test vector ----------------------------------------------------------------------


def documented_vector() -> dict[str, str]:
    block = re.search(r"```test-vector\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert block, f"{DOC} has no test-vector block"
    return dict(line.split(": ", 1) for line in block.group(1).splitlines())


def test_the_documented_vector_is_reproduced_exactly() -> None:
    vector = documented_vector()
    private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(vector["seed"]))
    public_raw = private.public_key().public_bytes_raw()
    claims = BadgeClaims(
        event_uid=vector["event_uid"],
        guest_id=int(vector["guest_id"]),
        serial=int(vector["serial"]),
        category=vector["category"],
        zones=tuple(vector["zones"].split()),
        valid_from=date.fromisoformat(vector["valid_from"]),
        valid_until=date.fromisoformat(vector["valid_until"]),
    )

    token = issue_token(claims, vector["key_id"], private)

    assert public_raw.hex() == vector["public_key"]
    assert keys.key_id_for(public_raw) == vector["key_id"]
    assert token == vector["token"]
    data = base45.decode(token[BODY_START:])
    assert data[:-64].hex() == vector["payload"]
    assert data[-64:].hex() == vector["signature"]
    verdict = verify_token(
        vector["token"],
        {vector["key_id"]: private.public_key()},
        event_uid=vector["event_uid"],
        today=claims.valid_from,
    )
    assert verdict == Verdict(True, "ok", claims, vector["key_id"])


def test_the_documented_vector_is_the_realistic_badge() -> None:
    assert documented_vector()["token"] == TOKEN


def documented_negative_vectors() -> list[tuple[str, date, str, str]]:
    block = re.search(r"```negative-vectors\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert block, f"{DOC} has no negative-vectors block"
    _header, *lines = block.group(1).splitlines()
    vectors = []
    for line in lines:
        reason, day, token, what = line.split(" | ")
        vectors.append((reason, date.fromisoformat(day), token, what))
    return vectors


@pytest.mark.parametrize(("reason", "day", "token", "what"), documented_negative_vectors())
def test_each_documented_negative_vector_gets_its_reason(reason: str, day: date, token: str, what: str) -> None:
    event, keyring = keys.load_public_pem(documented_key_file())

    assert verify_token(token, keyring, event_uid=event, today=day).reason == reason, what


def test_the_negative_vectors_cover_every_rule_the_issue_names() -> None:
    vectors = documented_negative_vectors()
    reasons = [reason for reason, *_ in vectors]
    assert reasons.count("malformed") >= 20
    assert {"wrong_event", "expired", "not_yet_valid", "unknown_key", "bad_signature"} <= set(reasons)
    (longest,) = [token for reason, _day, token, _what in vectors if reason == "expired"]
    claims = verify_token(longest, KEYRING, event_uid=None, today=FIRST_DAY).claims
    assert claims is not None and (claims.valid_until - claims.valid_from).days == tokens.MAX_VALID_DAYS == 255


def documented_key_file() -> bytes:
    block = re.search(r"(Accreditor badge verification keys.*?-----END PUBLIC KEY-----)", DOC.read_text(), re.DOTALL)
    assert block, f"{DOC} has no example public-key file"
    return block.group(1).encode()


def test_the_documented_key_file_is_accepted_and_names_the_vector_event_and_key() -> None:
    event, keyring = keys.load_public_pem(documented_key_file())

    assert event == documented_vector()["event_uid"]
    assert list(keyring) == [documented_vector()["key_id"]]


def test_the_documented_whitespace_is_exactly_what_is_stripped() -> None:
    text = DOC.read_text(encoding="utf-8")
    paragraph = text[text.index("A verifier first strips") : text.index("It then decides")]
    documented = set()
    for first, last in re.findall(r"U\+([0-9A-F]{4})(?:–U\+([0-9A-F]{4}))?", paragraph):
        documented |= {chr(code) for code in range(int(first, 16), int(last or first, 16) + 1)}
    stripped = {chr(code) for code in range(0x110000) if chr(code).isspace()}

    assert documented == stripped
    assert all(verify(f"{space}{TOKEN}{space}").reason == "ok" for space in stripped)


def test_zones_are_a_set_one_order_and_no_repeats_give_one_token() -> None:
    shuffled = claims_with(zones=("VIP", "PLN", "SRV", "PLN", "BIL", "PRS"))

    assert shuffled.zones == ("BIL", "PLN", "PRS", "SRV", "VIP")
    assert issue_token(shuffled, KEY_ID, PRIVATE) == TOKEN


@pytest.mark.parametrize("codes", ["HOD PLN BIL ", "HOD PLN PLN ", "HOD VIP SRV PRS PLN BIL "])
def test_a_signed_token_with_zones_reordered_or_repeated_is_malformed(codes: str) -> None:
    assert verify(with_codes(codes)).reason == "malformed"


# -- size: a version 6 QR code at level M ---------------------------------------------------------------


def qr_modules(text: str) -> Image.Image:
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    matrix = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    size = matrix.shape[0]
    return Image.frombytes("L", (size, size), matrix.tobytes())


def qr_version(text: str) -> int:
    return (qr_modules(text).width - 17) // 4


def test_the_length_limit_is_what_a_version_6_code_holds_at_level_m() -> None:
    longest = tokens.TOKEN_PREFIX + "A" * (tokens.MAX_TOKEN_LENGTH - BODY_START)

    assert qr_version(longest) == 6
    assert qr_version(longest + "A") == 7


def test_the_realistic_badge_fits_a_version_6_code_at_level_m() -> None:
    assert len(TOKEN) == 147
    assert len(TOKEN) <= tokens.MAX_TOKEN_LENGTH
    assert set(TOKEN) <= set(base45.ALPHABET)
    assert qr_version(TOKEN) == 6


def test_the_realistic_badge_scans_back_from_an_image() -> None:
    modules = qr_modules(TOKEN)
    image = ImageOps.expand(modules, border=4, fill=255)
    image = image.resize((image.width * 4, image.height * 4), Image.Resampling.NEAREST)

    barcode = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)

    assert barcode is not None
    assert barcode.text == TOKEN
    assert verify(barcode.text).valid


def test_a_category_and_six_zones_fit() -> None:
    token = issue_token(claims_with(zones=(*CLAIMS.zones, "MED")), KEY_ID, PRIVATE)

    assert qr_version(token) == 6


def test_issue_refuses_claims_too_long_for_a_small_qr_code() -> None:
    with pytest.raises(tokens.TokenTooLongError, match="guest 100000 needs a 156-character token, more than the 154"):
        issue_token(claims_with(zones=(*CLAIMS.zones, "MED", "ACC")), KEY_ID, PRIVATE)


# -- every verdict --------------------------------------------------------------------------------------


def test_a_token_round_trips_to_its_claims() -> None:
    assert verify(TOKEN) == Verdict(True, "ok", CLAIMS, KEY_ID)


@pytest.mark.parametrize("padding", [" ", "\n", "\r\n", "\t ", "\u00a0"])
def test_surrounding_whitespace_is_ignored(padding: str) -> None:
    assert verify(f"{padding}{TOKEN}{padding}").reason == "ok"


def pack_codes(text: str) -> bytes:
    """The documented code packing, written out independently of tokens.py."""
    symbols = [" 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_".index(character) for character in text]
    return b"".join((a * 1600 + b * 40 + c).to_bytes(2, "big") for a, b, c in zip(*[iter(symbols)] * 3, strict=True))


def with_codes(text: str) -> str:
    return sign_raw(PAYLOAD[:-16] + pack_codes(text))


def test_the_independent_packing_matches() -> None:
    """The control for the packed-code cases below: a well-packed text under the same signing is ok."""
    assert PAYLOAD[-16:] == pack_codes("HOD BIL PLN PRS SRV VIP ")
    assert verify(with_codes("HOD BIL PLN PRS SRV VIP ")).reason == "ok"
    assert verify(with_codes("HOD PLN  ")).claims == claims_with(zones=("PLN",))


MALFORMED = [
    ("", "empty"),
    ("AC1:", "prefix only"),
    ("hello", "no prefix"),
    ("AC2:" + TOKEN[BODY_START:], "other version"),
    ("ac1:" + TOKEN[BODY_START:], "lower-case prefix"),
    (TOKEN.lower(), "lower case"),
    (TOKEN[BODY_START:], "prefix missing"),
    (TOKEN[:80] + "\n" + TOKEN[80:], "whitespace inside"),
    (TOKEN[:-2], "dangling Base45 character"),
    (TOKEN + "AA", "longer than a version 6 code"),
    ("AC1:" + "GGW" * 50, "Base45 group out of range"),
    ("AC1:" + base45.encode(bytes(63)), "shorter than a signature"),
    (sign_raw(b""), "no payload"),
    (sign_raw(PAYLOAD[:6]), "payload ends inside the event uid"),
    (sign_raw(HEADER + b"\xa0\x8d"), "payload ends inside the guest id"),
    (sign_raw(HEADER + b"\x00\x09\x0a\x77\x01" + CODES), "guest id 0"),
    (sign_raw(HEADER + b"\xa0\x8d\x06\x00\x0a\x77\x01" + CODES), "serial 0"),
    (sign_raw(HEADER + b"\xa0\x8d\x06\x89\x00\x0a\x77\x01" + CODES), "serial as a padded varint"),
    (sign_raw(HEADER + b"\xff\xff\xff\xff\x7f\x09\x0a\x77\x01" + CODES), "guest id above 32 bits"),
    (sign_raw(HEADER + b"\xa0\x8d\x06\x80\x80\x04\x0a\x77\x01" + CODES), "serial above 16 bits"),
    (sign_raw(PAYLOAD[:-16]), "no codes"),
    (sign_raw(PAYLOAD + b"\x00"), "a byte left over"),
    (sign_raw(PAYLOAD[:-2] + b"\xfa\x00"), "code group of 40**3"),
    (sign_raw(PAYLOAD[:-2] + (39 * 1600).to_bytes(2, "big")), "unassigned code symbol"),
    (with_codes("HOD PLN VIP BIL PRS SRV    "), "three padding symbols"),
    (with_codes(" HOD PLN VIP BIL PRS SRV"), "empty category"),
    (with_codes("HOD  PLN VIP BIL PRS SRV"), "empty zone"),
]


@pytest.mark.parametrize(("text", "why"), MALFORMED, ids=[why for _, why in MALFORMED])
def test_malformed_tokens(text: str, why: str) -> None:
    assert verify(text) == Verdict(False, "malformed", None, None), why


def test_a_key_the_gate_does_not_have_is_unknown() -> None:
    token = issue_token(CLAIMS, OTHER_KEY_ID, OTHER_PRIVATE)

    assert verify(token) == Verdict(False, "unknown_key", None, OTHER_KEY_ID)


def test_a_signature_by_another_key_is_bad() -> None:
    assert verify(sign_raw(PAYLOAD, OTHER_PRIVATE)) == Verdict(False, "bad_signature", None, KEY_ID)


def test_a_signature_over_another_version_prefix_is_bad() -> None:
    signature = PRIVATE.sign(b"AC2:" + PAYLOAD)

    assert verify(tokens.TOKEN_PREFIX + base45.encode(PAYLOAD + signature)).reason == "bad_signature"


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"event_uid": "fedcba98"}, "wrong_event"),
        ({"event_uid": None}, "ok"),
        ({"today": FIRST_DAY - timedelta(days=1)}, "not_yet_valid"),
        ({"today": LAST_DAY}, "ok"),
        ({"today": LAST_DAY + timedelta(days=1)}, "expired"),
        ({"guest_state": guest("approved")}, "ok"),
        ({"guest_state": guest("approved", current_serial=CLAIMS.serial + 1)}, "superseded"),
        ({"guest_state": guest("approved", current_serial=0)}, "ok"),
        ({"guest_state": guest("revoked")}, "revoked"),
        ({"guest_state": guest("pending")}, "not_approved"),
        ({"guest_state": guest("rejected")}, "not_approved"),
        ({"guest_state": lambda _guest_id: None}, "not_approved"),
        # The order: the event before the dates, the dates before the database.
        ({"event_uid": "fedcba98", "today": LAST_DAY + timedelta(days=1)}, "wrong_event"),
        ({"today": LAST_DAY + timedelta(days=1), "guest_state": guest("revoked")}, "expired"),
        ({"guest_state": guest("revoked", current_serial=CLAIMS.serial + 1)}, "revoked"),
    ],
)
def test_authentic_tokens_are_judged_with_their_claims(options: dict[str, object], reason: str) -> None:
    assert verify(TOKEN, **options) == Verdict(reason == "ok", reason, CLAIMS, KEY_ID)


def test_guest_state_is_asked_about_the_tokens_guest() -> None:
    asked: list[int] = []

    verify(TOKEN, guest_state=lambda guest_id: asked.append(guest_id) or GuestState("approved", 1))

    assert asked == [CLAIMS.guest_id]


def test_every_reason_is_reached() -> None:
    """Keeps REASONS and the constructed cases above in step."""
    reached = {
        verify("").reason,
        verify(sign_raw(PAYLOAD, OTHER_PRIVATE)).reason,
        verify(issue_token(CLAIMS, OTHER_KEY_ID, OTHER_PRIVATE)).reason,
        verify(TOKEN, event_uid="fedcba98").reason,
        verify(TOKEN, today=LAST_DAY + timedelta(days=1)).reason,
        verify(TOKEN, today=FIRST_DAY - timedelta(days=1)).reason,
        *(verify(TOKEN, guest_state=guest(status)).reason for status in ("approved", "revoked", "pending")),
        verify(TOKEN, guest_state=guest("approved", current_serial=10)).reason,
    }
    assert reached == set(REASONS)


@pytest.mark.parametrize("value", [None, b"AC1:", 42, ["AC1:"]])
def test_anything_but_a_string_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        verify(value)


# -- keys of a real event --------------------------------------------------------------------------------


def event_claims(store: EventStore) -> tuple[BadgeClaims, str]:
    with store.connect() as connection:
        uid = keys.event_uid(connection)
        key_id, private = keys.active_signing_key(connection)
    claims = claims_with(event_uid=uid)
    return claims, issue_token(claims, key_id, private)


def gate_verdict(store: EventStore, token: str) -> Verdict:
    with store.connect() as connection:
        return verify_token(token, keys.keyring(connection), event_uid=keys.event_uid(connection), today=FIRST_DAY)


def test_a_badge_signed_before_a_rotation_still_verifies(store: EventStore) -> None:
    claims, old_token = event_claims(store)
    with store.begin() as connection:
        keys.rotate(connection, "officer", "test passphrase")
    _, new_token = event_claims(store)

    assert gate_verdict(store, old_token).reason == "ok"
    assert gate_verdict(store, new_token).reason == "ok"
    assert gate_verdict(store, old_token).claims == claims


def test_a_badge_signed_by_a_retired_key_is_refused(store: EventStore) -> None:
    _, old_token = event_claims(store)
    with store.begin() as connection:
        old_id, _ = keys.active_signing_key(connection)
        keys.rotate(connection, "officer", "test passphrase")
        keys.retire(connection, old_id, "officer")

    assert gate_verdict(store, old_token) == Verdict(False, "unknown_key", None, old_id)


def test_a_gate_with_the_public_file_only_verifies_the_events_badges(store: EventStore) -> None:
    claims, token = event_claims(store)
    with store.connect() as connection:
        uid, keyring = keys.load_public_pem(keys.export_public_pem(connection))

    verdict = verify_token(token, keyring, event_uid=uid, today=FIRST_DAY)

    assert (verdict.reason, verdict.claims, verdict.key_id in keyring) == ("ok", claims, True)
    assert verify_token(TOKEN, keyring, event_uid=uid, today=FIRST_DAY).reason == "unknown_key"


# -- forgery: one changed character, random mutations, any text -----------------------------------------


def test_no_single_character_change_anywhere_gives_a_valid_token() -> None:
    for position in range(len(TOKEN)):
        for character in base45.ALPHABET:
            if character == TOKEN[position]:
                continue
            changed = TOKEN[:position] + character + TOKEN[position + 1 :]
            verdict = verify(changed)
            assert not verdict.valid, f"{character!r} at {position} gives {verdict}"
            assert verdict.reason in REASONS


def mutate(token: str, edits: list[tuple[str, int, str]]) -> str:
    for kind, where, text in edits:
        position = where % (len(token) + 1)
        if kind == "insert":
            token = token[:position] + text + token[position:]
        elif kind == "delete":
            token = token[:position] + token[position + len(text) :]
        else:
            token = token[:position] + text + token[position + len(text) :]
    return token


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "substitute"]),
        st.integers(min_value=0, max_value=200),
        st.text(alphabet=base45.ALPHABET, min_size=1, max_size=4) | st.text(min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=4,
)


@given(EDITS)
def test_mutations_of_a_valid_token_are_never_valid(edits: list[tuple[str, int, str]]) -> None:
    text = mutate(TOKEN, edits)

    verdict = verify(text, guest_state=guest("approved"))

    assert verdict.reason in REASONS
    assert verdict.valid == (text.strip() == TOKEN)


@given(st.text(max_size=300) | st.text(alphabet=base45.ALPHABET, max_size=200).map(lambda body: "AC1:" + body))
def test_any_text_gets_a_verdict(text: str) -> None:
    verdict = verify(text, guest_state=guest("approved"))

    assert isinstance(verdict, Verdict)
    assert verdict.reason in REASONS
    assert verdict.valid == (verdict.reason == "ok")
    assert (verdict.claims is None) == (verdict.reason in ("malformed", "bad_signature", "unknown_key"))


TAIL = PAYLOAD[len(HEADER) :]  # guest id, serial, dates, codes


def replace_byte(position: int, value: int) -> bytes:
    return TAIL[:position] + bytes([value]) + TAIL[position + 1 :]


SIGNED_TAILS = (
    st.binary(max_size=60)
    | st.builds(replace_byte, st.integers(min_value=0, max_value=len(TAIL) - 1), st.integers(0, 255))
    | st.integers(min_value=0, max_value=len(TAIL)).map(lambda length: TAIL[:length])
)


@given(SIGNED_TAILS)
def test_any_signed_payload_is_refused_or_read_back_exactly(tail: bytes) -> None:
    """An authentic signature over any bytes: the parser refuses them or they are the one encoding of their claims."""
    verdict = verify(sign_raw(HEADER + tail), today=FIRST_DAY, event_uid=None)

    assert verdict.reason in REASONS
    if verdict.reason != "malformed":
        assert verdict.claims is not None
        assert payload_of(issue_token(verdict.claims, KEY_ID, PRIVATE)) == HEADER + tail


CODE = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", min_size=1, max_size=3)


@given(
    guest_id=st.integers(min_value=1, max_value=2**32 - 1),
    serial=st.integers(min_value=1, max_value=2**16 - 1),
    category=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", min_size=1, max_size=4),
    zones=st.lists(CODE, max_size=3).map(tuple),
    first=st.dates(min_value=tokens.EPOCH, max_value=tokens.EPOCH + timedelta(days=tokens.MAX_DAY)),
    days=st.integers(min_value=0, max_value=tokens.MAX_VALID_DAYS),
)
def test_any_claims_the_format_can_carry_round_trip(
    guest_id: int, serial: int, category: str, zones: tuple[str, ...], first: date, days: int
) -> None:
    claims = claims_with(
        guest_id=guest_id,
        serial=serial,
        category=category,
        zones=zones,
        valid_from=first,
        valid_until=first + timedelta(days=days),
    )

    token = issue_token(claims, KEY_ID, PRIVATE)

    assert len(token) <= tokens.MAX_TOKEN_LENGTH
    assert verify(token, today=first) == Verdict(True, "ok", claims, KEY_ID)


# -- issuing refuses what the format cannot carry ---------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"event_uid": "0123ABCD"}, "event uid"),
        ({"event_uid": "0123"}, "event uid"),
        ({"guest_id": 0}, "guest id"),
        ({"guest_id": 2**32}, "guest id"),
        ({"guest_id": True}, "guest id"),
        ({"serial": 0}, "badge serial"),
        ({"serial": 2**16}, "badge serial"),
        ({"category": ""}, "code ''"),
        ({"category": "hod"}, "code 'hod'"),
        ({"category": "ВИП"}, "code 'ВИП'"),
        ({"category": "A" * 17}, "code"),
        ({"zones": ("PLN", "P N")}, "code 'P N'"),
        ({"valid_from": date(2019, 12, 31)}, "become valid between"),
        ({"valid_until": FIRST_DAY - timedelta(days=1)}, "valid for 1 to 256 days"),
        ({"valid_until": FIRST_DAY + timedelta(days=256)}, "valid for 1 to 256 days"),
    ],
)
def test_issue_refuses_claims_the_format_cannot_carry(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        issue_token(claims_with(**changes), KEY_ID, PRIVATE)


def test_issue_refuses_a_key_id_of_another_key() -> None:
    with pytest.raises(ValueError, match="does not belong"):
        issue_token(CLAIMS, OTHER_KEY_ID, PRIVATE)
