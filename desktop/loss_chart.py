"""Bar chart of the loss boundary (max loss) of each variant, against the acceptable loss.

Three labelled bars need no scene graph: a plain painted widget builds and paints in well under
a millisecond, where a pyqtgraph plot cost ~20 ms of start-up (``bench/gui_latency.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from marginlab.desktop.controller import Result
from marginlab.desktop.i18n import tr
from marginlab.desktop.style import VARIANT_STYLES
from marginlab.engine.margin.models import VARIANTS
from marginlab.engine.text.numbers import amount_text, money_text

# Fill patterns: the second cue besides colour.
PATTERNS = {
    "as_entered": Qt.BrushStyle.Dense4Pattern,
    "isolated": Qt.BrushStyle.BDiagPattern,
    "cross": Qt.BrushStyle.SolidPattern,
}
LIMIT_COLOUR = "#c0392b"
PAD = 6.0


class LossChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("max loss chart")
        self.setToolTip(
            tr(
                "Max loss if wrong: the sum of the pools you can lose (isolated "
                "margins; the whole cross pool). Dashed line: your max acceptable loss"
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.names = list(VARIANTS)
        self._heights = [0.0] * len(self.names)
        self._limit: float | None = None
        self._currency = ""
        self._coin = False
        self._at_what_if = False

    def sizeHint(self) -> QSize:
        return QSize(600, 140)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 90)

    def show_result(self, result: Result) -> None:
        """The figures the cards show: at today's marks, or at the what-if when the cards
        follow it (the bars stayed at today's marks beside cards that had moved on)."""
        report = result.shown
        self._at_what_if = result.cards is not None
        self._heights = [report.variants[n].account.max_loss for n in self.names]
        self._limit = result.scenario.account.max_acceptable_loss
        self._currency = report.currency
        self._coin = report.coin
        self.setAccessibleDescription("; ".join(self.value_texts()))
        self.update()

    def heights(self) -> list[float]:
        return list(self._heights)

    def title(self) -> str:
        if self._at_what_if:
            return tr("Max loss if wrong, from the what-if ({currency})").format(
                currency=self._currency
            )
        return tr("Max loss if wrong ({currency})").format(currency=self._currency)

    def value_texts(self) -> list[str]:
        """What each bar says, in the order of ``names``."""
        return [
            f"{VARIANT_STYLES[n].title}: {money_text(h, self._currency, coin=self._coin)}"
            for n, h in zip(self.names, self._heights, strict=True)
        ]

    def limit_text(self) -> str | None:
        if self._limit is None:
            return None
        return tr("acceptable {amount}").format(
            amount=money_text(self._limit, self._currency, coin=self._coin)
        )

    def bar_lengths(self) -> list[float]:
        """Each bar's length in pixels at the chart's width: the longest bar, or the limit
        when it is further, spans the room the titles and values leave."""
        *_, length = self._geometry(self.fontMetrics())
        return [length(h) for h in self._heights]

    def _geometry(
        self, metrics: QFontMetrics
    ) -> tuple[list[str], float, list[str], float, Callable[[float], float]]:
        """The titles and where the bars start, the values and their room, and the pixels an
        amount of loss spans. Scaled to the largest figure, whatever its size: a floor of 1 left
        a BTC-margined account's bars (0.2 BTC) a fifth of the chart long. As a share of the
        largest, never pixels per unit: a loss limit of 1e-320 made that infinite."""
        titles = [f"{VARIANT_STYLES[n].title} {VARIANT_STYLES[n].glyph}" for n in self.names]
        left = PAD + max(metrics.horizontalAdvance(t) for t in titles) + PAD
        values = [amount_text(h, self._coin) for h in self._heights]
        room = max(metrics.horizontalAdvance(v) for v in values) + 2 * PAD
        span = max(1.0, self.width() - left - room - PAD)
        largest = max([*self._heights, self._limit or 0.0])

        def length(amount: float) -> float:
            return span * (amount / largest) if largest > 0 else 0.0

        return titles, left, values, room, length

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        line = float(metrics.height())
        painter.setPen(ink)
        painter.drawText(QRectF(PAD, 0, self.width() - 2 * PAD, line), self.title())
        titles, left, values, room, length = self._geometry(metrics)
        top, bottom = line + 2, self.height() - line - 2  # a line below for the limit label
        row = max(1.0, (bottom - top) / len(self.names))
        for i, name in enumerate(self.names):
            style = VARIANT_STYLES[name]
            y = top + i * row
            painter.setPen(ink)
            painter.drawText(
                QRectF(PAD, y, left - PAD, row), Qt.AlignmentFlag.AlignVCenter, titles[i]
            )
            bar = QRectF(left, y + row * 0.15, length(self._heights[i]), row * 0.7)
            colour = QColor(style.colour)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(QBrush(colour, PATTERNS[name]))
            painter.drawRect(bar)
            painter.setPen(ink)
            painter.drawText(
                QRectF(bar.right() + PAD, y, room, row), Qt.AlignmentFlag.AlignVCenter, values[i]
            )
        if self._limit is not None:
            x = left + length(self._limit)
            painter.setPen(QPen(QColor(LIMIT_COLOUR), 2, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), int(top), int(x), int(bottom))
            text = self.limit_text() or ""
            width = metrics.horizontalAdvance(text)
            start = min(max(left, x - width / 2), self.width() - width - PAD)
            painter.drawText(QRectF(start, bottom + 1, width + 1, line), text)
