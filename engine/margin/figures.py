"""Every figure the app shows, one named function each, with its source (docs/figures.md).

Notation as in formulas.md §0: side ``s`` = +1 long / −1 short, quantity ``Q``, entry ``EP``,
mark ``P``. A pool is an isolated position with its margin, or the cross pool (DESIGN §1).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from marginlab.engine.margin.max_loss import pool_at, pool_max_loss
from marginlab.engine.margin.models import Position
from marginlab.engine.margin.pools import Leg, Pool, equity_now
from marginlab.engine.margin.report import MAX_PRICE
from marginlab.engine.margin.slices import Slice, many_roots
from marginlab.engine.margin.solver import bankruptcy_t, crossings, nearest

MAX_RATIO = 1e12


def bounded_ratio(value: float) -> float | None:
    """A ratio as shown (margin ratio, leverage, distance to liquidation), or None beyond
    ±10^12: only a figure typed near 0 gets there (an equity, a margin, a mark), no reader can
    use it, and as a percentage it would no longer fit in a float."""
    return value if math.isfinite(value) and abs(value) <= MAX_RATIO else None


def finite_or_none(value: float | None) -> float | None:
    """A figure that overflowed (e.g. a ratio over a near-zero equity) is shown as absent."""
    return value if value is not None and math.isfinite(value) else None


def notional(leg: Leg) -> float:
    """Position value at the mark, ``Q · P`` (Binance "Notional Value")."""
    return leg.quantity * leg.mark


def initial_margin(position: Position, pool: Pool, close_fee: float = 0.0) -> float:
    """Margin put in: isolated, the pool's margin (the margin given, default
    ``Q · EP / leverage``, scaled to fit the wallet where "all isolated" needs more than it
    holds: ``pools.isolated_margin_scale``); cross, ``Q · EP / leverage`` (Binance FAQ
    "initial margin = notional / leverage"; DESIGN §2). On a venue that counts the fee to
    close (``close_fee``: ``fees.maintenance_fee``), the default margin holds it too (Bybit
    UTA "Initial Margin = Position Value / Leverage + Estimated Fee to Close Position")."""
    return pool.cash if pool.kind == "isolated" else position.cross_initial_margin + close_fee


def effective_leverage(position: Position, initial: float) -> float | None:
    """Entry notional over the margin put in, ``Q · EP / IM`` (DESIGN §2: an explicit margin
    makes the leverage shown differ from the one typed)."""
    if initial <= 0:
        # A notional typed near 0 rounds its default margin to 0 as well: their ratio is the
        # leverage itself.
        return float(position.leverage)
    return bounded_ratio(position.entry_notional / initial)


def maintenance_margin(leg: Leg) -> float:
    """MM at today's mark: ``Q · P · MMR_tier − cum_tier`` (Binance FAQ "Leverage and Margin";
    Bybit "Maintenance Margin", on entry value; Hyperliquid ``value / (2 · max leverage)``)."""
    return leg.maintenance(leg.mark)


def maintenance_rate(leg: Leg) -> float:
    """MMR of the tier in force at the mark (at the entry value on an entry basis)."""
    return leg.tier_rate()


def liquidation_price(pool: Pool, symbol: str, mark: float) -> float | None:
    """The mark of ``symbol`` at which the pool's equity equals its maintenance margin, every
    other symbol at its mark (Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M
    Futures Contracts", ``LP = (WB − TMM1 + UPNL1 + cum − s·Q·EP) / (Q·MMR − s·Q)``, solved
    tier by tier in ``solver``). The nearer of the two thresholds; None when no positive
    price liquidates the pool. All legs of one symbol in a pool (a hedge) share it. None also
    beyond the largest price a scenario may name (10^12): such a root only tells that a slope
    is 0 or within rounding of it."""
    if len(pool.legs) == 1:
        price = single_leg_liquidation(pool)
        if price is not _UNSOLVED:
            return price
    if len(pool.parts) > _MANY_PARTS:
        return _nearest_root(pool, symbol, mark)
    t = nearest(crossings(pool, {symbol: 1.0}))
    if t is None or not 0 < mark + t <= MAX_PRICE:
        return None
    return finite_or_none(mark + t)


def _nearest_root(pool: Pool, symbol: str, mark: float) -> float | None:
    """``liquidation_price`` of a pool of many symbols: the roots of its health along
    ``symbol``'s price, every other price at its mark, found exactly on each tier segment as
    the max-loss search finds them (``slices.Slice.roots``, remembered on the symbol's part:
    the search at the marks starts from these very ones); the nearer to the mark."""
    marks, order = pool.remembered("marks by part", lambda: _marks_by_part(pool))
    slices = pool.remembered("slices at marks", lambda: _slices_at(pool, marks))
    roots = slices[order[symbol]].roots()
    if not roots:
        return None
    root = min(roots, key=lambda r: abs(r - mark))
    return root if root <= MAX_PRICE else None


def _slices_at(pool: Pool, marks: dict[str, float]) -> list[Slice]:
    """Each part's ``Slice`` at the marks, their roots found at once (``many_roots``): a
    report asks for every symbol's."""
    today = pool_at(pool, marks)
    found = [
        Slice.apart(part, equity, maintenance, today.health, today.equity)
        for part, equity, maintenance in zip(
            pool.parts.values(), today.part_equity, today.part_maintenance, strict=True
        )
    ]
    many_roots(found)
    return found


def _marks_by_part(pool: Pool) -> tuple[dict[str, float], dict[str, int]]:
    """Each part's mark, and its place among the pool's parts."""
    marks = {symbol: part.legs[0].mark for symbol, part in pool.parts.items()}
    return marks, {symbol: k for k, symbol in enumerate(pool.parts)}


_MANY_PARTS = 8  # symbols of a pool from which its liquidation prices are its roots
_UNSOLVED = -1.0
SOLVER_EDGE = 1e-9  # a closed form's threshold this near 0 or the largest price: the solver's


def single_leg_liquidation(pool: Pool) -> float | None:
    """The liquidation price of a healthy pool of one position (an isolated position, or a
    cross pool holding one) in closed form, tier by tier: Binance's
    ``LP = (WB + cum − s·Q·EP) / (Q·MMR − s·Q)`` with the tier re-solved at the answer (Binance
    FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts"); on an entry basis
    ``LP = EP − s·(cash − MM)/Q`` (Bybit "Liquidation Price (USDT Contract)"). The same root
    ``solver.crossings`` finds by walking the segments, without the walk: health is monotone
    in the price for one position (slope ``Q·(s − MMR)``), so the root is the one segment
    whose answer lies in its own tier. ``_UNSOLVED`` when the pool is at or past liquidation
    already (the solver answers that case)."""
    (leg,) = pool.legs
    mark = leg.mark
    if float(pool.health({leg.symbol: mark})) <= 0:
        return _UNSOLVED
    s, q = leg.sign, leg.quantity
    schedule = leg.schedule
    if schedule.basis == "entry":
        price = leg.entry_price - s * (pool.cash - leg.entry_maintenance) / q
        return _bounded(price, mark, s)
    # Walk from the mark's tier in the direction of the loss (down for a long, up for a short).
    k = schedule.tier_index(q * mark)
    floors, rates, amounts = schedule.floors, schedule.rates, schedule.amounts
    last = len(floors) - 1
    while 0 <= k <= last:
        slope = q * (s - rates[k])
        if slope * s <= 0:  # health no longer falls this way: not reached in this tier
            return _UNSOLVED
        price = (s * q * leg.entry_price - pool.cash - amounts[k]) / slope
        low = floors[k] if k > 0 else -math.inf
        high = floors[k + 1] if k < last else math.inf
        notional = q * price
        if low <= notional < high or (k == 0 and notional < high):
            return _bounded(price, mark, s)
        k += 1 if notional >= high else -1
        if (s > 0 and notional >= high) or (s < 0 and notional < low):
            return _UNSOLVED  # the answer lies back towards the mark: let the solver decide
    return _UNSOLVED


def _bounded(price: float, mark: float, sign: int) -> float | None:
    """A liquidation price on the loss side of the mark, clear of 0 and of the largest price
    a scenario may name; ``_UNSOLVED`` otherwise, for the solver's own edge handling."""
    if not math.isfinite(price) or sign * (price - mark) > 0:
        return _UNSOLVED
    if not SOLVER_EDGE * mark < price < MAX_PRICE * (1 - SOLVER_EDGE):
        return _UNSOLVED  # at 0 or at the largest price, within rounding: the solver decides
    return price


def bankruptcy_price(pool: Pool, symbol: str, mark: float) -> float | None:
    """The mark of ``symbol`` at which the pool's equity is 0 (Bybit "Bankruptcy Price (USDT
    Contract)": ``EP · (1 − 1/L)`` for a fresh isolated long; formulas.md §0)."""
    t = bankruptcy_t(pool, {symbol: 1.0})
    return None if t is None or mark + t <= 0 else finite_or_none(mark + t)


def liquidation_distance(liquidation: float | None, mark: float) -> float | None:
    """How far the mark must move to liquidate, as a fraction: ``LP / P − 1``."""
    return None if liquidation is None else bounded_ratio(liquidation / mark - 1)


def margin_ratio(maintenance: float, equity: float) -> float | None:
    """``Maintenance Margin / Margin Balance`` (Binance "Futures Liquidation Protocols": a
    position is liquidated when it reaches 100 %), so it is ≥ 100 % exactly when the pool is
    at or past liquidation. None when the equity is 0 or less: past liquidation, the ratio is
    no longer a number (``past_liquidation`` says so)."""
    return bounded_ratio(maintenance / equity) if equity > 0 else None


def account_margin_ratio(ratios: list[float | None], past: bool) -> float | None:
    """The account's margin ratio: the highest of its pools', so one pool near liquidation is
    never averaged away by the others; at least 100 % when a pool is past liquidation."""
    known = [r for r in ratios if r is not None]
    if past:
        known.append(1.0)
    return max(known) if known else None


def pool_loss_boundary(pool: Pool, marks: Mapping[str, float]) -> float:
    """What a liquidation takes: the whole pool at today's prices, its equity floored at 0
    (DESIGN §1, "Loss boundary"; max_loss.equity_now)."""
    return equity_now(pool, marks)


def max_loss(pool: Pool, marks: Mapping[str, float]) -> float:
    """Max loss if wrong of a position's pool: its equity today when some move liquidates it,
    else the loss at the worst reachable prices (``max_loss.pool_max_loss``)."""
    return pool_max_loss(pool, marks)
