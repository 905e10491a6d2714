"""The banner on top of the cards: per symbol, what each variant loses if that symbol is wrong.

A compact table, one row a symbol, so the cards' totals stay in view at any number of
positions: it shows a few rows and scrolls beyond them. "closes 14 more" unfolds into the list
of positions on demand (the row's arrow, or → on the keyboard); every cell's tooltip holds the
whole sentence. A model over the report's ``SymbolSummaries``: a row's texts are made when the
view first shows it, so a keystroke in a book of fifty symbols words the three in view, not
all fifty (issue 16: views that stay flat as the book grows).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from marginlab.desktop.i18n import N_, named, said, tr
from marginlab.desktop.style import VARIANT_STYLES
from marginlab.engine.text.symbol_summaries import SymbolSummaries

VISIBLE_ROWS = 3  # symbols shown before the banner scrolls
LIST_LIMIT = 12  # positions named in an unfolded row; the rest are counted
LISTED_IDS = 40  # positions its tooltip names: a list of 2,000 is read by no one
SUMMARY_TIP = N_(
    "Per symbol: the most each variant loses if that symbol goes against you (from today's "
    "equity), and which other positions a liquidation takes. Unfold a row to list them."
)
EMPTY = N_("Add a position to compare isolated and cross.")
TOP = 0  # ``internalId`` of a symbol's row; its unfolded line has its row + 1
Index = QModelIndex | QPersistentModelIndex


_ANSWERED = frozenset((Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.ToolTipRole.value))


class SummaryModel(QAbstractItemModel):
    """One row a symbol (column 0 the symbol, then one column a variant); a row whose worst
    moves close positions of other symbols has one child, the "also closes" line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book: SymbolSummaries | None = None
        self.unfolds: list[bool] = []  # per row: it has the "also closes" line
        self.variants = list(VARIANT_STYLES)
        self._texts: dict[tuple[int, int, int, bool], str] = {}

    def symbols(self) -> list[str]:
        return [] if self.book is None else self.book.symbols

    def replace(self, book: SymbolSummaries, unfolded: frozenset[int] = frozenset()) -> None:
        """Another report's rows: the rows themselves when the symbols are others, else the
        same rows with new texts. ``unfolded``: the rows a view shows unfolded, whose "also
        closes" lines it must be told about (each signal costs the view a look-up)."""
        unfolds = [book.closes_elsewhere(row) for row in range(len(book))]
        self._texts.clear()
        if self.book is None or book.symbols != self.book.symbols:
            self.beginResetModel()
            self.book, self.unfolds = book, unfolds
            self.endResetModel()
            return
        self.book = book
        for row, (had, has) in enumerate(zip(self.unfolds, unfolds, strict=True)):
            if had == has:
                continue
            parent = self.index(row, 0)
            if has:
                self.beginInsertRows(parent, 0, 0)
                self.unfolds[row] = True
                self.endInsertRows()
            else:
                self.beginRemoveRows(parent, 0, 0)
                self.unfolds[row] = False
                self.endRemoveRows()
        last = len(self.variants)
        if not unfolds:
            return  # still no symbol: the line that says what to do stays as it is
        self.dataChanged.emit(self.index(0, 1), self.index(len(unfolds) - 1, last))
        for row in sorted(unfolded):
            if unfolds[row]:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 1, parent), self.index(0, last, parent))

    # QAbstractItemModel
    def index(
        self,
        row: int,
        column: int,
        parent: Index = QModelIndex(),  # noqa: B008 (Qt's API)
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, TOP if not parent.isValid() else parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return max(len(self.unfolds), 1)  # no symbol: the line that says what to do
        if parent.internalId() != TOP or parent.column() != 0 or not self.unfolds:
            return 0
        return int(self.unfolds[parent.row()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1 + len(self.variants)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != TOP:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return tr("If wrong") if role == Qt.ItemDataRole.DisplayRole else None
        style = VARIANT_STYLES[self.variants[section - 1]]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{style.title} {style.glyph}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(style.colour))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED:  # asked of seven roles per cell at each paint
            return None
        tip = role == Qt.ItemDataRole.ToolTipRole
        if not self.unfolds:
            return None if tip or index.column() else tr(EMPTY)
        # Worded once a report: the view's column fit and its paint both ask for a cell.
        key = (index.internalId(), index.row(), index.column(), tip)
        text = self._texts.get(key)
        if text is None:
            if index.internalId() == TOP:
                text = self._cell(index.row(), index.column(), tip)
            else:
                text = self._closes(index.internalId() - 1, index.column(), tip)
            self._texts[key] = text
        return text

    def _cell(self, row: int, column: int, tip: bool) -> str:
        assert self.book is not None  # rows only with a book
        symbol = self.book.symbols[row]
        if column == 0:
            return (
                tr("If {symbol} goes against you, alone").format(symbol=symbol) if tip else symbol
            )
        risk = self.book.summary(row).variants.get(self.variants[column - 1])
        if risk is None:
            return ""
        if tip:
            return _capitalised(said(risk.sentence))
        text = said(risk.short)
        if risk.others:
            text += tr(", closes {n} more").format(n=len(risk.others))
        return text

    def _closes(self, row: int, column: int, tip: bool) -> str:
        """The unfolded line: which other positions each variant's worst move closes."""
        if column == 0:
            return "" if tip else tr("also closes")
        assert self.book is not None
        risk = self.book.summary(row).variants.get(self.variants[column - 1])
        ids = () if risk is None else risk.others
        return named(ids, LISTED_IDS if tip else LIST_LIMIT) or tr("nothing else")


class SummaryView(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("summary")
        self.setToolTip(tr(SUMMARY_TIP))
        self.summaries = SummaryModel(self)
        self.setModel(self.summaries)
        # The variants' columns share the width by what their texts need (``_fit_columns``):
        # in equal thirds, "can lose 10,000.00 USDT (fall), closes 1 more" was cut to
        # "closes 1 m…" at 1366 px beside two columns with room to spare.
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self._padding: int | None = None
        self.expanded.connect(self._fit_columns)
        self.collapsed.connect(self._fit_columns)
        self.verticalScrollBar().valueChanged.connect(self._fit_columns)
        self.header().sectionResized.connect(self._on_section_resized)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(True)
        self._empty_line()

    def show_summaries(self, book: SymbolSummaries) -> None:
        """Show another report's rows. The same symbols keep their rows, their unfolding and
        the scroll; other symbols start afresh, a symbol that stays keeping its unfolding."""
        model = self.summaries
        if book.symbols == model.symbols():
            shown = range(len(model.unfolds))
            model.replace(book, frozenset(r for r in shown if self.isExpanded(model.index(r, 0))))
            self._fit_columns(keep=True)
            return
        unfolded = {
            symbol
            for row, symbol in enumerate(model.symbols())
            if self.isExpanded(model.index(row, 0))
        }
        model.replace(book)
        for row, symbol in enumerate(book.symbols):
            if symbol in unfolded and model.unfolds[row]:
                self.expand(model.index(row, 0))
        self._empty_line()
        self._fit_columns()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _on_section_resized(self, section: int, _old: int, _new: int) -> None:
        if section == 0:  # the symbols' column fits its contents: the variants share the rest
            self._fit_columns()

    def _fit_columns(self, *_: Any, keep: bool = False) -> None:
        """Each variant's column as wide as the longest text it shows in view, where the
        width allows; where it does not, the columns that need less than an even share keep
        what they need and the others share the rest evenly. Room left over is shared
        evenly. Only the rows in view are measured: fifty symbols are not worded at each
        keystroke (issue 16). With ``keep`` (a keystroke's new figures), the columns stay
        as they are while every text fits them: their edges moved at each digit typed."""
        header = self.header()
        columns = range(1, self.summaries.columnCount())
        room = self.viewport().width() - header.sectionSize(0)
        if room <= 0 or not self.summaries.unfolds:
            for column in columns:
                header.resizeSection(column, max(room, 0) // len(columns))
            return
        needs = {c: header.sectionSizeFromContents(c).width() for c in columns}
        metrics = self.fontMetrics()
        for index in self._rows_in_view():
            if self._padding is None:  # the cell's margins around its text, measured once
                first = index.siblingAtColumn(1)
                text = str(first.data() or "")
                self._padding = self.sizeHintForIndex(first).width() - metrics.horizontalAdvance(
                    text
                )
            for c in columns:
                # The text's width, not the delegate's size hint: a third the cost, at
                # every keystroke.
                text = str(index.siblingAtColumn(c).data() or "")
                needs[c] = max(needs[c], metrics.horizontalAdvance(text) + self._padding)
        if keep and all(header.sectionSize(c) >= need for c, need in needs.items()):
            return
        widths = share_by_need(needs, room)
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _rows_in_view(self) -> list[QModelIndex]:
        """The first column's index of each row (unfolded lines included) the viewport shows."""
        rows = []
        index = self.indexAt(self.viewport().rect().topLeft())
        bottom = self.viewport().height()
        while index.isValid() and self.visualRect(index).top() < bottom:
            rows.append(index)
            index = self.indexBelow(index)
        return rows

    def _empty_line(self) -> None:
        """No symbol: one line across the banner that says what to do; the height to match."""
        rows = len(self.summaries.unfolds)
        self.setFirstColumnSpanned(0, QModelIndex(), not rows)
        self._fit_height(rows)

    def _fit_height(self, rows: int) -> None:
        """Tall enough for ``VISIBLE_ROWS`` symbols (fewer when there are fewer); it scrolls
        beyond, so the cards below never move out of view."""
        row = self.sizeHintForRow(0)
        row = row if row > 0 else self.fontMetrics().height() + 4
        shown = min(max(rows, 1), VISIBLE_ROWS)
        height = self.header().sizeHint().height() + shown * row + 2 * self.frameWidth() + 2
        if self.height() != height:
            self.setFixedHeight(height)

    def cell_texts(self) -> list[list[str]]:
        """What the rows read, symbol by symbol (unfolded lines included): for tests."""
        model = self.summaries
        rows = []
        for row in range(model.rowCount()):
            top = model.index(row, 0)
            rows.append([model.index(row, c).data() or "" for c in range(model.columnCount())])
            for child in range(model.rowCount(top)):
                rows.append(
                    [model.index(child, c, top).data() or "" for c in range(model.columnCount())]
                )
        return rows

    def sentences(self) -> list[str]:
        """Every cell's whole sentence, as its tooltip shows it."""
        model = self.summaries
        return [
            model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            for row in range(len(model.unfolds))
            for column in range(1, model.columnCount())
        ]


def share_by_need(needs: dict[int, int], room: int) -> dict[int, int]:
    """``room`` px over the columns of ``needs`` (px each needs): all of them get what they
    need and share what is left evenly when it is enough; else the columns needing less than
    an even share of what remains get their need, the others that share (water-filling)."""
    total = sum(needs.values())
    if total <= room:
        extra, spare = divmod(room - total, len(needs))
        return {
            c: need + extra + (1 if i < spare else 0) for i, (c, need) in enumerate(needs.items())
        }
    widths: dict[int, int] = {}
    left = dict(needs)
    remaining = room
    while left:
        share = remaining // len(left)
        small = {c: n for c, n in left.items() if n <= share}
        if not small:
            for c in left:
                widths[c] = share
            break
        for c, n in small.items():
            widths[c] = n
            remaining -= n
            del left[c]
    return widths


def _capitalised(sentence: str) -> str:
    return f"{sentence[:1].upper()}{sentence[1:]}."
