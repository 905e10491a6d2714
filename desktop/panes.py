"""The window's two columns, the inputs on the left and the figures and plots on the right, and
the left column's split between the positions table and the selected position's form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLayout,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.before_paint import BeforePaint

SHOWN_ROWS = 5  # rows of a big book the table shows when it opens; the form scrolls in the rest


def scroll_down_only(area: QScrollArea) -> None:
    """A column that scrolls rather than squeezing what it holds: its content takes the
    area's width (no horizontal bar), and the area draws no frame of its own."""
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


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

    def cards_fit(self, total: int) -> bool:
        """Whether ``total`` px hold the three cards whole beside the narrowest left column."""
        left_column = self.widget(0)
        smallest = 0 if left_column is None else left_column.minimumSizeHint().width()
        return total - self.handleWidth() - self._cards_width() >= smallest

    def give_way(self) -> None:
        """The cards grew (an imported book's "+1198.0 %"): the left column narrows so they
        stand whole, as for a narrower window. It never widens here: an edit must not move
        the table's edge back and forth; a resize or another book gives the width back."""
        if self.chosen is None or self._left is None:
            return
        if self.width() - self.handleWidth() - self._cards_width() < self._left:
            self.fit(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit(self.width())

    def _on_moved(self, position: int, _index: int) -> None:
        self.chosen = self._left = position


class TableAndForm(QSplitter):
    """The positions table (with its buttons) above the selected position's form. The table
    gets the room for the book's rows when a book opens, up to ``SHOWN_ROWS`` (two at least)
    and half the height, and the form scrolls in what is left: in one column that only
    stacked them, the form's natural height left a book of 60 positions one row of table on
    a 1600 × 960 window. Dragged by the trader, the split stays where it was put."""

    def __init__(self, table: QTableView, buttons: QLayout, form: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.table = table
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table, 1)
        column.addLayout(buttons)
        self._buttons, self._column = buttons, column
        scroll = QScrollArea()
        scroll.setWidget(form)
        scroll_down_only(scroll)
        self.form_area = scroll
        self.addWidget(top)
        self.addWidget(scroll)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(1, 1)  # a taller window: the form gets the room
        self.dragged = False
        self._pending: tuple[int, bool] | None = None  # a fit waiting for the split's height
        self._fitted: tuple[int, bool] | None = None  # the last fit made
        self.splitterMoved.connect(self._on_moved)
        # Not at once: the range changes inside a layout of this very split (the table being
        # resized), and a refit there left the buttons where the outer layout put them.
        self._refit = BeforePaint(self._refit_to_scroll_bar, self)
        table.horizontalScrollBar().rangeChanged.connect(self._refit.request)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._show_focused)

    def table_height(self, rows: int, scroll_bar: bool) -> int:
        """Height of the table part that shows ``rows`` rows, its header, its horizontal
        scroll bar (``scroll_bar``: when its columns are wider than the column) and its
        buttons whole."""
        table = self.table
        bar = table.horizontalScrollBar().sizeHint().height() if scroll_bar else 0
        return (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + bar
            + 2 * table.frameWidth()
            + self._column.spacing()
            + self._buttons.sizeHint().height()
        )

    def fit(self, rows: int, scroll_bar: bool) -> None:
        """Room for ``rows`` rows of the book (2 to ``SHOWN_ROWS``, at most half the height;
        the table's horizontal scroll bar counted when ``scroll_bar``); nothing when the
        trader has dragged the split. Before the split has its height (the window's first
        layout), when it gets it."""
        if self.dragged:
            return
        self._pending = (rows, scroll_bar)
        if self.isVisible() and sum(self.sizes()) > 0:
            self._apply()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._pending is not None and not self.dragged and sum(self.sizes()) > 0:
            self._apply()

    def _apply(self) -> None:
        assert self._pending is not None
        (rows, scroll_bar), self._pending = self._pending, None
        self._fitted = (rows, scroll_bar)
        total = sum(self.sizes())
        wanted = self.table_height(min(max(rows, 2), SHOWN_ROWS), scroll_bar)
        # On a short screen (a laptop) the form keeps half: two rows of table at least.
        wanted = min(wanted, max(total // 2, self.table_height(2, scroll_bar)))
        self.setSizes([wanted, max(total - wanted, 0)])

    def _show_focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field of the form reached by its shortcut (Alt+V: leverage) is scrolled into
        view, as Tab does: typing into a field out of sight would change what is not seen."""
        form = self.form_area.widget()
        if new is not None and form is not None and form.isAncestorOf(new):
            self.form_area.ensureWidgetVisible(new)

    def _refit_to_scroll_bar(self) -> None:
        """The columns grew past the table's width (a PnL of "+28,500.00") or shrank back:
        the fit counts the horizontal scroll bar that came or went, or it covers the last
        row shown (the second of the brief's two)."""
        if self._fitted is None or self.dragged:
            return
        rows, counted = self._fitted
        needed = self.table.horizontalScrollBar().maximum() > 0
        if needed != counted:
            self.fit(rows, needed)

    def _on_moved(self, _position: int, _index: int) -> None:
        self.dragged = True
