"""Issue 19 in the window: a file holding a USDT-margined and a BTC-margined account shows one
at a time, edits the one shown, keeps the other as it was, and saves both.

Expected prices come from the venues' formulas written out here: Binance COIN-M for one cross
position, ``LP = N·(MMR + 1) / (WB + N/EP)`` (formulas.md "Binance COIN-M")."""

from __future__ import annotations

import json

import pytest

from marginlab.desktop.main_window import MainWindow
from marginlab.engine.files.scenario_io import load_scenario
from tests.desktop.conftest import wait_result
from tests.desktop.screen import card_cell

N, EP, MMR = 300 * 100.0, 60_000.0, 0.005


def load(qtbot, window: MainWindow) -> None:
    window.files.load_preset("two-accounts.json")
    wait_result(qtbot, window)


def table_ids(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def liquidation_cell(window: MainWindow) -> str:
    return card_cell(window, "as_entered", 0, 1)


def show(qtbot, window: MainWindow, index: int) -> None:
    window.account.accounts.setCurrentIndex(index)
    window.account.accounts.activated.emit(index)  # as a click on the list does
    wait_result(qtbot, window)


def test_one_account_at_a_time_each_on_its_own_wallet(qtbot, window: MainWindow) -> None:
    load(qtbot, window)
    picker = window.account.accounts
    assert picker.isVisible() and picker.count() == 2
    assert picker.itemText(1) == "2. BTC-margined (BTC)"
    assert window.account.title() == "Account 1 of 2"
    assert "never share collateral" in window.account.apart.text()
    assert window.account.apart.isVisible()
    assert table_ids(window) == ["A", "H"]
    show(qtbot, window, 1)
    assert window.account.title() == "Account 2 of 2"
    assert table_ids(window) == ["C"]
    assert window.account.fields["wallet_balance"].text() == "0.25"
    # The BTC account's own 0.25 BTC, not the USDT wallet: 40,200.
    assert liquidation_cell(window) == f"{N * (MMR + 1) / (0.25 + N / EP):,.2f}"
    assert window.controller.axis == "BTCUSD"


def test_an_edit_changes_the_account_shown_and_undo_goes_back_to_it(
    qtbot, window: MainWindow, tmp_path
) -> None:
    load(qtbot, window)
    show(qtbot, window, 1)
    field = window.account.fields["wallet_balance"]
    field.selectAll()
    qtbot.keyClicks(field, "0.5")
    field.editingFinished.emit()
    wait_result(qtbot, window)
    whole = window.controller.file_scenario
    assert whole.linked_accounts[0].account.wallet_balance == 0.5
    assert whole.account.wallet_balance == 5_000  # the USDT account as it was
    assert liquidation_cell(window) == f"{N * (MMR + 1) / (0.5 + N / EP):,.2f}"
    show(qtbot, window, 0)
    assert table_ids(window) == ["A", "H"]
    window.controller.undo_stack.undo()  # the edit was in the BTC account: it is shown again
    wait_result(qtbot, window)
    assert window.account.accounts.currentIndex() == 1 and table_ids(window) == ["C"]
    assert window.controller.scenario.account.wallet_balance == 0.25
    window.controller.undo_stack.redo()
    wait_result(qtbot, window)
    target = tmp_path / "both.json"
    window.controller.save(target)
    saved = load_scenario(target)
    assert saved == window.controller.file_scenario
    assert [a.account.currency for a in saved.accounts] == ["USDT", "BTC"]
    assert json.loads(target.read_text())["linked_accounts"][0]["account"]["wallet_balance"] == 0.5


def test_accounts_are_added_and_removed_as_undoable_edits(qtbot, window: MainWindow) -> None:
    assert not window.account.accounts.isVisible()  # the brief's example: one account
    assert not window.remove_account_action.isEnabled()
    assert window.controller.add_account(coin_margined=True)
    wait_result(qtbot, window)
    assert window.account.accounts.isVisible() and window.account.accounts.currentIndex() == 1
    added = window.controller.scenario
    assert (added.account.currency, added.positions[0].contract) == ("BTC", "inverse")
    assert window.remove_account_action.isEnabled()
    window.controller.undo_stack.undo()
    wait_result(qtbot, window)
    assert not window.account.accounts.isVisible()
    assert window.controller.file_scenario.linked_accounts == ()
    assert window.controller.add_account(coin_margined=False)
    wait_result(qtbot, window)
    assert window.controller.scenario.account.currency == "USDT"
    show(qtbot, window, 0)
    first = window.controller.scenario
    window.remove_account_action.trigger()  # the file's own: the linked one takes its place
    wait_result(qtbot, window)
    assert window.controller.file_scenario.accounts[0].positions[0].symbol == "BTCUSDT"
    assert len(window.controller.file_scenario.accounts) == 1
    window.controller.undo_stack.undo()
    wait_result(qtbot, window)
    assert window.controller.scenario == first and window.account.accounts.currentIndex() == 0


def test_the_autosave_holds_every_account(qtbot, window: MainWindow) -> None:
    load(qtbot, window)
    show(qtbot, window, 1)
    assert window.controller.set_account("max_acceptable_loss", "0.1")
    wait_result(qtbot, window)
    window.autosaver.write_now()
    saved = load_scenario(window.autosaver.file)
    assert saved.account.currency == "USDT"
    assert saved.linked_accounts[0].account.max_acceptable_loss == pytest.approx(0.1)


def test_switching_accounts_never_paints_a_card_squeezed(qtbot, qapp, window) -> None:
    """The cards take the height their new figures need in the same turn of the event loop
    that shows them: no frame has a card's last line against (or past) its border."""
    window.resize(1600, 1000)
    load(qtbot, window)
    for index in (1, 0, 1, 0):
        window.controller.show_account(index)
        qapp.processEvents()  # one turn: the recompute, then the paint
        for name, card in window.comparison.cards.items():
            needed = card.heightForWidth(card.width())
            assert card.height() >= needed, (index, name, card.height(), needed)


def test_the_order_follows_the_account_shown(qtbot, window: MainWindow) -> None:
    """The BTC-margined account shown after the USDT one: the Calculator's order kept
    "ETHUSDT", which this account does not hold, and asked for its price in red. Another
    book's order starts at one of its own symbols; a symbol it holds stays."""
    load(qtbot, window)
    window.views.setCurrentWidget(window.calculator)
    qtbot.waitUntil(window.calculator.isVisible)
    pretrade = window.pretrade
    assert window.calculator.symbol.currentText() in ("ETHUSDT", "BTCUSDT")
    show(qtbot, window, 1)
    assert window.calculator.symbol.currentText() == "BTCUSD"
    assert pretrade.symbol.currentText() == "BTCUSD"
    window.calculator.recompute()
    assert "Price" not in window.calculator.problems.text()  # its mark is the price
    window.controller.undo_stack.setClean()
