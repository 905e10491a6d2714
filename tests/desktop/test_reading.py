"""Issue 15: reading the window as a trader would (plot labels, what-if cards, per-symbol moves)."""

from __future__ import annotations

import itertools

from marginlab.desktop.main_window import MainWindow
from marginlab.engine.margin.models import Scenario
from tests.desktop.conftest import wait_result


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
    under the plot says what each number is, nearest to the mark first."""
    _book(qtbot, window, [_long(f"P{n}", 10 + 3 * n) for n in range(9)])
    labels = [label for label, _ in window.plot.line_positions()]
    assert labels[:3] == [" 1 ", " 2 ", " 3 "]
    listed = window.plot.line_list.text()
    assert window.plot.line_list.isVisible()
    assert listed.startswith("Liquidation lines: 1: P8 liquidated (entered/iso) at ")
    assert listed.count("liquidated") == 10  # nine isolated, and the cross pool
    rects = _label_rects(window)
    assert len(rects) == 10  # every number found a free height
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b)
