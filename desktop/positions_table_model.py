"""Positions as a Qt table model: one row per position, edits go to the controller."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from marginlab.desktop.controller import ClosedAt, Result, ScenarioController
from marginlab.desktop.i18n import N_, said, tr
from marginlab.engine.margin.models import Position, Scenario
from marginlab.engine.text.numbers import amount_text, percent_text, quoted_in

Index = QModelIndex | QPersistentModelIndex

# (field, header, tooltip)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("id", N_("ID"), N_("A short name for the position, unique in the scenario")),
    ("symbol", N_("Symbol"), N_("Contract symbol, e.g. BTCUSDT; picks the venue's tier table")),
    ("side", N_("Side"), N_("long profits when the price rises, short when it falls")),
    # Beside the position's name, not last: the toggle must stay in view in a narrow column.
    (
        "margin_mode",
        N_("Isolated"),
        N_(
            "Checked: the position has its own margin (isolated). Unchecked: it shares the "
            "cross pool"
        ),
    ),
    ("quantity", N_("Quantity"), N_("Size in base units (e.g. BTC)")),
    ("entry_price", N_("Entry"), N_("Average entry price, in {prices}")),
    ("mark_price", N_("Mark"), N_("Today's mark price, in {prices}; empty = the entry price")),
    ("leverage", N_("Lev. ×"), N_("Leverage: sets initial margin = entry notional / leverage")),
    (
        "margin",
        N_("Margin"),
        N_("Isolated margin incl. any added margin, in {currency}; empty = notional / leverage"),
    ),
)
# Read only: the position closed at the what-if prices (the symbol's mark when none).
RESULT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    (
        "pnl",
        N_("PnL"),
        N_(
            "Profit or loss if closed at the what-if price (the mark when the what-if does not "
            "move this symbol): side × quantity × (price − entry), fees not included (the form "
            "below shows it after fees, and the break-even price)"
        ),
    ),
    (
        "roe",
        N_("ROE"),
        N_("Return on the margin put in: PnL / initial margin (isolated: the position's margin)"),
    ),
)
COLUMNS = COLUMNS + RESULT_COLUMNS
FIELDS = [c[0] for c in COLUMNS]
EDITABLE = len(COLUMNS) - len(RESULT_COLUMNS)
MODE_COLUMN = FIELDS.index("margin_mode")
SIDE_COLUMN = FIELDS.index("side")


def _text(position: Position, field: str) -> str:
    value = getattr(position, field)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.8g}" if abs(value) < 1e6 else f"{value:,.2f}"
    return str(value)


_ANSWERED = frozenset(
    role.value
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.CheckStateRole,
    )
)


class PositionsTableModel(QAbstractTableModel):
    refused = Signal(str)  # an edit that was not used, in the user's words
    committed = Signal(int, str)  # row, field: an edit the user finished, used

    def __init__(self, controller: ScenarioController) -> None:
        super().__init__(controller)
        self._controller = controller
        self._positions = controller.scenario.positions
        self._marks = controller.scenario.marks()  # a row without a mark of its own shows these
        self._pnl: dict[str, ClosedAt] = {}
        self._currency = controller.scenario.account.currency  # the PnL column's header says it
        self._coin = controller.scenario.coin_margined  # the size column: contracts
        controller.scenarioChanged.connect(self._on_scenario_changed)
        controller.resultChanged.connect(self._on_result_changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._positions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            if FIELDS[section] == "pnl":
                return tr("PnL ({currency})").format(
                    currency=self._controller.scenario.account.currency
                )
            if FIELDS[section] == "quantity" and self._controller.scenario.coin_margined:
                return tr("Contracts")  # a coin-margined book's sizes: "Quantity 300" read as BTC
            return tr(COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tip(section)
        return None

    def _column_tip(self, column: int) -> str:
        """What a column holds, in the units in force: a coin-margined book's prices are
        dollars and its margins coins ("settlement currency" told a BTCUSD trader the entry
        was in BTC)."""
        scenario = self._controller.scenario
        if FIELDS[column] == "quantity" and scenario.coin_margined:
            return tr("Size in contracts; each contract's USD value is in the form below")
        currency = scenario.account.currency
        return tr(COLUMNS[column][2]).format(
            prices=quoted_in(currency, scenario.coin_margined), currency=currency
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == MODE_COLUMN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() >= EDITABLE:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A paint asks seven roles of every cell in sight; three of them this model never
        # answers (font, decoration, background), and they cost nothing more here.
        if role not in _ANSWERED or not index.isValid():
            return None
        position = self._positions[index.row()]
        field = FIELDS[index.column()]
        if index.column() == MODE_COLUMN:
            if role == Qt.ItemDataRole.CheckStateRole:
                isolated = position.margin_mode == "isolated"
                return Qt.CheckState.Checked if isolated else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(position.margin_mode)
        if index.column() >= EDITABLE:
            return self._result_data(position, field, role)
        derived = _derived(position, field)
        if role == Qt.ItemDataRole.DisplayRole:
            # A value the app fills in is shown plain, in a muted colour: traders read
            # "(50,000)" as a negative number.
            if field == "mark_price" and derived:
                return f"{self._controller.scenario.marks()[position.symbol]:,.8g}"
            if field == "margin" and derived:
                return amount_text(position.isolated_margin, position.inverse)
            return tr(position.side) if field == "side" else _text(position, field)
        if role == Qt.ItemDataRole.ForegroundRole and derived:
            return QBrush(QColor("#808080"))
        if role == Qt.ItemDataRole.EditRole:
            return _text(position, field).replace(",", "")
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self._controller.problems.get(f"positions[{index.row()}].{field}")
            note = tr(_DERIVED_NOTES[field]) if derived and field in _DERIVED_NOTES else ""
            return said(problem) if problem else self._column_tip(index.column()) + note
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > SIDE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(
        self,
        index: Index,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        row = index.row()
        if index.column() == MODE_COLUMN and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            mode = "isolated" if checked else "cross"
            return self._controller.set_position(row, "margin_mode", mode)
        if role != Qt.ItemDataRole.EditRole or index.column() >= EDITABLE:
            return False
        field = FIELDS[index.column()]
        if self._controller.set_position(row, field, str(value)):
            self.committed.emit(row, field)
            return True
        # The cell shows the committed value again as soon as its editor closes: the message
        # goes with it, to the status line, instead of staying beside a value no longer shown.
        problem = next(iter(self._controller.problems.values()), tr("refused"))
        position = self.position_at(row)
        name = position.id if position is not None else tr("row {n}").format(n=row + 1)
        self.refused.emit(
            tr("{field}: '{value}' was not used ({problem})").format(
                field=f"{name} {tr(COLUMNS[index.column()][1])}",
                value=value,
                problem=said(problem),
            )
        )
        self._controller.clear_problems()
        return False

    def _result_data(self, position: Position, field: str, role: int) -> Any:
        closed = self._pnl.get(position.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if closed is None:
                return ""
            if field == "roe":
                return percent_text(closed.roe, 1, signed=True)
            return amount_text(closed.pnl, position.inverse, signed=True)
        gain = None if closed is None else closed.pnl
        if role == Qt.ItemDataRole.ForegroundRole and gain:
            return QBrush(QColor("#2e8b57" if gain > 0 else "#c0392b"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tip(FIELDS.index(field))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def result_texts(self, first: int = 0, last: int | None = None) -> list[list[str]]:
        """Each result column's texts, rows ``first`` to ``last`` (every row by default): what
        the columns must be wide enough for."""
        rows = self._positions[first : None if last is None else last + 1]
        return [
            [self._result_data(p, field, Qt.ItemDataRole.DisplayRole) for p in rows]
            for field, _, _ in RESULT_COLUMNS
        ]

    def _on_result_changed(self, result: Result) -> None:
        before, self._pnl = self._pnl, result.pnl
        # Only the rows whose figures changed: an edit of one row in a big book changes one,
        # and the window measures the changed rows' texts for the columns' widths.
        changed = [
            row for row, p in enumerate(self._positions) if before.get(p.id) != result.pnl.get(p.id)
        ]
        if changed:
            self.dataChanged.emit(
                self.index(changed[0], EDITABLE), self.index(changed[-1], len(COLUMNS) - 1)
            )

    def position_at(self, row: int) -> Position | None:
        return self._positions[row] if 0 <= row < len(self._positions) else None

    def _on_scenario_changed(self, scenario: Scenario) -> None:
        if scenario.account.currency != self._currency:  # "PnL (USDT)" → "PnL (USDC)"
            self._currency = scenario.account.currency
            column = FIELDS.index("pnl")
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        if scenario.coin_margined != self._coin:  # "Quantity" ↔ "Contracts"
            self._coin = scenario.coin_margined
            column = FIELDS.index("quantity")
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        if len(scenario.positions) == len(self._positions):
            # Only the rows whose position changed (an edit keeps every other one the same
            # object): the view repaints those rows alone, not the whole table per keystroke.
            # A new mark also shows on the symbol's other rows that take it as their own.
            marks = scenario.marks()
            changed = [
                row
                for row, (a, b) in enumerate(zip(self._positions, scenario.positions, strict=True))
                if a is not b or marks[b.symbol] != self._marks.get(b.symbol)
            ]
            self._positions, self._marks = scenario.positions, marks
            if changed:
                self.dataChanged.emit(
                    self.index(changed[0], 0), self.index(changed[-1], len(COLUMNS) - 1)
                )
            return
        self.beginResetModel()
        self._positions, self._marks = scenario.positions, scenario.marks()
        self.endResetModel()


_DERIVED_NOTES = {
    "mark_price": N_(" (grey: none typed, so the symbol's mark, or the entry price, is used)"),
    "margin": N_(" (grey: none typed, so entry notional / leverage is used)"),
}


def _derived(position: Position, field: str) -> bool:
    """Whether the cell shows a value the app filled in rather than one the trader typed."""
    return (field == "mark_price" and position.mark_price is None) or (
        field == "margin" and position.margin is None
    )
