"""Replay view: a price path animated candle by candle, each variant's equity over time and a
marker at every liquidation (the brief's wick and sustained-crash stories)."""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.candle_files import ask_candles
from marginlab.desktop.controller import Result, ScenarioController
from marginlab.desktop.elided_label import WrappedLabel
from marginlab.desktop.equity_plot import plain_axes, set_axis_label
from marginlab.desktop.i18n import N_, said, tr
from marginlab.desktop.line_key import LineKey
from marginlab.desktop.path_runs import SHAPES, PathRuns, Replay, ReplayRequest
from marginlab.desktop.spin_boxes import NumberBox
from marginlab.desktop.style import PLOT_MIN_HEIGHT, VARIANT_STYLES, variant_pen
from marginlab.engine.text.numbers import amount_text, price_text

ALL = N_("All symbols")
SPEEDS = {"1×": 1, "4×": 4, "16×": 16, "64×": 64}
EVENT_LINES = 5  # liquidations the readout lists (the latest); the rest are in its tooltip
LISTED_EVENTS = 40  # liquidations its tooltip lists
# The built-in paths as the menu names them (the CLI's names are the data).
PATH_TITLES = {
    "flash-crash": N_("Flash crash"),
    "slow-bleed": N_("Slow bleed"),
    "v-shape": N_("V-shape"),
    "overnight-gap": N_("Overnight gap"),
}
SHAPE_WORDS = (
    N_("a one-candle wick down that recovers at once"),
    N_("a steady decline over the whole horizon"),
    N_("down, then all the way back"),
    N_("the market reopens lower with no trade in between"),
)
CSV = "csv"


class ReplayView(QWidget):
    def __init__(
        self, controller: ScenarioController, runs: PathRuns, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._runs = runs
        self._csv: dict[str, Path] = {}
        self.result: Replay | None = None
        self.frame = 0
        self._event_lines = EVENT_LINES  # liquidations the readout lists: as many as fit
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # flush with the tab, as the price-move plot
        row = QHBoxLayout()
        self.path = QComboBox()
        for name, (_, depth, text) in SHAPES.items():
            self.path.addItem(tr(PATH_TITLES.get(name, name)), name)
            tip = tr("{shape} (default {depth})").format(shape=tr(text), depth=f"{depth:.0%}")
            self.path.setItemData(self.path.count() - 1, tip, 3)
        self.path.addItem(tr("CSV candles…"), CSV)
        self.path.setToolTip(tr("The price path to replay: a built-in shape or your own candles"))
        self.symbol = QComboBox()
        self.symbol.setToolTip(
            tr("Which symbol the built-in path moves (others stay at their mark)")
        )
        self.depth_field = NumberBox(tr("Depth"), minimum=1, maximum=99, decimals=1, suffix=" %")
        self.depth_field.setToolTip(tr("How far the path goes down, in % of the mark"))
        self.play = QPushButton(tr("&Play"))
        self.play.setCheckable(True)
        self.play.setToolTip(tr("Play or pause the replay"))
        self.speed = QComboBox()
        self.speed.addItems(list(SPEEDS))
        self.speed.setToolTip(tr("Candles per animation frame"))
        for label, widget in (
            (tr("Path"), self.path),
            (tr("Symbol"), self.symbol),
            (tr("Depth"), self.depth_field),
            ("", self.play),
            (tr("Speed"), self.speed),
        ):
            if label:
                row.addWidget(QLabel(label))
            row.addWidget(widget)
        layout.addLayout(row)
        # The lowest equity so far, wicks included, beside the key: a line of its own under
        # the plot took a laptop's last pixels from the cards' "Max loss if wrong".
        # Its figures in the key's order and colours: the words elided them at 1366 px.
        self.lowest_text = QLabel()
        self.lowest_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lowest_text.setAccessibleName("lowest equity so far")
        key = QHBoxLayout()
        key.addWidget(self.lowest_text, 1)
        key.addWidget(LineKey())
        key.addSpacing(6)
        layout.addLayout(key)
        self.plot = pg.PlotWidget()
        plain_axes(self.plot)  # equity in the account's unit: 0.2 BTC reads 0.2
        self.plot.setLabel("bottom", tr("Time (minutes)"))
        self.curves = {
            n: self.plot.plot([], [], pen=variant_pen(n), name=s.title)
            for n, s in VARIANT_STYLES.items()
        }
        # The lowest equity within each candle, shaded down from the close: a wick the close
        # recovers from (the cross pool 4,500 down for a minute) showed as a 200 dip.
        # Its edge drawn thin: a one-candle wick is a spike a fill alone leaves 1 px wide.
        self.lowest: dict[str, pg.PlotDataItem] = {}
        for n, s in VARIANT_STYLES.items():
            shade = QColor(s.colour)
            shade.setAlpha(140)
            self.lowest[n] = self.plot.plot([], [], pen=pg.mkPen(shade, width=1))
            shade.setAlpha(50)
            self.plot.addItem(pg.FillBetweenItem(self.curves[n], self.lowest[n], brush=shade))
        self.markers = pg.ScatterPlotItem(size=12, symbol="x", pen=pg.mkPen("#c0392b", width=2))
        self.plot.addItem(self.markers)
        self.cursor_line = pg.InfiniteLine(
            angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine)
        )
        self.plot.addItem(self.cursor_line, ignoreBounds=True)
        self.plot.setMinimumHeight(PLOT_MIN_HEIGHT)
        layout.addWidget(self.plot, 1)
        self.scrub = QSlider(Qt.Orientation.Horizontal)
        self.scrub.setToolTip(tr("Scrub through the path"))
        layout.addWidget(self.scrub)
        self.readout = WrappedLabel()
        self.readout.setAccessibleName("replay readout")
        layout.addWidget(self.readout)
        self._timer = QTimer(self, interval=40)
        self._timer.timeout.connect(self._advance)
        self.path.activated.connect(self._on_path_activated)
        self.symbol.activated.connect(self.recompute)
        self.depth_field.valueChanged.connect(self.recompute)
        self.play.toggled.connect(self._on_play_toggled)
        self.scrub.valueChanged.connect(self._show_frame)
        controller.resultChanged.connect(self._on_result_changed)
        runs.replayed.connect(self._on_replayed)
        runs.replayFailed.connect(self._on_failed)
        self._set_depth_default()

    # --- inputs --------------------------------------------------------------------------------
    def choose(self, path: str, symbol: str | None = None, depth: float | None = None) -> None:
        """Select a built-in path (used by tests and the menu): name, symbol, depth in %."""
        self.path.setCurrentIndex(self.path.findData(path))
        self._set_depth_default()
        if symbol is not None:
            self.symbol.setCurrentText(symbol)
        if depth is not None:
            self.depth_field.setValue(depth)
        self.recompute()

    def _set_depth_default(self) -> None:
        shape = SHAPES.get(str(self.path.currentData()))
        if shape is not None:
            self.depth_field.blockSignals(True)
            self.depth_field.setValue(shape[1] * 100)
            self.depth_field.blockSignals(False)

    def _on_path_activated(self, _index: int) -> None:
        if self.path.currentData() == CSV:
            file = ask_candles(
                self, tr("Candles (timestamp, open, high, low, close)"), tr("CSV (*.csv)")
            )
            if file is not None:
                self._csv = {
                    self.symbol.currentText()
                    if self.symbol.currentText() != tr(ALL)
                    else self._controller.scenario.symbols()[0]: file
                }
        self._set_depth_default()
        self.recompute()

    def _on_result_changed(self, result: Result) -> None:
        symbols = result.scenario.symbols()
        items = [*symbols, tr(ALL)] if symbols else []
        if [self.symbol.itemText(i) for i in range(self.symbol.count())] != items:
            current = self.symbol.currentText()
            self.symbol.clear()
            self.symbol.addItems(items)
            if current in items:
                self.symbol.setCurrentText(current)
        # Hidden behind another tab, it waits: no replay work on every keystroke or at start.
        self._stale = True
        if self.isVisible():
            self.recompute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def _request(self) -> ReplayRequest:
        if self.path.currentData() == CSV:
            return ReplayRequest(None, csv=dict(self._csv))
        chosen = self.symbol.currentText()
        symbols = () if chosen in (tr(ALL), "") else (chosen,)
        return ReplayRequest(str(self.path.currentData()), symbols, self.depth_field.value() / 100)

    # --- results -------------------------------------------------------------------------------
    def recompute(self, *_: object) -> None:
        self._stale = False
        self._runs.replay(self._request())

    def _on_failed(self, message: str) -> None:
        self.result = None
        self.readout.setText(f"<span style='color:#c0392b'>{html.escape(said(message))}</span>")

    def _on_replayed(self, result: Replay | None) -> None:
        self.result = result
        if result is None:
            for curve in (*self.curves.values(), *self.lowest.values()):
                curve.setData([], [])
            self.markers.setData([], [])
            self.lowest_text.clear()
            self.lowest_text.setToolTip("")
            self.readout.setText(tr("Add a position, then pick a path to replay."))
            return
        self.scrub.blockSignals(True)
        self.scrub.setRange(0, result.time.size - 1)
        self.scrub.setValue(result.time.size - 1 if not self.play.isChecked() else 0)
        self.scrub.blockSignals(False)
        self._show_frame(self.scrub.value())

    def _show_frame(self, frame: int) -> None:
        result = self.result
        if result is None:
            return
        self.frame = frame
        minutes = result.time / 60
        for name, curve in self.curves.items():
            curve.setData(minutes[: frame + 1], result.equity[name][: frame + 1])
            self.lowest[name].setData(minutes[: frame + 1], result.lowest[name][: frame + 1])
        happened = [e for e in result.events if e.step <= frame]
        self.markers.setData(
            [e.time / 60 for e in happened],
            [result.equity[e.variant][max(e.step - 1, 0)] for e in happened],
        )
        self.cursor_line.setValue(minutes[frame])
        cur = self._controller.scenario.account.currency
        set_axis_label(self.plot, "left", tr("Equity ({currency})").format(currency=cur))
        cur = html.escape(cur)
        coin = self._controller.scenario.coin_margined
        parts = [
            f"<span style='color:{VARIANT_STYLES[n].colour}'><b>{s.title}</b></span> "
            f"{amount_text(float(result.equity[n][frame]), coin)} {cur}"
            for n, s in VARIANT_STYLES.items()
        ]
        lows = {
            n: amount_text(float(result.lowest[n][: frame + 1].min()), coin) for n in VARIANT_STYLES
        }
        self.lowest_text.setText(
            tr("Lowest so far, wicks in: {figures} {currency}").format(
                figures=" · ".join(
                    f"<span style='color:{VARIANT_STYLES[n].colour}'>{low}</span>"
                    for n, low in lows.items()
                ),
                currency=cur,
            )
        )
        self.lowest_text.setToolTip(
            tr(
                "The lowest equity so far, wicks included (the thin lines): {figures} {currency}"
            ).format(
                figures=" · ".join(f"{VARIANT_STYLES[n].title} {low}" for n, low in lows.items()),
                currency=cur,
            )
        )
        lines = [
            tr("Candle {n} of {total} ({minutes} min): {figures}").format(
                n=frame + 1,
                total=result.time.size,
                minutes=f"{minutes[frame]:,.0f}",
                figures=" · ".join(parts),
            )
        ]
        events = []
        for e in happened:
            where = ", ".join(f"{s} {price_text(p)}" for s, p in e.prices.items())
            events.append(
                "✕ "
                + (
                    tr("{variant}: {ids} past liquidation before the path starts, lost {amount}")
                    if e.past
                    else tr("{variant}: {ids} liquidated at {where} (gap), lost {amount}")
                    if e.gap
                    else tr("{variant}: {ids} liquidated at {where}, lost {amount}")
                ).format(
                    variant=VARIANT_STYLES[e.variant].title,
                    ids=html.escape(", ".join(e.position_ids)),
                    where=where,
                    amount=f"{amount_text(e.lost, coin)} {cur}",
                )
            )
        # The latest few, the rest counted and in the tooltip: a book of 60 listed 16 and
        # squeezed the plot above to 40 px.
        shown = self._event_lines
        if len(events) > shown:
            lines.append(
                tr("✕ … and {n} earlier: hold the pointer here to read them").format(
                    n=len(events) - shown
                )
            )
        lines += events[-shown:]
        self.readout.setText("<br>".join(lines))
        listed = events[:LISTED_EVENTS]
        if len(events) > LISTED_EVENTS:
            listed.append(tr("… and {n} more").format(n=len(events) - LISTED_EVENTS))
        self.readout.setToolTip("<br>".join(listed) if len(events) > shown else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """As many of the latest liquidations as the height leaves room for under a plot of
        its minimum height, up to ``EVENT_LINES``: at 1280 × 720 five of them took the cards'
        "Max loss if wrong" out of view, or squeezed the plot to 40 px."""
        super().resizeEvent(event)
        layout = self.layout()
        assert layout is not None
        line = self.readout.fontMetrics().lineSpacing()
        others = layout.minimumSize().height() - self.readout.minimumHeight()
        fit = (self.height() - others) // line - 2  # the candle's line, "… and N earlier"
        lines = max(1, min(EVENT_LINES, fit))
        if lines != self._event_lines:
            self._event_lines = lines
            self._show_frame(self.frame)

    # --- animation -----------------------------------------------------------------------------
    def _on_play_toggled(self, playing: bool) -> None:
        self.play.setText(tr("&Pause") if playing else tr("&Play"))
        if playing:
            if self.result is not None and self.frame >= self.result.time.size - 1:
                self.scrub.setValue(0)
            self._timer.start()
        else:
            self._timer.stop()

    def _advance(self) -> None:
        if self.result is None:
            self.play.setChecked(False)
            return
        last = self.result.time.size - 1
        self.scrub.setValue(min(self.frame + SPEEDS[self.speed.currentText()], last))
        if self.frame >= last:
            self.play.setChecked(False)

    def end_equity(self) -> dict[str, float]:
        assert self.result is not None
        return {n: float(np.asarray(e)[-1]) for n, e in self.result.equity.items()}
