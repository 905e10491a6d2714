"""The window driven as a user would: typing, toggling, dragging, undoing, files."""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from pydantic import ValidationError
from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from bench.books import book_document
from marginlab.desktop.app import build_window, follow_palette
from marginlab.desktop.figures_table import shown_position
from marginlab.desktop.loss_chart import LIMIT_COLOUR
from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.positions_table_model import FIELDS, MODE_COLUMN
from marginlab.desktop.style import PLOT_MIN_HEIGHT, VARIANT_STYLES
from marginlab.desktop.wording import trader_words
from marginlab.engine.files.presets import load_preset
from marginlab.engine.files.scenario_io import format_errors
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.models import Scenario
from tests.desktop.conftest import add_cross_position, wait_result
from tests.desktop.screen import assert_shows_engine_figures, card_cell, card_tooltip


def test_brief_example_on_screen(window: MainWindow) -> None:
    assert window.windowTitle() == "Margin Lab — Brief example: ETH + BTC longs on 10,000 USDT[*]"
    assert not window.isWindowModified()
    assert card_cell(window, "isolated", 1, 1) == "45,180.72"
    assert card_cell(window, "cross", 1, 1) == "25,401.61"
    assert card_cell(window, "isolated", 1, 3) == "2,000"
    assert "Max loss if wrong: 5,000.00 USDT" in window.comparison.cards["isolated"].account.text()
    assert "Max loss if wrong: 10,000.00 USDT" in window.comparison.cards["cross"].account.text()
    rows = window.comparison.summary.cell_texts()
    assert rows[2] == [
        "BTCUSDT",
        "loses at most 2,000.00 USDT (fall)",
        "loses at most 2,000.00 USDT (fall)",
        "can lose 10,000.00 USDT (fall), closes 1 more",
    ]
    assert rows[3] == ["also closes", "nothing else", "nothing else", "A"]
    assert "All cross can lose 10,000.00 USDT and also closes A." in (
        window.comparison.summary.sentences()
    )
    lines = dict(window.plot.line_positions())
    assert lines[" B liquidated (entered/iso) at 45,180.72"] == pytest.approx(45_180.7229, abs=1e-3)
    assert lines[" A,B liquidated (cross) at 25,401.61"] == pytest.approx(25_401.606, abs=1e-3)
    assert window.losses.heights() == [5000, 5000, 10_000]
    assert window.losses.value_texts() == [
        "As entered: 5,000.00 USDT",
        "All isolated: 5,000.00 USDT",
        "All cross: 10,000.00 USDT",
    ]
    assert window.losses.limit_text() == "acceptable 2,500.00 USDT"
    assert_shows_engine_figures(window)


def _bar_length(image, colour: str, y: int) -> int:
    """Pixels of ``colour`` (its outline and fill) along row ``y`` of a rendered chart."""
    from PySide6.QtGui import QColor

    target = QColor(colour)
    xs = [x for x in range(image.width()) if image.pixelColor(x, y) == target]
    return max(xs) - min(xs) if xs else 0


def test_a_long_name_reads_from_its_start(qtbot, window: MainWindow) -> None:
    """The brief's name is longer than its field on a laptop: the field showed its end
    ("example: ETH + BTC longs on 10,000 USDT", "Brief " scrolled out of view). A value
    shown, not typed, now reads from its start, here and after another preset loads."""
    window.resize(1366, 688)
    name = window.account.name
    assert name.text().startswith("Brief example")
    assert name.cursorPosition() == 0
    window.controller.replace(window.controller.scenario.model_copy(update={"name": "x" * 300}))
    wait_result(qtbot, window)
    assert name.text() == "x" * 300 and name.cursorPosition() == 0


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.paints += event.type() == QEvent.Type.Paint
        return False


def test_a_keystroke_paints_the_plot_once(qtbot, window: MainWindow) -> None:
    """A size that moves the curves' range: the plot was painted with the new curves, then
    again when pyqtgraph's new range reached the axes, about 5 ms later. The range now follows
    the curves before the paint: the first frame is the whole one. (A size whose axis labels
    are wider resizes the view, which then takes a second paint: the first edit here.)"""
    counter = _PaintCounter()
    view = window.plot.plot.getPlotItem().getViewBox()
    window.plot.plot.viewport().installEventFilter(counter)
    field = window.form.size_field
    field.setFocus()
    kept_size = 0
    for typed in ("5", "50", "5", "0.5"):
        field.selectAll()
        before, size = view.viewRange()[1], view.size()
        counter.paints = 0
        qtbot.keyClicks(field, typed)
        wait_result(qtbot, window)
        for _ in range(5):  # every paint the edit asked for, and any it set off
            QApplication.processEvents()
        assert view.viewRange()[1] != before
        if view.size() == size:
            kept_size += 1
            assert counter.paints == 1, typed
    assert kept_size >= 3
    window.controller.undo_stack.setClean()


def test_a_loss_limit_next_to_nothing_still_draws(qtbot, window: MainWindow) -> None:
    """In an empty book (no loss at all), a max acceptable loss of 1e-320 made the chart's
    pixels per unit infinite, and every paint of the window a traceback. The limit, the
    largest figure, now spans the chart; the bars of no loss have no length."""
    while window.controller.scenario.positions:
        assert window.controller.remove_position(0)
    assert window.controller.set_account("max_acceptable_loss", "1e-320")
    wait_result(qtbot, window)
    chart = window.losses
    assert chart.limit_text() == "acceptable 0.00 USDT"
    chart.resize(800, 150)
    image = chart.grab().toImage()  # painted, where it raised
    assert chart.bar_lengths() == [0.0, 0.0, 0.0]
    from PySide6.QtGui import QColor

    y = chart.fontMetrics().height() + 4  # through the dashed line, below the title
    red = [x for x in range(image.width()) if image.pixelColor(x, y) == QColor(LIMIT_COLOUR)]
    assert red and min(red) > chart.width() / 2  # the far end: the largest figure
    window.controller.undo_stack.setClean()


def test_max_loss_bars_are_drawn_to_scale(window: MainWindow) -> None:
    from marginlab.desktop.style import VARIANT_STYLES

    chart = window.losses
    chart.resize(800, 150)
    image = chart.grab().toImage()
    rows = len(chart.names)
    line = chart.fontMetrics().height() + 2
    row = (chart.height() - 2 * line) / rows
    lengths = {
        name: _bar_length(image, VARIANT_STYLES[name].colour, int(line + (i + 0.5) * row))
        for i, name in enumerate(chart.names)
    }
    # Cross can lose the whole 10,000 wallet, twice what all-isolated can lose.
    assert lengths["cross"] == pytest.approx(2 * lengths["isolated"], rel=0.03)
    assert lengths["as_entered"] == pytest.approx(lengths["isolated"], abs=2)
    assert lengths["isolated"] > 100


def test_drag_what_if_line_through_both_thresholds(window: MainWindow) -> None:
    window.plot.what_if.setValue(45_000)
    text = window.plot.readout.text()
    assert "All isolated</b></span> 8,000.00 USDT — liquidated: B" in text
    assert "All cross</b></span> 8,000.00 USDT" in text  # 10,000 − 0.4 × 5,000: the cushion
    window.plot.what_if.setValue(25_000)
    text = window.plot.readout.text()
    assert "All isolated</b></span> 8,000.00 USDT — liquidated: B" in text
    assert "All cross</b></span> 0.00 USDT — liquidated: A, B" in text


def _drag_what_if(qtbot, window: MainWindow, to_price: float) -> None:
    """Press on the what-if line, move the mouse in steps, release: as a user drags it."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    plot = window.plot.plot
    box = plot.getPlotItem().vb
    low, high = box.viewRange()[1]

    def at(price: float) -> QPointF:
        return QPointF(plot.mapFromScene(box.mapViewToScene(QPointF(price, (low + high) / 2))))

    def send(kind: QEvent.Type, where: QPointF, buttons: Qt.MouseButton) -> None:
        button = (
            Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        )
        event = QMouseEvent(
            kind,
            where,
            plot.viewport().mapToGlobal(where),
            button,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(plot.viewport(), event)

    start = window.plot.what_if.value()
    left = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, at(start), left)
    for step in range(1, 21):
        send(QEvent.Type.MouseMove, at(start + (to_price - start) * step / 20), left)
        qtbot.wait(5)
    send(QEvent.Type.MouseButtonRelease, at(to_price), Qt.MouseButton.NoButton)


def test_mouse_drag_of_the_what_if_line_reads_each_variant(qtbot, window: MainWindow) -> None:
    _drag_what_if(qtbot, window, 44_000)
    assert window.plot.what_if.value() == pytest.approx(44_000, rel=0.01)
    text = window.plot.readout.text()
    assert "All isolated</b></span> 8,000.00 USDT — liquidated: B" in text
    _drag_what_if(qtbot, window, 24_000)
    assert window.plot.what_if.value() < 25_401.61
    text = window.plot.readout.text()
    assert "All isolated</b></span> 8,000.00 USDT — liquidated: B" in text
    assert "All cross</b></span> 0.00 USDT — liquidated: A, B" in text


def test_typing_a_quantity_redraws_with_the_engines_numbers(qtbot, window: MainWindow) -> None:
    window.table.selectRow(1)
    field = window.form.size_field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0.8")
    wait_result(qtbot, window)
    assert window.controller.scenario.positions[1].quantity == 0.8
    assert window.isWindowModified()
    assert window.windowTitle().endswith("[*]")
    assert_shows_engine_figures(window)
    assert window.form.notional.text() == "40,000.00 USDT"


def test_notional_and_margin_sizing(qtbot, window: MainWindow) -> None:
    window.table.selectRow(1)
    window.form.size_kind.setCurrentIndex(1)  # notional at entry
    window.form.size_field.selectAll()
    qtbot.keyClicks(window.form.size_field, "30000")
    assert window.controller.scenario.positions[1].quantity == pytest.approx(0.6)
    window.form.size_kind.setCurrentIndex(2)  # margin × leverage
    assert window.form.size_field.text() == "3000"
    window.form.size_field.selectAll()
    qtbot.keyClicks(window.form.size_field, "1000")
    assert window.controller.scenario.positions[1].quantity == pytest.approx(0.2)


def test_garbage_is_shown_inline_and_the_last_result_stays(qtbot, window: MainWindow) -> None:
    before = card_cell(window, "cross", 1, 1)
    field = window.account.fields["wallet_balance"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "12abc")
    assert window.problems.isVisible()
    assert "Wallet balance: must be a number" in window.problems.text()  # issue 15: trader words
    assert field.property("invalid")
    assert window.controller.scenario.account.wallet_balance == 10_000
    assert card_cell(window, "cross", 1, 1) == before
    field.selectAll()
    qtbot.keyClicks(field, "-5")
    assert "Wallet balance: must be at least 0" in window.problems.text()
    field.selectAll()
    qtbot.keyClicks(field, "20000")
    wait_result(qtbot, window)
    assert not window.problems.isVisible()
    assert not field.property("invalid")
    assert_shows_engine_figures(window)


def test_toggle_mode_from_the_keyboard_then_undo(qtbot, window: MainWindow) -> None:
    index = window.model.index(1, MODE_COLUMN)
    window.table.setFocus()
    window.table.setCurrentIndex(index)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    wait_result(qtbot, window)
    assert window.controller.scenario.positions[1].margin_mode == "cross"
    # As entered is now mixed: B draws on the 7,000 cross pool (wallet − A's 3,000).
    entered_b = evaluate(window.controller.scenario).variants["as_entered"].positions["B"]
    assert card_cell(window, "as_entered", 1, 1) == f"{entered_b.liquidation_price:,.2f}"
    assert card_cell(window, "as_entered", 1, 3) == "7,000"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_result(qtbot, window)
    assert window.controller.scenario.positions[1].margin_mode == "isolated"
    assert not window.isWindowModified()
    assert_shows_engine_figures(window)


def test_add_duplicate_remove_with_shortcuts(qtbot, window: MainWindow) -> None:
    window.table.selectRow(1)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in window.controller.scenario.positions] == ["A", "B", "B-2"]
    qtbot.keyClick(window, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in window.controller.scenario.positions] == ["A", "B"]
    window.add_position()
    wait_result(qtbot, window)
    assert [p.id for p in window.controller.scenario.positions] == ["A", "B", "P1"]
    assert_shows_engine_figures(window)


def test_axis_switch_to_all_symbols(qtbot, window: MainWindow) -> None:
    window.controller.set_axis("All symbols (%)")
    wait_result(qtbot, window)
    assert_shows_engine_figures(window)
    labels = [label for label, _ in window.plot.line_positions()]
    assert any(label.endswith("at -9.64 %") for label in labels)
    # The what-if line goes home (no move) and reads out there, label included.
    what_if = window.plot.what_if
    assert what_if.value() == 0.0
    assert what_if.label.format == "what if 0.00 %"
    assert window.plot.readout.text().startswith("What if all symbols +0.0 %: ")
    window.controller.set_axis("BTCUSDT")
    wait_result(qtbot, window)
    assert what_if.value() == 50_000
    assert window.plot.readout.text().startswith("What if BTCUSDT 50,000.00: ")


def test_presets_menu_loads_the_hedged_pair(qtbot, window: MainWindow) -> None:
    presets = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Presets")
    actions = presets.actions()
    assert len(actions) == 6 and all(a.toolTip() for a in actions)
    assert actions[0].text().startswith("Before you open")  # the brief's own story, first
    next(a for a in actions if a.text().startswith("Hedged")).trigger()
    wait_result(qtbot, window)
    assert "Hedged pair" in window.windowTitle()
    assert card_cell(window, "cross", 0, 1) == card_cell(window, "cross", 1, 1)
    assert_shows_engine_figures(window)


def test_save_open_recent_and_drop(qtbot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    window.files.ask_save_path = lambda *a, **k: str(target)
    window.form.size_field.selectAll()
    qtbot.keyClicks(window.form.size_field, "12")
    assert window.isWindowModified()
    assert window.files.save()
    assert not window.isWindowModified()
    assert json.loads(target.read_text())["positions"][0]["quantity"] == 12
    assert window.files.recent()[0] == str(target.resolve())
    window.files.load_preset("hedged-pair.json")
    assert "Hedged" in window.windowTitle()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(target))])
    assert window.files.dropped_file(mime) == target
    assert window.files.open_path(target)
    assert window.controller.scenario.positions[0].quantity == 12
    assert window.controller.path == target


def test_unsaved_changes_prompt(qtbot, window: MainWindow) -> None:
    window.form.size_field.selectAll()
    qtbot.keyClicks(window.form.size_field, "11")
    window.files.ask_keep_changes = lambda: QMessageBox.StandardButton.Cancel
    window.files.new()
    assert window.controller.scenario.positions[0].quantity == 11  # nothing lost
    window.files.ask_keep_changes = lambda: QMessageBox.StandardButton.Discard
    window.files.new()
    assert window.controller.scenario.positions == ()
    assert window.windowTitle() == "Margin Lab — Untitled[*]"


def test_corrupt_file_is_refused_with_a_message(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "marginlab.scenario", "version": 1, "account": {}}')
    shown: list[list[str]] = []
    window.files.show_error = lambda title, lines: shown.append(lines)
    assert not window.files.open_path(bad)
    assert shown == [["account.wallet_balance: required"]]
    assert "Brief example" in window.windowTitle()


def test_exports_and_clipboard(window: MainWindow, tmp_path: Path) -> None:
    png, table = tmp_path / "plot.png", tmp_path / "comparison.csv"
    window.files.ask_save_path = lambda caption, suffix, *a: str(png if suffix == ".png" else table)
    window.files.export_png()
    assert "Picture saved to plot.png" in window.statusBar().currentMessage()
    window.files.export_csv()
    assert "Comparison saved to comparison.csv" in window.statusBar().currentMessage()
    assert png.read_bytes().startswith(b"\x89PNG")
    rows = list(csv.reader(table.open()))
    assert rows[0][4] == "liquidation price (USDT)"
    b_cross = next(r for r in rows if r[0] == "cross" and r[1] == "B")
    assert float(b_cross[4]) == pytest.approx(25_401.606, abs=1e-3)
    window.files.copy_comparison()
    assert "isolated\tB\tBTCUSDT" in QGuiApplication.clipboard().text()


def test_the_plotted_curves_export_as_csv(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """File → Export curves as CSV…: the window had no way to take its curves out (the CLI's
    sweep has one). The file holds the plotted points, each column's unit in its header; its
    figures are the curves' own, to the cent. Along BTCUSDT, all cross at 40,000 is the
    brief's 10,000 − 0.4 × 10,000 = 6,000."""
    path = tmp_path / "curves.csv"
    window.files.ask_save_path = lambda caption, suffix, *a: str(path)
    window.files.export_curves_csv()
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0] == [
        "BTCUSDT price (USDT)",
        "equity as_entered (USDT)",
        "equity isolated (USDT)",
        "equity cross (USDT)",
    ]
    for column, variant in enumerate(("as_entered", "isolated", "cross"), start=1):
        x, y = window.plot.curves[variant].getData()
        assert [float(r[0]) for r in rows[1:]] == pytest.approx(list(x), rel=1e-9)
        assert [float(r[column]) for r in rows[1:]] == pytest.approx(list(y), abs=0.005)
    xs, cross = [float(r[0]) for r in rows[1:]], [float(r[3]) for r in rows[1:]]
    assert np.interp(40_000, xs, cross) == pytest.approx(6_000.0, abs=0.01)  # linear there
    assert (
        window.statusBar().currentMessage()
        == f"Curves saved to curves.csv: {len(rows) - 1:,} points"
    )
    window.files.new()  # no position, no curve: said, no file asked for
    window.controller.recompute()
    window.files.ask_save_path = lambda *a: pytest.fail("asked for a file with nothing to save")
    window.files.export_curves_csv()
    assert window.statusBar().currentMessage() == "No curves to export: the book holds no position"


def test_geometry_and_last_file_are_kept(window: MainWindow, settings, tmp_path) -> None:
    target = tmp_path / "kept.json"
    window.files.ask_save_path = lambda *a, **k: str(target)
    window.files.save_as()
    window.close()
    assert settings.value("window/geometry") is not None
    assert settings.value("files/last") == str(target.resolve())


def test_every_input_is_reachable_with_tab(window: MainWindow) -> None:
    wanted = {
        window.account.name,
        *window.account.fields.values(),
        window.account.rules,
        window.table,
        window.form.size_kind,
        window.form.size_field,
        window.form.entry,
        window.form.leverage,
        window.plot.axis,
    }
    window.account.name.setFocus()
    seen = set()
    for _ in range(80):
        seen.add(QGuiApplication.focusObject())
        window.focusNextChild()
    assert wanted <= seen


def test_table_edit_through_the_view(qtbot, window: MainWindow) -> None:
    index = window.model.index(1, FIELDS.index("leverage"))
    window.table.setCurrentIndex(index)
    window.table.edit(index)
    editor = window.table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "10"
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "20")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Return through a queued call.
    qtbot.waitUntil(lambda: window.controller.scenario.positions[1].leverage == 20)


def test_maintenance_override_in_percent(qtbot, window: MainWindow) -> None:
    window.table.selectRow(0)
    assert window.form.rate.text() == ""  # A uses the bundled tier table
    qtbot.keyClicks(window.form.rate, "1")
    wait_result(qtbot, window)
    assert window.controller.scenario.positions[0].maintenance_rate == pytest.approx(0.01)
    assert window.form.maintenance.text() == "300.00 USDT (MMR 1.00 %)"
    assert_shows_engine_figures(window)
    window.form.rate.selectAll()
    qtbot.keyClick(window.form.rate, Qt.Key.Key_Delete)
    assert window.controller.scenario.positions[0].maintenance_rate is None


def test_empty_limit_means_no_limit_but_garbage_is_refused(qtbot, window: MainWindow) -> None:
    field = window.account.fields["max_acceptable_loss"]
    field.selectAll()
    qtbot.keyClicks(field, "lots")
    assert window.controller.scenario.account.max_acceptable_loss == 2500
    assert "Max acceptable loss: must be a number" in window.problems.text()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    wait_result(qtbot, window)
    assert window.controller.scenario.account.max_acceptable_loss is None
    assert not window.plot.limit_line.isVisible()
    field.selectAll()
    qtbot.keyClicks(field, "0")
    assert window.controller.scenario.account.max_acceptable_loss == 0


def test_figures_explain_themselves(window: MainWindow) -> None:
    assert "maintenance margin" in card_tooltip(window, "cross", 1, 1)
    assert "whole cross pool" in card_tooltip(window, "cross", 1, 3)
    for label in (
        window.form.notional,
        window.form.initial,
        window.form.effective,
        window.form.maintenance,
        window.comparison.summary,
        window.losses,
    ):
        assert label.toolTip()


def test_dark_palette_is_followed(qtbot, qapp, settings) -> None:
    from PySide6.QtGui import QColor, QPalette

    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    qapp.setPalette(dark)
    try:
        follow_palette(qapp)
        win = build_window(settings)
        qtbot.addWidget(win)
        assert win.plot.plot.backgroundBrush().color().name() == "#1e1e1e"
        assert win.plot.what_if.pen.color().name() == "#eeeeee"
        win.controller.undo_stack.setClean()
    finally:
        qapp.setPalette(original)
        follow_palette(qapp)


def test_glossary_opens_with_f1(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.glossary.isVisible()
    assert "Loss boundary: the whole pool." in window.glossary.widget().toPlainText()
    assert window.glossary_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert not window.glossary.isVisible()
    assert not window.glossary_action.isChecked()


def test_glossary_leaves_the_three_cards_whole(qtbot, qapp, window: MainWindow) -> None:
    chosen = window.panes.sizes()[0]
    window.glossary_action.trigger()
    qapp.processEvents()
    assert window.glossary.isVisible()
    assert window.panes.sizes()[0] < chosen  # the left column gave way, not the cards
    shown = window.comparison.viewport().width()
    for card in window.comparison.cards.values():
        assert card.geometry().right() < shown, card.name
    window.glossary_action.trigger()
    qapp.processEvents()
    assert window.panes.sizes()[0] == chosen  # and got its width back


def test_glossary_menu_tick_follows_the_dock(qtbot, window: MainWindow) -> None:
    window.glossary_action.trigger()
    assert window.glossary.isVisible() and window.glossary_action.isChecked()
    window.glossary.close()  # its own × button
    assert not window.glossary_action.isChecked()
    window.glossary_action.trigger()
    assert window.glossary.isVisible() and window.glossary_action.isChecked()


def _laptop_window(qtbot, qapp, settings, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window as it first opens on a 1366 × 768 laptop (``first_size``), shown."""
    from PySide6.QtCore import QSize

    from marginlab.desktop.main_window import first_size

    follow_palette(qapp)
    win = build_window(settings, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(win)
    win.resize(first_size(QSize(1366, 728)))
    win.show()
    qtbot.waitExposed(win)
    return win


def test_on_a_laptop_the_glossary_floats_over_the_form_not_the_cards(
    qtbot, qapp, settings, tmp_path
) -> None:
    """Docked at the right of a 1366 px window, the glossary pushed "All cross" out of view
    under a scroll bar. Where the width is short it floats over the left column, the cards
    stay whole; docked or floated again by the trader, it stays so."""
    win = _laptop_window(qtbot, qapp, settings, tmp_path)
    win.show_glossary(True)
    qapp.processEvents()
    glossary = win.glossary
    assert glossary.isVisible() and glossary.isFloating()
    assert glossary.geometry().left() <= win.panes.mapToGlobal(win.panes.rect().topLeft()).x()
    shown = win.comparison.viewport().width()
    for card in win.comparison.cards.values():
        assert card.geometry().right() < shown, card.name
    assert win.comparison.horizontalScrollBar().maximum() == 0
    glossary.setFloating(False)  # the trader docks it: it stays docked
    win.show_glossary(False)
    win.show_glossary(True)
    assert not glossary.isFloating()
    win.controller.undo_stack.setClean()


def test_laptop_screen_shows_every_figure_whole(qtbot, qapp, settings, tmp_path) -> None:
    from PySide6.QtCore import QSize

    from marginlab.desktop.main_window import first_size

    assert first_size(QSize(1366, 728)) == QSize(1366, 688)
    assert first_size(QSize(2560, 1400)) == QSize(1600, 960)
    win = _laptop_window(qtbot, qapp, settings, tmp_path)
    for card in win.comparison.cards.values():
        table, header = card.table, card.table.horizontalHeader()
        for column in range(table.columnCount()):
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert header.sectionSize(column) >= needed, (card.name, column)  # nothing elided
        assert card.account.geometry().top() >= table.geometry().bottom()  # nothing overlaps
    assert not win.comparison.horizontalScrollBar().isVisible()
    assert not win.comparison.verticalScrollBar().isVisible()
    mode_right = win.table.columnViewportPosition(MODE_COLUMN) + win.table.columnWidth(MODE_COLUMN)
    assert mode_right <= win.table.viewport().width()  # the mode toggle stays in view
    win.controller.undo_stack.setClean()


def test_a_position_added_on_a_laptop_leaves_the_cards_whole(
    qtbot, qapp, settings, tmp_path
) -> None:
    """A third position added to the brief's example at 1366 × 768: the figures' pane kept its
    height for two rows, and each card's warning stood cut in half under its edge. The pane
    follows the rows added or removed, and cards taller than half show fewer rows (their
    tables scroll) before their text is cut."""
    win = _laptop_window(qtbot, qapp, settings, tmp_path)
    assert win.controller.add_position(0)
    wait_result(qtbot, win)
    qtbot.wait(20)
    _assert_warnings_whole(win)
    win.controller.undo_stack.setClean()


def test_cards_at_the_what_if_on_a_laptop_stay_whole(qtbot, qapp, settings, tmp_path) -> None:
    """Cards at the what-if: each title names its prices on a second line, and the warnings
    stood cut in half at the pane's edge (1366 × 768). The pane follows."""
    win = _laptop_window(qtbot, qapp, settings, tmp_path)
    win.plot.cards_at.setCurrentIndex(1)  # the controller answers at once
    qtbot.wait(20)
    assert "at the what-if" in win.comparison.cards["cross"].title.text()
    _assert_warnings_whole(win)
    win.controller.undo_stack.setClean()


def _assert_warnings_whole(win: MainWindow) -> None:
    assert not win.comparison.verticalScrollBar().isVisible()
    shown = win.comparison.viewport().rect()
    for card in win.comparison.cards.values():
        warning = card.warnings
        bottom = warning.mapTo(win.comparison.viewport(), warning.rect().bottomLeft()).y()
        assert warning.text() and bottom <= shown.bottom(), card.name


def test_a_hedge_accounts_long_ids_leave_every_figure_whole_on_a_laptop(
    qtbot, qapp, settings, tmp_path
) -> None:
    """A Bybit or Binance hedge-mode import names its positions "ETHUSDT-long": at 1366 × 768
    the cards' Position column took the width of "ETHUSDT-long·cross", and the All cross card
    lost its Max loss and Ratio columns to a scroll bar. The ID is cut at its end now, its
    mode kept ("…·cross"), and every figure stays whole; the tooltip names the position."""
    from marginlab.engine.margin.models import VERSION, Scenario

    win = _laptop_window(qtbot, qapp, settings, tmp_path)
    hedge = {
        "format": "marginlab.scenario",
        "version": VERSION,
        "name": "bybit hedge",
        "rules": "bybit-linear",
        "account": {"wallet_balance": 1204.29, "currency": "USDT"},
        "positions": [
            {
                "id": "BTCUSDT-long",
                "symbol": "BTCUSDT",
                "side": "long",
                "quantity": 0.1,
                "entry_price": 60000,
                "mark_price": 59000,
                "leverage": 10,
                "margin_mode": "isolated",
            },
            {
                "id": "ETHUSDT-short",
                "symbol": "ETHUSDT",
                "side": "short",
                "quantity": 0.2,
                "entry_price": 3000,
                "mark_price": 3050,
                "leverage": 10,
                "margin_mode": "cross",
            },
        ],
    }
    win.controller.replace(Scenario.model_validate(hedge))
    wait_result(qtbot, win)
    qapp.processEvents()
    assert not win.comparison.horizontalScrollBar().isVisible()
    for card in win.comparison.cards.values():
        table, header = card.table, card.table.horizontalHeader()
        for column in range(1, table.columnCount()):
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert header.sectionSize(column) >= needed, (card.name, column)  # figures whole
        index = table.model().index(1, 0)
        assert (
            table.model().data(index)
            == f"ETHUSDT-short·{'iso' if card.name == 'isolated' else 'cross'}"
        )
        shown = shown_position(table, index)
        full = table.model().data(index)
        if card.name == "as_entered":  # the modes differ: each row keeps its own
            assert shown.endswith("·cross"), shown
        else:  # the card's title gives the mode: it goes before any of the ID
            assert shown == full or _cut_from(shown, "ETHUSDT-short"), shown
        assert table.fontMetrics().horizontalAdvance(shown) <= header.sectionSize(0)
        assert "ETHUSDT-short" in table.model().data(index, Qt.ItemDataRole.ToolTipRole)
    win.controller.undo_stack.setClean()


def _preset_laid_out(  # type: ignore[no-untyped-def]
    qtbot, qapp, window: MainWindow, preset: str, width: int, height: int
) -> None:
    """``preset`` loaded, then the window at ``width`` × ``height``, fitted as its first layout
    fits it, and laid out."""
    window.files.load_preset(preset)
    wait_result(qtbot, window)
    window.resize(width, height)
    window._fit_splits()
    for _ in range(3):
        qapp.processEvents()


def test_a_short_id_is_never_cut_in_the_cards(qtbot, qapp, window: MainWindow) -> None:
    """The core-and-bet preset at 1366 × 740: "Core·cross" read "C…·cross" in two cards. A
    Position column at Qt's own size for its widest cell left the text 2 px short of the room
    our cell draws it in."""
    _preset_laid_out(qtbot, qapp, window, "core-plus-bet.json", 1366, 740)
    for card in window.comparison.cards.values():
        table = card.table
        for row in range(table.model().rowCount()):
            index = table.model().index(row, 0)
            assert shown_position(table, index) == table.model().data(index), card.name
    window.controller.undo_stack.setClean()


def test_each_card_header_says_its_figures_unit(qtbot, qapp, window: MainWindow) -> None:
    """The cards' liquidation prices and max losses were bare numbers ("1,016.06", "9,940"):
    their unit was in the tooltip only. Each header says it on a second line, drawn whole at
    1366 × 740; distance and ratio carry "%" in their cells."""
    _preset_laid_out(qtbot, qapp, window, "core-plus-bet.json", 1366, 740)
    for card in window.comparison.cards.values():
        model, header = card.table.model(), card.table.horizontalHeader()
        titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
        assert titles == ["ID", "Liq. price\nUSDT", "Dist.", "Max loss\nUSDT", "Ratio"]
        lines = header.fontMetrics().lineSpacing()
        assert header.height() >= 2 * lines, card.name  # both lines drawn
        for column, title in enumerate(titles):
            widest = max(header.fontMetrics().horizontalAdvance(t) for t in title.split("\n"))
            assert header.sectionSize(column) >= widest, (card.name, title)
    window.controller.undo_stack.setClean()


def test_positions_table_shows_every_column_at_the_default_size(window: MainWindow) -> None:
    assert window.size().width() == 1600
    assert window.table.horizontalHeader().length() <= window.table.viewport().width()


def test_line_key_draws_each_variant_above_the_plot(window: MainWindow) -> None:
    key = window.plot.key
    assert key.titles() == ["As entered", "All isolated", "All cross"]
    image = key.grab().toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    for style in VARIANT_STYLES.values():
        assert style.colour in colours
    assert window.plot.plot.getPlotItem().legend is None  # it hid a liquidation label
    plot_top = window.plot.plot.mapTo(window, window.plot.plot.rect().topLeft()).y()
    assert key.mapTo(window, key.rect().bottomLeft()).y() <= plot_top


def test_left_column_keeps_the_width_the_user_dragged_it_to(qapp, window: MainWindow) -> None:
    window.panes.moveSplitter(560, 1)  # what dragging the handle does
    qapp.processEvents()
    dragged = window.panes.sizes()[0]
    assert abs(dragged - 560) <= window.panes.handleWidth()
    window.resize(1500, 960)
    qapp.processEvents()
    assert window.panes.sizes()[0] == dragged
    window.resize(1300, 960)  # now the cards need the room: the column gives way
    qapp.processEvents()
    assert window.panes.sizes()[0] < dragged
    assert not window.comparison.horizontalScrollBar().isVisible()


def test_reused_liquidation_lines_show_their_new_labels(qtbot, window: MainWindow) -> None:
    from marginlab.engine.files.presets import load_preset

    # Two lines, then one (the second hidden), then four on another axis: a line hidden and
    # shown again once kept its old label ("L liquidated (iso) at 57,228.92" at -66 %).
    for preset in ("hedged-pair.json", "core-plus-bet.json"):
        window.controller.replace(load_preset(preset))
        wait_result(qtbot, window)
    window.controller.set_axis("All symbols (%)")
    wait_result(qtbot, window)
    shown = window.plot.line_positions()
    assert len(shown) == 4
    for label, x in shown:
        assert label.startswith((" Core liquidated", " Bet liquidated", " Core,Bet liquidated"))
        assert label.endswith(f"at {x:,.2f} %")
    assert_shows_engine_figures(window)


def test_braces_in_an_id_are_shown_as_typed(qtbot, window: MainWindow) -> None:
    window.table.selectRow(1)
    index = window.model.index(1, 0)
    assert window.model.setData(index, "{B}")
    wait_result(qtbot, window)
    assert any(label.startswith(" {B} liquidated") for label, _ in window.plot.line_positions())


def test_another_scenario_brings_the_view_and_the_what_if_line_home(
    qtbot, window: MainWindow
) -> None:
    from marginlab.engine.files.presets import load_preset

    window.plot.what_if.setValue(30_000)
    window.controller.replace(load_preset("hedged-pair.json"))  # BTCUSDT again, mark 60,000
    wait_result(qtbot, window)
    assert window.plot.what_if.value() == 60_000
    window.plot.plot.viewport().repaint()  # pyqtgraph fits the view as it paints
    low, high = window.plot.plot.getPlotItem().vb.viewRange()[0]
    sweep = window.controller.result.sweep
    assert low <= sweep.x[0] < sweep.x[-1] <= high
    assert high - low < 1.1 * (sweep.x[-1] - sweep.x[0])
    header = window.table.horizontalHeader()
    side = window.table.sizeHintForColumn(2)
    assert header.sectionSize(2) >= side  # "short" is not cut to "sh…"


def test_markup_typed_in_names_is_shown_as_typed(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QTextDocument

    def shown(label) -> str:  # what a rich-text label displays
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()

    window.controller.set_position(0, "maintenance_rate", "0.4", scale=0.01)
    assert window.controller.set_meta("rules", "generic")  # a venue refuses other currencies
    field = window.account.fields["currency"]
    field.selectAll()
    qtbot.keyClicks(field, "<b>$")
    wait_result(qtbot, window)
    assert window.model.setData(window.model.index(1, 0), "<i>B")
    wait_result(qtbot, window)
    window.plot.what_if.setValue(40_000)
    assert "8,000.00 <b>$ — liquidated: <i>B" in shown(window.plot.readout)
    assert "Max loss if wrong: 5,000.00 <b>$" in shown(window.comparison.cards["isolated"].account)
    assert ["also closes", "nothing else", "nothing else", "<i>B"] in (
        window.comparison.summary.cell_texts()
    )
    assert window.form.notional.text().endswith(" <b>$")
    assert window.form.notional.textFormat() == Qt.TextFormat.PlainText
    window.replay.choose("slow-bleed", "BTCUSDT", 60)
    assert "All isolated: <i>B liquidated at BTCUSDT 45,180.72" in shown(window.replay.readout)
    assert window.replay.plot.getAxis("left").labelText == "Equity (&lt;b&gt;$)"


def test_a_longer_value_widens_its_column(qtbot, window: MainWindow) -> None:
    window.table.selectRow(1)
    header = window.table.horizontalHeader()
    column = FIELDS.index("quantity")
    before = header.sectionSize(column)
    field = window.form.size_field
    field.selectAll()
    qtbot.keyClicks(field, "0.123456789")
    wait_result(qtbot, window)
    assert header.sectionSize(column) > before
    assert header.sectionSize(column) >= window.table.sizeHintForColumn(column)


def test_an_empty_scenario_shows_an_empty_plot_then_the_first_position(
    qtbot, window: MainWindow
) -> None:
    window.files.new()
    wait_result(qtbot, window)
    plot = window.plot
    assert not plot.what_if.isVisible()
    assert plot.plot.getAxis("bottom").labelText == "Move of every symbol (%)"
    assert plot.plot.getPlotItem().vb.viewRange()[0] == [-30.0, 30.0]  # not the old prices
    assert plot.readout.text() == "Add a position to see the equity curves."
    window.add_position()
    wait_result(qtbot, window)
    assert plot.what_if.isVisible() and plot.what_if.value() == 0.0
    x, _ = plot.curves["cross"].getData()
    assert len(x) > 0
    assert plot.readout.text().startswith("What if all symbols +0.0 %: ")


def test_what_if_from_the_keyboard(qtbot, window: MainWindow) -> None:
    field = window.plot.what_if_value
    assert field.suffix() == " USDT" and field.value() == 50_000
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "44000")
    assert window.plot.what_if.value() == 50_000  # nothing moves on a partial number
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.plot.what_if.value() == 44_000
    text = window.plot.readout.text()
    assert "All isolated</b></span> 8,000.00 USDT — liquidated: B" in text
    qtbot.keyClick(field, Qt.Key.Key_Up)  # one step: 100 USDT at a 50,000 mark
    assert window.plot.what_if.value() == 44_100
    window.plot.what_if.setValue(30_000)  # a drag shows in the field
    assert field.value() == 30_000
    window.controller.set_axis("All symbols (%)")
    wait_result(qtbot, window)
    assert field.suffix() == " %" and field.value() == 0.0


def test_an_ambiguous_comma_is_refused_with_the_reason(qtbot, window: MainWindow) -> None:
    """ "1,5" could be 1.5 or 15: the wallet keeps its value and the message says why."""
    before = window.controller.scenario.account.wallet_balance
    field = window.account.fields["wallet_balance"]
    field.selectAll()
    qtbot.keyClicks(field, "1,5")
    assert window.controller.scenario.account.wallet_balance == before
    assert "ambiguous" in window.problems.text()


def test_import_positions_from_a_venue_file(qtbot, window: MainWindow) -> None:
    """Issue 14: File → Import positions…; the file gives no wallet, so the app asks."""
    from pathlib import Path

    file = Path(__file__).parents[1] / "fixtures" / "venues" / "binance-positionrisk-v2-hedge.json"
    asked: list[tuple[str, float, float]] = []
    window.files.ask_import_path = lambda: str(file)
    window.files.ask_number = lambda title, label, least=0.0, value=0.0, decimals=6, unit="": (
        asked.append((title, least, value)) or 10_000.0
    )
    window.files.import_positions()
    wait_result(qtbot, window)
    scenario = window.controller.scenario
    # At least what the isolated positions hold (less is refused); offered: every position's
    # margin. Here both are isolated, on 3,000 and 1,240.
    assert [p.margin_mode for p in scenario.positions] == ["isolated", "isolated"]
    assert asked == [("Wallet balance", 4_240.0, 4_240.0)]
    assert [p.id for p in scenario.positions] == ["BTCUSDT-long", "BTCUSDT-short"]
    assert "Imported 2 positions" in window.statusBar().currentMessage()
    tip = card_tooltip(window, "as_entered", 0, 1)
    assert "The venue says 54,216.87; ours differs by +0.00%." in tip
    window.controller.undo_stack.setClean()


def test_import_tier_table_asks_in_its_own_words_and_remembers_the_folder(
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:
    """File → Import tier table… asked with the title "Import positions". It has its own
    now; and the next import starts where the last venue answer came from (not in the open
    scenario's folder, a bundled preset's inside the app)."""
    import json

    from marginlab.engine.margin.pools import clear_schedule_cache
    from marginlab.engine.margin.rules import rule_table, usual_first_rate

    monkeypatch.setenv("MARGINLAB_TABLES_DIR", str(tmp_path / "tables"))
    for cache in (rule_table.cache_clear, usual_first_rate.cache_clear, clear_schedule_cache):
        cache()
    answers = tmp_path / "answers"
    answers.mkdir()
    file = answers / "brackets.json"
    tiers = [{"bracket": 1, "initialLeverage": 50, "notionalCap": 5000, "notionalFloor": 0,
              "maintMarginRatio": 0.01, "cum": 0.0}]  # fmt: skip
    file.write_text(json.dumps([{"symbol": "NEWCOINUSDT", "brackets": tiers}]))
    asked: list[str] = []
    monkeypatch.setattr(
        "marginlab.desktop.file_actions.QFileDialog.getOpenFileName",
        lambda _parent, title, folder, _filter: (
            asked.append(f"{title} | {folder}") or (str(file), "")
        ),
    )
    try:
        window.files.import_tiers()
        assert asked == [f"Import tier table | {window.files._folder()}"]
        said = window.statusBar().currentMessage()
        assert said == "binance-usdm: 1 symbol priced by brackets.json from now on"
        window.files.ask_import_path()  # the next venue answer: from the same folder
        assert asked[-1] == f"Import positions | {answers}"
    finally:
        for cache in (rule_table.cache_clear, usual_first_rate.cache_clear, clear_schedule_cache):
            cache()
    window.controller.undo_stack.setClean()


def test_an_imported_book_keeps_the_three_cards_in_view(qtbot, qapp, window: MainWindow) -> None:
    """The 12-position Hyperliquid account imported into a 1600 × 1000 window: its cards came
    wider than the brief's ("+1198.0 %"), the left column kept the width it had, and the
    All cross card's max loss and ratio were a horizontal scroll away, and every card's "Max
    loss if wrong" below the panel's edge. The left column gives way as it does when the
    window narrows, and the figures' pane takes the cards' height, so all three stand whole."""

    window.resize(1600, 1000)
    window._fit_splits()
    qapp.processEvents()
    panel = window.comparison
    assert panel.horizontalScrollBar().maximum() == 0
    _import_twelve_hyperliquid_positions(qtbot, window)
    qapp.processEvents()
    qapp.processEvents()
    assert len(window.controller.scenario.positions) == 12
    assert panel.horizontalScrollBar().maximum() == 0
    viewport = panel.viewport()
    cross = panel.cards["cross"]
    assert cross.mapTo(viewport, cross.rect().topRight()).x() <= viewport.width()
    for card in panel.cards.values():  # and each card's max loss in view, not below the edge
        top = card.account.mapTo(viewport, card.account.rect().topLeft()).y()
        assert card.account.text().startswith("<b>Max loss if wrong:")
        assert top >= 0 and top + card.account.fontMetrics().height() <= viewport.height()
    narrowed = window.panes.sizes()[0]
    window.files.load_preset("seed-example.json")  # another book: the width comes back
    wait_result(qtbot, window)
    qapp.processEvents()
    assert window.panes.sizes()[0] > narrowed
    window.controller.undo_stack.setClean()


def test_a_cancelled_import_keeps_the_scenario(qtbot, window: MainWindow) -> None:
    from pathlib import Path

    before = window.controller.scenario
    file = Path(__file__).parents[1] / "fixtures" / "venues" / "binance-positionrisk-v2-hedge.json"
    shown: list[list[str]] = []
    window.files.ask_import_path = lambda: str(file)
    window.files.ask_number = lambda *_, **__: None  # the user cancels the wallet question
    window.files.show_error = lambda title, lines: shown.append(lines)
    window.files.import_positions()
    assert window.controller.scenario is before
    assert shown == [["wallet: no wallet balance given"]]


def test_the_wallet_question_refuses_in_words_and_stays_open(qtbot, window: MainWindow) -> None:
    """Qt's number question greyed out OK without a word at a wallet below the least, and
    dropped "k" from "10k". Now the text stands, OK says why it is refused, under the field."""
    from PySide6.QtCore import Qt

    from marginlab.desktop.number_dialog import NumberDialog

    dialog = NumberDialog(window, "Wallet balance", "Wallet balance:", "Wallet balance", 4_240.0,
                          4_240.0, 2, " USDT")  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.edit.text() == "4240.00"
    for typed, said in (
        ("3000", "Wallet balance: at least 4,240.00 USDT"),
        ("10k", "Wallet balance: '10k' is not a number"),
        ("1e16", "Wallet balance: too large"),
    ):
        dialog.edit.selectAll()
        qtbot.keyClicks(dialog.edit, typed)
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.edit.text() == typed  # open, the text as typed
        assert dialog.problem.text() == said
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Backspace)  # "1e1": a change clears the refusal
    assert dialog.problem.text() == ""
    dialog.edit.selectAll()
    qtbot.keyClicks(dialog.edit, "12,500.5")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.value == 12_500.5


def test_the_symbol_cell_offers_the_rule_sets_symbols(qtbot, window: MainWindow) -> None:
    """Issue 14: typing part of a name offers every symbol of the table that contains it."""
    from PySide6.QtWidgets import QLineEdit

    index = window.model.index(0, FIELDS.index("symbol"))
    window.table.setCurrentIndex(index)
    window.table.edit(index)
    editor = window.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    completer = editor.completer()
    completer.setCompletionPrefix("pepe")
    offered = [
        completer.completionModel().index(i, 0).data()
        for i in range(completer.completionModel().rowCount())
    ]
    assert "1000PEPEUSDT" in offered and all("PEPE" in s for s in offered)
    assert window.form.table.text() == "binance-usdm ETHUSDT, bundled, as of 2026-07-02"


# --- issue 15: nothing half-typed is committed; refused values go back visibly ---------------


def test_a_refused_form_value_is_named_as_the_form_labels_it(qtbot, window: MainWindow) -> None:
    """The status line starts with the field's name, as its label reads: "entry price: 'abc'
    was not used" began in lower case beside "Wallet balance: …"."""
    for field, name in (
        (window.form.entry, "Entry price"),
        (window.form.size_field, "Size"),
        (window.account.fields["wallet_balance"], "Wallet balance"),
    ):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, "abc")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert window.statusBar().currentMessage().startswith(f"{name}: 'abc' was not used")


def test_a_half_typed_value_does_not_stay(qtbot, window: MainWindow) -> None:
    """Typing 1e20 in Size passes through 1e2 (valid); leaving the field must not keep 100."""
    window.table.selectRow(1)
    size = window.form.size_field
    before = window.controller.scenario.positions[1].quantity
    size.setFocus()
    size.selectAll()
    qtbot.keyClicks(size, "1e20")
    assert size.property("invalid")
    qtbot.keyClick(size, Qt.Key.Key_Return)
    assert window.controller.scenario.positions[1].quantity == before
    assert size.text() == window.form.size_field.text() and not size.property("invalid")
    message = window.statusBar().currentMessage()
    assert "'1e20' was not used" in message and "back to" in message


def test_the_pnl_header_follows_the_settlement_currency(qtbot, window: MainWindow) -> None:
    """Hyperliquid settles in USDC: the PnL column's header says so at once (it kept saying
    USDT, seen in the real app under Xvfb, until something else repainted the header)."""
    column = FIELDS.index("pnl")
    header = window.table.horizontalHeader()
    with qtbot.waitSignal(window.model.headerDataChanged, timeout=1000) as changed:
        assert window.controller.set_meta("rules", "hyperliquid")
    assert changed.args[1] <= column <= changed.args[2]
    assert window.model.headerData(column, Qt.Orientation.Horizontal) == "PnL (USDC)"
    assert header.sectionSize(column) >= header.sectionSizeHint(column)  # not elided
    window.controller.undo_stack.setClean()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_a_refused_symbol_goes_back_when_the_focus_leaves_from_its_list(
    qtbot, window: MainWindow, key: Qt.Key
) -> None:
    """A's symbol typed "SOLUSD" (refused: A has no MMR override, and Binance's table has no
    such contract), its list of symbols open (SOLUSDT, SOLUSDC), then Enter or Tab; the list
    closes and the table takes the focus: the edit ends, and A is ETHUSDT again, not the
    half-typed "SOLUSD". After Tab the field heard no focus-out of its own, and a GUI monkey run
    saw the edit stay open. (Until round 31 the refusal here was B's "ETHUSDT already has mark
    3000": a held symbol now brings its mark, ``test_a_held_symbol_brings_its_mark``.)"""
    window.table.selectRow(0)
    symbol = window.form.symbol
    symbol.setFocus()
    symbol.selectAll()
    qtbot.keyClicks(symbol, "SOLUSD")
    assert QApplication.activePopupWidget() is not None
    assert "has no tier table for 'SOLUSD'" in str(window.controller.problems)
    qtbot.keyClick(symbol, key)  # taken by the list of symbols, open under the field
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
    window.table.setFocus()
    qtbot.waitUntil(lambda: not symbol.editing, timeout=1000)
    assert window.controller.scenario.positions[0].symbol == "ETHUSDT"
    assert symbol.text() == "ETHUSDT"
    window.controller.undo_stack.setClean()


def test_a_held_symbol_brings_its_mark(qtbot, window: MainWindow) -> None:
    """The brief's A (ETHUSDT, mark 3,000) typed "btcusdt" in the form: A joins the book's
    BTCUSDT at B's mark, 50,000 (its entry, no mark given), and B's mark and figures stay.
    A kept its own mark before: one mark a symbol made it BTC's, and B read "past its
    liquidation price" at 3,000 after an edit of A. The field shows the keys as typed, then
    the symbol kept: the symbol rewritten after "btc" made "BTCUSDTusdt" of the rest."""
    before = evaluate(window.controller.scenario).variants["as_entered"].positions["B"]
    window.table.selectRow(0)
    symbol = window.form.symbol
    symbol.setFocus()
    symbol.selectAll()
    typed = "btcusdt"
    for end in range(1, len(typed) + 1):
        qtbot.keyClicks(symbol, typed[end - 1])
        assert symbol.text() == typed[:end]
    qtbot.keyClick(symbol, Qt.Key.Key_Return)
    assert symbol.text() == "BTCUSDT"
    scenario = window.controller.scenario
    assert [p.symbol for p in scenario.positions] == ["BTCUSDT", "BTCUSDT"]
    assert scenario.marks() == {"BTCUSDT": 50_000.0}
    assert scenario.positions[0].mark_price == 50_000.0
    assert evaluate(scenario).variants["as_entered"].positions["B"] == before
    # B with a mark of its own typed ETHUSDT (refused before round 31: "ETHUSDT already has
    # mark 3000"): B takes ETH's mark, and A stays where it is.
    window.controller.undo_stack.undo()
    assert window.controller.set_position(1, "mark_price", "60000")
    assert window.controller.set_position(1, "symbol", "ETHUSDT")
    assert window.controller.scenario.marks() == {"ETHUSDT": 3_000.0}
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    # A on BTCUSDT with the symbol's mark, 60,000, beside B's none (its entry, 50,000): A's
    # symbol typed again moves nothing.
    brief = window.controller.scenario
    marked = brief.positions
    window.controller.replace(
        brief.model_copy(
            update={
                "positions": (
                    marked[0].model_copy(update={"symbol": "BTCUSDT", "mark_price": 60_000.0}),
                    marked[1],
                )
            }
        )
    )
    assert window.controller.scenario.marks() == {"BTCUSDT": 60_000.0}
    assert window.controller.set_position(0, "symbol", "btcusdt")
    assert window.controller.scenario.marks() == {"BTCUSDT": 60_000.0}
    window.controller.replace(brief)
    # A typed on past the held symbol to one refused (no table, no override): the edit puts
    # back A's symbol and the mark it had when the edit began, not BTC's.
    assert window.controller.scenario.marks() == {"ETHUSDT": 3_000.0, "BTCUSDT": 50_000.0}
    symbol.setFocus()
    symbol.selectAll()
    qtbot.keyClicks(symbol, "btcusdtx")
    assert window.controller.scenario.positions[0].mark_price == 50_000.0  # BTC's, on the way
    qtbot.keyClick(symbol, Qt.Key.Key_Return)
    assert symbol.text() == "ETHUSDT"
    assert window.controller.scenario.marks() == {"ETHUSDT": 3_000.0, "BTCUSDT": 50_000.0}
    window.controller.undo_stack.setClean()


def test_spaces_typed_around_a_value_are_not_shown_once_it_is_used(
    qtbot, window: MainWindow
) -> None:
    """The currency is kept without the spaces typed around it: when the field is left, it
    shows the value kept, not the spaces (a monkey run found "  7 " shown beside "7")."""
    scenario = window.controller.scenario
    # A venue's rules fix the currency: the generic ones, with an MMR typed, leave it free.
    positions = [p.model_copy(update={"maintenance_rate": 0.01}) for p in scenario.positions]
    window.controller.replace(
        scenario.model_copy(update={"rules": "generic", "positions": tuple(positions)})
    )
    currency = window.account.fields["currency"]
    currency.setFocus()
    currency.selectAll()
    qtbot.keyClicks(currency, "  7 ")
    qtbot.keyClick(currency, Qt.Key.Key_Return)
    assert window.controller.scenario.account.currency == "7"
    assert currency.text() == "7"
    window.controller.undo_stack.setClean()


def test_a_refused_value_whose_old_value_is_no_longer_allowed_keeps_the_one_in_use(
    qtbot, window: MainWindow
) -> None:
    """MMR typed "1e12" (refused) passes through 10 % on the way; the rules are then turned to
    "generic", which needs an MMR (a wheel over the rules list changes them without taking the
    focus). Leaving the field cannot put back its empty value: the 10 % in use stays, shown in
    the field and said in the status line, with no problem left on screen (a GUI monkey run
    found the field empty beside an MMR of 10 %)."""
    scenario = window.controller.scenario
    window.controller.replace(scenario.model_copy(update={"positions": scenario.positions[:1]}))
    window.table.selectRow(0)
    rate = window.form.rate
    rate.setFocus()
    rate.selectAll()
    qtbot.keyClicks(rate, "1e12")  # "1e1" on the way: 10 %, used until the field is left
    assert rate.property("invalid")
    rules = window.account.rules
    rules.setCurrentIndex(rules.findText("generic", Qt.MatchFlag.MatchContains))
    window.account._on_rules_activated(rules.currentIndex())
    assert window.controller.scenario.rules == "generic"
    window.form.entry.setFocus()  # leaving the field
    assert window.controller.scenario.positions[0].maintenance_rate == pytest.approx(0.1)
    assert rate.text() == "10" and not rate.property("invalid")
    assert window.controller.problems == {}
    message = window.statusBar().currentMessage()
    assert "'1e12' was not used; 10 stays (empty is refused: required under rules" in message
    window.controller.undo_stack.setClean()


def test_a_value_refused_across_fields_goes_back_when_the_field_is_left(
    qtbot, window: MainWindow
) -> None:
    """Issue 15 item 3: Size 8 on ETH is refused (isolated margins above the wallet); moving
    on to Entry puts Size back visibly instead of dropping it silently later."""
    window.table.selectRow(1)  # B: BTCUSDT
    window.add_position()  # a new BTCUSDT position, margin = notional / leverage
    row = len(window.controller.scenario.positions) - 1
    window.table.selectRow(row)
    size, entry = window.form.size_field, window.form.entry
    before = window.controller.scenario.positions[row].quantity
    size.setFocus()
    size.selectAll()
    qtbot.keyClicks(size, "8")  # 8 BTC at 10x needs 40,000 of isolated margin
    assert size.property("invalid")
    entry.setFocus()  # leaving the field
    assert window.controller.scenario.positions[row].quantity == before
    assert size.text() == "0.01"
    message = window.statusBar().currentMessage()
    assert "'8' was not used (isolated margins add up to" in message
    # The wallet as the form labels it, not the file's path ("account.wallet_balance").
    assert "more than wallet balance 10,000.00 USDT)" in message
    # The new position's max loss is its margin, 50,000 × 0.01 / 10 = 50: to the cent, where
    # whole dollars would show a small one's as "0".
    row_in_card = list(evaluate(window.controller.scenario).variants["isolated"].positions)
    row = row_in_card.index("P1")
    qtbot.waitUntil(lambda: card_cell(window, "isolated", row, 3) is not None, timeout=2000)
    assert card_cell(window, "isolated", row, 3) == "50.00"
    window.controller.undo_stack.setClean()


def test_a_refused_cell_leaves_no_stale_error(qtbot, window: MainWindow) -> None:
    """Issue 15 item 4: 2500 typed in Lev.: the cell keeps 10 and no red message stays."""
    column = FIELDS.index("leverage")
    assert not window.model.setData(window.model.index(0, column), "2500")
    assert window.model.index(0, column).data() in ("10", 10, "10.0")
    assert window.problems.isHidden()
    assert "A Lev. ×: '2500' was not used" in window.statusBar().currentMessage()


def test_what_if_goes_where_you_type(qtbot, window: MainWindow) -> None:
    """Issue 15 item 1: 100,000 on a BTC axis is a rally to 100,000, not a clamp to the plot's
    edge; the plot grows to hold it. An impossible value is refused in words, text kept."""
    field = window.plot.what_if_value
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "100000")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the plot widens at once (no scheduling)
    assert window.plot.what_if.value() == 100_000
    x, _ = window.plot.curves["cross"].getData()
    assert x[-1] >= 100_000
    text = window.plot.readout.text()
    assert "What if BTCUSDT 100,000.00" in text and "liquidated" not in text
    field.selectAll()
    qtbot.keyClicks(field, "-5")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.plot.what_if.value() == 100_000  # nothing moved
    assert "a price must be above 0" in window.plot.readout.text()
    window.controller.set_axis("All symbols (%)")
    wait_result(qtbot, window)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "-150")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "a move must stay above −100 %" in window.plot.readout.text()
    assert field.cleanText().startswith("-150")  # kept as typed
    field.selectAll()
    qtbot.keyClicks(field, "99999")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.plot.what_if.value() == 99_999


def test_what_if_refuses_a_typo_in_words_instead_of_dropping_letters(
    qtbot, window: MainWindow
) -> None:
    """ "55k" typed in What if: the spin box dropped the "k" as it was typed, and Enter moved
    BTC to 55 USDT without a word. Every keystroke now stands; Enter refuses the text in
    words, keeps it as typed and moves nothing; leaving the field puts the last value back."""
    field = window.plot.what_if_value
    before = window.plot.what_if.value()
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "55k")
    assert field.cleanText().startswith("55k")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.plot.what_if.value() == before  # nothing moved
    assert "What if: '55k' is not a number; nothing moved" in html.unescape(
        window.plot.readout.text()
    )
    assert field.cleanText().startswith("55k")  # kept as typed, to correct
    window.table.setFocus()  # leaving the field
    assert field.value() == before and "k" not in field.cleanText()
    assert window.plot.what_if.value() == before
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "45000.123")  # more decimals than the box holds: taken, rounded
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.decimals() == 2
    assert window.plot.what_if.value() == 45_000.12
    assert window.statusBar().currentMessage() == "What if: 45000.123 taken as 45,000.12 USDT"


def test_space_toggles_the_mode_from_any_cell_of_the_row(qtbot, window: MainWindow) -> None:
    """Issue 15 item 13, as the README says: Space in any cell toggles that row's mode."""
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(1, FIELDS.index("quantity")))
    before = window.controller.scenario.positions[1].margin_mode
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    after = window.controller.scenario.positions[1].margin_mode
    assert {before, after} == {"isolated", "cross"}
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert window.controller.scenario.positions[1].margin_mode == before
    window.controller.undo_stack.setClean()


def test_new_starts_clean_and_copy_says_so(qtbot, window: MainWindow) -> None:
    """Issue 15 item 14."""
    window.files.copy_comparison()
    assert window.statusBar().currentMessage().startswith("Comparison copied: ")
    window.files.new()
    wait_result(qtbot, window)
    assert window.statusBar().currentMessage() == ""
    assert window.plot.what_if_value.cleanText() == ""
    window.controller.set_account("wallet_balance", "123")
    asked: list[str] = []
    import marginlab.desktop.file_actions as actions
    from marginlab.desktop.file_actions import FileActions

    def answer(*args):
        asked.append(args[2])
        return actions.QMessageBox.StandardButton.Discard

    original = actions.QMessageBox.question
    actions.QMessageBox.question = answer  # type: ignore[assignment]
    try:
        FileActions.ask_keep_changes(window.files)  # the real question, not the test's stub
    finally:
        actions.QMessageBox.question = original  # type: ignore[assignment]
    assert asked == ["Save the changes to “Untitled” (not saved yet) first?"]


def test_add_takes_the_selected_symbol_and_side_takes_buy_or_sell(
    qtbot, window: MainWindow
) -> None:
    """Issue 15 item 12: Add on the ETH row gives an ETH position at ETH's mark, not BTC at
    60,000; Side accepts Buy/Sell and any case."""
    window.table.selectRow(0)  # A: ETHUSDT at 3,000
    window.add_position()
    added = window.controller.scenario.positions[-1]
    assert (added.symbol, added.entry_price) == ("ETHUSDT", 3_000)
    row = len(window.controller.scenario.positions) - 1
    side = FIELDS.index("side")
    assert window.model.setData(window.model.index(row, side), "Sell")
    assert window.controller.scenario.positions[-1].side == "short"
    assert window.model.setData(window.model.index(row, side), "BUY")
    assert window.controller.scenario.positions[-1].side == "long"
    window.controller.undo_stack.setClean()


def test_a_symbol_typed_in_another_case_is_the_books_one_market(qtbot, window: MainWindow) -> None:
    """ "btcusdt" typed beside the book's BTCUSDT was another market to the engine: its own
    mark, and a BTC move left it still, so the "If BTCUSDT is wrong" line left it out. A
    symbol the book holds is taken as held; one it does not, as the venue's table spells it
    (Hyperliquid's kPEPE), else upper-case. The cell shows the spelling kept."""
    symbol = FIELDS.index("symbol")
    row = 0  # A: ETHUSDT, beside B: BTCUSDT
    assert window.model.setData(window.model.index(row, symbol), "btcusdt")
    wait_result(qtbot, window)
    scenario = window.controller.scenario
    assert [p.symbol for p in scenario.positions] == ["BTCUSDT", "BTCUSDT"]
    assert window.model.data(window.model.index(row, symbol)) == "BTCUSDT"
    assert scenario.symbols() == ["BTCUSDT"]  # one market, one mark
    assert window.model.setData(window.model.index(row, symbol), "solusdt")
    assert window.controller.scenario.positions[row].symbol == "SOLUSDT"  # Binance's table
    window.controller.set_meta("rules", "hyperliquid")
    assert window.model.setData(window.model.index(row, symbol), "kpepe")
    assert window.controller.scenario.positions[row].symbol == "kPEPE"  # Hyperliquid's own
    assert window.model.setData(window.model.index(1, symbol), "BTC")  # B, the coin alone
    assert window.model.setData(window.model.index(row, symbol), "BTCUSDT")
    assert window.controller.scenario.symbols() == ["BTC"]  # the book's BTC, one market
    window.controller.undo_stack.setClean()


def test_problems_speak_the_traders_words(qtbot, window: MainWindow) -> None:
    """Issue 15 item 5: "B size: must be above 0", not ``positions[1].quantity: must be > 0``;
    an MMR override in %, as typed."""
    column = FIELDS.index("quantity")
    window.model.setData(window.model.index(1, column), "-3")
    assert window.statusBar().currentMessage() == "B Quantity: '-3' was not used (must be above 0)"
    window.controller.set_position(1, "maintenance_rate", "150", scale=0.01)
    assert "B MMR override: must be below 100 %" in window.problems.text()
    assert "positions[" not in window.problems.text()


def test_the_banner_stays_compact_with_many_symbols(qtbot, window: MainWindow) -> None:
    """Issue 15 item 7: five symbols give five rows in a banner three rows tall that scrolls,
    so the cards' totals stay in view; a row unfolds into the positions it closes."""
    summary = window.comparison.summary
    height_with_two = summary.height()
    for symbol in ("SOLUSDT", "XRPUSDT", "DOGEUSDT"):
        add_cross_position(window, {"symbol": symbol, "entry_price": 1.0, "quantity": 10.0})
    wait_result(qtbot, window)
    assert [r[0] for r in summary.cell_texts() if r[0] != "also closes"] == [
        "ETHUSDT",
        "BTCUSDT",
        "SOLUSDT",
        "XRPUSDT",
        "DOGEUSDT",
    ]
    rows_tall = summary.height() - summary.header().sizeHint().height()
    assert summary.height() > height_with_two
    assert rows_tall < 4 * summary.sizeHintForRow(0)  # three rows, not five
    assert summary.verticalScrollBar().maximum() > 0
    first = summary.model().index(0, 0)
    assert not summary.isExpanded(first) and summary.model().rowCount(first) == 1
    summary.setCurrentIndex(first)
    qtbot.keyClick(summary, Qt.Key.Key_Right)
    assert summary.isExpanded(first)
    window.controller.undo_stack.setClean()


def test_the_currency_is_the_venues_settlement_currency(qtbot, window: MainWindow) -> None:
    """Issue 15 item 11: typing BTC on a USDT venue is refused in words; choosing Hyperliquid
    shows USDC, its settlement currency."""
    assert not window.controller.set_account("currency", "BTC")
    assert "binance-usdm settles in USDT" in window.problems.text()
    assert window.controller.scenario.account.currency == "USDT"
    window.controller.set_meta("rules", "hyperliquid")
    assert window.controller.scenario.account.currency == "USDC"
    window.controller.undo_stack.setClean()


def test_the_form_edits_the_mark_and_the_margin(qtbot, window: MainWindow) -> None:
    """Issue 15 item 12: the form edits the mark (every position of the symbol follows) and
    the isolated margin; empty means the default, shown as the field's placeholder."""
    window.table.selectRow(1)  # B: BTCUSDT, margin 2,000
    mark, margin = window.form.mark, window.form.margin
    assert margin.text() == "2000" and mark.text() == "" and mark.placeholderText()
    mark.setFocus()
    qtbot.keyClicks(mark, "48000")
    assert window.controller.scenario.marks()["BTCUSDT"] == 48_000
    margin.setFocus()
    margin.selectAll()
    qtbot.keyClicks(margin, "2500")
    assert window.controller.scenario.positions[1].margin == 2_500
    wait_result(qtbot, window)
    figures = window.controller.result.report.variants["isolated"].positions["B"]
    assert figures.initial_margin == 2_500 and figures.mark_price == 48_000
    window.controller.undo_stack.setClean()


def test_the_exported_picture_holds_the_whole_comparison(
    window: MainWindow, tmp_path: Path
) -> None:
    """Issue 15 item 15: cards, plot and loss bars under a title line, at twice the screen's
    resolution, fit for sharing."""
    from PySide6.QtGui import QImage

    png = tmp_path / "comparison.png"
    window.files.ask_save_path = lambda caption, suffix, *a: str(png)
    window.files.export_png()
    image = QImage(str(png))
    right = window._right
    assert image.width() == 2 * right.width()
    assert image.height() > 2 * right.height()  # the title line above the panels


def test_a_file_named_at_start_opens_and_save_as_suggests_the_registered_type(
    qtbot, settings, tmp_path: Path
) -> None:
    """`marginlab FILE` (and a double-click on a *.marginlab.json, which the .desktop entry
    turns into that) opens the file; Save As proposes the type the installed app registers."""
    target = tmp_path / "mine.marginlab.json"
    target.write_text(json.dumps(load_preset("hedged-pair.json").model_dump(mode="json")))
    win = build_window(settings, target, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(win)
    assert win.controller.path == target
    assert win.controller.scenario == load_preset("hedged-pair.json")
    asked: list[str] = []
    win.files.ask_save_path = lambda caption, suffix, *a: asked.append(suffix) or ""
    win.files.save_as()
    assert asked == [".marginlab.json"]
    win.controller.undo_stack.setClean()


def test_a_wide_figure_out_of_sight_still_sets_its_column(
    qtbot, window: MainWindow, tmp_path
) -> None:
    """The cards show six rows and scroll; a figure further down is measured all the same
    (Qt's own ``sizeHintForColumn``, which reads every row, is the judge). Its long ID is cut
    where the three cards would not fit whole beside the left column, its mode kept: the
    cards no longer scroll sideways for a name."""
    positions = [
        {
            "id": f"P{i}",
            "symbol": "BTCUSDT",
            "side": "long",
            "quantity": 0.01,
            "entry_price": 60_000,
            "mark_price": 60_000,
            "leverage": 10,
            "margin_mode": "isolated",
        }
        for i in range(40)
    ]
    positions[33].update(id="a much longer position name", quantity=900, leverage=2)
    document = {
        "format": "marginlab.scenario",
        "version": 2,
        "name": "wide figure at row 34",
        "rules": "binance-usdm",
        "account": {"wallet_balance": 100_000_000, "currency": "USDT"},
        "positions": positions,
    }
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert window.files.open_path(path, ask=False)
    wait_result(qtbot, window)
    for card in window.comparison.cards.values():
        table, header = card.table, card.table.horizontalHeader()
        assert table.rowCount() == 40
        assert table.rowAt(table.viewport().height() - 1) < 33  # out of sight
        for column in range(1, table.columnCount()):
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert header.sectionSize(column) >= needed, (card.name, column)
        index = table.model().index(33, 0)
        name, mode = str(table.model().data(index)).split("·")
        shown = shown_position(table, index)
        # The mode stays where the card mixes them (As entered); where its title gives it
        # (All isolated, All cross), it goes before any of the ID.
        kept = shown.removesuffix(f"·{mode}") if card.name == "as_entered" else shown
        assert shown == f"{name}·{mode}" or _cut_from(kept, name), shown
        assert card.name != "as_entered" or shown.endswith(f"·{mode}"), shown
        assert len(kept.removesuffix("…")) >= len("BTCUSDT") - 2, shown
    assert not window.comparison.horizontalScrollBar().isVisible()


def _cut_from(shown: str, name: str) -> bool:
    """Whether ``shown`` is ``name`` whole, or cut at its end ("ETHUSDT-s…")."""
    return shown == name or (shown.endswith("…") and name.startswith(shown.removesuffix("…")))


def test_the_first_frame_after_a_keystroke_shows_its_figures(qtbot, qapp, window) -> None:
    """The window paints only once the engine has answered the keystroke: a trader never sees
    a frame with the typed digit beside the figures of before."""
    window.table.selectRow(1)
    field = window.form.size_field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0.")
    qapp.processEvents()
    log: list[str] = []

    class PaintLog(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                log.append("paint")
            return False

    spy = PaintLog()
    window.controller.resultChanged.connect(lambda _: log.append("result"))
    qapp.installEventFilter(spy)
    try:
        qtbot.keyClick(field, "7")
        qapp.processEvents()
    finally:
        qapp.removeEventFilter(spy)
    assert window.controller.scenario.positions[1].quantity == pytest.approx(0.7)
    assert "result" in log and "paint" in log  # the edit painted (offscreen windows paint)
    assert log.index("result") < log.index("paint")
    assert_shows_engine_figures(window)


def test_an_edit_validates_the_row_it_changes_and_keeps_the_others(qtbot, window) -> None:
    """A keystroke in a big book validates the position typed in and the account's rules;
    the other positions are the ones already validated (and the engine's caches know them)."""
    controller = window.controller
    before = controller.scenario.positions
    assert controller.set_position(1, "quantity", "0.9")
    after = controller.scenario.positions
    assert after[1].quantity == pytest.approx(0.9)
    assert after[0] is before[0]
    assert not controller.set_position(1, "leverage", "0")
    assert "positions[1].leverage" in controller.problems
    assert not controller.set_position(0, "id", after[1].id)
    assert "positions[0].id" in controller.problems  # on the row typed in
    # The account's own rules: its isolated margins must fit the wallet.
    row = next(i for i, p in enumerate(after) if p.margin_mode == "isolated")
    wallet = controller.scenario.account.wallet_balance
    assert not controller.set_position(row, "margin", str(2 * wallet))
    assert "isolated margins add up to" in controller.problems["positions"]
    assert controller.scenario.positions == after  # the last valid state stays
    assert controller.set_position(0, "mark_price", "61000")
    marks = {p.mark_price for p in controller.scenario.positions if p.symbol == after[0].symbol}
    assert marks == {61_000}


def test_a_refusal_names_other_positions_by_their_ids(qtbot, window) -> None:
    """A trader typing in row A reads about the other positions by name, never as the file's
    ``positions[0]``; an ID another position has is refused on the row typed in."""
    refused: list[str] = []
    window.model.refused.connect(refused.append)
    model = window.model
    assert not model.setData(model.index(0, 0), "B")
    assert refused[-1] == "A ID: 'B' was not used (another position has this ID)"
    assert [p.id for p in window.controller.scenario.positions] == ["A", "B"]
    # The engine's refusal of two marks for one symbol, as a file gets it (typed in the window,
    # a held symbol brings its mark since round 31): read with the positions by their IDs.
    document = window.controller.scenario.model_dump(mode="json")
    document["positions"][1].update(symbol="ETHUSDT", mark_price=60_000)
    with pytest.raises(ValidationError) as error:
        Scenario.model_validate(document)
    text = trader_words(format_errors(error.value)[0], window.controller.scenario)
    assert text == "B mark: ETHUSDT already has mark 3000 in A"


def _rows_in_view(table) -> float:  # type: ignore[no-untyped-def]
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_the_table_shows_a_books_rows_and_the_form_scrolls_below(
    qtbot, qapp, window: MainWindow, tmp_path
) -> None:
    """The brief's two positions are both in view whole; a book of 60 opens with 5 rows in
    view (one row at 1600 × 960 when the form took its whole height), and the form scrolls
    in the room left (half the height at least, on a laptop). Once the trader drags the
    split, opening a book leaves it there."""
    table = window.table
    assert table.viewport().height() >= 2 * table.verticalHeader().defaultSectionSize()
    assert not table.verticalScrollBar().isVisible()
    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(60)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    qapp.processEvents()
    assert 5 <= _rows_in_view(table) < 6
    form_area = window.split.form_area
    assert form_area.widget() is window.form
    assert form_area.verticalScrollBar().maximum() > 0  # the rest of the form, a scroll away
    window.resize(1366, 688)  # a laptop: the form keeps half the height, the table 2 rows+
    window.files.open_path(path, ask=False)
    qapp.processEvents()
    table_part, form_part = window.split.sizes()
    assert table_part <= form_part + 1 and _rows_in_view(table) >= 2
    viewport = form_area.viewport()
    for field in (window.form.amount, window.form.symbol):  # e.g. reached by Alt+letter
        field.setFocus()
        qapp.processEvents()
        top_left = field.mapTo(viewport, field.rect().topLeft())
        assert viewport.rect().contains(top_left), field.accessibleName()  # scrolled to
    window.split.moveSplitter(window.split.sizes()[0] + 90, 1)  # what dragging the handle does
    dragged = window.split.sizes()
    window.files.load_preset("seed-example.json")
    qapp.processEvents()
    # The handle stays where dragged: the table keeps its part (the form below takes any
    # height the account's fields above leave it).
    assert window.split.sizes()[0] == dragged[0]
    window.controller.undo_stack.setClean()


def test_a_scroll_bar_that_comes_later_does_not_cover_the_last_row(
    qapp, qtbot, window: MainWindow
) -> None:
    """On a short window, A's entry typed as 150 makes its PnL "+28,500.00": the columns grew past
    the table's width, the horizontal scroll bar came, and it covered half of B's row (the
    fit made at opening had no bar to count). The split now makes room for it."""
    window.resize(1900, 688)
    window.files.load_preset("seed-example.json")
    qapp.processEvents()
    window.panes.chosen = window._left_wanted()  # as the window's first fit: no bar to spare
    window.panes.fit(window.panes.width())
    window._fit_table_rows()
    qapp.processEvents()
    table = window.table
    bar = table.horizontalScrollBar()
    rows = 2 * table.verticalHeader().defaultSectionSize()
    assert bar.maximum() == 0 and table.viewport().height() >= rows
    window.controller.set_position(0, "entry_price", "150")
    wait_result(qtbot, window)
    qapp.processEvents()
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    qapp.processEvents()
    assert table.viewport().height() >= rows  # B's row whole above the bar
    window.controller.undo_stack.undo()
    wait_result(qtbot, window)
    qapp.processEvents()
    assert table.viewport().height() >= rows
    window.controller.undo_stack.setClean()


def test_the_equity_axis_title_stands_whole_on_a_laptop(qapp, qtbot, window: MainWindow) -> None:
    """1280 × 720 (660 px of window): the plot's left title "Account equity (USDT)" ran past
    the plot's top and read "(USD". It reads "Equity (USDT)", as the replay's, and fits."""
    _preset_laid_out(qtbot, qapp, window, "seed-example.json", 1280, 660)
    axis = window.plot.plot.getAxis("left")
    assert axis.labelText == "Equity (USDT)"
    assert axis.label.boundingRect().width() <= axis.size().height()  # drawn turned a quarter
    window.controller.undo_stack.setClean()


def test_a_short_window_keeps_each_cards_max_loss_in_view(
    qapp, window: MainWindow, tmp_path
) -> None:
    """1280 × 720 with a 60-position book: six rows a card pushed each card's "Max loss if
    wrong" below the panel's edge, out of view. A short window's cards show three rows at
    most (their tables scroll; two while their text would be cut at the pane's edge), and
    that first line stays in view; a tall window keeps six."""
    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(60)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    window.resize(1280, 660)
    window._fit_splits()  # as the window's first layout does at this size
    qapp.processEvents()
    panel = window.comparison
    viewport = panel.viewport()
    for card in panel.cards.values():
        assert card.table.rows_shown in (2, 3)
        assert card.table.verticalScrollBar().maximum() > 0  # the others, a scroll away
        top = card.account.mapTo(viewport, card.account.rect().topLeft()).y()
        assert card.account.text().startswith("<b>Max loss if wrong:")  # its first line
        assert top >= 0 and top + card.account.fontMetrics().height() <= viewport.height()
    # The Calculator tab opened: its fields asked for their height, took it from the cards
    # and hid their max loss again. It scrolls instead, and the headlines stay.
    window.views.setCurrentWidget(window.calculator)
    qapp.processEvents()
    for card in panel.cards.values():
        top = card.account.mapTo(viewport, card.account.rect().topLeft()).y()
        assert top >= 0 and top + card.account.fontMetrics().height() <= viewport.height()
    window.views.setCurrentIndex(0)
    window.resize(1600, 1000)
    window._fit_splits()
    assert all(card.table.rows_shown == 6 for card in panel.cards.values())
    window.controller.undo_stack.setClean()


def test_a_short_window_keeps_the_plot_readable_beside_a_big_books_lists(
    qapp, window: MainWindow, tmp_path
) -> None:
    """1280 × 720 with a 500-position book: the numbered lines' list under the plot ran to
    four lines, the readout to two, and the plot between them was 30 px tall. The list takes
    two lines at most, the plot keeps its minimum height, nothing draws over anything, and
    each card's "Max loss if wrong" is still in view."""
    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(500)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    window.resize(1280, 660)
    window._fit_splits()
    for _ in range(3):
        qapp.processEvents()
    plot, listed, readout = window.plot.plot, window.plot.line_list, window.plot.readout
    assert listed.isVisible() and listed.text().count("\n") == 1
    assert plot.height() >= PLOT_MIN_HEIGHT
    assert plot.geometry().bottom() < listed.geometry().top()
    assert listed.geometry().bottom() < readout.geometry().top()
    assert readout.height() >= readout.heightForWidth(readout.width())
    viewport = window.comparison.viewport()
    for card in window.comparison.cards.values():
        top = card.account.mapTo(viewport, card.account.rect().topLeft()).y()
        assert top >= 0 and top + card.account.fontMetrics().height() <= viewport.height()
    window.controller.undo_stack.setClean()


def test_a_card_of_a_big_book_shows_its_last_column_whole(qapp, window: MainWindow, tmp_path):
    """A card of more than 6 positions scrolls its rows: the scroll bar's width is added to
    the card's, so the last column (the margin ratio) is not cut ("≥ 100 '" for "≥ 100 %")."""
    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(12)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    qapp.processEvents()
    for card in window.comparison.cards.values():
        table, header = card.table, card.table.horizontalHeader()
        assert table.verticalScrollBar().isVisible()
        for column in range(table.columnCount()):
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert header.sectionSize(column) >= needed, (card.name, column)
        assert header.length() <= table.viewport().width(), card.name  # every column in view
    window.controller.undo_stack.setClean()


def test_the_start_line_is_todays_equity_as_entered(qtbot, window: MainWindow) -> None:
    """ETH marked at 2,600 in the brief: A (10 ETH long from 3,000 on 3,000 isolated) is 1,000
    below its margin, a loss the venue's insurance fund takes, so its pool counts 0; B holds
    its 2,000 and the rest of the wallet 5,000: today's equity as entered is 7,000, what the
    As entered card says, and the start line and the limit line (2,500 below) read from it.
    All cross, where A's loss lands on the wallet, has 6,000."""
    window.controller.set_position(0, "mark_price", "2600")
    wait_result(qtbot, window)
    report = window.controller.result.report
    assert report.variants["cross"].account.equity_now == pytest.approx(6_000)
    assert window.plot.start_line.value() == pytest.approx(7_000)
    assert "start equity 7,000.00 USDT" in window.plot.start_line.label.format
    assert window.plot.limit_line.value() == pytest.approx(4_500)
    assert "Equity now 7,000.00 USDT" in window.comparison.cards["as_entered"].account.text()
    window.controller.undo_stack.setClean()


def test_the_limit_line_stands_in_the_view_where_the_curves_stay_above_it(
    qtbot, qapp, window: MainWindow
) -> None:
    """The hedged pair (5,000, max acceptable loss 1,500): no curve comes down to 3,500, the
    view's height ended at about 4,800, and the limit's line stood below the plot with half
    its label showing at the bottom edge. The view takes the limit's level in."""
    window.files.load_preset("hedged-pair.json")
    wait_result(qtbot, window)
    qapp.processEvents()
    plot = window.plot
    assert plot.limit_line.value() == pytest.approx(3_500)
    low, high = plot.plot.getPlotItem().vb.viewRange()[1]
    assert low <= 3_500 <= high
    window.controller.undo_stack.setClean()


def test_the_start_and_limit_labels_never_overlap(qtbot, qapp, window: MainWindow) -> None:
    """Lines closer than a label's height wrote "max acceptable loss …" over "start equity …":
    the brief's A on BTCUSDT at 50,000 (equity 480,000 against a limit of 2,500, seen in the
    real app), and the brief's own example in a laptop's window, whose plot is short. The
    limit's label then stands below its line (or at the left end, where below would leave the
    plot); both stay whole inside the plot, also with the lines far apart."""
    plot = window.plot
    view = plot.plot.getPlotItem().vb

    def apart_and_inside() -> None:
        qapp.processEvents()
        box = view.sceneBoundingRect()
        start = plot.start_line.label.sceneBoundingRect()
        limit = plot.limit_line.label.sceneBoundingRect()
        assert not start.intersects(limit), (start, limit)
        for label in (start, limit):
            assert box.top() <= label.top() and label.bottom() <= box.bottom() + 1, (box, label)
            assert box.left() <= label.left() and label.right() <= box.right() + 1, (box, label)

    apart_and_inside()
    window.resize(1366, 688)
    apart_and_inside()
    assert window.controller.set_position(0, "symbol", "BTCUSDT")
    wait_result(qtbot, window)
    assert plot.start_line.value() - plot.limit_line.value() == pytest.approx(2_500)
    apart_and_inside()
    window.resize(1600, 1000)
    apart_and_inside()
    window.controller.undo_stack.setClean()


def test_labels_placed_on_a_new_range_are_clear_of_what_if(qapp, window: MainWindow, tmp_path):
    """A 60-position book opened in a laptop's window: the labels were placed on the view's
    range change, while "what if …" still stood where the last range put it (pyqtgraph moves
    it at the paint), and the first liquidation label was written over it."""
    window.resize(1366, 688)
    qapp.processEvents()
    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(60)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    for _ in range(3):
        qapp.processEvents()
    plot = window.plot
    what_if = plot.what_if.label.sceneBoundingRect()
    labels = [
        line.label.sceneBoundingRect()
        for line in plot.liquidation_lines
        if line.isVisible() and line.label.isVisible()
    ]
    assert labels
    for rect in labels:
        assert not rect.intersects(what_if), (rect, what_if)
    window.controller.undo_stack.setClean()


def test_no_liquidation_label_is_written_over_another_or_the_what_if_label(
    qapp, window: MainWindow, tmp_path
) -> None:
    """A book with positions past liquidation at the mark, where the what-if line stands, on a
    laptop's short plot (91 px: its label heights lie 11 px apart, a label is 22 px tall): no
    two labels overlap, and none overlaps "what if …", on whichever side of its line that
    label stands (pyqtgraph picks the side; an X window put it where the liquidations' are)."""
    window.resize(1366, 688)
    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(60)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    qapp.processEvents()
    plot = window.plot
    # The plot 91 px tall, as the trader's drag of the cards' edge leaves it: opened, the
    # book's cards take the room their max loss needs, and the plot keeps less.
    sizes = window._right.sizes()
    more = 91 - plot.plot.getPlotItem().vb.sceneBoundingRect().height()
    window._right.setSizes([sizes[0] - int(more), sizes[1] + int(more), sizes[2]])
    qapp.processEvents()
    assert abs(plot.plot.getPlotItem().vb.sceneBoundingRect().height() - 91) <= 2
    for side in ((1, 0.5), (0, 0.5)):  # the what-if label left, then right of its line
        plot.what_if.label.anchors = [side, side]
        plot._place_labels()
        qapp.processEvents()
        rects = [plot.what_if.label.sceneBoundingRect()] + [
            line.label.sceneBoundingRect()
            for line in plot.liquidation_lines
            if line.isVisible() and line.label.isVisible()
        ]
        assert len(rects) >= 3  # the what-if's and two at least at its price
        for i, a in enumerate(rects):
            for b in rects[i + 1 :]:
                assert not a.intersects(b), (a, b)
    window.controller.undo_stack.setClean()


def _clear_of_every_other_line(plot) -> None:
    """No visible liquidation label crosses the what-if line (unless its own line stands
    there) nor the what-if, start-equity or max-acceptable-loss labels, and each lies
    inside the plot, as does "what if …" (its top was cut off on a short plot)."""
    view = plot.plot.getPlotItem().vb
    box = view.sceneBoundingRect()
    what_if_x = view.mapViewToScene(pg.Point(plot.what_if.value(), 0)).x()
    others = [
        line.label.sceneBoundingRect()
        for line in (plot.what_if, plot.start_line, plot.limit_line)
        if line.isVisible() and line.label.isVisible()
    ]
    labels = [
        (view.mapViewToScene(pg.Point(line.value(), 0)).x(), line.label.sceneBoundingRect())
        for line in plot.liquidation_lines
        if line.isVisible() and line.label.isVisible()
    ]
    assert labels
    what_if = plot.what_if.label.sceneBoundingRect()
    assert box.top() <= what_if.top() and what_if.bottom() <= box.bottom(), (what_if, box)
    for x, rect in labels:
        assert box.left() <= rect.left() and rect.right() <= box.right(), (rect, box)
        if abs(x - what_if_x) > 4:
            assert not rect.left() - 4 <= what_if_x <= rect.right() + 4, (rect, what_if_x)
        for other in others:
            assert not rect.intersects(other), (rect, other)


def test_liquidation_labels_stand_clear_of_the_what_if_line_as_it_moves(
    qapp, window: MainWindow
) -> None:
    """The brief's example on a laptop: "B liquidated (entered/iso) at 45,180.72" ran across
    the what-if line at 50,000, its text struck through by the line. Each label now takes the
    side of its line (or a height) where no line or other label crosses it, wherever the
    what-if line is dragged to, and still names its liquidation."""
    window.resize(1366, 688)
    qapp.processEvents()
    plot = window.plot
    for x in (50_000, 46_000, 45_180.72, 30_000, 25_000, 60_000):
        plot.what_if.setValue(x)
        qapp.processEvents()
        _clear_of_every_other_line(plot)
        texts = [label for label, _ in plot.line_positions()]
        assert " B liquidated (entered/iso) at 45,180.72" in texts


def test_the_what_if_label_reads_right_of_its_line_wherever_the_view_is_centred(
    qapp, window: MainWindow
) -> None:
    """The what-if line opens at the mark, the view's centre: pyqtgraph put "what if" on the
    side of the centre, so a pixel's difference in the range sent it left of the line and the
    liquidation labels to other places. It reads right of its line; left only where it would
    run past the plot's right edge."""
    plot = window.plot
    view = plot.plot.getPlotItem().vb
    label = plot.what_if.label
    for centre_offset in (-1.0, 1.0):  # the centre a hair left, then a hair right of the line
        view.setXRange(30_000 + centre_offset, 70_000 + centre_offset, padding=0)
        qapp.processEvents()
        line_x = view.mapViewToScene(pg.Point(plot.what_if.value(), 0)).x()
        assert plot.what_if.value() == 50_000
        assert label.sceneBoundingRect().left() >= line_x - 1, centre_offset
    view.setXRange(10_000, 50_200, padding=0)  # the line near the right edge: the label left
    qapp.processEvents()
    line_x = view.mapViewToScene(pg.Point(plot.what_if.value(), 0)).x()
    assert label.sceneBoundingRect().right() <= line_x + 1


def test_rules_refused_are_said_and_leave_no_field_marked(qtbot, window: MainWindow) -> None:
    """Generic rules need each position's MMR, which the brief's A has none of: the rules stay
    binance-usdm, the status line says why generic were not used, and no field is marked (the
    MMR field was left red, "required under rules 'generic'", beside the rules in use)."""
    box = window.account.rules
    generic = box.findText("generic")
    box.setCurrentIndex(generic)
    box.activated.emit(generic)
    assert box.currentText() == "binance-usdm"
    assert window.controller.scenario.rules == "binance-usdm"
    assert window.statusBar().currentMessage() == (
        "Rules: generic not used (A MMR override: required under rules 'generic' (type an MMR "
        "override)); still binance-usdm"
    )
    assert window.controller.problems == {} and not window.problems.isVisible()
    window.table.selectRow(0)
    assert not window.form.rate.property("invalid")


def test_an_old_tier_table_s_warning_leaves_the_positions_table_its_rows(
    qtbot, qapp, window: MainWindow, monkeypatch
) -> None:
    """1280 × 720, a Hyperliquid book whose bundled tiers are 14 months old: the whole
    warning, wrapped in the account column, took seven lines and left the positions table
    one row. The label says the date and age in two lines at most; the tooltip has the whole
    warning; the table shows two rows and more."""
    from datetime import date, timedelta

    from marginlab.desktop import account_panel
    from marginlab.engine.margin.rules import table_info

    as_of = table_info("hyperliquid")["as_of"]
    later = date.fromisoformat(as_of) + timedelta(days=425)  # 14 months of 30 days, and 5

    class Later(date):
        @classmethod
        def today(cls) -> date:
            return later

    monkeypatch.setattr(account_panel, "date", Later)
    _import_twelve_hyperliquid_positions(qtbot, window)
    window.resize(1280, 660)
    window._fit_splits()
    for _ in range(3):
        qapp.processEvents()
    label = window.account.stale
    assert label.full_text() == f"⚠ Tiers as of {as_of}, 14 months old"
    assert label.toolTip().startswith(f"⚠ Hyperliquid tiers are from {as_of}, 14 months ago")
    assert label.height() <= 2 * label.fontMetrics().lineSpacing() + 4
    assert label.text().replace("\n", " ") == label.full_text()  # its date and age whole
    table = window.table
    assert table.viewport().height() >= 2 * table.rowHeight(0)


def test_an_import_of_one_position_says_one_position(qtbot, window: MainWindow, tmp_path) -> None:
    """The status read "Imported 1 positions from …"."""
    fixture = (
        Path(__file__).parents[1] / "fixtures" / "venues" / "binance-positionrisk-v2-hedge.json"
    )
    rows = json.loads(fixture.read_text(encoding="utf-8"))
    file = tmp_path / "one.json"
    file.write_text(json.dumps(rows[:1]), encoding="utf-8")
    window.files.ask_import_path = lambda: str(file)
    window.files.ask_number = lambda *args, **kwargs: 10_000.0
    window.files.import_positions()
    wait_result(qtbot, window)
    assert len(window.controller.scenario.positions) == 1
    assert window.statusBar().currentMessage() == "Imported 1 position from one.json"
    window.controller.undo_stack.setClean()


def test_an_import_plots_its_largest_position(qtbot, window: MainWindow) -> None:
    """The 12-position Hyperliquid import plotted ENA, the venue's last listed and among its
    smallest (2,040 USDC): the plot starts on the symbol worth the most, read from the venue's
    own ``positionValue``, and the status says why."""
    file = (
        Path(__file__).parents[1]
        / "fixtures"
        / "venues"
        / "hyperliquid-clearinghouse-12-cross.json"
    )
    rows = json.loads(file.read_text(encoding="utf-8"))["assetPositions"]
    largest = max(rows, key=lambda row: float(row["position"]["positionValue"]))
    expected = largest["position"]["coin"]
    assert expected != rows[-1]["position"]["coin"]  # the old pick would not pass
    _import_twelve_hyperliquid_positions(qtbot, window)
    assert window.controller.axis == expected
    assert window.plot.axis.currentData() == expected  # the box says so too
    assert window.statusBar().currentMessage().endswith(f"; the plot shows {expected}, the largest")
    window.controller.undo_stack.setClean()


def test_a_twelve_position_import_keeps_the_three_cards_side_by_side_on_a_laptop(
    qtbot, qapp, window: MainWindow
) -> None:
    """1280 × 720, the real 12-position Hyperliquid account: the cards needed 1,072 px beside
    the narrowest left column and had 992, so All cross stood under a sideways scroll bar.
    Every figure stays whole; All isolated and All cross give up their IDs' mode first (their
    titles give it), As entered keeps each row's."""
    _import_twelve_hyperliquid_positions(qtbot, window)
    window.resize(1280, 660)
    window._fit_splits()
    for _ in range(3):
        qapp.processEvents()
    panel = window.comparison
    assert panel.horizontalScrollBar().maximum() == 0
    for card in panel.cards.values():
        table, header = card.table, card.table.horizontalHeader()
        for column in range(1, table.columnCount()):
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert header.sectionSize(column) >= needed, (card.name, column)
        for row in range(table.model().rowCount()):
            index = table.model().index(row, 0)
            name, _, mode = str(table.model().data(index)).rpartition("·")
            shown = shown_position(table, index)
            if card.name == "as_entered":
                assert shown == f"{name}·{mode}", shown
            else:
                assert shown in (name, f"{name}·{mode}"), shown
    window.controller.undo_stack.setClean()


def _import_twelve_hyperliquid_positions(qtbot, window: MainWindow) -> None:
    """File > Import positions with the real 12-position Hyperliquid cross account."""
    file = (
        Path(__file__).parents[1]
        / "fixtures"
        / "venues"
        / "hyperliquid-clearinghouse-12-cross.json"
    )
    window.files.ask_import_path = lambda: str(file)
    window.files.import_positions()
    wait_result(qtbot, window)


def test_a_long_account_name_does_not_widen_the_window_past_a_laptop_screen(
    qtbot, qapp, window: MainWindow
) -> None:
    """The two-accounts preset at 1280 × 720: the account picker asked for the width of its
    longest name ("1. USDT account with a BTCUSDT short, beside a BTC-margined long (USDT)"),
    the window could not be narrower than 1,491 px, and the All cross card, the plot's right
    side and the bars were off the screen. The picker shows what fits; its list and its
    tooltip name the account whole."""
    _preset_laid_out(qtbot, qapp, window, "two-accounts.json", 1280, 660)
    assert window.minimumSizeHint().width() <= 1280
    assert window.width() <= 1280
    viewport = window.comparison.viewport()
    cross = window.comparison.cards["cross"]
    assert cross.mapTo(viewport, cross.rect().topRight()).x() <= viewport.width()
    picker = window.account.accounts
    assert picker.itemText(0).startswith("1. USDT account with a BTCUSDT short")
    assert picker.itemText(0) in picker.toolTip()


def test_the_wallet_asked_for_an_import_is_at_least_its_isolated_margins(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """The Bybit list gives no wallet: the question offered 0.000000, and accepting it ended
    in "isolated margins add up to 600.00, more than account.wallet_balance 0.00". The box
    now takes no less than the 600 the isolated position holds, and offers every position's
    margin in whichever mode holds more (about 600 each, Bybit's fee to close in it):
    accepted, the book opens with no card saying its margins exceed the wallet or the cross
    pool."""
    from PySide6.QtWidgets import QDialog

    from marginlab.desktop.number_dialog import NumberDialog

    file = Path(__file__).parents[1] / "fixtures" / "venues" / "bybit-v5-position-list.json"
    window.files.ask_import_path = lambda: str(file)
    asked: list[tuple] = []

    def accept_the_offer(dialog: NumberDialog) -> QDialog.DialogCode:
        asked.append((dialog.question.text(), float(dialog.edit.text()), dialog.least,
                      dialog.decimals))  # fmt: skip
        dialog.accept()  # OK, as offered
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NumberDialog, "exec", accept_the_offer)
    window.files.import_positions()
    wait_result(qtbot, window)
    ((label, value, least, decimals),) = asked
    assert (least, decimals) == (600.0, 2) and 1_200 < value < 1_210
    assert "at least 600.00 USDT, the margin its isolated positions hold" in label
    assert window.controller.scenario.account.wallet_balance == value
    assert len(window.controller.scenario.positions) == 2
    for card in window.comparison.cards.values():
        assert "wallet" not in card.warnings.toolTip()
        assert "cross pool" not in card.warnings.toolTip()
    window.controller.undo_stack.setClean()


def test_an_isolated_margin_of_whole_cents_is_the_least_wallet_to_the_cent(
    qtbot, window: MainWindow, monkeypatch, tmp_path
) -> None:
    """A Binance export whose isolated position holds 128.05 USDT (its isolatedWallet), and
    no wallet: the question asked for at least 128.06, since 128.05 × 100 is 12,805.000…02 in
    floats and was rounded up, and refused the 128.05 the position holds. It now takes
    128.05, and the book opens on it."""
    from PySide6.QtWidgets import QDialog

    from marginlab.desktop.number_dialog import NumberDialog

    source = Path(__file__).parents[1] / "fixtures" / "venues" / "binance-positionrisk-v3.json"
    rows = json.loads(source.read_text())
    rows[0]["isolatedWallet"] = "128.05"  # isolated: the margin put in
    file = tmp_path / "positions.json"
    file.write_text(json.dumps(rows))
    window.files.ask_import_path = lambda: str(file)
    asked: list[tuple] = []

    def type_the_least(dialog: NumberDialog) -> QDialog.DialogCode:
        asked.append((dialog.question.text(), dialog.least))
        dialog.edit.setText("128.05")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NumberDialog, "exec", type_the_least)
    window.files.import_positions()
    wait_result(qtbot, window)
    ((label, least),) = asked
    assert 128.05 * 100 > 12_805  # the float the old rounding read up
    assert least == 128.05
    assert "at least 128.05 USDT, the margin its isolated positions hold" in label
    assert window.controller.scenario.account.wallet_balance == 128.05
    assert window.controller.scenario.positions[0].margin_mode == "isolated"
    window.controller.undo_stack.setClean()


def test_a_symbol_without_a_table_is_offered_the_rate_most_symbols_start_at(
    qtbot, window: MainWindow, monkeypatch, tmp_path
) -> None:
    """Importing a position in a symbol the bundled table lacks asks for its maintenance
    rate. The box offered 0.000000, and a rate of 0 never liquidates the position: its max
    loss if wrong then read as if no price could close it. It now offers the rate most of the
    venue's symbols start at (the median first tier of the bundled table, read here from
    the file itself) and takes nothing below 0.001 %."""
    from PySide6.QtWidgets import QDialog

    from marginlab.desktop.number_dialog import NumberDialog

    source = Path(__file__).parents[1] / "fixtures" / "venues" / "binance-positionrisk-v3.json"
    rows = json.loads(source.read_text())
    rows[0]["symbol"] = "NOSUCHUSDT"
    file = tmp_path / "positions.json"
    file.write_text(json.dumps(rows))
    table = Path(__file__).parents[2] / "resources" / "rules" / "binance-usdm.json"
    firsts = sorted(tiers[0]["rate"] for tiers in json.loads(table.read_text())["symbols"].values())
    window.files.ask_import_path = lambda: str(file)
    asked: list[tuple] = []

    def accept_the_offer(dialog: NumberDialog) -> QDialog.DialogCode:
        asked.append((dialog.windowTitle(), dialog.question.text(), float(dialog.edit.text()),
                      dialog.least, dialog.decimals))  # fmt: skip
        dialog.accept()  # OK, as offered
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NumberDialog, "exec", accept_the_offer)
    window.files.import_positions()
    wait_result(qtbot, window)
    _, rate = asked  # the wallet first: the file gives none
    title, label, value, least, decimals = rate
    assert title == "Maintenance rate" and (least, decimals) == (0.001, 3)
    assert "No tier table covers NOSUCHUSDT" in label and "most binance-usdm symbols" in label
    assert firsts and value == pytest.approx(firsts[len(firsts) // 2] * 100)
    (position,) = window.controller.scenario.positions
    assert position.maintenance_rate == pytest.approx(value / 100)
    window.controller.undo_stack.setClean()


def test_an_empty_file_opened_at_start_shows_the_three_cards_whole(
    qtbot, qapp, settings, tmp_path
) -> None:
    """An empty book opened as the app starts, at 1280 × 660: its cards' tables were never
    fitted to their headers (no figure changed), so the cards asked for less width than they
    took, the left column kept the positions table's whole width, and the All cross card's
    ratio was a horizontal scroll away."""
    from marginlab.desktop.app import build_window, follow_palette

    follow_palette(qapp)
    empty = tmp_path / "empty.json"
    empty.write_text(
        json.dumps(
            {
                "format": "marginlab.scenario",
                "version": 3,
                "name": "Empty",
                "rules": "binance-usdm",
                "account": {"wallet_balance": 10_000, "currency": "USDT"},
                "positions": [],
            }
        )
    )
    window = build_window(settings, empty, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(window)
    window.resize(1280, 660)
    window.show()
    for _ in range(3):
        qapp.processEvents()
    panel = window.comparison
    assert panel.horizontalScrollBar().maximum() == 0
    cross = panel.cards["cross"]
    assert cross.mapTo(panel.viewport(), cross.rect().topRight()).x() <= panel.viewport().width()


def test_a_file_that_cannot_open_at_start_says_so_over_the_window_laid_out(
    qtbot, qapp, settings, tmp_path, monkeypatch
) -> None:
    """A file named on the command line that is not a scenario: the message box came before
    the window's first layout, which then fitted the figures' pane to a window not yet its
    size, and the cards came up without their "Max loss if wrong" line. The message now
    comes once the window is up, over it, and the cards stand whole."""
    from marginlab.desktop.app import build_window, follow_palette
    from marginlab.desktop.file_actions import FileActions

    shown: list[tuple[str, list[str], bool]] = []

    def record(self, title, lines):  # type: ignore[no-untyped-def]
        shown.append((title, lines, self.window.isVisible()))

    monkeypatch.setattr(FileActions, "show_error", record)
    follow_palette(qapp)
    bad = tmp_path / "notes.json"
    bad.write_text(json.dumps({"account": {"wallet_balance": 10_000}, "positions": []}))
    window = build_window(settings, bad, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(window)
    window.resize(1280, 660)
    window.show()
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    ((title, lines, visible),) = shown
    assert title == "Cannot open notes.json" and visible
    assert any(line.startswith("format:") for line in lines)
    viewport = window.comparison.viewport()
    for card in window.comparison.cards.values():
        top = card.account.mapTo(viewport, card.account.rect().topLeft()).y()
        assert top + card.account.fontMetrics().height() <= viewport.height()


def test_a_label_with_no_room_for_its_words_names_its_positions(qtbot, qapp, window) -> None:
    """The two-accounts preset on a laptop: the cross line at 69,601.59 found no free place
    for "A,H liquidated (entered/cross) at 69,601.59" (the what-if line on one side, the
    plot's edge on the other) and stood bare. It reads "A,H (entered/cross)" there now, clear
    of every other label, and its tooltip says the rest."""
    from marginlab.engine.files.presets import load_preset

    window.resize(1366, 688)
    qapp.processEvents()
    window.controller.replace(load_preset("two-accounts.json"))
    wait_result(qtbot, window)
    qtbot.wait(50)
    plot = window.plot
    shown = [line for line in plot.liquidation_lines if line.isVisible()]
    assert len(shown) == 2
    assert all(line.label.isVisible() for line in shown)
    texts = {line.label.format.strip(): line for line in shown}
    assert "H liquidated (iso) at 65,737.05" in texts
    assert "A,H (entered/cross)" in texts, list(texts)
    tip = texts["A,H (entered/cross)"].toolTip()
    assert tip == "As entered, All cross: A, H liquidated when the move reaches 69,601.59"
    rects = [line.label.sceneBoundingRect() for line in shown]
    assert not rects[0].intersects(rects[1])
    _clear_of_every_other_line(plot)
    window.controller.undo_stack.setClean()


def test_the_loss_chart_follows_the_cards_to_the_what_if(qtbot, window: MainWindow) -> None:
    """Cards at the what-if with ETH 20 % down: A is past liquidation there, so the cards'
    max losses are 2,000 (B's margin), 2,000 and 4,000 (the cross pool left); the bars
    stayed at today's 5,000, 5,000 and 10,000 beside them, under the same title."""
    window.plot.moves.setText("ETH -20%")
    window.plot.moves.returnPressed.emit()  # what Enter does
    window.plot.cards_at.setCurrentIndex(1)  # the controller answers at once
    qtbot.waitUntil(lambda: window.controller.result.cards is not None)
    cards = window.controller.result.cards
    shown = [cards.variants[n].account.max_loss for n in window.losses.names]
    assert shown == pytest.approx([2_000, 2_000, 4_000])  # the brief's B margin; 10,000 − 6,000
    assert window.losses.heights() == shown
    assert window.losses.title() == "Max loss if wrong, from the what-if (USDT)"
    window.plot.cards_at.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.controller.result.cards is None)
    assert window.losses.heights() == [5_000, 5_000, 10_000]
    assert window.losses.title() == "Max loss if wrong (USDT)"
    window.controller.undo_stack.setClean()


def test_what_if_takes_a_move_from_the_mark(qtbot, window: MainWindow) -> None:
    """ "-10%" typed on the BTCUSDT axis read "'-10%' is not a number", where the Other
    symbols field takes "ETH -10%": it is the price 10 % below the mark, 45,000, and the
    status line says so. On the all-symbols axis "-10%" is the move -10 %."""
    field = window.plot.what_if_value
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "-10%")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.plot.what_if.value() == pytest.approx(50_000 * 0.9)
    assert "What if BTCUSDT 45,000.00" in window.plot.readout.text()
    assert (
        window.statusBar().currentMessage() == "What if: -10% from the mark taken as 45,000.00 USDT"
    )
    field.selectAll()
    qtbot.keyClicks(field, "-100%")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.plot.what_if.value() == pytest.approx(45_000)  # nothing moved
    assert "a move must stay above −100 %" in window.plot.readout.text()
    window.controller.set_axis("All symbols (%)")
    wait_result(qtbot, window)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "-10%")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.plot.what_if.value() == pytest.approx(-10)
