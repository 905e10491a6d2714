"""The banner on top of the cards: per symbol, what each variant loses if that symbol is wrong.

A compact table, one row a symbol, so the cards' totals stay in view at any number of
positions: it shows a few rows and scrolls beyond them. "closes 14 more" unfolds into the list
of positions on demand (the row's arrow, or → on the keyboard); every cell's tooltip holds the
whole sentence.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from marginlab.desktop.i18n import N_, named, said, tr
from marginlab.desktop.style import VARIANT_STYLES
from marginlab.engine.text.report_text import SymbolSummary

VISIBLE_ROWS = 3  # symbols shown before the banner scrolls
LIST_LIMIT = 12  # positions named in an unfolded row; the rest are counted
LISTED_IDS = 40  # positions its tooltip names: a list of 2,000 is read by no one
SUMMARY_TIP = N_(
    "Per symbol: the most each variant loses if that symbol goes against you (from today's "
    "equity), and which other positions a liquidation takes. Unfold a row to list them."
)


class SummaryView(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("summary")
        self.setToolTip(tr(SUMMARY_TIP))
        self.setColumnCount(1 + len(VARIANT_STYLES))
        self.setHeaderLabels(
            [tr("If wrong"), *(f"{s.title} {s.glyph}" for s in VARIANT_STYLES.values())]
        )
        header = self.headerItem()
        for column, style in enumerate(VARIANT_STYLES.values(), start=1):
            header.setForeground(column, QBrush(QColor(style.colour)))
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(True)
        self._shown: list[tuple[object, ...]] = []
        self._fit_height(0)

    def show_summaries(self, summaries: list[SymbolSummary]) -> None:
        """Fill the rows; a row whose text is unchanged is not touched (nor its unfolding)."""
        names = list(VARIANT_STYLES)
        keys: list[tuple[object, ...]] = [
            (s.symbol, tuple((v.short, v.others, v.sentence) for v in s.variants.values()))
            for s in summaries
        ]
        if keys == self._shown and (summaries or self.topLevelItemCount()):
            return
        if not summaries:
            self.clear()
            empty = QTreeWidgetItem(self, [tr("Add a position to compare isolated and cross.")])
            empty.setFirstColumnSpanned(True)
            self._shown = []
            self._fit_height(1)
            return
        if not self._shown:
            self.clear()  # the empty-scenario line
        while self.topLevelItemCount() > len(summaries):
            self.takeTopLevelItem(self.topLevelItemCount() - 1)
        for index, summary in enumerate(summaries):
            if index < len(self._shown) and self._shown[index] == keys[index]:
                continue
            item = self.topLevelItem(index) or QTreeWidgetItem(self)
            item.setText(0, summary.symbol)
            item.setToolTip(
                0, tr("If {symbol} goes against you, alone").format(symbol=summary.symbol)
            )
            closes: list[tuple[str, ...]] = []
            for column, name in enumerate(names, start=1):
                risk = summary.variants.get(name)
                text = "" if risk is None else said(risk.short)
                if risk is not None and risk.others:
                    text += tr(", closes {n} more").format(n=len(risk.others))
                item.setText(column, text)
                item.setToolTip(column, "" if risk is None else _capitalised(said(risk.sentence)))
                closes.append(() if risk is None else risk.others)
            self._show_closes(item, closes)
        self._shown = keys
        self._fit_height(len(summaries))

    def _show_closes(self, item: QTreeWidgetItem, closes: list[tuple[str, ...]]) -> None:
        """The unfolded line: which other positions each variant's worst move closes."""
        if not any(closes):
            item.takeChildren()
            return
        child = item.child(0) or QTreeWidgetItem(item)
        child.setText(0, tr("also closes"))
        for column, ids in enumerate(closes, start=1):
            child.setText(column, named(ids, LIST_LIMIT) or tr("nothing else"))
            child.setToolTip(column, named(ids, LISTED_IDS) or tr("nothing else"))

    def _fit_height(self, rows: int) -> None:
        """Tall enough for ``VISIBLE_ROWS`` symbols (fewer when there are fewer); it scrolls
        beyond, so the cards below never move out of view."""
        row = self.sizeHintForRow(0) if self.topLevelItemCount() else -1
        row = row if row > 0 else self.fontMetrics().height() + 4
        shown = min(max(rows, 1), VISIBLE_ROWS)
        height = self.header().sizeHint().height() + shown * row + 2 * self.frameWidth() + 2
        if self.height() != height:
            self.setFixedHeight(height)

    def cell_texts(self) -> list[list[str]]:
        """What the rows read, symbol by symbol (unfolded lines included): for tests."""
        rows = []
        for item in self._items():
            rows.append([item.text(c) for c in range(self.columnCount())])
            for child in range(item.childCount()):
                sub = item.child(child)
                assert sub is not None  # below childCount
                rows.append([sub.text(c) for c in range(self.columnCount())])
        return rows

    def _items(self) -> list[QTreeWidgetItem]:
        """The symbols' rows, top to bottom."""
        items = [self.topLevelItem(index) for index in range(self.topLevelItemCount())]
        return [item for item in items if item is not None]

    def sentences(self) -> list[str]:
        """Every cell's whole sentence, as its tooltip shows it."""
        return [item.toolTip(c) for item in self._items() for c in range(1, self.columnCount())]


def _capitalised(sentence: str) -> str:
    return f"{sentence[:1].upper()}{sentence[1:]}."
