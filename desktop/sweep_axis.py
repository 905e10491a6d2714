"""Which grid the main plot sweeps: one symbol's price, or every symbol by the same %."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from engine.models import Scenario
from engine.report import MAX_PRICE
from engine.sweep import SweepResult, Threshold, sweep_move, sweep_price

ALL_SYMBOLS = "All symbols (%)"
POINTS = 801


def _span(
    thresholds: list[float], low: float, high: float, floor: float, ceiling: float
) -> tuple[float, float]:
    """Widen [low, high] to show every threshold that lies within [floor, ceiling]."""
    for x in thresholds:
        if floor <= x <= ceiling:
            low, high = min(low, x), max(high, x)
    pad = 0.06 * (high - low)
    return max(low - pad, floor), min(high + pad, ceiling)


def sweep_for(scenario: Scenario, axis: str) -> SweepResult | None:
    """The sweep the plot shows; None when the scenario has no position to move."""
    marks = scenario.marks()
    if not marks:
        return None
    if axis == ALL_SYMBOLS or axis not in marks:
        probe = sweep_move(scenario, [0.0])
        low, high = _span([t.x for t in probe.thresholds], -0.3, 0.3, -0.95, 2.0)
        result = sweep_move(scenario, np.linspace(low, high, POINTS))
        return SweepResult(
            result.axis,
            None,
            result.x * 100,
            result.equity,
            tuple(_percent(t) for t in result.thresholds),
            result.start_equity,
        )
    mark = marks[axis]
    probe = sweep_price(scenario, axis, [mark])
    low, high = _span(
        [t.x for t in probe.thresholds],
        0.7 * mark,
        1.3 * mark,
        0.02 * mark,
        min(3.0 * mark, MAX_PRICE),
    )
    return sweep_price(scenario, axis, np.linspace(low, high, POINTS))


def _percent(threshold: Threshold) -> Threshold:
    return replace(threshold, x=threshold.x * 100)
