"""The front desk's rules: find a guest, who may be checked in or get a badge, check in, undo, walk-ins, edits.

The desk window and `accreditor check-in` both come here.  The admission rule — only approved guests pass
the desk — and every refusal's wording live in this module and the vocabulary, so a refusal reads the same on
the card, in a notice, after a scan and on the command line.  Check-in is safe when several desks share the
event (`accreditor.checkin`: the second desk is told who did it and when).  A desk with a queue
(`open_queue`) keeps checking guests in while the event server is out of reach: the check-in waits in the
station's queue (`accreditor.services.desk_queue`) and `send_queue` sends it once the server is back.
"""

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from accreditor import checkin, keys, vocabulary
from accreditor import guests as guest_store
from accreditor.categories import Category
from accreditor.changes import NOTHING, Changes, Topic
from accreditor.errors import DatabaseUnavailableError, NotFoundError, ServerUnreachableError
from accreditor.guests import Guest, GuestFields
from accreditor.roles import Permission, require
from accreditor.scanning import ScanResult, clean_scan, guest_by_code_in, resolve_code, resolve_scan
from accreditor.services import desk_queue, guarded
from accreditor.services.desk_queue import DeskQueue, QueuedCheckIn, QueueStatus, SendReport
from accreditor.session import EventSession, open_session
from accreditor.store import EventStore
from accreditor.tokens import GuestState, Verdict, verify_token
from accreditor.vocabulary import CheckInRefusal, CheckInResult, GuestStatus, Phrase, TokenReason, Tone, phrase

MIN_QUERY_LENGTH = 2
MAX_RESULTS = 50
MAX_CODE_SHOWN = 40  # a scanned code longer than this is cut in messages


# -- the admission rule ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Standing:
    """Whether the desk may admit a guest: a one-word status, the organiser's reason, who to turn to."""

    tone: Tone
    label: str  # "Approved", "Pending approval", "Rejected", "Revoked"
    reason: str = ""
    advice: str = ""
    status: GuestStatus | None = None  # None for a status this version does not know

    @property
    def admissible(self) -> bool:
        return self.tone is Tone.OK

    def explanation(self) -> str:
        """The reason and the advice: "Badge reported lost — do not admit; call the security supervisor"."""
        return " — ".join(part for part in (self.reason, self.advice) if part)

    def sentence(self) -> str:
        """Everything in one line: "Revoked: Badge reported lost — do not admit; call the security supervisor"."""
        headline = f"{self.label}: {self.reason}" if self.reason else self.label
        return f"{headline} — {self.advice}" if self.advice else headline


def standing(guest: Guest) -> Standing:
    """Only approved guests pass the desk; anyone else is told why and who decides."""
    try:
        status = GuestStatus(guest.status)
    except ValueError:  # a status this version does not know: refuse, and send them to the organiser
        pending = vocabulary.term(GuestStatus.PENDING)
        return Standing(Tone.ERROR, guest.status.capitalize(), guest.status_reason, pending.message)
    found = vocabulary.term(status)
    if status is GuestStatus.APPROVED:
        return Standing(found.tone, vocabulary.headline(status), status=status)
    return Standing(found.tone, vocabulary.headline(status), guest.status_reason, found.message, status)


def refusal(standing: Standing) -> str:
    """What the desk says when asked to check in someone it must not: short, the card has the rest."""
    return f"Cannot check in — {standing.label.lower()}: {standing.advice}"


def token_refusal(verdict: Verdict, guest: Guest | None) -> str:
    """Why a scanned badge admits nobody, with who it names when the signature proved it."""
    refused = f"{token_phrase(verdict, guest)} — nobody was checked in."
    if explains_standing(verdict, guest) and guest is not None:
        explanation = standing(guest).explanation()
        refused += f" {explanation[:1].upper()}{explanation[1:]}."
    return refused


def token_phrase(verdict: Verdict, guest: Guest | None) -> Phrase:
    """What is wrong with a refused badge, with the dates or serials that say why."""
    reason = TokenReason(verdict.reason)
    claims = verdict.claims
    if claims is not None and reason is TokenReason.EXPIRED:
        return phrase(reason, until=claims.valid_until)
    if claims is not None and reason is TokenReason.NOT_YET_VALID:
        return phrase(reason, since=claims.valid_from)
    if claims is not None and reason is TokenReason.SUPERSEDED and guest is not None:
        return phrase(reason, serial=claims.serial, current=guest.badge_serial)
    return phrase(reason, vocabulary.LABEL)


def explains_standing(verdict: Verdict, guest: Guest | None) -> bool:
    """A revoked or unapproved guest's badge is refused with the organiser's reason and who to turn to."""
    return guest is not None and verdict.reason in (TokenReason.REVOKED, TokenReason.NOT_APPROVED)


def display_name(guest: Guest) -> str:
    """The name the operator reads aloud: Latin when the written name is in another script."""
    return guest.name_latin or guest.full_name


def shorten(code: str) -> str:
    return code if len(code) <= MAX_CODE_SHOWN else f"{code[: MAX_CODE_SHOWN - 1]}…"


# -- what the desk answers ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GuestDetails:
    """Everything the guest card shows, read in one go."""

    guest: Guest
    category: Category | None
    zone_names: Mapping[str, str]
    photo: bytes | None
    queued: QueuedCheckIn | None = None  # the guest's check-in waiting at this desk for the server

    @property
    def standing(self) -> Standing:
        return standing(self.guest)


@dataclass(frozen=True, slots=True)
class CheckInOutcome:
    """One check-in asked for: `accreditor check-in --json`'s object, and what the desk tells the operator."""

    input: str  # what was given: a guest id or a scanned code
    result: CheckInResult
    guest_id: int | None
    reason: str | None  # a CheckInRefusal or a TokenReason when refused; None otherwise
    at: datetime | None  # when the guest was checked in (by this desk, or by the one that did it first)
    station: str | None
    user: str | None
    message: str  # one sentence
    changes: Changes = NOTHING

    @property
    def tone(self) -> Tone:
        return vocabulary.tone(self.result)

    def to_json(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "guest": self.guest_id,
            "result": self.result,
            "reason": self.reason,
            "at": self.at.isoformat() if self.at else None,
            "station": self.station,
        }


@dataclass(frozen=True, slots=True)
class Edited:
    details: GuestDetails
    fields: tuple[str, ...]  # the fields that changed; empty when nothing did
    changes: Changes


class DeskService:
    """The desk of one station on one event, acting as one user.

    Guests are found and read from the event's `EventSession` (memory, shared with the other views of the
    event); the service opens its own when given none.  Loading the session, writing, and the photo read the
    database: call the service off the UI thread.  After each write the session is brought up to date
    (`EventSession.apply`), so the desk finds a walk-in or an edit at once.
    """

    def __init__(
        self,
        store: EventStore,
        *,
        station: str,
        user: str,
        today: Callable[[], date] = date.today,
        session: EventSession | None = None,
    ) -> None:
        require(user, Permission.READ_GUESTS, "work at the desk")  # the desk shows every guest's details
        self.store = store
        self.station = station
        self.user = user
        self._today = today
        self._session = session
        self._opening = threading.Lock()
        self.queue: DeskQueue | None = None
        self.offline = False  # the event server is out of reach: check-ins go to the queue at once
        self._public_keys: tuple[str, Mapping[str, Ed25519PublicKey]] | None = None  # (event uid, key ring)

    # -- what the desk reads ----------------------------------------------------------------------

    @property
    def session(self) -> EventSession:
        """The event's session, loaded and indexed on first use when the service opens it itself."""
        with self._opening:  # a print finishing in the background may ask while the desk is still opening
            if self._session is None:
                with guarded("reading the event"):
                    self._session = open_session(self.store)
            return self._session

    def reload(self) -> None:
        """Read every guest, category and zone again (guests added at other desks)."""
        with self._opening:
            opened = self._session is not None
        session = self.session  # opening it reads everything afresh
        if opened:
            with guarded("reading the event"):
                session.load()
                session.build_index()

    def categories(self) -> list[Category]:
        return self.session.categories()

    def find(self, query: str, limit: int = MAX_RESULTS) -> list[Guest]:
        """The best matches for what the operator typed (nothing below two characters: too many); memory only."""
        text = query.strip()
        if len(text) < MIN_QUERY_LENGTH:
            return []
        return self.session.find(text, limit)

    def details(self, guest_id: int) -> GuestDetails:
        """The guest as the session holds them, with their photo (read from the database)."""
        session = self.session
        guest = session.guest(guest_id)
        photo = None
        if guest.has_photo and not self.offline:
            try:
                with guarded("reading the photo"), self.store.connect() as connection:
                    photo = guest_store.photo(connection, guest_id)
            except ServerUnreachableError:  # the card shows without the photo; the desk works from memory
                self.offline = self.queue is not None
        queued = self.queue.waiting_for(guest_id) if self.queue is not None else None
        zone_names = {zone.code: zone.name for zone in session.zones()}
        return GuestDetails(guest, session.category(guest.fields.category), zone_names, photo, queued)

    def details_if_any(self, guest_id: int | None) -> GuestDetails | None:
        if guest_id is None:
            return None
        try:
            return self.details(guest_id)
        except NotFoundError:  # a badge of a guest this event no longer has
            return None

    def counts(self) -> tuple[int, int]:
        """(checked in, expected): everyone checked in, and every approved guest."""
        counts = self.session.counts()
        return counts.checked_in, counts.expected

    def applied(self, changes: Changes) -> Changes:
        """Bring the session (if one is open) up to date with a write, also one made elsewhere; returns it."""
        if self._session is not None:
            with guarded("reading the changed guests"):
                self._session.apply(changes)
        return changes

    def learn(self, guest_id: int) -> None:
        """What the database says of a guest that this desk's memory may not know yet (another station wrote)."""
        self.applied(Changes.of(Topic.GUESTS, Topic.CHECK_INS, guests=[guest_id]))

    def _guest_if_any(self, guest_id: int | None) -> Guest | None:
        """From the session when one is open; else one read (the command line opens no session)."""
        if guest_id is None:
            return None
        try:
            if self._session is not None:
                return self._session.guest(guest_id)
            with guarded("reading the guest"), self.store.connect() as connection:
                return guest_store.get_guest(connection, guest_id)
        except NotFoundError:
            return None

    def resolve(self, raw: str) -> ScanResult:
        """What a scanned code is: a badge token with its verdict, a guest's reference or passport, or unknown.

        A desk with a queue whose server is out of reach reads it from its own copy: the badge's signature with the
        event's public keys (kept when the queue opened), the guest's status and badge serial as last known."""
        if self.offline and self._public_keys is not None:
            return self._resolve_from_copy(raw)
        try:
            with guarded("reading the scanned code"), self.store.connect() as connection:
                return resolve_scan(connection, raw, today=self._today())
        except ServerUnreachableError:
            if self.queue is None or self._public_keys is None:
                raise
            self.offline = True
            return self._resolve_from_copy(raw)

    def _resolve_from_copy(self, raw: str) -> ScanResult:
        assert self._public_keys is not None
        event_uid, keyring = self._public_keys
        session = self.session

        def last_known(guest_id: int) -> GuestState | None:
            if guest_id not in session:
                return None
            guest = session.guest(guest_id)
            return GuestState(status=guest.status, current_serial=guest.badge_serial or 0)

        return resolve_code(
            raw,
            verify=lambda code: verify_token(
                code, keyring, event_uid=event_uid, today=self._today(), guest_state=last_known
            ),
            guest_by_code=lambda code: guest_by_code_in(session.guests(), code),
        )

    # -- the queue of check-ins made while the server is away -------------------------------------

    def open_queue(self, folder: Path | None = None) -> QueueStatus:
        """Keep check-ins in this station's queue when the server cannot be reached.  Reads the event's uid, which
        names the queue, and its public keys, with which the desk reads scanned badges while the server is away."""
        with guarded("reading the event's public keys"), self.store.connect() as connection:
            uid = keys.event_uid(connection)
            self._public_keys = (uid, keys.keyring(connection))
        path = desk_queue.queue_path(uid, self.station, folder)
        self.queue = DeskQueue.open(path, event_uid=uid, event_name=self.store.display_name, station=self.station)
        return self.queue.status()

    def queue_status(self) -> QueueStatus:
        return self.queue.status() if self.queue is not None else QueueStatus()

    def send_queue(self) -> SendReport:
        """Send the check-ins waiting in the queue; the desk is online again once all of them went."""
        if self.queue is None:
            return SendReport()
        report = desk_queue.send(self.queue, self.store)
        self.offline = bool(report.unreachable)
        if report.changes:
            try:
                self.applied(report.changes)
            except DatabaseUnavailableError:  # gone again right after: the live refresh catches up later
                self.offline = True
        return report

    def acknowledge_conflicts(self, nonces: list[str] | None = None) -> QueueStatus:
        if self.queue is None:
            return QueueStatus()
        self.queue.acknowledge(nonces)
        return self.queue.status()

    def _queued(self, given: str, guest_id: int, nonce: str = "") -> CheckInOutcome:
        """Keep the check-in at this desk: the guest is in, the server hears of it when it is back."""
        assert self.queue is not None
        self.offline = True
        waiting = self.queue.waiting_for(guest_id)
        if waiting is not None:  # checked in here already, still waiting to be sent
            text = f"Already checked in at this desk at {waiting.queued_at.astimezone():%H:%M}; waiting to be sent"
            return CheckInOutcome(
                given, CheckInResult.ALREADY, guest_id, None, waiting.queued_at, self.station, waiting.user, text
            )
        guest = self._session.guest(guest_id) if self._session is not None else None
        if guest is not None:
            admissible = standing(guest)
            if not admissible.admissible:  # refused on this desk's copy, as the server would
                reason = CheckInRefusal(guest.status) if guest.status in set(CheckInRefusal) else None
                return self._refused(given, guest_id, reason or CheckInRefusal.PENDING, refusal(admissible))
            if guest.checked_in_at is not None:
                text = vocabulary.label(CheckInResult.ALREADY)
                return CheckInOutcome(
                    given,
                    CheckInResult.ALREADY,
                    guest_id,
                    None,
                    guest.checked_in_at,
                    guest.checked_in_station,
                    guest.checked_in_by,
                    text,
                )
        name = display_name(guest) if guest is not None else f"guest {guest_id}"
        entry = self.queue.add(guest_id, user=self.user, guest_name=name, nonce=nonce)
        text = vocabulary.message(CheckInResult.QUEUED, name=name)
        return CheckInOutcome(
            given, CheckInResult.QUEUED, guest_id, None, entry.queued_at, self.station, self.user, text
        )

    # -- what the desk writes ---------------------------------------------------------------------

    def check_in(self, guest_id: int, *, given: str = "") -> CheckInOutcome:
        """Check the guest in (committed before anything is answered); refused unless approved.

        With a queue, an unreachable server does not stop the desk: the check-in is queued (`QUEUED`)."""
        given = given or str(guest_id)
        if self.queue is not None:
            return self._check_in_with_nonce(guest_id, given)
        try:
            with guarded("checking the guest in"), self.store.begin() as connection:
                done = checkin.check_in(connection, guest_id, station=self.station, user=self.user)
        except NotFoundError:
            return self._refused(given, None, CheckInRefusal.UNKNOWN_GUEST, guest=guest_id)
        except checkin.NotAdmissibleError as error:
            self.learn(guest_id)  # another desk or the organiser changed the status meanwhile
            return self._refused(given, guest_id, CheckInRefusal(error.status), error.sentence)
        if not done.newly_checked_in:
            self.learn(guest_id)  # another desk checked the guest in: the card must say who and when
            return CheckInOutcome(
                given,
                CheckInResult.ALREADY,
                guest_id,
                None,
                done.at,
                done.station,
                done.user,
                vocabulary.label(CheckInResult.ALREADY),
            )
        return CheckInOutcome(
            given,
            CheckInResult.CHECKED_IN,
            guest_id,
            None,
            done.at,
            done.station,
            done.user,
            vocabulary.label(CheckInResult.CHECKED_IN),
            self.applied(Changes.of(Topic.CHECK_INS, guests=[guest_id])),
        )

    def _check_in_with_nonce(self, guest_id: int, given: str) -> CheckInOutcome:
        """The desk's check-in when it has a queue: sent with a nonce, queued with the same one if it cannot be."""
        if self.offline:
            return self._queued(given, guest_id)
        nonce = desk_queue.new_nonce()
        try:
            with guarded("checking the guest in"), self.store.begin() as connection:
                answer = checkin.check_in_once(connection, guest_id, nonce=nonce, station=self.station, user=self.user)
        except ServerUnreachableError:
            return self._queued(given, guest_id, nonce)  # maybe it did arrive: the nonce makes sending it safe
        if answer.result == CheckInResult.REFUSED:
            if answer.reason == CheckInRefusal.UNKNOWN_GUEST:
                return self._refused(given, None, CheckInRefusal.UNKNOWN_GUEST, guest=guest_id)
            self.learn(guest_id)
            return self._refused(given, guest_id, CheckInRefusal(answer.reason), answer.message)
        done = answer.done
        assert done is not None
        if answer.result == CheckInResult.ALREADY:
            self.learn(guest_id)
            label = vocabulary.label(CheckInResult.ALREADY)
            return CheckInOutcome(given, CheckInResult.ALREADY, guest_id, None, done.at, done.station, done.user, label)
        changes = self.applied(Changes.of(Topic.CHECK_INS, guests=[guest_id]))
        label = vocabulary.label(CheckInResult.CHECKED_IN)
        return CheckInOutcome(
            given, CheckInResult.CHECKED_IN, guest_id, None, done.at, done.station, done.user, label, changes
        )

    def check_in_input(self, given: str) -> CheckInOutcome:
        """`accreditor check-in`: a guest id, or a scanned code (badge token, registration reference, passport)."""
        text = given.strip()
        if text.isdigit():
            return self.check_in(int(text), given=given)
        scanned = self.resolve(given)
        if scanned.kind == "token" and scanned.verdict is not None:
            verdict = scanned.verdict
            if verdict.valid and scanned.guest_id is not None:
                return self.check_in(scanned.guest_id, given=given)
            known = scanned.guest_id if verdict.claims is not None else None
            sentence = token_refusal(verdict, self._guest_if_any(known))
            return self._refused(given, known, TokenReason(verdict.reason), sentence)
        if scanned.kind == "guest" and scanned.guest_id is not None:
            return self.check_in(scanned.guest_id, given=given)
        code = shorten(clean_scan(given))
        return self._refused(given, None, CheckInRefusal.UNKNOWN_CODE, code=code or "(empty)")

    def _refused(
        self, given: str, guest_id: int | None, reason: TokenReason | CheckInRefusal, sentence: str = "", **details: Any
    ) -> CheckInOutcome:
        text = sentence or vocabulary.message(reason, **details)
        return CheckInOutcome(given, CheckInResult.REFUSED, guest_id, reason, None, None, None, text)

    def undo_check_in(self, guest_id: int, reason: str) -> Changes:
        with guarded("undoing the check-in"), self.store.begin() as connection:
            checkin.undo_check_in(connection, guest_id, user=self.user, reason=reason)
        return self.applied(Changes.of(Topic.CHECK_INS, guests=[guest_id]))

    def add_walk_in(self, fields: GuestFields, photo: bytes | None = None) -> tuple[GuestDetails, Changes]:
        """Register someone who is not on the list; they wait, pending, for an organiser's approval.

        `photo` (already framed, `photo_import.crop_photo`) is stored with them in the same transaction: taking a
        walk-in's photo is part of registering them, so the desk needs no right to change other guests' photos."""
        with guarded("registering the walk-in"), self.store.begin() as connection:
            (guest_id,) = guest_store.add_guests(connection, [fields], self.user, source="walk-in")
            if photo is not None:
                guest_store.set_photo(connection, guest_id, photo, self.user, permission=Permission.WALK_IN)
        topics = (Topic.GUESTS, Topic.PHOTOS) if photo is not None else (Topic.GUESTS,)
        changes = self.applied(Changes.of(*topics, guests=[guest_id]))
        return self.details(guest_id), changes

    def edit_guest(self, guest_id: int, fields: GuestFields, photo: bytes | None = None) -> Edited:
        """Save a guest's corrected details and, with `photo` (framed), their new photo, in one transaction."""
        with guarded("saving the guest"), self.store.begin() as connection:
            changed = guest_store.update_guest(connection, guest_id, fields, self.user, source="desk")
            if photo is not None:
                guest_store.set_photo(connection, guest_id, photo, self.user)
                changed = [*changed, "photo"]
        topics = (Topic.GUESTS, Topic.PHOTOS) if photo is not None else (Topic.GUESTS,)
        touched = self.applied(Changes.of(*topics, guests=[guest_id])) if changed else NOTHING
        return Edited(self.details(guest_id), tuple(changed), touched)
