"""The window's two columns: the inputs on the left, the figures and plots on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class Panes(QSplitter):
    """The left column keeps the width it was given (by the first fit or by the user dragging
    the handle) unless the three variant cards would then not fit beside it. Then it gives way
    first, down to its minimum, and gets its width back when the room returns: opening the
    glossary must not push the cross card out of view.
    """

    def __init__(self, left: QWidget, right: QWidget, cards_width: Callable[[], int]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(1, 1)
        self._cards_width = cards_width
        self.chosen: int | None = None  # None until the window's first fit
        self._left: int | None = None  # the left width last set; sizes() lags before a show
        self.splitterMoved.connect(self._on_moved)

    def fit(self, total: int) -> int:
        """Share ``total`` px (the splitter's width) between the columns; the left's width."""
        if self.chosen is None:
            return self.sizes()[0]
        left_column = self.widget(0)
        assert left_column is not None  # built with both columns
        smallest = left_column.minimumSizeHint().width()
        room = total - self.handleWidth() - self._cards_width()
        left = min(self.chosen, max(room, smallest))
        if left != self._left:  # each setSizes lays out both columns again
            self._left = left
            self.setSizes([left, total - self.handleWidth() - left])
        return left

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit(self.width())

    def _on_moved(self, position: int, _index: int) -> None:
        self.chosen = self._left = position
