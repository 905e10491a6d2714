"""The plots' legend, drawn above the plot instead of over its data.

pyqtgraph's legend sits inside the data area, where it hid a liquidation line's label as soon
as the plot got short (a laptop screen). This key draws a sample of each variant's actual pen
and its name in one row.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from marginlab.desktop.i18n import tr
from marginlab.desktop.style import VARIANT_STYLES, variant_pen

SAMPLE = 36  # px of line drawn per variant
GAP = 6  # px between a sample and its name
SPACING = 18  # px between one variant and the next


class LineKey(QWidget):
    """The variants' key (``names``), or any plot's: ``lines`` of (title, pen)."""

    def __init__(
        self,
        names: Iterable[str] = VARIANT_STYLES,
        parent: QWidget | None = None,
        lines: Iterable[tuple[str, QPen]] | None = None,
    ):
        super().__init__(parent)
        self.names = list(names) if lines is None else []
        self._lines = None if lines is None else list(lines)
        self.setAccessibleName("line key")
        self.setToolTip(
            tr(
                "How each variant is drawn: colour and dash pattern, so the lines can be told "
                "apart without colour"
            )
            if lines is None
            else tr("How each line is drawn")
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def _entries(self) -> list[tuple[str, QPen]]:
        """Each line's title and pen (a variant's title in the window's language, read now)."""
        if self._lines is not None:
            return self._lines
        return [(VARIANT_STYLES[name].title, variant_pen(name)) for name in self.names]

    def titles(self) -> list[str]:
        return [title for title, _ in self._entries()]

    def pens(self) -> list[QPen]:
        return [pen for _, pen in self._entries()]

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
            for title, pen in self._entries():
                painter.setPen(pen)
                painter.drawLine(QPointF(x + 2, middle), QPointF(x + SAMPLE - 2, middle))
                x += SAMPLE + GAP
                width = metrics.horizontalAdvance(title)
                painter.setPen(QColor(pen.color()))
                painter.drawText(
                    QRectF(x, 0, width + 1, self.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    title,
                )
                x += width + SPACING
        finally:
            painter.end()


def key_row(key: LineKey | None = None) -> QHBoxLayout:
    """A row holding a key (the variants' unless given) at its right end, above a plot."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(key or LineKey())
    row.addSpacing(6)
    return row
