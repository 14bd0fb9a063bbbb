"""The one vocabulary: every code has its words, the wire values stay what scripts and logs already hold."""

import json
from enum import StrEnum

import pytest

from accreditor import schema, tokens, vocabulary
from accreditor.gate import verdicts
from accreditor.vocabulary import (
    VOCABULARIES,
    CheckInRefusal,
    GateColour,
    GateReason,
    GuestStatus,
    PrintStatus,
    TokenReason,
    Tone,
)

EVERY_CODE = [code for enum in VOCABULARIES for code in enum]


@pytest.mark.parametrize("code", EVERY_CODE, ids=lambda code: f"{type(code).__name__}.{code.name}")
def test_every_code_has_a_label_a_tone_and_a_sentence_that_fills_in(code: StrEnum) -> None:
    found = vocabulary.term(code)
    assert found.label.strip() and isinstance(found.tone, Tone)
    details = dict.fromkeys(vocabulary.placeholders(code), "X")
    sentence = vocabulary.message(code, **details)
    assert sentence.strip() and "{" not in sentence
    for variant in found.variants:
        filled = dict.fromkeys(vocabulary.placeholders(code, variant), "X")
        assert "{" not in vocabulary.message(code, variant, **filled)


def test_the_wire_values_are_unchanged() -> None:
    assert tuple(GuestStatus) == schema.STATUSES
    assert tokens.REASONS == (
        "ok",
        "malformed",
        "bad_signature",
        "unknown_key",
        "wrong_event",
        "expired",
        "not_yet_valid",
        "revoked",
        "superseded",
        "not_approved",
    )
    assert verdicts.COLOURS == ("green", "orange", "red")
    assert json.dumps([GateColour.RED, GateReason.NOT_CHECKED]) == '["red", "not_checked"]'


def test_codes_with_the_same_value_keep_their_own_words() -> None:
    """ "revoked" is a token reason (the desk's words), a gate reason (the officer's) and a check-in refusal."""
    words = {vocabulary.label(TokenReason.REVOKED), vocabulary.label(GateReason.REVOKED)}
    words.add(vocabulary.label(CheckInRefusal.REVOKED))
    assert len(words) == 3


def test_a_status_the_vocabulary_does_not_know_reads_as_it_is() -> None:
    assert vocabulary.status_label("pending") == "Pending"
    assert vocabulary.status_label("archived") == "archived"


def test_a_missing_detail_is_a_bug_not_a_silent_blank() -> None:
    with pytest.raises(KeyError):
        vocabulary.message(PrintStatus.STOPPED)


def test_the_headline_falls_back_to_the_label() -> None:
    assert vocabulary.headline(GuestStatus.PENDING) == "Pending approval"
    assert vocabulary.headline(GuestStatus.REVOKED) == "Revoked"
