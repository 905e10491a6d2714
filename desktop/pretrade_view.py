"""The "Before you open" tab (issue 18): the order you are about to place, opened isolated and
opened cross side by side in this account, against the loss you accept, with a recommendation
whose reasons are the rules that gave it. "Open it" adds it to the scenario (Ctrl+Z undoes)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.before_paint import BeforePaint
from marginlab.desktop.controller import Result, ScenarioController
from marginlab.desktop.fields import LINE_EDIT_PADDING
from marginlab.desktop.i18n import N_, said, tr
from marginlab.desktop.order_fields import (
    ProblemLine,
    caption_row,
    example_mark,
    example_values,
    price_placeholder,
    refill_symbols,
    side_box,
    symbol_box,
    text_field,
)
from marginlab.desktop.pretrade import PreTrade
from marginlab.desktop.style import VARIANT_STYLES, tint
from marginlab.desktop.unit_captions import UnitCaptions
from marginlab.engine.margin.rules import base_asset
from marginlab.engine.text.numbers import (
    amount_text,
    money_text,
    number_text,
    percent_text,
    quoted_price_text,
)
from marginlab.engine.text.orders import where_it_fills

MODES = ("isolated", "cross")
# Each order field's share of the row's spare width: symbol, side, size, as, leverage, price,
# MMR, max acceptable loss (the combos hold their contents' width).
ORDER_STRETCH = (0, 0, 2, 0, 0, 3, 3, 4)
ROWS = (
    (
        "liquidation",
        N_("Liquidation price"),
        N_("Where the order is liquidated, the rest at their marks"),
    ),
    ("distance", N_("Distance"), N_("Liquidation price / mark − 1")),
    (
        "loss",
        N_("Loss if wrong"),
        N_(
            "What the account loses at the worst move of this symbol against the order, the "
            "others at their marks"
        ),
    ),
    ("closes", N_("Also closes"), N_("Existing positions that move takes with it")),
    (
        "account",
        N_("Account max loss"),
        N_("The account's max loss if wrong (any move of any symbol), now → after opening"),
    ),
    ("within", N_("Within what you accept"), N_("Loss if wrong ≤ your max acceptable loss")),
    (
        "size",
        N_("Largest size within it"),
        N_(
            "The largest size, at this price and leverage, whose loss if wrong stays within "
            "what you accept (and that the account can open)"
        ),
    ),
    (
        "leverage",
        N_("Highest leverage at this margin"),
        N_(
            "Keeping the order's margin, the highest leverage whose loss if wrong stays within "
            "what you accept (and the tier allows)"
        ),
    ),
    (
        "moves",
        N_("Moves existing liquidations"),
        N_("Existing positions whose liquidation price this order moves: before → after"),
    ),
)


class PreTradeView(QScrollArea):
    def __init__(self, controller: ScenarioController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.owner = PreTrade(controller)
        self._controller = controller
        body = QWidget()
        outer = QVBoxLayout(body)
        order = QGroupBox(tr("The position you are about to open"))
        grid = QGridLayout(order)
        self.symbol = symbol_box(tr("order symbol"))
        self.side = side_box(tr("order side"))
        self.size_field = text_field(
            tr("e.g. {value}").format(value="0.4"),
            tr("Quantity in base units, or the margin you give it"),
            tr("order size"),
        )
        self.size_kind = QComboBox()
        self.size_kind.addItems([tr("quantity"), tr("margin")])
        self.size_kind.setAccessibleName("order size as")
        self.size_kind.setToolTip(
            tr("Size as a quantity (base units) or as the margin you give it")
        )
        self.leverage = text_field("10", tr("Leverage of the order"), tr("order leverage"))
        self.leverage.setText("10")
        self.price = text_field(
            "mark", tr("Order price (its entry); empty = the symbol's mark"), tr("order price")
        )
        self.mmr = text_field(
            tr("table"),
            tr(
                "MMR override in %, where no tier table covers the symbol; empty = the rate "
                "the account's own positions in it hold"
            ),
            tr("order mmr"),
        )
        self.acceptable = text_field(
            tr("the account's"),
            tr("The most you accept to lose if you are wrong"),
            tr("acceptable loss"),
        )
        cells: tuple[tuple[str, QWidget], ...] = (
            (tr("Symbol"), self.symbol), (tr("Side"), self.side), (tr("Size"), self.size_field),
            (tr("as"), self.size_kind), (tr("Leverage ×"), self.leverage),
            (tr("Price"), self.price), (tr("MMR %"), self.mmr),
            (tr("Max acceptable loss"), self.acceptable),
        )  # fmt: skip
        captions = caption_row(grid, cells)
        self._units = UnitCaptions()
        for column, caption, unit in ((2, tr("Size"), "size"), (5, tr("Price"), "price"),
                                      (7, tr("Max acceptable loss"), "amount")):  # fmt: skip
            self._units.add(captions[column], caption, unit)
        # The room shared by what each field shows: in equal shares the leverage's "10" had
        # as much as the price's "mark 50,000.00", cut to "mark 50,000....", and the size's
        # unit read "contracts (100 U".
        self.size_kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.leverage.setMaximumWidth(
            self.leverage.fontMetrics().horizontalAdvance("1000.5") + LINE_EDIT_PADDING
        )
        for column, stretch in enumerate(ORDER_STRETCH):
            grid.setColumnStretch(column, stretch)
        outer.addWidget(order)
        # Under the order it is about (below the buttons it was out of view on a laptop).
        self.problems = ProblemLine(tr("order problems"))
        outer.addWidget(self.problems)
        self.verdict = QLabel()
        self.verdict.setAccessibleName("recommendation")
        tint(self.verdict, bold=True, point_size=self.font().pointSizeF() * 1.4)
        outer.addWidget(self.verdict)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName("reasons")
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.reasons)
        for label in (self.verdict, self.reasons):
            label.hide()  # until the first check: empty, they left a gap above the table
        self.table = QTableWidget(len(ROWS), 2)
        self.table.setAccessibleName("order in each mode")
        self.table.setHorizontalHeaderLabels([tr("Open it isolated"), tr("Open it cross")])
        self.table.setVerticalHeaderLabels([tr(r[1]) for r in ROWS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (_, _, tip) in enumerate(ROWS):
            header = self.table.verticalHeaderItem(row)
            assert header is not None  # set by the labels above
            header.setToolTip(tr(tip))
        for col, mode in enumerate(MODES):
            item = self.table.horizontalHeaderItem(col)
            assert item is not None
            item.setForeground(QColor(VARIANT_STYLES[mode].colour))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        outer.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.use_size = {}
        self.open_buttons = {}
        for mode in MODES:
            use = QPushButton(tr("Use the largest size within it ({mode})").format(mode=tr(mode)))
            use.setToolTip(tr("Put that size in the Size field"))
            use.clicked.connect(lambda _=False, m=mode: self._use_size(m))
            self.use_size[mode] = use
            buttons.addWidget(use)
        buttons.addStretch(1)
        for mode in MODES:
            button = QPushButton(
                tr("Open it isolated") if mode == "isolated" else tr("Open it cross")
            )
            button.setToolTip(
                tr("Add this position to the scenario as {mode} (Ctrl+Z undoes it)").format(
                    mode=tr(mode)
                )
            )
            button.clicked.connect(lambda _=False, m=mode: self.open_it(m))
            self.open_buttons[mode] = button
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.setWidget(body)
        self._check: Any = None
        self._stale = True  # the figures shown are not the account's (set while hidden)
        self._soon = BeforePaint(self.recompute, self)  # the next frame shows the answer
        for edit in (self.size_field, self.leverage, self.price, self.mmr, self.acceptable):
            edit.textEdited.connect(self._typed)
        self.symbol.currentTextChanged.connect(self._typed)
        self.side.currentIndexChanged.connect(self._typed)
        self.size_kind.currentIndexChanged.connect(self._typed)
        controller.resultChanged.connect(self._on_result_changed)
        controller.scenarioReplaced.connect(
            lambda: refill_symbols(self.symbol, self.owner.planner.symbols(), keep_typed=False)
        )
        self._on_result_changed(controller.result)

    def set_order(self, symbol: str, side: str, size: float, leverage: float, price: float) -> None:
        """Fill the ticket (a preset's order): what a trader would type, every digit of it (a
        price left out of the order is the mark's)."""
        self.symbol.setEditText(symbol)
        self.side.setCurrentIndex(0 if side == "long" else 1)
        self.size_kind.setCurrentIndex(0)
        self.size_field.setText(number_text(size))
        self.leverage.setText(number_text(leverage))
        self.price.setText(number_text(price))
        self.recompute()

    # --- figures --------------------------------------------------------------------------------
    def _on_result_changed(self, result: Result | None) -> None:
        refill_symbols(self.symbol, self.owner.planner.symbols())
        limit = self.owner.planner.default_loss()
        self.acceptable.setPlaceholderText(
            tr("type it")
            if limit is None
            else tr("{amount} (the account's)").format(amount=amount_text(limit, self.owner.coin))
        )
        self.schedule()  # the size's unit follows there, when the view is shown

    def _show_size_unit(self, mark: float | None, size: float | None) -> None:
        """In a coin-margined account the order is sized in contracts of the account's size.
        The example size is about 1,000 of notional at the symbol's mark: "e.g. 0.4" was a
        BTC size beside an ENA order at 0.68."""
        first = (
            tr("quantity")
            if size is None
            else tr("contracts ({size} USD)").format(size=f"{size:g}")
        )
        if self.size_kind.itemText(0) != first:
            self.size_kind.setItemText(0, first)
        example = example_values(
            example_mark(mark, self.price.text()), self.side.currentIndex() == 0, size is not None
        )
        text = tr("e.g. {value}").format(value=example["quantity"])
        if self.size_field.placeholderText() != text:
            self.size_field.setPlaceholderText(text)
            # The example whole, as the price's mark: in a coin-margined account the size's
            # unit ("contracts (100 USD)") and the loss's caption left it "e.g. …".
            width = self.size_field.fontMetrics().horizontalAdvance(text) + LINE_EDIT_PADDING
            self.size_field.setMinimumWidth(width)

    def _show_units(self, contracts: bool) -> None:
        """The captions' units: a size in the symbol's coin, or in the settlement currency
        as a margin (none in contracts: the size's unit names them); prices in what they
        are quoted in; the loss in the settlement currency."""
        planner = self.owner.planner
        symbol = planner.symbol(self.symbol.currentText())
        if contracts:
            size = ""
        elif self.size_kind.currentIndex() == 0:
            size = base_asset(symbol) if symbol else ""
        else:
            size = self.owner.currency
        self._units.show(
            {"size": size, "price": planner.price_currency, "amount": self.owner.currency}
        )

    def _typed(self, *_: Any) -> None:
        """The trader changed the order: a note on the last one opened no longer applies."""
        self.problems.forget_note()
        self.schedule()

    def schedule(self, *_: Any) -> None:
        self._soon.request()

    def recompute(self, *_: Any) -> None:
        self._soon.cancel()
        if not self.isVisible():  # hidden: checked again when shown (an edit elsewhere)
            self._stale = True
            return
        self._stale = False
        mark = self.owner.planner.mark(self.symbol.currentText())
        size = self.owner.contract_size(self.symbol.currentText())  # None: not contracts
        self._show_size_unit(mark, size)
        self._show_units(size is not None)
        placeholder = price_placeholder(mark, self.symbol.currentText())
        if self.price.placeholderText() != placeholder:
            self.price.setPlaceholderText(placeholder)
            # The mark whole before the other fields share the row ("mark 50,000.…").
            width = self.price.fontMetrics().horizontalAdvance(placeholder) + LINE_EDIT_PADDING
            self.price.setMinimumWidth(width)
        mmr = self.owner.planner.mmr_placeholder(self.symbol.currentText())
        if self.mmr.placeholderText() != mmr:
            self.mmr.setPlaceholderText(mmr)
        answer = self.owner.check(
            self.symbol.currentText(),
            "long" if self.side.currentIndex() == 0 else "short",
            self.size_field.text(),
            "quantity" if self.size_kind.currentIndex() == 0 else "margin",
            self.leverage.text(),
            self.price.text(),
            self.mmr.text(),
            self.acceptable.text(),
        )
        # A refused input leaves the last check in place and says why under it.
        self.problems.show_problems(answer.problems, self._check is not None)
        if answer.figures is not None:
            self._show(answer.figures)
        for button in self.open_buttons.values():
            button.setEnabled(answer.figures is not None)
        for mode, button in self.use_size.items():  # no size within it: nothing to use
            button.setEnabled(answer.figures is not None and bool(self._size_within(mode)))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def _show(self, check: Any) -> None:
        self._check = check
        cur, coin = self.owner.currency, self.owner.coin
        style = VARIANT_STYLES[check.recommendation]
        self.verdict.setText(
            tr("Recommendation: open it ISOLATED")
            if check.recommendation == "isolated"
            else tr("Recommendation: open it CROSS")
        )
        tint(self.verdict, style.colour)
        lines = [
            f"<span style='color:#c0392b'>⚠ {html.escape(said(w))}</span>" for w in check.warnings
        ]
        fills = where_it_fills(check)
        if fills:
            lines.append(f"<span style='color:#707070'>{html.escape(said(fills))}</span>")
        if check.disagree:
            lines.append(tr("<i>The rules disagree; the first one below decides.</i>"))
        for reason in check.reasons:
            # A reason for neither mode (both exceed the limit) is a plain point, no "·:".
            mark = f"<b>→ {tr(reason.favours)}</b>:" if reason.favours else "<b>·</b>"
            lines.append(f"{mark} {said(reason.text)} <span style='color:#707070'>"
                         f"({said(reason.source)})</span>")  # fmt: skip
        self.reasons.setText("<br>".join(lines))
        for label in (self.verdict, self.reasons):
            label.show()
        prices = self.owner.planner.price_currency  # USD beside a coin-margined account

        def price(value: float | None) -> str:  # with its unit: bare beside amounts in USDT
            return said(quoted_price_text(value, prices))

        for col, mode in enumerate(MODES):
            m = check.modes[mode]
            within = tr("n/a") if m.within is None else tr("yes") if m.within else tr("NO")
            cells = {
                "liquidation": price(m.liquidation_price),
                "distance": percent_text(m.distance, 1, signed=True),
                "loss": money_text(m.loss_if_wrong, cur, coin=coin),
                "closes": ", ".join(m.closes) or "—",
                "account": f"{money_text(m.account_max_loss_before, cur, coin=coin)} → "
                f"{money_text(m.account_max_loss, cur, coin=coin)}",
                "within": within,
                "size": tr("n/a")
                if m.max_size is None
                else tr("none")
                if not m.max_size
                else self.owner.size_text(check.ticket, m.max_size),
                "leverage": tr("none") if m.max_leverage is None else f"{m.max_leverage:,.2f}×",
                "moves": "; ".join(f"{v.id} {price(v.before)} → {price(v.after)}" for v in m.moves)
                or "—",
            }
            for row, (key, _, _) in enumerate(ROWS):
                item = QTableWidgetItem(cells[key])
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "within" and m.within is not None:
                    item.setForeground(QColor("#2e8b57" if m.within else "#c0392b"))
                if key == "moves":
                    item.setToolTip(cells[key])
                self.table.setItem(row, col, item)

    def _size_within(self, mode: str) -> float | None:
        """The largest size within the limit in ``mode`` (0: none is), None before a check."""
        return None if self._check is None else self._check.modes[mode].max_size

    def _use_size(self, mode: str) -> None:
        size = self._size_within(mode)
        if not size:
            return
        self.problems.forget_note()
        self.size_kind.setCurrentIndex(0)
        self.size_field.setText(number_text(size))  # found to the digits it reads, within
        self.recompute()

    def open_it(self, mode: str) -> bool:
        done = self.owner.open_it(mode)  # type: ignore[arg-type]
        if done:
            opened = tr("Opened as {mode}: Ctrl+Z undoes it.").format(mode=tr(mode))
            self.problems.show_note(opened + self.owner.marks_note())
        return done
