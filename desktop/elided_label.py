"""Labels under the plot that never draw over it.

The numbered list of a big book's liquidation lines ran to four lines and more under the plot,
and on a laptop's screen squeezed the plot itself to 30 px. ``ElidedLabel`` keeps its few
lines, the whole text in ``full_text`` (the owner puts it in the tooltip). ``WrappedLabel``
wraps as a ``QLabel`` does and asks for the height its text needs at its width: a layout's
minimum leaves a wrapped label's second line out, and the plot (which keeps a minimum height
of its own) was then drawn over; in the Risk tab's scroll area, the layout measured the odds
before the scroll bar took its width, and cut their last line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def fitted_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` wrapped at word boundaries into at most ``lines`` lines of ``width`` px, the
    last one elided when the text goes on."""
    if not text or width <= 0:
        return text
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    shown: list[str] = []
    try:
        while len(shown) < lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start = line.textStart()
            if len(shown) == lines - 1:  # the last line allowed: whatever is left, elided
                rest = text[start:]
                elided = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
                shown.append(elided)
                break
            shown.append(text[start : start + line.textLength()].rstrip())
    finally:
        layout.endLayout()
    return "\n".join(shown)


class ElidedLabel(QLabel):
    """Plain text in at most ``lines`` lines (``fitted_lines``), refitted as its width
    changes; its width is the layout's to give, never the text's to ask."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleDescription(text)  # a screen reader reads all of it
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = fitted_lines(self._full, self.font(), self.contentsRect().width(), self._lines)
        if shown != self.text():
            self.setText(shown)


class WrappedLabel(QLabel):
    """A word-wrapped label whose minimum height is what its text needs at its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
