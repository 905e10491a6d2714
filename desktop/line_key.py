"""The plots' legend, drawn above the plot instead of over its data.

pyqtgraph's legend sits inside the data area, where it hid a liquidation line's label as soon
as the plot got short (a laptop screen). This key draws a sample of each variant's actual pen
and its name in one row.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from marginlab.desktop.i18n import tr
from marginlab.desktop.style import VARIANT_STYLES, variant_pen

SAMPLE = 36  # px of line drawn per variant
GAP = 6  # px between a sample and its name
SPACING = 18  # px between one variant and the next


class LineKey(QWidget):
    def __init__(self, names: Iterable[str] = VARIANT_STYLES, parent: QWidget | None = None):
        super().__init__(parent)
        self.names = list(names)
        self.setAccessibleName("line key")
        self.setToolTip(
            tr(
                "How each variant is drawn: colour and dash pattern, so the lines can be told "
                "apart without colour"
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def titles(self) -> list[str]:
        return [VARIANT_STYLES[name].title for name in self.names]

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        widths = [SAMPLE + GAP + metrics.horizontalAdvance(title) for title in self.titles()]
        return QSize(sum(widths) + SPACING * (len(widths) - 1), max(metrics.height(), 16))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            metrics, middle, x = self.fontMetrics(), self.height() / 2, 0.0
            for name, title in zip(self.names, self.titles(), strict=True):
                painter.setPen(variant_pen(name))
                painter.drawLine(QPointF(x + 2, middle), QPointF(x + SAMPLE - 2, middle))
                x += SAMPLE + GAP
                width = metrics.horizontalAdvance(title)
                painter.setPen(QColor(VARIANT_STYLES[name].colour))
                painter.drawText(
                    QRectF(x, 0, width + 1, self.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    title,
                )
                x += width + SPACING
        finally:
            painter.end()


def key_row() -> QHBoxLayout:
    """A row holding a key at its right end, to sit above a plot."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(LineKey())
    row.addSpacing(6)
    return row
