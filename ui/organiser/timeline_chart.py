"""The arrivals chart: check-ins per bucket of time as bars, drawn with QPainter (the app ships without QtCharts).

The buckets, the padding of a short timeline, the axis steps and the labels come from `accreditor.reports`,
which draws the same chart in the PDF, so screen and print agree; this widget only paints them.  Pointing
at a bar says what it counts.
"""

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from accreditor.reports import Arrivals, axis_top, bucket_label, chart_window, label_every, nice_step

BAR_COLOUR = QColor("#1A73E8")
EMPTY_TEXT = QT_TRANSLATE_NOOP("TimelineChart", "No check-ins yet")
_GAP = 0.2  # share of a bar's slot left empty, so neighbouring bars stay apart
_PAD = 8  # px around the plot


class TimelineChart(QWidget):
    """Bars of check-ins per bucket with a count axis on the left and clock times below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Arrivals] = []
        self._bucket_minutes = 30
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def set_timeline(self, timeline: Sequence[Arrivals], bucket_minutes: int) -> None:
        self._bucket_minutes = bucket_minutes
        self._bars = chart_window(timeline, bucket_minutes)
        self.update()

    def bars(self) -> list[Arrivals]:
        """What is drawn, padding included."""
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(520, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 140)

    # -- geometry ------------------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        """The area the bars stand in: room on the left for the counts, below for the times."""
        metrics = self.fontMetrics()
        top = axis_top(max((bar.count for bar in self._bars), default=0))
        left = metrics.horizontalAdvance(str(top)) + 2 * _PAD
        bottom = metrics.height() + 2 * _PAD
        return QRectF(left, _PAD + metrics.height() / 2, self.width() - left - _PAD, self.height() - bottom - _PAD)

    def _slot(self, plot: QRectF) -> float:
        return plot.width() / max(1, len(self._bars))

    def bar_at(self, x: float) -> int | None:
        """The index of the bar whose slot contains `x` (widget coordinates), if any."""
        plot = self._plot()
        if not self._bars or not plot.left() <= x < plot.right():
            return None
        return min(len(self._bars) - 1, int((x - plot.left()) / self._slot(plot)))

    # -- painting ------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        quiet = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(quiet)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr(EMPTY_TEXT))
            return
        plot = self._plot()
        highest = max(bar.count for bar in self._bars)
        top, step = axis_top(highest), nice_step(highest)
        metrics = self.fontMetrics()

        grid = QColor(quiet)
        grid.setAlpha(70)
        for value in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(grid if value else text, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(quiet)
            label = QRectF(0, y - metrics.height() / 2, plot.left() - _PAD, metrics.height())
            painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))

        slot = self._slot(plot)
        widest = metrics.horizontalAdvance("00:00") + _PAD
        every = label_every(len(self._bars), max(1, int(plot.width() // widest)))
        for index, bar in enumerate(self._bars):
            x = plot.left() + index * slot
            if bar.count:
                height = plot.height() * bar.count / top
                painter.fillRect(
                    QRectF(x + slot * _GAP / 2, plot.bottom() - height, slot * (1 - _GAP), height), BAR_COLOUR
                )
            if index % every == 0:
                painter.setPen(quiet)
                label = QRectF(x + slot / 2 - widest / 2, plot.bottom() + _PAD / 2, widest, metrics.height())
                painter.drawText(
                    label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bucket_label(bar.start)
                )

    # -- tooltips ------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(index), self)
            return True
        return super().event(event)

    def describe(self, index: int) -> str:
        """ "Mon 3 May, 09:00–09:30 — check-ins: 12" for the bar at `index`."""
        bar = self._bars[index]
        end = bar.start + timedelta(minutes=self._bucket_minutes)
        when = f"{bar.start:%a %d %b}, {bucket_label(bar.start)}–{bucket_label(end)}"
        return self.tr("{when} — check-ins: {count}").format(when=when, count=bar.count)
