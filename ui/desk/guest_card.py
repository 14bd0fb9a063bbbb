"""The guest card: who stands at the desk, readable from a metre away, and whether they may pass.

It shows what `DeskController` read and worded (`GuestDetails`, `Standing`); it decides nothing.
Colour is never the only signal: every status is also written out in words.
"""

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from accreditor import vocabulary
from ui import i18n
from ui.desk.desk_controller import (
    GuestDetails,
    Tone,
    badge_text,
    check_in_text,
    standing_explanation,
    standing_label,
)

# Status colours of the desk, the vocabulary's (the gate shows the same); text on them is white.
TONE_COLOURS = vocabulary.TONE_COLOURS
MUTED = "#5F6B73"
INK = "#212121"  # advice is read, not glanced at: dark text, whatever the tone
PHOTO_SIZE = (180, 240)  # passport proportions, 3:4
_NO_CATEGORY_COLOUR = "#808080"


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (a yellow band needs black text)."""
    colour = QColor(background)
    luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()
    return "#000000" if luminance > 0.55 else "#FFFFFF"


def sized_label(point_size: int, *, bold: bool = False, wrap: bool = True, selectable: bool = True) -> QLabel:
    """A label in large type; selectable at the desk (to copy a name), not on a gate's kiosk screen."""
    label = QLabel()
    font = QFont(label.font())
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_photo(label: QLabel, photo: bytes | None) -> None:
    """A guest's photo fitted into `label`, or a grey "No photo" / "Photo unreadable" box."""
    pixmap = QPixmap()
    if photo and pixmap.loadFromData(photo):
        label.setPixmap(
            pixmap.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
        label.setStyleSheet("")
        return
    label.setPixmap(QPixmap())
    label.setText(
        QCoreApplication.translate("GuestCard", "No photo")
        if not photo
        else QCoreApplication.translate("GuestCard", "Photo unreadable")
    )
    label.setStyleSheet(f"background: #ECEFF1; color: {MUTED}; border: 1px solid #CFD8DC;")


def _paint(label: QLabel, background: str, *, padding: str = "6px 12px") -> None:
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: {text_colour_on(background)}; padding: {padding};"
        " border-radius: 4px; }"
    )


class GuestCard(QFrame):
    """One guest's card; `show_guest(details)` fills it, `clear()` returns to the prompt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("guest_card")
        self.details: GuestDetails | None = None

        self.placeholder = sized_label(16)
        self.placeholder.setText(self.tr("Type a name, or scan a badge or confirmation code"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(f"color: {MUTED};")

        self.band = sized_label(15, bold=True, wrap=False)
        self.photo = QLabel()
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = sized_label(26, bold=True)
        self.latin_label = sized_label(18)
        self.position_label = sized_label(14)
        self.organisation_label = sized_label(15, bold=True)
        self.country_label = sized_label(14)
        self.zones_label = sized_label(14)
        self.zones_label.setTextFormat(Qt.TextFormat.RichText)
        self.notes_label = sized_label(12)
        self.notes_label.setStyleSheet(f"color: {MUTED}; font-style: italic;")
        self.status_label = sized_label(24, bold=True, wrap=False)  # one or two words, never wrapped
        self.advice_label = sized_label(15, bold=True)
        self.checkin_label = sized_label(16, bold=True)
        self.badge_label = sized_label(14)

        identity = QVBoxLayout()
        identity.setSpacing(4)
        for label in (
            self.name_label,
            self.latin_label,
            self.position_label,
            self.organisation_label,
            self.country_label,
            self.zones_label,
            self.notes_label,
        ):
            identity.addWidget(label)
        identity.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.photo, alignment=Qt.AlignmentFlag.AlignTop)
        body.addLayout(identity, stretch=1)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(8)
        content.addWidget(self.band)
        content.addLayout(body)
        content.addSpacing(8)
        content.addWidget(self.status_label)
        content.addWidget(self.advice_label)
        content.addWidget(self.checkin_label)
        content.addWidget(self.badge_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.placeholder, stretch=1)
        layout.addWidget(self.content, stretch=1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.clear()

    @property
    def guest_id(self) -> int | None:
        return self.details.guest.id if self.details else None

    def clear(self) -> None:
        self.details = None
        self.content.hide()
        self.placeholder.show()

    def show_guest(self, details: GuestDetails) -> None:
        self.details = details
        guest, fields = details.guest, details.guest.fields
        category = details.category
        colour = category.colour if category else _NO_CATEGORY_COLOUR
        self.band.setText(category.name if category else fields.category or self.tr("No category"))
        _paint(self.band, colour)

        show_photo(self.photo, details.photo)
        self.name_label.setText(guest.full_name)
        latin = guest.name_latin
        self._set_optional(self.latin_label, latin if latin and latin != guest.full_name else "")
        self._set_optional(self.position_label, " · ".join(part for part in (fields.title, fields.position) if part))
        self._set_optional(self.organisation_label, fields.organisation)
        delegation = fields.delegation if fields.delegation != fields.organisation else ""
        where = (
            i18n.country_text(fields.country),
            self.tr("Delegation: {delegation}").format(delegation=delegation) if delegation else "",
        )
        self._set_optional(self.country_label, " · ".join(part for part in where if part))
        self._show_zones(guest.zones, details.zone_names)
        self._set_optional(self.notes_label, fields.notes)

        standing = details.standing
        self.status_label.setText(standing_label(standing).upper())
        _paint(self.status_label, TONE_COLOURS[standing.tone], padding="8px 14px")
        explanation = standing_explanation(standing)
        self._set_optional(self.advice_label, explanation[:1].upper() + explanation[1:])
        self.advice_label.setStyleSheet(f"color: {INK};")

        if guest.checked_in_at is not None:
            when = check_in_text(guest.checked_in_at, guest.checked_in_station, guest.checked_in_by)
            self.checkin_label.setText(self.tr("✔ Checked in {when}").format(when=when))
            self.checkin_label.setStyleSheet(f"color: {TONE_COLOURS[Tone.OK]};")
        elif details.queued is not None:  # checked in here while the server was away; not sent yet
            when = check_in_text(details.queued.queued_at, details.queued.station, details.queued.user)
            self.checkin_label.setText(
                self.tr("✔ Checked in {when} — waiting to be sent to the event server").format(when=when)
            )
            self.checkin_label.setStyleSheet(f"color: {TONE_COLOURS[Tone.WARNING]};")
        else:
            self.checkin_label.setText(self.tr("Not checked in yet"))
            self.checkin_label.setStyleSheet(f"color: {MUTED};")
        self.badge_label.setText(self.tr("Badge: {badge}").format(badge=badge_text(guest)))

        self.placeholder.hide()
        self.content.show()

    def _show_zones(self, zones: tuple[str, ...], names: Mapping[str, str]) -> None:
        if not zones:
            self._set_optional(self.zones_label, self.tr("No zones"))
            return
        chips = "&nbsp; ".join(
            f'<span style="background:#263238; color:#FFFFFF;">&nbsp;{escape(zone)}&nbsp;</span>' for zone in zones
        )
        self._set_optional(self.zones_label, chips)
        self.zones_label.setToolTip("\n".join(f"{zone}: {names.get(zone, zone)}" for zone in zones))

    @staticmethod
    def _set_optional(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
