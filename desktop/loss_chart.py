"""Bar chart of the loss boundary (max loss) of each variant, against the acceptable loss."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.controller import Result
from desktop.equity_plot import set_axis_label
from desktop.style import VARIANT_STYLES

# Fill patterns: the second cue besides colour.
PATTERNS = {
    "as_entered": Qt.BrushStyle.Dense4Pattern,
    "isolated": Qt.BrushStyle.BDiagPattern,
    "cross": Qt.BrushStyle.SolidPattern,
}


class LossChart(pg.PlotWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("max loss chart")
        self.setToolTip(
            "Max loss if wrong: the sum of the pools you can lose (isolated "
            "margins; the whole cross pool)"
        )
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.names = list(VARIANT_STYLES)
        brushes = [QBrush(QColor(VARIANT_STYLES[n].colour), PATTERNS[n]) for n in self.names]
        pens = [pg.mkPen(VARIANT_STYLES[n].colour, width=2) for n in self.names]
        self.bars = pg.BarGraphItem(
            x=list(range(3)), height=[0, 0, 0], width=0.6, brushes=brushes, pens=pens
        )
        self.addItem(self.bars)
        self.values = [pg.TextItem(anchor=(0.5, 1)) for _ in self.names]
        for item in self.values:
            self.addItem(item)
        self.limit = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen("#c0392b", width=2, style=Qt.PenStyle.DashDotLine),
            label="",
            labelOpts={"position": 0.02, "color": "#c0392b", "anchors": [(0, 1), (0, 1)]},
        )
        self.addItem(self.limit)
        axis = self.getAxis("bottom")
        axis.setTicks([[(i, VARIANT_STYLES[n].title) for i, n in enumerate(self.names)]])
        self.setXRange(-0.6, 2.6, padding=0)

    def show_result(self, result: Result) -> None:
        report = result.report
        heights = [report.variants[n].account.max_loss for n in self.names]
        self.bars.setOpts(height=heights)
        for item, height in zip(self.values, heights, strict=True):
            item.setText(f"{height:,.0f}")
        for i, item in enumerate(self.values):
            item.setPos(i, heights[i])
        limit = result.scenario.account.max_acceptable_loss
        self.limit.setVisible(limit is not None)
        top = max([*heights, limit or 0, 1.0])
        if limit is not None:
            self.limit.setValue(limit)
            self.limit.label.setFormat(f"acceptable {limit:,.0f}")
        set_axis_label(self, "left", f"Max loss ({report.currency})")
        if self.viewRange()[1][1] != top * 1.2:
            self.setYRange(0, top * 1.2, padding=0)

    def heights(self) -> list[float]:
        return [float(h) for h in self.bars.opts["height"]]
