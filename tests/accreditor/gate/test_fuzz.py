"""Hostile scans against an offline gate: 100,000 random and mutated strings, no crash, no forged badge let in.

`decide` runs against a real signed package.  A verdict that lets someone through (green or orange)
must be for a code the event really issued: with strict Base45 every token has one spelling, so any
other string that passes would be a forgery.
"""

import random
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accreditor import categories, guests, keys, workflow
from accreditor.badges.printing import current_token, record_serials
from accreditor.gate.package import GatePackage, TrustAnchor, build_package, load_package
from accreditor.gate.verdicts import COLOURS, GateContext, GateVerdict, decide
from accreditor.guests import GuestFields
from accreditor.scanning import clean_scan
from accreditor.store import EventStore
from tests.accreditor.gate.conftest import GATE_TIME, forged, portrait

BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
CONTEXT = GateContext(zone="PLN", gate="fuzz", now=GATE_TIME)
TOTAL = 100_000


class Target:
    """A signed package of a small event, the tokens the event issued and the forgeries it must refuse."""

    def __init__(self, folder: Path) -> None:
        with EventStore.create(
            folder / "fuzz.accreditor",
            passphrase="test passphrase",
            name="Fuzz",
            starts_on=GATE_TIME.date(),
            ends_on=GATE_TIME.date(),
        ) as store:
            with store.begin() as connection:
                categories.install_standard(connection)
                people = [
                    GuestFields(family_name=f"Guest {number}", category=code)
                    for number, code in enumerate(("DEL", "HOD", "VIP", "MED", "DEL"))
                ]
                ids = guests.add_guests(connection, people, "fuzz")
                workflow.change_status(connection, ids, "approved", "fuzz")
                for guest_id in ids[:3]:
                    guests.set_photo(connection, guest_id, portrait(), "fuzz")
                record_serials(connection, [(guest_id, 1) for guest_id in ids], actor="fuzz")
            with store.connect() as connection:
                self.tokens = [
                    current_token(connection, store.event_info(), guest_id, today=GATE_TIME.date()) for guest_id in ids
                ]
                data, _summary = build_package(connection, store.event_info())
                anchor = TrustAnchor.from_public_key_file(keys.export_public_pem(connection))
            with store.begin() as connection:  # a reprint and a revocation after the package: still green there
                record_serials(connection, [(ids[0], 2)], actor="fuzz", reason="lost")
                workflow.change_status(connection, [ids[1]], "revoked", "fuzz", reason="fuzz")
        self.package: GatePackage = load_package(data, anchor)
        self.genuine = frozenset(self.tokens)

    def check(self, scan: str) -> GateVerdict:
        verdict = decide(scan, CONTEXT, self.package)
        assert verdict.colour in COLOURS
        if verdict.accepted:
            assert clean_scan(scan) in self.genuine, f"forged scan let through: {scan!r}"
        if verdict.reason in ("malformed", "bad_signature", "unknown_key"):
            assert verdict.guest_id is None
        return verdict


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Target:
    return Target(tmp_path_factory.mktemp("fuzz"))


# -- a deterministic mutation loop ------------------------------------------------------------------------

Mutation = Callable[[random.Random, str, list[str]], str]


def replace_char(rng: random.Random, text: str, _tokens: list[str]) -> str:
    index = rng.randrange(len(text))
    return text[:index] + rng.choice(BASE45) + text[index + 1 :]


def insert_char(rng: random.Random, text: str, _tokens: list[str]) -> str:
    index = rng.randrange(len(text) + 1)
    return text[:index] + rng.choice(BASE45 + "\x00\t\r\n]é€😀") + text[index:]


def delete_slice(rng: random.Random, text: str, _tokens: list[str]) -> str:
    start = rng.randrange(len(text))
    return text[:start] + text[start + rng.randint(1, 3) :]


def swap_neighbours(rng: random.Random, text: str, _tokens: list[str]) -> str:
    index = rng.randrange(len(text) - 1)
    return text[:index] + text[index + 1] + text[index] + text[index + 2 :]


def truncate(rng: random.Random, text: str, _tokens: list[str]) -> str:
    return text[: rng.randrange(len(text))]


def splice(rng: random.Random, text: str, tokens: list[str]) -> str:
    other = rng.choice(tokens)
    cut = rng.randrange(4, min(len(text), len(other)))
    return text[:cut] + other[cut:]


def forge_signature(rng: random.Random, text: str, _tokens: list[str]) -> str:
    """One bit of the signature changed, or its last characters replaced."""
    if rng.random() < 0.5:
        try:
            return forged(text)
        except ValueError:  # an earlier mutation left text that is not Base45
            pass
    return text[:-3] + "".join(rng.choice(BASE45) for _ in range(3))


def noise_around(rng: random.Random, text: str, _tokens: list[str]) -> str:
    """What scanners add: must not change the verdict of a genuine badge."""
    return rng.choice(["]Q1", "]Q3", " ", "\t", ""]) + text + rng.choice(["\r\n", "\n", "\t", " ", ""])


def lower_case(rng: random.Random, text: str, _tokens: list[str]) -> str:
    index = rng.randrange(4, len(text))
    return text[:index] + text[index].lower() + text[index + 1 :]


MUTATIONS: tuple[Mutation, ...] = (
    replace_char,
    insert_char,
    delete_slice,
    swap_neighbours,
    truncate,
    splice,
    forge_signature,
    noise_around,
    lower_case,
)


def random_string(rng: random.Random) -> str:
    kind = rng.randrange(4)
    length = rng.randrange(0, 200)
    if kind == 0:
        return "AC1:" + "".join(rng.choice(BASE45) for _ in range(length))
    if kind == 1:
        return "".join(rng.choice(string.printable) for _ in range(length))
    if kind == 2:
        return bytes(rng.randrange(256) for _ in range(length)).decode("latin-1")
    return "".join(chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(length // 4)).encode("utf-8", "replace").decode()


def scans(rng: random.Random, tokens: list[str], count: int) -> Iterator[str]:
    """Mostly mutated genuine tokens (one to three mutations), some wholly random strings."""
    for _ in range(count):
        if rng.random() < 0.2:
            yield random_string(rng)
            continue
        text = rng.choice(tokens)
        for _step in range(rng.randint(1, 3)):
            if len(text) > 5:
                text = rng.choice(MUTATIONS)(rng, text, tokens)
        yield text


def test_100000_random_and_mutated_scans(target: Target) -> None:
    rng = random.Random(20270503)
    reasons: dict[str, int] = {}

    for scan in scans(rng, target.tokens, TOTAL):
        verdict = target.check(scan)
        reasons[verdict.reason] = reasons.get(verdict.reason, 0) + 1

    assert sum(reasons.values()) == TOTAL
    # The loop reached every layer of the parser, and genuine badges with scanner noise still pass.
    assert {"malformed", "bad_signature", "unknown_key", "ok", "escort_required"} <= reasons.keys()
    assert reasons["bad_signature"] > 1000 and reasons["ok"] > 100


def test_the_genuine_tokens_pass_and_their_forgeries_do_not(target: Target) -> None:
    verdicts = [target.check(token) for token in target.tokens]

    assert [verdict.reason for verdict in verdicts] == ["ok", "ok", "escort_required", "zone_not_allowed", "no_photo"]
    assert {target.check(forged(token)).reason for token in target.tokens} == {"bad_signature"}


# -- property-based -----------------------------------------------------------------------------------------


@settings(max_examples=1500, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_verdict(target: Target, text: str) -> None:
    target.check(text)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=BASE45, max_size=160).map(lambda body: "AC1:" + body))
def test_any_base45_token_shape_gets_a_verdict(target: Target, text: str) -> None:
    target.check(text)


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_edited_genuine_tokens_are_never_accepted_unless_unchanged(target: Target, data: st.DataObject) -> None:
    token = data.draw(st.sampled_from(target.tokens))
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(token) - 1), st.sampled_from(BASE45)), max_size=4))
    text = list(token)
    for index, char in edits:
        text[index] = char

    target.check("".join(text))
