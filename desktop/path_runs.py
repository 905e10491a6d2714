"""The one owner of price-path runs: Replay and Monte Carlo (DESIGN §4, one-way flow).

The Replay and Risk views send a request here and render what comes back; they never call the
engine's path modules themselves. This owns the worker thread, progress, cancel and the error
text, and re-runs a simulation when the positions change, so the odds on screen always belong
to the scenario on screen. Parsed candle files are kept while the file is unchanged.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.i18n import said, said_error, tr
from marginlab.engine.margin.models import Scenario
from marginlab.engine.paths.defaults import (
    DEFAULT_BLOCK,
    DEFAULT_CORRELATION,
    DEFAULT_PATHS,
    DEFAULT_SEED,
    DEFAULT_STEPS,
    DEFAULT_VOLATILITY_TEXT,
)
from marginlab.engine.paths.montecarlo import (
    GBM,
    Bootstrap,
    Cancelled,
    Risk,
    VariantRisk,
    parse_volatilities,
    simulate,
    uniform_correlation,
)
from marginlab.engine.paths.replay import PricePath, Replay, replay
from marginlab.engine.paths.sources import SHAPES, PathError, builtin_path, csv_path
from marginlab.engine.text.risk_text import parameters_text

__all__ = [
    "DEFAULTS",
    "SHAPES",
    "PathRuns",
    "Replay",
    "ReplayRequest",
    "Risk",
    "RiskRequest",
    "VariantRisk",
    "parameters_text",
]


@dataclass(frozen=True, slots=True)
class _Defaults:
    """The Monte Carlo defaults the CLI uses too, as the Risk tab shows them."""

    paths: int = DEFAULT_PATHS
    steps: int = DEFAULT_STEPS
    volatility: str = DEFAULT_VOLATILITY_TEXT
    correlation: float = DEFAULT_CORRELATION
    seed: int = DEFAULT_SEED
    block: int = DEFAULT_BLOCK


DEFAULTS = _Defaults()


@dataclass(frozen=True, slots=True)
class ReplayRequest:
    """A built-in shape moving ``symbols`` (all when empty) by ``depth`` (0.15 = 15 %), or
    candles from ``csv`` (symbol -> file) when ``shape`` is None."""

    shape: str | None
    symbols: tuple[str, ...] = ()
    depth: float | None = None
    csv: dict[str, Path] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RiskRequest:
    """What the Risk view asks for, as the trader set it; the defaults are the CLI's."""

    horizon_years: float
    paths: int = DEFAULT_PATHS
    seed: int = DEFAULT_SEED
    volatility: str = DEFAULT_VOLATILITY_TEXT
    correlation: float = DEFAULT_CORRELATION
    candles: dict[str, Path] = field(default_factory=dict)  # a bootstrap when not empty
    block: int = DEFAULT_BLOCK


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)  # Risk, or None when cancelled
    failed = Signal(str)

    def __init__(
        self, scenario: Scenario, model: GBM | Bootstrap, request: RiskRequest, steps: int
    ) -> None:
        super().__init__()
        self.args = (scenario, model, request, steps)
        self.stop = threading.Event()

    def run(self) -> None:
        scenario, model, request, steps = self.args
        step_years = (
            model.step_years if isinstance(model, Bootstrap) else request.horizon_years / steps
        )
        try:
            risk = simulate(
                scenario,
                model,
                request.paths,
                steps,
                step_years,
                request.seed,
                progress=self.progressed.emit,
                cancelled=self.stop.is_set,
            )
        except Cancelled:
            self.finished.emit(None)
        except ValueError as error:
            self.failed.emit(said_error(error))
        else:
            self.finished.emit(risk)


class PathRuns(QObject):
    replayed = Signal(object)  # Replay, or None when there is nothing to replay
    replayFailed = Signal(str)
    riskStarted = Signal()
    riskProgressed = Signal(int, int)
    riskFinished = Signal(object)  # Risk
    riskCancelled = Signal()
    riskFailed = Signal(str)

    def __init__(self, controller: ScenarioController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._retired: list[tuple[QThread, _Worker]] = []  # cancelled runs still stopping
        self._risk_request: RiskRequest | None = None
        self._candles: dict[tuple[str, ...], tuple[tuple[tuple[int, int], ...], PricePath]] = {}
        controller.scenarioChanged.connect(self._on_scenario_changed)

    # --- replay --------------------------------------------------------------------------------
    def replay(self, request: ReplayRequest) -> Replay | None:
        """Replay ``request`` on the current scenario; the result or the error is emitted."""
        scenario = self._controller.scenario
        try:
            path = self._price_path(scenario, request)
            result = None if path is None else replay(scenario, path)
        except (PathError, ValueError) as error:
            self.replayFailed.emit(said_error(error))
            return None
        self.replayed.emit(result)
        return result

    def _price_path(self, scenario: Scenario, request: ReplayRequest) -> PricePath | None:
        if not scenario.symbols():
            return None
        if request.shape is None:
            return self._csv(request.csv) if request.csv else None
        symbols = list(request.symbols) or scenario.symbols()
        return builtin_path(request.shape, scenario.marks(), symbols, request.depth)

    def _csv(self, files: dict[str, Path]) -> PricePath:
        """Candles parsed once per file version (path, size and modification time)."""
        key = tuple(f"{symbol}={file}" for symbol, file in sorted(files.items()))
        stamp = tuple(_file_stamp(file) for file in files.values())
        cached = self._candles.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        path = csv_path(files)
        self._candles = {key: (stamp, path)}
        return path

    # --- Monte Carlo ---------------------------------------------------------------------------
    @staticmethod
    def volatility_problem(text: str, symbols: list[str]) -> str | None:
        """What is wrong with a typed volatility, in the field's words, or None."""
        try:
            parse_volatilities(text, symbols)
        except ValueError as error:
            return tr("Volatility: {problem}").format(problem=said_error(error))
        return None

    def simulate(self, request: RiskRequest) -> None:
        """Start a simulation of the current scenario (cancelling one under way); it is run
        again whenever the positions change, until ``forget`` is called."""
        self._stop()
        self._risk_request = request
        scenario = self._controller.scenario
        symbols = scenario.symbols()
        if not symbols:
            self.riskFailed.emit(tr("Add a position to simulate."))
            return
        chosen = self._model(request, symbols)
        if isinstance(chosen, str):
            self.riskFailed.emit(chosen)
            return
        model, steps = chosen
        self._worker = _Worker(scenario, model, request, steps)
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.riskProgressed)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self.riskFailed)
        self._worker.finished.connect(self._thread.quit)
        self._worker.failed.connect(self._thread.quit)
        self.riskStarted.emit()
        self._thread.start()

    def _model(self, request: RiskRequest, symbols: list[str]) -> tuple[GBM | Bootstrap, int] | str:
        """The price model and its steps over the horizon, or what is wrong."""
        if not request.candles:
            try:
                volatilities = parse_volatilities(request.volatility, symbols)
            except ValueError as error:
                return tr("Volatility: {problem}").format(problem=said_error(error))
            correlation = uniform_correlation(len(symbols), request.correlation)
            return GBM(volatilities, correlation), DEFAULT_STEPS
        try:
            model = Bootstrap(self._csv(request.candles), request.block)
            return model, model.steps_for(request.horizon_years)
        except PathError as error:
            return tr("Candles: {problem}").format(problem="; ".join(map(said, error.problems)))
        except (OSError, ValueError) as error:
            return tr("Candles: {problem}").format(problem=said_error(error))

    def cancel(self) -> None:
        """Stop the run under way, if any; its figures are dropped."""
        if self._stop():
            self.riskCancelled.emit()

    def _stop(self) -> bool:
        """Stop the run under way; whether there was one. The window does not wait for it:
        the run stops at its next block of steps, in the background, and nothing it says any
        more reaches the views."""
        worker, thread = self._worker, self._thread
        self._thread = self._worker = None
        if worker is None or thread is None:
            return False
        worker.stop.set()
        for signal, slot in (
            (worker.progressed, self.riskProgressed),
            (worker.finished, self._on_finished),
            (worker.failed, self.riskFailed),
        ):
            signal.disconnect(slot)
        # The worker's own "finished → quit" reaches the thread object through this (the
        # main) thread's event loop: asked here, a wait below can never miss it.
        thread.quit()
        if thread.isFinished():
            return True
        retired = (thread, worker)
        self._retired.append(retired)  # both kept alive until the thread ends

        def forget() -> None:
            if retired in self._retired:
                self._retired.remove(retired)

        thread.finished.connect(forget)
        return True

    def shutdown(self) -> None:
        """Cancel, and wait for every run still stopping (the window is closing)."""
        self.cancel()
        for thread, _ in list(self._retired):
            thread.quit()
            thread.wait()
        self._retired.clear()

    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def _on_finished(self, risk: Risk | None) -> None:
        if risk is None:
            self.riskCancelled.emit()
        else:
            self.riskFinished.emit(risk)

    def _on_scenario_changed(self, _scenario: object) -> None:
        if self._risk_request is not None:
            self.simulate(self._risk_request)  # the figures must belong to the positions shown


def _file_stamp(file: Path) -> tuple[int, int]:
    """Size and modification time: a changed file is read again; a missing one fails later."""
    try:
        info = file.stat()
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)
