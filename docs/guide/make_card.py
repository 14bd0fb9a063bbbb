"""Write the printable shortcuts card: `.venv/bin/python docs/guide/make_card.py`.

One table of keys, in English and Russian, becomes both the Markdown page of each language
(docs/guide/LANG/shortcuts.md) and a one-page A4 PDF to print and tape beside the keyboard
(docs/guide/LANG/shortcuts.pdf), drawn with ReportLab in the fonts the badges use.  Edit the keys here and
run the script again; it refuses to write a card that does not fit on one page.
"""

import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
GUIDE = Path(__file__).resolve().parent
FONTS = Path(str(files("resources") / "fonts"))
ARROWS = set("↑↓←→")
COLUMN_SHARES = (
    0.37,
    0.335,
    0.295,
)  # the desk's chords need the widest key column  # Noto Sans has no arrows; Nanum Gothic (also bundled) has


@dataclass(frozen=True)
class Key:
    """A row of the card: the keys (names separated by spaces, "+" joins a chord) and what they do.

    A row whose "keys" are not keys at all (typing, scanning) gives `words` instead: shown as plain text.
    """

    keys: str
    en: str
    ru: str
    words: dict[str, str] | None = None


@dataclass(frozen=True)
class Section:
    en: str
    ru: str
    keys: tuple[Key, ...]


TITLE = {
    "en": "Accreditor — keys at the desk and at the gate",
    "ru": "Accreditor — клавиши на стойке аккредитации и на пункте пропуска",
}
FOOTNOTE = {
    "en": "A USB scanner types like a keyboard: scan wherever the cursor is, even with a dialog open. "
    "The buttons on screen name their keys too.",
    "ru": "USB-сканер работает как клавиатура: сканируйте в любой момент, даже при открытом окне диалога. "
    "Кнопки на экране тоже подписаны своими клавишами.",
}
SECTIONS = (
    Section(
        "At the desk",
        "На стойке аккредитации",
        (
            Key(
                "",
                "Find a guest: name in any script, organisation, passport number — or scan the QR code",
                "Найти гостя: имя на любом языке, организация, номер паспорта — или отсканировать QR-код",
                words={"en": "type or scan", "ru": "ввод или скан"},
            ),
            Key(
                "↓ ↑",
                "Move through the matches (PgDn, PgUp: five at a time)",
                "Перейти по списку найденных (PgDn, PgUp — по пять)",
            ),
            Key(
                "Enter",
                "Show the highlighted guest; Enter again checks them in",
                "Открыть карточку выделенного гостя; повторный Enter — отметить прибытие",
            ),
            Key("Ctrl+Enter", "Check in", "Отметить прибытие (регистрация)"),
            Key("Ctrl+Shift+Enter", "Check in and print the badge", "Отметить прибытие и напечатать бейдж"),
            Key(
                "Ctrl+P",
                "Print the badge (a reprint asks why; the old badge stops working)",
                "Напечатать бейдж (при повторной печати — причина; старый бейдж перестаёт действовать)",
            ),
            Key("F8", "Undo the check-in (asks why)", "Отменить отметку о прибытии (с указанием причины)"),
            Key("F4", "Correct the guest's details", "Исправить данные гостя"),
            Key("Esc", "Clear the screen for the next guest", "Очистить экран для следующего гостя"),
        ),
    ),
    Section(
        "At the gate",
        "На пункте пропуска",
        (
            Key(
                "",
                "The verdict fills the screen: ADMIT (green), CHECK (orange), STOP (red)",
                "Решение на весь экран: ADMIT — пропустить (зелёный), CHECK — проверить (оранжевый), "
                "STOP — не пропускать (красный)",
                words={"en": "scan", "ru": "скан"},
            ),
            Key("Space", "Back to “ready” at once", "Сразу вернуться к ожиданию сканирования"),
            Key(
                "F9",
                "Let the last scanned person through anyway — reason required, kept in the log",
                "Пропустить последнего отсканированного вопреки решению — причина обязательна, пишется в журнал",
            ),
            Key("F8", "Who is inside; F8 again: back to ready", "Кто находится в зоне; повторное F8 — назад"),
            Key("F5", "Who is inside: refresh", "Кто в зоне: обновить"),
            Key("Ctrl+P", "Who is inside: evacuation list (PDF)", "Кто в зоне: список для эвакуации (PDF)"),
            Key("F11", "Full screen on and off (gate app)", "Полноэкранный режим вкл./выкл. (программа пропуска)"),
            Key("Esc", "Close the gate (asks first)", "Закрыть пункт пропуска (с подтверждением)"),
        ),
    ),
    Section(
        "Anywhere in the app",
        "В любом режиме",
        (
            Key("F2", "Desk: find, check in, print", "Стойка: поиск, отметка прибытия, печать"),
            Key("F3", "The guest list", "Список гостей"),
            Key("F6", "Organiser: approve, reject, revoke", "Организатор: одобрить, отклонить, аннулировать"),
            Key("F7", "Reports: who has arrived", "Отчёты: кто прибыл"),
            Key("Ctrl+G", "Gate mode (asks for the zone first)", "Режим пункта пропуска (сначала выбрать зону)"),
            Key("F5", "Reload: changes made at other desks", "Обновить: изменения с других стоек"),
            Key("Ctrl+,", "Settings: station name, printer, layout", "Настройки: имя рабочего места, принтер, макет"),
            Key("Ctrl+O", "Open another event file", "Открыть другой файл мероприятия"),
        ),
    ),
)


def markdown(language: str) -> str:
    """The card as a Markdown page: one table per section."""
    other = "ru" if language == "en" else "en"
    lines = [
        f"# {TITLE[language]}",
        "",
        {
            "en": f"Printable: [shortcuts.pdf](shortcuts.pdf) (one A4 page). По-русски: [../{other}/shortcuts.md]"
            f"(../{other}/shortcuts.md).",
            "ru": f"Для печати: [shortcuts.pdf](shortcuts.pdf) (одна страница A4). "
            f"In English: [../{other}/shortcuts.md](../{other}/shortcuts.md).",
        }[language],
        "",
    ]
    key_header, action_header = {"en": ("Keys", "What it does"), "ru": ("Клавиши", "Что делает")}[language]
    for section in SECTIONS:
        lines += [f"## {getattr(section, language)}", "", f"| {key_header} | {action_header} |", "|---|---|"]
        for key in section.keys:
            keys = (
                f"*{key.words[language]}*" if key.words else " ".join(f"<kbd>{name}</kbd>" for name in key.keys.split())
            )
            lines.append(f"| {keys} | {getattr(key, language)} |")
        lines.append("")
    lines += [f"*{FOOTNOTE[language]}*", ""]
    return "\n".join(lines)


class Keycaps(Flowable):
    """Key names drawn as keycaps: "Ctrl+Shift+Enter" is three caps joined by small plus signs."""

    HEIGHT = 7.6 * mm
    FONT_SIZE = 10.5
    PADDING = 2.0 * mm
    GAP = 1.3 * mm
    BASELINE = 2.45 * mm

    def __init__(self, keys: str) -> None:
        super().__init__()
        self.groups = [group.split("+") if group != "+" else ["+"] for group in keys.split()]

    @staticmethod
    def font_for(name: str) -> str:
        return "NanumGothic" if set(name) & ARROWS else "NotoSans-Bold"

    def cap_width(self, name: str) -> float:
        return pdfmetrics.stringWidth(name, self.font_for(name), self.FONT_SIZE) + 2 * self.PADDING

    def natural_width(self) -> float:
        caps = sum(self.cap_width(name) for group in self.groups for name in group)
        joins = sum(2 * self.GAP * (len(group) - 1) for group in self.groups) + 2 * self.GAP * (len(self.groups) - 1)
        return caps + joins

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def draw(self) -> None:
        canvas = self.canv
        x = 0.0
        for group_index, group in enumerate(self.groups):
            if group_index:
                x += 2 * self.GAP
            for index, name in enumerate(group):
                if index:
                    canvas.setFont("NotoSans-Regular", self.FONT_SIZE)
                    canvas.setFillColor(colors.HexColor("#555555"))
                    canvas.drawCentredString(x + self.GAP, self.BASELINE, "+")
                    x += 2 * self.GAP
                width = self.cap_width(name)
                canvas.setFillColor(colors.HexColor("#f3f5f8"))
                canvas.setStrokeColor(colors.HexColor("#1d3557"))
                canvas.setLineWidth(0.7)
                canvas.roundRect(x, 0, width, self.HEIGHT, 1.2 * mm, stroke=1, fill=1)
                canvas.setFillColor(colors.HexColor("#1d3557"))
                canvas.setFont(self.font_for(name), self.FONT_SIZE)
                canvas.drawCentredString(x + width / 2, self.BASELINE, name)
                x += width


def register_fonts() -> None:
    for name in ("NotoSans-Regular", "NotoSans-Bold"):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))
    pdfmetrics.registerFont(TTFont("NanumGothic", str(FONTS / "NanumGothic.ttf")))


def card(language: str, out: Path) -> int:
    """Draw the card for `language` at `out`; returns its page count."""
    title_style = ParagraphStyle("title", fontName="NotoSans-Bold", fontSize=19, leading=24, textColor="#1d3557")
    heading = ParagraphStyle("heading", fontName="NotoSans-Bold", fontSize=14, leading=18, textColor="#1d3557")
    body = ParagraphStyle("body", fontName="NotoSans-Regular", fontSize=10.5, leading=13)
    words = ParagraphStyle("words", fontName="NotoSans-Regular", fontSize=10.5, leading=13, textColor="#555555")
    note = ParagraphStyle("note", parent=body, fontSize=10, textColor="#444444")
    page_width, _page_height = landscape(A4)
    margin = 11 * mm
    gutter = 6 * mm
    text_width = page_width - 2 * margin - 2 * gutter

    def column(section: Section, column_width: float) -> Table:
        rows = [[Paragraph(getattr(section, language), heading), ""]]
        rows += [
            [
                Paragraph(f"<i>{key.words[language]}</i>", words) if key.words else Keycaps(key.keys),
                Paragraph(getattr(key, language), body),
            ]
            for key in section.keys
        ]
        key_width = max(Keycaps(key.keys).natural_width() for key in section.keys if not key.words) + 3 * mm
        table = Table(rows, colWidths=[key_width, column_width - key_width])
        table.setStyle(
            TableStyle(
                [
                    ("SPAN", (0, 0), (1, 0)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.HexColor("#1d3557")),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.3, colors.HexColor("#c9d1dc")),
                    ("TOPPADDING", (0, 1), (-1, -1), 3.6),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 3.6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return table

    widths = [share * text_width for share in COLUMN_SHARES]
    columns = Table(
        [[column(section, width) for section, width in zip(SECTIONS, widths, strict=True)]],
        colWidths=[widths[0] + gutter, widths[1] + gutter, widths[2]],
    )
    columns.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    pages = []
    document = SimpleDocTemplate(
        str(out),
        pagesize=landscape(A4),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=TITLE[language],
        author="Accreditor",
        lang=language,
    )
    document.build(
        [
            Paragraph(TITLE[language], title_style),
            Spacer(1, 4 * mm),
            columns,
            Spacer(1, 5 * mm),
            Paragraph(FOOTNOTE[language], note),
        ],
        onFirstPage=lambda canvas, _doc: pages.append(canvas.getPageNumber()),
        onLaterPages=lambda canvas, _doc: pages.append(canvas.getPageNumber()),
    )
    return len(pages)


def main() -> int:
    rl_config.invariant = 1  # no creation date or random id: the same table gives the same PDF bytes
    register_fonts()
    for language in ("en", "ru"):
        folder = GUIDE / language
        folder.mkdir(exist_ok=True)
        (folder / "shortcuts.md").write_text(markdown(language), encoding="utf-8")
        pdf = folder / "shortcuts.pdf"
        pages = card(language, pdf)
        if pages != 1:
            pdf.unlink()
            raise SystemExit(f"the {language} card takes {pages} pages; shorten it to one")
        print(f"wrote {folder.relative_to(ROOT)}/shortcuts.md and shortcuts.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
