"""Replay and Risk views on the brief's example: the two stories, and odds from the engine."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QTextDocumentFragment

from marginlab.desktop.equity_plot import LEAST_SPAN
from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.risk_view import PLOT_HEIGHT
from marginlab.engine.margin.models import Scenario
from marginlab.engine.paths.montecarlo import GBM, Bootstrap, simulate
from marginlab.engine.paths.replay import replay
from marginlab.engine.paths.sources import builtin_path, csv_path
from tests.desktop.conftest import wait_result


def test_replay_the_wick_from_the_preset(qtbot, window: MainWindow) -> None:
    window.files.load_preset("seed-example.json")
    wait_result(qtbot, window)
    window.views.setCurrentWidget(window.replay)
    window.replay.choose("flash-crash", "BTCUSDT", 15)
    assert window.replay.end_equity() == pytest.approx(
        {"as_entered": 8000, "isolated": 8000, "cross": 10000}
    )
    text = window.replay.readout.text()
    assert "All isolated</b></span> 8,000.00 USDT" in text
    assert "All cross</b></span> 10,000.00 USDT" in text
    assert "All isolated: B liquidated at BTCUSDT 45,180.72" in text
    engine = replay(
        window.controller.scenario,
        builtin_path("flash-crash", window.controller.scenario.marks(), ["BTCUSDT"], 0.15),
    )
    _, y = window.replay.curves["cross"].getData()
    np.testing.assert_allclose(y, engine.equity["cross"])
    _, lowest = window.replay.lowest["cross"].getData()  # the wick, drawn below the close
    np.testing.assert_allclose(lowest, engine.lowest["cross"])
    deepest = f"{engine.lowest['cross'].min():,.2f}"
    assert window.replay.lowest_text.text().endswith(f">{deepest}</span> USDT")
    tip = window.replay.lowest_text.toolTip()
    assert tip.startswith("The lowest equity so far, wicks included (the thin lines): As entered")
    assert tip.endswith(f"All cross {deepest} USDT")


def test_a_mark_next_to_nothing_replays_without_a_traceback(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """A mark and an entry typed as 1e-320 replayed an equity of 1e-323 (a cross long gone,
    an isolated one of dust): a range so small that pyqtgraph's tick spacing rounded to 0, a
    division by zero at every paint (a GUI monkey run). Each axis spans at least
    ``LEAST_SPAN`` now."""
    book = {
        "format": "marginlab.scenario", "version": 3, "rules": "binance-usdm",
        "account": {"wallet_balance": 100},
        "positions": [
            {"id": "Gone", "symbol": "ETHUSDT", "side": "long", "quantity": 1,
             "entry_price": 1_000, "mark_price": 1e-320, "leverage": 10, "margin_mode": "cross"},
            {"id": "Dust", "symbol": "ETHUSDT", "side": "long", "quantity": 0.01,
             "entry_price": 1e-320, "leverage": 10, "margin_mode": "isolated"},
        ],
    }  # fmt: skip
    path = tmp_path / "gone.json"
    path.write_text(json.dumps(book), encoding="utf-8")
    window.files.open_path(path, ask=False)
    wait_result(qtbot, window)
    window.views.setCurrentWidget(window.replay)
    window.replay.choose("flash-crash", "ETHUSDT", 15)
    window.grab()  # painted, where it raised
    _, dust = window.replay.curves["isolated"].getData()
    assert 0 < dust.max() < 1e-300  # the equity replayed: 1e-323
    low, high = window.replay.plot.getPlotItem().getViewBox().viewRange()[1]
    assert high - low >= LEAST_SPAN


def test_replay_the_sustained_crash_and_scrub(qtbot, window: MainWindow) -> None:
    window.replay.choose("slow-bleed", "BTCUSDT", 60)
    assert window.replay.end_equity()["cross"] == 0
    assert "All cross: A, B liquidated at BTCUSDT 25,401.61" in window.replay.readout.text()
    assert window.replay.plot.getAxis("left").labelText == "Equity (USDT)"
    window.replay.scrub.setValue(10)  # before anything happened
    assert "liquidated" not in window.replay.readout.text()
    assert len(window.replay.curves["cross"].getData()[0]) == 11
    window.replay.play.setChecked(True)
    qtbot.waitUntil(lambda: not window.replay.play.isChecked(), timeout=10_000)
    assert window.replay.frame == 239


def test_replay_follows_position_changes(qtbot, window: MainWindow) -> None:
    window.views.setCurrentWidget(window.replay)
    window.replay.choose("flash-crash", "BTCUSDT", 15)
    window.table.selectRow(1)
    window.form.size_field.selectAll()
    qtbot.keyClicks(window.form.size_field, "0.1")  # B smaller: the wick no longer reaches it
    wait_result(qtbot, window)
    assert window.replay.end_equity()["isolated"] == pytest.approx(10_000)


def test_risk_runs_in_the_background_and_matches_the_engine(qtbot, window: MainWindow) -> None:
    risk_view = window.risk
    risk_view.paths.setValue(2000)
    with qtbot.waitSignal(risk_view.done, timeout=30_000) as blocker:
        risk_view.run_button.click()
    risk = blocker.args[0]
    scenario = window.controller.scenario
    corr = np.array([[1, 0.7], [0.7, 1]])
    expected = simulate(
        scenario, GBM({"ETHUSDT": 0.8, "BTCUSDT": 0.8}, corr), 2000, 1440, 1 / 365 / 1440, seed=0
    )
    for name, variant in expected.variants.items():
        assert risk.variants[name].liquidation_probability == variant.liquidation_probability
    p = expected.variants["isolated"].liquidation_probability
    assert f"P(liquidation) {p:.2%}" in risk_view.odds.text()
    assert risk_view.progress.value() == 100
    # A change of positions re-runs it for the new scenario.
    with qtbot.waitSignal(risk_view.done, timeout=30_000):
        window.controller.set_account("wallet_balance", "20000")


def test_on_a_short_screen_the_odds_read_whole_and_the_histogram_a_scroll_away(
    qtbot, qapp, window: MainWindow
) -> None:
    """1280 × 720: the odds' lines were cut in half by the key under them, and the histogram
    squeezed to 30 px. The tab now scrolls: every line of the odds has its height, and the
    histogram keeps its own. A tall window's tab does not scroll."""
    window.resize(1280, 660)
    risk_view = _odds_whole_after_a_run(qtbot, qapp, window)
    assert risk_view.verticalScrollBar().maximum() > 0  # the rest, a scroll away
    window.resize(1600, 1000)  # a tall window: no scrolling, the histogram takes the room
    window._fit_splits()
    qapp.processEvents()
    assert risk_view.verticalScrollBar().maximum() == 0
    assert risk_view.plot.height() > PLOT_HEIGHT


def test_on_a_laptop_the_histogram_stands_beside_the_odds_in_view(
    qtbot, qapp, window: MainWindow
) -> None:
    """1366 × 768, the window 720 high under a taskbar: the odds above the histogram left it
    a scroll away. The odds stand beside it now: both whole, nothing to scroll."""
    window.resize(1366, 720)
    window._fit_splits()
    risk_view = _odds_whole_after_a_run(qtbot, qapp, window)
    assert risk_view.verticalScrollBar().maximum() == 0


def test_on_a_laptop_the_risk_tabs_inputs_and_key_stand_whole(qapp, window: MainWindow) -> None:
    """1366 × 720, the brief's example: the random model's volatility and correlation beside
    the bootstrap's (disabled) block made the row wider than the tab; the Block field, the
    key's "All cross" and the histogram's right side stood cut at its edge. Each model shows
    its own inputs."""
    window.resize(1366, 720)
    window._fit_splits()
    risk_view = window.risk
    window.views.setCurrentWidget(risk_view)
    qapp.processEvents()
    viewport = risk_view.viewport()
    for model in (0, 1):
        risk_view.model.setCurrentIndex(model)
        risk_view._show_model_inputs()  # what choosing it does, without asking for files
        qapp.processEvents()
        assert risk_view.widget().width() <= viewport.width(), model
        shown = [risk_view.paths, risk_view.horizon, risk_view.seed, risk_view.cancel_button,
                 risk_view.model, *((risk_view.vol, risk_view.corr) if model == 0
                                    else (risk_view.block,))]  # fmt: skip
        for widget in shown:
            assert widget.isVisible(), (model, widget.toolTip())
            right = widget.mapTo(viewport, widget.rect().topRight()).x()
            assert right < viewport.width(), (model, widget.toolTip())
    assert not risk_view.vol.isVisible() and not risk_view.corr.isVisible()


def _odds_whole_after_a_run(qtbot, qapp, window: MainWindow):  # type: ignore[no-untyped-def]
    """The Risk tab after a run of 500 paths: every line of its odds has its height, and the
    histogram keeps its own."""
    risk_view = window.risk
    window.views.setCurrentWidget(risk_view)
    risk_view.paths.setValue(500)
    with qtbot.waitSignal(risk_view.done, timeout=30_000):
        risk_view.run_button.click()
    qapp.processEvents()
    odds = risk_view.odds
    assert "All cross" in odds.text()
    assert odds.height() >= odds.heightForWidth(odds.width())
    assert risk_view.plot.height() >= PLOT_HEIGHT
    return risk_view


def test_risk_cancel(qtbot, window: MainWindow) -> None:
    window.risk.paths.setValue(200_000)
    window.risk.run()
    window.risk.cancel()
    assert not window.risk.cancel_button.isEnabled()


def test_risk_volatility_per_symbol_as_typed(qtbot, window: MainWindow) -> None:
    risk_view = window.risk
    risk_view.paths.setValue(1000)
    risk_view.vol.selectAll()
    qtbot.keyClicks(risk_view.vol, "BTCUSDT=40, ETHUSDT=150")
    with qtbot.waitSignal(risk_view.done, timeout=30_000) as blocker:
        risk_view.run_button.click()
    expected = simulate(
        window.controller.scenario,
        GBM({"ETHUSDT": 1.5, "BTCUSDT": 0.4}, np.array([[1, 0.7], [0.7, 1]])),
        1000,
        1440,
        1 / 365 / 1440,
        seed=0,
    )
    for name, variant in expected.variants.items():
        assert blocker.args[0].variants[name].liquidation_probability == pytest.approx(
            variant.liquidation_probability
        )
    assert "volatility ETHUSDT 150 %, BTCUSDT 40 % a year" in risk_view.odds.text()


def test_risk_volatility_typo_is_named_and_nothing_runs(qtbot, window: MainWindow) -> None:
    risk_view = window.risk
    risk_view.vol.selectAll()
    qtbot.keyClicks(risk_view.vol, "XRPUSDT=50")
    assert risk_view.vol.property("invalid")
    assert "XRPUSDT is not a symbol of the scenario" in risk_view.vol.toolTip()
    risk_view.run_button.click()
    assert not window.runs.running()
    shown = QTextDocumentFragment.fromHtml(risk_view.odds.text()).toPlainText()
    assert shown.startswith("Volatility: 'XRPUSDT=50': XRPUSDT is not a symbol of the scenario")
    risk_view.vol.selectAll()
    qtbot.keyClicks(risk_view.vol, "70")
    assert not risk_view.vol.property("invalid")


def _candles(tmp_path: Path, name: str, lows: list[float]) -> Path:
    """Hourly BTC candles at 50,000 whose lows are ``lows`` (one candle each)."""
    rows = [f"{1_700_000_000 + i * 3_600},50000,50100,{low},50000" for i, low in enumerate(lows)]
    file = tmp_path / name
    file.write_text("\n".join(["timestamp,open,high,low,close", *rows]) + "\n")
    return file


def test_each_candles_question_starts_where_the_last_file_was(
    window: MainWindow, tmp_path, monkeypatch
) -> None:
    """The Risk tab asks for a file per symbol: each question began at the home folder again,
    however deep the first file lay."""
    deep = tmp_path / "data" / "candles"
    deep.mkdir(parents=True)
    eth, btc = deep / "eth.csv", deep / "btc.csv"
    for file in (eth, btc):
        file.write_text("timestamp,open,high,low,close\n1700000000,1,1,1,1\n")
    started: list[str] = []

    def dialog(_parent, title, folder, *_args):
        started.append(folder)
        return (str(eth if "ETHUSDT" in title else btc), "")

    monkeypatch.setattr("marginlab.desktop.candle_files.QFileDialog.getOpenFileName", dialog)
    monkeypatch.setattr("marginlab.desktop.candle_files._last_folder", [])
    window.risk._ask_candles()
    assert started == [str(Path.home()), str(deep)]


def test_risk_bootstrap_of_your_candles(qtbot, window: MainWindow, tmp_path, monkeypatch) -> None:
    # Every 20th hour wicks to 44,000: isolated B (liquidated at 45,180.72) dies on a wick.
    file = _candles(tmp_path, "btc-1h.csv", [44_000 if i % 20 == 0 else 49_900 for i in range(400)])
    asked: list[str] = []

    def dialog(_parent, title, *_args):
        asked.append(title)
        return (str(file) if "BTCUSDT" in title else "", "")

    monkeypatch.setattr("marginlab.desktop.candle_files.QFileDialog.getOpenFileName", dialog)
    risk_view = window.risk
    risk_view.model.setCurrentIndex(1)
    risk_view._on_model_activated(1)  # what choosing it in the list does
    assert asked == [
        "Candles for ETHUSDT (Cancel: ETHUSDT stays at its mark)",
        "Candles for BTCUSDT (Cancel: BTCUSDT stays at its mark)",
    ]
    assert not risk_view.vol.isEnabled() and risk_view.block.isEnabled()
    risk_view.paths.setValue(500)
    with qtbot.waitSignal(risk_view.done, timeout=30_000) as blocker:
        risk_view.run_button.click()
    model = Bootstrap(csv_path({"BTCUSDT": file}), 30)
    expected = simulate(window.controller.scenario, model, 500, 24, model.step_years, seed=0)
    shown = blocker.args[0]
    assert shown.steps == 24  # one day of hourly candles
    for name, variant in expected.variants.items():
        assert shown.variants[name].liquidation_probability == variant.liquidation_probability
    assert shown.variants["isolated"].liquidation_probability > 0.5
    assert shown.variants["cross"].liquidation_probability == 0
    assert "bootstrap of btc-1h.csv (BTCUSDT) in blocks of 30 1 h candles" in risk_view.odds.text()


def test_risk_bootstrap_problems_are_named_and_nothing_runs(
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:
    bad = _candles(tmp_path, "bad.csv", [49_900, 50_200, 49_900])  # row 3: low above the rest
    monkeypatch.setattr(
        "marginlab.desktop.candle_files.QFileDialog.getOpenFileName", lambda *_a: (str(bad), "")
    )
    risk_view = window.risk
    risk_view.model.setCurrentIndex(1)
    risk_view._on_model_activated(1)
    risk_view.run_button.click()
    assert not window.runs.running()
    shown = QTextDocumentFragment.fromHtml(risk_view.odds.text()).toPlainText()
    assert shown == (
        "Candles: bad.csv row 3, column high: below open, close or low; "
        "bad.csv row 3, column low: above open or close"
    )
    # Cancelling every file keeps the random model.
    risk_view._candles = {}
    monkeypatch.setattr(
        "marginlab.desktop.candle_files.QFileDialog.getOpenFileName", lambda *_a: ("", "")
    )
    risk_view.model.setCurrentIndex(1)
    risk_view._on_model_activated(1)
    assert risk_view.model.currentIndex() == 0 and risk_view.vol.isEnabled()


def test_path_plots_keep_their_key_off_the_data(window: MainWindow) -> None:
    from marginlab.desktop.line_key import LineKey

    for view in (window.replay, window.risk):
        keys = view.findChildren(LineKey)
        assert [key.titles() for key in keys] == [["As entered", "All isolated", "All cross"]]
        assert view.plot.getPlotItem().legend is None  # nothing drawn over the curves


def test_risk_tab_and_cli_give_the_same_odds_with_their_defaults(
    qtbot, window: MainWindow, tmp_path: Path, capsys
) -> None:
    """Issue 12: one set of Monte Carlo defaults; the same question, the same answer."""
    import json

    from marginlab.cli.main import main
    from marginlab.engine.files.scenario_io import save_scenario

    file = tmp_path / "seed.json"
    save_scenario(window.controller.scenario, file)
    risk_view = window.risk
    risk_view.paths.setValue(1000)
    with qtbot.waitSignal(risk_view.done, timeout=30_000) as blocker:
        risk_view.run_button.click()
    shown = blocker.args[0]
    assert main(["risk", str(file), "--paths", "1000", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert cli["parameters"] == json.loads(json.dumps(shown.parameters))
    assert cli["parameters"]["correlation"][0][1] == 0.7
    for name, variant in shown.variants.items():
        cli_variant = cli["variants"][name]
        assert cli_variant["liquidation_probability"] == variant.liquidation_probability
        assert cli_variant["excess_loss_probability"] == variant.excess_loss_probability
    text = risk_view.odds.text()
    assert "volatility ETHUSDT 80 %, BTCUSDT 80 % a year" in text and "correlation 0.7" in text
    assert "P(loss &gt; 2,500.00 USDT)" in text or "P(loss > 2,500.00 USDT)" in text


def test_replayed_candles_are_read_once_per_file_version(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """Issue 13: a large CSV is not read again on every keystroke; a changed file is."""
    import marginlab.desktop.path_runs as runs_module

    file = _candles(tmp_path, "btc.csv", [49_000 + i for i in range(50)])
    reads: list[dict[str, Path]] = []
    real = runs_module.csv_path
    monkeypatch.setattr(runs_module, "csv_path", lambda files: reads.append(files) or real(files))
    from marginlab.desktop.path_runs import ReplayRequest

    request = ReplayRequest(None, csv={"BTCUSDT": file})
    for wallet in ("11000", "12000", "13000"):
        window.controller.set_account("wallet_balance", wallet)
        assert window.runs.replay(request) is not None
    assert len(reads) == 1
    file.write_text(file.read_text() + "")  # same text, new modification time
    os.utime(file, (1, 1))
    window.runs.replay(request)
    assert len(reads) == 2
    window.controller.undo_stack.setClean()


def test_an_edit_during_a_run_never_blocks_the_window(qtbot, window: MainWindow) -> None:
    """Issue 16: a run of 200,000 paths under way; an edit restarts it without waiting for
    the old one (which stops at its next block, in the background)."""
    import time

    window.risk.paths.setValue(200_000)
    window.risk.run()
    qtbot.wait(200)
    start = time.perf_counter()
    window.controller.set_account("wallet_balance", "20000")
    window.runs.cancel()
    assert time.perf_counter() - start < 0.1
    assert window.risk.odds.text() == "Cancelled."
    qtbot.waitUntil(lambda: not window.runs._retired, timeout=5_000)
    window.controller.undo_stack.setClean()


def _events_listed(text: str) -> int:
    """The liquidations a readout (or its tooltip) lists, a line each: "✕ All isolated: P3
    liquidated at …" or "… past liquidation before the path starts", not "✕ … and 11 earlier"."""
    lines = text.split("<br>")
    return sum(line.startswith("✕ ") and not line.startswith("✕ …") for line in lines)


def test_a_big_books_replay_lists_its_latest_liquidations_and_keeps_its_plot(
    qtbot, qapp, window: MainWindow, tmp_path
) -> None:
    """A 60-position book with 16 liquidations by the end of a flash crash: the readout lists
    the latest 5 under a line that counts the earlier 11, its tooltip lists all 16, and the
    plot keeps its height (the list of all 16 had squeezed it to 40 px)."""
    import json

    from bench.books import book_document
    from marginlab.desktop.replay_view import EVENT_LINES

    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(60)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    wait_result(qtbot, window)
    window.views.setCurrentWidget(window.replay)
    plot_before = window.replay.plot.height()
    window.replay.choose("flash-crash", "0GUSDT", 15)
    qapp.processEvents()
    events = window.replay.result.events
    assert len(events) > EVENT_LINES
    text = window.replay.readout.text()
    earlier = len(events) - EVENT_LINES
    assert f"✕ … and {earlier} earlier: hold the pointer here to read them" in text
    assert _events_listed(text) == EVENT_LINES
    assert _events_listed(window.replay.readout.toolTip()) == len(events)
    assert window.replay.plot.height() > plot_before // 2  # 383 -> 299 px here; 159 before
    window.controller.undo_stack.setClean()


def test_a_short_window_replays_with_a_readable_plot_and_the_cards_max_loss_in_view(
    qtbot, qapp, window: MainWindow, tmp_path
) -> None:
    """1280 × 720 with a 500-position book, the Replay tab open: the plot kept 40 px under
    five liquidations, or, given a minimum height, took the cards' "Max loss if wrong" out
    of view. The readout lists as many of the latest as fit (one here), under the line that
    counts the others; the plot keeps its minimum; the cards keep their headline."""
    import json

    from bench.books import book_document
    from marginlab.desktop.style import PLOT_MIN_HEIGHT

    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(500)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    wait_result(qtbot, window)
    window.resize(1280, 660)
    window._fit_splits()
    window.views.setCurrentWidget(window.replay)
    window.replay.choose("flash-crash", "0GUSDT", 15)
    for _ in range(3):
        qapp.processEvents()
    replay = window.replay
    events = replay.result.events
    text = replay.readout.text()
    shown = _events_listed(text)
    assert 1 <= shown < 5
    assert f"✕ … and {len(events) - shown} earlier: hold the pointer" in text
    assert _events_listed(replay.readout.toolTip()) == min(len(events), 40)
    assert replay.plot.height() >= PLOT_MIN_HEIGHT
    assert replay.readout.height() >= replay.readout.heightForWidth(replay.readout.width())
    viewport = window.comparison.viewport()
    for card in window.comparison.cards.values():
        top = card.account.mapTo(viewport, card.account.rect().topLeft()).y()
        assert top >= 0 and top + card.account.fontMetrics().height() <= viewport.height()
    window.controller.undo_stack.setClean()


def _past_book() -> Scenario:
    """A BTC long beside an ETH long past liquidation at today's mark (20x, 10 % under)."""
    return Scenario.model_validate(
        {
            "rules": "binance-usdm",
            "account": {"wallet_balance": 10_000},
            "positions": [
                {"id": "B", "symbol": "BTCUSDT", "side": "long", "quantity": 0.1,
                 "entry_price": 50_000, "mark_price": 50_000, "leverage": 25,
                 "margin_mode": "isolated"},
                {"id": "E", "symbol": "ETHUSDT", "side": "long", "quantity": 1,
                 "entry_price": 3_000, "mark_price": 2_700, "leverage": 20,
                 "margin_mode": "isolated"},
            ],
        }
    )  # fmt: skip


def test_a_replay_tells_a_position_past_liquidation_before_the_path(
    qtbot, window: MainWindow
) -> None:
    """An ETH long past liquidation at today's mark, a BTC path: the readout said "E
    liquidated at ETHUSDT 2,700.00 (gap)", as if the path had closed it there."""
    window.controller.replace(_past_book())
    wait_result(qtbot, window)
    window.views.setCurrentWidget(window.replay)
    window.replay.choose("flash-crash", "BTCUSDT", 15)
    window.replay.scrub.setValue(0)
    text = QTextDocumentFragment.fromHtml(window.replay.readout.text()).toPlainText()
    assert "As entered: E past liquidation before the path starts, lost 150.00 USDT" in text
    assert "E liquidated" not in text


def test_the_odds_beside_a_position_past_liquidation_are_those_of_the_others(
    qtbot, window: MainWindow
) -> None:
    """Every path liquidates a pool past liquidation at its first step: the Risk tab said
    "P(liquidation) 100.00% ± 0.00%; median first liquidation after 0.0 h". It names the
    position and gives the odds of the others."""
    window.controller.replace(_past_book())
    wait_result(qtbot, window)
    risk_view = window.risk
    risk_view.paths.setValue(2000)
    with qtbot.waitSignal(risk_view.done, timeout=30_000) as blocker:
        risk_view.run_button.click()
    further = blocker.args[0].variants["as_entered"].further
    text = QTextDocumentFragment.fromHtml(risk_view.odds.text()).toPlainText()
    assert (
        f"As entered: E past liquidation already, in every path; P(another liquidation) "
        f"{further.probability:.2%} ± {further.standard_error:.2%}; median first liquidation "
        f"after " in text
    )
    # No path liquidated All cross: "0.00% ± 0.00%" read as certainty. The bound 2,000 paths
    # leave open: 1 − 0.05^(1/2000) = 0.1497 %, rounded up.
    assert (
        "All cross: P(liquidation) 0.00% (none of 2,000 paths; below 0.15% at 95% confidence)"
        in text
    )
    assert "± 0.00%" not in text
    assert "100.00%" not in text


def test_number_boxes_refuse_in_words_what_they_cannot_take(qtbot, window: MainWindow) -> None:
    """Qt's spin boxes dropped a keystroke they could not use: 250000 paths typed read 25,000,
    "10k" read 10, a depth of 150 % read 15 %, all without a word. The text stands as typed;
    Enter refuses it in the status line, naming the field, and changes nothing; leaving the
    field puts the last value back and says so."""
    from PySide6.QtCore import Qt

    window.views.setCurrentWidget(window.risk)
    paths = window.risk.paths
    paths.setFocus()
    paths.selectAll()
    qtbot.keyClicks(paths, "250000")
    assert paths.cleanText() == "250000"
    qtbot.keyClick(paths, Qt.Key.Key_Return)
    assert paths.value() == 10_000
    assert window.statusBar().currentMessage() == "Paths: between 100 and 200,000"
    assert paths.cleanText() == "250000"  # kept as typed, to correct
    paths.selectAll()
    qtbot.keyClicks(paths, "10k")
    qtbot.keyClick(paths, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "Paths: '10k' is not a number"
    window.risk.seed.setFocus()  # leaving the field
    assert paths.value() == 10_000 and paths.cleanText() == "10000"
    assert window.statusBar().currentMessage() == "Paths: '10k' is not a number; kept 10,000"
    paths.setFocus()
    paths.selectAll()
    qtbot.keyClicks(paths, "20000")
    qtbot.keyClick(paths, Qt.Key.Key_Return)
    assert paths.value() == 20_000  # a value it takes goes in as before
    window.views.setCurrentWidget(window.replay)
    depth = window.replay.depth_field
    depth.setFocus()
    depth.selectAll()
    qtbot.keyClicks(depth, "150")
    qtbot.keyClick(depth, Qt.Key.Key_Return)
    assert depth.value() == 15.0
    assert window.statusBar().currentMessage() == "Depth: between 1 % and 99 %"
    # A number Qt's own reading refused went back to the last value without a word: 15.55 in
    # a box of one decimal, 1e1 in any. It goes in, at the box's precision, and says so.
    depth.selectAll()
    qtbot.keyClicks(depth, "15.55")
    qtbot.keyClick(depth, Qt.Key.Key_Return)
    assert depth.value() == 15.6
    assert window.statusBar().currentMessage() == "Depth: 15.55 taken as 15.6 %"
    depth.selectAll()
    qtbot.keyClicks(depth, "1e1")
    window.replay.path.setFocus()  # leaving the field
    assert depth.value() == 10.0
