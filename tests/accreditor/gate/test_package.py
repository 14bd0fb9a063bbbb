"""The offline gate package: round trip, any change detected, only trusted signers, nothing private inside."""

import base64
import json
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from accreditor import categories, keys, schema
from accreditor.gate.offline_gate import GateLogError, open_offline_gate
from accreditor.gate.package import (
    FIRST_LINE,
    PackageError,
    TrustAnchor,
    UntrustedPackageError,
    build_package,
    fingerprint,
    load_package,
    parse_fingerprint,
)
from accreditor.gate.verdicts import GateContext
from accreditor.store import EventStore
from tests.accreditor.gate.conftest import GATE_TIME, GateEvent

ALTERED = "has been altered or damaged"
CONTEXT = GateContext(zone="PLN", gate="G1")


def body_of(data: bytes) -> dict:
    return json.loads(data.split(b"\n")[1])


def signed_by(body: dict, private_key: Ed25519PrivateKey) -> bytes:
    """A package as someone holding `private_key` would make it from `body` (their key added to the keys)."""
    public = private_key.public_key().public_bytes_raw()
    key_id = keys.key_id_for(public)
    body = body | {"signed_by": key_id}
    body["keys"] = [*body["keys"], {"key_id": key_id, "public_key": base64.b64encode(public).decode()}]
    line = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    signature = private_key.sign(b"accreditor-gate-package\n" + FIRST_LINE + b"\n" + line + b"\n")
    return FIRST_LINE + b"\n" + line + b"\n" + f"accreditor-signature ed25519 {key_id} {signature.hex()}\n".encode()


def test_round_trip_keeps_what_a_gate_needs(gate_event: GateEvent) -> None:
    with gate_event.store.connect() as connection:
        data, summary = build_package(connection, gate_event.store.event_info(), now=GATE_TIME)
        uid = keys.event_uid(connection)
        key_id, private = keys.active_signing_key(connection)

    package = load_package(data, gate_event.anchor())

    ids = gate_event.ids
    assert (package.event_uid, package.event_name, package.created_at) == (uid, "Dushanbe Water Conference", GATE_TIME)
    assert (package.signed_by, package.signer_fingerprint) == (key_id, summary.fingerprint)
    assert package.signer_fingerprint == fingerprint(private.public_key().public_bytes_raw())
    assert set(package.keyring) == {key_id}
    assert set(package.guests) == {
        ids[role] for role in ("delegate", "no_photo", "vip", "media", "revoked", "reprinted")
    }
    assert package.revoked == {ids["revoked"]}
    assert package.superseded == {ids["reprinted"]: 2}
    assert package.guest(ids["vip"]).name == "عبد الرحمن أبو داوود"
    assert package.guest(ids["media"]).zones == ("PRS",)
    assert package.category("VIP").escort_required
    assert package.zone_name("PLN") == "Plenary hall"
    assert set(package.thumbnails) == {ids[role] for role in ("delegate", "vip", "media", "revoked", "reprinted")}
    assert (summary.guests, summary.revoked, summary.superseded, summary.photos, summary.size) == (
        6,
        1,
        1,
        5,
        len(data),
    )


def test_nothing_private_is_in_the_package(gate_event: GateEvent) -> None:
    _path, data = gate_event.package()
    with gate_event.store.connect() as connection:
        stored = [row.sealed_private_key for row in connection.execute(schema.signing_keys.select())]
        seeds = [*stored, keys.active_signing_key(connection)[1].private_bytes_raw()]

    for seed in seeds:
        for form in (seed, seed.hex().encode(), base64.b64encode(seed), base64.b64encode(seed)[:-2]):
            assert form not in data
    for secret in (b"P7654321", b"wang@example.org", b"PRIVATE"):
        assert secret not in data
    assert not {"passport_no", "email", "phone", "notes", "organisation"} & set(body_of(data)["guests"][0])


def test_pending_and_rejected_guests_are_left_out(gate_event: GateEvent) -> None:
    _path, data = gate_event.package()

    names = {guest["name"] for guest in body_of(data)["guests"]}

    assert not names & {"Nino Beridze", "Yusuf Mullo"}


def test_changing_any_byte_is_detected(gate_event: GateEvent) -> None:
    with gate_event.store.begin() as connection:  # a small package: every byte is tried
        connection.execute(schema.guest_photos.delete())
    _path, data = gate_event.package()
    anchor = gate_event.anchor()

    for index in range(len(data)):
        for flip in (0x01, 0x20):
            tampered = bytearray(data)
            tampered[index] ^= flip
            with pytest.raises(PackageError) as refused:
                load_package(bytes(tampered), anchor)
            assert ALTERED in str(refused.value) or "not an Accreditor gate package" in str(refused.value)


@pytest.mark.parametrize(
    "cut",
    [lambda data: data[:-1], lambda data: data + b"\n", lambda data: data[:300], lambda data: data[:-130]],
    ids=["last byte", "extra line", "first 300 bytes", "no signature"],
)
def test_a_truncated_or_extended_package_is_refused(gate_event: GateEvent, cut) -> None:
    _path, data = gate_event.package()

    with pytest.raises(PackageError, match=ALTERED):
        load_package(cut(data), gate_event.anchor())


def test_a_package_re_signed_by_another_key_is_refused(gate_event: GateEvent) -> None:
    _path, data = gate_event.package()
    body = body_of(data)
    body["revoked"] = []  # what an attacker would want: a revoked guest let in again
    attacker = Ed25519PrivateKey.generate()
    resigned = signed_by(body, attacker)

    for anchor in (
        gate_event.anchor(),
        TrustAnchor.from_fingerprint(load_package(data, gate_event.anchor()).signer_fingerprint),
    ):
        with pytest.raises(UntrustedPackageError, match="trusts only") as refused:
            load_package(resigned, anchor)
        assert refused.value.fingerprint == fingerprint(attacker.public_key().public_bytes_raw())


def test_without_an_anchor_the_package_is_refused_with_its_fingerprint(gate_event: GateEvent) -> None:
    _path, data = gate_event.package()
    expected = load_package(data, gate_event.anchor()).signer_fingerprint

    with pytest.raises(UntrustedPackageError, match="has not been told which key to trust") as refused:
        load_package(data, None)

    assert expected in str(refused.value)
    assert refused.value.fingerprint == expected
    assert load_package(data, TrustAnchor.from_fingerprint(expected.upper().replace(" ", ":"))).event_uid


def test_the_public_key_file_of_another_event_is_refused(gate_event: GateEvent, tmp_path: Path) -> None:
    _path, data = gate_event.package()
    with (
        EventStore.create(tmp_path / "other.accreditor", passphrase="test passphrase", name="Other") as other,
        other.connect() as connection,
    ):
        other_pem = keys.export_public_pem(connection)

    with pytest.raises(UntrustedPackageError, match="public-key file"):
        load_package(data, TrustAnchor.from_public_key_file(other_pem))


def test_a_file_that_is_not_a_package_is_named_so(gate_event: GateEvent) -> None:
    for data in (b"", b"SQLite format 3\x00" + bytes(100), "Фамилия;Имя\n".encode()):
        with pytest.raises(PackageError, match="not an Accreditor gate package"):
            load_package(data, gate_event.anchor())


@pytest.mark.parametrize("text", ["1234", "zz" * 16, "0123 4567 89ab cdef 0123 4567 89ab cde"])
def test_fingerprint_must_be_32_hex_digits(text: str) -> None:
    with pytest.raises(PackageError, match="not a key fingerprint"):
        parse_fingerprint(text)


# -- an offline gate remembers what it trusts ----------------------------------------------------------


def test_an_offline_gate_needs_an_anchor_only_the_first_time(gate_event: GateEvent) -> None:
    path, _data = gate_event.package()
    with pytest.raises(UntrustedPackageError):
        open_offline_gate(path, CONTEXT)
    assert not path.with_name(path.name + ".scans").exists()

    open_offline_gate(path, CONTEXT, anchor=gate_event.anchor()).close()
    gate_event.package()  # the organiser brings an updated package

    with open_offline_gate(path, CONTEXT) as gate:
        assert gate.scan(gate_event.token("delegate"), now=GATE_TIME).reason == "ok"


def test_an_offline_gate_refuses_an_older_package(gate_event: GateEvent, tmp_path: Path) -> None:
    with gate_event.store.connect() as connection:
        older, _summary = build_package(connection, gate_event.store.event_info(), now=GATE_TIME - timedelta(hours=5))
        newer, _summary = build_package(connection, gate_event.store.event_info(), now=GATE_TIME)
    path = tmp_path / "gate.pkg"
    path.write_bytes(newer)
    open_offline_gate(path, CONTEXT, anchor=gate_event.anchor()).close()

    path.write_bytes(older)

    with pytest.raises(PackageError, match="before the one this gate already used"):
        open_offline_gate(path, CONTEXT, anchor=gate_event.anchor())


def test_after_a_key_rotation_the_gate_needs_the_new_public_keys(gate_event: GateEvent) -> None:
    path, _data = gate_event.package()
    open_offline_gate(path, CONTEXT, anchor=gate_event.anchor()).close()
    with gate_event.store.begin() as connection:
        keys.rotate(connection, "organiser", "test passphrase")
        new_pem = keys.export_public_pem(connection)
    gate_event.package()

    with pytest.raises(UntrustedPackageError, match="rotated"):
        open_offline_gate(path, CONTEXT)
    with open_offline_gate(path, CONTEXT, anchor=TrustAnchor.from_public_key_file(new_pem)) as gate:
        assert gate.scan(gate_event.token("delegate"), now=GATE_TIME).reason == "ok"


def test_a_gate_log_of_another_event_is_refused(gate_event: GateEvent, tmp_path: Path) -> None:
    path, _data = gate_event.package()
    open_offline_gate(path, CONTEXT, anchor=gate_event.anchor()).close()
    with (
        EventStore.create(tmp_path / "other.accreditor", passphrase="test passphrase", name="Other") as other,
        other.begin() as connection,
    ):
        categories.install_standard(connection)
        other_package, _summary = build_package(connection, other.event_info())
        other_anchor = TrustAnchor.from_public_key_file(keys.export_public_pem(connection))
    other_path = tmp_path / "other.pkg"
    other_path.write_bytes(other_package)

    with pytest.raises(GateLogError, match="belongs to event"):
        open_offline_gate(other_path, CONTEXT, anchor=other_anchor, log_path=path.with_name(path.name + ".scans"))
