"""Vectorised sweeps: account equity of each variant along a grid of moves (DESIGN §1, §5).

Each grid point is reached by a monotone move from today's marks, the rule ``evaluate(at=...)``
applies, so a sweep and ``evaluate`` agree point by point. A pool's equity is linear in the move
and its healthy set is one interval (``engine.solver``), so the whole grid is two comparisons and
one multiply-add per pool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from engine.models import Scenario
from engine.pools import VARIANTS, Pool, build_pools
from engine.report import MAX_PRICE
from engine.solver import Crossings, crossings

Axis = Literal["price", "move"]
MAX_MOVE = 1e4  # +1,000,000 %: far beyond any plot, small enough to stay finite
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Threshold:
    """Where a pool of one variant is liquidated on the sweep's axis."""

    variant: str
    pool: str
    position_ids: tuple[str, ...]
    x: float
    side: Literal["down", "up", "now"]


@dataclass(frozen=True, slots=True)
class SweepResult:
    """``x`` is prices of ``symbol`` (axis "price") or fractional moves of all symbols ("move")."""

    axis: Axis
    symbol: str | None
    x: FloatArray
    equity: dict[str, FloatArray]
    thresholds: tuple[Threshold, ...]
    start_equity: float


def sweep_price(scenario: Scenario, symbol: str, prices: npt.ArrayLike) -> SweepResult:
    """Equity of each variant as ``symbol`` moves to each of ``prices``, others at their marks."""
    marks = scenario.marks()
    if symbol not in marks:
        listed = ", ".join(marks) or "none"
        raise ValueError(f"symbol: '{symbol}' is not in the scenario (it has: {listed})")
    x = _grid(prices)
    if np.any(x <= 0) or np.any(x > MAX_PRICE):
        raise ValueError(f"prices: must be > 0 and <= {MAX_PRICE:g}")
    mark = marks[symbol]
    return _sweep(scenario, "price", symbol, x, x - mark, {symbol: 1.0}, lambda t: mark + t)


def sweep_move(scenario: Scenario, moves: npt.ArrayLike) -> SweepResult:
    """Equity of each variant as every symbol moves by the same fraction (-0.2 = 20 % down)."""
    x = _grid(moves)
    if np.any(x <= -1) or np.any(x > MAX_MOVE):
        raise ValueError(f"move: must be above -100 % and at most +{MAX_MOVE * 100:g} %")
    return _sweep(scenario, "move", None, x, x, scenario.marks(), lambda t: t)


def _grid(values: npt.ArrayLike) -> FloatArray:
    x = np.asarray(values, dtype=np.float64).ravel()
    if x.size == 0 or not np.all(np.isfinite(x)):
        raise ValueError("grid: needs at least one finite point")
    return x


def _sweep(
    scenario: Scenario,
    axis: Axis,
    symbol: str | None,
    x: FloatArray,
    t: FloatArray,
    direction: dict[str, float],
    to_axis: Callable[[float], float],
) -> SweepResult:
    equity: dict[str, FloatArray] = {}
    thresholds: list[Threshold] = []
    for variant in VARIANTS:
        total = np.zeros_like(t)
        for pool in build_pools(scenario, variant):
            c = crossings(pool, direction)
            total += _pool_equity(pool, c, direction, t)
            thresholds.extend(_thresholds(variant, pool, c, to_axis))
        equity[variant] = total
    start = scenario.equity_now()
    return SweepResult(axis, symbol, x, equity, tuple(thresholds), start)


def _pool_equity(
    pool: Pool, c: Crossings, direction: dict[str, float], t: FloatArray
) -> FloatArray:
    """``cash + Σ upnl`` along ``t`` where the pool is alive, 0 where it was liquidated."""
    now = pool.cash + sum(leg.upnl(leg.mark) for leg in pool.legs)
    slope = sum(leg.sign * leg.quantity * direction.get(leg.symbol, 0.0) for leg in pool.legs)
    if not c.healthy:
        return np.zeros_like(t)
    alive = np.ones(t.shape, dtype=bool)
    if c.down is not None:
        alive &= t > c.down
    if c.up is not None:
        alive &= t < c.up
    return np.where(alive, now + slope * t, 0.0)


def _thresholds(
    variant: str, pool: Pool, c: Crossings, convert: Callable[[float], float]
) -> list[Threshold]:
    ids = tuple(leg.position_id for leg in pool.legs)
    if not ids:
        return []
    if not c.healthy:
        return [Threshold(variant, pool.name, ids, float(convert(0.0)), "now")]
    out = []
    if c.down is not None:
        out.append(Threshold(variant, pool.name, ids, convert(c.down), "down"))
    if c.up is not None:
        out.append(Threshold(variant, pool.name, ids, convert(c.up), "up"))
    return out
