"""A guest's history: every audited change to them, newest first, in local time — who, when, what.

The audit log stores machine-readable details; `describe` words one entry for the officer who has to
answer "who approved this man, and when?".  The panel only lists what it is given.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from accreditor.audit import AuditEntry

# Field names as the guest form labels them.
FIELD_LABELS = {
    "family_name": "family name",
    "given_name": "given name",
    "family_name_latin": "family name (Latin)",
    "given_name_latin": "given name (Latin)",
    "passport_no": "passport",
    "email": "e-mail",
    "external_ref": "reference",
}


def _change(name: str, values: Sequence[Any]) -> str:
    old, new = values
    label = FIELD_LABELS.get(name, name.replace("_", " "))
    if not old:
        return f"{label} set to {new}"
    if not new:
        return f"{label} cleared (was {old})"
    return f"{label} {old} → {new}"


def _because(details: dict[str, Any]) -> str:
    reason = details.get("reason") or ""
    return f": {reason}" if reason else ""


def _zones(codes: Sequence[str]) -> str:
    return " ".join(codes) or "none"


def _created(details: dict[str, Any]) -> str:
    source = details.get("source", "")
    return f"Added ({source})" if source and source != "manual" else "Added"


def _updated(details: dict[str, Any]) -> str:
    changes = details.get("changes", {})
    return "Changed " + "; ".join(_change(name, values) for name, values in changes.items()) if changes else "Saved"


def _zone_override(details: dict[str, Any]) -> str:
    granted = details.get("granted")
    effect = {True: "granted", False: "withdrawn"}.get(granted, "back to the category default")
    return f"Zone {details.get('zone', '')} {effect}"


def _zones_changed(details: dict[str, Any]) -> str:
    parts = [f"+{code}" for code in details.get("added", ())] + [f"−{code}" for code in details.get("removed", ())]
    return f"Zones {' '.join(parts)}, now {_zones(details.get('zones', ()))}"


def _printed(details: dict[str, Any]) -> str:
    serial = details.get("serial", "")
    station = details.get("station") or ""
    where = f" at {station}" if station else ""
    verb = "reprinted" if serial != 1 else "printed"
    return f"Badge {serial} {verb}{where}{_because(details)}"


def _status(word: str) -> Callable[[dict[str, Any]], str]:
    return lambda details: f"{QCoreApplication.translate('history_panel', word)}{_because(details)}"


_DESCRIBERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "guest.created": _created,
    "guest.updated": _updated,
    "guest.photo_set": lambda _details: "Photo set",
    "guest.zone_override": _zone_override,
    "guest.zones_changed": _zones_changed,
    "guest.checked_in": lambda details: f"Checked in at {details.get('station') or 'a desk'}",
    "guest.check_in_undone": lambda details: f"Check-in undone{_because(details)}",
    "badge.printed": _printed,
    "status.approved": _status(QT_TRANSLATE_NOOP("history_panel", "Approved")),
    "status.rejected": _status(QT_TRANSLATE_NOOP("history_panel", "Rejected")),
    "status.revoked": _status(QT_TRANSLATE_NOOP("history_panel", "Revoked")),
}


def describe(entry: AuditEntry) -> str:
    """One line for an entry; an action this version does not know is shown with its raw details."""
    describer = _DESCRIBERS.get(entry.action)
    if describer is not None:
        return describer(entry.details)
    details = ", ".join(f"{key}: {value}" for key, value in entry.details.items())
    return f"{entry.action} ({details})" if details else entry.action


def when(entry: AuditEntry) -> str:
    """Local date and time; the year only when it is not this year's (the weeks before an event are short)."""
    local = entry.at.astimezone()
    this_year = datetime.now().astimezone().year
    return local.strftime("%d %b %H:%M" if local.year == this_year else "%d %b %Y %H:%M")


class Column(IntEnum):
    WHEN = 0
    WHO = 1
    WHAT = 2


class GuestHistoryPanel(QWidget):
    """The history of one guest; `show_history(entries)` fills it, `clear()` empties it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("History"))
        self.title.setStyleSheet("font-weight: bold;")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(Column.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.WHO, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, stretch=1)

    def clear(self) -> None:
        self.tree.clear()

    def show_history(self, entries: Sequence[AuditEntry]) -> None:
        """List the entries newest first; the full line is a tooltip, for what a narrow panel cuts off."""
        self.tree.clear()
        items = []
        for entry in reversed(entries):
            item = QTreeWidgetItem([when(entry), entry.actor, describe(entry)])
            item.setToolTip(Column.WHAT, describe(entry))
            item.setData(Column.WHEN, Qt.ItemDataRole.UserRole, entry.action)
            items.append(item)
        self.tree.addTopLevelItems(items)

    def lines(self) -> list[tuple[str, str, str]]:
        """(when, who, what) of every row as shown, top to bottom."""
        items = (self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount()))
        return [(item.text(Column.WHEN), item.text(Column.WHO), item.text(Column.WHAT)) for item in items]
