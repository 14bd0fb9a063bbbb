"""The desk screen: one field for typing and scanning, the matches, the guest card and the actions.

Keyboard first: type, Down/Up through the matches, Enter shows the card, Enter again checks in,
Escape starts over.  The view lays out and forwards; `DeskController` decides and writes, and its
`notice` signal is the one place a result is shown (a print reports back later, in the background).
Enter never checks in a guest the operator has not seen: text typed since the last search is
searched first, and a highlighted match different from the card is shown first.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from accreditor.categories import Category
from accreditor.guests import GuestFields
from accreditor.vocabulary import GuestStatus, phrase
from ui import i18n, sounds
from ui.desk import guest_form, reason_dialog
from ui.desk.desk_controller import (
    MAX_RESULTS,
    MIN_QUERY_LENGTH,
    DeskController,
    GuestDetails,
    Notice,
    Tone,
    badge_text,
    check_in_text,
    display_name,
    standing_label,
)
from ui.desk.guest_card import TONE_COLOURS, GuestCard, text_colour_on
from ui.desk.queue_panel import QueuePanel
from ui.desk.result_list import ResultList, ResultListModel

SEARCH_DELAY_MS = 100
RESULTS_WIDTH = 440  # wide enough for a name in two scripts and an organisation
PAGE_ROWS = 5
_SOUND_OF = {Tone.OK: "ok", Tone.WARNING: "warning", Tone.ERROR: "error"}
# Keys in the field that move through the matches, and by how many rows.
_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -PAGE_ROWS, Qt.Key.Key_PageDown: PAGE_ROWS}


class SearchField(QLineEdit):
    """The desk's one input: arrow and page keys move through the matches, Escape starts over."""

    moved = Signal(int)
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _STEPS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.moved.emit(_STEPS[key])
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class ActionButton(QPushButton):
    """A big button that mirrors an action and names its shortcut, so the keyboard is learnt by looking."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus, for the next scan
        self.setMinimumHeight(56)
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        shortcut = self._action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.setText(f"{self._action.text()}\n{shortcut}" if shortcut else self._action.text())
        self.setToolTip(self._action.toolTip())
        self.setEnabled(self._action.isEnabled())


class DeskView(QWidget):
    """The front desk over one `DeskController`; `handle_scan` takes what a scanner read."""

    def __init__(self, controller: DeskController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.last_notice: Notice | None = None
        self._searched_text = ""

        self.field = SearchField()
        self.field.setPlaceholderText(self.tr("Name in any script, organisation or passport — or scan a code"))
        self.field.setClearButtonEnabled(True)
        field_font = QFont(self.field.font())
        field_font.setPointSize(20)
        self.field.setFont(field_font)
        self.field.setMinimumHeight(self.field.fontMetrics().height() + 20)

        self.results_model = ResultListModel(self)
        self.results = ResultList(self.results_model)
        self.count_label = QLabel()
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        notice_font = QFont(self.notice_label.font())
        notice_font.setPointSize(17)
        notice_font.setBold(True)
        self.notice_label.setFont(notice_font)
        # Room for a line, kept when empty: the card does not jump each time a notice comes or goes.
        self.notice_label.setMinimumHeight(self.notice_label.fontMetrics().lineSpacing() + 24)
        self.card = GuestCard()
        self.queue_panel = QueuePanel()  # check-ins waiting for the event server, and refused ones

        self.check_in_action = self._action(self.tr("Check &in"), "Ctrl+Return", self.check_in)
        self.check_in_action.setToolTip(self.tr("Check the guest in (Enter in the field does the same)"))
        self.check_in_print_action = self._action(
            self.tr("Check in && &print"), "Ctrl+Shift+Return", self.check_in_and_print
        )
        self.print_action = self._action(self.tr("Print &badge"), "Ctrl+P", self.print_badge)
        # Not Ctrl+E or Ctrl+Shift+Backspace: on X11 the field takes those (end of line, delete to start).
        self.undo_action = self._action(self.tr("&Undo check-in"), "F8", self.undo_check_in)
        self.edit_action = self._action(self.tr("&Edit guest"), "F4", self.edit_guest)
        self.walk_in_action = self._action(self.tr("&New walk-in"), "Ctrl+N", self.new_walk_in)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)

        self._lay_out()
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self.enter)
        self.field.moved.connect(self.results.move_current)
        self.field.escaped.connect(self.start_over)
        self.results.clicked.connect(self._result_clicked)
        controller.guest_changed.connect(self._guest_changed)
        controller.notice.connect(self.show_notice)
        controller.printing_changed.connect(self._update_actions)
        controller.loaded.connect(self._event_loaded)
        controller.queue_changed.connect(self.queue_panel.show_status)
        self.queue_panel.acknowledge_requested.connect(controller.acknowledge_conflicts)
        self.setFocusProxy(self.field)
        self._update_actions()

    def _action(self, text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.results, stretch=1)
        left_column.addWidget(self.count_label)

        buttons = QHBoxLayout()
        for action in (
            self.check_in_action,
            self.check_in_print_action,
            self.print_action,
            self.undo_action,
            self.edit_action,
        ):
            buttons.addWidget(ActionButton(action))
        buttons.addStretch(1)
        buttons.addWidget(ActionButton(self.walk_in_action))

        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.queue_panel)
        right_column.addWidget(self.notice_label)
        right_column.addWidget(self.card, stretch=1)
        right_column.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([RESULTS_WIDTH, 2 * RESULTS_WIDTH])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.field)
        layout.addWidget(splitter, stretch=1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus()

    # -- finding -----------------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        if len(text.strip()) < MIN_QUERY_LENGTH:
            self.search_now()  # clearing is instant; there is nothing to wait for
        else:
            self._search_timer.start()

    def search_pending(self) -> bool:
        """Text typed (or scanned into the field) that has not been searched yet."""
        return self._search_timer.isActive() or self.field.text() != self._searched_text

    def search_now(self) -> None:
        self._search_timer.stop()
        text = self.field.text()
        self._searched_text = text
        guests = self.controller.find(text)
        self.results_model.set_results(guests, {category.code: category for category in self.controller.categories()})
        if guests:
            self.results.select_row(0)
        query = text.strip()
        if len(query) >= MIN_QUERY_LENGTH and not self.controller.ready:
            self.count_label.setText(self.tr("Opening the event… the guests are being indexed"))
        elif len(query) < MIN_QUERY_LENGTH:
            self.count_label.clear()
        elif not guests:
            self.count_label.setText(self.tr("No guest matches “{query}”").format(query=query))
        elif len(guests) >= MAX_RESULTS:
            count = i18n.number_text(len(guests))
            self.count_label.setText(
                self.tr("The first {count} matches — type more to narrow them").format(count=count)
            )
        elif len(guests) == 1:
            self.count_label.setText(self.tr("1 match"))
        else:
            self.count_label.setText(self.tr("{count} matches").format(count=i18n.number_text(len(guests))))

    def _result_clicked(self, index: QModelIndex) -> None:
        self.show_guest(self.results_model.guest_at(index.row()).id)
        self.field.setFocus()

    def enter(self) -> None:
        """Enter in the field: search what is new, else show the highlighted match, else check in."""
        if self.search_pending():
            self.search_now()
            return
        highlighted = self.results.current_guest_id()
        if highlighted is not None and highlighted != self.card.guest_id:
            self.show_guest(highlighted)
            return
        details = self.card.details
        if details is None:
            return
        if details.standing.admissible:
            self.check_in()
        else:
            standing = details.standing
            refused = self.tr("Cannot check in — {status}: {advice}").format(
                status=standing_label(standing).lower(), advice=i18n.say(phrase(standing.status or GuestStatus.PENDING))
            )
            self.show_notice(Notice(standing.tone, refused))

    def show_guest(self, guest_id: int) -> None:
        """Show a guest's card, read in the background (the photo is in the database)."""
        self.clear_notice()
        self.controller.fetch_details(guest_id, self._show)

    def _show(self, details: GuestDetails) -> None:
        self.card.show_guest(details)
        self.results_model.update_guest(details.guest)
        self._update_actions()

    def refresh(self) -> None:
        """Read again what is on screen (after a reload: other desks may have changed it)."""
        if self.field.text() == self._searched_text:
            self.search_now()
        guest_id = self.card.guest_id
        if guest_id is not None:
            self.controller.fetch_details(guest_id, self._show_if_still_shown)

    def _event_loaded(self) -> None:
        """The guests are in memory: what was typed meanwhile is searched now."""
        if self.field.text().strip():
            self.search_now()

    def _show_if_any(self, details: GuestDetails | None) -> None:
        if details is not None:
            self._show(details)

    def _show_if_still_shown(self, details: GuestDetails) -> None:
        if self.card.guest_id == details.guest.id:
            self._show(details)

    def start_over(self) -> None:
        """Escape: an empty desk for the next guest in the queue."""
        self.field.clear()
        self.search_now()
        self.card.clear()
        self.clear_notice()
        self._update_actions()

    # -- scanning ------------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        """A scanner read `text` (wherever the focus was): act on it and show the result."""
        self.clear_notice()
        self.controller.scan(text, then=self._scanned)
        self.field.setFocus()

    def _scanned(self, details: GuestDetails | None) -> None:
        if details is None:
            self.card.clear()
            self._update_actions()
        else:
            self._show(details)

    # -- actions -------------------------------------------------------------------------------------

    def _admissible_guest(self) -> GuestDetails | None:
        details = self.card.details
        return details if details is not None and details.standing.admissible else None

    def check_in(self) -> None:
        details = self._admissible_guest()
        if details is None:
            return
        self.clear_notice()
        self.controller.check_in(details.guest.id)
        self._ready_for_next()

    def check_in_and_print(self) -> None:
        details = self._admissible_guest()
        if details is None:
            return
        self.clear_notice()

        def print_if_admitted(checked: GuestDetails | None) -> None:
            if checked is not None and checked.standing.admissible:
                self._print(checked)

        self.controller.check_in(details.guest.id, auto_print=False, then=print_if_admitted)
        self._ready_for_next()

    def print_badge(self) -> None:
        details = self._admissible_guest()
        if details is not None:
            self.clear_notice()
            self._print(details)
        self._ready_for_next()

    def _print(self, details: GuestDetails) -> None:
        guest = details.guest
        reason = ""
        if self.controller.needs_reprint_reason(guest):
            asked = reason_dialog.ask_reason(
                self,
                self.tr("Reprint badge"),
                self.tr(
                    "{name} already has a badge ({badge}). The new badge gets the next "
                    "serial and the old one stops opening doors. Why is it reprinted?"
                ).format(name=display_name(guest), badge=badge_text(guest)),
                (
                    self.tr("Lost"),
                    self.tr("Damaged"),
                    self.tr("Details changed"),
                    self.tr("Photo changed"),
                    self.tr("Printer fault"),
                ),
            )
            if asked is None:
                return
            reason = asked
        self.controller.print_badge(guest.id, reason=reason)

    def undo_check_in(self) -> None:
        details = self.card.details
        if details is None or details.guest.checked_in_at is None:
            return
        guest = details.guest
        when = check_in_text(guest.checked_in_at, guest.checked_in_station, guest.checked_in_by)
        reason = reason_dialog.ask_reason(
            self,
            self.tr("Undo check-in"),
            self.tr("Undo the check-in of {name} ({when})? The reason is kept in the audit log.").format(
                name=display_name(guest), when=when
            ),
            (
                self.tr("Wrong guest checked in"),
                self.tr("Guest left before the event"),
                self.tr("Checked in by mistake"),
            ),
        )
        if reason is not None:
            self.clear_notice()
            self.controller.undo_check_in(guest.id, reason)
        self._ready_for_next()

    def edit_guest(self) -> None:
        details = self.card.details
        if details is None:
            return
        answer = _ask_guest_fields(self, self.controller.categories(), details.guest.fields)
        if answer is not None:
            fields, photo = answer
            self.clear_notice()
            self.controller.edit_guest(details.guest.id, fields, photo)
        self.field.setFocus()

    def new_walk_in(self) -> None:
        answer = _ask_guest_fields(self, self.controller.categories(), None)
        if answer is not None:
            fields, photo = answer
            self.clear_notice()
            self.controller.add_walk_in(fields, photo=photo, then=self._show_if_any)
        self.field.setFocus()

    def _ready_for_next(self) -> None:
        """After an action the next keystroke replaces the old query: the next guest is already waiting."""
        self.field.setFocus()
        self.field.selectAll()

    # -- what the controller reports -----------------------------------------------------------------

    def _guest_changed(self, details: GuestDetails) -> None:
        self.results_model.update_guest(details.guest)
        if self.card.guest_id == details.guest.id:
            self.card.show_guest(details)
        self._update_actions()

    def show_notice(self, notice: Notice) -> None:
        self.last_notice = notice
        self.notice_label.setText(notice.text)
        background = TONE_COLOURS[notice.tone]
        self.notice_label.setStyleSheet(
            f"QLabel {{ background: {background}; color: {text_colour_on(background)}; padding: 10px 14px;"
            " border-radius: 4px; }"
        )
        sound = _SOUND_OF.get(notice.tone)
        if sound and self.controller.settings.sounds:
            sounds.play(sound)

    def clear_notice(self) -> None:
        self.last_notice = None
        self.notice_label.clear()
        self.notice_label.setStyleSheet("")

    def _update_actions(self) -> None:
        details = self.card.details
        admissible = details is not None and details.standing.admissible
        printing = details is not None and self.controller.is_printing(details.guest.id)
        self.check_in_action.setEnabled(admissible)
        self.check_in_print_action.setEnabled(admissible and not printing)
        self.print_action.setEnabled(admissible and not printing)
        self.undo_action.setEnabled(details is not None and details.guest.checked_in_at is not None)
        # A check-in waiting for the server cannot be undone yet; not twice either.
        self.check_in_action.setEnabled(admissible and details is not None and details.queued is None)
        self.edit_action.setEnabled(details is not None)


def _ask_guest_fields(
    parent: QWidget, categories: Sequence[Category], fields: GuestFields | None
) -> tuple[GuestFields, bytes | None] | None:
    """The guest form with its photo (a walk-in when `fields` is None): the fields and a new framed photo, if any."""

    return guest_form.GuestFormDialog.ask_with_photo(parent, categories, fields)
