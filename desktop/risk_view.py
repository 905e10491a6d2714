"""Risk view: Monte Carlo odds of liquidation and end-equity histograms per variant.

Runs on a worker thread with progress and cancel; a change to the positions restarts a run
that has been started once, so the figures always belong to the scenario on screen.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.candle_files import ask_candles
from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.elided_label import WrappedLabel
from marginlab.desktop.equity_plot import NAMED_IDS, plain_axes, set_axis_label
from marginlab.desktop.fields import EditField
from marginlab.desktop.i18n import N_, named, said, tr
from marginlab.desktop.line_key import key_row
from marginlab.desktop.panes import scroll_down_only
from marginlab.desktop.path_runs import (
    DEFAULTS,
    PathRuns,
    Risk,
    RiskRequest,
    VariantRisk,
    parameters_text,
)
from marginlab.desktop.spin_boxes import NumberBox, WholeBox
from marginlab.desktop.style import VARIANT_STYLES, variant_pen
from marginlab.engine.text.numbers import amount_text, compact_amount_text
from marginlab.engine.text.risk_text import odds_text

PLOT_HEIGHT = 160  # px of histogram at least: below, the tab scrolls
HORIZONS = {
    N_("1 hour"): 1 / 8_760,
    N_("8 hours"): 8 / 8_760,
    N_("1 day"): 1 / 365,
    N_("1 week"): 7 / 365,
}
MODELS = (N_("GBM: volatility and correlation"), N_("Bootstrap of your candles (CSV)…"))


class RiskView(QScrollArea):
    """Scrolls rather than squeezing: on a 720-line screen the odds' lines were cut in half
    and the histogram was 30 px tall."""

    done = Signal(object)  # Risk, for whoever waits on a run (tests)

    def __init__(
        self, controller: ScenarioController, runs: PathRuns, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._runs = runs
        self.risk: Risk | None = None
        scroll_down_only(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        self.paths = WholeBox(
            tr("Paths"), minimum=100, maximum=200_000, singleStep=1000, value=DEFAULTS.paths
        )
        self.paths.setToolTip(tr("Number of simulated price paths"))
        self.horizon = QComboBox()
        for horizon in HORIZONS:
            self.horizon.addItem(tr(horizon), horizon)
        self.horizon.setCurrentIndex(self.horizon.findData("1 day"))
        self.horizon.setToolTip(
            tr("How far ahead; {n} steps over the horizon").format(n=f"{DEFAULTS.steps:,}")
        )
        self.vol = EditField(
            "risk.volatility",
            tr(
                "Annualised volatility in %, geometric Brownian motion: one number for every "
                "symbol (80), or per symbol (BTCUSDT=60, ETHUSDT=90); a lone number sets the "
                "symbols not named. Default {volatility}."
            ).format(volatility=DEFAULTS.volatility),
            lambda _text: self._volatilities(),
        )
        self.vol.show_value(DEFAULTS.volatility)
        self.vol.setPlaceholderText(tr("80 or BTCUSDT=60, ETHUSDT=90"))
        self.vol.setMinimumWidth(220)
        self.corr = NumberBox(
            tr("Correlation"),
            minimum=-0.95,
            maximum=0.99,
            singleStep=0.05,
            value=DEFAULTS.correlation,
        )
        self.corr.setToolTip(tr("Correlation between every pair of symbols"))
        self.seed = WholeBox(tr("Seed"), minimum=0, maximum=2**31 - 1, value=DEFAULTS.seed)
        self.seed.setToolTip(tr("Random seed: the same seed gives the same figures"))
        self.run_button = QPushButton(tr("&Run"))
        self.run_button.setToolTip(tr("Simulate in the background"))
        self.cancel_button = QPushButton(tr("&Cancel"))
        self.cancel_button.setEnabled(False)
        self.model = QComboBox()
        self.model.addItems([tr(m) for m in MODELS])
        self.model.setToolTip(
            tr(
                "How prices move: random (geometric Brownian motion), or blocks of your own "
                "candles drawn at random, wicks included (one CSV per symbol; timestamp, open, "
                "high, low, close)"
            )
        )
        self.model.activated.connect(self._on_model_activated)
        self.block = WholeBox(
            tr("Block"), minimum=1, maximum=10_000, value=DEFAULTS.block, suffix=" " + tr("candles")
        )
        self.block.setToolTip(
            tr(
                "Bootstrap: consecutive candles drawn together, so runs and volatility clusters "
                "in your history survive"
            )
        )
        self._candles: dict[str, Path] = {}
        self._captions: dict[QWidget, QLabel] = {}
        for line in (
            (
                (tr("Paths"), self.paths),
                (tr("Horizon"), self.horizon),
                (tr("Seed"), self.seed),
                ("", self.run_button),
                ("", self.cancel_button),
            ),
            (
                (tr("Model"), self.model),
                (tr("Volatility %/yr"), self.vol),
                (tr("Correlation"), self.corr),
                (tr("Block"), self.block),
            ),
        ):
            row = QHBoxLayout()
            for label, widget in line:
                if label:
                    caption = self._captions[widget] = QLabel(label)
                    row.addWidget(caption)
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        self._show_model_inputs()
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        self.odds = WrappedLabel()
        self.odds.setText(tr("Run a simulation to see the odds of liquidation in each mode."))
        self.odds.setAccessibleName("risk odds")
        self.odds.setToolTip(
            tr(
                "P(liquidation): share of paths with any liquidation within the "
                "horizon (± one standard error). ES95: mean end equity of the worst "
                "5 % of paths."
            )
        )
        # The odds beside the histogram, not above it: one above the other, the histogram
        # stood a scroll below the odds on a 768-line screen.
        results = QHBoxLayout()
        results.addWidget(self.odds, 2, Qt.AlignmentFlag.AlignTop)
        plotted = QVBoxLayout()
        plotted.addLayout(key_row())
        results.addLayout(plotted, 3)
        layout.addLayout(results, 1)
        self.plot = _Histogram()
        plain_axes(self.plot)  # end equity in the account's unit: 0.2 BTC reads 0.2
        self.plot.setLabel("left", tr("Paths"))
        self.histograms = {
            n: pg.PlotCurveItem(pen=variant_pen(n), name=s.title) for n, s in VARIANT_STYLES.items()
        }
        for item in self.histograms.values():
            self.plot.addItem(item)
        self.plot.setMinimumHeight(PLOT_HEIGHT)
        plotted.addWidget(self.plot, 1)
        self.setWidget(body)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        runs.riskStarted.connect(self._on_started)
        runs.riskProgressed.connect(self._on_progress)
        runs.riskFinished.connect(self._on_finished)
        runs.riskCancelled.connect(self._on_cancelled)
        runs.riskFailed.connect(self._on_failed)

    def run(self) -> None:
        """Ask for a simulation of the scenario on screen; it follows later edits."""
        self._runs.simulate(
            RiskRequest(
                horizon_years=HORIZONS[str(self.horizon.currentData())],
                paths=self.paths.value(),
                seed=self.seed.value(),
                volatility=self.vol.text(),
                correlation=self.corr.value(),
                candles=self._candles if self.model.currentIndex() == 1 else {},
                block=self.block.value(),
            )
        )

    def _on_model_activated(self, index: int) -> None:
        if index == 1:
            chosen = self._ask_candles()
            if chosen:
                self._candles = chosen
            elif not self._candles:
                self.model.setCurrentIndex(0)  # nothing chosen: the random model stays
        self._show_model_inputs()

    def _ask_candles(self) -> dict[str, Path]:
        """One file per symbol; Cancel leaves that symbol at its mark."""
        chosen = {}
        for symbol in self._controller.scenario.symbols():
            file = ask_candles(
                self,
                tr("Candles for {symbol} (Cancel: {symbol} stays at its mark)").format(
                    symbol=symbol
                ),
                tr("CSV candles (*.csv);;All files (*)"),
            )
            if file is not None:
                chosen[symbol] = file
        return chosen

    def _show_model_inputs(self) -> None:
        """The chosen model's inputs only: with the other's beside them, the row was wider
        than the tab at 1366 × 768, and the Block field and the key stood cut at its edge."""
        random = self.model.currentIndex() == 0
        for widget, used in ((self.vol, random), (self.corr, random), (self.block, not random)):
            widget.setEnabled(used)
            widget.setVisible(used)
            self._captions[widget].setVisible(used)

    def _volatilities(self) -> None:
        """Show what is wrong with the typed volatility on the field, as it is typed."""
        symbols = self._controller.scenario.symbols()
        self.vol.show_problem(self._runs.volatility_problem(self.vol.text(), symbols))

    def cancel(self) -> None:
        self._runs.cancel()
        self.cancel_button.setEnabled(False)

    def _on_started(self) -> None:
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)

    def _on_cancelled(self) -> None:
        self.cancel_button.setEnabled(False)
        self.odds.setText(tr("Cancelled."))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total))

    def _on_failed(self, message: str) -> None:
        self.cancel_button.setEnabled(False)
        self.odds.setText(f"<span style='color:#c0392b'>{html.escape(said(message))}</span>")

    def _on_finished(self, risk: Risk) -> None:
        self.cancel_button.setEnabled(False)
        self.risk = risk
        currency = self._controller.scenario.account.currency
        cur = html.escape(currency)
        coin = self._controller.scenario.coin_margined
        lows = min(float(v.end_equity.min()) for v in risk.variants.values())
        highs = max(float(v.end_equity.max()) for v in risk.variants.values())
        edges = np.linspace(lows, highs if highs > lows else lows + 1, 61)
        lines = [
            tr("{parameters}; start equity {amount}").format(
                parameters=html.escape(said(parameters_text(risk.parameters))),
                amount=f"{amount_text(risk.start_equity, coin)} {cur}",
            )
        ]
        limit = self._controller.scenario.account.max_acceptable_loss
        for name, variant in risk.variants.items():
            counts, _ = np.histogram(variant.end_equity, bins=edges)
            self.histograms[name].setData(edges, counts, stepMode="center")
            lines.append(
                f"<span style='color:{VARIANT_STYLES[name].colour}'><b>"
                f"{VARIANT_STYLES[name].title}</b></span>: "
                + _odds_text(variant, risk.step_years, risk.paths)
                + "; "
                + (
                    ""
                    if variant.excess_loss_probability is None or limit is None
                    else tr("P(loss > {limit}) {odds}; ").format(
                        limit=f"{amount_text(limit, coin)} {cur}",
                        odds=f"{variant.excess_loss_probability:.2%}",
                    )
                )
                + tr("end equity median {median}, p5 {p5}; ES95 {es}").format(
                    median=compact_amount_text(variant.end_equity_percentiles[50], coin),
                    p5=compact_amount_text(variant.end_equity_percentiles[5], coin),
                    es=f"{compact_amount_text(variant.expected_shortfall_95, coin)} {cur}",
                )
            )
        set_axis_label(self.plot, "bottom", tr("End equity ({currency})").format(currency=currency))
        self.odds.setText("<br>".join(lines))
        self.progress.setValue(100)
        self.done.emit(risk)


class _Histogram(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """A plot that asks for ``PLOT_HEIGHT`` and takes the room there is: asking for
    pyqtgraph's 410 px, it made a tall window's Risk tab scroll."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), PLOT_HEIGHT)


def _odds_text(variant: VariantRisk, step_years: float, paths: int) -> str:
    """ "P(liquidation) 28.46% ± 0.45%; median first liquidation after 16.1 h". Beside pools
    past liquidation at today's marks, which every path liquidates at its first step, the
    odds of the others: "P2 past liquidation already, in every path; P(another …) …"."""
    further = variant.further
    if further is None:
        odds = tr("P(liquidation) {odds}")
        p, error = variant.liquidation_probability, variant.standard_error
        median = variant.median_steps_to_first_liquidation
    else:
        odds = tr("{ids} past liquidation already, in every path; P(another liquidation) {odds}")
        p, error, median = (
            further.probability,
            further.standard_error,
            further.median_steps_to_first_liquidation,
        )
    text = odds.format(
        ids=html.escape(named(variant.past_liquidation, NAMED_IDS)),
        odds=html.escape(said(odds_text(p, error, paths))),
    )
    if median is None:
        return text
    hours = f"{median * step_years * 8760:,.1f}"
    return text + tr("; median first liquidation after {hours} h").format(hours=hours)
