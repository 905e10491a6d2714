"""Form for the selected position: size it by quantity, notional or margin, see what follows."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from marginlab.desktop.controller import Result, ScenarioController
from marginlab.desktop.fields import LINE_EDIT_PADDING, EditField, problem_for
from marginlab.desktop.i18n import N_, said, tr
from marginlab.desktop.symbol_delegate import attach_symbol_completer, rule_set_symbols
from marginlab.desktop.unit_captions import UnitCaptions
from marginlab.engine.margin.models import Position, Scenario
from marginlab.engine.margin.rules import base_asset, symbol_table_info, table_symbol
from marginlab.engine.text.numbers import (
    amount_text,
    money_text,
    number_text,
    quoted_in,
    quoted_price_text,
)

SIZE_KINDS = (
    ("quantity", N_("Quantity (base units)"), N_("Size in base units, e.g. 0.4 BTC")),
    ("notional", N_("Notional at entry"), N_("Quantity × entry price, in the settlement currency")),
    (
        "margin",
        N_("Margin × leverage"),
        N_("The margin you put up; quantity = margin × leverage / entry"),
    ),
)


SIDE_TIP = N_("Long profits when the price rises, short when it falls")
MODE_TIP = N_(
    "Isolated: the position has its own margin and can lose at most that. Cross: it shares "
    "the account's pool, holds on longer, and can take the pool with it"
)


class PositionForm(QGroupBox):
    def __init__(self, controller: ScenarioController, parent: QWidget | None = None) -> None:
        super().__init__(tr("Position"), parent)
        self._controller = controller
        self._row = -1
        self._scales: dict[str, float] = {}
        self._by_field: dict[str, EditField] = {}
        form = QFormLayout(self)
        # A column narrower than captions and fields side by side (1280 × 720) puts a field
        # under its caption: side by side, the fields stood cut at the column's edge.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.symbol = EditField(
            "symbol",
            tr("Contract symbol, e.g. ETHUSDT: picks the rule set's tier table"),
            lambda t: self._controller.set_position(self._row, "symbol", t),
        )
        self._symbols = QStringListModel(self)
        self._symbols_rules = ""
        form.addRow(tr("S&ymbol"), self.symbol)
        self.side = self._choice(form, tr("Si&de"), "side", ("long", "short"), SIDE_TIP)
        self.mode = self._choice(
            form, tr("Isola&ted or cross"), "margin_mode", ("isolated", "cross"), MODE_TIP
        )
        self.size_kind = QComboBox()
        self.size_kind.setAccessibleName("size kind")
        for _, label, tip in SIZE_KINDS:
            self.size_kind.addItem(tr(label))
            self.size_kind.setItemData(self.size_kind.count() - 1, tr(tip), role=3)
        self.size_kind.setToolTip(tr("How you give the size; the others follow from it"))
        self.size_kind.currentIndexChanged.connect(self._show_fields)
        form.addRow(tr("Size &as"), self.size_kind)
        self.size_field = EditField(
            "size", tr("Size of the position, in the unit chosen above"), self._on_size_edited
        )
        form.addRow(tr("&Size"), self.size_field)
        self.entry = self._field(form, tr("&Entry price"), "entry_price", tr("Average entry price"))
        self.mark = self._field(
            form,
            tr("Mar&k price"),
            "mark_price",
            tr("Today's mark price of this symbol; empty: the entry price"),
            tr("the entry price"),
        )
        self.margin = self._field(
            form,
            tr("Isolated mar&gin"),
            "margin",
            tr("Isolated margin, added margin included; empty: entry notional / leverage"),
            tr("notional / leverage"),
        )
        self.leverage = self._field(
            form,
            tr("Le&verage ×"),
            "leverage",
            tr("Leverage: initial margin = entry notional / leverage"),
        )
        # Typed in %, kept as a fraction (0.4 % → 0.004).
        self.rate = self._field(
            form,
            tr("MMR &override %"),
            "maintenance_rate",
            tr("Maintenance margin rate override, in %. Empty: the rule set's table decides"),
            scale=0.01,
        )
        self.amount = self._field(
            form,
            tr("MM a&mount override"),
            "maintenance_amount",
            tr(
                "Maintenance amount override (Binance 'cum', Bybit 'deduction'), settlement "
                "currency; needs the rate above"
            ),
        )
        self.notional = QLabel()
        self.notional.setToolTip(tr("Quantity × mark price"))
        self.initial = QLabel()
        self.initial.setToolTip(
            tr(
                "Isolated: the position's margin. Cross: entry notional / "
                "leverage, drawn from the shared pool"
            )
        )
        self.effective = QLabel()
        self.effective.setToolTip(
            tr(
                "Entry notional / initial margin. Differs from the leverage "
                "when an explicit isolated margin is given"
            )
        )
        self.maintenance = QLabel()
        self.maintenance.setToolTip(
            tr(
                "Maintenance margin at the mark: notional × MMR − amount of "
                "the tier in force (the rule set's table or your override)"
            )
        )
        self.closed = QLabel()
        self.closed.setWordWrap(True)
        self.closed.setAccessibleName("pnl after fees")
        self.closed.setToolTip(
            tr(
                "Closed at the what-if price (the mark when the what-if does not move it): PnL "
                "less the taker fee to open (at the entry) and to close, each quantity × price × "
                "rate (Account: Taker fee); break-even: the exit at which the PnL pays both fees"
            )
        )
        self.table = QLabel()
        self.table.setWordWrap(True)
        self.table.setToolTip(
            tr(
                "Which table prices this position's maintenance margin, and how old it is: a "
                "table you imported from the venue wins over the bundled one"
            )
        )
        for label, widget in (
            (tr("Notional"), self.notional),
            (tr("Initial margin"), self.initial),
            (tr("Effective leverage"), self.effective),
            (tr("Maintenance"), self.maintenance),
            (tr("After fees"), self.closed),
            (tr("Tier table"), self.table),
        ):
            widget.setTextFormat(Qt.TextFormat.PlainText)  # the currency is shown as typed
            form.addRow(label, widget)
        self._units = UnitCaptions()
        for edit, caption, unit in (
            (self.size_field, tr("&Size"), "size"),
            (self.entry, tr("&Entry price"), "price"),
            (self.mark, tr("Mar&k price"), "price"),
            (self.margin, tr("Isolated mar&gin"), "amount"),
            (self.amount, tr("MM a&mount override"), "amount"),
        ):
            self._units.add(cast(QLabel | None, form.labelForField(edit)), caption, unit)
        for edit in self._edits():
            # Room for a size like 0.00012345 or the placeholder: a narrower column puts
            # the field under its caption (above) rather than showing "11000" of 110000.
            advance = edit.fontMetrics().horizontalAdvance
            shown = max(advance("0.00012345"), advance(edit.placeholderText()))
            edit.setMinimumWidth(shown + LINE_EDIT_PADDING)
        controller.scenarioChanged.connect(self._show_fields)
        controller.resultChanged.connect(self._show_result)
        controller.problemsChanged.connect(self._on_problems_changed)
        self.set_row(-1)

    @property
    def row(self) -> int:
        return self._row

    def set_row(self, row: int) -> None:
        positions = self._controller.scenario.positions
        self._row = row if 0 <= row < len(positions) else -1
        if self._row < 0:
            # No position (the last one removed from the Edit menu while a value was half
            # typed): an open edit ends here with nothing to put back, before disabling the
            # fields moves the focus and ends it by putting the old value back into no row.
            for edit in self._edits():
                edit.path = ""
        for widget in (self.size_kind, self.side, self.mode, *self._edits()):
            widget.setEnabled(self._row >= 0)
        self._show_fields()
        self._on_problems_changed(self._controller.problems)  # this row's, not the last one's
        if self._controller.result is not None:
            self._show_result(self._controller.result)

    def _choice(
        self, form: QFormLayout, label: str, field: str, values: tuple[str, ...], tip: str
    ) -> QComboBox:
        """A field with a few words to choose from (side, margin mode)."""
        box = QComboBox()
        box.addItems([tr(v.capitalize()) for v in values])
        box.setToolTip(tr(tip))
        box.setProperty("values", values)
        box.setAccessibleName(field)
        box.activated.connect(
            lambda index: self._controller.set_position(self._row, field, values[index])
        )
        form.addRow(label, box)
        return box

    def _kind(self) -> str:
        return SIZE_KINDS[self.size_kind.currentIndex()][0]

    def _on_size_edited(self, text: str) -> bool:
        return self._controller.set_size(self._row, self._kind(), text)

    def _position(self, scenario: Scenario) -> Position | None:
        return scenario.positions[self._row] if 0 <= self._row < len(scenario.positions) else None

    def _show_fields(self, *_: object) -> None:
        position = self._position(self._controller.scenario)
        if position is None:
            self._row = -1
            self.setTitle(tr("Position (select a row)"))
            for edit in self._edits():
                edit.setText("")
            self._units.show({})
            return
        self.setTitle(
            tr("Position {id}: {symbol} {side}, {mode}").format(
                id=position.id,
                symbol=position.symbol,
                side=tr(position.side),
                mode=tr(position.margin_mode),
            )
        )
        self.symbol.path = f"positions[{self._row}].symbol"
        self.symbol.show_value(position.symbol)
        rules = self._controller.scenario.rules
        if rules != self._symbols_rules:
            self._symbols_rules = rules
            self._symbols.setStringList(rule_set_symbols(rules))
            attach_symbol_completer(self.symbol, self._symbols, rules)
        for box, value in ((self.side, position.side), (self.mode, position.margin_mode)):
            with QSignalBlocker(box):
                box.setCurrentIndex(box.property("values").index(value))
        self._show_size_kinds(position)
        kind = self._kind()
        self._show_units(position, kind)
        self.size_field.path = f"positions[{self._row}].{kind}"
        size = {
            "quantity": position.quantity,
            "notional": position.entry_notional,
            "margin": position.entry_notional / position.leverage,
        }[kind]
        self.size_field.show_value(number_text(size))
        for field, edit in self._by_field.items():
            value = getattr(position, field)
            edit.path = f"positions[{self._row}].{field}"
            edit.show_value(number_text(None if value is None else value / self._scales[field]))

    def _show_units(self, position: Position, kind: str) -> None:
        """The fields' units: prices in what they are quoted in (USD for a coin-margined
        contract), margins in the settlement currency, the size in the symbol's coin or, by
        notional or margin, in the settlement currency (in contracts: the kind names them)."""
        currency = self._controller.scenario.account.currency
        size = (
            ""
            if position.inverse
            else base_asset(position.symbol)
            if kind == "quantity"
            else currency
        )
        self._units.show(
            {"size": size, "price": quoted_in(currency, position.inverse), "amount": currency}
        )

    def _show_size_kinds(self, position: Position) -> None:
        """A coin-margined position is sized in contracts only: its notional and margin are
        coins, which the other two ways (quantity × entry, margin × leverage) do not give."""
        first = (
            tr("Contracts ({size} USD each)").format(size=number_text(position.contract_size))
            if position.inverse
            else tr(SIZE_KINDS[0][1])
        )
        with QSignalBlocker(self.size_kind):
            if self.size_kind.itemText(0) != first:
                self.size_kind.setItemText(0, first)
            if position.inverse:
                self.size_kind.setCurrentIndex(0)
        self.size_kind.setEnabled(not position.inverse)

    def _show_result(self, result: Result) -> None:
        position = self._position(result.scenario)
        figures = (
            None
            if position is None
            else result.report.variants["as_entered"].positions.get(position.id)
        )
        labels = (
            self.notional,
            self.initial,
            self.effective,
            self.maintenance,
            self.closed,
            self.table,
        )
        if position is None or figures is None:
            for label in labels:
                label.setText("—")
            return
        cur = result.report.currency
        coin = result.report.coin
        self.notional.setText(money_text(figures.notional, cur, coin=coin))
        self.initial.setText(
            f"{money_text(figures.initial_margin, cur, coin=coin)} ({tr(figures.margin_mode)})"
        )
        leverage = figures.effective_leverage
        self.effective.setText(tr("over 10^12×") if leverage is None else f"{leverage:,.2f}×")
        self.maintenance.setText(
            tr("{amount} (MMR {rate})").format(
                amount=money_text(figures.maintenance_margin, cur, coin=coin),
                rate=f"{figures.maintenance_rate * 100:.2f} %",
            )
        )
        self.table.setText(tier_table_text(result.scenario.rules, position))
        closed = result.pnl.get(position.id)
        if closed is not None:
            # In what prices are quoted in: USD for a coin-margined position.
            even = said(quoted_price_text(closed.break_even, result.report.price_currency))
            self.closed.setText(
                tr("PnL {pnl} at the what-if · break-even {price}").format(
                    pnl=f"{amount_text(closed.net_pnl, coin, signed=True)} {cur}", price=even
                )
            )

    def _field(
        self,
        form: QFormLayout,
        label: str,
        field: str,
        tip: str,
        placeholder: str = "",
        scale: float = 1.0,
    ) -> EditField:
        """A field of the selected position, added to the form: typed text goes to the
        controller (times ``scale``), the position's value comes back (divided by it)."""
        self._scales[field] = scale
        edit = self._by_field[field] = EditField(
            field,
            tip,
            lambda t: self._controller.set_position(self._row, field, t, scale=scale),
        )
        edit.setPlaceholderText(placeholder)
        form.addRow(label, edit)
        return edit

    def _edits(self) -> tuple[EditField, ...]:
        return (
            self.symbol,
            self.size_field,
            self.entry,
            self.mark,
            self.margin,
            self.leverage,
            self.rate,
            self.amount,
        )

    def _on_problems_changed(self, problems: dict[str, str]) -> None:
        for edit in self._edits():
            edit.show_problem(problem_for(edit, problems))


def tier_table_text(rules: str, position: Position) -> str:
    """ "binance-usdm BTCUSDT, as of 2026-07-02", or that an override or your rates decide."""
    if position.maintenance_rate is not None:
        return tr("your MMR override")
    if rules == "generic":
        return tr("generic: your own rates")
    info = symbol_table_info(rules, position.symbol)
    origin = tr("imported") if info["source"].startswith("imported") else tr("bundled")
    return tr("{rules} {symbol}, {origin}, as of {date}").format(
        rules=rules, symbol=table_symbol(rules, position.symbol), origin=origin, date=info["as_of"]
    )
