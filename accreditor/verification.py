"""Checking a scanned badge token against what an event knows, or against public keys alone.

`tokens.verify_token` does the cryptography; here it gets its context: the event's key ring and
id, and each guest's status and current badge serial, so revoked, superseded and unapproved
badges are refused too.
"""

from datetime import date
from pathlib import Path

from sqlalchemy import Connection, func, select

from accreditor import keys, schema
from accreditor.errors import AccreditorError
from accreditor.tokens import GuestState, Verdict, verify_token


class EventVerifier:
    """Verifies tokens against one event database; reads each guest's state when asked."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._keyring = keys.keyring(connection)
        self._event_uid = keys.event_uid(connection)

    def guest_state(self, guest_id: int) -> GuestState | None:
        guests, badges = schema.guests, schema.badges
        status = self._connection.execute(select(guests.c.status).where(guests.c.id == guest_id)).scalar()
        if status is None:
            return None
        serial = self._connection.execute(
            select(func.max(badges.c.serial)).where(badges.c.guest_id == guest_id)
        ).scalar()
        return GuestState(status=status, current_serial=serial or 0)

    def verify(self, token: str, *, today: date) -> Verdict:
        return verify_token(token, self._keyring, event_uid=self._event_uid, today=today, guest_state=self.guest_state)


class PublicKeyVerifier:
    """Verifies tokens offline with an exported public-key file: signature, event and dates only."""

    def __init__(self, pem_path: str | Path) -> None:
        try:
            data = Path(pem_path).read_bytes()
        except OSError as error:
            raise AccreditorError(f"Cannot read the public key file {pem_path} ({error.strerror}).") from error
        self._event_uid, self._keyring = keys.load_public_pem(data)

    def verify(self, token: str, *, today: date) -> Verdict:
        return verify_token(token, self._keyring, event_uid=self._event_uid, today=today)
