"""Risk view: Monte Carlo odds of liquidation and end-equity histograms per variant.

Runs on a worker thread with progress and cancel; a change to the positions restarts a run
that has been started once, so the figures always belong to the scenario on screen.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.equity_plot import set_axis_label
from marginlab.desktop.fields import EditField
from marginlab.desktop.line_key import key_row
from marginlab.desktop.style import VARIANT_STYLES, variant_pen
from marginlab.engine.margin.models import Scenario
from marginlab.engine.paths.montecarlo import (
    GBM,
    SECONDS_PER_YEAR,
    Bootstrap,
    Cancelled,
    Risk,
    parse_volatilities,
    simulate,
    uniform_correlation,
)
from marginlab.engine.paths.sources import PathError, csv_path

HORIZONS = {"1 hour": 1 / 8_760, "8 hours": 8 / 8_760, "1 day": 1 / 365, "1 week": 7 / 365}
STEPS = 1_440


MODELS = ("GBM: volatility and correlation", "Bootstrap of your candles (CSV)…")


def _interval(seconds: float) -> str:
    for size, unit in ((86_400, "d"), (3_600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds / size:g} {unit}"
    return f"{seconds:g} s"


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)  # Risk, or None when cancelled
    failed = Signal(str)

    def __init__(
        self,
        scenario: Scenario,
        model: GBM | Bootstrap,
        paths: int,
        steps: int,
        step_years: float,
        seed: int,
    ) -> None:
        super().__init__()
        self.args = (scenario, model, paths, steps, step_years, seed)
        self.stop = threading.Event()

    def run(self) -> None:
        scenario, model, paths, steps, step_years, seed = self.args
        try:
            risk = simulate(
                scenario,
                model,
                paths,
                steps,
                step_years,
                seed,
                progress=self.progressed.emit,
                cancelled=self.stop.is_set,
            )
        except Cancelled:
            self.finished.emit(None)
        except ValueError as error:
            self.failed.emit(str(error))
        else:
            self.finished.emit(risk)


class RiskView(QWidget):
    done = Signal(object)  # Risk, for whoever waits on a run (tests)

    def __init__(self, controller: ScenarioController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._wanted = False
        self.risk: Risk | None = None
        self._model_used = ""
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.paths = QSpinBox(minimum=100, maximum=200_000, singleStep=1000, value=10_000)
        self.paths.setToolTip("Number of simulated price paths")
        self.horizon = QComboBox()
        self.horizon.addItems(list(HORIZONS))
        self.horizon.setCurrentText("1 day")
        self.horizon.setToolTip(f"How far ahead; {STEPS:,} steps over the horizon")
        self.vol = EditField(
            "risk.volatility",
            "Annualised volatility in %, geometric Brownian motion: one number for every "
            "symbol (80), or per symbol (BTCUSDT=60, ETHUSDT=90); a lone number sets the "
            "symbols not named. Default 80.",
            lambda _text: self._volatilities(),
        )
        self.vol.setText("80")
        self.vol.setPlaceholderText("80 or BTCUSDT=60, ETHUSDT=90")
        self.vol.setMinimumWidth(220)
        self.corr = QDoubleSpinBox(minimum=-0.95, maximum=0.99, singleStep=0.05, value=0.7)
        self.corr.setToolTip("Correlation between every pair of symbols")
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0)
        self.seed.setToolTip("Random seed: the same seed gives the same figures")
        self.run_button = QPushButton("&Run")
        self.run_button.setToolTip("Simulate in the background")
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setEnabled(False)
        self.model = QComboBox()
        self.model.addItems(list(MODELS))
        self.model.setToolTip(
            "How prices move: random (geometric Brownian motion), or blocks of your own "
            "candles drawn at random, wicks included (one CSV per symbol; timestamp, open, "
            "high, low, close)"
        )
        self.model.activated.connect(self._on_model_activated)
        self.block = QSpinBox(minimum=1, maximum=10_000, value=30, suffix=" candles")
        self.block.setToolTip(
            "Bootstrap: consecutive candles drawn together, so runs and volatility clusters "
            "in your history survive"
        )
        self._candles: dict[str, Path] = {}
        for line in (
            (
                ("Paths", self.paths),
                ("Horizon", self.horizon),
                ("Seed", self.seed),
                ("", self.run_button),
                ("", self.cancel_button),
            ),
            (
                ("Model", self.model),
                ("Volatility %/yr", self.vol),
                ("Correlation", self.corr),
                ("Block", self.block),
            ),
        ):
            row = QHBoxLayout()
            for label, widget in line:
                if label:
                    row.addWidget(QLabel(label))
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        self._show_model_inputs()
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        self.odds = QLabel("Run a simulation to see the odds of liquidation in each mode.")
        self.odds.setWordWrap(True)
        self.odds.setAccessibleName("risk odds")
        self.odds.setToolTip(
            "P(liquidation): share of paths with any liquidation within the "
            "horizon (± one standard error). ES95: mean end equity of the worst "
            "5 % of paths."
        )
        layout.addWidget(self.odds)
        layout.addLayout(key_row())
        self.plot = pg.PlotWidget()
        self.plot.setLabel("left", "Paths")
        self.histograms = {
            n: pg.PlotCurveItem(pen=variant_pen(n), name=s.title) for n, s in VARIANT_STYLES.items()
        }
        for item in self.histograms.values():
            self.plot.addItem(item)
        layout.addWidget(self.plot, 1)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        controller.scenarioChanged.connect(self._on_scenario_changed)

    def run(self) -> None:
        """Start a simulation for the scenario on screen (cancelling one under way)."""
        self._wanted = True
        self.cancel()
        scenario = self._controller.scenario
        symbols = scenario.symbols()
        if not symbols:
            self.odds.setText("Add a position to simulate.")
            return
        chosen = self._model(symbols)
        if isinstance(chosen, str):
            self.odds.setText(f"<span style='color:#c0392b'>{html.escape(chosen)}</span>")
            return
        model, steps, step_years = chosen
        self._model_used = self._model_text(model)
        self._worker = _Worker(
            scenario, model, self.paths.value(), steps, step_years, self.seed.value()
        )
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._thread.quit)
        self._worker.failed.connect(self._thread.quit)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self._thread.start()

    def _model(self, symbols: list[str]) -> tuple[GBM | Bootstrap, int, float] | str:
        """The price model, its steps and step length for the horizon; or what is wrong."""
        years = HORIZONS[self.horizon.currentText()]
        if self.model.currentIndex() == 0:
            volatilities = self._volatilities()
            if isinstance(volatilities, str):
                return volatilities
            correlation = uniform_correlation(len(symbols), self.corr.value())
            return GBM(volatilities, correlation), STEPS, years / STEPS
        try:
            model = Bootstrap(csv_path(self._candles), self.block.value())
            return model, model.steps_for(years), model.step_years
        except PathError as error:
            return "Candles: " + "; ".join(error.problems)
        except ValueError as error:
            return f"Candles: {error}"

    def _model_text(self, model: GBM | Bootstrap) -> str:
        if isinstance(model, GBM):
            shown = ", ".join(f"{s} {v * 100:g} %" for s, v in model.volatility.items())
            return f"volatility {shown} a year, correlation {self.corr.value():g}"
        files = ", ".join(f"{file.name} ({s})" for s, file in self._candles.items())
        interval = _interval(model.step_years * SECONDS_PER_YEAR)
        return f"bootstrap of {files} in blocks of {model.block} {interval} candles"

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
            file = QFileDialog.getOpenFileName(
                self,
                f"Candles for {symbol} (Cancel: {symbol} stays at its mark)",
                str(Path.home()),
                "CSV candles (*.csv);;All files (*)",
            )[0]
            if file:
                chosen[symbol] = Path(file)
        return chosen

    def _show_model_inputs(self) -> None:
        random = self.model.currentIndex() == 0
        self.vol.setEnabled(random)
        self.corr.setEnabled(random)
        self.block.setEnabled(not random)

    def _volatilities(self) -> dict[str, float] | str:
        """The volatilities typed, or the problem (also shown on the field)."""
        try:
            volatilities = parse_volatilities(self.vol.text(), self._controller.scenario.symbols())
        except ValueError as error:
            problem = f"Volatility: {error}"
            self.vol.show_problem(problem)
            return problem
        self.vol.show_problem(None)
        return volatilities

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.stop.set()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = self._worker = None
        self.cancel_button.setEnabled(False)

    def _on_scenario_changed(self, _scenario: object) -> None:
        if self._wanted:
            self.run()  # the figures must belong to the positions on screen

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total))

    def _on_failed(self, message: str) -> None:
        self.cancel_button.setEnabled(False)
        self.odds.setText(f"<span style='color:#c0392b'>{html.escape(message)}</span>")

    def _on_finished(self, risk: Risk | None) -> None:
        self.cancel_button.setEnabled(False)
        if risk is None:
            self.odds.setText("Cancelled.")
            return
        self.risk = risk
        currency = self._controller.scenario.account.currency
        cur = html.escape(currency)
        lows = min(float(v.end_equity.min()) for v in risk.variants.values())
        highs = max(float(v.end_equity.max()) for v in risk.variants.values())
        edges = np.linspace(lows, highs if highs > lows else lows + 1, 61)
        lines = [
            f"{risk.paths:,} paths over {self.horizon.currentText()} (seed {risk.seed}); "
            f"{self._model_used}; start equity {risk.start_equity:,.2f} {cur}"
        ]
        for name, variant in risk.variants.items():
            counts, _ = np.histogram(variant.end_equity, bins=edges)
            self.histograms[name].setData(edges, counts, stepMode="center")
            median = variant.median_steps_to_first_liquidation
            when = (
                ""
                if median is None
                else f"; median first liquidation after {median * risk.step_years * 8760:,.1f} h"
            )
            lines.append(
                f"<span style='color:{VARIANT_STYLES[name].colour}'><b>"
                f"{VARIANT_STYLES[name].title}</b></span>: P(liquidation) "
                f"{variant.liquidation_probability:.2%} ± {variant.standard_error:.2%}{when}; "
                f"end equity median {variant.end_equity_percentiles[50]:,.0f}, p5 "
                f"{variant.end_equity_percentiles[5]:,.0f}; ES95 "
                f"{variant.expected_shortfall_95:,.0f} {cur}"
            )
        set_axis_label(self.plot, "bottom", f"End equity ({currency})")
        self.odds.setText("<br>".join(lines))
        self.progress.setValue(100)
        self.done.emit(risk)
