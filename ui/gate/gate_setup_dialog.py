"""Setting a gate up before the doors open: its zone, its direction, its name in the log, anti-passback.

For an offline gate also the gate package and what makes it trustworthy: the event's public-key file or
the signing key's fingerprint, learnt from the organiser apart from the package (docs/gate-package.md).
The dialog verifies the package with that anchor as soon as both are given, so a package re-signed by
someone else, or the wrong key file, is refused here in the core's own words, and the zones offered are
those of the verified package.  A gate laptop is set up again after every restart, so the dialog
remembers its last answers (QSettings, group "gate").
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accreditor.errors import AccreditorError
from accreditor.gate.package import GatePackage, TrustAnchor, load_package, read_package_file
from accreditor.gate.verdicts import DIRECTIONS, GateContext
from ui.desk.desk_controller import Tone
from ui.desk.guest_card import TONE_COLOURS
from ui.gate.gate_view import DEFAULT_VERDICT_SECONDS

SETTINGS_GROUP = "gate"
PACKAGE_FILTER = QT_TRANSLATE_NOOP("FileFilters", "Gate packages (*.gatepkg *.pkg);;All files (*)")
KEY_FILE_FILTER = QT_TRANSLATE_NOOP("FileFilters", "Public-key files (*.pem);;All files (*)")
DIRECTION_TEXTS = {
    "in": QT_TRANSLATE_NOOP("GateSetupDialog", "Entry (in)"),
    "out": QT_TRANSLATE_NOOP("GateSetupDialog", "Exit (out)"),
    "both": QT_TRANSLATE_NOOP("GateSetupDialog", "Both ways (one door)"),
}


@dataclass(frozen=True)
class GateChoice:
    """How the operator set the gate up; for an offline gate, the package as verified with `anchor`."""

    zone: str
    direction: str
    gate_name: str
    anti_passback: bool = True
    verdict_seconds: float = DEFAULT_VERDICT_SECONDS
    package_path: Path | None = None
    anchor: TrustAnchor | None = None
    package: GatePackage | None = None

    def context(self, *, station: str = "", operator: str = "", now: datetime | None = None) -> GateContext:
        """The gate's context; `now` fixes the time of every scan (a replay, tests), None for the clock."""
        return GateContext(
            zone=self.zone,
            direction=self.direction,
            gate=self.gate_name,
            station=station,
            operator=operator,
            anti_passback=self.anti_passback,
            now=now,
        )


def ask_package_file(parent: QWidget | None, start: str) -> Path | None:
    """Let the operator pick the gate package (tests monkeypatch this); None when they cancel."""
    path, _selected = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("gate_setup_dialog", "Gate package"),
        start,
        QCoreApplication.translate("FileFilters", PACKAGE_FILTER),
    )
    return Path(path) if path else None


def ask_key_file(parent: QWidget | None, start: str) -> Path | None:
    """Let the operator pick the event's public-key file (tests monkeypatch this); None when they cancel."""
    path, _selected = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("gate_setup_dialog", "The event's public-key file"),
        start,
        QCoreApplication.translate("FileFilters", KEY_FILE_FILTER),
    )
    return Path(path) if path else None


def trust_anchor(key_file: str, fingerprint: str) -> TrustAnchor:
    """The anchor from what the operator gave: the public-key file or the fingerprint, exactly one."""
    key_file, fingerprint = key_file.strip(), fingerprint.strip()
    if key_file and fingerprint:
        raise AccreditorError(
            QCoreApplication.translate(
                "GateSetupDialog", "Give either the event's public-key file or the fingerprint, not both."
            )
        )
    if key_file:
        try:
            data = Path(key_file).read_bytes()
        except OSError as error:
            raise AccreditorError(
                QCoreApplication.translate("GateSetupDialog", "Cannot read the public-key file {file} ({why}).").format(
                    file=key_file, why=error.strerror
                )
            ) from error
        return TrustAnchor.from_public_key_file(data)
    if fingerprint:
        return TrustAnchor.from_fingerprint(fingerprint)
    raise AccreditorError(
        QCoreApplication.translate(
            "GateSetupDialog",
            "Give the event's public-key file or the signing key's fingerprint (from the organiser, not from the "
            "package): without it anyone could have made the package.",
        )
    )


class GateSetupDialog(QDialog):
    """Zone, direction, gate name, anti-passback, seconds a verdict stays; and for a package, package and anchor.

    `zones` (code → name) are the event's; with `allow_package` and no zones the gate is offline, and the
    zones come from the verified package.  With both, the operator may switch to a package.
    """

    def __init__(
        self,
        parent: QWidget | None,
        zones: Mapping[str, str],
        *,
        allow_package: bool,
        package: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up the gate"))
        self._event_zones = dict(zones)
        self._allow_package = allow_package
        self.package: GatePackage | None = None  # verified with the anchor below
        self.anchor: TrustAnchor | None = None
        self._checked_inputs: tuple[str, str, str] | None = None
        saved = QSettings()
        saved.beginGroup(SETTINGS_GROUP)

        self.package_box = QGroupBox(self.tr("Offline gate package"))
        self.package_edit = QLineEdit(str(package) if package else str(saved.value("package", "")))
        self.key_edit = QLineEdit(str(saved.value("key_file", "")))
        self.key_edit.setPlaceholderText(self.tr("event.pem, from `accreditor keys export-public`"))
        self.fingerprint_edit = QLineEdit(str(saved.value("fingerprint", "")))
        self.fingerprint_edit.setPlaceholderText(self.tr("or the fingerprint the organiser read out: 5647 5aa7 …"))
        self.package_status = QLabel()
        self.package_status.setWordWrap(True)
        self.browse_package_button = QPushButton(self.tr("Browse…"))
        self.browse_package_button.clicked.connect(self._browse_package)
        self.browse_key_button = QPushButton(self.tr("Browse…"))
        self.browse_key_button.clicked.connect(self._browse_key)
        package_row = QHBoxLayout()
        package_row.addWidget(self.package_edit, 1)
        package_row.addWidget(self.browse_package_button)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.browse_key_button)
        package_form = QFormLayout(self.package_box)
        package_form.addRow(self.tr("Package"), package_row)
        package_form.addRow(self.tr("Public-key file"), key_row)
        package_form.addRow(self.tr("Fingerprint"), self.fingerprint_edit)
        package_form.addRow(self.package_status)
        for edit in (self.package_edit, self.key_edit, self.fingerprint_edit):
            edit.editingFinished.connect(self.check_package)
        self.package_box.setVisible(allow_package)
        self.package_box.setCheckable(allow_package and bool(zones))
        self.package_box.setChecked(allow_package and not zones)
        self.package_box.toggled.connect(self._source_changed)

        self.zone_choice = QComboBox()
        self.direction_choice = QComboBox()
        for direction in DIRECTIONS:
            self.direction_choice.addItem(self.tr(DIRECTION_TEXTS[direction]), direction)
        self.direction_choice.setCurrentIndex(max(self.direction_choice.findData(saved.value("direction", "in")), 0))
        self.gate_name = QLineEdit(str(saved.value("gate_name", "")))
        self.anti_passback = QCheckBox(self.tr("Flag a second entry without an exit (anti-passback)"))
        self.anti_passback.setChecked(saved.value("anti_passback", True, type=bool))
        self.seconds = QDoubleSpinBox()
        self.seconds.setRange(1.0, 60.0)
        self.seconds.setDecimals(0)
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setValue(float(saved.value("verdict_seconds", DEFAULT_VERDICT_SECONDS, type=float)))
        self._saved_zone = str(saved.value("zone", ""))
        saved.endGroup()

        form = QFormLayout()
        form.addRow(self.tr("Zone this gate opens"), self.zone_choice)
        form.addRow(self.tr("Direction"), self.direction_choice)
        form.addRow(self.tr("Gate name (in the log)"), self.gate_name)
        form.addRow("", self.anti_passback)
        form.addRow(self.tr("Show each verdict for"), self.seconds)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {TONE_COLOURS[Tone.ERROR]};")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the gate"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.package_box)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

        self.zone_choice.currentIndexChanged.connect(self._update_defaults)
        self.direction_choice.currentIndexChanged.connect(self._update_defaults)
        self._source_changed()

    # -- the source --------------------------------------------------------------------------------

    def uses_package(self) -> bool:
        return self._allow_package and (not self.package_box.isCheckable() or self.package_box.isChecked())

    def _inputs(self) -> tuple[str, str, str]:
        return (self.package_edit.text().strip(), self.key_edit.text().strip(), self.fingerprint_edit.text().strip())

    def _source_changed(self) -> None:
        if self.uses_package():
            self.check_package()
        else:
            self._offer_zones(self._event_zones)

    def _browse_package(self) -> None:
        chosen = ask_package_file(self, self.package_edit.text() or str(Path.home()))
        if chosen is not None:
            self.package_edit.setText(str(chosen))
            self.check_package()

    def _browse_key(self) -> None:
        start = self.key_edit.text() or str(Path(self.package_edit.text() or Path.home()).parent)
        chosen = ask_key_file(self, start)
        if chosen is not None:
            self.key_edit.setText(str(chosen))
            self.fingerprint_edit.clear()
            self.check_package()

    def check_package(self) -> bool:
        """Verify the package with the anchor given; offer its zones, or say why it is refused."""
        if not self.uses_package():
            return True
        inputs = self._inputs()
        if inputs == self._checked_inputs:
            return self.package is not None
        self._checked_inputs = inputs
        self.package, self.anchor = None, None
        path, key_file, fingerprint = inputs
        if not path:
            self._package_verdict(self.tr("Choose the gate package this gate works from."), ok=False)
            self._offer_zones({})
            return False
        try:
            anchor = trust_anchor(key_file, fingerprint)
            package = load_package(read_package_file(Path(path)), anchor)
        except AccreditorError as error:
            self._package_verdict(str(error), ok=False)
            self._offer_zones({})
            return False
        self.package, self.anchor = package, anchor
        made = package.created_at.astimezone(UTC)
        self._package_verdict(
            self.tr(
                "Trusted: gate package of {event}, made {made} UTC, signed by key {key} (fingerprint {fingerprint})."
            ).format(
                event=package.event_name,
                made=f"{made:%Y-%m-%d %H:%M}",
                key=package.signed_by,
                fingerprint=package.signer_fingerprint,
            ),
            ok=True,
        )
        self._offer_zones(package.zones)
        return True

    def _package_verdict(self, text: str, *, ok: bool) -> None:
        colour = TONE_COLOURS[Tone.OK] if ok else TONE_COLOURS[Tone.ERROR]
        self.package_status.setText(text)
        self.package_status.setStyleSheet(f"color: {colour}; font-weight: bold;")

    # -- the gate ----------------------------------------------------------------------------------

    def _offer_zones(self, zones: Mapping[str, str]) -> None:
        keep = self.zone_choice.currentData() or self._saved_zone
        self.zone_choice.blockSignals(True)
        self.zone_choice.clear()
        for code, name in zones.items():
            self.zone_choice.addItem(f"{code} — {name}", code)
        self.zone_choice.setCurrentIndex(max(self.zone_choice.findData(keep), 0))
        self.zone_choice.blockSignals(False)
        self.zone_choice.setEnabled(bool(zones))
        self._update_defaults()

    def _update_defaults(self) -> None:
        """The log's default gate name follows zone and direction; anti-passback only means something at an entry."""
        zone, direction = self.zone_choice.currentData() or "", self.direction_choice.currentData()
        self.gate_name.setPlaceholderText(f"{zone}-{direction}" if zone else self.tr("e.g. North door"))
        entry = direction == "in"
        self.anti_passback.setEnabled(entry)
        self.anti_passback.setToolTip("" if entry else self.tr("Only an entry gate can flag a second entry."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(zone) or self.uses_package())

    def choice(self) -> GateChoice:
        """The gate as the dialog shows it now (the package part only if the package verified)."""
        zone, direction = self.zone_choice.currentData() or "", self.direction_choice.currentData()
        offline = self.uses_package() and self.package is not None
        return GateChoice(
            zone=zone,
            direction=direction,
            gate_name=self.gate_name.text().strip() or f"{zone}-{direction}",
            anti_passback=self.anti_passback.isChecked(),
            verdict_seconds=self.seconds.value(),
            package_path=Path(self.package_edit.text().strip()) if offline else None,
            anchor=self.anchor if offline else None,
            package=self.package if offline else None,
        )

    def accept(self) -> None:
        if not self.check_package():
            self._refuse(self.tr("The gate package is not trusted yet: see above."))
            return
        if not self.zone_choice.currentData():
            self._refuse(self.tr("Choose the zone this gate opens."))
            return
        self._remember()
        super().accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _remember(self) -> None:
        chosen = self.choice()
        saved = QSettings()
        saved.beginGroup(SETTINGS_GROUP)
        saved.setValue("zone", chosen.zone)
        saved.setValue("direction", chosen.direction)
        saved.setValue("gate_name", self.gate_name.text().strip())
        saved.setValue("anti_passback", chosen.anti_passback)
        saved.setValue("verdict_seconds", chosen.verdict_seconds)
        if self.uses_package():
            path, key_file, fingerprint = self._inputs()
            saved.setValue("package", path)
            saved.setValue("key_file", key_file)
            saved.setValue("fingerprint", fingerprint)
        saved.endGroup()
        saved.sync()

    @classmethod
    def ask(
        cls, parent: QWidget | None, zones: Mapping[str, str], *, allow_package: bool, package: Path | None = None
    ) -> GateChoice | None:
        """The gate as the operator set it up, or None if they cancelled.  Tests monkeypatch this."""
        dialog = cls(parent, zones, allow_package=allow_package, package=package)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
