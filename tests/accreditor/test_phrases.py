"""Phrases: the core's sentences kept as code + details, so the app can say them in its own language."""

from datetime import UTC, date, datetime

from accreditor import vocabulary
from accreditor.print_sinks import PrintOutcome
from accreditor.vocabulary import LABEL, GateReason, PrintStatus, TokenReason, phrase


def test_a_phrase_reads_as_the_vocabulary_sentence_in_english() -> None:
    said = phrase(GateReason.ZONE_NOT_ALLOWED, zone="VIP", zones="PLN BIL")
    assert str(said) == vocabulary.message(GateReason.ZONE_NOT_ALLOWED, zone="VIP", zones="PLN BIL")
    assert str(phrase(GateReason.ZONE_NOT_ALLOWED, "reprint", zone="VIP", zones="PLN")) == vocabulary.message(
        GateReason.ZONE_NOT_ALLOWED, "reprint", zone="VIP", zones="PLN"
    )


def test_dates_and_times_are_written_once_for_every_sentence() -> None:
    assert str(phrase(GateReason.EXPIRED, until=date(2027, 5, 3))) == "Badge expired: it was valid until 3 May 2027."
    moment = datetime(2026, 12, 5, 9, 14, tzinfo=UTC)
    inside = str(phrase(GateReason.ALREADY_INSIDE, zone="PLN", since=moment))
    assert f"since {moment.astimezone():%H:%M}:" in inside


def test_the_label_variant_is_the_short_label() -> None:
    assert str(phrase(TokenReason.BAD_SIGNATURE, LABEL)) == vocabulary.label(TokenReason.BAD_SIGNATURE)


def test_a_print_outcome_carries_its_phrase_but_compares_by_what_it_says() -> None:
    outcome = PrintOutcome.of(PrintStatus.STOPPED, printer="AccreditorPDF")
    assert outcome.phrase is not None and str(outcome.phrase) == outcome.message
    assert outcome == PrintOutcome(False, "", outcome.message, PrintStatus.STOPPED)
