"""Accreditor core: event store, guest import, search and badges. Never imports Qt."""

__version__ = "0.1.0"
