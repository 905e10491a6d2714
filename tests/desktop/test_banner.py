"""The banner over the cards (``summary_view``): what it reads through edits, and that a
keystroke in a book of many symbols words only the rows in view (issue 16 item 3)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.summary_view import VISIBLE_ROWS
from marginlab.engine.margin.models import Scenario
from marginlab.engine.text import symbol_summaries as summaries_module
from marginlab.engine.text.symbol_summaries import symbol_summaries
from tests.desktop.conftest import add_cross_position, wait_result

TITLES = ["If wrong", "As entered ·······", "All isolated — — —", "All cross ———"]


def _row(window: MainWindow, symbol: str):
    model = window.comparison.summary.model()
    return next(
        model.index(row, 0)
        for row in range(model.rowCount())
        if model.index(row, 0).data() == symbol
    )


def _expected_rows(window: MainWindow) -> list[list[str]]:
    """The banner's cells as the engine words them (``symbol_summaries``): the short text,
    ", closes N more" when the worst move closes others; then the unfolded line."""
    rows = []
    report = window.controller.result.shown
    for summary in symbol_summaries(report):
        cells = [summary.symbol]
        for risk in summary.variants.values():
            more = f", closes {len(risk.others)} more" if risk.others else ""
            cells.append(f"{risk.short}{more}")
        rows.append(cells)
        if any(risk.others for risk in summary.variants.values()):
            rows.append(["also closes"] + [_listed(r.others) for r in summary.variants.values()])
    return rows


def _listed(ids: tuple[str, ...]) -> str:
    """An unfolded cell: a dozen named, the rest counted."""
    if not ids:
        return "nothing else"
    more = f" and {len(ids) - 12} more" if len(ids) > 12 else ""
    return ", ".join(ids[:12]) + more


def test_the_header_names_the_variants(window: MainWindow) -> None:
    model = window.comparison.summary.model()
    header = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    assert header == TITLES


def test_an_unfolded_row_stays_unfolded_and_reads_the_new_figures(qtbot, window) -> None:
    """Brief example: BTC unfolded shows that all cross also closes A; after B's margin goes
    from 2,000 to 2,500 USDT, the row is still unfolded and every cell reads the new report."""
    summary = window.comparison.summary
    btc = _row(window, "BTCUSDT")
    summary.expand(btc)
    before = summary.cell_texts()
    assert window.controller.set_position(1, "margin", "2500")
    wait_result(qtbot, window)
    btc = _row(window, "BTCUSDT")
    assert summary.isExpanded(btc)
    after = summary.cell_texts()
    assert after == _expected_rows(window)
    assert after != before
    assert after[2][1] == "loses at most 2,500.00 USDT (fall)"
    assert summary.model().index(0, 3, btc).data() == "A"


def test_a_new_symbol_keeps_the_rows_unfolded(qtbot, window: MainWindow) -> None:
    summary = window.comparison.summary
    summary.expand(_row(window, "BTCUSDT"))
    add_cross_position(window, {"symbol": "SOLUSDT", "entry_price": 150.0, "quantity": 10.0})
    wait_result(qtbot, window)
    assert [r[0] for r in summary.cell_texts() if r[0] != "also closes"] == [
        "ETHUSDT",
        "BTCUSDT",
        "SOLUSDT",
    ]
    assert summary.isExpanded(_row(window, "BTCUSDT"))
    assert summary.cell_texts() == _expected_rows(window)
    window.controller.undo_stack.setClean()


def test_a_new_symbol_leaves_the_banner_where_it_was_scrolled(qtbot, window) -> None:
    """Fifty symbols, the banner scrolled to the end: a fifty-first symbol keeps it there."""
    window.controller.replace(_fifty_symbols())
    wait_result(qtbot, window)
    summary = window.comparison.summary
    summary.scrollToBottom()
    scrolled = summary.verticalScrollBar().value()
    assert scrolled > 0
    add_cross_position(window, {"symbol": "S50USDT"})
    wait_result(qtbot, window)
    qtbot.wait(20)  # the view lays its rows out again on the next turn of the event loop
    assert summary.model().rowCount() == 51
    assert summary.verticalScrollBar().value() == scrolled
    window.controller.undo_stack.setClean()


def test_a_row_that_closes_nothing_else_loses_its_unfolded_line(qtbot, window) -> None:
    """B cut to 0.05 BTC: all cross no longer loses A when BTC is wrong, so BTC's row has
    nothing to unfold (it was unfolded: the line goes, and nothing breaks)."""
    summary = window.comparison.summary
    summary.expand(_row(window, "BTCUSDT"))
    assert window.controller.set_position(1, "quantity", "0.05")
    wait_result(qtbot, window)
    btc = _row(window, "BTCUSDT")
    assert summary.model().rowCount(btc) == 0
    assert summary.cell_texts() == _expected_rows(window)
    window.controller.undo_stack.setClean()


def test_an_empty_book_says_what_to_do(qtbot, window: MainWindow) -> None:
    empty = window.controller.scenario.model_copy(update={"positions": ()})
    window.controller.replace(empty)
    wait_result(qtbot, window)
    summary = window.comparison.summary
    assert summary.cell_texts() == [["Add a position to compare isolated and cross.", "", "", ""]]
    assert summary.isFirstColumnSpanned(0, summary.rootIndex())
    assert summary.sentences() == []
    assert window.controller.set_account("wallet_balance", "20000")  # still no position
    wait_result(qtbot, window)
    assert summary.cell_texts() == [["Add a position to compare isolated and cross.", "", "", ""]]


def _fifty_symbols() -> Scenario:
    positions = [
        {
            "id": f"P{i}",
            "symbol": f"S{i}USDT",
            "side": "long" if i % 3 else "short",
            "quantity": 10.0,
            "entry_price": 100.0 + i,
            "leverage": 10,
            "maintenance_rate": 0.01,
            "margin_mode": "cross" if i % 2 else "isolated",
        }
        for i in range(50)
    ]
    return Scenario.model_validate(
        {
            "name": "fifty symbols",
            "rules": "generic",
            "account": {"wallet_balance": 100_000},
            "positions": positions,
        }
    )


def test_a_keystroke_words_only_the_rows_in_view(qtbot, window, monkeypatch) -> None:
    """Fifty symbols, three rows in view: an edit words those, not all fifty; scrolled to the
    end, the last rows read what the engine says of them."""
    window.controller.replace(_fifty_symbols())
    wait_result(qtbot, window)
    qtbot.wait(20)
    worded: list[str] = []
    made = summaries_module.SymbolSummaries._summary

    def counted(self, symbol: str):
        worded.append(symbol)
        return made(self, symbol)

    monkeypatch.setattr(summaries_module.SymbolSummaries, "_summary", counted)
    assert window.controller.set_position(0, "quantity", "11")
    wait_result(qtbot, window)
    summary = window.comparison.summary
    summary.viewport().repaint()
    assert 0 < len(set(worded)) <= VISIBLE_ROWS + 1, worded
    summary.scrollToBottom()
    summary.viewport().repaint()
    assert "S49USDT" in worded
    assert summary.cell_texts() == _expected_rows(window)
    window.controller.undo_stack.setClean()


def test_on_a_laptop_every_cell_of_the_brief_reads_whole(qtbot, window: MainWindow) -> None:
    """1366 px wide, the brief's example: in equal thirds the cross column read "can lose
    10,000.00 USDT (fall), closes 1 m…" beside two columns with room to spare. Each column
    now takes what its texts need."""
    window.resize(1366, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    summary = window.comparison.summary
    model, header = summary.model(), summary.header()
    assert model.index(0, 3).data().endswith(", closes 1 more")
    for row in range(model.rowCount()):
        for column in range(1, model.columnCount()):
            need = summary.sizeHintForIndex(model.index(row, column)).width()
            assert header.sectionSize(column) >= need, (row, column)
    taken = sum(header.sectionSize(c) for c in range(model.columnCount()))
    assert taken <= summary.viewport().width()  # and nothing runs off the banner


def test_the_columns_share_the_width_by_need() -> None:
    from marginlab.desktop.summary_view import share_by_need

    assert share_by_need({1: 100, 2: 100, 3: 300}, 560) == {1: 120, 2: 120, 3: 320}
    # Short of room: the columns needing less than an even share keep their need.
    assert share_by_need({1: 100, 2: 250, 3: 300}, 500) == {1: 100, 2: 200, 3: 200}
    assert share_by_need({1: 300, 2: 300, 3: 300}, 600) == {1: 200, 2: 200, 3: 200}


def test_a_keystroke_leaves_the_columns_where_they_are_while_the_texts_fit(
    qtbot, window: MainWindow
) -> None:
    """The columns' edges moved at each digit typed (each shared the room by its texts'
    widths anew): they stay while every text fits them."""
    window.resize(1366, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # laid out at its size
    header = window.comparison.summary.header()
    before = [header.sectionSize(c) for c in range(1, 4)]
    # The margins 3,000 and 2,000 → 300 and 200: "loses at most 3,000.00 USDT" → "300.00
    # USDT", narrower. The banner alone is given the new report: the cards, and so the
    # panes, stay as they are.
    from marginlab.engine.margin.evaluate import evaluate
    from marginlab.engine.text.symbol_summaries import SymbolSummaries

    scenario = window.controller.scenario
    a, b = (p.model_copy(update={"margin": p.margin / 10}) for p in scenario.positions)
    edited = scenario.model_copy(update={"positions": [a, b]})
    summary = window.comparison.summary
    summary.show_summaries(SymbolSummaries(evaluate(edited)))
    assert summary.cell_texts()[0][1] == "loses at most 300.00 USDT (fall)"
    assert [header.sectionSize(c) for c in range(1, 4)] == before
