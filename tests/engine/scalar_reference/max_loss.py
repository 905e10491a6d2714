"""Max loss if wrong: the loss from today's equity to the worst equity a move can reach.

A move is one straight move of the marks to new prices ``P`` (``evaluate(at=P)``). Along such
a move a pool's health (equity − maintenance margin) is concave, because maintenance is convex
in each price (``solver``): so the move liquidates the pool exactly when its health at ``P`` is
≤ 0, whatever the path's length. After the move, a pool is worth its equity if it survived and
0 if it was liquidated (its owner loses the whole pool, DESIGN §1; venues never leave a pool
below 0, the insurance fund takes the rest). The account is worth the sum of its pools.

* **A pool** (the cards' "Max loss"): if some prices liquidate it, its max loss is all of its
  equity today (margin or pool, plus unrealised PnL). Otherwise it is the loss at the worst
  reachable prices: every net-long symbol at 0. Health is a sum of one concave term per
  symbol, so its lowest value is the sum of each term's lowest, each at 0 or at the largest
  price a move may name (10^12): the test is exact.
* **If SYMBOL is wrong**: only that symbol moves, the others stay at their marks. The account's
  worth along that one price is linear between the prices where some pool is liquidated, so
  its lowest value is at one of them or at 0: the search is exact, in both directions.
* **The account**: the lowest worth over every combination of prices. Where no pool spans
  two symbols the worth is a sum of one-symbol parts and each symbol's exact search gives the
  exact answer; where the cross pool spans several, exact one-symbol searches in turn
  (coordinate descent) from today's marks and from all prices at 0, and every symbol's own
  worst move, give the lowest worth found. Every figure is the worth at prices the search
  visited, so a move reaches it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from marginlab.engine.margin.report import MAX_PRICE
from tests.engine.scalar_reference.pools import Leg, Pool, equity_now

_NUDGE = 1e-9  # past a threshold by this fraction: liquidated there, whatever the rounding


@dataclass(frozen=True, slots=True)
class WorstMove:
    """Where a search found the lowest worth: ``prices`` (0 means "towards 0"), ``loss`` from
    today's equity, and the positions liquidated on the way."""

    loss: float
    prices: dict[str, float]
    liquidated: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SymbolRisk:
    """ "If SYMBOL is wrong": the worst fall and the worst rise of that symbol alone.

    ``hedged`` is True when the symbol's legs in a cross pool offset each other: then only
    the rise liquidates, because maintenance grows with the price while PnL cancels out.
    """

    symbol: str
    fall: WorstMove
    rise: WorstMove
    hedged: bool

    @property
    def worst(self) -> WorstMove:
        return self.fall if self.fall.loss >= self.rise.loss else self.rise


def worth(pool: Pool, prices: Mapping[str, float], marks: Mapping[str, float]) -> float:
    """A pool's worth after a straight move to ``prices``: its equity if it survives, else 0
    (also 0 when it is liquidated already at ``marks``)."""
    if not pool.legs:
        return max(pool.cash, 0.0)
    if pool.health(prices) <= 0 or (marks is not prices and pool.health(marks) <= 0):
        return 0.0
    return float(pool.equity(prices))


def pool_max_loss(pool: Pool, marks: Mapping[str, float]) -> float:
    """A pool's max loss if wrong (module docstring: exact, by separability). Health and
    equity are sums of one term per symbol, each concave (health) or linear (equity) in its
    price, so each term is lowest at 0 or at the largest price a move may name."""
    now = equity_now(pool, marks)
    if not pool.legs or pool.health(marks) <= 0:
        return now if pool.legs else 0.0
    lowest_health = lowest_equity = pool.cash
    for symbol in {leg.symbol for leg in pool.legs}:
        part = _part(pool, symbol)
        lowest_health += min(part.health({symbol: x}) for x in (0.0, MAX_PRICE))
        lowest_equity += min(part.equity({symbol: x}) for x in (0.0, MAX_PRICE))
    if lowest_health <= 0:
        return now
    return max(now - lowest_equity, 0.0)


def _part(pool: Pool, symbol: str, keep: bool = True) -> Pool:
    """The pool's legs in ``symbol`` with no cash (``keep``), or the rest with the cash: pool
    equity and health are sums over legs, so the two parts add up to the pool."""
    legs = tuple(leg for leg in pool.legs if (leg.symbol == symbol) == keep)
    return Pool(pool.name, pool.kind, 0.0 if keep else pool.cash, legs)


def _final_slope(legs: list[Leg]) -> float:
    """d term / d price beyond every tier boundary."""
    return sum(
        leg.sign * leg.quantity
        - (leg.quantity * leg.schedule.rates[-1] if leg.schedule.basis == "mark" else 0.0)
        for leg in legs
    )


def _breakpoints(legs: list[Leg]) -> list[float]:
    """Prices where some leg changes maintenance tier (mark basis only)."""
    return sorted(
        {
            floor / leg.quantity
            for leg in legs
            if leg.schedule.basis == "mark"
            for floor in leg.schedule.floors[1:]
        }
    )


class _Slice:
    """One pool seen along one symbol's price, the other prices held: health and equity are
    a constant plus that symbol's legs' terms."""

    __slots__ = ("breakpoints", "equity0", "health0", "part", "slope", "symbol")

    def __init__(self, pool: Pool, symbol: str, prices: Mapping[str, float]) -> None:
        self.symbol = symbol
        self.part = _part(pool, symbol)
        rest = _part(pool, symbol, keep=False)
        self.equity0 = float(rest.equity(prices))
        self.health0 = float(rest.health(prices))
        legs = list(self.part.legs)
        self.breakpoints = _breakpoints(legs)
        self.slope = _final_slope(legs)

    def health(self, x: float) -> float:
        return self.health0 + float(self.part.health({self.symbol: x}))

    def worth(self, x: float) -> float:
        """Equity at ``x`` if the pool survives a move there, else 0."""
        if self.health(x) <= 0:
            return 0.0
        return self.equity0 + float(self.part.equity({self.symbol: x}))

    def roots(self) -> list[float]:
        """Every price in (0, ∞) where health is 0. Health is piecewise linear between tier
        boundaries and concave (``solver``), so it rises to one peak and falls after it: two
        binary searches over the boundaries find the segments that hold the roots, and each
        root is exact on its segment."""
        points = [0.0, *self.breakpoints]
        cache: dict[int, float] = {}

        def h(i: int) -> float:
            if i not in cache:
                cache[i] = self.health(points[i])
            return cache[i]

        n = len(points) - 1
        lo, hi = 0, n  # the peak: the first point not below its right neighbour
        while lo < hi:
            mid = (lo + hi) // 2
            if h(mid) < h(mid + 1):
                lo = mid + 1
            else:
                hi = mid
        peak = lo
        roots = []
        if h(peak) > 0:
            if h(0) <= 0:  # rising side: the last point at or below 0
                lo, hi = 0, peak
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    lo, hi = (mid, hi) if h(mid) <= 0 else (lo, mid)
                roots.append(_cross(points[lo], points[hi], h(lo), h(hi)))
            if h(n) <= 0:  # falling side: the last point above 0
                lo, hi = peak, n
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    lo, hi = (mid, hi) if h(mid) > 0 else (lo, mid)
                roots.append(_cross(points[lo], points[hi], h(lo), h(hi)))
            elif self.slope < 0:
                roots.append(points[n] - h(n) / self.slope)
        elif self.slope > 0 and h(n) <= 0:
            roots.append(points[n] - h(n) / self.slope)
        return [r for r in roots if r > 0 and math.isfinite(r)]


def _cross(a: float, b: float, fa: float, fb: float) -> float:
    """Where the line through (a, fa) and (b, fb) meets 0."""
    return a if fa == fb else a + (b - a) * fa / (fa - fb)


def thresholds(pool: Pool, symbol: str, prices: Mapping[str, float]) -> list[float]:
    """Every price of ``symbol`` in (0, ∞) where the pool's health is 0, the other prices held
    at ``prices``."""
    return sorted(_Slice(pool, symbol, prices).roots())


class _Account:
    """The pools of one variant, searched over prices."""

    def __init__(self, pools: tuple[Pool, ...], marks: Mapping[str, float]) -> None:
        self.marks = dict(marks)
        self.now = sum(equity_now(p, marks) for p in pools)
        # A pool liquidated today is worth 0 after any move; a free balance stays as it is.
        self.fixed = sum(max(p.cash, 0.0) for p in pools if not p.legs)
        self.live = [p for p in pools if p.legs and p.health(marks) > 0]
        self.dead = [p for p in pools if p.legs and p.health(marks) <= 0]
        self.by_symbol = {
            symbol: [p for p in self.live if any(leg.symbol == symbol for leg in p.legs)]
            for symbol in marks
        }
        self._searched: dict[tuple[str, tuple[tuple[str, float], ...]], dict[int, Any]] = {}
        self._symbols = [tuple(dict.fromkeys(leg.symbol for leg in p.legs)) for p in self.live]
        self._worths: dict[tuple[int, tuple[float, ...]], float] = {}

    def pool_worth(self, index: int, prices: Mapping[str, float]) -> float:
        """``worth`` of live pool ``index``, remembered by the prices of its own symbols: a
        search moves one symbol at a time, and most pools do not hold it."""
        key = (index, tuple(prices[s] for s in self._symbols[index]))
        value = self._worths.get(key)
        if value is None:
            value = self._worths[key] = worth(self.live[index], prices, prices)
        return value

    def worth(self, prices: Mapping[str, float]) -> float:
        return self.fixed + sum(self.pool_worth(i, prices) for i in range(len(self.live)))

    def move(self, prices: Mapping[str, float]) -> WorstMove:
        value, gone = self.fixed, [leg.position_id for pool in self.dead for leg in pool.legs]
        for pool in self.live:
            if pool.health(prices) <= 0:
                gone += [leg.position_id for leg in pool.legs]
            else:
                value += float(pool.equity(prices))
        return WorstMove(max(self.now - value, 0.0), dict(prices), tuple(gone))

    def line_search(
        self, symbol: str, prices: dict[str, float], side: int = 0
    ) -> tuple[float, dict[str, float]]:
        """The lowest worth moving ``symbol`` alone: both ways (side 0), down (−1) or up (+1)."""
        key = (symbol, tuple(sorted(prices.items())))
        found = self._searched.get(key)
        if found is None:
            found = self._searched[key] = self._line_search(symbol, prices)
        value, x = found[side]
        return value, {**prices, symbol: x}

    def _line_search(self, symbol: str, prices: dict[str, float]) -> dict[int, tuple[float, float]]:
        """Lowest worth and where, for each side (0 both, −1 down, +1 up). Only the pools
        holding ``symbol`` change; the candidates are 0, every threshold (just past it) and
        the largest price a move may name (module docstring)."""
        moving = self.by_symbol.get(symbol, [])
        base = self.fixed + sum(
            self.pool_worth(i, prices)
            for i in range(len(self.live))
            if symbol not in self._symbols[i]
        )
        slices = [_Slice(pool, symbol, prices) for pool in moving]
        start = prices[symbol]
        points = {0.0, MAX_PRICE}
        for piece in slices:
            for root in piece.roots():
                points.update((root * (1 - _NUDGE), root * (1 + _NUDGE)))
        here = base + sum(piece.worth(start) for piece in slices)
        best = {0: (here, start), -1: (here, start), 1: (here, start)}
        for x in points:
            if x > MAX_PRICE:
                continue
            value = base + sum(piece.worth(x) for piece in slices)
            for side in (0, -1 if x < start else 1):
                if value < best[side][0] - 1e-12 * max(1.0, abs(best[side][0])):
                    best[side] = (value, x)
        return best

    def descend(self, start: dict[str, float], order: list[str]) -> tuple[float, dict[str, float]]:
        value, prices = self.worth(start), dict(start)
        for _ in range(6):
            improved = False
            for symbol in order:
                trial_value, trial = self.line_search(symbol, prices)
                if trial_value < value - 1e-9 * max(1.0, abs(value)):
                    value, prices, improved = trial_value, trial, True
            if not improved:
                break
        return value, prices


def symbol_risks(pools: tuple[Pool, ...], marks: Mapping[str, float]) -> dict[str, SymbolRisk]:
    """ "If SYMBOL is wrong" for every symbol: exact one-symbol searches, both directions."""
    return _symbol_risks(_Account(pools, marks), pools)


def _symbol_risks(account: _Account, pools: tuple[Pool, ...]) -> dict[str, SymbolRisk]:
    out = {}
    for symbol in account.marks:
        start = dict(account.marks)
        _, fall = account.line_search(symbol, start, -1)
        _, rise = account.line_search(symbol, start, +1)
        out[symbol] = SymbolRisk(
            symbol, account.move(fall), account.move(rise), _hedged(pools, symbol)
        )
    return out


def max_losses(
    pools: tuple[Pool, ...], marks: Mapping[str, float]
) -> tuple[dict[str, SymbolRisk], WorstMove]:
    """ "If SYMBOL is wrong" for every symbol, and the account's max loss, sharing one search."""
    account = _Account(pools, marks)
    risks = _symbol_risks(account, pools)
    return risks, _account_max_loss(account, risks)


def account_max_loss(
    pools: tuple[Pool, ...], marks: Mapping[str, float], risks: Mapping[str, SymbolRisk]
) -> WorstMove:
    """The account's max loss if wrong: the lowest worth the searches reach (module docstring)."""
    return _account_max_loss(_Account(pools, marks), risks)


def _account_max_loss(account: _Account, risks: Mapping[str, SymbolRisk]) -> WorstMove:
    marks = account.marks
    symbols = list(marks)
    best_value, best = account.worth(marks), dict(marks)
    # Every symbol's own worst move is a candidate, so the account's figure is never below
    # what one symbol alone can do; the descents look for combinations beyond them.
    for risk in risks.values():
        for move in (risk.fall, risk.rise):
            value = account.worth(move.prices)
            if value < best_value:
                best_value, best = value, move.prices
    if all(len({leg.symbol for leg in pool.legs}) == 1 for pool in account.live):
        # No pool spans two symbols: the worth is a sum of one-symbol parts, and each part's
        # own lowest, found by its exact search, together give the exact lowest.
        separable = {s: account.line_search(s, dict(marks))[1][s] for s in symbols}
        return account.move(separable if account.worth(separable) < best_value else best)
    starts = [(dict(marks), symbols), (dict.fromkeys(symbols, 0.0), symbols[::-1])]
    for start, order in starts:
        value, prices = account.descend(start, order)
        if value < best_value:
            best_value, best = value, prices
    return account.move(best)


def _hedged(pools: tuple[Pool, ...], symbol: str) -> bool:
    """Whether a cross pool holds legs of ``symbol`` both ways that cancel out."""
    for pool in pools:
        legs = [leg for leg in pool.legs if leg.symbol == symbol]
        if pool.kind != "cross" or len({leg.sign for leg in legs}) < 2:
            continue
        net = sum(leg.sign * leg.quantity for leg in legs)
        gross = sum(leg.quantity for leg in legs)
        if abs(net) <= 1e-9 * gross:
            return True
    return False
