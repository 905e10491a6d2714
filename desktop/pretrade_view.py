"""The "Before you open" tab (issue 18): the order you are about to place, opened isolated and
opened cross side by side in this account, against the loss you accept, with a recommendation
whose reasons are the rules that gave it. "Open it" adds it to the scenario (Ctrl+Z undoes)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
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

from marginlab.desktop.controller import Result, ScenarioController
from marginlab.desktop.order_fields import (
    caption_row,
    refill_symbols,
    side_box,
    symbol_box,
    text_field,
)
from marginlab.desktop.pretrade import PreTrade
from marginlab.desktop.style import VARIANT_STYLES, tint
from marginlab.engine.text.numbers import money_text, percent_text, price_or_none_text

MODES = ("isolated", "cross")
ROWS = (
    ("liquidation", "Liquidation price", "Where the order is liquidated, the rest at their marks"),
    ("distance", "Distance", "Liquidation price / mark − 1"),
    ("loss", "Loss if wrong", "What the account loses at the worst move of this symbol against "
     "the order, the others at their marks"),
    ("closes", "Also closes", "Existing positions that move takes with it"),
    ("account", "Account max loss", "The account's max loss if wrong (any move of any symbol), "
     "now → after opening"),
    ("within", "Within what you accept", "Loss if wrong ≤ your max acceptable loss"),
    ("size", "Largest size within it", "The largest size, at this price and leverage, whose loss "
     "if wrong stays within what you accept (and that the account can open)"),
    ("leverage", "Highest leverage at this margin", "Keeping the order's margin, the highest "
     "leverage whose loss if wrong stays within what you accept (and the tier allows)"),
    ("moves", "Moves existing liquidations", "Existing positions whose liquidation price this "
     "order moves: before → after"),
)  # fmt: skip


class PreTradeView(QScrollArea):
    def __init__(self, controller: ScenarioController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.owner = PreTrade(controller)
        self._controller = controller
        body = QWidget()
        outer = QVBoxLayout(body)
        order = QGroupBox("The position you are about to open")
        grid = QGridLayout(order)
        self.symbol = symbol_box("order symbol")
        self.side = side_box("order side")
        self.size = text_field(
            "e.g. 0.4", "Quantity in base units, or the margin you give it", "order size"
        )
        self.size_kind = QComboBox()
        self.size_kind.addItems(["quantity", "margin"])
        self.size_kind.setAccessibleName("order size as")
        self.size_kind.setToolTip("Size as a quantity (base units) or as the margin you give it")
        self.leverage = text_field("10", "Leverage of the order", "order leverage")
        self.leverage.setText("10")
        self.price = text_field(
            "mark", "Order price (its entry); empty = the symbol's mark", "order price"
        )
        self.mmr = text_field(
            "table", "MMR override in %, where no tier table covers the symbol", "order mmr"
        )
        self.acceptable = text_field(
            "the account's", "The most you accept to lose if you are wrong", "acceptable loss"
        )
        cells = (("Symbol", self.symbol), ("Side", self.side), ("Size", self.size),
                 ("as", self.size_kind), ("Leverage ×", self.leverage), ("Price", self.price),
                 ("MMR %", self.mmr), ("Max acceptable loss", self.acceptable))  # fmt: skip
        caption_row(grid, cells)
        outer.addWidget(order)
        self.verdict = QLabel()
        self.verdict.setAccessibleName("recommendation")
        tint(self.verdict, bold=True, point_size=self.font().pointSizeF() * 1.4)
        outer.addWidget(self.verdict)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName("reasons")
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.reasons)
        self.table = QTableWidget(len(ROWS), 2)
        self.table.setAccessibleName("order in each mode")
        self.table.setHorizontalHeaderLabels(["Open it isolated", "Open it cross"])
        self.table.setVerticalHeaderLabels([r[1] for r in ROWS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (_, _, tip) in enumerate(ROWS):
            self.table.verticalHeaderItem(row).setToolTip(tip)
        for col, mode in enumerate(MODES):
            item = self.table.horizontalHeaderItem(col)
            item.setForeground(QColor(VARIANT_STYLES[mode].colour))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        outer.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.use_size = {}
        self.open_buttons = {}
        for mode in MODES:
            use = QPushButton(f"Use the largest size within it ({mode})")
            use.setToolTip("Put that size in the Size field")
            use.clicked.connect(lambda _=False, m=mode: self._use_size(m))
            self.use_size[mode] = use
            buttons.addWidget(use)
        buttons.addStretch(1)
        for mode in MODES:
            button = QPushButton(f"Open it {mode}")
            button.setToolTip(f"Add this position to the scenario as {mode} (Ctrl+Z undoes it)")
            button.clicked.connect(lambda _=False, m=mode: self.open_it(m))
            self.open_buttons[mode] = button
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("order problems")
        tint(self.problems, "#c0392b")
        outer.addWidget(self.problems)
        self.setWidget(body)
        self._check: Any = None
        self._stale = True  # the figures shown are not the account's (set while hidden)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.recompute)
        for edit in (self.size, self.leverage, self.price, self.mmr, self.acceptable):
            edit.textEdited.connect(self.schedule)
        self.symbol.currentTextChanged.connect(self.schedule)
        self.side.currentIndexChanged.connect(self.schedule)
        self.size_kind.currentIndexChanged.connect(self.schedule)
        controller.resultChanged.connect(self._on_result_changed)
        self._on_result_changed(controller.result)

    def set_order(self, symbol: str, side: str, size: float, leverage: float, price: float) -> None:
        """Fill the ticket (a preset's order): what a trader would type."""
        self.symbol.setEditText(symbol)
        self.side.setCurrentIndex(0 if side == "long" else 1)
        self.size_kind.setCurrentIndex(0)
        self.size.setText(f"{size:g}")
        self.leverage.setText(f"{leverage:g}")
        self.price.setText(f"{price:g}")
        self.recompute()

    # --- figures --------------------------------------------------------------------------------
    def _on_result_changed(self, result: Result | None) -> None:
        refill_symbols(self.symbol, self.owner.planner.symbols())
        limit = self.owner.planner.default_loss()
        self.acceptable.setPlaceholderText(
            "type it" if limit is None else f"{limit:,.2f} (the account's)"
        )
        self.schedule()

    def schedule(self, *_: Any) -> None:
        self._timer.start()

    def recompute(self, *_: Any) -> None:
        self._timer.stop()
        if not self.isVisible():  # hidden: checked again when shown (an edit elsewhere)
            self._stale = True
            return
        self._stale = False
        mark = self.owner.planner.mark(self.symbol.currentText().strip().upper())
        self.price.setPlaceholderText("mark" if mark is None else f"mark {mark:,.2f}")
        answer = self.owner.check(
            self.symbol.currentText(),
            "long" if self.side.currentIndex() == 0 else "short",
            self.size.text(),
            "quantity" if self.size_kind.currentIndex() == 0 else "margin",
            self.leverage.text(),
            self.price.text(),
            self.mmr.text(),
            self.acceptable.text(),
        )
        # A refused input leaves the last check in place and says why under it.
        self.problems.setText("\n".join(answer.problems))
        if answer.figures is not None:
            self._show(answer.figures)
        for button in (*self.open_buttons.values(), *self.use_size.values()):
            button.setEnabled(answer.figures is not None)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def _show(self, check: Any) -> None:
        self._check = check
        cur = self.owner.currency
        style = VARIANT_STYLES[check.recommendation]
        self.verdict.setText(f"Recommendation: open it {check.recommendation.upper()}")
        tint(self.verdict, style.colour)
        lines = []
        if check.disagree:
            lines.append("<i>The rules disagree; the first one below decides.</i>")
        for reason in check.reasons:
            mark = "→ " + reason.favours if reason.favours else "·"
            lines.append(f"<b>{mark}</b>: {reason.text} <span style='color:#707070'>"
                         f"({reason.source})</span>")  # fmt: skip
        self.reasons.setText("<br>".join(lines))
        for col, mode in enumerate(MODES):
            m = check.modes[mode]
            within = "n/a" if m.within is None else "yes" if m.within else "NO"
            cells = {
                "liquidation": price_or_none_text(m.liquidation_price),
                "distance": percent_text(m.distance, 1, signed=True),
                "loss": money_text(m.loss_if_wrong, cur),
                "closes": ", ".join(m.closes) or "—",
                "account": f"{money_text(m.account_max_loss_before, cur)} → "
                f"{money_text(m.account_max_loss, cur)}",
                "within": within,
                "size": "n/a" if m.max_size is None else f"{m.max_size:,.6g}",
                "leverage": "none" if m.max_leverage is None else f"{m.max_leverage:,.2f}×",
                "moves": "; ".join(
                    f"{v.id} {price_or_none_text(v.before)} → {price_or_none_text(v.after)}"
                    for v in m.moves
                )
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

    def _use_size(self, mode: str) -> None:
        if self._check is None or self._check.modes[mode].max_size is None:
            return
        self.size_kind.setCurrentIndex(0)
        self.size.setText(f"{self._check.modes[mode].max_size:.6g}")
        self.recompute()

    def open_it(self, mode: str) -> bool:
        done = self.owner.open_it(mode)  # type: ignore[arg-type]
        if done:
            self.problems.setText(f"Opened as {mode}: Ctrl+Z undoes it.")
        return done
