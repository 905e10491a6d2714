"""The Calculator tab (issue 17): the order you are about to place, then average entry and the
DCA ladder, max open, the size from the loss you accept, and funding over a holding time, each
in both modes in this account, recomputed as you type. Figures come from ``Planner``."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.controller import Result, ScenarioController
from marginlab.desktop.order_fields import (
    caption_row,
    refill_choices,
    refill_symbols,
    side_box,
    symbol_box,
    text_field,
)
from marginlab.desktop.planner import (
    MODES,
    Answer,
    ExitFigures,
    FundingFigures,
    Planner,
    ladder_rows,
)
from marginlab.desktop.style import tint
from marginlab.engine.text.numbers import percent_text, price_or_none_text, price_text

LADDER_HEAD = [
    "Fill",
    "Price",
    "Qty",
    "Total qty",
    "Avg entry",
    "Margin",
    "Liq. isolated",
    "Liq. cross",
]
FUNDING_PAGE = 4
MONEY_COLUMNS = {"Price", "Avg entry", "Margin", "Liq. isolated", "Liq. cross"}
MODE_COLOURS = {"isolated": "#1f77b4", "cross": "#d62728"}


class CalculatorView(QWidget):
    def __init__(self, controller: ScenarioController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planner = Planner(controller)
        # Keystrokes that arrive while a big book is being searched are answered once.
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.recompute)
        outer = QVBoxLayout(self)
        ticket = QGroupBox("The order")
        grid = QGridLayout(ticket)
        self.symbol = symbol_box("calculator symbol")
        self.side = side_box("calculator side")
        self.leverage = text_field(
            "10", "Leverage of the order: its margin is notional / leverage", "calculator leverage"
        )
        self.leverage.setText("10")
        self.price = text_field(
            "mark", "Order price (its entry); empty = the symbol's mark", "calculator price"
        )
        self.mmr = text_field(
            "table", "MMR override in %, where no tier table covers the symbol", "calculator mmr"
        )
        caption_row(
            grid,
            (("Symbol", self.symbol), ("Side", self.side), ("Leverage ×", self.leverage),
             ("Pr&ice", self.price), ("MMR %", self.mmr)),
        )  # fmt: skip
        outer.addWidget(ticket)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._exit_page(), "PnL && target")
        self.tabs.addTab(self._ladder_page(), "Average && DCA")
        self.tabs.addTab(self._max_open_page(), "Max open")
        self.tabs.addTab(self._size_page(), "Size from loss")
        self.tabs.addTab(self._funding_page(), "Funding")
        outer.addWidget(self.tabs, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("calculator problems")
        tint(self.problems, "#c0392b")
        outer.addWidget(self.problems)
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
        self._on_result_changed(controller.result)

    # --- pages ----------------------------------------------------------------------------------
    def _exit_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.quantity = text_field(
            "e.g. 0.5", "Quantity of the order, base units", "calculator quantity"
        )
        self.exit_price = text_field("e.g. 66000", "Where you would close", "exit price")
        self.target_roe = text_field(
            "e.g. 50", "Return on the margin you aim for, in %", "target roe"
        )
        self.target_pnl = text_field(
            "e.g. 1000", "Profit you aim for, settlement currency", "target pnl"
        )
        form.addRow("Quantity", self.quantity)
        form.addRow("E&xit price", self.exit_price)
        form.addRow("Target ROE %", self.target_roe)
        form.addRow("Target PnL", self.target_pnl)
        self.exit_text = QLabel()
        self.exit_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.exit_text.setAccessibleName("pnl and target")
        self.exit_text.setWordWrap(True)
        form.addRow(self.exit_text)
        return page

    def _ladder_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.add_to = QComboBox()
        self.add_to.setAccessibleName("add the fills to")
        self.add_to.setToolTip(
            "A new position with the order above, or fills added to a position of the account "
            "(its quantity, entry and margin first)"
        )
        left.addWidget(self.add_to)
        self.fills = QPlainTextEdit()
        self.fills.setAccessibleName("fills")
        self.fills.setToolTip("One fill a line: quantity @ price, e.g. 0.5 @ 60000")
        self.fills.setPlaceholderText("0.5 @ 60000\n0.5 @ 57000\n1 @ 54000")
        self.fills.setMaximumWidth(190)
        self.add_to.setMaximumWidth(190)
        left.addWidget(self.fills)
        row.addLayout(left)
        self.ladder = QTableWidget(0, len(LADDER_HEAD))
        self.ladder.setHorizontalHeaderLabels(LADDER_HEAD)
        self.ladder.verticalHeader().hide()
        self.ladder.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.ladder.setAccessibleName("ladder")
        self.ladder.setToolTip(
            "After each fill: average entry Σ q·p / Σ q (Bybit), margin at the order's leverage, "
            "and the liquidation price held isolated and held cross in this account, with the "
            "market at that fill"
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
        page = QWidget()
        form = QFormLayout(page)
        self.margin = text_field(
            "available balance",
            "Isolated: the margin you set; empty = the available balance",
            "max open margin",
        )
        self.step = text_field(
            "none",
            "The venue's quantity step, e.g. 0.001; the size is floored to it",
            "quantity step",
        )
        form.addRow("Isolated margin", self.margin)
        form.addRow("Quantity step", self.step)
        self.max_open_text = QLabel()
        self.max_open_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.max_open_text.setAccessibleName("max open")
        form.addRow(self.max_open_text)
        return page

    def _size_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.stop = text_field(
            "e.g. 57000", "Where you would be proved wrong: the stop price", "stop price"
        )
        self.loss = text_field(
            "max acceptable loss",
            "The loss you accept; empty = the account's max acceptable loss",
            "loss you accept",
        )
        form.addRow("Stop price", self.stop)
        form.addRow("Loss you accept", self.loss)
        self.size_text = QLabel()
        self.size_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_text.setAccessibleName("size from loss")
        self.size_text.setWordWrap(True)
        form.addRow(self.size_text)
        return page

    def _funding_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        form = QFormLayout()
        self.position = QComboBox()
        self.position.setAccessibleName("funding position")
        self.rate = text_field(
            "0.01", "Funding rate per interval, in % (positive: longs pay)", "funding rate"
        )
        self.rate.setText("0.01")
        self.hours = text_field("72", "How long you hold, in hours", "holding time")
        self.hours.setText("72")
        form.addRow("Position", self.position)
        form.addRow("Rate % / interval", self.rate)
        form.addRow("Hold (hours)", self.hours)
        self.funding_text = QLabel()
        self.funding_text.setWordWrap(True)
        self.funding_text.setAccessibleName("funding")
        form.addRow(self.funding_text)
        row.addLayout(form)
        self.funding_plot = pg.PlotWidget()
        self.funding_plot.setLabel("bottom", "holding time (hours)")
        self.funding_plot.setLabel("left", "liquidation price")
        self.funding_plot.addLegend(offset=(10, 10))
        self.funding_curves = {
            m: self.funding_plot.plot(
                [], [], pen=pg.mkPen(MODE_COLOURS[m], width=2), name=f"held {m}"
            )
            for m in MODES
        }
        row.addWidget(self.funding_plot, 1)
        return page

    # --- figures --------------------------------------------------------------------------------
    def _on_result_changed(self, result: Result | None) -> None:
        refill_symbols(self.symbol, self.planner.symbols())
        positions = self.planner.positions()
        refill_choices(self.position, list(positions))
        refill_choices(
            self.add_to, [(None, "A new position"), *((p, f"Add to {t}") for p, t in positions)]
        )
        self.recompute()

    def schedule(self, *_: Any) -> None:
        self._timer.start()

    def recompute(self, *_: Any) -> None:
        self._timer.stop()
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        mark = self.planner.mark(self.symbol.currentText().strip().upper())
        self.price.setPlaceholderText("mark" if mark is None else f"mark {price_text(mark)}")
        loss = self.planner.default_loss()
        self.loss.setPlaceholderText("type it" if loss is None else f"{loss:,.2f} (the account's)")
        page = self.tabs.currentIndex()
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
            self.problems.setText("\n".join(problems))
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
        self.problems.setText("\n".join(answer.problems))
        if answer.figures is not None:
            render(answer.figures)

    def _show_exit(self, figures: ExitFigures) -> None:
        cur = self.planner.currency
        lines = [f"Initial margin {figures.margin:,.2f} {cur} (quantity × price / leverage)"]
        closed = figures.exit
        if closed is not None:
            lines += [
                f"At {price_text(closed.price)}: <b>PnL {closed.pnl:+,.2f} {cur}</b>, ROE "
                f"{percent_text(closed.roe, 2, signed=True)} before fees",
                f"Fees at {figures.fee_rate * 100:.4g} % taker: {closed.open_fee:,.2f} to open + "
                f"{closed.close_fee:,.2f} to close → <b>PnL {closed.net_pnl:+,.2f} {cur}</b>, "
                f"ROE {percent_text(closed.net_roe, 2, signed=True)} after fees",
            ]
        lines.append(f"Break-even after fees: <b>{price_or_none_text(figures.break_even)}</b>")
        if figures.roe_target is not None:
            lines.append(
                f"Exit for ROE {percent_text(figures.roe_target, 2, signed=True)}: "
                f"<b>{price_or_none_text(figures.roe_price)}</b> (before fees)"
            )
        if figures.pnl_target is not None:
            lines.append(
                f"Exit for PnL {figures.pnl_target:+,.2f} {cur}: "
                f"<b>{price_or_none_text(figures.pnl_price)}</b> (before fees)"
            )
        self.exit_text.setText("<br>".join(lines))

    def _show_ladder(self, steps: Any) -> None:
        rows = ladder_rows(steps, self.add_to.currentData())
        money = f" ({self.planner.currency})"
        self.ladder.setHorizontalHeaderLabels(
            [h + money if h in MONEY_COLUMNS else h for h in LADDER_HEAD]
        )
        self.ladder.setRowCount(len(rows))
        notes = []
        for r, cells in enumerate(rows):
            *figures, note = cells
            for c, text in enumerate(figures):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if note:
                    item.setForeground(QColor("#c0392b"))
                    item.setToolTip(f"Fill {r + 1}: {note}")
                self.ladder.setItem(r, c, item)
            if note:
                notes.append(f"⚠ Fill {r + 1}: {note}")
        self.ladder_notes.setText("\n".join(notes))
        self.ladder.resizeColumnsToContents()

    def _show_max_open(self, found: Any) -> None:
        currency = self.planner.currency
        lines = []
        for mode in MODES:
            f = found[mode]
            own = mode == "isolated" and self.margin.text().strip()
            source = "margin set" if own else "available balance"
            why = (
                "the tier's maximum notional at this leverage"
                if f.limited_by == "tier"
                else f"the {source} ({f.available:,.2f} {currency})"
            )
            lines.append(
                f"<b>{mode.capitalize()}</b>: {f.quantity:,.8g} — notional {f.notional:,.2f} "
                f"{currency}, margin {f.margin:,.2f}, open loss {f.open_loss:,.2f}; "
                f"limited by {why}"
            )
        lines.append(
            "<span style='color:#707070'>Binance's Max Open: available / (price / leverage + "
            "open loss per unit), within the tier that allows the leverage. "
            "Fees not included.</span>"
        )
        self.max_open_text.setText("<br>".join(lines))

    def _show_size(self, sizes: Any) -> None:
        currency = self.planner.currency
        lines = []
        for mode in MODES:
            s = sizes[mode]
            lev = "n/a" if s.highest_leverage is None else f"{s.highest_leverage:,.2f}×"
            note = (
                " — liquidated before the stop: the loss is the margin"
                if s.liquidated_before_stop
                else ""
            )
            lines.append(
                f"<b>{mode.capitalize()}</b>: largest size {s.quantity:,.8g}, loses "
                f"{s.loss:,.2f} {currency} at the stop (fees included){note}; "
                f"highest leverage {lev}"
            )
        isolated = sizes["isolated"]
        if isolated.margin_for_stop is not None:
            lines.append(
                f"Isolated margin that puts the liquidation at the stop: "
                f"<b>{isolated.margin_for_stop:,.2f} {currency}</b>"
            )
        lines.append(
            "<span style='color:#707070'>Cross counts what the account loses, so a position that "
            "takes the pool down with it costs the whole pool.</span>"
        )
        self.size_text.setText("<br>".join(lines))

    def _funding_answer(self) -> Answer:
        pid = self.position.currentData()
        return self.planner.funding(pid or "", self.rate.text(), self.hours.text())

    def _show_funding(self, figures: FundingFigures) -> None:
        currency = self.planner.currency
        self.funding_plot.setLabel("left", f"liquidation price ({currency})")
        for mode, curve in self.funding_curves.items():
            points = [
                (h, p)
                for h, p in zip(figures.hours, figures.liquidation[mode], strict=True)
                if p is not None
            ]
            curve.setData([h for h, _ in points], [p for _, p in points])
        end = {m: figures.liquidation[m][-1] for m in MODES}
        verb = "pays" if figures.paid >= 0 else "receives"
        text = (
            f"Over {figures.hours[-1]:,.4g} h it {verb} {abs(figures.paid):,.2f} {currency}. "
            f"Liquidation after: held isolated {price_or_none_text(end['isolated'])}, "
            f"held cross {price_or_none_text(end['cross'])}."
        )
        if figures.drained:
            text += " Its isolated margin is used up: liquidated."
        self.funding_text.setText(text)
