"""Vectorised sweeps: account equity of each variant along a grid of moves (DESIGN §1, §5).

Each grid point is reached by a monotone move from today's marks, the rule ``evaluate(at=...)``
applies, so a sweep and ``evaluate`` agree point by point. A pool's equity is linear in the move
and its healthy set is one interval (``margin.solver``), so the whole grid is two comparisons and
one multiply-add per pool.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import VARIANTS, Pool, build_pools, start_equity
from marginlab.engine.margin.report import MAX_PRICE
from marginlab.engine.margin.solver import Crossings, crossings

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


ALL_SYMBOLS = "All symbols (%)"  # the axis that moves every symbol by the same percentage
POINTS = 801


def sweep_price(scenario: Scenario, symbol: str, prices: npt.ArrayLike) -> SweepResult:
    """Equity of each variant as ``symbol`` moves to each of ``prices``, others at their marks."""
    if scenario.coin_margined:
        from marginlab.engine.margin.inverse import sweep_price_inverse

        return sweep_price_inverse(scenario, symbol, prices)
    marks = scenario.marks()
    if symbol not in marks:
        listed = ", ".join(marks) or "none"
        raise ValueError(f"symbol: '{symbol}' is not in the scenario (it has: {listed})")
    x = _grid(prices)
    if np.any(x <= 0) or np.any(x > MAX_PRICE):
        raise ValueError(f"prices: must be > 0 and <= {MAX_PRICE:g}")
    mark = marks[symbol]
    pools = _pools(scenario, {symbol: 1.0})
    return _sweep(scenario, pools, "price", symbol, x, x - mark, lambda t: mark + t)


def sweep_move(scenario: Scenario, moves: npt.ArrayLike) -> SweepResult:
    """Equity of each variant as every symbol moves by the same fraction (-0.2 = 20 % down)."""
    if scenario.coin_margined:
        from marginlab.engine.margin.inverse import sweep_move_inverse

        return sweep_move_inverse(scenario, moves)
    x = _grid(moves)
    if np.any(x <= -1) or np.any(x > MAX_MOVE):
        raise ValueError(f"move: must be above -100 % and at most +{MAX_MOVE * 100:g} %")
    pools = _pools(scenario, scenario.marks())
    return _sweep(scenario, pools, "move", None, x, x, lambda t: t)


def sweep_for(
    scenario: Scenario, axis: str, points: int = POINTS, include: float | None = None
) -> SweepResult | None:
    """The sweep a plot shows, in one pass: ``axis`` is a symbol (x in its price) or
    ``ALL_SYMBOLS`` (x in % moves of every symbol). The grid spans ±30 % around the marks,
    widened to show every threshold within −95 % … +200 % (2 % … 3× the mark for a price),
    and to ``include`` (a what-if value the trader typed, in axis units) wherever it lies in
    the valid range. None when the scenario has no position to move."""
    if scenario.coin_margined:
        from marginlab.engine.margin.inverse import sweep_for_inverse

        return sweep_for_inverse(scenario, axis, points, include)
    marks = scenario.marks()
    if not marks:
        return None
    if axis == ALL_SYMBOLS or axis not in marks:
        pools = _pools(scenario, marks)
        t = np.linspace(*move_span(_threshold_ts(pools), include), points)
        return _sweep(scenario, pools, "move", None, t * 100, t, lambda u: u * 100)
    mark = marks[axis]
    pools = _pools(scenario, {axis: 1.0})
    x = np.linspace(*price_span([mark + u for u in _threshold_ts(pools)], mark, include), points)
    return _sweep(scenario, pools, "price", axis, x, x - mark, lambda u: mark + u)


def move_span(thresholds: list[float], include: float | None) -> tuple[float, float]:
    """The grid of an all-symbols sweep, in fractional moves: ±30 %, widened to the
    ``thresholds`` within −95 % … +200 % and to ``include`` (in %) when it is a valid move."""
    low, high = _span(thresholds, -0.3, 0.3, -0.95, 2.0)
    if include is not None and -100 < include <= MAX_MOVE * 100:
        low, high = min(low, include / 100), max(high, include / 100)
    return low, high


def price_span(thresholds: list[float], mark: float, include: float | None) -> tuple[float, float]:
    """The grid of one symbol's sweep: ±30 % of ``mark``, widened to the ``thresholds``
    within 2 % … 3× the mark and to ``include`` when it is a valid price."""
    ceiling = min(3.0 * mark, MAX_PRICE)
    low, high = _span(thresholds, 0.7 * mark, 1.3 * mark, 0.02 * mark, ceiling)
    if include is not None and 0 < include <= MAX_PRICE:
        low, high = min(low, include), max(high, include)
    return low, high


def _span(
    thresholds: list[float], low: float, high: float, floor: float, ceiling: float
) -> tuple[float, float]:
    """Widen [low, high] to show every threshold that lies within [floor, ceiling]."""
    for x in thresholds:
        if floor <= x <= ceiling:
            low, high = min(low, x), max(high, x)
    pad = 0.06 * (high - low)
    return max(low - pad, floor), min(high + pad, ceiling)


@dataclass(frozen=True, slots=True)
class PreparedPools:
    """Each variant's pools with their thresholds along ``direction``, solved once."""

    direction: dict[str, float]
    variants: dict[str, list[tuple[Pool, Crossings]]]


def _pools(scenario: Scenario, direction: dict[str, float]) -> PreparedPools:
    return PreparedPools(
        direction,
        {
            variant: [(pool, crossings(pool, direction)) for pool in build_pools(scenario, variant)]
            for variant in VARIANTS
        },
    )


def _threshold_ts(pools: PreparedPools) -> list[float]:
    return [
        t
        for prepared in pools.variants.values()
        for pool, c in prepared
        if pool.legs and c.healthy
        for t in (c.down, c.up)
        if t is not None
    ]


def _grid(values: npt.ArrayLike) -> FloatArray:
    x = np.asarray(values, dtype=np.float64).ravel()
    if x.size == 0 or not np.all(np.isfinite(x)):
        raise ValueError("grid: needs at least one finite point")
    return x


def _sweep(
    scenario: Scenario,
    pools: PreparedPools,
    axis: Axis,
    symbol: str | None,
    x: FloatArray,
    t: FloatArray,
    to_axis: Callable[[float], float],
) -> SweepResult:
    equity: dict[str, FloatArray] = {}
    thresholds: list[Threshold] = []
    moving = {s for s, d in pools.direction.items() if d}
    in_order = bool(np.all(t[1:] >= t[:-1]))  # a plot's grid; one typed may be in any order
    # The axis a plan is for, found once: both ends of its unit (a price axis's mark in it).
    on = _OnAxis((_PLAN, axis, in_order, to_axis(0.0), to_axis(1.0)), in_order, to_axis)
    for variant, prepared in pools.variants.items():
        total = np.zeros_like(t)
        still = 0.0  # the pools the move does not touch: their equity today, all along
        one_leg: list[tuple[float, ...]] = []  # moving pools of one leg, added as columns
        for pool, c in prepared:
            plan = _plan(variant, on, pool, c, pools.direction, moving)
            if plan.still is not None:
                still += plan.still
                continue
            if plan.row is not None:
                one_leg.append(plan.row)
            else:
                total += _pool_equity(pool, c, pools.direction, t)
            thresholds.extend(plan.thresholds)
        if one_leg:
            total += _one_leg_equity(np.array(one_leg), t)
        equity[variant] = total + still
    start = start_equity(scenario)
    return SweepResult(axis, symbol, x, equity, tuple(thresholds), start)


class _Plan(NamedTuple):
    """How a sweep adds one pool of one variant: its equity today all along (``still``, a
    pool the move leaves alone and healthy), a row of ``_one_leg_equity`` (``row``), or its
    own curve (both None); and its thresholds on the axis. ``crossings`` is what it was
    planned from."""

    crossings: Crossings
    still: float | None
    row: tuple[float, ...] | None
    thresholds: list[Threshold]


class _OnAxis(NamedTuple):
    """The axis a sweep plans its pools for: the plans' key, whether its grid is in order, and
    the conversion of a move to the axis's units."""

    key: tuple[object, ...]
    in_order: bool
    to_axis: Callable[[float], float]


def _plan(
    variant: str,
    on: _OnAxis,
    pool: Pool,
    c: Crossings,
    direction: dict[str, float],
    moving: set[str],
) -> _Plan:
    """A pool's ``_Plan``, remembered on the pool by variant and axis (both ends of its unit,
    so a price axis's mark is in it) while its crossings are the same object: those are
    remembered by the pool's own direction (``solver.crossings``), and an edit of one
    position keeps every other pool, whose plans a book of 500 made again at each keystroke."""
    key = (variant, *on.key)
    found: _Plan | None = pool.memo.get(key)
    if found is not None and found.crossings is c:
        return found
    still = row = None
    if moving.isdisjoint(pool.parts):
        if c.healthy:  # no threshold on the way: its equity today, all along
            still = pool.at_marks()[0]
    elif c.healthy and len(pool.legs) == 1 and on.in_order:
        leg = pool.legs[0]
        part = pool.parts[leg.symbol]
        d = direction.get(leg.symbol, 0.0)
        low = -math.inf if c.down is None else c.down
        high = math.inf if c.up is None else c.up
        row = (leg.mark, d, pool.cash, part.net, part.cost, low, high)
    found = pool.memo[key] = _Plan(c, still, row, _thresholds(variant, pool, c, on.to_axis))
    return found


_PLAN = "sweep plan"


def _one_leg_equity(columns: FloatArray, t: FloatArray) -> FloatArray:
    """Σ of ``_pool_equity`` over pools of one leg each, one row per pool (mark, direction,
    cash, net quantity, cost, lowest and highest ``t`` alive), for a grid ``t`` in order: a
    big book's isolated positions, which the all-symbols sweep moves every one. Each pool's
    equity is a line in ``t`` while it is alive, ``cash + (mark + t·d)·net − cost``, so the
    sum is a running total of the lines that start and stop along the grid: linear in the
    pools plus the grid, not their product."""
    mark, d, cash, net, cost, low, high = columns.T
    start = np.searchsorted(t, low, side="right")  # the first t alive: above its low
    stop = np.searchsorted(t, high, side="left")  # the first t past: at or above its high
    alive = start < stop
    levels = np.zeros(t.size + 1)
    slopes = np.zeros(t.size + 1)
    for index, sign in ((start, 1.0), (stop, -1.0)):
        np.add.at(levels, index[alive], sign * (cash + mark * net - cost)[alive])
        np.add.at(slopes, index[alive], sign * (d * net)[alive])
    summed: FloatArray = np.cumsum(levels[:-1]) + np.cumsum(slopes[:-1]) * t
    return summed


def _pool_equity(
    pool: Pool, c: Crossings, direction: dict[str, float], t: FloatArray
) -> FloatArray:
    """Pool equity along ``t`` where the pool is alive, 0 where it was liquidated."""
    if not c.healthy:
        return np.zeros_like(t)
    alive = np.ones(t.shape, dtype=bool)
    if c.down is not None:
        alive &= t > c.down
    if c.up is not None:
        alive &= t < c.up
    # One price array per symbol, not per leg: a cross pool holds hundreds of legs.
    prices = {
        symbol: part.legs[0].mark + t * direction.get(symbol, 0.0)
        for symbol, part in pool.parts.items()
    }
    return np.where(alive, pool.equity(prices), 0.0)


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
