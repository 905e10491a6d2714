"""Issue 17 in the window: the taker fee field, PnL after fees and break-even in the table, and
the Calculator tab, as a trader reads them (the brief's account: A ETH 10 @ 3,000 isolated on
3,000; B BTC 0.4 @ 50,000 isolated on 2,000; wallet 10,000; acceptable loss 2,500)."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.planner import Planner
from marginlab.desktop.positions_table_model import FIELDS
from marginlab.engine.files.presets import load_preset
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.venue_formulas import binance_usdm_liquidation_price
from marginlab.engine.text.numbers import price_text
from tests.desktop.conftest import wait_result


def _cell(window: MainWindow, row: int, field: str) -> str:
    return window.model.data(window.model.index(row, FIELDS.index(field)))


def _type(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    _settle(qtbot, edit)


def _settle(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """The calculator answers a burst of keystrokes once, on the next turn of the loop."""
    window = widget.window()
    calc = window.calculator if isinstance(window, MainWindow) else None
    if calc is not None and calc._soon.pending:
        qtbot.waitUntil(lambda: not calc._soon.pending, timeout=2000)


def test_the_taker_fee_sets_pnl_after_fees_and_break_even(qtbot, window: MainWindow) -> None:
    fee = window.account.fee
    assert fee.text() == "" and fee.placeholderText().startswith("0.05")  # Binance base rate
    _type(qtbot, fee, "0.1")
    qtbot.keyClick(fee, Qt.Key.Key_Return)
    wait_result(qtbot, window)
    assert window.controller.scenario.taker_fee == pytest.approx(0.001)
    # B at its mark (50,000): PnL 0, fees 0.4 × 50,000 × 0.1 % twice = 40 → −40.00 after fees;
    # break-even 50,000 × 1.001 / 0.999. The table keeps PnL before fees.
    window.table.selectRow(1)
    assert window.form.closed.text() == (
        f"PnL -40.00 USDT at the what-if · break-even {price_text(50_000 * 1.001 / 0.999)} USDT"
    )
    assert _cell(window, 1, "pnl") == "+0.00"
    _type(qtbot, fee, "5")  # above 1 %: refused, named, and the last good rate stays
    assert "must be between 0 and 1 %" in fee.toolTip()
    qtbot.keyClick(fee, Qt.Key.Key_Return)
    assert fee.text() == "0.1"
    assert window.controller.scenario.taker_fee == pytest.approx(0.001)


def _calculator(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    window.views.setCurrentIndex(3)
    calc = window.calculator
    qtbot.waitUntil(calc.isVisible)
    return calc


def test_the_ladder_shows_each_fill_and_warns(qtbot, window: MainWindow) -> None:
    calc = _calculator(qtbot, window)
    calc.symbol.setEditText("BTCUSDT")
    _type(qtbot, calc.leverage, "20")
    calc.tabs.setCurrentIndex(1)
    calc.fills.setPlainText("0.1 @ 50000\n0.1 @ 48000\n0.2 @ 46000")
    _settle(qtbot, calc)
    ladder = calc.ladder
    assert ladder.rowCount() == 3
    assert ladder.item(1, 4).text() == "49,000.00"  # (50,000 + 48,000) / 2
    # Isolated after fill 1: 0.1 BTC on 250 of margin, Binance bracket 1 (0.4 %).
    first = binance_usdm_liquidation_price(250, +1, 0.1, 50_000, 0.004, 0.0)
    assert ladder.item(0, 6).text() == price_text(first)
    second = binance_usdm_liquidation_price(490, +1, 0.2, 49_000, 0.004, 0.0)
    assert (
        f"⚠ Fill 3: past the liquidation after fill 2 (isolated {price_text(second)}): the "
        "position would be gone before this fills" in calc.ladder_notes.text()
    )
    assert ladder.horizontalHeaderItem(6).text() == "Liq. isolated\n(USDT)"
    assert ladder.horizontalHeaderItem(2).text() == "Qty\n(BTC)"
    # On a laptop every column stands in the tab: "Liq. cross" was under a scroll bar.
    window.resize(1366, 740)
    window._fit_splits()
    qtbot.wait(50)
    assert ladder.horizontalScrollBar().maximum() == 0
    calc.fills.setPlainText("0.1 @ 50000\nhalf @ 48000")  # refused: named; the rows stay
    _settle(qtbot, calc)
    assert "Fill 2 quantity: 'half' is not a number" in calc.problems.text()
    assert ladder.rowCount() == 3


def _cut(value: float, step: str) -> str:
    """``value`` to ``step``, cut: how a largest figure reads (within, never above)."""
    return str(Decimal(repr(value)).quantize(Decimal(step), rounding=ROUND_DOWN))


def test_max_open_and_size_from_loss(qtbot, window: MainWindow) -> None:
    calc = _calculator(qtbot, window)
    calc.symbol.setEditText("BTCUSDT")
    _type(qtbot, calc.leverage, "10")
    calc.tabs.setCurrentIndex(2)
    _type(qtbot, calc.step, "0.001")
    # Available: 10,000 less 5,000 of isolated margin; at the mark 50,000 and 10x: 1 BTC.
    assert (
        "<b>Cross</b>: 1 BTC — notional 50,000.00 USDT, margin 5,000.00 USDT, open loss 0.00 USDT"
        "; limited by" in (calc.max_open_text.text())
    )  # Binance's order cost counts no fee: no "fees 0.00 USDT" as if there were none
    calc.tabs.setCurrentIndex(3)
    _type(qtbot, calc.stop, "47500")
    text = calc.size_text.text()
    # The account's acceptable loss, 2,500, with a fee on each side (0.05 %): Q × (2,500 +
    # 0.0005 × 97,500) = 2,500 → Q = 0.980872977…; the cross pool holds on to the stop. A
    # largest size reads within: 0.98087297, not 0.98087298 (which loses more than 2,500).
    largest = _cut(2_500 / (2_500 + 0.0005 * 97_500), "0.00000001")
    assert largest == "0.98087297"
    assert f"<b>Cross</b>: largest size {largest} BTC," in text
    _type(qtbot, calc.loss, "2006")
    text = calc.size_text.text()
    quantity = float(_cut(2_006 / (2_500 + 0.0005 * 97_500), "0.00000001"))
    assert f"<b>Isolated</b>: largest size {quantity:.8f} BTC," in text
    # Health 0 at the stop (formulas.md §0): M = MM(stop) + Q·(EP − stop), Binance's first
    # BTCUSDT bracket (MMR 0.4 %): 2,117.1711…, read up, since 2,117.17 typed in liquidates
    # the position a hair before the stop.
    margin = quantity * 47_500 * 0.004 + quantity * 2_500
    assert f"{margin:,.2f}" == "2,117.17"
    assert binance_usdm_liquidation_price(2_117.17, +1, quantity, 50_000, 0.004, 0) > 47_500
    assert binance_usdm_liquidation_price(2_117.18, +1, quantity, 50_000, 0.004, 0) <= 47_500
    assert "liquidation at the stop: <b>2,117.18 USDT</b>" in text
    _type(qtbot, calc.stop, "5000")  # as typed, each keystroke is a stop below the entry
    before = calc.size_text.text()
    qtbot.keyClicks(calc.stop, "0")  # 50,000: not below the entry of a long
    _settle(qtbot, calc)
    assert "stop price: must be below the entry for a long" in calc.problems.text()
    assert calc.size_text.text() == before  # the last figures stay, and say which stop
    assert before.startswith("With the stop at 5,000.00 USDT and 2,006.00 USDT accepted:")


def test_a_highest_leverage_of_exactly_20_reads_20(qtbot, window: MainWindow) -> None:
    """Isolated, the leverage whose margin puts the liquidation at the stop (formulas.md §0):
    EP / (MMR · stop + EP − stop) = 99,000 / (950 + 4,000) = 20 × at any size. For the
    account's 2,500 it came out of floats as 19.999999999999996 and read "19.99×"."""
    calc = _calculator(qtbot, window)
    calc.symbol.setEditText("BTCUSDT")
    _type(qtbot, calc.leverage, "10")
    _type(qtbot, calc.price, "99000")
    _type(qtbot, calc.mmr, "1")
    calc.tabs.setCurrentIndex(3)
    _type(qtbot, calc.stop, "95000")
    assert 99_000 / (0.01 * 95_000 + 99_000 - 95_000) == 20
    assert "<b>Isolated</b>: largest size" in calc.size_text.text()
    assert "; highest leverage 20.00×" in calc.size_text.text()
    assert "19.99" not in calc.size_text.text()


def test_max_open_on_bybit_holds_back_both_fees_and_says_whose_formula(
    qtbot, window: MainWindow
) -> None:
    scenario = window.controller.scenario
    window.controller.replace(scenario.model_copy(update={"rules": "bybit-linear"}))
    calc = _calculator(qtbot, window)
    calc.symbol.setEditText("BTCUSDT")
    _type(qtbot, calc.leverage, "10")
    calc.tabs.setCurrentIndex(2)
    _type(qtbot, calc.margin, "5057")
    _settle(qtbot, calc)
    # Bybit help "Order Cost (USDT Contract)" at Bybit's base taker rate (0.055 %): a BTC at
    # the mark 50,000 and 10x costs 5,000 + 27.50 to open + 24.75 to close at 45,000.
    text = calc.max_open_text.text()
    quantity = 5_057 / (5_000 + 27.5 + 24.75)  # 1.000940155…: the most, so 1.0009401 reads
    assert f"<b>Isolated</b>: {_cut(quantity, '0.0000001')} BTC" in text
    assert f"fees {quantity * 52.25:,.2f} USDT" in text
    assert "Bybit's order cost: initial margin + fee to open + fee to close" in text
    # On a laptop the lines wrap in the tab: a line of figures ran off its right edge.
    window.resize(1366, 740)
    window._fit_splits()
    _settle(qtbot, calc)
    qtbot.wait(50)
    assert calc.horizontalScrollBar().maximum() == 0
    assert calc.max_open_text.width() <= calc.viewport().width()
    window.controller.undo_stack.setClean()


def test_funding_plots_the_liquidation_over_the_holding_time(qtbot, window: MainWindow) -> None:
    calc = _calculator(qtbot, window)
    calc.tabs.setCurrentIndex(4)
    calc.position.setCurrentIndex(1)  # B
    _settle(qtbot, calc)
    assert not calc.order_box.isEnabled()  # a position's funding: the order is not used
    _type(qtbot, calc.rate, "0.01")
    _type(qtbot, calc.hours, "72")
    # B pays 0.4 × 50,000 × 0.01 % for each of 9 eight-hour intervals: 18.00 USDT; the text
    # says how many payments and how often (Hyperliquid pays every hour).
    assert (
        "Over 72 h (9 payments, one every 8 h, at 0.0100 % each) it pays 18.00 USDT"
        in calc.funding_text.text()
    )
    xs, ys = calc.funding_curves["isolated"].getData()
    assert xs[0] == 0 and xs[-1] == 72
    _type(qtbot, calc.hours, "8")  # one payment: it read "(1 payments, one every 8 h, …)"
    assert calc.funding_text.text().startswith(
        "Over 8 h (1 payment, due after 8 h, at 0.0100 %) it pays 2.00 USDT."
    )
    _type(qtbot, calc.hours, "72")
    drained = binance_usdm_liquidation_price(2_000 - 18, +1, 0.4, 50_000, 0.004, 0.0)
    assert ys[-1] == pytest.approx(drained, rel=1e-9)
    assert ys[0] < ys[-1]  # funding paid moves a long's liquidation up, towards the mark


def test_pnl_roe_and_target_prices(qtbot, window: MainWindow) -> None:
    calc = _calculator(qtbot, window)
    calc.symbol.setEditText("BTCUSDT")
    _type(qtbot, calc.leverage, "10")
    _type(qtbot, calc.quantity, "0.5")
    _type(qtbot, calc.exit_price, "55000")
    text = calc.exit_text.text()
    # 0.5 BTC from the mark 50,000 at 10x: margin 2,500; out at 55,000: +2,500, ROE +100 %;
    # fees at 0.05 %: 12.50 to open, 13.75 to close.
    assert "Initial margin 2,500.00 USDT" in text
    assert "<b>PnL +2,500.00 USDT</b>, ROE +100.00 % before fees" in text
    assert "12.50 USDT to open + 13.75 USDT to close → <b>PnL +2,473.75 USDT</b>" in text
    assert "At 55,000.00 USDT:" in text  # every figure with its unit
    assert f"Break-even after fees: <b>{price_text(50_000 * 1.0005 / 0.9995)} USDT</b>" in text
    form = calc.quantity.parentWidget().layout()
    captions = [form.labelForField(f).text() for f in (calc.quantity, calc.exit_price,
                                                       calc.target_pnl)]  # fmt: skip
    assert captions == ["Quantity (BTC)", "E&xit price (USDT)", "Target PnL (USDT)"]
    _type(qtbot, calc.target_roe, "50")
    _type(qtbot, calc.target_pnl, "1000")
    text = calc.exit_text.text()
    # Binance FAQ: long target = entry × (ROE / L + 1) = 52,500; PnL 1,000 on 0.5: 52,000.
    assert "Exit for ROE +50.00 %: <b>52,500.00 USDT</b>" in text
    assert "Exit for PnL +1,000.00 USDT: <b>52,000.00 USDT</b>" in text
    calc.side.setCurrentIndex(1)  # short: entry × (1 − ROE / L)
    _settle(qtbot, calc)
    assert "Exit for ROE +50.00 %: <b>47,500.00 USDT</b>" in calc.exit_text.text()


def test_ctrl_k_opens_the_calculator(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.views.currentIndex() == 3)
    assert window.views.currentWidget() is window.calculator


_TYPED = st.one_of(
    st.sampled_from(["", "0", "-1", "1e400", "nan", "1,5", "12,500", "50%", "½", "1e-300"]),
    st.text(max_size=12),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@settings(max_examples=150, deadline=None)
@given(
    symbol=st.one_of(st.sampled_from(["BTCUSDT", "ETHUSDT", "XYZUSDT", "½", ""]), st.text()),
    order=st.tuples(
        st.one_of(st.sampled_from(["10", "20", "1000", "1"]), _TYPED),
        st.one_of(st.sampled_from(["", "50000", "0.0001", "1e12"]), _TYPED),
        st.one_of(st.just(""), st.sampled_from(["0.5", "0", "99"]), _TYPED),
    ),
    fields=st.lists(
        st.one_of(st.sampled_from(["1", "47500", "0.5", "", "72"]), _TYPED),
        min_size=12,
        max_size=12,
    ),
    fills=st.one_of(st.just("0.1 @ 50000\n0.1 @ 47000"), st.text(max_size=60)),
)
def test_the_planner_answers_anything_typed_with_figures_or_named_problems(
    qapp, symbol: str, order: tuple[str, str, str], fields: list[str], fills: str
) -> None:
    """Nothing typed into the calculator raises: every answer is figures or messages that
    start with the field's name."""
    planner = Planner(ScenarioController(load_preset("seed-example.json")))
    ticket, problems = planner.ticket(symbol, "long", *order)
    assert ticket is not None or problems
    answers = [planner.funding("B", fields[10], fields[11])]
    if ticket is not None:
        answers += [
            planner.exit_and_targets(ticket, *fields[3:7]),
            planner.ladder(ticket, fills),
            planner.max_open(ticket, fields[7], fields[8]),
            planner.size(ticket, fields[9], fields[10]),
        ]
    for answer in answers:
        assert (answer.figures is None) == bool(answer.problems)
        for problem in answer.problems:
            assert ":" in problem and problem.strip(), problem


def test_the_ladder_adds_to_a_position(qtbot, window: MainWindow) -> None:
    calc = _calculator(qtbot, window)
    calc.tabs.setCurrentIndex(1)
    calc.add_to.setCurrentIndex(calc.add_to.findData("B"))
    calc.fills.setPlainText("0.4 @ 45000")
    _settle(qtbot, calc)
    # B (0.4 BTC from 50,000 on 2,000) plus 0.4 at 45,000 at 10x: 0.8 from 47,500 on 3,800.
    assert calc.ladder.item(0, 3).text() == "0.8"
    assert calc.ladder.item(0, 4).text() == "47,500.00"
    assert calc.ladder.item(0, 5).text() == "3,800.00"
    lp = binance_usdm_liquidation_price(3_800, +1, 0.8, 47_500, 0.004, 0.0)
    assert calc.ladder.item(0, 6).text() == price_text(lp)
    assert "past the liquidation of B as it stands (isolated)" in calc.ladder_notes.text()


def _colour(label) -> str:  # type: ignore[no-untyped-def]
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def test_a_field_not_typed_in_yet_is_asked_for_not_called_a_mistake(
    qtbot, window: MainWindow
) -> None:
    """A calculator page that has shown no figures yet asks for the fields left empty, in the
    text's own colour; once it has shown figures, emptying a field is a problem (the figures
    on show are the last complete order's), in red, as is anything that is not a number."""
    calc = _calculator(qtbot, window)
    _settle(qtbot, calc)
    assert calc.problems.text() == "To see the figures, fill in: Quantity"
    assert _colour(calc.problems) == _colour(window.calculator.exit_text)
    _type(qtbot, calc.quantity, "half")
    assert calc.problems.text() == "Quantity: 'half' is not a number"
    assert _colour(calc.problems) == "#c0392b"
    _type(qtbot, calc.quantity, "0.5")
    assert calc.problems.text() == "" and "Initial margin" in calc.exit_text.text()
    calc.quantity.selectAll()
    qtbot.keyClick(calc.quantity, Qt.Key.Key_Delete)
    _settle(qtbot, calc)
    assert calc.problems.text() == "Quantity: is empty"
    assert _colour(calc.problems) == "#c0392b"
    calc.tabs.setCurrentIndex(3)  # size from loss: no figures yet, the stop price asked for
    _settle(qtbot, calc)
    assert calc.problems.text() == "To see the figures, fill in: Stop price"
    assert _colour(calc.problems) != "#c0392b"
    calc.tabs.setCurrentIndex(1)  # the ladder, its fills not typed yet: asked for, not red
    _settle(qtbot, calc)
    assert calc.problems.text() == "To see the figures, fill in: Fills"
    assert _colour(calc.problems) != "#c0392b"


def test_an_empty_book_asks_for_the_symbol_and_its_price_not_in_red(
    qtbot, window: MainWindow
) -> None:
    """Every position removed, the Calculator and Before you open said "Symbol: type one,
    e.g. BTCUSDT" and "Price: type the order price (…)" in red before anything was typed:
    fields not typed in yet are asked for. A symbol the account holds no position in asks
    for its price, whose field says there is no mark to use."""
    for _ in range(len(window.controller.scenario.positions)):
        window.table.selectRow(0)
        window.remove_position()
    assert not window.controller.scenario.positions
    calc = _calculator(qtbot, window)
    calc.recompute()
    assert calc.problems.text() == "To see the figures, fill in: Symbol, Price"
    assert _colour(calc.problems) != "#c0392b"
    assert calc.price.placeholderText() == "mark"
    calc.symbol.setEditText("DOGEUSDT")
    calc.recompute()
    assert calc.problems.text() == "To see the figures, fill in: Price"
    assert calc.price.placeholderText() == "no mark: type it"
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    view.symbol.setEditText("")
    view.recompute()
    assert view.problems.text().startswith("To see the figures, fill in: Symbol, Price, Size")
    assert _colour(view.problems) != "#c0392b"
    window.controller.undo_stack.setClean()


def test_the_examples_follow_the_symbol_and_the_side(qtbot, window: MainWindow) -> None:
    """The placeholders were a BTC trade's ("e.g. 66000") whatever the symbol: they sit near
    the symbol's mark now, on the order's side (ETH at 3,000 in the brief's account)."""
    calc = window.calculator
    window.views.setCurrentWidget(calc)
    calc.symbol.setCurrentText("ETHUSDT")
    calc.side.setCurrentIndex(0)
    _settle(qtbot, calc)
    assert calc.exit_price.placeholderText() == "e.g. 3300"  # 10 % up
    assert calc.stop.placeholderText() == "e.g. 2850"  # 5 % down
    assert calc.quantity.placeholderText() == "e.g. 0.3"  # about 1,000 of ETH
    assert calc.target_pnl.placeholderText() == "e.g. 90"  # 0.3 ETH up 10 %
    assert calc.fills.placeholderText() == "0.3 @ 3000\n0.3 @ 2850\n0.6 @ 2700"
    calc.side.setCurrentIndex(1)  # a short: the exit below, the stop above
    _settle(qtbot, calc)
    assert calc.exit_price.placeholderText() == "e.g. 2700"
    assert calc.stop.placeholderText() == "e.g. 3150"


def test_on_a_laptop_a_refused_fill_is_said_in_view(qtbot, window: MainWindow) -> None:
    """1366 × 768, the Average & DCA page: "Fill 2: write quantity @ price" stood under the
    ladder's table, a scroll below the fills typed, and the table showed fill 1 alone without
    a word in sight. The line stands under the order, above the pages, in view."""
    window.resize(1366, 688)
    calc = _calculator(qtbot, window)
    calc.tabs.setCurrentIndex(1)
    calc.fills.setPlainText("0.3 @ 3000\n0.3 is 2850")
    _settle(qtbot, calc)
    qtbot.wait(20)
    assert calc.problems.text() == "Fill 2: write quantity @ price, e.g. 0.5 @ 60000"
    viewport = calc.viewport()
    top = calc.problems.mapTo(viewport, calc.problems.rect().topLeft())
    bottom = calc.problems.mapTo(viewport, calc.problems.rect().bottomLeft())
    assert top.y() >= 0 and bottom.y() <= viewport.height()
    window.controller.undo_stack.setClean()


def test_the_funding_plot_keeps_its_key_off_the_data(qtbot, window: MainWindow) -> None:
    """The funding page's legend sat inside the plot, and the "held isolated" line ran through
    it; its key stands above the plot now, as the other plots' do, in the curves' own pens."""
    from marginlab.desktop.line_key import LineKey

    calc = _calculator(qtbot, window)
    calc.tabs.setCurrentIndex(4)
    _settle(qtbot, calc)
    assert calc.funding_plot.getPlotItem().legend is None
    keys = calc.tabs.widget(4).findChildren(LineKey)
    assert [key.titles() for key in keys] == [["held isolated", "held cross"]]
    key, plot = keys[0], calc.funding_plot
    assert (
        key.mapTo(calc, key.rect().bottomLeft()).y() <= plot.mapTo(calc, plot.rect().topLeft()).y()
    )
    for pen, curve in zip(key.pens(), calc.funding_curves.values(), strict=True):
        assert pen.color() == curve.opts["pen"].color()


def test_filling_in_the_first_field_never_moves_the_next(qtbot, window: MainWindow) -> None:
    """The line asking for the quantity hid once it was typed, and every field below moved up
    under the pointer: a click meant for "Exit price" landed in "Target ROE"."""
    calc = _calculator(qtbot, window)
    calc.symbol.setEditText("BTCUSDT")
    _settle(qtbot, calc)
    assert calc.problems.text() == "To see the figures, fill in: Quantity"
    where = calc.exit_price.mapTo(window, calc.exit_price.rect().topLeft())
    _type(qtbot, calc.quantity, "0.5")
    assert calc.problems.text() == "" and "Initial margin" in calc.exit_text.text()
    qtbot.wait(10)
    assert calc.exit_price.mapTo(window, calc.exit_price.rect().topLeft()) == where


def test_a_held_symbol_typed_in_lower_case_is_the_books(qtbot, window: MainWindow) -> None:
    """Hyperliquid's "kPEPE", typed "kpepe" or picked from the list, was read "KPEPE": the
    Calculator asked for its price in red ("the account holds no position in it"). It is the
    book's kPEPE, at its mark, and the quantity counts kPEPE."""
    window.controller.replace(
        Scenario.model_validate(
            {
                "rules": "hyperliquid",
                "account": {"wallet_balance": 10_000, "currency": "USDC"},
                "positions": [
                    {
                        "id": "K",
                        "symbol": "kPEPE",
                        "side": "long",
                        "quantity": 1_000_000,
                        "entry_price": 0.011,
                        "mark_price": 0.0115,
                        "leverage": 5,
                        "margin_mode": "cross",
                    }
                ],
            }
        )
    )
    wait_result(qtbot, window)
    calc = _calculator(qtbot, window)
    for typed in ("kpepe", "kPEPE"):
        calc.symbol.setEditText(typed)
        _type(qtbot, calc.quantity, "100000")
        _type(qtbot, calc.exit_price, "0.0126")
        assert calc.price.placeholderText() == f"mark {price_text(0.0115)}", typed
        assert "holds no position" not in calc.problems.text(), typed
        # 100,000 × (0.0126 − 0.0115) = 110, at the mark the book holds.
        assert "PnL +110.00 USDC" in calc.exit_text.text(), typed
        form = calc.quantity.parentWidget().layout()
        assert form.labelForField(calc.quantity).text() == "Quantity (kPEPE)", typed
    window.controller.undo_stack.setClean()


def test_the_figures_stand_beside_the_fields_in_view_on_a_laptop(qtbot, window: MainWindow) -> None:
    """1366 × 768: the PnL figures stood under the four fields, a scroll below the tab, out of
    sight as the trader typed. They stand beside the fields, whole in the tab's view."""
    window.resize(1366, 688)
    window._fit_splits()
    calc = _calculator(qtbot, window)
    calc.symbol.setEditText("BTCUSDT")
    _type(qtbot, calc.quantity, "0.1")
    _type(qtbot, calc.exit_price, "55000")
    qtbot.wait(20)
    text = calc.exit_text
    assert "PnL +500.00 USDT" in text.text()  # 0.1 × (55,000 − 50,000)
    viewport = calc.viewport()
    top_left = text.mapTo(viewport, text.rect().topLeft())
    bottom = text.mapTo(viewport, text.rect().bottomLeft()).y()
    assert top_left.y() >= 0 and bottom <= viewport.height()  # whole, no scroll
    fields_right = calc.exit_price.mapTo(viewport, calc.exit_price.rect().topRight()).x()
    assert top_left.x() > fields_right  # beside the fields, not under them
    window.controller.undo_stack.setClean()


def test_on_a_laptop_the_first_page_shows_its_four_fields(qtbot, qapp, window: MainWindow) -> None:
    """1280 × 720 (a window 660 high): the PnL & target page showed Quantity, Exit price and
    half of Target ROE, Target PnL a scroll below. The order and the page's fields stand
    closer now, and all four are in view."""
    window.resize(1280, 660)
    window._fit_splits()
    calc = _calculator(qtbot, window)
    for _ in range(3):
        qapp.processEvents()
    viewport = calc.viewport()
    for field in (calc.quantity, calc.exit_price, calc.target_roe, calc.target_pnl):
        bottom = field.mapTo(viewport, field.rect().bottomLeft()).y()
        assert bottom <= viewport.height(), field.accessibleName()
    window.controller.undo_stack.setClean()
