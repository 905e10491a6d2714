"""Text widths remembered per font (``desktop.text_widths``): the cards' and the positions
table's columns are fitted from them every keystroke."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from marginlab.desktop.text_widths import TextWidths


def test_the_widest_text_and_its_width_in_the_font_asked(qapp) -> None:
    small = QFont(qapp.font())
    big = QFont(small)
    big.setPointSizeF(small.pointSizeF() * 2)
    widths = TextWidths()
    texts = ["1.00", "12,345.67", "−0.5 %", "12,345.67"]
    for font in (small, big, small):  # each font's own widths, not the last one's
        text, advance = widths.widest(texts, font)
        assert text == "12,345.67"
        assert advance == QFontMetrics(font).horizontalAdvance("12,345.67")
    assert widths.widest([], big) == ("", 0)
