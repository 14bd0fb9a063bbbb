"""The organiser's guest page: every filter an accreditation officer needs, and decisions on many guests at once.

The weeks before the event are spent here: select the guests a list of filters finds, then approve,
reject, revoke, change their category or zones.  Each action asks first, naming how many guests it
changes, then runs one accreditation service (`accreditor.services.accreditation`) in the
background through the event session; what the core refuses is shown and nothing is changed.
The table is the session's guests in memory and follows its `changed` signal (when shown).
Beside the table, the selected guest's details and history, read in the background.

The page lays out and asks; whom an action may change is the core's rule (`workflow.ALLOWED`).
"Print badges…" hands the selected guests (or, with none selected, all the filters show) to the batch
print dialog, which decides with the core who gets a badge.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from accreditor import workflow
from accreditor.acting_user import default_user
from accreditor.changes import Changes, Topic
from accreditor.countries import country_name
from accreditor.guests import Guest
from accreditor.services import accreditation
from accreditor.services.accreditation import Decision, GuestRecord
from accreditor.services.photos import import_changes
from accreditor.store import EventStore
from ui import i18n, jobs
from ui.desk import reason_dialog
from ui.desk.desk_controller import badge_text, check_in_text
from ui.desk.guest_card import show_photo
from ui.desk.guest_form import GuestFormDialog
from ui.event_session import SessionAdapter
from ui.guest_list import GuestListWidget, colour_icon
from ui.guest_table_model import Column, GuestFilter, GuestTableModel
from ui.organiser.categories_editor import CategoriesEditorDialog, ReprintList
from ui.organiser.history_panel import GuestHistoryPanel
from ui.organiser.photo_editor import PhotoEditorDialog, PhotoLabel
from ui.organiser.photos_dialog import PhotoImportDialog
from ui.settings import StationSettings, load_settings

PHOTO_SIZE = (90, 120)
SIDE_WIDTH = 440  # the details and history panel, at first
MUTED = "#5F6B73"
NOTICE_STYLE = "QLabel { background: #E3F2FD; color: #0D47A1; padding: 6px 10px; border-radius: 4px; }"


def guests_count(count: int) -> str:
    """ "1 guest", "12 guests" in the app's language."""
    if count == 1:
        return QCoreApplication.translate("OrganiserGuestsPage", "1 guest")
    return QCoreApplication.translate("OrganiserGuestsPage", "{count} guests").format(count=i18n.number_text(count))


# -- asking (module functions, looked up at call time, so tests replace them) ------------------------


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes to go ahead; the text says what changes and for how many guests."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    colour: str = ""  # a category's colour, shown as a swatch


class ChoiceDialog(QDialog):
    """A prompt that names the guests affected, and one (or several) choices; OK needs a choice."""

    def __init__(
        self, parent: QWidget | None, title: str, prompt: str, choices: Sequence[Choice], *, multiple: bool
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._multiple = multiple
        self.prompt_label = QLabel(prompt)
        self.prompt_label.setWordWrap(True)
        self.list = QListWidget()
        for choice in choices:
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.value)
            if choice.colour:
                item.setIcon(colour_icon(QColor(choice.colour)))
            if multiple:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        mode = (
            QAbstractItemView.SelectionMode.NoSelection if multiple else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.list.setSelectionMode(mode)
        rows = min(max(len(choices), 4), 12)
        self.list.setMinimumHeight(self.list.sizeHintForRow(0) * rows + 6)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._enable_ok)
        self.list.itemSelectionChanged.connect(self._enable_ok)
        self.list.itemDoubleClicked.connect(lambda _item: None if multiple else self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._enable_ok()

    def chosen(self) -> list[str]:
        items = [self.list.item(row) for row in range(self.list.count())]
        if self._multiple:
            items = [item for item in items if item.checkState() == Qt.CheckState.Checked]
        else:
            items = [item for item in items if item.isSelected()]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def accept(self) -> None:
        if self.chosen():
            super().accept()

    def _enable_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))


def ask_choice(
    parent: QWidget | None, title: str, prompt: str, choices: Sequence[Choice], *, multiple: bool = False
) -> list[str] | None:
    """The values chosen, or None when the officer cancelled."""
    dialog = ChoiceDialog(parent, title, prompt, choices, multiple=multiple)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


# The table's columns as the organiser sees them, left to right.
ORGANISER_COLUMN_ORDER = (
    Column.ID,
    Column.NAME,
    Column.NAME_LATIN,
    Column.STATUS,
    Column.CATEGORY,
    Column.BADGE,
    Column.CHECKED_IN,
    Column.ORGANISATION,
    Column.COUNTRY,
)


# -- the filters ------------------------------------------------------------------------------------


class OrganiserGuestList(GuestListWidget):
    """The guest list with the organiser's filters too: country, organisation, delegation, printed, check-in, photo.

    The choices of country, organisation and delegation are the values the event's guests have.
    """

    def __init__(self, model: GuestTableModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.country_combo = self._values_combo(self.tr("All countries"))
        self.organisation_combo = self._values_combo(self.tr("All organisations"))
        self.delegation_combo = self._values_combo(self.tr("All delegations"))
        self.printed_combo = self._yes_no_combo(
            self.tr("Badge: any"), self.tr("Badge printed"), self.tr("Badge not printed")
        )
        self.checked_in_combo = self._yes_no_combo(
            self.tr("Check-in: any"), self.tr("Checked in"), self.tr("Not checked in")
        )
        self.photo_combo = self._yes_no_combo(self.tr("Photo: any"), self.tr("With photo"), self.tr("Without photo"))
        self._value_combos = {
            "country": self.country_combo,
            "organisation": self.organisation_combo,
            "delegation": self.delegation_combo,
        }
        row = QHBoxLayout()
        for combo in (*self._value_combos.values(), self.printed_combo, self.checked_in_combo, self.photo_combo):
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self.apply_filter)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, row)
        self.model.modelReset.connect(self._fill_values)
        self._fill_values()
        self._put_decisions_first()

    def _put_decisions_first(self) -> None:
        """What the officer decides on (status, category, badge) right after the names; where from after that."""
        header = self.table.horizontalHeader()
        for position, column in enumerate(ORGANISER_COLUMN_ORDER):
            header.moveSection(header.visualIndex(column), position)

    @staticmethod
    def _values_combo(everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        # Organisations are long: the combo keeps a modest width and its list shows them whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        return combo

    @staticmethod
    def _yes_no_combo(either: str, yes: str, no: str) -> QComboBox:
        combo = QComboBox()
        for label, value in ((either, None), (yes, True), (no, False)):
            combo.addItem(label, value)
        return combo

    def current_filter(self) -> GuestFilter:
        return GuestFilter(
            query=self.search_box.text().strip(),
            status=self.status_combo.currentData(),
            category=self.category_combo.currentData(),
            country=self.country_combo.currentData(),
            organisation=self.organisation_combo.currentData(),
            delegation=self.delegation_combo.currentData(),
            printed=self.printed_combo.currentData(),
            checked_in=self.checked_in_combo.currentData(),
            has_photo=self.photo_combo.currentData(),
        )

    def apply_filter(self) -> None:
        """Show the guests matching every filter at once (typing waits `FILTER_DELAY_MS`, as in the guest list)."""
        self._filter_timer.stop()
        self.model.set_guest_filter(self.current_filter())

    def _fill_values(self) -> None:
        """Offer the values guests have now, keeping each choice while some guest still has it."""
        for name, combo in self._value_combos.items():
            values = self.model.field_values(name)
            if values == [combo.itemData(row) for row in range(1, combo.count())]:
                continue
            labels = [country_name(value) for value in values] if name == "country" else values
            picked, everything = combo.currentData(), combo.itemText(0)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for label, value in sorted(zip(labels, values, strict=True), key=lambda pair: pair[0].casefold()):
                combo.addItem(label, value)
            found = combo.findData(picked) if picked else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
            if picked and found < 0:
                self._filter_timer.start()  # the model still filters by a value nobody has any more


# -- the page ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusAction:
    """How the page words one workflow transition ({guests} is "12 guests"; marked for translation, said translated)."""

    what: str  # for an error: "approve guests"
    title: str
    question: str
    done: str
    suggestions: tuple[str, ...] = ()


STATUS_ACTIONS = {
    "approved": StatusAction(
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "approve guests"),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Approve {guests}"),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Approve {guests}? They can then be checked in and get badges."),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Approved {guests}."),
    ),
    "rejected": StatusAction(
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "reject guests"),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Reject {guests}"),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Reject {guests}? They get no badge and are turned away at the desk."),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Rejected {guests}."),
        (
            QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Registration incomplete"),
            QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Not eligible for this event"),
            QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Duplicate registration"),
        ),
    ),
    "revoked": StatusAction(
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "revoke guests"),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Revoke {guests}"),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Revoke {guests}? Their badges stop opening doors at every gate."),
        QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Revoked {guests}."),
        (
            QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Left the delegation"),
            QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Security decision"),
            QT_TRANSLATE_NOOP("OrganiserGuestsPage", "Accredited in error"),
        ),
    ),
}


class OrganiserGuestsPage(QWidget):
    """The organiser's guest table, bulk actions and the selected guest's details, over the event's session.

    Every write goes through the session (`SessionAdapter.run_op`), whose `changed` signal then
    refreshes this page and every other view of the event.
    """

    def __init__(
        self,
        session: SessionAdapter,
        parent: QWidget | None = None,
        *,
        user: str | None = None,
        station: StationSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.user = user or default_user()
        self.station = station  # None: the station's saved settings, read when badges are printed
        self._stale = False  # the session changed while the page was hidden
        self.model = GuestTableModel(session.session, self)
        self.guest_list = OrganiserGuestList(self.model)
        self.table = self.guest_list.table

        self.approve_action = self._action(
            self.tr("Approve"), self.tr("Approve the selected pending guests"), self.approve
        )
        self.reject_action = self._action(
            self.tr("Reject…"), self.tr("Reject the selected pending guests, with a reason"), self.reject
        )
        self.revoke_action = self._action(
            self.tr("Revoke…"),
            self.tr("Withdraw the accreditation of the selected guests: their badges stop working"),
            self.revoke,
        )
        self.category_action = self._action(
            self.tr("Set category…"), self.tr("Give the selected guests a category"), self.set_category
        )
        self.add_zones_action = self._action(
            self.tr("Add zones…"), self.tr("Grant the selected guests zones"), self.add_zones
        )
        self.remove_zones_action = self._action(
            self.tr("Remove zones…"), self.tr("Withdraw zones from the selected guests"), self.remove_zones
        )
        self.edit_action = self._action(
            self.tr("Edit…"), self.tr("Edit the selected guest (or double-click them)"), self.edit_guest
        )
        self.categories_action = self._action(
            self.tr("Categories && zones…"),
            self.tr("Categories, their colours and default zones; the zones"),
            self.edit_categories,
        )
        self.print_action = self._action(
            self.tr("Print badges…"),
            self.tr("Print or save the badges of the selected guests, or of every guest the filters show"),
            self.print_badges,
        )
        self.photos_action = self._action(
            self.tr("Photos…"), self.tr("Import a folder of photos, matched to guests by file name"), self.import_photos
        )
        self.change_photo_action = self._action(
            self.tr("Change photo…"),
            self.tr("Load or crop the selected guest's photo (or double-click the photo)"),
            self.change_photo,
        )
        self.bulk_actions = [
            self.approve_action,
            self.reject_action,
            self.revoke_action,
            self.category_action,
            self.add_zones_action,
            self.remove_zones_action,
        ]

        toolbar = QToolBar("Guests")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions(self.bulk_actions[:3])
        toolbar.addSeparator()
        toolbar.addActions(self.bulk_actions[3:])
        toolbar.addSeparator()
        toolbar.addAction(self.edit_action)
        toolbar.addAction(self.change_photo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.print_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.photos_action)
        toolbar.addAction(self.categories_action)
        self.toolbar = toolbar

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(self)
        separator.setSeparator(True)
        self.table.addActions([*self.bulk_actions, separator, self.edit_action])

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.reprint_list = ReprintList()

        self.photo = PhotoLabel()
        self.photo.double_clicked.connect(self.change_photo)
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = GuestHistoryPanel()
        card = QHBoxLayout()
        card.addWidget(self.photo, alignment=Qt.AlignmentFlag.AlignTop)
        card.addWidget(self.details, stretch=1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 6, 6, 6)
        side_layout.addLayout(card)
        side_layout.addWidget(self.history, stretch=1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.guest_list)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)
        side.setMinimumWidth(SIDE_WIDTH // 2)
        splitter.setSizes([3 * SIDE_WIDTH, SIDE_WIDTH])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(toolbar)
        messages_box = QVBoxLayout()
        messages_box.setContentsMargins(6, 0, 6, 0)
        messages_box.addWidget(self.notice)
        messages_box.addWidget(self.reprint_list)
        layout.addLayout(messages_box)
        layout.addWidget(splitter, stretch=1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.guest_list.guest_activated.connect(lambda _guest_id: self.edit_guest())
        session.changed.connect(self._session_changed)
        session.loaded.connect(self._session_changed)
        session.indexed.connect(self.guest_list.index_ready)
        self.setFocusProxy(self.guest_list)
        self._selection_changed()

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    # -- the event -----------------------------------------------------------------------------

    @property
    def store(self) -> EventStore:
        return self._session.store

    @property
    def event_session(self) -> SessionAdapter:
        return self._session

    def refresh(self) -> None:
        """Show the session's guests as they are now, keeping the same guests selected (memory only)."""
        self._stale = False
        if self.model.session is not self._session.session:  # another event was opened
            self._tell("")
            self.reprint_list.show_needs([])
            self.model.set_session(self._session.session)
            return
        selected = self.selected_ids()
        self.model.refresh()
        self.select_guests(selected)

    def _session_changed(self, _changes: Changes | None = None) -> None:
        """Refresh now if shown, else when next shown: a hidden table is not worth a pass over every guest."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # -- selection -----------------------------------------------------------------------------

    def selected_guests(self) -> list[Guest]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.guest_at(row) for row in rows]

    def selected_ids(self) -> list[int]:
        return [guest.id for guest in self.selected_guests()]

    def select_guests(self, guest_ids: Sequence[int]) -> None:
        """Select these guests where the table shows them (rows fetched so far)."""
        wanted = set(guest_ids)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in range(self.model.rowCount()):
            if self.model.guest_at(row).id in wanted:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)

    def _selection_changed(self) -> None:
        guests = self.selected_guests()
        for action in self.bulk_actions:
            action.setEnabled(bool(guests))
        self.edit_action.setEnabled(len(guests) == 1)
        self.change_photo_action.setEnabled(len(guests) == 1)
        if len(guests) == 1:
            self._show_guest(guests[0])
            return
        self.photo.clear()
        self.photo.setStyleSheet("")
        self.history.clear()
        self.history.setVisible(False)
        text = (
            self.tr("{guests} selected.").format(guests=guests_count(len(guests)))
            if guests
            else self.tr("Select a guest to see their details and history.")
        )
        self.details.setText(f'<span style="color:{MUTED}">{escape(text)}</span>')

    def _show_guest(self, guest: Guest) -> None:
        """The details at once (from memory); the history and photo when read in the background."""
        self.details.setText(
            details_html(guest, {category.code: category.name for category in self.model.categories()})
        )
        if not guest.has_photo:
            show_photo(self.photo, None)  # known from memory: no need to wait for the record
        store, user = self.store, self.user

        def read(_context: jobs.JobContext) -> GuestRecord:
            return accreditation.guest_record(store, guest.id, actor=user, with_photo=guest.has_photo)

        def show(record: GuestRecord) -> None:
            if self.selected_ids() != [guest.id]:
                return  # the selection moved on while the record was read
            show_photo(self.photo, record.photo)
            self.history.setVisible(True)
            self.history.show_history(record.history)

        jobs.run_in_background(self, read, success=show, label=self.tr("Cannot read the guest's history"))

    # -- bulk actions ----------------------------------------------------------------------------

    def approve(self) -> None:
        self._change_status("approved")

    def reject(self) -> None:
        self._change_status("rejected")

    def revoke(self) -> None:
        self._change_status("revoked")

    def _change_status(self, status: str) -> None:
        """Ask, naming how many guests change, then move those the workflow allows (the others stay)."""
        guests = self.selected_guests()
        if not guests:
            return
        wording = STATUS_ACTIONS[status]
        sources = workflow.ALLOWED[status]
        ids = [guest.id for guest in guests if guest.status in sources]
        allowed = self.tr(" or ").join(i18n.status_label(source).lower() for source in sources)
        if not ids:
            self._tell(
                self.tr("Nobody was {status}: only {allowed} guests can be, and none of those selected is.").format(
                    status=i18n.status_label(status).lower(), allowed=allowed
                )
            )
            return
        question = self.tr(wording.question).format(guests=guests_count(len(ids)))
        others = len(guests) - len(ids)
        if others == 1:
            question += " " + self.tr("The other guest selected is not {allowed} and is left as they are.").format(
                allowed=allowed
            )
        elif others:
            question += " " + self.tr(
                "The other {others} guests selected are not {allowed} and are left as they are."
            ).format(others=i18n.number_text(others), allowed=allowed)
        title = self.tr(wording.title).format(guests=guests_count(len(ids)))
        reason = ""
        if status in workflow.REASON_REQUIRED:
            asked = reason_dialog.ask_reason(
                self,
                title,
                self.tr("{question}\n\nWhy?").format(question=question),
                tuple(self.tr(suggestion) for suggestion in wording.suggestions),
            )
            if asked is None:
                return
            reason = asked
        elif not confirm(self, title, question):
            return
        self._write(
            self.tr(wording.what),
            lambda store: accreditation.change_status(store, ids, status, self.user, reason),
            lambda decision: self._tell(self.tr(wording.done).format(guests=guests_count(len(decision.changed)))),
        )

    def set_category(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        categories = self.model.categories()
        choices = [
            Choice(category.code, f"{category.name} ({category.code})", category.colour) for category in categories
        ]
        picked = ask_choice(
            self,
            self.tr("Set category of {guests}").format(guests=guests_count(len(ids))),
            self.tr("Give {guests} the category:").format(guests=guests_count(len(ids))),
            choices,
        )
        if not picked:
            return
        (code,) = picked
        name = next((category.name for category in categories if category.code == code), code)
        self._write(
            self.tr("set the category"),
            lambda store: accreditation.set_category(store, ids, code, self.user),
            lambda decision: self._badges_changed(
                decision,
                self.tr("Gave {guests} the category {category}.").format(
                    guests=guests_count(len(decision.changed)), category=name
                ),
            ),
        )

    def add_zones(self) -> None:
        self._change_zones(adding=True)

    def remove_zones(self) -> None:
        self._change_zones(adding=False)

    def _change_zones(self, *, adding: bool) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        zones = self._session.session.zones()
        count = guests_count(len(ids))
        title = (self.tr("Add zones to {guests}") if adding else self.tr("Remove zones from {guests}")).format(
            guests=count
        )
        prompt = (
            self.tr("Grant {guests} access to:") if adding else self.tr("Withdraw the access of {guests} to:")
        ).format(guests=count)
        picked = ask_choice(
            self, title, prompt, [Choice(zone.code, f"{zone.code} — {zone.name}") for zone in zones], multiple=True
        )
        if not picked:
            return
        add, remove = (picked, []) if adding else ([], picked)
        done = self.tr("Granted {zones} for {guests}.") if adding else self.tr("Withdrew {zones} for {guests}.")
        self._write(
            self.tr("change zones"),
            lambda store: accreditation.change_zones(store, ids, add=add, remove=remove, actor=self.user),
            lambda decision: self._badges_changed(
                decision, done.format(zones=" ".join(picked), guests=guests_count(len(decision.changed)))
            ),
        )

    def _badges_changed(self, decision: Decision, done: str) -> None:
        """Say what was done and which printed badges no longer say what their guests may do."""
        self._tell(done)
        self.reprint_list.show_needs(decision.reprint_needs)

    # -- one guest, and the event's categories -----------------------------------------------------

    def edit_guest(self) -> None:
        """The guest form, with the importer's rules; saved fields are audited with what changed."""
        guests = self.selected_guests()
        if len(guests) != 1:
            return
        (guest,) = guests
        fields = GuestFormDialog.ask(self, self.model.categories(), guest.fields)
        if fields is None:
            return
        self._write(
            "save the guest",
            lambda store: accreditation.update_guest(store, guest.id, fields, self.user),
            lambda decision: self._badges_changed(
                decision,
                self.tr("Saved {name}.").format(name=guest.full_name)
                if decision.changed_fields
                else self.tr("Nothing was changed."),
            ),
        )

    def print_badges(self) -> None:
        """The batch print dialog for the selected guests, else for all the filters show (everyone when unfiltered)."""
        guest_ids: list[int] | None = self.selected_ids()
        if not guest_ids:
            shown = self.model.matched_ids()
            if not shown:
                self._tell(self.tr("No guest matches the filters: there is no badge to print."))
                return
            guest_ids = None if self.model.guest_filter == GuestFilter() else shown
        from ui.organiser.batch_print_dialog import BatchPrintDialog  # noqa: PLC0415 - badge rendering loads on first use

        report = BatchPrintDialog.run(self, self.store, guest_ids, self.station or load_settings(), user=self.user)
        if report is not None:  # something was printed or saved: the badge column has changed
            self._tell(
                self.tr("Badges of {guests} recorded as printed.").format(guests=guests_count(report.marked_printed))
            )
            printed = [guest_id for guest_id, _serial in report.printed]
            self._session.apply(Changes.of(Topic.PRINTS, guests=printed))

    def edit_categories(self) -> None:
        if CategoriesEditorDialog.edit(self, self.store, user=self.user):
            self._session.apply(Changes.of(Topic.CATEGORIES))

    def import_photos(self) -> None:
        """A folder of photos matched to guests by file name (`PhotoImportDialog`); the page then shows them."""
        report = PhotoImportDialog.run(self, self.store, user=self.user)
        if report is not None and report.written:
            self._session.apply(import_changes(report))
            self._tell(report.summary())

    def change_photo(self) -> None:
        """Load or crop the selected guest's photo (`PhotoEditorDialog`)."""
        guests = self.selected_guests()
        if len(guests) != 1:
            return
        (guest,) = guests
        if PhotoEditorDialog.edit(self, self.store, guest.id, user=self.user):
            self._session.apply(Changes.of(Topic.PHOTOS, guests=[guest.id]))
            self._tell(self.tr("Saved the photo of {name}.").format(name=guest.full_name))

    # -- writing ---------------------------------------------------------------------------------

    def _write(self, what: str, operation: Callable[[EventStore], Decision], done: Callable[[Decision], None]) -> None:
        """Run one accreditation service in the background; the session applies what it changed and every
        view refreshes, then `done` says so here.  A refusal reaches the one error dialog and changes nothing."""

        def succeeded(decision: Decision) -> None:
            self.reprint_list.show_needs([])  # of the last change; `done` lists those of this one
            done(decision)

        self._session.run_op(self, operation, success=succeeded, label=self.tr("Cannot {what}").format(what=what))

    def _tell(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))


def details_html(guest: Guest, category_names: dict[str, str]) -> str:
    """The selected guest at a glance: name in both scripts, where from, category and zones, status, badge."""
    fields = guest.fields
    lines = [f'<span style="font-size:large; font-weight:bold">{escape(guest.full_name)}</span>']
    if guest.name_latin and guest.name_latin != guest.full_name:
        lines.append(escape(guest.name_latin))
    role = " · ".join(part for part in (fields.title, fields.position) if part)
    lines.extend(escape(part) for part in (role, fields.organisation) if part)
    where = [i18n.country_text(fields.country)] if fields.country else []
    if fields.delegation and fields.delegation != fields.organisation:
        where.append(
            QCoreApplication.translate("OrganiserGuestsPage", "Delegation: {delegation}").format(
                delegation=fields.delegation
            )
        )
    if where:
        lines.append(escape(" · ".join(where)))
    category = category_names.get(fields.category, fields.category)
    zones = " ".join(guest.zones) or "—"
    zones_text = QCoreApplication.translate("OrganiserGuestsPage", "zones {zones}").format(zones=escape(zones))
    lines.append(f"<b>{escape(category)}</b> ({escape(fields.category)}) — {zones_text}")
    status = i18n.status_label(guest.status)
    reason = f": {escape(guest.status_reason)}" if guest.status_reason else ""
    lines.append(
        QCoreApplication.translate("OrganiserGuestsPage", "Status: {status}").format(
            status=f"<b>{escape(status)}</b>{reason}"
        )
    )
    lines.append(
        QCoreApplication.translate("OrganiserGuestsPage", "Badge: {badge}").format(badge=escape(badge_text(guest)))
    )
    if guest.checked_in_at is None:
        lines.append(QCoreApplication.translate("OrganiserGuestsPage", "Not checked in"))
    else:
        when = check_in_text(guest.checked_in_at, guest.checked_in_station, guest.checked_in_by)
        lines.append(QCoreApplication.translate("OrganiserGuestsPage", "Checked in {when}").format(when=escape(when)))
    return "<br>".join(lines)
