"""Issue 19 in the window: a coin-margined account's figures in coin and in USD, and its equity
plotted in USD beside the same trades USDT-margined. Expected numbers come from the coin PnL
formula ``s·N·(1/EP − 1/P)`` (formulas.md §0), never from the engine."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.positions_table_model import FIELDS
from marginlab.engine.text.numbers import price_text
from tests.desktop.conftest import wait_result
from tests.desktop.screen import card_cell, card_tooltip

N = 200 * 100  # the preset: 200 contracts of 100 USD
EP = 50_000.0
WALLET = 0.2  # BTC


def load(qtbot, window: MainWindow) -> None:
    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)


def test_the_cards_say_coins_and_their_dollars(qtbot, window: MainWindow) -> None:
    load(qtbot, window)
    text = window.comparison.cards["cross"].account.text()
    assert "0.20000000 BTC" in text  # 8 decimals, not "0.20"
    assert "In USD: equity now 10,000.00 USD" in text  # 0.2 BTC at 50,000
    assert card_cell(window, "cross", 0, 1) == "33,500.00"  # COIN-M: N(1+MMR)/(WB + N/EP)
    assert card_cell(window, "cross", 0, 3) == "0.2000"  # the whole pool, in BTC
    model = window.comparison.cards["cross"].table.model()
    # Each header says its figures' unit on a second line: prices in dollars, losses in coin.
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Liq. price\nUSD"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Max loss\nBTC"
    assert card_tooltip(window, "cross", 0, 1).startswith("Liq. price (USD)")


def test_the_max_loss_bars_span_the_chart_in_coins(qtbot, window: MainWindow) -> None:
    """The chart scaled its bars to at least 1 of the currency: a BTC-margined account's 0.2
    BTC bars stood a fifth of the chart long. The longest now spans it, the others in
    proportion (all isolated 0.04 BTC, a fifth of the 0.2)."""
    load(qtbot, window)
    chart = window.losses
    assert chart.heights() == pytest.approx([0.2, 0.04, 0.2])
    as_entered, isolated, cross = chart.bar_lengths()
    assert as_entered == pytest.approx(cross)
    assert isolated == pytest.approx(cross / 5)
    width = chart.width()
    assert cross > width / 2  # the room the titles and the values leave, nearly all of it


def test_pnl_in_the_table_is_the_coin_formula(qtbot, window: MainWindow) -> None:
    load(qtbot, window)
    window.plot.what_if.setValue(40_000)  # synchronous: the controller answers at once
    column = window.model.columnCount() - 2
    pnl = N * (1 / EP - 1 / 40_000)  # -0.1 BTC
    assert window.model.data(window.model.index(0, column)) == f"{pnl:+,.8f}"
    assert window.model.headerData(column, _horizontal()) == "PnL (BTC)"
    # The size column counts contracts: "Quantity 200" read as 200 BTC.
    size = FIELDS.index("quantity")
    assert window.model.headerData(size, _horizontal()) == "Contracts"
    window.files.load_preset("seed-example.json")  # a linear book: quantities again
    wait_result(qtbot, window)
    assert window.model.headerData(size, _horizontal()) == "Quantity"


def test_the_plot_shows_the_double_loss_beside_usdt(qtbot, window: MainWindow) -> None:
    load(qtbot, window)
    plot = window.plot
    assert plot.unit.isVisible() and plot.unit.currentData() == "usd"
    assert "(USD)" in plot.plot.getAxis("left").labelText
    x, y = plot.curves["cross"].getData()
    alive = x > 33_500 * 1.001
    coins = WALLET + N * (1 / EP - 1 / x[alive])
    np.testing.assert_allclose(y[alive], coins * x[alive], rtol=1e-9)
    gx, gy = plot.linear_curve.getData()
    # The same long on USDT: 10,000 USDT, 0.4 BTC long, cross; alive above its own (lower)
    # liquidation price, so in USD it falls by the PnL only.
    linear = 10_000 + N / EP * (gx - EP)
    above = gx > 30_000
    np.testing.assert_allclose(gy[above], linear[above], rtol=1e-9)
    falls = x < 45_000
    assert np.all(y[falls & alive] < np.interp(x[falls & alive], gx, gy))  # it loses twice


def test_the_plot_in_the_coin(qtbot, window: MainWindow) -> None:
    load(qtbot, window)
    plot = window.plot
    plot.unit.setCurrentIndex(plot.unit.findData("coin"))
    assert "(BTC)" in plot.plot.getAxis("left").labelText
    x, y = plot.curves["cross"].getData()
    alive = x > 33_500 * 1.001
    np.testing.assert_allclose(y[alive], WALLET + N * (1 / EP - 1 / x[alive]), rtol=1e-9)
    assert _empty(plot.linear_curve)


def test_the_replay_reads_equity_in_coins_without_a_scale(qtbot, window: MainWindow) -> None:
    """0.2 BTC of equity reads 0.2 on the replay's axis: pyqtgraph rescaled it to "200" and put
    "(x0.001)" after the title (seen in the real app under Xvfb)."""
    load(qtbot, window)
    window.views.setCurrentWidget(window.replay)
    window.replay.choose("flash-crash", "BTCUSD", 15)
    window.replay.plot.grab()  # painted: the view takes its range, the axis its ticks
    axis = window.replay.plot.getAxis("left")
    low, high = axis.range
    assert 0.1 < low < high < 0.3  # the view spans the equity, in BTC
    assert "(BTC)" in axis.labelString() and "(x" not in axis.labelString()
    assert axis.autoSIPrefixScale == 1.0  # ticks read 0.16 … 0.20, not 160 … 200


def test_a_linear_account_has_no_unit_choice(window: MainWindow) -> None:
    assert not window.plot.unit.isVisible()
    assert _empty(window.plot.linear_curve)


def _empty(curve) -> bool:  # type: ignore[no-untyped-def]
    x, _ = curve.getData()
    return x is None or len(x) == 0


def test_size_is_in_contracts_only(qtbot, window: MainWindow) -> None:
    load(qtbot, window)
    form = window.form
    assert not form.size_kind.isEnabled()
    assert form.size_kind.currentText() == "Contracts (100 USD each)"


def test_the_calculator_prices_coin_pnl_and_says_what_it_cannot_yet(
    qtbot, window: MainWindow
) -> None:
    """PnL and targets in the coin: ``s·N·(1/EP − 1/P)``, and the exit for an ROE on
    ``N / (EP · L)``, ``EP / (1 − ROE / L)`` (the PnL formula solved); max open and the DCA
    ladder in contracts; size from the loss does not price coin-margined contracts yet, and
    says so."""
    load(qtbot, window)
    window.views.setCurrentIndex(3)
    calc = window.calculator
    calc.symbol.setEditText("BTCUSD")
    calc.leverage.setText("10")
    calc.price.setText("50000")
    calc.mmr.setText("0.5")
    calc.quantity.setText("200")  # contracts of 100 USD
    calc.exit_price.setText("40000")
    calc.target_roe.setText("50")
    calc.tabs.setCurrentIndex(0)
    calc.recompute()
    assert calc.problems.text() == ""
    text = calc.exit_text.text()
    assert f"PnL {N * (1 / EP - 1 / 40_000):+,.8f} BTC" in text  # -0.10000000 BTC
    assert f"Initial margin {N / EP / 10:,.8f} BTC" in text
    assert price_text(EP / (1 - 0.5 / 10)) in text  # 52,631.58
    assert "At 40,000.00 USD:" in text  # the price in dollars, the PnL in coins
    form = calc.quantity.parentWidget().layout()
    captions = [form.labelForField(f).text() for f in (calc.quantity, calc.target_pnl)]
    assert captions == ["Quantity (contracts)", "Target PnL (BTC)"]
    calc.tabs.setCurrentIndex(2)
    calc.margin.setText("")
    calc.recompute()
    available = WALLET - N / EP / 10  # C's own margin is in use
    assert f"{available * EP * 10 / 100:,.8g} contracts" in calc.max_open_text.text()
    calc.tabs.setCurrentIndex(1)
    calc.fills.setPlainText("100 @ 45000\n100 @ 40000")
    calc.recompute()
    assert calc.problems.text() == ""
    average = 200 / (100 / 45_000 + 100 / 40_000)  # the contracts over their coin value
    assert calc.ladder.item(1, 4).text() == price_text(average)
    heads = [calc.ladder.horizontalHeaderItem(c).text() for c in (1, 5)]
    assert heads == ["Price\n(USD)", "Margin\n(BTC)"]  # prices in dollars, margins in coin
    assert calc.ladder.item(1, 5).text() == f"{(100 / 45_000 + 100 / 40_000) * 100 / 10:,.8f}"
    # Size from the loss: whole contracts, losses and margins in the coin (stop 44,000,
    # 0.0501 BTC accepted: isolated loses its 0.0002 BTC a contract before the stop, 250 of
    # them; cross loses 100·(1/44,000 − 1/50,000) a contract, 183 of them).
    calc.tabs.setCurrentIndex(3)
    calc.stop.setText("44000")
    calc.loss.setText("0.0501")
    calc.recompute()
    assert calc.problems.text() == ""
    text = calc.size_text.text()
    assert "largest size 250 contracts, loses 0.05000000 BTC" in text
    assert f"largest size 183 contracts, loses {183 * 100 * (1 / 44_000 - 1 / EP):,.8f} BTC" in text
    # Funding: 9 payments of (20,000 / 50,000) · 0.01 % in 72 h, in the coin; the liquidation
    # after it by Binance COIN-M's formula, the wallet less what was paid.
    calc.tabs.setCurrentIndex(4)
    calc.rate.setText("0.01")
    calc.hours.setText("72")
    calc.recompute()
    assert calc.problems.text() == ""
    paid = N / EP * 0.0001 * 9
    funding = calc.funding_text.text()
    assert f"it pays {paid:,.8f} BTC" in funding
    cross = N * 1.005 / (WALLET - paid + N / EP)
    assert f"held cross {price_text(cross)} USD" in funding


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


@pytest.fixture(autouse=True)
def _shown(window: MainWindow, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)


def test_add_position_in_a_coin_book_adds_a_contract(qtbot, window: MainWindow) -> None:
    """A coin-margined book holds one settlement coin: the new row is one contract of the
    selected row's kind, not a USDT-margined position the file would refuse."""
    load(qtbot, window)
    assert window.controller.add_position(0)
    wait_result(qtbot, window)
    added = window.controller.scenario.positions[-1]
    assert (added.contract, added.contract_size, added.quantity) == ("inverse", 100, 1)
    assert added.symbol == window.controller.scenario.positions[0].symbol
    figures = window.controller.result.report.variants["isolated"].positions[added.id]
    # Isolated at 10×: margin N/EP/10 coins, so its whole margin is what it can lose.
    assert figures.max_loss == pytest.approx(100 / EP / 10, rel=1e-9)


def test_the_order_takes_the_book_s_mmr_and_asks_nothing_in_red(qtbot, window: MainWindow) -> None:
    """Generic rules, C's MMR 0.5 % in the file: the Calculator opened with "MMR %: required
    under rules 'generic'" in red before anything was typed. The field now stands for C's
    rate, and the order's isolated liquidation is priced on it: at 50,000 and 10×,
    EP (1 + MMR) / (1 + 1/L) (the coin PnL formula at the margin N / (EP · L))."""
    load(qtbot, window)
    window.views.setCurrentIndex(3)
    calc = window.calculator
    qtbot.waitUntil(calc.isVisible)
    calc.symbol.setEditText("BTCUSD")
    calc.recompute()
    assert calc.mmr.placeholderText() == "0.5 (the book's)"
    assert calc.problems.text() == "To see the figures, fill in: Quantity"
    pretrade = window.pretrade
    window.views.setCurrentWidget(pretrade)
    qtbot.waitUntil(pretrade.isVisible)
    pretrade.symbol.setEditText("BTCUSD")
    pretrade.size_field.setText("100")
    pretrade.recompute()
    assert pretrade.mmr.placeholderText() == "0.5 (the book's)"
    assert pretrade.problems.text() == ""
    assert pretrade.table.item(0, 0).text() == f"{price_text(EP * 1.005 / 1.1)} USD"  # 45,681.82


def test_the_exported_comparison_quotes_prices_in_dollars(
    qtbot, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The CSV said "liquidation price (BTC)" beside 33,500.00: a BTCUSD price is dollars,
    its losses coins."""
    import csv

    load(qtbot, window)
    table = tmp_path / "comparison.csv"
    window.files.ask_save_path = lambda *_: str(table)
    window.files.export_csv()
    head = next(csv.reader(table.open()))
    assert (head[4], head[6], head[7]) == (
        "liquidation price (USD)",
        "bankruptcy price (USD)",
        "max loss (BTC)",
    )


def test_the_order_row_shows_its_unit_and_the_mark_whole_on_a_laptop(
    qtbot, window: MainWindow
) -> None:
    """1366 px: in equal shares the size's unit read "contracts (100 U" and the price's
    placeholder "mark 50,000.…"."""
    load(qtbot, window)
    window.resize(1366, 720)
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    view.recompute()
    qtbot.wait(10)
    unit = view.size_kind
    assert unit.currentText() == "contracts (100 USD)"
    assert unit.width() >= unit.fontMetrics().horizontalAdvance(unit.currentText()) + 20
    price = view.price
    assert price.placeholderText() == "mark 50,000.00"
    assert price.width() >= price.fontMetrics().horizontalAdvance("mark 50,000.00") + 8


def test_the_comparison_pictures_title_gives_the_wallet_in_coin() -> None:
    """The picture's title line gave a BTC wallet to the cent ("wallet 0.20 BTC")."""
    from datetime import date

    from marginlab.desktop.main_window import image_title
    from marginlab.engine.files.presets import load_preset

    title = image_title(load_preset("btc-margined-long.json"), date(2026, 11, 30))
    assert " · wallet 0.20000000 BTC · generic · " in title
    assert title.endswith(", 2026-11-30")
    linear = image_title(load_preset("seed-example.json"), date(2026, 11, 30))
    assert " · wallet 10,000.00 USDT · binance-usdm (tiers 2026-07-02) · " in linear
