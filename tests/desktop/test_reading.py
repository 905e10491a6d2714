"""Issue 15: reading the window as a trader would (plot labels, what-if cards, per-symbol moves)."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.positions_table_model import FIELDS
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.venue_formulas import binance_usdm_liquidation_price
from marginlab.engine.text.numbers import price_text
from tests.desktop.conftest import wait_result
from tests.desktop.screen import card_cell


def _book(qtbot, window: MainWindow, positions: list[dict], wallet: float = 10_000) -> None:
    scenario = Scenario.model_validate(
        {
            "name": "Book",
            "rules": "binance-usdm",
            "account": {"wallet_balance": wallet, "currency": "USDT"},
            "positions": positions,
        }
    )
    window.controller.replace(scenario)
    wait_result(qtbot, window)
    qtbot.wait(50)  # the labels are placed when the view paints


def _long(pid: str, leverage: float, mode: str = "isolated", symbol: str = "BTCUSDT") -> dict:
    return {
        "id": pid,
        "symbol": symbol,
        "side": "long",
        "quantity": 0.05,
        "entry_price": 60_000,
        "leverage": leverage,
        "margin_mode": mode,
    }


def _label_rects(window: MainWindow):
    return [
        line.label.sceneBoundingRect()
        for line in window.plot.liquidation_lines
        if line.isVisible() and line.label.isVisible()
    ]


def test_liquidation_labels_never_overlap_or_leave_the_plot(qtbot, window: MainWindow) -> None:
    """Item 8: three isolated longs liquidated a few hundred dollars apart (and the cross pool)
    give labels that neither overlap each other nor run off the plot."""
    _book(qtbot, window, [_long(f"P{n}", 20 + n) for n in range(3)] + [_long("C", 5, "cross")])
    rects = _label_rects(window)
    assert 5 <= len(rects) <= 6  # words, not numbers
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), (a, b)
    view = window.plot.plot.getPlotItem().vb.sceneBoundingRect()
    for rect in rects:
        assert view.contains(rect), (rect, view)
    assert not window.plot.line_list.isVisible()


def test_a_crowded_plot_numbers_its_lines_and_lists_them(qtbot, window: MainWindow) -> None:
    """Item 8: with more lines than fit in words, each line carries a number and the list
    under the plot says what each number is, nearest to the mark first: in two lines at most,
    the rest cut with "…"; its tooltip names every line, one a row."""
    _book(qtbot, window, [_long(f"P{n}", 10 + 3 * n) for n in range(9)])
    labels = [label for label, _ in window.plot.line_positions()]
    assert labels[:3] == [" 1 ", " 2 ", " 3 "]
    shown = window.plot.line_list.text()
    assert window.plot.line_list.isVisible()
    assert shown.startswith("Liquidation lines: 1: P8 liquidated (entered/iso) at ")
    assert shown.count("\n") <= 1 and shown.endswith("…")
    tip = window.plot.line_list.toolTip().splitlines()
    assert tip[0] == "The numbered liquidation lines on the plot, nearest first:"
    assert tip[1].startswith("1: P8 liquidated (entered/iso) at ")
    assert len(tip) == 11  # nine isolated, and the cross pool
    described = window.plot.line_list.accessibleDescription()
    assert described.startswith(shown.split("\n")[0]) and described.count("liquidated") == 10
    rects = _label_rects(window)
    assert len(rects) == 10  # every number found a free height
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b)


def _type_what_if(qtbot, window: MainWindow, text: str) -> None:
    box = window.plot.what_if_value
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def _type_and_enter(qtbot, field, text: str) -> None:
    """Click into ``field``, select its text, type ``text`` over it and press Enter."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _cell(window: MainWindow, row: int, field: str) -> str:
    return window.model.data(window.model.index(row, FIELDS.index(field)))


def test_cards_at_the_what_if_stay_side_by_side_on_a_laptop(
    qtbot, qapp, window: MainWindow
) -> None:
    """At 1366 × 740 the cards titled "… at the what-if: BTCUSDT 40,000.00" each grew to their
    title's width, and All cross stood beyond the screen behind a scroll bar. The title wraps;
    the cards keep the width their figures need."""
    window.resize(1366, 740)
    window._fit_splits()
    qapp.processEvents()
    _type_what_if(qtbot, window, "40000")
    window.plot.cards_at.setCurrentIndex(1)
    for _ in range(3):
        qapp.processEvents()
    panel = window.comparison
    assert "at the what-if: BTCUSDT 40,000.00" in panel.cards["cross"].title.text()
    assert panel.horizontalScrollBar().maximum() == 0
    cross = panel.cards["cross"]
    assert cross.mapTo(panel.viewport(), cross.rect().topRight()).x() <= panel.viewport().width()
    window.plot.cards_at.setCurrentIndex(0)


def test_pnl_and_roe_at_the_what_if_and_cards_that_follow_it(qtbot, window: MainWindow) -> None:
    """Item 9: BTC typed at 40,000 gives B (0.4 BTC long from 50,000 on 2,000 margin) a PnL of
    0.4 × (40,000 − 50,000) = −4,000 and an ROE of −200 %; A's ETH did not move. With the
    cards at the what-if, B's isolated liquidation price stays 45,180.72 and now lies 13 %
    above the price (past it), and A's cross liquidation follows Binance's closed form with
    B's loss and maintenance at 40,000."""
    _type_what_if(qtbot, window, "40000")
    assert _cell(window, 1, "pnl") == "-4,000.00"
    assert _cell(window, 1, "roe") == "-200.0 %"
    assert _cell(window, 0, "pnl") == "+0.00"
    assert card_cell(window, "isolated", 1, 2) == "-9.6 %"  # at today's marks
    window.plot.cards_at.setCurrentIndex(1)
    assert "at the what-if: BTCUSDT 40,000.00" in window.comparison.cards["isolated"].title.text()
    assert card_cell(window, "isolated", 1, 1) == "45,180.72"
    assert card_cell(window, "isolated", 1, 2) == f"{(45_180.72 / 40_000 - 1) * 100:+.1f} %"
    assert card_cell(window, "isolated", 1, 4) == "≥ 100 %"
    expected = binance_usdm_liquidation_price(
        10_000,
        1,
        10,
        3_000,
        0.004,
        0.0,
        other_maintenance=0.4 * 40_000 * 0.004,
        other_upnl=0.4 * (40_000 - 50_000),
    )
    assert card_cell(window, "cross", 0, 1) == price_text(expected)
    window.plot.cards_at.setCurrentIndex(0)
    assert card_cell(window, "cross", 0, 1) == "2,016.06"


def test_other_symbols_move_each_their_own_way(qtbot, window: MainWindow) -> None:
    """Item 10: 'ETH -10%' with BTC at 40,000 on the line: the readout names both moves, and
    the equity is the engine's at both prices (ETH 2,700: A loses 3,000 more)."""
    _type_what_if(qtbot, window, "40000")
    field = window.plot.moves
    field.setFocus()
    qtbot.keyClicks(field, "ETH -10%")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    text = window.plot.readout.text()
    assert "What if BTCUSDT 40,000.00, ETHUSDT 2,700.00 (-10.0 %)" in text
    # All cross: 10,000 − 4,000 (B) − 3,000 (A) = 3,000, both alive.
    assert "3,000.00 USDT" in text
    assert _cell(window, 0, "pnl") == "-3,000.00"
    # A curve along BTC now starts from ETH at 2,700: the cross pool holds 3,000 less.
    x, y = window.plot.curves["cross"].xData, window.plot.curves["cross"].yData
    assert np.interp(50_000, x, y) == pytest.approx(7_000, abs=1e-6)
    # A typo keeps the text and the last valid moves, and says why.
    field.selectAll()
    qtbot.keyClicks(field, "ETH down")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "ETH down"
    assert "'ETH down' is not a move" in window.plot.readout.text()
    assert _cell(window, 0, "pnl") == "-3,000.00"
    # New clears the moves.
    window.files.new()
    assert window.plot.moves.text() == ""
    assert window.controller.moves_text == ""


def test_the_form_edits_symbol_side_and_mode(qtbot, window: MainWindow) -> None:
    """Item 12: the selected position's symbol (offered from the rule set's table), side and
    margin mode are edited in the form too."""
    window.table.selectRow(1)
    form = window.form
    assert form.symbol.text() == "BTCUSDT" and form.side.currentText() == "Long"
    completer = form.symbol.completer()
    completer.setCompletionPrefix("pepe")
    offered = {
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    }
    assert "1000PEPEUSDT" in offered
    form.symbol.setFocus()
    form.symbol.selectAll()
    qtbot.keyClicks(form.symbol, "SOLUSDT")
    qtbot.keyClick(form.symbol, Qt.Key.Key_Return)
    form.side.setFocus()
    qtbot.keyClick(form.side, Qt.Key.Key_Down)
    form.mode.activated.emit(1)
    position = window.controller.scenario.positions[1]
    assert (position.symbol, position.side, position.margin_mode) == ("SOLUSDT", "short", "cross")
    assert _cell(window, 1, "symbol") == "SOLUSDT"
    assert form.title() == "Position B: SOLUSDT short, cross"


def test_an_unusual_value_is_asked_about_once(qtbot, window: MainWindow) -> None:
    """Item 2: an MMR override of 15 % asks once; "put back" undoes it, and the same value
    kept is not asked again. Leverage 200× on a BTCUSDT position priced by
    Binance's table (150× on the first tier) asks too."""
    questions: list[str] = []
    answers = iter([False, True, True])
    window.ask_unusual = lambda message: questions.append(message) or next(answers)
    window.table.selectRow(0)
    rate = window.form.rate
    for _ in range(2):
        _type_and_enter(qtbot, rate, "15")
    assert questions[0] == (
        "A: an MMR override of 15 % is above 10 %; venues charge that only on their largest tiers"
    )
    assert len(questions) == 2
    assert window.controller.scenario.positions[0].maintenance_rate == pytest.approx(0.15)
    qtbot.keyClick(rate, Qt.Key.Key_Return)  # kept once: not asked again
    assert len(questions) == 2
    window.table.selectRow(1)
    window.add_position()  # BTCUSDT at its mark, priced by Binance's table (no override)
    assert window.model.setData(window.model.index(2, FIELDS.index("leverage")), "200")
    assert questions[2] == (
        "P1: leverage 200× is above the 150× Binance USDⓈ-M allows for BTCUSDT at notional 500"
    )


def test_put_it_back_restores_the_value_before_this_edit(qtbot, window: MainWindow) -> None:
    """An MMR of 0.5 % typed and kept, then 20 % typed and put back: the MMR is 0.5 % again,
    not the empty value from before both edits (the two edits of one field were one undo step;
    found by a GUI monkey run)."""
    window.ask_unusual = lambda _message: False  # "Put it back"
    window.table.selectRow(0)
    rate = window.form.rate
    for typed in ("0.5", "20"):
        _type_and_enter(qtbot, rate, typed)
    assert window.controller.scenario.positions[0].maintenance_rate == pytest.approx(0.005)
    assert rate.text() == "0.5"
    assert (
        "A: the MMR override is back to what it was before" in window.statusBar().currentMessage()
    )


def test_an_edit_that_changes_nothing_puts_nothing_back(qtbot, window: MainWindow) -> None:
    """A copy of a position with an MMR of 12 % (kept), then a position added; "-1" typed in
    the copy's MMR is refused and its 12 % stays. Nothing of this edit is there to put back:
    it is not asked about, and the added position stays (a GUI monkey run saw "Put it back"
    undo that earlier step instead)."""
    questions: list[str] = []
    window.ask_unusual = lambda message: questions.append(message) or True  # "Keep it"
    window.table.selectRow(0)
    rate = window.form.rate
    _type_and_enter(qtbot, rate, "12")
    assert len(questions) == 1
    window.duplicate_position()  # row 1: a copy, 12 % too, under a new ID
    window.add_position()
    count = len(window.controller.scenario.positions)
    window.ask_unusual = lambda message: questions.append(message) or False  # "Put it back"
    window.table.selectRow(1)
    _type_and_enter(qtbot, rate, "-1")
    assert len(window.controller.scenario.positions) == count
    assert window.controller.scenario.positions[1].maintenance_rate == pytest.approx(0.12)
    assert len(questions) == 1
    window.controller.undo_stack.setClean()


def test_a_redone_value_is_not_asked_about_by_a_later_refused_edit(
    qtbot, window: MainWindow
) -> None:
    """Leverage 200× put back, then redone (Ctrl+Shift+Z); "-1" typed later is refused and the
    200× stays: that edit left no step, so nothing is asked and nothing undone (a GUI monkey
    run saw "Put it back" take back the redone 200×)."""
    questions: list[str] = []
    window.ask_unusual = lambda message: questions.append(message) or False  # "Put it back"
    window.table.selectRow(0)
    leverage = window.form.leverage
    _type_and_enter(qtbot, leverage, "200")
    assert window.controller.scenario.positions[0].leverage == 10
    window.controller.undo_stack.redo()
    assert window.controller.scenario.positions[0].leverage == 200
    _type_and_enter(qtbot, leverage, "-1")
    assert window.controller.scenario.positions[0].leverage == 200
    assert len(questions) == 1
    window.controller.undo_stack.setClean()


def test_each_finished_edit_of_a_field_is_its_own_undo_step(qtbot, window: MainWindow) -> None:
    """Entry 3,100 then 3,200, each ended with Enter: one undo goes back to 3,100, a second to
    the preset's 3,000 (the keystrokes of one edit stay one step)."""
    window.table.selectRow(0)
    entry = window.form.entry
    for typed in ("3100", "3200"):
        _type_and_enter(qtbot, entry, typed)
    stack = window.controller.undo_stack
    stack.undo()
    assert window.controller.scenario.positions[0].entry_price == 3100
    stack.undo()
    assert window.controller.scenario.positions[0].entry_price == 3000
    stack.setClean()


def test_a_file_in_another_currency_still_opens(qtbot, window: MainWindow, tmp_path) -> None:
    """Item 11: a Binance file that names BTC opens; its amounts show in USDT, the window says
    so, and the change is left unsaved."""
    document = json.loads(json.dumps(BOOK_FILE))
    document["account"]["currency"] = "BTC"
    path = tmp_path / "btc.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert window.files.open_path(path)
    wait_result(qtbot, window)
    assert window.controller.scenario.account.currency == "USDT"
    assert "btc.json names its amounts in BTC, but binance-usdm settles in USDT" in (
        window.statusBar().currentMessage()
    )
    assert window.isWindowModified()
    assert "USDT" in window.comparison.cards["cross"].account.text()
    assert "BTC</b>" not in window.comparison.cards["cross"].account.text()
    window.controller.undo_stack.setClean()


BOOK_FILE = {
    "format": "marginlab.scenario",
    "version": 1,
    "name": "BTC named",
    "rules": "binance-usdm",
    "account": {"wallet_balance": 5000, "currency": "USDT"},
    "positions": [_long("P1", 10)],
}


def test_the_plot_alone_exports_through_pyqtgraph(window: MainWindow, tmp_path) -> None:
    """Item 15: File → Export plot alone writes the plot at twice its on-screen width."""
    from PySide6.QtGui import QImage

    png = tmp_path / "plot.png"
    window.files.ask_save_path = lambda caption, suffix, *a: str(png)
    window.files.export_plot_png()
    image = QImage(str(png))
    assert image.width() == 2 * window.plot.plot.width()
    assert 0 < image.height() < 2 * window.plot.height()  # the plot, not its panel
    assert "Plot saved to plot.png" in window.statusBar().currentMessage()


def test_a_problem_never_moves_the_form(qtbot, window: MainWindow) -> None:
    """Item 5: the error area keeps its room; the field under the pointer stays put."""
    entry = window.form.entry
    before = entry.mapTo(window, entry.rect().topLeft())
    rate = window.form.rate
    rate.setFocus()
    qtbot.keyClicks(rate, "150")
    assert window.problems.isVisible() and "MMR override" in window.problems.text()
    qtbot.wait(10)
    assert entry.mapTo(window, entry.rect().topLeft()) == before
    window.controller.undo_stack.setClean()


def _past(pid: str, symbol: str) -> dict:
    """An isolated long whose mark sits below its liquidation price: past it already."""
    return {**_long(pid, 50, symbol=symbol), "mark_price": 55_000}


def test_a_big_book_keeps_each_card_short_and_says_how_many_more(qtbot, window: MainWindow) -> None:
    """Issue 16: twenty positions past liquidation give twenty warnings; the card shows three
    and counts the rest, its tooltip lists them, and the cards' figures stay in view."""
    card = window.comparison.cards["as_entered"]
    _book(qtbot, window, [_past(f"P{n}", "BTCUSDT") for n in range(20)], wallet=100_000)
    lines = card.warnings.text().splitlines()
    assert len(lines) == 4
    for n, line in enumerate(lines[:3]):
        assert line.startswith(f"⚠ P{n} is already past its liquidation price")
    assert lines[3] == "⚠ … and 17 more: hold the pointer here to read them"
    tip = card.warnings.toolTip().splitlines()
    assert len(tip) == 20 and tip[19].startswith("⚠ P19 is already past")
    # Four lines of warning, each wrapped over a few lines at most; twenty would need 20+.
    assert card.warnings.height() < 15 * card.warnings.fontMetrics().lineSpacing()


def test_lines_at_one_place_are_one_line_naming_a_few(qtbot, window: MainWindow) -> None:
    """Issue 16: pools past liquidation all sit at the mark: one line, not one per pool; its
    label names six positions and counts the rest, and so does the what-if readout."""
    _book(qtbot, window, [_past(f"P{n}", "BTCUSDT") for n in range(20)], wallet=100_000)
    at_mark = [(label, x) for label, x in window.plot.line_positions() if x == 55_000]
    assert len(at_mark) == 1
    label = at_mark[0][0]
    assert label == " P0,P1,P2,P3,P4,P5 and 14 more past liquidation already (entered/iso)"
    window.plot.what_if.setValue(50_000)  # synchronous: the controller answers at once
    readout = window.plot.readout.text()
    assert "past liquidation already: P0, P1, P2, P3, P4, P5 and 14 more" in readout
    tip = window.plot.readout.toolTip()
    assert tip.startswith("As entered, past liquidation already: P0, P1, P2,") and "P19" in tip


def test_the_banner_lists_a_few_dozen_of_the_positions_a_liquidation_closes(
    qtbot, window: MainWindow
) -> None:
    """Issue 16: a cross pool of 90 positions over two symbols: if BTC is wrong, all cross
    closes the 45 ETH positions too. The unfolded row names 12, its tooltip 40, and both
    count the rest."""
    book = [_long(f"P{n}", 5, "cross", "BTCUSDT" if n % 2 else "ETHUSDT") for n in range(90)]
    _book(qtbot, window, book, wallet=100_000)
    summary = window.comparison.summary
    model = summary.model()
    row = next(
        model.index(i, 0) for i in range(model.rowCount()) if model.index(i, 0).data() == "BTCUSDT"
    )
    assert row.siblingAtColumn(3).data().endswith(", closes 45 more")
    closes = model.index(0, 3, row)
    assert closes.data().endswith(" and 33 more")
    tip = closes.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("P0, P2, P4,") and tip.endswith(" and 5 more")


@pytest.mark.parametrize(("press", "kept"), [(Qt.Key.Key_Return, True), (Qt.Key.Key_Escape, False)])
def test_the_unusual_value_dialog_keeps_on_enter_and_puts_back_on_escape(
    qtbot, window: MainWindow, press: Qt.Key, kept: bool
) -> None:
    """The real dialog (the other tests answer it themselves): its two buttons say what they
    do, Enter keeps the value typed on purpose, Escape puts it back."""
    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(sorted(button.text() for button in box.buttons()))
        qtbot.keyClick(box, press)

    QTimer.singleShot(0, answer)
    assert MainWindow.ask_unusual(window, "A: an MMR override of 15 % is above 10 %") is kept
    assert seen == [["Keep it", "Put it back"]]


@pytest.mark.parametrize(
    ("field", "path", "stored"),
    [
        ("rate", "maintenance_rate", 1e-6),  # typed in percent: "0.0001" × 0.01 is 1e-6 + 1 ulp
        ("leverage", "leverage", 10.000000000000002),  # 10 and 1 ulp (from a file): "10"
    ],
)
def test_the_shown_value_typed_again_or_put_back_changes_nothing(
    qtbot, window: MainWindow, field: str, path: str, stored: float
) -> None:
    """A value the field shows rounded to its shortest text (a rate in percent, a figure from
    a file), typed again as shown, or put back after a refused edit, leaves the scenario's
    value exactly as it was and no step to undo: reading the shown text back gave a value one
    unit in the last place away, silently changed, with an undo step for it."""
    controller = window.controller
    controller.set_position(0, path, repr(stored))
    assert getattr(controller.scenario.positions[0], path) == stored
    controller.undo_stack.setClean()
    steps = controller.undo_stack.count()
    window.table.selectRow(0)
    edit = getattr(window.form, field)
    shown = edit.text()
    _type_and_enter(qtbot, edit, shown)  # the shown text typed again
    assert getattr(controller.scenario.positions[0], path) == stored
    _type_and_enter(qtbot, edit, "x")  # refused: the shown value is put back
    assert edit.text() == shown
    assert getattr(controller.scenario.positions[0], path) == stored
    assert controller.undo_stack.count() == steps and controller.undo_stack.isClean()


def test_the_accounts_shown_values_typed_again_change_nothing(qtbot, window: MainWindow) -> None:
    """The same for the account: a taker fee of 0.0007 from a file shows as "0.07" (%), which
    read back is 0.0007000000000000001; a wallet of 10,000 and 1 ulp shows as "10000"."""
    controller = window.controller
    controller.set_taker_fee("0.07")
    controller.set_account("wallet_balance", repr(10_000.000000000002))
    controller.end_edit()
    document = controller.scenario.model_dump()
    document["taker_fee"] = 0.0007  # as a file holds it
    controller.replace(Scenario.model_validate(document))
    controller.undo_stack.setClean()
    fee, wallet = window.account.fee, window.account.fields["wallet_balance"]
    for edit, shown in ((fee, "0.07"), (wallet, "10000")):
        assert edit.text() == shown
        _type_and_enter(qtbot, edit, shown)
        _type_and_enter(qtbot, edit, "x")
        assert edit.text() == shown
    assert controller.scenario.taker_fee == 0.0007
    assert controller.scenario.account.wallet_balance == 10_000.000000000002
    assert controller.undo_stack.isClean()


def test_a_position_removed_while_its_size_is_half_typed(qtbot, window: MainWindow) -> None:
    """The size (as margin) half typed, then the position removed from the Edit menu (a menu
    does not end the edit), the last one: leaving the field afterwards put the old size back
    into a position no longer there (IndexError from the event loop). The edit just ends."""
    controller = window.controller
    controller.remove_position(1)
    window.table.selectRow(0)
    window.form.size_kind.setCurrentIndex(2)  # margin
    field = window.form.size_field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "abc")
    window.remove_position()  # Edit → Remove position
    wait_result(qtbot, window)
    assert controller.scenario.positions == ()
    window.table.setFocus()  # the field is left
    qtbot.wait(10)
    assert controller.scenario.positions == ()
    assert "was not used" not in window.statusBar().currentMessage()
    controller.undo_stack.setClean()


def test_a_half_typed_edit_does_not_carry_over_to_the_next_position(
    qtbot, window: MainWindow
) -> None:
    """A's size half typed, then A removed from the Edit menu: B is now the first row, with
    the same field path. Leaving the field must not put A's old size (10) into B (0.4)."""
    controller = window.controller
    window.table.selectRow(0)
    field = window.form.size_field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "abc")
    window.remove_position()  # Edit → Remove position: A
    wait_result(qtbot, window)
    assert [p.id for p in controller.scenario.positions] == ["B"]
    window.table.setFocus()  # the field is left
    qtbot.wait(10)
    assert controller.scenario.positions[0].quantity == 0.4
    assert field.text() == "0.4"
    controller.undo_stack.setClean()


def _btc_beside_an_eth_long_past_liquidation() -> list[dict]:
    """B, a healthy 10x BTC long (mark 60,000), and E, an ETH long at 20x 10 % under water:
    past its liquidation price at today's mark."""
    past = {
        "id": "E",
        "symbol": "ETHUSDT",
        "side": "long",
        "quantity": 1,
        "entry_price": 3_000,
        "mark_price": 2_700,
        "leverage": 20,
        "margin_mode": "isolated",
    }
    return [{**_long("B", 10), "mark_price": 60_000}, past]


def test_a_position_past_liquidation_is_not_drawn_as_liquidated_by_another_symbols_move(
    qtbot, window: MainWindow
) -> None:
    """A pool past liquidation at today's marks sits at the axis's mark on every axis: on
    BTCUSDT's it read "E liquidated (entered/iso) at 60,000.00", as if BTC at its mark closed
    an ETH position. It says it is past liquidation already, whatever the axis."""
    _book(qtbot, window, _btc_beside_an_eth_long_past_liquidation())
    window.controller.set_axis("BTCUSDT")
    wait_result(qtbot, window)
    qtbot.wait(50)
    labels = dict(window.plot.line_positions())
    assert not [text for text in labels if "E liquidated" in text], labels
    assert labels[" E past liquidation already (entered/iso)"] == 60_000
    assert _line_labelled(window, "E past").toolTip() == (
        "As entered, All isolated: E already past liquidation at today's marks, lost at any "
        "price on this axis"
    )


def test_a_position_the_other_symbols_moves_close_is_not_said_past_already(
    qtbot, window: MainWindow
) -> None:
    """The brief's account on BTCUSDT's axis with "ETH -20%" typed: ETH at 2,400 is past A's
    isolated liquidation (2,710.84), so A is lost all along the axis. Its line read "A past
    liquidation already", its tooltip "at today's marks", where A is alive today."""
    field = window.plot.moves
    field.setFocus()
    qtbot.keyClicks(field, "ETH -20%")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.wait(50)
    labels = dict(window.plot.line_positions())
    assert " A liquidated by the other symbols' moves (entered/iso)" in labels, labels
    assert not [text for text in labels if "A past liquidation already" in text], labels
    assert _line_labelled(window, "A liquidated by").toolTip() == (
        "As entered, All isolated: A liquidated by the other symbols' moves, lost at any price "
        "on this axis"
    )


def test_the_what_if_readout_tells_a_move_s_liquidations_from_those_past_already(
    qtbot, window: MainWindow
) -> None:
    """BTC at 40,000 liquidates the 10x BTC long; the ETH long was past liquidation before
    any move. The readout said "liquidated: B, E", as if the BTC move had closed E."""
    _book(qtbot, window, _btc_beside_an_eth_long_past_liquidation())
    window.controller.set_axis("BTCUSDT")
    wait_result(qtbot, window)
    window.plot.what_if.setValue(40_000)
    readout = window.plot.readout.text()
    assert readout.count(" — liquidated: B — past liquidation already: E") == 2  # entered, iso
    assert "liquidated: B, E" not in readout


def test_the_equity_axis_reads_millions_as_the_figures_do(qtbot, window: MainWindow) -> None:
    """A 2,010,000 USDT account's equity axis read "2.01e+06" (pyqtgraph writes values from
    10,000 up as %g): its ticks read as the figures around it, "2,010,000"."""
    _book(qtbot, window, [_long("P1", 10), _long("P2", 5, "cross")], wallet=2_010_000)
    window.plot.plot.grab()  # painted: the view takes its range, the axis its ticks
    axis = window.plot.plot.getAxis("left")
    low, high = axis.range
    ticks = [value for _, level in axis.tickValues(low, high, axis.height()) for value in level]
    texts = axis.tickStrings(ticks, 1.0, abs(ticks[1] - ticks[0]))
    assert ticks and all("e+" not in t and "e-" not in t for t in texts)
    read = [float(t.replace(",", "")) for t in texts]
    assert read == pytest.approx(ticks)
    assert any(len(t.replace(",", "").split(".")[0]) == 7 and "," in t for t in texts)
    # Small prices keep the decimals their spacing needs, and never read "-0".
    assert axis.tickStrings([-0.0, 0.0002, 0.0004], 1.0, 0.0002) == [
        "0.0000",
        "0.0002",
        "0.0004",
    ]


def test_the_axes_kept_as_pictures_draw_what_they_would_draw_afresh(
    qtbot, window: MainWindow
) -> None:
    """The plot's axes (ticks, texts and the grid across the plot) are kept as pictures
    between paints. After an edit moves the equity range, the plot reads pixel for pixel as
    it does with the axes drawn afresh."""
    from PySide6.QtWidgets import QGraphicsItem

    plot = window.plot.plot
    before = plot.grab().toImage()
    window.table.selectRow(1)
    window.form.size_field.setFocus()
    window.form.size_field.selectAll()
    qtbot.keyClicks(window.form.size_field, "0.9")  # B from 0.4 BTC: a new equity range
    wait_result(qtbot, window)
    kept = plot.grab().toImage()
    assert kept != before
    axes = [plot.getAxis(side) for side in ("left", "bottom")]
    for axis in axes:
        axis.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        axis.update()
    afresh = plot.grab().toImage()
    assert kept == afresh
    window.controller.undo_stack.setClean()


def test_the_other_symbols_example_names_the_books_own(qtbot, window: MainWindow) -> None:
    """ "e.g. ETH -10%, SOL 150" stood in the field whatever the book: typed as shown in the
    brief's account (ETH and BTC), SOL was refused. The example names the symbols held off
    the plot's axis; with none, it says so."""
    plot = window.plot
    assert plot.moves.placeholderText() == "e.g. ETH -10%"  # the axis is BTCUSDT
    window.controller.set_axis("ETHUSDT")
    assert plot.moves.placeholderText() == "e.g. BTC -10%"
    plot.moves.setText("BTC -10%")
    plot.moves.returnPressed.emit()
    assert not plot.moves.property("invalid")  # taken as typed
    assert window.controller.moves_text == "BTC -10%"
    window.controller.set_axis("BTCUSDT")
    plot.moves.clear()
    plot.moves.returnPressed.emit()
    assert window.controller.remove_position(0)  # only B (BTC) left
    wait_result(qtbot, window)
    assert plot.moves.placeholderText() == "no other symbol held"
    window.controller.undo_stack.setClean()


def _line_labelled(window: MainWindow, words: str):  # type: ignore[no-untyped-def]
    """The visible liquidation line whose label holds ``words``."""
    return next(
        line
        for line in window.plot.liquidation_lines
        if line.isVisible() and words in line.label.toPlainText()
    )
