"""The one source of "now" for every timestamp the core writes (always aware UTC)."""

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)
