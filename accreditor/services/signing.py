"""The signing key for this session: can it sign now, and unlocking it with the event's passphrase.

The desktop app asks here before the first badge of a session is signed (ui/unlock_dialog.py); the command line
gives keys.py a passphrase source instead.
"""

from accreditor import keys
from accreditor.services import guarded
from accreditor.store import EventStore


def can_sign(store: EventStore) -> bool:
    """True when this session holds the event's active key unlocked (or a passphrase source opens it)."""
    with guarded("reading the signing key"), store.connect() as connection:
        try:
            keys.active_signing_key(connection)
        except keys.KeyLockedError:
            return False
    return True


def unlock(store: EventStore, passphrase: str) -> None:
    """Open the active key for this session; sealing.WrongPassphraseError when `passphrase` does not open it."""
    with guarded("unlocking the signing key"), store.connect() as connection:
        keys.unlock(connection, passphrase)
