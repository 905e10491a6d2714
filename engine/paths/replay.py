"""Replay a scenario along price paths: liquidations in time order (DESIGN §1, "Price moves").

A path is a series of candles per symbol (open, high, low, close); symbols without one stay at
their marks. Within a candle the order of high and low is unknown, so a pool is liquidated in
the first candle where its health (equity − maintenance margin) is ≤ 0 at any combination of
its symbols' highs and lows. For a pool in one symbol that is exact: the low for a net long, the
high for a net short, because health is concave in each price (``margin.solver``). A brief wick
through an isolated threshold therefore liquidates that position even when the close recovers:
the "brief false move" of the brief.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from marginlab.engine.margin.inverse import twin
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import VARIANTS, Pool, build_pools, start_equity
from marginlab.engine.margin.solver import crossings
from marginlab.engine.text.said import say

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class PricePath:
    """Candles of one or more symbols on a shared time axis (seconds)."""

    name: str
    time: FloatArray
    open: dict[str, FloatArray]
    high: dict[str, FloatArray]
    low: dict[str, FloatArray]
    close: dict[str, FloatArray]

    @property
    def steps(self) -> int:
        return int(self.time.size)


@dataclass(frozen=True, slots=True)
class PathEvent:
    """A pool liquidated during candle ``step``; ``prices`` are where it happened. ``past``:
    it was past liquidation at today's marks, before the path began (candle 0, where it
    stands whatever the path does)."""

    variant: str
    step: int
    time: float
    pool: str
    position_ids: tuple[str, ...]
    prices: dict[str, float]
    lost: float
    gap: bool
    past: bool


@dataclass(frozen=True, slots=True)
class Replay:
    path: str
    time: FloatArray
    start_equity: float
    equity: dict[str, FloatArray]  # at each candle's close, per variant
    events: tuple[PathEvent, ...]
    # The lowest equity within each candle, per variant: each live pool at the worse of its
    # symbols' lows and highs (``Pool.lowest_equity``), a pool liquidated in the candle at 0.
    # A wick the close recovers from shows here, not in ``equity``.
    lowest: dict[str, FloatArray]


def reciprocal_path(path: PricePath) -> PricePath:
    """The candles of ``1/P``: each price inverted, high and low trading places."""

    def inverted(series: dict[str, FloatArray]) -> dict[str, FloatArray]:
        return {s: 1.0 / np.asarray(v, dtype=np.float64) for s, v in series.items()}

    return PricePath(
        path.name,
        path.time,
        inverted(path.open),
        inverted(path.low),
        inverted(path.high),
        inverted(path.close),
    )


def _series(
    path: PricePath, marks: dict[str, float], symbol: str, field: dict[str, FloatArray]
) -> FloatArray:
    if symbol in field:
        return field[symbol]
    return np.full(path.steps, marks[symbol])


def replay(scenario: Scenario, path: PricePath) -> Replay:
    """Equity of each variant at every candle close, and every liquidation in time order. A
    coin-margined scenario is replayed as its linear twin along ``1/P`` (``margin.inverse``):
    a candle's high is the twin's low; equity in the coin."""
    if scenario.coin_margined:
        played = replay(twin(scenario), reciprocal_path(path))
        return replace(
            played,
            events=tuple(
                replace(e, prices={s: 1.0 / p for s, p in e.prices.items()}) for e in played.events
            ),
        )
    unknown = sorted(set(path.close) - set(scenario.symbols()))
    if unknown:
        raise ValueError(
            say("path: symbols not in the scenario: {value}", value=", ".join(unknown))
        )
    marks = scenario.marks()
    closes = {s: _series(path, marks, s, path.close) for s in marks}
    lows = {s: _series(path, marks, s, path.low) for s in marks}
    highs = {s: _series(path, marks, s, path.high) for s in marks}
    equity: dict[str, FloatArray] = {}
    lowest: dict[str, FloatArray] = {}
    events: list[PathEvent] = []
    for variant in VARIANTS:
        total = np.zeros(path.steps)
        least = np.zeros(path.steps)
        for pool in build_pools(scenario, variant):
            if not pool.legs:
                total += pool.cash
                least += pool.cash
                continue
            step = _first_liquidation(pool, path, marks)
            alive = np.arange(path.steps) < (path.steps if step is None else step)
            total += np.where(alive, pool.equity(closes), 0.0)
            least += np.where(alive, pool.lowest_equity(lows, highs), 0.0)
            if step is not None:
                events.append(_event(variant, pool, path, marks, step))
        equity[variant] = total
        lowest[variant] = least
    start = start_equity(scenario)
    events.sort(key=lambda e: (e.step, VARIANTS.index(e.variant), e.pool))
    return Replay(path.name, path.time, start, equity, tuple(events), lowest)


def _first_liquidation(pool: Pool, path: PricePath, marks: dict[str, float]) -> int | None:
    """Index of the first candle in which ``pool`` reaches its maintenance margin: the lowest
    health within each candle, one check per symbol (``Pool.lowest_health``)."""
    symbols = {leg.symbol for leg in pool.legs}
    low = {s: _series(path, marks, s, path.low) for s in symbols}
    high = {s: _series(path, marks, s, path.high) for s in symbols}
    hits = np.flatnonzero(pool.lowest_health(low, high) <= 0)
    return int(hits[0]) if hits.size else None


def _event(
    variant: str, pool: Pool, path: PricePath, marks: dict[str, float], step: int
) -> PathEvent:
    symbols = sorted({leg.symbol for leg in pool.legs})
    opens = {s: float(_series(path, marks, s, path.open)[step]) for s in symbols}
    prices = dict(opens)
    gap = pool.health(opens) <= 0
    moving = [s for s in symbols if s in path.close]
    if len(moving) == 1 and not gap:
        # One moving symbol: the exact threshold between the open and the extreme that
        # breached it (the others are still at their marks).
        symbol = moving[0]
        c = crossings(pool, {symbol: 1.0})
        low = float(_series(path, marks, symbol, path.low)[step])
        mark = marks[symbol]
        down = None if c.down is None else mark + c.down
        up = None if c.up is None else mark + c.up
        prices[symbol] = down if down is not None and low <= down else (up or opens[symbol])
    elif not gap:
        for s in moving:  # several moving symbols: the candle's extremes, the worst case
            low = float(_series(path, marks, s, path.low)[step])
            high = float(_series(path, marks, s, path.high)[step])
            legs = [leg for leg in pool.legs if leg.symbol == s]
            net = sum(leg.sign * leg.quantity for leg in legs)
            prices[s] = low if net >= 0 else high
    return PathEvent(
        variant,
        step,
        float(path.time[step]),
        pool.name,
        tuple(leg.position_id for leg in pool.legs),
        prices,
        max(pool.cash, 0.0),
        gap,
        step == 0 and pool.past_liquidation(),
    )
