"""Main plot: account equity of each variant against one symbol's price or an all-symbols move,
with a labelled liquidation line per pool and variant, and a draggable what-if line."""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.controller import (
    ALL_SYMBOLS,
    MAX_MOVE,
    Result,
    ScenarioController,
    SweepResult,
    axis_home,
)
from marginlab.desktop.elided_label import ElidedLabel, WrappedLabel
from marginlab.desktop.fields import ERROR_STYLE
from marginlab.desktop.i18n import N_, named, said, tr
from marginlab.desktop.line_key import LineKey
from marginlab.desktop.order_fields import example_moves
from marginlab.desktop.style import PLOT_MIN_HEIGHT, VARIANT_STYLES, variant_pen
from marginlab.desktop.what_if_box import WhatIfBox
from marginlab.engine.margin.report import MAX_PRICE, PositionFigures, VariantReport
from marginlab.engine.text.moves import move_text
from marginlab.engine.text.numbers import amount_text, money_text, price_decimals, price_text

SHORT = {"as_entered": N_("entered"), "isolated": N_("iso"), "cross": N_("cross")}
EMPTY_RANGE = [-30.0, 30.0]  # % moves shown while there is no position
LABELLED_LINES = 6  # liquidation lines labelled in words; beyond, numbered and listed below
DRAWN_LINES = 40  # liquidation lines drawn at most: a book of hundreds stays readable
LISTED_LINE_ROWS = 2  # rows of text the numbered lines' list under the plot takes at most
NAMED_IDS = 6  # positions a line's label or the what-if readout names; the rest are counted
LISTED_IDS = 40  # positions a line's tooltip names
LABEL_HEIGHTS = (0.92, 0.8, 0.68, 0.56, 0.44, 0.32, 0.2)  # of the plot's height, top first
WHAT_IF_LABEL_HEIGHT = 0.97  # of the plot's height, when the plot is tall enough
WHAT_IF_CLEARANCE = 4  # px each side of the what-if line kept clear of liquidation labels
# Where along their lines the start-equity and max-acceptable-loss labels stand, of its width.
LEVEL_LABEL_RIGHT, LEVEL_LABEL_LEFT = 0.98, 0.02


def readout_text(result: Result | None, axis: str, x: float) -> str:
    """What the what-if line reads: each variant's equity and who was liquidated."""
    if result is None or not result.at:
        return tr("Move the what-if line to see each variant's equity there.")
    report = result.report
    where = (
        tr("all symbols {move}").format(move=f"{x:+.1f} %")
        if axis == ALL_SYMBOLS
        else f"{axis} {price_text(x)}"
    )
    others = (
        [move_text(s, p, report.marks[s]) for s, p in result.at.items() if s != axis]
        if axis != ALL_SYMBOLS
        else []
    )
    if others:
        where += ", " + ", ".join(html.escape(o) for o in others)
    currency = html.escape(report.currency)  # typed by the user, shown as typed
    parts = []
    for name, variant in report.variants.items():
        gone, past = ([html.escape(i) for i in ids] for ids in _closed_by_the_move(variant))
        closed = tr(" — liquidated: {ids}").format(ids=named(gone, NAMED_IDS)) if gone else ""
        if past:
            closed += tr(" — past liquidation already: {ids}").format(ids=named(past, NAMED_IDS))
        parts.append(
            f"<span style='color:{VARIANT_STYLES[name].colour}'>"
            f"<b>{VARIANT_STYLES[name].title}</b></span> "
            f"{amount_text(variant.account.equity, report.coin)} {currency}{closed}"
        )
    return tr("What if {where}: {figures}").format(where=where, figures=" · ".join(parts))


def _closed_by_the_move(variant: VariantReport) -> tuple[list[str], list[str]]:
    """The positions a what-if move liquidates, and apart those past liquidation at today's
    marks already (no move closes them)."""
    figures = variant.positions.values()
    gone = [f.id for f in figures if f.liquidated and not f.past_liquidation]
    return gone, [f.id for f in figures if f.past_liquidation]


def readout_tooltip(result: Result) -> str:
    """Every position each variant's move liquidates, where the readout names only a few."""
    lines = []
    for name, variant in result.report.variants.items():
        gone, past = _closed_by_the_move(variant)
        title = VARIANT_STYLES[name].title
        if len(gone) > NAMED_IDS:
            lines.append(
                tr("{variant} liquidates: {ids}").format(variant=title, ids=named(gone, LISTED_IDS))
            )
        if len(past) > NAMED_IDS:
            lines.append(
                tr("{variant}, past liquidation already: {ids}").format(
                    variant=title, ids=named(past, LISTED_IDS)
                )
            )
    return "\n".join(lines)


def _axis_text(x: float, axis: str) -> str:
    """A place on the plot's x axis: a % move of every symbol, or a price."""
    return f"{x:,.2f} %" if axis == ALL_SYMBOLS else price_text(x)


class PlainAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Ticks in the unit the axis title names, grouped as every figure of the window is:
    pyqtgraph rescaled small or large values and added "(x0.001)" to the title (0.2 BTC read
    200), and wrote values from 10,000 up as "%g": a 2,010,000 USDT account's equity read
    "2.01e+06"."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def paint(self, painter: Any, option: Any, widget: Any) -> None:
        super().paint(painter, option, widget)
        if self.cacheMode() == QGraphicsItem.CacheMode.NoCache:
            # Kept as a picture on screen from the second paint on: the grid lines belong to
            # the axes and span the plot, so every new curve repainted both axes, text and
            # all, twice a keystroke (about 1.2 ms each). New ticks, a new range or a new
            # size draw it afresh (``update``). Not for the first paint: filling the picture
            # then cost the window's first frame about 1.5 ms.
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            return list(super().tickStrings(values, scale, spacing))
        return tick_texts(values, scale, spacing)


def tick_texts(values: list[float], scale: float, spacing: float) -> list[str]:
    """Each tick as a plain number with thousands separators, to as many decimals as the
    ticks' spacing needs: "2,010,000", "0.00012", never an exponent."""
    step = abs(spacing * scale)
    places = min(12, max(0, math.ceil(-math.log10(step)))) if step > 0 else 0
    return [f"{v * scale + 0.0:,.{places}f}" for v in values]  # + 0.0: no "-0"


def plain_axes(plot: pg.PlotWidget) -> None:
    """The plot's two shown axes as ``PlainAxis``; before any title, grid or style is set
    on them (the axes are new). Neither axis spans less than ``LEAST_SPAN``: a mark typed as
    1e-320 gave the replay a range of 1e-323, where pyqtgraph's tick spacing rounds to 0 (a
    division by zero at every paint) and its view transform to infinity."""
    item = plot.getPlotItem()
    item.setAxisItems({side: PlainAxis(side) for side in ("left", "bottom")})
    item.getViewBox().setLimits(minXRange=LEAST_SPAN, minYRange=LEAST_SPAN)


LEAST_SPAN = 1e-300  # far below any price or amount, far above where floats lose digits


def set_axis_label(plot: pg.PlotWidget, side: str, text: str) -> None:
    """Set an axis title only when it changes: each call re-lays-out the plot."""
    axis = plot.getAxis(side)
    shown = html.escape(text, quote=False)  # pyqtgraph renders titles as HTML
    if axis.labelText != shown:
        plot.setLabel(side, shown)


def _update_line(
    line: pg.InfiniteLine, value: float, text: str, variant: str | None = None
) -> bool:
    """Move and relabel ``line`` only when something changed: each setter costs a relayout."""
    shown = (value, text, variant)
    if getattr(line, "shown", None) == shown:
        return False
    line.shown = shown
    line.setValue(value)
    # The label is a format string: braces typed in an ID or a currency must stay text.
    line.label.setFormat(text.replace("{", "{{").replace("}", "}}"))
    if variant is not None:
        line.setPen(variant_pen(variant, 1.5))
        line.label.setColor(VARIANT_STYLES[variant].colour)
    return True


def _set_label(line: pg.InfiniteLine, text: str) -> None:
    """Write ``text`` on the line's label when it reads otherwise (a format string, as in
    ``_update_line``)."""
    wanted = text.replace("{", "{{").replace("}", "}}")
    if line.label.format != wanted:
        line.label.setFormat(wanted)


def _group_thresholds(
    sweep: SweepResult | None, home: float = 0.0
) -> list[tuple[tuple[float, tuple[str, ...], bool], list[str]]]:
    """One line per place and variants: as entered and all isolated often coincide, and the
    pools a book has past liquidation already all sit at the mark (their third element is
    True: no move along the axis liquidates them, they are liquidated at today's marks). In
    order of distance from the marks (0 % or the mark), the nearest first: drawn first when
    there are too many to draw, and numbered in that order."""
    by_pool: dict[tuple[float, tuple[str, ...], bool], list[str]] = {}
    for t in [] if sweep is None else sweep.thresholds:
        key = (round(t.x, 8), t.position_ids, t.side == "now")
        by_pool.setdefault(key, []).append(t.variant)
    groups: dict[tuple[float, tuple[str, ...], bool], list[str]] = {}
    for (x, ids, past), variants in by_pool.items():
        groups.setdefault((x, tuple(variants), past), []).extend(ids)
    lines = [((x, tuple(ids), past), list(v)) for (x, v, past), ids in groups.items()]
    return sorted(lines, key=lambda group: (abs(group[0][0] - home), group[0][0]))


def _past_today(result: Result, ids: tuple[str, ...], variants: list[str]) -> bool:
    """Whether the positions ``ids`` are past liquidation at today's marks in each of
    ``variants`` (the report's figures are today's: ``PositionFigures.past_liquidation``)."""
    figures: dict[str, dict[str, PositionFigures]] = {
        v: r.positions for v, r in result.report.variants.items()
    }
    return all(figures[v][i].past_liquidation for v in variants for i in ids if i in figures[v])


class EquityPlot(QWidget):
    def __init__(self, controller: ScenarioController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Equity against:")))
        self.axis = QComboBox()
        self.axis.setAccessibleName("plot axis")
        self.axis.setToolTip(
            tr(
                "Move one symbol's price (others stay at their marks), or move "
                "every symbol by the same percentage"
            )
        )
        self.axis.activated.connect(self._on_axis_activated)
        top.addWidget(self.axis, 1)
        top.addSpacing(12)
        # The what-if line from the keyboard: type a price (Enter), or step it with the arrows.
        self.what_if_value = WhatIfBox()
        self.what_if_value.setAccessibleName("what-if value")
        self.what_if_value.setToolTip(
            tr(
                "Where the what-if line stands: type a price, or a move from the mark such as "
                "-10% (on the all-symbols axis, the % move of every symbol), and press Enter, or "
                "step it with Up/Down and PageUp/PageDown. Dragging the line in the plot moves "
                "it too."
            )
        )
        self.what_if_value.setKeyboardTracking(False)  # "4" on the way to "42000" is no price
        self.what_if_value.setGroupSeparatorShown(True)
        self.what_if_value.setMinimumWidth(170)
        self.what_if_value.valueChanged.connect(self._on_what_if_typed)
        self.what_if_value.refused.connect(self._on_what_if_refused)
        what_if_label = QLabel(tr("What &if:"))
        what_if_label.setBuddy(self.what_if_value)
        top.addWidget(what_if_label)
        top.addWidget(self.what_if_value)
        top.addSpacing(12)
        self.key = LineKey()
        top.addWidget(self.key)
        top.addSpacing(6)
        layout.addLayout(top)
        layout.addLayout(self._second_row())
        self.plot = pg.PlotWidget()
        # Our axis titles carry their unit in the text, so pyqtgraph never scales them; its
        # check would also re-lay-out each title on every change of range (drag, zoom, edit).
        plain_axes(self.plot)
        self.plot.setAccessibleName("equity plot")
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        for side in ("left", "bottom"):
            # Minor grid lines cost ~20 ms a repaint offscreen; major ones are enough to read.
            self.plot.getAxis(side).setStyle(maxTickLevel=0)
        self.plot.setMouseEnabled(x=True, y=False)
        # A new y range moves the start-equity and max-loss labels the others avoid, and a
        # new height (the readout below took a line more) the heights labels may take.
        view = self.plot.getPlotItem().vb
        view.sigRangeChanged.connect(self._place_labels)
        view.sigResized.connect(self._place_labels)
        # Never squeezed flat by the rows around it: a short window's panes scroll instead.
        self.plot.setMinimumHeight(PLOT_MIN_HEIGHT)
        layout.addWidget(self.plot, 1)
        # Bare curves: a PlotDataItem would also build a scatter item per curve, never used.
        self.curves = {
            name: pg.PlotCurveItem([], [], pen=variant_pen(name), name=style.title)
            for name, style in VARIANT_STYLES.items()
        }
        for curve in self.curves.values():
            self.plot.addItem(curve)
        # A coin-margined account in USD: the same trades USDT-margined, for comparison.
        self.linear_curve = pg.PlotCurveItem(
            [], [], pen=pg.mkPen("#888", width=2, style=Qt.PenStyle.DashLine)
        )
        self.plot.addItem(self.linear_curve)
        label_opts = {"position": LEVEL_LABEL_RIGHT, "color": "#888", "anchors": [(1, 1), (1, 1)]}
        self.start_line = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine),
            label="",
            labelOpts=label_opts,
        )
        self.limit_line = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen("#c0392b", width=2, style=Qt.PenStyle.DashDotLine),
            label="",
            labelOpts={**label_opts, "color": "#c0392b"},
        )
        for line in (self.start_line, self.limit_line):
            self.plot.addItem(line, ignoreBounds=True)
        # The limit's level across the sweep, drawn in no colour: the view's height takes it
        # in. A hedged pair's curves never came down to it, and its line stood below the plot,
        # half its label showing at the bottom edge. (Without a pen it would add no bounds.)
        self.limit_reach = pg.PlotCurveItem([], [], pen=pg.mkPen(0, 0, 0, 0))
        self.plot.addItem(self.limit_reach)
        self.liquidation_lines: list[pg.InfiniteLine] = []
        ink = pg.getConfigOption("foreground")  # the palette's text colour, light or dark
        self.what_if = pg.InfiniteLine(
            angle=90,
            movable=True,
            label=tr("what if"),
            pen=pg.mkPen(ink, width=3),
            hoverPen=pg.mkPen("#f39c12", width=4),
            labelOpts={"position": WHAT_IF_LABEL_HEIGHT, "color": ink},
        )
        self.what_if.setToolTip(tr("Drag: each variant's equity and liquidations at this price"))
        self.what_if.setZValue(10)
        self.plot.addItem(self.what_if, ignoreBounds=True)
        self.what_if.sigPositionChanged.connect(self._on_what_if_moved)
        # A few lines at most, each line's words in the tooltip: a big book's list ran to four
        # lines and left the plot 30 px on a laptop.
        self.line_list = ElidedLabel(LISTED_LINE_ROWS)
        self.line_list.setAccessibleName("liquidation lines")
        self.line_list.hide()
        layout.addWidget(self.line_list)
        self.readout = WrappedLabel()
        self.readout.setAccessibleName("what-if readout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.readout)
        self._axis_shown: str | None = None
        self._sweep_shown: SweepResult | None = None
        self._what_if_key: tuple[object, ...] | None = None
        controller.resultChanged.connect(self.show_result)
        controller.scenarioChanged.connect(self._fill_axes)
        controller.axisChanged.connect(self._fill_axes)
        controller.scenarioReplaced.connect(self._home_on_next_result)
        self._fill_axes()

    def _second_row(self) -> QHBoxLayout:
        """Moves of the other symbols, and what the cards show."""
        row = QHBoxLayout()
        self.moves = QLineEdit()
        self.moves.setAccessibleName("per-symbol moves")
        self.moves.setToolTip(
            tr(
                "Move other symbols too, each its own way: a % from its mark or a price, e.g. "
                "'ETH -10%, SOL 150' (ALL -20% moves every symbol). Enter applies it; the line "
                "sets the symbol on the plot's axis. Empty: the other symbols stay at their marks."
            )
        )
        self.moves.returnPressed.connect(self._on_moves_entered)
        self.moves.editingFinished.connect(self._on_moves_entered)
        moves_label = QLabel(tr("Other sym&bols:"))
        moves_label.setBuddy(self.moves)
        row.addWidget(moves_label)
        row.addWidget(self.moves, 1)
        row.addSpacing(12)
        self.cards_at = QComboBox()
        self.cards_at.setAccessibleName("cards at")
        self.cards_at.addItems([tr("at today's marks"), tr("at the what-if")])
        self.cards_at.setToolTip(
            tr(
                "The figures in the cards above: at today's marks, or as if the market stood at "
                "the what-if prices (liquidation prices, distances and ratios from there)"
            )
        )
        self.cards_at.currentIndexChanged.connect(
            lambda index: self._controller.set_cards_at_what_if(index == 1)
        )
        cards_label = QLabel(tr("&Cards show figures"))
        cards_label.setBuddy(self.cards_at)
        row.addWidget(cards_label)
        row.addWidget(self.cards_at)
        # Coin-margined only: equity in USD (the default: a long loses twice there) or in coin.
        self.unit = QComboBox()
        self.unit.setAccessibleName("equity unit")
        self.unit.addItem(tr("in USD, beside the same on USDT (grey dashes)"), "usd")
        self.unit.addItem(tr("in the coin"), "coin")
        self.unit.setToolTip(
            tr(
                "A coin-margined account's equity in USD at each price, or in the coin. In USD a "
                "long loses twice as the price falls: fewer coins, each worth less. The grey "
                "dashed curve is the same trades USDT-margined."
            )
        )
        self.unit.currentIndexChanged.connect(self._on_unit_changed)
        self.unit_label = QLabel(tr("&Equity"))
        self.unit_label.setBuddy(self.unit)
        row.addSpacing(12)
        row.addWidget(self.unit_label)
        row.addWidget(self.unit)
        for widget in (self.unit_label, self.unit):
            widget.hide()
        return row

    def _in_usd(self, result: Result) -> bool:
        return result.usd is not None and self.unit.currentData() == "usd"

    def _on_unit_changed(self, _index: int) -> None:
        result = self._controller.result
        if result is not None:
            self._sweep_shown = None  # redrawn in the other unit
            self.show_result(result)

    def _on_moves_entered(self) -> None:
        text = self.moves.text()
        if text.strip() == self._controller.moves_text and not self.moves.property("invalid"):
            return
        problems = self._controller.set_moves(text)
        self.moves.setProperty("invalid", bool(problems))
        self.moves.setStyleSheet(ERROR_STYLE if problems else "")
        if problems:  # the text stays as typed, to be corrected; the last moves stay applied
            note = html.escape("; ".join(map(said, problems)), quote=False)
            result = self._controller.result
            if result is not None:
                self._show_what_if(result)
            self.readout.setText(
                f"{self.readout.text()}<br><span style='color:#c0392b'>"
                + tr("{problems}; the moves shown are the last valid ones").format(problems=note)
                + "</span>"
            )

    def _on_axis_activated(self, _index: int) -> None:
        self._controller.set_axis(str(self.axis.currentData()))

    def _fill_axes(self, *_: object) -> None:
        items = [*self._controller.scenario.symbols(), ALL_SYMBOLS]
        if [self.axis.itemData(i) for i in range(self.axis.count())] != items:
            self.axis.clear()
            for item in items:  # "All symbols (%)" is said in the window's language
                self.axis.addItem(tr(item) if item == ALL_SYMBOLS else item, item)
        self.axis.setCurrentIndex(self.axis.findData(self._controller.axis))
        example = example_moves(self._controller.scenario.marks(), self._controller.axis)
        placeholder = (
            tr("e.g. {value}").format(value=example) if example else tr("no other symbol held")
        )
        if self.moves.placeholderText() != placeholder:
            self.moves.setPlaceholderText(placeholder)

    def show_result(self, result: Result) -> None:
        sweep = result.sweep
        axis = self._controller.axis
        x_label = (
            tr("Move of every symbol (%)")
            if axis == ALL_SYMBOLS
            else tr("{symbol} price ({currency})").format(
                symbol=axis, currency=result.report.price_currency
            )
        )
        set_axis_label(self.plot, "bottom", x_label)
        usd = result.usd if self._in_usd(result) else None
        for widget in (self.unit_label, self.unit):
            widget.setVisible(result.usd is not None)
        # "Equity", as the replay's axis: "Account equity (USDT)" was cut to "(USD" at the
        # top of a laptop's 720-pixel-high plot.
        set_axis_label(
            self.plot,
            "left",
            tr("Equity ({currency})").format(
                currency="USD" if usd is not None else result.report.currency
            ),
        )
        # No position, nothing to move: no what-if line, and the next scenario starts afresh.
        self.what_if.setVisible(sweep is not None)
        self.what_if_value.setEnabled(sweep is not None)
        if sweep is None:
            self._sweep_shown = None
            for curve in self.curves.values():
                curve.setData([], [])
            self._show_lines(None, result)
            if self.plot.getPlotItem().vb.viewRange()[0] != EMPTY_RANGE:  # the axis is the % move
                self.plot.setXRange(*EMPTY_RANGE, padding=0)
            self._axis_shown = None
            with QSignalBlocker(self.what_if_value):
                self.what_if_value.clear()  # no value left over from the previous scenario
            self.readout.setText(tr("Add a position to see the equity curves."))
            return
        new_sweep = sweep is not self._sweep_shown  # a move of the what-if line keeps it
        if new_sweep:
            self._sweep_shown = sweep
            curves = sweep.equity if usd is None else usd.equity
            for name, curve in self.curves.items():
                curve.setData(sweep.x, curves[name])
            if usd is None:
                self.linear_curve.setData([], [])
            else:
                self.linear_curve.setData(sweep.x, usd.linear)
            self._show_lines(sweep, result)
        bounds = (float(sweep.x[0]), float(sweep.x[-1]))
        with QSignalBlocker(self.what_if):  # read out once, below
            # Bounds first: the line is kept within them, and a new axis has new units.
            if tuple(self.what_if.maxRange) != bounds:
                self.what_if.setBounds(bounds)
            self._fit_what_if_value(bounds, axis, result)
            if self._axis_shown != axis:
                self._axis_shown = axis
                # The view follows the sweep, which always spans every liquidation line, until
                # the user pans or zooms (pyqtgraph's "A" button brings it back).
                self.plot.enableAutoRange(axis="x")
                self.what_if.setValue(axis_home(result.scenario.marks(), axis))
            elif self._controller.what_if_value not in (None, float(self.what_if.value())):
                self.what_if.setValue(self._controller.what_if_value)  # the controller's own
        if new_sweep:
            # The view follows the new curves now, not when the plot is about to paint: there,
            # pyqtgraph's new range moved the axes after the curves were drawn, and the plot
            # was painted a second time, about 5 ms later (unless the axes' labels change
            # width: the view is then resized, and ranged and painted again).
            self.plot.getPlotItem().getViewBox().updateAutoRange()
        x = float(self.what_if.value())
        if self._controller.what_if_value != x:
            self._controller.set_what_if(x)  # comes back here with the report at x
            if self._controller.what_if_value == x:
                return
        self._show_what_if(result)

    def _home_on_next_result(self) -> None:
        """Another scenario: the view and the what-if line start again from its mark, and no
        move typed for the last one stays."""
        self._axis_shown = None
        self.moves.clear()
        self.moves.setProperty("invalid", False)
        self.moves.setStyleSheet("")

    def _show_lines(self, sweep: SweepResult | None, result: Result) -> None:
        cur = result.report.currency
        # Today's equity as entered (``pools.start_equity``, the As entered card's "Equity
        # now"): all cross counts an isolated position's loss beyond its margin, which the
        # venue (its insurance fund) takes, and read 1,000 lower with ETH at 2,600 in the brief.
        start = result.report.variants["as_entered"].account.equity_now
        limit = result.scenario.account.max_acceptable_loss
        coin = result.report.coin
        if self._in_usd(result) and result.usd is not None:
            # In USD the start is the coins' value today; a limit in coins has no one level.
            cur, start, limit, coin = "USD", result.usd.start, None, False
        _update_line(
            self.start_line,
            start,
            tr("start equity {amount}").format(amount=money_text(start, cur, coin=coin)),
        )
        self.limit_line.setVisible(limit is not None)
        level = None if limit is None else start - limit
        if sweep is not None and level is not None and level >= 0:  # below 0: no equity is
            self.limit_reach.setData([float(sweep.x[0]), float(sweep.x[-1])], [level, level])
        else:
            self.limit_reach.setData([], [])
        if limit is not None:
            _update_line(
                self.limit_line,
                start - limit,
                tr("max acceptable loss {limit}: equity {equity}").format(
                    limit=money_text(limit, cur, coin=coin),
                    equity=amount_text(start - limit, coin),
                ),
            )
        axis = self._controller.axis
        groups = _group_thresholds(sweep, axis_home(result.scenario.marks(), axis))
        crowded = len(groups) > LABELLED_LINES
        drawn = groups[:DRAWN_LINES]
        while len(self.liquidation_lines) < len(drawn):
            # Anchors flip with the side of the view the line is on, so a label near the right
            # edge reads to the left of its line instead of running off the plot.
            line = pg.InfiniteLine(angle=90, movable=False, label="")
            self.plot.addItem(line, ignoreBounds=True)
            self.liquidation_lines.append(line)
        listed = []
        for i, line in enumerate(self.liquidation_lines):
            if i >= len(drawn):
                line.hide()
                continue
            line.show()  # first: a hidden line's label ignores new text, and kept its old one
            (x, ids, past), variants = drawn[i]
            names = "/".join(tr(SHORT[v]) for v in variants)
            at = _axis_text(x, self._controller.axis)
            # Past liquidation all along the axis, by today's marks or by the other symbols'
            # moves typed (it read "already" of positions the moves had closed).
            moved = past and not _past_today(result, ids, variants)
            words = (
                tr("{ids} liquidated by the other symbols' moves ({variants})")
                if moved
                else tr("{ids} past liquidation already ({variants})")
                if past
                else tr("{ids} liquidated ({variants}) at {where}")
            )
            full = words.format(ids=named(ids, NAMED_IDS, ","), variants=names, where=at)
            listed.append(f"{i + 1}: {full}")
            # Crowded: a number on the line, the words in the list under the plot.
            text = f" {i + 1} " if crowded else f" {full}"
            # Where the words find no free place, the positions and variants alone (the
            # axis gives the price; the tooltip says it all): the line is never left bare.
            short = tr("{ids} ({variants})").format(ids=named(ids, NAMED_IDS, ","), variants=names)
            line.texts = (text,) if crowded else (text, f" {short}")
            if _update_line(line, x, text, variants[0]):
                titles = ", ".join(VARIANT_STYLES[v].title for v in variants)
                tip = (
                    tr(
                        "{variants}: {ids} liquidated by the other symbols' moves, lost at any "
                        "price on this axis"
                    )
                    if moved
                    else tr(
                        "{variants}: {ids} already past liquidation at today's marks, lost at "
                        "any price on this axis"
                    )
                    if past
                    else tr("{variants}: {ids} liquidated when the move reaches {where}")
                )
                line.setToolTip(tip.format(variants=titles, ids=named(ids, LISTED_IDS), where=at))
        if len(groups) > len(drawn):
            listed.append(
                tr("… and {n} more, farther from the marks").format(n=len(groups) - len(drawn))
            )
        text = tr("Liquidation lines: ") + " · ".join(listed) if crowded else ""
        if self.line_list.full_text() != text:
            self.line_list.set_full_text(text)
            self.line_list.setToolTip(
                tr("The numbered liquidation lines on the plot, nearest first:")
                + "\n"
                + "\n".join(listed)
            )
            self.line_list.setVisible(crowded)

    def _place_labels(self, *_: object) -> None:
        """Give each liquidation label a height at which it overlaps no other label, nor the
        what-if line and the labels of the what-if, start-equity and max-acceptable-loss
        lines, on the side of its line that keeps it inside the plot (the other side when
        that one is taken); a label with no free place is hidden (its line keeps its tooltip,
        and a crowded plot lists every line below it)."""
        view = self.plot.getPlotItem().vb
        # The view's new range in its transform first (pyqtgraph defers it to the paint):
        # asked on a range change, the other lines' labels still stood where the last range
        # put them, and a label was placed over "what if" (a 60-position book, laptop).
        view.updateMatrix()
        box = view.sceneBoundingRect()
        if box.width() <= 0:
            return
        self._keep_what_if_label_right(view, box.right())
        self._keep_level_labels_apart(view, box.bottom())
        lines = [line for line in self.liquidation_lines if line.isVisible()]
        if not lines:
            return
        # Heights closer than a label's height share their room (a short plot, a laptop's):
        # a label placed at one is checked against those near it, not only its own.
        tall = lines[0].label.boundingRect().height()
        middles = [box.bottom() - height * box.height() for height in LABEL_HEIGHTS]
        near = [[j for j, b in enumerate(middles) if abs(a - b) < tall] for a in middles]
        placed: list[list[tuple[float, float]]] = [[] for _ in LABEL_HEIGHTS]
        self._keep_what_if_label_inside(box.height())
        blocked = self._label_obstacles(middles, tall)
        # A short plot's top height would put half a label above the plot: not offered.
        inside = [
            k
            for k, middle in enumerate(middles)
            if box.top() <= middle - tall / 2 and middle + tall / 2 <= box.bottom()
        ]
        # The what-if line itself, at every height: its thick stroke struck through a label
        # that ran across it ("B liquidated (ent|ered/iso)" on the brief's example).
        stroke = None
        if self.what_if.isVisible():
            middle = view.mapViewToScene(pg.Point(self.what_if.value(), 0)).x()
            stroke = (middle - WHAT_IF_CLEARANCE, middle + WHAT_IF_CLEARANCE)
        spots = sorted(
            ((view.mapViewToScene(pg.Point(line.value(), 0)).x(), line) for line in lines),
            key=lambda spot: spot[0],
        )
        for px, line in spots:
            own = stroke is not None and stroke[0] <= px <= stroke[1]  # its line is there
            found = None
            texts: tuple[str | None, ...] = getattr(line, "texts", None) or (None,)
            line.label.setVisible(True)  # a hidden label ignores a new text (pyqtgraph)
            for text in texts:
                if text is not None:
                    _set_label(line, text)
                width = line.label.boundingRect().width()
                sides = [(0, 0.5), (1, 0.5)]  # right of the line first, as a label is read
                if px + width > box.right() and px - width >= box.left():
                    sides.reverse()
                found = next(
                    (
                        (k, anchor)
                        for k in inside
                        for anchor in sides
                        if _fits(
                            _span(px, width, anchor),
                            box.left(),
                            box.right(),
                            [
                                *blocked[k],
                                *(s for j in near[k] for s in placed[j]),
                                *([stroke] if stroke is not None and not own else []),
                            ],
                        )
                    ),
                    None,
                )
                if found is not None:
                    break
            if found is None and texts[0] is not None:
                _set_label(line, texts[0])  # hidden with its words, for its next place
            line.label.setVisible(found is not None)
            if found is None:
                continue
            free, anchor = found
            placed[free].append(_span(px, width, anchor))
            if line.label.anchors != [anchor, anchor] or line.label.orthoPos != LABEL_HEIGHTS[free]:
                line.label.anchors = [anchor, anchor]
                line.label.setPosition(LABEL_HEIGHTS[free])

    def _label_obstacles(
        self, middles: list[float], tall: float
    ) -> list[list[tuple[float, float]]]:
        """At each label height, the spans other labels take there: the what-if line's (a
        liquidation at the what-if price wrote its label over "what if" on a short plot),
        and the start-equity and max-acceptable-loss lines' (a long liquidation label ran
        across "start equity" on a 60-position book)."""
        blocked: list[list[tuple[float, float]]] = [[] for _ in middles]
        for line in (self.what_if, self.start_line, self.limit_line):
            if not line.isVisible() or not line.label.isVisible():
                continue
            line.label.updatePosition()
            taken = line.label.sceneBoundingRect()
            for k, middle in enumerate(middles):
                # A pixel or two to spare: a label's box sits a little off its height.
                if abs(middle - taken.center().y()) < (tall + taken.height()) / 2 + 2:
                    blocked[k].append((taken.left(), taken.right()))
        return blocked

    def _keep_level_labels_apart(self, view: pg.ViewBox, bottom: float) -> None:
        """ "start equity" and "max acceptable loss" both stand at the right end, above their
        lines. Lines closer than a label's height (a limit small beside the equity, 2,500 on
        480,000; or a short plot) wrote one label over the other. The limit's then goes below
        its line, or, where that would run past the plot's bottom, to the left end."""
        start, limit = self.start_line, self.limit_line
        place = ((1, 1), LEVEL_LABEL_RIGHT)  # right end, above the line
        if start.isVisible() and limit.isVisible():
            upper = view.mapViewToScene(pg.Point(0, start.value())).y()
            lower = view.mapViewToScene(pg.Point(0, limit.value())).y()
            tall = limit.label.boundingRect().height()
            if lower - upper < tall + 2:
                below = lower + tall <= bottom
                place = ((1, 0), LEVEL_LABEL_RIGHT) if below else ((0, 1), LEVEL_LABEL_LEFT)
        anchor, position = place
        if limit.label.anchors != [anchor, anchor] or limit.label.orthoPos != position:
            limit.label.anchors = [anchor, anchor]
            limit.label.setPosition(position)

    def _keep_what_if_label_right(self, view: pg.ViewBox, right: float) -> None:
        """ "what if …" right of its line, as read, unless it would run past the plot's right
        edge. pyqtgraph turns it to the side of the view's centre, where the line stands
        when it opens at the mark: a pixel's difference in the range put it either side, and
        the liquidation labels then found their places changed."""
        label = self.what_if.label
        middle = view.mapViewToScene(pg.Point(self.what_if.value(), 0)).x()
        side = (0, 0.5) if middle + label.boundingRect().width() <= right else (1, 0.5)
        if label.anchors != [side, side]:
            label.anchors = [side, side]
            label.updatePosition()

    def _keep_what_if_label_inside(self, plot_height: float) -> None:
        """Near the top, but low enough that the whole of "what if …" shows: on a laptop's
        short plot its top was cut off by the plot's edge."""
        half = self.what_if.label.boundingRect().height() / 2 + 1
        position = (
            min(WHAT_IF_LABEL_HEIGHT, 1 - half / plot_height)
            if plot_height > 0
            else WHAT_IF_LABEL_HEIGHT
        )
        if self.what_if.label.orthoPos != position:
            self.what_if.label.setPosition(position)

    def _fit_what_if_value(self, bounds: tuple[float, float], axis: str, result: Result) -> None:
        """The field takes the line's range, and the digits and unit of the axis."""
        marks = result.scenario.marks()
        self.what_if_value.mark = None if axis == ALL_SYMBOLS else marks.get(axis)
        key = (bounds, axis, result.report.price_currency)
        if self._what_if_key == key:  # each setter re-lays-out the field
            return
        self._what_if_key = key
        spin = self.what_if_value
        with QSignalBlocker(spin):
            if axis == ALL_SYMBOLS:
                spin.setDecimals(2)
                spin.setSuffix(" %")
                spin.setSingleStep(1.0)
            else:
                mark = result.scenario.marks()[axis]
                spin.setDecimals(price_decimals(mark))
                spin.setSuffix(f" {result.report.price_currency}")
                spin.setSingleStep(10.0 ** (math.floor(math.log10(mark)) - 2))  # 0.1-1 % steps
            # Any valid value may be typed, not only what the plot shows now: the plot grows
            # to hold it (a clamp would turn a typed rally into a crash without a word).
            if axis == ALL_SYMBOLS:
                spin.setRange(-99.99, MAX_MOVE * 100)
            else:
                spin.setRange(10.0 ** -spin.decimals(), MAX_PRICE)

    def _on_what_if_typed(self, value: float) -> None:
        low, high = self.what_if.maxRange
        if low is not None and not low <= value <= high:
            self._controller.show_what_if(value)  # the plot widens, and the line follows
        else:
            self.what_if.setValue(value)

    def _on_what_if_refused(self, message: str) -> None:
        """The line stays where it was; the readout says so, and why."""
        if self._controller.result is not None:
            self._show_what_if(self._controller.result)
        note = (
            "<span style='color:#c0392b'>"
            + tr("{problem}; nothing moved").format(problem=html.escape(said(message)))
            + "</span>"
        )
        self.readout.setText(f"{self.readout.text()}<br>{note}")

    def _on_what_if_moved(self) -> None:
        """The line was dragged (or stepped): the controller evaluates there, once."""
        x = float(self.what_if.value())
        self._controller.set_what_if(x)
        result = self._controller.result
        if result is not None:
            self._show_what_if(result)

    def _show_what_if(self, result: Result) -> None:
        x = float(self.what_if.value())
        if self.what_if_value.value() != x:
            with QSignalBlocker(self.what_if_value):
                self.what_if_value.setValue(x)
        axis = self._controller.axis
        self.what_if.label.setFormat(tr("what if {where}").format(where=_axis_text(x, axis)))
        self.readout.setText(readout_text(result, axis, x))
        self.readout.setToolTip(readout_tooltip(result))
        self._place_labels()  # the line and its label moved: the others make way

    def export_image(self, path: str) -> bool:
        """The plot alone as a PNG at twice its size on screen, through pyqtgraph's exporter
        (axes, curves, lines and labels; no other widget)."""
        from pyqtgraph.exporters import ImageExporter  # only when asked: start-up stays lean

        exporter = ImageExporter(self.plot.getPlotItem())
        exporter.parameters()["width"] = 2 * max(self.plot.width(), 1)
        try:
            exporter.export(path)
        except OSError:
            return False
        return Path(path).is_file()

    def line_positions(self) -> list[tuple[str, float]]:
        """Visible liquidation lines as (label, x): what a user reads off the plot."""
        return [
            (line.label.toPlainText(), float(line.value()))
            for line in self.liquidation_lines
            if line.isVisible()
        ]


def _span(px: float, width: float, anchor: tuple[float, float]) -> tuple[float, float]:
    """The scene span a label of ``width`` takes beside its line at ``px``: right of it with
    its left edge anchored, left of it with its right edge anchored."""
    return (px, px + width) if anchor[0] == 0 else (px - width, px)


def _fits(
    span: tuple[float, float], left: float, right: float, taken: list[tuple[float, float]]
) -> bool:
    """Whether ``span`` lies inside [left, right] and clear of every span ``taken``."""
    return (
        left <= span[0] and span[1] <= right and all(span[1] < a or span[0] > b for a, b in taken)
    )
