"""Issue 18 in the window: "Before you open", one click (and Ctrl+T) away, recomputed as you
type, with "Open it" as one undo step; the brief's story as the first preset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from marginlab.desktop.main_window import MainWindow
from marginlab.engine.files.presets import preset_list
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.venue_formulas import binance_usdm_liquidation_price
from marginlab.engine.text.numbers import price_text
from tests.desktop.conftest import wait_result

ROW = {"liquidation": 0, "loss": 2, "closes": 3, "within": 5, "size": 6}


def _cell(view, key: str, col: int) -> str:  # type: ignore[no-untyped-def]
    return view.table.item(ROW[key], col).text()


def _settle(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    if view._soon.pending:
        qtbot.waitUntil(lambda: not view._soon.pending, timeout=3000)


def _story(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    first = preset_list()[0]
    window.files.load_preset(first.file, first.explanation, first.order)
    wait_result(qtbot, window)
    view = window.pretrade
    _settle(qtbot, view)
    return view


def test_the_first_preset_opens_the_check_with_the_briefs_order(qtbot, window: MainWindow) -> None:
    view = _story(qtbot, window)
    assert window.views.currentWidget() is view
    assert view.symbol.currentText() == "BTCUSDT" and view.size_field.text() == "0.4"
    assert view.verdict.text() == "Recommendation: open it ISOLATED"
    assert "2,500.00 USDT you accept" in view.reasons.text()
    # B isolated: Binance's one-way formula for 0.4 BTC long on 2,000 (bracket 1, 0.4 %).
    lp = binance_usdm_liquidation_price(2_000, +1, 0.4, 50_000, 0.004, 0.0)
    assert _cell(view, "liquidation", 0) == f"{price_text(lp)} USDT"  # with its unit
    assert _cell(view, "loss", 0) == "2,000.00 USDT"
    assert _cell(view, "loss", 1) == "10,000.00 USDT"
    assert _cell(view, "closes", 1) == "A"
    assert (_cell(view, "within", 0), _cell(view, "within", 1)) == ("yes", "NO")


def test_open_it_is_one_undo_step(qtbot, window: MainWindow) -> None:
    view = _story(qtbot, window)
    view.open_buttons["isolated"].click()
    wait_result(qtbot, window)
    positions = window.controller.scenario.positions
    assert [(p.id, p.symbol, p.margin_mode, p.quantity) for p in positions] == [
        ("A", "ETHUSDT", "cross", 10),
        ("P1", "BTCUSDT", "isolated", 0.4),
    ]
    assert positions[1].mark_price == 50_000  # a symbol new to the account: its price is its mark
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_result(qtbot, window)
    assert [p.id for p in window.controller.scenario.positions] == ["A"]
    window.controller.undo_stack.setClean()


def test_typing_recomputes_and_a_bad_value_keeps_the_last_check(qtbot, window: MainWindow) -> None:
    view = _story(qtbot, window)
    view.size_field.setFocus()
    view.size_field.selectAll()
    qtbot.keyClicks(view.size_field, "0.04")  # a tenth: cross now loses 2,000 if wrong, within
    _settle(qtbot, view)
    assert _cell(view, "within", 1) == "yes"
    before = _cell(view, "loss", 1)
    qtbot.keyClicks(view.size_field, "x")
    _settle(qtbot, view)
    assert "Size: '0.04x' is not a number" in view.problems.text()
    assert _cell(view, "loss", 1) == before
    assert not view.open_buttons["cross"].isEnabled()


def test_use_the_largest_size_and_ctrl_t(qtbot, window: MainWindow) -> None:
    view = _story(qtbot, window)
    view.use_size["cross"].click()
    _settle(qtbot, view)
    assert float(view.size_field.text()) == pytest.approx(0.05, rel=1e-5)
    assert _cell(view, "within", 1) == "yes"  # the size it gave is within, as it said
    window.views.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentWidget() is view


def test_a_coin_margined_account_checks_contracts_in_the_coin(qtbot, window: MainWindow) -> None:
    """Issue 19: in a BTC-margined account the order is contracts of the account's size (100
    USD), its figures in BTC; the isolated liquidation price is Binance COIN-M's formula on
    the order's own margin, ``LP = N·(1 + MMR) / (N/EP/L + N/EP)``."""
    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)
    view = window.pretrade
    window.views.setCurrentWidget(view)
    view.set_order("BTCUSD", "long", 100, 10, 50_000)
    view.mmr.setText("0.5")
    view.acceptable.setText("0.05")
    view.recompute()
    assert view.problems.text() == ""
    assert view.size_kind.itemText(0) == "contracts (100 USD)"
    n, ep = 100 * 100, 50_000
    lp = n * 1.005 / (n / ep / 10 + n / ep)
    assert _cell(view, "liquidation", 0) == f"{price_text(lp)} USD"  # a coin's price: USD
    assert _cell(view, "loss", 0) == "0.20000000 BTC"  # C, long the same coin, loses it all
    view.open_buttons["isolated"].click()
    wait_result(qtbot, window)
    added = window.controller.scenario.positions[-1]
    assert (added.contract, added.contract_size, added.quantity) == ("inverse", 100, 100)
    assert added.margin_mode == "isolated"
    view.acceptable.setText("1")  # a size within it: counted in contracts
    view.recompute()
    size = view.owner._last[1].modes["isolated"].max_size  # type: ignore[index]
    assert size and _cell(view, "size", 0) == f"{size:,.6g} contracts"


def test_the_check_asks_for_the_size_and_notes_an_opened_order_plainly(
    qtbot, window: MainWindow
) -> None:
    """Before any check is shown, an empty size is asked for in the text's own colour; "Opened
    as …" is a note on what was done, not a problem: not in red either."""
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    _settle(qtbot, view)
    plain = view.reasons.palette().color(QPalette.ColorRole.WindowText).name()

    def colour(role: QPalette.ColorRole) -> QColor:
        return view.problems.palette().color(role)

    assert view.problems.text() == "To see the figures, fill in: Size"
    assert colour(QPalette.ColorRole.WindowText).name() == plain
    view.set_order("BTCUSDT", "long", 0.4, 10, 50_000)
    assert view.problems.text() == ""
    view.open_buttons["isolated"].click()
    wait_result(qtbot, window)
    assert view.problems.text() == "Opened as isolated: Ctrl+Z undoes it."
    assert colour(QPalette.ColorRole.WindowText).name() == plain
    _settle(qtbot, view)  # the recompute the new position brings keeps the note
    assert view.problems.text() == "Opened as isolated: Ctrl+Z undoes it."
    view.size_field.setFocus()
    qtbot.keyClicks(view.size_field, "x")  # the trader types again: the note is gone
    _settle(qtbot, view)
    assert view.problems.text() == "Size: '0.4x' is not a number"
    assert colour(QPalette.ColorRole.WindowText).name() == "#c0392b"
    window.controller.undo_stack.setClean()


def test_on_a_laptop_the_order_reads_whole_and_what_to_fill_in_is_in_view(
    qtbot, window: MainWindow
) -> None:
    """1366 × 768, before any size is typed: the symbol box read "THUSDT", and "To see the
    figures, fill in: Size" sat below the buttons, out of view, under an empty verdict's gap.
    The symbol shows whole, the line stands right under the order in view, and the verdict
    and reasons take no room until there is a check to show."""
    window.resize(1366, 688)
    view = window.pretrade
    window.views.setCurrentWidget(view)
    _settle(qtbot, view)
    qtbot.wait(20)
    line = view.symbol.lineEdit()
    assert line.width() >= line.fontMetrics().horizontalAdvance("ETHUSDT") + 6  # its margins
    assert view.symbol.currentText() == "ETHUSDT"
    assert view.problems.text() == "To see the figures, fill in: Size"
    assert not view.verdict.isVisible() and not view.reasons.isVisible()
    viewport = view.viewport()
    top_left = view.problems.mapTo(viewport, view.problems.rect().topLeft())
    bottom = view.problems.mapTo(viewport, view.problems.rect().bottomLeft())
    assert top_left.y() >= 0 and bottom.y() <= viewport.height()
    assert bottom.y() < view.table.mapTo(viewport, view.table.rect().topLeft()).y()
    qtbot.keyClicks(view.size_field, "0.4")
    _settle(qtbot, view)
    assert view.verdict.isVisible() and view.verdict.text().startswith("Recommendation")
    assert not view.problems.isVisible()  # nothing to say: no empty line above the verdict


def test_no_size_within_reads_none_and_offers_nothing_to_use(qtbot, window: MainWindow) -> None:
    """A short in cross has no size within the 2,500 accepted (a rise without end takes the
    pool): the cell read "2.5e-09" and its button typed that size in."""
    view = _story(qtbot, window)
    view.side.setCurrentText("short")
    _settle(qtbot, view)
    assert _cell(view, "size", 1) == "none"
    assert _cell(view, "size", 0) == "0.5 BTC"
    assert not view.use_size["cross"].isEnabled()
    assert view.use_size["isolated"].isEnabled()


def test_an_account_without_a_limit_asks_for_it_with_the_size_not_in_red(
    qtbot, window: MainWindow
) -> None:
    """An imported book sets no max acceptable loss. Before any check was shown, the tab said
    "Size: is empty" and "Max acceptable loss: type the most you accept…" in red, as if the
    trader had made two mistakes by opening it; both are fields not typed in yet."""
    assert window.controller.set_account("max_acceptable_loss", "")
    wait_result(qtbot, window)
    assert window.controller.scenario.account.max_acceptable_loss is None
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    _settle(qtbot, view)
    plain = view.reasons.palette().color(QPalette.ColorRole.WindowText).name()
    assert view.problems.text() == "To see the figures, fill in: Size, Max acceptable loss"
    assert view.problems.palette().color(QPalette.ColorRole.WindowText).name() == plain
    view.set_order("BTCUSDT", "long", 0.4, 10, 50_000)
    _settle(qtbot, view)
    assert view.problems.text() == "To see the figures, fill in: Max acceptable loss"
    qtbot.keyClicks(view.acceptable, "2500")
    _settle(qtbot, view)
    assert view.problems.text() == ""
    assert view.verdict.text().startswith("Recommendation:")
    window.controller.undo_stack.setClean()


def test_a_symbol_without_a_table_asks_for_the_mmr_in_the_tabs_words(
    qtbot, window: MainWindow
) -> None:
    """Under rules "generic" (the BTC-margined preset) an order needs an MMR: the tab said
    "maintenance_rate: required under rules 'generic'", the file's name for a field it
    labels "MMR %"."""
    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    # An order in a coin the book does not hold (its own BTCUSD takes C's 0.5 %).
    view.symbol.setEditText("ETHUSD")
    qtbot.keyClicks(view.price, "3000")
    view.size_field.setFocus()
    qtbot.keyClicks(view.size_field, "100")
    _settle(qtbot, view)
    assert view.problems.text() == ("MMR %: required under rules 'generic' (type an MMR override)")
    window.controller.undo_stack.setClean()


def test_a_reason_for_neither_mode_reads_as_a_plain_point(qtbot, window: MainWindow) -> None:
    """Both modes over the limit (the BTC-margined preset, 100 contracts more): that reason
    favours neither mode and read "·: Neither mode keeps …"; it reads "· Neither mode …", and
    a reason for a mode keeps its arrow ("→ isolated: …")."""
    from PySide6.QtGui import QTextDocumentFragment

    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClicks(view.size_field, "100")
    qtbot.keyClicks(view.mmr, "0.5")
    _settle(qtbot, view)
    lines = QTextDocumentFragment.fromHtml(view.reasons.text()).toPlainText().splitlines()
    assert lines[0].startswith("· Neither mode keeps a wrong BTCUSD within"), lines
    assert lines[1].startswith("→ isolated: "), lines
    assert not any(line.startswith("·:") for line in lines)
    window.controller.undo_stack.setClean()


def _seed_order(qtbot, window: MainWindow, size: float, leverage: float, price: float):  # type: ignore[no-untyped-def]
    """The brief's example (A: ETH, B: BTC at 50,000, both isolated) and a BTC long typed."""
    window.files.load_preset("seed-example.json")
    wait_result(qtbot, window)
    view = window.pretrade
    window.views.setCurrentWidget(view)
    view.set_order("BTCUSDT", "long", size, leverage, price)
    _settle(qtbot, view)
    return view


def test_an_order_below_the_mark_is_read_where_it_fills_and_says_so(
    qtbot, window: MainWindow
) -> None:
    """The brief's book (B: BTC long, isolated, liquidated at 45,180.72) and a limit long at
    45,000 with the mark at 50,000: the figures are read with BTC at 45,000, the tab says so,
    and says B is gone before the order fills; at 200× it says the venue would refuse it."""
    view = _seed_order(qtbot, window, 0.1, 20, 45_000)
    assert _cell(view, "loss", 0) == "225.00 USDT"  # the order's margin, no phantom profit
    text = view.reasons.text()
    assert "⚠ With BTCUSDT at 45,000.00, where the order fills, B is past liquidation" in text
    assert "Figures with BTCUSDT at 45,000.00, where the order fills (its mark today: " in text
    view.open_buttons["isolated"].click()  # opened into the book as it stands
    wait_result(qtbot, window)
    assert view.problems.text() == (
        "Opened as isolated: Ctrl+Z undoes it. The book stays at today's mark (BTCUSDT "
        "50,000.00); the check read it at 45,000.00."
    )
    assert window.controller.scenario.positions[-1].entry_price == 45_000
    window.controller.undo_stack.undo()
    view.leverage.setText("200")
    view.recompute()
    assert "⚠ 200× is above the 150× Binance USDⓈ-M allows for BTCUSDT" in view.reasons.text()
    window.controller.undo_stack.setClean()


def test_an_isolated_margin_beyond_the_wallet_is_refused_in_the_order_s_words(
    qtbot, window: MainWindow
) -> None:
    """It read "positions: isolated margins add up to 2,255,000.00, more than
    account.wallet_balance 10,000.00", the file's words, under an order."""
    view = _seed_order(qtbot, window, 1_000, 10, 50_000)
    # 1,000 BTC at 50,000 and 10x: 5,000,000 of margin; A and B hold 5,000 of the 10,000.
    assert view.problems.text() == (
        "Opened isolated, its margin 5,000,000.00 USDT is more than the 5,000.00 USDT the "
        "wallet has free beside the isolated margins it holds"
    )


def test_a_size_or_price_past_what_a_file_may_hold_names_the_field(
    qtbot, window: MainWindow
) -> None:
    """A size of 10^13 read "positions.2.quantity: Input should be less than or equal to
    1000000000000" under the order, and a price of 10^13 "Price: input should be …":
    pydantic's words, and for the size the file's name of a position the order is not."""
    view = _seed_order(qtbot, window, 1e13, 10, 50_000)
    assert view.problems.text() == "Size: must be <= 1e+12"
    view = _seed_order(qtbot, window, 0.1, 10, 1e13)
    assert view.problems.text() == "Price: must be <= 1e+12"


def test_the_opened_note_writes_a_low_priced_coin_s_prices_whole(qtbot, window: MainWindow) -> None:
    """The note wrote prices to two decimals: a DOGE order at 0.123456 read "0.12"."""
    from marginlab.engine.text.numbers import price_text

    window.controller.replace(_doge_book(mark=0.15, mode="isolated", limit=500))
    view = window.pretrade
    window.views.setCurrentWidget(view)
    view.set_order("DOGEUSDT", "long", 1_000, 10, 0.123456)
    _settle(qtbot, view)
    view.open_buttons["isolated"].click()
    wait_result(qtbot, window)
    assert view.problems.text().endswith(
        f"(DOGEUSDT {price_text(0.15)}); the check read it at {price_text(0.123456)}."
    )
    assert price_text(0.123456) != "0.12"
    window.controller.undo_stack.setClean()


def test_the_price_placeholder_gives_the_mark_with_its_digits(qtbot, window: MainWindow) -> None:
    """The price box read "mark 0.12" beside a DOGE order whose mark is 0.123456: the
    mark is written as every price is."""
    window.controller.replace(_doge_book(mark=0.123456, mode="cross"))
    wait_result(qtbot, window)
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    view.symbol.setEditText("DOGEUSDT")
    view.recompute()
    assert view.price.placeholderText() == f"mark {price_text(0.123456)}"
    assert price_text(0.123456) == "0.12346"
    window.controller.undo_stack.setClean()


def test_an_order_filled_in_for_the_trader_keeps_every_digit(qtbot, window: MainWindow) -> None:
    """An order written without a price fills at the mark: the ticket read "0.123457" for a
    mark of 0.1234567 (six digits), so the check was read at another price than the mark and
    said so, and the size 1,234.567 became 1,234.57."""
    window.controller.replace(_doge_book(mark=0.1234567, mode="cross", limit=500))
    wait_result(qtbot, window)
    window.show_pretrade("DOGEUSDT long 1234.567 x12.5")
    view = window.pretrade
    _settle(qtbot, view)
    assert (view.size_field.text(), view.leverage.text()) == ("1234.567", "12.5")
    assert view.price.text() == "0.1234567"
    assert "where the order fills" not in view.reasons.text()  # read at today's mark
    window.controller.undo_stack.setClean()


def test_the_size_it_offers_is_within_as_it_reads(qtbot, window: MainWindow) -> None:
    """Within 2,512.3478 the isolated order may be 0.50246956 BTC: the cell read "0.50247
    BTC" and "Use this size" filled that in, which loses 2,512.35, and the check said NO."""
    view = _story(qtbot, window)
    view.acceptable.setText("2512.3478")
    view.recompute()
    assert _cell(view, "size", 0) == "0.502469 BTC"
    view.use_size["isolated"].click()
    _settle(qtbot, view)
    assert view.size_field.text() == "0.502469"
    assert _cell(view, "within", 0) == "yes"


def test_the_example_size_follows_the_symbol(qtbot, window: MainWindow) -> None:
    """ "e.g. 0.4" stood beside every order, a BTC size beside an ETH or an ENA one: the
    example is about 1,000 of notional at the symbol's mark (ETH at 3,000: 0.3)."""
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    view.symbol.setEditText("ETHUSDT")
    view.recompute()
    assert view.size_field.placeholderText() == "e.g. 0.3"
    view.symbol.setEditText("BTCUSDT")
    view.recompute()
    assert view.size_field.placeholderText() == "e.g. 0.02"  # 1,000 at 50,000


def _doge_book(mark: float, mode: str, limit: float | None = None) -> Scenario:
    """1,000 DOGEUSDT long at 0.15, 5x, on Binance, beside 10,000 USDT of wallet."""
    account: dict[str, float] = {"wallet_balance": 10_000}
    if limit is not None:
        account["max_acceptable_loss"] = limit
    position = {
        "id": "D",
        "symbol": "DOGEUSDT",
        "side": "long",
        "quantity": 1_000,
        "entry_price": 0.15,
        "mark_price": mark,
        "leverage": 5,
        "margin_mode": mode,
    }
    return Scenario.model_validate(
        {"rules": "binance-usdm", "account": account, "positions": [position]}
    )
