"""Photos for many guests at once: a folder matched to guests by file name, shown before anything is stored.

The core decides everything (`photo_import.match_folder` pairs files with guests and explains the
rest; `photo_import.import_photos` reads, checks and stores them); the dialog shows the plan, lets the
organiser choose whether photos guests already have are replaced, and after the import shows what
happened to every file.  Matching and importing run in the background (`ui.jobs`): reading 400
camera photos takes a while, and the window must stay alive meanwhile.  The import writes in one
short transaction after every file has been read, so other desks are never kept waiting for it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accreditor.acting_user import default_user
from accreditor.photo_import import (
    GuestWithoutPhoto,
    PhotoImportReport,
    PhotoMatchPlan,
    PhotoOutcome,
    import_photos,
)
from accreditor.services.photos import match_photo_folder
from accreditor.store import EventStore
from ui import i18n, jobs, messages
from ui.jobs import Job, JobContext
from ui.organiser.photo_editor import remember_folder, remembered_folder

ERROR_STYLE = "QLabel { color: #B71C1C; }"


def ask_folder(parent: QWidget | None) -> Path | None:
    """The folder of photos to import, or None when the organiser cancels (tests monkeypatch this)."""
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("photos_dialog", "Folder of guest photos"), remembered_folder()
    )
    if not folder:
        return None
    remember_folder(Path(folder))
    return Path(folder)


@dataclass(frozen=True, slots=True)
class Section:
    """One tab: a titled table."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]


def plan_sections(plan: PhotoMatchPlan, *, replace_existing: bool) -> list[Section]:
    """The plan's tabs; whether a guest's current photo is kept or replaced follows the checkbox."""
    current = (
        QCoreApplication.translate("photos_dialog", "has one: replaced")
        if replace_existing
        else QCoreApplication.translate("photos_dialog", "has one: kept")
    )
    return [
        Section(
            QCoreApplication.translate("photos_dialog", "Matched"),
            (
                QCoreApplication.translate("photos_dialog", "File"),
                QCoreApplication.translate("photos_dialog", "Guest"),
                QCoreApplication.translate("photos_dialog", "Matched by"),
                QCoreApplication.translate("photos_dialog", "Current photo"),
            ),
            [
                (match.file.name, f"{match.name} ({match.guest_id})", match.by, current if match.had_photo else "")
                for match in plan.matched
            ],
        ),
        Section(
            QCoreApplication.translate("photos_dialog", "Not matched"),
            (QCoreApplication.translate("photos_dialog", "File"), QCoreApplication.translate("photos_dialog", "Why")),
            [(file.file.name, file.reason) for file in plan.unmatched],
        ),
        _without_photo_section(plan.guests_without_photo),
    ]


def report_sections(report: PhotoImportReport) -> list[Section]:
    def outcomes(items: Sequence[PhotoOutcome]) -> list[tuple[str, ...]]:
        return [(item.match.file.name, f"{item.match.name} ({item.match.guest_id})", item.reason) for item in items]

    file, guest, why = (
        QCoreApplication.translate("photos_dialog", "File"),
        QCoreApplication.translate("photos_dialog", "Guest"),
        QCoreApplication.translate("photos_dialog", "Why"),
    )
    return [
        Section(
            QCoreApplication.translate("photos_dialog", "Imported"),
            (file, guest, QCoreApplication.translate("photos_dialog", "Matched by")),
            [(match.file.name, f"{match.name} ({match.guest_id})", match.by) for match in report.imported],
        ),
        Section(QCoreApplication.translate("photos_dialog", "Refused"), (file, guest, why), outcomes(report.failed)),
        Section(QCoreApplication.translate("photos_dialog", "Skipped"), (file, guest, why), outcomes(report.skipped)),
        Section(
            QCoreApplication.translate("photos_dialog", "Not matched"),
            (file, why),
            [(item.file.name, item.reason) for item in report.unmatched],
        ),
        _without_photo_section(report.guests_without_photo),
    ]


def _without_photo_section(guests: Sequence[GuestWithoutPhoto]) -> Section:
    return Section(
        QCoreApplication.translate("photos_dialog", "Still without photo"),
        (
            QCoreApplication.translate("photos_dialog", "Guest"),
            QCoreApplication.translate("photos_dialog", "Name"),
            QCoreApplication.translate("photos_dialog", "Status"),
        ),
        [(str(guest.guest_id), guest.name, i18n.status_label(guest.status)) for guest in guests],
    )


def describe_plan(plan: PhotoMatchPlan) -> str:
    """What importing the folder would do, in a few short sentences (counts after a colon: no plurals to agree)."""
    text = QCoreApplication.translate(
        "photos_dialog", "Files in {folder}: {files}; matched to guests: {matched}."
    ).format(folder=plan.folder.name, files=len(plan.matched) + len(plan.unmatched), matched=len(plan.matched))
    if plan.unmatched:
        text += " " + QCoreApplication.translate("photos_dialog", "Not matched: {count}.").format(
            count=len(plan.unmatched)
        )
    having = sum(match.had_photo for match in plan.matched)
    if having:
        text += " " + QCoreApplication.translate(
            "photos_dialog", "Matched guests who already have a photo: {count}."
        ).format(count=having)
    missing = len(plan.guests_without_photo)
    if missing:
        text += " " + QCoreApplication.translate(
            "photos_dialog", "Approved or pending guests still without a photo after the import: {count}."
        ).format(count=missing)
    return text


def describe_report(report: PhotoImportReport) -> str:
    """The import's outcome in the app's language (the core's `summary()` is the command line's English)."""
    text = QCoreApplication.translate("photos_dialog", "Photos imported: {imported}.").format(
        imported=len(report.imported)
    )
    if report.stopped:
        text = QCoreApplication.translate("photos_dialog", "Stopped before the end.") + " " + text
    for count, sentence in (
        (len(report.skipped), QCoreApplication.translate("photos_dialog", "Skipped: {count}.")),
        (len(report.failed), QCoreApplication.translate("photos_dialog", "Refused: {count}.")),
        (len(report.unmatched), QCoreApplication.translate("photos_dialog", "Files not matched: {count}.")),
        (
            len(report.guests_without_photo),
            QCoreApplication.translate("photos_dialog", "Approved or pending guests still without a photo: {count}."),
        ),
    ):
        if count:
            text += " " + sentence.format(count=count)
    if not report.guests_without_photo:
        text += " " + QCoreApplication.translate("photos_dialog", "Every approved or pending guest has a photo.")
    return text


class PhotoImportDialog(QDialog):
    """Folder → plan (matched, not matched, guests still without a photo) → import → report.

    `plan_ready` and `import_finished` follow the background jobs, for whoever waits on them.
    """

    plan_ready = Signal(object)  # PhotoMatchPlan
    import_finished = Signal(object)  # PhotoImportReport

    def __init__(self, store: EventStore, parent: QWidget | None = None, *, user: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import photos"))
        self._store = store
        self.user = user or default_user()
        self.plan: PhotoMatchPlan | None = None
        self.report: PhotoImportReport | None = None
        self._job: Job[Any] | None = None

        self.folder_label = QLabel(self.tr("Choose the folder the photos are in."))
        self.folder_label.setStyleSheet("QLabel { font-weight: bold; }")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Choose folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        hint = QLabel(
            self.tr(
                "Each file is matched to a guest by its name: passport number, reference, e-mail address or the "
                "guest's name (“A1234567.jpg”, “REG-0042.png”, “anna.smith@undp.org.jpg”, “SMITH_Anna.jpg”)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: #5F6B73; }")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.replace_box = QCheckBox(self.tr("Replace photos guests already have"))
        self.replace_box.setToolTip(self.tr("Otherwise a guest who has a photo keeps it and their file is skipped"))
        self.replace_box.toggled.connect(self._replace_toggled)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.stop_button = self.buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.reject)
        self.stop_button.hide()

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, stretch=1)
        folder_row.addWidget(self.folder_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.replace_box)
        bottom.addStretch(1)
        bottom.addWidget(self.progress_label)
        bottom.addWidget(self.progress_bar)
        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, stretch=1)
        layout.addLayout(bottom)
        layout.addWidget(self.buttons)
        self.resize(900, 600)
        self._show_sections([])
        self._update_buttons()

    # -- the plan --------------------------------------------------------------------------------

    def choose_folder(self) -> bool:
        """Ask for a folder and match it; False when the organiser cancelled."""
        folder = ask_folder(self)
        if folder is None:
            return False
        self.match(folder)
        return True

    def match(self, folder: Path) -> None:
        """Pair the folder's files with guests (in the background) and show the plan."""
        self.plan, self.report = None, None
        self.folder_label.setText(str(folder))
        self._busy(self.tr("Reading {folder}…").format(folder=folder.name))

        def op(_context: JobContext) -> PhotoMatchPlan:
            return match_photo_folder(self._store, folder)

        self._job = jobs.run_in_background(
            self, op, success=self._show_plan, failure=self._failed, label=self.tr("Photos")
        )

    def _show_plan(self, plan: PhotoMatchPlan) -> None:
        self._idle()
        self.plan = plan
        self._say(describe_plan(plan))
        self._show_sections(plan_sections(plan, replace_existing=self.replace_box.isChecked()))
        self._update_buttons()
        self.plan_ready.emit(plan)

    def _replace_toggled(self) -> None:
        if self.plan is not None:
            tab = self.tabs.currentIndex()
            self._show_sections(plan_sections(self.plan, replace_existing=self.replace_box.isChecked()))
            self.tabs.setCurrentIndex(tab)

    # -- the import ------------------------------------------------------------------------------

    def start_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.matched:
            return
        replace = self.replace_box.isChecked()
        self._busy(self.tr("Reading photos…"))

        def op(context: JobContext) -> PhotoImportReport:
            return import_photos(
                self._store,
                plan,
                self.user,
                replace_existing=replace,
                progress=context.report_progress,
                stop=context.cancelled,
            )

        job = jobs.run_in_background(
            self, op, success=self._show_report, failure=self._failed, label=self.tr("Import photos")
        )
        job.progressed.connect(self._progressed)
        self._job = job
        self._update_buttons()

    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_label.setText(self.tr("Reading photo {done} of {total}…").format(done=done, total=total))

    def stop(self) -> None:
        """Stop reading photos: those read so far are stored, the report says which were not."""
        if self._job is not None:
            self._job.cancel()
            self.progress_label.setText(self.tr("Stopping…"))

    def _show_report(self, report: PhotoImportReport) -> None:
        self._idle()
        self.plan, self.report = None, report
        self._say(describe_report(report))
        sections = report_sections(report)
        self._show_sections(sections)
        first_problem = next((index for index in (1, 3) if sections[index].rows), 0)  # refused, then not matched
        self.tabs.setCurrentIndex(first_problem)
        self._update_buttons()
        self.import_finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        """A folder that cannot be read (or a database that refuses) is said in place; a bug gets the error dialog."""
        self._idle()
        title, text, details = messages.describe(error)
        if details:
            messages.show_error(self, title, text, details=details)
        self._say(text, error=True)
        self._update_buttons()

    # -- showing ---------------------------------------------------------------------------------

    def _show_sections(self, sections: Sequence[Section]) -> None:
        self.tabs.clear()
        for section in sections:
            self.tabs.addTab(_table(section), f"{section.title} ({len(section.rows)})")
        self.tabs.setVisible(bool(sections))

    def section_rows(self, title: str) -> list[tuple[str, ...]]:
        """The rows of the tab whose title starts with `title` (for tests and screen readers alike)."""
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).startswith(f"{title} ("):
                table = self.tabs.widget(index)
                assert isinstance(table, QTableWidget)
                return [
                    tuple(table.item(row, column).text() for column in range(table.columnCount()))
                    for row in range(table.rowCount())
                ]
        raise KeyError(title)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(ERROR_STYLE if error else "")

    def _busy(self, text: str) -> None:
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self._update_buttons(busy=True)

    def _idle(self) -> None:
        self._job = None
        self.progress_label.clear()
        self.progress_bar.hide()

    def _update_buttons(self, *, busy: bool | None = None) -> None:
        running = busy if busy is not None else self._job is not None and not self._job.is_finished()
        self.import_button.setEnabled(not running and self.plan is not None and bool(self.plan.matched))
        self.folder_button.setEnabled(not running)
        self.replace_box.setEnabled(not running and self.plan is not None)
        self.stop_button.setVisible(running and self.plan is not None)
        self.close_button.setEnabled(not running)

    def reject(self) -> None:
        """Closing while photos are read stops the reading (Escape too); nothing is written before it ends."""
        if self._job is not None and not self._job.is_finished():
            self.stop()
            return
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, store: EventStore, *, user: str | None = None) -> PhotoImportReport | None:
        """Ask for a folder, show what it holds, import on request; the report of the import, or None if none ran."""
        dialog = cls(store, parent, user=user)
        try:
            if not dialog.choose_folder():
                return None
            dialog.exec()
            return dialog.report
        finally:
            dialog.deleteLater()


def _table(section: Section) -> QTableWidget:
    table = QTableWidget(len(section.rows), len(section.headers))
    table.setHorizontalHeaderLabels(list(section.headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    for row, values in enumerate(section.rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    table.resizeColumnsToContents()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
