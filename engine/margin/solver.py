"""Where a pool reaches its liquidation threshold along a straight price move.

Prices move as ``P_k(t) = mark_k + t * direction_k``. Along such a line a pool's health
``h(t) = cash + Σ s·Q·(P − EP) − Σ MM(P)`` is the venue equation "equity = maintenance margin"
(Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts":
``LP = (WB − TMM1 + UPNL1 + cum − s·Q·EP) / (Q·MMR − s·Q)``; dYdX v4 docs ``p' = (e − s·p −
MMR_o) / (|s|·MMF − s)``; Hyperliquid docs "Liquidations"). Between two tier boundaries ``h`` is
linear, so that closed form is exact on the segment; where the solution falls outside the tier
assumed, the next tier's MMR and cum are used, as Binance asks ("redo the calculation with that
bracket"). We walk the tier segments from the mark outwards, so the tier at the answer is the
tier used to compute it, and the walk always ends.

Maintenance rates rise with notional and the tiers join continuously (``cum_n = floor_n·(MMR_n −
MMR_{n−1}) + cum_{n−1}``), so MM is convex in ``t`` and ``h`` concave: the healthy set is one
interval around the mark, each direction has at most one threshold, and a binary search over the
segment ends finds it.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from marginlab.engine.margin.pools import Pool, SymbolPart
from marginlab.engine.margin.remembered import Remembered

_INF = math.inf
_FEW_PARTS = 8  # a pool of this many symbols or fewer is summed part by part


@dataclass(frozen=True, slots=True)
class Crossings:
    """Thresholds of one pool along a line: ``down`` < 0 < ``up`` in units of ``t``, or None.

    ``healthy`` is False when the pool is at or past liquidation already at ``t = 0``.
    """

    healthy: bool
    down: float | None
    up: float | None

    def alive_at(self, t: float) -> bool:
        """Whether a monotone move from 0 to ``t`` leaves the pool unliquidated."""
        if not self.healthy:
            return False
        if t >= 0:
            return self.up is None or t < self.up
        return self.down is None or t > self.down


class _Line:
    """A pool's health along ``P(t) = mark + t * direction`` (legs' own marks): the parts of
    the symbols that do not move add a constant, so each step evaluates only the moving legs."""

    def __init__(self, pool: Pool, direction: Mapping[str, float]) -> None:
        self.moving: list[tuple[SymbolPart, float, float]] = []  # part, its mark, its slope
        # Equity and maintenance summed apart, as ``Pool.health`` sums them. A pool of many
        # symbols with few moving: its totals at the marks less the moving parts, so each
        # symbol's liquidation price costs that symbol's legs, not the whole pool's.
        self.equity = pool.cash
        self.maintenance = 0.0
        moving = [s for s in pool.parts if direction.get(s, 0.0) != 0]
        if len(pool.parts) > _FEW_PARTS and len(moving) * 4 < len(pool.parts):
            equity, maintenance = pool.totals_at_marks()
            self.equity += equity
            self.maintenance += maintenance
            for symbol in moving:
                part = pool.parts[symbol]
                mark = part.legs[0].mark
                self.equity -= float(part.equity(mark))
                self.maintenance -= float(part.maintenance(mark))
                self.moving.append((part, mark, direction[symbol]))
            return
        for symbol, part in pool.parts.items():
            mark = part.legs[0].mark
            d = direction.get(symbol, 0.0)
            if d == 0:
                self.equity += float(part.equity(mark))
                self.maintenance += float(part.maintenance(mark))
            else:
                self.moving.append((part, mark, d))

    def health(self, t: float) -> float:
        equity, maintenance = self.equity, self.maintenance
        for part, mark, d in self.moving:
            price = mark + t * d
            equity += float(part.equity(price))
            maintenance += float(part.maintenance(price))
        return equity - maintenance

    def limit(self, sign: int) -> float:
        """Largest |t| in direction ``sign`` before some moving price reaches 0."""
        bound = _INF
        for _, mark, d in self.moving:
            if sign * d < 0:
                bound = min(bound, mark / abs(d))
        return bound

    def breakpoints(self, sign: int, bound: float) -> list[float]:
        """|t| of every tier boundary crossed in direction ``sign``, sorted."""
        if len(self.moving) == 1:  # a liquidation price: its part's edges are in order
            part, mark, d = self.moving[0]
            step = sign * d
            edges = part.edges
            if step > 0:
                ahead = edges[bisect.bisect_right(edges, mark) :]
            else:
                ahead = edges[: bisect.bisect_left(edges, mark)][::-1]
            ordered: list[float] = []
            for price in ahead:
                u = (price - mark) / step
                if 0 < u < bound and (not ordered or u != ordered[-1]):
                    ordered.append(u)
            return ordered
        # Every part's edges at once (a cross pool of 50 symbols has hundreds), in the same
        # float arithmetic as one by one; ``np.unique`` sorts and drops repeats.
        boundaries = [part.breakpoints for part, _, _ in self.moving]
        counts = [each.size for each in boundaries]
        prices = np.concatenate(boundaries)
        marks = np.repeat([mark for _, mark, _ in self.moving], counts)
        steps = np.repeat([sign * d for _, _, d in self.moving], counts)
        with np.errstate(all="ignore"):  # edges near 10^308 (a quantity near 0): inf, as floats
            u = (prices - marks) / steps
        found: list[float] = np.unique(u[(u > 0) & (u < bound)]).tolist()
        return found

    def final_slope(self, sign: int) -> float:
        """d health / d|t| beyond every boundary, for an unbounded direction."""
        return sum(sign * d * part.final_slope() for part, _, d in self.moving)


def _threshold(line: _Line, sign: int, start: float) -> float | None:
    """First |t| > 0 in direction ``sign`` where health reaches 0, given health(0) = start > 0."""
    bound = line.limit(sign)
    points = [0.0, *line.breakpoints(sign, bound)]
    values: dict[int, float] = {0: start}

    def value(i: int) -> float:
        if i not in values:
            values[i] = line.health(sign * points[i])
        return values[i]

    if math.isfinite(bound):
        points.append(bound)
        if value(len(points) - 1) > 0:
            return None
    else:
        last = len(points) - 1
        slope = line.final_slope(sign)
        if value(last) > 0:
            if slope >= 0:
                return None
            return points[last] + value(last) / -slope
    # Concave health: positive up to the threshold, not positive after it.
    lo, hi = 0, len(points) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if value(mid) > 0:
            lo = mid
        else:
            hi = mid
    a, b, fa, fb = points[lo], points[hi], value(lo), value(hi)
    root = a + (b - a) * fa / (fa - fb)
    if root >= bound:
        return None  # only reached at a zero price
    return root


def _boundary_from_inside(line: _Line, sign: int) -> float | None:
    """For a pool already in liquidation: first |t| where health turns positive again."""
    bound = line.limit(sign)
    points = [0.0, *line.breakpoints(sign, bound)]
    if math.isfinite(bound):
        points.append(bound * (1 - 1e-12))
    previous = line.health(0.0)
    for a, b in itertools.pairwise(points):
        current = line.health(sign * b)
        if current > 0:
            return a + (b - a) * previous / (previous - current)
        previous = current
    if not math.isfinite(bound):
        slope = line.final_slope(sign)
        if slope > 0:
            return points[-1] + -previous / slope
    return None


def crossings(pool: Pool, direction: Mapping[str, float]) -> Crossings:
    """Thresholds of ``pool`` along ``direction``; see the module docstring for the formula.
    Remembered on the pool by the direction of its own symbols: a sweep or a what-if along
    one symbol asks every pool, and an edit rebuilds one (``Pool.memo``)."""
    if not pool.legs:
        return Crossings(True, None, None)
    if len(pool.parts) == 1 and not direction.get(next(iter(pool.parts)), 0.0):
        # A pool of one symbol the move leaves where it is (every other symbol's isolated
        # positions, in a sweep along one price): healthy or not at the marks, no threshold.
        # Its health summed as ``_Line`` sums it (``Pool.at_marks``), without the memo lookup
        # a big book paid for each of its pools.
        equity, maintenance = pool.at_marks()
        return _UNMOVED[equity - maintenance > 0]
    key = tuple([direction.get(symbol, 0.0) for symbol in pool.parts])
    # A drag of the what-if line asks along a new direction each step: a few are kept. The
    # memo is read inline: a sweep of a book of 500 asks every pool of three variants.
    memo: Remembered[tuple[float, ...], Crossings] | None = pool.memo.get(_CROSSINGS)
    if memo is None:
        memo = pool.memo[_CROSSINGS] = Remembered(32)
    return memo.get(key, lambda: _crossings(pool, direction))


_CROSSINGS = "crossings"


_UNMOVED = {healthy: Crossings(healthy, None, None) for healthy in (True, False)}


def _crossings(pool: Pool, direction: Mapping[str, float]) -> Crossings:
    line = _Line(pool, direction)
    start = line.health(0.0)
    if not line.moving:  # the move leaves the pool's prices where they are
        return Crossings(start > 0, None, None)
    if start <= 0:
        down = _boundary_from_inside(line, -1)
        up = _boundary_from_inside(line, +1)
        return Crossings(False, None if down is None else -down, up)
    down = _threshold(line, -1, start)
    up = _threshold(line, +1, start)
    return Crossings(True, None if down is None else -down, up)


def nearest(c: Crossings) -> float | None:
    """The threshold closer to the mark (in ``t``), or None when there is none."""
    options = [t for t in (c.down, c.up) if t is not None]
    return min(options, key=abs) if options else None


def bankruptcy_t(pool: Pool, direction: Mapping[str, float]) -> float | None:
    """``t`` where pool equity ``cash + Σ upnl`` is 0 (Bybit "Bankruptcy Price"; formulas.md §0).

    Equity is linear in ``t``, so there is at most one root; a flat line has none.
    """
    # Per symbol: each part's net quantity, so a cross pool of many symbols costs the moving
    # symbols' parts, not every leg once per symbol.
    if len(pool.parts) < len(direction):
        slope = sum(part.net * direction.get(s, 0.0) for s, part in pool.parts.items())
    else:
        slope = sum(pool.parts[s].net * d for s, d in direction.items() if s in pool.parts and d)
    if slope == 0:
        return None
    if len(pool.parts) > _FEW_PARTS:
        return -(pool.cash + pool.totals_at_marks()[0]) / slope
    return -pool.equity({leg.symbol: leg.mark for leg in pool.legs}) / slope
