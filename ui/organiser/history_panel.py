"""A guest's history: every audited change to them, newest first, in local time — who, when, what.

The audit log stores machine-readable details; `describe` words one entry for the officer who has to
answer "who approved this man, and when?".  The panel only lists what it is given.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from accreditor.audit import AuditEntry

# Field names as the guest form labels them.
FIELD_LABELS = {
    "family_name": QT_TRANSLATE_NOOP("history_panel", "family name"),
    "given_name": QT_TRANSLATE_NOOP("history_panel", "given name"),
    "family_name_latin": QT_TRANSLATE_NOOP("history_panel", "family name (Latin)"),
    "given_name_latin": QT_TRANSLATE_NOOP("history_panel", "given name (Latin)"),
    "passport_no": QT_TRANSLATE_NOOP("history_panel", "passport"),
    "email": QT_TRANSLATE_NOOP("history_panel", "e-mail"),
    "external_ref": QT_TRANSLATE_NOOP("history_panel", "reference"),
}


def _tr(text: str) -> str:
    """Words marked with QT_TRANSLATE_NOOP("history_panel", …) where they are written, in the app's language."""
    return QCoreApplication.translate("history_panel", text)


def _change(name: str, values: Sequence[Any]) -> str:
    old, new = values
    label = _tr(FIELD_LABELS[name]) if name in FIELD_LABELS else name.replace("_", " ")
    if not old:
        return _tr(QT_TRANSLATE_NOOP("history_panel", "{field} set to {new}")).format(field=label, new=new)
    if not new:
        return _tr(QT_TRANSLATE_NOOP("history_panel", "{field} cleared (was {old})")).format(field=label, old=old)
    return f"{label} {old} → {new}"


def _because(details: dict[str, Any]) -> str:
    reason = details.get("reason") or ""
    return f": {reason}" if reason else ""


def _zones(codes: Sequence[str]) -> str:
    return " ".join(codes) or _tr(QT_TRANSLATE_NOOP("history_panel", "none"))


def _created(details: dict[str, Any]) -> str:
    source = details.get("source", "")
    if source and source != "manual":
        return _tr(QT_TRANSLATE_NOOP("history_panel", "Added ({source})")).format(source=source)
    return _tr(QT_TRANSLATE_NOOP("history_panel", "Added"))


def _updated(details: dict[str, Any]) -> str:
    changes = details.get("changes", {})
    if not changes:
        return _tr(QT_TRANSLATE_NOOP("history_panel", "Saved"))
    listed = "; ".join(_change(name, values) for name, values in changes.items())
    return _tr(QT_TRANSLATE_NOOP("history_panel", "Changed {changes}")).format(changes=listed)


def _zone_override(details: dict[str, Any]) -> str:
    granted = details.get("granted")
    if granted is True:
        effect = QT_TRANSLATE_NOOP("history_panel", "Zone {zone} granted")
    elif granted is False:
        effect = QT_TRANSLATE_NOOP("history_panel", "Zone {zone} withdrawn")
    else:
        effect = QT_TRANSLATE_NOOP("history_panel", "Zone {zone} back to the category default")
    return _tr(effect).format(zone=details.get("zone", ""))


def _zones_changed(details: dict[str, Any]) -> str:
    parts = [f"+{code}" for code in details.get("added", ())] + [f"−{code}" for code in details.get("removed", ())]
    return _tr(QT_TRANSLATE_NOOP("history_panel", "Zones {changes}, now {zones}")).format(
        changes=" ".join(parts), zones=_zones(details.get("zones", ()))
    )


def _printed(details: dict[str, Any]) -> str:
    serial = details.get("serial", "")
    station = details.get("station") or ""
    if serial != 1:
        said = _tr(QT_TRANSLATE_NOOP("history_panel", "Badge {serial} reprinted at {station}"))
        if not station:
            said = _tr(QT_TRANSLATE_NOOP("history_panel", "Badge {serial} reprinted"))
    else:
        said = _tr(QT_TRANSLATE_NOOP("history_panel", "Badge {serial} printed at {station}"))
        if not station:
            said = _tr(QT_TRANSLATE_NOOP("history_panel", "Badge {serial} printed"))
    return said.format(serial=serial, station=station) + _because(details)


def _checked_in(details: dict[str, Any]) -> str:
    station = details.get("station")
    if not station:
        return _tr(QT_TRANSLATE_NOOP("history_panel", "Checked in at a desk"))
    return _tr(QT_TRANSLATE_NOOP("history_panel", "Checked in at {station}")).format(station=station)


def _said(words: str) -> Callable[[dict[str, Any]], str]:
    """An entry worded as `words` (marked for translation), with the reason given if any."""
    return lambda details: f"{_tr(words)}{_because(details)}"


_DESCRIBERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "guest.created": _created,
    "guest.updated": _updated,
    "guest.photo_set": _said(QT_TRANSLATE_NOOP("history_panel", "Photo set")),
    "guest.zone_override": _zone_override,
    "guest.zones_changed": _zones_changed,
    "guest.checked_in": _checked_in,
    "guest.check_in_undone": _said(QT_TRANSLATE_NOOP("history_panel", "Check-in undone")),
    "badge.printed": _printed,
    "status.approved": _said(QT_TRANSLATE_NOOP("history_panel", "Approved")),
    "status.rejected": _said(QT_TRANSLATE_NOOP("history_panel", "Rejected")),
    "status.revoked": _said(QT_TRANSLATE_NOOP("history_panel", "Revoked")),
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
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(moment, "dd MMM HH:mm" if local.year == this_year else "dd MMM yyyy HH:mm")


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
