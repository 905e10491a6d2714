"""Side-by-side figures of the three variants, with the per-symbol summary on top."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.controller import Result
from marginlab.desktop.figures_table import FiguresTable, FigureTexts, row_texts
from marginlab.desktop.i18n import named, said, tr
from marginlab.desktop.style import TOOLTIPS, VARIANT_STYLES, tint
from marginlab.desktop.summary_view import SummaryView
from marginlab.engine.margin.models import VARIANTS
from marginlab.engine.margin.report import PositionFigures, Report, VariantReport
from marginlab.engine.text.numbers import (
    amount_text,
    money_text,
    price_text,
)
from marginlab.engine.text.report_text import margin_ratio_text
from marginlab.engine.text.symbol_summaries import SymbolSummaries

CARD_ROWS = 6  # positions a card shows before its table scrolls
CARD_MARGIN = 8  # px each side of a card's figures
TIGHT_MARGIN = 4  # on a screen too narrow for the three cards at their usual margins
SHORT_CARD_ROWS = 3  # the same in a short window: its max loss and the plot stay in view
SHOWN_WARNINGS = 3  # warnings a card shows; the rest are counted, and listed in its tooltip
LISTED_WARNINGS = 30  # warnings a card's tooltip lists


def comparison_rows(report: Report) -> list[list[str]]:
    """The comparison as a table of text: what CSV export and the clipboard get. Prices in
    what they are quoted in (USD for coin-margined contracts), amounts in the coin settled."""
    cur, quoted = report.currency, report.price_currency
    rows = [
        [
            "variant",
            "position",
            "symbol",
            "mode",
            f"liquidation price ({quoted})",
            "distance (%)",
            f"bankruptcy price ({quoted})",
            f"max loss ({cur})",
            "margin ratio (%)",
            "liquidated",
        ]
    ]
    for name, variant in report.variants.items():
        for f in variant.positions.values():
            rows.append(
                [
                    name,
                    f.id,
                    f.symbol,
                    f.margin_mode,
                    _num(f.liquidation_price),
                    _num(None if f.liquidation_distance is None else f.liquidation_distance * 100),
                    _num(f.bankruptcy_price),
                    _num(f.max_loss),
                    _num(None if f.margin_ratio is None else f.margin_ratio * 100),
                    "yes" if f.liquidated else "no",
                ]
            )
        a = variant.account
        rows.append(
            [
                name,
                "ACCOUNT",
                "",
                "",
                "",
                "",
                "",
                _num(a.max_loss),
                _num(None if a.margin_ratio is None else a.margin_ratio * 100),
                "",
            ]
        )
    return rows


def _height_at(widget: QWidget, width: int) -> int:
    layout = widget.layout()
    if layout is not None and layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return widget.sizeHint().height()


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


class VariantCard(QFrame):
    """One variant's figures in a frame of the variant's colour, titled with its line style."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        style = VARIANT_STYLES[name]
        super().__init__(parent)
        self.name = name
        self._colour = QColor(style.colour)
        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(CARD_MARGIN, 6, CARD_MARGIN, 6)
        self.title = QLabel(f"{style.title}   {style.glyph}")
        self.title.setAccessibleName(f"{name} title")
        tint(self.title, style.colour, bold=True)
        # Wrapped, so the title never sets the card's width: "at the what-if: BTCUSDT
        # 40,000.00" widened all three cards and put All cross beyond a laptop's screen.
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self._shown: list[tuple[PositionFigures, bool]] = []  # the figures the rows were made of
        # In All isolated and All cross the title gives every position's mode: short of room,
        # their IDs drop it first (``FiguresTable.mode_in_title``).
        self.table = FiguresTable(mode_in_title=name != "as_entered")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(20)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tint(self.table, point_size=9)
        self.table.setAccessibleName(f"{name} figures")
        layout.addWidget(self.table)
        self.row_cap = CARD_ROWS
        self.account = QLabel()
        self.account.setWordWrap(True)
        self.account.setToolTip(tr(TOOLTIPS["max_loss"]))
        self.account.setAccessibleName(f"{name} account")
        layout.addWidget(self.account)
        self.warnings = QLabel()
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setWordWrap(True)
        tint(self.warnings, "#c0392b")
        self.warnings.setAccessibleName(f"{name} warnings")
        layout.addWidget(self.warnings)
        layout.addStretch()  # a card beside a taller one keeps its figures at the top

    def whole_width(self) -> int:
        """The card's width with every ID whole and its usual margins (``CARD_MARGIN``)."""
        return self._bare_width() + 2 * CARD_MARGIN + self.table.id_cut

    def minimumSizeHint(self) -> QSize:
        """The least width: IDs cut (``FiguresTable.id_cut``) and margins tight
        (``TIGHT_MARGIN``). The three cards of a 12-position Hyperliquid import ran 80 px
        past a laptop's screen (1280 × 720) beside the narrowest left column."""
        hint = super().minimumSizeHint()
        return QSize(self._bare_width() + 2 * TIGHT_MARGIN, hint.height())

    def _bare_width(self) -> int:
        """The layout's least width without its side margins."""
        margins = self._column.contentsMargins()
        return super().minimumSizeHint().width() - margins.left() - margins.right()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Tight margins only where the card has less than its usual least width."""
        super().resizeEvent(event)
        side = CARD_MARGIN if self.width() >= self._bare_width() + 2 * CARD_MARGIN else TIGHT_MARGIN
        margins = self._column.contentsMargins()
        if margins.left() != side:
            self._column.setContentsMargins(side, margins.top(), side, margins.bottom())

    def lay_out(self) -> None:
        """Place the card's rows now, not on the event loop's next turn."""
        self._column.activate()

    def set_row_cap(self, rows: int) -> None:
        """Show at most ``rows`` positions; the table scrolls beyond."""
        if rows != self.row_cap:
            self.row_cap = rows
            self._fit_rows(self.table.figures.rowCount())

    def _fit_rows(self, positions: int) -> None:
        """The table as tall as its rows, up to ``row_cap``."""
        header = self.table.horizontalHeader().sizeHint().height()
        rows = self.table.rows_shown = min(max(positions, 1), self.row_cap)
        height = (
            header
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        if self.table.height() != height:
            self.table.setFixedHeight(height)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self._colour, 2))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        finally:
            painter.end()

    def show_variant(
        self,
        variant: VariantReport,
        currency: str,
        prices: str = "",
        usd: dict[str, float] | None = None,
        coin: bool = False,
    ) -> None:
        """The variant's rows and account line; ``prices`` is what prices are quoted in (the
        currency, or USD for coin-margined contracts), and ``usd`` a coin account's amounts
        in USD (``Report.usd``)."""
        prices = prices or currency
        positions = list(variant.positions.values())
        modes = {"isolated": tr("iso"), "cross": tr("cross")}
        before = self.table.figures.texts
        made: FigureTexts = {}
        texts = [
            before[row]
            if row < len(self._shown) and self._shown[row] == (f, coin)
            else row_texts(f, coin, modes, made)  # a big book: most rows are as they were
            for row, f in enumerate(positions)
        ]
        self._shown = [(f, coin) for f in positions]
        changed = self.table.figures.show(texts, positions, prices, currency)
        self._fit_rows(len(positions))
        # Same figures, same widths: no need to measure them again. An empty book's table is
        # fitted to its headers, or its card asked for less than it takes: an empty file
        # opened at start-up left the cross card a scroll away.
        if changed or not positions:
            self.table.fit_columns()
        a = variant.account
        currency = html.escape(currency)
        self.account.setText(
            tr(
                "<b>Max loss if wrong: {loss} {currency}</b><br>Equity now {equity} {currency}"
                " · margin put in {margin} {currency} · margin ratio {ratio}"
            ).format(
                loss=amount_text(a.max_loss, coin),
                equity=amount_text(a.equity_now, coin),
                margin=amount_text(a.initial_margin, coin),
                currency=currency,
                ratio=html.escape(
                    said(margin_ratio_text(a.margin_ratio, bool(a.past_liquidation)))
                ),
            )
            + (
                ""
                if usd is None
                else "<br>"
                + tr(
                    "In USD: equity now {equity} · max loss if wrong {loss} (fewer coins, each "
                    "worth less)"
                ).format(
                    equity=money_text(usd["equity_now"], "USD"),
                    loss=money_text(usd["max_loss"], "USD"),
                )
            )
        )
        lines = [f"⚠ {said(w.message)}" for w in variant.warnings]
        shown = lines[:SHOWN_WARNINGS]
        if len(lines) > SHOWN_WARNINGS:  # a big book's card keeps its figures in view
            more = tr("⚠ … and {n} more: hold the pointer here to read them")
            shown.append(more.format(n=len(lines) - SHOWN_WARNINGS))
        self.warnings.setText("\n".join(shown))
        self.warnings.setToolTip(named(lines, LISTED_WARNINGS, "\n"))
        self.warnings.setVisible(bool(variant.warnings))


class ComparisonPanel(QScrollArea):
    """Scrolls rather than squeezing: on a small screen no figure is cut or drawn over."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("comparison")
        content = QWidget()
        layout = self._column = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = SummaryView()
        layout.addWidget(self.summary)
        self._row = QHBoxLayout()
        self.cards = {name: VariantCard(name) for name in VARIANTS}
        for card in self.cards.values():
            self._row.addWidget(card)
        layout.addLayout(self._row)
        layout.addStretch()
        self.setWidget(content)

    def unscrolled_width(self) -> int:
        """The narrowest the panel can be with the three cards side by side and no scroll bar.

        Asked of the cards themselves: before the window's first show, the panel's own layout
        has not yet caught up with the figures the cards hold. With every ID whole: a card
        cuts a long one (``FiguresTable.id_cut``) only where the left column can give no more."""
        cards = [card.whole_width() for card in self.cards.values()]
        spacing = self._row.spacing() * (len(cards) - 1)
        return sum(cards) + spacing + self.verticalScrollBar().sizeHint().width()

    def set_row_cap(self, rows: int) -> None:
        """Each card shows at most ``rows`` positions (``CARD_ROWS``, or fewer in a short
        window)."""
        for card in self.cards.values():
            card.set_row_cap(rows)

    def unscrolled_height(self, width: int) -> int:
        """The height that shows the summary and every card whole at ``width``."""
        inner = width - self.verticalScrollBar().sizeHint().width()
        summary = self.summary.height()
        spacing = self._row.spacing() * (len(self.cards) - 1)
        card_width = (inner - spacing) // len(self.cards)
        cards = max(_height_at(card, card_width) for card in self.cards.values())
        return summary + self._column.spacing() + cards

    def show_result(self, result: Result) -> None:
        report = result.shown
        self.summary.show_summaries(SymbolSummaries(report))
        where = (
            ""
            if result.cards is None
            else "   " + tr("at the what-if: {prices}").format(prices=_prices_text(result.at))
        )
        for name, card in self.cards.items():
            style = VARIANT_STYLES[name]
            title = f"{style.title}   {style.glyph}{where}"
            if card.title.text() != title:
                card.title.setText(title)
        for name, card in self.cards.items():
            card.show_variant(
                report.variants[name],
                report.currency,
                report.price_currency,
                report.usd.get(name),
                report.coin,
            )
        # Laid out now, inside out: a card whose text grew would otherwise keep its old height
        # for a turn of the event loop per level of layout, and be painted squeezed meanwhile.
        for card in self.cards.values():
            card.lay_out()
        self._column.activate()


def _prices_text(prices: dict[str, float]) -> str:
    """ "BTCUSDT 40,000.00", or "5 symbols moved" when the names would crowd a title."""
    if len(prices) > 2:
        return tr("{n} symbols moved").format(n=len(prices))
    return ", ".join(f"{symbol} {price_text(price)}" for symbol, price in prices.items())
