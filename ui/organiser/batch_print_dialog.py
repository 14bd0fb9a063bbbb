"""Batch badge printing: who gets a badge, in which order and layout, a look at the first page, then print or save.

The organiser arrives from the guest page with the guests selected there (or all its filters show).  The dialog
counts them with the core's dry run (`select_for_print`: who gets a badge, who is skipped and why), shows the
first sheet as it will print (`render_preview`), and runs `print_badges` in the background with a progress bar
and Cancel.  Only what was produced is recorded as printed: a saved PDF once it is complete, a printer's batch
once the print system accepted the job — never a cancelled run or a refused job.  The recording happens inside
the background op, so it is not lost if the dialog closes while the job runs.
"""

import contextlib
import math
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accreditor.acting_user import default_user
from accreditor.badges.batch import BatchReport
from accreditor.badges.layout import Layout, list_layouts, load_layout
from accreditor.badges.printing import ORDERS, PrintRequest, Selection
from accreditor.print_sinks import PdfFileSink, PrintSink
from accreditor.services.issuing import IssuingService
from accreditor.store import EventStore
from accreditor.vocabulary import Phrase
from ui import i18n, jobs, messages
from ui import printing as ui_printing
from ui.desk.guest_card import MUTED
from ui.jobs import Job, JobContext
from ui.pdf_preview import iter_page_images
from ui.printing import StationSink
from ui.settings import StationSettings, system_default
from ui.unlock_dialog import ensure_unlocked

ORDER_LABELS = {
    "id": QT_TRANSLATE_NOOP("BatchPrintDialog", "Registration number"),
    "name": QT_TRANSLATE_NOOP("BatchPrintDialog", "Name (Latin, family name first)"),
    "delegation": QT_TRANSLATE_NOOP("BatchPrintDialog", "Delegation, then name"),
    "country": QT_TRANSLATE_NOOP("BatchPrintDialog", "Country, then name"),
    "category": QT_TRANSLATE_NOOP("BatchPrintDialog", "Category, then name"),
}

PDF_FILTER = QT_TRANSLATE_NOOP("FileFilters", "PDF documents (*.pdf)")
LAST_FOLDER_KEY = "batch_print/last_folder"
PREVIEW_BOX = QSize(380, 440)  # screen pixels the first page is fitted into
PREVIEW_DPI = 150
REASON_SUGGESTION = QT_TRANSLATE_NOOP("BatchPrintDialog", "Why? e.g. lost, damaged, details changed")
SUMMARY_HEIGHT = 150
DONE_TINT, FAILED_TINT, CANCELLED_TINT = "#E8F5E9", "#FFEBEE", "#ECEFF1"  # light fills, dark text on all


def ask_pdf_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Where to save the badges, or None when the organiser cancels (tests monkeypatch this)."""
    folder = str(QSettings().value(LAST_FOLDER_KEY, "")) or str(Path.home())
    path, _selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("batch_print_dialog", "Save the badges as PDF"),
        str(Path(folder) / suggested_name),
        QCoreApplication.translate("FileFilters", PDF_FILTER),
    )
    if not path:
        return None
    QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")


# "1 badge" and "{count} badges" for each thing counted, in the app's language.
_COUNTED = {
    "badge": (
        QT_TRANSLATE_NOOP("BatchPrintDialog", "1 badge"),
        QT_TRANSLATE_NOOP("BatchPrintDialog", "{count} badges"),
    ),
    "page": (
        QT_TRANSLATE_NOOP("BatchPrintDialog", "1 page"),
        QT_TRANSLATE_NOOP("BatchPrintDialog", "{count} pages"),
    ),
    "guest": (
        QT_TRANSLATE_NOOP("BatchPrintDialog", "1 guest"),
        QT_TRANSLATE_NOOP("BatchPrintDialog", "{count} guests"),
    ),
    "sheet": (
        QT_TRANSLATE_NOOP("BatchPrintDialog", "1 sheet"),
        QT_TRANSLATE_NOOP("BatchPrintDialog", "{count} sheets"),
    ),
}


def counted(count: int, thing: str) -> str:
    one, many = _COUNTED[thing]
    return QCoreApplication.translate("BatchPrintDialog", one if count == 1 else many).format(
        count=i18n.number_text(count)
    )


# -- the work, off the UI thread ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a batch goes: a PDF file, or else a print queue ("" = the system's default printer)."""

    printer: str = ""
    pdf: Path | None = None

    def describe(self) -> str:
        if self.pdf is not None:
            return self.pdf.name
        return self.printer or QCoreApplication.translate("BatchPrintDialog", "the default printer")


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """How a batch ended, for the summary; `report.marked_printed` is what was recorded."""

    report: BatchReport
    destination: Destination
    delivered: bool  # the PDF is saved, or the print system accepted it
    message: str = ""  # the print system's own sentence
    record_error: str = ""  # produced, but recording failed (another desk printed some meanwhile)
    phrase: Phrase | None = None  # `message` for the app to say in its language


def run_batch(
    store: EventStore,
    request: PrintRequest,
    destination: Destination,
    *,
    layout: str,
    actor: str,
    station: str,
    context: JobContext,
) -> BatchOutcome:
    """Render the batch, deliver it, and record exactly what was delivered: the core's issuing service, run off
    the UI thread.  A cancel during rendering raises `BatchCancelled` before anything is delivered or recorded."""
    sink: PrintSink = PdfFileSink(destination.pdf) if destination.pdf is not None else StationSink(destination.printer)
    issued = IssuingService(store, user=actor, station=station).issue_batch(
        request, sink, layout=layout, progress=context.report_progress, cancelled=context.cancelled
    )
    report, outcome = issued.report, issued.outcome
    if outcome is None:
        return BatchOutcome(report, destination, delivered=False)
    message, said = (outcome.message, outcome.phrase) if destination.pdf is None else ("", None)
    return BatchOutcome(report, destination, outcome.accepted, message, issued.record_error, said)


def first_page_image(store: EventStore, request: PrintRequest, layout: str) -> QImage | None:
    """The run's first page as it will print (None when nobody gets a badge); nothing is recorded."""
    with tempfile.TemporaryDirectory(prefix="accreditor-preview-") as folder:
        pdf = Path(folder) / "preview.pdf"
        if not IssuingService(store, user="").preview(request, layout=layout, out=pdf):
            return None
        with contextlib.closing(iter_page_images(pdf, PREVIEW_DPI)) as pages:
            return next(pages, None)


# -- what the organiser reads ---------------------------------------------------------------------------


def summary_text(outcome: BatchOutcome) -> str:
    """What happened, in the organiser's words: printed or saved N on P pages, skipped M and why, warnings."""
    report, destination = outcome.report, outcome.destination
    made = QCoreApplication.translate("BatchPrintDialog", "{badges} on {pages}").format(
        badges=counted(report.badges, "badge"), pages=counted(report.pages, "page")
    )
    message = i18n.say(outcome.phrase) if outcome.phrase is not None else outcome.message
    if not report.printed:
        lines = [QCoreApplication.translate("BatchPrintDialog", "No badge to print: every guest was skipped.")]
    elif not outcome.delivered:
        lines = [
            QCoreApplication.translate(
                "BatchPrintDialog", "Nothing was printed: {why} No badge was marked printed."
            ).format(why=message)
        ]
    elif destination.pdf is not None:
        lines = [
            QCoreApplication.translate("BatchPrintDialog", "Saved {made} to {path}.").format(
                made=made, path=destination.pdf
            )
        ]
    else:
        printed = QCoreApplication.translate("BatchPrintDialog", "Printed {made} on {printer}.").format(
            made=made, printer=destination.describe()
        )
        lines = [f"{printed} {message}".strip()]
    if outcome.record_error:
        lines.append(
            QCoreApplication.translate("BatchPrintDialog", "They are not marked printed: {why}").format(
                why=outcome.record_error
            )
        )
    elif report.marked_printed:
        lines.append(
            QCoreApplication.translate("BatchPrintDialog", "{badges} marked printed.").format(
                badges=counted(report.marked_printed, "badge")
            )
        )
    if report.skipped:
        skipped = [f"{entry['name']} — {entry['reason']}" for entry in report.skipped]
        heading = QCoreApplication.translate("BatchPrintDialog", "Skipped {count}:").format(
            count=i18n.number_text(len(report.skipped))
        )
        lines.extend([heading, *(f"• {line}" for line in skipped)])
    if report.warnings:
        lines.extend(
            [
                QCoreApplication.translate("BatchPrintDialog", "Warnings:"),
                *(f"• {warning}" for warning in report.warnings),
            ]
        )
    return "\n".join(lines)


def selection_text(selection: Selection, layout: Layout) -> str:
    """The dry run in a sentence: how many get a badge, on how many sheets, how many are skipped."""
    printable, skipped = len(selection.printable), len(selection.skipped)
    if not printable:
        if not skipped:
            return QCoreApplication.translate("BatchPrintDialog", "There is nobody to print.")
        return QCoreApplication.translate("BatchPrintDialog", "None of these {guests} gets a badge:").format(
            guests=counted(skipped, "guest")
        )
    sheets = math.ceil(printable / layout.badges_per_sheet)
    badges, sheets_text = counted(printable, "badge"), counted(sheets, "sheet")
    if skipped:
        return QCoreApplication.translate(
            "BatchPrintDialog", "{badges} to print on {sheets}; {guests} skipped:"
        ).format(badges=badges, sheets=sheets_text, guests=counted(skipped, "guest"))
    return QCoreApplication.translate("BatchPrintDialog", "{badges} to print on {sheets}.").format(
        badges=badges, sheets=sheets_text
    )


# -- the dialog ------------------------------------------------------------------------------------------


class BatchPrintDialog(QDialog):
    """Options, the dry run's count and skips, a preview of the first page, and the run with progress and Cancel.

    `report` is the last batch that produced something (printed or saved), for the page to refresh after.
    """

    def __init__(
        self,
        store: EventStore,
        guest_ids: list[int] | None,
        station: StationSettings,
        parent: QWidget | None = None,
        *,
        user: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print badges"))
        self._store = store
        self._guest_ids = None if guest_ids is None else list(dict.fromkeys(guest_ids))
        self._station = station
        self.user = user or default_user()
        self.report: BatchReport | None = None
        self.outcome: BatchOutcome | None = None
        self._job: Job[BatchOutcome] | None = None
        self._destination = Destination()  # of the batch running, for its progress messages
        self._preview_generation = 0  # raised whenever the options change: a preview of older ones is dropped

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.skipped_list = QTreeWidget()
        self.skipped_list.setHeaderLabels([self.tr("Guest"), self.tr("Why no badge")])
        self.skipped_list.setRootIsDecorated(False)
        self.skipped_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.skipped_list.setMinimumHeight(90)
        self.skipped_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a list to read, not to act on
        self.skipped_list.setColumnWidth(0, 200)

        self.layout_choice = QComboBox()
        for name in list_layouts():
            self.layout_choice.addItem(name, name)
        self.layout_choice.setCurrentIndex(max(self.layout_choice.findData(station.layout), 0))
        self.layout_description = QLabel()
        self.layout_description.setWordWrap(True)
        self.layout_description.setStyleSheet(f"color: {MUTED};")
        self.order_choice = QComboBox()
        for order in ORDERS:
            self.order_choice.addItem(self.tr(ORDER_LABELS[order]), order)

        self.only_unprinted = QRadioButton(self.tr("Only guests whose badge is not printed yet"))
        self.reprint = QRadioButton(self.tr("Also reprint badges already printed (the old ones stop working)"))
        self.only_unprinted.setChecked(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr(REASON_SUGGESTION))
        self.reason_edit.setEnabled(False)
        self._badges_group = QButtonGroup(self)
        for button in (self.only_unprinted, self.reprint):
            self._badges_group.addButton(button)

        self.to_printer = QRadioButton(self.tr("Printer"))
        self.to_pdf = QRadioButton(self.tr("Save as PDF…"))
        self.to_printer.setChecked(True)
        self._destination_group = QButtonGroup(self)
        for button in (self.to_printer, self.to_pdf):
            self._destination_group.addButton(button)
        self.printer_choice = QComboBox()
        self.printer_choice.addItem(system_default(), "")
        for name in ui_printing.available_printers():
            self.printer_choice.addItem(name, name)
        if station.printer and self.printer_choice.findData(station.printer) < 0:
            self.printer_choice.addItem(
                self.tr("{printer} (not found)").format(printer=station.printer), station.printer
            )
        self.printer_choice.setCurrentIndex(max(self.printer_choice.findData(station.printer), 0))

        self.preview = QLabel(self.tr("Preview the first page to see the badges as they will print."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setFixedSize(PREVIEW_BOX)
        self.preview.setStyleSheet(f"background: #ECEFF1; color: {MUTED}; padding: 12px;")
        self.preview_button = QPushButton(self.tr("Preview first page"))

        self.progress = QProgressBar()
        self.progress.setFormat("%v of %m badges")
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.summary = QPlainTextEdit()  # every skipped guest of a big run: it scrolls, and can be copied
        self.summary.setReadOnly(True)
        self.summary.setFixedHeight(SUMMARY_HEIGHT)
        self.summary.hide()

        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(self.tr("Print"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setDefault(True)
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setEnabled(False)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)

        reprint_row = QVBoxLayout()
        reprint_row.setSpacing(4)
        reprint_row.addWidget(self.only_unprinted)
        reprint_row.addWidget(self.reprint)
        reprint_row.addWidget(self.reason_edit)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.to_printer)
        destination_row.addWidget(self.printer_choice, 1)
        destination_row.addSpacing(12)
        destination_row.addWidget(self.to_pdf)
        layout_column = QVBoxLayout()
        layout_column.setSpacing(2)
        layout_column.addWidget(self.layout_choice)
        layout_column.addWidget(self.layout_description)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Layout"), layout_column)
        form.addRow(self.tr("Order"), self.order_choice)
        form.addRow(self.tr("Badges"), reprint_row)
        form.addRow(self.tr("Send to"), destination_row)

        options = QVBoxLayout()
        options.addWidget(self.heading)
        options.addWidget(self.count_label)
        options.addWidget(self.skipped_list, 1)
        options.addSpacing(6)
        options.addLayout(form)
        options.addStretch(0)  # takes the room the skipped list leaves when nobody is skipped
        options.addWidget(self.progress)
        options.addWidget(self.status)
        options.addWidget(self.summary)
        preview_column = QVBoxLayout()
        preview_column.addWidget(self.preview)
        preview_column.addWidget(self.preview_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        preview_column.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(options, 1)
        columns.addSpacing(12)
        columns.addLayout(preview_column)
        root = QVBoxLayout(self)
        root.addLayout(columns, 1)
        root.addSpacing(6)
        root.addWidget(buttons)
        self.setMinimumSize(940, 620)

        self.layout_choice.currentIndexChanged.connect(self._layout_changed)
        self.order_choice.currentIndexChanged.connect(self._clear_preview)
        self.only_unprinted.toggled.connect(self._mode_changed)
        self.reason_edit.textChanged.connect(self._update_buttons)
        self.to_pdf.toggled.connect(self._update_buttons)
        self.preview_button.clicked.connect(self.show_preview)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self._selection = Selection()
        self._counting = False  # a dry run is under way
        self._counted = False  # `_selection` is the dry run of the current options
        self._plan_generation = 0  # raised with every dry run: the answer of an older one is dropped
        self._layout_changed()

    # -- what the organiser asked for ---------------------------------------------------------------------

    def request(self) -> PrintRequest:
        """The run as the options say now; what it prints and skips is the core's decision."""
        reprint = self.reprint.isChecked()
        return PrintRequest(
            guest_ids=tuple(self._guest_ids or ()),
            only_unprinted=not reprint,
            mark_printed=True,
            reprint=reprint,
            reason=" ".join(self.reason_edit.text().split()) if reprint else "",
            order=self.order_choice.currentData(),
        )

    def layout_name(self) -> str:
        return self.layout_choice.currentData()

    def destination_printer(self) -> str:
        return self.printer_choice.currentData()

    def _nobody(self) -> bool:
        """Guests were handed over and there are none (an empty id list would otherwise mean everyone)."""
        return self._guest_ids is not None and not self._guest_ids

    def _planning_request(self) -> PrintRequest:
        """The request to count and preview with: who is printed does not depend on a reprint's reason, which
        the core insists on only when a run starts."""
        request = self.request()
        return replace(request, reason=request.reason or "(reason to be given)") if request.reprint else request

    def is_counting(self) -> bool:
        """The dry run of the current options is still running in the background."""
        return self._counting

    # -- keeping the view current -----------------------------------------------------------------------

    def _layout_changed(self) -> None:
        """Who gets a badge does not depend on the layout; only the sheets do."""
        self.layout_description.setText(load_layout(self.layout_name()).description)
        if self._counted:
            self._show_selection(self._selection)
        else:
            self._mode_changed()

    def _mode_changed(self) -> None:
        """A new dry run, in the background: which badges are printed depends on reprinting."""
        self._plan_generation += 1
        self._counted = False
        generation, request, store, user = self._plan_generation, self._planning_request(), self._store, self.user
        if self._nobody():
            self._planned(Selection(), generation)
            return
        self._counting = True
        self.count_label.setText(self.tr("Counting the badges…"))
        self._update_buttons()
        jobs.run_in_background(
            self,
            lambda _context: IssuingService(store, user=user).plan(request),
            success=lambda selection: self._planned(selection, generation),
            failure=lambda error: self._plan_failed(error, generation),
            label=self.tr("Counting the badges"),
        )

    def _planned(self, selection: Selection, generation: int) -> None:
        if generation != self._plan_generation:
            return  # the options changed while it counted
        self._counting = False
        self._counted = True
        self._show_selection(selection)

    def _plan_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._plan_generation:
            return
        self._counting = False
        self._selection = Selection()
        self.count_label.setText(self.tr("The badges cannot be counted: {why}").format(why=messages.describe(error)[1]))
        self._update_buttons()

    def _show_selection(self, selection: Selection) -> None:
        self._selection = selection
        considered = len(selection.printable) + len(selection.skipped)
        self.heading.setText(
            (
                self.tr("Badges for all {guests} of the event")
                if self._guest_ids is None
                else self.tr("Badges for {guests}")
            ).format(guests=counted(considered, "guest"))
        )
        self.count_label.setText(selection_text(selection, load_layout(self.layout_name())))
        self._show_skipped(selection.skipped)
        self._clear_preview()

    def _show_skipped(self, skipped: Sequence[dict[str, object]]) -> None:
        self.skipped_list.clear()
        for entry in skipped:
            item = QTreeWidgetItem([str(entry["name"]), str(entry["reason"])])
            item.setToolTip(1, str(entry["reason"]))
            self.skipped_list.addTopLevelItem(item)
        self.skipped_list.setVisible(bool(skipped))

    def _clear_preview(self) -> None:
        self._preview_generation += 1
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Preview the first page to see the badges as they will print."))
        self._update_buttons()

    def is_running(self) -> bool:
        """A batch is rendering or being sent."""
        return self._job is not None and not self._job.is_finished()

    def _update_buttons(self) -> None:
        running = self.is_running()
        has_badges = bool(self._selection.printable) and not self._counting
        needs_reason = self.reprint.isChecked() and not self.request().reason
        self.start_button.setText(self.tr("Save PDF…") if self.to_pdf.isChecked() else self.tr("Print"))
        self.start_button.setEnabled(not running and has_badges and not needs_reason)
        self.start_button.setToolTip(self.tr("Give the reason for the reprint first.") if needs_reason else "")
        self.preview_button.setEnabled(not running and has_badges)
        self.cancel_button.setEnabled(running)
        for widget in (
            self.layout_choice,
            self.order_choice,
            self.only_unprinted,
            self.reprint,
            self.to_printer,
            self.to_pdf,
            self.printer_choice,
        ):
            widget.setEnabled(not running)
        self.reason_edit.setEnabled(not running and self.reprint.isChecked())

    # -- the preview ---------------------------------------------------------------------------------------

    def show_preview(self) -> None:
        """Render the first sheet in the background and show its first page fitted into the preview box."""
        store, request, layout = self._store, self._planning_request(), self.layout_name()
        if not ensure_unlocked(self, store):
            self.preview.setText(self.tr("No preview: the badge signing key is still locked."))
            return
        generation = self._preview_generation
        self.preview.setText(self.tr("Rendering the first page…"))
        self.preview_button.setEnabled(False)
        jobs.run_in_background(
            self,
            lambda _context: first_page_image(store, request, layout),
            success=lambda image: self._show_page(image, generation),
            failure=lambda error: self._preview_failed(error, generation),
            label=self.tr("Badge preview"),
        )

    def _show_page(self, image: QImage | None, generation: int) -> None:
        if generation != self._preview_generation:
            return  # the options changed while it rendered
        self._update_buttons()
        if image is None:
            self.preview.setText(self.tr("There is no badge to preview."))
            return
        pixmap = QPixmap.fromImage(image).scaled(
            self.preview.size() - QSize(16, 16),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)

    def _preview_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._preview_generation:
            return
        self._update_buttons()
        self.preview.setText(self.tr("No preview: {why}").format(why=messages.describe(error)[1]))

    # -- the run -------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Ask where a PDF goes (if it does), then run the batch in the background."""
        if self.is_running() or not self.start_button.isEnabled():
            return
        if not ensure_unlocked(self, self._store):
            return
        request = self.request()
        if self.to_pdf.isChecked():
            path = ask_pdf_path(self, f"badges-{request.order}-{self.layout_name()}.pdf")
            if path is None:
                return
            destination = Destination(pdf=path)
        else:
            destination = Destination(printer=self.destination_printer())
        store, layout, actor, station = self._store, self.layout_name(), self.user, self._station.station_name
        self.outcome = None
        self._destination = destination
        self.summary.hide()
        self.progress.setRange(0, len(self._selection.printable))
        self.progress.setValue(0)
        self.progress.show()
        self._set_status(self.tr("Rendering {badges}…").format(badges=counted(len(self._selection.printable), "badge")))

        job = jobs.run_in_background(
            self,
            lambda context: run_batch(
                store, request, destination, layout=layout, actor=actor, station=station, context=context
            ),
            success=self._finished,
            failure=self._failed,
            label=self.tr("Batch printing"),
        )
        self._job = job
        if job.is_finished():  # a synchronous job (tests) is over before anyone could connect
            self._job_ended()
            return
        job.progressed.connect(self._progressed)
        job.finished.connect(self._job_ended)
        self._update_buttons()

    def cancel(self) -> None:
        """Stop at the next sheet boundary; the job then ends without printing or recording anything."""
        if self.is_running() and self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self._set_status(self.tr("Cancelling…"))

    def reject(self) -> None:
        """Escape or Close while a batch runs cancels it first; the dialog closes once it has stopped."""
        if self.is_running():
            self.cancel()
            return
        super().reject()

    def _progressed(self, done: int, total: int) -> None:
        destination = self._destination
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self._job is not None and self._job.context.cancelled():
            return
        if done < total:
            self._set_status(
                self.tr("Rendered {done} of {badges}…").format(
                    done=i18n.number_text(done), badges=counted(total, "badge")
                )
            )
        elif destination.pdf is None:
            self._set_status(
                self.tr("Sending {badges} to {printer}…").format(
                    badges=counted(total, "badge"), printer=destination.describe()
                )
            )
        else:
            self._set_status(self.tr("Writing {name}…").format(name=destination.pdf.name))

    def _finished(self, outcome: BatchOutcome) -> None:
        self.outcome = outcome
        if outcome.delivered:
            self.report = outcome.report
        failed = bool(outcome.report.printed) and (not outcome.delivered or bool(outcome.record_error))
        self._show_summary(summary_text(outcome), FAILED_TINT if failed else DONE_TINT)

    def _failed(self, error: BaseException) -> None:
        _title, text, details = messages.describe(error)
        self._show_summary(
            self.tr("The batch stopped: {why}\nNo badge was marked printed.").format(why=text), FAILED_TINT
        )
        if details:  # a bug, not a refusal: the app's one error dialog, with the traceback to send
            messages.show_error(self, self.tr("Batch printing failed"), text, details=details)

    def _job_ended(self) -> None:
        """After success, failure or a cancel (which reports neither): leave the view ready for another run."""
        self.progress.hide()
        if self.outcome is None and not self.summary.isVisibleTo(self):
            self._show_summary("Cancelled: no badge was printed or marked printed.", CANCELLED_TINT)
        self._set_status("")
        if self.outcome is not None and self.outcome.report.marked_printed:
            self._mode_changed()  # what was just printed is now skipped: count again
        else:
            self._update_buttons()  # nothing was recorded: the count still holds

    def _show_summary(self, text: str, tint: str) -> None:
        """The summary on a background that says at a glance how the batch went."""
        self.summary.setStyleSheet(f"QPlainTextEdit {{ background: {tint}; color: #212121; }}")
        self.summary.setPlainText(text)
        self.summary.show()

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        store: EventStore,
        guest_ids: list[int] | None,
        station: StationSettings,
        *,
        user: str | None = None,
    ) -> BatchReport | None:
        """Open the dialog; the last batch that printed or saved something, or None.  Tests monkeypatch this."""
        dialog = cls(store, guest_ids, station, parent, user=user)
        try:
            dialog.exec()
            return dialog.report
        finally:
            dialog.deleteLater()
