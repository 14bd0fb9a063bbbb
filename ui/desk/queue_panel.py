"""The desk's check-ins made while the event server was away: how many wait to be sent, and the conflicts.

The queue and its rules are the core's (`accreditor.services.desk_queue`); this panel shows the
`QueueStatus` the desk controller hands it and asks the controller to acknowledge conflicts.  It is
hidden while nothing waits and no conflict is open.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from accreditor.services.desk_queue import QueuedCheckIn, QueueStatus

_WAITING_STYLE = "background: #FFF3E0; color: #8A4B00; font-weight: bold; padding: 4px;"
_CONFLICT_STYLE = "background: #FDECEA; color: #8E1B12; font-weight: bold; padding: 4px;"


class QueuePanel(QFrame):
    """Waiting check-ins (a count) and refused ones (a list staff acknowledge)."""

    acknowledge_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk_queue_panel")
        self.status = QueueStatus()
        self.waiting_label = QLabel()
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setStyleSheet(_WAITING_STYLE)
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(_CONFLICT_STYLE)
        self.conflict_list = QListWidget()
        self.conflict_list.setMaximumHeight(110)
        self.acknowledge_button = QPushButton(self.tr("&Seen — clear these conflicts"))
        self.acknowledge_button.setToolTip(
            self.tr("Staff have seen these refused check-ins and dealt with the guests (security, organiser)")
        )
        self.acknowledge_button.clicked.connect(self.acknowledge_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.conflict_list)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.acknowledge_button)
        layout.addLayout(row)
        self.show_status(QueueStatus())

    def show_status(self, status: QueueStatus) -> None:
        self.status = status
        waiting, conflicts = len(status.waiting), len(status.conflicts)
        self.waiting_label.setText(
            self.tr("Check-ins waiting to be sent to the event server: {count}").format(count=waiting)
            if waiting
            else ""
        )
        self.waiting_label.setVisible(bool(waiting))
        self.conflict_label.setText(
            self.tr("Queued check-ins the event server refused: {count} — check these guests").format(count=conflicts)
            if conflicts
            else ""
        )
        self.conflict_list.clear()
        for entry in status.conflicts:
            self.conflict_list.addItem(self._conflict_line(entry))
        for widget in (self.conflict_label, self.conflict_list, self.acknowledge_button):
            widget.setVisible(bool(conflicts))
        self.setVisible(bool(waiting or conflicts))

    def _conflict_line(self, entry: QueuedCheckIn) -> str:
        name = entry.guest_name or self.tr("guest {id}").format(id=entry.guest_id)
        when = f"{entry.queued_at.astimezone():%H:%M}"
        return self.tr("{name} (checked in here at {when}): {why}").format(name=name, when=when, why=entry.message)
