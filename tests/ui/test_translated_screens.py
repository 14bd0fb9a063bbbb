"""The desk and the gate in Russian and Tajik, as the people at the venue see them.

Each test builds the real window after switching the language, checks known words on it, and grabs it.
With ACCREDITOR_SCREENSHOTS=<folder> the grabs are saved there (how docs/screenshots/*-ru/-tg.png are made).
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from accreditor.demo import create_demo_event
from accreditor.store import EventStore
from accreditor.vocabulary import GateReason
from ui import fonts, i18n, jobs
from ui.gate.gate_view import GateView
from ui.main_window import MainWindow

TAJIK_LETTERS = "ҳӯғқҷӣ"
# Each Tajik letter and the Russian one it is made from: a font without the Tajik glyph draws them alike or as tofu.
LOOKALIKES = {"ҳ": "х", "ӯ": "у", "ғ": "г", "қ": "к", "ҷ": "ч", "ӣ": "и"}
WORDS = {
    "ru": {"check_in": "Регистрация", "admit": "ПРОПУСТИТЬ", "desk_menu": "Стойка", "status": "ОДОБРЕН"},
    "tg": {"check_in": "Қайд", "admit": "ГУЗАРОНЕД", "desk_menu": "Миз", "status": "ТАСДИҚШУДА"},
}


@pytest.fixture(params=["ru", "tg"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    fonts.register_fonts()
    assert i18n.apply_language(request.param) == request.param
    yield request.param


def save(widget: QWidget, name: str) -> QImage:
    QApplication.processEvents()  # the layout settles the new words before the grab
    image = widget.grab().toImage()
    folder = os.environ.get("ACCREDITOR_SCREENSHOTS")
    if folder:
        image.save(str(Path(folder) / f"{name}.png"))
    return image


def without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


@pytest.fixture
def demo_event(tmp_path: Path) -> Iterator[EventStore]:
    """A small demo event: guests with photos, names in several scripts, some approved and not yet arrived."""
    store = create_demo_event(tmp_path / "demo.accreditor", guest_count=40)
    yield store
    store.close()


def arriving_tajik_guest(window: MainWindow) -> int:
    """An approved guest with a photo and a name in Tajik Cyrillic who has not checked in yet."""
    session = window.event_session.session
    return next(
        guest.id
        for guest in session.guests()
        if guest.status == "approved"
        and guest.checked_in_at is None
        and guest.has_photo
        and set(guest.full_name.lower()) & set(TAJIK_LETTERS)
    )


def test_the_desk_speaks_the_language(qtbot, demo_event: EventStore, inline_jobs, language: str) -> None:
    window = MainWindow(demo_event)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(window.event_session.is_indexed)
    jobs.wait_for_jobs()
    desk = window.desk_view
    guest_id = arriving_tajik_guest(window)
    desk.field.insert(window.event_session.session.guest(guest_id).fields.family_name)
    qtbot.waitUntil(lambda: not desk.search_pending())
    desk.show_guest(guest_id)
    qtbot.waitUntil(lambda: desk.card.details is not None)
    desk.check_in()
    qtbot.waitUntil(lambda: desk.card.details is not None and desk.card.details.guest.checked_in_at is not None)
    words = WORDS[language]
    assert without_mnemonic(desk.check_in_action.text()) == words["check_in"]
    assert words["desk_menu"] in without_mnemonic(window.desk_mode_action.text())
    assert desk.card.status_label.text() == words["status"]
    save(window, f"desk-{language}")


def test_the_gate_speaks_the_language(qtbot, gate_event, inline_jobs, monkeypatch, language: str) -> None:
    monkeypatch.setattr("ui.sounds.play", lambda _kind: None)
    view = GateView.for_event(gate_event.store, gate_event.context())
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.handle_scan(gate_event.tokens["delegate"])
    try:
        assert view.word_label.text() == WORDS[language]["admit"]
        assert view.name_label.text() == "Ҷамшед Раҳмонов"
        save(view, f"gate-green-{language}")
        view.handle_scan(gate_event.tokens["revoked"])
        assert view.headline_label.text() == i18n.label(GateReason.REVOKED)
        save(view, f"gate-red-{language}")
    finally:
        view.close_gate()


def test_the_tajik_letters_are_drawn_by_the_app_font(qapp) -> None:
    """ҳ ӯ ғ қ ҷ ӣ each get a glyph of their own in the app font, not a box or a plain Russian letter."""
    fonts.register_fonts()
    font = QFont(qapp.font())
    font.setPointSize(40)

    def drawn(text: str) -> bytes:
        image = QImage(80, 80, QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return bytes(image.constBits())

    blank = drawn("")
    glyphs = {letter: drawn(letter) for letter in TAJIK_LETTERS}
    assert all(glyph != blank for glyph in glyphs.values()), "a Tajik letter drew nothing"
    assert len(set(glyphs.values())) == len(TAJIK_LETTERS), "two Tajik letters drew the same (missing glyph boxes)"
    assert all(glyphs[letter] != drawn(base) for letter, base in LOOKALIKES.items())
