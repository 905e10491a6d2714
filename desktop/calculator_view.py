"""The Calculator tab (issue 17): the order you are about to place, then average entry and the
DCA ladder, max open, the size from the loss you accept, and funding over a holding time, each
in both modes in this account, recomputed as you type. Figures come from ``Planner``."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.before_paint import BeforePaint
from marginlab.desktop.controller import Result, ScenarioController
from marginlab.desktop.elided_label import WrappedLabel
from marginlab.desktop.equity_plot import plain_axes
from marginlab.desktop.i18n import N_, said, tr
from marginlab.desktop.line_key import LineKey, key_row
from marginlab.desktop.order_fields import (
    ProblemLine,
    caption_row,
    compact_form,
    example_mark,
    example_values,
    price_placeholder,
    refill_choices,
    refill_symbols,
    side_box,
    symbol_box,
    text_field,
)
from marginlab.desktop.panes import scroll_down_only
from marginlab.desktop.planner import (
    MODES,
    Answer,
    ExitFigures,
    FundingFigures,
    Planner,
    SizeFigures,
    ladder_rows,
)
from marginlab.desktop.steady_tabs import SteadyTabs
from marginlab.desktop.style import tint
from marginlab.desktop.unit_captions import UnitCaptions
from marginlab.engine.margin.rules import base_asset
from marginlab.engine.text.numbers import (
    amount_decimals,
    amount_text,
    at_least_text,
    at_most_text,
    percent_text,
    quoted_price_text,
)

LADDER_HEAD = [
    N_("Fill"),
    N_("Price"),
    N_("Qty"),
    N_("Total qty"),
    N_("Avg entry"),
    N_("Margin"),
    N_("Liq. isolated"),
    N_("Liq. cross"),
]
FUNDING_PAGE = 4
MONEY_COLUMNS = {N_("Price"), N_("Avg entry"), N_("Margin"), N_("Liq. isolated"), N_("Liq. cross")}
MODE_COLOURS = {"isolated": "#1f77b4", "cross": "#d62728"}
FEE_FORMULAS = ("bybit", "bitget")  # order costs that hold back the taker fees (planning)


class CalculatorView(QScrollArea):
    """Scrolls rather than asking for its fields' height: on a 720-line screen, opening this
    tab took the room from the cards and hid a big book's "Max loss if wrong"."""

    def __init__(self, controller: ScenarioController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scroll_down_only(self)
        self.planner = Planner(controller)
        self._units = UnitCaptions()
        # Keystrokes that arrive while a big book is being searched are answered once.
        self._soon = BeforePaint(self.recompute, self)  # the next frame shows the answer
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setSpacing(4)
        ticket = self.order_box = QGroupBox(tr("The order"))
        grid = QGridLayout(ticket)
        self.symbol = symbol_box(tr("calculator symbol"))
        self.side = side_box(tr("calculator side"))
        self.leverage = text_field(
            "10",
            tr("Leverage of the order: its margin is notional / leverage"),
            tr("calculator leverage"),
        )
        self.leverage.setText("10")
        self.price = text_field(
            "mark", tr("Order price (its entry); empty = the symbol's mark"), tr("calculator price")
        )
        self.mmr = text_field(
            tr("table"),
            tr(
                "MMR override in %, where no tier table covers the symbol; empty = the rate "
                "the account's own positions in it hold"
            ),
            tr("calculator mmr"),
        )
        captions = caption_row(
            grid,
            ((tr("Symbol"), self.symbol), (tr("Side"), self.side),
             (tr("Leverage ×"), self.leverage), (tr("Pr&ice"), self.price),
             (tr("MMR %"), self.mmr)),
        )  # fmt: skip
        self._units.add(captions[3], tr("Pr&ice"), "price")
        outer.addWidget(ticket)
        # Right under the order, above the pages: under them it stood a scroll below the
        # ladder's table on a laptop, and a refused fill was said out of sight.
        self.problems = ProblemLine(tr("calculator problems"), keep_room=True)
        self._shown_pages: set[int] = set()  # the pages that have shown figures
        outer.addWidget(self.problems)
        self.tabs = SteadyTabs()
        self.tabs.addTab(self._exit_page(), tr("PnL && target"))
        self.tabs.addTab(self._ladder_page(), tr("Average && DCA"))
        self.tabs.addTab(self._max_open_page(), tr("Max open"))
        self.tabs.addTab(self._size_page(), tr("Size from loss"))
        self.tabs.addTab(self._funding_page(), tr("Funding"))
        outer.addWidget(self.tabs, 1)
        self.setWidget(body)
        for edit in (self.leverage, self.price, self.mmr, self.margin, self.step, self.stop,
                     self.loss, self.rate, self.hours, self.quantity, self.exit_price,
                     self.target_roe, self.target_pnl):  # fmt: skip
            edit.textEdited.connect(self.schedule)
        self.fills.textChanged.connect(self.schedule)
        self.symbol.currentTextChanged.connect(self.schedule)
        for combo in (self.side, self.position, self.add_to):
            combo.currentIndexChanged.connect(self.schedule)
        self.tabs.currentChanged.connect(self.schedule)
        controller.resultChanged.connect(self._on_result_changed)
        controller.scenarioReplaced.connect(
            lambda: refill_symbols(self.symbol, self.planner.symbols(), keep_typed=False)
        )
        self._on_result_changed(controller.result)

    # --- pages ----------------------------------------------------------------------------------
    def _unit_row(self, form: QFormLayout, caption: str, field: QWidget, unit: str) -> None:
        """A field whose caption names its unit, which follows the account and the symbol
        (``_show_units``): "Exit price (USDT)", "Target PnL (BTC)", "Quantity (ETH)"."""
        label = QLabel(caption)
        label.setBuddy(field)
        form.addRow(label, field)
        self._units.add(label, caption, unit)

    def _show_units(self) -> None:
        coin, symbol = self.planner.coin, self.planner.symbol(self.symbol.currentText())
        self._units.show(
            {
                "price": self.planner.price_currency,
                "amount": self.planner.currency,
                "size": tr("contracts") if coin else (base_asset(symbol) if symbol else ""),
            }
        )

    def _exit_page(self) -> QWidget:
        fields = QWidget()
        form = compact_form(QFormLayout(fields))
        self.quantity = text_field(
            tr("e.g. {value}").format(value="0.5"),
            tr("Quantity of the order, base units"),
            tr("calculator quantity"),
        )
        self.exit_price = text_field(
            tr("e.g. {value}").format(value="66000"), tr("Where you would close"), tr("exit price")
        )
        self.target_roe = text_field(
            tr("e.g. {value}").format(value="50"),
            tr("Return on the margin you aim for, in %"),
            tr("target roe"),
        )
        self.target_pnl = text_field(
            tr("e.g. {value}").format(value="1000"),
            tr("Profit you aim for, settlement currency"),
            tr("target pnl"),
        )
        self._unit_row(form, tr("Quantity"), self.quantity, "size")
        self._unit_row(form, tr("E&xit price"), self.exit_price, "price")
        form.addRow(tr("Target ROE %"), self.target_roe)
        self._unit_row(form, tr("Target PnL"), self.target_pnl, "amount")
        self.exit_text = WrappedLabel()
        self.exit_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.exit_text.setAccessibleName("pnl and target")
        return _beside(fields, self.exit_text)

    def _ladder_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.add_to = QComboBox()
        self.add_to.setAccessibleName("add the fills to")
        self.add_to.setToolTip(
            tr(
                "A new position with the order above, or fills added to a position of the account "
                "(its quantity, entry and margin first)"
            )
        )
        left.addWidget(self.add_to)
        self.fills = QPlainTextEdit()
        self.fills.setAccessibleName("fills")
        self.fills.setToolTip(tr("One fill a line: quantity @ price, e.g. 0.5 @ 60000"))
        self.fills.setPlaceholderText("0.5 @ 60000\n0.5 @ 57000\n1 @ 54000")
        self.fills.setMaximumWidth(190)
        self.add_to.setMaximumWidth(190)
        left.addWidget(self.fills)
        row.addLayout(left)
        self.ladder = QTableWidget(0, len(LADDER_HEAD))
        self.ladder.setHorizontalHeaderLabels([tr(h) for h in LADDER_HEAD])
        self.ladder.verticalHeader().hide()
        self.ladder.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.ladder.setAccessibleName("ladder")
        self.ladder.setToolTip(
            tr(
                "After each fill: average entry Σ q·p / Σ q (Bybit), margin at the order's "
                "leverage, and the liquidation price held isolated and held cross in this "
                "account, with the market at that fill"
            )
        )
        right = QVBoxLayout()
        right.addWidget(self.ladder, 1)
        self.ladder_notes = QLabel()
        self.ladder_notes.setWordWrap(True)
        self.ladder_notes.setAccessibleName("ladder warnings")
        tint(self.ladder_notes, "#c0392b")
        right.addWidget(self.ladder_notes)
        row.addLayout(right, 1)
        return page

    def _max_open_page(self) -> QWidget:
        fields = QWidget()
        form = compact_form(QFormLayout(fields))
        self.margin = text_field(
            tr("available balance"),
            tr("Isolated: the margin you set; empty = the available balance"),
            tr("max open margin"),
        )
        self.step = text_field(
            tr("none"),
            tr("The venue's quantity step, e.g. 0.001; the size is floored to it"),
            tr("quantity step"),
        )
        self._unit_row(form, tr("Isolated margin"), self.margin, "amount")
        form.addRow(tr("Quantity step"), self.step)
        # Wrapped: a line of figures ran off a laptop's screen and widened the whole tab.
        self.max_open_text = WrappedLabel()
        self.max_open_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.max_open_text.setAccessibleName("max open")
        return _beside(fields, self.max_open_text)

    def _size_page(self) -> QWidget:
        fields = QWidget()
        form = compact_form(QFormLayout(fields))
        self.stop = text_field(
            tr("e.g. {value}").format(value="57000"),
            tr("Where you would be proved wrong: the stop price"),
            tr("stop price"),
        )
        self.loss = text_field(
            tr("max acceptable loss"),
            tr("The loss you accept; empty = the account's max acceptable loss"),
            tr("loss you accept"),
        )
        self._unit_row(form, tr("Stop price"), self.stop, "price")
        self._unit_row(form, tr("Loss you accept"), self.loss, "amount")
        self.size_text = WrappedLabel()
        self.size_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_text.setAccessibleName("size from loss")
        return _beside(fields, self.size_text)

    def _funding_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        form = compact_form(QFormLayout())
        self.position = QComboBox()
        self.position.setAccessibleName("funding position")
        self.rate = text_field(
            "0.01", tr("Funding rate per interval, in % (positive: longs pay)"), tr("funding rate")
        )
        self.rate.setText("0.01")
        self.hours = text_field("72", tr("How long you hold, in hours"), tr("holding time"))
        self.hours.setText("72")
        form.addRow(tr("Position"), self.position)
        form.addRow(tr("Rate % / interval"), self.rate)
        form.addRow(tr("Hold (hours)"), self.hours)
        self.funding_text = QLabel()
        self.funding_text.setWordWrap(True)
        self.funding_text.setAccessibleName("funding")
        form.addRow(self.funding_text)
        row.addLayout(form)
        self.funding_plot = pg.PlotWidget()
        plain_axes(self.funding_plot)  # prices as they are quoted
        self.funding_plot.setLabel("bottom", tr("holding time (hours)"))
        self.funding_plot.setLabel("left", tr("liquidation price"))
        pens = {m: pg.mkPen(MODE_COLOURS[m], width=2) for m in MODES}
        self.funding_curves = {m: self.funding_plot.plot([], [], pen=pens[m]) for m in MODES}
        # The key above the plot, not pyqtgraph's legend over it: a line ran through it.
        key = LineKey(lines=[(tr("held {mode}").format(mode=tr(m)), pens[m]) for m in MODES])
        plotted = QVBoxLayout()
        plotted.addLayout(key_row(key))
        plotted.addWidget(self.funding_plot, 1)
        row.addLayout(plotted, 1)
        return page

    # --- figures --------------------------------------------------------------------------------
    def _on_result_changed(self, result: Result | None) -> None:
        refill_symbols(self.symbol, self.planner.symbols())
        positions = self.planner.positions()
        refill_choices(self.position, list(positions))
        refill_choices(
            self.add_to,
            [
                (None, tr("A new position")),
                *((p, tr("Add to {position}").format(position=t)) for p, t in positions),
            ],
        )
        self.recompute()

    def schedule(self, *_: Any) -> None:
        self._soon.request()

    def _show_examples(self, mark: float | None) -> None:
        """Example values near the symbol's mark, on the side of the order: "e.g. 66000" was
        a BTC exit in a 0G order at 0.18."""
        long = self.side.currentIndex() == 0
        example = example_values(example_mark(mark, self.price.text()), long, self.planner.coin)
        for edit, key in (
            (self.quantity, "quantity"),
            (self.exit_price, "exit"),
            (self.stop, "stop"),
            (self.target_pnl, "pnl"),
        ):
            text = tr("e.g. {value}").format(value=example[key])
            if edit.placeholderText() != text:
                edit.setPlaceholderText(text)
        fills = example["fills"]
        if self.fills.placeholderText() != fills:
            self.fills.setPlaceholderText(fills)

    def recompute(self, *_: Any) -> None:
        self._soon.cancel()
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        mark = self.planner.mark(self.symbol.currentText())
        self._show_units()
        self.price.setPlaceholderText(price_placeholder(mark, self.symbol.currentText()))
        self._show_examples(mark)
        mmr = self.planner.mmr_placeholder(self.symbol.currentText())
        if self.mmr.placeholderText() != mmr:
            self.mmr.setPlaceholderText(mmr)
        loss = self.planner.default_loss()
        self.loss.setPlaceholderText(
            tr("type it")
            if loss is None
            else tr("{amount} (the account's)").format(amount=amount_text(loss, self.planner.coin))
        )
        page = self.tabs.currentIndex()
        # Funding is a position's of the account: the order stands greyed, not in use.
        self.order_box.setEnabled(page != FUNDING_PAGE)
        if page == FUNDING_PAGE:  # funding does not need the order
            self._show(self._funding_answer(), self._show_funding)
            return
        ticket, problems = self.planner.ticket(
            self.symbol.currentText(),
            "long" if self.side.currentIndex() == 0 else "short",
            self.leverage.text(),
            self.price.text(),
            self.mmr.text(),
        )
        if ticket is None:
            self.problems.show_problems(problems, page in self._shown_pages)
            return
        if page == 0:
            answer = self.planner.exit_and_targets(
                ticket,
                self.quantity.text(),
                self.exit_price.text(),
                self.target_roe.text(),
                self.target_pnl.text(),
            )
            self._show(answer, self._show_exit)
        elif page == 1:
            answer = self.planner.ladder(
                ticket, self.fills.toPlainText(), self.add_to.currentData()
            )
            self._show(answer, self._show_ladder)
        elif page == 2:
            self._show(
                self.planner.max_open(ticket, self.margin.text(), self.step.text()),
                self._show_max_open,
            )
        else:
            self._show(
                self.planner.size(ticket, self.stop.text(), self.loss.text()), self._show_size
            )

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", True):
            self.recompute()

    def _show(self, answer: Answer, render: Any) -> None:
        # A refused input leaves the last figures in place and says why under them.
        page = self.tabs.currentIndex()
        self.problems.show_problems(answer.problems, page in self._shown_pages)
        if answer.figures is not None:
            render(answer.figures)
            self._shown_pages.add(page)

    def _price(self, price: float | None) -> str:
        """A price in what it is quoted in ("66,000.00 USDT"), or "none"."""
        return said(quoted_price_text(price, self.planner.price_currency))

    def _amount(self, value: float, signed: bool = False) -> str:
        """An amount in the account's currency ("2,500.00 USDT", "0.04545455 BTC")."""
        return f"{amount_text(value, self.planner.coin, signed)} {self.planner.currency}"

    def _least_amount(self, value: float) -> str:
        """A least amount in the account's currency, read up rather than under it."""
        decimals = amount_decimals(self.planner.coin)
        return f"{at_least_text(value, decimals)} {self.planner.currency}"

    def _show_exit(self, figures: ExitFigures) -> None:
        coin = self.planner.coin
        lines = [
            (
                tr("Initial margin {amount} (contracts × size / price / leverage)")
                if coin
                else tr("Initial margin {amount} (quantity × price / leverage)")
            ).format(amount=self._amount(figures.margin))
        ]
        closed = figures.exit
        if closed is not None:
            lines += [
                tr("At {price}: <b>PnL {pnl}</b>, ROE {roe} before fees").format(
                    price=self._price(closed.price),
                    pnl=self._amount(closed.pnl, signed=True),
                    roe=percent_text(closed.roe, 2, signed=True),
                ),
                tr(
                    "Fees at {rate} taker: {open} to open + {close} to close → "
                    "<b>PnL {pnl}</b>, ROE {roe} after fees"
                ).format(
                    rate=f"{figures.fee_rate * 100:.4g} %",
                    open=self._amount(closed.open_fee),
                    close=self._amount(closed.close_fee),
                    pnl=self._amount(closed.net_pnl, signed=True),
                    roe=percent_text(closed.net_roe, 2, signed=True),
                ),
            ]
        lines.append(
            tr("Break-even after fees: <b>{price}</b>").format(
                price=self._price(figures.break_even)
            )
        )
        if figures.roe_target is not None:
            lines.append(
                tr("Exit for ROE {roe}: <b>{price}</b> (before fees)").format(
                    roe=percent_text(figures.roe_target, 2, signed=True),
                    price=self._price(figures.roe_price),
                )
            )
        if figures.pnl_target is not None:
            lines.append(
                tr("Exit for PnL {pnl}: <b>{price}</b> (before fees)").format(
                    pnl=self._amount(figures.pnl_target, signed=True),
                    price=self._price(figures.pnl_price),
                )
            )
        self.exit_text.setText("<br>".join(lines))

    def _show_ladder(self, steps: Any) -> None:
        rows = ladder_rows(steps, self.add_to.currentData(), self.planner.coin)
        # Each column's unit under its name, on a second line: on one, the eight columns ran
        # past a laptop's tab and "Liq. cross" stood under a scroll bar. Coin-margined: prices
        # in USD, the margin in the coin, sizes in contracts.
        symbol = self.planner.symbol(self.symbol.currentText())
        units = {
            N_("Margin"): self.planner.currency,
            N_("Qty"): tr("contracts") if self.planner.coin else base_asset(symbol),
        }
        units[N_("Total qty")] = units[N_("Qty")]
        heads = []
        for h in LADDER_HEAD:
            unit = units.get(h, self.planner.price_currency if h in MONEY_COLUMNS else "")
            heads.append(f"{tr(h)}\n({unit})" if unit else tr(h))
        self.ladder.setHorizontalHeaderLabels(heads)
        self.ladder.setRowCount(len(rows))
        notes = []
        for r, cells in enumerate(rows):
            *figures, note = cells
            for c, text in enumerate(figures):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if note:
                    item.setForeground(QColor("#c0392b"))
                    item.setToolTip(tr("Fill {n}: {note}").format(n=r + 1, note=note))
                self.ladder.setItem(r, c, item)
            if note:
                notes.append("⚠ " + tr("Fill {n}: {note}").format(n=r + 1, note=note))
        self.ladder_notes.setText("\n".join(notes))
        self.ladder.resizeColumnsToContents()

    def _show_max_open(self, found: Any) -> None:
        lines = []
        for mode in MODES:
            f = found[mode]
            own = mode == "isolated" and self.margin.text().strip()
            source = tr("margin set") if own else tr("available balance")
            why = (
                tr("the tier's maximum notional at this leverage")
                if f.limited_by == "tier"
                else tr("the {source} ({amount})").format(
                    source=source, amount=self._amount(f.available)
                )
            )
            # Only where the venue's order cost holds them back: "fees 0.00 USDT" beside
            # Binance's formula, which counts none, read as if the order cost no fee.
            fees = (
                tr(", fees {amount}").format(amount=self._amount(f.fees))
                if f.formula in FEE_FORMULAS
                else ""
            )
            lines.append(
                tr(
                    "<b>{mode}</b>: {quantity} — notional {notional}, margin {margin}, open loss "
                    "{loss}{fees}; limited by {why}"
                ).format(
                    mode=tr(mode.capitalize()),
                    quantity=self.planner.size_text(self.symbol.currentText(), f.quantity),
                    notional=self._amount(f.notional),
                    margin=self._amount(f.margin),
                    loss=self._amount(f.open_loss),
                    fees=fees,
                    why=why,
                )
            )
        formula = found[MODES[0]].formula
        lines.append(f"<span style='color:#707070'>{self._order_cost_note(formula)}</span>")
        self.max_open_text.setText("<br>".join(lines))

    def _order_cost_note(self, formula: str) -> str:
        """Whose order cost priced the figures (``planning.order_cost``), in words."""
        if formula == "bybit":
            return tr(
                "Bybit's order cost: initial margin + fee to open + fee to close at the "
                "bankruptcy price, within the tier that allows the leverage."
            )
        if formula == "bitget":
            return tr(
                "Bitget's maximum open: available / (price × (1 / leverage + fee rate) + open "
                "loss per unit), within the tier that allows the leverage. Its freeze markups "
                "are not published (taken as 0): Bitget's own figure can be a little lower."
            )
        note = tr(
            "Binance's Max Open: available / (price / leverage + open loss per unit), within "
            "the tier that allows the leverage. Fees not included."
        )
        if self.planner.rules == "hyperliquid":
            return tr("Hyperliquid publishes no max-open formula; this is {rest}").format(rest=note)
        return note

    def _show_size(self, figures: SizeFigures) -> None:
        sizes = figures.sizes
        lines = [
            tr("With the stop at {stop} and {loss} accepted:").format(
                stop=self._price(figures.stop), loss=self._amount(figures.accepted)
            )
        ]
        for mode in MODES:
            s = sizes[mode]
            lev = (
                tr("n/a")
                if s.highest_leverage is None
                else f"{at_most_text(s.highest_leverage, 2)}×"  # within: cut, not rounded
            )
            note = (
                tr(" — liquidated before the stop: the loss is the margin")
                if s.liquidated_before_stop
                else ""
            )
            lines.append(
                tr(
                    "<b>{mode}</b>: largest size {quantity}, loses {loss} at the stop (fees "
                    "included){note}; highest leverage {leverage}"
                ).format(
                    mode=tr(mode.capitalize()),
                    quantity=self.planner.size_text(self.symbol.currentText(), s.quantity),
                    loss=self._amount(s.loss),
                    note=note,
                    leverage=lev,
                )
            )
        isolated = sizes["isolated"]
        if isolated.margin_for_stop is not None:
            lines.append(
                tr("Isolated margin that puts the liquidation at the stop: <b>{amount}</b>").format(
                    amount=self._least_amount(isolated.margin_for_stop)
                )
            )
        lines.append(
            tr(
                "<span style='color:#707070'>Cross counts what the account loses, so a position "
                "that takes the pool down with it costs the whole pool.</span>"
            )
        )
        self.size_text.setText("<br>".join(lines))

    def _funding_answer(self) -> Answer:
        pid = self.position.currentData()
        return self.planner.funding(pid or "", self.rate.text(), self.hours.text())

    def _show_funding(self, figures: FundingFigures) -> None:
        self.funding_plot.setLabel(
            "left",
            tr("liquidation price ({currency})").format(currency=self.planner.price_currency),
        )
        for mode, curve in self.funding_curves.items():
            points = [
                (h, p)
                for h, p in zip(figures.hours, figures.liquidation[mode], strict=True)
                if p is not None
            ]
            curve.setData([h for h, _ in points], [p for _, p in points])
        end = {m: figures.liquidation[m][-1] for m in MODES}
        one = figures.intervals == 1  # it read "(1 payments, …)"
        text = (
            (
                tr("Over {hours} h (1 payment, due after {every} h, at {rate}) it pays {amount}.")
                if one
                else tr(
                    "Over {hours} h ({n} payments, one every {every} h, at {rate} each) it pays "
                    "{amount}."
                )
            )
            if figures.paid >= 0
            else (
                tr(
                    "Over {hours} h (1 payment, due after {every} h, at {rate}) it receives "
                    "{amount}."
                )
                if one
                else tr(
                    "Over {hours} h ({n} payments, one every {every} h, at {rate} each) it "
                    "receives {amount}."
                )
            )
        ).format(
            hours=f"{figures.hours[-1]:,.4g}",
            n=f"{figures.intervals:,}",
            every=f"{figures.interval_hours:g}",
            rate=f"{figures.rate * 100:.4f} %",
            amount=self._amount(abs(figures.paid)),
        )
        text += " " + tr("Liquidation after: held isolated {isolated}, held cross {cross}.").format(
            isolated=self._price(end["isolated"]),
            cross=self._price(end["cross"]),
        )
        if figures.drained:
            text += tr(" Its isolated margin is used up: liquidated.")
        self.funding_text.setText(text)


def _beside(fields: QWidget, figures: QLabel) -> QWidget:
    """A page's fields and, beside them, its figures: under the fields they stood a scroll
    below the tab on a 768-pixel-high laptop screen, out of sight as the trader typed."""
    page = QWidget()
    row = QHBoxLayout(page)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(fields, 1, Qt.AlignmentFlag.AlignTop)
    row.addSpacing(12)
    row.addWidget(figures, 1, Qt.AlignmentFlag.AlignTop)
    return page
