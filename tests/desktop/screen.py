"""What the window shows, compared with what the engine computes for the same scenario."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import Qt

from marginlab.desktop.i18n import current_language, tr
from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.positions_table_model import FIELDS
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.inverse import usd_curves
from marginlab.engine.margin.report import MoveError
from marginlab.engine.margin.sweep import ALL_SYMBOLS, sweep_for
from marginlab.engine.text.numbers import amount_text, price_text


def card_cell(win: MainWindow, variant: str, row: int, column: int) -> str:
    """The text a card's cell shows."""
    return win.comparison.cards[variant].table.model().index(row, column).data()


def card_tooltip(win: MainWindow, variant: str, row: int, column: int) -> str:
    """The tooltip a card's cell shows."""
    index = win.comparison.cards[variant].table.model().index(row, column)
    return index.data(Qt.ItemDataRole.ToolTipRole)


def curve(win: MainWindow, variant: str) -> tuple[np.ndarray, np.ndarray]:
    """The data the curve holds (getData() would return the on-screen copy, which pyqtgraph
    clips to a dynamic range around the view)."""
    item = win.plot.curves[variant]
    return item.xData, item.yData


def assert_shows_engine_figures(win: MainWindow) -> None:
    """Cards and curves equal the engine's result for the scenario the window holds."""
    scenario = win.controller.scenario
    report = evaluate(scenario)
    sweep = sweep_for(scenario, win.controller.axis, include=win.controller.what_if_extent)
    curves = None if sweep is None else sweep.equity
    if sweep is not None and report.coin and win.plot.unit.currentData() == "usd":
        curves = usd_curves(scenario, sweep).equity  # a coin account plotted in USD
    for name, variant in report.variants.items():
        for row, figures in enumerate(variant.positions.values()):
            liq = figures.liquidation_price
            assert card_cell(win, name, row, 1) == (tr("none") if liq is None else price_text(liq))
            # Whole units, cents under 100 (0.15 of a small position read "0"), or coins to
            # 4 decimals (a coin-margined account: 0.2000 BTC).
            places = 4 if report.coin else 2 if abs(figures.max_loss) < 100 else 0
            assert card_cell(win, name, row, 3) == f"{figures.max_loss:,.{places}f}"
        card = win.comparison.cards[name]
        assert card.table.rowCount() == len(variant.positions)
        figure = f"{variant.account.max_loss:,.{8 if report.coin else 2}f}"
        english = current_language() == "en"  # in another, the figure (the words translated)
        assert (f"Max loss if wrong: {figure}" if english else figure) in card.account.text()
        x, y = curve(win, name)
        if sweep is None or curves is None:
            assert x is None or len(x) == 0
        else:
            np.testing.assert_allclose(x, sweep.x)
            np.testing.assert_allclose(y, curves[name])
    assert win.losses.heights() == [report.variants[n].account.max_loss for n in win.losses.names]
    if sweep is not None:  # the what-if line, its field and its readout agree
        line, field = win.plot.what_if.value(), win.plot.what_if_value
        assert sweep.x[0] - 1e-9 <= line <= sweep.x[-1] + 1e-9
        assert abs(field.value() - line) <= 10.0 ** -field.decimals()
        equity = _engine_at(scenario, win.controller.axis, line)
        if equity is not None:
            for name in equity.variants:
                places = 8 if equity.coin else 2  # coins to 8 decimals
                amount = f"{equity.variants[name].account.equity:,.{places}f}"
                assert amount in win.plot.readout.text(), (name, amount)
    _assert_table_pnl(win)
    # Numeric cells and account lines only: IDs and the currency are the user's own text.
    shown = " ".join(
        card_cell(win, name, r, c)
        for name, card in win.comparison.cards.items()
        for r in range(card.table.rowCount())
        for c in range(1, card.table.columnCount())
    ) + " ".join(card.account.text() for card in win.comparison.cards.values())
    shown = shown.replace(scenario.account.currency, "CUR").lower()
    assert not re.search(r"\b(nan|inf|infinity)\b", shown), shown


def _engine_at(scenario, axis: str, x: float):
    """The engine's report with the what-if line at ``x``: one symbol at that price, or every
    symbol moved by that percentage."""
    marks = scenario.marks()
    if axis == ALL_SYMBOLS:
        at = {s: m * (1 + x / 100) for s, m in marks.items()} if x > -100 else None
    else:
        at = {axis: x} if x > 0 and axis in marks else None
    if at is None:
        return None
    try:
        return evaluate(scenario, at)
    except MoveError:
        return None


def _assert_table_pnl(win: MainWindow) -> None:
    """The table's PnL column: each position closed at the what-if price (its mark when the
    what-if leaves its symbol alone), ``s·Q·(P − EP)`` for a linear contract and
    ``s·N·(1/EP − 1/P)`` coins for a coin-margined one (formulas.md §0)."""
    scenario = win.controller.scenario
    result = win.controller.result
    # The prices the figures were made at: the what-if's, or the marks when it names a price
    # beyond the largest a scenario may (the controller then evaluates at the marks).
    at, marks = ({} if result is None else result.at), scenario.marks()
    column = FIELDS.index("pnl")
    for row, p in enumerate(scenario.positions):
        price = at.get(p.symbol, marks[p.symbol])
        if p.inverse:
            pnl = p.sign * p.usd_value * (1 / p.entry_price - 1 / price)
        else:
            pnl = p.sign * p.quantity * (price - p.entry_price)
        shown = win.model.data(win.model.index(row, column))
        assert shown == amount_text(pnl + 0.0, p.inverse, signed=True), (p.id, shown, pnl)  # −0: 0
