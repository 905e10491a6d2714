"""Text widths in a widget's font, each text measured once: a big book's columns are fitted
every keystroke, and from one keystroke to the next most of their texts are the same."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontMetrics


class TextWidths:
    """``horizontalAdvance`` of texts, remembered per font (a new font forgets them)."""

    def __init__(self, limit: int = 50_000) -> None:
        self._advances: dict[str, int] = {}
        self._font = ""
        self._limit = limit

    def widest(self, texts: Iterable[str], font: QFont) -> tuple[str, int]:
        """The widest of ``texts`` in ``font`` and its advance (``("", 0)`` for none). Each
        distinct text is measured once, and the rows are never looped over in Python."""
        distinct = set(texts)
        if not distinct:
            return "", 0
        if font.key() != self._font or len(self._advances) > self._limit:
            self._advances.clear()
            self._font = font.key()
        metrics = QFontMetrics(font)
        for text in distinct.difference(self._advances):
            self._advances[text] = metrics.horizontalAdvance(text)
        text = max(distinct, key=self._advances.__getitem__)
        return text, self._advances[text]
