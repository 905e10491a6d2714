"""A variant card's table: one row of text per position, made once per figure.

The rows live in a model (``FiguresModel``): an edit that changes every cross figure of a
500-position book writes 500 tuples of text and tells the view once, and Qt lays out and
paints only the rows in sight. Tooltips are made when the pointer asks for one.
"""

from __future__ import annotations

from operator import itemgetter

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from marginlab.desktop.i18n import N_, said, tr
from marginlab.desktop.style import TOOLTIPS
from marginlab.desktop.text_widths import TextWidths
from marginlab.engine.margin.report import PositionFigures
from marginlab.engine.text.numbers import (
    RATIO_DECIMALS,
    compact_amount_text,
    compact_distance_text,
    percent_text,
    price_or_none_text,
)
from marginlab.engine.text.report_text import venue_comparison

HEADERS = (
    (N_("ID"), ""),
    (N_("Liq. price"), "liquidation_price"),
    (N_("Dist."), "distance"),
    (N_("Max loss"), "max_loss"),
    (N_("Ratio"), "margin_ratio"),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
# The ID column always has room for an ID this long with its mode ("BTCUSDT·cross"; in a
# card whose title gives the mode, without it); a longer one (a hedge-mode import's
# "ETHUSDT-short") is cut at its end where the card is short of room, so that the figures
# beside it stay whole on a laptop screen.
ID_ROOM = "BTCUSDT"
Index = QModelIndex | QPersistentModelIndex


FigureTexts = dict[tuple[object, ...], tuple[str, ...]]


def row_texts(
    f: PositionFigures, coin: bool, modes: dict[str, str], made: FigureTexts | None = None
) -> tuple[str, ...]:
    """What a row shows of one position's figures (``modes``: "iso" and "cross", translated).
    ``made`` keeps the figures' texts already written for other rows of the same table: every
    position of one symbol in a cross pool shares its liquidation price, and the pool's max
    loss and ratio, so a 500-position pool writes about 50 prices, not 500."""
    key = (
        f.liquidation_price,
        f.liquidation_distance,
        f.max_loss,
        f.margin_ratio,
        f.past_liquidation,
        coin,
    )
    texts = None if made is None else made.get(key)
    if texts is None:
        distance = f.liquidation_distance
        texts = (
            said(price_or_none_text(f.liquidation_price)),  # "none" in the window's language
            "" if distance is None else compact_distance_text(distance),
            compact_amount_text(f.max_loss, coin),
            "≥ 100 %" if f.past_liquidation else percent_text(f.margin_ratio, RATIO_DECIMALS),
        )
        if made is not None:
            made[key] = texts
    return (f"{f.id}·{modes[f.margin_mode]}", *texts)


def header_text(column: int, prices: str, currency: str) -> str:
    """A column's header: its title, and on a second line the unit of its figures where a
    cell does not show one (a price and an amount; distance and ratio read "%")."""
    title = tr(HEADERS[column][0])
    unit = prices if column == 1 else currency if column == 3 else ""
    return f"{title}\n{unit}" if unit else title


def cell_tooltip(f: PositionFigures, column: int, prices: str, currency: str) -> str:
    """What a cell's figure means, in its unit; a liquidation price the venue reported too
    says how far ours is from it."""
    key = HEADERS[column][1]
    unit = f" ({prices})" if column == 1 else f" ({currency})" if column == 3 else ""
    tip = (
        f"{tr(HEADERS[column][0])}{unit}: {tr(TOOLTIPS[key])}"
        if key
        else tr("{id}: {symbol} {side}, {mode} in this variant").format(
            id=f.id, symbol=f.symbol, side=tr(f.side), mode=tr(f.margin_mode)
        )
    )
    if column == 1 and f.venue_liquidation_price is not None:
        venue = venue_comparison(f.liquidation_price, f.venue_liquidation_price)
        tip = f"{tip}\n\n{said(venue)}"
    return tip


class FiguresModel(QAbstractTableModel):
    """The rows' texts and the figures they were made of (``show``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts: list[tuple[str, ...]] = []
        self._figures: list[PositionFigures] = []
        self._units = ("", "")  # what prices and amounts are in

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self.texts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        # Asked for seven roles of every cell in sight at each paint: the roles this model
        # answers are told apart first, as plain numbers, and any other costs no more.
        if role == _DISPLAY:
            return self.texts[index.row()][index.column()] if index.isValid() else None
        if role == _ALIGNMENT:
            return _RIGHT if index.column() > 0 else None
        if role == _TOOLTIP and index.isValid():
            return cell_tooltip(self._figures[index.row()], index.column(), *self._units)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        key = HEADERS[section][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(section, *self._units)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(TOOLTIPS[key]) if key else tr("The position's ID")
        return None

    def show(
        self,
        texts: list[tuple[str, ...]],
        figures: list[PositionFigures],
        prices: str,
        currency: str,
    ) -> bool:
        """Show ``texts``; True when any text or unit changed (the columns may need new
        widths)."""
        units_changed = (prices, currency) != self._units
        self._figures, self._units = figures, (prices, currency)
        if len(texts) != len(self.texts):
            self.beginResetModel()
            self.texts = texts
            self.endResetModel()
            return True
        before = self.texts
        changed = [row for row, (a, b) in enumerate(zip(texts, before, strict=True)) if a != b]
        self.texts = texts
        # The view repaints the changed cells' rectangle: where no ID changed (a keystroke's
        # new figures), the Position column, the dearest to paint, is left as it is.
        first = 0 if any(texts[row][0] != before[row][0] for row in changed) else 1
        if units_changed:  # the headers and the tooltips say the units
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
            if texts:
                changed, first = [0, len(texts) - 1], 0
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(changed[0], first), self.index(changed[-1], last))
        return bool(changed) or units_changed


def elided_position(
    text: str, metrics: QFontMetrics, room: int, mode_in_title: bool = False
) -> str:
    """A Position cell's "ID·mode" in ``room`` pixels: the ID cut at its end ("…"), the mode
    whole: "ETHUSDT-s…·cross". Qt's own elision would cut the mode first. Where the card's
    title gives the mode (``mode_in_title``), the mode goes first: "kPEPE"."""
    if metrics.horizontalAdvance(text) <= room:
        return text
    name, dot, mode = text.rpartition("·")
    if dot and mode_in_title:
        return elided_position(name, metrics, room)
    if not dot:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    tail = dot + mode
    left = max(room - metrics.horizontalAdvance(tail), 0)
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, left) + tail


class _PositionCell(QStyledItemDelegate):
    """Draws the Position cell through ``elided_position`` at the cell's width."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if option.rect.width() > 0:  # a size hint asks with no cell: the whole text
            table = option.widget
            in_title = isinstance(table, FiguresTable) and table.mode_in_title
            option.text = elided_position(
                option.text, option.fontMetrics, _text_room(option), in_title
            )


def _text_room(option: QStyleOptionViewItem) -> int:
    """The width Qt's style draws an item's text in: its text rectangle less the focus
    frame's margin and 1 pixel each side (``QCommonStyle``, ``viewItemDrawText``), less
    ``_SLACK``: Qt measures in fractions of a pixel and would cut a text we measured whole."""
    widget = option.widget
    style = widget.style() if widget is not None else None
    if style is None:
        return option.rect.width() - 6 - _SLACK
    text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
    return text.width() - 2 * margin - _SLACK


_SLACK = 2  # pixels


def shown_position(table: QTableView, index: Index) -> str:
    """The text the Position cell at ``index`` shows at its width."""
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = table.visualRect(index)
    delegate = table.itemDelegateForColumn(0)
    assert isinstance(delegate, _PositionCell)
    delegate.initStyleOption(option, index)
    return option.text


class FiguresTable(QTableView):
    """Every column at least as wide as its widest figure, the spare width shared out evenly.

    Qt's stretch mode gives columns equal widths and elides what does not fit: on a laptop
    screen a liquidation price read "45,1…". Here the table refuses to get narrower than its
    figures instead, and the panel around it scrolls.
    """

    def __init__(self, parent: QWidget | None = None, mode_in_title: bool = False) -> None:
        super().__init__(parent)
        self.mode_in_title = mode_in_title  # the card's title gives every row's mode
        self.figures = FiguresModel(self)
        self.setModel(self.figures)
        self._position_cell = _PositionCell(self)
        self.setItemDelegateForColumn(0, self._position_cell)
        self._widths = TextWidths()  # each text's width in the table's font
        self.rows_shown: int | None = None  # rows its height shows (the card sets it)
        self.id_cut = 0  # pixels a long ID gives up at the table's least width

    def rowCount(self) -> int:
        return self.figures.rowCount()

    def columnCount(self) -> int:
        return self.figures.columnCount()

    def _needed(self, column: int) -> tuple[int, str, int]:
        """The column's widest cell as Qt sizes it, asked of one cell only: the one whose text
        is widest. ``sizeHintForColumn`` would ask every row (3 × 500 × 5 cells a keystroke in
        a big book), and most texts are the same from one keystroke to the next. With that
        text and its advance ("" and 0 in an empty table)."""
        header = self.horizontalHeader().sectionSizeHint(column)
        texts = self.figures.texts
        if not texts:
            return header, "", 0
        column_texts = list(map(itemgetter(column), texts))
        widest, advance = self._widths.widest(column_texts, self.font())
        widest_row = column_texts.index(widest)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        index = self.figures.index(widest_row, column)
        cell = self.itemDelegateForIndex(index).sizeHint(option, index).width()
        if column == 0:  # the Position cell draws its text in ``_SLACK`` less (``_text_room``)
            cell += _SLACK  # at Qt's own size "Core·cross" was drawn "C…·cross"
        return max(cell + (1 if self.showGrid() else 0), header), widest, advance

    def _id_room(self, whole: int, widest: str, advance: int) -> int:
        """The ID column's least width: its widest cell (``whole``, ``widest`` of
        ``advance`` pixels, from ``_needed``) with that cell's ID as wide as ``ID_ROOM``, at
        most ``whole``."""
        if not widest:
            return whole
        name, dot, mode = widest.rpartition("·")
        metrics = self.fontMetrics()
        if self.mode_in_title:  # the mode may go: the ID alone, cut as ``ID_ROOM`` at most
            shortest = min(
                metrics.horizontalAdvance(name or widest), metrics.horizontalAdvance(ID_ROOM)
            )
            return min(whole, whole - advance + shortest + _SLACK)
        reference = metrics.horizontalAdvance(f"{ID_ROOM}{dot}{mode}") + _SLACK
        return min(whole, whole - advance + reference)

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        (whole, widest, advance), *others = (self._needed(c) for c in range(self.columnCount()))
        needed = [whole, *(width for width, _, _ in others)]
        # More rows than its height shows: a vertical scroll bar takes its width, and the
        # last column was cut ("≥ 100 '" for "≥ 100 %") in a card of a big book.
        scrolls = self.rows_shown is not None and self.rowCount() > self.rows_shown
        bar = self.verticalScrollBar().sizeHint().width() if scrolls else 0
        # The card asks for a long ID's Position cut short (``elided_position``), and gives
        # it back whole first wherever the card has the room.
        least = self._id_room(whole, widest, advance)
        self.id_cut = needed[0] - least
        self.setMinimumWidth(least + sum(needed[1:]) + bar + 2 * self.frameWidth())
        spare = max(self.viewport().width() - least - sum(needed[1:]), 0)
        given = min(spare, needed[0] - least)
        needed[0] = least + given
        share, rest = divmod(spare - given, len(needed))
        for column, width in enumerate(needed):
            wanted = width + share + (column < rest)
            if header.sectionSize(column) != wanted:
                header.resizeSection(column, wanted)

    def sizeHint(self) -> QSize:
        """As wide as every figure and ID whole (the least width and the ID's cut): the
        cards' row gives each card that much where the panel has it, then shares the rest.
        Shared evenly from Qt's default, a card whose mode may go (``mode_in_title``) was cut
        beside another with room to spare."""
        return QSize(self.minimumWidth() + self.id_cut, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
